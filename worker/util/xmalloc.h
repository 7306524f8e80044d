/* xmalloc.h - allocation that never returns NULL.
 *
 * A failed allocation aborts the process. This is safe for sitrep because
 * Kafka offsets are stored only after the output is delivered: a crash means
 * a replay, never a loss. Code therefore carries no NULL checks after these.
 */
#ifndef SR_UTIL_XMALLOC_H
#define SR_UTIL_XMALLOC_H

#include <stddef.h>

void *sr_xmalloc(size_t size);
void *sr_xcalloc(size_t nmemb, size_t size);
void *sr_xrealloc(void *ptr, size_t size);
/* Copies s (NULL gives NULL). The caller owns the result. */
char *sr_xstrdup(const char *s);
/* Copies n bytes of s and NUL-terminates. The caller owns the result. */
char *sr_xstrndup(const char *s, size_t n);
/* Grows *arr (elements of elem_size) so that it holds at least need
 * elements, doubling; *cap is updated. */
void sr_xgrow(void **arr, size_t *cap, size_t need, size_t elem_size);

#endif
