/* segment.c - trigger sentences grouped into incidents, with roles.
 *
 * Each sentence with an event trigger either opens a draft or joins one:
 * it joins the previous draft when it adds no date, place or count of its
 * own ("Fierce fighting followed"), the draft it refers back to when its
 * trigger is definite ("the attack") and nothing contradicts, and any
 * draft with the same date, a compatible place and category and no
 * contradicting count (repeated mentions). A threat, a hypothesis or a
 * denied event never joins a real one. Sentences about many events
 * (analyze.c: "since 2009", "in similar attacks") open nothing; a claim
 * in a sentence without a trigger goes to the latest incident. A draft is
 * BACKGROUND when its date or cues put it clearly before the news (an
 * earlier month, "last month", "a previous attack"), else MAIN_EVENT; a
 * main event takes a missing date or place from the lead paragraph.
 */
#include <string.h>

#include "analysis.h"
#include "classify.h"
#include "locate.h"
#include "xmalloc.h"

#define BACKGROUND_DAYS 10
#define SCOPE_SENTS 8

/* The sentence's date of the event: a named date over a weekday ("late on
 * Sunday [17 October]"), never a period ("since 2015") nor a date after
 * publication ("next month's visit on 11/1"). */
static const sr_date_hit_t *own_date(const sr_sentinfo_t *si,
                                     const sr_doc_t *doc)
{
    const sr_date_hit_t *best = NULL;

    for (size_t k = 0; k < si->ndates; k++) {
        const sr_date_hit_t *h = &si->dates[k];

        if (h->since || (doc->has_pub && sr_date_age_days(doc, h) < -1)) {
            continue;
        }
        if (best == NULL || (best->vague_day && !h->vague_day &&
                             h->precision == SR_TPREC_DAY)) {
            best = h;
        }
    }
    return best;
}

/* Asserted and reported events are real; a threat, a hypothesis, a foiled
 * plot or a denied event is another thing, never merged with them. */
static int reality_class(sr_factuality_t f)
{
    switch (f) {
    case SR_FACT_ASSERTED:
    case SR_FACT_REPORTED_UNCONFIRMED:
    case SR_FACT_ALLEGED_OR_CLAIMED:
        return 0; /* it happened, as far as the text says */
    case SR_FACT_DENIED:
    case SR_FACT_NEGATED:
        return 1; /* it did not */
    default:
        return 2 + (int)f; /* each kind of might-be on its own */
    }
}

static int same_reality(sr_factuality_t a, sr_factuality_t b)
{
    return reality_class(a) == reality_class(b);
}

/* A draft with no date and no count: a headline or a passing mention. */
static int weak(const sr_draft_t *d)
{
    if (d->date_set) {
        return 0;
    }
    for (int k = 0; k < SR_CAS__COUNT; k++) {
        if (d->cas[k] != NULL) {
            return 0;
        }
    }
    return 1;
}

static int same_date(const sr_date_hit_t *a, const sr_date_hit_t *b)
{
    return a->year == b->year && a->month == b->month && a->day == b->day &&
           a->precision == b->precision;
}

static int count_conflict(const sr_draft_t *d, const sr_sentinfo_t *si)
{
    for (size_t k = 0; k < si->ncas; k++) {
        const sr_cas_hit_t *c = d->cas[si->cas[k].kind];

        /* "several victims" contradicts no number */
        if (c != NULL && c->count.best != si->cas[k].count.best &&
            c->count.best != SR_COUNT_NONE &&
            si->cas[k].count.best != SR_COUNT_NONE &&
            !si->cas[k].cumulative) {
            return 1;
        }
    }
    return 0;
}

static int compatible_category(sr_category_t a, sr_category_t b)
{
    if (a == b || a == SR_CAT_OTHER || b == SR_CAT_OTHER) {
        return 1;
    }
    return a != SR_CAT_ACCIDENT && b != SR_CAT_ACCIDENT && !sr_category_is_protest(a) &&
           !sr_category_is_protest(b);
}

static int compatible_place(const sr_draft_place_t *a,
                            const sr_draft_place_t *b)
{
    if (!a->set || !b->set) {
        return 1;
    }
    if (a->place->kind == SR_PLACE_CITY && b->place->kind == SR_PLACE_CITY &&
        a->place != b->place &&
        (strcmp(a->place->name, b->place->name) != 0 ||
         strcmp(a->place->country_code, b->place->country_code) != 0)) {
        return 0; /* the same day in two towns: two attacks */
    }
    return strcmp(a->place->country_code, b->place->country_code) == 0;
}

