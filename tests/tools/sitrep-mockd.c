/* sitrep-mockd - librdkafka's mock Kafka cluster in a process of its own.
 *
 *   sitrep-mockd [--brokers N] [--topic NAME:PARTITIONS]...
 *
 * Prints the bootstrap servers as the first line of stdout, then serves
 * until SIGTERM or SIGINT, then destroys the cluster and exits 0. The mock
 * lives in its own process because a group whose members disagree on
 * partition.assignment.strategy makes the mock abort its host process, and
 * a test must not lose its worker to that.
 *
 * Optional fault injection, one command per line on stdin (EOF on stdin
 * just stops reading; the cluster keeps running):
 *   err APIKEY CODE COUNT     next COUNT requests of APIKEY fail with CODE
 *   clear APIKEY              drop the errors still queued for APIKEY
 *   berr ID APIKEY CODE COUNT the same, for requests to broker ID only
 *   down ID / up ID           broker ID goes down / comes back
 *   rtt ID MS                 broker ID answers MS later
 *   leader TOPIC PART ID      move a partition's leader
 *   topic NAME PARTITIONS     create a topic
 *   coord TYPE KEY ID         pin the coordinator of a group/txn to a broker
 * Each command answers "ok" or "error: ..." on stdout.
 */
#include <errno.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static void usage(FILE *out)
{
    fprintf(out, "usage: sitrep-mockd [--brokers N] "
                 "[--topic NAME:PARTITIONS]...\n");
}

static int parse_int(const char *s, long min, long max, long *out)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < min || v > max) {
        return -1;
    }
    *out = v;
    return 0;
}

static int create_topic(rd_kafka_mock_cluster_t *mc, int brokers,
                        const char *name, long partitions)
{
    int rf = brokers < 3 ? brokers : 3;
    rd_kafka_resp_err_t err =
        rd_kafka_mock_topic_create(mc, name, (int)partitions, rf);

    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        fprintf(stderr, "sitrep-mockd: topic %s: %s\n", name,
                rd_kafka_err2str(err));
        return -1;
    }
    return 0;
}

/* Runs one control line; returns a static answer text. */
static const char *control(rd_kafka_mock_cluster_t *mc, int brokers,
                           char *line)
{
    char *argv[6];
    int argc = 0;
    long a, b, c;
    char *save = NULL;

    for (char *tok = strtok_r(line, " \t\r\n", &save); tok && argc < 6;
         tok = strtok_r(NULL, " \t\r\n", &save)) {
        argv[argc++] = tok;
    }
    if (argc == 0) {
        return NULL;
    }
    if (strcmp(argv[0], "err") == 0 && argc == 4 &&
        parse_int(argv[1], 0, 32767, &a) == 0 &&
        parse_int(argv[2], -32768, 32767, &b) == 0 &&
        parse_int(argv[3], 1, 1000000, &c) == 0) {
        for (long i = 0; i < c; i++) {
            rd_kafka_mock_push_request_errors(mc, (int16_t)a, 1,
                                              (rd_kafka_resp_err_t)b);
        }
        return "ok";
    }
    if (strcmp(argv[0], "berr") == 0 && argc == 5 &&
        parse_int(argv[1], 1, brokers, &a) == 0 &&
        parse_int(argv[2], 0, 32767, &b) == 0 &&
        parse_int(argv[3], -32768, 32767, &c) == 0) {
        long n;
        if (parse_int(argv[4], 1, 1000000, &n) != 0) {
            return "error: count";
        }
        for (long i = 0; i < n; i++) {
            if (rd_kafka_mock_broker_push_request_error_rtts(
                    mc, (int32_t)a, (int16_t)b, 1, (rd_kafka_resp_err_t)c,
                    0) != RD_KAFKA_RESP_ERR_NO_ERROR) {
                return "error: broker";
            }
        }
        return "ok";
    }
    if (strcmp(argv[0], "clear") == 0 && argc == 2 &&
        parse_int(argv[1], 0, 32767, &a) == 0) {
        rd_kafka_mock_clear_request_errors(mc, (int16_t)a);
        return "ok";
    }
    if ((strcmp(argv[0], "down") == 0 || strcmp(argv[0], "up") == 0) &&
        argc == 2 && parse_int(argv[1], 1, brokers, &a) == 0) {
        rd_kafka_resp_err_t err =
            argv[0][0] == 'd' ? rd_kafka_mock_broker_set_down(mc, (int32_t)a)
                              : rd_kafka_mock_broker_set_up(mc, (int32_t)a);
        return err ? "error: broker" : "ok";
    }
    if (strcmp(argv[0], "rtt") == 0 && argc == 3 &&
        parse_int(argv[1], 1, brokers, &a) == 0 &&
        parse_int(argv[2], 0, 600000, &b) == 0) {
        return rd_kafka_mock_broker_set_rtt(mc, (int32_t)a, (int)b)
                   ? "error: rtt"
                   : "ok";
    }
    if (strcmp(argv[0], "leader") == 0 && argc == 4 &&
        parse_int(argv[2], 0, 100000, &a) == 0 &&
        parse_int(argv[3], 1, brokers, &b) == 0) {
        return rd_kafka_mock_partition_set_leader(mc, argv[1], (int32_t)a,
                                                  (int32_t)b)
                   ? "error: leader"
                   : "ok";
    }
    if (strcmp(argv[0], "coord") == 0 && argc == 4 &&
        parse_int(argv[3], 1, brokers, &a) == 0) {
        return rd_kafka_mock_coordinator_set(mc, argv[1], argv[2], (int32_t)a)
                   ? "error: coord"
                   : "ok";
    }
    if (strcmp(argv[0], "topic") == 0 && argc == 3 &&
        parse_int(argv[2], 1, 100000, &a) == 0) {
        return create_topic(mc, brokers, argv[1], a) ? "error: topic" : "ok";
    }
    return "error: unknown command";
}

