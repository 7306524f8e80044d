/* cli.c - options shared by every subcommand. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

#include "log.h"
#include "xmalloc.h"

extern char **environ;

void sr_cli_options_init(sr_cli_options_t *opts)
{
    opts->config_path = NULL;
    opts->xargs = NULL;
    opts->xarg_count = 0;
    opts->xarg_cap = 0;
}

void sr_cli_options_clear(sr_cli_options_t *opts)
{
    free(opts->xargs);
    sr_cli_options_init(opts);
}

int sr_cli_options_add(sr_cli_options_t *opts, int c, char *arg)
{
    if (c == 'c') {
        opts->config_path = arg;
        return 1;
    }
    if (c == 'X') {
        sr_xgrow((void **)&opts->xargs, &opts->xarg_cap,
                 opts->xarg_count + 1, sizeof(*opts->xargs));
        opts->xargs[opts->xarg_count++] = arg;
        return 1;
    }
    return 0;
}

sr_config_t *sr_cli_options_load(sr_cli_options_t *opts)
{
    sr_config_t *cfg = sr_config_new();
    char err[1024];

    if (opts->config_path != NULL &&
        sr_config_load_file(cfg, opts->config_path, err, sizeof(err)) !=
            SR_OK) {
        goto fail;
    }
    if (sr_config_load_env(cfg, environ, err, sizeof(err)) != SR_OK) {
        goto fail;
    }
    for (size_t i = 0; i < opts->xarg_count; i++) {
        if (sr_config_set_arg(cfg, opts->xargs[i], err, sizeof(err)) !=
            SR_OK) {
            goto fail;
        }
    }
    /* Values were validated against their choices, so this cannot fail. */
    sr_log_setup(cfg->log_level, cfg->log_format);
    sr_cli_options_clear(opts);
    return cfg;

fail:
    fprintf(stderr, "sitrep: %s\n", err);
    sr_config_destroy(cfg);
    sr_cli_options_clear(opts);
    return NULL;
}
