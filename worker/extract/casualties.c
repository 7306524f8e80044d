/* casualties.c - casualty counts in one sentence. */
#include "casualties.h"

#include <string.h>

#define MAX_GAP 6

static int verb_kind_of_class(const sr_doc_t *doc, size_t i);

/* Inline: the rules ask at nearly every token, and the class settles most
 * tokens. */
static inline int verb_kind(const sr_doc_t *doc, size_t i)
{
    const sr_tok_t *t = &doc->toks[i];

    if (t->lex == NULL ||
        (t->lex->cls & (SR_W_KILL | SR_W_DIE | SR_W_INJURE | SR_W_KIDNAP |
                        SR_W_ARREST)) == 0) {
        /* an adjective in no word class: "15 people remain missing" */
        if (t->len == 7 && sr_tok_is(doc, i, "missing")) {
            return SR_CAS_MISSING;
        }
        /* "death" is no casualty word; every other verb is */
        return t->len == 5 && i > 0 && sr_tok_is(doc, i, "death") &&
                       sr_tok_is(doc, i - 1, "to")
                   ? SR_CAS_KILLED
                   : -1;
    }
    return verb_kind_of_class(doc, i);
}

int sr_casualty_verb_kind(const sr_doc_t *doc, size_t i)
{
    return verb_kind(doc, i);
}

static int verb_kind_of_class(const sr_doc_t *doc, size_t i)
{
    if (sr_tok_is(doc, i, "shot")) {
        /* "shot dead" kills; "shot at", "shot six women" may not */
        return i + 1 < doc->ntok && sr_tok_is(doc, i + 1, "dead")
                   ? SR_CAS_KILLED
                   : -1;
    }
    if (sr_tok_is(doc, i, "death") && i > 0 && sr_tok_is(doc, i - 1, "to")) {
        return SR_CAS_KILLED; /* "beaten to death" */
    }
    if (sr_tok_has(doc, i, SR_W_KILL | SR_W_DIE)) {
        return SR_CAS_KILLED;
    }
    if (sr_tok_has(doc, i, SR_W_INJURE)) {
        return SR_CAS_INJURED;
    }
    if (sr_tok_has(doc, i, SR_W_KIDNAP)) {
        return SR_CAS_KIDNAPPED;
    }
    if (sr_tok_has(doc, i, SR_W_ARREST)) {
        return SR_CAS_ARRESTED;
    }
    return -1;
}

static sr_victim_t victim_of(const sr_doc_t *doc, size_t i)
{
    static const char *const people[] = {"suspects", "individuals",
                                         "youths", "hostages", "captives",
                                         NULL};

    if (sr_tok_has(doc, i, SR_W_PERP)) {
        return SR_VICTIM_PERPETRATORS;
    }
    if (sr_tok_has(doc, i, SR_W_VICT_SEC)) {
        return SR_VICTIM_SECURITY;
    }
    if (sr_tok_has(doc, i, SR_W_VICT_CIV | SR_W_PROTEST)) {
        return SR_VICTIM_CIVILIANS; /* ACLED: protesters are civilians */
    }
    return sr_tok_in(doc, i, people) ? SR_VICTIM_OTHER : SR_VICTIM_UNKNOWN;
}

static int is_sub_count(const sr_doc_t *doc, size_t tb, size_t i)
{
    return i > tb && (sr_tok_is(doc, i - 1, "including") ||
                      sr_tok_is(doc, i - 1, "includes") ||
                      sr_tok_is(doc, i - 1, "among"));
}

static void finish(sr_cas_hit_t *h, int kind, sr_victim_t victim)
{
    h->kind = (kind == SR_CAS_KILLED && victim == SR_VICTIM_PERPETRATORS)
                  ? SR_CAS_KILLED_PERP
                  : (sr_cas_kind_t)kind;
    h->victim = victim;
}

static int one_person(const sr_doc_t *doc, size_t j, size_t te,
                      sr_qcount_t *c);

