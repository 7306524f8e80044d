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

#include "buf.h"
#include "xmalloc.h"

struct sr_dedup_s {
    size_t max_paragraphs;
};

struct seen_para {
    XXH128_hash_t hash;
    char *norm;
    size_t norm_len;
};

sr_dedup_t *sr_dedup_new(size_t max_paragraphs)
{
    sr_dedup_t *dd = sr_xcalloc(1, sizeof(*dd));

    dd->max_paragraphs = max_paragraphs;
    return dd;
}

void sr_dedup_destroy(sr_dedup_t *dd)
{
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

/* Normalises one paragraph; the caller frees *out. */
static sr_err_t normalise(const char *p, size_t n, char **out,
                          size_t *out_len)
{
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t mlen;
    size_t w = 0;
    int in_space = 1; /* drops leading whitespace */

    mlen = utf8proc_map((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n,
                        &mapped,
                        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                            UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
    if (mlen < 0) {
        return SR_ERR_INVALID;
    }
    /* Collapse every Unicode space (incl. NBSP, which NFKC already made a
     * plain space) and ASCII whitespace run into one ASCII space. */
    for (utf8proc_ssize_t r = 0; r < mlen;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(mapped + r, mlen - r, &cp);

        if (k <= 0) {
            free(mapped);
            return SR_ERR_INVALID;
        }
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
            cp == '\f' || cp == '\v' ||
            utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS) {
            if (!in_space) {
                mapped[w++] = ' ';
            }
            in_space = 1;
        } else {
            memmove(mapped + w, mapped + r, (size_t)k);
            w += (size_t)k;
            in_space = 0;
        }
        r += k;
    }
    if (w > 0 && mapped[w - 1] == ' ') {
        w--;
    }
    mapped[w] = '\0';
    *out = (char *)mapped;
    *out_len = w;
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
    const char *p = art->body ? art->body : "";
    const char *end = p + art->body_len;
    struct seen_para *seen = NULL;
    size_t seen_count = 0, seen_cap = 0, paragraphs = 0;
    sr_buf_t out;
    sr_err_t rc = SR_OK;
    int dropped = 0;

    sr_buf_init(&out, 0); /* never longer than the body it came from */
    while (p < end) {
        const char *next;
        const char *para = p;
        size_t n = paragraph_len(p, end, &next);
        char *norm = NULL;
        size_t norm_len = 0;
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
            rc = SR_ERR_TOO_LARGE;
            goto out;
        }
        if (normalise(para, n, &norm, &norm_len) != SR_OK) {
            sr_errstr_set(errstr, errstr_size,
                          "invalid UTF-8 in paragraph %zu", paragraphs);
            rc = SR_ERR_INVALID;
            goto out;
        }
        h = XXH3_128bits(norm, norm_len);
        for (size_t i = 0; i < seen_count && !repeat; i++) {
            repeat = XXH128_isEqual(seen[i].hash, h) &&
                     seen[i].norm_len == norm_len &&
                     memcmp(seen[i].norm, norm, norm_len) == 0;
        }
        if (repeat) {
            dropped++;
            free(norm);
            continue;
        }
        sr_xgrow((void **)&seen, &seen_cap, seen_count + 1, sizeof(*seen));
        seen[seen_count].hash = h;
        seen[seen_count].norm = norm;
        seen[seen_count].norm_len = norm_len;
        seen_count++;
        if (out.len > 0) {
            sr_buf_append(&out, "\n\n", 2);
        }
        sr_buf_append(&out, para, n);
    }
    free(art->body);
    art->body = sr_buf_take(&out, &art->body_len);
    *removed = dropped;

out:
    for (size_t i = 0; i < seen_count; i++) {
        free(seen[i].norm);
    }
    free(seen);
    sr_buf_clear(&out);
    return rc;
}
