/* geoserver.c - Nominatim-, Photon- and Pelias-style searches over the
 * gazetteer (libmicrohttpd, one thread per connection). */
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
#include "iso3166.h"
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

typedef enum format_e {
    FMT_JSONV2,
    FMT_JSON,
    FMT_GEOJSON,
    FMT_PHOTON, /* /api */
    FMT_PELIAS  /* /v1/search */
} format_t;

#define KIND_BIT(k) (1u << (unsigned)(k))
#define ALL_KINDS                                                            \
    (KIND_BIT(SR_PLACE_COUNTRY) | KIND_BIT(SR_PLACE_ADMIN1) |                \
     KIND_BIT(SR_PLACE_CITY))

/* A search's parameters, parsed from the query string. */
typedef struct search_s {
    const char *q;
    format_t format;
    size_t limit;
    char codes[COUNTRYCODES_MAX][3];
    size_t ncodes;
    unsigned kinds; /* KIND_BITs of the layers asked for */
    const char *bad; /* set by a values iterator: why the request is bad */
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

/* Half the side of the box drawn around a place, in degrees. */
static double box_half(const sr_place_t *pl)
{
    int rank;

    place_type(pl, &rank);
    return pl->kind == SR_PLACE_COUNTRY  ? 5.0
           : pl->kind == SR_PLACE_ADMIN1 ? 1.0
           : rank == 16                  ? 0.1
                                         : 0.02;
}

/* Photon (komoot/photon GeoJsonFormatter): properties of the address
 * layer, countrycode upper case, extent [minLon, maxLat, maxLon, minLat].
 */
static json_t *photon_answer(const sr_place_t *const *pl, size_t n)
{
    static const char *const layers[] = {"country", "state", "city"};
    json_t *features = json_array();

    for (size_t i = 0; i < n; i++) {
        const sr_place_t *p = pl[i];
        double half = box_half(p);
        int rank;
        json_t *props = json_pack(
            "{s:s,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:[ffff]}", "osm_type",
            p->kind == SR_PLACE_CITY ? "N" : "R", "osm_id",
            (json_int_t)place_id(p), "osm_key",
            p->kind == SR_PLACE_CITY ? "place" : "boundary", "osm_value",
            p->kind == SR_PLACE_CITY ? place_type(p, &rank) : "administrative",
            "type", layers[p->kind], "name", p->name, "country",
            p->country_name, "countrycode", p->country_code, "extent",
            fmax(p->lon - half, -180.0), fmin(p->lat + half, 90.0),
            fmin(p->lon + half, 180.0), fmax(p->lat - half, -90.0));

        if (p->kind == SR_PLACE_CITY && p->admin1_name[0] != '\0') {
            json_object_set_new(props, "state", json_string(p->admin1_name));
        }
        json_array_append_new(
            features, json_pack("{s:s,s:o,s:{s:s,s:[ff]}}", "type",
                                "Feature", "properties", props, "geometry",
                                "type", "Point", "coordinates", p->lon,
                                p->lat));
    }
    return json_pack("{s:s,s:o}", "type", "FeatureCollection", "features",
                     features);
}

/* Pelias' "geocoding" header block (errors: NULL or a message). */
static json_t *pelias_header(const search_t *s, const char *error)
{
    struct timespec ts;
    json_t *g;

    clock_gettime(CLOCK_REALTIME, &ts);
    g = json_pack("{s:s,s:s,s:{s:s,s:s,s:s},s:I}", "version", "0.2",
                  "attribution", LICENCE, "engine", "name", "sitrep",
                  "author", "sitrep", "version", "1.0", "timestamp",
                  (json_int_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
    if (s != NULL) {
        json_object_set_new(g, "query",
                            json_pack("{s:s,s:I}", "text", s->q, "size",
                                      (json_int_t)s->limit));
    }
    if (error != NULL) {
        json_object_set_new(g, "errors", json_pack("[s]", error));
    }
    return g;
}

/* Pelias (pelias/api geojsonify): layer, gid, country_a in ISO alpha-3,
 * region, label, confidence; bbox [minLon, minLat, maxLon, maxLat]. */
static json_t *pelias_answer(const search_t *s, const sr_place_t *const *pl,
                             size_t n)
{
    static const char *const layers[] = {"country", "region", "locality"};
    json_t *features = json_array(), *root;
    double all[4] = {180.0, 90.0, -180.0, -90.0};

    for (size_t i = 0; i < n; i++) {
        const sr_place_t *p = pl[i];
        const char *a3 = sr_iso3166_alpha3(p->country_code);
        double half = box_half(p);
        double box[4] = {fmax(p->lon - half, -180.0),
                         fmax(p->lat - half, -90.0),
                         fmin(p->lon + half, 180.0),
                         fmin(p->lat + half, 90.0)};
        char gid[256], label[1024];
        json_t *props;

        snprintf(gid, sizeof(gid), "geonames:%s:%s", layers[p->kind], p->id);
        snprintf(label, sizeof(label), "%s%s%s", p->name,
                 p->kind != SR_PLACE_COUNTRY ? ", " : "",
                 p->kind != SR_PLACE_COUNTRY ? p->country_name : "");
        props = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:f,s:s,s:s,s:s,s:s}",
                          "id", p->id, "gid", gid, "layer", layers[p->kind],
                          "source", "geonames", "source_id", p->id, "name",
                          p->name, "confidence", 1.0, "match_type", "exact",
                          "accuracy", "centroid", "country", p->country_name,
                          "label", label);
        if (a3 != NULL) {
            json_object_set_new(props, "country_a", json_string(a3));
        }
        if (p->kind != SR_PLACE_COUNTRY && p->admin1_name[0] != '\0') {
            json_object_set_new(props, "region",
                                json_string(p->admin1_name));
        }
        if (p->kind == SR_PLACE_CITY) {
            json_object_set_new(props, "locality", json_string(p->name));
        }
        json_array_append_new(
            features,
            json_pack("{s:s,s:{s:s,s:[ff]},s:o,s:[ffff]}", "type", "Feature",
                      "geometry", "type", "Point", "coordinates", p->lon,
                      p->lat, "properties", props, "bbox", box[0], box[1],
                      box[2], box[3]));
        all[0] = fmin(all[0], box[0]);
        all[1] = fmin(all[1], box[1]);
        all[2] = fmax(all[2], box[2]);
        all[3] = fmax(all[3], box[3]);
    }
    root = json_pack("{s:o,s:s,s:o}", "geocoding", pelias_header(s, NULL),
                     "type", "FeatureCollection", "features", features);
    if (n > 0) {
        json_object_set_new(root, "bbox",
                            json_pack("[ffff]", all[0], all[1], all[2],
                                      all[3]));
    }
    return root;
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

/* The places answering s, most prominent first; returns how many were
 * written to seen (at most s->limit). */
static size_t find_places(const sr_gazetteer_t *gz, const search_t *s,
                          const sr_place_t **seen)
{
    const sr_place_t *cand[CANDIDATES_MAX];
    const char *comma = strchr(s->q, ',');
    size_t qlen = strlen(s->q), name_len = qlen, n, nseen = 0;

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
        if (pl == NULL || dup || !(s->kinds & KIND_BIT(pl->kind))) {
            continue;
        }
        seen[nseen++] = pl;
    }
    return nseen;
}

static json_t *search(const sr_gazetteer_t *gz, const search_t *s)
{
    const sr_place_t *seen[SR_GEOSERVER_MAX_LIMIT];
    size_t n = find_places(gz, s, seen);
    json_t *arr;

    if (s->format == FMT_PHOTON || s->format == FMT_PELIAS) {
        return s->format == FMT_PHOTON ? photon_answer(seen, n)
                                       : pelias_answer(s, seen, n);
    }
    arr = json_array();
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(arr, place_json(seen[i], s->format));
    }
    if (s->format == FMT_GEOJSON) {
        return json_pack("{s:s,s:s,s:o}", "type", "FeatureCollection",
                         "licence", LICENCE, "features", arr);
    }
    return arr;
}

