/* cmd_decode.c - `sitrep decode`: Avro incident events back to JSON lines.
 *
 * Two sources. Default: files (or stdin) holding a plain concatenation of
 * framed events (single-object C3 01 + fingerprint, or Confluent 00 + id),
 * e.g. `kcat -C -e -D '' -f '%s'` output or a dump of produced values.
 * With -t TOPIC: the topic read from the beginning of every partition (a
 * throw-away consumer group, nothing committed). Each event becomes one
 * contract-3.2 JSON line on stdout; a frame that does not decode is
 * reported on stderr (byte offset, or partition and offset) and skipped.
 * Confluent frames (00 + schema id) are read when schema.registry.url is
 * set (-c FILE, -X, SITREP_ environment): each unknown id's schema is
 * fetched once (GET /schemas/ids/{id}, with the worker's auth, TLS and
 * timeout options), and frames decode when it is the incident schema or
 * an evolution of it that appends fields; other schemas are an error for
 * each of their frames.
 * Exit: 0 every frame decoded, 1 some frame failed (or a Kafka error, or
 * --count not reached before --timeout-ms), 2 usage or configuration.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <librdkafka/rdkafka.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "incident_avro.h"
#include "incident_json.h"
#include "jsonw.h"
#include "registry_conf.h"
#include "xmalloc.h"

#define READ_CHUNK 65536
/* Schema ids that failed, remembered so each is reported once per
 * fetch rather than asked of the registry for every frame. */
#define MAX_FAILED_IDS 256

typedef struct failed_id_s {
    int32_t id;
    char *why;
} failed_id_t;

typedef struct decode_s {
    sr_avro_codec_t *codec;
    sr_registry_t *registry; /* NULL without schema.registry.url */
    failed_id_t failed_ids[MAX_FAILED_IDS];
    size_t nfailed_ids;
    sr_incident_t inc;
    sr_buf_t line;
    int with_key;
    int64_t max_count; /* 0: no limit */
    int64_t decoded;
    int64_t failed;
} decode_t;

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static void usage(FILE *out)
{
    fprintf(out,
            "usage: sitrep decode [options] [FILE...]\n"
            "       sitrep decode -t TOPIC [-b BROKERS] [-e] [options]\n"
            "\n"
            "Prints every Avro incident event as one JSON line (contract "
            "3.2).\n"
            "Without -t: FILEs (or stdin, or '-') hold concatenated framed "
            "events.\n"
            "\n"
            "  -t, --topic TOPIC     consume TOPIC from the beginning\n"
            "  -b, --brokers LIST    bootstrap servers (else "
            "kafka.bootstrap.servers)\n"
            "  -e, --exit-eof        stop when every partition is at its "
            "end\n"
            "  -n, --count N         stop after N events\n"
            "  -T, --timeout-ms T    stop after T ms without a message\n"
            "  -k, --key             print {\"key\":...,\"value\":{...}}\n"
            "  -c FILE, -X key=value configuration (kafka.* for the "
            "consumer,\n"
            "                        schema.registry.* for Confluent "
            "frames)\n"
            "\n"
            "Exit status: 0 all decoded, 1 a frame failed or Kafka error, 2 "
            "usage.\n");
}

/* Prints one decoded incident; key may be NULL. */
static void print_event(decode_t *dc, const void *key, size_t key_len)
{
    sr_jsonw_t w = {&dc->line, SR_OK};
    char err[256];

    sr_buf_reset(&dc->line);
    if (dc->with_key) {
        sr_jsonw_raw(&w, "{\"key\":");
        if (key != NULL) {
            sr_jsonw_strn(&w, key, key_len);
        } else {
            sr_jsonw_raw(&w, "null");
        }
        sr_jsonw_raw(&w, ",\"value\":");
    }
    if (w.err == SR_OK) {
        w.err = sr_incident_to_json(&dc->inc, &dc->line, err, sizeof(err));
    }
    if (dc->with_key) {
        sr_jsonw_raw(&w, "}");
    }
    if (w.err != SR_OK) {
        fprintf(stderr, "sitrep decode: event too large to print as JSON\n");
        dc->failed++;
        return;
    }
    sr_buf_putc(&dc->line, '\n');
    fwrite(dc->line.data, 1, dc->line.len, stdout);
    dc->decoded++;
}

