/* doc.h - one article prepared for the rules: tokens and sentences.
 *
 * Tokens and sentences are offsets into the article body (never copies),
 * each token carrying its lexicon entry, so every rule module works on the
 * same arrays without allocating. A doc is reused from article to article
 * (its arrays keep their capacity); the body must outlive its use.
 */
#ifndef SR_EXTRACT_DOC_H
#define SR_EXTRACT_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"

typedef enum sr_tok_kind_e {
    SR_TOK_WORD = 0,
    SR_TOK_NUM,   /* digits: "53", "1,200", "2.5", "28th" */
    SR_TOK_PUNCT, /* one punctuation mark (may be a multi-byte quote) */
    SR_TOK_POSS   /* the possessive "'s" */
} sr_tok_kind_t;

typedef struct sr_tok_s {
    uint32_t start, len;
    uint8_t kind;
    uint8_t cap;        /* starts with an upper-case letter */
    uint8_t allcaps;    /* two or more letters, all upper-case */
    uint8_t para_start; /* first token of a paragraph */
    uint8_t space_before;
    uint8_t decimal;    /* NUM with a fraction ("2.5"): num is truncated */
    uint8_t ordinal;    /* NUM with "st"/"nd"/"rd"/"th" */
    const sr_lexent_t *lex; /* NULL when the word is in no class */
    uint64_t cls;       /* lex->cls, or 0: tested at every token */
    uint64_t hash;      /* sr_lexicon_hash of the text */
    int64_t num;        /* NUM: the integer value */
} sr_tok_t;

typedef struct sr_sent_s {
    size_t tb, te;      /* tokens [tb, te) */
    uint32_t start, end; /* bytes */
    int para;           /* paragraph number, from 0 */
} sr_sent_t;

/* The word lists seen by sr_tok_in, each hashed once: by list address, an
 * open-addressing table of (hash, word) entries at entries[off .. off +
 * mask]. Defined here for the inline lookup; built in tokens.c. */
typedef struct sr_wordset_s {
    const char *const *list; /* NULL: free slot */
    size_t off, mask;
} sr_wordset_t;

typedef struct sr_word_entry_s {
    uint64_t hash;
    const char *word; /* NULL: empty */
} sr_word_entry_t;

/* Lists by address; past half of them, sr_tok_in scans. The rules use
 * about 120 lists: in 2048 slots few leave their home slot, where the
 * inline probe finds them. */
#define SR_WORDSET_BITS 11
#define SR_MAX_WORDSETS (1u << SR_WORDSET_BITS)

/* The home slot of a list: Fibonacci hashing of its address (lists lie
 * close together, so its low bits alone collide). */
static inline size_t sr_wordset_slot(const char *const *words)
{
    return (size_t)(((uint64_t)(uintptr_t)words * 0x9E3779B97F4A7C15ull) >>
                    (64 - SR_WORDSET_BITS));
}

typedef struct sr_wordsets_s {
    sr_wordset_t sets[SR_MAX_WORDSETS];
    size_t nsets;
    sr_word_entry_t *entries;
    size_t nentries, entries_cap;
} sr_wordsets_t;

typedef struct sr_doc_s {
    const char *text;
    size_t len;
    sr_tok_t *toks;
    size_t ntok, tok_cap;
    sr_sent_t *sents;
    size_t nsent, sent_cap;
    int has_pub;
    int pub_year, pub_month, pub_day;
    sr_wordsets_t *sets; /* from the first sr_doc_tokenize on; kept */
} sr_doc_t;

void sr_doc_init(sr_doc_t *doc);
void sr_doc_clear(sr_doc_t *doc);

/* Tokenizes text[0..len) (borrowed) into doc->toks, replacing what the doc
 * held. lx may be NULL (no classes). */
void sr_doc_tokenize(sr_doc_t *doc, const sr_lexicon_t *lx, const char *text,
                     size_t len);

/* Sets every word token's lexicon entry and classes (lexicon.c). */
void sr_doc_classify(sr_doc_t *doc, const sr_lexicon_t *lx);

/* Splits doc->toks into doc->sents (sentences.c). */
void sr_doc_split_sentences(sr_doc_t *doc);

