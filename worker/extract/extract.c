/* extract.c - the extractor handle: lexicon, actor dictionary, reusable
 * per-article scratch, and the run from body text to incidents. */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "doc.h"
#include "lexicon.h"
#include "xmalloc.h"

struct sr_extractor_s {
    sr_lexicon_t *lx;
    sr_actordict_t *ad;
    const sr_gazetteer_t *gz;
    size_t max_incidents;
    sr_doc_t doc;
    sr_analysis_t an;
    sr_drafts_t drafts;
};

sr_extractor_t *sr_extractor_new(const sr_config_t *cfg,
                                 const sr_gazetteer_t *gz, char *errstr,
                                 size_t errstr_size)
{
    sr_extractor_t *ex = sr_xcalloc(1, sizeof(*ex));

    ex->lx = sr_lexicon_new();
    ex->gz = gz;
    ex->max_incidents = (size_t)cfg->max_incidents;
    if (cfg->actors_path != NULL && cfg->actors_path[0] != '\0') {
        ex->ad = sr_actordict_load(cfg->actors_path, errstr, errstr_size);
        if (ex->ad == NULL) {
            sr_extractor_destroy(ex);
            return NULL;
        }
    }
    sr_doc_init(&ex->doc);
    sr_analysis_init(&ex->an);
    return ex;
}

void sr_extractor_destroy(sr_extractor_t *ex)
{
    if (ex == NULL) {
        return;
    }
    sr_lexicon_destroy(ex->lx);
    sr_actordict_destroy(ex->ad);
    sr_doc_clear(&ex->doc);
    sr_analysis_clear(&ex->an);
    free(ex->drafts.items);
    free(ex);
}

sr_err_t sr_extractor_run(sr_extractor_t *ex, const sr_article_t *art,
                          sr_incident_list_t *out, char *errstr,
                          size_t errstr_size)
{
    sr_doc_t *doc = &ex->doc;

    if (art->body == NULL) {
        sr_errstr_set(errstr, errstr_size, "article has no body");
        return SR_ERR_INVALID;
    }
    /* offsets are 32-bit; the article size cap keeps bodies far below */
    if (art->body_len > UINT32_MAX / 2) {
        sr_errstr_set(errstr, errstr_size, "article body too large (%zu)",
                      art->body_len);
        return SR_ERR_TOO_LARGE;
    }
    sr_doc_tokenize(doc, ex->lx, art->body, art->body_len);
    doc->has_pub = art->has_published;
    doc->pub_year = art->pub_year;
    doc->pub_month = art->pub_month;
    doc->pub_day = art->pub_day;
    sr_doc_split_sentences(doc);
    sr_analyze(&ex->an, doc, ex->ad, ex->gz);
    sr_segment(&ex->drafts, &ex->an, doc, ex->gz, ex->max_incidents);
    for (size_t k = 0; k < ex->drafts.count; k++) {
        sr_emit(&ex->drafts.items[k], &ex->an, doc, ex->gz, out);
    }
    return SR_OK;
}
