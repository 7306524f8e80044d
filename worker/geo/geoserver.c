/* geoserver.c - Nominatim-style /search over the gazetteer
 * (libmicrohttpd, one thread per connection). */
#include "geoserver.h"

#include <jansson.h>
#include <math.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xxhash.h>

#include "httpd.h"
#include "xmalloc.h"

#define CANDIDATES_MAX 256
#define COUNTRYCODES_MAX 64
#define CONNECTION_MEMORY (32 * 1024) /* caps URL + headers per request */
#define LICENCE                                                              \
    "Data: GeoNames (geonames.org), CC BY 4.0; countries: "                  \
    "mledoze/countries, ODbL 1.0"

struct sr_geoserver_s {
    const sr_gazetteer_t *gz;
    struct MHD_Daemon *daemon;
    char url[128];
    int delay_ms;
    double error_rate;
    uint64_t fail_first;
    int retry_after_s;
    unsigned status_code;
    atomic_uint_least64_t searches;
    pthread_mutex_t rate_lock; /* guards the three below */
    int64_t rate_second;       /* monotonic second being counted */
    uint64_t rate_count, rate_max;
};

typedef enum format_e { FMT_JSONV2, FMT_JSON, FMT_GEOJSON } format_t;

/* A search's parameters, parsed from the query string. */
typedef struct search_s {
    const char *q;
    format_t format;
    size_t limit;
    char codes[COUNTRYCODES_MAX][3];
    size_t ncodes;
} search_t;

static enum MHD_Result reply(struct MHD_Connection *conn, unsigned status,
                             const char *type, char *body)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        strlen(body), body, MHD_RESPMEM_MUST_FREE);
    enum MHD_Result rc;

    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(resp, "Access-Control-Allow-Origin", "*");
    rc = MHD_queue_response(conn, status, resp);
    MHD_destroy_response(resp);
    return rc;
}

static enum MHD_Result reply_json(struct MHD_Connection *conn,
                                  unsigned status, json_t *body)
{
    char *s = json_dumps(body, JSON_COMPACT | JSON_ENCODE_ANY |
                                     JSON_REAL_PRECISION(10));

    json_decref(body);
    return reply(conn, status, "application/json; charset=utf-8",
                 s ? s : sr_xstrdup("null"));
}

static enum MHD_Result reply_error(struct MHD_Connection *conn,
                                   unsigned status, const char *message)
{
    return reply_json(conn, status,
                      json_pack("{s:{s:i,s:s}}", "error", "code",
                                (int)status, "message", message));
}

/* What Nominatim would call the place. */
static const char *place_type(const sr_place_t *pl, int *rank)
{
    if (pl->kind == SR_PLACE_COUNTRY) {
        *rank = 4;
        return "country";
    }
    if (pl->kind == SR_PLACE_ADMIN1) {
        *rank = 8;
        return "state";
    }
    if (strcmp(pl->feature_code, "PPLC") == 0 || pl->population >= 100000) {
        *rank = 16;
        return "city";
    }
    if (pl->population >= 10000 || strncmp(pl->feature_code, "PPLA", 4) == 0) {
        *rank = 18;
        return "town";
    }
    *rank = 19;
    return "village";
}

static json_t *coord_str(double v)
{
    char buf[32];

    snprintf(buf, sizeof(buf), "%.7f", v);
    return json_string(buf);
}

static json_int_t place_id(const sr_place_t *pl)
{
    char *end;
    long long n = strtoll(pl->id, &end, 10);

    if (*end == '\0' && end != pl->id && n > 0) {
        return (json_int_t)n;
    }
    /* Ids that are not GeoNames numbers get a stable number of their own,
     * above the GeoNames range. */
    return (json_int_t)(1000000000000LL +
                        (long long)(XXH3_64bits(pl->id, strlen(pl->id)) %
                                    1000000000000ULL));
}