static int count_reached(const decode_t *dc)
{
    return dc->max_count > 0 && dc->decoded >= dc->max_count;
}

/* The single-object header our events start with. */
static void so_header(const decode_t *dc, unsigned char *hdr)
{
    uint64_t fp = sr_avro_fingerprint(dc->codec);

    hdr[0] = 0xC3;
    hdr[1] = 0x01;
    for (int i = 0; i < 8; i++) {
        hdr[2 + i] = (unsigned char)(fp >> (8 * i));
    }
}

/* Offset of the next single-object header in p[from..n), or n. */
static size_t find_header(const decode_t *dc, const unsigned char *p,
                          size_t from, size_t n)
{
    unsigned char hdr[SR_AVRO_SO_HEADER_LEN];

    so_header(dc, hdr);
    for (size_t i = from; i + sizeof(hdr) <= n; i++) {
        if (p[i] == 0xC3 && memcmp(p + i, hdr, sizeof(hdr)) == 0) {
            return i;
        }
    }
    return n;
}

/* 1 if more input cannot help: the bytes at p do not start like one of
 * our single-object frames (Confluent frames are judged by the codec). */
static int hopeless(const decode_t *dc, const unsigned char *p, size_t n)
{
    unsigned char hdr[SR_AVRO_SO_HEADER_LEN];
    size_t k = n < sizeof(hdr) ? n : sizeof(hdr);

    if (n == 0 || p[0] == 0x00) {
        return 0;
    }
    so_header(dc, hdr);
    return memcmp(p, hdr, k) != 0;
}

static void report_skip(const char *name, size_t *skipped)
{
    if (*skipped > 0) {
        fprintf(stderr,
                "sitrep decode: %s: skipped %zu bytes to the next frame "
                "header\n",
                name, *skipped);
        *skipped = 0;
    }
}

/* After a frame failed as SR_ERR_UNSUPPORTED: if it is a Confluent frame
 * and a registry is configured, fetches its schema id's schema and
 * declares it to the codec. Returns 1 when the frame is worth decoding
 * again; 0 with err (why the id cannot be read) otherwise. */
static int learn_schema_id(decode_t *dc, const unsigned char *p, size_t n,
                           char *err, size_t err_size)
{
    const char *schema = NULL;
    int32_t id;
    sr_err_t rc;

    if (n < SR_AVRO_CONFLUENT_HEADER_LEN || p[0] != 0x00 ||
        dc->registry == NULL) {
        return 0;
    }
    id = (int32_t)((uint32_t)p[1] << 24 | (uint32_t)p[2] << 16 |
                   (uint32_t)p[3] << 8 | p[4]);
    for (size_t i = 0; i < dc->nfailed_ids; i++) {
        if (dc->failed_ids[i].id == id) {
            snprintf(err, err_size, "%s", dc->failed_ids[i].why);
            return 0;
        }
    }
    rc = sr_registry_get_schema(dc->registry, id, &schema, err, err_size);
    if (rc == SR_OK) {
        rc = sr_avro_codec_add_schema(dc->codec, id, schema, err,
                                      err_size);
    }
    if (rc == SR_OK) {
        return 1;
    }
    /* A registry that is down may answer for the next frame. */
    if (rc != SR_ERR_TRANSIENT && dc->nfailed_ids < MAX_FAILED_IDS) {
        dc->failed_ids[dc->nfailed_ids].id = id;
        dc->failed_ids[dc->nfailed_ids].why = sr_xstrdup(err);
        dc->nfailed_ids++;
    }
    return 0;
}

/* Decodes one whole message (a topic's value), asking the registry for
 * an unknown schema id. */
