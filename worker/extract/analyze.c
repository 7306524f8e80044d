/* analyze.c - per-sentence mentions and the article's focus country. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
    int cue = 0, plural = 0, since = 0;

    for (size_t i = tb; i < te && !cue; i++) {
        cue = sr_tok_has(doc, i, SR_W_GENERIC);
    }
    for (size_t i = si->trig; i < te && !cue; i++) {
        if (!sr_tok_has(doc, i, SR_W_TRIGGER)) {
            continue;
        }
        for (size_t j = i; j > tb && j + 3 > i && !cue; j--) {
            cue = sr_tok_in(doc, j - 1, other); /* "in similar attacks" */
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
static void add_named(sr_analysis_t *an, const char *cc)
{
    for (size_t k = 0; k < an->nnamed; k++) {
        if (strcmp(an->named[k], cc) == 0) {
            return;
        }
    }
    if (an->nnamed < SR_MAX_NAMED) {
        an->named[an->nnamed++] = cc;
    }
}

static int is_named(const sr_analysis_t *an, const char *cc)
{
    for (size_t k = 0; k < an->nnamed; k++) {
        if (strcmp(an->named[k], cc) == 0) {
            return 1;
        }
    }
    return 0;
}

static const char *focus_country(sr_analysis_t *an, const sr_doc_t *doc)
{
    focus_t f[MAX_FOCUS];
    size_t nf = 0, order = 0, best = 0;

    for (size_t s = 0; s < an->ninfo; s++) {
        const sr_sentinfo_t *si = &an->info[s];
        double lead = doc->sents[s].para == 0 ? 2.0 : 1.0;

        /* a dateline ("LEBANON.") says where the story is */
        if (s == 0 && si->nplaces == 1 && doc->toks[doc->sents[s].tb].allcaps &&
            si->places[0].te + 1 >= doc->sents[s].te) {
            lead = 6.0;
        }

        for (size_t k = 0; k < si->nplaces; k++) {
            const sr_place_hit_t *h = &si->places[k];
            double w;

            if (h->ncand == 0) {
                continue;
            }
            w = h->kind == SR_PH_DEMONYM ? 0.5 : h->modifier ? 0.25 : 1.0;
            if (h->cands[0]->kind == SR_PLACE_COUNTRY || h->ncand == 1) {
                vote(f, &nf, h->cands[0]->country_code, w * lead, order++);
                add_named(an, h->cands[0]->country_code);
                continue;
            }
            /* an ambiguous name spreads its vote over its countries */
            for (size_t c = 0; c < h->ncand; c++) {
                vote(f, &nf, h->cands[c]->country_code,
                     w * lead / (double)h->ncand, order++);
            }
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

/* 1 if another place hit of the sentence could lie in country cc (or, with
 * admin set, in that admin1 region). */
static int cooccurs(const sr_sentinfo_t *si, const sr_place_hit_t *self,
                    const sr_place_t *cand, int admin)
{
    for (size_t k = 0; k < si->nplaces; k++) {
        const sr_place_hit_t *o = &si->places[k];

        if (o == self || o->kind != SR_PH_PLACE) {
            continue;
        }
        for (size_t c = 0; c < o->ncand; c++) {
            const sr_place_t *p = o->cands[c];

            if (strcmp(p->country_code, cand->country_code) != 0) {
                continue;
            }
            if (!admin || (p->kind == SR_PLACE_ADMIN1 &&
                           strcmp(p->admin1_code, cand->admin1_code) == 0)) {
                return 1;
            }
        }
    }
    return 0;
}

/* The country named outright in the sentence ("..., Iraq") other than by
 * hit self, or NULL. */
static const char *explicit_country(const sr_sentinfo_t *si,
                                    const sr_place_hit_t *self)
{
    for (size_t k = si->nplaces; k > 0; k--) {
        const sr_place_hit_t *h = &si->places[k - 1];

        if (h != self && h->kind == SR_PH_PLACE && !h->modifier &&
            h->ncand > 0 && h->cands[0]->kind == SR_PLACE_COUNTRY) {
            return h->cands[0]->country_code;
        }
    }
    return NULL;
}

/* 1 if the text of hit spells p's own name, not an alternate. */
static int own_name(const sr_doc_t *doc, const sr_place_hit_t *h,
                    const sr_place_t *p)
{
    char a[128], b[128];
    size_t start = doc->toks[h->tb].start;
    size_t end = (size_t)doc->toks[h->te - 1].start + doc->toks[h->te - 1].len;
    size_t plen = strlen(p->name), na, nb;

    /* folding changes lengths by a few bytes at most (diacritics) */
    if (plen + 8 < end - start || end - start + 8 < plen) {
        return 0;
    }
    if (plen == end - start &&
        strncasecmp(doc->text + start, p->name, plen) == 0) {
        return 1; /* the common case, without folding */
    }
    na = sr_fold_name(doc->text + start, end - start, a, sizeof(a));
    nb = sr_fold_name(p->name, plen, b, sizeof(b));
    return na == nb && memcmp(a, b, na) == 0;
}

static double candidate_score(const sr_doc_t *doc, const sr_sentinfo_t *si,
                              const sr_place_hit_t *h, const sr_place_t *p,
                              const char *named, const char *focus)
{
    double score = 0;

    score += named && strcmp(p->country_code, named) == 0 ? 4 : 0;
    score += cooccurs(si, h, p, 0) ? 2 : 0;
    score += cooccurs(si, h, p, 1) ? 1 : 0;
    score += focus && strcmp(p->country_code, focus) == 0 ? 1.5 : 0;
    score += (p->kind == SR_PLACE_CITY) != h->admin_word ? 0.5 : 0;
    score += h->ncand > 1 && own_name(doc, h, p) ? 1 : 0;
    score += p->feature_code && strcmp(p->feature_code, "PPLC") == 0 ? 0.5 : 0;
    return score;
}

/* Chooses each place hit's candidate from its sentence: "El Alto, La
 * Paz" share Bolivia, "Kishosho, Plateau, Nigeria" puts Plateau in
 * Nigeria, "Atlanta, Georgia, United States" makes Georgia the state. A
 * town abroad in a sentence that names another country is dropped rather
 * than trusted. */
static void pick_places(sr_sentinfo_t *si, const sr_doc_t *doc,
                        const sr_analysis_t *an)
{
    const char *focus = an->focus_cc;

    for (size_t k = 0; k < si->nplaces; k++) {
        sr_place_hit_t *h = &si->places[k];
        const char *named = explicit_country(si, h);
        double best = -1;

        if (h->kind != SR_PH_PLACE) {
            continue;
        }
        h->pick = NULL;
        if (h->ncand == 0) {
            continue;
        }
        if (h->cands[0]->kind == SR_PLACE_COUNTRY &&
            (named == NULL ||
             strcmp(named, h->cands[0]->country_code) == 0)) {
            h->pick = h->cands[0];
            continue;
        }
        for (size_t c = 0; c < h->ncand; c++) {
            const sr_place_t *p = h->cands[c];
            double score = candidate_score(doc, si, h, p, named, focus) +
                           (is_named(an, p->country_code) ? 2 : 0);

            if (p->kind == SR_PLACE_COUNTRY && named != NULL) {
                continue; /* "Georgia, United States" */
            }
            if (score > best) {
                best = score;
                h->pick = p;
            }
        }
        if (h->pick != NULL && named != NULL &&
            strcmp(h->pick->country_code, named) != 0) {
            h->pick = NULL;
        }
        /* a town in a country the article never names, when it names
         * others: a namesake, not the place ("Palma" in a Mozambique
         * story) */
        if (h->pick != NULL && an->nnamed > 0 && h->ncand > 1 &&
            !is_named(an, h->pick->country_code)) {
            h->pick = NULL;
        }
    }
    si->last_place = NULL;
    for (size_t k = 0; k < si->nplaces; k++) {
        if (si->places[k].kind == SR_PH_PLACE && si->places[k].pick != NULL &&
            !si->places[k].modifier) {
            si->country = si->places[k].pick->country_code;
            si->last_place = si->places[k].pick;
        }
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
    an->nnamed = 0;
    an->focus_cc = focus_country(an, doc);
    for (size_t s = 0; s < doc->nsent; s++) {
        pick_places(&an->info[s], doc, an);
    }
}
