/* fuzz_avro.c - the event decoder of `sitrep decode` (codecs/
 * incident_avro.c): single-object and Confluent frames, alone or
 * concatenated, from a topic or a file anyone may have written. The
 * first byte picks whole-message or stream decoding. A decoded event must
 * print as JSON and survive re-encoding: encode(decode(x)) decodes to the
 * same JSON.
 */
#include "fuzz.h"
#include "roundtrip.h"

static sr_avro_codec_t *codec;

static void teardown(void)
{
    sr_avro_codec_destroy(codec);
}

/* The compiled-in schema under Confluent id 1, the fixture's version 2
 * (one appended field) under id 2. */
static void setup(void)
{
    char err[512], fixture[4096];
    char *v2 = NULL;
    size_t n = 0, cap = 0;
    FILE *f;

    codec = sr_avro_codec_new(err, sizeof(err));
    FUZZ_ASSERT(codec != NULL);
    sr_avro_codec_set_schema_id(codec, 1);
    snprintf(fixture, sizeof(fixture), "%s/tests/fixtures/avro/incident-v2.avsc",
             fuzz_root());
    f = fopen(fixture, "r");
    FUZZ_ASSERT(f != NULL);
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = cap * 2 + 8192;
            v2 = realloc(v2, cap);
            FUZZ_ASSERT(v2 != NULL);
        }
        size_t got = fread(v2 + n, 1, 4096, f);

        n += got;
        if (got == 0) {
            break;
        }
    }
    fclose(f);
    v2[n] = '\0';
    FUZZ_ASSERT(sr_avro_codec_add_schema(codec, 2, v2, err, sizeof(err)) ==
                SR_OK);
    free(v2);
    atexit(teardown);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sr_incident_t inc;
    char err[512] = "";

    if (codec == NULL) {
        setup();
    }
    if (size < 1) {
        return 0;
    }
    sr_incident_init(&inc);
    if (data[0] & 1) {
        if (sr_avro_decode(codec, data + 1, size - 1, &inc, err,
                           sizeof(err)) == SR_OK) {
            fuzz_check_round_trip(codec, &inc);
        } else {
            FUZZ_ASSERT(err[0] != '\0');
        }
    } else {
        size_t off = 1, used = 0;

        while (off < size &&
               sr_avro_decode_frame(codec, data + off, size - off, &used,
                                    &inc, err, sizeof(err)) == SR_OK) {
            FUZZ_ASSERT(used > 0 && used <= size - off);
            fuzz_check_round_trip(codec, &inc);
            off += used;
        }
    }
    sr_incident_clear(&inc);
    return 0;
}