static json_t *place_json(const sr_place_t *pl, format_t fmt)
{
    int rank;
    const char *type = place_type(pl, &rank);
    double half = pl->kind == SR_PLACE_COUNTRY ? 5.0
                  : pl->kind == SR_PLACE_ADMIN1 ? 1.0
                  : rank == 16 ? 0.1 : 0.02;
    double importance =
        pl->kind == SR_PLACE_COUNTRY ? 0.9
        : pl->kind == SR_PLACE_ADMIN1 ? 0.7
        : fmin(0.65, 0.2 + 0.06 * log10((double)pl->population + 1.0));
    json_t *address = json_object(), *o = json_object();
    char display[1024];
    const char *cat = pl->kind == SR_PLACE_CITY ? "place" : "boundary";
    char cc[3] = {0, 0, 0};

    cc[0] = (char)(pl->country_code[0] | 0x20);
    cc[1] = (char)(pl->country_code[1] | 0x20);
    if (pl->kind == SR_PLACE_CITY) {
        json_object_set_new(address, type, json_string(pl->name));
    }
    if (pl->kind != SR_PLACE_COUNTRY && pl->admin1_name[0] != '\0') {
        json_object_set_new(address, "state", json_string(pl->admin1_name));
    }
    if (pl->country_name[0] != '\0') {
        json_object_set_new(address, "country",
                            json_string(pl->country_name));
    }
    json_object_set_new(address, "country_code", json_string(cc));
    snprintf(display, sizeof(display), "%s%s%s%s%s", pl->name,
             pl->kind == SR_PLACE_CITY && pl->admin1_name[0] ? ", " : "",
             pl->kind == SR_PLACE_CITY ? pl->admin1_name : "",
             pl->kind != SR_PLACE_COUNTRY && pl->country_name[0] ? ", " : "",
             pl->kind != SR_PLACE_COUNTRY ? pl->country_name : "");

    json_object_set_new(o, "place_id", json_integer(place_id(pl)));
    if (fmt != FMT_GEOJSON) {
        json_object_set_new(o, "licence", json_string(LICENCE));
    }
    json_object_set_new(o, "osm_type", json_string(pl->kind == SR_PLACE_CITY
                                                       ? "node"
                                                       : "relation"));
    json_object_set_new(o, "osm_id", json_integer(place_id(pl)));
    if (fmt != FMT_GEOJSON) {
        json_object_set_new(o, "lat", coord_str(pl->lat));
        json_object_set_new(o, "lon", coord_str(pl->lon));
    }
    json_object_set_new(o, fmt == FMT_JSON ? "class" : "category",
                        json_string(cat));
    json_object_set_new(o, "type",
                        json_string(pl->kind == SR_PLACE_CITY
                                        ? type
                                        : "administrative"));
    json_object_set_new(o, "place_rank", json_integer(rank));
    json_object_set_new(o, "importance", json_real(importance));
    json_object_set_new(o, "addresstype", json_string(type));
    json_object_set_new(o, "name", json_string(pl->name));
    json_object_set_new(o, "display_name", json_string(display));
    json_object_set_new(o, "address", address);
    if (fmt != FMT_GEOJSON) {
        json_object_set_new(
            o, "boundingbox",
            json_pack("[oooo]", coord_str(fmax(pl->lat - half, -90.0)),
                      coord_str(fmin(pl->lat + half, 90.0)),
                      coord_str(fmax(pl->lon - half, -180.0)),
                      coord_str(fmin(pl->lon + half, 180.0))));
        return o;
    }
    return json_pack("{s:s,s:o,s:[ffff],s:{s:s,s:[ff]}}", "type", "Feature",
                     "properties", o, "bbox", fmax(pl->lon - half, -180.0),
                     fmax(pl->lat - half, -90.0),
                     fmin(pl->lon + half, 180.0), fmin(pl->lat + half, 90.0),
                     "geometry", "type", "Point", "coordinates", pl->lon,
                     pl->lat);
}

static int code_allowed(const search_t *s, const char *cc)
{
    if (s->ncodes == 0) {
        return 1;
    }
    for (size_t i = 0; i < s->ncodes; i++) {
        if (strcmp(s->codes[i], cc) == 0) {
            return 1;
        }
    }
    return 0;
}

