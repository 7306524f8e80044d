/* buf.c - bounded growable buffer. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

void sr_buf_init(sr_buf_t *b, size_t limit)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->limit = limit;
}

void sr_buf_clear(sr_buf_t *b)
{
    free(b->data);
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void sr_buf_reset(sr_buf_t *b)
{
    b->len = 0;
    if (b->data != NULL) {
        b->data[0] = '\0';
    }
}

static sr_err_t reserve(sr_buf_t *b, size_t n)
{
    size_t need;

    if (b->limit != 0 && (n > b->limit || b->len > b->limit - n)) {
        return SR_ERR_TOO_LARGE;
    }
    need = b->len + n + 1;
    if (need > b->cap) {
        size_t ncap = b->cap ? b->cap : 64;

        while (ncap < need) {
            ncap *= 2;
        }
        b->data = sr_xrealloc(b->data, ncap);
        b->cap = ncap;
    }
    return SR_OK;
}

sr_err_t sr_buf_append(sr_buf_t *b, const void *p, size_t n)
{
    if (reserve(b, n) != SR_OK) {
        return SR_ERR_TOO_LARGE;
    }
    if (n > 0) {
        memcpy(b->data + b->len, p, n);
    }
    b->len += n;
    b->data[b->len] = '\0';
    return SR_OK;
}

sr_err_t sr_buf_puts(sr_buf_t *b, const char *s)
{
    return sr_buf_append(b, s, strlen(s));
}

sr_err_t sr_buf_putc(sr_buf_t *b, char c)
{
    return sr_buf_append(b, &c, 1);
}

sr_err_t sr_buf_appendf(sr_buf_t *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    char small[256];

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0) {
        return SR_ERR_INVALID;
    }
    if ((size_t)n < sizeof(small)) {
        return sr_buf_append(b, small, (size_t)n);
    }
    if (reserve(b, (size_t)n) != SR_OK) {
        return SR_ERR_TOO_LARGE;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return SR_OK;
}

char *sr_buf_take(sr_buf_t *b, size_t *len)
{
    char *p = b->data ? b->data : sr_xstrdup("");

    if (len != NULL) {
        *len = b->len;
    }
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    return p;
}

const char *sr_buf_str(const sr_buf_t *b)
{
    return b->data ? b->data : "";
}
