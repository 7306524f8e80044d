/* err.c - error names and the errstr helper. */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>

const char *sr_err_str(sr_err_t err)
{
    switch (err) {
    case SR_OK: return "success";
    case SR_ERR_INVALID: return "invalid input";
    case SR_ERR_TOO_LARGE: return "input too large";
    case SR_ERR_NOT_FOUND: return "not found";
    case SR_ERR_IO: return "i/o error";
    case SR_ERR_CONFIG: return "configuration error";
    case SR_ERR_TRANSIENT: return "transient error";
    case SR_ERR_FATAL: return "fatal error";
    case SR_ERR_UNSUPPORTED: return "unsupported";
    case SR_ERR_EMPTY: return "empty input";
    }
    return "unknown error";
}

void sr_errstr_set(char *errstr, size_t errstr_size, const char *fmt, ...)
{
    va_list ap;

    if (errstr == NULL || errstr_size == 0) {
        return;
    }
    va_start(ap, fmt);
    vsnprintf(errstr, errstr_size, fmt, ap);
    va_end(ap);
}
