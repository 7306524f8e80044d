/* avro_ocf.c - Avro object container file writer (see avro_ocf.h). */
#include "avro_ocf.h"

#include <avro.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "incident_avro.h"
#include "xmalloc.h"

#define OCF_DEFAULT_BLOCK_BYTES 65536

struct sr_avro_ocf_s {
    FILE *out;
    unsigned char sync[SR_AVRO_OCF_SYNC_LEN];
    size_t block_bytes;
    sr_buf_t block; /* pending objects, at most block_bytes + one object */
    uint64_t block_count;
    uint64_t total;
};

/* Avro long: zig-zag, then base-128 little-endian varint. */
static void put_long(sr_buf_t *b, int64_t v)
{
    uint64_t z = ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
    unsigned char tmp[10];
    size_t n = 0;

    do {
        tmp[n] = (unsigned char)(z & 0x7F);
        z >>= 7;
        if (z != 0) {
            tmp[n] |= 0x80;
        }
        n++;
    } while (z != 0);
    sr_buf_append(b, tmp, n);
}

static void put_bytes(sr_buf_t *b, const void *p, size_t n)
{
    put_long(b, (int64_t)n);
    sr_buf_append(b, p, n);
}

static sr_err_t write_all(FILE *out, const void *p, size_t n, char *errstr,
                          size_t errstr_size)
{
    if (n > 0 && fwrite(p, 1, n, out) != n) {
        sr_errstr_set(errstr, errstr_size, "Avro file write failed: %s",
                      strerror(errno));
        return SR_ERR_IO;
    }
    return SR_OK;
}

/* A marker that differs between files; only its uniqueness within a file
 * matters (readers resynchronise on it after a damaged block). */
static void random_sync(unsigned char *sync)
{
    if (getrandom(sync, SR_AVRO_OCF_SYNC_LEN, GRND_NONBLOCK) ==
        SR_AVRO_OCF_SYNC_LEN) {
        return;
    }
    {
        struct timespec ts;
        uint64_t seed[3];
        uint64_t a, b;

        clock_gettime(CLOCK_REALTIME, &ts);
        seed[0] = (uint64_t)ts.tv_sec;
        seed[1] = (uint64_t)ts.tv_nsec;
        seed[2] = (uint64_t)getpid();
        a = sr_crc64_avro(seed, sizeof(seed));
        seed[2] ^= a;
        b = sr_crc64_avro(seed, sizeof(seed));
        memcpy(sync, &a, 8);
        memcpy(sync + 8, &b, 8);
    }
}

sr_avro_ocf_t *sr_avro_ocf_new(FILE *out, const char *schema_json,
                               size_t schema_len, const unsigned char *sync,
                               size_t block_bytes, char *errstr,
                               size_t errstr_size)
{
    static const char magic[4] = {'O', 'b', 'j', 1};
    static const char codec_name[] = "null";
    sr_avro_ocf_t *ocf;
    avro_schema_t schema;
    sr_buf_t hdr;
    sr_err_t err;

    if (avro_schema_from_json_length(schema_json, schema_len, &schema)) {
        sr_errstr_set(errstr, errstr_size, "Avro file schema: %s",
                      avro_strerror());
        return NULL;
    }
    avro_schema_decref(schema);
    ocf = sr_xcalloc(1, sizeof(*ocf));
    ocf->out = out;
    ocf->block_bytes = block_bytes > 0 ? block_bytes
                                       : OCF_DEFAULT_BLOCK_BYTES;
    /* Bounded by block_bytes plus one object, whose size the caller's
     * encoder already capped. */
    sr_buf_init(&ocf->block, 0);
    if (sync != NULL) {
        memcpy(ocf->sync, sync, SR_AVRO_OCF_SYNC_LEN);
    } else {
        random_sync(ocf->sync);
    }
    sr_buf_init(&hdr, 0);
    sr_buf_append(&hdr, magic, sizeof(magic));
    /* The metadata map<bytes>: one block of two entries, then 0. */
    put_long(&hdr, 2);
    put_bytes(&hdr, "avro.schema", strlen("avro.schema"));
    put_bytes(&hdr, schema_json, schema_len);
    put_bytes(&hdr, "avro.codec", strlen("avro.codec"));
    put_bytes(&hdr, codec_name, strlen(codec_name));
    put_long(&hdr, 0);
    sr_buf_append(&hdr, ocf->sync, SR_AVRO_OCF_SYNC_LEN);
    err = write_all(out, hdr.data, hdr.len, errstr, errstr_size);
    sr_buf_clear(&hdr);
    if (err != SR_OK) {
        sr_avro_ocf_destroy(ocf);
        return NULL;
    }
    return ocf;
}

sr_err_t sr_avro_ocf_flush(sr_avro_ocf_t *ocf, char *errstr,
                           size_t errstr_size)
{
    sr_buf_t head;
    sr_err_t err;

    if (ocf->block_count > 0) {
        sr_buf_init(&head, 0);
        put_long(&head, (int64_t)ocf->block_count);
        put_long(&head, (int64_t)ocf->block.len);
        err = write_all(ocf->out, head.data, head.len, errstr, errstr_size);
        sr_buf_clear(&head);
        if (err == SR_OK) {
            err = write_all(ocf->out, ocf->block.data, ocf->block.len,
                            errstr, errstr_size);
        }
        if (err == SR_OK) {
            err = write_all(ocf->out, ocf->sync, SR_AVRO_OCF_SYNC_LEN,
                            errstr, errstr_size);
        }
        if (err != SR_OK) {
            return err;
        }
        sr_buf_reset(&ocf->block);
        ocf->block_count = 0;
    }
    if (fflush(ocf->out) != 0) {
        sr_errstr_set(errstr, errstr_size, "Avro file flush failed: %s",
                      strerror(errno));
        return SR_ERR_IO;
    }
    return SR_OK;
}

sr_err_t sr_avro_ocf_append(sr_avro_ocf_t *ocf, const void *datum,
                            size_t len, char *errstr, size_t errstr_size)
{
    sr_buf_append(&ocf->block, datum, len);
    ocf->block_count++;
    ocf->total++;
    if (ocf->block.len >= ocf->block_bytes) {
        return sr_avro_ocf_flush(ocf, errstr, errstr_size);
    }
    return SR_OK;
}

uint64_t sr_avro_ocf_count(const sr_avro_ocf_t *ocf)
{
    return ocf->total;
}

void sr_avro_ocf_destroy(sr_avro_ocf_t *ocf)
{
    if (ocf == NULL) {
        return;
    }
    sr_buf_clear(&ocf->block);
    free(ocf);
}
