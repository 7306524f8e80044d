/* metrics.c - atomics written by the loop, read by scrapes; the lag table
 * and readiness behind one mutex; Prometheus text rendering; librdkafka
 * statistics parsing. */
#include "metrics.h"

#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xmalloc.h"

static const char *const stage_names[] = SR_METRICS_STAGES;
#define NSTAGES (sizeof(stage_names) / sizeof(stage_names[0]))
static const double latency_bounds[] = SR_METRICS_LATENCY_BUCKETS;
#define NBUCKETS (sizeof(latency_bounds) / sizeof(latency_bounds[0]))
#define REASON_MAX 512

struct sr_metrics_s {
    atomic_uint_least64_t counters[SR_M_COUNTER_COUNT];
    atomic_int_least64_t gauges[SR_M_GAUGE_COUNT];
    atomic_uint_least64_t dead_letters[NSTAGES + 1]; /* last: "other" */
    /* Per bucket, not cumulative; the last one is above every bound. */
    atomic_uint_least64_t latency[NBUCKETS + 1];
    atomic_uint_least64_t latency_sum_us;
    atomic_int_least64_t heartbeat_ms;
    atomic_int joined, schema_required, schema_known, fatal, stopping;

    pthread_mutex_t lock; /* guards what follows */
    sr_stats_lag_t *lags;
    size_t nlags;
    char fatal_reason[REASON_MAX];
};

sr_metrics_t *sr_metrics_new(void)
{
    sr_metrics_t *m = sr_xcalloc(1, sizeof(*m));

    for (size_t i = 0; i < SR_M_COUNTER_COUNT; i++) {
        atomic_init(&m->counters[i], 0);
    }
    for (size_t i = 0; i < SR_M_GAUGE_COUNT; i++) {
        atomic_init(&m->gauges[i], 0);
    }
    for (size_t i = 0; i <= NSTAGES; i++) {
        atomic_init(&m->dead_letters[i], 0);
    }
    for (size_t i = 0; i <= NBUCKETS; i++) {
        atomic_init(&m->latency[i], 0);
    }
    atomic_init(&m->latency_sum_us, 0);
    atomic_init(&m->heartbeat_ms, 0);
    atomic_init(&m->joined, 0);
    atomic_init(&m->schema_required, 0);
    atomic_init(&m->schema_known, 0);
    atomic_init(&m->fatal, 0);
    atomic_init(&m->stopping, 0);
    pthread_mutex_init(&m->lock, NULL);
    return m;
}

void sr_metrics_destroy(sr_metrics_t *m)
{
    if (m == NULL) {
        return;
    }
    pthread_mutex_destroy(&m->lock);
    free(m->lags);
    free(m);
}

void sr_metrics_add(sr_metrics_t *m, sr_metric_counter_t c, uint64_t n)
{
    atomic_fetch_add_explicit(&m->counters[c], n, memory_order_relaxed);
}

void sr_metrics_set(sr_metrics_t *m, sr_metric_gauge_t g, int64_t v)
{
    atomic_store_explicit(&m->gauges[g], v, memory_order_relaxed);
}

void sr_metrics_set_counter(sr_metrics_t *m, sr_metric_counter_t c,
                            uint64_t v)
{
    atomic_store_explicit(&m->counters[c], v, memory_order_relaxed);
}

uint64_t sr_metrics_counter(const sr_metrics_t *m, sr_metric_counter_t c)
{
    return atomic_load(&((sr_metrics_t *)m)->counters[c]);
}

int64_t sr_metrics_gauge(const sr_metrics_t *m, sr_metric_gauge_t g)
{
    return atomic_load(&((sr_metrics_t *)m)->gauges[g]);
}

void sr_metrics_dead_letter(sr_metrics_t *m, const char *stage)
{
    size_t i = 0;

    while (i < NSTAGES &&
           (stage == NULL || strcmp(stage, stage_names[i]) != 0)) {
        i++;
    }
    atomic_fetch_add(&m->dead_letters[i], 1);
}

void sr_metrics_observe_latency(sr_metrics_t *m, double seconds)
{
    size_t i = 0;

    if (!(seconds > 0)) {
        seconds = 0;
    }
    while (i < NBUCKETS && seconds > latency_bounds[i]) {
        i++;
    }
    atomic_fetch_add(&m->latency[i], 1);
    atomic_fetch_add(&m->latency_sum_us, (uint64_t)(seconds * 1e6 + 0.5));
}

