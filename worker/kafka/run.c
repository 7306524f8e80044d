/* run.c - consume -> pipeline -> geocode -> encode -> produce, in one loop.
 *
 * Every consumed message becomes an article_t that lives until its
 * outcome is delivered: the incidents' delivery reports, or the
 * dead-letter record's. The article keeps the consumed message (the
 * dead-letter record references its bytes) and is what every callback -
 * geocoder answer, delivery report - points at. Its offset is marked done
 * in the tracker when it is freed, and ready offsets are stored after
 * every loop turn.
 *
 * When a partition is revoked, its in-flight articles are orphaned: they
 * stay alive until callbacks that point at them have run, but produce
 * nothing more and store nothing (the partition's next owner replays
 * them).
 *
 * processing.guarantee=exactly_once: every article is consumed inside an
 * open transaction of the transactional producer, and its incidents or
 * dead letter are produced in it. After transaction.interval.ms (or
 * transaction.max.articles) the worker stops starting articles until
 * every article in flight is delivered (what it consumes meanwhile is
 * held for the next transaction: pausing the partitions would cost a
 * refetch); then the offsets after them go into the transaction
 * (send_offsets_to_transaction with the consumer's group metadata, which
 * fences a zombie of an older generation) and it commits. Committing
 * only with nothing in flight keeps output and offsets in step although
 * articles finish out of order. An abortable error orphans what is in
 * flight, aborts, and seeks each partition back to the first offset the
 * transaction consumed; a revoke commits (or aborts) before the
 * partitions go; a fenced or fatal producer stops the worker (exit 1).
 * A permanent delivery failure (a record too large for the broker) is
 * remembered by offset, so that the replay dead-letters the article (or
 * sends its dead letter without the value) instead of failing again.
 *
 * The broker refuses a whole batch when one record in it is over the
 * topic's max.message.bytes, so a refusal as too large convicts a record
 * only when it was produced alone. at_least_once produces the refused
 * records of an article again at once, alone (nothing else is produced
 * meanwhile); refused again, the article is dead-lettered (stage
 * produce), or its dead letter is sent without the value. The innocent
 * neighbours of the culprit are delivered.
 */
#include "run.h"

#include <errno.h>
#include <librdkafka/rdkafka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "dlq.h"
#include "gazetteer.h"
#include "geocoder.h"
#include "incident_avro.h"
#include "kconf.h"
#include "log.h"
#include "metrics.h"
#include "offsets.h"
#include "opsserver.h"
#include "pipeline.h"
#include "registry_conf.h"
#include "xmalloc.h"

#define FAC "KAFKA"
#define HDR_ARTICLE_ID "sitrep-article-id"
#define HDR_EXTRACTOR_VERSION "sitrep-extractor-version"
/* More than this on revoke and the rest is left to the next owner. */
#define REVOKE_DRAIN_MAX_MS 10000
/* Messages handled per loop turn before the producer is served again. */
#define BATCH_MAX 256
/* After shutdown.timeout.ms, this long for close() before the watchdog. */
#define CLOSE_GRACE_MS 15000
/* Longest poll wait of the loop; /healthz allows a few of them, but never
 * less than ALIVE_MIN_MS (a flush or a rebalance can hold a turn). */
#define POLL_MAX_MS 100
#define ALIVE_MIN_MS 10000
/* exactly_once: aborts in a row (no commit between) before the worker
 * gives up and leaves the restart to its supervisor. */
#define TXN_ABORTS_MAX 5
/* Retries of a transactional call that reports a retriable error. */
#define TXN_RETRIES 10
/* Replay instructions kept for records the broker refused. */
#define HINTS_MAX 1024

typedef struct run_s run_t;
typedef struct article_s article_t;

typedef struct geo_req_s {
    article_t *art;
    size_t index; /* incident */
} geo_req_t;

struct article_s {
    run_t *run;
    rd_kafka_message_t *rkm;
    uint64_t gen;
    int64_t consumed_ms; /* monotonic */
    int tracked;  /* its offset is in the tracker */
    int orphaned; /* its partition was revoked */
    sr_incident_list_t incidents;
    geo_req_t *geo;
    size_t geo_pending;
    sr_buf_t *frames; /* encoded incidents, until produced */
    size_t next_produce;
    size_t dr_pending;
    int produce_failed;
    char produce_error[256];
    /* Dead-lettering: once set, only the DLQ record is outstanding. */
    int dlq_wanted, dlq_sent;
    int dlq_omit_value; /* the broker refused it whole: resend without */
    const char *dlq_stage;
    char *dlq_reason;
    int blocked; /* in the queue-full retry list */
    /* Its records were in a batch the broker refused as too large, so
     * they are produced again alone (see may_produce): exactly_once on
     * the replay, at_least_once at once, only the refused incidents
     * (redo[i] set; NULL: every incident). */
    int suspect, alone;
    unsigned char *redo;
    int redoing; /* producing the redo[] incidents alone */
    article_t *prev, *next;          /* in-flight list */
    article_t *blocked_next;         /* retry list */
};

/* What the replay of one input message must do differently after a
 * transaction was aborted because of its output. */
typedef struct hint_s {
    char *topic;
    int32_t partition;
    int64_t offset;
    char *produce_error; /* non-NULL: dead-letter it (stage produce) */
    int dlq_omit_value;  /* its dead letter goes without the value */
    int suspect;         /* produce it alone, to learn whether it is */
} hint_t;

struct run_s {
    const sr_config_t *cfg;
    rd_kafka_t *consumer, *producer;
    sr_gazetteer_t *gz;
    sr_pipeline_t *pl;
    sr_geocoder_t *gc;
    sr_avro_codec_t *codec;
    sr_offsets_t *offsets;
    char dlq_topic[256];
    const char *dlq;
    char worker_id[128];
    size_t max_dlq_value;
    size_t max_message; /* cap on one encoded incident */
    int confluent;      /* Confluent wire format with schema_id */
    int32_t schema_id;
    size_t high, low; /* in-flight watermarks */

    article_t *head; /* in-flight articles */
    size_t inflight;
    article_t *blocked_head, *blocked_tail;
    int paused;
    int stopping;
    volatile int fatal;
    char fatal_reason[1280];

    sr_metrics_t *metrics;
    sr_opsserver_t *ops;
    size_t assigned; /* partitions */

    /* processing.guarantee=exactly_once */
    int eos;
    char txn_id[512];
    int txn_open;       /* begun; every live article belongs to it */
    int draining;       /* committing: fetching paused until none live */
    int64_t txn_started_ms, txn_timeout_ms;
    size_t txn_articles;
    /* transaction.max.articles, but at most half of max.inflight.articles:
     * a transaction (or what is held during its commit) never fills the
     * in-flight limit, whose backpressure pause costs a refetch. */
    size_t txn_max;
    char txn_abort[1024]; /* non-empty: abort the open transaction */
    unsigned consecutive_aborts;
    hint_t *hints;
    size_t nhints, hints_cap;
    article_t *alone; /* a suspect owns the producer (see may_produce) */
    /* Consumed while a commit waits: they belong to the next transaction.
     * At most txn_max; then the consumer is not polled. */
    rd_kafka_message_t **held;
    size_t nheld, held_cap;

    /* Counters for the logs. */
    unsigned long long consumed, produced, dead_lettered, articles_done;
    unsigned long long dropped_at_stop, pauses;
    unsigned long long txn_commits, txn_aborts;
};

static int64_t now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t wall_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const char *art_topic(const article_t *art)
{
    return rd_kafka_topic_name(art->rkm->rkt);
}

static void set_fatal(run_t *run, const char *fmt, const char *detail)
{
    if (!run->fatal) {
        snprintf(run->fatal_reason, sizeof(run->fatal_reason), fmt, detail);
        run->fatal = 1;
        sr_metrics_set_fatal(run->metrics, run->fatal_reason);
    }
}

static int is_fenced(rd_kafka_resp_err_t err)
{
    return err == RD_KAFKA_RESP_ERR__FENCED ||
           err == RD_KAFKA_RESP_ERR_PRODUCER_FENCED ||
           err == RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH;
}

/* ---- librdkafka callbacks ------------------------------------------ */

static void log_cb(const rd_kafka_t *rk, int level, const char *fac,
                   const char *buf)
{
    sr_log_level_t lv = level <= 3   ? SR_LOG_ERROR
                        : level <= 4 ? SR_LOG_WARN
                        : level <= 6 ? SR_LOG_INFO
                                     : SR_LOG_DEBUG;
    SR_LOG(lv, "RDKAFKA", "%s: %s: %s", rd_kafka_name(rk), fac, buf);
}

static void error_cb(rd_kafka_t *rk, int err, const char *reason,
                     void *opaque)
{
    run_t *run = opaque;

    if (err == RD_KAFKA_RESP_ERR__FATAL) {
        char why[512];

        if (is_fenced(rd_kafka_fatal_error(rk, why, sizeof(why)))) {
            SR_LOG(SR_LOG_ERROR, FAC, "producer fenced: transactional.id "
                   "%s is used by a newer producer (another worker with "
                   "the same worker.id, or this worker's replacement)",
                   run->txn_id);
        }
        SR_LOG(SR_LOG_ERROR, FAC, "fatal error from %s: %s",
               rd_kafka_name(rk), why);
        set_fatal(run, "librdkafka fatal error: %s", why);
        return;
    }
    SR_LOG(SR_LOG_WARN, FAC, "%s: %s: %s", rd_kafka_name(rk),
           rd_kafka_err2name((rd_kafka_resp_err_t)err), reason);
}

/* Runs on the loop thread (from the poll of the client that reports). */
static int stats_cb(rd_kafka_t *rk, char *json, size_t json_len,
                    void *opaque)
{
    run_t *run = opaque;
    sr_stats_t st;
    char err[256];

    if (sr_stats_parse(json, json_len, &st, err, sizeof(err)) != SR_OK) {
        sr_metrics_add(run->metrics, SR_M_STATS_ERRORS, 1);
        SR_LOG(SR_LOG_DEBUG, FAC, "%s: %s", rd_kafka_name(rk), err);
        return 0;
    }
    sr_metrics_publish_stats(run->metrics, &st);
    sr_stats_clear(&st);
    return 0; /* librdkafka frees json */
}

