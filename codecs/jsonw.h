/* jsonw.h - small JSON writing helpers over sr_buf_t.
 *
 * A sticky-error writer: every call after a failure is a no-op, and the
 * first error (SR_ERR_TOO_LARGE from the buffer) stays in w->err, so a
 * whole object can be written and checked once. Output is deterministic
 * and independent of the C locale.
 */
#ifndef SR_CODECS_JSONW_H
#define SR_CODECS_JSONW_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"

typedef struct sr_jsonw_s {
    sr_buf_t *out;
    sr_err_t err;
} sr_jsonw_t;

void sr_jsonw_raw(sr_jsonw_t *w, const char *s);
/* A JSON string literal; NULL gives null. Control characters, quotes and
 * backslashes are escaped; bytes that are not valid UTF-8 become U+FFFD,
 * so the output is always valid JSON. */
void sr_jsonw_str(sr_jsonw_t *w, const char *s);
/* Same for n bytes that may contain NULs (escaped as \u0000). */
void sr_jsonw_strn(sr_jsonw_t *w, const char *s, size_t n);
void sr_jsonw_int(sr_jsonw_t *w, int64_t v);
/* A fixed-point number with at most `decimals` (1..9) fraction digits,
 * trailing zeros dropped but one kept ("15.0"); NaN/inf give null. */
void sr_jsonw_fixed(sr_jsonw_t *w, double v, int decimals);
/* `"key":` with a leading comma unless first. */
void sr_jsonw_key(sr_jsonw_t *w, const char *key, int first);

#endif
