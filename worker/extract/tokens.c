/* tokens.c - UTF-8 text into word, number and punctuation tokens.
 *
 * Bytes >= 0x80 count as letters except the General Punctuation block
 * (U+2010..U+203F: dashes, curly quotes, ellipsis), which gives one
 * punctuation token, and U+00A0, which is a space. Hyphens split words
 * ("twenty-one" is three tokens), so dictionaries match "al-Shabaab" and
 * "al Shabaab" alike. A blank line starts a paragraph.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc.h"
#include "xmalloc.h"

void sr_doc_init(sr_doc_t *doc)
{
    memset(doc, 0, sizeof(*doc));
}

void sr_doc_clear(sr_doc_t *doc)
{
    free(doc->toks);
    free(doc->sents);
    if (doc->sets != NULL) {
        free(doc->sets->entries);
        free(doc->sets);
    }
    sr_doc_init(doc);
}

/* Hashes a list not seen before into the free slot set; NULL when there
 * are too many lists. */
static const sr_wordset_t *wordset_add(const sr_doc_t *doc,
                                       sr_wordset_t *set,
                                       const char *const *list)
{
    sr_wordsets_t *ws = doc->sets;
    size_t n = 0, size = 4;

    if (ws->nsets >= SR_MAX_WORDSETS / 2) {
        return NULL; /* keep probes short: scan instead */
    }
    while (list[n] != NULL) {
        n++;
    }
    /* a quarter full at most: most tokens probe one empty entry */
    while (size < 4 * n) {
        size *= 2;
    }
    sr_xgrow((void **)&ws->entries, &ws->entries_cap, ws->nentries + size,
             sizeof(*ws->entries));
    memset(ws->entries + ws->nentries, 0, size * sizeof(*ws->entries));
    set->list = list;
    set->off = ws->nentries;
    set->mask = size - 1;
    ws->nentries += size;
    ws->nsets++;
    for (size_t k = 0; k < n; k++) {
        size_t len = strlen(list[k]);
        uint64_t h = sr_lexicon_hash(list[k], len);
        size_t j = (size_t)h & set->mask;

        while (ws->entries[set->off + j].word != NULL) {
            j = (j + 1) & set->mask;
        }
        ws->entries[set->off + j].hash = h;
        ws->entries[set->off + j].word = list[k];
    }
    return set;
}

int sr_tok_text_is(const sr_doc_t *doc, size_t i, const char *w)
{
    return sr_tok_is(doc, i, w);
}

int sr_tok_in_slow(const sr_doc_t *doc, size_t i, const char *const *words)
{
    const sr_tok_t *t = &doc->toks[i];

    if (doc->sets != NULL) {
        sr_wordsets_t *ws = doc->sets;
        const sr_wordset_t *set;
        size_t j = sr_wordset_slot(words);

        while (ws->sets[j].list != NULL && ws->sets[j].list != words) {
            j = (j + 1) % SR_MAX_WORDSETS;
        }
        set = ws->sets[j].list != NULL ? &ws->sets[j]
                                       : wordset_add(doc, &ws->sets[j], words);
        /* every word hashed like the token is compared as sr_tok_is
         * would: the answer is the scan's, only faster */
        for (j = (size_t)t->hash; set != NULL; j++) {
            const sr_word_entry_t *e =
                &ws->entries[set->off + (j & set->mask)];

            if (e->word == NULL) {
                return 0;
            }
            if (e->hash == t->hash && sr_tok_is(doc, i, e->word)) {
                return 1;
            }
        }
    }
    for (size_t k = 0; words[k] != NULL; k++) {
        if (sr_tok_is(doc, i, words[k])) {
            return 1;
        }
    }
    return 0;
}

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Length of a multi-byte punctuation or space sequence at p, else 0. */
static size_t unicode_punct(const unsigned char *p, size_t left, int *space)
{
    *space = 0;
    if (left >= 2 && p[0] == 0xC2 && (p[1] == 0xA0)) {
        *space = 1;
        return 2;
    }
    if (left >= 2 && p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB)) {
        return 2; /* guillemets */
    }
    if (left >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x90 &&
        p[2] <= 0xBF) {
        return 3;
    }
    return 0;
}

