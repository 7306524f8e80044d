/* test_metrics.c - worker/ops/metrics.h and opsserver.h: the Prometheus
 * text exposition (HELP/TYPE, label escaping, cumulative histogram with
 * +Inf, _sum and _count), the librdkafka statistics parser (recorded
 * consumer and producer reports in tests/fixtures/ops/), readiness and
 * liveness, and the HTTP endpoints. */
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "metrics.h"
#include "opsserver.h"
#include "xmalloc.h"

/* The whole rendering of m (a fresh string the caller frees). */
static char *render(sr_metrics_t *m)
{
    sr_buf_t out;

    sr_buf_init(&out, 1 << 20);
    CHECK(sr_metrics_render(m, &out) == SR_OK);
    return sr_buf_take(&out, NULL);
}

/* The value of the sample line that starts with "series " in text, or -1
 * when there is none. */
static double sample(const char *text, const char *series)
{
    size_t n = strlen(series);

    for (const char *p = text; p != NULL && *p != '\0';) {
        const char *eol = strchr(p, '\n');

        if (strncmp(p, series, n) == 0 && p[n] == ' ') {
            return strtod(p + n + 1, NULL);
        }
        p = eol ? eol + 1 : NULL;
    }
    return -1;
}

static int contains(const char *text, const char *needle)
{
    return strstr(text, needle) != NULL;
}

static char *read_fixture(const char *name, size_t *len)
{
    const char *root = getenv("SR_ROOT") ? getenv("SR_ROOT") : ".";
    char path[1024];
    FILE *f;
    sr_buf_t b;
    char chunk[4096];
    size_t n;

    snprintf(path, sizeof(path), "%s/tests/fixtures/ops/%s", root, name);
    f = fopen(path, "rb");
    CHECK(f != NULL);
    if (f == NULL) {
        *len = 0;
        return sr_xstrdup("");
    }
    sr_buf_init(&b, 0);
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        CHECK(sr_buf_append(&b, chunk, n) == SR_OK);
    }
    fclose(f);
    return sr_buf_take(&b, len);
}

/* Every family has HELP then TYPE before its samples; counters end in
 * _total; every sample line belongs to the family announced last. */
static void test_format(void)
{
    sr_metrics_t *m = sr_metrics_new();
    char *text = render(m);
    char family[128] = "", type[32] = "";
    int families = 0, samples = 0, bad = 0;

    for (char *line = strtok(text, "\n"); line != NULL;
         line = strtok(NULL, "\n")) {
        if (strncmp(line, "# HELP ", 7) == 0) {
            CHECK(sscanf(line + 7, "%127s", family) == 1);
            type[0] = '\0';
            families++;
        } else if (strncmp(line, "# TYPE ", 7) == 0) {
            char name[128];

            CHECK(sscanf(line + 7, "%127s %31s", name, type) == 2);
            if (strcmp(name, family) != 0) {
                bad++;
            }
            if (strcmp(type, "counter") == 0 &&
                (strlen(family) < 6 ||
                 strcmp(family + strlen(family) - 6, "_total") != 0)) {
                bad++;
            }
        } else {
            size_t n = strlen(family);

            samples++;
            if (type[0] == '\0' || strncmp(line, family, n) != 0 ||
                (line[n] != ' ' && line[n] != '{' && line[n] != '_')) {
                fprintf(stderr, "    stray line: %s\n", line);
                bad++;
            }
        }
    }
    CHECK_INT_EQ(bad, 0);
    CHECK(families >= 15);
    CHECK(samples > families);
    free(text);
    sr_metrics_destroy(m);
}

