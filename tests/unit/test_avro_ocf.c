/* test_avro_ocf.c - the object container file writer, read back by
 * Avro-C's own file reader (an implementation independent of the
 * writer). */
#include <avro.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "avro_ocf.h"
#include "buf.h"
#include "check.h"
#include "incident.h"
#include "incident_avro.h"
#include "incident_fixture.h"

/* Reads an Avro long from p (at most end); returns the bytes used, 0 on
 * malformed input. */
static size_t get_long(const unsigned char *p, const unsigned char *end,
                       int64_t *out)
{
    uint64_t v = 0;
    size_t n = 0;

    for (int shift = 0; p + n < end && shift < 64; shift += 7) {
        unsigned char b = p[n++];

        v |= (uint64_t)(b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
            *out = (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
            return n;
        }
    }
    return 0;
}

typedef struct header_s {
    char schema[16384];
    char codec[32];
    unsigned char sync[SR_AVRO_OCF_SYNC_LEN];
    size_t len; /* header bytes including the sync marker */
} header_t;

/* Parses the container header by hand, to see the exact metadata bytes
 * (Avro-C's reader only gives the parsed schema). */
static int parse_header(const unsigned char *p, size_t len, header_t *h)
{
    const unsigned char *q = p + 4, *end = p + len;
    int64_t count, n;
    size_t used;

    memset(h, 0, sizeof(*h));
    if (len < 4 || memcmp(p, "Obj\001", 4) != 0) {
        return -1;
    }
    for (;;) {
        if ((used = get_long(q, end, &count)) == 0) {
            return -1;
        }
        q += used;
        if (count == 0) {
            break;
        }
        for (int64_t i = 0; i < count; i++) {
            char key[64];
            char *dst;
            size_t cap;

            if ((used = get_long(q, end, &n)) == 0 || n < 0 ||
                n >= (int64_t)sizeof(key) || end - (q + used) < n) {
                return -1;
            }
            memcpy(key, q + used, (size_t)n);
            key[n] = '\0';
            q += used + (size_t)n;
            if ((used = get_long(q, end, &n)) == 0 || n < 0 ||
                end - (q + used) < n) {
                return -1;
            }
            dst = strcmp(key, "avro.schema") == 0  ? h->schema
                  : strcmp(key, "avro.codec") == 0 ? h->codec
                                                   : NULL;
            cap = dst == h->schema ? sizeof(h->schema) : sizeof(h->codec);
            if (dst == NULL || (size_t)n >= cap) {
                return -1;
            }
            memcpy(dst, q + used, (size_t)n);
            q += used + (size_t)n;
        }
    }
    if (end - q < SR_AVRO_OCF_SYNC_LEN) {
        return -1;
    }
    memcpy(h->sync, q, SR_AVRO_OCF_SYNC_LEN);
    h->len = (size_t)(q - p) + SR_AVRO_OCF_SYNC_LEN;
    return 0;
}

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    unsigned char *data = NULL;
    long n;

    *len = 0;
    if (f == NULL) {
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
        fseek(f, 0, SEEK_SET) == 0) {
        data = malloc((size_t)n + 1);
        if (data != NULL && fread(data, 1, (size_t)n, f) == (size_t)n) {
            *len = (size_t)n;
        }
    }
    fclose(f);
    return data;
}

/* Makes incident number i: a mix of the fixtures with varying text. */
static void make_incident(sr_incident_t *inc, int i)
{
    char id[32];

    if (i % 3 == 0) {
        fixture_minimal(inc);
    } else {
        fixture_full(inc);
    }
    snprintf(id, sizeof(id), "inc-%d", i);
    sr_incident_set_str(&inc->incident_id, id);
    inc->paragraphs_removed = i;
}

