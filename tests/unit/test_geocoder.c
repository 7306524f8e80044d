/* test_geocoder.c - the HTTP geocoder client against the gazetteer server
 * (worker/geo/geoserver.c) started in-process on a loopback port. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include "check.h"
#include "config.h"
#include "gazetteer.h"
#include "geocoder.h"
#include "geoserver.h"
#include "incident.h"

typedef struct answer_log_s {
    int calls;
    sr_geocode_status_t status;
    char name[128], cc[8], admin1[128], error[256], source[256];
    double lat, lon;
    sr_geo_precision_t precision;
    int from_cache;
    int order; /* global call number */
} answer_log_t;

static int call_counter;

static void on_answer(void *opaque, const sr_geocode_result_t *res)
{
    answer_log_t *log = opaque;

    log->calls++;
    log->order = ++call_counter;
    log->status = res->status;
    snprintf(log->name, sizeof(log->name), "%s", res->name ? res->name : "");
    snprintf(log->cc, sizeof(log->cc), "%s",
             res->country_code ? res->country_code : "");
    snprintf(log->admin1, sizeof(log->admin1), "%s",
             res->admin1 ? res->admin1 : "");
    snprintf(log->error, sizeof(log->error), "%s",
             res->error ? res->error : "");
    snprintf(log->source, sizeof(log->source), "%s",
             res->source ? res->source : "");
    log->lat = res->lat;
    log->lon = res->lon;
    log->precision = res->precision;
    log->from_cache = res->from_cache;
}

/* A gazetteer server plus a client configured for it. */
typedef struct env_s {
    sr_gazetteer_t *gz;
    sr_geoserver_t *gs;
    sr_config_t *cfg;
    sr_geocoder_t *gc;
} env_t;

static int env_open_with(env_t *env, const sr_geoserver_opts_t *so,
                         const char *const *settings, const char *gaz_path)
{
    char main_path[1024], supp_path[1024], err[512];
    const char *root = getenv("SR_ROOT");

    memset(env, 0, sizeof(*env));
    snprintf(main_path, sizeof(main_path),
             "%s/tests/fixtures/gazetteer-mini.tsv", root ? root : ".");
    snprintf(supp_path, sizeof(supp_path),
             "%s/tests/fixtures/gazetteer-supplement.tsv", root ? root : ".");
    env->gz = sr_gazetteer_open(gaz_path ? gaz_path : main_path,
                                gaz_path ? NULL : supp_path, err,
                                sizeof(err));
    CHECK(env->gz != NULL);
    if (env->gz == NULL) {
        fprintf(stderr, "    %s\n", err);
        return -1;
    }
    env->gs = sr_geoserver_start(env->gz, so, err, sizeof(err));
    CHECK(env->gs != NULL);
    if (env->gs == NULL) {
        fprintf(stderr, "    %s\n", err);
        return -1;
    }
    env->cfg = sr_config_new();
    CHECK(sr_config_set(env->cfg, "geocoder.url", sr_geoserver_url(env->gs),
                        err, sizeof(err)) == SR_OK);
    for (size_t i = 0; settings != NULL && settings[i] != NULL; i += 2) {
        CHECK(sr_config_set(env->cfg, settings[i], settings[i + 1], err,
                            sizeof(err)) == SR_OK);
    }
    env->gc = sr_geocoder_new(env->cfg, err, sizeof(err));
    CHECK(env->gc != NULL);
    return env->gc != NULL ? 0 : -1;
}

static int env_open(env_t *env, const sr_geoserver_opts_t *so,
                    const char *const *settings)
{
    return env_open_with(env, so, settings, NULL);
}

static void env_close(env_t *env)
{
    sr_geocoder_destroy(env->gc);
    sr_geoserver_stop(env->gs);
    sr_gazetteer_destroy(env->gz);
    sr_config_destroy(env->cfg);
}

static double now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Drives the client until nothing is pending (or 10 s pass). */
static void run(sr_geocoder_t *gc)
{
    double end = now_ms() + 10000;

    while (sr_geocoder_perform(gc, 50) > 0 && now_ms() < end) {
    }
    CHECK_INT_EQ(sr_geocoder_pending(gc), 0);
}

static const sr_geoserver_opts_t plain = {"127.0.0.1:0", 0, 0.0, 0, 0, 0, 0};

static void test_hit_miss_cache(void)
{
    env_t env;
    answer_log_t a = {0}, b = {0}, c = {0};
    char want_source[300];

    if (env_open(&env, &plain, NULL) != 0) {
        env_close(&env);
        return;
    }
    sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &a);
    sr_geocoder_submit(env.gc, "Atlantis", NULL, on_answer, &b);
    /* never called from submit */
    CHECK_INT_EQ(a.calls + b.calls, 0);
    CHECK_INT_EQ(sr_geocoder_pending(env.gc), 2);
    run(env.gc);
    CHECK_INT_EQ(a.calls, 1);
    CHECK_INT_EQ(a.status, SR_GEOCODE_OK);
    CHECK_STR_EQ(a.name, "Paris");
    CHECK_STR_EQ(a.cc, "FR");
    CHECK_STR_EQ(a.admin1, "Île-de-France");
    CHECK_DBL_NEAR(a.lat, 48.85341, 1e-6);
    CHECK_DBL_NEAR(a.lon, 2.3488, 1e-6);
    CHECK_INT_EQ(a.precision, SR_GPREC_TOWN);
    CHECK_INT_EQ(a.from_cache, 0);
    snprintf(want_source, sizeof(want_source), "nominatim %s",
             sr_geoserver_url(env.gs));
    CHECK_STR_EQ(a.source, want_source);
    CHECK_INT_EQ(b.calls, 1);
    CHECK_INT_EQ(b.status, SR_GEOCODE_NOT_FOUND);
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 2);

    /* hits and misses come from the cache, folded: no new request */
    memset(&a, 0, sizeof(a));
    memset(&b, 0, sizeof(b));
    sr_geocoder_submit(env.gc, "PARIS", NULL, on_answer, &a);
    sr_geocoder_submit(env.gc, "atlantis", NULL, on_answer, &b);
    CHECK_INT_EQ(a.calls + b.calls, 0);
    run(env.gc);
    CHECK_INT_EQ(a.calls, 1);
    CHECK_INT_EQ(a.from_cache, 1);
    CHECK_STR_EQ(a.cc, "FR");
    CHECK_INT_EQ(b.status, SR_GEOCODE_NOT_FOUND);
    CHECK_INT_EQ(b.from_cache, 1);
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 2);

    /* the country is part of the key */
    sr_geocoder_submit(env.gc, "Paris", "us", on_answer, &c);
    run(env.gc);
    CHECK_INT_EQ(c.status, SR_GEOCODE_OK);
    CHECK_STR_EQ(c.cc, "US");
    CHECK_STR_EQ(c.admin1, "Texas");
    CHECK_INT_EQ(c.from_cache, 0);
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 3);
    env_close(&env);
}

static void test_countrycodes_precision(void)
{
    env_t env;
    answer_log_t a = {0}, b = {0}, c = {0}, d = {0}, e = {0};

    if (env_open(&env, &plain, NULL) != 0) {
        env_close(&env);
        return;
    }
    sr_geocoder_submit(env.gc, "Paris", "DE", on_answer, &a);
    sr_geocoder_submit(env.gc, "Niger", "NG", on_answer, &b);
    sr_geocoder_submit(env.gc, "Niger", NULL, on_answer, &c);
    /* supplement place without coordinates: answered by its region */
    sr_geocoder_submit(env.gc, "Inatès", "NE", on_answer, &d);
    sr_geocoder_submit(env.gc, "Tillabéri", "NE", on_answer, &e);
    run(env.gc);
    CHECK_INT_EQ(a.status, SR_GEOCODE_NOT_FOUND);
    CHECK_INT_EQ(b.status, SR_GEOCODE_OK);
    CHECK_STR_EQ(b.name, "Niger State");
    CHECK_INT_EQ(b.precision, SR_GPREC_ADMIN1);
    CHECK_STR_EQ(c.cc, "NE");
    CHECK_INT_EQ(c.precision, SR_GPREC_COUNTRY);
    CHECK_INT_EQ(d.status, SR_GEOCODE_OK);
    CHECK_INT_EQ(d.precision, SR_GPREC_ADMIN1);
    CHECK_STR_EQ(d.admin1, "Tillabéri Region");
    CHECK_DBL_NEAR(d.lat, 14.20711, 1e-6);
    /* the town before the same-named region it lies in */
    CHECK_INT_EQ(e.precision, SR_GPREC_TOWN);
    env_close(&env);
}

static void test_merge_inflight(void)
{
    sr_geoserver_opts_t slow = {"127.0.0.1:0", 100, 0.0, 0, 0, 0, 0};
    env_t env;
    answer_log_t a[4];

    memset(a, 0, sizeof(a));
    if (env_open(&env, &slow, NULL) != 0) {
        env_close(&env);
        return;
    }
    sr_geocoder_submit(env.gc, "Niamey", "NE", on_answer, &a[0]);
    sr_geocoder_perform(env.gc, 0); /* the request is now running */
    sr_geocoder_submit(env.gc, "niamey", "ne", on_answer, &a[1]);
    sr_geocoder_submit(env.gc, "Niamey ", "NE", on_answer, &a[2]);
    sr_geocoder_submit(env.gc, "Niamey", NULL, on_answer, &a[3]);
    CHECK_INT_EQ(sr_geocoder_pending(env.gc), 4);
    run(env.gc);
    for (int i = 0; i < 4; i++) {
        CHECK_INT_EQ(a[i].calls, 1);
        CHECK_INT_EQ(a[i].status, SR_GEOCODE_OK);
        CHECK_STR_EQ(a[i].cc, "NE");
        CHECK_INT_EQ(a[i].from_cache, 0);
    }
    /* one request for the three NE lookups, one without a country */
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 2);
    env_close(&env);
}