static void test_counters(void)
{
    sr_metrics_t *m = sr_metrics_new();
    char *text;

    sr_metrics_add(m, SR_M_CONSUMED, 7);
    sr_metrics_add(m, SR_M_CONSUMED, 3);
    sr_metrics_add(m, SR_M_PRODUCED, 12);
    sr_metrics_add(m, SR_M_GEO_HIT, 4);
    sr_metrics_add(m, SR_M_GEO_FAILED, 1);
    sr_metrics_add(m, SR_M_GEO_CACHE_HITS, 2);
    sr_metrics_set_counter(m, SR_M_GEO_CACHE_MISSES, 3);
    sr_metrics_set_counter(m, SR_M_GEO_RETRIES, 8);
    sr_metrics_set_counter(m, SR_M_GEO_BREAKER_OPENS, 2);
    sr_metrics_set_counter(m, SR_M_GEO_CIRCUIT_OPEN, 11);
    sr_metrics_set_counter(m, SR_M_GEO_FALLBACKS, 13);
    sr_metrics_set(m, SR_M_GEO_BREAKER_STATE, 2);
    sr_metrics_add(m, SR_M_PARAGRAPHS_REMOVED, 5);
    sr_metrics_set(m, SR_M_INFLIGHT, 9);
    sr_metrics_set(m, SR_M_INFLIGHT, 6);
    sr_metrics_dead_letter(m, "decode");
    sr_metrics_dead_letter(m, "decode");
    sr_metrics_dead_letter(m, "produce");
    sr_metrics_dead_letter(m, "nonsense");
    sr_metrics_dead_letter(m, NULL);
    CHECK_INT_EQ(sr_metrics_counter(m, SR_M_CONSUMED), 10);
    CHECK_INT_EQ(sr_metrics_gauge(m, SR_M_INFLIGHT), 6);
    text = render(m);
    CHECK_INT_EQ(sample(text, "sitrep_messages_consumed_total"), 10);
    CHECK_INT_EQ(sample(text, "sitrep_incidents_produced_total"), 12);
    CHECK_INT_EQ(sample(text, "sitrep_articles_in_flight"), 6);
    CHECK_INT_EQ(sample(text, "sitrep_paragraphs_removed_total"), 5);
    CHECK_INT_EQ(sample(text, "sitrep_dead_letters_total{stage=\"decode\"}"), 2);
    CHECK_INT_EQ(sample(text, "sitrep_dead_letters_total{stage=\"produce\"}"), 1);
    CHECK_INT_EQ(sample(text, "sitrep_dead_letters_total{stage=\"extract\"}"), 0);
    CHECK_INT_EQ(sample(text, "sitrep_dead_letters_total{stage=\"other\"}"), 2);
    CHECK_INT_EQ(sample(text, "sitrep_geocoder_requests_total{result=\"hit\"}"), 4);
    CHECK_INT_EQ(sample(text, "sitrep_geocoder_requests_total{result=\"miss\"}"), 0);
    CHECK_INT_EQ(sample(text, "sitrep_geocoder_requests_total{result=\"failed\"}"), 1);
    CHECK_INT_EQ(sample(text, "sitrep_geocoder_cache_hits_total"), 2);
    CHECK_INT_EQ(sample(text, "sitrep_geocoder_cache_misses_total"), 3);
    CHECK_INT_EQ(sample(text, "sitrep_geocoder_retries_total"), 8);
    CHECK_INT_EQ(sample(text, "sitrep_geocoder_breaker_opens_total"), 2);
    CHECK_INT_EQ(sample(text, "sitrep_geocoder_circuit_open_total"), 11);
    CHECK_INT_EQ(sample(text, "sitrep_geocoder_fallbacks_total"), 13);
    CHECK_INT_EQ(sample(text, "sitrep_geocoder_breaker_state"), 2);
    CHECK(contains(text, "# TYPE sitrep_geocoder_breaker_state gauge\n"));
    CHECK(contains(text, "# TYPE sitrep_articles_in_flight gauge\n"));
    CHECK(contains(text, "# TYPE sitrep_dead_letters_total counter\n"));
    free(text);
    sr_metrics_destroy(m);
}

