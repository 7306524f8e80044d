/* fold.c - the folded form of a place name, shared by every name matcher.
 *
 * Folding is per code point (NFKD decomposition, combining marks dropped,
 * Unicode case folding), so it needs no buffer beyond the output. Letters
 * and digits are kept; apostrophes vanish ("N'Djamena" = "Ndjamena",
 * "Faso’s" = "Fasos"); any other run of punctuation, symbols or spaces is
 * one space, and the result has no leading or trailing space. Invalid
 * UTF-8 bytes count as separators, so folding never fails.
 */
#include <string.h>
#include <utf8proc.h>

#include "gazetteer.h"

/* Decomposition of one code point never exceeds this (utf8proc's longest
 * compatibility sequence is 18). */
#define FOLD_MAX_DECOMP 32

static int is_apostrophe(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0x27:   /* ' */
    case 0x60:   /* ` */
    case 0xB4:   /* acute accent */
    case 0x2BB:  /* modifier letter turned comma (okina) */
    case 0x2BC:  /* modifier letter apostrophe */
    case 0x2BE:  /* modifier letter right half ring (ayn transliteration) */
    case 0x2BF:  /* modifier letter left half ring */
    case 0x2018: /* left single quotation mark */
    case 0x2019: /* right single quotation mark */
    case 0x201B:
    case 0x2032: /* prime */
        return 1;
    default:
        return 0;
    }
}

/* Latin letters with no decomposition that names are also written
 * without: "Ağrı" as "Agri", "Łódź" as "Lodz", "Đà Nẵng" as "Da Nang".
 * Called after case folding, so lower case only. */
static const char *plain_latin(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0x131: /* dotless i */
        return "i";
    case 0xF8: /* o with stroke */
        return "o";
    case 0x111: /* d with stroke */
    case 0xF0:  /* eth */
        return "d";
    case 0x142: /* l with stroke */
        return "l";
    case 0x127: /* h with stroke */
        return "h";
    case 0x167: /* t with stroke */
        return "t";
    case 0xE6: /* ae */
        return "ae";
    case 0x153: /* oe */
        return "oe";
    case 0xFE: /* thorn */
        return "th";
    default:
        return NULL;
    }
}

typedef struct fold_out_s {
    char *out;
    size_t size;
    size_t len;
    int pending_space;
    int full; /* stop writing once a code point did not fit */
} fold_out_t;

/* Inline, with a byte store for the one-byte case: it runs for every
 * ASCII letter of every name looked up. */
static inline void put_bytes(fold_out_t *fo, const char *p, size_t n)
{
    size_t need = n + (fo->pending_space && fo->len > 0 ? 1 : 0);

    if (fo->full || fo->len + need + 1 > fo->size) {
        fo->full = 1;
        return;
    }
    if (fo->pending_space && fo->len > 0) {
        fo->out[fo->len++] = ' ';
    }
    fo->pending_space = 0;
    if (n == 1) {
        fo->out[fo->len++] = p[0];
        return;
    }
    memcpy(fo->out + fo->len, p, n);
    fo->len += n;
}

/* What a code point is to a name: part of a word, a combining mark, or a
 * separator. */
enum { CP_SEPARATOR = 0, CP_WORD = 1, CP_MARK = 2 };

static int cp_class(utf8proc_int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return CP_WORD;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return CP_MARK;
    default:
        return CP_SEPARATOR;
    }
}

/* 1 if c, written after out[0..len), would double a consonant, which is
 * written once: transliterations differ in doubling ("Kassala", "Kasala";
 * "Tillabery", "Tilabéry"); doubled vowels change the word ("Boor"). */
static inline int doubles(const char *out, size_t len, int pending, char c)
{
    return len > 0 && out[len - 1] == c && !pending && c >= 'a' && c <= 'z' &&
           c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u' &&
           c != 'y';
}

/* A lower-case ASCII letter or digit. */
static inline void put_ascii(fold_out_t *fo, char c)
{
    if (doubles(fo->out, fo->len, fo->pending_space, c)) {
        return;
    }
    put_bytes(fo, &c, 1);
}

/* What an ASCII byte folds to: itself lower-cased (letters, digits),
 * FOLD_SEP (a separator) or FOLD_DROP (an apostrophe, which vanishes). */
