/* sitrep-produce - a small test producer that can send what kcat cannot:
 * empty values and arbitrary bytes, each file exactly as it is.
 *
 *   sitrep-produce -b BROKERS -t TOPIC [-p PARTITION] [-k KEY]
 *                  [-H name=value]... [-l] [FILE]...
 *
 * Without -l each FILE is one message (an empty file is an empty value).
 * With -l every line of each FILE (or of stdin when no FILE is given) is
 * one message, without its newline; empty lines are empty values. Waits
 * for every delivery report; exits 0 only if all were delivered, and
 * prints the number delivered on stdout.
 */
#include <librdkafka/rdkafka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_HEADERS 16

static long delivered, failed;

static void on_dr(rd_kafka_t *rk, const rd_kafka_message_t *rkm, void *op)
{
    (void)rk;
    (void)op;
    if (rkm->err) {
        fprintf(stderr, "sitrep-produce: %s\n", rd_kafka_err2str(rkm->err));
        failed++;
    } else {
        delivered++;
    }
}

typedef struct opts_s {
    const char *topic, *key;
    int32_t partition;
    const char *hname[MAX_HEADERS], *hvalue[MAX_HEADERS];
    int nheaders;
} opts_t;

static int send_one(rd_kafka_t *rk, const opts_t *o, const char *data,
                    size_t len)
{
    rd_kafka_headers_t *h = rd_kafka_headers_new(o->nheaders + 1);
    rd_kafka_resp_err_t err;

    for (int i = 0; i < o->nheaders; i++) {
        rd_kafka_header_add(h, o->hname[i], -1, o->hvalue[i], -1);
    }
    do {
        err = rd_kafka_producev(
            rk, RD_KAFKA_V_TOPIC(o->topic), RD_KAFKA_V_PARTITION(o->partition),
            RD_KAFKA_V_KEY(o->key, o->key ? strlen(o->key) : 0),
            RD_KAFKA_V_VALUE((void *)data, len),
            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_HEADERS(h),
            RD_KAFKA_V_END);
        if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
            rd_kafka_poll(rk, 50);
        }
    } while (err == RD_KAFKA_RESP_ERR__QUEUE_FULL);
    if (err) {
        rd_kafka_headers_destroy(h);
        fprintf(stderr, "sitrep-produce: %s\n", rd_kafka_err2str(err));
        return -1;
    }
    rd_kafka_poll(rk, 0);
    return 0;
}

static int send_file(rd_kafka_t *rk, const opts_t *o, FILE *f, int lines)
{
    char *buf = NULL;
    size_t cap = 0, len = 0;
    int rc = 0;

    if (lines) {
        ssize_t n;
        while ((n = getline(&buf, &cap, f)) >= 0) {
            if (n > 0 && buf[n - 1] == '\n') {
                n--;
            }
            if (send_one(rk, o, buf, (size_t)n) != 0) {
                rc = -1;
                break;
            }
        }
    } else {
        char chunk[65536];
        size_t n;
        while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
            char *nb = realloc(buf, len + n);
            if (nb == NULL) {
                free(buf);
                return -1;
            }
            buf = nb;
            memcpy(buf + len, chunk, n);
            len += n;
        }
        rc = send_one(rk, o, buf ? buf : "", len);
    }
    free(buf);
    return rc;
}

int main(int argc, char **argv)
{
    opts_t o = {.partition = RD_KAFKA_PARTITION_UA};
    const char *brokers = NULL;
    int lines = 0, c, rc = 0;
    char err[512];
    rd_kafka_conf_t *conf;
    rd_kafka_t *rk;

    while ((c = getopt(argc, argv, "b:t:p:k:H:l")) != -1) {
        switch (c) {
        case 'b': brokers = optarg; break;
        case 't': o.topic = optarg; break;
        case 'p': o.partition = (int32_t)atoi(optarg); break;
        case 'k': o.key = optarg; break;
        case 'l': lines = 1; break;
        case 'H': {
            char *eq = strchr(optarg, '=');
            if (eq == NULL || o.nheaders == MAX_HEADERS) {
                fprintf(stderr, "sitrep-produce: -H name=value\n");
                return 2;
            }
            *eq = '\0';
            o.hname[o.nheaders] = optarg;
            o.hvalue[o.nheaders++] = eq + 1;
            break;
        }
        default:
            fprintf(stderr, "usage: sitrep-produce -b BROKERS -t TOPIC [-p N] "
                            "[-k KEY] [-H name=value]... [-l] [FILE]...\n");
            return 2;
        }
    }
    if (brokers == NULL || o.topic == NULL) {
        fprintf(stderr, "sitrep-produce: -b and -t are required\n");
        return 2;
    }
    conf = rd_kafka_conf_new();
    if (rd_kafka_conf_set(conf, "bootstrap.servers", brokers, err,
                          sizeof(err)) != RD_KAFKA_CONF_OK ||
        rd_kafka_conf_set(conf, "message.max.bytes", "100000000", err,
                          sizeof(err)) != RD_KAFKA_CONF_OK) {
        fprintf(stderr, "sitrep-produce: %s\n", err);
        rd_kafka_conf_destroy(conf);
        return 2;
    }
    rd_kafka_conf_set(conf, "linger.ms", "5", NULL, 0);
    rd_kafka_conf_set_dr_msg_cb(conf, on_dr);
    rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof(err));
    if (rk == NULL) {
        fprintf(stderr, "sitrep-produce: %s\n", err);
        rd_kafka_conf_destroy(conf);
        return 2;
    }
    if (optind == argc) {
        rc = send_file(rk, &o, stdin, 1);
    }
    for (int i = optind; i < argc && rc == 0; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (f == NULL) {
            perror(argv[i]);
            rc = -1;
            break;
        }
        rc = send_file(rk, &o, f, lines);
        fclose(f);
    }
    rd_kafka_flush(rk, 30000);
    if (rd_kafka_outq_len(rk) > 0) {
        fprintf(stderr, "sitrep-produce: %d message(s) not delivered\n",
                rd_kafka_outq_len(rk));
        rc = -1;
    }
    rd_kafka_destroy(rk);
    printf("%ld\n", delivered);
    return rc == 0 && failed == 0 ? 0 : 1;
}
