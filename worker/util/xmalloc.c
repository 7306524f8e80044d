/* xmalloc.c - abort-on-failure allocation. */
#include "xmalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t size)
{
    fprintf(stderr, "sitrep: out of memory allocating %zu bytes\n", size);
    abort();
}

void *sr_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);

    if (p == NULL) {
        out_of_memory(size);
    }
    return p;
}

void *sr_xcalloc(size_t nmemb, size_t size)
{
    void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

    if (p == NULL) {
        out_of_memory(nmemb * size);
    }
    return p;
}

void *sr_xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);

    if (p == NULL) {
        out_of_memory(size);
    }
    return p;
}

char *sr_xstrdup(const char *s)
{
    if (s == NULL) {
        return NULL;
    }
    return sr_xstrndup(s, strlen(s));
}

char *sr_xstrndup(const char *s, size_t n)
{
    char *p = sr_xmalloc(n + 1);

    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void sr_xgrow(void **arr, size_t *cap, size_t need, size_t elem_size)
{
    size_t ncap;

    if (need <= *cap) {
        return;
    }
    ncap = *cap ? *cap : 4;
    while (ncap < need) {
        ncap *= 2;
    }
    *arr = sr_xrealloc(*arr, ncap * elem_size);
    *cap = ncap;
}