/* ", including four gendarmes," inside "six people, including four
 * gendarmes, were killed": the token after the closing comma, or 0. */
static size_t skip_aside(const sr_doc_t *doc, size_t j, size_t te)
{
    static const char *const openers[] = {"including", "among", "mostly",
                                          "most", "many", "all", "both",
                                          NULL};

    if (sr_tok_punct(doc, j) != ',' || j + 1 >= te ||
        !sr_tok_in(doc, j + 1, openers)) {
        return 0;
    }
    for (size_t k = j + 2; k < te && k < j + 12; k++) {
        if (sr_tok_punct(doc, k) == ',') {
            return k + 1;
        }
    }
    return 0;
}

static int is_gap_filler(const sr_doc_t *doc, size_t j)
{
    static const char *const fillers[] = {"of", "the", "them", "whom",
                                          "those", "taken", "held", "more",
                                          "other", "others", "also", NULL};

    return sr_tok_has(doc, j, SR_W_AUX) || sr_tok_in(doc, j, fillers);
}

/* count [people words] [aux] VERB: "53 soldiers died" */
static int count_then_verb(const sr_doc_t *doc, size_t te,
                           const sr_qcount_t *c, sr_cas_hit_t *h)
{
    sr_victim_t victim = SR_VICTIM_UNKNOWN;
    int plain = 0, steps = 0;

    for (size_t j = c->te; j < te && steps < MAX_GAP; j++, steps++) {
        int kind = verb_kind(doc, j);
        const sr_tok_t *t = &doc->toks[j];
        size_t next;

        if (kind >= 0 && !(sr_tok_is(doc, j, "hostage") &&
                           !sr_tok_is(doc, j - 1, "taken") &&
                           !sr_tok_is(doc, j - 1, "held"))) {
            if (plain > 2 || (plain > 0 && victim == SR_VICTIM_UNKNOWN &&
                              c->best != 1)) {
                return 0; /* "two helicopters ... killed": not people */
            }
            h->count = *c;
            h->verb = j;
            h->tb = c->tb;
            h->te = j + 1;
            finish(h, kind, victim);
            return 1;
        }
        if ((next = skip_aside(doc, j, te)) > 0) {
            j = next - 1;
            continue;
        }
        if (sr_tok_is(doc, j, "and") && j + 1 < te) {
            sr_qcount_t c2;
            sr_cas_hit_t h2;

            /* "two soldiers and five militants were killed", "nine
             * employees and a civilian were killed" */
            if (sr_count_at(doc, j + 1, te, &c2) > 0 ||
                one_person(doc, j + 1, te, &c2)) {
                if (!count_then_verb(doc, te, &c2, &h2)) {
                    return 0;
                }
                int perp2 = h2.kind == SR_CAS_KILLED_PERP;
                int apart = (perp2 || h2.kind == SR_CAS_KILLED) &&
                            perp2 != (victim == SR_VICTIM_PERPETRATORS);

                h->count = *c;
                h->verb = h2.verb;
                h->tb = c->tb;
                h->te = j;
                if (!apart && c->qual == SR_QUAL_EXACT &&
                    h2.count.qual == SR_QUAL_EXACT) {
                    /* same side: one total; attackers stay apart, either
                     * first ("ten insurgents and two soldiers") or second */
                    h->count.best += h2.count.best;
                    h->count.low = h->count.high = h->count.best;
                    h->count.te = h2.count.te;
                    h->te = h2.te;
                }
                finish(h, h2.kind == SR_CAS_KILLED_PERP ? SR_CAS_KILLED
                                                        : (int)h2.kind,
                       victim);
                return 1;
            }
            continue; /* "nine soldiers and militia members were killed" */
        }
        if (t->kind == SR_TOK_NUM || sr_tok_has(doc, j, SR_W_UNIT) ||
            (sr_tok_has(doc, j, SR_W_TRIGGER) && victim_of(doc, j) == 0)) {
            return 0; /* "15 protesters were killed" is fine */
        }
        if (t->kind == SR_TOK_PUNCT && sr_tok_punct(doc, j) != '-' &&
            sr_tok_punct(doc, j) != '"') {
            return 0;
        }
        if (victim == SR_VICTIM_UNKNOWN && victim_of(doc, j) != 0) {
            victim = victim_of(doc, j);
        } else if (t->kind == SR_TOK_WORD && victim_of(doc, j) == 0 &&
                   !is_gap_filler(doc, j) && !t->cap) {
            plain++; /* "two Israeli adults": names and demonyms are fine */
        }
    }
    return 0;
}