/* Someone did it: a "killed" with an actor named is an assault. */
static int has_perp(const sr_sentinfo_t *si)
{
    for (size_t k = 0; k < si->nactors; k++) {
        if (si->actors[k].kind != SR_ACTOR_GENERIC_TARGET) {
            return 1;
        }
    }
    return 0;
}

static void attach_claim(sr_draft_t *d, const sr_analysis_t *an, size_t s)
{
    const sr_sentinfo_t *si = &an->info[s];
    const sr_claim_hit_t *c = &si->claim;
    const sr_actor_hit_t *who = c->actor >= 0 ? &si->actors[c->actor] : NULL;

    if (who == NULL && c->pronoun) {
        /* "the group claimed": the latest named non-state actor */
        for (size_t k = s + 1; k > 0 && who == NULL; k--) {
            const sr_sentinfo_t *p = &an->info[k - 1];

            for (size_t a = p->nactors; a > 0; a--) {
                const sr_actor_hit_t *h = &p->actors[a - 1];

                if (h->kind == SR_ACTOR_NAMED && h->type != NULL &&
                    strncmp(h->type, "STATE", 5) != 0) {
                    who = h;
                    break;
                }
            }
        }
        if (who == NULL) {
            return;
        }
    }
    if (d->claim == NULL) {
        d->claim_status = c->status;
        d->claimant = who ? who->canonical : NULL;
        d->claimant_hit = who;
        d->claim = c;
        d->claim_sent = s;
    } else if (c->status == SR_CLAIM_CLAIMED &&
               d->claim_status == SR_CLAIM_CLAIMED && who != NULL &&
               d->claimant != NULL && strcmp(d->claimant, who->canonical) != 0) {
        d->claim_status = SR_CLAIM_COMPETING_CLAIMS;
    }
}

static void add_sentence(sr_draft_t *d, const sr_analysis_t *an,
                         const sr_doc_t *doc, size_t s,
                         const sr_gazetteer_t *gz)
{
    const sr_sentinfo_t *si = &an->info[s];
    const sr_date_hit_t *dt = own_date(si, doc);

    if (d->nsents < SR_MAX_DRAFT_SENTS) {
        d->sents[d->nsents++] = s;
    }
    /* the date of a later claim is not the date of the attack */
    if (!d->date_set && dt != NULL && !(si->has_claim && s != d->anchor)) {
        d->date = *dt;
        d->date_set = 1;
    }
    if (!d->place.set) {
        d->place = sr_locate_sentence(an, s, gz);
    }
    for (size_t k = 0; k < si->ncas; k++) {
        const sr_cas_hit_t *old = d->cas[si->cas[k].kind];

        /* a toll update ("rose to 24") supersedes the first report */
        if (old == NULL || (si->cas[k].cumulative &&
                            si->cas[k].count.best > old->count.best)) {
            d->cas[si->cas[k].kind] = &si->cas[k];
        }
    }
}

static int is_background(const sr_draft_t *d, const sr_doc_t *doc)
{
    const sr_date_hit_t *h = &d->date;

    for (size_t j = d->trig; j > doc->sents[d->anchor].tb && j + 4 > d->trig;
         j--) {
        if (sr_tok_is(doc, j - 1, "previous") || sr_tok_is(doc, j - 1, "prior") ||
            sr_tok_is(doc, j - 1, "earlier") || sr_tok_is(doc, j - 1, "similar")) {
            return 1;
        }
    }
    if (!d->date_set || !doc->has_pub) {
        return 0;
    }
    if (h->earlier || h->since) {
        return 1;
    }
    switch (h->precision) {
    case SR_TPREC_DAY:
    case SR_TPREC_WEEK:
        return sr_date_age_days(doc, h) > BACKGROUND_DAYS;
    case SR_TPREC_MONTH:
        return h->year != doc->pub_year || h->month != doc->pub_month;
    case SR_TPREC_YEAR:
        return h->year != doc->pub_year;
    default:
        return 0;
    }
}

