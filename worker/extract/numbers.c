/* numbers.c - counts in digits and English words, qualifiers, ranges. */
#include "numbers.h"

#include <string.h>

static int is_hyphen(const sr_doc_t *doc, size_t i)
{
    return sr_tok_punct(doc, i) == '-' && !doc->toks[i].space_before;
}

/* "twenty-one", "twenty one", "thirteen": 1..99 in words. */
static size_t small_words(const sr_doc_t *doc, size_t i, size_t end,
                          int64_t *val)
{
    int64_t v;

    if (i >= end || !sr_tok_has(doc, i, SR_W_NUMWORD) ||
        sr_tok_is(doc, i, "a") || sr_tok_is(doc, i, "an") ||
        sr_tok_is(doc, i, "dozen")) {
        return 0;
    }
    v = doc->toks[i].lex->num;
    if (v >= 20 && v % 10 == 0 && v < 100) {
        size_t j = i + 1;

        if (j < end && is_hyphen(doc, j)) {
            j++;
        }
        if (j < end && sr_tok_has(doc, j, SR_W_NUMWORD) &&
            doc->toks[j].lex->num >= 1 && doc->toks[j].lex->num <= 9 &&
            !sr_tok_is(doc, j, "a") && !sr_tok_is(doc, j, "an")) {
            *val = v + doc->toks[j].lex->num;
            return j + 1 - i;
        }
    }
    *val = v;
    return 1;
}

static int looks_like_year(const sr_tok_t *t)
{
    return t->kind == SR_TOK_NUM && !t->decimal && t->len == 4 &&
           t->num >= 1900 && t->num <= 2100;
}

size_t sr_num_at(const sr_doc_t *doc, size_t i, size_t end, int64_t *val,
                 sr_numkind_t *kind)
{
    size_t j = i, n;
    int64_t v = 0, scale;
    int have = 0, is_vague = 0;

    if (i >= end || (doc->toks[i].kind != SR_TOK_NUM &&
                     !sr_tok_has(doc, i, SR_W_NUMWORD | SR_W_VAGUE | SR_W_FEW |
                                             SR_W_QUAL))) {
        return 0;
    }
    *kind = SR_NUM_EXACT;
    if (sr_tok_is(doc, i, "half") && sr_tok_phrase(doc, i + 1, end, "a dozen")) {
        *val = 6;
        return 3;
    }
    if (doc->toks[i].kind == SR_TOK_NUM) {
        if (doc->toks[i].ordinal || looks_like_year(&doc->toks[i])) {
            return 0;
        }
        v = doc->toks[i].num;
        j = i + 1;
        have = 1;
    } else if ((sr_tok_is(doc, i, "a") || sr_tok_is(doc, i, "an")) &&
               i + 1 < end &&
               (sr_tok_has(doc, i + 1, SR_W_SCALE) ||
                sr_tok_is(doc, i + 1, "dozen"))) {
        v = 1;
        j = i + 1;
        have = 1;
    } else if (sr_tok_has(doc, i, SR_W_FEW) && i + 1 < end &&
               (sr_tok_has(doc, i + 1, SR_W_SCALE) ||
                sr_tok_is(doc, i + 1, "dozen"))) {
        /* "several hundred": at least one hundred, by ACLED's rule */
        v = 1;
        j = i + 1;
        have = 1;
        is_vague = 1;
    } else if ((n = small_words(doc, i, end, &v)) > 0) {
        j = i + n;
        have = 1;
    } else if (sr_tok_has(doc, i, SR_W_VAGUE)) {
        *val = doc->toks[i].lex->num;
        *kind = SR_NUM_VAGUE;
        return 1;
    } else if (sr_tok_has(doc, i, SR_W_FEW)) {
        *val = SR_COUNT_NONE;
        *kind = SR_NUM_FEW;
        return 1;
    }
    if (!have) {
        return 0;
    }
    /* scale words: "two hundred and fifty", "1.5 million", "two dozen" */
    while (j < end && (sr_tok_has(doc, j, SR_W_SCALE) ||
                       sr_tok_is(doc, j, "dozen"))) {
        scale = sr_tok_is(doc, j, "dozen") ? 12 : doc->toks[j].lex->num;
        if (doc->toks[i].decimal && j == i + 1) {
            /* "2.5 million": the fraction matters at this scale */
            const char *p = doc->text + doc->toks[i].start;
            const char *dot = memchr(p, '.', doc->toks[i].len);
            int64_t frac = 0, div = 1;

            for (const char *q = dot + 1; q < p + doc->toks[i].len; q++) {
                if (div < 1000000) {
                    frac = frac * 10 + (*q - '0');
                    div *= 10;
                }
            }
            v = v * scale + frac * scale / div;
        } else {
            v *= scale;
        }
        j++;
        if (scale == 100 && j + 1 < end) {
            /* "two hundred and fifty"; "one hundred sixty-eight" */
            size_t a = sr_tok_is(doc, j, "and") ? 1 : 0;
            int64_t rest;
            size_t m = small_words(doc, j + a, end, &rest);

            if (m > 0) {
                v += rest;
                j += a + m;
            }
        }
    }
    if (doc->toks[i].decimal && j == i + 1) {
        return 0; /* "2.5 people" is not a count */
    }
    *val = v;
    *kind = is_vague ? SR_NUM_VAGUE : SR_NUM_EXACT;
    return j - i;
}

