/* offsets.h - which consumer offsets are safe to store.
 *
 * Articles of one partition may finish out of order (one waits on the
 * geocoder, the next has no place to look up). A consumed offset may be
 * stored - and so committed - only when it and everything consumed before
 * it in its partition is done, or a crash would skip unfinished work. The
 * tracker keeps, per partition, the offsets in flight in consumption order
 * and reports the next offset to store (last contiguous done + 1).
 *
 * Offsets need not be contiguous (compaction, transaction markers): only
 * offsets passed to sr_offsets_begin() count. Each assignment of a
 * partition gets a new generation, so work begun under an earlier
 * assignment cannot mark offsets of the current one done.
 *
 * No Kafka in here: topic names are plain strings. Single-threaded.
 */
#ifndef SR_KAFKA_OFFSETS_H
#define SR_KAFKA_OFFSETS_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

typedef struct sr_offsets_s sr_offsets_t;

/* Never NULL. */
sr_offsets_t *sr_offsets_new(void);
/* NULL-safe. */
void sr_offsets_destroy(sr_offsets_t *ot);

/* Starts (or restarts) tracking a partition with nothing in flight and a
 * new generation, which it returns. */
uint64_t sr_offsets_assign(sr_offsets_t *ot, const char *topic,
                           int32_t partition);
/* Forgets a partition and whatever was in flight in it (it will be
 * replayed by the partition's next owner). No-op when not tracked. */
void sr_offsets_revoke(sr_offsets_t *ot, const char *topic,
                       int32_t partition);
/* Forgets every partition. */
void sr_offsets_revoke_all(sr_offsets_t *ot);

/* Records offset as in flight and sets *gen to the partition's
 * generation. A partition not yet tracked is assigned first. Offsets must
 * grow within a partition: SR_ERR_INVALID (nothing recorded) for an
 * offset not above the last one begun. */
sr_err_t sr_offsets_begin(sr_offsets_t *ot, const char *topic,
                          int32_t partition, int64_t offset, uint64_t *gen,
                          char *errstr, size_t errstr_size);

/* Marks an offset begun under generation gen as done. SR_ERR_NOT_FOUND
 * when the partition was revoked or reassigned since (gen differs), or the
 * offset is not in flight (never begun, or already done). */
sr_err_t sr_offsets_done(sr_offsets_t *ot, const char *topic,
                         int32_t partition, int64_t offset, uint64_t gen,
                         char *errstr, size_t errstr_size);

/* Offsets begun and not yet done, over all partitions / in one. */
size_t sr_offsets_inflight(const sr_offsets_t *ot);
size_t sr_offsets_partition_inflight(const sr_offsets_t *ot,
                                     const char *topic, int32_t partition);

/* Calls cb(topic, partition, next, opaque) for every partition whose
 * storable offset moved since the last call: next is the offset to store
 * (the last offset of the done prefix + 1, as Kafka expects). Stops at and
 * returns the first non-zero cb result (that partition is reported again
 * next time). */
int sr_offsets_foreach_ready(sr_offsets_t *ot,
                             int (*cb)(const char *topic, int32_t partition,
                                       int64_t next, void *opaque),
                             void *opaque);

/* The storable offset of a partition (last done prefix + 1), or -1 when
 * nothing of it is done yet or it is not tracked. */
int64_t sr_offsets_next(const sr_offsets_t *ot, const char *topic,
                        int32_t partition);

/* Exactly-once batches: a checkpoint marks what a committed transaction
 * covered. foreach_rewind calls cb(topic, partition, first, opaque) for
 * every partition with offsets begun since the last checkpoint (or since
 * it was assigned): first is the earliest of them, where consumption
 * restarts when the open transaction is aborted. Stops at and returns the
 * first non-zero cb result. */
void sr_offsets_checkpoint(sr_offsets_t *ot);
int sr_offsets_foreach_rewind(const sr_offsets_t *ot,
                              int (*cb)(const char *topic, int32_t partition,
                                        int64_t first, void *opaque),
                              void *opaque);

#endif