static void test_queue_fifo(void)
{
    static const char *const settings[] = {"geocoder.max.inflight", "1",
                                           NULL};
    sr_geoserver_opts_t slow = {"127.0.0.1:0", 30, 0.0, 0, 0, 0, 0};
    const char *names[] = {"Niamey", "Ayorou", "Djibo", "Ouagadougou"};
    env_t env;
    answer_log_t a[4];

    memset(a, 0, sizeof(a));
    call_counter = 0;
    if (env_open(&env, &slow, settings) != 0) {
        env_close(&env);
        return;
    }
    for (int i = 0; i < 4; i++) {
        sr_geocoder_submit(env.gc, names[i], NULL, on_answer, &a[i]);
    }
    run(env.gc);
    for (int i = 0; i < 4; i++) {
        CHECK_INT_EQ(a[i].status, SR_GEOCODE_OK);
        CHECK_INT_EQ(a[i].order, i + 1);
    }
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 4);
    env_close(&env);
}

static void test_min_interval(void)
{
    static const char *const settings[] = {"geocoder.min.interval.ms", "150",
                                           NULL};
    const char *names[] = {"Niamey", "Ayorou", "Djibo", "Ouagadougou"};
    env_t env;
    answer_log_t a[4];
    double t0, took;

    memset(a, 0, sizeof(a));
    if (env_open(&env, &plain, settings) != 0) {
        env_close(&env);
        return;
    }
    t0 = now_ms();
    for (int i = 0; i < 4; i++) {
        sr_geocoder_submit(env.gc, names[i], NULL, on_answer, &a[i]);
    }
    run(env.gc);
    took = now_ms() - t0;
    for (int i = 0; i < 4; i++) {
        CHECK_INT_EQ(a[i].status, SR_GEOCODE_OK);
    }
    /* four starts, 150 ms apart */
    CHECK(took >= 440);
    CHECK(took < 2000);
    env_close(&env);
}

static void test_timeout_not_cached(void)
{
    static const char *const settings[] = {"geocoder.timeout.ms", "100",
                                           "geocoder.retries", "0", NULL};
    sr_geoserver_opts_t slow = {"127.0.0.1:0", 600, 0.0, 0, 0, 0, 0};
    env_t env;
    answer_log_t a = {0}, b = {0};
    double t0;

    if (env_open(&env, &slow, settings) != 0) {
        env_close(&env);
        return;
    }
    t0 = now_ms();
    sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &a);
    run(env.gc);
    CHECK(now_ms() - t0 < 550);
    CHECK_INT_EQ(a.status, SR_GEOCODE_FAILED);
    CHECK(strstr(a.error, "imed out") != NULL);
    CHECK_INT_EQ(a.precision, SR_GPREC_UNKNOWN);
    /* failures are not cached: a new request */
    sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &b);
    run(env.gc);
    CHECK_INT_EQ(b.status, SR_GEOCODE_FAILED);
    CHECK_INT_EQ(b.from_cache, 0);
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 2);
    env_close(&env);
}

static void test_http_errors(void)
{
    static const char *const settings[] = {"geocoder.retries", "0", NULL};
    sr_geoserver_opts_t failing = {"127.0.0.1:0", 0, 0.0, 1, 0, 0, 0};
    env_t env;
    answer_log_t a = {0}, b = {0};

    if (env_open(&env, &failing, settings) != 0) {
        env_close(&env);
        return;
    }
    sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &a);
    run(env.gc);
    CHECK_INT_EQ(a.status, SR_GEOCODE_FAILED);
    CHECK_STR_EQ(a.error, "HTTP status 503");
    sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &b);
    run(env.gc);
    CHECK_INT_EQ(b.status, SR_GEOCODE_OK);
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 2);
    env_close(&env);
}

static void test_response_cap(void)
{
    static const char *const settings[] = {"geocoder.max.response.bytes",
                                           "1024", NULL};
    char path[] = "/tmp/sr-geocoder-gaz-XXXXXX";
    env_t env;
    answer_log_t a = {0}, b = {0};
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;

    CHECK(f != NULL);
    if (f == NULL) {
        return;
    }
    /* five places of one name answer with about 2.5 KB */
    fputs("C\tNE\tNiger\tNE\t\t16\t8\t0\tPCLI\t\t\n", f);
    for (int i = 1; i <= 5; i++) {
        fprintf(f, "P\t%d\tSamename\tNE\t\t13.%d\t2\t%d\tPPL\t\t\n", i,
                i, i);
    }
    fputs("P\t9\tLonely\tNE\t\t14\t2\t9\tPPL\t\t\n", f);
    fclose(f);
    if (env_open_with(&env, &plain, settings, path) != 0) {
        env_close(&env);
        unlink(path);
        return;
    }
    unlink(path);
    sr_geocoder_submit(env.gc, "Samename", NULL, on_answer, &a);
    sr_geocoder_submit(env.gc, "Lonely", NULL, on_answer, &b);
    run(env.gc);
    CHECK_INT_EQ(a.status, SR_GEOCODE_FAILED);
    CHECK_STR_EQ(a.error, "response larger than 1024 bytes");
    CHECK_INT_EQ(b.status, SR_GEOCODE_OK);
    CHECK_STR_EQ(b.name, "Lonely");
    env_close(&env);
}

static void test_unreachable_and_bad_input(void)
{
    sr_config_t *cfg = sr_config_new();
    sr_geocoder_t *gc;
    answer_log_t a = {0}, b = {0};
    char err[256], url[300];
    sr_geoserver_t *gs;
    sr_gazetteer_t *gz;
    char big[700];

    CHECK(sr_geocoder_new(cfg, err, sizeof(err)) == NULL);
    CHECK(strstr(err, "geocoder.url") != NULL);
    sr_config_set(cfg, "geocoder.url", "ftp://example", err, sizeof(err));
    CHECK(sr_geocoder_new(cfg, err, sizeof(err)) == NULL);

    /* a port nobody listens on: start a server, note its URL, stop it */
    snprintf(url, sizeof(url), "%s", "");
    gz = sr_gazetteer_open("tests/fixtures/gazetteer-mini.tsv", NULL, err,
                           sizeof(err));
    if (gz == NULL) {
        char p[1024];

        snprintf(p, sizeof(p), "%s/tests/fixtures/gazetteer-mini.tsv",
                 getenv("SR_ROOT") ? getenv("SR_ROOT") : ".");
        gz = sr_gazetteer_open(p, NULL, err, sizeof(err));
    }
    CHECK(gz != NULL);
    gs = gz ? sr_geoserver_start(gz, &plain, err, sizeof(err)) : NULL;
    if (gs != NULL) {
        snprintf(url, sizeof(url), "%s/", sr_geoserver_url(gs));
        sr_geoserver_stop(gs);
    }
    sr_gazetteer_destroy(gz);
    sr_config_set(cfg, "geocoder.url", url, err, sizeof(err));
    gc = sr_geocoder_new(cfg, err, sizeof(err));
    CHECK(gc != NULL);
    if (gc != NULL) {
        sr_geocoder_submit(gc, "Paris", NULL, on_answer, &a);
        memset(big, 'x', sizeof(big) - 1);
        big[sizeof(big) - 1] = '\0';
        sr_geocoder_submit(gc, big, NULL, on_answer, &b);
        run(gc);
        CHECK_INT_EQ(a.status, SR_GEOCODE_FAILED);
        CHECK(a.error[0] != '\0');
        CHECK_INT_EQ(b.status, SR_GEOCODE_FAILED);
        CHECK_STR_EQ(b.error, "query too long");
        /* destroy with work in flight calls nothing */
        memset(&a, 0, sizeof(a));
        sr_geocoder_submit(gc, "Niamey", NULL, on_answer, &a);
        sr_geocoder_destroy(gc);
        CHECK_INT_EQ(a.calls, 0);
    }
    sr_geocoder_destroy(NULL);
    sr_config_destroy(cfg);
}

static void test_cache_lru_ttl(void)
{
    static const char *const settings[] = {"geocoder.cache.entries", "1",
                                           "geocoder.cache.ttl.s", "1",
                                           NULL};
    env_t env;
    answer_log_t a = {0};
    struct timespec pause = {1, 100000000L};

    if (env_open(&env, &plain, settings) != 0) {
        env_close(&env);
        return;
    }
    sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &a);
    run(env.gc);
    sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &a);
    run(env.gc);
    CHECK_INT_EQ(a.from_cache, 1);
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 1);
    /* one entry: Niamey evicts Paris */
    sr_geocoder_submit(env.gc, "Niamey", NULL, on_answer, &a);
    run(env.gc);
    sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &a);
    run(env.gc);
    CHECK_INT_EQ(a.from_cache, 0);
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 3);
    /* expired after the TTL */
    nanosleep(&pause, NULL);
    sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &a);
    run(env.gc);
    CHECK_INT_EQ(a.from_cache, 0);
    CHECK_INT_EQ(a.status, SR_GEOCODE_OK);
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 4);
    env_close(&env);
}

static void test_error_rate(void)
{
    sr_geoserver_opts_t half = {"127.0.0.1:0", 0, 0.5, 0, 0, 0, 0};
    static const char *const settings[] = {
        "geocoder.cache.entries", "0", "geocoder.retries", "0",
        "geocoder.breaker.failures", "0", NULL};
    env_t env;
    answer_log_t a[40];
    int failed = 0;

    memset(a, 0, sizeof(a));
    if (env_open(&env, &half, settings) != 0) {
        env_close(&env);
        return;
    }
    for (int i = 0; i < 40; i++) {
        sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &a[i]);
        run(env.gc); /* one at a time: no merging */
        failed += a[i].status == SR_GEOCODE_FAILED;
        CHECK(a[i].status != SR_GEOCODE_NOT_FOUND);
    }
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 40);
    CHECK(failed >= 8 && failed <= 32);
    env_close(&env);
}