/* ---- health and readiness ----------------------------------------------- */

int64_t sr_metrics_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void sr_metrics_heartbeat(sr_metrics_t *m, int64_t now_ms)
{
    atomic_store(&m->heartbeat_ms, now_ms);
}

int64_t sr_metrics_heartbeat_age_ms(const sr_metrics_t *m, int64_t now_ms)
{
    return now_ms - atomic_load(&((sr_metrics_t *)m)->heartbeat_ms);
}

void sr_metrics_set_joined(sr_metrics_t *m, int joined)
{
    atomic_store(&m->joined, joined != 0);
}

void sr_metrics_set_stopping(sr_metrics_t *m)
{
    atomic_store(&m->stopping, 1);
}

void sr_metrics_set_fatal(sr_metrics_t *m, const char *reason)
{
    pthread_mutex_lock(&m->lock);
    if (!atomic_load(&m->fatal)) {
        snprintf(m->fatal_reason, sizeof(m->fatal_reason), "%s",
                 reason ? reason : "fatal error");
        atomic_store(&m->fatal, 1);
    }
    pthread_mutex_unlock(&m->lock);
}

void sr_metrics_require_schema(sr_metrics_t *m)
{
    atomic_store(&m->schema_required, 1);
}

void sr_metrics_set_schema_known(sr_metrics_t *m)
{
    atomic_store(&m->schema_known, 1);
}

int sr_metrics_ready(sr_metrics_t *m, char *why, size_t why_size)
{
    if (atomic_load(&m->fatal)) {
        pthread_mutex_lock(&m->lock);
        sr_errstr_set(why, why_size, "fatal error: %s", m->fatal_reason);
        pthread_mutex_unlock(&m->lock);
        return 0;
    }
    if (atomic_load(&m->stopping)) {
        sr_errstr_set(why, why_size, "shutting down");
        return 0;
    }
    if (atomic_load(&m->schema_required) && !atomic_load(&m->schema_known)) {
        sr_errstr_set(why, why_size,
                      "the schema registry has not given a schema id yet");
        return 0;
    }
    if (!atomic_load(&m->joined)) {
        sr_errstr_set(why, why_size,
                      "the consumer has not joined its group (no "
                      "assignment yet)");
        return 0;
    }
    sr_errstr_set(why, why_size, "ok");
    return 1;
}

/* ---- librdkafka statistics ------------------------------------------- */

void sr_stats_clear(sr_stats_t *st)
{
    free(st->lags);
    memset(st, 0, sizeof(*st));
    st->msg_cnt = -1;
}

/* The lags of one topic's "partitions" object. */
static sr_err_t parse_partitions(const char *topic, json_t *parts,
                                 sr_stats_t *st, char *errstr,
                                 size_t errstr_size)
{
    const char *key;
    json_t *p;

    if (!json_is_object(parts)) {
        sr_errstr_set(errstr, errstr_size,
                      "statistics: topics.%s.partitions is not an object",
                      topic);
        return SR_ERR_INVALID;
    }
    json_object_foreach(parts, key, p) {
        json_t *lag = json_object_get(p, "consumer_lag");
        json_t *id = json_object_get(p, "partition");
        json_t *desired = json_object_get(p, "desired");
        json_int_t partition;

        if (!json_is_object(p) || (id != NULL && !json_is_integer(id)) ||
            (lag != NULL && !json_is_integer(lag))) {
            sr_errstr_set(errstr, errstr_size,
                          "statistics: topics.%s.partitions.%s: bad "
                          "partition or consumer_lag",
                          topic, key);
            return SR_ERR_INVALID;
        }
        partition = id != NULL ? json_integer_value(id) : atoll(key);
        /* -1 is librdkafka's internal unassigned partition; a lag of -1
         * means it is not known (no committed offset or watermark). */
        if (lag == NULL || partition < 0 || partition > INT32_MAX ||
            json_integer_value(lag) < 0) {
            continue;
        }
        /* A partition revoked by a rebalance stays in librdkafka's
         * reports (desired false) with the lag it had then, frozen: its
         * new owner reports the live value. */
        if (json_is_false(desired)) {
            continue;
        }
        if (st->count >= SR_METRICS_MAX_PARTITIONS) {
            st->skipped++;
            continue;
        }
        snprintf(st->lags[st->count].topic, SR_METRICS_TOPIC_MAX, "%s",
                 topic);
        st->lags[st->count].partition = (int32_t)partition;
        st->lags[st->count].lag = (int64_t)json_integer_value(lag);
        st->count++;
    }
    return SR_OK;
}