/* Writes n incidents into path; bodies gets every body, concatenated. */
static int write_file(const char *path, int n, size_t block_bytes,
                      const unsigned char *sync, sr_buf_t *bodies)
{
    sr_avro_codec_t *codec;
    sr_avro_ocf_t *ocf;
    FILE *out = fopen(path, "wb");
    sr_buf_t body;
    char err[256];
    int rc = 0;

    codec = sr_avro_codec_new(err, sizeof(err));
    if (out == NULL || codec == NULL) {
        if (out != NULL) {
            fclose(out);
        }
        sr_avro_codec_destroy(codec);
        return -1;
    }
    sr_buf_init(&body, 0);
    ocf = sr_avro_ocf_new(out, sr_incident_avsc, sr_incident_avsc_len, sync,
                          block_bytes, err, sizeof(err));
    CHECK(ocf != NULL);
    for (int i = 0; ocf != NULL && i < n; i++) {
        sr_incident_t inc;

        make_incident(&inc, i);
        CHECK_INT_EQ(sr_avro_encode_body(codec, &inc, &body, err,
                                         sizeof(err)),
                     SR_OK);
        sr_buf_append(bodies, body.data, body.len);
        CHECK_INT_EQ(sr_avro_ocf_append(ocf, body.data, body.len, err,
                                        sizeof(err)),
                     SR_OK);
        sr_incident_clear(&inc);
    }
    if (ocf == NULL || sr_avro_ocf_flush(ocf, err, sizeof(err)) != SR_OK ||
        sr_avro_ocf_count(ocf) != (uint64_t)n) {
        rc = -1;
    }
    sr_avro_ocf_destroy(ocf);
    sr_buf_clear(&body);
    sr_avro_codec_destroy(codec);
    fclose(out);
    return rc;
}

/* Reads path with Avro-C's file reader; every object is re-encoded and
 * appended to bodies. Returns the number of objects, -1 on error. */
static int read_file(const char *path, sr_buf_t *bodies)
{
    avro_file_reader_t reader;
    avro_schema_t schema;
    avro_value_iface_t *iface;
    avro_value_t value;
    char scratch[65536];
    int n = 0;

    if (avro_file_reader(path, &reader) != 0) {
        fprintf(stderr, "    avro_file_reader: %s\n", avro_strerror());
        return -1;
    }
    schema = avro_file_reader_get_writer_schema(reader);
    iface = avro_generic_class_from_schema(schema);
    avro_generic_value_new(iface, &value);
    while (avro_file_reader_read_value(reader, &value) == 0) {
        avro_writer_t w = avro_writer_memory(scratch, sizeof(scratch));

        if (avro_value_write(w, &value) != 0) {
            n = -1;
        } else {
            sr_buf_append(bodies, scratch, (size_t)avro_writer_tell(w));
        }
        avro_writer_free(w);
        if (n < 0) {
            break;
        }
        n++;
        avro_value_reset(&value);
    }
    avro_value_decref(&value);
    avro_value_iface_decref(iface);
    avro_schema_decref(schema);
    avro_file_reader_close(reader);
    return n;
}

