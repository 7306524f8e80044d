/* geoserver.h - the gazetteer served over HTTP with the search APIs of
 * Nominatim, Photon and Pelias (`sitrep geocoder serve`, and the geocoder
 * client's tests).
 *
 *   GET /search?q=NAME[&format=jsonv2|json|geojson][&limit=N]
 *               [&countrycodes=ne,ml]          Nominatim-shaped answers
 *   GET /api?q=NAME[&limit=N][&layer=city&layer=state...]
 *                                              Photon's GeoJSON
 *   GET /v1/search?text=NAME[&size=N][&boundary.country=NER,ML]
 *               [&layers=coarse|country,region,locality]
 *                                              Pelias' GeoJSON (country_a
 *                                              in ISO alpha-3)
 *   GET /status[?format=json]                  "OK"
 *
 * Answers come from the gazetteer only: a name matches as a whole (folded,
 * like sr_gazetteer_lookup), "Name, Country" or "Name, Region" narrows
 * it, and a place without coordinates answers as its admin1 region (or
 * country). One thread per connection (libmicrohttpd), so a delayed answer
 * never holds up the others. Request size is bounded by the connection
 * memory limit and SR_GEOSERVER_MAX_QUERY.
 *
 * Test faults: delay_ms delays every answer; fail_first answers the first
 * N searches with 503; error_rate answers that fraction of searches with
 * 503 (deterministic in the request number); every search endpoint
 * counts. status_code replaces 503 in
 * those answers (any 4xx/5xx), retry_after_s > 0 adds "Retry-After: S".
 * The server counts searches per second of arrival; /status?format=json
 * reports "searches" and "max_per_second".
 */
#ifndef SR_GEO_GEOSERVER_H
#define SR_GEO_GEOSERVER_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "gazetteer.h"

#define SR_GEOSERVER_MAX_QUERY 1024  /* bytes of q */
#define SR_GEOSERVER_MAX_LIMIT 50

typedef struct sr_geoserver_s sr_geoserver_t;

typedef struct sr_geoserver_opts_s {
    const char *listen; /* "HOST:PORT", IPv4 or [IPv6]; port 0 = any free */
    int delay_ms;
    double error_rate;  /* 0..1 */
    int fail_first;
    unsigned max_connections; /* 0: 256 */
    int retry_after_s;  /* 0: no Retry-After on injected failures */
    int status_code;    /* of injected failures; 0: 503 */
} sr_geoserver_opts_t;

/* Starts serving gz (borrowed: must outlive the server). NULL with errstr
 * when the address is bad or cannot be bound. */
sr_geoserver_t *sr_geoserver_start(const sr_gazetteer_t *gz,
                                   const sr_geoserver_opts_t *opts,
                                   char *errstr, size_t errstr_size);
/* Base URL, e.g. "http://127.0.0.1:40123". Valid until stop. */
const char *sr_geoserver_url(const sr_geoserver_t *gs);
/* Searches (any API) received so far (any thread). */
uint64_t sr_geoserver_searches(const sr_geoserver_t *gs);
/* Most searches that arrived within one second (any thread). */
uint64_t sr_geoserver_max_per_second(const sr_geoserver_t *gs);
/* Stops accepting, waits for the connections in progress. NULL-safe. */
void sr_geoserver_stop(sr_geoserver_t *gs);

#endif
