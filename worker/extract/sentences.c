/* sentences.c - sentence boundaries over the token stream.
 *
 * A sentence ends at '.', '!' or '?' (after any closing quotes or
 * brackets) when the next token is separated by a space and starts a new
 * thought (capital, digit, quote), and always at a paragraph break. A
 * period does not end a sentence after a known abbreviation ("Mr.",
 * "Gen.", "Jan.") or a single letter ("U.S.", "J. Smith"); decimals never
 * reach here because "2.5" is one number token.
 */
#include <string.h>

#include "doc.h"
#include "xmalloc.h"

/* Hashed once by sr_tok_in: the list is tried at every period. Single
 * words only: "e.g." and "Lt.-Col." are tokens of one letter or of a
 * listed word each. */
static const char *const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "gov",
    "sen", "rep", "st", "jr", "sr", "prof", "rev", "no", "vs", "etc", "inc",
    "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "brig", "cmdr", "cpl", "pvt", "adm",
    "mt", "ft", "approx", "dept", "govt", "hon", "al", "pres", "supt",
    "insp", NULL};

static int is_abbreviation(const sr_doc_t *doc, size_t i)
{
    const sr_tok_t *t = &doc->toks[i];

    if (t->kind != SR_TOK_WORD) {
        return 0;
    }
    if (t->len == 1) {
        return 1; /* an initial or a letter of "U.S." */
    }
    return sr_tok_in(doc, i, abbreviations);
}

static int is_closer(const sr_doc_t *doc, size_t i)
{
    const sr_tok_t *t = &doc->toks[i];
    const char *p = doc->text + t->start;

    if (t->kind != SR_TOK_PUNCT || t->space_before) {
        return 0;
    }
    if (t->len == 1) {
        return *p == '"' || *p == '\'' || *p == ')' || *p == ']';
    }
    /* ’ ” */
    return t->len == 3 && (unsigned char)p[2] >= 0x98 &&
           (unsigned char)p[2] <= 0x9D && ((unsigned char)p[2] & 1);
}

static int starts_thought(const sr_doc_t *doc, size_t i)
{
    const sr_tok_t *t = &doc->toks[i];

    if (!t->space_before) {
        return 0;
    }
    return t->cap || t->kind == SR_TOK_NUM || t->kind == SR_TOK_PUNCT;
}

static void add_sentence(sr_doc_t *doc, size_t tb, size_t te, int para)
{
    sr_sent_t *s;

    sr_xgrow((void **)&doc->sents, &doc->sent_cap, doc->nsent + 1,
             sizeof(*doc->sents));
    s = &doc->sents[doc->nsent++];
    s->tb = tb;
    s->te = te;
    s->start = doc->toks[tb].start;
    s->end = doc->toks[te - 1].start + doc->toks[te - 1].len;
    s->para = para;
}

void sr_doc_split_sentences(sr_doc_t *doc)
{
    size_t tb = 0;
    int para = -1;

    doc->nsent = 0;
    for (size_t i = 0; i < doc->ntok; i++) {
        int p = sr_tok_punct(doc, i);
        size_t end;

        if (doc->toks[i].para_start) {
            if (i > tb) {
                add_sentence(doc, tb, i, para);
            }
            tb = i;
            para++;
        }
        if (p != '.' && p != '!' && p != '?') {
            continue;
        }
        if (p == '.' && i > tb && !doc->toks[i].space_before &&
            is_abbreviation(doc, i - 1)) {
            continue;
        }
        end = i + 1;
        while (end < doc->ntok && !doc->toks[end].para_start &&
               is_closer(doc, end)) {
            end++;
        }
        if (end < doc->ntok && !doc->toks[end].para_start &&
            !starts_thought(doc, end)) {
            continue;
        }
        add_sentence(doc, tb, end, para);
        tb = end;
        i = end - 1;
    }
    if (tb < doc->ntok) {
        add_sentence(doc, tb, doc->ntok, para < 0 ? 0 : para);
    }
}
