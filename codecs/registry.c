/* registry.c - Confluent Schema Registry client (see registry.h). */
#include "registry.h"

#include <curl/curl.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

#define DEFAULT_TIMEOUT_MS 10000L
#define DEFAULT_MAX_RESPONSE 65536

/* Registered (subject, schema) -> id, and fetched id -> schema
 * (subject NULL). */
typedef struct cached_s {
    char *subject;
    char *schema;
    int32_t id;
} cached_t;

/* Schemas fetched by id that a client keeps: a topic holds few. */
#define MAX_CACHED 256

struct sr_registry_s {
    CURL *curl;
    char *url; /* without a trailing slash */
    char *user_info;
    char *ca_location, *cert_location, *key_location, *key_password;
    int ssl_verify;
    long timeout_ms;
    size_t max_response;
    cached_t *cache;
    size_t cache_count, cache_cap;
};

/* NULL for NULL or "" (an unset option). */
static char *dup_or_null(const char *s)
{
    return s != NULL && s[0] != '\0' ? sr_xstrdup(s) : NULL;
}

sr_registry_t *sr_registry_new(const sr_registry_opts_t *opts, char *errstr,
                               size_t errstr_size)
{
    sr_registry_t *reg;
    size_t len;

    if (opts->url == NULL ||
        (strncmp(opts->url, "http://", 7) != 0 &&
         strncmp(opts->url, "https://", 8) != 0)) {
        sr_errstr_set(errstr, errstr_size,
                      "schema registry URL \"%s\" is not http(s)://...",
                      opts->url ? opts->url : "");
        return NULL;
    }
    /* Reference-counted and thread-safe since libcurl 7.84. */
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        sr_errstr_set(errstr, errstr_size, "libcurl initialisation failed");
        return NULL;
    }
    reg = sr_xcalloc(1, sizeof(*reg));
    reg->curl = curl_easy_init();
    if (reg->curl == NULL) {
        sr_errstr_set(errstr, errstr_size, "libcurl handle: out of memory");
        sr_registry_destroy(reg);
        return NULL;
    }
    reg->url = sr_xstrdup(opts->url);
    len = strlen(reg->url);
    while (len > 0 && reg->url[len - 1] == '/') {
        reg->url[--len] = '\0';
    }
    reg->user_info = dup_or_null(opts->user_info);
    reg->ca_location = dup_or_null(opts->ssl_ca_location);
    reg->cert_location = dup_or_null(opts->ssl_certificate_location);
    reg->key_location = dup_or_null(opts->ssl_key_location);
    reg->key_password = dup_or_null(opts->ssl_key_password);
    reg->ssl_verify = !opts->ssl_no_verify;
    reg->timeout_ms = opts->timeout_ms > 0 ? opts->timeout_ms
                                           : DEFAULT_TIMEOUT_MS;
    reg->max_response = opts->max_response > 0 ? opts->max_response
                                                : DEFAULT_MAX_RESPONSE;
    return reg;
}

void sr_registry_destroy(sr_registry_t *reg)
{
    if (reg == NULL) {
        return;
    }
    for (size_t i = 0; i < reg->cache_count; i++) {
        free(reg->cache[i].subject);
        free(reg->cache[i].schema);
    }
    free(reg->cache);
    if (reg->curl != NULL) {
        curl_easy_cleanup(reg->curl);
        curl_global_cleanup();
    }
    free(reg->url);
    free(reg->user_info);
    free(reg->ca_location);
    free(reg->cert_location);
    free(reg->key_location);
    free(reg->key_password);
    free(reg);
}

sr_err_t sr_registry_value_subject(const char *topic, char *buf,
                                   size_t size, char *errstr,
                                   size_t errstr_size)
{
    int n = snprintf(buf, size, "%s-value", topic);

    if (n < 0 || (size_t)n >= size) {
        sr_errstr_set(errstr, errstr_size, "subject for topic \"%s\" is too "
                      "long", topic);
        return SR_ERR_TOO_LARGE;
    }
    return SR_OK;
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *opaque)
{
    sr_buf_t *body = opaque;

    /* Returning less than given makes libcurl stop with a write error. */
    return sr_buf_append(body, data, size * nmemb) == SR_OK ? size * nmemb
                                                            : 0;
}

/* The registry's own explanation from an error body, if there is one. */
static const char *error_message(json_t *answer)
{
    const char *msg = json_string_value(json_object_get(answer, "message"));

    return msg != NULL ? msg : "";
}

