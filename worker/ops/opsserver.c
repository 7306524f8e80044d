/* opsserver.c - /metrics, /healthz, /readyz with libmicrohttpd (one
 * internal polling thread: scrapes are short and few). */
#include "opsserver.h"

#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "httpd.h"
#include "xmalloc.h"

#define CONNECTION_MEMORY (16 * 1024) /* caps URL + headers per request */
#define CONNECTION_LIMIT 32u
#define CONNECTION_TIMEOUT_S 10u
#define TEXT "text/plain; charset=utf-8"
#define PROM_TEXT "text/plain; version=0.0.4; charset=utf-8"

struct sr_opsserver_s {
    sr_metrics_t *metrics;
    int64_t alive_max_ms;
    struct MHD_Daemon *daemon;
    char url[128];
};

/* Queues body (malloc'ed; the response takes it). */
static enum MHD_Result reply(struct MHD_Connection *conn, unsigned status,
                             const char *type, char *body)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        strlen(body), body, MHD_RESPMEM_MUST_FREE);
    enum MHD_Result rc;

    if (resp == NULL) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED) {
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    }
    rc = MHD_queue_response(conn, status, resp);
    MHD_destroy_response(resp);
    return rc;
}

static enum MHD_Result reply_line(struct MHD_Connection *conn,
                                  unsigned status, const char *line)
{
    size_t n = strlen(line);
    char *body = sr_xmalloc(n + 2);

    memcpy(body, line, n);
    body[n] = '\n';
    body[n + 1] = '\0';
    return reply(conn, status, TEXT, body);
}

static enum MHD_Result metrics(sr_opsserver_t *os,
                               struct MHD_Connection *conn)
{
    sr_buf_t out;

    sr_buf_init(&out, SR_OPSSERVER_MAX_BODY);
    if (sr_metrics_render(os->metrics, &out) != SR_OK) {
        sr_buf_clear(&out);
        return reply_line(conn, MHD_HTTP_INTERNAL_SERVER_ERROR,
                          "metrics over the size limit");
    }
    return reply(conn, MHD_HTTP_OK, PROM_TEXT, sr_buf_take(&out, NULL));
}

static enum MHD_Result healthz(sr_opsserver_t *os,
                               struct MHD_Connection *conn)
{
    int64_t age = sr_metrics_heartbeat_age_ms(os->metrics, sr_metrics_now_ms());
    char line[160];

    if (age <= os->alive_max_ms) {
        return reply_line(conn, MHD_HTTP_OK, "ok");
    }
    snprintf(line, sizeof(line),
             "event loop stalled: last turn %lld ms ago (limit %lld ms)",
             (long long)age, (long long)os->alive_max_ms);
    return reply_line(conn, MHD_HTTP_SERVICE_UNAVAILABLE, line);
}

static enum MHD_Result readyz(sr_opsserver_t *os,
                              struct MHD_Connection *conn)
{
    char why[600];
    int ready = sr_metrics_ready(os->metrics, why, sizeof(why));

    return reply_line(conn, ready ? MHD_HTTP_OK : MHD_HTTP_SERVICE_UNAVAILABLE,
                      why);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn,
                              const char *url, const char *method,
                              const char *version, const char *upload_data,
                              size_t *upload_data_size, void **con_cls)
{
    sr_opsserver_t *os = cls;

    (void)version;
    (void)upload_data;
    (void)upload_data_size;
    (void)con_cls;
    if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
        strcmp(method, MHD_HTTP_METHOD_HEAD) != 0) {
        return reply_line(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
                          "only GET and HEAD are supported");
    }
    if (strcmp(url, "/metrics") == 0) {
        return metrics(os, conn);
    }
    if (strcmp(url, "/healthz") == 0) {
        return healthz(os, conn);
    }
    if (strcmp(url, "/readyz") == 0) {
        return readyz(os, conn);
    }
    return reply_line(conn, MHD_HTTP_NOT_FOUND,
                      "not found: try /metrics, /healthz or /readyz");
}

sr_opsserver_t *sr_opsserver_start(const char *listen, sr_metrics_t *m,
                                   int64_t alive_max_ms, char *errstr,
                                   size_t errstr_size)
{
    sr_opsserver_t *os = sr_xcalloc(1, sizeof(*os));
    sr_httpd_opts_t ho = {
        .listen = listen,
        .thread_per_connection = 0,
        .max_connections = CONNECTION_LIMIT,
        .timeout_s = CONNECTION_TIMEOUT_S,
        .memory_limit = CONNECTION_MEMORY,
    };

    os->metrics = m;
    os->alive_max_ms = alive_max_ms;
    os->daemon = sr_httpd_start(&ho, handle, os, os->url, sizeof(os->url),
                                errstr, errstr_size);
    if (os->daemon == NULL) {
        free(os);
        return NULL;
    }
    return os;
}

const char *sr_opsserver_url(const sr_opsserver_t *os)
{
    return os->url;
}

void sr_opsserver_stop(sr_opsserver_t *os)
{
    if (os == NULL) {
        return;
    }
    MHD_stop_daemon(os->daemon);
    free(os);
}