int main(int argc, char **argv)
{
    long brokers = 1;
    const char **topics = calloc((size_t)argc, sizeof(*topics));
    int topic_count = 0, rc = 1, stdin_open = 1;
    rd_kafka_t *rk = NULL;
    rd_kafka_mock_cluster_t *mc = NULL;
    rd_kafka_conf_t *conf;
    char errstr[512], line[1024];
    size_t line_len = 0;
    struct sigaction sa;

    if (topics == NULL) {
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--brokers") == 0 && i + 1 < argc) {
            if (parse_int(argv[++i], 1, 32, &brokers) != 0) {
                fprintf(stderr, "sitrep-mockd: --brokers: 1..32\n");
                goto out;
            }
        } else if (strcmp(argv[i], "--topic") == 0 && i + 1 < argc) {
            topics[topic_count++] = argv[++i];
        } else if (strcmp(argv[i], "-h") == 0 ||
                   strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            rc = 0;
            goto out;
        } else {
            usage(stderr);
            rc = 2;
            goto out;
        }
    }

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    /* The cluster needs a handle to run on; a bare producer is enough. */
    conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "log_level", "3", NULL, 0);
    rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
    if (rk == NULL) {
        rd_kafka_conf_destroy(conf);
        fprintf(stderr, "sitrep-mockd: %s\n", errstr);
        goto out;
    }
    mc = rd_kafka_mock_cluster_new(rk, (int)brokers);
    if (mc == NULL) {
        fprintf(stderr, "sitrep-mockd: cannot create the mock cluster\n");
        goto out;
    }
    for (int i = 0; i < topic_count; i++) {
        char *name = strdup(topics[i]);
        char *colon = name ? strrchr(name, ':') : NULL;
        long parts = 1;

        if (name == NULL) {
            goto out;
        }
        if (colon != NULL) {
            *colon = '\0';
            if (parse_int(colon + 1, 1, 100000, &parts) != 0) {
                fprintf(stderr, "sitrep-mockd: --topic %s: bad partition "
                                "count\n", topics[i]);
                free(name);
                goto out;
            }
        }
        if (name[0] == '\0' || create_topic(mc, (int)brokers, name, parts)) {
            free(name);
            goto out;
        }
        free(name);
    }
    printf("%s\n", rd_kafka_mock_cluster_bootstraps(mc));
    fflush(stdout);

    while (!stop_requested) {
        struct pollfd pfd = {.fd = 0, .events = POLLIN, .revents = 0};
        int n = poll(&pfd, stdin_open ? 1 : 0, 200);

        if (n <= 0 || !(pfd.revents & (POLLIN | POLLHUP))) {
            continue;
        }
        ssize_t r = read(0, line + line_len, sizeof(line) - 1 - line_len);
        if (r <= 0) {
            stdin_open = 0;
            continue;
        }
        line_len += (size_t)r;
        line[line_len] = '\0';
        char *nl;
        while ((nl = strchr(line, '\n')) != NULL) {
            *nl = '\0';
            const char *answer = control(mc, (int)brokers, line);
            if (answer != NULL) {
                printf("%s\n", answer);
                fflush(stdout);
            }
            line_len -= (size_t)(nl + 1 - line);
            memmove(line, nl + 1, line_len + 1);
        }
        if (line_len == sizeof(line) - 1) {
            line_len = 0; /* an overlong line: drop it */
        }
    }
    rc = 0;

out:
    if (mc != NULL) {
        rd_kafka_mock_cluster_destroy(mc);
    }
    if (rk != NULL) {
        rd_kafka_destroy(rk);
    }
    free(topics);
    return rc;
}