static void test_apply(void)
{
    sr_location_t loc;
    sr_geocode_result_t res;

    memset(&loc, 0, sizeof(loc));
    memset(&res, 0, sizeof(res));
    loc.name = strdup("Inates");
    loc.country_code = strdup("NE");
    loc.precision = SR_GPREC_NEAR_TOWN;
    res.status = SR_GEOCODE_FAILED;
    res.error = "timeout";
    sr_geocode_apply(&loc, &res);
    CHECK(!loc.has_coords);
    CHECK(loc.source == NULL);

    res.status = SR_GEOCODE_OK;
    res.lat = 14.9;
    res.lon = 0.9;
    res.admin1 = "Tillabéri";
    res.country = "Niger";
    res.country_code = "NE";
    res.precision = SR_GPREC_TOWN;
    res.source = "nominatim http://x";
    sr_geocode_apply(&loc, &res);
    CHECK(loc.has_coords);
    CHECK_DBL_NEAR(loc.lat, 14.9, 1e-12);
    CHECK_INT_EQ(loc.precision, SR_GPREC_NEAR_TOWN); /* "near" kept */
    CHECK_STR_EQ(loc.admin1, "Tillabéri");
    CHECK_STR_EQ(loc.country, "Niger");
    CHECK_STR_EQ(loc.source, "nominatim http://x");
    CHECK_STR_EQ(loc.name, "Inates");

    /* a coarser answer does not replace a located town */
    res.precision = SR_GPREC_ADMIN1;
    res.lat = 14.2;
    sr_geocode_apply(&loc, &res);
    CHECK_INT_EQ(loc.precision, SR_GPREC_NEAR_TOWN);
    CHECK_DBL_NEAR(loc.lat, 14.9, 1e-12);
    /* nor does one in another country */
    res.precision = SR_GPREC_TOWN;
    res.country_code = "ML";
    sr_geocode_apply(&loc, &res);
    CHECK_DBL_NEAR(loc.lat, 14.9, 1e-12);
    CHECK_STR_EQ(loc.country_code, "NE");

    /* without coordinates any answer helps; missing fields keep what was
     * there */
    loc.has_coords = 0;
    loc.precision = SR_GPREC_UNKNOWN;
    res.country_code = "ne";
    res.precision = SR_GPREC_ADMIN1;
    res.admin1 = NULL;
    sr_geocode_apply(&loc, &res);
    CHECK(loc.has_coords);
    CHECK_DBL_NEAR(loc.lat, 14.2, 1e-12);
    CHECK_INT_EQ(loc.precision, SR_GPREC_ADMIN1);
    CHECK_STR_EQ(loc.admin1, "Tillabéri");
    CHECK_STR_EQ(loc.country_code, "NE");
    free(loc.name);
    free(loc.country_code);
    free(loc.country);
    free(loc.admin1);
    free(loc.source);
}

/* Other servers' answers: a canned body for every request. */
static const char *canned_body;
/* When set, the first answer is 503 with Retry-After as an HTTP-date 2 s
 * ahead. */
static int canned_dated_503;
static _Atomic int canned_requests;
/* geocoder.dialect of lookup_on()'s client; NULL: the default */
static const char *canned_dialect;
/* What the last request asked: its path and the arguments below. */
static char canned_path[128], canned_args[512];

/* Keeps "key=value;" of the arguments a dialect's filters use. */
static enum MHD_Result keep_arg(void *cls, enum MHD_ValueKind kind,
                                const char *key, const char *value)
{
    size_t len = strlen(canned_args);

    (void)cls;
    (void)kind;
    snprintf(canned_args + len, sizeof(canned_args) - len, "%s=%s;", key,
             value ? value : "");
    return MHD_YES;
}

static enum MHD_Result canned(void *cls, struct MHD_Connection *conn,
                              const char *url, const char *method,
                              const char *version, const char *upload_data,
                              size_t *upload_data_size, void **con_cls)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        strlen(canned_body), (void *)canned_body, MHD_RESPMEM_PERSISTENT);
    unsigned status = MHD_HTTP_OK;
    enum MHD_Result rc;
    char date[64];
    time_t t = time(NULL) + 2;
    struct tm tm;

    (void)cls;
    (void)method;
    (void)version;
    (void)upload_data;
    (void)upload_data_size;
    (void)con_cls;
    snprintf(canned_path, sizeof(canned_path), "%s", url);
    canned_args[0] = '\0';
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, keep_arg, NULL);
    if (++canned_requests == 1 && canned_dated_503) {
        gmtime_r(&t, &tm);
        strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S GMT", &tm);
        MHD_add_response_header(resp, "Retry-After", date);
        status = MHD_HTTP_SERVICE_UNAVAILABLE;
    }
    rc = MHD_queue_response(conn, status, resp);
    MHD_destroy_response(resp);
    return rc;
}

/* An MHD server on a free loopback port; writes its base URL. */
static struct MHD_Daemon *start_loopback(MHD_AccessHandlerCallback handler,
                                         char *url, size_t url_size)
{
    struct sockaddr_in sin;
    struct MHD_Daemon *d;
    const union MHD_DaemonInfo *info;

    memset(&sin, 0, sizeof(sin));
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL, NULL,
                         handler, NULL, MHD_OPTION_SOCK_ADDR,
                         (struct sockaddr *)&sin, MHD_OPTION_END);
    CHECK(d != NULL);
    if (d != NULL) {
        info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
        snprintf(url, url_size, "http://127.0.0.1:%u",
                 (unsigned)info->port);
    }
    return d;
}

/* One lookup against a loopback server run by handler; returns how long
 * it took (ms). */
static double lookup_on(MHD_AccessHandlerCallback handler, const char *query,
                        const char *cc, answer_log_t *out)
{
    struct MHD_Daemon *d;
    sr_config_t *cfg = sr_config_new();
    sr_geocoder_t *gc;
    char url[64], err[256];
    double t0 = now_ms();

    memset(out, 0, sizeof(*out));
    d = start_loopback(handler, url, sizeof(url));
    if (d == NULL) {
        sr_config_destroy(cfg);
        return 0;
    }
    sr_config_set(cfg, "geocoder.url", url, err, sizeof(err));
    if (canned_dialect != NULL) {
        CHECK(sr_config_set(cfg, "geocoder.dialect", canned_dialect, err,
                            sizeof(err)) == SR_OK);
    }
    gc = sr_geocoder_new(cfg, err, sizeof(err));
    CHECK(gc != NULL);
    if (gc != NULL) {
        t0 = now_ms();
        sr_geocoder_submit(gc, query, cc, on_answer, out);
        run(gc);
        CHECK_INT_EQ(out->calls, 1);
        sr_geocoder_destroy(gc);
    }
    MHD_stop_daemon(d);
    sr_config_destroy(cfg);
    return now_ms() - t0;
}

/* Geocodes query (country cc) against a server answering body. */
static void geocode_canned(const char *body, const char *query,
                           const char *cc, answer_log_t *out)
{
    canned_body = body;
    canned_dated_503 = 0;
    lookup_on(canned, query, cc, out);
}

static void test_retry_after_date(void)
{
    answer_log_t a;
    double took;

    canned_body = "[]";
    canned_dated_503 = 1;
    canned_requests = 0;
    took = lookup_on(canned, "Nowhere", NULL, &a);
    canned_dated_503 = 0;
    CHECK_INT_EQ(a.status, SR_GEOCODE_NOT_FOUND);
    CHECK_INT_EQ(canned_requests, 2);
    /* the date is 2 s ahead at one-second resolution: >= 1 s */
    CHECK(took >= 950);
    CHECK(took < 5000);
}

static void test_other_servers(void)
{
    answer_log_t a;

    /* numbers instead of strings; no name: the display name's head */
    geocode_canned("[{\"lat\": 14.5, \"lon\": 0.75, \"addresstype\": "
                   "\"hamlet\", \"display_name\": \"Inates, Ayerou, "
                   "Niger\", \"address\": {\"country_code\": \"ne\", "
                   "\"state\": \"Tillabéri\"}}]",
                   "Inates", "NE", &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_OK);
    CHECK_DBL_NEAR(a.lat, 14.5, 1e-12);
    CHECK_DBL_NEAR(a.lon, 0.75, 1e-12);
    CHECK_STR_EQ(a.name, "Inates");
    CHECK_STR_EQ(a.cc, "NE");
    CHECK_STR_EQ(a.admin1, "Tillabéri");
    CHECK_INT_EQ(a.precision, SR_GPREC_TOWN);
    /* unusable first result, then one outside the country filter, then
     * the answer; precision from place_rank when the type is unknown */
    geocode_canned("[{\"lat\": \"north\", \"lon\": \"1\"},"
                   " {\"lat\": \"13\", \"lon\": \"2\", \"address\": "
                   "{\"country_code\": \"ml\"}},"
                   " {\"lat\": \"13.5\", \"lon\": \"2.5\", \"type\": "
                   "\"military\", \"place_rank\": \"12\", \"name\": "
                   "\"Camp\", \"address\": {\"country_code\": \"NE\", "
                   "\"region\": \"Tillabéri\"}}]",
                   "Camp", "ne", &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_OK);
    CHECK_DBL_NEAR(a.lat, 13.5, 1e-12);
    CHECK_STR_EQ(a.name, "Camp");
    CHECK_STR_EQ(a.admin1, "Tillabéri");
    CHECK_INT_EQ(a.precision, SR_GPREC_ADMIN2);
    /* only other countries: not found */
    geocode_canned("[{\"lat\": 13, \"lon\": 2, \"address\": "
                   "{\"country_code\": \"ml\"}}]",
                   "X", "NE", &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_NOT_FOUND);
    /* results without usable coordinates: failed */
    geocode_canned("[{\"lat\": null, \"lon\": 2}]", "X", NULL, &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_FAILED);
    /* an error object with status 200, other shapes, not JSON */
    geocode_canned("{\"error\": {\"code\": 500, \"message\": \"boom\"}}",
                   "X", NULL, &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_FAILED);
    CHECK_STR_EQ(a.error, "geocoder error: boom");
    geocode_canned("{\"type\": \"FeatureCollection\", \"features\": []}",
                   "X", NULL, &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_FAILED);
    geocode_canned("<html>busy</html>", "X", NULL, &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_FAILED);
    CHECK(strstr(a.error, "not JSON") != NULL);
    geocode_canned("[]", "X", NULL, &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_NOT_FOUND);
}

