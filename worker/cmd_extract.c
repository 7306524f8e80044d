/* cmd_extract.c - `sitrep extract`: articles on stdin -> incidents on stdout.
 *
 * Contract 3.2: one article (contract 3.1) per input line, one JSON object
 * per incident per output line, nothing else on stdout. A bad line is
 * reported on stderr with its number and skipped; the exit status is 0
 * whenever the input could be read. With geocoder.url set, places are
 * looked up over HTTP too (waiting for the answers: this shell has no
 * stream to keep flowing).
 *
 * --format avro writes the same incidents as one Avro object container
 * file instead (schema codecs/schemas/incident.avsc in its header), for
 * readers with a standard Avro library; a block is written after every
 * input line, so a pipe sees incidents as they come.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "avro_ocf.h"
#include "buf.h"
#include "cli.h"
#include "gazetteer.h"
#include "geocoder.h"
#include "incident_avro.h"
#include "incident_json.h"
#include "log.h"
#include "pipeline.h"

/* Reads one line into line (without the newline). Returns 1 for a line,
 * 0 at end of input; *too_long is set when the line exceeded the buffer's
 * limit (the rest of it is consumed and discarded). */
static int read_line(FILE *in, sr_buf_t *line, int *too_long)
{
    char chunk[65536];
    int got = 0;

    sr_buf_reset(line);
    *too_long = 0;
    while (fgets(chunk, sizeof(chunk), in) != NULL) {
        size_t n = strlen(chunk);
        int complete = n > 0 && chunk[n - 1] == '\n';

        got = 1;
        if (complete) {
            n--;
        }
        if (!*too_long && sr_buf_append(line, chunk, n) != SR_OK) {
            *too_long = 1;
        }
        if (complete) {
            break;
        }
    }
    return got;
}

static void apply_answer(void *opaque, const sr_geocode_result_t *res)
{
    sr_geocode_apply(opaque, res);
}

static int usage(FILE *out, int rc)
{
    fprintf(out,
            "usage: sitrep extract [--format json|avro] [-c FILE] "
            "[-X key=value]...\n"
            "Reads articles (one JSON object or text per line) on stdin and\n"
            "writes one JSON object per incident per line on stdout, or\n"
            "with --format avro one Avro object container file.\n");
    return rc;
}

