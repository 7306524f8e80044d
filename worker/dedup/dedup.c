/* dedup.c - drop paragraphs that repeat an earlier one in the same article.
 *
 * Comparison is on a normalised form (NFKC + case fold + whitespace runs
 * collapsed) so that a block pasted twice with different spacing or
 * typographic variants still counts as a repeat. A 128-bit xxHash of the
 * normalised form is kept per paragraph; equal hashes are confirmed by
 * comparing the normalised text, so a collision can never drop text.
 */
#include "dedup.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>

#include "xmalloc.h"

/* A kept paragraph: its hash, where its normal form lies in norm, and
 * where it lies (trimmed) in the body. */
struct seen_para {
    XXH128_hash_t hash;
    size_t off, len;
    size_t src, src_len;
};

/* Scratch reused from article to article: the normal forms of one
 * article's kept paragraphs back to back, the code points of one
 * non-ASCII run, and the table of kept paragraphs. */
struct sr_dedup_s {
    size_t max_paragraphs;
    char *norm;
    size_t norm_len, norm_cap;
    utf8proc_int32_t *cps;
    size_t cps_cap;
    struct seen_para *seen;
    size_t seen_cap;
    int in_space; /* the normal form so far ends in a space (or is empty) */
    char ascii[128]; /* folded ASCII: lower case, whitespace as ' ' */
};

#define NORM_OPTIONS                                                         \
    (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |                  \
     UTF8PROC_CASEFOLD | UTF8PROC_IGNORE)

sr_dedup_t *sr_dedup_new(size_t max_paragraphs)
{
    sr_dedup_t *dd = sr_xcalloc(1, sizeof(*dd));

    dd->max_paragraphs = max_paragraphs;
    for (int c = 0; c < 128; c++) {
        dd->ascii[c] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    dd->ascii[(unsigned char)'\t'] = dd->ascii[(unsigned char)'\n'] = ' ';
    dd->ascii[(unsigned char)'\v'] = dd->ascii[(unsigned char)'\f'] = ' ';
    dd->ascii[(unsigned char)'\r'] = ' ';
    return dd;
}

void sr_dedup_destroy(sr_dedup_t *dd)
{
    if (dd == NULL) {
        return;
    }
    free(dd->norm);
    free(dd->cps);
    free(dd->seen);
    free(dd);
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n' &&
            s[i] != '\f' && s[i] != '\v') {
            return 0;
        }
    }
    return 1;
}


static char *norm_room(sr_dedup_t *dd, size_t n)
{
    sr_xgrow((void **)&dd->norm, &dd->norm_cap, dd->norm_len + n + 1, 1);
    return dd->norm + dd->norm_len;
}

#define BYTES(b) (0x0101010101010101ull * (b))

/* Eight ASCII bytes folded at once: upper case to lower, '\t'..'\r' to
 * ' '. *spaces gets 0x80 in every byte that is now a space. Every byte of
 * x must be below 0x80, so no sum below carries into the next byte. */
static uint64_t fold8(uint64_t x, uint64_t *spaces)
{
    uint64_t upper = (x + BYTES(0x80 - 'A')) & ~(x + BYTES(0x80 - 'Z' - 1)) &
                     BYTES(0x80);
    uint64_t ctrl = (x + BYTES(0x80 - '\t')) & ~(x + BYTES(0x80 - '\r' - 1)) &
                    BYTES(0x80);
    uint64_t y;

    x |= upper >> 2;                       /* + 0x20 */
    x = (x & ~((ctrl >> 7) * 0xFF)) | (ctrl >> 2); /* 0x20 */
    y = x ^ BYTES(' ');
    *spaces = ~(((y & BYTES(0x7F)) + BYTES(0x7F)) | y) & BYTES(0x80);
    return x;
}

/* Folds s[0..n) byte by byte through the table into w; returns the bytes
 * written. */
static size_t fold_bytes(const sr_dedup_t *dd, const char *s, size_t n,
                         char *w, int *in_space)
{
    size_t k = 0;
    int sp = *in_space;

    for (size_t i = 0; i < n; i++) {
        char c = dd->ascii[(unsigned char)s[i] & 0x7F];

        w[k] = c;
        k += !(c == ' ' && sp);
        sp = c == ' ';
    }
    *in_space = sp;
    return k;
}