/* The server's answers have Nominatim's shapes. */
static size_t collect(char *data, size_t size, size_t nmemb, void *opaque)
{
    strncat(opaque, data, size * nmemb < 8000 ? size * nmemb : 8000);
    return size * nmemb;
}

static json_t *fetch(const char *url, long *status)
{
    static char body[16384];
    CURL *c = curl_easy_init();
    json_error_t jerr;

    body[0] = '\0';
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, body);
    curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
    curl_easy_cleanup(c);
    return json_loads(body, JSON_DECODE_ANY, &jerr);
}

static void test_server_shapes(void)
{
    env_t env;
    char url[512];
    json_t *j, *r;
    long status = 0;

    if (env_open(&env, &plain, NULL) != 0) {
        env_close(&env);
        return;
    }
    snprintf(url, sizeof(url), "%s/search?q=Paris&format=jsonv2&limit=1",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK_INT_EQ(status, 200);
    CHECK(json_is_array(j) && json_array_size(j) == 1);
    r = json_array_get(j, 0);
    CHECK(json_is_string(json_object_get(r, "lat")));
    CHECK(json_is_string(json_object_get(r, "lon")));
    CHECK(json_is_integer(json_object_get(r, "place_id")));
    CHECK(json_is_integer(json_object_get(r, "place_rank")));
    CHECK(json_is_real(json_object_get(r, "importance")));
    CHECK(json_is_string(json_object_get(r, "category")));
    CHECK_STR_EQ(json_string_value(json_object_get(r, "addresstype")),
                 "city");
    CHECK_STR_EQ(json_string_value(json_object_get(r, "display_name")),
                 "Paris, Île-de-France, France");
    CHECK_STR_EQ(json_string_value(json_object_get(
                     json_object_get(r, "address"), "country_code")),
                 "fr");
    CHECK(json_array_size(json_object_get(r, "boundingbox")) == 4);
    CHECK(json_is_string(
        json_array_get(json_object_get(r, "boundingbox"), 0)));
    json_decref(j);

    snprintf(url, sizeof(url), "%s/search?q=Paris&format=json",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK(json_array_size(j) == 2);
    CHECK(json_is_string(json_object_get(json_array_get(j, 0), "class")));
    CHECK(json_object_get(json_array_get(j, 0), "category") == NULL);
    json_decref(j);

    snprintf(url, sizeof(url),
             "%s/search?q=Paris&format=geojson&countrycodes=US",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK_STR_EQ(json_string_value(json_object_get(j, "type")),
                 "FeatureCollection");
    r = json_array_get(json_object_get(j, "features"), 0);
    CHECK(json_array_size(json_object_get(j, "features")) == 1);
    CHECK_DBL_NEAR(json_number_value(json_array_get(
                       json_object_get(json_object_get(r, "geometry"),
                                       "coordinates"),
                       0)),
                   -95.55551, 1e-9);
    json_decref(j);

    snprintf(url, sizeof(url), "%s/search?q=Tillaberi,%%20Niger&limit=9",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK(json_array_size(j) == 2);
    json_decref(j);
    snprintf(url, sizeof(url), "%s/search?q=Tillaberi,%%20Nigeria",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK(json_is_array(j) && json_array_size(j) == 0);
    json_decref(j);

    snprintf(url, sizeof(url), "%s/search?format=jsonv2",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK_INT_EQ(status, 400);
    CHECK_INT_EQ(json_integer_value(json_object_get(
                     json_object_get(j, "error"), "code")),
                 400);
    json_decref(j);
    snprintf(url, sizeof(url), "%s/search?q=x&limit=abc",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK_INT_EQ(status, 400);
    json_decref(j);
    snprintf(url, sizeof(url), "%s/status?format=json",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK_INT_EQ(status, 200);
    CHECK_STR_EQ(json_string_value(json_object_get(j, "message")), "OK");
    json_decref(j);
    snprintf(url, sizeof(url), "%s/nothing", sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK_INT_EQ(status, 404);
    json_decref(j);
    env_close(&env);
}

/* --- retries and the circuit breaker ------------------------------------ */

/* Like run(), and returns the longest single sr_geocoder_perform() call:
 * a retry must wait in the client's timer list, never inside a call. */
static double run_longest_call(sr_geocoder_t *gc, int timeout_ms)
{
    double end = now_ms() + 15000, longest = 0;

    for (;;) {
        double t0 = now_ms(), took;
        size_t left = sr_geocoder_perform(gc, timeout_ms);

        took = now_ms() - t0;
        longest = took > longest ? took : longest;
        if (left == 0 || now_ms() > end) {
            break;
        }
    }
    CHECK_INT_EQ(sr_geocoder_pending(gc), 0);
    return longest;
}

static void test_retry_503_then_ok(void)
{
    sr_geoserver_opts_t first_fails = {"127.0.0.1:0", 0, 0.0, 1, 0, 0, 0};
    env_t env;
    answer_log_t a = {0}, b = {0};
    sr_geocoder_stats_t st;
    double t0, took;

    if (env_open(&env, &first_fails, NULL) != 0) {
        env_close(&env);
        return;
    }
    t0 = now_ms();
    sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &a);
    sr_geocoder_submit(env.gc, "paris", NULL, on_answer, &b); /* merged */
    run(env.gc);
    took = now_ms() - t0;
    CHECK_INT_EQ(a.calls, 1);
    CHECK_INT_EQ(a.status, SR_GEOCODE_OK);
    CHECK_INT_EQ(b.calls, 1);
    CHECK_INT_EQ(b.status, SR_GEOCODE_OK);
    /* one failed attempt, one retry shared by both lookups */
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 2);
    sr_geocoder_stats(env.gc, &st);
    CHECK_INT_EQ(st.http_requests, 2);
    CHECK_INT_EQ(st.retries, 1);
    CHECK_INT_EQ(st.merged, 1);
    CHECK_INT_EQ(st.breaker_open, 0);
    /* the first backoff is 200 ms, half of it jittered */
    CHECK(took >= 95);
    CHECK(took < 3000);
    env_close(&env);
}

static void test_retry_after_429(void)
{
    sr_geoserver_opts_t limited = {"127.0.0.1:0", 0, 0.0, 1, 0, 1, 429};
    env_t env;
    answer_log_t a = {0};
    double t0, took, longest;

    if (env_open(&env, &limited, NULL) != 0) {
        env_close(&env);
        return;
    }
    t0 = now_ms();
    sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &a);
    longest = run_longest_call(env.gc, 50);
    took = now_ms() - t0;
    CHECK_INT_EQ(a.status, SR_GEOCODE_OK);
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 2);
    /* Retry-After: 1 beats the 200 ms backoff */
    CHECK(took >= 950);
    CHECK(took < 5000);
    /* ... and the wait happened between calls, none blocked past 50 ms */
    CHECK(longest < 400);
    env_close(&env);
}

static void test_retry_keeps_slot(void)
{
    static const char *const settings[] = {"geocoder.max.inflight", "1",
                                           NULL};
    sr_geoserver_opts_t first_fails = {"127.0.0.1:0", 0, 0.0, 1, 0, 0, 0};
    env_t env;
    answer_log_t a = {0}, b = {0};

    if (env_open(&env, &first_fails, settings) != 0) {
        env_close(&env);
        return;
    }
    sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &a);
    sr_geocoder_submit(env.gc, "Lyon", NULL, on_answer, &b);
    run(env.gc);
    /* Lyon waited for Paris's retry instead of taking its slot */
    CHECK_INT_EQ(a.status, SR_GEOCODE_OK);
    CHECK(b.status != SR_GEOCODE_FAILED);
    CHECK(a.order < b.order);
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 3);
    env_close(&env);
}

static void test_retry_after_capped(void)
{
    static const char *const settings[] = {"geocoder.retry.max.wait.ms",
                                           "300", NULL};
    sr_geoserver_opts_t limited = {"127.0.0.1:0", 0, 0.0, 1, 0, 3600, 503};
    env_t env;
    answer_log_t a = {0};
    double t0, took;

    if (env_open(&env, &limited, settings) != 0) {
        env_close(&env);
        return;
    }
    t0 = now_ms();
    sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &a);
    run(env.gc);
    took = now_ms() - t0;
    CHECK_INT_EQ(a.status, SR_GEOCODE_OK);
    CHECK(took >= 250);
    CHECK(took < 2000);
    env_close(&env);
}

static void test_no_retry_on_4xx(void)
{
    static const int codes[] = {404, 400};

    for (size_t i = 0; i < 2; i++) {
        sr_geoserver_opts_t bad = {"127.0.0.1:0", 0, 0.0, 1, 0, 0, codes[i]};
        env_t env;
        answer_log_t a = {0};
        char want[64];

        if (env_open(&env, &bad, NULL) != 0) {
            env_close(&env);
            return;
        }
        sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &a);
        run(env.gc);
        snprintf(want, sizeof(want), "HTTP status %d", codes[i]);
        CHECK_INT_EQ(a.status, SR_GEOCODE_FAILED);
        CHECK_STR_EQ(a.error, want);
        CHECK_INT_EQ(sr_geoserver_searches(env.gs), 1);
        env_close(&env);
    }
}

static void test_timeouts_retried(void)
{
    static const char *const settings[] = {
        "geocoder.timeout.ms", "100", "geocoder.retries", "1",
        "geocoder.retry.backoff.ms", "20", NULL};
    sr_geoserver_opts_t slow = {"127.0.0.1:0", 400, 0.0, 0, 0, 0, 0};
    env_t env;
    answer_log_t a = {0};

    if (env_open(&env, &slow, settings) != 0) {
        env_close(&env);
        return;
    }
    sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &a);
    run(env.gc);
    CHECK_INT_EQ(a.status, SR_GEOCODE_FAILED);
    CHECK(strstr(a.error, "imed out") != NULL);
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 2);
    env_close(&env);
}

