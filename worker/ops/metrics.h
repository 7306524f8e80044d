/* metrics.h - the worker's counters, gauges and health state, shared
 * between the event loop (the only writer) and the ops HTTP server's
 * thread (a reader), rendered in the Prometheus text exposition format
 * 0.0.4.
 *
 * Counters and gauges are atomics: the loop updates them without locks
 * and a scrape never waits for the loop. The per-partition consumer lag
 * and the readiness reason are small tables behind a mutex, replaced as a
 * whole when librdkafka's statistics arrive. Counters only grow; gauges
 * are set to the loop's current value.
 *
 * Also here: the parser of librdkafka's statistics JSON (stats_cb), which
 * takes from it the consumer lag per partition (topics.*.partitions.*
 * .consumer_lag, skipping the internal partition -1) and the producer
 * queue depth (msg_cnt). librdkafka reports no lag (-1) for a partition
 * its group never committed; while the consumer reads it, the lag is
 * counted from where the group starts (see sr_metrics_set_lag_start).
 */
#ifndef SR_OPS_METRICS_H
#define SR_OPS_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"

typedef struct sr_metrics_s sr_metrics_t;

/* Dead-letter stages with their own label value; anything else is
 * counted as "other". */
#define SR_METRICS_STAGES                                                    \
    { "decode", "dedup", "extract", "geocode", "encode", "produce" }

/* Upper bounds (seconds) of the consume -> delivered latency histogram. */
#define SR_METRICS_LATENCY_BUCKETS                                           \
    { 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,     \
      5.0, 10.0, 30.0, 60.0 }

/* Most partitions kept from one statistics report: lag of the rest is
 * not exported (a worker is never assigned that many). */
#define SR_METRICS_MAX_PARTITIONS 4096
/* Longest topic name kept (Kafka allows 249 characters). */
#define SR_METRICS_TOPIC_MAX 256

typedef enum sr_metric_counter_e {
    SR_M_CONSUMED = 0,     /* messages consumed (started) */
    SR_M_PRODUCED,         /* incident events delivered */
    SR_M_ARTICLES_DONE,    /* articles finished (events or dead letter) */
    SR_M_PAUSES,           /* backpressure pauses */
    SR_M_GEO_HIT,          /* geocoder lookups answered with a place */
    SR_M_GEO_MISS,         /* ... answered "no such place" */
    SR_M_GEO_FAILED,       /* ... failed (timeout, HTTP error) */
    SR_M_GEO_CACHE_HITS,   /* lookups answered from the cache */
    SR_M_GEO_HTTP,         /* HTTP requests sent to the geocoder */
    SR_M_GEO_MERGED,       /* lookups that joined an identical one */
    SR_M_GEO_CACHE_MISSES, /* lookups the cache could not answer */
    SR_M_GEO_RETRIES,      /* HTTP requests that were retries */
    SR_M_GEO_BREAKER_OPENS, /* times the circuit breaker opened */
    SR_M_GEO_CIRCUIT_OPEN, /* requests failed at once by the open breaker */
    SR_M_GEO_FALLBACKS,    /* lookups failed: the gazetteer's answer kept */
    SR_M_PARAGRAPHS_REMOVED,
    SR_M_STATS_ERRORS,     /* statistics reports that could not be parsed */
    SR_M_PRODUCE_ISOLATIONS, /* articles produced again alone after a
                              * batch refused as too large */
    SR_M_TXN_COMMITTED,    /* exactly_once transactions committed */
    SR_M_TXN_ABORTED,      /* ... aborted */
    SR_M_COUNTER_COUNT
} sr_metric_counter_t;

typedef enum sr_metric_gauge_e {
    SR_M_INFLIGHT = 0,     /* articles in flight */
    SR_M_PARTITIONS_ASSIGNED,
    SR_M_PARTITIONS_PAUSED,
    SR_M_PRODUCER_QUEUE,   /* msg_cnt of the producer's statistics */
    SR_M_GEO_RUNNING,      /* geocoder HTTP requests in progress */
    SR_M_GEO_CACHE_ENTRIES,
    SR_M_GEO_BREAKER_STATE, /* 0 closed, 1 open, 2 half-open */
    SR_M_GAUGE_COUNT
} sr_metric_gauge_t;

/* A new, zeroed set. Never NULL (allocation failure aborts). */
sr_metrics_t *sr_metrics_new(void);
/* NULL-safe. No reader may use it any more. */
void sr_metrics_destroy(sr_metrics_t *m);

