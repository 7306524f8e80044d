/* sitrep-admin - creates topics on a real Kafka cluster for the tests.
 *
 *   sitrep-admin -b BROKERS [-w SECONDS] TOPIC:PARTITIONS[:NAME=VALUE]...
 *   sitrep-admin -b BROKERS -g GROUP -o TOPIC
 *
 * The first form creates every TOPIC with PARTITIONS partitions,
 * replication factor 1 and the topic config NAME=VALUE when given,
 * through the Admin API (CreateTopics), then waits (up to -w seconds,
 * default 30) until the metadata shows a leader for every partition, so a
 * test can produce and consume at once. A topic that already exists with
 * that many partitions is accepted. Exits 0 only when all are ready.
 *
 * The second form prints, for every partition of TOPIC, the offset GROUP
 * committed (-1 when none) and the partition's high watermark:
 *   PARTITION COMMITTED HIGH
 * It does not join the group (no subscription), so it can run next to
 * the group's members.
 */
#include <librdkafka/rdkafka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_TOPICS 32

typedef struct want_s {
    char name[256];
    int partitions;
    const char *config; /* "name=value", or NULL */
} want_t;

/* TOPIC:PARTITIONS[:name=value] */
static int parse_topic(const char *arg, want_t *w)
{
    const char *colon = strchr(arg, ':');
    char *end;
    long n;

    if (colon == NULL || colon == arg ||
        (size_t)(colon - arg) >= sizeof(w->name)) {
        return -1;
    }
    n = strtol(colon + 1, &end, 10);
    w->config = NULL;
    if (*end == ':' && strchr(end + 1, '=') != NULL) {
        w->config = end + 1;
    } else if (*end != '\0') {
        return -1;
    }
    if (n < 1 || n > 10000) {
        return -1;
    }
    memcpy(w->name, arg, (size_t)(colon - arg));
    w->name[colon - arg] = '\0';
    w->partitions = (int)n;
    return 0;
}

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Sends CreateTopics and checks every topic's result. */
static int create_topics(rd_kafka_t *rk, const want_t *w, int n, int wait_s)
{
    rd_kafka_NewTopic_t *nt[MAX_TOPICS];
    rd_kafka_AdminOptions_t *opt;
    rd_kafka_queue_t *q = rd_kafka_queue_new(rk);
    rd_kafka_event_t *ev;
    const rd_kafka_CreateTopics_result_t *res;
    const rd_kafka_topic_result_t **tr;
    char errstr[512];
    size_t cnt;
    int rc = 0;

    for (int i = 0; i < n; i++) {
        nt[i] = rd_kafka_NewTopic_new(w[i].name, w[i].partitions, 1, errstr,
                                      sizeof(errstr));
        if (nt[i] == NULL) {
            fprintf(stderr, "sitrep-admin: %s: %s\n", w[i].name, errstr);
            for (int j = 0; j < i; j++) {
                rd_kafka_NewTopic_destroy(nt[j]);
            }
            rd_kafka_queue_destroy(q);
            return -1;
        }
        if (w[i].config != NULL) {
            char name[256];
            const char *eq = strchr(w[i].config, '=');
            size_t len = (size_t)(eq - w[i].config);

            if (len >= sizeof(name)) {
                len = sizeof(name) - 1;
            }
            memcpy(name, w[i].config, len);
            name[len] = '\0';
            rd_kafka_NewTopic_set_config(nt[i], name, eq + 1);
        }
    }
    opt = rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_CREATETOPICS);
    rd_kafka_AdminOptions_set_request_timeout(opt, wait_s * 1000, errstr,
                                              sizeof(errstr));
    rd_kafka_AdminOptions_set_operation_timeout(opt, wait_s * 1000, errstr,
                                                sizeof(errstr));
    rd_kafka_CreateTopics(rk, nt, (size_t)n, opt, q);
    rd_kafka_NewTopic_destroy_array(nt, (size_t)n);
    rd_kafka_AdminOptions_destroy(opt);

    ev = rd_kafka_queue_poll(q, (wait_s + 5) * 1000);
    if (ev == NULL) {
        fprintf(stderr, "sitrep-admin: no CreateTopics answer\n");
        rd_kafka_queue_destroy(q);
        return -1;
    }
    if (rd_kafka_event_error(ev)) {
        fprintf(stderr, "sitrep-admin: CreateTopics: %s\n",
                rd_kafka_event_error_string(ev));
        rc = -1;
    } else {
        res = rd_kafka_event_CreateTopics_result(ev);
        tr = rd_kafka_CreateTopics_result_topics(res, &cnt);
        for (size_t i = 0; i < cnt; i++) {
            rd_kafka_resp_err_t err = rd_kafka_topic_result_error(tr[i]);

            if (err && err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
                fprintf(stderr, "sitrep-admin: %s: %s\n",
                        rd_kafka_topic_result_name(tr[i]),
                        rd_kafka_topic_result_error_string(tr[i]));
                rc = -1;
            }
        }
    }
    rd_kafka_event_destroy(ev);
    rd_kafka_queue_destroy(q);
    return rc;
}