static sr_err_t decode_message(decode_t *dc, const void *data, size_t len,
                               char *err, size_t err_size)
{
    sr_err_t rc = sr_avro_decode(dc->codec, data, len, &dc->inc, err,
                                 err_size);

    if (rc == SR_ERR_UNSUPPORTED &&
        learn_schema_id(dc, data, len, err, err_size)) {
        rc = sr_avro_decode(dc->codec, data, len, &dc->inc, err, err_size);
    }
    return rc;
}

/* Decodes the frames of one stream. Frames may straddle reads, so a
 * failure with more input to come is retried after the next read; only
 * a frame that still fails at end of input, or once the buffer holds
 * max_frame bytes, is reported. After a failure decoding resumes at the
 * next single-object header. */
static void decode_stream(decode_t *dc, FILE *in, const char *name,
                          size_t max_frame)
{
    unsigned char *buf = sr_xmalloc(max_frame + READ_CHUNK);
    size_t len = 0, start = 0;
    uint64_t base = 0; /* stream offset of buf[0] */
    size_t skipped = 0; /* bytes passed over since the last failure */
    int eof = 0;
    char err[512];

    while (!stop_requested && !count_reached(dc)) {
        size_t used = 0, next;
        sr_err_t rc;

        if (start == len && eof) {
            break;
        }
        if (start < len) {
            rc = sr_avro_decode_frame(dc->codec, buf + start, len - start,
                                      &used, &dc->inc, err, sizeof(err));
        } else {
            rc = SR_ERR_INVALID;
        }
        if (rc == SR_OK) {
            report_skip(name, &skipped);
            print_event(dc, NULL, 0);
            start += used;
            continue;
        }
        if (rc == SR_ERR_UNSUPPORTED &&
            learn_schema_id(dc, buf + start, len - start, err,
                            sizeof(err))) {
            continue;
        }
        if (!eof && len - start < max_frame && rc != SR_ERR_UNSUPPORTED &&
            !hopeless(dc, buf + start, len - start)) {
            size_t got;

            /* Keep the unread tail, then read more. */
            memmove(buf, buf + start, len - start);
            base += start;
            len -= start;
            start = 0;
            /* Lines reach a pipe reader before a read that may block. */
            fflush(stdout);
            got = fread(buf + len, 1, max_frame + READ_CHUNK - len, in);
            len += got;
            if (got == 0) {
                if (ferror(in)) {
                    fprintf(stderr, "sitrep decode: %s: %s\n", name,
                            strerror(errno));
                    dc->failed++;
                    break;
                }
                eof = 1;
            }
            continue;
        }
        if (skipped == 0) {
            fprintf(stderr,
                    "sitrep decode: %s: frame at byte %" PRIu64 ": %s\n",
                    name, base + start, err);
            dc->failed++;
        }
        next = find_header(dc, buf, start + 1, len);
        if (next == len && !eof && len - start > SR_AVRO_SO_HEADER_LEN) {
            /* A header may straddle the read boundary: keep searching
             * from its possible start once more input is in. */
            next = len - (SR_AVRO_SO_HEADER_LEN - 1);
            skipped += next - start;
            start = next;
            continue;
        }
        skipped += next - start;
        start = next;
        report_skip(name, &skipped);
    }
    report_skip(name, &skipped);
    free(buf);
}

static int decode_files(decode_t *dc, int nfiles, char **files,
                        size_t max_frame)
{
    if (nfiles == 0) {
        decode_stream(dc, stdin, "stdin", max_frame);
        return 0;
    }
    for (int i = 0; i < nfiles && !stop_requested && !count_reached(dc);
         i++) {
        FILE *f;

        if (strcmp(files[i], "-") == 0) {
            decode_stream(dc, stdin, "stdin", max_frame);
            continue;
        }
        f = fopen(files[i], "rb");
        if (f == NULL) {
            fprintf(stderr, "sitrep decode: %s: %s\n", files[i],
                    strerror(errno));
            dc->failed++;
            continue;
        }
        decode_stream(dc, f, files[i], max_frame);
        fclose(f);
    }
    return 0;
}

/* ---- topic mode ---- */

typedef struct kconf_s {
    rd_kafka_conf_t *conf;
    char errstr[512];
} kconf_t;