static int singular_person(const sr_doc_t *doc, size_t i)
{
    const sr_tok_t *t = &doc->toks[i];

    return sr_tok_has(doc, i, SR_W_VICT_CIV | SR_W_VICT_SEC | SR_W_PERP) &&
           doc->text[t->start + t->len - 1] != 's' &&
           !sr_tok_is(doc, i, "police") && !sr_tok_is(doc, i, "army") &&
           !sr_tok_is(doc, i, "personnel") && !sr_tok_is(doc, i, "family");
}

static void set_one(sr_qcount_t *c, size_t tb, size_t te)
{
    c->best = c->low = c->high = 1;
    c->qual = SR_QUAL_EXACT;
    c->tb = tb;
    c->te = te;
}

/* "a civilian", "a police officer", "traditional leader X": one person. */
static int one_person(const sr_doc_t *doc, size_t j, size_t te,
                      sr_qcount_t *c)
{
    size_t start = j;

    if (j < te && (sr_tok_is(doc, j, "a") || sr_tok_is(doc, j, "an"))) {
        j++;
    }
    for (size_t k = j; k < te && k < j + 4; k++) {
        if (doc->toks[k].kind != SR_TOK_WORD) {
            return 0;
        }
        if (singular_person(doc, k)) {
            set_one(c, start, k + 1);
            return 1;
        }
        if (sr_tok_has(doc, k, SR_W_UNIT | SR_W_TRIGGER)) {
            return 0;
        }
    }
    return 0;
}

/* Words between a subject and its casualty verb. */
static const char *const adverbs[] = {
    "also", "reportedly", "allegedly", "later", "fatally", "seriously",
    "critically", "badly", "then", "subsequently", "found", "to", "shot",
    "stabbed", "beaten", "hacked", "burned", "tortured", "and", NULL};

/* "the bomber also died", "a young soldier later died": one named
 * person and an intransitive verb, with no "was" to find. */
static int singular_died(const sr_doc_t *doc, size_t tb, size_t i,
                         sr_cas_hit_t *h)
{
    static const char *const verbs[] = {"died", "dies", "perished", NULL};
    static const char *const dets[] = {"the", "a", "an", NULL};
    size_t w = i, start;

    if (!sr_tok_in(doc, i, verbs)) {
        return 0;
    }
    while (w > tb && sr_tok_in(doc, w - 1, adverbs)) {
        w--;
    }
    if (w < tb + 2 || !singular_person(doc, w - 1)) {
        return 0;
    }
    start = w - 2;
    if (!sr_tok_in(doc, start, dets)) {
        /* one modifier: "the suicide bomber", "a young soldier" */
        if (start <= tb || doc->toks[start].kind != SR_TOK_WORD ||
            doc->toks[start].cap || !sr_tok_in(doc, start - 1, dets)) {
            return 0;
        }
        start--;
    }
    memset(h, 0, sizeof(*h));
    h->verb = i;
    h->tb = start;
    h->te = i + 1;
    set_one(&h->count, start, i + 1);
    finish(h, SR_CAS_KILLED, victim_of(doc, w - 1));
    return 1;
}

/* "the civilian was killed", "Slim was shot and killed": "was" makes it
 * one person, unless "no one was ..." or "it was ...". */
