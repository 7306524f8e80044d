/* cmd_geocoder.c - `sitrep geocoder serve`: the gazetteer
 * (gazetteer.path + places.path) behind Nominatim's /search, Photon's
 * /api and Pelias' /v1/search (geoserver.h).
 *
 * The first line on stdout is the base URL ("http://127.0.0.1:PORT"), so
 * a script can start it on port 0 and read where it listens. SIGTERM or
 * SIGINT stop it cleanly (exit 0), logging the number of searches and
 * the most seen within one second (also on GET /status?format=json).
 */
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gazetteer.h"
#include "geoserver.h"
#include "log.h"

static const char usage_text[] =
    "usage: sitrep geocoder serve [--listen HOST:PORT] [-c FILE] "
    "[-X key=value]...\n"
    "  --listen HOST:PORT  address (default 127.0.0.1:0, any free port)\n"
    "serves /search (Nominatim), /api (Photon), /v1/search (Pelias), "
    "/status\n"
    "test faults:\n"
    "  --delay-ms N        answer every request after N ms\n"
    "  --error-rate P      answer a fraction P of searches with 503\n"
    "  --fail-first N      answer the first N searches with 503\n"
    "  --status-code N     status of those failures instead of 503 "
    "(400..599)\n"
    "  --retry-after S     add 'Retry-After: S' to those failures\n";

static int parse_number(const char *s, double min, double max, double *out)
{
    char *end;

    *out = strtod(s, &end);
    return end != s && *end == '\0' && *out >= min && *out <= max;
}

int sr_cmd_geocoder(int argc, char **argv)
{
    static const struct option long_opts[] = {
        {"listen", required_argument, NULL, 'l'},
        {"delay-ms", required_argument, NULL, 'd'},
        {"error-rate", required_argument, NULL, 'e'},
        {"fail-first", required_argument, NULL, 'f'},
        {"status-code", required_argument, NULL, 's'},
        {"retry-after", required_argument, NULL, 'r'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    sr_geoserver_opts_t so = {"127.0.0.1:0", 0, 0.0, 0, 0, 0, 0};
    sr_cli_options_t opts;
    sr_config_t *cfg = NULL;
    sr_gazetteer_t *gz = NULL;
    sr_geoserver_t *gs = NULL;
    sigset_t sigs;
    char err[1024];
    double v;
    int c, sig, rc = SR_EXIT_CONFIG;

    if (argc < 2 || strcmp(argv[1], "serve") != 0) {
        int help = argc >= 2 && (strcmp(argv[1], "-h") == 0 ||
                                 strcmp(argv[1], "--help") == 0);

        fputs(usage_text, help ? stdout : stderr);
        return help ? SR_EXIT_OK : SR_EXIT_CONFIG;
    }
    argc--;
    argv++;
    sr_cli_options_init(&opts);
    optind = 1;
    while ((c = getopt_long(argc, argv, "c:X:h", long_opts, NULL)) != -1) {
        if (sr_cli_options_add(&opts, c, optarg)) {
            continue;
        }
        if (c == 'l') {
            so.listen = optarg;
        } else if (c == 'd' && parse_number(optarg, 0, 3600000, &v)) {
            so.delay_ms = (int)v;
        } else if (c == 'e' && parse_number(optarg, 0, 1, &v)) {
            so.error_rate = v;
        } else if (c == 'f' && parse_number(optarg, 0, 1e9, &v)) {
            so.fail_first = (int)v;
        } else if (c == 's' && parse_number(optarg, 400, 599, &v)) {
            so.status_code = (int)v;
        } else if (c == 'r' && parse_number(optarg, 0, 86400, &v)) {
            so.retry_after_s = (int)v;
        } else {
            if (c != 'h' && c != '?') {
                fprintf(stderr, "sitrep: geocoder: bad value '%s'\n",
                        optarg);
            }
            fputs(usage_text, c == 'h' ? stdout : stderr);
            sr_cli_options_clear(&opts);
            return c == 'h' ? SR_EXIT_OK : SR_EXIT_CONFIG;
        }
    }
    if (optind != argc) {
        fputs(usage_text, stderr);
        sr_cli_options_clear(&opts);
        return SR_EXIT_CONFIG;
    }
    cfg = sr_cli_options_load(&opts);
    if (cfg == NULL) {
        return SR_EXIT_CONFIG;
    }
    gz = sr_gazetteer_open_config(cfg, err, sizeof(err));
    if (gz == NULL) {
        fprintf(stderr, "sitrep: %s\n", err);
        goto out;
    }
    /* Blocked before the server's threads exist, so that they inherit the
     * mask and only sigwait() below sees the signals. */
    /* A shell starts background jobs with SIGINT ignored; an ignored
     * signal never reaches sigwait(), so restore the default first. */
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    gs = sr_geoserver_start(gz, &so, err, sizeof(err));
    if (gs == NULL) {
        fprintf(stderr, "sitrep: geocoder: %s\n", err);
        rc = SR_EXIT_FATAL;
        goto out;
    }
    printf("%s\n", sr_geoserver_url(gs));
    fflush(stdout);
    SR_LOG(SR_LOG_INFO, "GEOCODE",
           "serving %zu countries, %zu admin1, %zu places on %s",
           sr_gazetteer_count(gz, SR_PLACE_COUNTRY),
           sr_gazetteer_count(gz, SR_PLACE_ADMIN1),
           sr_gazetteer_count(gz, SR_PLACE_CITY), sr_geoserver_url(gs));
    do {
        if (sigwait(&sigs, &sig) != 0) {
            sig = 0;
        }
    } while (sig != SIGINT && sig != SIGTERM);
    SR_LOG(SR_LOG_INFO, "GEOCODE",
           "signal %d: stopping after %llu searches (at most %llu in one "
           "second)",
           sig, (unsigned long long)sr_geoserver_searches(gs),
           (unsigned long long)sr_geoserver_max_per_second(gs));
    rc = SR_EXIT_OK;
out:
    sr_geoserver_stop(gs);
    sr_gazetteer_destroy(gz);
    sr_config_destroy(cfg);
    return rc;
}
