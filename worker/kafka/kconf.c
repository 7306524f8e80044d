/* kconf.c - building the consumer and producer configurations. */
#include "kconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Key and headers of a dead-lettered message fit in this. */
#define DLQ_OVERHEAD (64 * 1024)
/* librdkafka's upper bounds for the size properties. */
#define RK_MAX_MESSAGE_BYTES 1000000000LL
#define RK_MAX_RECEIVE_BYTES 2147483647LL
/* librdkafka's default transaction.timeout.ms. */
#define RK_TXN_TIMEOUT_MS 60000

typedef struct kv_s {
    const char *name, *value, *why;
} kv_t;

static const char *side_prefix(sr_kafka_side_t side)
{
    switch (side) {
    case SR_KAFKA_CONSUMER:
        return "kafka.consumer.";
    case SR_KAFKA_PRODUCER:
        return "kafka.producer.";
    default:
        return "kafka.";
    }
}

static long long max_ll(long long a, long long b)
{
    return a > b ? a : b;
}

static long long min_ll(long long a, long long b)
{
    return a < b ? a : b;
}

/* The producer's message.max.bytes when the user leaves it alone: room
 * for a message twice the article limit, so that oversize articles can be
 * dead-lettered whole in the common case. */
static long long default_message_max(const sr_config_t *cfg)
{
    return min_ll(RK_MAX_MESSAGE_BYTES,
                  max_ll(1000000, 2 * cfg->max_article_bytes + DLQ_OVERHEAD));
}

size_t sr_kafka_max_message(const sr_config_t *cfg)
{
    const char *v =
        sr_config_kafka_get(cfg, SR_KAFKA_PRODUCER, "message.max.bytes");
    long long max = v ? atoll(v) : default_message_max(cfg);

    return max > 0 ? (size_t)max : 1;
}

size_t sr_kafka_max_dlq_value(const sr_config_t *cfg)
{
    size_t max = sr_kafka_max_message(cfg);

    return max > DLQ_OVERHEAD ? max - DLQ_OVERHEAD : 0;
}

int sr_kafka_exactly_once(const sr_config_t *cfg)
{
    return strcmp(cfg->processing_guarantee, "exactly_once") == 0;
}

const char *sr_kafka_worker_id(const sr_config_t *cfg, char *buf,
                               size_t size)
{
    char host[64] = "localhost";

    if (cfg->worker_id[0] != '\0') {
        snprintf(buf, size, "%s", cfg->worker_id);
        return buf;
    }
    gethostname(host, sizeof(host) - 1);
    host[sizeof(host) - 1] = '\0';
    snprintf(buf, size, "%s-%ld", host, (long)getpid());
    return buf;
}

const char *sr_kafka_transactional_id(const sr_config_t *cfg, char *buf,
                                      size_t size)
{
    char worker[256];

    snprintf(buf, size, "%s-%s", cfg->transactional_id_prefix,
             sr_kafka_worker_id(cfg, worker, sizeof(worker)));
    return buf;
}

int64_t sr_kafka_transaction_timeout_ms(const sr_config_t *cfg)
{
    const char *v = sr_config_kafka_get(cfg, SR_KAFKA_PRODUCER,
                                        "transaction.timeout.ms");

    return v != NULL && atoll(v) > 0 ? atoll(v) : RK_TXN_TIMEOUT_MS;
}

/* Settings that contradict processing.guarantee, whichever client they
 * were given for. */
static int check_guarantee(const sr_config_t *cfg, char *errstr,
                           size_t errstr_size)
{
    const char *v;

    if (sr_config_kafka_get(cfg, SR_KAFKA_PRODUCER, "transactional.id") !=
        NULL) {
        sr_errstr_set(errstr, errstr_size,
                      "kafka.producer.transactional.id is set: sitrep "
                      "derives it as <transactional.id.prefix>-<worker.id> "
                      "with processing.guarantee=exactly_once; set those "
                      "instead");
        return -1;
    }
    if (!sr_kafka_exactly_once(cfg)) {
        return 0;
    }
    if (cfg->transactional_id_prefix[0] == '\0') {
        sr_errstr_set(errstr, errstr_size,
                      "processing.guarantee=exactly_once needs a non-empty "
                      "transactional.id.prefix");
        return -1;
    }
    v = sr_config_kafka_get(cfg, SR_KAFKA_CONSUMER,
                            "partition.assignment.strategy");
    if (v != NULL && strstr(v, "cooperative") != NULL) {
        sr_errstr_set(errstr, errstr_size,
                      "kafka consumer property partition.assignment."
                      "strategy=%s: processing.guarantee=exactly_once needs "
                      "an eager assignor (range or roundrobin): librdkafka "
                      "2.0 can lose the assignment when a transaction "
                      "commits during a cooperative rebalance",
                      v);
        return -1;
    }
    if (cfg->transaction_interval_ms * 2 > sr_kafka_transaction_timeout_ms(cfg)) {
        sr_errstr_set(errstr, errstr_size,
                      "transaction.interval.ms=%lld: processing.guarantee="
                      "exactly_once needs it at most half of "
                      "kafka.producer.transaction.timeout.ms (%lld), or the "
                      "broker aborts transactions still being finished",
                      (long long)cfg->transaction_interval_ms,
                      (long long)sr_kafka_transaction_timeout_ms(cfg));
        return -1;
    }
    return 0;
}

static int set(rd_kafka_conf_t *conf, const char *origin, const char *name,
               const char *value, char *errstr, size_t errstr_size)
{
    char rkerr[512];

    if (rd_kafka_conf_set(conf, name, value, rkerr, sizeof(rkerr)) !=
        RD_KAFKA_CONF_OK) {
        sr_errstr_set(errstr, errstr_size, "%s%s=%s: %s", origin, name,
                      value, rkerr);
        return -1;
    }
    return 0;
}