static void tmp_path(char *path, size_t size)
{
    int fd;

    snprintf(path, size, "%s/sitrep-ocf-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    fd = mkstemp(path);
    if (fd >= 0) {
        close(fd);
    }
}

static void check_round_trip(int n, size_t block_bytes)
{
    static const unsigned char sync[SR_AVRO_OCF_SYNC_LEN] = {
        0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    char path[256];
    sr_buf_t written, read;
    unsigned char *data;
    size_t len;
    header_t h;
    int blocks = 0;

    tmp_path(path, sizeof(path));
    sr_buf_init(&written, 0);
    sr_buf_init(&read, 0);
    CHECK_INT_EQ(write_file(path, n, block_bytes, sync, &written), 0);
    CHECK_INT_EQ(read_file(path, &read), n);
    CHECK_INT_EQ(read.len, written.len);
    CHECK(read.len == written.len &&
          memcmp(sr_buf_str(&read), sr_buf_str(&written), read.len) == 0);

    data = slurp(path, &len);
    CHECK(data != NULL);
    if (data != NULL && parse_header(data, len, &h) == 0) {
        const unsigned char *p = data + h.len, *end = data + len;

        /* The schema text verbatim: doc, default and logicalType kept. */
        CHECK(strcmp(h.schema, sr_incident_avsc) == 0);
        CHECK_STR_EQ(h.codec, "null");
        CHECK(memcmp(h.sync, sync, sizeof(sync)) == 0);
        /* Walk the blocks: count, size, data, sync. */
        while (p < end) {
            int64_t count, size;
            size_t used;

            used = get_long(p, end, &count);
            CHECK(used > 0 && count > 0);
            p += used;
            used = get_long(p, end, &size);
            CHECK(used > 0 && size > 0 && end - (p + used) >= size + 16);
            if (used == 0 || size <= 0 || end - (p + used) < size + 16) {
                break;
            }
            p += used + (size_t)size;
            CHECK(memcmp(p, sync, sizeof(sync)) == 0);
            p += 16;
            blocks++;
        }
        CHECK(p == end);
        if (n == 0) {
            CHECK_INT_EQ(blocks, 0);
        } else if (block_bytes == 1) {
            CHECK_INT_EQ(blocks, n);
        } else {
            CHECK_INT_EQ(blocks, 1);
        }
    } else {
        CHECK(!"header parses");
    }
    free(data);
    unlink(path);
    sr_buf_clear(&written);
    sr_buf_clear(&read);
}

static void test_one_block(void)
{
    check_round_trip(50, 0);
}

static void test_block_per_object(void)
{
    check_round_trip(7, 1);
}

static void test_empty_file(void)
{
    check_round_trip(0, 0);
}

static void test_random_sync_differs(void)
{
    char path[256];
    unsigned char *a, *b;
    size_t alen, blen;
    header_t ha, hb;
    sr_buf_t bodies;

    tmp_path(path, sizeof(path));
    sr_buf_init(&bodies, 0);
    CHECK_INT_EQ(write_file(path, 1, 0, NULL, &bodies), 0);
    a = slurp(path, &alen);
    CHECK_INT_EQ(write_file(path, 1, 0, NULL, &bodies), 0);
    b = slurp(path, &blen);
    CHECK(a != NULL && b != NULL);
    if (a != NULL && b != NULL) {
        CHECK_INT_EQ(parse_header(a, alen, &ha), 0);
        CHECK_INT_EQ(parse_header(b, blen, &hb), 0);
        CHECK(memcmp(ha.sync, hb.sync, sizeof(ha.sync)) != 0);
        /* The block ends with the file's own marker. */
        CHECK(memcmp(a + alen - 16, ha.sync, 16) == 0);
    }
    free(a);
    free(b);
    unlink(path);
    sr_buf_clear(&bodies);
}

static void test_bad_schema(void)
{
    static const char bad[] = "{\"type\":\"record\",\"name\":\"r\"}";
    char err[256] = "";
    FILE *out = tmpfile();

    CHECK(out != NULL);
    if (out == NULL) {
        return;
    }
    CHECK(sr_avro_ocf_new(out, bad, strlen(bad), NULL, 0, err,
                          sizeof(err)) == NULL);
    CHECK(strstr(err, "Avro file schema") != NULL);
    CHECK(ftell(out) == 0);
    fclose(out);
}

static void test_write_error(void)
{
    FILE *out = fopen("/dev/full", "wb");
    sr_avro_ocf_t *ocf;
    char err[256] = "";
    sr_err_t rc;

    if (out == NULL) {
        return;
    }
    /* With a buffer larger than the header, the failure shows at flush. */
    static char iobuf[1 << 16];

    setvbuf(out, iobuf, _IOFBF, sizeof(iobuf));
    ocf = sr_avro_ocf_new(out, sr_incident_avsc, sr_incident_avsc_len, NULL,
                          0, err, sizeof(err));
    CHECK(ocf != NULL);
    if (ocf != NULL) {
        sr_avro_ocf_append(ocf, "\x02x", 2, err, sizeof(err));
        rc = sr_avro_ocf_flush(ocf, err, sizeof(err));
        CHECK_INT_EQ(rc, SR_ERR_IO);
        CHECK(strstr(err, "Avro file") != NULL);
    }
    sr_avro_ocf_destroy(ocf);
    fclose(out);
}

TEST_LIST = {
    {"one block", test_one_block},
    {"block per object", test_block_per_object},
    {"empty file", test_empty_file},
    {"random sync differs", test_random_sync_differs},
    {"bad schema", test_bad_schema},
    {"write error", test_write_error},
    {NULL, NULL},
};
