/* extract_fixture.h - shared helpers of the extractor's unit tests: a
 * tokenized, sentence-split doc from a string, and token lookups. */
#ifndef SR_TESTS_EXTRACT_FIXTURE_H
#define SR_TESTS_EXTRACT_FIXTURE_H

#include <string.h>

#include "doc.h"
#include "lexicon.h"

static sr_lexicon_t *fixture_lx;

/* Prepares doc over text, published on y-m-d (y = 0: no date). */
static inline void fixture_doc(sr_doc_t *doc, const char *text, int y, int m,
                               int d)
{
    if (fixture_lx == NULL) {
        fixture_lx = sr_lexicon_new();
    }
    sr_doc_tokenize(doc, fixture_lx, text, strlen(text));
    doc->has_pub = y != 0;
    doc->pub_year = y;
    doc->pub_month = m;
    doc->pub_day = d;
    sr_doc_split_sentences(doc);
}

/* Index of the first token spelling w, or doc->ntok. */
static inline size_t fixture_tok(const sr_doc_t *doc, const char *w)
{
    for (size_t i = 0; i < doc->ntok; i++) {
        if (sr_tok_is(doc, i, w)) {
            return i;
        }
    }
    return doc->ntok;
}

/* Copies the text of tokens [tb, te) into buf (size 256). */
static inline const char *fixture_span(const sr_doc_t *doc, size_t tb,
                                       size_t te, char *buf)
{
    size_t a = doc->toks[tb].start;
    size_t b = doc->toks[te - 1].start + doc->toks[te - 1].len;

    snprintf(buf, 256, "%.*s", (int)(b - a), doc->text + a);
    return buf;
}

/* Runs check(&cases[i]) for every element of the array cases. */
#define FIXTURE_EACH(cases, check)                                           \
    for (size_t i_ = 0; i_ < sizeof(cases) / sizeof((cases)[0]); i_++) {    \
        check(&(cases)[i_]);                                                 \
    }

static inline void fixture_done(sr_doc_t *doc)
{
    sr_doc_clear(doc);
    sr_lexicon_destroy(fixture_lx);
    fixture_lx = NULL;
}

#endif