/* The search text (parameter name): NULL, or why it is bad. */
static const char *parse_text(search_t *s, const char *q, const char *name,
                              const char *missing)
{
    s->q = q;
    if (q == NULL || q[strspn(q, " ")] == '\0') {
        return missing;
    }
    if (strlen(q) > SR_GEOSERVER_MAX_QUERY) {
        return strcmp(name, "q") == 0 ? "parameter 'q' is too long"
                                      : "parameter 'text' is too long";
    }
    return NULL;
}

/* A result count, clamped to 1..max; 0 when it is not a number. */
static int parse_limit(search_t *s, const char *v, size_t max)
{
    char *end;
    long n;

    if (v == NULL) {
        return 1;
    }
    n = strtol(v, &end, 10);
    if (end == v || *end != '\0') {
        return 0;
    }
    s->limit = n < 1 ? 1 : (size_t)n > max ? max : (size_t)n;
    return 1;
}

/* A comma-separated list of country codes (alpha-2; alpha-3 too when
 * alpha3 is set); 0 when one is not a code. */
static int parse_codes(search_t *s, const char *list, int alpha3)
{
    for (const char *p = list; p != NULL && *p != '\0';) {
        size_t len = strcspn(p, ",");
        char code[4];
        const char *a2 = NULL;

        if (len == 2 || (alpha3 && len == 3)) {
            memcpy(code, p, len);
            code[len] = '\0';
            a2 = len == 2 ? code : sr_iso3166_alpha2(code);
        }
        if (a2 == NULL && len != 0) {
            return 0;
        }
        if (a2 != NULL && s->ncodes < COUNTRYCODES_MAX) {
            s->codes[s->ncodes][0] = (char)(a2[0] & ~0x20);
            s->codes[s->ncodes][1] = (char)(a2[1] & ~0x20);
            s->ncodes++;
        }
        p += len + (p[len] == ',');
    }
    return 1;
}

