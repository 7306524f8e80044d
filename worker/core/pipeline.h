/* pipeline.h - the pure core: message bytes -> incidents, no Kafka.
 *
 * decode (codecs/article) -> dedup -> extract, then stamps every incident
 * with its deterministic incident_id, the article id/url/published_at,
 * paragraphs_removed and the extractor version. Geocoding over HTTP and
 * Avro encoding are done by the shells (sitrep run / extract), which
 * decide whether to block. One handle per thread.
 */
#ifndef SR_CORE_PIPELINE_H
#define SR_CORE_PIPELINE_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "config.h"
#include "err.h"
#include "gazetteer.h"
#include "incident.h"

typedef struct sr_pipeline_s sr_pipeline_t;

/* The stage names used in dead-letter headers. */
#define SR_STAGE_DECODE "decode"
#define SR_STAGE_DEDUP "dedup"
#define SR_STAGE_EXTRACT "extract"
#define SR_STAGE_GEOCODE "geocode"
#define SR_STAGE_ENCODE "encode"

/* Borrows cfg and gz: both must outlive the pipeline. NULL with errstr on
 * failure (e.g. the actor dictionary cannot be read). */
sr_pipeline_t *sr_pipeline_new(const sr_config_t *cfg,
                               const sr_gazetteer_t *gz, char *errstr,
                               size_t errstr_size);
/* NULL-safe. */
void sr_pipeline_destroy(sr_pipeline_t *pl);

/* Processes one message value. default_id names the article when it has
 * no "id" (e.g. "articles/3/1042"; NULL: a hash of its text names it);
 * timestamp_ms (< 0: none) dates it when it has no published_at. art and
 * out must be initialised; on success art holds the decoded, deduplicated
 * article and out the incidents appended.
 * On failure *stage names the stage (SR_STAGE_*), errstr the reason, and
 * out is unchanged. */
sr_err_t sr_pipeline_process(sr_pipeline_t *pl, const char *payload,
                             size_t len, const char *default_id,
                             int64_t timestamp_ms, sr_article_t *art,
                             sr_incident_list_t *out, const char **stage,
                             char *errstr, size_t errstr_size);
/* Repeated paragraphs removed from the last article sr_pipeline_process
 * deduplicated, whether or not it reported incidents (0 before the
 * first, or when the article failed before dedup). */
int sr_pipeline_paragraphs_removed(const sr_pipeline_t *pl);

#endif