/* A place with no coordinates answers as the container it belongs to. */
static const sr_place_t *with_coords(const sr_gazetteer_t *gz,
                                     const sr_place_t *pl)
{
    const sr_place_t *c;

    if (pl->has_coords) {
        return pl;
    }
    if (pl->kind == SR_PLACE_CITY) {
        c = sr_gazetteer_admin1(gz, pl->country_code, pl->admin1_code);
        if (c != NULL && c->has_coords) {
            return c;
        }
    }
    c = sr_gazetteer_country(gz, pl->country_code);
    return c != NULL && c->has_coords ? c : NULL;
}

/* Does a qualifier ("Niger", "Tillabéri") name the place's country or
 * region? */
static int qualifier_matches(const sr_gazetteer_t *gz, const sr_place_t *pl,
                             const char *qual, size_t len)
{
    const sr_place_t *m[16];
    size_t n = sr_gazetteer_lookup(gz, qual, len, m, 16);

    for (size_t i = 0; i < n && i < 16; i++) {
        if (m[i]->kind == SR_PLACE_COUNTRY &&
            strcmp(m[i]->country_code, pl->country_code) == 0) {
            return 1;
        }
        if (m[i]->kind == SR_PLACE_ADMIN1 &&
            strcmp(m[i]->country_code, pl->country_code) == 0 &&
            strcmp(m[i]->admin1_code, pl->admin1_code) == 0) {
            return 1;
        }
    }
    return 0;
}

static json_t *search(const sr_gazetteer_t *gz, const search_t *s)
{
    const sr_place_t *cand[CANDIDATES_MAX], *seen[SR_GEOSERVER_MAX_LIMIT];
    const char *comma = strchr(s->q, ',');
    size_t qlen = strlen(s->q), name_len = qlen, n, nseen = 0;
    json_t *arr = json_array();

    n = sr_gazetteer_lookup(gz, s->q, qlen, cand, CANDIDATES_MAX);
    if (n == 0 && comma != NULL) {
        /* "Name, Qualifier[, Qualifier]" */
        name_len = (size_t)(comma - s->q);
        n = sr_gazetteer_lookup(gz, s->q, name_len, cand, CANDIDATES_MAX);
    }
    for (size_t i = 0; i < n && i < CANDIDATES_MAX && nseen < s->limit; i++) {
        const sr_place_t *pl = cand[i];
        int ok = code_allowed(s, pl->country_code), dup = 0;

        for (const char *q = s->q + name_len; ok && *q == ',';) {
            const char *next = strchr(q + 1, ',');
            size_t len = next ? (size_t)(next - q - 1) : strlen(q + 1);

            ok = qualifier_matches(gz, pl, q + 1, len);
            q = next ? next : q + 1 + len;
        }
        pl = ok ? with_coords(gz, pl) : NULL;
        for (size_t k = 0; pl != NULL && k < nseen; k++) {
            dup |= seen[k] == pl;
        }
        if (pl == NULL || dup) {
            continue;
        }
        seen[nseen++] = pl;
        json_array_append_new(arr, place_json(pl, s->format));
    }
    if (s->format == FMT_GEOJSON) {
        return json_pack("{s:s,s:s,s:o}", "type", "FeatureCollection",
                         "licence", LICENCE, "features", arr);
    }
    return arr;
}

