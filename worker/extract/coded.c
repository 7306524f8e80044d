/* coded.c - "Fatalities coded as N", "Coded fatalities: N" and "divided
 * across N events". */
#include "coded.h"

#include <string.h>

#include "lexicon.h"
#include "numbers.h"

static const char *const toll_words[] = {"fatalities", "fatality",
                                         "deaths", NULL};
static const char *const divide_preps[] = {"across", "between", "among",
                                           "over", NULL};

/* A plain number at token i (digits or words, no qualifier): its value,
 * and the tokens it takes in *n; 0 when there is none. */
static int exact_number(const sr_doc_t *doc, size_t i, size_t te,
                        int64_t *val, size_t *n)
{
    sr_numkind_t kind;

    *n = i < te ? sr_num_at(doc, i, te, val, &kind) : 0;
    return *n > 0 && kind == SR_NUM_EXACT;
}

static int toll_before(const sr_doc_t *doc, size_t tb, size_t i)
{
    for (size_t j = tb; j < i; j++) {
        if (sr_tok_in(doc, j, toll_words)) {
            return 1;
        }
    }
    return 0;
}

/* "Fatalities coded as N" (or "this event coded at N" after them),
 * "Coded fatalities: N", "N fatalities coded for this date" at token i
 * of sentence [tb, te). Out of line: asked of few tokens, it would only
 * crowd the loop that reads every token. */
static __attribute__((noinline)) int coded_as(const sr_doc_t *doc, size_t tb,
                                              size_t te, size_t i,
                                              sr_coded_toll_t *out)
{
    int64_t v;
    size_t n, end;

    if (!sr_tok_is(doc, i, "coded")) {
        return 0;
    }
    if (i + 2 < te &&
        (sr_tok_is(doc, i + 1, "as") || sr_tok_is(doc, i + 1, "at")) &&
        exact_number(doc, i + 2, te, &v, &n) && toll_before(doc, tb, i)) {
        end = i + 2 + n;
    } else if (i + 3 < te && sr_tok_in(doc, i + 1, toll_words) &&
               sr_tok_punct(doc, i + 2) == ':' &&
               exact_number(doc, i + 3, te, &v, &n)) {
        end = i + 3 + n;
    } else if (i > tb + 1 && sr_tok_in(doc, i - 1, toll_words) &&
               exact_number(doc, i - 2, te, &v, &n) && i - 2 + n == i - 1 &&
               i + 1 < te && sr_tok_is(doc, i + 1, "for")) {
        end = i + 1;
    } else {
        return 0;
    }
    out->set = 1;
    out->count = v;
    out->tb = tb;
    out->te = end;
    return 1;
}

/* "Total fatalities divided equally across three events" at the verb i. */
static int divided(const sr_doc_t *doc, size_t tb, size_t te, size_t i,
                   sr_coded_toll_t *out)
{
    if (!(sr_tok_is(doc, i, "divided") || sr_tok_is(doc, i, "split") ||
          sr_tok_is(doc, i, "spread")) ||
        !toll_before(doc, tb, i)) {
        return 0;
    }
    for (size_t j = i + 1; j + 2 < te && j < i + 4; j++) {
        int64_t v;
        size_t n;

        if (sr_tok_in(doc, j, divide_preps) &&
            exact_number(doc, j + 1, te, &v, &n) && j + 1 + n < te &&
            (sr_tok_is(doc, j + 1 + n, "events") ||
             sr_tok_is(doc, j + 1 + n, "incidents")) &&
            v > 1) {
            out->divide = v;
            out->tb = tb;
            out->te = j + 2 + n;
            return 1;
        }
    }
    return 0;
}

void sr_coded_toll_find(const sr_doc_t *doc, sr_coded_toll_t *out)
{
    /* this runs over every token of every article: the four verbs are
     * told apart from the rest by their hashes first */
    const uint64_t verbs[] = {
        sr_lexicon_hash("coded", 5), sr_lexicon_hash("divided", 7),
        sr_lexicon_hash("split", 5), sr_lexicon_hash("spread", 6)};
    sr_coded_toll_t split, coded;

    memset(out, 0, sizeof(*out));
    memset(&split, 0, sizeof(split));
    memset(&coded, 0, sizeof(coded));
    for (size_t s = 0; s < doc->nsent; s++) {
        const sr_sent_t *st = &doc->sents[s];

        for (size_t i = st->tb; i < st->te; i++) {
            uint64_t h;

            /* the four verbs are 5 to 7 letters long: the length settles
             * most tokens before their hash is read */
            if (doc->toks[i].len - 5u > 2u) {
                continue;
            }
            h = doc->toks[i].hash;
            if (h != verbs[0] && h != verbs[1] && h != verbs[2] &&
                h != verbs[3]) {
                continue;
            }
            /* "split across two events coded as 50": the coded figure
             * is the share already; "coded as 23 split over two days;
             * coded as 12 on this date": the last figure is the share */
            if (coded_as(doc, st->tb, st->te, i, &coded)) {
                continue;
            }
            if (split.divide == 0) {
                divided(doc, st->tb, st->te, i, &split);
            }
        }
    }
    *out = coded.set ? coded : split;
}
