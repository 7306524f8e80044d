/* cmd_run.c - `sitrep run`: the Kafka worker.
 *
 * Parses -c/-X, installs the SIGTERM/SIGINT handlers (a flag only; the
 * loop in run.c does the clean shutdown) and hands over to sr_run().
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "run.h"

static volatile sig_atomic_t stop_requested;

/* The first signal asks for a drained shutdown, a second one for a
 * prompt one (what is in flight is then replayed by the next run). */
static void on_signal(int sig)
{
    (void)sig;
    stop_requested = stop_requested ? 2 : 1;
}

static int usage(FILE *out, int rc)
{
    fprintf(out,
            "usage: sitrep run [-c FILE] [-X key=value]...\n"
            "Consumes articles from input.topic, produces one Avro event per\n"
            "incident to output.topic, dead-letters bad input. Needs at least\n"
            "kafka.bootstrap.servers. SIGTERM/SIGINT: drain and exit 0 (a\n"
            "second signal stops without waiting for in-flight work).\n"
            "At-least-once by default; -X processing.guarantee=exactly_once\n"
            "uses Kafka transactions (give each worker its own worker.id).\n"
            "Exit codes: 0 clean stop, 1 fatal error (e.g. producer fenced),\n"
            "2 bad configuration.\n");
    return rc;
}

int sr_cmd_run(int argc, char **argv)
{
    sr_cli_options_t opts;
    sr_config_t *cfg;
    struct sigaction sa;
    int c, rc;

    sr_cli_options_init(&opts);
    while ((c = getopt(argc, argv, "c:X:h")) != -1) {
        if (!sr_cli_options_add(&opts, c, optarg)) {
            sr_cli_options_clear(&opts);
            return usage(c == 'h' ? stdout : stderr,
                         c == 'h' ? SR_EXIT_OK : SR_EXIT_CONFIG);
        }
    }
    if (optind < argc) {
        sr_cli_options_clear(&opts);
        return usage(stderr, SR_EXIT_CONFIG);
    }
    cfg = sr_cli_options_load(&opts);
    sr_cli_options_clear(&opts);
    if (cfg == NULL) {
        return SR_EXIT_CONFIG;
    }
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    rc = sr_run(cfg, &stop_requested);
    sr_config_destroy(cfg);
    return rc;
}
