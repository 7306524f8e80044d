/* config.h - sitrep configuration: defaults < file < environment < -X.
 *
 * sitrep's own keys come from config_keys.def and become typed fields of
 * sr_config_t. Keys starting with "kafka." are kept as (side, name, value)
 * and handed verbatim to librdkafka: "kafka.X" for both clients,
 * "kafka.consumer.X" / "kafka.producer.X" for one. Unknown keys and bad
 * values are errors that name their origin ("file:line:", "env NAME:",
 * "-X:"). After loading, treat the config as immutable.
 */
#ifndef SR_CONFIG_CONFIG_H
#define SR_CONFIG_CONFIG_H

#include <stdint.h>
#include <stdio.h>

#include "err.h"

#ifndef SR_DATADIR
#define SR_DATADIR "/usr/share/sitrep"
#endif
#ifndef SR_CONFDIR
#define SR_CONFDIR "/etc/sitrep"
#endif

typedef enum sr_kafka_side_e {
    SR_KAFKA_BOTH = 0,
    SR_KAFKA_CONSUMER = 1,
    SR_KAFKA_PRODUCER = 2
} sr_kafka_side_t;

typedef struct sr_config_kafka_s {
    sr_kafka_side_t side;
    char *name;  /* librdkafka property name, e.g. "bootstrap.servers" */
    char *value;
} sr_config_kafka_t;

#define SR_CONF_FIELD_STR(field) char *field;
#define SR_CONF_FIELD_INT(field) int64_t field;
#define SR_CONF_FIELD_BOOL(field) int field;

typedef struct sr_config_s {
#define SR_CONF(key, type, field, def, min, max, choices, doc)               \
    SR_CONF_FIELD_##type(field)
#include "config_keys.def"
#undef SR_CONF
    sr_config_kafka_t *kafka; /* in the order set; later entries win */
    size_t kafka_count;
    size_t kafka_cap;
} sr_config_t;

/* A config holding every default. Never NULL. */
sr_config_t *sr_config_new(void);
/* NULL-safe. */
void sr_config_destroy(sr_config_t *cfg);

/* Sets one key. The error text carries no origin; callers add it. */
sr_err_t sr_config_set(sr_config_t *cfg, const char *key, const char *value,
                       char *errstr, size_t errstr_size);
/* Reads a key=value properties file ('#' comments, blank lines). */
sr_err_t sr_config_load_file(sr_config_t *cfg, const char *path, char *errstr,
                             size_t errstr_size);
/* Applies every SITREP_* variable of envp (NULL-terminated). */
sr_err_t sr_config_load_env(sr_config_t *cfg, char *const *envp,
                            char *errstr, size_t errstr_size);
/* Applies one "key=value" command-line argument (-X). */
sr_err_t sr_config_set_arg(sr_config_t *cfg, const char *kv, char *errstr,
                           size_t errstr_size);

/* Effective value of a librdkafka property for one side, or NULL. */
const char *sr_config_kafka_get(const sr_config_t *cfg, sr_kafka_side_t side,
                                const char *name);
/* Calls cb for every property that applies to side (both-side entries
 * first, then side-specific ones). Stops at and returns the first non-zero
 * cb result. */
int sr_config_foreach_kafka(const sr_config_t *cfg, sr_kafka_side_t side,
                            int (*cb)(const char *name, const char *value,
                                      void *opaque),
                            void *opaque);

/* Prints every effective key=value (secrets masked) to out. */
void sr_config_dump(const sr_config_t *cfg, FILE *out);

/* The dead-letter topic: dlq.topic, or <input.topic>.dlq. */
const char *sr_config_dlq_topic(const sr_config_t *cfg, char *buf,
                                size_t size);

#endif
