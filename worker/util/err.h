/* err.h - the one error convention of sitrep.
 *
 * Every fallible function returns an sr_err_t (SR_OK = 0, failures negative)
 * and takes `char *errstr, size_t errstr_size` as its last two parameters,
 * into which it writes a human-readable reason on failure. Constructors
 * return NULL instead of an sr_err_t. No function both logs and returns an
 * error: the caller decides what to do with it.
 *
 * The codes classify failures by what the caller should do:
 *   SR_ERR_INVALID / SR_ERR_TOO_LARGE  the input is bad: dead-letter it
 *   SR_ERR_TRANSIENT                   retry later (timeouts, 429, 5xx)
 *   SR_ERR_CONFIG                      bad configuration: exit 2
 *   SR_ERR_FATAL                       stop the process: exit 1
 */
#ifndef SR_UTIL_ERR_H
#define SR_UTIL_ERR_H

#include <stddef.h>

typedef enum sr_err_e {
    SR_OK = 0,
    SR_ERR_INVALID = -1,     /* malformed input */
    SR_ERR_TOO_LARGE = -2,   /* input over a configured cap */
    SR_ERR_NOT_FOUND = -3,   /* lookup found nothing */
    SR_ERR_IO = -4,          /* file or socket error */
    SR_ERR_CONFIG = -5,      /* bad configuration */
    SR_ERR_TRANSIENT = -6,   /* try again later */
    SR_ERR_FATAL = -7,       /* unrecoverable */
    SR_ERR_UNSUPPORTED = -8, /* valid but not handled */
    SR_ERR_EMPTY = -9        /* nothing to work on (empty body) */
} sr_err_t;

/* Static name of an error code, e.g. "invalid input". Never NULL. */
const char *sr_err_str(sr_err_t err);

/* printf-style write into a caller's error buffer; NULL/0 buffers are
 * ignored. Always NUL-terminates. */
void sr_errstr_set(char *errstr, size_t errstr_size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
