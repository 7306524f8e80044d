/* article.c - the input article decoder (contract 3.1).
 *
 * Order of checks: size, UTF-8 (and NUL bytes), then the form of the
 * value: after optional BOM and whitespace, '{' means a JSON object (and
 * a parse failure is an error, not a fallback to plain text, so that a
 * broken producer is noticed); anything else is a plain-text body.
 */
#include "article.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "html.h"
#include "utf8.h"
#include "xmalloc.h"

/* jansson has no depth option; deeper documents are refused by a scan
 * before parsing, so the parser never recurses deeply. */
#define MAX_JSON_DEPTH 64

void sr_article_init(sr_article_t *art)
{
    memset(art, 0, sizeof(*art));
}

void sr_article_clear(sr_article_t *art)
{
    free(art->id);
    free(art->url);
    free(art->source);
    free(art->title);
    free(art->language);
    free(art->published_at);
    free(art->body);
    sr_article_init(art);
}

static size_t skip_ws(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
                     s[i] == '\r' || s[i] == '\f' || s[i] == '\v')) {
        i++;
    }
    return i;
}

/* Byte length of the trimmable blank at s (ASCII blanks and U+00A0), or
 * 0. Newlines are not blanks here: they delimit lines. */
static size_t blank_len(const char *s, const char *end)
{
    if (s < end && (*s == ' ' || *s == '\t' || *s == '\f' || *s == '\v')) {
        return 1;
    }
    if (end - s >= 2 && (unsigned char)s[0] == 0xC2 &&
        (unsigned char)s[1] == 0xA0) {
        return 2;
    }
    return 0;
}

/* Rewrites text as paragraphs joined by exactly "\n\n": line ends
 * unified to "\n", every line trimmed, runs of blank lines collapsed,
 * control characters turned into spaces. Counts the paragraphs. */
static sr_err_t normalise_body(const char *s, size_t n, sr_buf_t *out,
                               size_t *paragraphs)
{
    const char *p = s, *end = s + n;
    int pending_break = 0, in_para = 0;
    sr_err_t err = SR_OK;

    *paragraphs = 0;
    while (p < end && err == SR_OK) {
        const char *ls = p, *le;
        size_t k;

        while (p < end && *p != '\n' && *p != '\r') {
            p++;
        }
        le = p;
        if (p < end && *p == '\r' && p + 1 < end && p[1] == '\n') {
            p += 2;
        } else if (p < end) {
            p++;
        }
        while ((k = blank_len(ls, le)) > 0) {
            ls += k;
        }
        while (le > ls) {
            if (blank_len(le - 1, le) == 1) {
                le--;
            } else if (le - ls >= 2 && blank_len(le - 2, le) == 2) {
                le -= 2;
            } else {
                break;
            }
        }
        if (ls == le) {
            pending_break = in_para;
            continue;
        }
        if (pending_break || !in_para) {
            if (in_para) {
                err = sr_buf_append(out, "\n\n", 2);
            }
            (*paragraphs)++;
        } else {
            err = sr_buf_putc(out, '\n');
        }
        /* the line in runs between control characters, each a space */
        for (const char *c = ls, *run = ls; err == SR_OK; c++) {
            unsigned char uc = c < le ? (unsigned char)*c : 0;

            if (c == le || uc < 0x20 || uc == 0x7F) {
                err = sr_buf_append(out, run, (size_t)(c - run));
                if (c == le) {
                    break;
                }
                if (err == SR_OK) {
                    err = sr_buf_putc(out, ' ');
                }
                run = c + 1;
            }
        }
        in_para = 1;
        pending_break = 0;
    }
    return err;
}

static const char *json_type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "unknown";
}

/* Refuses JSON nested deeper than MAX_JSON_DEPTH before jansson (which
 * recurses per level) sees it. Strings are skipped, escapes honoured. */