static int set_kafka_prop(const char *name, const char *value, void *opaque)
{
    kconf_t *kc = opaque;

    if (rd_kafka_conf_set(kc->conf, name, value, kc->errstr,
                          sizeof(kc->errstr)) != RD_KAFKA_CONF_OK) {
        return 1;
    }
    return 0;
}

static int64_t now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static rd_kafka_t *make_consumer(const sr_config_t *cfg, const char *brokers)
{
    kconf_t kc = {rd_kafka_conf_new(), ""};
    char group[96];
    rd_kafka_t *rk;

    if (sr_config_foreach_kafka(cfg, SR_KAFKA_CONSUMER, set_kafka_prop,
                                &kc) != 0) {
        fprintf(stderr, "sitrep decode: kafka config: %s\n", kc.errstr);
        rd_kafka_conf_destroy(kc.conf);
        return NULL;
    }
    /* A fresh group that never commits: decoding must not move anyone's
     * offsets. */
    snprintf(group, sizeof(group), "sitrep-decode-%ld-%" PRId64,
             (long)getpid(), now_ms());
    if ((brokers != NULL &&
         set_kafka_prop("bootstrap.servers", brokers, &kc) != 0) ||
        (sr_config_kafka_get(cfg, SR_KAFKA_CONSUMER, "group.id") == NULL &&
         set_kafka_prop("group.id", group, &kc) != 0) ||
        set_kafka_prop("enable.auto.commit", "false", &kc) != 0 ||
        set_kafka_prop("enable.partition.eof", "true", &kc) != 0 ||
        set_kafka_prop("auto.offset.reset", "earliest", &kc) != 0) {
        fprintf(stderr, "sitrep decode: kafka config: %s\n", kc.errstr);
        rd_kafka_conf_destroy(kc.conf);
        return NULL;
    }
    rk = rd_kafka_new(RD_KAFKA_CONSUMER, kc.conf, kc.errstr,
                      sizeof(kc.errstr));
    if (rk == NULL) {
        fprintf(stderr, "sitrep decode: kafka consumer: %s\n", kc.errstr);
        rd_kafka_conf_destroy(kc.conf);
        return NULL;
    }
    rd_kafka_poll_set_consumer(rk);
    return rk;
}

/* Assigns every partition of topic at its beginning. Returns the number
 * of partitions, or -1. */
static int assign_all(rd_kafka_t *rk, const char *topic, int timeout_ms)
{
    const struct rd_kafka_metadata *md = NULL;
    rd_kafka_topic_partition_list_t *parts;
    rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
    rd_kafka_resp_err_t err;
    int n = -1;

    err = rd_kafka_metadata(rk, 0, rkt, &md, timeout_ms);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        fprintf(stderr, "sitrep decode: metadata for %s: %s\n", topic,
                rd_kafka_err2str(err));
        goto out;
    }
    if (md->topic_cnt != 1 || md->topics[0].err != RD_KAFKA_RESP_ERR_NO_ERROR ||
        md->topics[0].partition_cnt == 0) {
        fprintf(stderr, "sitrep decode: topic %s: %s\n", topic,
                md->topic_cnt == 1 && md->topics[0].err
                    ? rd_kafka_err2str(md->topics[0].err)
                    : "no partitions");
        goto out;
    }
    n = md->topics[0].partition_cnt;
    parts = rd_kafka_topic_partition_list_new(n);
    for (int i = 0; i < n; i++) {
        rd_kafka_topic_partition_list_add(parts, topic,
                                          md->topics[0].partitions[i].id)
            ->offset = RD_KAFKA_OFFSET_BEGINNING;
    }
    err = rd_kafka_assign(rk, parts);
    rd_kafka_topic_partition_list_destroy(parts);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        fprintf(stderr, "sitrep decode: assign %s: %s\n", topic,
                rd_kafka_err2str(err));
        n = -1;
    }
out:
    if (md != NULL) {
        rd_kafka_metadata_destroy(md);
    }
    rd_kafka_topic_destroy(rkt);
    return n;
}

