/* geocoder.c - asynchronous geocoder client (Nominatim, Photon, Pelias):
 * libcurl multi, a FIFO of waiting requests, merging of identical
 * lookups, an LRU answer cache.
 *
 * A lookup is keyed by (folded query, country). Every submit becomes a
 * waiter on a request: an existing one with the same key (queued, running,
 * or already answered from the cache), or a new one. Requests that finish
 * (or cache hits) move to the done list, whose waiters are called from
 * sr_geocoder_perform() only.
 *
 * Resilience: a transfer that timed out or got 429/502/503/504 waits on the
 * retry list (due time from the backoff or Retry-After) and goes back to
 * the queue when due; sr_geocoder_perform() never waits past the next due
 * retry, and nothing here sleeps. Waiters merged into it share the
 * retries. A circuit breaker counts consecutive failed lookups: when open,
 * queued lookups fail at once ("circuit open"); after the open period one
 * probe goes through and its outcome closes or re-opens the breaker.
 */
#include "geocoder.h"

#include <curl/curl.h>
#include <errno.h>
#include <limits.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "buf.h"
#include "gazetteer.h"
#include "iso3166.h"
#include "log.h"
#include "strmap.h"
#include "xmalloc.h"

#define KEY_MAX 300        /* folded query + '\t' + country */
#define QUERY_MAX 512      /* bytes of a query sent to the geocoder */
#define RESULT_LIMIT "5"
#define PHOTON_FILTERED_LIMIT "15" /* no server-side country filter */
#define RETRY_AFTER_MAX 64 /* bytes kept of a Retry-After value */
#define SOURCE_UNAVAILABLE "gazetteer (geocoder unavailable)"

typedef enum dialect_e {
    DIALECT_NOMINATIM = 0,
    DIALECT_PHOTON,
    DIALECT_PELIAS
} dialect_t;

static const char *const dialect_names[] = {"nominatim", "photon", "pelias"};

/* An answer with owned strings (the callbacks see borrowed pointers). */
typedef struct answer_s {
    sr_geocode_status_t status;
    char *error, *name, *display_name, *country_code, *country, *admin1;
    double lat, lon;
    sr_geo_precision_t precision;
} answer_t;

typedef struct waiter_s {
    sr_geocode_cb cb;
    void *opaque;
    struct waiter_s *next;
} waiter_t;

typedef struct request_s {
    char *key;
    char *query;
    char cc[3]; /* "" for no filter */
    waiter_t *waiters, *waiters_tail;
    CURL *easy;
    sr_buf_t body;
    char curl_err[CURL_ERROR_SIZE];
    answer_t answer;
    int from_cache;
    int attempts;         /* transfers started */
    int probe;            /* the half-open breaker's probe */
    int64_t retry_at_ms;  /* on the retry list: when it is due */
    char retry_after[RETRY_AFTER_MAX]; /* header of the last answer */
    struct request_s *next; /* in the queue, retry or done list */
} request_t;

typedef struct cache_entry_s {
    char *key;
    answer_t answer;
    time_t expires;
    struct cache_entry_s *prev, *next; /* LRU: head = most recent */
} cache_entry_t;

struct sr_geocoder_s {
    const sr_config_t *cfg;
    CURLM *multi;
    char *base;   /* geocoder.url without a trailing '/' */
    char *source; /* "<dialect> <base>" */
    dialect_t dialect;
    sr_strmap_t active; /* key -> request_t (queued or running) */
    request_t *queue, *queue_tail;
    request_t *done, *done_tail;
    size_t running;
    size_t pending; /* callbacks not yet called */
    size_t max_inflight;
    int64_t min_interval_ms; /* between two request starts */
    int64_t next_start_ms;   /* monotonic */
    sr_strmap_t cache;  /* key -> cache_entry_t */
    cache_entry_t *lru_head, *lru_tail;
    size_t cache_count;
    uint64_t http_requests, merged; /* for sr_geocoder_stats() */
    request_t *retry;        /* waiting for their retry_at_ms, unordered */
    size_t retrying;         /* on the retry list */
    uint64_t retries, circuit_open; /* for sr_geocoder_stats() */
    uint64_t lookups, cache_hits, cache_misses, breaker_opens, failed;
    uint64_t rng;            /* jitter */
    int64_t breaker_fails;   /* consecutive failed lookups */
    int breaker_open;        /* open, or half-open once open_until passed */
    int64_t open_until_ms;
    int probing;             /* the half-open probe is in flight */
    int auth_logged;
};

static int64_t now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static time_t now_s(void)
{
    return (time_t)(now_ms() / 1000);
}

static void answer_clear(answer_t *a)
{
    free(a->error);
    free(a->name);
    free(a->display_name);
    free(a->country_code);
    free(a->country);
    free(a->admin1);
    memset(a, 0, sizeof(*a));
}

static void answer_copy(answer_t *dst, const answer_t *src)
{
    *dst = *src;
    dst->error = sr_xstrdup(src->error);
    dst->name = sr_xstrdup(src->name);
    dst->display_name = sr_xstrdup(src->display_name);
    dst->country_code = sr_xstrdup(src->country_code);
    dst->country = sr_xstrdup(src->country);
    dst->admin1 = sr_xstrdup(src->admin1);
}

static void answer_fail(answer_t *a, const char *fmt, const char *arg)
{
    char msg[512];

    answer_clear(a);
    snprintf(msg, sizeof(msg), fmt, arg);
    a->status = SR_GEOCODE_FAILED;
    a->error = sr_xstrdup(msg);
}

/* --- cache --------------------------------------------------------------- */

static void lru_unlink(sr_geocoder_t *gc, cache_entry_t *ce)
{
    if (ce->prev) {
        ce->prev->next = ce->next;
    } else {
        gc->lru_head = ce->next;
    }
    if (ce->next) {
        ce->next->prev = ce->prev;
    } else {
        gc->lru_tail = ce->prev;
    }
    ce->prev = ce->next = NULL;
}

static void lru_push_front(sr_geocoder_t *gc, cache_entry_t *ce)
{
    ce->next = gc->lru_head;
    ce->prev = NULL;
    if (gc->lru_head) {
        gc->lru_head->prev = ce;
    } else {
        gc->lru_tail = ce;
    }
    gc->lru_head = ce;
}