static void test_histogram(void)
{
    sr_metrics_t *m = sr_metrics_new();
    const double seen[] = {0.0005, 0.003, 0.003, 0.7, 100.0, -1.0, 0.001};
    const struct {
        const char *le;
        int count;
    } want[] = {{"0.001", 3}, {"0.0025", 3}, {"0.005", 5}, {"0.01", 5},
                {"0.5", 5},   {"1", 6},      {"60", 6},    {"+Inf", 7}};
    char *text, *inf, *count;

    for (size_t i = 0; i < sizeof(seen) / sizeof(seen[0]); i++) {
        sr_metrics_observe_latency(m, seen[i]);
    }
    text = render(m);
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        char series[128];

        snprintf(series, sizeof(series),
                 "sitrep_processing_latency_seconds_bucket{le=\"%s\"}",
                 want[i].le);
        CHECK_INT_EQ(sample(text, series), want[i].count);
    }
    /* Cumulative: never decreasing, +Inf after every finite bound. */
    {
        double prev = 0;
        const char *p = text;
        int buckets = 0;

        while ((p = strstr(p, "_seconds_bucket{le=\"")) != NULL) {
            const char *v = strstr(p, "} ");
            double x = strtod(v + 2, NULL);

            CHECK(x >= prev);
            prev = x;
            buckets++;
            p = v;
        }
        CHECK_INT_EQ(buckets, 16);
    }
    inf = strstr(text, "le=\"+Inf\"");
    count = strstr(text, "sitrep_processing_latency_seconds_count");
    CHECK(inf != NULL && count != NULL && inf < count);
    CHECK_INT_EQ(sample(text, "sitrep_processing_latency_seconds_count"), 7);
    {
        double sum = sample(text, "sitrep_processing_latency_seconds_sum");

        CHECK(sum > 100.7074 && sum < 100.7076);
    }
    CHECK(contains(text,
                   "# TYPE sitrep_processing_latency_seconds histogram\n"));
    free(text);
    sr_metrics_destroy(m);
}

static void test_label_escaping(void)
{
    sr_buf_t b;
    sr_metrics_t *m = sr_metrics_new();
    sr_stats_t st;
    sr_stats_lag_t lag;
    char *text;

    sr_buf_init(&b, 0);
    CHECK(sr_prom_label_value(&b, "a\"b\\c\nd{e}=f,") == SR_OK);
    CHECK_STR_EQ(sr_buf_str(&b), "a\\\"b\\\\c\\nd{e}=f,");
    sr_buf_clear(&b);
    sr_buf_init(&b, 4);
    CHECK(sr_prom_label_value(&b, "\\\\\\") == SR_ERR_TOO_LARGE);
    sr_buf_clear(&b);

    /* A topic name reaching the lag table is escaped the same way. */
    memset(&st, 0, sizeof(st));
    memset(&lag, 0, sizeof(lag));
    snprintf(lag.topic, sizeof(lag.topic), "we\"ird\\topic\n");
    lag.partition = 7;
    lag.lag = 42;
    st.is_consumer = 1;
    st.msg_cnt = -1;
    st.lags = &lag;
    st.count = 1;
    sr_metrics_publish_stats(m, &st);
    text = render(m);
    CHECK_INT_EQ(sample(text, "sitrep_consumer_lag{topic=\"we\\\"ird\\\\topic\\n\","
                              "partition=\"7\"}"),
                 42);
    free(text);
    sr_metrics_destroy(m);
}

static const sr_stats_lag_t *find_lag(const sr_stats_t *st, const char *topic,
                                      int32_t partition)
{
    for (size_t i = 0; i < st->count; i++) {
        if (st->lags[i].partition == partition &&
            strcmp(st->lags[i].topic, topic) == 0) {
            return &st->lags[i];
        }
    }
    return NULL;
}

/* Parses a recorded report of tests/fixtures/ops/ into st. */
static void parse_fixture(const char *name, sr_stats_t *st)
{
    size_t len;
    char *json = read_fixture(name, &len);
    char err[256] = "";

    CHECK(sr_stats_parse(json, len, st, err, sizeof(err)) == SR_OK);
    if (err[0] != '\0') {
        fprintf(stderr, "    %s: %s\n", name, err);
    }
    free(json);
}