/* 1 when the metadata shows w with its partitions, each with a leader. */
static int topic_ready(const struct rd_kafka_metadata *md, const want_t *w)
{
    for (int t = 0; t < md->topic_cnt; t++) {
        const struct rd_kafka_metadata_topic *mt = &md->topics[t];

        if (strcmp(mt->topic, w->name) != 0) {
            continue;
        }
        if (mt->err || mt->partition_cnt != w->partitions) {
            return 0;
        }
        for (int p = 0; p < mt->partition_cnt; p++) {
            if (mt->partitions[p].err || mt->partitions[p].leader < 0) {
                return 0;
            }
        }
        return 1;
    }
    return 0;
}

static int wait_ready(rd_kafka_t *rk, const want_t *w, int n, int wait_s)
{
    double deadline = now_s() + wait_s;

    for (;;) {
        const struct rd_kafka_metadata *md = NULL;
        int ready = 0;

        if (rd_kafka_metadata(rk, 1, NULL, &md, 5000) ==
            RD_KAFKA_RESP_ERR_NO_ERROR) {
            for (int i = 0; i < n; i++) {
                ready += topic_ready(md, &w[i]);
            }
            rd_kafka_metadata_destroy(md);
        }
        if (ready == n) {
            return 0;
        }
        if (now_s() > deadline) {
            fprintf(stderr, "sitrep-admin: %d of %d topics ready after %d s\n",
                    ready, n, wait_s);
            return -1;
        }
        usleep(200 * 1000);
    }
}

/* A client of brokers (with group.id group unless NULL), or NULL after
 * printing why. */
static rd_kafka_t *client_new(rd_kafka_type_t type, const char *brokers,
                              const char *group)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char errstr[512];
    rd_kafka_t *rk;

    if (rd_kafka_conf_set(conf, "bootstrap.servers", brokers, errstr,
                          sizeof(errstr)) != RD_KAFKA_CONF_OK ||
        (group != NULL &&
         rd_kafka_conf_set(conf, "group.id", group, errstr, sizeof(errstr)) !=
             RD_KAFKA_CONF_OK)) {
        fprintf(stderr, "sitrep-admin: %s\n", errstr);
        rd_kafka_conf_destroy(conf);
        return NULL;
    }
    rk = rd_kafka_new(type, conf, errstr, sizeof(errstr));
    if (rk == NULL) {
        fprintf(stderr, "sitrep-admin: %s\n", errstr);
        rd_kafka_conf_destroy(conf);
    }
    return rk;
}

/* Prints committed offset and high watermark of every partition of topic
 * for group. */