/* ---- exactly-once transactions --------------------------------------- */

static void hints_clear(run_t *run)
{
    for (size_t i = 0; i < run->nhints; i++) {
        free(run->hints[i].topic);
        free(run->hints[i].produce_error);
    }
    run->nhints = 0;
}

static hint_t *hint_find(run_t *run, const char *topic, int32_t partition,
                         int64_t offset)
{
    for (size_t i = 0; i < run->nhints; i++) {
        hint_t *h = &run->hints[i];

        if (h->offset == offset && h->partition == partition &&
            strcmp(h->topic, topic) == 0) {
            return h;
        }
    }
    return NULL;
}

/* Remembers how the replay of art must differ. Past HINTS_MAX the oldest
 * is forgotten: its replay fails again, and TXN_ABORTS_MAX ends that. */
static void hint_add(run_t *run, const article_t *art,
                     const char *produce_error, int dlq_omit_value,
                     int suspect)
{
    hint_t *h = hint_find(run, art_topic(art), art->rkm->partition,
                          art->rkm->offset);

    if (h == NULL) {
        if (run->nhints == HINTS_MAX) {
            free(run->hints[0].topic);
            free(run->hints[0].produce_error);
            memmove(run->hints, run->hints + 1,
                    (run->nhints - 1) * sizeof(hint_t));
            run->nhints--;
        }
        sr_xgrow((void **)&run->hints, &run->hints_cap, run->nhints + 1,
                 sizeof(hint_t));
        h = &run->hints[run->nhints++];
        memset(h, 0, sizeof(*h));
        h->topic = sr_xstrdup(art_topic(art));
        h->partition = art->rkm->partition;
        h->offset = art->rkm->offset;
    }
    if (produce_error != NULL && h->produce_error == NULL) {
        h->produce_error = sr_xstrdup(produce_error);
    }
    h->dlq_omit_value |= dlq_omit_value;
    h->suspect |= suspect;
}

/* After a commit: hints of offsets it covered are spent. */
static void hints_prune(run_t *run)
{
    size_t kept = 0;

    for (size_t i = 0; i < run->nhints; i++) {
        hint_t *h = &run->hints[i];
        int64_t next = sr_offsets_next(run->offsets, h->topic, h->partition);

        if (next >= 0 && h->offset < next) {
            free(h->topic);
            free(h->produce_error);
        } else {
            run->hints[kept++] = *h;
        }
    }
    run->nhints = kept;
}

/* Articles not orphaned: those the open transaction must deliver. */
static size_t live_inflight(const run_t *run)
{
    size_t n = 0;

    for (const article_t *a = run->head; a != NULL; a = a->next) {
        n += !a->orphaned;
    }
    return n;
}

/* The open transaction cannot commit: what is in flight produces nothing
 * more, and the loop aborts and rewinds on its next turn. */
static void txn_fail(run_t *run, const char *reason)
{
    if (run->txn_abort[0] == '\0') {
        snprintf(run->txn_abort, sizeof(run->txn_abort), "%s", reason);
    }
    for (article_t *a = run->head; a != NULL; a = a->next) {
        a->orphaned = 1;
    }
}

/* Sorts out the error of a transactional call (and destroys it): fatal
 * (fenced included) stops the worker, abortable fails the transaction.
 * Anything else is taken as fatal, as librdkafka's documentation
 * advises. */
static void txn_error(run_t *run, const char *what, rd_kafka_error_t *e)
{
    char reason[768];

    snprintf(reason, sizeof(reason), "%s: %s", what,
             rd_kafka_error_string(e));
    if (is_fenced(rd_kafka_error_code(e))) {
        SR_LOG(SR_LOG_ERROR, FAC, "producer fenced: transactional.id %s is "
               "used by a newer producer (another worker with the same "
               "worker.id, or this worker's replacement); %s",
               run->txn_id, reason);
        set_fatal(run, "fenced: %s", reason);
    } else if (rd_kafka_error_txn_requires_abort(e) &&
               !rd_kafka_error_is_fatal(e)) {
        SR_LOG(SR_LOG_WARN, FAC, "transaction must be aborted: %s", reason);
        txn_fail(run, reason);
    } else {
        SR_LOG(SR_LOG_ERROR, FAC, "transactional producer: %s", reason);
        set_fatal(run, "transactional producer: %s", reason);
    }
    rd_kafka_error_destroy(e);
}

/* Opens the transaction the next article belongs to. 0 when the producer
 * cannot (the worker then stops). */
static int txn_ensure(run_t *run)
{
    rd_kafka_error_t *e;

    if (run->txn_open) {
        return 1;
    }
    e = rd_kafka_begin_transaction(run->producer);
    if (e != NULL) {
        txn_error(run, "begin_transaction", e);
        return 0;
    }
    run->txn_open = 1;
    run->txn_started_ms = now_ms();
    run->txn_articles = 0;
    return 1;
}

/* A record of art's output or dead letter was not delivered: the
 * transaction is lost. The broker refuses a whole batch when one record
 * is over the topic's max.message.bytes, so a refusal names the guilty
 * record only when art was produced alone: then the replay dead-letters
 * the article (or sends its dead letter without the value) instead of
 * failing again. Otherwise art becomes a suspect, produced alone on
 * replay. */
static void txn_delivery_failed(article_t *art, rd_kafka_resp_err_t err)
{
    run_t *run = art->run;
    char reason[512];

    snprintf(reason, sizeof(reason), "%s [%d] @%lld: delivery to %s failed: "
             "%s", art_topic(art), (int)art->rkm->partition,
             (long long)art->rkm->offset,
             art->dlq_sent ? run->dlq : run->cfg->output_topic,
             rd_kafka_err2str(err));
    if (err == RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE && !art->alone) {
        hint_add(run, art, NULL, 0, 1);
    } else if (err == RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE) {
        char why[300];

        snprintf(why, sizeof(why), "delivery to %s failed: %s",
                 run->cfg->output_topic, rd_kafka_err2str(err));
        hint_add(run, art, art->dlq_sent ? NULL : why, art->dlq_sent, 0);
        /* Progress: this abort does not count towards giving up. */
        run->consecutive_aborts = 0;
    }
    SR_LOG(SR_LOG_WARN, FAC, "%s; aborting the transaction", reason);
    txn_fail(run, reason);
}

/* Whether art may produce now. A suspect waits until nothing else is
 * queued, then owns the producer until it is finished, producing one
 * record at a time (see produce_pending); everyone else waits meanwhile
 * (on the blocked list, like a full queue). */
static int may_produce(run_t *run, article_t *art)
{
    if (art->suspect && run->alone == NULL) {
        run->alone = art;
    }
    if (run->alone == NULL) {
        return 1;
    }
    if (run->alone != art) {
        return 0;
    }
    if (!art->alone && rd_kafka_outq_len(run->producer) > 0) {
        return 0;
    }
    art->alone = 1;
    return 1;
}

static int add_rewind(const char *topic, int32_t partition, int64_t first,
                      void *opaque)
{
    rd_kafka_topic_partition_list_add(opaque, topic, partition)->offset =
        first;
    return 0;
}

/* Commits or aborts with the remaining transaction time (-1, as
 * librdkafka advises), again while it reports a retriable error: both
 * calls resume where the last one stopped. */
static rd_kafka_error_t *txn_call(rd_kafka_error_t *(*fn)(rd_kafka_t *, int),
                                  rd_kafka_t *producer)
{
    rd_kafka_error_t *e;

    for (int i = 1;; i++) {
        e = fn(producer, -1);
        if (e == NULL || !rd_kafka_error_is_retriable(e) ||
            i == TXN_RETRIES) {
            return e;
        }
        rd_kafka_error_destroy(e);
    }
}

/* Drops the held messages of the partitions in parts (all when NULL):
 * they were never begun, so whoever reads the partition next (this
 * worker after a seek, or the next owner) reads them again. */
static void held_drop(run_t *run,
                      const rd_kafka_topic_partition_list_t *parts)
{
    size_t kept = 0;

    for (size_t i = 0; i < run->nheld; i++) {
        rd_kafka_message_t *m = run->held[i];
        int drop = parts == NULL;

        for (int j = 0; parts != NULL && j < parts->cnt && !drop; j++) {
            drop = parts->elems[j].partition == m->partition &&
                   strcmp(parts->elems[j].topic,
                          rd_kafka_topic_name(m->rkt)) == 0;
        }
        if (drop) {
            rd_kafka_message_destroy(m);
        } else {
            run->held[kept++] = m;
        }
    }
    run->nheld = kept;
}

/* Aborts the open transaction (if any). With rewind, every partition the
 * transaction consumed from is read again from its first offset in it;
 * without (the partitions are being revoked) the next owner starts from
 * the committed offsets anyway. */