static void cache_drop(sr_geocoder_t *gc, cache_entry_t *ce)
{
    sr_strmap_entry_t *e = sr_strmap_find(
        &gc->cache, sr_strmap_hash(ce->key, strlen(ce->key)), ce->key);

    if (e != NULL) {
        sr_strmap_remove(&gc->cache, e);
    }
    lru_unlink(gc, ce);
    answer_clear(&ce->answer);
    free(ce->key);
    free(ce);
    gc->cache_count--;
}

static const cache_entry_t *cache_get(sr_geocoder_t *gc, const char *key)
{
    sr_strmap_entry_t *e =
        sr_strmap_find(&gc->cache, sr_strmap_hash(key, strlen(key)), key);
    cache_entry_t *ce;

    if (e == NULL) {
        return NULL;
    }
    ce = e->ptr;
    if (ce->expires <= now_s()) {
        cache_drop(gc, ce);
        return NULL;
    }
    lru_unlink(gc, ce);
    lru_push_front(gc, ce);
    return ce;
}

static void cache_put(sr_geocoder_t *gc, const char *key, const answer_t *a)
{
    size_t cap = (size_t)gc->cfg->geocoder_cache_entries;
    sr_strmap_entry_t *e;
    cache_entry_t *ce;
    int inserted;

    if (cap == 0 || a->status == SR_GEOCODE_FAILED) {
        return;
    }
    e = sr_strmap_find(&gc->cache, sr_strmap_hash(key, strlen(key)), key);
    if (e != NULL) {
        cache_drop(gc, e->ptr);
    }
    while (gc->cache_count >= cap && gc->lru_tail != NULL) {
        cache_drop(gc, gc->lru_tail);
    }
    ce = sr_xcalloc(1, sizeof(*ce));
    ce->key = sr_xstrdup(key);
    answer_copy(&ce->answer, a);
    ce->expires = now_s() + (time_t)gc->cfg->geocoder_cache_ttl_s;
    e = sr_strmap_upsert(&gc->cache, sr_strmap_hash(key, strlen(key)),
                         ce->key, &inserted);
    e->ptr = ce;
    lru_push_front(gc, ce);
    gc->cache_count++;
}

/* --- requests ------------------------------------------------------------ */

static void request_free(request_t *rq)
{
    waiter_t *w = rq->waiters;

    while (w != NULL) {
        waiter_t *next = w->next;

        free(w);
        w = next;
    }
    if (rq->easy != NULL) {
        curl_easy_cleanup(rq->easy);
    }
    sr_buf_clear(&rq->body);
    answer_clear(&rq->answer);
    free(rq->key);
    free(rq->query);
    free(rq);
}

static void add_waiter(sr_geocoder_t *gc, request_t *rq, sr_geocode_cb cb,
                       void *opaque)
{
    waiter_t *w = sr_xcalloc(1, sizeof(*w));

    w->cb = cb;
    w->opaque = opaque;
    if (rq->waiters_tail) {
        rq->waiters_tail->next = w;
    } else {
        rq->waiters = w;
    }
    rq->waiters_tail = w;
    gc->pending++;
}

static void push(request_t **head, request_t **tail, request_t *rq)
{
    rq->next = NULL;
    if (*tail) {
        (*tail)->next = rq;
    } else {
        *head = rq;
    }
    *tail = rq;
}

/* Moves a finished request (no longer active) to the done list. */
static void finish(sr_geocoder_t *gc, request_t *rq)
{
    sr_strmap_entry_t *e = sr_strmap_find(
        &gc->active, sr_strmap_hash(rq->key, strlen(rq->key)), rq->key);

    if (e != NULL && e->ptr == rq) {
        sr_strmap_remove(&gc->active, e);
    }
    push(&gc->done, &gc->done_tail, rq);
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *opaque)
{
    request_t *rq = opaque;

    if (sr_buf_append(&rq->body, data, size * nmemb) != SR_OK) {
        return 0; /* over geocoder.max.response.bytes: abort the transfer */
    }
    return size * nmemb;
}

/* Keeps the Retry-After header of the answer (the last one wins). */
static size_t on_header(char *data, size_t size, size_t nmemb, void *opaque)
{
    static const char name[] = "retry-after:";
    request_t *rq = opaque;
    size_t n = size * nmemb, len;

    if (n > sizeof(name) - 1 &&
        strncasecmp(data, name, sizeof(name) - 1) == 0) {
        const char *v = data + sizeof(name) - 1;
        const char *end = data + n;

        while (v < end && (*v == ' ' || *v == '\t')) {
            v++;
        }
        while (end > v && (end[-1] == '\r' || end[-1] == '\n' ||
                           end[-1] == ' ' || end[-1] == '\t')) {
            end--;
        }
        len = (size_t)(end - v);
        len = len < RETRY_AFTER_MAX - 1 ? len : RETRY_AFTER_MAX - 1;
        memcpy(rq->retry_after, v, len);
        rq->retry_after[len] = '\0';
    }
    return n;
}

/* The search URL of the dialect for the escaped query q. Only populated
 * places and administrative areas are asked for where the API can filter
 * (Photon's layer, Pelias' coarse layers): a place named in the news is
 * never a street or a building. Photon's /api has no country filter, so
 * it gets more results to filter here. */
static void append_search_url(const sr_geocoder_t *gc, const request_t *rq,
                              const char *q, sr_buf_t *url)
{
    const char *a3;

    switch (gc->dialect) {
    case DIALECT_PHOTON:
        sr_buf_appendf(url,
                       "%s/api?q=%s&limit=%s&lang=en&layer=city&layer="
                       "locality&layer=district&layer=county&layer=state"
                       "&layer=country",
                       gc->base, q,
                       rq->cc[0] != '\0' ? PHOTON_FILTERED_LIMIT
                                         : RESULT_LIMIT);
        break;
    case DIALECT_PELIAS:
        sr_buf_appendf(url,
                       "%s/v1/search?text=%s&size=" RESULT_LIMIT
                       "&lang=en&layers=coarse",
                       gc->base, q);
        a3 = rq->cc[0] != '\0' ? sr_iso3166_alpha3(rq->cc) : NULL;
        if (a3 != NULL) {
            sr_buf_appendf(url, "&boundary.country=%s", a3);
        }
        break;
    default:
        sr_buf_appendf(url,
                       "%s/search?q=%s&format=jsonv2&limit=" RESULT_LIMIT
                       "&addressdetails=1",
                       gc->base, q);
        if (rq->cc[0] != '\0') {
            sr_buf_appendf(url, "&countrycodes=%c%c", rq->cc[0] | 0x20,
                           rq->cc[1] | 0x20);
        }
        break;
    }
}

