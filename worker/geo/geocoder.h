/* geocoder.h - asynchronous client of an HTTP geocoder, driven from the
 * caller's event loop with libcurl multi: no call here blocks longer than
 * the timeout the caller passes to sr_geocoder_perform().
 *
 * geocoder.dialect picks the API of geocoder.url: Nominatim
 * (GET /search?q=...&format=jsonv2, a JSON array), Photon
 * (GET /api?q=..., GeoJSON) or Pelias (GET /v1/search?text=..., GeoJSON
 * with ISO alpha-3 countries, converted to alpha-2). Only populated places
 * and administrative areas count as answers: streets, buildings and other
 * features are skipped, so a country never resolves to a building. The
 * first result in the requested country wins (filtered here too: Photon
 * has no country filter).
 *
 * Answers (hits and misses) are cached (geocoder.cache.entries, TTL
 * geocoder.cache.ttl.s); transfers honour geocoder.timeout.ms and
 * geocoder.connect.timeout.ms; at most geocoder.max.inflight at once and
 * one start per geocoder.min.interval.ms, the rest queue in order (the
 * public nominatim.openstreetmap.org: one at a time, one per second).
 * Identical lookups in flight share one request. Single-threaded: call
 * everything from one thread.
 *
 * A transfer that timed out or got HTTP 429/502/503/504 is retried up to
 * geocoder.retries times after a backoff (geocoder.retry.backoff.ms,
 * doubling, jittered) or the server's Retry-After, whichever is longer,
 * capped by geocoder.retry.max.wait.ms; the lookup keeps its max.inflight
 * slot meanwhile. After geocoder.breaker.failures consecutive failed
 * lookups (or one 401/403) the circuit opens: lookups fail at once with
 * error "circuit open" for geocoder.breaker.open.ms, then a single probe
 * decides whether it closes or opens again.
 */
#ifndef SR_GEO_GEOCODER_H
#define SR_GEO_GEOCODER_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "err.h"
#include "incident.h"

typedef struct sr_geocoder_s sr_geocoder_t;

typedef enum sr_geocode_status_e {
    SR_GEOCODE_OK = 0,        /* a place was found */
    SR_GEOCODE_NOT_FOUND = 1, /* the geocoder answered: no such place */
    SR_GEOCODE_FAILED = 2     /* timeout, HTTP error, bad response */
} sr_geocode_status_t;

/* One answer. Strings are borrowed: valid only during the callback. */
typedef struct sr_geocode_result_s {
    sr_geocode_status_t status;
    const char *error;        /* FAILED: why */
    const char *name;
    const char *display_name;
    const char *country_code; /* ISO alpha-2, upper case, or NULL */
    const char *country;
    const char *admin1;       /* address.state, or NULL */
    double lat, lon;
    sr_geo_precision_t precision; /* from the type or layer */
    const char *source;       /* "<dialect> <base url>" */
    int from_cache;
} sr_geocode_result_t;

typedef void (*sr_geocode_cb)(void *opaque, const sr_geocode_result_t *res);

/* Borrows cfg (must outlive the geocoder). NULL with errstr when
 * cfg->geocoder_url is empty or invalid. */
sr_geocoder_t *sr_geocoder_new(const sr_config_t *cfg, char *errstr,
                               size_t errstr_size);
/* Cancels what is in flight without calling callbacks. NULL-safe. */
void sr_geocoder_destroy(sr_geocoder_t *gc);

/* Asks for query (a place name), restricted to country_code when non-NULL
 * (Nominatim countrycodes=, Pelias boundary.country=). cb is always called
 * exactly once, from a later sr_geocoder_perform() - never from inside
 * submit, even on a cache hit. */
void sr_geocoder_submit(sr_geocoder_t *gc, const char *query,
                        const char *country_code, sr_geocode_cb cb,
                        void *opaque);

/* Runs transfers, waiting at most timeout_ms for network activity, and
 * calls the callbacks of finished lookups. Returns the number of lookups
 * still pending. */
size_t sr_geocoder_perform(sr_geocoder_t *gc, int timeout_ms);

/* Parses one response body the way an answer of the dialect named dialect
 * ("nominatim", "photon", "pelias") to a lookup restricted to country_code
 * (NULL: any) is parsed, and calls cb once with the answer (source: the
 * dialect's name). No HTTP, no cache: for tests. SR_ERR_INVALID for an
 * unknown dialect (cb not called). */
sr_err_t sr_geocoder_parse_response(const char *dialect, const char *body,
                                     size_t len, const char *country_code,
                                     sr_geocode_cb cb, void *opaque,
                                     char *errstr, size_t errstr_size);

/* Lookups submitted whose callback has not run yet. */
size_t sr_geocoder_pending(const sr_geocoder_t *gc);

/* Counters for the ops endpoints. */
typedef struct sr_geocoder_stats_s {
    uint64_t http_requests; /* HTTP transfers started (retries too) */
    uint64_t merged;        /* lookups that joined an identical one */
    uint64_t retries;       /* transfers that were retries */
    uint64_t circuit_open;  /* requests failed at once by the breaker */
    uint64_t breaker_opens; /* times the circuit opened (closed or
                               half-open -> open) */
    int breaker_open;       /* open or half-open now */
    int breaker_state;      /* 0 closed, 1 open, 2 half-open (the open
                               period is over: the next lookup probes) */
    uint64_t lookups;       /* sr_geocoder_submit() calls */
    uint64_t cache_hits;    /* lookups answered from the cache */
    uint64_t cache_misses;  /* lookups that needed HTTP (a new request, or
                               one in flight they joined) */
    uint64_t failed;        /* lookups answered FAILED (the caller keeps
                               the gazetteer's answer: a fallback) */
    size_t running;         /* transfers in progress */
    size_t cache_entries;   /* answers cached now */
} sr_geocoder_stats_t;

void sr_geocoder_stats(const sr_geocoder_t *gc, sr_geocoder_stats_t *st);

/* Applies an answer to a location the gazetteer filled: on OK takes the
 * coordinates, admin1, country and precision (keeping NEAR_TOWN when the
 * text said "near"), and sets source; otherwise leaves loc as it was,
 * except that a FAILED answer turns source "gazetteer" into "gazetteer
 * (geocoder unavailable)": the reader can tell the fallback apart.
 * An answer coarser than a location that already has coordinates (a
 * region for a town), or in another country than loc->country_code, is
 * ignored too, and so is anything but a country for a location that
 * names its country ("Niger" stays the country, never Niger State). */
void sr_geocode_apply(sr_location_t *loc, const sr_geocode_result_t *res);

#endif