static void txn_abort_now(run_t *run, int rewind)
{
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(4);
    rd_kafka_error_t *e = NULL;
    char reason[1024];

    snprintf(reason, sizeof(reason), "%s",
             run->txn_abort[0] ? run->txn_abort : "abandoned");
    txn_fail(run, reason);
    if (run->txn_open && !run->fatal) {
        e = txn_call(rd_kafka_abort_transaction, run->producer);
        if (e != NULL) {
            txn_error(run, "abort_transaction", e);
        }
        run->txn_aborts++;
        sr_metrics_add(run->metrics, SR_M_TXN_ABORTED, 1);
        run->consecutive_aborts++;
    }
    run->txn_open = 0;
    run->draining = 0;
    run->txn_abort[0] = '\0';
    if (rewind) {
        sr_offsets_foreach_rewind(run->offsets, add_rewind, l);
    }
    sr_offsets_revoke_all(run->offsets);
    if (run->fatal) {
        goto out;
    }
    SR_LOG(SR_LOG_WARN, FAC, "transaction aborted (%s); %d partition(s) "
           "rewound to read its articles again", reason, l->cnt);
    if (run->consecutive_aborts >= TXN_ABORTS_MAX) {
        set_fatal(run, "transactions keep failing; last: %s", reason);
        goto out;
    }
    held_drop(run, l);
    if (l->cnt > 0) {
        for (int i = 0; i < l->cnt; i++) {
            SR_LOG(SR_LOG_INFO, FAC, "rewinding %s [%d] to offset %lld",
                   l->elems[i].topic, (int)l->elems[i].partition,
                   (long long)l->elems[i].offset);
        }
        /* -1: librdkafka 2.0 turns a finite timeout into microseconds. */
        e = rd_kafka_seek_partitions(run->consumer, l, -1);
        if (e != NULL) {
            set_fatal(run, "cannot rewind after an abort: %s",
                      rd_kafka_error_string(e));
            rd_kafka_error_destroy(e);
            goto out;
        }
        for (int i = 0; i < l->cnt; i++) {
            if (l->elems[i].err != RD_KAFKA_RESP_ERR_NO_ERROR) {
                set_fatal(run, "cannot rewind after an abort: %s",
                          rd_kafka_err2str(l->elems[i].err));
                goto out;
            }
        }
    }

out:
    rd_kafka_topic_partition_list_destroy(l);
}

static int add_ready(const char *topic, int32_t partition, int64_t next,
                     void *opaque);

/* Sends the offsets after every finished article and commits. Nothing
 * may be live (in flight and not orphaned): what the transaction
 * produced and the offsets it commits must cover the same articles. 0 on
 * success; otherwise the transaction is failed (or the worker fatal). */
static int txn_commit(run_t *run)
{
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(4);
    rd_kafka_consumer_group_metadata_t *cgmd = NULL;
    rd_kafka_error_t *e = NULL;
    int64_t t0 = now_ms();
    const char *what = "send_offsets_to_transaction";
    int parts;

    sr_offsets_foreach_ready(run->offsets, add_ready, l);
    parts = l->cnt;
    if (l->cnt > 0) {
        cgmd = rd_kafka_consumer_group_metadata(run->consumer);
        /* Retried with the same offsets and metadata, as the API asks. */
        for (int i = 1;; i++) {
            e = rd_kafka_send_offsets_to_transaction(run->producer, l, cgmd,
                                                     -1);
            if (e == NULL || !rd_kafka_error_is_retriable(e) ||
                i == TXN_RETRIES) {
                break;
            }
            rd_kafka_error_destroy(e);
        }
    }
    if (e == NULL) {
        what = "commit_transaction";
        e = txn_call(rd_kafka_commit_transaction, run->producer);
    }
    if (cgmd != NULL) {
        rd_kafka_consumer_group_metadata_destroy(cgmd);
    }
    rd_kafka_topic_partition_list_destroy(l);
    if (e != NULL) {
        txn_error(run, what, e);
        return -1;
    }
    SR_LOG(SR_LOG_DEBUG, FAC, "transaction committed: %zu article(s), "
           "offsets of %d partition(s), %lld ms after it began (commit "
           "%lld ms)", run->txn_articles, parts,
           (long long)(now_ms() - run->txn_started_ms),
           (long long)(now_ms() - t0));
    run->txn_open = 0;
    run->draining = 0;
    run->txn_commits++;
    sr_metrics_add(run->metrics, SR_M_TXN_COMMITTED, 1);
    run->consecutive_aborts = 0;
    hints_prune(run);
    sr_offsets_checkpoint(run->offsets);
    return 0;
}

/* Once a loop turn: abort what failed, and commit when due. */
static void txn_turn(run_t *run)
{
    const sr_config_t *cfg = run->cfg;
    int64_t now = now_ms();

    if (run->txn_abort[0] != '\0') {
        txn_abort_now(run, 1);
        return;
    }
    if (!run->txn_open || run->stopping) {
        return; /* at a stop, shutdown_clients commits */
    }
    if (!run->draining &&
        (now - run->txn_started_ms >= cfg->transaction_interval_ms ||
         run->txn_articles >= run->txn_max)) {
        run->draining = 1;
        SR_LOG(SR_LOG_DEBUG, FAC, "committing a transaction: waiting for "
               "%zu article(s) in flight", live_inflight(run));
    }
    if (!run->draining) {
        return;
    }
    if (live_inflight(run) == 0) {
        txn_commit(run);
    } else if (now - run->txn_started_ms > run->txn_timeout_ms * 3 / 4) {
        char reason[256];

        snprintf(reason, sizeof(reason), "%zu article(s) still in flight "
                 "after %lld ms, close to transaction.timeout.ms",
                 live_inflight(run), (long long)(now - run->txn_started_ms));
        txn_fail(run, reason);
    }
}

/* Before partitions go: commit what is finished, or abort. */
static void txn_on_revoke(run_t *run, int lost)
{
    if (run->txn_open && !lost && !run->fatal &&
        run->txn_abort[0] == '\0' && live_inflight(run) == 0) {
        txn_commit(run);
    }
    if (run->txn_open || run->txn_abort[0] != '\0') {
        if (run->txn_abort[0] == '\0') {
            snprintf(run->txn_abort, sizeof(run->txn_abort), "%s",
                     lost ? "partitions lost" :
                            "partitions revoked with articles unfinished");
        }
        if (!run->fatal) {
            txn_abort_now(run, 0);
        }
    }
    hints_clear(run);
}

/* Registers the transactional.id with the broker, which aborts what an
 * earlier producer with the same id left open and fences it. */
static int txn_init(run_t *run, volatile sig_atomic_t *stop, char *err,
                    size_t err_size)
{
    for (;;) {
        rd_kafka_error_t *e = rd_kafka_init_transactions(run->producer,
                                                         30000);

        if (e == NULL) {
            return SR_EXIT_OK;
        }
        if (!rd_kafka_error_is_retriable(e) || *stop) {
            sr_errstr_set(err, err_size, "init_transactions (transactional."
                          "id %s): %s", run->txn_id,
                          rd_kafka_error_string(e));
            rd_kafka_error_destroy(e);
            return *stop ? SR_EXIT_OK : SR_EXIT_FATAL;
        }
        SR_LOG(SR_LOG_WARN, FAC, "init_transactions: %s; retrying",
               rd_kafka_error_string(e));
        rd_kafka_error_destroy(e);
        sr_metrics_heartbeat(run->metrics, now_ms());
    }
}

/* ---- articles -------------------------------------------------------- */

static void free_frames(article_t *art)
{
    size_t n = art->incidents.count;

    if (art->frames == NULL) {
        return;
    }
    for (size_t i = 0; i < n; i++) {
        sr_buf_clear(&art->frames[i]);
    }
    free(art->frames);
    art->frames = NULL;
}

static void unblock(run_t *run, article_t *art)
{
    article_t **pp = &run->blocked_head;

    if (!art->blocked) {
        return;
    }
    while (*pp != art) {
        pp = &(*pp)->blocked_next;
    }
    *pp = art->blocked_next;
    if (run->blocked_tail == art) {
        run->blocked_tail = NULL;
        for (article_t *a = run->blocked_head; a != NULL;
             a = a->blocked_next) {
            run->blocked_tail = a;
        }
    }
    art->blocked = 0;
    art->blocked_next = NULL;
}

static void block(run_t *run, article_t *art)
{
    if (art->blocked) {
        return;
    }
    art->blocked = 1;
    art->blocked_next = NULL;
    if (run->blocked_tail != NULL) {
        run->blocked_tail->blocked_next = art;
    } else {
        run->blocked_head = art;
    }
    run->blocked_tail = art;
}

/* The article's outcome is delivered (or it was orphaned): release it
 * and let its offset count. */
static void finish(article_t *art)
{
    run_t *run = art->run;
    char err[256];

    if (art->tracked && !art->orphaned &&
        sr_offsets_done(run->offsets, art_topic(art), art->rkm->partition,
                        art->rkm->offset, art->gen, err,
                        sizeof(err)) != SR_OK) {
        SR_LOG(SR_LOG_DEBUG, FAC, "%s", err);
    }
    if (!art->orphaned) {
        run->articles_done++;
        sr_metrics_add(run->metrics, SR_M_ARTICLES_DONE, 1);
        sr_metrics_observe_latency(
            run->metrics, (double)(now_ms() - art->consumed_ms) / 1000.0);
    }
    unblock(run, art);
    if (run->alone == art) {
        run->alone = NULL;
    }
    if (art->prev != NULL) {
        art->prev->next = art->next;
    } else {
        run->head = art->next;
    }
    if (art->next != NULL) {
        art->next->prev = art->prev;
    }
    run->inflight--;
    free_frames(art);
    sr_incident_list_clear(&art->incidents);
    free(art->geo);
    free(art->redo);
    free(art->dlq_reason);
    rd_kafka_message_destroy(art->rkm);
    free(art);
}

/* Sends the dead-letter record (again, after a full queue). */
static void send_dlq(article_t *art)
{
    run_t *run = art->run;
    const rd_kafka_message_t *rkm = art->rkm;
    sr_dlq_info_t info = {
        .stage = art->dlq_stage,
        .reason = art->dlq_reason,
        .topic = art_topic(art),
        .partition = rkm->partition,
        .offset = rkm->offset,
        .timestamp_ms = wall_ms(),
        .worker = run->worker_id,
    };
    rd_kafka_resp_err_t err;

    if (art->orphaned) {
        finish(art); /* the next owner dead-letters it */
        return;
    }
    if (!may_produce(run, art)) {
        block(run, art);
        return;
    }
    err = sr_dlq_produce(run->producer, run->dlq, rkm, &info,
                         art->dlq_omit_value ? 0 : run->max_dlq_value, art);
    if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
        block(run, art);
        return;
    }
    unblock(run, art);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        /* Nowhere to park the message: stop rather than lose it. */
        SR_LOG(SR_LOG_ERROR, "DLQ", "%s [%d] @%lld: cannot produce to %s: %s",
               info.topic, (int)rkm->partition, (long long)rkm->offset,
               run->dlq, rd_kafka_err2str(err));
        set_fatal(run, "dead-letter produce failed: %s",
                  rd_kafka_err2str(err));
        return;
    }
    art->dlq_sent = 1;
    SR_LOG(SR_LOG_WARN, "DLQ", "%s [%d] @%lld -> %s: %s: %s%s", info.topic,
           (int)rkm->partition, (long long)rkm->offset, run->dlq,
           art->dlq_stage, art->dlq_reason,
           info.value_omitted ? " (value too large, omitted)" : "");
}

