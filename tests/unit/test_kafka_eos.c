/* test_kafka_eos.c - the client configurations of
 * processing.guarantee=exactly_once, and the settings it refuses. */
#include <librdkafka/rdkafka.h>
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "config.h"
#include "kconf.h"
#include "kconf_fixture.h"

static char err[1024];

/* A config with the given key=value pairs (NULL-terminated). */
static sr_config_t *config(const char *kv, ...)
{
    sr_config_t *cfg = sr_config_new();
    va_list ap;

    va_start(ap, kv);
    for (const char *a = kv; a != NULL; a = va_arg(ap, const char *)) {
        CHECK_INT_EQ(sr_config_set_arg(cfg, a, err, sizeof(err)), SR_OK);
    }
    va_end(ap);
    return cfg;
}

/* The client of side (both for SR_KAFKA_BOTH) must be refused with
 * want1 and want2 (unless NULL) in the error. Destroys cfg. */
static void refused(sr_config_t *cfg, sr_kafka_side_t which,
                    const char *want1, const char *want2)
{
    for (int side = SR_KAFKA_CONSUMER; side <= SR_KAFKA_PRODUCER; side++) {
        rd_kafka_conf_t *conf;

        if (which != SR_KAFKA_BOTH && which != (sr_kafka_side_t)side) {
            continue;
        }
        err[0] = '\0';
        conf = sr_kafka_conf_new(cfg, (sr_kafka_side_t)side, err,
                                 sizeof(err));
        CHECK(conf == NULL);
        if (conf != NULL) {
            rd_kafka_conf_destroy(conf);
            continue;
        }
        if (strstr(err, want1) == NULL ||
            (want2 != NULL && strstr(err, want2) == NULL)) {
            fprintf(stderr, "    error was: %s\n", err);
            CHECK(!"the error names the setting and the reason");
        }
    }
    sr_config_destroy(cfg);
}

static void test_at_least_once_default(void)
{
    sr_config_t *cfg = config("kafka.bootstrap.servers=h:1", NULL);
    rd_kafka_conf_t *conf;
    char b[256];

    CHECK(!sr_kafka_exactly_once(cfg));
    conf = sr_kafka_conf_new(cfg, SR_KAFKA_PRODUCER, err, sizeof(err));
    CHECK(conf != NULL);
    if (conf != NULL) {
        CHECK(conf_get(conf, "transactional.id", b, sizeof(b)) == NULL);
        rd_kafka_conf_destroy(conf);
    }
    conf = sr_kafka_conf_new(cfg, SR_KAFKA_CONSUMER, err, sizeof(err));
    CHECK(conf != NULL);
    if (conf != NULL) {
        CHECK_STR_EQ(conf_get(conf, "enable.auto.commit", b, sizeof(b)),
                     "true");
        rd_kafka_conf_destroy(conf);
    }
    sr_config_destroy(cfg);
}