sr_err_t sr_stats_parse(const char *json, size_t len, sr_stats_t *st,
                        char *errstr, size_t errstr_size)
{
    json_error_t jerr;
    json_t *root, *type, *msg_cnt, *topics, *t;
    const char *name;
    sr_err_t rc = SR_OK;

    memset(st, 0, sizeof(*st));
    st->msg_cnt = -1;
    root = json_loadb(json, len, 0, &jerr);
    if (root == NULL || !json_is_object(root)) {
        sr_errstr_set(errstr, errstr_size, "statistics: %s",
                      root == NULL ? jerr.text : "not a JSON object");
        json_decref(root);
        return SR_ERR_INVALID;
    }
    type = json_object_get(root, "type");
    if (json_is_string(type)) {
        st->is_consumer = strcmp(json_string_value(type), "consumer") == 0;
        st->is_producer = strcmp(json_string_value(type), "producer") == 0;
    }
    msg_cnt = json_object_get(root, "msg_cnt");
    if (json_is_integer(msg_cnt)) {
        st->msg_cnt = (int64_t)json_integer_value(msg_cnt);
    }
    topics = json_object_get(root, "topics");
    if (topics != NULL && !json_is_object(topics)) {
        sr_errstr_set(errstr, errstr_size,
                      "statistics: topics is not an object");
        rc = SR_ERR_INVALID;
        goto out;
    }
    st->lags = sr_xcalloc(SR_METRICS_MAX_PARTITIONS, sizeof(sr_stats_lag_t));
    json_object_foreach(topics, name, t) {
        json_t *parts = json_object_get(t, "partitions");

        if (parts == NULL) {
            continue;
        }
        rc = parse_partitions(name, parts, st, errstr, errstr_size);
        if (rc != SR_OK) {
            break;
        }
    }

out:
    json_decref(root);
    if (rc != SR_OK) {
        sr_stats_clear(st);
    }
    return rc;
}

void sr_metrics_publish_stats(sr_metrics_t *m, const sr_stats_t *st)
{
    if (st->is_producer && st->msg_cnt >= 0) {
        sr_metrics_set(m, SR_M_PRODUCER_QUEUE, st->msg_cnt);
    }
    if (!st->is_consumer) {
        return;
    }
    pthread_mutex_lock(&m->lock);
    free(m->lags);
    m->lags = NULL;
    m->nlags = st->count;
    if (st->count > 0) {
        m->lags = sr_xmalloc(st->count * sizeof(sr_stats_lag_t));
        memcpy(m->lags, st->lags, st->count * sizeof(sr_stats_lag_t));
    }
    pthread_mutex_unlock(&m->lock);
}

/* ---- exposition ------------------------------------------------------- */

sr_err_t sr_prom_label_value(sr_buf_t *out, const char *s)
{
    sr_err_t rc = SR_OK;

    for (; *s != '\0' && rc == SR_OK; s++) {
        switch (*s) {
        case '\\':
            rc = sr_buf_puts(out, "\\\\");
            break;
        case '"':
            rc = sr_buf_puts(out, "\\\"");
            break;
        case '\n':
            rc = sr_buf_puts(out, "\\n");
            break;
        default:
            rc = sr_buf_putc(out, *s);
        }
    }
    return rc;
}

static sr_err_t header(sr_buf_t *out, const char *name, const char *type,
                       const char *help)
{
    return sr_buf_appendf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help,
                          name, type);
}

static sr_err_t scalar(sr_buf_t *out, const char *name, const char *type,
                       const char *help, long long v)
{
    sr_err_t rc = header(out, name, type, help);

    return rc != SR_OK ? rc : sr_buf_appendf(out, "%s %lld\n", name, v);
}

