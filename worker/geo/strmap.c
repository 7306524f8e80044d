/* strmap.c - string arena, open-addressing string map, field splitter. */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "xmalloc.h"

#define ARENA_BLOCK (1u << 20)

static char *arena_block(sr_arena_t *a, size_t n)
{
    sr_xgrow((void **)&a->blocks, &a->cap, a->count + 1, sizeof(*a->blocks));
    a->blocks[a->count] = sr_xmalloc(n);
    return a->blocks[a->count++];
}

void *sr_arena_alloc(sr_arena_t *a, size_t n)
{
    char *p;

    if (n > ARENA_BLOCK / 4) {
        /* Large pieces (whole files) get a block of their own. */
        return arena_block(a, n);
    }
    if (a->cur == NULL || a->used + n > ARENA_BLOCK) {
        a->cur = arena_block(a, ARENA_BLOCK);
        a->used = 0;
    }
    p = a->cur + a->used;
    a->used += n;
    return p;
}

char *sr_arena_strndup(sr_arena_t *a, const char *s, size_t n)
{
    char *p = sr_arena_alloc(a, n + 1);

    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void sr_arena_clear(sr_arena_t *a)
{
    for (size_t i = 0; i < a->count; i++) {
        free(a->blocks[i]);
    }
    free(a->blocks);
    memset(a, 0, sizeof(*a));
}

uint64_t sr_strmap_hash(const char *key, size_t len)
{
    return (uint64_t)XXH3_64bits(key, len);
}

sr_strmap_entry_t *sr_strmap_find(const sr_strmap_t *m, uint64_t hash,
                                  const char *key)
{
    if (m->slots == NULL) {
        return NULL;
    }
    for (size_t i = (size_t)hash & m->mask;; i = (i + 1) & m->mask) {
        sr_strmap_entry_t *e = &m->slots[i];

        if (e->key == NULL) {
            return NULL;
        }
        if (e->hash == hash && strcmp(e->key, key) == 0) {
            return e;
        }
    }
}

static void strmap_grow(sr_strmap_t *m)
{
    size_t n = m->slots ? (m->mask + 1) * 2 : 1024;
    sr_strmap_entry_t *slots = sr_xcalloc(n, sizeof(*slots));

    for (size_t i = 0; m->slots != NULL && i <= m->mask; i++) {
        size_t j;

        if (m->slots[i].key == NULL) {
            continue;
        }
        j = (size_t)m->slots[i].hash & (n - 1);
        while (slots[j].key != NULL) {
            j = (j + 1) & (n - 1);
        }
        slots[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->mask = n - 1;
}

sr_strmap_entry_t *sr_strmap_upsert(sr_strmap_t *m, uint64_t hash,
                                    const char *key, int *inserted)
{
    sr_strmap_entry_t *e;
    size_t i;

    if (m->slots == NULL || (m->used + 1) * 10 > (m->mask + 1) * 7) {
        strmap_grow(m);
    }
    e = sr_strmap_find(m, hash, key);
    if (e != NULL) {
        *inserted = 0;
        return e;
    }
    i = (size_t)hash & m->mask;
    while (m->slots[i].key != NULL) {
        i = (i + 1) & m->mask;
    }
    e = &m->slots[i];
    e->hash = hash;
    e->key = key;
    e->a = SR_STRMAP_NONE;
    e->b = 0;
    m->used++;
    *inserted = 1;
    return e;
}

void sr_strmap_remove(sr_strmap_t *m, sr_strmap_entry_t *e)
{
    size_t i = (size_t)(e - m->slots), j = i;

    /* Backward shift: move later entries of the probe run into the hole
     * unless their home slot lies cyclically in (i, j]. */
    for (;;) {
        size_t home;

        j = (j + 1) & m->mask;
        if (m->slots[j].key == NULL) {
            break;
        }
        home = (size_t)m->slots[j].hash & m->mask;
        if (i <= j ? (i < home && home <= j) : (i < home || home <= j)) {
            continue;
        }
        m->slots[i] = m->slots[j];
        i = j;
    }
    memset(&m->slots[i], 0, sizeof(m->slots[i]));
    m->used--;
}

size_t sr_strmap_slots(const sr_strmap_t *m)
{
    return m->slots ? m->mask + 1 : 0;
}

void sr_strmap_clear(sr_strmap_t *m)
{
    free(m->slots);
    memset(m, 0, sizeof(*m));
}

size_t sr_split_fields(char *s, char sep, char **out, size_t max)
{
    size_t n = 0;

    for (;;) {
        char *next = strchr(s, sep);

        if (n < max) {
            out[n] = s;
        }
        n++;
        if (next == NULL) {
            return n;
        }
        *next = '\0';
        s = next + 1;
    }
}
