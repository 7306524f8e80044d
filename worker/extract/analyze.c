/* analyze.c - per-sentence mentions and the article's focus country. */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "classify.h"
#include "xmalloc.h"

#define MAX_FOCUS 32

void sr_analysis_init(sr_analysis_t *an)
{
    memset(an, 0, sizeof(*an));
}

void sr_analysis_clear(sr_analysis_t *an)
{
    free(an->info);
    sr_analysis_init(an);
}

static int is_definite(const sr_doc_t *doc, size_t tb, size_t trig)
{
    if (!doc->toks[trig].lex->trig_noun || trig == tb) {
        return 0;
    }
    /* "the attack", "this week's attack", "the deadly attack" */
    for (size_t j = trig; j > tb && j + 3 > trig; j--) {
        if (sr_tok_is(doc, j - 1, "the") || sr_tok_is(doc, j - 1, "this") ||
            sr_tok_is(doc, j - 1, "that") || sr_tok_is(doc, j - 1, "its") ||
            doc->toks[j - 1].kind == SR_TOK_POSS) {
            return 1;
        }
        if (sr_tok_is(doc, j - 1, "a") || sr_tok_is(doc, j - 1, "an") ||
            doc->toks[j - 1].kind != SR_TOK_WORD) {
            return 0;
        }
    }
    return 0;
}

/* "beset by violence in recent months", "has carried out similar
 * attacks": a statement about many events or another kind of event. Its
 * own day-precise date or a number of victims makes it one event again. */
static int is_generic(const sr_doc_t *doc, const sr_sentinfo_t *si,
                      size_t tb, size_t te)
{
    static const char *const other[] = {"similar", "such", "previous",
                                        "past", "other", "earlier", "prior",
                                        "further", "more", NULL};
    int cue = 0;

    for (size_t i = tb; i < te && !cue; i++) {
        cue = sr_tok_has(doc, i, SR_W_GENERIC);
    }
    for (size_t j = si->trig; j > tb && j + 3 > si->trig && !cue; j--) {
        cue = sr_tok_in(doc, j - 1, other);
    }
    if (!cue) {
        return 0;
    }
    for (size_t k = 0; k < si->ndates; k++) {
        if (!si->dates[k].since && (si->dates[k].precision == SR_TPREC_DAY ||
                                    si->dates[k].earlier)) {
            return 0;
        }
    }
    for (size_t k = 0; k < si->ncas; k++) {
        if (si->cas[k].count.best != SR_COUNT_NONE) {
            return 0;
        }
    }
    return 1;
}

static void analyze_sentence(sr_sentinfo_t *si, const sr_doc_t *doc,
                             const sr_sent_t *s, const sr_actordict_t *ad,
                             const sr_gazetteer_t *gz)
{
    /* the hit arrays are filled up to their counts: no need to clear them */
    si->trig = SR_NO_TOK;
    si->generic = 0;
    si->definite = 0;
    si->country = NULL;
    for (size_t i = s->tb; i < s->te; i++) {
        if (sr_is_trigger(doc, s->tb, s->te, i)) {
            si->trig = i;
            break;
        }
    }
    si->ncas = sr_casualties_find(doc, s->tb, s->te, si->cas, SR_MAX_CAS);
    si->ndates = sr_dates_find(doc, s->tb, s->te, si->dates, SR_MAX_DATES);
    si->nplaces = sr_places_find(gz, doc, s->tb, s->te, si->places,
                                 SR_MAX_PLACES);
    si->nactors = sr_actors_find(ad, gz, doc, s->tb, s->te, si->actors,
                                 SR_MAX_ACTORS);
    si->has_claim = sr_claim_find(doc, s->tb, s->te, si->actors,
                                  si->nactors, &si->claim);
    if (si->trig != SR_NO_TOK) {
        si->definite = is_definite(doc, s->tb, si->trig);
        si->generic = is_generic(doc, si, s->tb, s->te);
    }
    for (size_t k = 0; k < si->nplaces; k++) {
        const sr_place_hit_t *h = &si->places[k];

        if (h->kind == SR_PH_PLACE && !h->modifier && h->ncand > 0) {
            si->country = h->cands[0]->country_code;
        }
    }
}

typedef struct focus_s {
    const char *cc;
    double score;
    size_t first;
} focus_t;

static void vote(focus_t *f, size_t *nf, const char *cc, double w,
                 size_t order)
{
    for (size_t k = 0; k < *nf; k++) {
        if (strcmp(f[k].cc, cc) == 0) {
            f[k].score += w;
            return;
        }
    }
    if (*nf < MAX_FOCUS) {
        f[*nf].cc = cc;
        f[*nf].score = w;
        f[*nf].first = order;
        (*nf)++;
    }
}

/* The country the article is about: mentions weighted, the lead counting
 * double, modifiers ("the Mali border") and demonyms little. */
static const char *focus_country(const sr_analysis_t *an, const sr_doc_t *doc)
{
    focus_t f[MAX_FOCUS];
    size_t nf = 0, order = 0, best = 0;

    for (size_t s = 0; s < an->ninfo; s++) {
        const sr_sentinfo_t *si = &an->info[s];
        double lead = doc->sents[s].para == 0 ? 2.0 : 1.0;

        for (size_t k = 0; k < si->nplaces; k++) {
            const sr_place_hit_t *h = &si->places[k];
            double w;

            if (h->ncand == 0) {
                continue;
            }
            w = h->kind == SR_PH_DEMONYM ? 0.5 : h->modifier ? 0.25 : 1.0;
            vote(f, &nf, h->cands[0]->country_code, w * lead, order++);
        }
    }
    if (nf == 0) {
        return NULL;
    }
    for (size_t k = 1; k < nf; k++) {
        if (f[k].score > f[best].score) {
            best = k;
        }
    }
    return f[best].cc;
}

void sr_analyze(sr_analysis_t *an, const sr_doc_t *doc,
                const sr_actordict_t *ad, const sr_gazetteer_t *gz)
{
    sr_xgrow((void **)&an->info, &an->info_cap, doc->nsent + 1,
             sizeof(*an->info));
    an->ninfo = doc->nsent;
    for (size_t s = 0; s < doc->nsent; s++) {
        analyze_sentence(&an->info[s], doc, &doc->sents[s], ad, gz);
    }
    an->focus_cc = focus_country(an, doc);
}
