/* offsets.c - per-partition in-flight offsets and the done prefix. */
#include "offsets.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

typedef struct entry_s {
    int64_t offset;
    int done;
} entry_t;

typedef struct part_s {
    char *topic;
    int32_t partition;
    uint64_t gen;
    /* In-flight window in consumption order: entries[head..len). Done
     * entries at the head are dropped as soon as they are done. */
    entry_t *entries;
    size_t head, len, cap;
    size_t inflight;     /* entries not done */
    int64_t last_begun;  /* -1: none */
    int64_t next;        /* storable offset, -1: none */
    int64_t reported;    /* next as last given to foreach_ready */
    int64_t first;       /* first begun since the checkpoint, -1: none */
} part_t;

struct sr_offsets_s {
    part_t *parts;
    size_t count, cap;
    uint64_t gen_counter;
    size_t inflight;
};

sr_offsets_t *sr_offsets_new(void)
{
    return sr_xcalloc(1, sizeof(sr_offsets_t));
}

static void part_free(part_t *p)
{
    free(p->topic);
    free(p->entries);
}

void sr_offsets_destroy(sr_offsets_t *ot)
{
    if (ot == NULL) {
        return;
    }
    sr_offsets_revoke_all(ot);
    free(ot->parts);
    free(ot);
}

static part_t *find(const sr_offsets_t *ot, const char *topic,
                    int32_t partition)
{
    for (size_t i = 0; i < ot->count; i++) {
        part_t *p = &ot->parts[i];
        if (p->partition == partition && strcmp(p->topic, topic) == 0) {
            return p;
        }
    }
    return NULL;
}

uint64_t sr_offsets_assign(sr_offsets_t *ot, const char *topic,
                           int32_t partition)
{
    part_t *p = find(ot, topic, partition);

    if (p != NULL) {
        sr_offsets_revoke(ot, topic, partition);
    }
    sr_xgrow((void **)&ot->parts, &ot->cap, ot->count + 1, sizeof(part_t));
    p = &ot->parts[ot->count++];
    memset(p, 0, sizeof(*p));
    p->topic = sr_xstrdup(topic);
    p->partition = partition;
    p->gen = ++ot->gen_counter;
    p->last_begun = -1;
    p->next = -1;
    p->reported = -1;
    p->first = -1;
    return p->gen;
}

void sr_offsets_revoke(sr_offsets_t *ot, const char *topic,
                       int32_t partition)
{
    part_t *p = find(ot, topic, partition);

    if (p == NULL) {
        return;
    }
    ot->inflight -= p->inflight;
    part_free(p);
    *p = ot->parts[--ot->count];
}

void sr_offsets_revoke_all(sr_offsets_t *ot)
{
    for (size_t i = 0; i < ot->count; i++) {
        part_free(&ot->parts[i]);
    }
    ot->count = 0;
    ot->inflight = 0;
}

sr_err_t sr_offsets_begin(sr_offsets_t *ot, const char *topic,
                          int32_t partition, int64_t offset, uint64_t *gen,
                          char *errstr, size_t errstr_size)
{
    part_t *p = find(ot, topic, partition);

    if (p == NULL) {
        sr_offsets_assign(ot, topic, partition);
        p = find(ot, topic, partition);
    }
    if (offset < 0 || offset <= p->last_begun) {
        sr_errstr_set(errstr, errstr_size,
                      "%s [%d]: offset %lld is not above the last one "
                      "consumed (%lld)",
                      topic, (int)partition, (long long)offset,
                      (long long)p->last_begun);
        return SR_ERR_INVALID;
    }
    if (p->head == p->len) {
        p->head = p->len = 0;
    } else if (p->len == p->cap && p->head > 0) {
        /* Reclaim the dropped head before growing. */
        memmove(p->entries, p->entries + p->head,
                (p->len - p->head) * sizeof(entry_t));
        p->len -= p->head;
        p->head = 0;
    }
    sr_xgrow((void **)&p->entries, &p->cap, p->len + 1, sizeof(entry_t));
    p->entries[p->len].offset = offset;
    p->entries[p->len].done = 0;
    p->len++;
    p->inflight++;
    p->last_begun = offset;
    if (p->first < 0) {
        p->first = offset;
    }
    ot->inflight++;
    *gen = p->gen;
    return SR_OK;
}

/* Index of offset in entries[head..len), or (size_t)-1. */
static size_t search(const part_t *p, int64_t offset)
{
    size_t lo = p->head, hi = p->len;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->entries[mid].offset < offset) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < p->len && p->entries[lo].offset == offset) {
        return lo;
    }
    return (size_t)-1;
}

sr_err_t sr_offsets_done(sr_offsets_t *ot, const char *topic,
                         int32_t partition, int64_t offset, uint64_t gen,
                         char *errstr, size_t errstr_size)
{
    part_t *p = find(ot, topic, partition);
    size_t i;

    if (p == NULL || p->gen != gen) {
        sr_errstr_set(errstr, errstr_size,
                      "%s [%d]: partition no longer assigned to this "
                      "generation",
                      topic, (int)partition);
        return SR_ERR_NOT_FOUND;
    }
    i = search(p, offset);
    if (i == (size_t)-1 || p->entries[i].done) {
        sr_errstr_set(errstr, errstr_size, "%s [%d]: offset %lld not in flight",
                      topic, (int)partition, (long long)offset);
        return SR_ERR_NOT_FOUND;
    }
    p->entries[i].done = 1;
    p->inflight--;
    ot->inflight--;
    while (p->head < p->len && p->entries[p->head].done) {
        p->next = p->entries[p->head].offset + 1;
        p->head++;
    }
    return SR_OK;
}

size_t sr_offsets_inflight(const sr_offsets_t *ot)
{
    return ot->inflight;
}

size_t sr_offsets_partition_inflight(const sr_offsets_t *ot,
                                     const char *topic, int32_t partition)
{
    const part_t *p = find(ot, topic, partition);
    return p ? p->inflight : 0;
}

int sr_offsets_foreach_ready(sr_offsets_t *ot,
                             int (*cb)(const char *topic, int32_t partition,
                                       int64_t next, void *opaque),
                             void *opaque)
{
    for (size_t i = 0; i < ot->count; i++) {
        part_t *p = &ot->parts[i];
        int rc;

        if (p->next <= p->reported) {
            continue;
        }
        rc = cb(p->topic, p->partition, p->next, opaque);
        if (rc != 0) {
            return rc;
        }
        p->reported = p->next;
    }
    return 0;
}

int64_t sr_offsets_next(const sr_offsets_t *ot, const char *topic,
                        int32_t partition)
{
    const part_t *p = find(ot, topic, partition);
    return p ? p->next : -1;
}

void sr_offsets_checkpoint(sr_offsets_t *ot)
{
    for (size_t i = 0; i < ot->count; i++) {
        ot->parts[i].first = -1;
    }
}

int sr_offsets_foreach_rewind(const sr_offsets_t *ot,
                              int (*cb)(const char *topic, int32_t partition,
                                        int64_t first, void *opaque),
                              void *opaque)
{
    for (size_t i = 0; i < ot->count; i++) {
        const part_t *p = &ot->parts[i];
        int rc;

        if (p->first < 0) {
            continue;
        }
        rc = cb(p->topic, p->partition, p->first, opaque);
        if (rc != 0) {
            return rc;
        }
    }
    return 0;
}