static void dead_letter(article_t *art, const char *stage, const char *reason)
{
    art->dlq_wanted = 1;
    art->dlq_stage = stage;
    art->dlq_reason = sr_xstrdup(reason);
    free_frames(art);
    send_dlq(art);
}

static void produce_alone(article_t *art);

/* Every incident is produced and every report is in. */
static void after_deliveries(article_t *art)
{
    if (art->produce_failed && !art->orphaned) {
        dead_letter(art, "produce", art->produce_error);
        return;
    }
    if (art->redo != NULL && !art->redoing && !art->orphaned) {
        produce_alone(art);
        return;
    }
    if (!art->orphaned) {
        art->run->produced += art->incidents.count;
        sr_metrics_add(art->run->metrics, SR_M_PRODUCED,
                       art->incidents.count);
        SR_LOG(SR_LOG_DEBUG, FAC, "delivered %s [%d] @%lld: %zu "
               "incident(s)", art_topic(art), (int)art->rkm->partition,
               (long long)art->rkm->offset, art->incidents.count);
    }
    finish(art);
}

/* Produces the encoded incidents from next_produce on; a full queue puts
 * the article on the retry list. */
static void produce_pending(article_t *art)
{
    run_t *run = art->run;
    size_t n = art->incidents.count;

    if (art->orphaned) {
        art->next_produce = n;
    } else if (!may_produce(run, art)) {
        block(run, art);
        return;
    }
    while (art->next_produce < n) {
        const sr_incident_t *inc = &art->incidents.items[art->next_produce];
        const sr_buf_t *frame = &art->frames[art->next_produce];
        rd_kafka_headers_t *hdrs;
        rd_kafka_resp_err_t err;

        if (art->redoing && !art->redo[art->next_produce]) {
            art->next_produce++; /* delivered the first time */
            continue;
        }
        if (art->alone && art->dr_pending > 0) {
            /* One record per batch, the next after this one's report:
             * a refusal then convicts the record itself, not a batch of
             * records that only together exceed the limit. */
            unblock(run, art);
            return;
        }
        hdrs = rd_kafka_headers_new(2);
        rd_kafka_header_add(hdrs, HDR_ARTICLE_ID, -1,
                            inc->article_id ? inc->article_id : "", -1);
        rd_kafka_header_add(hdrs, HDR_EXTRACTOR_VERSION, -1,
                            inc->extractor_version ? inc->extractor_version
                                                   : "",
                            -1);
        err = rd_kafka_producev(
            run->producer, RD_KAFKA_V_TOPIC(run->cfg->output_topic),
            RD_KAFKA_V_KEY(inc->incident_id, strlen(inc->incident_id)),
            RD_KAFKA_V_VALUE(frame->data, frame->len),
            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
            RD_KAFKA_V_HEADERS(hdrs), RD_KAFKA_V_OPAQUE(art),
            RD_KAFKA_V_END);
        if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
            rd_kafka_headers_destroy(hdrs);
            block(run, art);
            return;
        }
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            /* e.g. a record over message.max.bytes: permanent. */
            rd_kafka_headers_destroy(hdrs);
            art->produce_failed = 1;
            snprintf(art->produce_error, sizeof(art->produce_error),
                     "incident %s: %s", inc->incident_id,
                     rd_kafka_err2str(err));
            art->next_produce = n;
            break;
        }
        art->dr_pending++;
        art->next_produce++;
    }
    unblock(run, art);
    free_frames(art);
    if (art->dr_pending == 0) {
        after_deliveries(art);
    }
}

/* Encodes the incidents to produce (with redoing, only those of redo[])
 * into art->frames; 0 after dead-lettering the article. Encoding is
 * deterministic, so a record produced again is the same bytes. */
static int encode_frames(article_t *art)
{
    run_t *run = art->run;
    size_t n = art->incidents.count;
    char err[512];

    art->frames = sr_xcalloc(n, sizeof(sr_buf_t));
    for (size_t i = 0; i < n; i++) {
        sr_buf_init(&art->frames[i], run->max_message);
    }
    for (size_t i = 0; i < n; i++) {
        sr_err_t rc;

        if (art->redoing && !art->redo[i]) {
            continue;
        }
        rc =
            run->confluent
                ? sr_avro_encode_confluent(run->codec,
                                           &art->incidents.items[i],
                                           run->schema_id, &art->frames[i],
                                           err, sizeof(err))
                : sr_avro_encode(run->codec, &art->incidents.items[i],
                                 &art->frames[i], err, sizeof(err));

        if (rc != SR_OK) {
            char reason[600];

            snprintf(reason, sizeof(reason), "incident %zu: %s", i, err);
            dead_letter(art, SR_STAGE_ENCODE, reason);
            return 0;
        }
    }
    return 1;
}

static void encode_and_produce(article_t *art)
{
    if (art->orphaned) {
        finish(art);
        return;
    }
    if (encode_frames(art)) {
        produce_pending(art);
    }
}

/* at_least_once: the broker refused a batch holding art's records as too
 * large. Marks art a suspect (produced again alone); for an incident,
 * remembers which one (found by its key) is to be produced again. */
static void suspect_refused(article_t *art, const rd_kafka_message_t *rkm)
{
    size_t n = art->incidents.count;

    if (!art->suspect) {
        art->suspect = 1;
        sr_metrics_add(art->run->metrics, SR_M_PRODUCE_ISOLATIONS, 1);
    }
    if (art->dlq_sent) {
        return;
    }
    if (art->redo == NULL) {
        art->redo = sr_xcalloc(n, 1);
    }
    for (size_t i = 0; i < n; i++) {
        const char *id = art->incidents.items[i].incident_id;

        if (id != NULL && rkm->key_len == strlen(id) &&
            memcmp(rkm->key, id, rkm->key_len) == 0) {
            art->redo[i] = 1;
            return;
        }
    }
    for (size_t i = 0; i < n; i++) {
        art->redo[i] = 1; /* not found: all of them, to be sure */
    }
}

/* Produces the refused incidents of a suspect again, alone. */
static void produce_alone(article_t *art)
{
    SR_LOG(SR_LOG_INFO, FAC, "%s [%d] @%lld: the broker refused a batch "
           "holding its events as too large; producing them again alone "
           "to find the record that is", art_topic(art),
           (int)art->rkm->partition, (long long)art->rkm->offset);
    art->redoing = 1;
    art->next_produce = 0;
    if (encode_frames(art)) {
        produce_pending(art);
    }
}

static void on_geocoded(void *opaque, const sr_geocode_result_t *res)
{
    geo_req_t *req = opaque;
    article_t *art = req->art;

    if (!art->orphaned) {
        sr_geocode_apply(&art->incidents.items[req->index].location, res);
    }
    sr_metrics_add(art->run->metrics,
                   res->status == SR_GEOCODE_OK          ? SR_M_GEO_HIT
                   : res->status == SR_GEOCODE_NOT_FOUND ? SR_M_GEO_MISS
                                                         : SR_M_GEO_FAILED,
                   1);
    if (res->from_cache) {
        sr_metrics_add(art->run->metrics, SR_M_GEO_CACHE_HITS, 1);
    }
    if (res->status == SR_GEOCODE_FAILED) {
        SR_LOG(SR_LOG_DEBUG, "GEOCODE", "%s: %s",
               art->incidents.items[req->index].location.name,
               res->error ? res->error : "failed");
    }
    if (--art->geo_pending == 0) {
        encode_and_produce(art);
    }
}

static void on_delivery(rd_kafka_t *rk, const rd_kafka_message_t *rkm,
                        void *opaque)
{
    article_t *art = rkm->_private;
    int isolate;
    (void)rk;
    (void)opaque;

    if (art == NULL) {
        return;
    }
    /* exactly_once isolates on the replay (txn_delivery_failed). */
    isolate = !art->run->eos && !art->orphaned && !art->alone &&
              rkm->err == RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE;
    if (art->run->eos && rkm->err != RD_KAFKA_RESP_ERR_NO_ERROR &&
        !art->orphaned) {
        txn_delivery_failed(art, rkm->err); /* orphans art */
    }
    if (art->dlq_sent) {
        if (rkm->err != RD_KAFKA_RESP_ERR_NO_ERROR && art->orphaned) {
            finish(art); /* purged at shutdown: replayed next time */
            return;
        }
        if (isolate) {
            SR_LOG(SR_LOG_INFO, "DLQ", "%s [%d] @%lld: %s refused a batch "
                   "holding the dead letter as too large; sending it again "
                   "alone", art_topic(art), (int)art->rkm->partition,
                   (long long)art->rkm->offset, art->run->dlq);
            suspect_refused(art, rkm);
            art->dlq_sent = 0;
            send_dlq(art);
            return;
        }
        if (rkm->err == RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE &&
            !art->dlq_omit_value) {
            /* The broker's limit (or the dead-letter topic's) is below
             * ours: the reason and the headers still fit, and losing the
             * bytes beats a worker that stops on every restart. */
            SR_LOG(SR_LOG_WARN, "DLQ", "%s [%d] @%lld: %s refused the "
                   "dead letter as too large; sending it without its value",
                   art_topic(art), (int)art->rkm->partition,
                   (long long)art->rkm->offset, art->run->dlq);
            art->dlq_omit_value = 1;
            art->dlq_sent = 0;
            send_dlq(art);
            return;
        }
        if (rkm->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            SR_LOG(SR_LOG_ERROR, "DLQ", "%s [%d] @%lld: delivery to %s "
                   "failed: %s", art_topic(art), (int)art->rkm->partition,
                   (long long)art->rkm->offset, art->run->dlq,
                   rd_kafka_err2str(rkm->err));
            set_fatal(art->run, "dead-letter delivery failed: %s",
                      rd_kafka_err2str(rkm->err));
            art->dlq_sent = 0; /* leave it in flight: never stored */
            return;
        }
        art->run->dead_lettered++;
        sr_metrics_dead_letter(art->run->metrics, art->dlq_stage);
        finish(art);
        return;
    }
    if (isolate) {
        suspect_refused(art, rkm);
    } else if (rkm->err != RD_KAFKA_RESP_ERR_NO_ERROR &&
               !art->produce_failed) {
        art->produce_failed = 1;
        snprintf(art->produce_error, sizeof(art->produce_error),
                 "delivery to %s failed: %s", art->run->cfg->output_topic,
                 rd_kafka_err2str(rkm->err));
    }
    if (--art->dr_pending > 0) {
        return;
    }
    if (art->next_produce == art->incidents.count) {
        after_deliveries(art);
    } else if (art->alone) {
        if (art->produce_failed || art->orphaned) {
            art->next_produce = art->incidents.count;
        }
        produce_pending(art); /* the next record alone */
    }
}

