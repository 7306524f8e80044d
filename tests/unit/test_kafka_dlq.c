/* test_kafka_dlq.c - dead-letter headers and records, and the librdkafka
 * configuration built from sitrep's. The record tests run against an
 * in-process mock cluster (no group, so no rebalance delays). */
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <stdlib.h>

#include "check.h"
#include "config.h"
#include "dlq.h"
#include "kconf.h"
#include "kconf_fixture.h"

static char err[1024];

/* The last value of header name as a string, or NULL. */
static const char *hdr(const rd_kafka_headers_t *hdrs, const char *name,
                       char *buf, size_t size)
{
    const void *v;
    size_t n;

    if (rd_kafka_header_get_last(hdrs, name, &v, &n) !=
            RD_KAFKA_RESP_ERR_NO_ERROR ||
        n >= size) {
        return NULL;
    }
    memcpy(buf, v, n);
    buf[n] = '\0';
    return buf;
}

static void test_headers(void)
{
    rd_kafka_headers_t *orig = rd_kafka_headers_new(2);
    sr_dlq_info_t info = {
        .stage = "decode",
        .reason = "invalid UTF-8 at byte 3",
        .topic = "articles",
        .partition = 2,
        .offset = 1234567890123LL,
        .timestamp_ms = 1700000000000LL,
        .worker = "host-42",
    };
    char b[256];
    rd_kafka_headers_t *h;

    rd_kafka_header_add(orig, "trace", -1, "abc", 3);
    h = sr_dlq_headers_new(orig, &info);
    CHECK_STR_EQ(hdr(h, "trace", b, sizeof(b)), "abc");
    CHECK_STR_EQ(hdr(h, SR_DLQ_HDR_STAGE, b, sizeof(b)), "decode");
    CHECK_STR_EQ(hdr(h, SR_DLQ_HDR_REASON, b, sizeof(b)),
                 "invalid UTF-8 at byte 3");
    CHECK_STR_EQ(hdr(h, SR_DLQ_HDR_TOPIC, b, sizeof(b)), "articles");
    CHECK_STR_EQ(hdr(h, SR_DLQ_HDR_PARTITION, b, sizeof(b)), "2");
    CHECK_STR_EQ(hdr(h, SR_DLQ_HDR_OFFSET, b, sizeof(b)), "1234567890123");
    CHECK_STR_EQ(hdr(h, SR_DLQ_HDR_TIMESTAMP, b, sizeof(b)),
                 "1700000000000");
    CHECK_STR_EQ(hdr(h, SR_DLQ_HDR_WORKER, b, sizeof(b)), "host-42");
    CHECK(hdr(h, SR_DLQ_HDR_OMITTED, b, sizeof(b)) == NULL);
    CHECK_INT_EQ(rd_kafka_header_cnt(h), 8);
    /* The original is untouched. */
    CHECK_INT_EQ(rd_kafka_header_cnt(orig), 1);
    rd_kafka_headers_destroy(h);

    info.value_omitted = 99;
    info.reason = NULL;
    h = sr_dlq_headers_new(NULL, &info);
    CHECK_STR_EQ(hdr(h, SR_DLQ_HDR_OMITTED, b, sizeof(b)), "99");
    CHECK_STR_EQ(hdr(h, SR_DLQ_HDR_REASON, b, sizeof(b)), "");
    CHECK_INT_EQ(rd_kafka_header_cnt(h), 8);
    rd_kafka_headers_destroy(h);
    rd_kafka_headers_destroy(orig);
}

typedef struct dr_s {
    int count;
    rd_kafka_resp_err_t err;
    void *opaque;
} dr_t;

static void on_dr(rd_kafka_t *rk, const rd_kafka_message_t *rkm, void *op)
{
    dr_t *dr = op;
    (void)rk;
    dr->count++;
    dr->err = rkm->err;
    dr->opaque = rkm->_private;
}