/* Returns 0, or 1 on a Kafka error or an unmet --count. */
static int decode_topic(decode_t *dc, const sr_config_t *cfg,
                        const char *topic, const char *brokers,
                        int exit_eof, int timeout_ms)
{
    rd_kafka_t *rk = make_consumer(cfg, brokers);
    char *at_eof = NULL;
    int nparts, eof_count = 0, rc = 0;
    int64_t last = now_ms();
    char err[512];

    if (rk == NULL) {
        return 1;
    }
    nparts = assign_all(rk, topic, timeout_ms > 0 ? timeout_ms : 10000);
    if (nparts < 0) {
        rc = 1;
        goto out;
    }
    at_eof = sr_xcalloc((size_t)nparts, 1);
    while (!stop_requested && !count_reached(dc)) {
        rd_kafka_message_t *rkm = rd_kafka_consumer_poll(rk, 100);

        if (rkm == NULL) {
            if (timeout_ms > 0 && now_ms() - last >= timeout_ms) {
                fprintf(stderr,
                        "sitrep decode: no message for %d ms, stopping\n",
                        timeout_ms);
                rc = dc->max_count > 0 ? 1 : 0;
                break;
            }
            continue;
        }
        if (rkm->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            if (rkm->partition >= 0 && rkm->partition < nparts &&
                !at_eof[rkm->partition]) {
                at_eof[rkm->partition] = 1;
                eof_count++;
            }
            rd_kafka_message_destroy(rkm);
            if (exit_eof && eof_count == nparts) {
                break;
            }
            continue;
        }
        if (rkm->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            fprintf(stderr, "sitrep decode: %s [%" PRId32 "]: %s\n", topic,
                    rkm->partition, rd_kafka_message_errstr(rkm));
            rc = 1;
            rd_kafka_message_destroy(rkm);
            if (rd_kafka_fatal_error(rk, NULL, 0) != 0) {
                break;
            }
            continue;
        }
        last = now_ms();
        if (rkm->partition >= 0 && rkm->partition < nparts &&
            at_eof[rkm->partition]) {
            at_eof[rkm->partition] = 0;
            eof_count--;
        }
        if (rkm->payload == NULL) {
            fprintf(stderr,
                    "sitrep decode: %s [%" PRId32 "] at offset %" PRId64
                    ": empty message\n",
                    topic, rkm->partition, rkm->offset);
            dc->failed++;
        } else if (decode_message(dc, rkm->payload, rkm->len, err,
                                  sizeof(err)) == SR_OK) {
            print_event(dc, rkm->key, rkm->key_len);
        } else {
            fprintf(stderr,
                    "sitrep decode: %s [%" PRId32 "] at offset %" PRId64
                    ": %s\n",
                    topic, rkm->partition, rkm->offset, err);
            dc->failed++;
        }
        rd_kafka_message_destroy(rkm);
        fflush(stdout);
    }
out:
    free(at_eof);
    rd_kafka_consumer_close(rk);
    rd_kafka_destroy(rk);
    return rc;
}

/* Parses a non-negative integer option. */
static int parse_count(const char *s, int64_t max, int64_t *out)
{
    char *end;
    long long v;

    errno = 0;
    v = strtoll(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < 0 || v > max) {
        return -1;
    }
    *out = v;
    return 0;
}