static int is_apostrophe(const unsigned char *p, size_t left, size_t *n)
{
    if (left >= 1 && p[0] == '\'') {
        *n = 1;
        return 1;
    }
    if (left >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99) {
        *n = 3;
        return 1;
    }
    return 0;
}

static int is_upper_start(const unsigned char *p, size_t left)
{
    if (p[0] >= 'A' && p[0] <= 'Z') {
        return 1;
    }
    /* Latin-1 capitals À..Þ */
    return left >= 2 && p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E;
}

static inline sr_tok_t *push(sr_doc_t *doc, size_t start, size_t len,
                             int kind)
{
    sr_tok_t *t;

    if (doc->ntok == doc->tok_cap) {
        sr_xgrow((void **)&doc->toks, &doc->tok_cap, doc->ntok + 1,
                 sizeof(*doc->toks));
    }
    t = &doc->toks[doc->ntok++];
    memset(t, 0, sizeof(*t));
    t->start = (uint32_t)start;
    t->len = (uint32_t)len;
    t->kind = (uint8_t)kind;
    return t;
}

/* Digits with thousands separators, a decimal fraction or an ordinal
 * suffix. Returns the end offset. */
static size_t scan_number(const unsigned char *s, size_t len, size_t i,
                          int64_t *val, int *decimal, int *ordinal)
{
    int64_t v = 0;

    *decimal = 0;
    *ordinal = 0;
    for (;;) {
        while (i < len && is_digit(s[i])) {
            if (v < (INT64_MAX - 9) / 10) {
                v = v * 10 + (s[i] - '0');
            }
            i++;
        }
        /* "1,200": a comma followed by exactly three digits */
        if (i + 3 < len && s[i] == ',' && is_digit(s[i + 1]) &&
            is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
            (i + 4 >= len || !is_digit(s[i + 4]))) {
            i++;
            continue;
        }
        break;
    }
    if (i + 1 < len && s[i] == '.' && is_digit(s[i + 1])) {
        *decimal = 1;
        i++;
        while (i < len && is_digit(s[i])) {
            i++;
        }
    }
    if (i + 1 < len && !*decimal &&
        ((s[i] == 's' && s[i + 1] == 't') || (s[i] == 'n' && s[i + 1] == 'd') ||
         (s[i] == 'r' && s[i + 1] == 'd') || (s[i] == 't' && s[i + 1] == 'h')) &&
        (i + 2 >= len || !is_alpha(s[i + 2]))) {
        *ordinal = 1;
        i += 2;
    }
    *val = v;
    return i;
}

static size_t scan_word(const unsigned char *s, size_t len, size_t i)
{
    while (i < len) {
        size_t n;
        int space;

        if (is_alpha(s[i]) || is_digit(s[i])) {
            i++;
            continue;
        }
        if (s[i] >= 0x80) {
            if (unicode_punct(s + i, len - i, &space) > 0) {
                /* a curly apostrophe inside a word ("didn’t") stays */
                if (is_apostrophe(s + i, len - i, &n) && i + n < len &&
                    is_alpha(s[i + n]) &&
                    !(s[i + n] == 's' &&
                      (i + n + 1 >= len || !is_alpha(s[i + n + 1])))) {
                    i += n;
                    continue;
                }
                break;
            }
            i++;
            continue;
        }
        if (s[i] == '\'' && i + 1 < len && is_alpha(s[i + 1]) &&
            !(s[i + 1] == 's' && (i + 2 >= len || !is_alpha(s[i + 2])))) {
            i++;
            continue;
        }
        break;
    }
    return i;
}

#define FNV_OFFSET 1469598103934665603ull
#define FNV_PRIME 1099511628211ull