static void submit_run(env_t *env, const char *q, answer_log_t *a)
{
    memset(a, 0, sizeof(*a));
    sr_geocoder_submit(env->gc, q, NULL, on_answer, a);
    run(env->gc);
}

static void pause_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};

    while (nanosleep(&ts, &ts) != 0) {
    }
}

static void test_breaker(void)
{
    static const char *const settings[] = {
        "geocoder.retries", "0", "geocoder.breaker.failures", "3",
        "geocoder.breaker.open.ms", "300", NULL};
    /* searches 1..4 fail, later ones succeed */
    sr_geoserver_opts_t failing = {"127.0.0.1:0", 0, 0.0, 4, 0, 0, 0};
    static const char *const names[] = {"Paris", "Lyon", "Niamey", "Gao",
                                        "Mopti"};
    env_t env;
    answer_log_t a, b, c;

    if (env_open(&env, &failing, settings) != 0) {
        env_close(&env);
        return;
    }
    for (int i = 0; i < 3; i++) {
        submit_run(&env, names[i], &a);
        CHECK_STR_EQ(a.error, "HTTP status 503");
    }
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 3);
    /* open: lookups fail at once, no request reaches the server */
    for (int i = 0; i < 5; i++) {
        submit_run(&env, names[i], &a);
        CHECK_INT_EQ(a.status, SR_GEOCODE_FAILED);
        CHECK_STR_EQ(a.error, "circuit open");
    }
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 3);

    /* half-open: one probe; it fails (search 4), the other lookup is
     * refused at once, and the breaker opens again */
    pause_ms(350);
    memset(&a, 0, sizeof(a));
    memset(&b, 0, sizeof(b));
    sr_geocoder_submit(env.gc, "Paris", NULL, on_answer, &a);
    sr_geocoder_submit(env.gc, "Lyon", NULL, on_answer, &b);
    run(env.gc);
    CHECK_STR_EQ(a.error, "HTTP status 503");
    CHECK_STR_EQ(b.error, "circuit open");
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 4);
    submit_run(&env, "Paris", &a);
    CHECK_STR_EQ(a.error, "circuit open");
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 4);

    /* the next probe succeeds and closes it */
    pause_ms(350);
    submit_run(&env, "Paris", &c);
    CHECK_INT_EQ(c.status, SR_GEOCODE_OK);
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 5);
    for (int i = 1; i < 5; i++) {
        submit_run(&env, names[i], &a);
        CHECK(a.status != SR_GEOCODE_FAILED);
    }
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 9);
    env_close(&env);
}

static void test_breaker_auth(void)
{
    sr_geoserver_opts_t denied = {"127.0.0.1:0", 0, 0.0, 1000, 0, 0, 403};
    env_t env;
    answer_log_t a;

    if (env_open(&env, &denied, NULL) != 0) {
        env_close(&env);
        return;
    }
    submit_run(&env, "Paris", &a);
    CHECK_STR_EQ(a.error, "HTTP status 403");
    /* one 403 is enough: no retry, then no more requests */
    submit_run(&env, "Lyon", &a);
    CHECK_STR_EQ(a.error, "circuit open");
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 1);
    env_close(&env);
}

static void test_breaker_counts_lookups(void)
{
    static const char *const settings[] = {
        "geocoder.retries", "2", "geocoder.retry.backoff.ms", "10",
        "geocoder.breaker.failures", "2", NULL};
    sr_geoserver_opts_t failing = {"127.0.0.1:0", 0, 0.0, 1000, 0, 0, 502};
    env_t env;
    answer_log_t a;
    sr_geocoder_stats_t st;

    if (env_open(&env, &failing, settings) != 0) {
        env_close(&env);
        return;
    }
    /* a lookup is three attempts; two failed lookups open the breaker */
    submit_run(&env, "Paris", &a);
    CHECK_STR_EQ(a.error, "HTTP status 502");
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 3);
    submit_run(&env, "Lyon", &a);
    CHECK_STR_EQ(a.error, "HTTP status 502");
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 6);
    submit_run(&env, "Gao", &a);
    CHECK_STR_EQ(a.error, "circuit open");
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 6);
    sr_geocoder_stats(env.gc, &st);
    CHECK_INT_EQ(st.http_requests, 6);
    CHECK_INT_EQ(st.retries, 4);
    CHECK_INT_EQ(st.circuit_open, 1);
    CHECK_INT_EQ(st.breaker_open, 1);
    env_close(&env);
}

static void test_apply_marks_fallback(void)
{
    sr_location_t loc;
    sr_geocode_result_t res;

    memset(&loc, 0, sizeof(loc));
    memset(&res, 0, sizeof(res));
    loc.source = strdup("gazetteer");
    res.status = SR_GEOCODE_NOT_FOUND;
    sr_geocode_apply(&loc, &res);
    CHECK_STR_EQ(loc.source, "gazetteer");
    res.status = SR_GEOCODE_FAILED;
    res.error = "circuit open";
    sr_geocode_apply(&loc, &res);
    CHECK_STR_EQ(loc.source, "gazetteer (geocoder unavailable)");
    sr_geocode_apply(&loc, &res);
    CHECK_STR_EQ(loc.source, "gazetteer (geocoder unavailable)");
    free(loc.source);
    /* a location the geocoder already placed keeps its source */
    loc.source = strdup("nominatim http://x");
    sr_geocode_apply(&loc, &res);
    CHECK_STR_EQ(loc.source, "nominatim http://x");
    free(loc.source);
}