void sr_metrics_add(sr_metrics_t *m, sr_metric_counter_t c, uint64_t n);
void sr_metrics_set(sr_metrics_t *m, sr_metric_gauge_t g, int64_t v);
/* Sets a counter kept elsewhere (which only grows) to its current value. */
void sr_metrics_set_counter(sr_metrics_t *m, sr_metric_counter_t c,
                            uint64_t v);
uint64_t sr_metrics_counter(const sr_metrics_t *m, sr_metric_counter_t c);
int64_t sr_metrics_gauge(const sr_metrics_t *m, sr_metric_gauge_t g);
/* One more dead letter of stage (NULL or unknown: "other"). */
void sr_metrics_dead_letter(sr_metrics_t *m, const char *stage);
/* One consume -> delivered latency, in seconds (negative counts as 0). */
void sr_metrics_observe_latency(sr_metrics_t *m, double seconds);

/* ---- health and readiness ---- */

/* The clock of heartbeats: monotonic milliseconds. */
int64_t sr_metrics_now_ms(void);
/* The loop turned at monotonic time now_ms. */
void sr_metrics_heartbeat(sr_metrics_t *m, int64_t now_ms);
/* Milliseconds since the last heartbeat, at monotonic time now_ms. */
int64_t sr_metrics_heartbeat_age_ms(const sr_metrics_t *m, int64_t now_ms);
/* The consumer joined the group (an assignment, possibly empty, arrived)
 * or left it (revoke, loss). */
void sr_metrics_set_joined(sr_metrics_t *m, int joined);
/* The worker is shutting down: never ready again. */
void sr_metrics_set_stopping(sr_metrics_t *m);
/* The producer (or the worker) hit a fatal error: never ready again. */
void sr_metrics_set_fatal(sr_metrics_t *m, const char *reason);
/* A schema registry is configured: not ready before
 * sr_metrics_set_schema_known(). */
void sr_metrics_require_schema(sr_metrics_t *m);
void sr_metrics_set_schema_known(sr_metrics_t *m);
/* 1 when ready; otherwise 0 and a one-line reason in why. */
int sr_metrics_ready(sr_metrics_t *m, char *why, size_t why_size);

/* ---- librdkafka statistics ---- */

typedef struct sr_stats_lag_s {
    char topic[SR_METRICS_TOPIC_MAX];
    int32_t partition;
    int64_t lag; /* -1 when uncommitted */
    /* The group never committed the partition and the consumer reads it
     * (fetch_state neither none nor stopped): the watermarks, for
     * sr_metrics_publish_stats to count the lag from the start. */
    int uncommitted;
    int64_t lo, hi, ls; /* lo_offset, hi_offset, ls_offset; -1 unknown */
} sr_stats_lag_t;

/* Where a group without a committed offset starts reading a partition:
 * its auto.offset.reset. */
typedef enum sr_lag_start_e {
    SR_LAG_START_UNKNOWN = 0, /* "error", or not set: no lag reported */
    SR_LAG_START_LOW,         /* earliest: lag = end - low watermark */
    SR_LAG_START_HIGH         /* latest: lag = 0 at the start */
} sr_lag_start_t;

/* What one statistics report says. */
typedef struct sr_stats_s {
    int is_consumer, is_producer; /* from "type" */
    int64_t msg_cnt;              /* -1 when absent */
    sr_stats_lag_t *lags;         /* owned; count entries */
    size_t count;
    size_t skipped;               /* over SR_METRICS_MAX_PARTITIONS */
} sr_stats_t;

/* Parses a stats_cb JSON document into st (cleared first; release with
 * sr_stats_clear). SR_ERR_INVALID with errstr when it is not a JSON object
 * or a field has the wrong type. */
sr_err_t sr_stats_parse(const char *json, size_t len, sr_stats_t *st,
                        char *errstr, size_t errstr_size);
void sr_stats_clear(sr_stats_t *st);
/* How publishing counts the lag of an uncommitted partition: from start,
 * up to the last stable offset (read_committed) or the high watermark. */
void sr_metrics_set_lag_start(sr_metrics_t *m, sr_lag_start_t start,
                              int read_committed);
/* Publishes a report: a consumer's replaces the lag table, a producer's
 * sets the producer queue gauge. */
void sr_metrics_publish_stats(sr_metrics_t *m, const sr_stats_t *st);

/* ---- exposition ---- */

/* Appends every metric in the text format 0.0.4 to out. SR_ERR_TOO_LARGE
 * when out's limit is reached (out then holds a prefix). */
sr_err_t sr_metrics_render(sr_metrics_t *m, sr_buf_t *out);
/* Appends s as the inside of a quoted label value (\\, \" and \n
 * escaped). */
sr_err_t sr_prom_label_value(sr_buf_t *out, const char *s);

#endif
