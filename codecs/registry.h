/* registry.h - a Confluent Schema Registry client: the schema id that the
 * Confluent wire format (00, 4-byte big-endian id, Avro body) needs.
 *
 * sr_registry_register() registers a schema under a subject
 * (POST {url}/subjects/{subject}/versions, body {"schema": "<text>"}).
 * Registering is idempotent on the registry's side: the same schema under
 * the same subject always gets the same id, so a worker calls it once at
 * startup. Answers are cached per (subject, schema text), so later calls
 * make no request. The schema text is sent verbatim: register the
 * original .avsc (sr_incident_avsc), not a re-serialisation, so the
 * registry keeps doc, default and logicalType.
 *
 * Subjects follow the default TopicNameStrategy: "<topic>-value" for the
 * values of a topic (sr_registry_value_subject()), or another of
 * Confluent's strategies (sr_registry_subject()). A client can also fetch
 * schemas by id (sr_registry_get_schema()), for readers. https URLs take
 * the TLS options of sr_registry_opts_t.
 *
 * Calls block (one HTTP request, at most timeout_ms). Errors say what to
 * do: SR_ERR_TRANSIENT (no connection, timeout, 408, 429, 5xx: retry with
 * backoff), SR_ERR_CONFIG (401/403, 404, 409 incompatible, 422 invalid
 * schema, other statuses, a TLS certificate or key that does not work:
 * fix the setup), SR_ERR_INVALID (an answer that
 * is not {"id": N}). One client per thread.
 */
#ifndef SR_CODECS_REGISTRY_H
#define SR_CODECS_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

typedef struct sr_registry_s sr_registry_t;

typedef struct sr_registry_opts_s {
    const char *url;        /* base URL, e.g. "http://registry:8081" */
    const char *user_info;  /* "user:password" for basic auth, or NULL */
    long timeout_ms;        /* whole request; <= 0 means 10000 */
    size_t max_response;    /* largest answer accepted; 0 means 65536 */
    /* TLS for https URLs; NULL or "" leaves libcurl's default. */
    const char *ssl_ca_location;          /* CA bundle (PEM) */
    const char *ssl_certificate_location; /* client certificate (PEM) */
    const char *ssl_key_location;         /* its private key (PEM) */
    const char *ssl_key_password;         /* the key's passphrase */
    int ssl_no_verify; /* 1: accept any server certificate (tests only) */
} sr_registry_opts_t;

/* Copies what it needs from opts. NULL with errstr when the URL is empty
 * or not http(s). */
sr_registry_t *sr_registry_new(const sr_registry_opts_t *opts, char *errstr,
                               size_t errstr_size);
/* NULL-safe. */
void sr_registry_destroy(sr_registry_t *reg);

/* Registers schema_json under subject and sets *id. See the header
 * comment for the error classes. */
sr_err_t sr_registry_register(sr_registry_t *reg, const char *subject,
                              const char *schema_json, int32_t *id,
                              char *errstr, size_t errstr_size);

/* Sets *schema_json to the schema text registered under id
 * (GET {url}/schemas/ids/{id}), owned by reg and valid until
 * sr_registry_destroy(). Answers are cached: an id is fetched once.
 * SR_ERR_INVALID for an id the registry does not know (404) or an answer
 * without "schema"; SR_ERR_UNSUPPORTED for a schemaType other than AVRO;
 * otherwise the error classes above. */
sr_err_t sr_registry_get_schema(sr_registry_t *reg, int32_t id,
                                const char **schema_json, char *errstr,
                                size_t errstr_size);

/* Writes "<topic>-value" into buf. SR_ERR_TOO_LARGE if it does not fit. */
sr_err_t sr_registry_value_subject(const char *topic, char *buf,
                                   size_t size, char *errstr,
                                   size_t errstr_size);

/* Subject name strategies, as Confluent's serializers name them. */
typedef enum sr_subject_strategy_e {
    SR_SUBJECT_TOPIC,        /* TopicNameStrategy: <topic>-value */
    SR_SUBJECT_RECORD,       /* RecordNameStrategy: <record full name> */
    SR_SUBJECT_TOPIC_RECORD, /* TopicRecordNameStrategy: <topic>-<name> */
} sr_subject_strategy_t;

/* The strategy named name ("TopicNameStrategy", ...), or -1. */
int sr_subject_strategy_from_name(const char *name);

/* Writes the subject for values of topic written with schema_json (a
 * named record: its full name, namespace.name) into buf.
 * SR_ERR_TOO_LARGE if it does not fit, SR_ERR_INVALID for a schema
 * without a name. */
sr_err_t sr_registry_subject(sr_subject_strategy_t strategy,
                             const char *topic, const char *schema_json,
                             char *buf, size_t size, char *errstr,
                             size_t errstr_size);

#endif