int sr_cmd_decode(int argc, char **argv)
{
    static const struct option long_opts[] = {
        {"topic", required_argument, NULL, 't'},
        {"brokers", required_argument, NULL, 'b'},
        {"exit-eof", no_argument, NULL, 'e'},
        {"count", required_argument, NULL, 'n'},
        {"timeout-ms", required_argument, NULL, 'T'},
        {"key", no_argument, NULL, 'k'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    sr_cli_options_t opts;
    sr_config_t *cfg = NULL;
    decode_t dc;
    const char *topic = NULL, *brokers = NULL;
    int exit_eof = 0, c, rc = SR_EXIT_OK;
    int64_t timeout_ms = 0;
    size_t max_frame;
    char err[256];

    memset(&dc, 0, sizeof(dc));
    sr_cli_options_init(&opts);
    optind = 1;
    while ((c = getopt_long(argc, argv, "c:X:t:b:en:T:kh", long_opts,
                            NULL)) != -1) {
        if (sr_cli_options_add(&opts, c, optarg)) {
            continue;
        }
        switch (c) {
        case 't': topic = optarg; break;
        case 'b': brokers = optarg; break;
        case 'e': exit_eof = 1; break;
        case 'k': dc.with_key = 1; break;
        case 'n':
            if (parse_count(optarg, INT64_MAX, &dc.max_count) != 0) {
                fprintf(stderr, "sitrep decode: bad --count '%s'\n", optarg);
                rc = SR_EXIT_CONFIG;
            }
            break;
        case 'T':
            if (parse_count(optarg, 86400000, &timeout_ms) != 0) {
                fprintf(stderr, "sitrep decode: bad --timeout-ms '%s'\n",
                        optarg);
                rc = SR_EXIT_CONFIG;
            }
            break;
        case 'h':
            usage(stdout);
            sr_cli_options_clear(&opts);
            return SR_EXIT_OK;
        default:
            rc = SR_EXIT_CONFIG;
        }
    }
    if (rc == SR_EXIT_OK && topic != NULL && optind < argc) {
        fprintf(stderr, "sitrep decode: FILE arguments and -t exclude each "
                        "other\n");
        rc = SR_EXIT_CONFIG;
    }
    if (rc != SR_EXIT_OK) {
        usage(stderr);
        sr_cli_options_clear(&opts);
        return rc;
    }
    cfg = sr_cli_options_load(&opts);
    sr_cli_options_clear(&opts);
    if (cfg == NULL) {
        return SR_EXIT_CONFIG;
    }
    if (topic != NULL && brokers == NULL &&
        sr_config_kafka_get(cfg, SR_KAFKA_CONSUMER, "bootstrap.servers") ==
            NULL) {
        fprintf(stderr, "sitrep decode: -t needs -b BROKERS or "
                        "kafka.bootstrap.servers\n");
        sr_config_destroy(cfg);
        return SR_EXIT_CONFIG;
    }
    dc.codec = sr_avro_codec_new(err, sizeof(err));
    if (dc.codec == NULL) {
        fprintf(stderr, "sitrep decode: %s\n", err);
        sr_config_destroy(cfg);
        return SR_EXIT_FATAL;
    }
    if (cfg->schema_registry_url[0] != '\0') {
        dc.registry = sr_registry_from_config(cfg, err, sizeof(err));
        if (dc.registry == NULL) {
            fprintf(stderr, "sitrep decode: %s\n", err);
            sr_avro_codec_destroy(dc.codec);
            sr_config_destroy(cfg);
            return SR_EXIT_CONFIG;
        }
    }
    /* An event carries at most the text of one article, several times
     * over (fields, evidence): twice the article cap is generous. */
    max_frame = 2 * (size_t)cfg->max_article_bytes + 65536;
    sr_incident_init(&dc.inc);
    sr_buf_init(&dc.line, 8 * max_frame);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);

    if (topic != NULL) {
        rc = decode_topic(&dc, cfg, topic, brokers, exit_eof,
                          (int)timeout_ms);
    } else {
        rc = decode_files(&dc, argc - optind, argv + optind, max_frame);
    }
    fflush(stdout);
    if (dc.failed > 0) {
        fprintf(stderr, "sitrep decode: %" PRId64 " decoded, %" PRId64
                        " failed\n",
                dc.decoded, dc.failed);
        rc = 1;
    }
    sr_incident_clear(&dc.inc);
    sr_buf_clear(&dc.line);
    sr_avro_codec_destroy(dc.codec);
    sr_registry_destroy(dc.registry);
    for (size_t i = 0; i < dc.nfailed_ids; i++) {
        free(dc.failed_ids[i].why);
    }
    sr_config_destroy(cfg);
    return rc != 0 ? SR_EXIT_FATAL : SR_EXIT_OK;
}