/* The gazetteer kinds a layer name stands for (0: none we serve, a street
 * say); -1 when the name is not a layer of the API. */
static int layer_kinds(const char *const *names, const int *kinds,
                       const char *name, size_t len)
{
    for (size_t i = 0; names[i] != NULL; i++) {
        if (strlen(names[i]) == len && strncmp(names[i], name, len) == 0) {
            return kinds[i];
        }
    }
    return -1;
}

static const char *const photon_layers[] = {
    "country", "state", "county", "city", "district", "locality",
    "street", "house", "other", NULL};
static const int photon_kinds[] = {
    KIND_BIT(SR_PLACE_COUNTRY), KIND_BIT(SR_PLACE_ADMIN1), 0,
    KIND_BIT(SR_PLACE_CITY), KIND_BIT(SR_PLACE_CITY),
    KIND_BIT(SR_PLACE_CITY), 0, 0, 0};

/* Photon's repeated layer=... parameters. */
static enum MHD_Result photon_layer(void *cls, enum MHD_ValueKind kind,
                                    const char *key, const char *value)
{
    search_t *s = cls;
    int k;

    (void)kind;
    if (strcmp(key, "layer") != 0) {
        return MHD_YES;
    }
    k = layer_kinds(photon_layers, photon_kinds, value ? value : "",
                    value ? strlen(value) : 0);
    if (k < 0) {
        s->bad = "invalid layer: expected one of house, street, locality, "
                 "district, city, county, state, country, other";
        return MHD_NO;
    }
    s->kinds |= (unsigned)k;
    return MHD_YES;
}

/* GET /api (Photon): q, limit, layer (repeated); lang is accepted. */
static const char *parse_photon(struct MHD_Connection *conn, search_t *s)
{
    const char *bad = parse_text(
        s, MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "q"), "q",
        "missing search term 'q': /?q=berlin");

    s->format = FMT_PHOTON;
    s->limit = 15;
    if (bad != NULL) {
        return bad;
    }
    if (!parse_limit(s, MHD_lookup_connection_value(
                            conn, MHD_GET_ARGUMENT_KIND, "limit"),
                     SR_GEOSERVER_MAX_LIMIT)) {
        return "invalid parameter 'limit', expected a number";
    }
    s->kinds = 0;
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, photon_layer, s);
    if (s->bad != NULL) {
        return s->bad;
    }
    if (MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "layer") ==
        NULL) {
        s->kinds = ALL_KINDS;
    }
    return NULL;
}

static const char *const pelias_layers[] = {
    "coarse", "country", "dependency", "macroregion", "region",
    "macrocounty", "county", "localadmin", "locality", "borough",
    "macrohood", "neighbourhood", "microhood", "continent", "empire",
    "ocean", "marinearea", "postalcode", "venue", "address", "street", NULL};
static const int pelias_kinds[] = {
    ALL_KINDS, KIND_BIT(SR_PLACE_COUNTRY), KIND_BIT(SR_PLACE_COUNTRY),
    KIND_BIT(SR_PLACE_ADMIN1), KIND_BIT(SR_PLACE_ADMIN1), 0, 0,
    KIND_BIT(SR_PLACE_CITY), KIND_BIT(SR_PLACE_CITY),
    KIND_BIT(SR_PLACE_CITY), KIND_BIT(SR_PLACE_CITY),
    KIND_BIT(SR_PLACE_CITY), KIND_BIT(SR_PLACE_CITY), 0, 0, 0, 0, 0, 0, 0,
    0};