static rd_kafka_t *client(rd_kafka_type_t type, const char *bootstraps,
                          dr_t *dr)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();

    rd_kafka_conf_set(conf, "bootstrap.servers", bootstraps, NULL, 0);
    rd_kafka_conf_set(conf, "log_level", "2", NULL, 0);
    if (type == RD_KAFKA_PRODUCER) {
        rd_kafka_conf_set(conf, "linger.ms", "0", NULL, 0);
        rd_kafka_conf_set(conf, "message.max.bytes", "2000000", NULL, 0);
        rd_kafka_conf_set_dr_msg_cb(conf, on_dr);
        rd_kafka_conf_set_opaque(conf, dr);
    } else {
        /* consumer_poll wants a group even for a manual assignment. */
        rd_kafka_conf_set(conf, "group.id", "test-dlq", NULL, 0);
        rd_kafka_conf_set(conf, "enable.auto.commit", "false", NULL, 0);
        rd_kafka_conf_set(conf, "fetch.wait.max.ms", "10", NULL, 0);
    }
    return rd_kafka_new(type, conf, err, sizeof(err));
}

/* Consumes the next message of topic [0] at offset, with a deadline. */
static rd_kafka_message_t *consume_at(rd_kafka_t *c, const char *topic,
                                      int64_t offset)
{
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);

    rd_kafka_topic_partition_list_add(l, topic, 0)->offset = offset;
    rd_kafka_assign(c, l);
    rd_kafka_topic_partition_list_destroy(l);
    for (int i = 0; i < 100; i++) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(c, 100);
        if (m != NULL && m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
            return m;
        }
        if (m != NULL) {
            rd_kafka_message_destroy(m);
        }
    }
    return NULL;
}

static void wait_dr(rd_kafka_t *p, dr_t *dr, int want)
{
    for (int i = 0; i < 100 && dr->count < want; i++) {
        rd_kafka_poll(p, 100);
    }
}

static void test_produce_roundtrip(void)
{
    dr_t dr = {0};
    rd_kafka_conf_t *mconf = rd_kafka_conf_new();
    rd_kafka_t *mrk, *p = NULL, *c = NULL;
    rd_kafka_mock_cluster_t *mc;
    rd_kafka_message_t *orig = NULL, *got = NULL;
    rd_kafka_headers_t *h = NULL;
    const char *bs;
    char b[256];
    static char big[300000];
    int marker = 0;
    sr_dlq_info_t info = {.stage = "extract", .reason = "boom",
                          .topic = "in", .partition = 0, .offset = 0,
                          .timestamp_ms = 5, .worker = "w1"};

    rd_kafka_conf_set(mconf, "log_level", "2", NULL, 0);
    mrk = rd_kafka_new(RD_KAFKA_PRODUCER, mconf, err, sizeof(err));
    mc = rd_kafka_mock_cluster_new(mrk, 1);
    rd_kafka_mock_topic_create(mc, "in", 1, 1);
    rd_kafka_mock_topic_create(mc, "in.dlq", 1, 1);
    bs = rd_kafka_mock_cluster_bootstraps(mc);
    p = client(RD_KAFKA_PRODUCER, bs, &dr);
    c = client(RD_KAFKA_CONSUMER, bs, NULL);
    CHECK(p != NULL && c != NULL);
    if (p == NULL || c == NULL) {
        goto out;
    }

    /* The original: key, value, one header. Then a big one. */
    h = rd_kafka_headers_new(1);
    rd_kafka_header_add(h, "origin", -1, "feed-7", -1);
    CHECK_INT_EQ(rd_kafka_producev(p, RD_KAFKA_V_TOPIC("in"),
                                   RD_KAFKA_V_KEY("k1", 2),
                                   RD_KAFKA_V_VALUE((void *)"not json \xff", 10),
                                   RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                   RD_KAFKA_V_HEADERS(h), RD_KAFKA_V_END),
                 0);
    memset(big, 'x', sizeof(big));
    CHECK_INT_EQ(rd_kafka_producev(p, RD_KAFKA_V_TOPIC("in"),
                                   RD_KAFKA_V_VALUE(big, sizeof(big)),
                                   RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                   RD_KAFKA_V_END),
                 0);
    wait_dr(p, &dr, 2);
    CHECK_INT_EQ(dr.count, 2);

    orig = consume_at(c, "in", 0);
    CHECK(orig != NULL);
    if (orig == NULL) {
        goto out;
    }
    CHECK_INT_EQ(sr_dlq_produce(p, "in.dlq", orig, &info, 1000000, &marker),
                 0);
    CHECK_INT_EQ(info.value_omitted, 0);
    wait_dr(p, &dr, 3);
    CHECK_INT_EQ(dr.count, 3);
    CHECK_INT_EQ(dr.err, 0);
    CHECK(dr.opaque == &marker);

    got = consume_at(c, "in.dlq", 0);
    CHECK(got != NULL);
    if (got != NULL) {
        rd_kafka_headers_t *gh = NULL;
        CHECK_INT_EQ(got->key_len, 2);
        CHECK(got->key_len == 2 && memcmp(got->key, "k1", 2) == 0);
        CHECK_INT_EQ(got->len, 10);
        CHECK(got->len == 10 && memcmp(got->payload, "not json \xff", 10) == 0);
        CHECK_INT_EQ(rd_kafka_message_headers(got, &gh), 0);
        CHECK_STR_EQ(hdr(gh, "origin", b, sizeof(b)), "feed-7");
        CHECK_STR_EQ(hdr(gh, SR_DLQ_HDR_STAGE, b, sizeof(b)), "extract");
        CHECK_STR_EQ(hdr(gh, SR_DLQ_HDR_REASON, b, sizeof(b)), "boom");
        CHECK_STR_EQ(hdr(gh, SR_DLQ_HDR_WORKER, b, sizeof(b)), "w1");
        rd_kafka_message_destroy(got);
        got = NULL;
    }
    rd_kafka_message_destroy(orig);

    /* Over the value cap: recorded without the value. */
    orig = consume_at(c, "in", 1);
    CHECK(orig != NULL);
    if (orig == NULL) {
        goto out;
    }
    info.offset = 1;
    CHECK_INT_EQ(sr_dlq_produce(p, "in.dlq", orig, &info, 1000, &marker), 0);
    CHECK_INT_EQ(info.value_omitted, sizeof(big));
    wait_dr(p, &dr, 4);
    CHECK_INT_EQ(dr.err, 0);
    got = consume_at(c, "in.dlq", 1);
    CHECK(got != NULL);
    if (got != NULL) {
        rd_kafka_headers_t *gh = NULL;
        CHECK_INT_EQ(got->len, 0);
        CHECK_INT_EQ(rd_kafka_message_headers(got, &gh), 0);
        CHECK_STR_EQ(hdr(gh, SR_DLQ_HDR_OMITTED, b, sizeof(b)), "300000");
        CHECK_STR_EQ(hdr(gh, SR_DLQ_HDR_OFFSET, b, sizeof(b)), "1");
        rd_kafka_message_destroy(got);
        got = NULL;
    }

out:
    if (orig != NULL) {
        rd_kafka_message_destroy(orig);
    }
    if (c != NULL) {
        rd_kafka_consumer_close(c);
        rd_kafka_destroy(c);
    }
    if (p != NULL) {
        rd_kafka_flush(p, 5000);
        rd_kafka_destroy(p);
    }
    rd_kafka_mock_cluster_destroy(mc);
    rd_kafka_destroy(mrk);
}