int sr_cmd_extract(int argc, char **argv)
{
    sr_cli_options_t opts;
    sr_config_t *cfg;
    sr_gazetteer_t *gz = NULL;
    sr_pipeline_t *pl = NULL;
    sr_geocoder_t *gc = NULL;
    sr_avro_codec_t *codec = NULL;
    sr_avro_ocf_t *ocf = NULL;
    sr_buf_t line, enc; /* enc: one encoded incident */
    char err[1024];
    long lineno = 0, bad = 0;
    int rc = SR_EXIT_OK;
    int avro = 0;
    int c;
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };

    sr_cli_options_init(&opts);
    while ((c = getopt_long(argc, argv, "c:X:f:h", longopts, NULL)) != -1) {
        if (c == 'f' && (strcmp(optarg, "json") == 0 ||
                         strcmp(optarg, "avro") == 0)) {
            avro = strcmp(optarg, "avro") == 0;
            continue;
        }
        if (c == 'f') {
            fprintf(stderr, "sitrep: extract: unknown format '%s' (json or "
                            "avro)\n", optarg);
        }
        if (c == 'f' || !sr_cli_options_add(&opts, c, optarg)) {
            sr_cli_options_clear(&opts);
            return usage(c == 'h' ? stdout : stderr,
                         c == 'h' ? SR_EXIT_OK : SR_EXIT_CONFIG);
        }
    }
    cfg = sr_cli_options_load(&opts);
    if (cfg == NULL) {
        return SR_EXIT_CONFIG;
    }
    gz = sr_gazetteer_open_config(cfg, err, sizeof(err));
    if (gz == NULL) {
        fprintf(stderr, "sitrep: %s\n", err);
        rc = SR_EXIT_CONFIG;
        goto out;
    }
    pl = sr_pipeline_new(cfg, gz, err, sizeof(err));
    if (pl == NULL) {
        fprintf(stderr, "sitrep: %s\n", err);
        rc = SR_EXIT_CONFIG;
        goto out;
    }
    if (cfg->geocoder_url[0] != '\0') {
        gc = sr_geocoder_new(cfg, err, sizeof(err));
        if (gc == NULL) {
            fprintf(stderr, "sitrep: geocoder: %s\n", err);
            rc = SR_EXIT_CONFIG;
            goto out;
        }
    }
    if (avro) {
        if (isatty(STDOUT_FILENO)) {
            fprintf(stderr, "sitrep: extract: not writing binary Avro to a "
                            "terminal; redirect stdout\n");
            rc = SR_EXIT_CONFIG;
            goto out;
        }
        codec = sr_avro_codec_new(err, sizeof(err));
        ocf = codec == NULL ? NULL
                            : sr_avro_ocf_new(stdout, sr_incident_avsc,
                                              sr_incident_avsc_len, NULL, 0,
                                              err, sizeof(err));
        if (ocf == NULL) {
            fprintf(stderr, "sitrep: extract: %s\n", err);
            rc = SR_EXIT_FATAL;
            goto out;
        }
    }
    sr_buf_init(&line, (size_t)cfg->max_article_bytes);
    sr_buf_init(&enc, 0);
    for (;;) {
        sr_article_t art;
        sr_incident_list_t incidents;
        const char *stage = NULL;
        char default_id[64];
        int too_long;

        if (!read_line(stdin, &line, &too_long)) {
            break;
        }
        lineno++;
        if (too_long) {
            fprintf(stderr, "sitrep: line %ld: %s: message over "
                            "max.article.bytes (%lld)\n",
                    lineno, SR_STAGE_DECODE,
                    (long long)cfg->max_article_bytes);
            bad++;
            continue;
        }
        if (line.len == 0) {
            continue;
        }
        snprintf(default_id, sizeof(default_id), "stdin/%ld", lineno);
        sr_article_init(&art);
        sr_incident_list_init(&incidents);
        if (sr_pipeline_process(pl, line.data, line.len, default_id, -1,
                                &art, &incidents, &stage, err,
                                sizeof(err)) != SR_OK) {
            fprintf(stderr, "sitrep: line %ld: %s: %s\n", lineno, stage,
                    err);
            bad++;
        } else {
            for (size_t i = 0; gc != NULL && i < incidents.count; i++) {
                sr_location_t *loc = &incidents.items[i].location;

                if (loc->name != NULL) {
                    sr_geocoder_submit(gc, loc->name, loc->country_code,
                                       apply_answer, loc);
                }
            }
            while (gc != NULL && sr_geocoder_perform(gc, 100) > 0) {
            }
            for (size_t i = 0; i < incidents.count; i++) {
                sr_buf_reset(&enc);
                if ((avro ? sr_avro_encode_body(codec, &incidents.items[i],
                                                &enc, err, sizeof(err))
                          : sr_incident_to_json(&incidents.items[i], &enc,
                                                err, sizeof(err))) != SR_OK) {
                    fprintf(stderr, "sitrep: line %ld: encode: %s\n", lineno,
                            err);
                    bad++;
                    continue;
                }
                if (avro) {
                    if (sr_avro_ocf_append(ocf, enc.data, enc.len, err,
                                           sizeof(err)) != SR_OK) {
                        fprintf(stderr, "sitrep: extract: %s\n", err);
                        rc = SR_EXIT_FATAL;
                        break;
                    }
                    continue;
                }
                sr_buf_putc(&enc, '\n');
                fwrite(enc.data, 1, enc.len, stdout);
            }
            if (avro && rc == SR_EXIT_OK &&
                sr_avro_ocf_flush(ocf, err, sizeof(err)) != SR_OK) {
                fprintf(stderr, "sitrep: extract: %s\n", err);
                rc = SR_EXIT_FATAL;
            }
            fflush(stdout);
        }
        sr_incident_list_clear(&incidents);
        sr_article_clear(&art);
        if (rc != SR_EXIT_OK) {
            break;
        }
    }
    if (ferror(stdin)) {
        fprintf(stderr, "sitrep: error reading stdin\n");
        rc = SR_EXIT_FATAL;
    }
    if (bad > 0) {
        SR_LOG(SR_LOG_INFO, "EXTRACT", "%ld of %ld lines could not be "
               "processed", bad, lineno);
    }
    sr_buf_clear(&line);
    sr_buf_clear(&enc);

out:
    sr_avro_ocf_destroy(ocf);
    sr_avro_codec_destroy(codec);
    sr_geocoder_destroy(gc);
    sr_pipeline_destroy(pl);
    sr_gazetteer_destroy(gz);
    sr_config_destroy(cfg);
    return rc;
}