/* "the Tessit attack": the draft whose anchor sentence names Tessit. */
static sr_draft_t *by_key(sr_drafts_t *dr, const sr_analysis_t *an,
                          const sr_doc_t *doc, size_t s)
{
    size_t key = SR_NO_TOK;
    const sr_sent_t *sent = &doc->sents[s];

    /* the capitalised word just before a trigger noun: "the Tessit
     * attack", "Tuesday's Inates ambush" */
    for (size_t t = an->info[s].trig; t < sent->te && key == SR_NO_TOK; t++) {
        if (!sr_tok_has(doc, t, SR_W_TRIGGER) || !doc->toks[t].lex->trig_noun) {
            continue;
        }
        for (size_t j = t; j > sent->tb && j + 3 > t; j--) {
            if (doc->toks[j - 1].cap && doc->toks[j - 1].kind == SR_TOK_WORD &&
                !sr_tok_has(doc, j - 1, SR_W_STOPCAP)) {
                key = j - 1;
                break;
            }
        }
    }
    if (key == SR_NO_TOK) {
        return NULL;
    }
    for (size_t k = dr->count; k > 0; k--) {
        const sr_sent_t *a = &doc->sents[dr->items[k - 1].anchor];

        for (size_t i = a->tb; i < a->te; i++) {
            if (doc->toks[i].len == doc->toks[key].len &&
                memcmp(doc->text + doc->toks[i].start,
                       doc->text + doc->toks[key].start,
                       doc->toks[key].len) == 0) {
                return &dr->items[k - 1];
            }
        }
    }
    return NULL;
}

static sr_draft_t *find_target(sr_drafts_t *dr, const sr_analysis_t *an,
                               const sr_doc_t *doc, size_t s,
                               const sr_gazetteer_t *gz, sr_category_t cat)
{
    const sr_sentinfo_t *si = &an->info[s];
    const sr_date_hit_t *dt = own_date(si, doc);
    sr_draft_place_t pl;
    sr_draft_t *last, *d;

    if (dr->count == 0) {
        return NULL;
    }
    last = &dr->items[dr->count - 1];
    if (!same_reality(an->info[last->anchor].fact, si->fact) &&
        cat != SR_CAT_ARRESTS) {
        /* "officials said militants could attack again"; arrests follow
         * any event, a foiled plot too */
        return NULL;
    }
    pl = sr_locate_sentence(an, s, gz);
    if (pl.set && pl.hit->kind == SR_PH_DEMONYM) {
        pl.set = 0; /* "a Zimbabwean national" says little about where */
    }
    if (si->definite && (d = by_key(dr, an, doc, s)) != NULL) {
        return d; /* "the Tessit attack" */
    }
    if (weak(last) && compatible_category(last->category, cat) &&
        ((pl.set && last->place.set && pl.place == last->place.place) ||
         (last->anchor == 0 && doc->sents[0].para == 0))) {
        /* a headline ("Farmers killed near Maiduguri") told in full */
        return last;
    }
    if (dt == NULL && !pl.set && !count_conflict(last, si)) {
        /* an elaboration: "fierce fighting followed", "two soldiers were
         * killed, the army said" */
        return last;
    }
    if (si->definite && !count_conflict(last, si) &&
        (dt == NULL || (last->date_set && same_date(dt, &last->date)))) {
        return last;
    }
    if (dt == NULL) {
        return NULL;
    }
    for (size_t k = dr->count; k > 0; k--) {
        d = &dr->items[k - 1];
        if (d->date_set && same_date(dt, &d->date) && !count_conflict(d, si) &&
            compatible_place(&d->place, &pl) &&
            compatible_category(d->category, cat)) {
            return d;
        }
    }
    return NULL;
}

static void fill_from_lead(sr_draft_t *d, const sr_analysis_t *an,
                           const sr_doc_t *doc, const sr_gazetteer_t *gz)
{
    for (size_t s = 0; s < an->ninfo && doc->sents[s].para == 0; s++) {
        /* the date of a claim is not the date of the attack */
        const sr_date_hit_t *dt = an->info[s].has_claim
                                      ? NULL
                                      : own_date(&an->info[s], doc);

        if (!d->date_set && dt != NULL && !dt->earlier) {
            d->date = *dt;
            d->date_set = 1;
        }
        if (!d->place.set) {
            d->place = sr_locate_sentence(an, s, gz);
        }
    }
}

static int in_draft(const sr_draft_t *d, size_t s)
{
    for (size_t k = 0; k < d->nsents; k++) {
        if (d->sents[k] == s) {
            return 1;
        }
    }
    return 0;
}

/* The sentences told about d: from its anchor up to a sentence of another
 * incident ("No casualties were reported" has no trigger yet belongs). */
