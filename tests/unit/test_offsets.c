/* test_offsets.c - the in-flight offset tracker. */
#include <stdlib.h>

#include "check.h"
#include "offsets.h"

static char err[256];

typedef struct seen_s {
    int calls;
    char topic[64];
    int32_t partition;
    int64_t next;
    int fail_first;
} seen_t;

static int record(const char *topic, int32_t partition, int64_t next,
                  void *opaque)
{
    seen_t *s = opaque;

    if (s->fail_first) {
        s->fail_first = 0;
        return 7;
    }
    s->calls++;
    snprintf(s->topic, sizeof(s->topic), "%s", topic);
    s->partition = partition;
    s->next = next;
    return 0;
}

static void test_in_order(void)
{
    sr_offsets_t *ot = sr_offsets_new();
    uint64_t gen = 0;
    seen_t s = {0};

    for (int64_t o = 10; o < 15; o++) {
        CHECK_INT_EQ(sr_offsets_begin(ot, "in", 0, o, &gen, err,
                                      sizeof(err)),
                     SR_OK);
    }
    CHECK_INT_EQ(sr_offsets_inflight(ot), 5);
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 0), -1);
    CHECK_INT_EQ(sr_offsets_foreach_ready(ot, record, &s), 0);
    CHECK_INT_EQ(s.calls, 0);

    CHECK_INT_EQ(sr_offsets_done(ot, "in", 0, 10, gen, err, sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 0), 11);
    sr_offsets_foreach_ready(ot, record, &s);
    CHECK_INT_EQ(s.calls, 1);
    CHECK_STR_EQ(s.topic, "in");
    CHECK_INT_EQ(s.partition, 0);
    CHECK_INT_EQ(s.next, 11);
    /* Nothing moved: not reported again. */
    sr_offsets_foreach_ready(ot, record, &s);
    CHECK_INT_EQ(s.calls, 1);

    for (int64_t o = 11; o < 15; o++) {
        CHECK_INT_EQ(sr_offsets_done(ot, "in", 0, o, gen, err, sizeof(err)),
                     SR_OK);
    }
    CHECK_INT_EQ(sr_offsets_inflight(ot), 0);
    sr_offsets_foreach_ready(ot, record, &s);
    CHECK_INT_EQ(s.calls, 2);
    CHECK_INT_EQ(s.next, 15);
    sr_offsets_destroy(ot);
}

static void test_out_of_order(void)
{
    sr_offsets_t *ot = sr_offsets_new();
    uint64_t gen = 0;

    for (int64_t o = 0; o < 5; o++) {
        sr_offsets_begin(ot, "in", 3, o, &gen, err, sizeof(err));
    }
    /* 3 and 1 finish first: nothing storable, 0 still runs. */
    CHECK_INT_EQ(sr_offsets_done(ot, "in", 3, 3, gen, err, sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(sr_offsets_done(ot, "in", 3, 1, gen, err, sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 3), -1);
    CHECK_INT_EQ(sr_offsets_partition_inflight(ot, "in", 3), 3);
    /* 0 done: the prefix 0,1 is done, 2 is not. */
    sr_offsets_done(ot, "in", 3, 0, gen, err, sizeof(err));
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 3), 2);
    /* 2 done: jumps over 3 (already done) to 4. */
    sr_offsets_done(ot, "in", 3, 2, gen, err, sizeof(err));
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 3), 4);
    sr_offsets_done(ot, "in", 3, 4, gen, err, sizeof(err));
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 3), 5);
    CHECK_INT_EQ(sr_offsets_partition_inflight(ot, "in", 3), 0);
    sr_offsets_destroy(ot);
}

static void test_gaps(void)
{
    /* Offsets with holes (compaction, transaction markers). */
    sr_offsets_t *ot = sr_offsets_new();
    uint64_t gen = 0;
    const int64_t offs[] = {5, 9, 10, 42};

    for (size_t i = 0; i < 4; i++) {
        sr_offsets_begin(ot, "in", 0, offs[i], &gen, err, sizeof(err));
    }
    CHECK_INT_EQ(sr_offsets_done(ot, "in", 0, 6, gen, err, sizeof(err)),
                 SR_ERR_NOT_FOUND);
    sr_offsets_done(ot, "in", 0, 9, gen, err, sizeof(err));
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 0), -1);
    sr_offsets_done(ot, "in", 0, 5, gen, err, sizeof(err));
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 0), 10);
    sr_offsets_done(ot, "in", 0, 42, gen, err, sizeof(err));
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 0), 10);
    sr_offsets_done(ot, "in", 0, 10, gen, err, sizeof(err));
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 0), 43);
    sr_offsets_destroy(ot);
}