static int singular_passive(const sr_doc_t *doc, size_t tb, size_t te,
                            size_t i, sr_cas_hit_t *h)
{
    static const char *const not_people[] = {"it", "this", "that", "which",
                                             "nothing", "one", "nobody",
                                             "none", "what", NULL};
    int kind = verb_kind(doc, i);
    size_t w = i;

    if (kind < 0 || sr_tok_is(doc, i, "hostage") ||
        sr_tok_is(doc, i, "hostages") ||
        (sr_tok_has(doc, i, SR_W_DIE) && !sr_tok_is(doc, i, "dead"))) {
        return 0; /* "was found dead" counts; "deaths" does not */
    }
    /* "was shot and killed": the first verb already counted */
    while (w > tb && (sr_tok_in(doc, w - 1, adverbs) ||
                      verb_kind(doc, w - 1) >= 0)) {
        w--;
    }
    if (w < tb + 2 || !sr_tok_is(doc, w - 1, "was") ||
        sr_tok_in(doc, w - 2, not_people)) {
        return 0;
    }
    memset(h, 0, sizeof(*h));
    h->verb = i;
    h->tb = w - 2;
    h->te = i + 1;
    /* "was shot and killed": one person, one hit */
    while (h->te + 1 < te && sr_tok_is(doc, h->te, "and") &&
           verb_kind(doc, h->te + 1) >= 0) {
        h->te += 2;
        if (verb_kind(doc, h->te - 1) == SR_CAS_KILLED) {
            kind = SR_CAS_KILLED;
            h->verb = h->te - 1;
        }
    }
    set_one(&h->count, w - 2, h->te);
    finish(h, kind, singular_person(doc, w - 2) ? victim_of(doc, w - 2)
                                                : SR_VICTIM_UNKNOWN);
    return 1;
}

/* VERB [the] count [people]: "killed 13 soldiers", "wounding dozens" */
static size_t verb_then_count(const sr_doc_t *doc, size_t tb, size_t te,
                              size_t v, sr_cas_hit_t *h)
{
    size_t j = v + 1, n;
    int kind = verb_kind(doc, v);
    sr_qcount_t c;
    sr_victim_t victim = SR_VICTIM_UNKNOWN;

    if (kind < 0 || sr_tok_has(doc, v, SR_W_DIE) ||
        sr_tok_is(doc, v, "hostage") || sr_tok_is(doc, v, "hostages")) {
        return 0;
    }
    if (j < te && sr_tok_is(doc, j, "dead")) {
        j++; /* "shot dead two soldiers" */
    }
    if (j < te && sr_tok_is(doc, j, "the")) {
        j++;
    }
    n = sr_count_at(doc, j, te, &c);
    if (n == 0 && one_person(doc, j, te, &c)) {
        n = c.te - c.tb;
    }
    if (n == 0 || is_sub_count(doc, tb, j)) {
        return 0;
    }
    for (size_t k = c.tb; k < c.te && victim == SR_VICTIM_UNKNOWN; k++) {
        victim = victim_of(doc, k); /* "a civilian" */
    }
    for (size_t k = c.te; k < te && k < c.te + 3; k++) {
        if (sr_tok_has(doc, k, SR_W_UNIT)) {
            return 0;
        }
        if (victim_of(doc, k) != 0) {
            victim = victim_of(doc, k);
            break;
        }
        if (doc->toks[k].kind != SR_TOK_WORD || !doc->toks[k].cap) {
            break;
        }
    }
    /* "killed 5 more" is fine; "killed 2 hours" is not (checked above) */
    h->count = c;
    h->verb = v;
    h->tb = v;
    h->te = c.te;
    finish(h, kind, victim);
    return 1;
}