/* Token helpers; i must be < doc->ntok. */
static inline int sr_tok_has(const sr_doc_t *doc, size_t i, uint64_t cls)
{
    return (doc->toks[i].cls & cls) != 0;
}
/* 1 if token i is the word w (ASCII case-insensitive). Always inline: it
 * is in every rule's inner loop, and an outlined copy (which the compiler
 * makes once a file grows) loses the length test of a literal w. */
static inline __attribute__((always_inline)) int sr_tok_is(const sr_doc_t *doc,
                                                          size_t i,
                                                          const char *w)
{
    const sr_tok_t *t = &doc->toks[i];
    const char *p = doc->text + t->start;
    size_t k;

#ifdef __GNUC__
    /* w is nearly always a literal: its length is then known at compile
     * time and most tokens are rejected without reading their text. */
    if (__builtin_constant_p(__builtin_strlen(w)) &&
        t->len != __builtin_strlen(w)) {
        return 0;
    }
#endif
    for (k = 0; k < t->len; k++) {
        unsigned char a = (unsigned char)p[k], b = (unsigned char)w[k];

        if (a >= 'A' && a <= 'Z') {
            a = (unsigned char)(a + 32);
        }
        if (a != b) {
            return 0; /* also at the end of w (b == 0) */
        }
    }
    return w[k] == '\0';
}

/* sr_tok_is out of line (tokens.c): sr_tok_in is inlined at every rule's
 * call, and the rare comparison it ends with need not be. */
int sr_tok_text_is(const sr_doc_t *doc, size_t i, const char *w);

/* sr_tok_in beyond its inline first probe (tokens.c): hashes a list on
 * its first use, probes further, scans a list when there are too many. */
int sr_tok_in_slow(const sr_doc_t *doc, size_t i, const char *const *words);

/* 1 if token i is one of the NULL-terminated words. The list must have
 * static storage and never change: a tokenized doc remembers each list by
 * its address and hashes it once, so that rules may test a word against
 * long lists at every token. Inline, the usual answer: the list's slot is
 * the first probed and the token's probe ends at once on an empty entry. */
static inline int sr_tok_in(const sr_doc_t *doc, size_t i,
                            const char *const *words)
{
    const sr_tok_t *t = &doc->toks[i];

    if (doc->sets != NULL) {
        const sr_wordsets_t *ws = doc->sets;
        const sr_wordset_t *set =
            &ws->sets[sr_wordset_slot(words)];

        if (set->list == words) {
            const sr_word_entry_t *e =
                &ws->entries[set->off + (t->hash & set->mask)];

            /* the token's entry is empty, or holds another word and the
             * next one is empty */
            if (e->word == NULL ||
                (e->hash != t->hash &&
                 ws->entries[set->off + ((t->hash + 1) & set->mask)].word ==
                     NULL)) {
                return 0;
            }
            /* a word hashed like the token: nearly always the token */
            if (e->hash == t->hash && sr_tok_text_is(doc, i, e->word)) {
                return 1;
            }
        }
    }
    return sr_tok_in_slow(doc, i, words);
}
/* The punctuation byte of token i (first byte), or 0 if not punctuation. */
static inline int sr_tok_punct(const sr_doc_t *doc, size_t i)
{
    const sr_tok_t *t = &doc->toks[i];

    return t->kind == SR_TOK_PUNCT ? (unsigned char)doc->text[t->start] : 0;
}
/* The whole comparison behind sr_tok_phrase (tokens.c). */
int sr_tok_phrase_at(const sr_doc_t *doc, size_t i, size_t end,
                     const char *phrase);
/* 1 if tokens [i, ...) spell the words of phrase (space-separated) within
 * [i, end). */
static inline int sr_tok_phrase(const sr_doc_t *doc, size_t i, size_t end,
                                const char *phrase)
{
    unsigned a, b;

    if (phrase[0] == '\0') {
        return 1;
    }
    if (i >= end) {
        return 0;
    }
    /* most calls end at the first byte: settle those without a call */
    a = (unsigned char)doc->text[doc->toks[i].start];
    b = (unsigned char)phrase[0];
    a += (a - 'A' < 26u) << 5;
    b += (b - 'A' < 26u) << 5;
    return a == b && sr_tok_phrase_at(doc, i, end, phrase);
}
/* Index of the sentence holding token i. */
size_t sr_doc_sent_of(const sr_doc_t *doc, size_t tok);

#endif