static sr_err_t render_dead_letters(sr_metrics_t *m, sr_buf_t *out)
{
    const char *name = "sitrep_dead_letters_total";
    sr_err_t rc = header(out, name, "counter",
                         "Messages sent to the dead-letter topic, by the "
                         "stage that refused them.");

    for (size_t i = 0; i <= NSTAGES && rc == SR_OK; i++) {
        rc = sr_buf_appendf(out, "%s{stage=\"%s\"} %llu\n", name,
                            i < NSTAGES ? stage_names[i] : "other",
                            (unsigned long long)atomic_load(
                                &m->dead_letters[i]));
    }
    return rc;
}

static sr_err_t render_geocoder(sr_metrics_t *m, sr_buf_t *out)
{
    const char *name = "sitrep_geocoder_requests_total";
    const char *results[] = {"hit", "miss", "failed"};
    const sr_metric_counter_t cs[] = {SR_M_GEO_HIT, SR_M_GEO_MISS,
                                      SR_M_GEO_FAILED};
    sr_err_t rc = header(out, name, "counter",
                         "Geocoder lookups by result: hit (a place), miss "
                         "(no such place), failed (timeout, HTTP error).");

    for (size_t i = 0; i < 3 && rc == SR_OK; i++) {
        rc = sr_buf_appendf(out, "%s{result=\"%s\"} %llu\n", name,
                            results[i],
                            (unsigned long long)sr_metrics_counter(m, cs[i]));
    }
    return rc;
}

static sr_err_t render_latency(sr_metrics_t *m, sr_buf_t *out)
{
    const char *name = "sitrep_processing_latency_seconds";
    uint64_t cumulative = 0;
    sr_err_t rc = header(out, name, "histogram",
                         "Time from consuming an article to the delivery "
                         "of its events (or dead letter).");

    for (size_t i = 0; i <= NBUCKETS && rc == SR_OK; i++) {
        char le[32];

        cumulative += atomic_load(&m->latency[i]);
        if (i < NBUCKETS) {
            snprintf(le, sizeof(le), "%g", latency_bounds[i]);
        } else {
            snprintf(le, sizeof(le), "+Inf");
        }
        rc = sr_buf_appendf(out, "%s_bucket{le=\"%s\"} %llu\n", name, le,
                            (unsigned long long)cumulative);
    }
    if (rc == SR_OK) {
        rc = sr_buf_appendf(
            out, "%s_sum %.6f\n%s_count %llu\n", name,
            (double)atomic_load(&m->latency_sum_us) / 1e6, name,
            (unsigned long long)cumulative);
    }
    return rc;
}

static sr_err_t render_lag(sr_metrics_t *m, sr_buf_t *out)
{
    const char *name = "sitrep_consumer_lag";
    sr_err_t rc = header(out, name, "gauge",
                         "Messages behind the partition's high watermark, "
                         "from librdkafka's statistics (consumer_lag).");

    pthread_mutex_lock(&m->lock);
    for (size_t i = 0; i < m->nlags && rc == SR_OK; i++) {
        rc = sr_buf_appendf(out, "%s{topic=\"", name);
        if (rc == SR_OK) {
            rc = sr_prom_label_value(out, m->lags[i].topic);
        }
        if (rc == SR_OK) {
            rc = sr_buf_appendf(out, "\",partition=\"%d\"} %lld\n",
                                (int)m->lags[i].partition,
                                (long long)m->lags[i].lag);
        }
    }
    pthread_mutex_unlock(&m->lock);
    return rc;
}

/* One line of the exposition: a counter or gauge of the atomics, or a
 * family with its own renderer. */
typedef struct family_s {
    const char *name;
    const char *type; /* "counter" or "gauge"; NULL: fn renders */
    int index;        /* sr_metric_counter_t or sr_metric_gauge_t */
    const char *help;
    sr_err_t (*fn)(sr_metrics_t *m, sr_buf_t *out);
} family_t;