static sr_err_t check_depth(const char *s, size_t n, char *errstr,
                            size_t errstr_size)
{
    int depth = 0, in_string = 0;

    for (size_t i = 0; i < n; i++) {
        char c = s[i];

        if (in_string) {
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                in_string = 0;
            }
        } else if (c == '"') {
            in_string = 1;
        } else if (c == '{' || c == '[') {
            if (++depth > MAX_JSON_DEPTH) {
                sr_errstr_set(errstr, errstr_size,
                              "invalid JSON: nested deeper than %d levels "
                              "at byte offset %zu",
                              MAX_JSON_DEPTH, i);
                return SR_ERR_INVALID;
            }
        } else if ((c == '}' || c == ']') && depth > 0) {
            depth--;
        }
    }
    return SR_OK;
}

/* Reads an optional string field; an empty string counts as absent. */
static sr_err_t get_str_field(json_t *obj, const char *key, char **slot,
                              int *present, char *errstr, size_t errstr_size)
{
    json_t *v = json_object_get(obj, key);

    if (present != NULL) {
        *present = 0;
    }
    if (v == NULL || json_is_null(v)) {
        return SR_OK;
    }
    if (!json_is_string(v)) {
        sr_errstr_set(errstr, errstr_size,
                      "field \"%s\" must be a string, not %s", key,
                      json_type_name(v));
        return SR_ERR_INVALID;
    }
    if (present != NULL) {
        *present = 1;
    }
    if (json_string_length(v) > 0) {
        *slot = sr_xstrndup(json_string_value(v), json_string_length(v));
    }
    return SR_OK;
}

static sr_err_t decode_json(const char *payload, size_t len,
                            sr_article_t *art, sr_buf_t *text,
                            char *errstr, size_t errstr_size)
{
    static const struct {
        const char *key;
        size_t off;
    } meta[] = {
        {"id", offsetof(sr_article_t, id)},
        {"url", offsetof(sr_article_t, url)},
        {"source", offsetof(sr_article_t, source)},
        {"title", offsetof(sr_article_t, title)},
        {"language", offsetof(sr_article_t, language)},
        {"published_at", offsetof(sr_article_t, published_at)},
    };
    json_error_t jerr;
    json_t *root;
    char *body = NULL, *html = NULL;
    int has_body = 0, has_html = 0;
    sr_err_t err;

    err = check_depth(payload, len, errstr, errstr_size);
    if (err != SR_OK) {
        return err;
    }
    root = json_loadb(payload, len, JSON_REJECT_DUPLICATES, &jerr);
    if (root == NULL) {
        sr_errstr_set(errstr, errstr_size,
                      "invalid JSON at line %d column %d: %s", jerr.line,
                      jerr.column, jerr.text);
        return SR_ERR_INVALID;
    }
    /* The caller saw '{', so the root is an object. */
    for (size_t i = 0; i < sizeof(meta) / sizeof(meta[0]); i++) {
        char **slot = (char **)(void *)((char *)art + meta[i].off);

        err = get_str_field(root, meta[i].key, slot, NULL, errstr,
                            errstr_size);
        if (err != SR_OK) {
            goto out;
        }
    }
    err = get_str_field(root, "body", &body, &has_body, errstr, errstr_size);
    if (err == SR_OK) {
        err = get_str_field(root, "html", &html, &has_html, errstr,
                            errstr_size);
    }
    if (err != SR_OK) {
        goto out;
    }
    if (art->published_at != NULL &&
        sr_parse_date(art->published_at, &art->pub_year, &art->pub_month,
                      &art->pub_day) != SR_OK) {
        sr_errstr_set(errstr, errstr_size,
                      "field \"published_at\" is not a date (YYYY-MM-DD) "
                      "or an RFC 3339 timestamp");
        err = SR_ERR_INVALID;
        goto out;
    }
    art->has_published = art->published_at != NULL;
    if (has_body) {
        if (body != NULL) {
            err = sr_buf_puts(text, body);
        }
    } else if (has_html) {
        art->from_html = 1;
        if (html != NULL) {
            err = sr_html_to_text(html, strlen(html), text, errstr,
                                  errstr_size);
        }
    } else {
        sr_errstr_set(errstr, errstr_size,
                      "JSON article has neither \"body\" nor \"html\"");
        err = SR_ERR_INVALID;
    }
    if (err == SR_ERR_TOO_LARGE) {
        sr_errstr_set(errstr, errstr_size, "article body is over %zu bytes",
                      text->limit);
    }
out:
    free(body);
    free(html);
    json_decref(root);
    return err;
}

