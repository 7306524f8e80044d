/* test_registry.c - the Schema Registry client against an in-process HTTP
 * responder (libmicrohttpd) that records each request and answers as
 * scripted; and Confluent wire-format frames with the registered id. */
#include <arpa/inet.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "check.h"
#include "incident.h"
#include "incident_avro.h"
#include "incident_fixture.h"
#include "incident_json.h"
#include "registry.h"

typedef struct responder_s {
    struct MHD_Daemon *daemon;
    int port;
    pthread_mutex_t lock;
    /* The scripted answer. */
    unsigned status;
    const char *answer;
    int delay_ms;
    /* The last request seen. */
    int requests;
    char method[16];
    char url[512];
    char content_type[128];
    char authorization[128];
    sr_buf_t body;
} responder_t;

static void copy_header(struct MHD_Connection *c, const char *name,
                        char *dst, size_t size)
{
    const char *v = MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);

    snprintf(dst, size, "%s", v ? v : "");
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c,
                              const char *url, const char *method,
                              const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
    responder_t *r = cls;
    sr_buf_t *body = *con_cls;
    struct MHD_Response *resp;
    enum MHD_Result ret;

    (void)version;
    if (body == NULL) {
        body = calloc(1, sizeof(*body));
        sr_buf_init(body, 1 << 20);
        *con_cls = body;
        return MHD_YES;
    }
    if (*upload_size > 0) {
        sr_buf_append(body, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    pthread_mutex_lock(&r->lock);
    r->requests++;
    snprintf(r->method, sizeof(r->method), "%s", method);
    snprintf(r->url, sizeof(r->url), "%s", url);
    copy_header(c, "Content-Type", r->content_type,
                sizeof(r->content_type));
    copy_header(c, "Authorization", r->authorization,
                sizeof(r->authorization));
    sr_buf_reset(&r->body);
    sr_buf_append(&r->body, body->data ? body->data : "", body->len);
    pthread_mutex_unlock(&r->lock);
    if (r->delay_ms > 0) {
        usleep((useconds_t)r->delay_ms * 1000);
    }
    resp = MHD_create_response_from_buffer(strlen(r->answer),
                                           (void *)r->answer,
                                           MHD_RESPMEM_MUST_COPY);
    MHD_add_response_header(resp, "Content-Type",
                            "application/vnd.schemaregistry.v1+json");
    ret = MHD_queue_response(c, r->status, resp);
    MHD_destroy_response(resp);
    return ret;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
    sr_buf_t *body = *con_cls;

    (void)cls;
    (void)c;
    (void)toe;
    if (body != NULL) {
        sr_buf_clear(body);
        free(body);
        *con_cls = NULL;
    }
}

/* Starts an HTTP responder, or HTTPS with key_pem and cert_pem. */
static int responder_start_tls(responder_t *r, const char *key_pem,
                               const char *cert_pem)
{
    struct sockaddr_in addr;
    const union MHD_DaemonInfo *info;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD;

    memset(r, 0, sizeof(*r));
    pthread_mutex_init(&r->lock, NULL);
    sr_buf_init(&r->body, 0);
    r->status = 200;
    r->answer = "{\"id\":1}";
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (key_pem != NULL) {
        r->daemon = MHD_start_daemon(
            flags | MHD_USE_TLS, 0, NULL, NULL, handle, r,
            MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
            MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
            MHD_OPTION_HTTPS_MEM_KEY, key_pem, MHD_OPTION_HTTPS_MEM_CERT,
            cert_pem, MHD_OPTION_END);
    } else {
        r->daemon = MHD_start_daemon(flags, 0, NULL, NULL, handle, r,
                                     MHD_OPTION_SOCK_ADDR,
                                     (struct sockaddr *)&addr,
                                     MHD_OPTION_NOTIFY_COMPLETED, completed,
                                     NULL, MHD_OPTION_END);
    }
    if (r->daemon == NULL) {
        return -1;
    }
    info = MHD_get_daemon_info(r->daemon, MHD_DAEMON_INFO_BIND_PORT);
    r->port = info ? info->port : 0;
    return r->port > 0 ? 0 : -1;
}

static int responder_start(responder_t *r)
{
    return responder_start_tls(r, NULL, NULL);
}

static void responder_stop(responder_t *r)
{
    if (r->daemon != NULL) {
        MHD_stop_daemon(r->daemon);
        r->daemon = NULL;
    }
    sr_buf_clear(&r->body);
    pthread_mutex_destroy(&r->lock);
}

static sr_registry_t *client(const responder_t *r, const char *user_info,
                             long timeout_ms, size_t max_response)
{
    char url[64];
    sr_registry_opts_t opts;

    memset(&opts, 0, sizeof(opts));
    snprintf(url, sizeof(url), "http://127.0.0.1:%d/", r->port);
    opts.url = url;
    opts.user_info = user_info;
    opts.timeout_ms = timeout_ms;
    opts.max_response = max_response;
    return sr_registry_new(&opts, NULL, 0);
}

static void test_register_and_cache(void)
{
    responder_t r;
    sr_registry_t *reg;
    int32_t id = -1;
    char err[512];
    json_t *sent;

    if (responder_start(&r) != 0) {
        CHECK(!"responder starts");
        responder_stop(&r);
        return;
    }
    r.answer = "{\"id\":42}";
    reg = client(&r, NULL, 2000, 0);
    CHECK(reg != NULL);
    CHECK_INT_EQ(sr_registry_register(reg, "incidents.events-value",
                                      sr_incident_avsc, &id, err,
                                      sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(id, 42);
    CHECK_INT_EQ(r.requests, 1);
    CHECK_STR_EQ(r.method, "POST");
    CHECK_STR_EQ(r.url, "/subjects/incidents.events-value/versions");
    CHECK_STR_EQ(r.content_type, "application/vnd.schemaregistry.v1+json");
    CHECK_STR_EQ(r.authorization, "");
    /* The schema goes as the original text, byte for byte. */
    sent = json_loadb(r.body.data ? r.body.data : "", r.body.len, 0, NULL);
    CHECK(sent != NULL && json_object_size(sent) == 1);
    CHECK(json_string_value(json_object_get(sent, "schema")) != NULL &&
          strcmp(json_string_value(json_object_get(sent, "schema")),
                 sr_incident_avsc) == 0);
    json_decref(sent);
    /* Cached: no second request for the same subject and schema. */
    id = -1;
    r.answer = "{\"id\":43}";
    CHECK_INT_EQ(sr_registry_register(reg, "incidents.events-value",
                                      sr_incident_avsc, &id, err,
                                      sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(id, 42);
    CHECK_INT_EQ(r.requests, 1);
    /* Another subject is another registration; odd characters escaped. */
    CHECK_INT_EQ(sr_registry_register(reg, "a b/c-value", sr_incident_avsc,
                                      &id, err, sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(id, 43);
    CHECK_INT_EQ(r.requests, 2);
    CHECK_STR_EQ(r.url, "/subjects/a b/c-value/versions");
    sr_registry_destroy(reg);
    responder_stop(&r);
}

static void test_error_classes(void)
{
    static const struct {
        unsigned status;
        const char *answer;
        sr_err_t want;
        const char *says;
    } cases[] = {
        {409, "{\"error_code\":409,\"message\":\"Schema being registered is "
              "incompatible with an earlier schema\"}",
         SR_ERR_CONFIG, "incompatible"},
        {422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}",
         SR_ERR_CONFIG, "HTTP 422"},
        {401, "{\"error_code\":401,\"message\":\"Unauthorized\"}",
         SR_ERR_CONFIG, "Unauthorized"},
        {404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}",
         SR_ERR_CONFIG, "HTTP 404"},
        {500, "{\"error_code\":50001,\"message\":\"Error in the backend\"}",
         SR_ERR_TRANSIENT, "backend"},
        {503, "", SR_ERR_TRANSIENT, "HTTP 503"},
        {429, "", SR_ERR_TRANSIENT, "HTTP 429"},
        {200, "not json", SR_ERR_INVALID, "valid \"id\""},
        {200, "{\"id\":\"7\"}", SR_ERR_INVALID, "valid \"id\""},
        {200, "{\"id\":-1}", SR_ERR_INVALID, "valid \"id\""},
        {200, "{\"id\":4294967296}", SR_ERR_INVALID, "valid \"id\""},
        {200, "{\"version\":1}", SR_ERR_INVALID, "valid \"id\""},
    };
    responder_t r;
    sr_registry_t *reg;
    char err[512];

    if (responder_start(&r) != 0) {
        CHECK(!"responder starts");
        responder_stop(&r);
        return;
    }
    reg = client(&r, NULL, 2000, 0);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int32_t id = 99;

        r.status = cases[i].status;
        r.answer = cases[i].answer;
        err[0] = '\0';
        CHECK_INT_EQ(sr_registry_register(reg, "s-value", "\"string\"", &id,
                                          err, sizeof(err)),
                     cases[i].want);
        CHECK(strstr(err, cases[i].says) != NULL);
        CHECK_INT_EQ(id, 99);
    }
    /* Errors are not cached: the next good answer is taken. */
    r.status = 200;
    r.answer = "{\"id\":5}";
    {
        int32_t id = 0;

        CHECK_INT_EQ(sr_registry_register(reg, "s-value", "\"string\"", &id,
                                          err, sizeof(err)),
                     SR_OK);
        CHECK_INT_EQ(id, 5);
    }
    sr_registry_destroy(reg);
    responder_stop(&r);
}

/* One registration with a fresh client. */
static sr_err_t register_once(const responder_t *r, const char *user_info,
                              long timeout_ms, size_t max_response,
                              char *err, size_t err_size)
{
    sr_registry_t *reg = client(r, user_info, timeout_ms, max_response);
    int32_t id = 0;
    sr_err_t rc;

    rc = sr_registry_register(reg, "s-value", "\"int\"", &id, err,
                              err_size);
    sr_registry_destroy(reg);
    return rc;
}

static void test_limits_and_failures(void)
{
    responder_t r;
    char err[512], big[4096];
    int port;
    sr_registry_opts_t opts = {.url = "ftp://registry"};

    CHECK(sr_registry_new(&opts, err, sizeof(err)) == NULL);
    CHECK(strstr(err, "not http") != NULL);
    if (responder_start(&r) != 0) {
        CHECK(!"responder starts");
        responder_stop(&r);
        return;
    }
    /* An answer over max_response. */
    memset(big, ' ', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    memcpy(big, "{\"id\":1}", 8);
    r.answer = big;
    CHECK_INT_EQ(register_once(&r, NULL, 2000, 1024, err, sizeof(err)),
                 SR_ERR_INVALID);
    CHECK(strstr(err, "over 1024 bytes") != NULL);
    /* A slow registry. */
    r.answer = "{\"id\":1}";
    r.delay_ms = 400;
    CHECK_INT_EQ(register_once(&r, NULL, 100, 0, err, sizeof(err)),
                 SR_ERR_TRANSIENT);
    CHECK(strstr(err, "imeout") != NULL || strstr(err, "imed out") != NULL);
    /* Basic authentication ("user:pass" in base64). */
    r.delay_ms = 0;
    CHECK_INT_EQ(register_once(&r, "user:pass", 2000, 0, err, sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(r.authorization, "Basic dXNlcjpwYXNz");
    /* Nobody listening. */
    port = r.port;
    responder_stop(&r);
    r.port = port;
    CHECK_INT_EQ(register_once(&r, NULL, 2000, 0, err, sizeof(err)),
                 SR_ERR_TRANSIENT);
    CHECK(strstr(err, "127.0.0.1") != NULL);
}

static void test_value_subject(void)
{
    char buf[32];

    CHECK_INT_EQ(sr_registry_value_subject("incidents", buf, sizeof(buf),
                                           NULL, 0),
                 SR_OK);
    CHECK_STR_EQ(buf, "incidents-value");
    CHECK_INT_EQ(sr_registry_value_subject("a-very-long-topic-name-indeed",
                                           buf, sizeof(buf), NULL, 0),
                 SR_ERR_TOO_LARGE);
}

/* Register, then frame with the id: 00, id big-endian, body; a codec that
 * knows the id decodes it, one that knows another id does not. */
static void test_confluent_frames(void)
{
    responder_t r;
    sr_registry_t *reg;
    sr_avro_codec_t *codec = sr_avro_codec_new(NULL, 0);
    sr_incident_t inc, back;
    sr_buf_t frame, body, ja, jb;
    int32_t id = 0;
    char err[512];

    if (codec == NULL || responder_start(&r) != 0) {
        CHECK(!"codec and responder start");
        sr_avro_codec_destroy(codec);
        responder_stop(&r);
        return;
    }
    r.answer = "{\"id\":300}";
    reg = client(&r, NULL, 2000, 0);
    CHECK_INT_EQ(sr_registry_register(reg, "incidents-value",
                                      sr_incident_avsc, &id, err,
                                      sizeof(err)),
                 SR_OK);
    fixture_full(&inc);
    sr_incident_init(&back);
    sr_buf_init(&frame, 0);
    sr_buf_init(&body, 0);
    sr_buf_init(&ja, 0);
    sr_buf_init(&jb, 0);
    CHECK_INT_EQ(sr_avro_encode_confluent(codec, &inc, id, &frame, err,
                                          sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(sr_avro_encode_body(codec, &inc, &body, err, sizeof(err)),
                 SR_OK);
    CHECK(frame.len == body.len + 5 &&
          memcmp(frame.data, "\x00\x00\x00\x01\x2c", 5) == 0 &&
          memcmp(frame.data + 5, body.data, body.len) == 0);
    CHECK_INT_EQ(sr_avro_decode(codec, frame.data, frame.len, &back, err,
                                sizeof(err)),
                 SR_ERR_UNSUPPORTED);
    sr_avro_codec_set_schema_id(codec, id + 1);
    CHECK_INT_EQ(sr_avro_decode(codec, frame.data, frame.len, &back, err,
                                sizeof(err)),
                 SR_ERR_UNSUPPORTED);
    sr_avro_codec_set_schema_id(codec, id);
    CHECK_INT_EQ(sr_avro_decode(codec, frame.data, frame.len, &back, err,
                                sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(sr_incident_to_json(&inc, &ja, err, sizeof(err)), SR_OK);
    CHECK_INT_EQ(sr_incident_to_json(&back, &jb, err, sizeof(err)), SR_OK);
    CHECK_STR_EQ(sr_buf_str(&ja), sr_buf_str(&jb));
    /* The largest id still fits the 4 bytes. */
    sr_incident_clear(&inc);
    fixture_minimal(&inc);
    CHECK_INT_EQ(sr_avro_encode_confluent(codec, &inc, INT32_MAX, &frame,
                                          err, sizeof(err)),
                 SR_OK);
    CHECK(frame.len > 5 && memcmp(frame.data, "\x00\x7f\xff\xff\xff", 5) == 0);
    sr_incident_clear(&inc);
    sr_incident_clear(&back);
    sr_buf_clear(&frame);
    sr_buf_clear(&body);
    sr_buf_clear(&ja);
    sr_buf_clear(&jb);
    sr_registry_destroy(reg);
    sr_avro_codec_destroy(codec);
    responder_stop(&r);
}


/* GET /schemas/ids/{id}: the schema text, cached by id; the error
 * classes of a reader. */
static void test_get_schema(void)
{
    static const struct {
        unsigned status;
        const char *answer;
        sr_err_t want;
        const char *says;
    } cases[] = {
        {404, "{\"error_code\":40403,\"message\":\"Schema not found\"}",
         SR_ERR_INVALID, "Schema not found"},
        {503, "", SR_ERR_TRANSIENT, "HTTP 503"},
        {401, "{\"message\":\"Unauthorized\"}", SR_ERR_CONFIG,
         "Unauthorized"},
        {200, "{\"id\":3}", SR_ERR_INVALID, "without a \"schema\""},
        {200, "{\"schema\":\"syntax = 1;\",\"schemaType\":\"PROTOBUF\"}",
         SR_ERR_UNSUPPORTED, "PROTOBUF"},
    };
    responder_t r;
    sr_registry_t *reg;
    const char *schema = NULL;
    char err[512];

    if (responder_start(&r) != 0) {
        CHECK(!"responder starts");
        responder_stop(&r);
        return;
    }
    r.answer = "{\"schema\":\"\\\"string\\\"\",\"schemaType\":\"AVRO\"}";
    reg = client(&r, "u:p", 2000, 0);
    CHECK_INT_EQ(sr_registry_get_schema(reg, 7, &schema, err, sizeof(err)),
                 SR_OK);
    CHECK(schema != NULL && strcmp(schema, "\"string\"") == 0);
    CHECK_STR_EQ(r.method, "GET");
    CHECK_STR_EQ(r.url, "/schemas/ids/7");
    CHECK_STR_EQ(r.authorization, "Basic dTpw");
    /* Cached: the same id asks nothing. */
    r.answer = "{\"schema\":\"\\\"int\\\"\"}";
    CHECK_INT_EQ(sr_registry_get_schema(reg, 7, &schema, err, sizeof(err)),
                 SR_OK);
    CHECK(schema != NULL && strcmp(schema, "\"string\"") == 0);
    CHECK_INT_EQ(r.requests, 1);
    /* Without schemaType the schema is Avro (older registries). */
    CHECK_INT_EQ(sr_registry_get_schema(reg, 8, &schema, err, sizeof(err)),
                 SR_OK);
    CHECK(schema != NULL && strcmp(schema, "\"int\"") == 0);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        r.status = cases[i].status;
        r.answer = cases[i].answer;
        err[0] = '\0';
        schema = NULL;
        CHECK_INT_EQ(sr_registry_get_schema(reg, 100 + (int32_t)i, &schema,
                                            err, sizeof(err)),
                     cases[i].want);
        CHECK(strstr(err, cases[i].says) != NULL);
        CHECK(schema == NULL);
    }
    CHECK_INT_EQ(sr_registry_get_schema(reg, -1, &schema, err, sizeof(err)),
                 SR_ERR_INVALID);
    /* The cache is bounded: past 256 schemas an id is an error. */
    r.status = 200;
    r.answer = "{\"schema\":\"\\\"long\\\"\"}";
    {
        sr_err_t rc = SR_OK;
        int32_t id = 1000;

        while (rc == SR_OK && id < 1300) {
            rc = sr_registry_get_schema(reg, id++, &schema, err,
                                        sizeof(err));
        }
        CHECK_INT_EQ(rc, SR_ERR_TOO_LARGE);
        CHECK_INT_EQ(id, 1000 + 256 - 2 + 1);
    }
    sr_registry_destroy(reg);
    responder_stop(&r);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *text;
    long n;

    if (f == NULL) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    text = calloc(1, (size_t)n + 1);
    if (fread(text, 1, (size_t)n, f) != (size_t)n) {
        free(text);
        text = NULL;
    }
    fclose(f);
    return text;
}

static char *read_fixture(const char *name)
{
    char path[1024];

    snprintf(path, sizeof(path), "%s/tests/fixtures/avro/%s",
             getenv("SR_ROOT") ? getenv("SR_ROOT") : ".", name);
    return slurp(path);
}

/* The incident schema with its JSON edited by edit(fields array). */
static char *edited_schema(void (*edit)(json_t *fields))
{
    json_t *root = json_loads(sr_incident_avsc, 0, NULL);
    char *text;

    edit(json_object_get(root, "fields"));
    text = json_dumps(root, 0);
    json_decref(root);
    return text;
}

static void drop_last(json_t *fields)
{
    json_array_remove(fields, json_array_size(fields) - 1);
}

static void swap_first(json_t *fields)
{
    json_t *a = json_incref(json_array_get(fields, 0));

    json_array_remove(fields, 0);
    json_array_insert_new(fields, 1, a);
}

static void retype_first(json_t *fields)
{
    json_object_set_new(json_array_get(fields, 0), "type",
                        json_string("bytes"));
}

static void reformat(json_t *fields)
{
    /* Docs and layout do not change the canonical form. */
    json_object_set_new(json_array_get(fields, 0), "doc",
                        json_string("another doc"));
}

/* Writer schemas a reader of the incident schema accepts (itself, an
 * evolution appending a field) and refuses, and frames written with
 * them. */
static void test_codec_writer_schemas(void)
{
    sr_avro_codec_t *codec = sr_avro_codec_new(NULL, 0);
    char *v2 = read_fixture("incident-v2.avsc");
    char *bad[3] = {edited_schema(drop_last), edited_schema(swap_first),
                    edited_schema(retype_first)};
    char *same = edited_schema(reformat);
    sr_incident_t inc, back;
    sr_buf_t frame, ja, jb;
    char err[512];
    size_t used = 0;

    CHECK(codec != NULL && v2 != NULL);
    if (codec == NULL || v2 == NULL) {
        goto out_early;
    }
    fixture_full(&inc);
    sr_incident_init(&back);
    sr_buf_init(&frame, 0);
    sr_buf_init(&ja, 0);
    sr_buf_init(&jb, 0);
    CHECK_INT_EQ(sr_incident_to_json(&inc, &ja, err, sizeof(err)), SR_OK);

    /* v2 = v1 + "language" (a string): its body is ours + that string. */
    CHECK_INT_EQ(sr_avro_codec_add_schema(codec, 12, v2, err, sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(sr_avro_encode_confluent(codec, &inc, 12, &frame, err,
                                          sizeof(err)),
                 SR_OK);
    sr_buf_append(&frame, "\x04" "en", 3);
    CHECK_INT_EQ(sr_avro_decode(codec, frame.data, frame.len, &back, err,
                                sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(sr_incident_to_json(&back, &jb, err, sizeof(err)), SR_OK);
    CHECK_STR_EQ(sr_buf_str(&ja), sr_buf_str(&jb));
    /* The appended field is part of the frame: a stream decodes on. */
    sr_buf_append(&frame, "\xC3\x01", 2);
    CHECK_INT_EQ(sr_avro_decode_frame(codec, frame.data, frame.len, &used,
                                      &back, err, sizeof(err)),
                 SR_OK);
    CHECK(used == frame.len - 2);
    /* Without the appended field the v2 frame is truncated. */
    frame.len -= 5;
    CHECK_INT_EQ(sr_avro_decode(codec, frame.data, frame.len, &back, err,
                                sizeof(err)),
                 SR_ERR_INVALID);
    /* That same body under an id declared as v1 is a whole frame. */
    CHECK_INT_EQ(sr_avro_codec_add_schema(codec, 11, same, err,
                                          sizeof(err)),
                 SR_OK);
    frame.data[4] = 11;
    CHECK_INT_EQ(sr_avro_decode(codec, frame.data, frame.len, &back, err,
                                sizeof(err)),
                 SR_OK);

    for (int i = 0; i < 3; i++) {
        err[0] = '\0';
        CHECK_INT_EQ(sr_avro_codec_add_schema(codec, 20 + i, bad[i], err,
                                              sizeof(err)),
                     SR_ERR_UNSUPPORTED);
        CHECK(strstr(err, "schema id 2") != NULL);
        frame.data[4] = (char)(20 + i);
        CHECK_INT_EQ(sr_avro_decode(codec, frame.data, frame.len, &back,
                                    err, sizeof(err)),
                     SR_ERR_UNSUPPORTED);
    }
    CHECK_INT_EQ(sr_avro_codec_add_schema(codec, 30, "\"string\"", err,
                                          sizeof(err)),
                 SR_ERR_UNSUPPORTED);
    CHECK_INT_EQ(sr_avro_codec_add_schema(codec, 31, "{not json", err,
                                          sizeof(err)),
                 SR_ERR_INVALID);
    /* A bounded table: ids past the cap are refused, not grown. */
    {
        int32_t id = 1000;
        sr_err_t rc = SR_OK;

        while (rc == SR_OK && id < 2000) {
            rc = sr_avro_codec_add_schema(codec, id++, same, err,
                                          sizeof(err));
        }
        CHECK_INT_EQ(rc, SR_ERR_TOO_LARGE);
    }
    sr_incident_clear(&inc);
    sr_incident_clear(&back);
    sr_buf_clear(&frame);
    sr_buf_clear(&ja);
    sr_buf_clear(&jb);
out_early:
    for (int i = 0; i < 3; i++) {
        free(bad[i]);
    }
    free(same);
    free(v2);
    sr_avro_codec_destroy(codec);
}

static void test_subject_strategies(void)
{
    char buf[128], err[256];

    CHECK_INT_EQ(sr_subject_strategy_from_name("TopicNameStrategy"),
                 SR_SUBJECT_TOPIC);
    CHECK_INT_EQ(sr_subject_strategy_from_name("RecordNameStrategy"),
                 SR_SUBJECT_RECORD);
    CHECK_INT_EQ(sr_subject_strategy_from_name("TopicRecordNameStrategy"),
                 SR_SUBJECT_TOPIC_RECORD);
    CHECK_INT_EQ(sr_subject_strategy_from_name("topic"), -1);
    CHECK_INT_EQ(sr_registry_subject(SR_SUBJECT_TOPIC, "inc", sr_incident_avsc,
                                     buf, sizeof(buf), err, sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(buf, "inc-value");
    CHECK_INT_EQ(sr_registry_subject(SR_SUBJECT_RECORD, "inc",
                                     sr_incident_avsc, buf, sizeof(buf), err,
                                     sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(buf, "sitrep.events.v1.Incident");
    CHECK_INT_EQ(sr_registry_subject(SR_SUBJECT_TOPIC_RECORD, "inc",
                                     sr_incident_avsc, buf, sizeof(buf), err,
                                     sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(buf, "inc-sitrep.events.v1.Incident");
    /* A full name in "name" wins over the namespace. */
    CHECK_INT_EQ(sr_registry_subject(SR_SUBJECT_RECORD, "inc",
                                     "{\"type\":\"record\",\"name\":\"a.B\","
                                     "\"namespace\":\"x\",\"fields\":[]}",
                                     buf, sizeof(buf), err, sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(buf, "a.B");
    CHECK_INT_EQ(sr_registry_subject(SR_SUBJECT_RECORD, "inc", "\"string\"",
                                     buf, sizeof(buf), err, sizeof(err)),
                 SR_ERR_INVALID);
    CHECK_INT_EQ(sr_registry_subject(SR_SUBJECT_TOPIC_RECORD, "inc",
                                     sr_incident_avsc, buf, 10, err,
                                     sizeof(err)),
                 SR_ERR_TOO_LARGE);
}

/* Runs cmd; 0 on success. */
static int sh(const char *cmd)
{
    return system(cmd);
}

/* A self-signed certificate for 127.0.0.1 in dir/name.{key,crt}. */
static int make_cert(const char *dir, const char *name)
{
    char cmd[1024];

    snprintf(cmd, sizeof(cmd),
             "openssl req -x509 -newkey rsa:2048 -nodes -days 2 "
             "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 "
             "-keyout %s/%s.key -out %s/%s.crt >/dev/null 2>&1",
             dir, name, dir, name);
    return sh(cmd);
}

static sr_err_t get_tls(int port, const char *ca, int no_verify,
                        char *err, size_t err_size)
{
    char url[64];
    sr_registry_opts_t opts;
    sr_registry_t *reg;
    const char *schema = NULL;
    sr_err_t rc;

    memset(&opts, 0, sizeof(opts));
    snprintf(url, sizeof(url), "https://127.0.0.1:%d", port);
    opts.url = url;
    opts.timeout_ms = 3000;
    opts.ssl_ca_location = ca;
    opts.ssl_no_verify = no_verify;
    reg = sr_registry_new(&opts, err, err_size);
    rc = sr_registry_get_schema(reg, 1, &schema, err, err_size);
    sr_registry_destroy(reg);
    return rc;
}

/* The TLS options reach libcurl: against a loopback HTTPS responder with
 * a self-signed certificate, its own certificate as CA works, another
 * one is refused as a setup error, a missing file too, and verify=false
 * accepts any. */
static void test_tls(void)
{
    char dir[] = "/tmp/sitrep-tls-XXXXXX", path[256], other[256],
         err[512];
    char *key = NULL, *cert = NULL;
    responder_t r;

    if (mkdtemp(dir) == NULL || make_cert(dir, "server") != 0 ||
        make_cert(dir, "other") != 0) {
        CHECK(!"openssl makes test certificates");
        return;
    }
    snprintf(path, sizeof(path), "%s/server.key", dir);
    key = slurp(path);
    snprintf(path, sizeof(path), "%s/server.crt", dir);
    cert = slurp(path);
    snprintf(other, sizeof(other), "%s/other.crt", dir);
    if (key == NULL || cert == NULL ||
        responder_start_tls(&r, key, cert) != 0) {
        CHECK(!"HTTPS responder starts");
        goto out;
    }
    r.answer = "{\"schema\":\"\\\"string\\\"\"}";
    CHECK_INT_EQ(get_tls(r.port, path, 0, err, sizeof(err)), SR_OK);
    CHECK_STR_EQ(r.url, "/schemas/ids/1");
    CHECK_INT_EQ(get_tls(r.port, other, 0, err, sizeof(err)),
                 SR_ERR_CONFIG);
    CHECK(strstr(err, "TLS") != NULL);
    CHECK_INT_EQ(get_tls(r.port, "/nonexistent/ca.pem", 0, err,
                         sizeof(err)),
                 SR_ERR_CONFIG);
    CHECK(strstr(err, "TLS") != NULL);
    CHECK_INT_EQ(get_tls(r.port, other, 1, err, sizeof(err)), SR_OK);
    responder_stop(&r);
out:
    snprintf(path, sizeof(path), "rm -rf %s", dir);
    sh(path);
    free(key);
    free(cert);
}

TEST_LIST = {
    {"register and cache", test_register_and_cache},
    {"error classes", test_error_classes},
    {"limits and failures", test_limits_and_failures},
    {"value subject", test_value_subject},
    {"confluent frames", test_confluent_frames},
    {"get schema by id", test_get_schema},
    {"codec writer schemas", test_codec_writer_schemas},
    {"subject strategies", test_subject_strategies},
    {"tls options", test_tls},
    {NULL, NULL},
};