/* ---- consuming --------------------------------------------------------- */

static void handle_message(run_t *run, rd_kafka_message_t *rkm)
{
    const sr_config_t *cfg = run->cfg;
    article_t *art;
    sr_article_t doc;
    const char *stage = NULL;
    char err[1024], default_id[300];
    rd_kafka_timestamp_type_t tstype;
    int64_t ts;

    if (rkm->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        if (rkm->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            SR_LOG(SR_LOG_WARN, FAC, "consumer: %s%s%s",
                   rkm->rkt ? rd_kafka_topic_name(rkm->rkt) : "",
                   rkm->rkt ? ": " : "", rd_kafka_message_errstr(rkm));
        }
        rd_kafka_message_destroy(rkm);
        return;
    }
    if (run->stopping) {
        /* Not begun, so never stored: the next run reads it again. Every
         * later message of its partition is dropped the same way. */
        run->dropped_at_stop++;
        rd_kafka_message_destroy(rkm);
        return;
    }
    if (run->eos && !txn_ensure(run)) {
        rd_kafka_message_destroy(rkm); /* fatal: never committed */
        return;
    }
    run->consumed++;
    run->txn_articles++;
    sr_metrics_add(run->metrics, SR_M_CONSUMED, 1);
    SR_LOG(SR_LOG_DEBUG, FAC, "consumed %s [%d] @%lld (%zu bytes, %zu in "
           "flight)", rd_kafka_topic_name(rkm->rkt), (int)rkm->partition,
           (long long)rkm->offset, rkm->len, run->inflight);
    art = sr_xcalloc(1, sizeof(*art));
    art->run = run;
    art->rkm = rkm;
    art->consumed_ms = now_ms();
    sr_incident_list_init(&art->incidents);
    art->next = run->head;
    if (run->head != NULL) {
        run->head->prev = art;
    }
    run->head = art;
    run->inflight++;
    if (sr_offsets_begin(run->offsets, art_topic(art), rkm->partition,
                         rkm->offset, &art->gen, err,
                         sizeof(err)) == SR_OK) {
        art->tracked = 1;
    } else {
        SR_LOG(SR_LOG_WARN, FAC, "%s", err);
    }
    if (run->eos) {
        const hint_t *hint = hint_find(run, art_topic(art), rkm->partition,
                                       rkm->offset);

        if (run->txn_abort[0] != '\0' || !art->tracked) {
            /* Tracked, so that the rewind covers it: read again then.
             * Untracked, it repeats an offset already in flight or done
             * since the last commit: its output is in the transaction. */
            art->orphaned = 1;
            finish(art);
            return;
        }
        if (hint != NULL) {
            art->dlq_omit_value = hint->dlq_omit_value;
            art->suspect = hint->suspect;
            if (hint->produce_error != NULL) {
                dead_letter(art, "produce", hint->produce_error);
                return;
            }
        }
    }

    if (rkm->len > (size_t)cfg->max_article_bytes) {
        snprintf(err, sizeof(err),
                 "message of %zu bytes is over max.article.bytes (%lld)",
                 rkm->len, (long long)cfg->max_article_bytes);
        dead_letter(art, SR_STAGE_DECODE, err);
        return;
    }
    snprintf(default_id, sizeof(default_id), "%s/%d/%lld", art_topic(art),
             (int)rkm->partition, (long long)rkm->offset);
    ts = rd_kafka_message_timestamp(rkm, &tstype);
    sr_article_init(&doc);
    if (sr_pipeline_process(run->pl, rkm->payload ? rkm->payload : "",
                            rkm->len, default_id, ts, &doc,
                            &art->incidents, &stage, err,
                            sizeof(err)) != SR_OK) {
        sr_article_clear(&doc);
        dead_letter(art, stage ? stage : SR_STAGE_DECODE, err);
        return;
    }
    sr_article_clear(&doc);
    sr_metrics_add(run->metrics, SR_M_PARAGRAPHS_REMOVED,
                   (uint64_t)sr_pipeline_paragraphs_removed(run->pl));
    if (art->incidents.count == 0) {
        finish(art);
        return;
    }
    if (run->gc != NULL) {
        art->geo = sr_xcalloc(art->incidents.count, sizeof(geo_req_t));
        for (size_t i = 0; i < art->incidents.count; i++) {
            const sr_location_t *loc = &art->incidents.items[i].location;

            if (loc->name == NULL) {
                continue;
            }
            art->geo[i].art = art;
            art->geo[i].index = i;
            art->geo_pending++;
            sr_geocoder_submit(run->gc, loc->name, loc->country_code,
                               on_geocoded, &art->geo[i]);
        }
        if (art->geo_pending > 0) {
            return; /* on_geocoded continues */
        }
    }
    encode_and_produce(art);
}

/* ---- offsets, pausing ---------------------------------------------------- */

static int add_ready(const char *topic, int32_t partition, int64_t next,
                     void *opaque)
{
    rd_kafka_topic_partition_list_add(opaque, topic, partition)->offset =
        next;
    return 0;
}

static void store_ready(run_t *run)
{
    rd_kafka_topic_partition_list_t *l =
        rd_kafka_topic_partition_list_new(4);
    rd_kafka_resp_err_t err;

    if (run->eos) {
        /* Offsets go into the transaction (txn_commit), never stored. */
        rd_kafka_topic_partition_list_destroy(l);
        return;
    }
    sr_offsets_foreach_ready(run->offsets, add_ready, l);
    if (l->cnt > 0) {
        err = rd_kafka_offsets_store(run->consumer, l);
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            SR_LOG(SR_LOG_DEBUG, FAC, "offsets_store: %s",
                   rd_kafka_err2str(err));
        }
        for (int i = 0; i < l->cnt; i++) {
            if (l->elems[i].err != RD_KAFKA_RESP_ERR_NO_ERROR) {
                SR_LOG(SR_LOG_DEBUG, FAC, "offset store %s [%d] @%lld: %s",
                       l->elems[i].topic, (int)l->elems[i].partition,
                       (long long)l->elems[i].offset,
                       rd_kafka_err2str(l->elems[i].err));
            }
        }
    }
    rd_kafka_topic_partition_list_destroy(l);
}

static void set_paused(run_t *run, int pause, const char *why)
{
    rd_kafka_topic_partition_list_t *parts = NULL;

    if (run->paused == pause) {
        return;
    }
    if (rd_kafka_assignment(run->consumer, &parts) ==
        RD_KAFKA_RESP_ERR_NO_ERROR) {
        if (pause) {
            rd_kafka_pause_partitions(run->consumer, parts);
        } else {
            rd_kafka_resume_partitions(run->consumer, parts);
        }
        rd_kafka_topic_partition_list_destroy(parts);
    }
    run->paused = pause;
    SR_LOG(SR_LOG_DEBUG, FAC, "%s fetching (%s; %zu articles in flight)",
           pause ? "paused" : "resumed", why, run->inflight);
}

static void backpressure(run_t *run)
{
    if (run->stopping) {
        return;
    }
    if (!run->paused && (run->inflight >= run->high ||
                         run->blocked_head != NULL)) {
        set_paused(run, 1, run->blocked_head ? "producer queue full"
                                             : "max.inflight.articles");
        run->pauses++;
        sr_metrics_add(run->metrics, SR_M_PAUSES, 1);
    } else if (run->paused && run->inflight <= run->low &&
               run->blocked_head == NULL) {
        set_paused(run, 0, "below the low watermark");
    }
}

static void retry_blocked(article_t *art)
{
    if (art->dlq_wanted) {
        send_dlq(art);
    } else {
        produce_pending(art);
    }
}

/* Serves everything but the consumer: delivery reports, geocoder
 * transfers and answers, produce retries after a full queue. */
static void serve_outputs(run_t *run, int wait_ms)
{
    int geo = run->gc != NULL && sr_geocoder_pending(run->gc) > 0;

    rd_kafka_poll(run->producer, geo ? 0 : wait_ms);
    if (run->gc != NULL) {
        sr_geocoder_perform(run->gc, geo ? wait_ms : 0);
    }
    if (run->alone != NULL && run->alone->blocked) {
        /* Everyone else waits for it: it must not wait behind them. */
        retry_blocked(run->alone);
    }
    while (run->blocked_head != NULL) {
        article_t *art = run->blocked_head;

        retry_blocked(art);
        if (run->blocked_head == art) {
            break; /* still full */
        }
    }
}

static void log_partitions(const char *what,
                           const rd_kafka_topic_partition_list_t *parts)
{
    char line[1024];
    size_t off = 0;

    line[0] = '\0';
    for (int i = 0; i < parts->cnt && off < sizeof(line) - 64; i++) {
        int n = snprintf(line + off, sizeof(line) - off, "%s%s[%d]",
                         i ? " " : "", parts->elems[i].topic,
                         (int)parts->elems[i].partition);
        if (n > 0) {
            off += (size_t)n;
        }
    }
    SR_LOG(SR_LOG_INFO, FAC, "%s %d partition(s): %s", what, parts->cnt,
           line);
}