static sr_err_t check_plain_text(const char *s, size_t n, char *errstr,
                                 size_t errstr_size)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];

        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
             c != '\v') ||
            c == 0x7F) {
            sr_errstr_set(errstr, errstr_size,
                          "plain-text article has control byte 0x%02x at "
                          "byte offset %zu (binary data?)",
                          c, i);
            return SR_ERR_INVALID;
        }
    }
    return SR_OK;
}

sr_err_t sr_article_decode(const char *payload, size_t len,
                           const sr_article_limits_t *lim, sr_article_t *art,
                           char *errstr, size_t errstr_size)
{
    sr_buf_t text, body;
    size_t bad, start = 0, paragraphs = 0;
    sr_err_t err = SR_OK;

    sr_article_clear(art);
    sr_buf_init(&text, lim->max_bytes);
    sr_buf_init(&body, lim->max_bytes);
    if (lim->max_bytes != 0 && len > lim->max_bytes) {
        sr_errstr_set(errstr, errstr_size,
                      "message of %zu bytes is over the limit of %zu bytes",
                      len, lim->max_bytes);
        err = SR_ERR_TOO_LARGE;
        goto out;
    }
    if (!sr_utf8_valid(payload, len, &bad)) {
        sr_errstr_set(errstr, errstr_size,
                      "invalid UTF-8 at byte offset %zu", bad);
        err = SR_ERR_INVALID;
        goto out;
    }
    if (len > 0 && memchr(payload, '\0', len) != NULL) {
        sr_errstr_set(errstr, errstr_size, "NUL byte at byte offset %zu",
                      (size_t)((const char *)memchr(payload, '\0', len) -
                               payload));
        err = SR_ERR_INVALID;
        goto out;
    }
    if (len >= 3 && memcmp(payload, "\xEF\xBB\xBF", 3) == 0) {
        start = 3;
    }
    if (skip_ws(payload, len, start) < len &&
        payload[skip_ws(payload, len, start)] == '{') {
        art->was_json = 1;
        err = decode_json(payload + start, len - start, art, &text, errstr,
                          errstr_size);
    } else {
        err = check_plain_text(payload, len, errstr, errstr_size);
        if (err == SR_OK) {
            err = sr_buf_append(&text, payload + start, len - start);
        }
    }
    if (err != SR_OK) {
        goto out;
    }
    err = normalise_body(sr_buf_str(&text), text.len, &body, &paragraphs);
    if (err != SR_OK) {
        sr_errstr_set(errstr, errstr_size, "article body is over %zu bytes",
                      lim->max_bytes);
        goto out;
    }
    if (body.len == 0) {
        sr_errstr_set(errstr, errstr_size, "article body is empty");
        err = SR_ERR_EMPTY;
        goto out;
    }
    if (lim->max_paragraphs != 0 && paragraphs > lim->max_paragraphs) {
        sr_errstr_set(errstr, errstr_size,
                      "article has %zu paragraphs, over the limit of %zu",
                      paragraphs, lim->max_paragraphs);
        err = SR_ERR_TOO_LARGE;
        goto out;
    }
    art->body = sr_buf_take(&body, &art->body_len);
out:
    sr_buf_clear(&text);
    sr_buf_clear(&body);
    if (err != SR_OK) {
        sr_article_clear(art);
    }
    return err;
}

