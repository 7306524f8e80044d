/* fuzz_avro_schema.c - writer schemas as a schema registry returns them
 * (codecs/avro_pcf.c canonical form, sr_avro_codec_add_schema): JSON text
 * from the network. The canonical form of a canonical form is itself.
 */
#include "buf.h"
#include "fuzz.h"
#include "incident_avro.h"

static sr_avro_codec_t *codec;

static void teardown(void)
{
    sr_avro_codec_destroy(codec);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *json = fuzz_cstr(data, size);
    sr_buf_t pcf, again;
    char err[512] = "";
    sr_err_t rc;
    static int32_t next_id;

    if (codec == NULL) {
        codec = sr_avro_codec_new(err, sizeof(err));
        FUZZ_ASSERT(codec != NULL);
        atexit(teardown);
    }
    sr_buf_init(&pcf, 0);
    sr_buf_init(&again, 0);
    if (sr_avro_canonical_form(json, &pcf, err, sizeof(err)) == SR_OK) {
        FUZZ_ASSERT(sr_avro_canonical_form(sr_buf_str(&pcf), &again, err,
                                           sizeof(err)) == SR_OK);
        FUZZ_ASSERT(pcf.len == again.len &&
                    memcmp(pcf.data, again.data, pcf.len) == 0);
    } else {
        FUZZ_ASSERT(err[0] != '\0');
    }
    /* ids cycle below the codec's cap of 256, so every input is tried */
    err[0] = '\0';
    rc = sr_avro_codec_add_schema(codec, next_id++ % 200, json, err,
                                  sizeof(err));
    FUZZ_ASSERT(rc == SR_OK || err[0] != '\0');
    sr_buf_clear(&pcf);
    sr_buf_clear(&again);
    free(json);
    return 0;
}
