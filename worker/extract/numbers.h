/* numbers.h - numbers in digits and words, with count qualifiers.
 *
 * "53", "1,200", "thirteen", "twenty-one", "two hundred and fifty",
 * "a dozen", "two dozen"; vague plurals by ACLED's convention ("dozens" =
 * 12, "hundreds" = 100, qualifier VAGUE_WORD); "several"/"many" as a
 * nonzero count with no number. Qualifiers: "at least", "more than",
 * "over" (AT_LEAST), "up to", "nearly", "fewer than" (AT_MOST), "about",
 * "some", "an estimated" (APPROXIMATE), "5 to 7", "between 5 and 7"
 * (RANGE, best = low, the conservative figure).
 */
#ifndef SR_EXTRACT_NUMBERS_H
#define SR_EXTRACT_NUMBERS_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "incident.h"

typedef enum sr_numkind_e {
    SR_NUM_EXACT = 0,
    SR_NUM_VAGUE, /* "dozens": value is ACLED's lower bound */
    SR_NUM_FEW    /* "several": nonzero, value unknown */
} sr_numkind_t;

typedef struct sr_qcount_s {
    int64_t best, low, high; /* SR_COUNT_NONE when unknown */
    sr_qualifier_t qual;
    size_t tb, te;           /* tokens covered */
} sr_qcount_t;

/* A bare number at token i (before end): its value and kind. Returns the
 * number of tokens used, 0 if there is no number there. Years and
 * ordinals are not counts and give 0. */
size_t sr_num_at(const sr_doc_t *doc, size_t i, size_t end, int64_t *val,
                 sr_numkind_t *kind);

/* The whole parse behind sr_count_at (numbers.c). */
size_t sr_count_parse(const sr_doc_t *doc, size_t i, size_t end,
                      sr_qcount_t *out);

/* A count with its qualifier or range at token i. Returns the tokens used
 * (out->tb = i, out->te = i + result), 0 if none. Inline: the rules try
 * it at every token, and nearly every token is settled by its class. */
static inline size_t sr_count_at(const sr_doc_t *doc, size_t i, size_t end,
                                 sr_qcount_t *out)
{
    if (i >= end || (doc->toks[i].kind != SR_TOK_NUM &&
                     !sr_tok_has(doc, i, SR_W_NUMWORD | SR_W_VAGUE | SR_W_FEW |
                                             SR_W_QUAL))) {
        return 0;
    }
    return sr_count_parse(doc, i, end, out);
}

#endif