/* "death toll rose to 40", "the toll stood at 12" */
static int toll(const sr_doc_t *doc, size_t te, size_t i, sr_cas_hit_t *h)
{
    sr_qcount_t c;

    if (!sr_tok_is(doc, i, "toll")) {
        return 0;
    }
    for (size_t j = i + 1; j < te && j < i + 10; j++) {
        if (sr_count_at(doc, j, te, &c) > 0 && c.qual != SR_QUAL_NONZERO_UNKNOWN) {
            if (!sr_tok_is(doc, j - 1, "to") && !sr_tok_is(doc, j - 1, "at") &&
                !sr_tok_is(doc, j - 1, "of") && !sr_tok_is(doc, j - 1, "reached") &&
                !sr_tok_is(doc, j - 1, "hit") && !sr_tok_is(doc, j - 1, "is") &&
                !sr_tok_is(doc, j - 1, "was")) {
                return 0;
            }
            h->count = c;
            h->verb = i;
            h->tb = i > 0 && sr_tok_is(doc, i - 1, "death") ? i - 1 : i;
            h->te = c.te;
            finish(h, SR_CAS_KILLED, SR_VICTIM_UNKNOWN);
            h->cumulative = 1;
            return 1;
        }
    }
    return 0;
}

/* "no one was killed", "nobody was hurt", "no casualties" */
static int zero(const sr_doc_t *doc, size_t te, size_t i, sr_cas_hit_t *h)
{
    size_t j;
    int kind = -1;

    if (!sr_tok_has(doc, i, SR_W_ZEROCUE)) {
        return 0;
    }
    if (sr_tok_phrase(doc, i, te, "no one")) {
        j = i + 2;
    } else if (sr_tok_is(doc, i, "nobody") || sr_tok_is(doc, i, "none")) {
        j = i + 1;
    } else if (sr_tok_is(doc, i, "no") && i + 1 < te) {
        if (sr_tok_is(doc, i + 1, "casualties") ||
            sr_tok_is(doc, i + 1, "deaths") ||
            sr_tok_is(doc, i + 1, "fatalities")) {
            kind = SR_CAS_KILLED;
        } else if (sr_tok_is(doc, i + 1, "injuries")) {
            kind = SR_CAS_INJURED;
        } else {
            return 0;
        }
        memset(&h->count, 0, sizeof(h->count));
        j = i + 1;
        goto found;
    } else {
        return 0;
    }
    for (; j < te && j < i + 5; j++) {
        kind = verb_kind(doc, j);
        if (kind >= 0) {
            break;
        }
        if (!sr_tok_has(doc, j, SR_W_AUX) && !sr_tok_is(doc, j, "else")) {
            return 0;
        }
    }
    if (kind < 0 || j >= te) {
        return 0;
    }
found:
    h->count.best = h->count.low = h->count.high = 0;
    h->count.qual = SR_QUAL_ZERO;
    h->count.tb = i;
    h->count.te = j + 1;
    h->verb = j;
    h->tb = i;
    h->te = j + 1;
    finish(h, kind, SR_VICTIM_UNKNOWN);
    return 1;
}

size_t sr_casualties_find(const sr_doc_t *doc, size_t tb, size_t te,
                          sr_cas_hit_t *out, size_t max)
{
    size_t count = 0;
    size_t used_until = tb; /* tokens already inside a hit */

    for (size_t i = tb; i < te && count < max; i++) {
        sr_cas_hit_t h;
        sr_qcount_t c;

        if (i < used_until) {
            continue;
        }
        h.cumulative = 0;
        if (zero(doc, te, i, &h) || toll(doc, te, i, &h) ||
            verb_then_count(doc, tb, te, i, &h)) {
            out[count++] = h;
            used_until = h.te;
            continue;
        }
        if (sr_count_at(doc, i, te, &c) > 0 && !is_sub_count(doc, tb, i) &&
            count_then_verb(doc, te, &c, &h)) {
            out[count++] = h;
            used_until = h.te;
            continue;
        }
        if (singular_passive(doc, tb, te, i, &h) ||
            singular_died(doc, tb, i, &h)) {
            out[count++] = h;
            used_until = h.te;
        }
    }
    return count;
}