static const family_t families[] = {
    {"sitrep_messages_consumed_total", "counter", SR_M_CONSUMED,
     "Messages consumed from the input topic.", NULL},
    {"sitrep_articles_done_total", "counter", SR_M_ARTICLES_DONE,
     "Articles finished: events delivered, dead-lettered, or without "
     "incidents.", NULL},
    {"sitrep_incidents_produced_total", "counter", SR_M_PRODUCED,
     "Incident events delivered to the output topic.", NULL},
    {NULL, NULL, 0, NULL, render_dead_letters},
    {"sitrep_paragraphs_removed_total", "counter", SR_M_PARAGRAPHS_REMOVED,
     "Repeated paragraphs removed from articles that produced incidents.",
     NULL},
    {"sitrep_articles_in_flight", "gauge", SR_M_INFLIGHT,
     "Articles consumed whose outcome is not delivered yet.", NULL},
    {"sitrep_partitions_assigned", "gauge", SR_M_PARTITIONS_ASSIGNED,
     "Input partitions assigned to this worker.", NULL},
    {"sitrep_partitions_paused", "gauge", SR_M_PARTITIONS_PAUSED,
     "Assigned partitions paused by backpressure or shutdown.", NULL},
    {"sitrep_backpressure_pauses_total", "counter", SR_M_PAUSES,
     "Times fetching was paused by backpressure.", NULL},
    {NULL, NULL, 0, NULL, render_geocoder},
    {"sitrep_geocoder_cache_hits_total", "counter", SR_M_GEO_CACHE_HITS,
     "Geocoder lookups answered from the cache.", NULL},
    {"sitrep_geocoder_http_requests_total", "counter", SR_M_GEO_HTTP,
     "HTTP requests sent to the geocoder (lookups not answered by the "
     "cache or by an identical lookup in flight).", NULL},
    {"sitrep_geocoder_merged_lookups_total", "counter", SR_M_GEO_MERGED,
     "Lookups that joined an identical one already in flight.", NULL},
    {"sitrep_geocoder_cache_misses_total", "counter", SR_M_GEO_CACHE_MISSES,
     "Geocoder lookups the cache could not answer (sent over HTTP, or "
     "joined to an identical lookup in flight).", NULL},
    {"sitrep_geocoder_retries_total", "counter", SR_M_GEO_RETRIES,
     "Geocoder HTTP requests that were retries (after a timeout, 429 or "
     "502-504).", NULL},
    {"sitrep_geocoder_breaker_opens_total", "counter",
     SR_M_GEO_BREAKER_OPENS,
     "Times the geocoder's circuit breaker opened (from closed, or after a "
     "failed half-open probe).", NULL},
    {"sitrep_geocoder_breaker_state", "gauge", SR_M_GEO_BREAKER_STATE,
     "Geocoder circuit breaker: 0 closed, 1 open (lookups fail at once), "
     "2 half-open (the next lookup probes).", NULL},
    {"sitrep_geocoder_circuit_open_total", "counter", SR_M_GEO_CIRCUIT_OPEN,
     "Geocoder requests failed at once by the open circuit breaker, "
     "without reaching the server.", NULL},
    {"sitrep_geocoder_fallbacks_total", "counter", SR_M_GEO_FALLBACKS,
     "Geocoder lookups that failed (timeout, HTTP error, open circuit): "
     "the location keeps the gazetteer's answer, marked \"gazetteer "
     "(geocoder unavailable)\".", NULL},
    {"sitrep_geocoder_requests_in_flight", "gauge", SR_M_GEO_RUNNING,
     "Geocoder HTTP requests in progress.", NULL},
    {"sitrep_geocoder_cache_entries", "gauge", SR_M_GEO_CACHE_ENTRIES,
     "Geocoder answers in the cache.", NULL},
    {NULL, NULL, 0, NULL, render_latency},
    {NULL, NULL, 0, NULL, render_lag},
    {"sitrep_producer_queue_messages", "gauge", SR_M_PRODUCER_QUEUE,
     "Messages in the producer's queues (msg_cnt of librdkafka's "
     "statistics).", NULL},
    {"sitrep_statistics_errors_total", "counter", SR_M_STATS_ERRORS,
     "librdkafka statistics reports that could not be parsed.", NULL},
};

sr_err_t sr_metrics_render(sr_metrics_t *m, sr_buf_t *out)
{
    sr_err_t rc = SR_OK;

    for (size_t i = 0; i < sizeof(families) / sizeof(families[0]) &&
                       rc == SR_OK;
         i++) {
        const family_t *f = &families[i];
        long long v;

        if (f->fn != NULL) {
            rc = f->fn(m, out);
            continue;
        }
        v = strcmp(f->type, "counter") == 0
                ? (long long)sr_metrics_counter(m, (sr_metric_counter_t)f->index)
                : (long long)sr_metrics_gauge(m, (sr_metric_gauge_t)f->index);
        rc = scalar(out, f->name, f->type, f->help, v);
    }
    return rc;
}