static void test_stats_consumer(void)
{
    sr_stats_t st;
    char err[256];
    sr_metrics_t *m = sr_metrics_new();
    char *text;

    parse_fixture("stats-consumer.json", &st);
    CHECK(st.is_consumer && !st.is_producer);
    /* articles[2] has no committed offset yet (lag -1) and [-1] is
     * librdkafka's internal partition: neither is exported. */
    CHECK_INT_EQ(st.count, 3);
    CHECK(find_lag(&st, "articles", 0) != NULL &&
          find_lag(&st, "articles", 0)->lag == 12);
    CHECK(find_lag(&st, "articles", 1) != NULL &&
          find_lag(&st, "articles", 1)->lag == 0);
    CHECK(find_lag(&st, "articles-eu", 0) != NULL &&
          find_lag(&st, "articles-eu", 0)->lag == 3);
    CHECK(find_lag(&st, "articles", 2) == NULL);
    CHECK(find_lag(&st, "articles", -1) == NULL);
    sr_metrics_set(m, SR_M_PRODUCER_QUEUE, 5);
    sr_metrics_publish_stats(m, &st);
    sr_stats_clear(&st);
    text = render(m);
    CHECK_INT_EQ(sample(text, "sitrep_consumer_lag{topic=\"articles\",partition=\"0\"}"), 12);
    CHECK_INT_EQ(sample(text, "sitrep_consumer_lag{topic=\"articles\",partition=\"1\"}"), 0);
    CHECK_INT_EQ(sample(text, "sitrep_consumer_lag{topic=\"articles-eu\",partition=\"0\"}"), 3);
    CHECK(!contains(text, "partition=\"2\""));
    CHECK(!contains(text, "partition=\"-1\""));
    /* A consumer report leaves the producer's gauge alone. */
    CHECK_INT_EQ(sample(text, "sitrep_producer_queue_messages"), 5);
    free(text);

    /* The next report replaces the table: a revoked partition goes,
     * also when librdkafka still lists it (desired false, its lag frozen
     * at the revocation). */
    {
        const char *later =
            "{\"type\":\"consumer\",\"topics\":{\"articles\":{\"partitions\":"
            "{\"1\":{\"partition\":1,\"desired\":true,\"consumer_lag\":4},"
            "\"0\":{\"partition\":0,\"desired\":false,\"consumer_lag\":9}}}}}";

        CHECK(sr_stats_parse(later, strlen(later), &st, err, sizeof(err)) ==
              SR_OK);
        sr_metrics_publish_stats(m, &st);
        sr_stats_clear(&st);
        text = render(m);
        CHECK_INT_EQ(sample(text, "sitrep_consumer_lag{topic=\"articles\",partition=\"1\"}"), 4);
        CHECK(!contains(text, "topic=\"articles-eu\""));
        CHECK(!contains(text, "partition=\"0\""));
        free(text);
    }
    sr_metrics_destroy(m);
}

static void test_stats_producer(void)
{
    sr_stats_t st;
    sr_metrics_t *m = sr_metrics_new();
    char *text;

    parse_fixture("stats-producer.json", &st);
    CHECK(st.is_producer && !st.is_consumer);
    CHECK_INT_EQ(st.msg_cnt, 42);
    CHECK_INT_EQ(st.count, 0); /* a producer's partitions have no lag */
    sr_metrics_publish_stats(m, &st);
    sr_stats_clear(&st);
    text = render(m);
    CHECK_INT_EQ(sample(text, "sitrep_producer_queue_messages"), 42);
    CHECK(!contains(text, "sitrep_consumer_lag{"));
    free(text);
    sr_metrics_destroy(m);
}

static void test_stats_bad(void)
{
    const char *bad[] = {
        "",
        "not json",
        "[1,2,3]",
        "{\"type\":\"consumer\",\"topics\":[]}",
        "{\"type\":\"consumer\",\"topics\":{\"t\":{\"partitions\":7}}}",
        "{\"type\":\"consumer\",\"topics\":{\"t\":{\"partitions\":{\"0\":"
        "{\"partition\":0,\"consumer_lag\":\"12\"}}}}}",
        "{\"type\":\"consumer\",\"topics\":{\"t\":{\"partitions\":{\"0\":"
        "{\"partition\":0,\"consumer_lag\":1},\"1\":[]}}}}",
        "{\"type\":\"consumer\",\"topics\":{\"t\":{\"partitions\":{\"0\":"
        "{\"partition\":\"zero\",\"consumer_lag\":1}}}}}",
    };

    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        sr_stats_t st;
        char err[256] = "";

        CHECK(sr_stats_parse(bad[i], strlen(bad[i]), &st, err, sizeof(err)) ==
              SR_ERR_INVALID);
        CHECK(strncmp(err, "statistics: ", 12) == 0);
        CHECK(st.lags == NULL && st.count == 0);
    }
}

/* More partitions than SR_METRICS_MAX_PARTITIONS: the rest is counted as
 * skipped, nothing overflows. */