static void test_exactly_once_clients(void)
{
    sr_config_t *cfg =
        config("kafka.bootstrap.servers=h:1",
               "processing.guarantee=exactly_once",
               "transactional.id.prefix=news", "worker.id=w-7", NULL);
    rd_kafka_conf_t *conf;
    char b[256], tid[256];

    CHECK(sr_kafka_exactly_once(cfg));
    CHECK_STR_EQ(sr_kafka_transactional_id(cfg, tid, sizeof(tid)),
                 "news-w-7");
    CHECK_INT_EQ(sr_kafka_transaction_timeout_ms(cfg), 60000);
    conf = sr_kafka_conf_new(cfg, SR_KAFKA_PRODUCER, err, sizeof(err));
    CHECK(conf != NULL);
    if (conf != NULL) {
        CHECK_STR_EQ(conf_get(conf, "transactional.id", b, sizeof(b)),
                     "news-w-7");
        CHECK_STR_EQ(conf_get(conf, "enable.idempotence", b, sizeof(b)),
                     "true");
        CHECK_STR_EQ(conf_get(conf, "acks", b, sizeof(b)), "-1");
        rd_kafka_conf_destroy(conf);
    }
    conf = sr_kafka_conf_new(cfg, SR_KAFKA_CONSUMER, err, sizeof(err));
    CHECK(conf != NULL);
    if (conf != NULL) {
        CHECK_STR_EQ(conf_get(conf, "enable.auto.commit", b, sizeof(b)),
                     "false");
        CHECK_STR_EQ(conf_get(conf, "isolation.level", b, sizeof(b)),
                     "read_committed");
        CHECK_STR_EQ(conf_get(conf, "partition.assignment.strategy", b,
                              sizeof(b)),
                     "range");
        /* The consumer has no transactional.id. */
        CHECK(conf_get(conf, "transactional.id", b, sizeof(b)) == NULL);
        rd_kafka_conf_destroy(conf);
    }
    sr_config_destroy(cfg);

    /* Without worker.id: host-pid, unique per process. */
    cfg = config("processing.guarantee=exactly_once", NULL);
    {
        char want[128], host[64] = "localhost";

        gethostname(host, sizeof(host) - 1);
        host[sizeof(host) - 1] = '\0';
        snprintf(want, sizeof(want), "sitrep-%s-%ld", host, (long)getpid());
        CHECK_STR_EQ(sr_kafka_transactional_id(cfg, tid, sizeof(tid)), want);
    }
    sr_config_destroy(cfg);

    /* A longer transaction timeout allows a longer interval. */
    cfg = config("processing.guarantee=exactly_once",
                 "transaction.interval.ms=40000",
                 "kafka.producer.transaction.timeout.ms=100000", NULL);
    CHECK_INT_EQ(sr_kafka_transaction_timeout_ms(cfg), 100000);
    conf = sr_kafka_conf_new(cfg, SR_KAFKA_PRODUCER, err, sizeof(err));
    CHECK(conf != NULL);
    if (conf != NULL) {
        rd_kafka_conf_destroy(conf);
    }
    sr_config_destroy(cfg);
}

static void test_exactly_once_refuses(void)
{
    refused(config("processing.guarantee=exactly_once",
                   "kafka.consumer.enable.auto.commit=true", NULL),
            SR_KAFKA_CONSUMER, "enable.auto.commit=false", "exactly_once");
    refused(config("processing.guarantee=exactly_once",
                   "kafka.isolation.level=read_uncommitted", NULL),
            SR_KAFKA_CONSUMER, "isolation.level=read_committed", "aborted");
    refused(config("processing.guarantee=exactly_once",
                   "kafka.consumer.partition.assignment.strategy="
                   "cooperative-sticky",
                   NULL),
            SR_KAFKA_BOTH, "partition.assignment.strategy=cooperative-sticky", "eager");
    refused(config("processing.guarantee=exactly_once",
                   "transaction.interval.ms=40000", NULL),
            SR_KAFKA_BOTH, "transaction.interval.ms=40000", "transaction.timeout.ms (60000)");
    refused(config("processing.guarantee=exactly_once",
                   "kafka.producer.enable.idempotence=false", NULL),
            SR_KAFKA_PRODUCER, "enable.idempotence=true", NULL);
    refused(config("processing.guarantee=exactly_once",
                   "transactional.id.prefix=", NULL),
            SR_KAFKA_BOTH, "transactional.id.prefix", NULL);
    /* transactional.id is derived, in either mode. */
    refused(config("kafka.producer.transactional.id=t1", NULL),
            SR_KAFKA_BOTH, "kafka.producer.transactional.id", "worker.id");
    refused(config("processing.guarantee=exactly_once",
                   "kafka.transactional.id=t1", NULL),
            SR_KAFKA_BOTH, "kafka.producer.transactional.id", "worker.id");
}

static void test_guarantee_values(void)
{
    sr_config_t *cfg = sr_config_new();

    CHECK_STR_EQ(cfg->processing_guarantee, "at_least_once");
    CHECK(sr_config_set(cfg, "processing.guarantee", "exactly-once", err,
                        sizeof(err)) != SR_OK);
    CHECK(strstr(err, "at_least_once") != NULL);
    CHECK(sr_config_set(cfg, "transaction.interval.ms", "0", err,
                        sizeof(err)) != SR_OK);
    CHECK(sr_config_set(cfg, "transaction.max.articles", "0", err,
                        sizeof(err)) != SR_OK);
    sr_config_destroy(cfg);
}

TEST_LIST = {
    {"at_least_once_default", test_at_least_once_default},
    {"exactly_once_clients", test_exactly_once_clients},
    {"exactly_once_refuses", test_exactly_once_refuses},
    {"guarantee_values", test_guarantee_values},
    {NULL, NULL},
};