static int in_list(const rd_kafka_topic_partition_list_t *parts,
                   const char *topic, int32_t partition)
{
    for (int i = 0; i < parts->cnt; i++) {
        if (parts->elems[i].partition == partition &&
            strcmp(parts->elems[i].topic, topic) == 0) {
            return 1;
        }
    }
    return 0;
}

static size_t revoked_inflight(run_t *run,
                               const rd_kafka_topic_partition_list_t *parts)
{
    size_t n = 0;

    for (article_t *a = run->head; a != NULL; a = a->next) {
        n += !a->orphaned &&
             in_list(parts, art_topic(a), a->rkm->partition);
    }
    return n;
}

/* Applies a rebalance to librdkafka's assignment: with the cooperative
 * protocol (partition.assignment.strategy=cooperative-sticky) parts is
 * what changes and the rest keeps flowing; with an eager assignor parts
 * is the whole new assignment (NULL: none). */
static void apply_assignment(run_t *run, rd_kafka_t *rk, int cooperative,
                             int assign,
                             const rd_kafka_topic_partition_list_t *parts)
{
    rd_kafka_error_t *e = NULL;
    rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR_NO_ERROR;

    if (cooperative) {
        e = assign ? rd_kafka_incremental_assign(rk, parts)
                   : rd_kafka_incremental_unassign(rk, parts);
    } else {
        err = rd_kafka_assign(rk, assign ? parts : NULL);
    }
    if (e != NULL) {
        err = rd_kafka_error_code(e);
        rd_kafka_error_destroy(e);
    }
    if (err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        return;
    }
    SR_LOG(SR_LOG_ERROR, FAC, "%s: %s", assign ? "assign" : "unassign",
           rd_kafka_err2str(err));
    if (assign && !run->stopping) {
        /* Partitions the group gave this member would never be read:
         * stop, and let the supervisor restart it. */
        set_fatal(run, "cannot take the assigned partitions: %s",
                  rd_kafka_err2str(err));
    }
}

static int is_cooperative(rd_kafka_t *rk)
{
    const char *proto = rd_kafka_rebalance_protocol(rk);

    return proto != NULL && strcmp(proto, "COOPERATIVE") == 0;
}

static void rebalance_cb(rd_kafka_t *rk, rd_kafka_resp_err_t err,
                         rd_kafka_topic_partition_list_t *parts,
                         void *opaque)
{
    run_t *run = opaque;
    int coop = is_cooperative(rk);

    if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
        log_partitions("assigned", parts);
        for (int i = 0; i < parts->cnt; i++) {
            sr_offsets_assign(run->offsets, parts->elems[i].topic,
                              parts->elems[i].partition);
        }
        apply_assignment(run, rk, coop, 1, parts);
        run->assigned = coop ? run->assigned + (size_t)parts->cnt
                             : (size_t)parts->cnt;
        if (coop) {
            SR_LOG(SR_LOG_INFO, FAC, "holding %zu partition(s) "
                   "(cooperative)", run->assigned);
        }
        sr_metrics_set(run->metrics, SR_M_PARTITIONS_ASSIGNED,
                       (int64_t)run->assigned);
        sr_metrics_set_joined(run->metrics, 1);
        if (run->paused || run->stopping) {
            rd_kafka_pause_partitions(rk, parts);
        }
        return;
    }
    if (err == RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS) {
        int lost = rd_kafka_assignment_lost(rk);
        int64_t deadline =
            now_ms() + (run->cfg->shutdown_timeout_ms < REVOKE_DRAIN_MAX_MS
                            ? run->cfg->shutdown_timeout_ms
                            : REVOKE_DRAIN_MAX_MS);
        size_t left;

        log_partitions(lost ? "lost" : "revoked", parts);
        /* Cooperative: what is not revoked stays, and so does the
         * membership (unless the assignment was lost). */
        run->assigned = coop && run->assigned > (size_t)parts->cnt
                            ? run->assigned - (size_t)parts->cnt
                            : 0;
        sr_metrics_set(run->metrics, SR_M_PARTITIONS_ASSIGNED,
                       (int64_t)run->assigned);
        sr_metrics_set_joined(run->metrics, coop && !lost);
        /* Finish what can be finished, so that its offsets are stored
         * before the partitions go. */
        while (!lost && !run->fatal &&
               (left = revoked_inflight(run, parts)) > 0 &&
               now_ms() < deadline) {
            serve_outputs(run, 10);
            sr_metrics_heartbeat(run->metrics, now_ms());
        }
        if (run->eos) {
            txn_on_revoke(run, lost);
            held_drop(run, parts);
        } else if (!lost) {
            store_ready(run);
        }
        left = 0;
        for (article_t *a = run->head; a != NULL; a = a->next) {
            if (!a->orphaned &&
                in_list(parts, art_topic(a), a->rkm->partition)) {
                a->orphaned = 1;
                left++;
            }
        }
        if (left > 0) {
            SR_LOG(SR_LOG_INFO, FAC, "%zu article(s) of revoked partitions "
                   "left unfinished; their next owner replays them", left);
        }
        for (int i = 0; i < parts->cnt; i++) {
            sr_offsets_revoke(run->offsets, parts->elems[i].topic,
                              parts->elems[i].partition);
        }
        apply_assignment(run, rk, coop, 0, parts);
        if (coop) {
            SR_LOG(SR_LOG_INFO, FAC, "holding %zu partition(s) "
                   "(cooperative)", run->assigned);
        }
        return;
    }
    SR_LOG(SR_LOG_ERROR, FAC, "rebalance error: %s", rd_kafka_err2str(err));
    if (run->eos) {
        txn_on_revoke(run, 1);
        held_drop(run, NULL);
    }
    run->assigned = 0;
    sr_metrics_set(run->metrics, SR_M_PARTITIONS_ASSIGNED, 0);
    sr_metrics_set_joined(run->metrics, 0);
    sr_offsets_revoke_all(run->offsets);
    for (article_t *a = run->head; a != NULL; a = a->next) {
        a->orphaned = 1;
    }
    if (coop) {
        rd_kafka_topic_partition_list_t *all = NULL;

        if (rd_kafka_assignment(rk, &all) == RD_KAFKA_RESP_ERR_NO_ERROR) {
            apply_assignment(run, rk, coop, 0, all);
            rd_kafka_topic_partition_list_destroy(all);
        }
    } else {
        apply_assignment(run, rk, coop, 0, NULL);
    }
}

/* ---- watchdog ------------------------------------------------------------ */

typedef struct watchdog_s {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int done, started;
    int64_t timeout_ms;
} watchdog_t;

static void *watchdog_main(void *opaque)
{
    watchdog_t *wd = opaque;
    struct timespec until;

    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += (time_t)(wd->timeout_ms / 1000);
    until.tv_nsec += (long)(wd->timeout_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&wd->lock);
    while (!wd->done) {
        if (pthread_cond_timedwait(&wd->cond, &wd->lock, &until) ==
            ETIMEDOUT) {
            break;
        }
    }
    if (!wd->done) {
        SR_LOG(SR_LOG_ERROR, FAC, "shutdown did not finish within %lld ms; "
               "exiting", (long long)wd->timeout_ms);
        _exit(SR_EXIT_FATAL);
    }
    pthread_mutex_unlock(&wd->lock);
    return NULL;
}

static void watchdog_start(watchdog_t *wd, int64_t timeout_ms)
{
    if (wd->started) {
        return;
    }
    wd->timeout_ms = timeout_ms;
    wd->started = pthread_create(&wd->thread, NULL, watchdog_main, wd) == 0;
}

static void watchdog_stop(watchdog_t *wd)
{
    if (!wd->started) {
        return;
    }
    pthread_mutex_lock(&wd->lock);
    wd->done = 1;
    pthread_cond_signal(&wd->cond);
    pthread_mutex_unlock(&wd->lock);
    pthread_join(wd->thread, NULL);
    wd->started = 0;
}

/* ---- start-up and the loop ----------------------------------------------- */

static rd_kafka_t *new_client(run_t *run, sr_kafka_side_t side, char *err,
                              size_t err_size)
{
    rd_kafka_conf_t *conf = sr_kafka_conf_new(run->cfg, side, err, err_size);
    rd_kafka_t *rk;
    char why[512];

    if (conf == NULL) {
        return NULL;
    }
    rd_kafka_conf_set_opaque(conf, run);
    rd_kafka_conf_set_log_cb(conf, log_cb);
    rd_kafka_conf_set_error_cb(conf, error_cb);
    rd_kafka_conf_set_stats_cb(conf, stats_cb);
    if (side == SR_KAFKA_CONSUMER) {
        rd_kafka_conf_set_rebalance_cb(conf, rebalance_cb);
    } else {
        rd_kafka_conf_set_dr_msg_cb(conf, on_delivery);
    }
    rk = rd_kafka_new(side == SR_KAFKA_CONSUMER ? RD_KAFKA_CONSUMER
                                                : RD_KAFKA_PRODUCER,
                      conf, why, sizeof(why));
    if (rk == NULL) {
        rd_kafka_conf_destroy(conf);
        sr_errstr_set(err, err_size, "kafka %s: %s",
                      side == SR_KAFKA_CONSUMER ? "consumer" : "producer",
                      why);
    }
    return rk;
}

/* With schema.registry.url set, registers the incident schema under
 * <output.topic>-value (or another subject name strategy) and keeps the id
 * for the Confluent wire format.
 * Nothing is consumed before: a registry that is down (a transient
 * error) is retried with backoff until it answers or *stop is set. */