static void test_stats_cap(void)
{
    sr_buf_t b;
    sr_stats_t st;
    char err[256];
    size_t n = SR_METRICS_MAX_PARTITIONS + 10;

    sr_buf_init(&b, 0);
    CHECK(sr_buf_puts(&b, "{\"type\":\"consumer\",\"topics\":{\"t\":"
                          "{\"partitions\":{") == SR_OK);
    for (size_t i = 0; i < n; i++) {
        CHECK(sr_buf_appendf(&b, "%s\"%zu\":{\"partition\":%zu,"
                             "\"consumer_lag\":%zu}",
                             i ? "," : "", i, i, i) == SR_OK);
    }
    CHECK(sr_buf_puts(&b, "}}}}") == SR_OK);
    CHECK(sr_stats_parse(b.data, b.len, &st, err, sizeof(err)) == SR_OK);
    CHECK_INT_EQ(st.count, SR_METRICS_MAX_PARTITIONS);
    CHECK_INT_EQ(st.skipped, 10);
    sr_stats_clear(&st);
    sr_buf_clear(&b);
}

static void test_readiness(void)
{
    sr_metrics_t *m = sr_metrics_new();
    char why[256];

    CHECK(!sr_metrics_ready(m, why, sizeof(why)));
    CHECK(contains(why, "joined"));
    sr_metrics_require_schema(m);
    sr_metrics_set_joined(m, 1);
    CHECK(!sr_metrics_ready(m, why, sizeof(why)));
    CHECK(contains(why, "schema"));
    sr_metrics_set_schema_known(m);
    CHECK(sr_metrics_ready(m, why, sizeof(why)));
    CHECK_STR_EQ(why, "ok");
    sr_metrics_set_joined(m, 0);
    CHECK(!sr_metrics_ready(m, why, sizeof(why)));
    sr_metrics_set_joined(m, 1);
    CHECK(sr_metrics_ready(m, why, sizeof(why)));
    sr_metrics_set_fatal(m, "librdkafka fatal error: fenced");
    sr_metrics_set_fatal(m, "a later one");
    CHECK(!sr_metrics_ready(m, why, sizeof(why)));
    CHECK_STR_EQ(why, "fatal error: librdkafka fatal error: fenced");
    sr_metrics_destroy(m);

    m = sr_metrics_new();
    sr_metrics_set_joined(m, 1);
    CHECK(sr_metrics_ready(m, why, sizeof(why)));
    sr_metrics_set_stopping(m);
    CHECK(!sr_metrics_ready(m, why, sizeof(why)));
    CHECK_STR_EQ(why, "shutting down");

    sr_metrics_heartbeat(m, 1000);
    CHECK_INT_EQ(sr_metrics_heartbeat_age_ms(m, 1500), 500);
    sr_metrics_heartbeat(m, 9000);
    CHECK_INT_EQ(sr_metrics_heartbeat_age_ms(m, 9000), 0);
    sr_metrics_destroy(m);
}

/* ---- the HTTP endpoints ---------------------------------------------- */

static size_t collect(char *p, size_t size, size_t n, void *opaque)
{
    return sr_buf_append(opaque, p, size * n) == SR_OK ? size * n : 0;
}

/* GETs (or sends method to) url + path: the status, body in body. */
static long http(const char *url, const char *path, const char *method,
                 sr_buf_t *body, char *ctype, size_t ctype_size)
{
    CURL *c = curl_easy_init();
    char full[512];
    long status = 0;
    char *ct = NULL;

    snprintf(full, sizeof(full), "%s%s", url, path);
    sr_buf_reset(body);
    curl_easy_setopt(c, CURLOPT_URL, full);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, body);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 10000L);
    if (method != NULL && strcmp(method, "HEAD") == 0) {
        curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    } else if (method != NULL) {
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    }
    if (curl_easy_perform(c) == CURLE_OK) {
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct);
        if (ctype != NULL) {
            snprintf(ctype, ctype_size, "%s", ct ? ct : "");
        }
    }
    curl_easy_cleanup(c);
    return status;
}

