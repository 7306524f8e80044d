/* buf.h - a growable byte buffer with a hard size limit.
 *
 * Every buffer whose size depends on input carries a limit taken from the
 * configuration; going over it is an SR_ERR_TOO_LARGE for that input, never
 * an out-of-memory. The data is always NUL-terminated (the terminator is not
 * counted in len). A value type: embed it, sr_buf_init() it, sr_buf_clear()
 * it. Fields are read-only to users.
 */
#ifndef SR_UTIL_BUF_H
#define SR_UTIL_BUF_H

#include <stddef.h>

#include "err.h"

typedef struct sr_buf_s {
    char *data;   /* NUL-terminated, or NULL before the first append */
    size_t len;   /* bytes excluding the terminator */
    size_t cap;   /* allocated bytes */
    size_t limit; /* max len; 0 = no limit (only for trusted sizes) */
} sr_buf_t;

void sr_buf_init(sr_buf_t *b, size_t limit);
/* Frees the data; the buffer may be reused after sr_buf_init(). */
void sr_buf_clear(sr_buf_t *b);
/* Empties the buffer, keeping its allocation. */
void sr_buf_reset(sr_buf_t *b);
/* Appends n bytes. SR_ERR_TOO_LARGE (nothing appended) past the limit. */
sr_err_t sr_buf_append(sr_buf_t *b, const void *p, size_t n);
sr_err_t sr_buf_puts(sr_buf_t *b, const char *s);
sr_err_t sr_buf_putc(sr_buf_t *b, char c);
sr_err_t sr_buf_appendf(sr_buf_t *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Gives the data to the caller (who frees it) and resets the buffer.
 * Never returns NULL: an empty buffer gives "". */
char *sr_buf_take(sr_buf_t *b, size_t *len);
/* The data, or "" when nothing was appended. */
const char *sr_buf_str(const sr_buf_t *b);

#endif