/* Certificates and keys that do not work will not start working: a
 * setup to fix, unlike a registry that is down. */
static int is_tls_setup_error(CURLcode rc)
{
    return rc == CURLE_PEER_FAILED_VERIFICATION ||
           rc == CURLE_SSL_CACERT_BADFILE || rc == CURLE_SSL_CERTPROBLEM ||
           rc == CURLE_SSL_CIPHER || rc == CURLE_SSL_CRL_BADFILE ||
           rc == CURLE_SSL_ISSUER_ERROR || rc == CURLE_SSL_ENGINE_NOTFOUND ||
           rc == CURLE_SSL_ENGINE_SETFAILED;
}

static sr_err_t classify_status(long status)
{
    if (status == 408 || status == 429 || status >= 500) {
        return SR_ERR_TRANSIENT;
    }
    return SR_ERR_CONFIG;
}

/* Applies the client's TLS options to its handle. */
static void set_tls(sr_registry_t *reg)
{
    if (reg->ca_location != NULL) {
        curl_easy_setopt(reg->curl, CURLOPT_CAINFO, reg->ca_location);
    }
    if (reg->cert_location != NULL) {
        curl_easy_setopt(reg->curl, CURLOPT_SSLCERT, reg->cert_location);
    }
    if (reg->key_location != NULL) {
        curl_easy_setopt(reg->curl, CURLOPT_SSLKEY, reg->key_location);
    }
    if (reg->key_password != NULL) {
        curl_easy_setopt(reg->curl, CURLOPT_KEYPASSWD, reg->key_password);
    }
    curl_easy_setopt(reg->curl, CURLOPT_SSL_VERIFYPEER,
                     reg->ssl_verify ? 1L : 0L);
    curl_easy_setopt(reg->curl, CURLOPT_SSL_VERIFYHOST,
                     reg->ssl_verify ? 2L : 0L);
}

/* One request: a POST of body, or a GET when body is NULL. The answer's
 * body goes to answer, its status to *status. */
