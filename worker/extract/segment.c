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

/* A date in brackets after a toll: "17 protesters and an officer were
 * killed (the officer on the night of 9-10 January)" tells of one victim,
 * not of the sentence's event. */
static int toll_aside(const sr_sentinfo_t *si, const sr_doc_t *doc,
                      const sr_date_hit_t *h)
{
    for (size_t k = 0; k < si->ncas; k++) {
        size_t e = si->cas[k].te;

        if (e < h->tb && sr_tok_punct(doc, e) == '(') {
            for (size_t i = e + 1; i < h->tb; i++) {
                if (sr_tok_punct(doc, i) == ')') {
                    return 0;
                }
            }
            return 1;
        }
    }
    return 0;
}

/* The sentence's date of the event: a named date over a weekday ("late on
 * Sunday [17 October]"), never a period ("since 2015"), a date after
 * publication ("next month's visit on 11/1") nor one in an aside on the
 * toll. */
static const sr_date_hit_t *own_date(const sr_sentinfo_t *si,
                                     const sr_doc_t *doc)
{
    const sr_date_hit_t *best = NULL;

    for (size_t k = 0; k < si->ndates; k++) {
        const sr_date_hit_t *h = &si->dates[k];

        if (h->since || (doc->has_pub && sr_date_age_days(doc, h) < -1) ||
            toll_aside(si, doc, h)) {
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

/* The sentence's trigger is a casualty word of one of its hits: "Three
 * police officers died", "The man was shot and killed". */
static int trig_on_hit(const sr_sentinfo_t *si)
{
    for (size_t k = 0; k < si->ncas; k++) {
        if (si->cas[k].verb == si->trig ||
            (si->trig >= si->cas[k].tb && si->trig < si->cas[k].te)) {
            return 1;
        }
    }
    return 0;
}

/* A count of the sentence other than d's own: "two more officers were
 * injured" adds to it when the sentence's event is the casualty, but
 * "a second bomber struck, killing 12 more" is another attack. */
static int count_conflict(const sr_draft_t *d, const sr_sentinfo_t *si)
{
    for (size_t k = 0; k < si->ncas; k++) {
        const sr_cas_hit_t *c = d->cas[si->cas[k].kind];

        if (si->cas[k].more && trig_on_hit(si)) {
            continue;
        }
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

/* Someone did it: a "killed" with an actor named is an assault, and so
 * is one by soldiers or police ("soldiers killed five civilians"; not
 * "soldiers were killed"). */
static int has_perp(const sr_sentinfo_t *si, const sr_doc_t *doc)
{
    for (size_t k = 0; k < si->nactors; k++) {
        const sr_actor_hit_t *h = &si->actors[k];

        if (h->kind != SR_ACTOR_GENERIC_TARGET) {
            return 1;
        }
        if (h->security && h->te < doc->ntok &&
            sr_tok_has(doc, h->te, SR_W_KILL) &&
            !doc->toks[h->te].lex->trig_noun) {
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

static void add_count(sr_draft_t *d, const sr_cas_hit_t *h)
{
    const sr_cas_hit_t *old = d->cas[h->kind];

    /* a toll update ("rose to 24") supersedes the first report and
     * what was added to it; "two more were injured" adds, once (a third
     * report of more is as likely a retelling as a new count) */
    if (old == NULL || (h->cumulative && h->count.best > old->count.best)) {
        d->cas[h->kind] = h;
        d->more[h->kind] = NULL;
    } else if (h->more && !h->cumulative && d->more[h->kind] == NULL &&
               old->count.best != SR_COUNT_NONE &&
               old->count.qual != SR_QUAL_ZERO) {
        d->more[h->kind] = h;
    }
}

static void add_counts(sr_draft_t *d, const sr_sentinfo_t *si)
{
    for (size_t k = 0; k < si->ncas; k++) {
        add_count(d, &si->cas[k]);
    }
}

static int attack_noun(const sr_doc_t *doc, size_t i)
{
    static const char *const nouns[] = {
        "attacks", "incidents", "bombings", "raids", "assaults", "blasts",
        "explosions", "strikes", "ambushes", NULL};

    return i < doc->ntok && sr_tok_in(doc, i, nouns);
}

/* "killed across the attacks", "across all of the attacks", "across the
 * four raids": a toll over a series, not this incident's count ("in the
 * blasts" may be one incident's two bombs). "Across the capital" is a
 * place. */
static int series_toll(const sr_doc_t *doc, const sr_sent_t *sent)
{
    for (size_t i = sent->tb; i + 1 < sent->te; i++) {
        if (!sr_tok_is(doc, i, "across") ||
            !(sr_tok_is(doc, i + 1, "the") || sr_tok_is(doc, i + 1, "all") ||
              sr_tok_is(doc, i + 1, "these") ||
              sr_tok_is(doc, i + 1, "both"))) {
            continue;
        }
        for (size_t j = i + 1; j < sent->te && j < i + 6; j++) {
            if (attack_noun(doc, j)) {
                return 1;
            }
        }
    }
    return 0;
}

/* A count of attacks at token i, up to two modifiers before the noun
 * ("four related attacks", "eight coordinated suicide bombings"), or 0. */
static int64_t attacks_counted(const sr_doc_t *doc, size_t i)
{
    int64_t n;
    sr_numkind_t kind;
    size_t used = sr_num_at(doc, i, doc->ntok, &n, &kind);

    if (used == 0 || kind != SR_NUM_EXACT || n < 2) {
        return 0;
    }
    for (size_t j = i + used; j < i + used + 3 && j < doc->ntok; j++) {
        if (attack_noun(doc, j)) {
            return n;
        }
        if (doc->toks[j].kind != SR_TOK_WORD) {
            break;
        }
    }
    return 0;
}

/* How many attacks the article's series has: "one of four related
 * attacks", "across the eight raids", "across both attacks"; 0 if it
 * does not say. */
static int64_t series_size(const sr_doc_t *doc)
{
    for (size_t i = 0; i + 2 < doc->ntok; i++) {
        int64_t n = 0;

        if (sr_tok_is(doc, i, "one") && sr_tok_is(doc, i + 1, "of")) {
            n = attacks_counted(doc, i + 2);
        } else if (sr_tok_is(doc, i, "across")) {
            size_t j = i + 1;

            if (sr_tok_is(doc, j, "both") && attack_noun(doc, j + 1)) {
                return 2;
            }
            while (j < i + 4 && (sr_tok_is(doc, j, "the") ||
                                 sr_tok_is(doc, j, "all") ||
                                 sr_tok_is(doc, j, "of") ||
                                 sr_tok_is(doc, j, "these"))) {
                j++;
            }
            n = attacks_counted(doc, j);
        }
        if (n > 0) {
            return n;
        }
    }
    return 0;
}

/* In a sentence with a series toll every count is the series', unless
 * it says it is this incident's own: "18 were killed in this blast and
 * four injured across both attacks" keeps the 18. */
static int series_hit(const sr_doc_t *doc, const sr_cas_hit_t *h)
{
    for (size_t i = h->te; i < h->te + 3 && i + 1 < doc->ntok; i++) {
        if (sr_tok_is(doc, i, "in") && sr_tok_is(doc, i + 1, "this")) {
            return 0;
        }
    }
    return 1;
}

/* GTD divides a toll told over a series equally among its attacks; the
 * share is recorded, and emit.c marks it approximate. */
static void add_series(sr_draft_t *d, const sr_sentinfo_t *si,
                       const sr_doc_t *doc)
{
    for (size_t k = 0; k < si->ncas; k++) {
        if (!series_hit(doc, &si->cas[k])) {
            add_count(d, &si->cas[k]);
        }
    }
    if (d->series_n == 0) {
        d->series_n = series_size(doc);
        if (d->series_n == 0) {
            d->series_n = -1; /* looked, found none */
        }
    }
    if (d->series_n < 2) {
        return;
    }
    for (size_t k = 0; k < si->ncas; k++) {
        sr_cas_kind_t kind = si->cas[k].kind;

        if (d->series[kind] == NULL && series_hit(doc, &si->cas[k]) &&
            si->cas[k].count.best != SR_COUNT_NONE) {
            d->series[kind] = &si->cas[k];
        }
    }
}

/* 1 if dt is a bare month ("in December") that sentence s, not d's
 * anchor, gives: the month of a later step ("He was released in
 * December"), not the incident's. */
static int later_month(const sr_draft_t *d, size_t s,
                       const sr_date_hit_t *dt)
{
    return s != d->anchor && dt->precision == SR_TPREC_MONTH &&
           dt->basis == SR_TBASIS_RELATIVE_TO_PUBLICATION;
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
    if (!d->date_set && dt != NULL && !(si->has_claim && s != d->anchor) &&
        !later_month(d, s, dt)) {
        d->date = *dt;
        d->date_set = 1;
    }
    sr_locate_refine(&d->place, an, s, gz);
    if (s == d->anchor || !series_toll(doc, &doc->sents[s])) {
        add_counts(d, si);
    } else {
        add_series(d, si, doc);
    }
}

/* "Gunmen attacked a village. Fifteen villagers were missing.": a count
 * with no event word, no date and no place of its own tells of the
 * incident before it. */
static void counts_follow(sr_drafts_t *dr, const sr_analysis_t *an,
                          const sr_doc_t *doc, size_t s,
                          const sr_gazetteer_t *gz)
{
    const sr_sentinfo_t *si = &an->info[s];
    sr_draft_t *last;

    if (dr->count == 0 || si->ncas == 0 || si->generic ||
        own_date(si, doc) != NULL || sr_locate_sentence(an, s, gz).set) {
        return;
    }
    last = &dr->items[dr->count - 1];
    if (doc->sents[s].para == doc->sents[last->anchor].para &&
        !count_conflict(last, si)) {
        add_counts(last, si);
    }
}

/* 0: the news; 1: told as earlier ("a previous attack", "last month");
 * 2: only its explicit date lies well before publication. */
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
    /* "... had gathered after a judge was shot dead earlier that
     * morning": a step before the story told, on a day the text gives */
    for (size_t j = d->trig + 1;
         j + 1 < doc->sents[d->anchor].te && j < d->trig + 5; j++) {
        if (sr_tok_is(doc, j, "earlier") && sr_tok_is(doc, j + 1, "that")) {
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
        return sr_date_age_days(doc, h) > BACKGROUND_DAYS ? 2 : 0;
    case SR_TPREC_MONTH:
        return h->year != doc->pub_year || h->month != doc->pub_month ? 2 : 0;
    case SR_TPREC_YEAR:
        return h->year != doc->pub_year ? 2 : 0;
    default:
        return 0;
    }
}

/* A report published weeks after its one event still has that event as
 * its news: with no main event, the first incident of the lead dated
 * outright (not "last month") becomes it. */
static void late_report(sr_drafts_t *dr, const sr_doc_t *doc)
{
    for (size_t k = 0; k < dr->count; k++) {
        if (dr->items[k].role == SR_ROLE_MAIN_EVENT) {
            return;
        }
    }
    for (size_t k = 0; k < dr->count; k++) {
        sr_draft_t *d = &dr->items[k];

        if (doc->sents[d->anchor].para == 0 && is_background(d, doc) == 2 &&
            d->date.basis == SR_TBASIS_EXPLICIT) {
            d->role = SR_ROLE_MAIN_EVENT;
            return;
        }
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

/* "It was one of four related attacks that day": the incident told
 * before, placed in a series. */
static int series_ref(const sr_doc_t *doc, const sr_analysis_t *an, size_t s)
{
    size_t trig = an->info[s].trig, tb = doc->sents[s].tb;

    for (size_t j = trig; j > tb + 1 && j + 6 > trig; j--) {
        if (sr_tok_is(doc, j - 2, "one") && sr_tok_is(doc, j - 1, "of")) {
            return 1;
        }
    }
    return 0;
}

/* Sentence s opens with "In addition", "Additionally", "Moreover": more
 * of the same story. */
static int adds_on(const sr_doc_t *doc, size_t s)
{
    size_t b = doc->sents[s].tb;

    return sr_tok_is(doc, b, "additionally") || sr_tok_is(doc, b, "moreover") ||
           sr_tok_is(doc, b, "furthermore") ||
           (b + 1 < doc->sents[s].te && sr_tok_is(doc, b, "in") &&
            sr_tok_is(doc, b + 1, "addition"));
}

static int counted(const sr_doc_t *doc, size_t i)
{
    int64_t n;
    sr_numkind_t kind;

    return sr_num_at(doc, i, doc->ntok, &n, &kind) > 0;
}

/* Sentence s tells what befell people and nothing more: its trigger is
 * a casualty word, no one is said to have done it, and no word marks
 * another event ("in a separate attack", "elsewhere"). */
static int fate_only(const sr_sentinfo_t *si, const sr_doc_t *doc,
                     const sr_sent_t *sent)
{
    static const char *const other[] = {"separate", "elsewhere", "similar",
                                        "meanwhile", "another", NULL};

    if (!trig_on_hit(si) || has_perp(si, doc)) {
        return 0;
    }
    for (size_t i = sent->tb; i < sent->te; i++) {
        /* "another three died" adds to this toll; "another attack" is
         * another event */
        if (sr_tok_in(doc, i, other) &&
            !(sr_tok_is(doc, i, "another") && i + 1 < sent->te &&
              counted(doc, i + 1))) {
            return 0;
        }
    }
    return 1;
}

static int hostage_category(sr_category_t c)
{
    return c == SR_CAT_KIDNAPPING || c == SR_CAT_HOSTAGE_BARRICADE;
}

/* A kidnapping or a siege whose captives' fate ("Eight people were
 * beheaded on January 8", "The siege ended on 26 October when ...; 130
 * hostages died") comes with a later date of its own: GTD keeps the
 * deaths in the hostage taking, on its first day. */
static int captives_fate(const sr_draft_t *last, const sr_sentinfo_t *si,
                         const sr_doc_t *doc, size_t s, sr_category_t cat)
{
    int back = si->definite && hostage_category(cat); /* "the siege" */

    if (!hostage_category(last->category) && !back) {
        return 0;
    }
    for (size_t k = 0; k < si->ncas; k++) {
        if (si->cas[k].kind == SR_CAS_KILLED ||
            si->cas[k].kind == SR_CAS_KILLED_PERP) {
            return back || fate_only(si, doc, &doc->sents[s]);
        }
    }
    return 0;
}

/* Places lie in one country, or one of them is unknown. */
static int same_country(const sr_draft_place_t *a, const sr_draft_place_t *b)
{
    return !a->set || !b->set ||
           strcmp(a->place->country_code, b->place->country_code) == 0;
}

/* A name with no preposition inside a casualty phrase tells who the
 * victims are, not where: "20 people, among them a Somali-Canadian
 * journalist, were killed". */
static int in_victims(const sr_sentinfo_t *si, const sr_place_hit_t *h)
{
    for (size_t k = 0; k < si->ncas && !h->prep; k++) {
        if (h->tb >= si->cas[k].tb && h->te <= si->cas[k].te) {
            return 1;
        }
    }
    return 0;
}

/* "migrants from outside Papua", "tourists from Germany": where people
 * come from, not where the event is. */
static int origin_of_people(const sr_doc_t *doc, const sr_place_hit_t *h)
{
    size_t f = h->text_tb;

    if (!sr_tok_is(doc, f, "from")) {
        if (f == 0 || !sr_tok_is(doc, f - 1, "from")) {
            return 0;
        }
        f--; /* "from outside Papua" */
    }
    return f > 0 && sr_tok_has(doc, f - 1, SR_W_VICT_CIV | SR_W_VICT_SEC |
                                               SR_W_PERP | SR_W_PROTEST);
}

/* "Armenia reported 49 soldiers killed", "Kenya said": a state that
 * speaks is a source, not where the event is. */
static int place_speaks(const sr_doc_t *doc, const sr_place_hit_t *h)
{
    static const char *const speech[] = {"reported", "said", "says",
                                         "announced", "confirmed", "stated",
                                         "reports", "claimed", NULL};

    return !h->prep && h->te < doc->ntok && sr_tok_in(doc, h->te, speech);
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
    if (si->has_claim && si->definite) {
        dt = NULL; /* "X claimed the attack on Tuesday": the claim's day */
    }
    last = &dr->items[dr->count - 1];
    if (!same_reality(an->info[last->anchor].fact, si->fact) &&
        cat != SR_CAT_ARRESTS) {
        /* "officials said militants could attack again"; arrests follow
         * any event, a foiled plot too */
        return NULL;
    }
    pl = sr_locate_sentence(an, s, gz);
    if (pl.set && (pl.hit->kind == SR_PH_DEMONYM || in_victims(si, pl.hit) ||
                   origin_of_people(doc, pl.hit) || place_speaks(doc, pl.hit))) {
        pl.set = 0; /* "a Zimbabwean national" says little about where */
    }
    if (si->definite && (d = by_key(dr, an, doc, s)) != NULL) {
        return d; /* "the Tessit attack" */
    }
    if (series_ref(doc, an, s)) {
        return last;
    }
    if (weak(last) && compatible_category(last->category, cat) &&
        ((pl.set && last->place.set && pl.place == last->place.place) ||
         (last->anchor == 0 && doc->sents[0].para == 0))) {
        /* a headline ("Farmers killed near Maiduguri") told in full */
        return last;
    }
    if (captives_fate(last, si, doc, s, cat) && !count_conflict(last, si)) {
        return last;
    }
    /* "Three police officers died; they were flown to Nairobi": a place
     * in a toll sentence is where the victims went, not a new event */
    if ((dt == NULL || adds_on(doc, s)) &&
        (!pl.set || (same_country(&pl, &last->place) &&
                     fate_only(si, doc, &doc->sents[s]))) &&
        !count_conflict(last, si)) {
        /* an elaboration: "fierce fighting followed", "two soldiers were
         * killed, the army said"; "In addition, 13 passengers were
         * abducted and freed on March 30" (the date is the release's) */
        return last;
    }
    if (si->definite && !count_conflict(last, si) &&
        (dt == NULL || (last->date_set && same_date(dt, &last->date)))) {
        return last;
    }
    if (dt == NULL || sr_tok_is(doc, doc->sents[s].tb, "earlier") ||
        sr_tok_is(doc, doc->sents[s].tb, "later")) {
        /* "Earlier that Sunday, two rockets had landed": another event
         * of the same day */
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

        if (!d->date_set && dt != NULL && !dt->earlier &&
            !later_month(d, s, dt)) {
            d->date = *dt;
            d->date_set = 1;
        }
        sr_locate_refine(&d->place, an, s, gz);
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

/* The article's main incident, the one a coder's note speaks of: the
 * first MAIN_EVENT, else the first. */
static void mark_primary(sr_drafts_t *dr)
{
    size_t p = 0;

    for (size_t k = dr->count; k > 0; k--) {
        dr->items[k - 1].primary = 0;
        if (dr->items[k - 1].role == SR_ROLE_MAIN_EVENT) {
            p = k - 1;
        }
    }
    if (dr->count > 0) {
        dr->items[p].primary = 1;
    }
}

/* "Coded to Monguno", "Coordinates are for Janakpur": the town a coder's
 * note puts the main incident in, when it fits what the text proves (the
 * country, and the region when only a region is known). */
static void apply_coded_place(sr_drafts_t *dr, const sr_analysis_t *an)
{
    sr_draft_t *d = NULL;

    for (size_t k = 0; k < dr->count && d == NULL; k++) {
        d = dr->items[k].primary ? &dr->items[k] : NULL;
    }
    for (size_t s = 0; d != NULL && s < an->ninfo; s++) {
        const sr_sentinfo_t *si = &an->info[s];

        for (size_t k = 0; k < si->nplaces; k++) {
            const sr_place_hit_t *h = &si->places[k];
            const sr_place_t *p = h->pick, *cur = d->place.place;

            if (!h->coded || h->kind != SR_PH_PLACE || p == NULL ||
                p->kind != SR_PLACE_CITY) {
                continue;
            }
            if (d->place.set &&
                (strcmp(cur->country_code, p->country_code) != 0 ||
                 (cur->kind == SR_PLACE_ADMIN1 &&
                  strcmp(cur->admin1_code, p->admin1_code) != 0))) {
                return;
            }
            memset(&d->place, 0, sizeof(d->place));
            d->place.set = 1;
            d->place.sent = s;
            d->place.hit = h;
            d->place.place = p;
            d->place.confidence = 0.7;
            return;
        }
    }
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
            if (si->trig == SR_NO_TOK) {
                counts_follow(dr, an, doc, s, gz);
            }
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
                          has_perp(si, doc));
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
    late_report(dr, doc);
    mark_primary(dr);
    apply_coded_place(dr, an);
}