rd_kafka_conf_t *sr_kafka_conf_new(const sr_config_t *cfg,
                                   sr_kafka_side_t side, char *errstr,
                                   size_t errstr_size)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char receive[32], message_max[32];
    const kv_t consumer_defaults[] = {
        {"group.id", "sitrep", NULL},
        {"auto.offset.reset", "earliest", NULL},
        {"partition.assignment.strategy", "range", NULL},
        {"receive.message.max.bytes", receive, NULL},
        {"client.id", "sitrep", NULL},
    };
    const kv_t producer_defaults[] = {
        {"message.max.bytes", message_max, NULL},
        {"client.id", "sitrep", NULL},
    };
    const kv_t consumer_required[] = {
        {"enable.auto.commit", "true",
         "offsets are committed in the background once stored"},
        {"enable.auto.offset.store", "false",
         "offsets are stored only after the output is delivered"},
    };
    const kv_t consumer_required_eos[] = {
        {"enable.auto.commit", "false",
         "processing.guarantee=exactly_once commits offsets inside the "
         "transaction"},
        {"enable.auto.offset.store", "false",
         "offsets are stored only after the output is delivered"},
        {"isolation.level", "read_committed",
         "processing.guarantee=exactly_once must not read aborted input"},
    };
    const kv_t producer_required[] = {
        {"enable.idempotence", "true",
         "retries must not reorder or duplicate output"},
        {"acks", "all", "output must survive a broker failure"},
    };
    const kv_t *defaults, *required;
    size_t ndefaults, nrequired;

    /* A response must hold one message over max.article.bytes (to
     * dead-letter it), and librdkafka wants fetch.max.bytes below it. */
    snprintf(receive, sizeof(receive), "%lld",
             min_ll(RK_MAX_RECEIVE_BYTES,
                    max_ll(100000000, 2 * cfg->max_article_bytes +
                                          DLQ_OVERHEAD)));
    snprintf(message_max, sizeof(message_max), "%lld",
             default_message_max(cfg));
    if (check_guarantee(cfg, errstr, errstr_size) != 0) {
        goto fail;
    }
    if (side == SR_KAFKA_CONSUMER && sr_kafka_exactly_once(cfg)) {
        defaults = consumer_defaults;
        ndefaults = sizeof(consumer_defaults) / sizeof(kv_t);
        required = consumer_required_eos;
        nrequired = sizeof(consumer_required_eos) / sizeof(kv_t);
    } else if (side == SR_KAFKA_CONSUMER) {
        defaults = consumer_defaults;
        ndefaults = sizeof(consumer_defaults) / sizeof(kv_t);
        required = consumer_required;
        nrequired = sizeof(consumer_required) / sizeof(kv_t);
    } else {
        defaults = producer_defaults;
        ndefaults = sizeof(producer_defaults) / sizeof(kv_t);
        required = producer_required;
        nrequired = sizeof(producer_required) / sizeof(kv_t);
    }

    for (size_t i = 0; i < ndefaults; i++) {
        if (sr_config_kafka_get(cfg, side, defaults[i].name) == NULL &&
            set(conf, "default ", defaults[i].name, defaults[i].value,
                errstr, errstr_size) != 0) {
            goto fail;
        }
    }
    /* Consumer lag and queue depth for the ops endpoints come from the
     * statistics; without them nobody reads the reports. */
    if (cfg->ops_listen[0] != '\0' &&
        sr_config_kafka_get(cfg, side, "statistics.interval.ms") == NULL &&
        set(conf, "default ", "statistics.interval.ms",
            SR_KAFKA_OPS_STATS_INTERVAL_MS, errstr, errstr_size) != 0) {
        goto fail;
    }
    /* Same order as sr_config_foreach_kafka (both sides, then this side),
     * but with the key as the user wrote it for error messages. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < cfg->kafka_count; i++) {
            const sr_config_kafka_t *kv = &cfg->kafka[i];

            if ((pass == 0 && kv->side != SR_KAFKA_BOTH) ||
                (pass == 1 && kv->side != side)) {
                continue;
            }
            if (set(conf, side_prefix(kv->side), kv->name, kv->value, errstr,
                    errstr_size) != 0) {
                goto fail;
            }
        }
    }
    for (size_t i = 0; i < nrequired; i++) {
        const char *user = sr_config_kafka_get(cfg, side, required[i].name);

        if (user != NULL && strcmp(user, required[i].value) != 0 &&
            !(strcmp(required[i].name, "acks") == 0 &&
              strcmp(user, "-1") == 0)) {
            sr_errstr_set(errstr, errstr_size,
                          "kafka %s property %s=%s: sitrep requires %s=%s "
                          "(%s)",
                          side == SR_KAFKA_CONSUMER ? "consumer" : "producer",
                          required[i].name, user, required[i].name,
                          required[i].value, required[i].why);
            goto fail;
        }
        if (set(conf, "", required[i].name, required[i].value, errstr,
                errstr_size) != 0) {
            goto fail;
        }
    }
    if (side == SR_KAFKA_PRODUCER && sr_kafka_exactly_once(cfg)) {
        char tid[512];

        sr_kafka_transactional_id(cfg, tid, sizeof(tid));
        if (set(conf, "", "transactional.id", tid, errstr, errstr_size) !=
            0) {
            goto fail;
        }
    }
    return conf;

fail:
    rd_kafka_conf_destroy(conf);
    return NULL;
}
