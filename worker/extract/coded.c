/* coded.c - "Fatalities coded as N" and "divided across N events". */
#include "coded.h"

#include <string.h>

#include "numbers.h"

static const char *const toll_words[] = {"fatalities", "fatality",
                                         "deaths", NULL};
static const char *const divide_verbs[] = {"divided", "split", "spread",
                                           NULL};
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

/* "... coded as N" in sentence [tb, te), after a toll word. */
static int coded_as(const sr_doc_t *doc, size_t tb, size_t te,
                    sr_coded_toll_t *out)
{
    int toll = 0;

    for (size_t i = tb; i + 2 < te; i++) {
        int64_t v;
        size_t n;

        toll |= sr_tok_in(doc, i, toll_words);
        if (toll && sr_tok_is(doc, i, "coded") && sr_tok_is(doc, i + 1, "as") &&
            exact_number(doc, i + 2, te, &v, &n)) {
            out->set = 1;
            out->count = v;
            out->tb = tb;
            out->te = i + 2 + n;
            return 1;
        }
    }
    return 0;
}

/* "Total fatalities divided equally across three events". */
static int divided(const sr_doc_t *doc, size_t tb, size_t te,
                   sr_coded_toll_t *out)
{
    int toll = 0, verb = 0;

    for (size_t i = tb; i + 2 < te; i++) {
        int64_t v;
        size_t n;

        toll |= sr_tok_in(doc, i, toll_words);
        verb |= toll && sr_tok_in(doc, i, divide_verbs);
        if (verb && sr_tok_in(doc, i, divide_preps) &&
            exact_number(doc, i + 1, te, &v, &n) && i + 1 + n < te &&
            (sr_tok_is(doc, i + 1 + n, "events") ||
             sr_tok_is(doc, i + 1 + n, "incidents")) &&
            v > 1) {
            out->divide = v;
            out->tb = tb;
            out->te = i + 2 + n;
            return 1;
        }
    }
    return 0;
}

void sr_coded_toll_find(const sr_doc_t *doc, sr_coded_toll_t *out)
{
    memset(out, 0, sizeof(*out));
    for (size_t s = 0; s < doc->nsent; s++) {
        const sr_sent_t *st = &doc->sents[s];

        /* "split across two events coded as 50": the coded figure is the
         * share already */
        if (coded_as(doc, st->tb, st->te, out)) {
            return;
        }
    }
    for (size_t s = 0; s < doc->nsent; s++) {
        if (divided(doc, doc->sents[s].tb, doc->sents[s].te, out)) {
            return;
        }
    }
}