static void test_partitions_independent(void)
{
    sr_offsets_t *ot = sr_offsets_new();
    uint64_t g0 = 0, g1 = 0, gx = 0;
    seen_t s = {0};

    sr_offsets_begin(ot, "in", 0, 100, &g0, err, sizeof(err));
    sr_offsets_begin(ot, "in", 1, 7, &g1, err, sizeof(err));
    sr_offsets_begin(ot, "other", 0, 3, &gx, err, sizeof(err));
    CHECK(g0 != g1 && g1 != gx && g0 != gx);
    CHECK_INT_EQ(sr_offsets_inflight(ot), 3);
    /* Same offset number, wrong partition or topic: not found. */
    CHECK_INT_EQ(sr_offsets_done(ot, "in", 1, 100, g1, err, sizeof(err)),
                 SR_ERR_NOT_FOUND);
    CHECK_INT_EQ(sr_offsets_done(ot, "in", 1, 7, g0, err, sizeof(err)),
                 SR_ERR_NOT_FOUND);
    CHECK_INT_EQ(sr_offsets_done(ot, "in", 1, 7, g1, err, sizeof(err)),
                 SR_OK);
    sr_offsets_foreach_ready(ot, record, &s);
    CHECK_INT_EQ(s.calls, 1);
    CHECK_STR_EQ(s.topic, "in");
    CHECK_INT_EQ(s.partition, 1);
    CHECK_INT_EQ(s.next, 8);
    CHECK_INT_EQ(sr_offsets_done(ot, "other", 0, 3, gx, err, sizeof(err)),
                 SR_OK);
    sr_offsets_foreach_ready(ot, record, &s);
    CHECK_INT_EQ(s.calls, 2);
    CHECK_STR_EQ(s.topic, "other");
    CHECK_INT_EQ(s.next, 4);
    CHECK_INT_EQ(sr_offsets_inflight(ot), 1);
    CHECK_INT_EQ(sr_offsets_partition_inflight(ot, "in", 0), 1);
    sr_offsets_destroy(ot);
}

static void test_done_twice_and_unknown(void)
{
    sr_offsets_t *ot = sr_offsets_new();
    uint64_t gen = 0;

    CHECK_INT_EQ(sr_offsets_done(ot, "in", 0, 0, 1, err, sizeof(err)),
                 SR_ERR_NOT_FOUND);
    sr_offsets_begin(ot, "in", 0, 0, &gen, err, sizeof(err));
    sr_offsets_begin(ot, "in", 0, 1, &gen, err, sizeof(err));
    CHECK_INT_EQ(sr_offsets_done(ot, "in", 0, 1, gen, err, sizeof(err)),
                 SR_OK);
    /* Done twice (not at the head yet, then popped). */
    CHECK_INT_EQ(sr_offsets_done(ot, "in", 0, 1, gen, err, sizeof(err)),
                 SR_ERR_NOT_FOUND);
    CHECK_INT_EQ(sr_offsets_inflight(ot), 1);
    sr_offsets_done(ot, "in", 0, 0, gen, err, sizeof(err));
    CHECK_INT_EQ(sr_offsets_done(ot, "in", 0, 0, gen, err, sizeof(err)),
                 SR_ERR_NOT_FOUND);
    CHECK_INT_EQ(sr_offsets_inflight(ot), 0);
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 0), 2);
    CHECK(strstr(err, "not in flight") != NULL);
    sr_offsets_destroy(ot);
}

