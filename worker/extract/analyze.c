/* analyze.c - per-sentence mentions; locate.c then resolves their places. */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "classify.h"
#include "locate.h"
#include "xmalloc.h"

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
    int cue = 0, plural = 0, since = 0;

    for (size_t i = tb; i < te && !cue; i++) {
        cue = sr_tok_has(doc, i, SR_W_GENERIC);
    }
    for (size_t i = si->trig; i < te && !cue; i++) {
        if (!sr_tok_has(doc, i, SR_W_TRIGGER)) {
            continue;
        }
        for (size_t j = i; j > tb && j + 3 > i && !cue; j--) {
            /* "in similar attacks"; not "more than 80 wounded" */
            cue = sr_tok_in(doc, j - 1, other) &&
                  !(j < te && sr_tok_is(doc, j, "than"));
        }
    }
    for (size_t k = 0; k < si->ndates; k++) {
        since |= si->dates[k].since;
    }
    for (size_t i = si->trig; i < te && !plural; i++) {
        const sr_tok_t *t = &doc->toks[i];

        plural = sr_tok_has(doc, i, SR_W_TRIGGER) && t->lex->trig_noun &&
                 doc->text[t->start + t->len - 1] == 's';
    }
    if (!cue && !since) {
        return 0;
    }
    for (size_t k = 0; k < si->ndates; k++) {
        if (!si->dates[k].since && si->dates[k].precision == SR_TPREC_DAY) {
            return 0; /* one day: one event */
        }
    }
    if (since || plural) {
        /* "has killed 30,000 since 2009", "1,000 died in similar attacks
         * in 2019": totals over many events */
        return 1;
    }
    for (size_t k = 0; k < si->ndates; k++) {
        if (!si->dates[k].since && si->dates[k].earlier) {
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
    si->fact = SR_FACT_ASSERTED;
    if (si->trig != SR_NO_TOK) {
        si->fact = sr_factuality(doc, s->tb, s->te, si->trig, NULL);
        /* "X was killed ... in the blast": any trigger may refer back */
        for (size_t i = si->trig; i < s->te && !si->definite; i++) {
            si->definite = sr_tok_has(doc, i, SR_W_TRIGGER) &&
                           is_definite(doc, s->tb, i);
        }
        si->generic = is_generic(doc, si, s->tb, s->te);
    }
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
    sr_locate_resolve(an, doc);
    sr_coded_toll_find(doc, &an->coded);
}
