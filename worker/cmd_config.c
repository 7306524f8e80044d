/* cmd_config.c - `sitrep config --dump`: the effective configuration. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

int sr_cmd_config(int argc, char **argv)
{
    static const struct option long_opts[] = {
        {"dump", no_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    sr_cli_options_t opts;
    sr_config_t *cfg;
    int dump = 0;
    int c;

    sr_cli_options_init(&opts);
    while ((c = getopt_long(argc, argv, "c:X:h", long_opts, NULL)) != -1) {
        if (sr_cli_options_add(&opts, c, optarg)) {
            continue;
        }
        if (c == 'd') {
            dump = 1;
            continue;
        }
        fprintf(c == 'h' ? stdout : stderr,
                "usage: sitrep config --dump [-c FILE] [-X key=value]...\n");
        sr_cli_options_clear(&opts);
        return c == 'h' ? SR_EXIT_OK : SR_EXIT_CONFIG;
    }
    if (!dump) {
        fprintf(stderr, "usage: sitrep config --dump [-c FILE] "
                        "[-X key=value]...\n");
        sr_cli_options_clear(&opts);
        return SR_EXIT_CONFIG;
    }
    cfg = sr_cli_options_load(&opts);
    if (cfg == NULL) {
        return SR_EXIT_CONFIG;
    }
    sr_config_dump(cfg, stdout);
    sr_config_destroy(cfg);
    return SR_EXIT_OK;
}