static void test_kconf_defaults_and_passthrough(void)
{
    sr_config_t *cfg = sr_config_new();
    rd_kafka_conf_t *conf;
    char b[256];

    CHECK_INT_EQ(sr_config_set(cfg, "kafka.bootstrap.servers", "h:1", err,
                               sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(sr_config_set(cfg, "kafka.consumer.group.id", "g7", err,
                               sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(sr_config_set(cfg, "kafka.producer.linger.ms", "17", err,
                               sizeof(err)),
                 SR_OK);
    conf = sr_kafka_conf_new(cfg, SR_KAFKA_CONSUMER, err, sizeof(err));
    CHECK(conf != NULL);
    if (conf != NULL) {
        CHECK_STR_EQ(conf_get(conf, "bootstrap.servers", b, sizeof(b)),
                     "h:1");
        CHECK_STR_EQ(conf_get(conf, "group.id", b, sizeof(b)), "g7");
        /* librdkafka reads the value back under its alias. */
        CHECK_STR_EQ(conf_get(conf, "auto.offset.reset", b, sizeof(b)),
                     "smallest");
        CHECK_STR_EQ(conf_get(conf, "partition.assignment.strategy", b,
                              sizeof(b)),
                     "range");
        CHECK_STR_EQ(conf_get(conf, "enable.auto.offset.store", b,
                              sizeof(b)),
                     "false");
        CHECK_STR_EQ(conf_get(conf, "enable.auto.commit", b, sizeof(b)),
                     "true");
        /* Producer-only keys stay on the producer. */
        CHECK(strcmp(conf_get(conf, "linger.ms", b, sizeof(b)), "17") != 0);
        /* A message over max.article.bytes (1 MiB) must be receivable. */
        CHECK(atoll(conf_get(conf, "receive.message.max.bytes", b,
                             sizeof(b))) > 2 * 1048576);
        rd_kafka_conf_destroy(conf);
    }
    conf = sr_kafka_conf_new(cfg, SR_KAFKA_PRODUCER, err, sizeof(err));
    CHECK(conf != NULL);
    if (conf != NULL) {
        CHECK_STR_EQ(conf_get(conf, "linger.ms", b, sizeof(b)), "17");
        CHECK_STR_EQ(conf_get(conf, "enable.idempotence", b, sizeof(b)),
                     "true");
        CHECK_STR_EQ(conf_get(conf, "acks", b, sizeof(b)), "-1");
        CHECK(atoll(conf_get(conf, "message.max.bytes", b, sizeof(b))) >
              2 * 1048576);
        rd_kafka_conf_destroy(conf);
    }
    CHECK(sr_kafka_max_dlq_value(cfg) >= 2 * 1048576);
    CHECK_INT_EQ(sr_config_set(cfg, "kafka.producer.message.max.bytes",
                               "1000000", err, sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(sr_kafka_max_dlq_value(cfg), 1000000 - 64 * 1024);
    CHECK_INT_EQ(sr_kafka_max_message(cfg), 1000000);
    sr_config_set(cfg, "kafka.producer.message.max.bytes", "5000", err,
                  sizeof(err));
    CHECK_INT_EQ(sr_kafka_max_message(cfg), 5000);
    CHECK_INT_EQ(sr_kafka_max_dlq_value(cfg), 0);
    sr_config_destroy(cfg);
}

static void test_kconf_rejects(void)
{
    sr_config_t *cfg = sr_config_new();
    rd_kafka_conf_t *conf;

    sr_config_set(cfg, "kafka.consumer.no.such.property", "1", err,
                  sizeof(err));
    conf = sr_kafka_conf_new(cfg, SR_KAFKA_CONSUMER, err, sizeof(err));
    CHECK(conf == NULL);
    CHECK(strstr(err, "kafka.consumer.no.such.property=1") != NULL);
    /* Only the consumer side has the bad key. */
    conf = sr_kafka_conf_new(cfg, SR_KAFKA_PRODUCER, err, sizeof(err));
    CHECK(conf != NULL);
    rd_kafka_conf_destroy(conf);
    sr_config_destroy(cfg);

    cfg = sr_config_new();
    sr_config_set(cfg, "kafka.session.timeout.ms", "lots", err, sizeof(err));
    conf = sr_kafka_conf_new(cfg, SR_KAFKA_CONSUMER, err, sizeof(err));
    CHECK(conf == NULL);
    CHECK(strstr(err, "kafka.session.timeout.ms=lots") != NULL);
    sr_config_destroy(cfg);

    cfg = sr_config_new();
    sr_config_set(cfg, "kafka.enable.auto.offset.store", "true", err,
                  sizeof(err));
    conf = sr_kafka_conf_new(cfg, SR_KAFKA_CONSUMER, err, sizeof(err));
    CHECK(conf == NULL);
    CHECK(strstr(err, "enable.auto.offset.store=false") != NULL);
    sr_config_destroy(cfg);

    cfg = sr_config_new();
    sr_config_set(cfg, "kafka.producer.acks", "1", err, sizeof(err));
    conf = sr_kafka_conf_new(cfg, SR_KAFKA_PRODUCER, err, sizeof(err));
    CHECK(conf == NULL);
    CHECK(strstr(err, "acks=all") != NULL);
    sr_config_destroy(cfg);

    cfg = sr_config_new();
    sr_config_set(cfg, "kafka.producer.acks", "-1", err, sizeof(err));
    conf = sr_kafka_conf_new(cfg, SR_KAFKA_PRODUCER, err, sizeof(err));
    CHECK(conf != NULL);
    rd_kafka_conf_destroy(conf);
    sr_config_destroy(cfg);
}

TEST_LIST = {
    {"headers", test_headers},
    {"produce_roundtrip", test_produce_roundtrip},
    {"kconf_defaults_and_passthrough", test_kconf_defaults_and_passthrough},
    {"kconf_rejects", test_kconf_rejects},
    {NULL, NULL},
};
