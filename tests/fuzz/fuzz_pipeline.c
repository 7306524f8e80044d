/* fuzz_pipeline.c - one message through the whole worker core (worker/
 * core/pipeline.c: decode, dedup, extract, stamp) with the small fixture
 * gazetteer and the shipped actor dictionary, then every incident
 * encoded the two ways the shells publish it: JSON (sitrep extract) and
 * an Avro frame (sitrep run), which must decode to the same JSON. A
 * refused message must name its stage and reason: it becomes a dead
 * letter.
 */
#include "config.h"
#include "fuzz.h"
#include "gazetteer.h"
#include "pipeline.h"
#include "roundtrip.h"

static sr_config_t *cfg;
static sr_gazetteer_t *gz;
static sr_pipeline_t *pl;
static sr_avro_codec_t *codec;

static void teardown(void)
{
    sr_avro_codec_destroy(codec);
    sr_pipeline_destroy(pl);
    sr_gazetteer_destroy(gz);
    sr_config_destroy(cfg);
}

static void setup(void)
{
    char path[4096], err[1024];
    static const struct {
        const char *key, *file;
    } files[] = {
        {"actors.path", "config/actors.tsv"},
        {"places.path", "tests/fixtures/gazetteer-supplement.tsv"},
        {"gazetteer.path", "tests/fixtures/extract-gazetteer.tsv"},
    };

    cfg = sr_config_new();
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        snprintf(path, sizeof(path), "%s/%s", fuzz_root(), files[i].file);
        FUZZ_ASSERT(sr_config_set(cfg, files[i].key, path, err,
                                  sizeof(err)) == SR_OK);
    }
    /* small caps, so that the limits are reached too */
    FUZZ_ASSERT(sr_config_set(cfg, "max.paragraphs", "64", err,
                              sizeof(err)) == SR_OK);
    FUZZ_ASSERT(sr_config_set(cfg, "max.incidents", "16", err,
                              sizeof(err)) == SR_OK);
    gz = sr_gazetteer_open_config(cfg, err, sizeof(err));
    if (gz == NULL) {
        fprintf(stderr, "fuzz_pipeline: %s\n", err);
    }
    FUZZ_ASSERT(gz != NULL);
    pl = sr_pipeline_new(cfg, gz, err, sizeof(err));
    codec = sr_avro_codec_new(err, sizeof(err));
    FUZZ_ASSERT(pl != NULL && codec != NULL);
    atexit(teardown);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sr_article_t art;
    sr_incident_list_t out;
    const char *stage = NULL;
    char err[1024] = "";

    if (pl == NULL) {
        setup();
    }
    sr_article_init(&art);
    sr_incident_list_init(&out);
    if (sr_pipeline_process(pl, (const char *)data, size, "fuzz/0",
                            1700000000000LL, &art, &out, &stage, err,
                            sizeof(err)) == SR_OK) {
        FUZZ_ASSERT(out.count <= (size_t)cfg->max_incidents);
        for (size_t i = 0; i < out.count; i++) {
        FUZZ_ASSERT(out.items[i].incident_id != NULL);
            fuzz_check_round_trip(codec, &out.items[i]);
        }
    } else {
        FUZZ_ASSERT(stage != NULL && err[0] != '\0' && out.count == 0);
    }
    sr_incident_list_clear(&out);
    sr_article_clear(&art);
    return 0;
}