/* Appends folded ASCII s[0..n): lower-cased, every whitespace run one
 * space (none at the start of the paragraph, dd->in_space). This runs
 * over every byte of every article: eight bytes at a time, except where
 * a run of spaces needs collapsing. */
static void put_ascii(sr_dedup_t *dd, const char *s, size_t n)
{
    char *w = norm_room(dd, n);
    size_t k = 0, i = 0;
    int in_space = dd->in_space;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; i + 8 <= n; i += 8) {
        uint64_t x, spaces;

        memcpy(&x, s + i, 8);
        x = fold8(x, &spaces);
        if ((spaces & (spaces << 8)) != 0 || (in_space && (spaces & 0x80))) {
            k += fold_bytes(dd, s + i, 8, w + k, &in_space);
            continue;
        }
        memcpy(w + k, &x, 8);
        k += 8;
        in_space = (spaces >> 63) != 0;
    }
#endif
    k += fold_bytes(dd, s + i, n - i, w + k, &in_space);
    dd->in_space = in_space;
    dd->norm_len += k;
}

/* Appends utf8proc's output s[0..n) (valid UTF-8, already folded) with
 * whitespace runs, Unicode Zs included, made one space. */
static sr_err_t put_mapped(sr_dedup_t *dd, const char *s, size_t n)
{
    char *w = norm_room(dd, n);
    size_t k = 0;

    for (size_t r = 0; r < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len;

        if ((unsigned char)s[r] < 0x80) {
            dd->norm_len += k;
            put_ascii(dd, s + r, 1);
            w = dd->norm + dd->norm_len;
            k = 0;
            r++;
            continue;
        }
        len = utf8proc_iterate((const utf8proc_uint8_t *)s + r,
                               (utf8proc_ssize_t)(n - r), &cp);
        if (len <= 0) {
            return SR_ERR_INVALID;
        }
        if (utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS) {
            if (!dd->in_space) {
                w[k++] = ' ';
            }
            dd->in_space = 1;
        } else {
            memcpy(w + k, s + r, (size_t)len);
            k += (size_t)len;
            dd->in_space = 0;
        }
        r += (size_t)len;
    }
    dd->norm_len += k;
    return SR_OK;
}

/* Appends the normal form of s[0..n), which holds non-ASCII text, through
 * utf8proc (NFKC + case fold, default ignorables dropped). */
static sr_err_t append_mapped(sr_dedup_t *dd, const char *s, size_t n)
{
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t got;

    for (;;) {
        got = utf8proc_decompose(u, (utf8proc_ssize_t)n, dd->cps,
                                 (utf8proc_ssize_t)dd->cps_cap, NORM_OPTIONS);
        if (got < 0) {
            return SR_ERR_INVALID;
        }
        if ((size_t)got < dd->cps_cap) {
            break; /* reencode needs one spare entry */
        }
        sr_xgrow((void **)&dd->cps, &dd->cps_cap, (size_t)got + 1,
                 sizeof(*dd->cps));
    }
    got = utf8proc_reencode(dd->cps, got, NORM_OPTIONS);
    if (got < 0) {
        return SR_ERR_INVALID;
    }
    return put_mapped(dd, (const char *)dd->cps, (size_t)got);
}

/* Appends the normal form of paragraph p[0..n) to dd->norm: NFKC + case
 * fold, every run of whitespace (ASCII or Unicode Zs) one ASCII space,
 * trimmed. ASCII is its own NFKC form and folds by lower-casing, so only
 * the non-ASCII runs go through utf8proc, each with the ASCII character
 * before it: a following combining mark may compose with that character,
 * while nothing composes with or reorders across an ASCII character that
 * follows a run. *off and *len locate the result. */
static sr_err_t normalise(sr_dedup_t *dd, const char *p, size_t n,
                          size_t *off, size_t *len)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t start = dd->norm_len, pos = 0;

    dd->in_space = 1;
    while (pos < n) {
        size_t j = pos, seg, e;
        uint64_t x;

        /* the ASCII run, eight bytes at a time while they are all ASCII */
        while (j + 8 <= n && (memcpy(&x, s + j, 8), (x & BYTES(0x80)) == 0)) {
            j += 8;
        }
        while (j < n && s[j] < 0x80) {
            j++;
        }
        if (j == n) {
            put_ascii(dd, p + pos, n - pos);
            break;
        }
        seg = j > pos ? j - 1 : pos;
        put_ascii(dd, p + pos, seg - pos);
        for (e = j; e < n && s[e] >= 0x80; e++) {
        }
        if (append_mapped(dd, p + seg, e - seg) != SR_OK) {
            dd->norm_len = start;
            return SR_ERR_INVALID;
        }
        pos = e;
    }
    if (dd->norm_len > start && dd->norm[dd->norm_len - 1] == ' ') {
        dd->norm_len--;
    }
    *off = start;
    *len = dd->norm_len - start;
    return SR_OK;
}