static void test_begin_must_grow(void)
{
    sr_offsets_t *ot = sr_offsets_new();
    uint64_t gen = 0;

    CHECK_INT_EQ(sr_offsets_begin(ot, "in", 0, 5, &gen, err, sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(sr_offsets_begin(ot, "in", 0, 5, &gen, err, sizeof(err)),
                 SR_ERR_INVALID);
    CHECK_INT_EQ(sr_offsets_begin(ot, "in", 0, 4, &gen, err, sizeof(err)),
                 SR_ERR_INVALID);
    CHECK_INT_EQ(sr_offsets_begin(ot, "in", 0, -1, &gen, err, sizeof(err)),
                 SR_ERR_INVALID);
    CHECK(strstr(err, "not above") != NULL);
    CHECK_INT_EQ(sr_offsets_inflight(ot), 1);
    /* Even after everything is done, the order still holds. */
    sr_offsets_done(ot, "in", 0, 5, gen, err, sizeof(err));
    CHECK_INT_EQ(sr_offsets_begin(ot, "in", 0, 5, &gen, err, sizeof(err)),
                 SR_ERR_INVALID);
    CHECK_INT_EQ(sr_offsets_begin(ot, "in", 0, 6, &gen, err, sizeof(err)),
                 SR_OK);
    sr_offsets_destroy(ot);
}

static void test_revoke_and_reassign(void)
{
    sr_offsets_t *ot = sr_offsets_new();
    uint64_t old_gen = 0, new_gen = 0, g1 = 0;
    seen_t s = {0};

    sr_offsets_assign(ot, "in", 0);
    sr_offsets_begin(ot, "in", 0, 10, &old_gen, err, sizeof(err));
    sr_offsets_begin(ot, "in", 0, 11, &old_gen, err, sizeof(err));
    sr_offsets_begin(ot, "in", 1, 3, &g1, err, sizeof(err));
    CHECK_INT_EQ(sr_offsets_inflight(ot), 3);

    sr_offsets_revoke(ot, "in", 0);
    CHECK_INT_EQ(sr_offsets_inflight(ot), 1);
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 0), -1);
    /* Work begun before the revoke finishes late: ignored. */
    CHECK_INT_EQ(sr_offsets_done(ot, "in", 0, 10, old_gen, err, sizeof(err)),
                 SR_ERR_NOT_FOUND);

    /* The partition comes back and the same offsets are replayed: the
     * late completion of the old copy must not count for the new one. */
    new_gen = sr_offsets_assign(ot, "in", 0);
    CHECK(new_gen != old_gen);
    uint64_t g = 0;
    sr_offsets_begin(ot, "in", 0, 10, &g, err, sizeof(err));
    CHECK(g == new_gen);
    CHECK_INT_EQ(sr_offsets_done(ot, "in", 0, 10, old_gen, err, sizeof(err)),
                 SR_ERR_NOT_FOUND);
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 0), -1);
    CHECK_INT_EQ(sr_offsets_done(ot, "in", 0, 10, new_gen, err, sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 0), 11);
    sr_offsets_foreach_ready(ot, record, &s);
    CHECK_INT_EQ(s.calls, 1);
    CHECK_INT_EQ(s.next, 11);

    /* Reassigning a tracked partition also starts over. */
    sr_offsets_begin(ot, "in", 0, 11, &g, err, sizeof(err));
    uint64_t again = sr_offsets_assign(ot, "in", 0);
    CHECK(again != new_gen);
    CHECK_INT_EQ(sr_offsets_partition_inflight(ot, "in", 0), 0);
    CHECK_INT_EQ(sr_offsets_inflight(ot), 1);

    sr_offsets_revoke(ot, "nope", 9); /* not tracked: no-op */
    sr_offsets_revoke_all(ot);
    CHECK_INT_EQ(sr_offsets_inflight(ot), 0);
    CHECK_INT_EQ(sr_offsets_done(ot, "in", 1, 3, g1, err, sizeof(err)),
                 SR_ERR_NOT_FOUND);
    sr_offsets_destroy(ot);
}

static void test_callback_failure_retries(void)
{
    sr_offsets_t *ot = sr_offsets_new();
    uint64_t gen = 0;
    seen_t s = {0};

    sr_offsets_begin(ot, "in", 0, 0, &gen, err, sizeof(err));
    sr_offsets_done(ot, "in", 0, 0, gen, err, sizeof(err));
    s.fail_first = 1;
    CHECK_INT_EQ(sr_offsets_foreach_ready(ot, record, &s), 7);
    CHECK_INT_EQ(s.calls, 0);
    /* Not marked reported: comes again. */
    CHECK_INT_EQ(sr_offsets_foreach_ready(ot, record, &s), 0);
    CHECK_INT_EQ(s.calls, 1);
    CHECK_INT_EQ(s.next, 1);
    sr_offsets_destroy(ot);
}

/* Many offsets finished in random order against a simple model: after
 * every completion the storable offset is the first not-done offset. */
static void test_random_against_model(void)
{
    enum { N = 5000, WINDOW = 300 };
    sr_offsets_t *ot = sr_offsets_new();
    static int done[N];
    int64_t offsets[N];
    uint64_t gen = 0;
    int begun = 0, finished = 0, mismatches = 0;
    unsigned seed = 12345;

    memset(done, 0, sizeof(done));
    for (int i = 0; i < N; i++) {
        offsets[i] = (int64_t)i * 3 + (i % 7 == 0); /* irregular gaps */
    }
    while (finished < N) {
        /* Keep up to WINDOW in flight, finish a random one. */
        while (begun < N && begun - finished < WINDOW) {
            if (sr_offsets_begin(ot, "in", 2, offsets[begun], &gen, err,
                                 sizeof(err)) != SR_OK) {
                mismatches++;
            }
            begun++;
        }
        seed = seed * 1103515245u + 12345u;
        int pick = (int)((seed >> 8) % (unsigned)begun);
        while (done[pick]) {
            pick = (pick + 1) % begun;
        }
        if (sr_offsets_done(ot, "in", 2, offsets[pick], gen, err,
                            sizeof(err)) != SR_OK) {
            mismatches++;
        }
        done[pick] = 1;
        finished++;

        int first = 0;
        while (first < N && done[first]) {
            first++;
        }
        int64_t want = first == 0 ? -1 : offsets[first - 1] + 1;
        if (sr_offsets_next(ot, "in", 2) != want) {
            mismatches++;
        }
        if ((int)sr_offsets_inflight(ot) != begun - finished) {
            mismatches++;
        }
    }
    CHECK_INT_EQ(mismatches, 0);
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 2), offsets[N - 1] + 1);
    sr_offsets_destroy(ot);
}