static size_t scope_end(const sr_draft_t *d, const sr_analysis_t *an,
                        const sr_doc_t *doc)
{
    size_t e = d->anchor + 1;

    while (e < an->ninfo && e < d->anchor + SCOPE_SENTS &&
           doc->sents[e].para == doc->sents[d->anchor].para &&
           (an->info[e].trig == SR_NO_TOK || an->info[e].generic ||
            in_draft(d, e))) {
        e++;
    }
    return e;
}

/* Sentence s is about another time: a date of its own or "the previous
 * week". */
static int other_time(const sr_analysis_t *an, const sr_doc_t *doc, size_t s)
{
    static const char *const before[] = {"previous", "earlier", "ago",
                                         "prior", "last", NULL};

    if (an->info[s].ndates > 0) {
        return 1;
    }
    for (size_t i = doc->sents[s].tb; i < doc->sents[s].te; i++) {
        if (sr_tok_has(doc, i, SR_W_PAST_CUE) && sr_tok_in(doc, i, before)) {
            return 1;
        }
    }
    return 0;
}

/* Someone was killed, injured or kidnapped (a count above zero). */
static int harmed(const sr_draft_t *d)
{
    static const int kinds[] = {SR_CAS_KILLED, SR_CAS_INJURED,
                                SR_CAS_KIDNAPPED};

    for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        const sr_cas_hit_t *c = d->cas[kinds[k]];

        if (c != NULL && c->count.qual != SR_QUAL_ZERO && c->count.best != 0) {
            return 1;
        }
    }
    return 0;
}

void sr_segment(sr_drafts_t *dr, const sr_analysis_t *an, const sr_doc_t *doc,
                const sr_gazetteer_t *gz, size_t max)
{
    size_t pending_claim = SR_NO_TOK;

    dr->count = 0;
    for (size_t s = 0; s < an->ninfo; s++) {
        const sr_sentinfo_t *si = &an->info[s];
        sr_draft_t *d;
        sr_category_t cat;

        if (si->trig == SR_NO_TOK || si->generic) {
            if (si->has_claim) {
                if (dr->count > 0) {
                    attach_claim(&dr->items[dr->count - 1], an, s);
                } else {
                    pending_claim = s;
                }
            }
            continue;
        }
        cat = sr_classify(doc, doc->sents[s].tb, doc->sents[s].te,
                          has_perp(si));
        d = find_target(dr, an, doc, s, gz, cat);
        if (d == NULL) {
            if (dr->count >= max) {
                continue;
            }
            sr_xgrow((void **)&dr->items, &dr->cap, dr->count + 1,
                     sizeof(*dr->items));
            d = &dr->items[dr->count++];
            memset(d, 0, sizeof(*d));
            d->anchor = s;
            d->trig = si->trig;
            d->category = cat;
            d->claim_status = SR_CLAIM_UNKNOWN;
            if (pending_claim != SR_NO_TOK) {
                attach_claim(d, an, pending_claim);
                pending_claim = SR_NO_TOK;
            }
        } else {
            /* "... Two civilians were abducted." */
            d->category = sr_category_merge(
                d->category, cat,
                si->definite || doc->toks[si->trig].lex->trig_noun);
        }
        add_sentence(d, an, doc, s, gz);
        if (si->has_claim) {
            attach_claim(d, an, s);
        }
    }
    for (size_t k = 0; k < dr->count; k++) {
        sr_draft_t *d = &dr->items[k];

        d->scope_end = scope_end(d, an, doc);
        if (sr_category_is_protest(d->category)) {
            /* how a protest was met is often told in the next sentence,
             * up to one about another time ("riots the previous week") */
            size_t e = d->anchor;

            while (e + 1 < an->ninfo &&
                   doc->sents[e + 1].para == doc->sents[d->anchor].para &&
                   !other_time(an, doc, e + 1)) {
                e++;
            }
            d->category = sr_classify(doc, doc->sents[d->anchor].tb,
                                      doc->sents[e].te, 0);
        }
        d->category = sr_refine_category(
            doc, doc->sents[d->anchor].tb, doc->sents[d->anchor].te,
            doc->sents[d->anchor].tb, doc->sents[d->scope_end - 1].te,
            d->category, harmed(d));

        d->role = is_background(d, doc)
                      ? SR_ROLE_BACKGROUND
                      : SR_ROLE_MAIN_EVENT;
        if (d->role == SR_ROLE_MAIN_EVENT &&
            doc->sents[d->anchor].para == 0) {
            fill_from_lead(d, an, doc, gz);
        }
    }
}