static sr_err_t start(sr_geocoder_t *gc, request_t *rq)
{
    sr_buf_t url;
    char *q;
    sr_err_t rc = SR_OK;

    rq->easy = curl_easy_init();
    if (rq->easy == NULL) {
        return SR_ERR_FATAL;
    }
    q = curl_easy_escape(rq->easy, rq->query, (int)strlen(rq->query));
    sr_buf_init(&url, 0);
    append_search_url(gc, rq, q ? q : "", &url);
    curl_free(q);
    curl_easy_setopt(rq->easy, CURLOPT_URL, sr_buf_str(&url));
    curl_easy_setopt(rq->easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(rq->easy, CURLOPT_USERAGENT,
                     gc->cfg->geocoder_user_agent);
    curl_easy_setopt(rq->easy, CURLOPT_TIMEOUT_MS,
                     (long)gc->cfg->geocoder_timeout_ms);
    curl_easy_setopt(rq->easy, CURLOPT_CONNECTTIMEOUT_MS,
                     (long)gc->cfg->geocoder_connect_timeout_ms);
    curl_easy_setopt(rq->easy, CURLOPT_MAXFILESIZE_LARGE,
                     (curl_off_t)gc->cfg->geocoder_max_response_bytes);
    curl_easy_setopt(rq->easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(rq->easy, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(rq->easy, CURLOPT_WRITEDATA, rq);
    curl_easy_setopt(rq->easy, CURLOPT_ERRORBUFFER, rq->curl_err);
    curl_easy_setopt(rq->easy, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(rq->easy, CURLOPT_HEADERDATA, rq);
    curl_easy_setopt(rq->easy, CURLOPT_PRIVATE, rq);
    sr_buf_clear(&url);
    rq->retry_after[0] = '\0';
    gc->retries += rq->attempts > 0;
    rq->attempts++;
    if (curl_multi_add_handle(gc->multi, rq->easy) != CURLM_OK) {
        rc = SR_ERR_FATAL;
    } else {
        gc->running++;
        gc->http_requests++;
    }
    return rc;
}

static void breaker_open(sr_geocoder_t *gc)
{
    if (!gc->breaker_open || now_ms() >= gc->open_until_ms) {
        gc->breaker_opens++; /* from closed, or half-open */
    }
    if (!gc->breaker_open) {
        SR_LOG(SR_LOG_WARN, "GEOCODE",
               "circuit open after %lld failed lookups: the gazetteer "
               "answers for %lld ms",
               (long long)gc->breaker_fails,
               (long long)gc->cfg->geocoder_breaker_open_ms);
    }
    gc->breaker_open = 1;
    gc->open_until_ms = now_ms() + gc->cfg->geocoder_breaker_open_ms;
}

/* Counts a finished lookup: failed, or answered with HTTP status. */
static void breaker_account(sr_geocoder_t *gc, request_t *rq, int failed,
                            long status)
{
    int probe = rq->probe;

    if (probe) {
        gc->probing = 0;
        rq->probe = 0;
    }
    if (gc->cfg->geocoder_breaker_failures <= 0) {
        return;
    }
    if (status == 401 || status == 403) {
        /* Credentials or an access policy: retrying cannot help. */
        if (!gc->auth_logged) {
            SR_LOG(SR_LOG_ERROR, "GEOCODE",
                   "the geocoder answered HTTP %ld: check geocoder.url and "
                   "its access policy",
                   status);
            gc->auth_logged = 1;
        }
        gc->breaker_fails++;
        breaker_open(gc);
        return;
    }
    if (!failed) {
        gc->breaker_fails = 0;
        if (probe && gc->breaker_open) {
            gc->breaker_open = 0;
            SR_LOG(SR_LOG_INFO, "GEOCODE", "%s", "circuit closed");
        }
        return;
    }
    gc->breaker_fails++;
    if (probe ||
        gc->breaker_fails >= gc->cfg->geocoder_breaker_failures) {
        breaker_open(gc);
    }
}

/* Transfers running plus lookups waiting for a retry: a lookup keeps its
 * slot of geocoder.max.inflight while it waits, so that a failing server
 * sees at most that many lookups at once, not a growing crowd of them. */
static size_t busy(const sr_geocoder_t *gc)
{
    return gc->running + gc->retrying;
}

/* Moves the retries that are due to the head of the queue (they had
 * started before anything queued). */
static void requeue_due(sr_geocoder_t *gc, int64_t now)
{
    request_t **pp = &gc->retry;

    while (*pp != NULL) {
        request_t *rq = *pp;

        if (rq->retry_at_ms <= now) {
            *pp = rq->next;
            gc->retrying--;
            rq->next = gc->queue;
            gc->queue = rq;
            if (gc->queue_tail == NULL) {
                gc->queue_tail = rq;
            }
        } else {
            pp = &rq->next;
        }
    }
}

/* Does the breaker fail lookups at once? Open, or half-open with its
 * probe in flight. */
static int breaker_blocks(const sr_geocoder_t *gc)
{
    return gc->breaker_open &&
           (gc->probing || now_ms() < gc->open_until_ms);
}

static request_t *dequeue(sr_geocoder_t *gc)
{
    request_t *rq = gc->queue;

    gc->queue = rq->next;
    if (gc->queue == NULL) {
        gc->queue_tail = NULL;
    }
    return rq;
}

/* Starts queued requests while there is room and the rate allows. */
static void start_queued(sr_geocoder_t *gc)
{
    requeue_due(gc, now_ms());
    while (gc->queue != NULL && busy(gc) < gc->max_inflight) {
        request_t *rq;

        if (breaker_blocks(gc)) {
            rq = dequeue(gc);
            answer_fail(&rq->answer, "%s", "circuit open");
            gc->circuit_open++;
            finish(gc, rq);
            continue;
        }
        if (gc->min_interval_ms > 0) {
            int64_t now = now_ms();

            if (now < gc->next_start_ms) {
                break;
            }
            gc->next_start_ms = now + gc->min_interval_ms;
        }

        rq = dequeue(gc);
        if (gc->breaker_open) {
            gc->probing = 1; /* half-open: this one decides */
            rq->probe = 1;
        }
        if (start(gc, rq) != SR_OK) {
            answer_fail(&rq->answer, "%s", "cannot start a transfer");
            breaker_account(gc, rq, 1, 0);
            finish(gc, rq);
        }
    }
}

/* --- response parsing ---------------------------------------------------- */

/* Nominatim writes some numbers as strings: accept both. */
static int json_num(json_t *v, double *out)
{
    const char *s;
    char *end;

    if (json_is_number(v)) {
        *out = json_number_value(v);
        return 1;
    }
    s = json_string_value(v);
    if (s == NULL) {
        return 0;
    }
    errno = 0;
    *out = strtod(s, &end);
    return errno == 0 && end != s && *end == '\0';
}

static char *json_strdup(json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));

    return s != NULL && s[0] != '\0' ? sr_xstrdup(s) : NULL;
}

/* A name of a place type and the precision it proves; -1: not a place
 * an incident is located at (a street, a building, an ocean). */
typedef struct type_prec_s {
    const char *type;
    int prec;
} type_prec_t;

#define SKIP (-1)

/* Nominatim's addresstype and type, and OSM place=* values. */
static const type_prec_t osm_types[] = {
    {"country", SR_GPREC_COUNTRY},     {"state", SR_GPREC_ADMIN1},
    {"region", SR_GPREC_ADMIN1},       {"province", SR_GPREC_ADMIN1},
    {"county", SR_GPREC_ADMIN2},       {"district", SR_GPREC_ADMIN2},
    {"state_district", SR_GPREC_ADMIN2},
    {"municipality", SR_GPREC_ADMIN2}, {"city", SR_GPREC_TOWN},
    {"town", SR_GPREC_TOWN},           {"village", SR_GPREC_TOWN},
    {"hamlet", SR_GPREC_TOWN},         {"suburb", SR_GPREC_TOWN},
    {"neighbourhood", SR_GPREC_TOWN},  {"quarter", SR_GPREC_TOWN},
    {"locality", SR_GPREC_TOWN},       {"isolated_dwelling", SR_GPREC_TOWN},
    {"city_district", SR_GPREC_TOWN},  {"borough", SR_GPREC_TOWN},
    {"road", SKIP},                    {"house_number", SKIP},
    {"house", SKIP},                   {"building", SKIP},
    {"postcode", SKIP},
    {NULL, 0},
};

/* Photon's address layers (properties.type); its "district" is a part of
 * a city. */
static const type_prec_t photon_types[] = {
    {"country", SR_GPREC_COUNTRY}, {"state", SR_GPREC_ADMIN1},
    {"county", SR_GPREC_ADMIN2},   {"city", SR_GPREC_TOWN},
    {"district", SR_GPREC_TOWN},   {"locality", SR_GPREC_TOWN},
    {"street", SKIP},              {"house", SKIP},
    {"other", SKIP},
    {NULL, 0},
};

/* Pelias' layers (Who's On First placetypes and OSM/OA records). */
static const type_prec_t pelias_layers[] = {
    {"country", SR_GPREC_COUNTRY},     {"dependency", SR_GPREC_COUNTRY},
    {"macroregion", SR_GPREC_ADMIN1},  {"region", SR_GPREC_ADMIN1},
    {"macrocounty", SR_GPREC_ADMIN2},  {"county", SR_GPREC_ADMIN2},
    {"localadmin", SR_GPREC_ADMIN2},   {"locality", SR_GPREC_TOWN},
    {"borough", SR_GPREC_TOWN},        {"macrohood", SR_GPREC_TOWN},
    {"neighbourhood", SR_GPREC_TOWN},  {"microhood", SR_GPREC_TOWN},
    {NULL, 0},
};

/* The precision of type t in table; unknown types give dflt. */
static int type_precision(const type_prec_t *table, const char *t, int dflt)
{
    for (size_t i = 0; t != NULL && table[i].type != NULL; i++) {
        if (strcmp(t, table[i].type) == 0) {
            return table[i].prec;
        }
    }
    return dflt;
}

static int nominatim_precision(json_t *item)
{
    const char *keys[] = {"addresstype", "type"};
    const char *cat = json_string_value(json_object_get(item, "category"));
    double rank;

    if (cat == NULL) {
        cat = json_string_value(json_object_get(item, "class"));
    }
    if (cat != NULL &&
        (strcmp(cat, "highway") == 0 || strcmp(cat, "building") == 0)) {
        return SKIP;
    }
    for (size_t k = 0; k < 2; k++) {
        int p = type_precision(
            osm_types, json_string_value(json_object_get(item, keys[k])),
            INT_MIN);

        if (p != INT_MIN) {
            return p;
        }
    }
    /* Other features (a camp, a bridge): place_rank says how fine. */
    if (json_num(json_object_get(item, "place_rank"), &rank)) {
        return rank <= 4    ? SR_GPREC_COUNTRY
               : rank <= 8  ? SR_GPREC_ADMIN1
               : rank <= 12 ? SR_GPREC_ADMIN2
                            : SR_GPREC_TOWN;
    }
    return SR_GPREC_UNKNOWN;
}

static char *upper_dup(const char *s)
{
    char *d = sr_xstrdup(s);

    for (char *p = d; *p != '\0'; p++) {
        *p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
    }
    return d;
}

static int valid_point(double lat, double lon)
{
    return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

/* One result: 1 usable (a filled), 0 a result that is not a place we
 * locate incidents at, -1 no usable coordinates. */
typedef int (*item_parser_t)(json_t *item, answer_t *a);

static int parse_nominatim(json_t *item, answer_t *a)
{
    json_t *address = json_object_get(item, "address");
    const char *cc;
    double lat, lon;
    int prec;

    if (!json_is_object(item) ||
        !json_num(json_object_get(item, "lat"), &lat) ||
        !json_num(json_object_get(item, "lon"), &lon) ||
        !valid_point(lat, lon)) {
        return -1;
    }
    prec = nominatim_precision(item);
    if (prec == SKIP) {
        return 0;
    }
    answer_clear(a);
    a->status = SR_GEOCODE_OK;
    a->lat = lat;
    a->lon = lon;
    a->display_name = json_strdup(item, "display_name");
    a->name = json_strdup(item, "name");
    if (a->name == NULL && a->display_name != NULL) {
        a->name = sr_xstrndup(a->display_name,
                              strcspn(a->display_name, ","));
    }
    a->country = json_strdup(address, "country");
    a->admin1 = json_strdup(address, "state");
    if (a->admin1 == NULL) {
        a->admin1 = json_strdup(address, "region");
    }
    cc = json_string_value(json_object_get(address, "country_code"));
    if (cc != NULL && strlen(cc) == 2) {
        a->country_code = upper_dup(cc);
    }
    a->precision = (sr_geo_precision_t)prec;
    return 1;
}

/* A GeoJSON feature's point: its Point geometry, else the centre of its
 * box. Photon's extent is [minLon, maxLat, maxLon, minLat] and Pelias'
 * bbox [minLon, minLat, maxLon, maxLat]: lon at 0 and 2, lat at 1 and 3
 * in both, so one centre formula serves. */
static int feature_point(json_t *f, json_t *box, double *lat, double *lon)
{
    json_t *geom = json_object_get(f, "geometry");
    json_t *coords = json_object_get(geom, "coordinates");
    const char *type = json_string_value(json_object_get(geom, "type"));
    double v[4];

    if (type != NULL && strcmp(type, "Point") == 0 &&
        json_num(json_array_get(coords, 0), lon) &&
        json_num(json_array_get(coords, 1), lat)) {
        return valid_point(*lat, *lon);
    }
    if (json_array_size(box) != 4) {
        return 0;
    }
    for (size_t i = 0; i < 4; i++) {
        if (!json_num(json_array_get(box, i), &v[i])) {
            return 0;
        }
    }
    *lon = (v[0] + v[2]) / 2;
    *lat = (v[1] + v[3]) / 2;
    return valid_point(*lat, *lon) && valid_point(v[1], v[0]) &&
           valid_point(v[3], v[2]);
}

static int parse_photon(json_t *f, answer_t *a)
{
    json_t *props = json_object_get(f, "properties");
    const char *type = json_string_value(json_object_get(props, "type"));
    const char *key = json_string_value(json_object_get(props, "osm_key"));
    const char *cc;
    double lat, lon;
    int prec;

    if (!json_is_object(props) ||
        !feature_point(f, json_object_get(props, "extent"), &lat, &lon)) {
        return -1;
    }
    if (type != NULL) {
        prec = type_precision(photon_types, type, SKIP);
    } else if (key != NULL && strcmp(key, "place") == 0) {
        /* older servers: no layer, the OSM tag says what it is */
        prec = type_precision(
            osm_types,
            json_string_value(json_object_get(props, "osm_value")), SKIP);
    } else {
        prec = SKIP;
    }
    if (prec == SKIP) {
        return 0;
    }
    answer_clear(a);
    a->status = SR_GEOCODE_OK;
    a->lat = lat;
    a->lon = lon;
    a->name = json_strdup(props, "name");
    a->country = json_strdup(props, "country");
    a->admin1 = json_strdup(props, "state");
    cc = json_string_value(json_object_get(props, "countrycode"));
    if (cc != NULL && strlen(cc) == 2) {
        a->country_code = upper_dup(cc);
    }
    a->precision = (sr_geo_precision_t)prec;
    return 1;
}

static int parse_pelias(json_t *f, answer_t *a)
{
    json_t *props = json_object_get(f, "properties");
    const char *a3 = json_string_value(json_object_get(props, "country_a"));
    const char *a2 =
        json_string_value(json_object_get(props, "country_code"));
    double lat, lon;
    int prec;

    if (!json_is_object(props) ||
        !feature_point(f, json_object_get(f, "bbox"), &lat, &lon)) {
        return -1;
    }
    prec = type_precision(
        pelias_layers, json_string_value(json_object_get(props, "layer")),
        SKIP);
    if (prec == SKIP) {
        return 0;
    }
    answer_clear(a);
    a->status = SR_GEOCODE_OK;
    a->lat = lat;
    a->lon = lon;
    a->name = json_strdup(props, "name");
    a->display_name = json_strdup(props, "label");
    a->country = json_strdup(props, "country");
    a->admin1 = json_strdup(props, "region");
    if (a->admin1 == NULL) {
        a->admin1 = json_strdup(props, "macroregion");
    }
    /* Pelias gives ISO alpha-3 only; the contract wants alpha-2. */
    if (a3 != NULL && sr_iso3166_alpha2(a3) != NULL) {
        a->country_code = sr_xstrdup(sr_iso3166_alpha2(a3));
    } else if (a2 != NULL && strlen(a2) == 2) {
        a->country_code = upper_dup(a2);
    }
    a->precision = (sr_geo_precision_t)prec;
    return 1;
}

/* The message of an error body: Nominatim {"error":{"message"}}, Photon
 * {"message"}, Pelias {"geocoding":{"errors":[...]}}; or NULL. */
static const char *error_message(json_t *root)
{
    const char *msg = json_string_value(
        json_object_get(json_object_get(root, "error"), "message"));

    if (msg == NULL) {
        msg = json_string_value(json_object_get(root, "message"));
    }
    if (msg == NULL) {
        msg = json_string_value(json_array_get(
            json_object_get(json_object_get(root, "geocoding"), "errors"),
            0));
    }
    return msg;
}

/* Parses a response body of dialect for a lookup restricted to cc ("":
 * any country) into a. */
static void parse_body(dialect_t dialect, const char *body, size_t len,
                       const char *cc, answer_t *a)
{
    json_error_t jerr;
    json_t *root = json_loadb(body, len, 0, &jerr);
    json_t *items, *item;
    item_parser_t parse = dialect == DIALECT_PHOTON   ? parse_photon
                          : dialect == DIALECT_PELIAS ? parse_pelias
                                                      : parse_nominatim;
    size_t i;
    int usable = 0;

    if (root == NULL) {
        answer_fail(a, "response is not JSON: %s", jerr.text);
        return;
    }
    items = dialect == DIALECT_NOMINATIM ? root
                                         : json_object_get(root, "features");
    if (!json_is_array(items) || error_message(root) != NULL) {
        const char *msg = error_message(root);

        answer_fail(a, "geocoder error: %s",
                    msg ? msg
                    : dialect == DIALECT_NOMINATIM
                        ? "response is not a JSON array"
                        : "response is not a GeoJSON FeatureCollection");
        json_decref(root);
        return;
    }
    answer_clear(a);
    a->status = SR_GEOCODE_NOT_FOUND;
    json_array_foreach(items, i, item) {
        answer_t cand;
        int rc;

        memset(&cand, 0, sizeof(cand));
        rc = parse(item, &cand);
        usable |= rc >= 0;
        if (rc <= 0) {
            continue;
        }
        if (cand.precision == SR_GPREC_ADMIN1 && cand.admin1 == NULL &&
            cand.name != NULL) {
            /* a region is its own admin1 (Photon names no state for it) */
            cand.admin1 = sr_xstrdup(cand.name);
        }
        /* A server may ignore the country filter (Photon has none). */
        if (cc[0] == '\0' ||
            (cand.country_code != NULL && strcmp(cand.country_code, cc) == 0)) {
            answer_clear(a);
            *a = cand;
            break;
        }
        answer_clear(&cand);
    }
    if (a->status != SR_GEOCODE_OK && !usable && json_array_size(items) > 0) {
        answer_fail(a, "%s", "no result has valid coordinates");
    }
    json_decref(root);
}

static void parse_answer(const sr_geocoder_t *gc, request_t *rq)
{
    parse_body(gc->dialect, sr_buf_str(&rq->body), rq->body.len, rq->cc,
               &rq->answer);
}

static uint64_t next_random(sr_geocoder_t *gc)
{
    /* xorshift64: jitter needs spread, not quality */
    gc->rng ^= gc->rng << 13;
    gc->rng ^= gc->rng >> 7;
    gc->rng ^= gc->rng << 17;
    return gc->rng;
}

/* Retry-After in ms (delay-seconds or an HTTP-date), -1 when absent or
 * unreadable. */
static int64_t retry_after_ms(const char *v, int64_t cap)
{
    long long sec;
    time_t t;

    if (v[0] == '\0') {
        return -1;
    }
    if (strspn(v, "0123456789") == strlen(v)) {
        errno = 0;
        sec = strtoll(v, NULL, 10);
        if (errno != 0 || sec > cap / 1000) {
            return cap;
        }
        return (int64_t)sec * 1000;
    }
    t = curl_getdate(v, NULL);
    if (t == (time_t)-1) {
        return -1;
    }
    t -= time(NULL);
    return t <= 0 ? 0 : (int64_t)t > cap / 1000 ? cap : (int64_t)t * 1000;
}

/* Backoff doubling per attempt, half of it jittered, at least what
 * Retry-After asks, at most geocoder.retry.max.wait.ms. */
static int64_t retry_delay(sr_geocoder_t *gc, const request_t *rq)
{
    int64_t cap = gc->cfg->geocoder_retry_max_wait_ms;
    int64_t delay = gc->cfg->geocoder_retry_backoff_ms;
    int64_t asked = retry_after_ms(rq->retry_after, cap);

    for (int i = 1; i < rq->attempts && delay < cap; i++) {
        delay *= 2;
    }
    delay = delay < cap ? delay : cap;
    delay = delay / 2 + (int64_t)(next_random(gc) % (uint64_t)(delay / 2 + 1));
    delay = asked > delay ? asked : delay;
    return delay < cap ? delay : cap;
}

static int retryable(CURLcode res, long status)
{
    if (res == CURLE_OPERATION_TIMEDOUT) {
        return 1;
    }
    return res == CURLE_OK && (status == 429 || status == 502 ||
                               status == 503 || status == 504);
}

static void transfer_done(sr_geocoder_t *gc, request_t *rq, CURLcode res)
{
    long status = 0;
    int failed;

    curl_multi_remove_handle(gc->multi, rq->easy);
    gc->running--;
    curl_easy_getinfo(rq->easy, CURLINFO_RESPONSE_CODE, &status);
    if (res == CURLE_WRITE_ERROR || res == CURLE_FILESIZE_EXCEEDED) {
        char cap[32];

        snprintf(cap, sizeof(cap), "%lld",
                 (long long)gc->cfg->geocoder_max_response_bytes);
        answer_fail(&rq->answer, "response larger than %s bytes", cap);
    } else if (res != CURLE_OK) {
        answer_fail(&rq->answer, "%s",
                    rq->curl_err[0] ? rq->curl_err : curl_easy_strerror(res));
    } else if (status != 200) {
        char code[32];

        snprintf(code, sizeof(code), "%ld", status);
        answer_fail(&rq->answer, "HTTP status %s", code);
    } else {
        parse_answer(gc, rq);
    }
    curl_easy_cleanup(rq->easy);
    rq->easy = NULL;
    sr_buf_clear(&rq->body);
    if (retryable(res, status) && !rq->probe &&
        rq->attempts <= gc->cfg->geocoder_retries && !breaker_blocks(gc)) {
        /* Still active: lookups submitted meanwhile join the retry. */
        rq->retry_at_ms = now_ms() + retry_delay(gc, rq);
        rq->next = gc->retry;
        gc->retry = rq;
        gc->retrying++;
        return;
    }
    /* A server that answers (200, or a 4xx about this query) is up. */
    failed = res != CURLE_OK || status >= 500 || status == 429;
    breaker_account(gc, rq, failed, res == CURLE_OK ? status : 0);
    cache_put(gc, rq->key, &rq->answer);
    finish(gc, rq);
}

/* --- API ----------------------------------------------------------------- */

/* The OpenStreetMap Foundation's public server (any scheme, port, path). */
static int is_public_nominatim(const char *url)
{
    static const char host[] = "nominatim.openstreetmap.org";
    const char *p = strstr(url, "://");
    size_t n;

    p = p ? p + 3 : url;
    n = strcspn(p, ":/?#");
    return n == sizeof(host) - 1 && strncasecmp(p, host, n) == 0;
}

sr_geocoder_t *sr_geocoder_new(const sr_config_t *cfg, char *errstr,
                               size_t errstr_size)
{
    sr_geocoder_t *gc;
    size_t len;

    if (cfg->geocoder_url == NULL || cfg->geocoder_url[0] == '\0') {
        sr_errstr_set(errstr, errstr_size, "geocoder.url is empty");
        return NULL;
    }
    if (strncmp(cfg->geocoder_url, "http://", 7) != 0 &&
        strncmp(cfg->geocoder_url, "https://", 8) != 0) {
        sr_errstr_set(errstr, errstr_size,
                      "geocoder.url '%s': expected http:// or https://",
                      cfg->geocoder_url);
        return NULL;
    }
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        sr_errstr_set(errstr, errstr_size, "libcurl initialisation failed");
        return NULL;
    }
    gc = sr_xcalloc(1, sizeof(*gc));
    gc->cfg = cfg;
    gc->multi = curl_multi_init();
    len = strlen(cfg->geocoder_url);
    while (len > 0 && cfg->geocoder_url[len - 1] == '/') {
        len--;
    }
    gc->base = sr_xstrndup(cfg->geocoder_url, len);
    for (size_t i = 0; cfg->geocoder_dialect != NULL &&
                       i < sizeof(dialect_names) / sizeof(dialect_names[0]);
         i++) {
        if (strcmp(cfg->geocoder_dialect, dialect_names[i]) == 0) {
            gc->dialect = (dialect_t)i;
        }
    }
    gc->source = sr_xmalloc(len + 16);
    snprintf(gc->source, len + 16, "%s %s", dialect_names[gc->dialect],
             gc->base);
    if (gc->multi == NULL) {
        sr_errstr_set(errstr, errstr_size, "libcurl multi handle failed");
        sr_geocoder_destroy(gc);
        return NULL;
    }
    gc->rng = (uint64_t)now_ms() ^ (uint64_t)(uintptr_t)gc;
    gc->rng = gc->rng ? gc->rng : 1;
    gc->max_inflight = (size_t)cfg->geocoder_max_inflight;
    gc->min_interval_ms = cfg->geocoder_min_interval_ms;
    if (is_public_nominatim(gc->base)) {
        /* operations.osmfoundation.org/policies/nominatim: at most one
         * request per second, one at a time. */
        gc->max_inflight = 1;
        if (gc->min_interval_ms < 1000) {
            gc->min_interval_ms = 1000;
        }
    }
    curl_multi_setopt(gc->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                      (long)gc->max_inflight);
    return gc;
}

static void free_list(sr_geocoder_t *gc, request_t *rq)
{
    while (rq != NULL) {
        request_t *next = rq->next;

        if (rq->easy != NULL) {
            curl_multi_remove_handle(gc->multi, rq->easy);
        }
        request_free(rq);
        rq = next;
    }
}

void sr_geocoder_destroy(sr_geocoder_t *gc)
{
    if (gc == NULL) {
        return;
    }
    /* Running requests are only reachable through the active map. */
    for (size_t i = 0; i < sr_strmap_slots(&gc->active); i++) {
        request_t *rq = gc->active.slots[i].ptr;

        if (gc->active.slots[i].key != NULL && rq->easy != NULL) {
            curl_multi_remove_handle(gc->multi, rq->easy);
            request_free(rq);
        }
    }
    free_list(gc, gc->queue);
    free_list(gc, gc->retry);
    free_list(gc, gc->done);
    while (gc->lru_head != NULL) {
        cache_drop(gc, gc->lru_head);
    }
    sr_strmap_clear(&gc->active);
    sr_strmap_clear(&gc->cache);
    if (gc->multi != NULL) {
        curl_multi_cleanup(gc->multi);
    }
    curl_global_cleanup();
    free(gc->base);
    free(gc->source);
    free(gc);
}

void sr_geocoder_submit(sr_geocoder_t *gc, const char *query,
                        const char *country_code, sr_geocode_cb cb,
                        void *opaque)
{
    char key[KEY_MAX];
    size_t qlen = query ? strlen(query) : 0, klen;
    const cache_entry_t *ce;
    sr_strmap_entry_t *e;
    request_t *rq;
    int inserted;
    char cc[3] = "";

    if (country_code != NULL && strlen(country_code) == 2) {
        cc[0] = (char)(country_code[0] & ~0x20);
        cc[1] = (char)(country_code[1] & ~0x20);
        cc[2] = '\0';
    }
    klen = sr_fold_name(query ? query : "", qlen, key, KEY_MAX - 4);
    snprintf(key + klen, KEY_MAX - klen, "\t%s", cc);

    gc->lookups++;
    e = sr_strmap_find(&gc->active, sr_strmap_hash(key, strlen(key)), key);
    if (e != NULL) {
        gc->merged++;
        gc->cache_misses++;
        add_waiter(gc, e->ptr, cb, opaque);
        return;
    }
    rq = sr_xcalloc(1, sizeof(*rq));
    rq->key = sr_xstrdup(key);
    rq->query = sr_xstrndup(query ? query : "", qlen);
    memcpy(rq->cc, cc, sizeof(cc));
    sr_buf_init(&rq->body, (size_t)gc->cfg->geocoder_max_response_bytes);
    add_waiter(gc, rq, cb, opaque);

    if (klen == 0 || qlen > QUERY_MAX) {
        answer_fail(&rq->answer, "%s",
                    klen == 0 ? "empty query" : "query too long");
        push(&gc->done, &gc->done_tail, rq);
        return;
    }
    ce = cache_get(gc, key);
    if (ce != NULL) {
        answer_copy(&rq->answer, &ce->answer);
        rq->from_cache = 1;
        gc->cache_hits++;
        push(&gc->done, &gc->done_tail, rq);
        return;
    }
    gc->cache_misses++;
    e = sr_strmap_upsert(&gc->active, sr_strmap_hash(key, strlen(key)),
                         rq->key, &inserted);
    e->ptr = rq;
    push(&gc->queue, &gc->queue_tail, rq);
}

/* The borrowed view of a that callbacks see. */
static void result_of(const answer_t *a, const char *source,
                      sr_geocode_result_t *res)
{
    memset(res, 0, sizeof(*res));
    res->status = a->status;
    res->error = a->error;
    res->name = a->name;
    res->display_name = a->display_name;
    res->country_code = a->country_code;
    res->country = a->country;
    res->admin1 = a->admin1;
    res->lat = a->lat;
    res->lon = a->lon;
    res->precision = a->status == SR_GEOCODE_OK ? a->precision
                                                 : SR_GPREC_UNKNOWN;
    res->source = source;
}

static void deliver(sr_geocoder_t *gc, request_t *rq)
{
    const answer_t *a = &rq->answer;
    sr_geocode_result_t res;

    result_of(a, gc->source, &res);
    res.from_cache = rq->from_cache;
    for (waiter_t *w = rq->waiters; w != NULL; w = w->next) {
        gc->pending--;
        gc->failed += a->status == SR_GEOCODE_FAILED;
        w->cb(w->opaque, &res);
    }
}

sr_err_t sr_geocoder_parse_response(const char *dialect, const char *body,
                                     size_t len, const char *country_code,
                                     sr_geocode_cb cb, void *opaque,
                                     char *errstr, size_t errstr_size)
{
    answer_t a;
    sr_geocode_result_t res;
    size_t d = 0;

    while (d < sizeof(dialect_names) / sizeof(dialect_names[0]) &&
           strcmp(dialect, dialect_names[d]) != 0) {
        d++;
    }
    if (d == sizeof(dialect_names) / sizeof(dialect_names[0])) {
        sr_errstr_set(errstr, errstr_size, "unknown geocoder dialect '%s'",
                      dialect);
        return SR_ERR_INVALID;
    }
    memset(&a, 0, sizeof(a));
    parse_body((dialect_t)d, body, len,
               country_code != NULL ? country_code : "", &a);
    result_of(&a, dialect_names[d], &res);
    cb(opaque, &res);
    answer_clear(&a);
    return SR_OK;
}

size_t sr_geocoder_perform(sr_geocoder_t *gc, int timeout_ms)
{
    request_t *done;
    CURLMsg *msg;
    int still, left;

    start_queued(gc);
    if (gc->running > 0 || gc->queue != NULL || gc->retry != NULL) {
        int64_t wait = gc->done != NULL || timeout_ms < 0 ? 0 : timeout_ms;
        int64_t now = now_ms();

        if (gc->queue != NULL && busy(gc) < gc->max_inflight &&
            gc->next_start_ms - now < wait) {
            /* waiting for the rate limit: wake up for the next slot */
            wait = gc->next_start_ms - now;
            wait = wait < 0 ? 0 : wait;
        }
        for (const request_t *rq = gc->retry; rq != NULL; rq = rq->next) {
            if (rq->retry_at_ms - now < wait) {
                wait = rq->retry_at_ms - now;
                wait = wait < 0 ? 0 : wait;
            }
        }
        curl_multi_poll(gc->multi, NULL, 0, (int)wait, NULL);
        curl_multi_perform(gc->multi, &still);
        while ((msg = curl_multi_info_read(gc->multi, &left)) != NULL) {
            request_t *rq = NULL;

            if (msg->msg != CURLMSG_DONE) {
                continue;
            }
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
                              (char **)&rq);
            transfer_done(gc, rq, msg->data.result);
        }
        start_queued(gc);
    }
    /* Take the whole list first: callbacks may submit more. */
    done = gc->done;
    gc->done = gc->done_tail = NULL;
    while (done != NULL) {
        request_t *next = done->next;

        deliver(gc, done);
        request_free(done);
        done = next;
    }
    return gc->pending;
}

void sr_geocoder_stats(const sr_geocoder_t *gc, sr_geocoder_stats_t *st)
{
    st->http_requests = gc->http_requests;
    st->merged = gc->merged;
    st->retries = gc->retries;
    st->circuit_open = gc->circuit_open;
    st->breaker_open = gc->breaker_open;
    st->breaker_state = !gc->breaker_open                  ? 0
                        : now_ms() < gc->open_until_ms ? 1
                                                       : 2;
    st->breaker_opens = gc->breaker_opens;
    st->lookups = gc->lookups;
    st->cache_hits = gc->cache_hits;
    st->cache_misses = gc->cache_misses;
    st->failed = gc->failed;
    st->running = gc->running;
    st->cache_entries = gc->cache_count;
}

size_t sr_geocoder_pending(const sr_geocoder_t *gc)
{
    return gc->pending;
}

static void replace(char **dst, const char *src)
{
    if (src != NULL) {
        free(*dst);
        *dst = sr_xstrdup(src);
    }
}

/* TOWN and NEAR_TOWN are the same level of detail. */
static int detail_rank(sr_geo_precision_t p)
{
    return p == SR_GPREC_NEAR_TOWN ? (int)SR_GPREC_TOWN : (int)p;
}

/* Does the location stand for a country named as such ("Niger"), not for
 * a place that fell back to its country? */
static int names_its_country(const sr_location_t *loc)
{
    char a[KEY_MAX], b[KEY_MAX];

    if (loc->precision != SR_GPREC_COUNTRY || loc->name == NULL ||
        loc->country == NULL) {
        return 0;
    }
    sr_fold_name(loc->name, strlen(loc->name), a, sizeof(a));
    sr_fold_name(loc->country, strlen(loc->country), b, sizeof(b));
    return strcmp(a, b) == 0;
}

void sr_geocode_apply(sr_location_t *loc, const sr_geocode_result_t *res)
{
    if (res->status == SR_GEOCODE_FAILED && loc->source != NULL &&
        strcmp(loc->source, "gazetteer") == 0) {
        /* Say that the answer is the fallback, not the geocoder's word. */
        replace(&loc->source, SOURCE_UNAVAILABLE);
        return;
    }
    if (res->status != SR_GEOCODE_OK) {
        return;
    }
    /* Never trade a located place for a coarser answer (a region of the
     * same name), nor for a place in another country. */
    if (loc->has_coords &&
        detail_rank(res->precision) > detail_rank(loc->precision)) {
        return;
    }
    if (loc->country_code != NULL && res->country_code != NULL &&
        strcasecmp(loc->country_code, res->country_code) != 0) {
        return;
    }
    /* A country never resolves to a town, a region or a building that
     * shares its name. */
    if (names_its_country(loc) && res->precision != SR_GPREC_COUNTRY) {
        return;
    }
    loc->has_coords = 1;
    loc->lat = res->lat;
    loc->lon = res->lon;
    replace(&loc->admin1, res->admin1);
    replace(&loc->country, res->country);
    replace(&loc->country_code, res->country_code);
    for (char *p = loc->country_code; p != NULL && *p != '\0'; p++) {
        *p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
    }
    if (!(loc->precision == SR_GPREC_NEAR_TOWN &&
          res->precision == SR_GPREC_TOWN)) {
        loc->precision = res->precision;
    }
    replace(&loc->source, res->source);
}