void sr_article_set_defaults(sr_article_t *art, const char *default_id,
                             int64_t timestamp_ms)
{
    if (art->id == NULL && default_id != NULL) {
        art->id = sr_xstrdup(default_id);
    }
    if (!art->has_published && timestamp_ms >= 0) {
        int64_t secs = timestamp_ms / 1000;
        int64_t days = secs / 86400, rem = secs % 86400;
        char ts[32];
        int y, m, d;

        sr_civil_from_days(days, &y, &m, &d);
        if (y > 9999) {
            return;
        }
        snprintf(ts, sizeof(ts), "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
                 (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60));
        free(art->published_at);
        art->published_at = sr_xstrdup(ts);
        art->pub_year = y;
        art->pub_month = m;
        art->pub_day = d;
        art->has_published = 1;
    }
}

/* Reads exactly n decimal digits. Returns -1 if they are not digits. */
static int digits(const char *s, int n)
{
    int v = 0;

    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Reads a zone suffix: "", "Z", "+HH:MM", "+HHMM" or "+HH". Returns the
 * offset in minutes east of UTC through *off, or -1 if malformed. */
static int parse_zone(const char *p, int *off)
{
    size_t n = strlen(p);
    int oh, om = 0;

    *off = 0;
    if (n == 0 || ((*p == 'Z' || *p == 'z') && n == 1)) {
        return 0;
    }
    if ((*p != '+' && *p != '-') ||
        (n != 3 && n != 5 && !(n == 6 && p[3] == ':'))) {
        return -1;
    }
    oh = digits(p + 1, 2);
    if (n > 3) {
        om = digits(p + n - 2, 2);
    }
    if (oh < 0 || oh > 23 || om < 0 || om > 59) {
        return -1;
    }
    *off = (oh * 60 + om) * (*p == '-' ? -1 : 1);
    return 0;
}

/* RFC 3339 plus the ISO 8601 variants feeds produce: seconds optional,
 * "+HHMM" / "+HH" offsets, no zone at all (taken as UTC). */
sr_err_t sr_parse_date(const char *s, int *year, int *month, int *day)
{
    int y, m, d, hh, mi, ss = 0, off = 0;
    const char *p;
    int64_t days, minutes;

    if (s == NULL || strlen(s) < 10 || s[4] != '-' || s[7] != '-') {
        return SR_ERR_INVALID;
    }
    y = digits(s, 4);
    m = digits(s + 5, 2);
    d = digits(s + 8, 2);
    if (y < 0 || m < 0 || d < 0 || !sr_date_valid(y, m, d)) {
        return SR_ERR_INVALID;
    }
    p = s + 10;
    if (*p == '\0') {
        goto done;
    }
    /* 't' and ' ' separators are allowed by RFC 3339 section 5.6. */
    if ((*p != 'T' && *p != 't' && *p != ' ') || strlen(p) < 6 ||
        p[3] != ':') {
        return SR_ERR_INVALID;
    }
    hh = digits(p + 1, 2);
    mi = digits(p + 4, 2);
    p += 6;
    if (*p == ':') {
        ss = digits(p + 1, 2);
        if (ss < 0) {
            return SR_ERR_INVALID; /* "23:30:" must not step past the NUL */
        }
        p += 3;
        if (*p == '.') {
            const char *f = ++p;

            while (*p >= '0' && *p <= '9') {
                p++;
            }
            if (p == f) {
                return SR_ERR_INVALID;
            }
        }
    }
    if (hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 60 ||
        parse_zone(p, &off) != 0) {
        return SR_ERR_INVALID;
    }
    /* Local time minus the offset is UTC; only the day can change. */
    days = sr_days_from_civil(y, m, d);
    minutes = (int64_t)hh * 60 + mi - off;
    if (minutes < 0) {
        days--;
    } else if (minutes >= 24 * 60) {
        days++;
    }
    sr_civil_from_days(days, &y, &m, &d);
    if (y < 0 || y > 9999) {
        return SR_ERR_INVALID;
    }
done:
    *year = y;
    *month = m;
    *day = d;
    return SR_OK;
}