/* Parses the query string; NULL, or the reason it is bad. */
static const char *parse_search(struct MHD_Connection *conn, search_t *s)
{
    const char *fmt = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND,
                                                  "format");
    const char *limit = MHD_lookup_connection_value(
        conn, MHD_GET_ARGUMENT_KIND, "limit");
    const char *codes = MHD_lookup_connection_value(
        conn, MHD_GET_ARGUMENT_KIND, "countrycodes");

    memset(s, 0, sizeof(*s));
    s->q = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "q");
    s->limit = 10;
    if (s->q == NULL || s->q[strspn(s->q, " ")] == '\0') {
        return "Nominatim needs a query: parameter 'q' is missing";
    }
    if (strlen(s->q) > SR_GEOSERVER_MAX_QUERY) {
        return "parameter 'q' is too long";
    }
    if (fmt == NULL || strcmp(fmt, "jsonv2") == 0) {
        s->format = FMT_JSONV2;
    } else if (strcmp(fmt, "json") == 0) {
        s->format = FMT_JSON;
    } else if (strcmp(fmt, "geojson") == 0) {
        s->format = FMT_GEOJSON;
    } else {
        return "Parameter 'format' must be one of: json, jsonv2, geojson";
    }
    if (limit != NULL) {
        char *end;
        long v = strtol(limit, &end, 10);

        if (end == limit || *end != '\0') {
            return "Parameter 'limit' must be a number";
        }
        s->limit = v < 1 ? 1
                   : v > SR_GEOSERVER_MAX_LIMIT ? SR_GEOSERVER_MAX_LIMIT
                                                : (size_t)v;
    }
    for (const char *p = codes; p != NULL && *p != '\0';) {
        size_t len = strcspn(p, ",");

        if (len == 2 && s->ncodes < COUNTRYCODES_MAX) {
            s->codes[s->ncodes][0] = (char)(p[0] & ~0x20);
            s->codes[s->ncodes][1] = (char)(p[1] & ~0x20);
            s->ncodes++;
        } else if (len != 0) {
            return "Parameter 'countrycodes' must be a list of ISO "
                   "3166-1 alpha-2 codes";
        }
        p += len + (p[len] == ',');
    }
    return NULL;
}

/* Counts a search in its second of arrival. */
static void count_rate(sr_geoserver_t *gs)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    pthread_mutex_lock(&gs->rate_lock);
    if ((int64_t)ts.tv_sec != gs->rate_second) {
        gs->rate_second = (int64_t)ts.tv_sec;
        gs->rate_count = 0;
    }
    if (++gs->rate_count > gs->rate_max) {
        gs->rate_max = gs->rate_count;
    }
    pthread_mutex_unlock(&gs->rate_lock);
}

static enum MHD_Result reply_fault(const sr_geoserver_t *gs,
                                   struct MHD_Connection *conn)
{
    json_t *body = json_pack("{s:{s:i,s:s}}", "error", "code",
                             (int)gs->status_code, "message",
                             "injected fault");
    char *s = json_dumps(body, JSON_COMPACT);
    struct MHD_Response *resp;
    enum MHD_Result rc;
    char secs[32];

    json_decref(body);
    s = s ? s : sr_xstrdup("{}");
    resp = MHD_create_response_from_buffer(strlen(s), s,
                                           MHD_RESPMEM_MUST_FREE);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
                            "application/json; charset=utf-8");
    if (gs->retry_after_s > 0) {
        snprintf(secs, sizeof(secs), "%d", gs->retry_after_s);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, secs);
    }
    rc = MHD_queue_response(conn, gs->status_code, resp);
    MHD_destroy_response(resp);
    return rc;
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};

    while (nanosleep(&ts, &ts) != 0) {
    }
}