static void test_server(void)
{
    sr_metrics_t *m = sr_metrics_new();
    char err[256], ctype[128];
    sr_opsserver_t *os;
    sr_buf_t body;
    const char *url;

    curl_global_init(CURL_GLOBAL_DEFAULT);
    sr_buf_init(&body, 1 << 20);
    os = sr_opsserver_start("127.0.0.1:0", m, 10000, err, sizeof(err));
    CHECK(os != NULL);
    if (os == NULL) {
        fprintf(stderr, "    %s\n", err);
        goto out;
    }
    url = sr_opsserver_url(os);
    CHECK(strncmp(url, "http://127.0.0.1:", 17) == 0 &&
          strcmp(url, "http://127.0.0.1:0") != 0);

    sr_metrics_add(m, SR_M_CONSUMED, 3);
    CHECK_INT_EQ(http(url, "/metrics", NULL, &body, ctype, sizeof(ctype)),
                 200);
    CHECK_STR_EQ(ctype, "text/plain; version=0.0.4; charset=utf-8");
    CHECK_INT_EQ(sample(sr_buf_str(&body), "sitrep_messages_consumed_total"),
                 3);
    CHECK_INT_EQ(http(url, "/metrics", "HEAD", &body, NULL, 0), 200);
    CHECK_INT_EQ(body.len, 0);

    /* Liveness follows the heartbeat. */
    sr_metrics_heartbeat(m, sr_metrics_now_ms());
    CHECK_INT_EQ(http(url, "/healthz", NULL, &body, NULL, 0), 200);
    CHECK_STR_EQ(sr_buf_str(&body), "ok\n");
    sr_metrics_heartbeat(m, sr_metrics_now_ms() - 60000);
    CHECK_INT_EQ(http(url, "/healthz", NULL, &body, NULL, 0), 503);
    CHECK(contains(sr_buf_str(&body), "stalled"));

    /* Readiness: a one-line reason until joined. */
    CHECK_INT_EQ(http(url, "/readyz", NULL, &body, NULL, 0), 503);
    CHECK(contains(sr_buf_str(&body), "joined"));
    CHECK(strchr(sr_buf_str(&body), '\n') ==
          sr_buf_str(&body) + body.len - 1);
    sr_metrics_set_joined(m, 1);
    CHECK_INT_EQ(http(url, "/readyz", NULL, &body, NULL, 0), 200);
    CHECK_STR_EQ(sr_buf_str(&body), "ok\n");

    CHECK_INT_EQ(http(url, "/", NULL, &body, NULL, 0), 404);
    CHECK_INT_EQ(http(url, "/metrics/x", NULL, &body, NULL, 0), 404);
    CHECK_INT_EQ(http(url, "/metrics", "POST", &body, NULL, 0), 405);
    CHECK_INT_EQ(http(url, "/readyz", "DELETE", &body, NULL, 0), 405);

out:
    sr_opsserver_stop(os);
    sr_buf_clear(&body);
    sr_metrics_destroy(m);
    curl_global_cleanup();
}

static void test_server_bad_address(void)
{
    sr_metrics_t *m = sr_metrics_new();
    char err[256] = "";

    CHECK(sr_opsserver_start("no-port", m, 1000, err, sizeof(err)) == NULL);
    CHECK(contains(err, "HOST:PORT"));
    CHECK(sr_opsserver_start("127.0.0.1:99999", m, 1000, err, sizeof(err)) ==
          NULL);
    CHECK(contains(err, "bad port"));
    CHECK(sr_opsserver_start("127.0.0.1:http", m, 1000, err, sizeof(err)) ==
          NULL);
    /* A port already taken. */
    {
        sr_opsserver_t *first =
            sr_opsserver_start("127.0.0.1:0", m, 1000, err, sizeof(err));
        const char *port = first ? strrchr(sr_opsserver_url(first), ':') : NULL;
        char addr[64];

        CHECK(port != NULL);
        if (port != NULL) {
            snprintf(addr, sizeof(addr), "127.0.0.1%s", port);
            CHECK(sr_opsserver_start(addr, m, 1000, err, sizeof(err)) == NULL);
            CHECK(contains(err, "cannot listen"));
        }
        sr_opsserver_stop(first);
    }
    sr_opsserver_stop(NULL);
    sr_metrics_destroy(m);
}

TEST_LIST = {
    {"format", test_format},
    {"counters", test_counters},
    {"histogram", test_histogram},
    {"label_escaping", test_label_escaping},
    {"stats_consumer", test_stats_consumer},
    {"stats_producer", test_stats_producer},
    {"stats_bad", test_stats_bad},
    {"stats_cap", test_stats_cap},
    {"readiness", test_readiness},
    {"server", test_server},
    {"server_bad_address", test_server_bad_address},
    {NULL, NULL},
};
