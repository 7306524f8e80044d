/* main.c - `sitrep <command>`: dispatch to the subcommands. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct command {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"run", sr_cmd_run, "consume articles from Kafka, produce incidents"},
    {"extract", sr_cmd_extract,
     "articles on stdin (one JSON per line) -> incidents as JSON lines"},
    {"decode", sr_cmd_decode, "Avro incident events -> JSON lines"},
    {"geocoder", sr_cmd_geocoder,
     "geocoder serve: the gazetteer over a Nominatim-style HTTP API"},
    {"gazetteer", sr_cmd_gazetteer,
     "gazetteer build: compile GeoNames data into the gazetteer file"},
    {"config", sr_cmd_config, "config --dump: print the effective config"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: sitrep <command> [options]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    }
    fprintf(out, "\nCommon options: -c FILE (properties file), "
                 "-X key=value (repeatable).\n"
                 "`sitrep <command> -h` shows a command's options.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return SR_EXIT_CONFIG;
    }
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return SR_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0 ||
        strcmp(argv[1], "version") == 0) {
        printf("sitrep %s\n", SR_VERSION);
        return SR_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        if (strcmp(argv[1], commands[i].name) == 0) {
            return commands[i].fn(argc - 1, argv + 1);
        }
    }
    fprintf(stderr, "sitrep: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return SR_EXIT_CONFIG;
}