static void test_server_rate(void)
{
    env_t env;
    answer_log_t a;
    char url[256];
    long status;
    json_t *j;

    if (env_open(&env, &plain, NULL) != 0) {
        env_close(&env);
        return;
    }
    submit_run(&env, "Paris", &a);
    submit_run(&env, "Lyon", &a);
    submit_run(&env, "Gao", &a);
    snprintf(url, sizeof(url), "%s/status?format=json",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK_INT_EQ(status, 200);
    CHECK_INT_EQ(json_integer_value(json_object_get(j, "searches")), 3);
    /* three quick searches fall within one or two seconds */
    CHECK(json_integer_value(json_object_get(j, "max_per_second")) >= 2);
    CHECK(json_integer_value(json_object_get(j, "max_per_second")) <= 3);
    json_decref(j);
    env_close(&env);
}

/* --- Photon and Pelias ---------------------------------------------------- */

/* Photon 0.6-style answer: a hotel (a house) ranks first, then a town
 * outside the requested country, then the town. */
static const char photon_tillaberi[] =
    "{\"type\":\"FeatureCollection\",\"features\":["
    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
    "\"coordinates\":[1.4512,14.2101]},\"properties\":{\"osm_type\":\"W\","
    "\"osm_id\":522410881,\"osm_key\":\"tourism\",\"osm_value\":\"hotel\","
    "\"type\":\"house\",\"name\":\"Hotel Tillaberi\",\"city\":\"Tillaberi\","
    "\"country\":\"Niger\",\"countrycode\":\"NE\"}},"
    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
    "\"coordinates\":[-3.01,16.27]},\"properties\":{\"osm_type\":\"N\","
    "\"osm_id\":1,\"osm_key\":\"place\",\"osm_value\":\"village\","
    "\"type\":\"city\",\"name\":\"Tillaberi\",\"country\":\"Mali\","
    "\"countrycode\":\"ML\"}},"
    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
    "\"coordinates\":[1.4541833,14.2071096]},\"properties\":{"
    "\"osm_type\":\"N\",\"osm_id\":3086412540,\"extent\":[1.41,14.24,1.49,"
    "14.18],\"country\":\"Niger\",\"osm_key\":\"place\",\"countrycode\":"
    "\"NE\",\"osm_value\":\"town\",\"name\":\"Tillabéri\",\"county\":"
    "\"Tillabéri\",\"state\":\"Tillabéri\",\"type\":\"city\"}}]}";

static void test_photon_parse(void)
{
    answer_log_t a;

    canned_dialect = "photon";
    geocode_canned(photon_tillaberi, "Tillabéri", "NE", &a);
    CHECK_STR_EQ(canned_path, "/api");
    CHECK(strstr(canned_args, "q=Tillabéri;") != NULL);
    /* only places and areas are asked for; no country filter exists */
    CHECK(strstr(canned_args, "layer=city;") != NULL);
    CHECK(strstr(canned_args, "layer=country;") != NULL);
    CHECK(strstr(canned_args, "layer=house") == NULL);
    CHECK(strstr(canned_args, "countrycode") == NULL);
    CHECK_INT_EQ(a.status, SR_GEOCODE_OK);
    CHECK_STR_EQ(a.name, "Tillabéri");
    CHECK_STR_EQ(a.cc, "NE");
    CHECK_STR_EQ(a.admin1, "Tillabéri");
    CHECK_DBL_NEAR(a.lat, 14.2071096, 1e-9);
    CHECK_DBL_NEAR(a.lon, 1.4541833, 1e-9);
    CHECK_INT_EQ(a.precision, SR_GPREC_TOWN);
    CHECK(strncmp(a.source, "photon http://127.0.0.1:", 24) == 0);
    /* no country asked: the first place (the hotel is skipped) */
    geocode_canned(photon_tillaberi, "Tillabéri", NULL, &a);
    CHECK_STR_EQ(a.cc, "ML");
    /* layers: state and country; a polygon answers by its extent's
     * centre ([minLon, maxLat, maxLon, minLat]) */
    geocode_canned("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                   "\"Feature\",\"geometry\":{\"type\":\"Polygon\","
                   "\"coordinates\":[]},\"properties\":{\"type\":\"state\","
                   "\"name\":\"Tillabéri\",\"countrycode\":\"ne\","
                   "\"extent\":[0,16,4,12]}}]}",
                   "Tillabéri", NULL, &a);
    CHECK_INT_EQ(a.precision, SR_GPREC_ADMIN1);
    CHECK_DBL_NEAR(a.lat, 14.0, 1e-12);
    CHECK_DBL_NEAR(a.lon, 2.0, 1e-12);
    CHECK_STR_EQ(a.cc, "NE");
    geocode_canned("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                   "\"Feature\",\"geometry\":{\"type\":\"Point\","
                   "\"coordinates\":[8.0817,17.6078]},\"properties\":{"
                   "\"osm_key\":\"place\",\"osm_value\":\"country\","
                   "\"type\":\"country\",\"name\":\"Niger\",\"country\":"
                   "\"Niger\",\"countrycode\":\"NE\"}}]}",
                   "Niger", NULL, &a);
    CHECK_INT_EQ(a.precision, SR_GPREC_COUNTRY);
    /* an older server without "type": the OSM place tag decides */
    geocode_canned("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                   "\"Feature\",\"geometry\":{\"type\":\"Point\","
                   "\"coordinates\":[0.9,14.7]},\"properties\":{"
                   "\"osm_key\":\"place\",\"osm_value\":\"hamlet\","
                   "\"name\":\"Inates\",\"countrycode\":\"NE\"}}]}",
                   "Inates", "NE", &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_OK);
    CHECK_INT_EQ(a.precision, SR_GPREC_TOWN);
    /* only streets and buildings: not found, never a building */
    geocode_canned("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                   "\"Feature\",\"geometry\":{\"type\":\"Point\","
                   "\"coordinates\":[2.1,13.5]},\"properties\":{"
                   "\"osm_key\":\"building\",\"osm_value\":\"yes\","
                   "\"type\":\"house\",\"name\":\"Niger\",\"countrycode\":"
                   "\"NE\"}},{\"type\":\"Feature\",\"geometry\":{\"type\":"
                   "\"Point\",\"coordinates\":[2.1,13.5]},\"properties\":{"
                   "\"osm_key\":\"highway\",\"osm_value\":\"primary\","
                   "\"name\":\"Avenue du Niger\"}}]}",
                   "Niger", NULL, &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_NOT_FOUND);
    /* errors */
    geocode_canned("{\"message\":\"missing search term 'q': /?q=berlin\"}",
                   "X", NULL, &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_FAILED);
    CHECK_STR_EQ(a.error,
                 "geocoder error: missing search term 'q': /?q=berlin");
    geocode_canned("[]", "X", NULL, &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_FAILED);
    geocode_canned("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                   "\"Feature\",\"geometry\":{\"type\":\"Point\","
                   "\"coordinates\":[200,13.5]},\"properties\":{\"type\":"
                   "\"city\"}}]}",
                   "X", NULL, &a);
    CHECK_STR_EQ(a.error, "no result has valid coordinates");
    geocode_canned("{\"type\":\"FeatureCollection\",\"features\":[]}", "X",
                   NULL, &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_NOT_FOUND);
    canned_dialect = NULL;
}

/* Pelias 1.x-style answer: a venue first, then the locality; country_a is
 * ISO alpha-3 and there is no alpha-2 field. */
static const char pelias_tillaberi[] =
    "{\"geocoding\":{\"version\":\"0.2\",\"attribution\":"
    "\"https://geocode.example/attribution\",\"query\":{\"text\":"
    "\"Tillaberi\",\"size\":5,\"layers\":[\"locality\",\"region\"],"
    "\"private\":false,\"lang\":{\"name\":\"English\",\"iso6391\":\"en\"},"
    "\"querySize\":20,\"parser\":\"pelias\"},\"warnings\":[\"performance "
    "optimization: excluding 'address' layer\"],\"engine\":{\"name\":"
    "\"Pelias\",\"author\":\"Mapzen\",\"version\":\"1.0\"},\"timestamp\":"
    "1700000000000},\"type\":\"FeatureCollection\",\"features\":["
    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":"
    "[1.45,14.21]},\"properties\":{\"id\":\"node/1\",\"gid\":"
    "\"openstreetmap:venue:node/1\",\"layer\":\"venue\",\"source\":"
    "\"openstreetmap\",\"name\":\"Tillaberi Market\",\"country_a\":\"NER\","
    "\"confidence\":0.9}},"
    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":"
    "[1.45418,14.20711]},\"properties\":{\"id\":\"421174399\",\"gid\":"
    "\"whosonfirst:locality:421174399\",\"layer\":\"locality\",\"source\":"
    "\"whosonfirst\",\"source_id\":\"421174399\",\"name\":\"Tillabéri\","
    "\"confidence\":1,\"match_type\":\"exact\",\"accuracy\":\"centroid\","
    "\"country\":\"Niger\",\"country_gid\":\"whosonfirst:country:85632357\","
    "\"country_a\":\"NER\",\"region\":\"Tillabéri\",\"region_gid\":"
    "\"whosonfirst:region:85679069\",\"locality\":\"Tillabéri\","
    "\"label\":\"Tillabéri, Niger\"},\"bbox\":[1.42,14.18,1.49,14.24]}],"
    "\"bbox\":[1.42,14.18,1.49,14.24]}";

/* The parser alone, as the fuzz target drives it: no server. */
static void test_parse_response(void)
{
    answer_log_t a = {0};
    char err[256];

    CHECK_INT_EQ(sr_geocoder_parse_response("photon", photon_tillaberi,
                                            strlen(photon_tillaberi), "NE",
                                            on_answer, &a, err, sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(a.calls, 1);
    CHECK_INT_EQ(a.status, SR_GEOCODE_OK);
    CHECK_STR_EQ(a.cc, "NE");
    CHECK_STR_EQ(a.source, "photon");
    CHECK_INT_EQ(sr_geocoder_parse_response("nominatim", "[{\"lat\":", 9,
                                            NULL, on_answer, &a, err,
                                            sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(a.calls, 2);
    CHECK_INT_EQ(a.status, SR_GEOCODE_FAILED);
    CHECK(strstr(a.error, "not JSON") != NULL);
    CHECK_INT_EQ(sr_geocoder_parse_response("osm", "[]", 2, NULL, on_answer,
                                            &a, err, sizeof(err)),
                 SR_ERR_INVALID);
    CHECK_INT_EQ(a.calls, 2);
}

static void test_pelias_parse(void)
{
    answer_log_t a;

    canned_dialect = "pelias";
    geocode_canned(pelias_tillaberi, "Tillaberi", "ne", &a);
    CHECK_STR_EQ(canned_path, "/v1/search");
    CHECK(strstr(canned_args, "text=Tillaberi;") != NULL);
    CHECK(strstr(canned_args, "boundary.country=NER;") != NULL);
    CHECK(strstr(canned_args, "layers=coarse;") != NULL);
    CHECK_INT_EQ(a.status, SR_GEOCODE_OK);
    CHECK_STR_EQ(a.name, "Tillabéri");
    CHECK_STR_EQ(a.cc, "NE"); /* from NER */
    CHECK_STR_EQ(a.admin1, "Tillabéri");
    CHECK_DBL_NEAR(a.lat, 14.20711, 1e-9);
    CHECK_DBL_NEAR(a.lon, 1.45418, 1e-9);
    CHECK_INT_EQ(a.precision, SR_GPREC_TOWN);
    CHECK(strncmp(a.source, "pelias http://127.0.0.1:", 24) == 0);
    /* no country: no boundary.country */
    geocode_canned(pelias_tillaberi, "Tillaberi", NULL, &a);
    CHECK(strstr(canned_args, "boundary.country") == NULL);
    CHECK_STR_EQ(a.name, "Tillabéri");
    /* layers: region, macroregion, country, county; a missing geometry
     * answers by the bbox's centre */
    geocode_canned("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                   "\"Feature\",\"properties\":{\"layer\":\"macroregion\","
                   "\"name\":\"Île-de-France\",\"country_a\":\"FRA\","
                   "\"macroregion\":\"Île-de-France\"},\"bbox\":[1,48,3,"
                   "50]}]}",
                   "Ile-de-France", "FR", &a);
    CHECK_INT_EQ(a.precision, SR_GPREC_ADMIN1);
    CHECK_STR_EQ(a.admin1, "Île-de-France");
    CHECK_DBL_NEAR(a.lat, 49.0, 1e-12);
    CHECK_DBL_NEAR(a.lon, 2.0, 1e-12);
    geocode_canned("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                   "\"Feature\",\"geometry\":{\"type\":\"Point\","
                   "\"coordinates\":[18.7,15.4]},\"properties\":{\"layer\":"
                   "\"country\",\"name\":\"Chad\",\"country\":\"Chad\","
                   "\"country_a\":\"TCD\"}}]}",
                   "Chad", NULL, &a);
    CHECK_INT_EQ(a.precision, SR_GPREC_COUNTRY);
    CHECK_STR_EQ(a.cc, "TD");
    geocode_canned("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                   "\"Feature\",\"geometry\":{\"type\":\"Point\","
                   "\"coordinates\":[-73.9,42.6]},\"properties\":{\"layer\":"
                   "\"county\",\"name\":\"Albany County\",\"country_a\":"
                   "\"USA\",\"region\":\"New York\"}}]}",
                   "Albany County", "US", &a);
    CHECK_INT_EQ(a.precision, SR_GPREC_ADMIN2);
    CHECK_STR_EQ(a.cc, "US");
    /* an unknown alpha-3 gives no country: filtered out under a country */
    geocode_canned("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                   "\"Feature\",\"geometry\":{\"type\":\"Point\","
                   "\"coordinates\":[1,14]},\"properties\":{\"layer\":"
                   "\"locality\",\"name\":\"X\",\"country_a\":\"QQQ\"}}]}",
                   "X", "NE", &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_NOT_FOUND);
    /* addresses and venues only: not found */
    geocode_canned("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                   "\"Feature\",\"geometry\":{\"type\":\"Point\","
                   "\"coordinates\":[1,14]},\"properties\":{\"layer\":"
                   "\"address\",\"name\":\"1 Rue du Niger\",\"country_a\":"
                   "\"NER\"}}]}",
                   "Niger", NULL, &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_NOT_FOUND);
    /* an error in the geocoding block */
    geocode_canned("{\"geocoding\":{\"version\":\"0.2\",\"errors\":["
                   "\"invalid param 'text': text length, must be >0\"]},"
                   "\"type\":\"FeatureCollection\",\"features\":[]}",
                   "X", NULL, &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_FAILED);
    CHECK_STR_EQ(a.error, "geocoder error: invalid param 'text': text "
                          "length, must be >0");
    canned_dialect = NULL;
}

/* "Niger" the country stays the country: a same-named town or building
 * in it is not taken; a village that fell back to its country is. */
static void test_country_stays_country(void)
{
    sr_location_t loc;
    sr_geocode_result_t res;

    memset(&loc, 0, sizeof(loc));
    memset(&res, 0, sizeof(res));
    loc.name = strdup("Niger");
    loc.country = strdup("Niger");
    loc.country_code = strdup("NE");
    loc.source = strdup("gazetteer");
    loc.precision = SR_GPREC_COUNTRY;
    loc.has_coords = 1;
    loc.lat = 17.6;
    loc.lon = 8.1;
    res.status = SR_GEOCODE_OK;
    res.country_code = "NE";
    res.country = "Niger";
    res.lat = 13.5;
    res.lon = 2.1;
    res.precision = SR_GPREC_TOWN;
    res.source = "photon http://x";
    sr_geocode_apply(&loc, &res);
    CHECK_DBL_NEAR(loc.lat, 17.6, 1e-12);
    CHECK_STR_EQ(loc.source, "gazetteer");
    res.precision = SR_GPREC_COUNTRY;
    res.lat = 17.0;
    sr_geocode_apply(&loc, &res);
    CHECK_DBL_NEAR(loc.lat, 17.0, 1e-12);
    CHECK_STR_EQ(loc.source, "photon http://x");
    /* "Inates", unknown to the gazetteer, fell back to Niger */
    free(loc.name);
    loc.name = strdup("Inates");
    res.precision = SR_GPREC_TOWN;
    res.lat = 14.9;
    sr_geocode_apply(&loc, &res);
    CHECK_DBL_NEAR(loc.lat, 14.9, 1e-12);
    CHECK_INT_EQ(loc.precision, SR_GPREC_TOWN);
    free(loc.name);
    free(loc.country);
    free(loc.country_code);
    free(loc.source);
}

/* Rows of the full gazetteer (GeoNames, trimmed) for the names that need
 * disambiguating, with same-named decoys. */
static const char disambiguation_gazetteer[] =
    "C\tAU\tAustralia\tAU\t\t-27\t133\t25000000\tPCLI\t\t\n"
    "C\tFR\tFrance\tFR\t\t46\t2\t67000000\tPCLI\t\t\n"
    "C\tGE\tGeorgia\tGE\t\t42\t43.5\t3700000\tPCLI\t\t\n"
    "C\tGN\tGuinea\tGN\t\t11\t-10\t13000000\tPCLI\t\t\n"
    "C\tML\tMali\tML\t\t17\t-4\t20000000\tPCLI\t\t\n"
    "C\tNE\tNiger\tNE\t\t16\t8\t24000000\tPCLI\t\t\n"
    "C\tNG\tNigeria\tNG\t\t10\t8\t200000000\tPCLI\t\t\n"
    "C\tRU\tRussia\tRU\t\t60\t100\t144000000\tPCLI\t\t\n"
    "C\tTD\tChad\tTD\t\t15\t19\t16000000\tPCLI\t\t\n"
    "C\tUS\tUnited States\tUS\t\t38\t-97\t330000000\tPCLI\t\t\n"
    "A\tAU.08\tWestern Australia\tAU\t08\t-31.95224\t115.8614\t0\tADM1\t\t\n"
    "A\tFR.11\tÎle-de-France\tFR\t11\t48.8534\t2.3488\t0\tADM1\t\t\n"
    "A\tGN.L\tLabé Region\tGN\tL\t11.31823\t-12.28332\t0\tADM1\t\t\n"
    "A\tNG.31\tNiger State\tNG\t31\t9.61524\t6.54776\t0\tADM1\t\t\n"
    "A\tUS.GA\tGeorgia\tUS\tGA\t33.749\t-84.38798\t0\tADM1\t\t\n"
    "A\tUS.NY\tNew York\tUS\tNY\t42.65258\t-73.75623\t0\tADM1\t\t\n"
    "A\tUS.OR\tOregon\tUS\tOR\t44.94429\t-123.0351\t0\tADM1\t\t\n"
    "A\tUS.TN\tTennessee\tUS\tTN\t36.16589\t-86.78444\t0\tADM1\t\t\n"
    "A\tUS.TX\tTexas\tUS\tTX\t30.26715\t-97.74306\t0\tADM1\t\t\n"
    "P\t2988507\tParis\tFR\t11\t48.85341\t2.3488\t2138551\tPPLC\t\t\n"
    "P\t4717560\tParis\tUS\tTX\t33.66094\t-95.55551\t24782\tPPLA2\t\t\n"
    "P\t4647963\tParis\tUS\tTN\t36.302\t-88.32671\t10150\tPPLA2\t\t\n"
    "P\t2417886\tMali\tGN\tL\t12.079\t-12.2982\t5479\tPPLA2\t\t\n"
    "P\t5106834\tAlbany\tUS\tNY\t42.65258\t-73.75623\t98469\tPPLA\t\t\n"
    "P\t4179320\tAlbany\tUS\tGA\t31.57851\t-84.15574\t74843\tPPLA2\t\t\n"
    "P\t5710756\tAlbany\tUS\tOR\t44.63651\t-123.10593\t52175\tPPLA2\t\t\n"
    "P\t2077963\tAlbany\tAU\t08\t-35.02692\t117.88369\t33650\tPPLA2\t\t\n"
    "P\tcj-RU-08-chad\tChad\tRU\t\t56.21795\t56.31883\t0\tPPL\t\t\n";

/* The disambiguation cases through `geocoder serve` in every dialect:
 * the country filter the client sends (or applies itself, for Photon)
 * picks Niger State over Niger, the town of Mali in Guinea over the
 * country, Paris and Albany in the wanted country; without a country the
 * country of the name wins ("Chad" is not the Russian village, "Georgia"
 * not the US state). Every dialect gives the same places. */
static void test_dialects_round_trip(void)
{
    static const char *const dialects[] = {"nominatim", "photon", "pelias"};
    static const struct {
        const char *q, *cc, *want_cc, *want_admin1;
        double lat, lon;
        sr_geo_precision_t prec;
    } cases[] = {
        {"Niger", NULL, "NE", "", 16.0, 8.0, SR_GPREC_COUNTRY},
        {"Niger", "NG", "NG", "Niger State", 9.61524, 6.54776,
         SR_GPREC_ADMIN1},
        {"Chad", NULL, "TD", "", 15.0, 19.0, SR_GPREC_COUNTRY},
        {"Mali", NULL, "ML", "", 17.0, -4.0, SR_GPREC_COUNTRY},
        {"Mali", "GN", "GN", "Labé Region", 12.079, -12.2982,
         SR_GPREC_TOWN},
        {"Paris", NULL, "FR", "Île-de-France", 48.85341, 2.3488,
         SR_GPREC_TOWN},
        {"Paris", "US", "US", "Texas", 33.66094, -95.55551, SR_GPREC_TOWN},
        {"Albany", "US", "US", "New York", 42.65258, -73.75623,
         SR_GPREC_TOWN},
        {"Albany", "AU", "AU", "Western Australia", -35.02692, 117.88369,
         SR_GPREC_TOWN},
        {"Georgia", NULL, "GE", "", 42.0, 43.5, SR_GPREC_COUNTRY},
        {"Georgia", "US", "US", "Georgia", 33.749, -84.38798,
         SR_GPREC_ADMIN1},
    };
    const size_t ncases = sizeof(cases) / sizeof(cases[0]);
    char path[] = "/tmp/sr-geocoder-gaz-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;

    CHECK(f != NULL);
    if (f == NULL) {
        return;
    }
    fputs(disambiguation_gazetteer, f);
    fclose(f);
    for (size_t d = 0; d < 3; d++) {
        const char *settings[] = {"geocoder.dialect", dialects[d], NULL};
        answer_log_t a[sizeof(cases) / sizeof(cases[0])], miss;
        char want_source[300];
        env_t env;

        if (env_open_with(&env, &plain, settings, path) != 0) {
            env_close(&env);
            break;
        }
        memset(a, 0, sizeof(a));
        memset(&miss, 0, sizeof(miss));
        for (size_t i = 0; i < ncases; i++) {
            sr_geocoder_submit(env.gc, cases[i].q, cases[i].cc, on_answer,
                               &a[i]);
        }
        sr_geocoder_submit(env.gc, "Atlantis", NULL, on_answer, &miss);
        run(env.gc);
        snprintf(want_source, sizeof(want_source), "%s %s", dialects[d],
                 sr_geoserver_url(env.gs));
        for (size_t i = 0; i < ncases; i++) {
            if (a[i].status != SR_GEOCODE_OK ||
                strcmp(a[i].cc, cases[i].want_cc) != 0) {
                fprintf(stderr, "    %s: %s (%s)\n", dialects[d],
                        cases[i].q, cases[i].cc ? cases[i].cc : "any");
            }
            CHECK_INT_EQ(a[i].status, SR_GEOCODE_OK);
            CHECK_STR_EQ(a[i].cc, cases[i].want_cc);
            CHECK_STR_EQ(a[i].admin1, cases[i].want_admin1);
            CHECK_DBL_NEAR(a[i].lat, cases[i].lat, 1e-6);
            CHECK_DBL_NEAR(a[i].lon, cases[i].lon, 1e-6);
            CHECK_INT_EQ(a[i].precision, cases[i].prec);
            CHECK_STR_EQ(a[i].source, want_source);
        }
        CHECK_INT_EQ(miss.status, SR_GEOCODE_NOT_FOUND);
        CHECK_INT_EQ(sr_geoserver_searches(env.gs), ncases + 1);
        env_close(&env);
    }
    unlink(path);
}

static void test_server_photon_pelias(void)
{
    env_t env;
    char url[512];
    json_t *j, *f, *p;
    long status = 0;

    if (env_open(&env, &plain, NULL) != 0) {
        env_close(&env);
        return;
    }
    snprintf(url, sizeof(url), "%s/api?q=Paris&limit=1&lang=en",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK_INT_EQ(status, 200);
    CHECK_STR_EQ(json_string_value(json_object_get(j, "type")),
                 "FeatureCollection");
    CHECK(json_array_size(json_object_get(j, "features")) == 1);
    f = json_array_get(json_object_get(j, "features"), 0);
    p = json_object_get(f, "properties");
    CHECK_STR_EQ(json_string_value(json_object_get(p, "type")), "city");
    CHECK_STR_EQ(json_string_value(json_object_get(p, "countrycode")), "FR");
    CHECK_STR_EQ(json_string_value(json_object_get(p, "state")),
                 "Île-de-France");
    CHECK_STR_EQ(json_string_value(json_object_get(p, "osm_key")), "place");
    /* extent: [minLon, maxLat, maxLon, minLat] */
    CHECK(json_number_value(json_array_get(json_object_get(p, "extent"),
                                           1)) >
          json_number_value(json_array_get(json_object_get(p, "extent"), 3)));
    CHECK_DBL_NEAR(json_number_value(json_array_get(
                       json_object_get(json_object_get(f, "geometry"),
                                       "coordinates"),
                       1)),
                   48.85341, 1e-9);
    json_decref(j);
    /* layers filter: only the country */
    snprintf(url, sizeof(url), "%s/api?q=Niger&layer=country",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK(json_array_size(json_object_get(j, "features")) == 1);
    json_decref(j);
    snprintf(url, sizeof(url), "%s/api?q=Niger&layer=state",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    f = json_array_get(json_object_get(j, "features"), 0);
    CHECK_STR_EQ(json_string_value(json_object_get(
                     json_object_get(f, "properties"), "name")),
                 "Niger State");
    json_decref(j);
    snprintf(url, sizeof(url), "%s/api?q=Niger&layer=house",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK_INT_EQ(status, 200);
    CHECK(json_array_size(json_object_get(j, "features")) == 0);
    json_decref(j);
    snprintf(url, sizeof(url), "%s/api?q=Niger&layer=moon",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK_INT_EQ(status, 400);
    CHECK(json_is_string(json_object_get(j, "message")));
    json_decref(j);
    snprintf(url, sizeof(url), "%s/api?limit=2", sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK_INT_EQ(status, 400);
    json_decref(j);

    /* Pelias: alpha-3 countries, both kinds of boundary.country */
    snprintf(url, sizeof(url),
             "%s/v1/search?text=Paris&boundary.country=USA&size=3",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK_INT_EQ(status, 200);
    CHECK(json_is_object(json_object_get(j, "geocoding")));
    CHECK(json_array_size(json_object_get(j, "features")) == 1);
    CHECK(json_array_size(json_object_get(j, "bbox")) == 4);
    f = json_array_get(json_object_get(j, "features"), 0);
    p = json_object_get(f, "properties");
    CHECK_STR_EQ(json_string_value(json_object_get(p, "layer")), "locality");
    CHECK_STR_EQ(json_string_value(json_object_get(p, "country_a")), "USA");
    CHECK_STR_EQ(json_string_value(json_object_get(p, "region")), "Texas");
    CHECK(json_object_get(p, "country_code") == NULL);
    CHECK(json_array_size(json_object_get(f, "bbox")) == 4);
    json_decref(j);
    snprintf(url, sizeof(url),
             "%s/v1/search?text=Niger&boundary.country=ng&layers=region",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    f = json_array_get(json_object_get(j, "features"), 0);
    CHECK(json_array_size(json_object_get(j, "features")) == 1);
    CHECK_STR_EQ(json_string_value(json_object_get(
                     json_object_get(f, "properties"), "country_a")),
                 "NGA");
    json_decref(j);
    snprintf(url, sizeof(url), "%s/v1/search?text=Niger&layers=venue",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK(json_array_size(json_object_get(j, "features")) == 0);
    json_decref(j);
    snprintf(url, sizeof(url), "%s/v1/search?size=2",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK_INT_EQ(status, 400);
    CHECK(json_array_size(json_object_get(json_object_get(j, "geocoding"),
                                          "errors")) == 1);
    json_decref(j);
    snprintf(url, sizeof(url),
             "%s/v1/search?text=Paris&boundary.country=QQQ",
             sr_geoserver_url(env.gs));
    j = fetch(url, &status);
    CHECK_INT_EQ(status, 400);
    json_decref(j);
    CHECK_INT_EQ(sr_geoserver_searches(env.gs), 11);
    env_close(&env);
}

static void test_stats(void)
{
    static const char *const settings[] = {
        "geocoder.retries", "1", "geocoder.retry.backoff.ms", "10",
        "geocoder.breaker.failures", "2", "geocoder.breaker.open.ms", "200",
        NULL};
    /* the first 4 searches fail: two lookups of two attempts each */
    sr_geoserver_opts_t failing = {"127.0.0.1:0", 0, 0.0, 4, 0, 0, 503};
    env_t env;
    answer_log_t a, b;
    sr_geocoder_stats_t st;

    if (env_open(&env, &failing, settings) != 0) {
        env_close(&env);
        return;
    }
    sr_geocoder_stats(env.gc, &st);
    CHECK_INT_EQ(st.breaker_state, 0);
    CHECK_INT_EQ(st.lookups, 0);
    submit_run(&env, "Paris", &a);
    submit_run(&env, "Lyon", &a);
    sr_geocoder_stats(env.gc, &st);
    CHECK_INT_EQ(st.retries, 2);
    CHECK_INT_EQ(st.breaker_state, 1);
    CHECK_INT_EQ(st.breaker_opens, 1);
    CHECK_INT_EQ(st.failed, 2);
    submit_run(&env, "Gao", &a);
    sr_geocoder_stats(env.gc, &st);
    CHECK_INT_EQ(st.circuit_open, 1);
    CHECK_INT_EQ(st.failed, 3);
    CHECK_INT_EQ(st.lookups, 3);
    CHECK_INT_EQ(st.cache_misses, 3); /* failures are not cached */
    pause_ms(250);
    sr_geocoder_stats(env.gc, &st);
    CHECK_INT_EQ(st.breaker_state, 2); /* half-open: the next one probes */
    /* the probe succeeds; then the same name twice: one from the cache,
     * and two at once share a request */
    submit_run(&env, "Paris", &a);
    CHECK_INT_EQ(a.status, SR_GEOCODE_OK);
    submit_run(&env, "Paris", &a);
    CHECK_INT_EQ(a.from_cache, 1);
    memset(&a, 0, sizeof(a));
    memset(&b, 0, sizeof(b));
    sr_geocoder_submit(env.gc, "Lyon", NULL, on_answer, &a);
    sr_geocoder_submit(env.gc, "LYON", NULL, on_answer, &b);
    run(env.gc);
    sr_geocoder_stats(env.gc, &st);
    CHECK_INT_EQ(st.breaker_state, 0);
    CHECK_INT_EQ(st.breaker_opens, 1);
    CHECK_INT_EQ(st.lookups, 7);
    CHECK_INT_EQ(st.cache_hits, 1);
    CHECK_INT_EQ(st.cache_misses, 6);
    CHECK_INT_EQ(st.merged, 1);
    CHECK_INT_EQ(st.failed, 3);
    CHECK_INT_EQ(st.http_requests, 6);
    env_close(&env);
}

TEST_LIST = {
    {"hit_miss_cache", test_hit_miss_cache},
    {"countrycodes_precision", test_countrycodes_precision},
    {"merge_inflight", test_merge_inflight},
    {"queue_fifo", test_queue_fifo},
    {"min_interval", test_min_interval},
    {"timeout_not_cached", test_timeout_not_cached},
    {"http_errors", test_http_errors},
    {"response_cap", test_response_cap},
    {"unreachable_and_bad_input", test_unreachable_and_bad_input},
    {"cache_lru_ttl", test_cache_lru_ttl},
    {"error_rate", test_error_rate},
    {"other_servers", test_other_servers},
    {"apply", test_apply},
    {"server_shapes", test_server_shapes},
    {"retry_503_then_ok", test_retry_503_then_ok},
    {"retry_after_429", test_retry_after_429},
    {"retry_after_capped", test_retry_after_capped},
    {"retry_keeps_slot", test_retry_keeps_slot},
    {"retry_after_date", test_retry_after_date},
    {"no_retry_on_4xx", test_no_retry_on_4xx},
    {"timeouts_retried", test_timeouts_retried},
    {"breaker", test_breaker},
    {"breaker_auth", test_breaker_auth},
    {"breaker_counts_lookups", test_breaker_counts_lookups},
    {"apply_marks_fallback", test_apply_marks_fallback},
    {"server_rate", test_server_rate},
    {"photon_parse", test_photon_parse},
    {"pelias_parse", test_pelias_parse},
    {"parse_response", test_parse_response},
    {"country_stays_country", test_country_stays_country},
    {"dialects_round_trip", test_dialects_round_trip},
    {"server_photon_pelias", test_server_photon_pelias},
    {"stats", test_stats},
    {NULL, NULL},
};
