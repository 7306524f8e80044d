/* opsserver.h - the worker's operations endpoints over HTTP (ops.listen):
 *
 *   GET /metrics   Prometheus text format 0.0.4 (sr_metrics_render)
 *   GET /healthz   200 "ok" while the event loop turned within the
 *                  liveness window, else 503 with how long ago it did
 *   GET /readyz    200 "ok" when joined to the group, the producer is
 *                  not in a fatal state and (with a schema registry) the
 *                  schema id is known; else 503 with a one-line reason
 *
 * HEAD works like GET without a body; other methods get 405, other
 * paths 404. libmicrohttpd serves on its own thread, reading only the
 * metrics' atomics and mutex-guarded tables, so a scrape never waits for
 * the loop and a busy loop never delays a scrape. Requests are bounded by
 * a small connection memory limit, a connection limit and a timeout.
 */
#ifndef SR_OPS_OPSSERVER_H
#define SR_OPS_OPSSERVER_H

#include <stddef.h>
#include <stdint.h>

#include "metrics.h"

typedef struct sr_opsserver_s sr_opsserver_t;

/* Largest /metrics answer. */
#define SR_OPSSERVER_MAX_BODY (8 * 1024 * 1024)

/* Starts listening on listen ("HOST:PORT", port 0: any free one). m is
 * borrowed and must outlive the server; /healthz fails once the last
 * heartbeat is older than alive_max_ms. NULL with errstr when the address
 * is bad or cannot be bound. */
sr_opsserver_t *sr_opsserver_start(const char *listen, sr_metrics_t *m,
                                   int64_t alive_max_ms, char *errstr,
                                   size_t errstr_size);
/* Base URL, e.g. "http://127.0.0.1:9108". Valid until stop. */
const char *sr_opsserver_url(const sr_opsserver_t *os);
/* Stops accepting and waits for requests in progress. NULL-safe. */
void sr_opsserver_stop(sr_opsserver_t *os);

#endif