/* ASCII letters and digits as hashed (lower case), 0 for other bytes. */
#define WL(c)                                                                \
    ((c) >= 'A' && (c) <= 'Z'                                                \
         ? (c) + 32                                                          \
         : ((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9') ? (c) : 0)
#define WL4(c) WL(c), WL((c) + 1), WL((c) + 2), WL((c) + 3)
#define WL16(c) WL4(c), WL4((c) + 4), WL4((c) + 8), WL4((c) + 12)
#define WL64(c) WL16(c), WL16((c) + 16), WL16((c) + 32), WL16((c) + 48)
static const unsigned char word_lower[256] = {WL64(0), WL64(64), WL64(128),
                                              WL64(192)};

static void mark_case(sr_tok_t *t, const unsigned char *s)
{
    size_t letters = 0, upper = 0;

    t->cap = (uint8_t)is_upper_start(s + t->start, t->len);
    if (!t->cap) {
        t->allcaps = 0; /* most words: no second pass */
        return;
    }
    for (size_t k = t->start; k < (size_t)t->start + t->len; k++) {
        if (is_alpha(s[k])) {
            letters++;
            upper += (s[k] >= 'A' && s[k] <= 'Z');
        }
    }
    t->allcaps = (uint8_t)(letters >= 2 && upper == letters);
}

/* The end of the ASCII letters and digits from s[i], hashed into *hp as
 * sr_lexicon_hash does. Four bytes a round while four remain: one bound
 * test for four. */
static inline size_t hash_alnum(const unsigned char *s, size_t len, size_t i,
                                uint64_t *hp)
{
    uint64_t h = *hp;
    unsigned l;

    for (; i + 4 <= len; i += 4) {
        l = word_lower[s[i]];
        if (l == 0) {
            *hp = h;
            return i;
        }
        h = (h ^ l) * FNV_PRIME;
        l = word_lower[s[i + 1]];
        if (l == 0) {
            *hp = h;
            return i + 1;
        }
        h = (h ^ l) * FNV_PRIME;
        l = word_lower[s[i + 2]];
        if (l == 0) {
            *hp = h;
            return i + 2;
        }
        h = (h ^ l) * FNV_PRIME;
        l = word_lower[s[i + 3]];
        if (l == 0) {
            *hp = h;
            return i + 3;
        }
        h = (h ^ l) * FNV_PRIME;
    }
    for (; i < len; i++) {
        l = word_lower[s[i]];
        if (l == 0) {
            break;
        }
        h = (h ^ l) * FNV_PRIME;
    }
    *hp = h;
    return i;
}

/* A word that starts with an ASCII letter at s[i]: its end, its hash
 * (sr_lexicon_hash of the whole word) and its case marks, hashing in the
 * loop that finds the end of the ASCII letters and digits that make most
 * words; anything else (an apostrophe, a non-ASCII letter) goes on
 * through scan_word. */
static size_t scan_ascii_word(const unsigned char *s, size_t len, size_t i,
                              sr_tok_t *t)
{
    size_t start = i;
    uint64_t h = FNV_OFFSET;

    i = hash_alnum(s, len, i, &h);
    if (i < len && (s[i] >= 0x80 || s[i] == '\'')) {
        size_t end = scan_word(s, len, i);

        for (; i < end; i++) {
            unsigned c = s[i];

            h = (h ^ (c + ((c - 'A' < 26u) << 5))) * FNV_PRIME;
        }
    }
    t->start = (uint32_t)start;
    t->len = (uint32_t)(i - start);
    t->kind = SR_TOK_WORD;
    t->hash = h;
    if ((unsigned)s[start] - 'A' < 26u) {
        mark_case(t, s); /* only capitals need the second look */
    }
    return i;
}

/* ' ', '\t', '\n', '\v', '\f', '\r' as bits */
#define SPACE_BYTES                                                          \
    ((1ull << ' ') | (1ull << '\t') | (1ull << '\n') | (1ull << '\v') |       \
     (1ull << '\f') | (1ull << '\r'))

void sr_doc_tokenize(sr_doc_t *doc, const sr_lexicon_t *lx, const char *text,
                     size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    int newlines = 2, spaced = 1;

    doc->text = text;
    doc->len = len;
    doc->ntok = 0;
    doc->nsent = 0;
    if (doc->sets == NULL) {
        doc->sets = sr_xcalloc(1, sizeof(*doc->sets));
    }
    while (i < len) {
        unsigned char c = s[i];
        size_t start = i, n;
        int space;
        sr_tok_t *t;

        if (c <= ' ' && ((SPACE_BYTES >> c) & 1) != 0) {
            newlines += (c == '\n');
            spaced = 1;
            i++;
            continue;
        }
        n = c >= 0x80 ? unicode_punct(s + i, len - i, &space) : 0;
        if (n > 0 && space) {
            spaced = 1;
            i += n;
            continue;
        }
        if (is_alpha(c)) {
            /* the common case first: a word starting with an ASCII letter
             * (never a possessive, which starts with an apostrophe) */
            t = push(doc, i, 0, SR_TOK_WORD);
            i = scan_ascii_word(s, len, i, t);
            t->para_start = (uint8_t)(newlines >= 2);
            t->space_before = (uint8_t)spaced;
            newlines = 0;
            spaced = 0;
            continue;
        }
        if (is_apostrophe(s + i, len - i, &n) && i + n < len &&
            (s[i + n] == 's' || s[i + n] == 'S') &&
            (i + n + 1 >= len || !is_alpha(s[i + n + 1])) && doc->ntok > 0 &&
            !spaced) {
            t = push(doc, start, n + 1, SR_TOK_POSS);
            i += n + 1;
        } else if (is_digit(c)) {
            int64_t v;
            int dec, ord;

            i = scan_number(s, len, i, &v, &dec, &ord);
            if (i < len && (is_alpha(s[i]) || (s[i] >= 0x80 &&
                            !unicode_punct(s + i, len - i, &space)))) {
                /* "G5", "4x4": a word that starts with digits */
                i = scan_word(s, len, i);
                t = push(doc, start, i - start, SR_TOK_WORD);
            } else {
                t = push(doc, start, i - start, SR_TOK_NUM);
                t->num = v;
                t->decimal = (uint8_t)dec;
                t->ordinal = (uint8_t)ord;
            }
        } else if (is_alpha(c) || (c >= 0x80 && n == 0)) {
            i = scan_word(s, len, i);
            if (i == start) {
                i++;
            }
            t = push(doc, start, i - start, SR_TOK_WORD);
        } else {
            i += n > 0 ? n : 1;
            t = push(doc, start, i - start, SR_TOK_PUNCT);
        }
        t->para_start = (uint8_t)(newlines >= 2);
        t->space_before = (uint8_t)spaced;
        /* every token has its hash: sr_tok_in looks any kind up */
        t->hash = sr_lexicon_hash(text + t->start, t->len);
        if (t->kind == SR_TOK_WORD) {
            mark_case(t, s);
        }
        newlines = 0;
        spaced = 0;
    }
    if (lx != NULL) {
        sr_doc_classify(doc, lx);
    }
}

int sr_tok_phrase_at(const sr_doc_t *doc, size_t i, size_t end,
                     const char *phrase)
{
    const char *p = phrase;

    while (*p != '\0') {
        const sr_tok_t *t;
        const char *w;
        size_t k;

        if (i >= end) {
            return 0;
        }
        t = &doc->toks[i];
        w = doc->text + t->start;
        for (k = 0; k < t->len; k++, p++) {
            unsigned char a = (unsigned char)w[k], b = (unsigned char)*p;

            if (a >= 'A' && a <= 'Z') {
                a = (unsigned char)(a + 32);
            }
            if (b >= 'A' && b <= 'Z') {
                b = (unsigned char)(b + 32);
            }
            if (b == '\0' || b == ' ' || a != b) {
                return 0;
            }
        }
        if (*p != ' ' && *p != '\0') {
            return 0;
        }
        while (*p == ' ') {
            p++;
        }
        i++;
    }
    return 1;
}

size_t sr_doc_sent_of(const sr_doc_t *doc, size_t tok)
{
    size_t lo = 0, hi = doc->nsent;

    while (lo + 1 < hi) {
        size_t mid = (lo + hi) / 2;

        if (doc->sents[mid].tb <= tok) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return lo;
}