typedef struct qual_s {
    const char *phrase;
    sr_qualifier_t qual;
} qual_t;

static const qual_t qualifiers[] = {
    {"at least", SR_QUAL_AT_LEAST},      {"more than", SR_QUAL_AT_LEAST},
    {"over", SR_QUAL_AT_LEAST},          {"upwards of", SR_QUAL_AT_LEAST},
    {"in excess of", SR_QUAL_AT_LEAST},  {"no fewer than", SR_QUAL_AT_LEAST},
    {"no less than", SR_QUAL_AT_LEAST},  {"up to", SR_QUAL_AT_MOST},
    {"nearly", SR_QUAL_AT_MOST},         {"almost", SR_QUAL_AT_MOST},
    {"fewer than", SR_QUAL_AT_MOST},     {"less than", SR_QUAL_AT_MOST},
    {"as many as", SR_QUAL_AT_MOST},     {"under", SR_QUAL_AT_MOST},
    {"close to", SR_QUAL_AT_MOST},       {"about", SR_QUAL_APPROXIMATE},
    {"around", SR_QUAL_APPROXIMATE},     {"some", SR_QUAL_APPROXIMATE},
    {"approximately", SR_QUAL_APPROXIMATE}, {"roughly", SR_QUAL_APPROXIMATE},
    {"an estimated", SR_QUAL_APPROXIMATE}, {"estimated", SR_QUAL_APPROXIMATE},
    {"between", SR_QUAL_RANGE},          {NULL, SR_QUAL_EXACT}};

static size_t phrase_words(const char *p)
{
    size_t n = 1;

    for (; *p != '\0'; p++) {
        n += (*p == ' ');
    }
    return n;
}

size_t sr_count_parse(const sr_doc_t *doc, size_t i, size_t end,
                      sr_qcount_t *out)
{
    sr_qualifier_t qual = SR_QUAL_EXACT;
    size_t j = i, n;
    int64_t v, v2;
    sr_numkind_t kind, kind2;
    const int may_qualify = sr_tok_has(doc, i, SR_W_QUAL);
    const char first = (char)(doc->text[doc->toks[i].start] | 0x20);

    for (size_t q = 0; may_qualify && qualifiers[q].phrase != NULL; q++) {
        size_t w;

        if (first != qualifiers[q].phrase[0]) {
            continue;
        }
        w = phrase_words(qualifiers[q].phrase);
        if (sr_tok_phrase(doc, i, end, qualifiers[q].phrase) &&
            sr_num_at(doc, i + w, end, &v, &kind) > 0 && kind != SR_NUM_FEW) {
            qual = qualifiers[q].qual;
            j = i + w;
            break;
        }
    }
    n = sr_num_at(doc, j, end, &v, &kind);
    if (n == 0) {
        return 0;
    }
    memset(out, 0, sizeof(*out));
    out->tb = i;
    out->best = v;
    out->low = out->high = SR_COUNT_NONE;
    j += n;
    if (kind == SR_NUM_FEW) {
        out->best = SR_COUNT_NONE;
        out->low = 1;
        out->qual = SR_QUAL_NONZERO_UNKNOWN;
        out->te = j;
        return j - i;
    }
    /* ranges: "5 to 7", "5-7", "between 5 and 7" */
    if (j + 1 < end && kind == SR_NUM_EXACT &&
        ((qual == SR_QUAL_RANGE && sr_tok_is(doc, j, "and")) ||
         (qual != SR_QUAL_RANGE &&
          (sr_tok_is(doc, j, "to") || sr_tok_punct(doc, j) == '-' ||
           sr_tok_is(doc, j, "or"))))) {
        size_t m = sr_num_at(doc, j + 1, end, &v2, &kind2);

        if (m > 0 && kind2 == SR_NUM_EXACT && v2 > v) {
            out->low = v;
            out->high = v2;
            out->best = v;
            out->qual = SR_QUAL_RANGE;
            out->te = j + 1 + m;
            return out->te - i;
        }
    }
    if (qual == SR_QUAL_RANGE) {
        return 0; /* "between" without a second number */
    }
    if (kind == SR_NUM_VAGUE) {
        out->low = v;
        out->qual = SR_QUAL_VAGUE_WORD;
    } else {
        out->qual = qual;
        switch (qual) {
        case SR_QUAL_EXACT:
            out->low = out->high = v;
            break;
        case SR_QUAL_AT_LEAST:
            out->low = v;
            break;
        case SR_QUAL_AT_MOST:
            out->high = v;
            break;
        default:
            break;
        }
    }
    if (v == 0 && qual == SR_QUAL_EXACT) {
        out->qual = SR_QUAL_ZERO;
    }
    out->te = j;
    return j - i;
}