static int register_schema(run_t *run, volatile sig_atomic_t *stop,
                           char *err, size_t err_size)
{
    const sr_config_t *cfg = run->cfg;
    sr_registry_t *reg;
    char subject[512];
    int64_t backoff_ms = 500;
    sr_err_t rc;
    int exit_code = SR_EXIT_OK;

    reg = sr_registry_from_config(cfg, err, err_size);
    if (reg == NULL) {
        return SR_EXIT_CONFIG;
    }
    if (sr_registry_config_subject(cfg, cfg->output_topic, subject,
                                   sizeof(subject), err,
                                   err_size) != SR_OK) {
        exit_code = SR_EXIT_CONFIG;
        goto out;
    }
    for (;;) {
        rc = sr_registry_register(reg, subject, sr_incident_avsc,
                                  &run->schema_id, err, err_size);
        if (rc != SR_ERR_TRANSIENT || *stop) {
            break;
        }
        SR_LOG(SR_LOG_WARN, FAC, "%s; retrying in %lld ms",
               err, (long long)backoff_ms);
        for (int64_t until = now_ms() + backoff_ms;
             now_ms() < until && !*stop;) {
            /* Waiting for the registry is alive, not stalled: /readyz
             * says why the worker is not ready. */
            sr_metrics_heartbeat(run->metrics, now_ms());
            usleep(50000);
        }
        backoff_ms = backoff_ms * 2 > 10000 ? 10000 : backoff_ms * 2;
    }
    if (rc == SR_OK) {
        run->confluent = 1;
        sr_metrics_set_schema_known(run->metrics);
        SR_LOG(SR_LOG_INFO, FAC, "schema registry: subject %s has schema "
               "id %d: events use the Confluent wire format", subject,
               (int)run->schema_id);
    } else if (rc == SR_ERR_TRANSIENT) {
        exit_code = SR_EXIT_OK; /* stopped while waiting */
    } else {
        /* err already names the registry and the subject. */
        exit_code = rc == SR_ERR_CONFIG ? SR_EXIT_CONFIG : SR_EXIT_FATAL;
    }

out:
    sr_registry_destroy(reg);
    return exit_code;
}

/* Where the group starts a partition it never committed, for the lag
 * of /metrics: auto.offset.reset (kconf's default: earliest). */
static void set_lag_start(run_t *run)
{
    const char *reset = sr_config_kafka_get(run->cfg, SR_KAFKA_CONSUMER,
                                            "auto.offset.reset");
    const char *iso = sr_config_kafka_get(run->cfg, SR_KAFKA_CONSUMER,
                                          "isolation.level");
    sr_lag_start_t start = SR_LAG_START_UNKNOWN;

    if (reset == NULL || strcmp(reset, "earliest") == 0 ||
        strcmp(reset, "smallest") == 0 || strcmp(reset, "beginning") == 0) {
        start = SR_LAG_START_LOW;
    } else if (strcmp(reset, "latest") == 0 ||
               strcmp(reset, "largest") == 0 || strcmp(reset, "end") == 0) {
        start = SR_LAG_START_HIGH;
    }
    /* librdkafka reads read_committed unless told otherwise. */
    sr_metrics_set_lag_start(run->metrics, start,
                             iso == NULL ||
                                 strcmp(iso, "read_uncommitted") != 0);
}

/* Everything that can be refused for configuration reasons. */
static int setup(run_t *run, volatile sig_atomic_t *stop, char *err,
                 size_t err_size)
{
    int rc;

    const sr_config_t *cfg = run->cfg;
    rd_kafka_topic_partition_list_t *topics;
    rd_kafka_resp_err_t rkerr;

    if (sr_config_kafka_get(cfg, SR_KAFKA_CONSUMER, "bootstrap.servers") ==
            NULL &&
        sr_config_kafka_get(cfg, SR_KAFKA_CONSUMER, "metadata.broker.list") ==
            NULL) {
        sr_errstr_set(err, err_size, "kafka.bootstrap.servers is not set");
        return SR_EXIT_CONFIG;
    }
    run->dlq = sr_config_dlq_topic(cfg, run->dlq_topic, sizeof(run->dlq_topic));
    if (strcmp(run->dlq, cfg->input_topic) == 0 ||
        strcmp(cfg->output_topic, cfg->input_topic) == 0) {
        sr_errstr_set(err, err_size, "input.topic must differ from "
                      "output.topic and the dead-letter topic");
        return SR_EXIT_CONFIG;
    }
    sr_kafka_worker_id(cfg, run->worker_id, sizeof(run->worker_id));
    run->eos = sr_kafka_exactly_once(cfg);
    if (run->eos) {
        sr_kafka_transactional_id(cfg, run->txn_id, sizeof(run->txn_id));
        run->txn_timeout_ms = sr_kafka_transaction_timeout_ms(cfg);
        if (cfg->worker_id[0] == '\0') {
            SR_LOG(SR_LOG_WARN, FAC, "exactly_once without worker.id: "
                   "transactional.id %s changes with every restart, so a "
                   "transaction left open by a crash blocks read_committed "
                   "consumers until kafka.producer.transaction.timeout.ms "
                   "(%lld ms); set a stable worker.id per worker",
                   run->txn_id, (long long)run->txn_timeout_ms);
        }
    }
    if (!run->eos) {
        const char *strategy = sr_config_kafka_get(
            cfg, SR_KAFKA_CONSUMER, "partition.assignment.strategy");

        /* 2.10.0 fixed the last of the known cooperative bugs. */
        if (strategy != NULL && strstr(strategy, "cooperative") != NULL &&
            rd_kafka_version() < 0x020a0000) {
            SR_LOG(SR_LOG_WARN, FAC, "partition.assignment.strategy=%s on "
                   "librdkafka %s: its cooperative protocol has known bugs "
                   "before 2.10 (a commit during a rebalance can lose the "
                   "assignment, whose uncommitted articles are then "
                   "replayed; a close can hang until the shutdown "
                   "watchdog); range or roundrobin avoid them",
                   strategy, rd_kafka_version_str());
        }
    }
    set_lag_start(run);
    run->max_dlq_value = sr_kafka_max_dlq_value(cfg);
    run->max_message = sr_kafka_max_message(cfg);
    run->high = (size_t)cfg->max_inflight_articles;
    run->low = run->high / 2;
    run->txn_max = (size_t)cfg->transaction_max_articles;
    if (run->txn_max > run->high / 2) {
        run->txn_max = run->high / 2 > 0 ? run->high / 2 : 1;
    }

    run->gz = sr_gazetteer_open(cfg->gazetteer_path, cfg->places_path, err,
                                err_size);
    if (run->gz == NULL) {
        return SR_EXIT_CONFIG;
    }
    run->pl = sr_pipeline_new(cfg, run->gz, err, err_size);
    if (run->pl == NULL) {
        return SR_EXIT_CONFIG;
    }
    if (cfg->geocoder_url[0] != '\0') {
        run->gc = sr_geocoder_new(cfg, err, err_size);
        if (run->gc == NULL) {
            return SR_EXIT_CONFIG;
        }
    }
    run->codec = sr_avro_codec_new(err, err_size);
    if (run->codec == NULL) {
        return SR_EXIT_FATAL;
    }
    if (cfg->ops_listen[0] != '\0') {
        int64_t alive_ms = 3 * POLL_MAX_MS > ALIVE_MIN_MS ? 3 * POLL_MAX_MS
                                                          : ALIVE_MIN_MS;
        char why[512];

        sr_metrics_heartbeat(run->metrics, now_ms());
        run->ops = sr_opsserver_start(cfg->ops_listen, run->metrics,
                                      alive_ms, why, sizeof(why));
        if (run->ops == NULL) {
            sr_errstr_set(err, err_size, "ops.listen: %s", why);
            return SR_EXIT_CONFIG;
        }
        SR_LOG(SR_LOG_INFO, "OPS", "ops: listening on %s (/metrics, "
               "/healthz, /readyz)", sr_opsserver_url(run->ops));
    }
    if (cfg->schema_registry_url[0] != '\0') {
        sr_metrics_require_schema(run->metrics);
        rc = register_schema(run, stop, err, err_size);
        if (rc != SR_EXIT_OK) {
            return rc;
        }
    }
    run->producer = new_client(run, SR_KAFKA_PRODUCER, err, err_size);
    if (run->producer == NULL) {
        return SR_EXIT_CONFIG;
    }
    if (run->eos) {
        rc = txn_init(run, stop, err, err_size);
        if (rc != SR_EXIT_OK) {
            return rc;
        }
    }
    run->consumer = new_client(run, SR_KAFKA_CONSUMER, err, err_size);
    if (run->consumer == NULL) {
        return SR_EXIT_CONFIG;
    }
    rd_kafka_poll_set_consumer(run->consumer);
    topics = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(topics, cfg->input_topic,
                                      RD_KAFKA_PARTITION_UA);
    rkerr = rd_kafka_subscribe(run->consumer, topics);
    rd_kafka_topic_partition_list_destroy(topics);
    if (rkerr != RD_KAFKA_RESP_ERR_NO_ERROR) {
        sr_errstr_set(err, err_size, "subscribe to %s: %s", cfg->input_topic,
                      rd_kafka_err2str(rkerr));
        return SR_EXIT_CONFIG;
    }
    return SR_EXIT_OK;
}

static void publish_geocoder(run_t *run)
{
    sr_geocoder_stats_t gs;

    if (run->gc == NULL) {
        return;
    }
    sr_geocoder_stats(run->gc, &gs);
    sr_metrics_set_counter(run->metrics, SR_M_GEO_HTTP, gs.http_requests);
    sr_metrics_set_counter(run->metrics, SR_M_GEO_MERGED, gs.merged);
    sr_metrics_set_counter(run->metrics, SR_M_GEO_CACHE_MISSES,
                           gs.cache_misses);
    sr_metrics_set_counter(run->metrics, SR_M_GEO_RETRIES, gs.retries);
    sr_metrics_set_counter(run->metrics, SR_M_GEO_BREAKER_OPENS,
                           gs.breaker_opens);
    sr_metrics_set_counter(run->metrics, SR_M_GEO_CIRCUIT_OPEN,
                           gs.circuit_open);
    sr_metrics_set_counter(run->metrics, SR_M_GEO_FALLBACKS, gs.failed);
    sr_metrics_set(run->metrics, SR_M_GEO_BREAKER_STATE,
                   (int64_t)gs.breaker_state);
    sr_metrics_set(run->metrics, SR_M_GEO_RUNNING, (int64_t)gs.running);
    sr_metrics_set(run->metrics, SR_M_GEO_CACHE_ENTRIES,
                   (int64_t)gs.cache_entries);
}

