/* jsonw.c - small JSON writing helpers. */
#include "jsonw.h"

#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

void sr_jsonw_raw(sr_jsonw_t *w, const char *s)
{
    if (w->err == SR_OK) {
        w->err = sr_buf_puts(w->out, s);
    }
}

static void put(sr_jsonw_t *w, const char *s, size_t n)
{
    if (w->err == SR_OK) {
        w->err = sr_buf_append(w->out, s, n);
    }
}

void sr_jsonw_strn(sr_jsonw_t *w, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0;

    put(w, "\"", 1);
    while (i < n && w->err == SR_OK) {
        unsigned char c = p[i];
        size_t k = 1;
        char esc[8];

        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            run++;
            continue;
        }
        if (c >= 0x80) {
            k = sr_utf8_seq_len(p + i, n - i);
            if (k > 0) {
                i += k;
                run += k;
                continue;
            }
        }
        /* Flush the plain run, then write the escape. */
        put(w, s + i - run, run);
        run = 0;
        if (c >= 0x80) {
            put(w, "\xEF\xBF\xBD", 3);
        } else if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            put(w, esc, 2);
        } else if (c == '\n') {
            put(w, "\\n", 2);
        } else if (c == '\t') {
            put(w, "\\t", 2);
        } else if (c == '\r') {
            put(w, "\\r", 2);
        } else if (c == '\b') {
            put(w, "\\b", 2);
        } else if (c == '\f') {
            put(w, "\\f", 2);
        } else {
            snprintf(esc, sizeof(esc), "\\u%04x", c);
            put(w, esc, 6);
        }
        i++;
    }
    put(w, s + i - run, run);
    put(w, "\"", 1);
}

void sr_jsonw_str(sr_jsonw_t *w, const char *s)
{
    if (s == NULL) {
        sr_jsonw_raw(w, "null");
        return;
    }
    sr_jsonw_strn(w, s, strlen(s));
}

void sr_jsonw_int(sr_jsonw_t *w, int64_t v)
{
    char num[24];

    snprintf(num, sizeof(num), "%" PRId64, v);
    sr_jsonw_raw(w, num);
}

void sr_jsonw_fixed(sr_jsonw_t *w, double v, int decimals)
{
    static const int64_t pow10[] = {1,      10,      100,      1000,
                                    10000,  100000,  1000000,  10000000,
                                    100000000, 1000000000};
    int64_t scale, units, ip, fp;
    /* Room for "%.0f" of the largest double: 309 digits and a sign. */
    char num[DBL_MAX_10_EXP + 8], frac[16];
    int neg, len;

    if (decimals < 1) {
        decimals = 1;
    } else if (decimals > 9) {
        decimals = 9;
    }
    scale = pow10[decimals];
    /* Integer arithmetic keeps the output independent of LC_NUMERIC;
     * values too large for it are printed as integers. */
    if (!isfinite(v)) {
        sr_jsonw_raw(w, "null");
        return;
    }
    if (fabs(v) >= 9.0e18 / (double)scale) {
        snprintf(num, sizeof(num), "%.0f", v);
        sr_jsonw_raw(w, num);
        return;
    }
    units = llround(v * (double)scale);
    neg = units < 0;
    if (neg) {
        units = -units;
    }
    ip = units / scale;
    fp = units % scale;
    len = snprintf(frac, sizeof(frac), "%0*" PRId64, decimals, fp);
    while (len > 1 && frac[len - 1] == '0') {
        frac[--len] = '\0';
    }
    snprintf(num, sizeof(num), "%s%" PRId64 ".%s", neg ? "-" : "", ip, frac);
    sr_jsonw_raw(w, num);
}

void sr_jsonw_key(sr_jsonw_t *w, const char *key, int first)
{
    if (!first) {
        put(w, ",", 1);
    }
    sr_jsonw_str(w, key);
    put(w, ":", 1);
}