/* GET /v1/search (Pelias): text, size, boundary.country (alpha-2 or
 * alpha-3, comma-separated), layers (comma-separated, "coarse": every
 * administrative layer); lang is accepted. */
static const char *parse_pelias(struct MHD_Connection *conn, search_t *s)
{
    const char *layers = MHD_lookup_connection_value(
        conn, MHD_GET_ARGUMENT_KIND, "layers");
    const char *bad = parse_text(
        s, MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "text"),
        "text", "invalid param 'text': text length, must be >0");

    s->format = FMT_PELIAS;
    s->limit = 10;
    if (bad != NULL) {
        return bad;
    }
    if (!parse_limit(s, MHD_lookup_connection_value(
                            conn, MHD_GET_ARGUMENT_KIND, "size"),
                     40)) {
        return "invalid param 'size': must be an integer";
    }
    if (!parse_codes(s, MHD_lookup_connection_value(
                            conn, MHD_GET_ARGUMENT_KIND, "boundary.country"),
                     1)) {
        return "boundary.country is not a valid ISO2/ISO3 country code";
    }
    s->kinds = layers != NULL ? 0 : ALL_KINDS;
    for (const char *p = layers; p != NULL && *p != '\0';) {
        size_t len = strcspn(p, ",");
        int k = layer_kinds(pelias_layers, pelias_kinds, p, len);

        if (k < 0) {
            return "'layers' parameter is invalid: expected coarse, "
                   "country, region, locality, ...";
        }
        s->kinds |= (unsigned)k;
        p += len + (p[len] == ',');
    }
    return NULL;
}

/* GET /search (Nominatim): q, format, limit, countrycodes. NULL, or the
 * reason the request is bad. */
static const char *parse_search(struct MHD_Connection *conn, search_t *s)
{
    const char *fmt = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND,
                                                  "format");
    const char *bad = parse_text(
        s, MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "q"), "q",
        "Nominatim needs a query: parameter 'q' is missing");

    s->limit = 10;
    s->kinds = ALL_KINDS;
    if (bad != NULL) {
        return bad;
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
    if (!parse_limit(s, MHD_lookup_connection_value(
                            conn, MHD_GET_ARGUMENT_KIND, "limit"),
                     SR_GEOSERVER_MAX_LIMIT)) {
        return "Parameter 'limit' must be a number";
    }
    if (!parse_codes(s, MHD_lookup_connection_value(
                            conn, MHD_GET_ARGUMENT_KIND, "countrycodes"),
                     0)) {
        return "Parameter 'countrycodes' must be a list of ISO "
               "3166-1 alpha-2 codes";
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

typedef enum api_e { API_NONE, API_NOMINATIM, API_PHOTON, API_PELIAS } api_t;

/* 400 in the API's own error shape. */
static enum MHD_Result reply_bad_request(struct MHD_Connection *conn,
                                         api_t api, const char *why)
{
    if (api == API_PHOTON) {
        return reply_json(conn, MHD_HTTP_BAD_REQUEST,
                          json_pack("{s:s}", "message", why));
    }
    if (api == API_PELIAS) {
        return reply_json(conn, MHD_HTTP_BAD_REQUEST,
                          json_pack("{s:o,s:s,s:[]}", "geocoding",
                                    pelias_header(NULL, why), "type",
                                    "FeatureCollection", "features"));
    }
    return reply_error(conn, MHD_HTTP_BAD_REQUEST, why);
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
    api_t api;

    (void)version;
    (void)upload_data;
    (void)upload_data_size;
    (void)con_cls;
    /* Counted on arrival, so a client that gave up is still counted. */
    api = strcmp(url, "/search") == 0 || strcmp(url, "/search.php") == 0
              ? API_NOMINATIM
          : strcmp(url, "/api") == 0 || strcmp(url, "/api/") == 0
              ? API_PHOTON
          : strcmp(url, "/v1/search") == 0 ? API_PELIAS
                                           : API_NONE;
    is_search = api != API_NONE;
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
    memset(&s, 0, sizeof(s));
    bad = api == API_PHOTON   ? parse_photon(conn, &s)
          : api == API_PELIAS ? parse_pelias(conn, &s)
                              : parse_search(conn, &s);
    if (bad != NULL) {
        return reply_bad_request(conn, api, bad);
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
