/* extract.h - article text -> incidents (what, when, where, who, how many).
 *
 * Rule-based and general: sentence splitting, numbers in digits and words,
 * casualty phrases, dates relative to the publication date, places through
 * the gazetteer, actors through the dictionary in config/ (actors.path),
 * claims, and segmentation into MAIN_EVENT and BACKGROUND incidents. Pure:
 * no I/O after construction. One handle per thread.
 *
 * Modules: lexicon (word classes), tokens + sentences (doc.h), numbers,
 * dates, casualties, actors, places, claims, classify (category, labels,
 * factuality), analyze (per-sentence mentions, focus country), segment
 * (sentences -> incidents, roles), emit (incident records).
 *
 * Conventions: casualties.killed counts everyone killed, attackers too (as
 * GTD's nkill); killed_perpetrators is the attackers' part. A count the
 * text does not give stays null ("several" is NONZERO_UNKNOWN with best
 * null). Only an event that happened takes the publication date when the
 * text gives none; a threat or a denied event keeps a null date.
 */
#ifndef SR_EXTRACT_EXTRACT_H
#define SR_EXTRACT_EXTRACT_H

#include <stddef.h>

#include "article.h"
#include "config.h"
#include "err.h"
#include "gazetteer.h"
#include "incident.h"

typedef struct sr_extractor_s sr_extractor_t;

/* Loads the actor dictionary (cfg->actors_path) and borrows gz (must
 * outlive the extractor; may be NULL: no places are then recognised).
 * NULL with errstr on failure ("path:line: reason"). */
sr_extractor_t *sr_extractor_new(const sr_config_t *cfg,
                                 const sr_gazetteer_t *gz, char *errstr,
                                 size_t errstr_size);
/* NULL-safe. */
void sr_extractor_destroy(sr_extractor_t *ex);

/* Appends at most cfg->max_incidents incidents of art (whose body is
 * already deduplicated) to out. Fills role, category, ACLED/GTD labels,
 * factuality, time, location (resolved with the gazetteer, source
 * "gazetteer"), actors, casualties, claim, evidence (byte offsets into
 * art->body) and confidence. The caller sets incident_id, article fields,
 * paragraphs_removed and extractor_version. An article with no incident
 * appends nothing and returns SR_OK. */
sr_err_t sr_extractor_run(sr_extractor_t *ex, const sr_article_t *art,
                          sr_incident_list_t *out, char *errstr,
                          size_t errstr_size);

#endif