/* A long-lived partition whose oldest offset stays in flight while
 * thousands pass: the window grows, and shrinks back once it is done. */
static void test_stuck_head(void)
{
    sr_offsets_t *ot = sr_offsets_new();
    uint64_t gen = 0;
    int bad = 0;

    sr_offsets_begin(ot, "in", 0, 0, &gen, err, sizeof(err));
    for (int64_t o = 1; o <= 20000; o++) {
        bad += sr_offsets_begin(ot, "in", 0, o, &gen, err, sizeof(err)) !=
               SR_OK;
        bad += sr_offsets_done(ot, "in", 0, o, gen, err, sizeof(err)) !=
               SR_OK;
    }
    CHECK_INT_EQ(bad, 0);
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 0), -1);
    CHECK_INT_EQ(sr_offsets_inflight(ot), 1);
    sr_offsets_done(ot, "in", 0, 0, gen, err, sizeof(err));
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 0), 20001);
    /* Steady state afterwards: begin/done pairs keep working. */
    for (int64_t o = 20001; o <= 30000; o++) {
        bad += sr_offsets_begin(ot, "in", 0, o, &gen, err, sizeof(err)) !=
               SR_OK;
        if (o % 2 == 0) {
            bad += sr_offsets_done(ot, "in", 0, o - 1, gen, err,
                                   sizeof(err)) != SR_OK;
            bad += sr_offsets_done(ot, "in", 0, o, gen, err, sizeof(err)) !=
                   SR_OK;
        }
    }
    CHECK_INT_EQ(bad, 0);
    CHECK_INT_EQ(sr_offsets_next(ot, "in", 0), 30001);
    sr_offsets_destroy(ot);
}

/* Rewind points of an aborted batch: the first offset begun per partition
 * since the last checkpoint; partitions untouched since are not listed. */
static void test_rewind_points(void)
{
    sr_offsets_t *ot = sr_offsets_new();
    uint64_t gen = 0;
    seen_t s = {0};

    CHECK_INT_EQ(sr_offsets_foreach_rewind(ot, record, &s), 0);
    CHECK_INT_EQ(s.calls, 0);
    for (int64_t o = 5; o < 8; o++) {
        sr_offsets_begin(ot, "in", 1, o, &gen, err, sizeof(err));
        sr_offsets_done(ot, "in", 1, o, gen, err, sizeof(err));
    }
    sr_offsets_begin(ot, "in", 2, 40, &gen, err, sizeof(err));
    sr_offsets_foreach_rewind(ot, record, &s);
    CHECK_INT_EQ(s.calls, 2);
    sr_offsets_checkpoint(ot);
    s.calls = 0;
    sr_offsets_foreach_rewind(ot, record, &s);
    CHECK_INT_EQ(s.calls, 0);
    /* Offsets 8 and 9 (gap at 10: a transaction marker) after it. */
    sr_offsets_begin(ot, "in", 1, 8, &gen, err, sizeof(err));
    sr_offsets_begin(ot, "in", 1, 11, &gen, err, sizeof(err));
    sr_offsets_foreach_rewind(ot, record, &s);
    CHECK_INT_EQ(s.calls, 1);
    CHECK_INT_EQ(s.partition, 1);
    CHECK_INT_EQ(s.next, 8);
    /* A stopping callback stops the walk. */
    s.fail_first = 1;
    CHECK_INT_EQ(sr_offsets_foreach_rewind(ot, record, &s), 7);
    /* Reassignment forgets the rewind point with the rest. */
    sr_offsets_assign(ot, "in", 1);
    s.calls = 0;
    sr_offsets_foreach_rewind(ot, record, &s);
    CHECK_INT_EQ(s.calls, 0);
    sr_offsets_destroy(ot);
}

TEST_LIST = {
    {"rewind_points", test_rewind_points},
    {"in_order", test_in_order},
    {"out_of_order", test_out_of_order},
    {"gaps", test_gaps},
    {"partitions_independent", test_partitions_independent},
    {"done_twice_and_unknown", test_done_twice_and_unknown},
    {"begin_must_grow", test_begin_must_grow},
    {"revoke_and_reassign", test_revoke_and_reassign},
    {"callback_failure_retries", test_callback_failure_retries},
    {"random_against_model", test_random_against_model},
    {"stuck_head", test_stuck_head},
    {NULL, NULL},
};