static int print_offsets(const char *brokers, const char *group,
                         const char *topic)
{
    rd_kafka_topic_partition_list_t *parts = NULL;
    const struct rd_kafka_metadata *md = NULL;
    rd_kafka_topic_t *rkt = NULL;
    rd_kafka_resp_err_t err;
    rd_kafka_t *rk;
    int rc = 1;

    rk = client_new(RD_KAFKA_CONSUMER, brokers, group);
    if (rk == NULL) {
        return 1;
    }
    rkt = rd_kafka_topic_new(rk, topic, NULL);
    err = rd_kafka_metadata(rk, 0, rkt, &md, 10000);
    if (err || md->topic_cnt != 1 || md->topics[0].err) {
        fprintf(stderr, "sitrep-admin: metadata of %s: %s\n", topic,
                rd_kafka_err2str(err ? err : md->topics[0].err));
        goto out;
    }
    parts = rd_kafka_topic_partition_list_new(md->topics[0].partition_cnt);
    for (int p = 0; p < md->topics[0].partition_cnt; p++) {
        rd_kafka_topic_partition_list_add(parts, topic,
                                          md->topics[0].partitions[p].id);
    }
    err = rd_kafka_committed(rk, parts, 10000);
    if (err) {
        fprintf(stderr, "sitrep-admin: committed: %s\n",
                rd_kafka_err2str(err));
        goto out;
    }
    for (int i = 0; i < parts->cnt; i++) {
        int64_t lo, hi;

        err = rd_kafka_query_watermark_offsets(
            rk, topic, parts->elems[i].partition, &lo, &hi, 10000);
        if (err) {
            fprintf(stderr, "sitrep-admin: watermarks: %s\n",
                    rd_kafka_err2str(err));
            goto out;
        }
        printf("%d %lld %lld\n", (int)parts->elems[i].partition,
               (long long)(parts->elems[i].offset < 0
                               ? -1
                               : parts->elems[i].offset),
               (long long)hi);
    }
    rc = 0;
out:
    if (parts != NULL) {
        rd_kafka_topic_partition_list_destroy(parts);
    }
    if (md != NULL) {
        rd_kafka_metadata_destroy(md);
    }
    rd_kafka_topic_destroy(rkt);
    rd_kafka_destroy(rk);
    return rc;
}

int main(int argc, char **argv)
{
    const char *brokers = NULL, *group = NULL, *otopic = NULL;
    want_t want[MAX_TOPICS];
    int n = 0, wait_s = 30, opt, rc = 1;
    rd_kafka_t *rk;

    while ((opt = getopt(argc, argv, "b:g:o:w:")) != -1) {
        switch (opt) {
        case 'g':
            group = optarg;
            break;
        case 'o':
            otopic = optarg;
            break;
        case 'b':
            brokers = optarg;
            break;
        case 'w':
            wait_s = atoi(optarg);
            break;
        default:
            goto usage;
        }
    }
    if (brokers != NULL && group != NULL && otopic != NULL) {
        return print_offsets(brokers, group, otopic);
    }
    if (brokers == NULL || optind >= argc || wait_s < 1) {
        goto usage;
    }
    for (int i = optind; i < argc; i++) {
        if (n == MAX_TOPICS || parse_topic(argv[i], &want[n]) != 0) {
            fprintf(stderr, "sitrep-admin: bad topic %s\n", argv[i]);
            goto usage;
        }
        n++;
    }

    rk = client_new(RD_KAFKA_PRODUCER, brokers, NULL);
    if (rk == NULL) {
        return 1;
    }
    if (create_topics(rk, want, n, wait_s) == 0 &&
        wait_ready(rk, want, n, wait_s) == 0) {
        rc = 0;
    }
    rd_kafka_destroy(rk);
    return rc;

usage:
    fprintf(stderr,
            "usage: sitrep-admin -b BROKERS [-w SECONDS] "
            "TOPIC:PARTITIONS[:NAME=VALUE]...\n"
            "       sitrep-admin -b BROKERS -g GROUP -o TOPIC\n");
    return 2;
}