enum { FOLD_SEP = 0, FOLD_DROP = 1 };
#define FA(c)                                                                \
    ((c) >= 'A' && (c) <= 'Z'                                                \
         ? (c) + 32                                                          \
         : ((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9')         \
               ? (c)                                                         \
               : (c) == '\'' || (c) == '`' ? FOLD_DROP : FOLD_SEP)
#define FA4(c) FA(c), FA((c) + 1), FA((c) + 2), FA((c) + 3)
#define FA16(c) FA4(c), FA4((c) + 4), FA4((c) + 8), FA4((c) + 12)
#define FA64(c) FA16(c), FA16((c) + 16), FA16((c) + 32), FA16((c) + 48)
static const unsigned char fold_ascii[128] = {FA64(0), FA64(64)};

/* put_ascii() over the ASCII bytes of s[i..stop), up to the first other
 * byte; returns where it stopped. The output state is kept in locals: a
 * store through out may alias fo, which would reload it at every byte. */
static size_t put_ascii_run(fold_out_t *fo, const char *s, size_t i,
                            size_t stop)
{
    char *out = fo->out;
    size_t len = fo->len, size = fo->size;
    int pending = fo->pending_space;

    for (; i < stop && (unsigned char)s[i] < 0x80; i++) {
        char c = (char)fold_ascii[(unsigned char)s[i]];
        size_t space = pending && len > 0;

        if (c == FOLD_SEP || c == FOLD_DROP) {
            pending |= c == FOLD_SEP;
            continue;
        }
        if (doubles(out, len, pending, c)) {
            continue;
        }
        if (len + space + 2 > size) {
            fo->full = 1;
            break;
        }
        if (space) {
            out[len++] = ' ';
        }
        pending = 0;
        out[len++] = c;
    }
    fo->len = len;
    fo->pending_space = pending;
    return i;
}

static void put_codepoint(fold_out_t *fo, utf8proc_int32_t cp)
{
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t n;

    switch (cp_class(cp)) {
    case CP_WORD:
        if (cp < 0x80) {
            put_ascii(fo, (char)cp);
            break;
        }
        n = utf8proc_encode_char(cp, enc);
        put_bytes(fo, (const char *)enc, (size_t)n);
        break;
    case CP_MARK:
        break;
    default:
        fo->pending_space = 1;
        break;
    }
}

static void fold_codepoint(fold_out_t *fo, utf8proc_int32_t cp)
{
    utf8proc_int32_t dec[FOLD_MAX_DECOMP];
    utf8proc_ssize_t n;
    int boundclass = 0;

    if (is_apostrophe(cp)) {
        return;
    }
    n = utf8proc_decompose_char(cp, dec, FOLD_MAX_DECOMP,
                                (utf8proc_option_t)(UTF8PROC_DECOMPOSE |
                                                    UTF8PROC_COMPAT |
                                                    UTF8PROC_CASEFOLD |
                                                    UTF8PROC_STRIPMARK),
                                &boundclass);
    if (n < 0 || n > FOLD_MAX_DECOMP) {
        fo->pending_space = 1;
        return;
    }
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        const char *plain = plain_latin(dec[i]);

        if (plain != NULL) {
            for (; *plain != '\0'; plain++) {
                put_codepoint(fo, (unsigned char)*plain);
            }
        } else if (!is_apostrophe(dec[i])) {
            /* compatibility forms may decompose into an apostrophe ("ŉ") */
            put_codepoint(fo, dec[i]);
        }
    }
}

/* The Arabic article is written "al" or "el" ("Ras el Ain", "Ras
 * al-Ain"): folded as "al". */
static void arabic_article(char *out, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++) {
        if (out[i] == 'e' && out[i + 1] == 'l' && (i == 0 || out[i - 1] == ' ') &&
            (i + 2 == len || out[i + 2] == ' ')) {
            out[i] = 'a';
        }
    }
}

size_t sr_fold_name(const char *s, size_t len, char *out, size_t size)
{
    return sr_fold_name_prefixes(s, len, out, size, NULL, NULL, 0);
}

size_t sr_fold_name_prefixes(const char *s, size_t len, char *out,
                             size_t size, const size_t *ends,
                             size_t *prefix_len, size_t nends)
{
    fold_out_t fo = {out, size, 0, 0, 0};
    size_t i = 0, m = 0;

    if (size == 0) {
        for (; m < nends; m++) {
            prefix_len[m] = 0;
        }
        return 0;
    }
    while (i < len && !fo.full) {
        unsigned char c = (unsigned char)s[i];

        /* Folding is left to right and a pending space is written only
         * with the next word character: the fold of s[0..ends[m]) is
         * what has been written when i reaches ends[m]. */
        for (; m < nends && ends[m] <= i; m++) {
            prefix_len[m] = fo.len;
        }

        /* ASCII fast path: most names in the data are plain ASCII. */
        if (c < 0x80) {
            i = put_ascii_run(&fo, s, i, m < nends && ends[m] < len ? ends[m]
                                                                    : len);
            continue;
        }
        {
            utf8proc_int32_t cp;
            utf8proc_ssize_t n = utf8proc_iterate(
                (const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i),
                &cp);

            if (n <= 0) {
                fo.pending_space = 1;
                i++;
                continue;
            }
            fold_codepoint(&fo, cp);
            i += (size_t)n;
        }
    }
    for (; m < nends; m++) {
        prefix_len[m] = fo.len; /* at the end, or after the output filled */
    }
    out[fo.len] = '\0';
    arabic_article(out, fo.len);
    return fo.len;
}

int sr_fold_is_word_char(const char *s, size_t len, size_t *cp_len)
{
    unsigned char c = (unsigned char)s[0];
    utf8proc_int32_t cp;
    utf8proc_ssize_t n;

    if (c < 0x80) {
        *cp_len = 1;
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9');
    }
    n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                         &cp);
    if (n <= 0) {
        *cp_len = 1;
        return 0;
    }
    *cp_len = (size_t)n;
    return cp_class(cp) != CP_SEPARATOR;
}