/* Trims blank lines and trailing blanks around a paragraph. */
static void trim_span(const char **p, size_t *n)
{
    const char *s = *p;
    const char *e = *p + *n;

    while (s < e && (*s == '\n' || *s == '\r' || *s == ' ' || *s == '\t')) {
        s++;
    }
    while (e > s &&
           (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t')) {
        e--;
    }
    *p = s;
    *n = (size_t)(e - s);
}

/* Length of the paragraph starting at s: up to a line that is blank. */
static size_t paragraph_len(const char *s, const char *end, const char **next)
{
    const char *line = s;

    while (line < end) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *line_end = nl ? nl : end;

        if (line != s && is_blank(line, (size_t)(line_end - line))) {
            *next = nl ? nl + 1 : end;
            return (size_t)(line - s);
        }
        line = nl ? nl + 1 : end;
    }
    *next = end;
    return (size_t)(end - s);
}

sr_err_t sr_dedup_article(sr_dedup_t *dd, sr_article_t *art, int *removed,
                          char *errstr, size_t errstr_size)
{
    const char *p, *end;
    size_t seen_count = 0, paragraphs = 0, w = 0;
    int dropped = 0;

    if (art->body == NULL) {
        art->body = sr_xstrdup("");
        art->body_len = 0;
    }
    p = art->body;
    end = p + art->body_len;
    dd->norm_len = 0;
    while (p < end) {
        const char *next;
        const char *para = p;
        size_t n = paragraph_len(p, end, &next);
        size_t off, norm_len;
        XXH128_hash_t h;
        int repeat = 0;

        p = next;
        trim_span(&para, &n);
        if (n == 0 || is_blank(para, n)) {
            continue;
        }
        if (++paragraphs > dd->max_paragraphs) {
            sr_errstr_set(errstr, errstr_size,
                          "more than %zu paragraphs (max.paragraphs)",
                          dd->max_paragraphs);
            return SR_ERR_TOO_LARGE;
        }
        if (normalise(dd, para, n, &off, &norm_len) != SR_OK) {
            sr_errstr_set(errstr, errstr_size,
                          "invalid UTF-8 in paragraph %zu", paragraphs);
            return SR_ERR_INVALID;
        }
        h = XXH3_128bits(dd->norm + off, norm_len);
        for (size_t i = 0; i < seen_count && !repeat; i++) {
            repeat = XXH128_isEqual(dd->seen[i].hash, h) &&
                     dd->seen[i].len == norm_len &&
                     memcmp(dd->norm + dd->seen[i].off, dd->norm + off,
                            norm_len) == 0;
        }
        if (repeat) {
            dropped++;
            dd->norm_len = off;
            continue;
        }
        sr_xgrow((void **)&dd->seen, &dd->seen_cap, seen_count + 1,
                 sizeof(*dd->seen));
        dd->seen[seen_count].hash = h;
        dd->seen[seen_count].off = off;
        dd->seen[seen_count].len = norm_len;
        dd->seen[seen_count].src = (size_t)(para - art->body);
        dd->seen[seen_count].src_len = n;
        seen_count++;
    }
    /* Only once nothing can fail (the body stays as it was on failure),
     * kept paragraphs move down in place: each is preceded in the body by
     * at least the two bytes of its blank line, so the write position
     * never passes the read position. */
    for (size_t i = 0; i < seen_count; i++) {
        if (w > 0) {
            art->body[w++] = '\n';
            art->body[w++] = '\n';
        }
        memmove(art->body + w, art->body + dd->seen[i].src,
                dd->seen[i].src_len);
        w += dd->seen[i].src_len;
    }
    art->body[w] = '\0';
    art->body_len = w;
    *removed = dropped;
    return SR_OK;
}