static void loop(run_t *run, volatile sig_atomic_t *stop, watchdog_t *wd)
{
    const sr_config_t *cfg = run->cfg;
    int64_t deadline = 0;

    while (!run->fatal) {
        int busy = run->inflight > 0;
        rd_kafka_message_t *rkm;

        if (*stop && !run->stopping) {
            run->stopping = 1;
            sr_metrics_set_stopping(run->metrics);
            deadline = now_ms() + cfg->shutdown_timeout_ms;
            watchdog_start(wd, cfg->shutdown_timeout_ms + CLOSE_GRACE_MS);
            run->paused = 0;
            set_paused(run, 1, "shutting down");
            run->dropped_at_stop += run->nheld;
            held_drop(run, NULL);
            SR_LOG(SR_LOG_INFO, FAC, "stopping: finishing %zu article(s) "
                   "in flight (up to %lld ms)", run->inflight,
                   (long long)cfg->shutdown_timeout_ms);
        }
        if (run->stopping && *stop > 1 && deadline > now_ms()) {
            SR_LOG(SR_LOG_INFO, FAC, "second signal: not waiting for %zu "
                   "article(s) in flight", run->inflight);
            deadline = now_ms();
        }
        if (run->stopping &&
            (run->inflight == 0 || now_ms() >= deadline)) {
            break;
        }
        if (run->draining && run->nheld >= run->txn_max) {
            serve_outputs(run, 10); /* enough held: wait for the commit */
            rkm = NULL;
        } else {
            serve_outputs(run, 0);
            rkm = rd_kafka_consumer_poll(run->consumer,
                                         busy ? 10 : POLL_MAX_MS);
        }
        for (int i = 0; rkm != NULL; i++) {
            if (run->draining && !run->stopping) {
                sr_xgrow((void **)&run->held, &run->held_cap,
                         run->nheld + 1, sizeof(*run->held));
                run->held[run->nheld++] = rkm;
            } else {
                handle_message(run, rkm);
            }
            if (i >= BATCH_MAX || run->fatal ||
                run->inflight >= run->high || run->blocked_head != NULL ||
                run->txn_abort[0] != '\0' ||
                (run->draining && run->nheld >= run->txn_max) ||
                (run->eos && run->txn_articles >= run->txn_max)) {
                break;
            }
            rkm = rd_kafka_consumer_poll(run->consumer, 0);
        }
        store_ready(run);
        if (run->eos) {
            txn_turn(run);
            if (!run->draining && run->nheld > 0 && !run->fatal) {
                size_t n = run->nheld;

                /* In consumption order; none is held again (the commit
                 * is done), and handle_message takes each one. */
                run->nheld = 0;
                for (size_t i = 0; i < n; i++) {
                    handle_message(run, run->held[i]);
                }
            }
        }
        backpressure(run);
        sr_metrics_set(run->metrics, SR_M_INFLIGHT, (int64_t)run->inflight);
        sr_metrics_set(run->metrics, SR_M_PARTITIONS_PAUSED,
                       run->paused ? (int64_t)run->assigned : 0);
        publish_geocoder(run);
        sr_metrics_heartbeat(run->metrics, now_ms());
    }
}

static void shutdown_clients(run_t *run, int64_t flush_ms,
                             size_t *abandoned)
{
    rd_kafka_resp_err_t err;

    if (run->eos) {
        /* A fatal producer can neither commit nor abort: the broker
         * aborts its transaction (at the latest after
         * transaction.timeout.ms, at once when the id is used again). */
        if (!run->fatal && run->txn_open && run->txn_abort[0] == '\0' &&
            live_inflight(run) == 0) {
            txn_commit(run);
        }
        if (!run->fatal && (run->txn_open || run->txn_abort[0] != '\0')) {
            if (run->txn_abort[0] == '\0') {
                snprintf(run->txn_abort, sizeof(run->txn_abort),
                         "stopping with %zu article(s) unfinished",
                         live_inflight(run));
            }
            txn_abort_now(run, 0);
        }
    } else if (!run->fatal) {
        rd_kafka_flush(run->producer, (int)flush_ms);
        store_ready(run);
        err = rd_kafka_commit(run->consumer, NULL, 0);
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR &&
            err != RD_KAFKA_RESP_ERR__NO_OFFSET) {
            SR_LOG(SR_LOG_WARN, FAC, "final commit: %s",
                   rd_kafka_err2str(err));
        }
    } else {
        store_ready(run);
    }
    /* What is still unfinished is dropped, not stored: replayed later.
     * Orphaned first, so that the purge's delivery errors are not taken
     * for failed output (which would be dead-lettered). */
    *abandoned = run->inflight;
    for (article_t *a = run->head; a != NULL; a = a->next) {
        a->orphaned = 1;
    }
    rd_kafka_purge(run->producer,
                   RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
    run->stopping = 1;
}

int sr_run(const sr_config_t *cfg, volatile sig_atomic_t *stop)
{
    run_t run;
    watchdog_t wd;
    char err[1024];
    int rc;
    int64_t started = now_ms(), stop_at;
    size_t abandoned;

    memset(&run, 0, sizeof(run));
    memset(&wd, 0, sizeof(wd));
    pthread_mutex_init(&wd.lock, NULL);
    pthread_cond_init(&wd.cond, NULL);
    run.cfg = cfg;
    run.offsets = sr_offsets_new();
    run.metrics = sr_metrics_new();

    rc = setup(&run, stop, err, sizeof(err));
    if (rc != SR_EXIT_OK) {
        fprintf(stderr, "sitrep: %s\n", err);
        goto out;
    }
    SR_LOG(SR_LOG_INFO, FAC, "started: worker %s, group %s, %s -> %s "
           "(dead letters: %s), brokers %s, geocoder %s, framing %s, "
           "max.inflight.articles %lld",
           run.worker_id,
           sr_config_kafka_get(cfg, SR_KAFKA_CONSUMER, "group.id")
               ? sr_config_kafka_get(cfg, SR_KAFKA_CONSUMER, "group.id")
               : "sitrep",
           cfg->input_topic, cfg->output_topic, run.dlq,
           sr_config_kafka_get(cfg, SR_KAFKA_CONSUMER, "bootstrap.servers")
               ? sr_config_kafka_get(cfg, SR_KAFKA_CONSUMER,
                                     "bootstrap.servers")
               : "(metadata.broker.list)",
           run.gc ? cfg->geocoder_url : "none (gazetteer only)",
           run.confluent ? "confluent" : "single-object",
           (long long)cfg->max_inflight_articles);
    if (run.eos) {
        SR_LOG(SR_LOG_INFO, FAC, "exactly-once: transactional.id %s, a "
               "transaction every %lld ms or %llu articles (transaction."
               "timeout.ms %lld)", run.txn_id,
               (long long)cfg->transaction_interval_ms,
               (unsigned long long)run.txn_max,
               (long long)run.txn_timeout_ms);
    }

    loop(&run, stop, &wd);
    stop_at = now_ms();
    if (run.fatal) {
        SR_LOG(SR_LOG_ERROR, FAC, "stopping on fatal error: %s",
               run.fatal_reason);
        watchdog_start(&wd, CLOSE_GRACE_MS);
        rc = SR_EXIT_FATAL;
    }
    /* Articles still in flight here mean the deadline passed (or a second
     * signal came): waiting longer for their deliveries would overrun
     * shutdown.timeout.ms, and they are replayed anyway. */
    shutdown_clients(&run, run.fatal || *stop > 1 || run.inflight > 0 ? 0 : 5000,
                     &abandoned);
    /* Purged deliveries come back as reports: let them release their
     * articles, then drop whatever still waits on the geocoder. */
    for (int i = 0; i < 50 && rd_kafka_outq_len(run.producer) > 0; i++) {
        rd_kafka_poll(run.producer, 10);
    }
    rd_kafka_poll(run.producer, 0);
    sr_geocoder_destroy(run.gc);
    run.gc = NULL;
    while (run.head != NULL) {
        run.head->orphaned = 1;
        finish(run.head);
    }
    rd_kafka_consumer_close(run.consumer);
    SR_LOG(SR_LOG_INFO, FAC, "shutdown summary after %.1f s: %llu consumed, %llu "
           "article(s) done, %llu incident(s) produced, %llu dead-lettered, "
           "%zu unfinished and %llu fetched but not started (read again "
           "next time), %llu backpressure pause(s), %llu transaction(s) "
           "committed, %llu aborted; closing took %lld ms",
           (double)(now_ms() - started) / 1000.0, run.consumed,
           run.articles_done, run.produced, run.dead_lettered, abandoned,
           run.dropped_at_stop, run.pauses, run.txn_commits, run.txn_aborts,
           (long long)(now_ms() - stop_at));

out:
    if (run.consumer != NULL) {
        rd_kafka_destroy(run.consumer);
    }
    if (run.producer != NULL) {
        rd_kafka_destroy(run.producer);
    }
    watchdog_stop(&wd);
    pthread_cond_destroy(&wd.cond);
    pthread_mutex_destroy(&wd.lock);
    sr_geocoder_destroy(run.gc);
    sr_avro_codec_destroy(run.codec);
    sr_pipeline_destroy(run.pl);
    sr_gazetteer_destroy(run.gz);
    sr_offsets_destroy(run.offsets);
    hints_clear(&run);
    free(run.hints);
    held_drop(&run, NULL);
    free(run.held);
    /* Last: scrapes keep working while the worker drains and closes. */
    sr_opsserver_stop(run.ops);
    sr_metrics_destroy(run.metrics);
    return rc;
}
