/* strmap.h - an arena for strings, a string-keyed hash map and a field
 * splitter, internal to the gazetteer and its builder.
 *
 * sr_arena_t hands out memory that lives until sr_arena_clear(): no
 * per-string free. sr_strmap_t is open addressing (linear probing, 70 %
 * load, deletion by backward shift) from a NUL-terminated key to two
 * 32-bit values or one pointer; it never copies keys, so a key must stay
 * valid while its entry exists (arena memory, a file buffer, or memory of
 * the value itself).
 * Both are value types: zero-initialise, then use.
 */
#ifndef SR_GEO_STRMAP_H
#define SR_GEO_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#define SR_STRMAP_NONE UINT32_MAX

typedef struct sr_arena_s {
    char **blocks; /* every block, to free */
    size_t count, cap;
    char *cur;     /* the block small allocations come from */
    size_t used;
} sr_arena_t;

void *sr_arena_alloc(sr_arena_t *a, size_t n);
/* Copies s[0..n) and NUL-terminates. */
char *sr_arena_strndup(sr_arena_t *a, const char *s, size_t n);
void sr_arena_clear(sr_arena_t *a);

typedef struct sr_strmap_entry_s {
    uint64_t hash;
    const char *key; /* NULL: empty slot */
    union {
        struct {
            uint32_t a, b; /* a new entry has a = SR_STRMAP_NONE, b = 0 */
        };
        void *ptr;
    };
} sr_strmap_entry_t;

typedef struct sr_strmap_s {
    sr_strmap_entry_t *slots;
    size_t mask; /* slot count - 1 (a power of two) */
    size_t used;
} sr_strmap_t;

uint64_t sr_strmap_hash(const char *key, size_t len);
/* The entry of key (hash = sr_strmap_hash(key, strlen(key))), or NULL. */
sr_strmap_entry_t *sr_strmap_find(const sr_strmap_t *m, uint64_t hash,
                                  const char *key);
/* Finds key or inserts it (*inserted = 1; the map keeps the key pointer,
 * which the caller may replace by a longer-lived copy with the same
 * content). The pointer is valid until the next upsert. */
sr_strmap_entry_t *sr_strmap_upsert(sr_strmap_t *m, uint64_t hash,
                                    const char *key, int *inserted);
/* Removes e (a pointer from find/upsert). Other entry pointers become
 * invalid. */
void sr_strmap_remove(sr_strmap_t *m, sr_strmap_entry_t *e);
/* Number of slots: iterate over m->slots[0..n), skipping NULL keys. */
size_t sr_strmap_slots(const sr_strmap_t *m);
void sr_strmap_clear(sr_strmap_t *m);

/* Splits s in place at every sep (which becomes NUL) and stores up to max
 * field pointers in out. Returns the number of fields, which may exceed
 * max (then only the first max are stored). */
size_t sr_split_fields(char *s, char sep, char **out, size_t max);

#endif
