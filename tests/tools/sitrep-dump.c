/* sitrep-dump - a test consumer that prints binary records losslessly.
 *
 *   sitrep-dump -b BROKERS -t TOPIC [-n MIN] [-w SECONDS] [-u]
 *
 * Reads every partition of TOPIC from the beginning to its end and prints
 * one line per record:
 *   PARTITION OFFSET KEY VALUE HEADERS
 * where KEY and VALUE are lower-case hex ("-" for NULL) and HEADERS is
 * name=hexvalue joined by "," ("-" when there are none). No consumer
 * group: nothing is committed. With -n it keeps reading (up to -w
 * seconds, default 60) until at least MIN records were seen; exits 1 if
 * fewer arrived in time. The count goes to stderr.
 *
 * Records of transactions are read as a read_committed consumer sees
 * them (only committed ones, up to the last stable offset); -u reads
 * read_uncommitted, aborted and still-open transactions included.
 */
#include <librdkafka/rdkafka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void hex(FILE *out, const void *p, size_t n)
{
    const unsigned char *b = p;

    if (p == NULL) {
        fputc('-', out);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "%02x", b[i]);
    }
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *brokers = NULL, *topic = NULL;
    long min = 0, seen = 0;
    double wait_s = 60, start = now_s();
    int c, nparts, rc = 1, *at_end = NULL, ended = 0;
    const char *isolation = "read_committed";
    char err[512];
    rd_kafka_conf_t *conf;
    rd_kafka_t *rk;
    const rd_kafka_metadata_t *md = NULL;
    rd_kafka_topic_partition_list_t *parts;

    while ((c = getopt(argc, argv, "b:t:n:w:u")) != -1) {
        switch (c) {
        case 'b': brokers = optarg; break;
        case 't': topic = optarg; break;
        case 'n': min = atol(optarg); break;
        case 'w': wait_s = atof(optarg); break;
        case 'u': isolation = "read_uncommitted"; break;
        default:
            fprintf(stderr, "usage: sitrep-dump -b BROKERS -t TOPIC "
                            "[-n MIN] [-w SECONDS] [-u]\n");
            return 2;
        }
    }
    if (brokers == NULL || topic == NULL) {
        fprintf(stderr, "sitrep-dump: -b and -t are required\n");
        return 2;
    }
    conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", brokers, NULL, 0);
    rd_kafka_conf_set(conf, "group.id", "sitrep-dump", NULL, 0);
    rd_kafka_conf_set(conf, "enable.auto.commit", "false", NULL, 0);
    rd_kafka_conf_set(conf, "fetch.wait.max.ms", "10", NULL, 0);
    rd_kafka_conf_set(conf, "enable.partition.eof", "true", NULL, 0);
    rd_kafka_conf_set(conf, "isolation.level", isolation, NULL, 0);
    rd_kafka_conf_set(conf, "receive.message.max.bytes", "200000000", NULL, 0);
    rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof(err));
    if (rk == NULL) {
        fprintf(stderr, "sitrep-dump: %s\n", err);
        return 2;
    }
    rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
    if (rd_kafka_metadata(rk, 0, rkt, &md, 10000) != 0 ||
        md->topic_cnt != 1 || md->topics[0].err != 0) {
        fprintf(stderr, "sitrep-dump: no metadata for %s\n", topic);
        goto out;
    }
    nparts = md->topics[0].partition_cnt;
    parts = rd_kafka_topic_partition_list_new(nparts);
    at_end = calloc((size_t)nparts, sizeof(int));
    for (int i = 0; i < nparts; i++) {
        rd_kafka_topic_partition_list_add(parts, topic,
                                          md->topics[0].partitions[i].id)
            ->offset = RD_KAFKA_OFFSET_BEGINNING;
    }
    rd_kafka_assign(rk, parts);
    rd_kafka_topic_partition_list_destroy(parts);

    while (now_s() - start < wait_s) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);

        if (m == NULL) {
            if (ended == nparts && seen >= min) {
                break;
            }
            continue;
        }
        if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            if (m->partition >= 0 && m->partition < nparts &&
                !at_end[m->partition]) {
                at_end[m->partition] = 1;
                ended++;
            }
        } else if (m->err) {
            fprintf(stderr, "sitrep-dump: %s\n", rd_kafka_message_errstr(m));
        } else {
            rd_kafka_headers_t *h = NULL;
            const char *name;
            const void *v;
            size_t n;

            printf("%d %lld ", (int)m->partition, (long long)m->offset);
            hex(stdout, m->key, m->key_len);
            fputc(' ', stdout);
            hex(stdout, m->payload, m->len);
            fputc(' ', stdout);
            if (rd_kafka_message_headers(m, &h) == 0 &&
                rd_kafka_header_cnt(h) > 0) {
                for (size_t i = 0;
                     rd_kafka_header_get_all(h, i, &name, &v, &n) == 0; i++) {
                    printf("%s%s=", i ? "," : "", name);
                    hex(stdout, v ? v : "", n);
                }
            } else {
                fputc('-', stdout);
            }
            fputc('\n', stdout);
            seen++;
        }
        rd_kafka_message_destroy(m);
        if (ended == nparts && seen >= min) {
            break;
        }
    }
    fflush(stdout);
    fprintf(stderr, "%ld\n", seen);
    rc = seen >= min ? 0 : 1;

out:
    if (md != NULL) {
        rd_kafka_metadata_destroy(md);
    }
    rd_kafka_topic_destroy(rkt);
    rd_kafka_consumer_close(rk);
    rd_kafka_destroy(rk);
    free(at_end);
    return rc;
}
