/* cli.h - the sitrep subcommands and what they share.
 *
 * main.c dispatches `sitrep <command> ...` to one sr_cmd_* function; each
 * lives in its own file (worker/cmd_<name>.c or next to its stage) and
 * returns the process exit code: 0 success, 1 fatal error, 2 bad
 * configuration or usage.
 */
#ifndef SR_WORKER_CLI_H
#define SR_WORKER_CLI_H

#include <stddef.h>

#include "config.h"

#define SR_EXIT_OK 0
#define SR_EXIT_FATAL 1
#define SR_EXIT_CONFIG 2

#include "version.h"

int sr_cmd_run(int argc, char **argv);      /* worker/kafka/cmd_run.c */
int sr_cmd_extract(int argc, char **argv);  /* worker/cmd_extract.c */
int sr_cmd_decode(int argc, char **argv);   /* worker/cmd_decode.c */
int sr_cmd_geocoder(int argc, char **argv); /* worker/geo/cmd_geocoder.c */
int sr_cmd_gazetteer(int argc, char **argv);/* worker/geo/cmd_gazetteer.c */
int sr_cmd_config(int argc, char **argv);   /* worker/cmd_config.c */

/* Collects the options every command shares: -c FILE and -X key=value
 * (repeatable). Commands call sr_cli_options_add() from their getopt loop
 * and sr_cli_options_load() once parsing is done (it clears the options,
 * so no further sr_cli_options_clear() is needed). */
typedef struct sr_cli_options_s {
    const char *config_path; /* -c, or NULL */
    char **xargs;            /* -X values, borrowed from argv */
    size_t xarg_count, xarg_cap;
} sr_cli_options_t;

void sr_cli_options_init(sr_cli_options_t *opts);
void sr_cli_options_clear(sr_cli_options_t *opts);
/* Handles option c ('c' or 'X') with its argument. Returns 1 if it was a
 * shared option, 0 otherwise. */
int sr_cli_options_add(sr_cli_options_t *opts, int c, char *arg);
/* Builds the effective config (defaults < file < SITREP_* environment <
 * -X), applies log.level / log.format and clears opts. On error prints
 * "sitrep: <origin>: <reason>" to stderr and returns NULL (exit 2). */
sr_config_t *sr_cli_options_load(sr_cli_options_t *opts);

#endif
