/* pipeline.c - decode -> dedup -> extract, then stamp the records. */
#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "dedup.h"
#include "extract.h"
#include "version.h"
#include "xmalloc.h"

struct sr_pipeline_s {
    const sr_config_t *cfg;
    sr_article_limits_t limits;
    sr_dedup_t *dedup;
    sr_extractor_t *extractor;
    int last_removed;
};

sr_pipeline_t *sr_pipeline_new(const sr_config_t *cfg,
                               const sr_gazetteer_t *gz, char *errstr,
                               size_t errstr_size)
{
    sr_pipeline_t *pl = sr_xcalloc(1, sizeof(*pl));

    pl->cfg = cfg;
    pl->limits.max_bytes = (size_t)cfg->max_article_bytes;
    pl->limits.max_paragraphs = (size_t)cfg->max_paragraphs;
    pl->dedup = sr_dedup_new((size_t)cfg->max_paragraphs);
    pl->extractor = sr_extractor_new(cfg, gz, errstr, errstr_size);
    if (pl->extractor == NULL) {
        sr_pipeline_destroy(pl);
        return NULL;
    }
    return pl;
}

void sr_pipeline_destroy(sr_pipeline_t *pl)
{
    if (pl == NULL) {
        return;
    }
    sr_extractor_destroy(pl->extractor);
    sr_dedup_destroy(pl->dedup);
    free(pl);
}

/* The id depends only on what the record is derived from (article id,
 * deduplicated text, extractor version and the incident's position), so a
 * replay after a crash produces byte-identical records with the same key. */
static char *incident_id(const sr_article_t *art, size_t ordinal)
{
    XXH3_state_t *st = XXH3_createState();
    XXH128_hash_t h;
    char ord[32];
    char *id = sr_xmalloc(33);

    XXH3_128bits_reset(st);
    XXH3_128bits_update(st, art->id, strlen(art->id) + 1);
    XXH3_128bits_update(st, art->body, art->body_len + 1);
    XXH3_128bits_update(st, SR_VERSION, sizeof(SR_VERSION));
    snprintf(ord, sizeof(ord), "%zu", ordinal);
    XXH3_128bits_update(st, ord, strlen(ord));
    h = XXH3_128bits_digest(st);
    XXH3_freeState(st);
    snprintf(id, 33, "%016llx%016llx", (unsigned long long)h.high64,
             (unsigned long long)h.low64);
    return id;
}

sr_err_t sr_pipeline_process(sr_pipeline_t *pl, const char *payload,
                             size_t len, const char *default_id,
                             int64_t timestamp_ms, sr_article_t *art,
                             sr_incident_list_t *out, const char **stage,
                             char *errstr, size_t errstr_size)
{
    sr_incident_list_t found;
    int removed = 0;
    sr_err_t rc;

    sr_incident_list_init(&found);
    pl->last_removed = 0;
    *stage = SR_STAGE_DECODE;
    rc = sr_article_decode(payload, len, &pl->limits, art, errstr,
                           errstr_size);
    if (rc != SR_OK) {
        return rc;
    }
    sr_article_set_defaults(art, default_id, timestamp_ms);
    if (art->id == NULL) {
        /* No id and no default: name the article by its content, so the
         * incident ids stay deterministic. */
        XXH128_hash_t h = XXH3_128bits(art->body, art->body_len);
        char id[48];

        snprintf(id, sizeof(id), "article-%016llx%016llx",
                 (unsigned long long)h.high64, (unsigned long long)h.low64);
        art->id = sr_xstrdup(id);
    }
    *stage = SR_STAGE_DEDUP;
    rc = sr_dedup_article(pl->dedup, art, &removed, errstr, errstr_size);
    if (rc != SR_OK) {
        return rc;
    }
    pl->last_removed = removed;
    *stage = SR_STAGE_EXTRACT;
    rc = sr_extractor_run(pl->extractor, art, &found, errstr, errstr_size);
    if (rc != SR_OK) {
        sr_incident_list_clear(&found);
        return rc;
    }
    for (size_t i = 0; i < found.count; i++) {
        sr_incident_t *inc = &found.items[i];

        free(inc->incident_id);
        inc->incident_id = incident_id(art, i);
        sr_incident_set_str(&inc->article_id, art->id);
        sr_incident_set_str(&inc->article_url, art->url);
        sr_incident_set_str(&inc->published_at, art->published_at);
        sr_incident_set_str(&inc->extractor_version, SR_VERSION);
        inc->paragraphs_removed = removed;
        /* Move the record into the caller's list. */
        *sr_incident_list_add(out) = *inc;
        sr_incident_init(inc);
    }
    sr_incident_list_clear(&found);
    *stage = NULL;
    return SR_OK;
}

int sr_pipeline_paragraphs_removed(const sr_pipeline_t *pl)
{
    return pl->last_removed;
}