static sr_err_t http_request(sr_registry_t *reg, const char *url,
                             const char *body, sr_buf_t *answer,
                             long *status, char *errstr, size_t errstr_size)
{
    struct curl_slist *headers = NULL;
    char curl_err[CURL_ERROR_SIZE] = "";
    CURLcode rc;

    if (body != NULL) {
        headers = curl_slist_append(headers,
                                    "Content-Type: "
                                    "application/vnd.schemaregistry.v1+"
                                    "json");
    }
    headers = curl_slist_append(headers, "Accept: "
                                         "application/vnd.schemaregistry.v1+"
                                         "json, application/json");
    curl_easy_reset(reg->curl);
    curl_easy_setopt(reg->curl, CURLOPT_URL, url);
    curl_easy_setopt(reg->curl, CURLOPT_HTTPHEADER, headers);
    if (body != NULL) {
        curl_easy_setopt(reg->curl, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(reg->curl, CURLOPT_POSTFIELDSIZE,
                         (long)strlen(body));
    }
    curl_easy_setopt(reg->curl, CURLOPT_TIMEOUT_MS, reg->timeout_ms);
    curl_easy_setopt(reg->curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(reg->curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(reg->curl, CURLOPT_WRITEDATA, answer);
    curl_easy_setopt(reg->curl, CURLOPT_ERRORBUFFER, curl_err);
    curl_easy_setopt(reg->curl, CURLOPT_PROTOCOLS_STR, "http,https");
    set_tls(reg);
    if (reg->user_info != NULL) {
        curl_easy_setopt(reg->curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        curl_easy_setopt(reg->curl, CURLOPT_USERPWD, reg->user_info);
    }
    rc = curl_easy_perform(reg->curl);
    curl_slist_free_all(headers);
    if (rc == CURLE_WRITE_ERROR) {
        sr_errstr_set(errstr, errstr_size,
                      "schema registry answer over %zu bytes",
                      reg->max_response);
        return SR_ERR_INVALID;
    }
    if (is_tls_setup_error(rc)) {
        sr_errstr_set(errstr, errstr_size,
                      "schema registry %s: TLS: %s (check "
                      "schema.registry.ssl.*)",
                      reg->url, curl_err[0] ? curl_err
                                            : curl_easy_strerror(rc));
        return SR_ERR_CONFIG;
    }
    if (rc != CURLE_OK) {
        sr_errstr_set(errstr, errstr_size, "schema registry %s: %s",
                      reg->url, curl_err[0] ? curl_err
                                            : curl_easy_strerror(rc));
        return SR_ERR_TRANSIENT;
    }
    curl_easy_getinfo(reg->curl, CURLINFO_RESPONSE_CODE, status);
    return SR_OK;
}

/* Keeps an answer; returns the kept schema text, or NULL past
 * MAX_CACHED entries (then nothing is kept). */
static const char *cache_add(sr_registry_t *reg, const char *subject,
                             const char *schema, int32_t id)
{
    if (reg->cache_count == MAX_CACHED) {
        return NULL;
    }
    if (reg->cache_count == reg->cache_cap) {
        reg->cache_cap = reg->cache_cap ? reg->cache_cap * 2 : 4;
        reg->cache = sr_xrealloc(reg->cache,
                                 reg->cache_cap * sizeof(*reg->cache));
    }
    reg->cache[reg->cache_count].subject =
        subject != NULL ? sr_xstrdup(subject) : NULL;
    reg->cache[reg->cache_count].schema = sr_xstrdup(schema);
    reg->cache[reg->cache_count].id = id;
    return reg->cache[reg->cache_count++].schema;
}

sr_err_t sr_registry_register(sr_registry_t *reg, const char *subject,
                              const char *schema_json, int32_t *id,
                              char *errstr, size_t errstr_size)
{
    json_t *request = NULL, *answer = NULL, *jid;
    char *body = NULL, *escaped = NULL, *url = NULL;
    sr_buf_t reply;
    long status = 0;
    sr_err_t err;
    size_t url_len;

    for (size_t i = 0; i < reg->cache_count; i++) {
        if (reg->cache[i].subject != NULL &&
            strcmp(reg->cache[i].subject, subject) == 0 &&
            strcmp(reg->cache[i].schema, schema_json) == 0) {
            *id = reg->cache[i].id;
            return SR_OK;
        }
    }
    sr_buf_init(&reply, reg->max_response);
    request = json_pack("{s:s}", "schema", schema_json);
    body = request ? json_dumps(request, JSON_COMPACT) : NULL;
    escaped = curl_easy_escape(reg->curl, subject, 0);
    if (body == NULL || escaped == NULL) {
        sr_errstr_set(errstr, errstr_size,
                      "schema registry request: the schema is not UTF-8 "
                      "text");
        err = SR_ERR_INVALID;
        goto out;
    }
    url_len = strlen(reg->url) + strlen(escaped) + 32;
    url = sr_xmalloc(url_len);
    snprintf(url, url_len, "%s/subjects/%s/versions", reg->url, escaped);
    err = http_request(reg, url, body, &reply, &status, errstr,
                       errstr_size);
    if (err != SR_OK) {
        goto out;
    }
    answer = json_loadb(reply.data ? reply.data : "", reply.len, 0, NULL);
    if (status != 200) {
        err = classify_status(status);
        sr_errstr_set(errstr, errstr_size,
                      "schema registry %s: HTTP %ld registering subject "
                      "\"%s\": %s",
                      reg->url, status, subject, error_message(answer));
        goto out;
    }
    jid = json_object_get(answer, "id");
    if (!json_is_integer(jid) || json_integer_value(jid) < 0 ||
        json_integer_value(jid) > INT32_MAX) {
        sr_errstr_set(errstr, errstr_size,
                      "schema registry %s: answer without a valid \"id\": "
                      "%.200s",
                      reg->url, reply.data ? reply.data : "");
        err = SR_ERR_INVALID;
        goto out;
    }
    *id = (int32_t)json_integer_value(jid);
    /* A full cache only means asking again next time. */
    (void)cache_add(reg, subject, schema_json, *id);
out:
    json_decref(request);
    json_decref(answer);
    free(body);
    curl_free(escaped);
    free(url);
    sr_buf_clear(&reply);
    return err;
}

sr_err_t sr_registry_get_schema(sr_registry_t *reg, int32_t id,
                                const char **schema_json, char *errstr,
                                size_t errstr_size)
{
    json_t *answer = NULL, *type;
    const char *text;
    char url[1024];
    sr_buf_t reply;
    long status = 0;
    sr_err_t err;

    for (size_t i = 0; i < reg->cache_count; i++) {
        if (reg->cache[i].subject == NULL && reg->cache[i].id == id) {
            *schema_json = reg->cache[i].schema;
            return SR_OK;
        }
    }
    if (id < 0) {
        sr_errstr_set(errstr, errstr_size, "schema id %" PRId32
                      " is negative", id);
        return SR_ERR_INVALID;
    }
    if ((size_t)snprintf(url, sizeof(url), "%s/schemas/ids/%" PRId32,
                         reg->url, id) >= sizeof(url)) {
        sr_errstr_set(errstr, errstr_size, "schema registry URL too long");
        return SR_ERR_CONFIG;
    }
    sr_buf_init(&reply, reg->max_response);
    err = http_request(reg, url, NULL, &reply, &status, errstr,
                       errstr_size);
    if (err != SR_OK) {
        goto out;
    }
    answer = json_loadb(reply.data ? reply.data : "", reply.len, 0, NULL);
    if (status != 200) {
        /* An id the registry does not know is the data's problem, not
         * the setup's: other ids may still be fine. */
        err = status == 404 ? SR_ERR_INVALID : classify_status(status);
        sr_errstr_set(errstr, errstr_size,
                      "schema registry %s: HTTP %ld fetching schema id "
                      "%" PRId32 ": %s",
                      reg->url, status, id, error_message(answer));
        goto out;
    }
    text = json_string_value(json_object_get(answer, "schema"));
    type = json_object_get(answer, "schemaType");
    if (text == NULL) {
        sr_errstr_set(errstr, errstr_size,
                      "schema registry %s: answer for id %" PRId32
                      " without a \"schema\": %.200s",
                      reg->url, id, reply.data ? reply.data : "");
        err = SR_ERR_INVALID;
        goto out;
    }
    if (type != NULL && (!json_is_string(type) ||
                         strcmp(json_string_value(type), "AVRO") != 0)) {
        sr_errstr_set(errstr, errstr_size,
                      "schema id %" PRId32 " is a %s schema, not Avro", id,
                      json_is_string(type) ? json_string_value(type)
                                           : "non-Avro");
        err = SR_ERR_UNSUPPORTED;
        goto out;
    }
    *schema_json = cache_add(reg, NULL, text, id);
    if (*schema_json == NULL) {
        sr_errstr_set(errstr, errstr_size,
                      "schema registry: more than %d schemas fetched",
                      MAX_CACHED);
        err = SR_ERR_TOO_LARGE;
    }
out:
    json_decref(answer);
    sr_buf_clear(&reply);
    return err;
}

int sr_subject_strategy_from_name(const char *name)
{
    static const char *const names[] = {"TopicNameStrategy",
                                        "RecordNameStrategy",
                                        "TopicRecordNameStrategy"};

    for (int i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++) {
        if (strcmp(name, names[i]) == 0) {
            return i;
        }
    }
    return -1;
}

sr_err_t sr_registry_subject(sr_subject_strategy_t strategy,
                             const char *topic, const char *schema_json,
                             char *buf, size_t size, char *errstr,
                             size_t errstr_size)
{
    json_t *root = NULL;
    const char *name = NULL, *ns = NULL;
    int n;

    if (strategy == SR_SUBJECT_TOPIC) {
        return sr_registry_value_subject(topic, buf, size, errstr,
                                         errstr_size);
    }
    root = json_loads(schema_json, 0, NULL);
    name = json_string_value(json_object_get(root, "name"));
    ns = json_string_value(json_object_get(root, "namespace"));
    if (name == NULL) {
        sr_errstr_set(errstr, errstr_size,
                      "the schema has no record name for the subject");
        json_decref(root);
        return SR_ERR_INVALID;
    }
    /* A dotted name is already full; an empty namespace is none. */
    if (strchr(name, '.') != NULL || ns == NULL || ns[0] == '\0') {
        ns = NULL;
    }
    n = snprintf(buf, size, "%s%s%s%s%s",
                 strategy == SR_SUBJECT_TOPIC_RECORD ? topic : "",
                 strategy == SR_SUBJECT_TOPIC_RECORD ? "-" : "",
                 ns ? ns : "", ns ? "." : "", name);
    json_decref(root);
    if (n < 0 || (size_t)n >= size) {
        sr_errstr_set(errstr, errstr_size, "subject for topic \"%s\" is too "
                      "long", topic);
        return SR_ERR_TOO_LARGE;
    }
    return SR_OK;
}