/* Injected failure for search number n (counted from 1)? */
static int fault(const sr_geoserver_t *gs, uint64_t n)
{
    uint64_t h;

    if (n <= gs->fail_first) {
        return 1;
    }
    if (gs->error_rate <= 0) {
        return 0;
    }
    h = XXH3_64bits(&n, sizeof(n));
    return (double)(h >> 11) / 9007199254740992.0 < gs->error_rate;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn,
                              const char *url, const char *method,
                              const char *version, const char *upload_data,
                              size_t *upload_data_size, void **con_cls)
{
    sr_geoserver_t *gs = cls;
    const char *fmt;
    const char *bad;
    search_t s;
    uint64_t n;
    int is_search;

    (void)version;
    (void)upload_data;
    (void)upload_data_size;
    (void)con_cls;
    /* Counted on arrival, so a client that gave up is still counted. */
    is_search = strcmp(url, "/search") == 0 || strcmp(url, "/search.php") == 0;
    n = is_search ? atomic_fetch_add(&gs->searches, 1) + 1 : 0;
    if (is_search) {
        count_rate(gs);
    }
    if (gs->delay_ms > 0) {
        sleep_ms(gs->delay_ms);
    }
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        return reply_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
                           "only GET is supported");
    }
    if (strcmp(url, "/status") == 0 || strcmp(url, "/status.php") == 0) {
        fmt = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND,
                                          "format");
        if (fmt != NULL && strcmp(fmt, "json") == 0) {
            return reply_json(
                conn, MHD_HTTP_OK,
                json_pack("{s:i,s:s,s:I,s:I}", "status", 0, "message", "OK",
                          "searches",
                          (json_int_t)sr_geoserver_searches(gs),
                          "max_per_second",
                          (json_int_t)sr_geoserver_max_per_second(gs)));
        }
        return reply(conn, MHD_HTTP_OK, "text/plain; charset=utf-8",
                     sr_xstrdup("OK"));
    }
    if (!is_search) {
        return reply_error(conn, MHD_HTTP_NOT_FOUND, "no such endpoint");
    }
    if (fault(gs, n)) {
        return reply_fault(gs, conn);
    }
    bad = parse_search(conn, &s);
    if (bad != NULL) {
        return reply_error(conn, MHD_HTTP_BAD_REQUEST, bad);
    }
    return reply_json(conn, MHD_HTTP_OK, search(gs->gz, &s));
}

sr_geoserver_t *sr_geoserver_start(const sr_gazetteer_t *gz,
                                   const sr_geoserver_opts_t *opts,
                                   char *errstr, size_t errstr_size)
{
    sr_geoserver_t *gs;
    sr_httpd_opts_t ho = {
        .listen = opts->listen ? opts->listen : "127.0.0.1:0",
        .thread_per_connection = 1,
        .max_connections = opts->max_connections ? opts->max_connections
                                                 : 256u,
        .timeout_s = 30u,
        .memory_limit = CONNECTION_MEMORY,
    };

    if (opts->error_rate < 0 || opts->error_rate > 1 || opts->delay_ms < 0 ||
        opts->fail_first < 0 || opts->retry_after_s < 0 ||
        (opts->status_code != 0 &&
         (opts->status_code < 400 || opts->status_code > 599))) {
        sr_errstr_set(errstr, errstr_size,
                      "bad fault options (error rate 0..1, delay, "
                      "fail-first and retry-after >= 0, status 400..599)");
        return NULL;
    }
    gs = sr_xcalloc(1, sizeof(*gs));
    gs->gz = gz;
    gs->delay_ms = opts->delay_ms;
    gs->error_rate = opts->error_rate;
    gs->fail_first = (uint64_t)opts->fail_first;
    gs->retry_after_s = opts->retry_after_s;
    gs->status_code = opts->status_code ? (unsigned)opts->status_code : 503u;
    atomic_init(&gs->searches, 0);
    pthread_mutex_init(&gs->rate_lock, NULL);
    gs->daemon = sr_httpd_start(&ho, handle, gs, gs->url, sizeof(gs->url),
                                errstr, errstr_size);
    if (gs->daemon == NULL) {
        pthread_mutex_destroy(&gs->rate_lock);
        free(gs);
        return NULL;
    }
    return gs;
}

const char *sr_geoserver_url(const sr_geoserver_t *gs)
{
    return gs->url;
}

uint64_t sr_geoserver_searches(const sr_geoserver_t *gs)
{
    return atomic_load(&((sr_geoserver_t *)gs)->searches);
}

uint64_t sr_geoserver_max_per_second(const sr_geoserver_t *gs)
{
    sr_geoserver_t *g = (sr_geoserver_t *)gs;
    uint64_t max;

    pthread_mutex_lock(&g->rate_lock);
    max = g->rate_max;
    pthread_mutex_unlock(&g->rate_lock);
    return max;
}

void sr_geoserver_stop(sr_geoserver_t *gs)
{
    if (gs == NULL) {
        return;
    }
    MHD_stop_daemon(gs->daemon);
    pthread_mutex_destroy(&gs->rate_lock);
    free(gs);
}
