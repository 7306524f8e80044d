/* sitrep-registry-stub - a minimal Confluent Schema Registry for tests.
 *
 *   sitrep-registry-stub [--listen HOST:PORT] [--fail-first N]
 *
 * Serves, on loopback:
 *   POST /subjects/{subject}/versions  body {"schema": "..."}
 *        -> {"id": N}; the same schema text always gets the same id
 *   GET  /schemas/ids/{id}             -> {"schema": "..."}
 * The first N requests (--fail-first) are answered 503, as a registry
 * that is not up yet. Prints its base URL ("http://127.0.0.1:PORT") as
 * the first line of stdout, logs each request on stderr, and runs until
 * SIGTERM/SIGINT. Schemas are kept in memory (at most 64, 1 MiB each).
 */
#include <arpa/inet.h>
#include <jansson.h>
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_SCHEMAS 64
#define MAX_BODY (1024 * 1024)
#define FIRST_ID 41

static volatile sig_atomic_t stop_requested;
static char *schemas[MAX_SCHEMAS];
static int nschemas;
static long fail_left;

typedef struct body_s {
    char *data;
    size_t len;
    int too_big;
} body_t;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static enum MHD_Result reply(struct MHD_Connection *c, unsigned status,
                             json_t *obj)
{
    char *text = json_dumps(obj, JSON_COMPACT);
    struct MHD_Response *resp;
    enum MHD_Result ret;

    json_decref(obj);
    if (text == NULL) {
        return MHD_NO;
    }
    resp = MHD_create_response_from_buffer(strlen(text), text,
                                           MHD_RESPMEM_MUST_FREE);
    MHD_add_response_header(resp, "Content-Type",
                            "application/vnd.schemaregistry.v1+json");
    ret = MHD_queue_response(c, status, resp);
    MHD_destroy_response(resp);
    return ret;
}

static json_t *error_obj(int code, const char *msg)
{
    return json_pack("{s:i,s:s}", "error_code", code, "message", msg);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c,
                              const char *url, const char *method,
                              const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
    body_t *b = *con_cls;
    const char *prefix = "/subjects/", *ids = "/schemas/ids/";
    (void)cls;
    (void)version;

    if (b == NULL) {
        b = calloc(1, sizeof(*b));
        if (b == NULL) {
            return MHD_NO;
        }
        *con_cls = b;
        return MHD_YES;
    }
    if (*upload_size > 0) {
        if (b->len + *upload_size > MAX_BODY) {
            b->too_big = 1;
        } else {
            char *nd = realloc(b->data, b->len + *upload_size + 1);
            if (nd == NULL) {
                return MHD_NO;
            }
            b->data = nd;
            memcpy(b->data + b->len, upload, *upload_size);
            b->len += *upload_size;
            b->data[b->len] = '\0';
        }
        *upload_size = 0;
        return MHD_YES;
    }
    fprintf(stderr, "registry-stub: %s %s\n", method, url);
    if (fail_left > 0) {
        fail_left--;
        return reply(c, 503, error_obj(50003, "not ready"));
    }
    if (strcmp(method, "POST") == 0 &&
        strncmp(url, prefix, strlen(prefix)) == 0 &&
        strlen(url) > strlen(prefix) + strlen("/versions") &&
        strcmp(url + strlen(url) - strlen("/versions"), "/versions") == 0) {
        json_t *in = b->too_big || b->data == NULL
                         ? NULL
                         : json_loadb(b->data, b->len, 0, NULL);
        const char *schema = json_string_value(json_object_get(in, "schema"));
        int id = -1;

        if (schema == NULL) {
            json_decref(in);
            return reply(c, 422, error_obj(42201, "Invalid schema"));
        }
        for (int i = 0; i < nschemas; i++) {
            if (strcmp(schemas[i], schema) == 0) {
                id = FIRST_ID + i;
            }
        }
        if (id < 0 && nschemas < MAX_SCHEMAS) {
            schemas[nschemas] = strdup(schema);
            id = FIRST_ID + nschemas++;
        }
        json_decref(in);
        if (id < 0) {
            return reply(c, 500, error_obj(50001, "too many schemas"));
        }
        return reply(c, 200, json_pack("{s:i}", "id", id));
    }
    if (strcmp(method, "GET") == 0 && strncmp(url, ids, strlen(ids)) == 0) {
        int id = atoi(url + strlen(ids));

        if (id >= FIRST_ID && id < FIRST_ID + nschemas) {
            return reply(c, 200,
                         json_pack("{s:s}", "schema", schemas[id - FIRST_ID]));
        }
        return reply(c, 404, error_obj(40403, "Schema not found"));
    }
    return reply(c, 404, error_obj(404, "Not found"));
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
    body_t *b = *con_cls;
    (void)cls;
    (void)c;
    (void)toe;

    if (b != NULL) {
        free(b->data);
        free(b);
        *con_cls = NULL;
    }
}

int main(int argc, char **argv)
{
    struct sockaddr_in addr;
    struct MHD_Daemon *d;
    const union MHD_DaemonInfo *info;
    const char *listen = "127.0.0.1:0";
    struct sigaction sa;
    char host[64];
    const char *colon;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--listen") == 0 && i + 1 < argc) {
            listen = argv[++i];
        } else if (strcmp(argv[i], "--fail-first") == 0 && i + 1 < argc) {
            fail_left = atol(argv[++i]);
        } else {
            fprintf(stderr, "usage: sitrep-registry-stub [--listen HOST:PORT] "
                            "[--fail-first N]\n");
            return 2;
        }
    }
    colon = strrchr(listen, ':');
    if (colon == NULL || (size_t)(colon - listen) >= sizeof(host)) {
        fprintf(stderr, "sitrep-registry-stub: --listen HOST:PORT\n");
        return 2;
    }
    memcpy(host, listen, (size_t)(colon - listen));
    host[colon - listen] = '\0';
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)atoi(colon + 1));
    if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
        fprintf(stderr, "sitrep-registry-stub: bad address %s\n", host);
        return 2;
    }
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL, NULL,
                         handle, NULL, MHD_OPTION_SOCK_ADDR, &addr,
                         MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
                         MHD_OPTION_END);
    if (d == NULL) {
        fprintf(stderr, "sitrep-registry-stub: cannot listen on %s\n",
                listen);
        return 1;
    }
    info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    printf("http://%s:%u\n", host, info ? (unsigned)info->port : 0u);
    fflush(stdout);
    while (!stop_requested) {
        usleep(100000);
    }
    MHD_stop_daemon(d);
    for (int i = 0; i < nschemas; i++) {
        free(schemas[i]);
    }
    return 0;
}
