/* bench_extract.c - throughput of dedup + extraction alone.
 *
 *   bench_extract [-c FILE] [-X key=value]... [-p PASSES] CORPUS.jsonl
 *
 * Loads the configuration, gazetteer and actor dictionary once, decodes
 * every article of CORPUS (contract 3.1, one per line) into memory, then
 * times passes of dedup + extract over all of them: no I/O, no JSON, no
 * start-up inside the clock. Reports the best pass (least CPU time, which
 * other load on the machine disturbs least) as articles/s and MB/s of body
 * text on one core, and incidents per article.
 *
 * Each pass runs in run_pass(), so that
 *   valgrind --tool=callgrind --toggle-collect=run_pass bench_extract -p 1 F
 * counts the instructions of extraction alone.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "article.h"
#include "cli.h"
#include "dedup.h"
#include "extract.h"
#include "gazetteer.h"
#include "incident.h"
#include "xmalloc.h"

typedef struct corpus_s {
    sr_article_t *arts;
    size_t count, cap;
    size_t bytes; /* body bytes before dedup */
} corpus_t;

typedef struct tally_s {
    size_t incidents, main_events, failures;
} tally_t;

static double seconds(clockid_t clk)
{
    struct timespec ts;

    clock_gettime(clk, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int load_corpus(const char *path, const sr_config_t *cfg,
                       corpus_t *c)
{
    sr_article_limits_t lim = {(size_t)cfg->max_article_bytes,
                               (size_t)cfg->max_paragraphs};
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t line_cap = 0;
    ssize_t n;
    long lineno = 0;

    if (f == NULL) {
        perror(path);
        return -1;
    }
    while ((n = getline(&line, &line_cap, f)) > 0) {
        sr_article_t art;
        char err[256];

        lineno++;
        sr_article_init(&art);
        if (sr_article_decode(line, (size_t)n, &lim, &art, err,
                              sizeof(err)) != SR_OK) {
            fprintf(stderr, "bench_extract: %s:%ld: %s (skipped)\n", path,
                    lineno, err);
            continue;
        }
        sr_xgrow((void **)&c->arts, &c->cap, c->count + 1, sizeof(*c->arts));
        c->arts[c->count++] = art;
        c->bytes += art.body_len;
    }
    free(line);
    fclose(f);
    return 0;
}

/* One pass over work[] (bodies owned by the pass: dedup replaces them). */
__attribute__((noinline)) static void run_pass(sr_dedup_t *dd,
                                               sr_extractor_t *ex,
                                               sr_article_t *work,
                                               size_t count, tally_t *t)
{
    char err[256];

    for (size_t i = 0; i < count; i++) {
        sr_incident_list_t out;
        int removed;

        sr_incident_list_init(&out);
        if (sr_dedup_article(dd, &work[i], &removed, err, sizeof(err)) !=
                SR_OK ||
            sr_extractor_run(ex, &work[i], &out, err, sizeof(err)) != SR_OK) {
            t->failures++;
        }
        for (size_t k = 0; k < out.count; k++) {
            t->main_events += out.items[k].role == SR_ROLE_MAIN_EVENT;
        }
        t->incidents += out.count;
        sr_incident_list_clear(&out);
    }
}

static int usage(void)
{
    fprintf(stderr, "usage: bench_extract [-c FILE] [-X key=value]... "
                    "[-p PASSES] CORPUS.jsonl\n");
    return 2;
}

int main(int argc, char **argv)
{
    sr_cli_options_t opts;
    sr_config_t *cfg;
    sr_gazetteer_t *gz = NULL;
    sr_dedup_t *dd = NULL;
    sr_extractor_t *ex = NULL;
    corpus_t corpus = {0};
    sr_article_t *work = NULL;
    double best_cpu = 0, best_wall = 0;
    tally_t tally = {0};
    long passes = 5;
    char err[1024];
    int rc = 1, c;

    sr_cli_options_init(&opts);
    while ((c = getopt(argc, argv, "c:X:p:")) != -1) {
        if (c == 'p') {
            passes = strtol(optarg, NULL, 10);
            continue;
        }
        if (!sr_cli_options_add(&opts, c, optarg)) {
            sr_cli_options_clear(&opts);
            return usage();
        }
    }
    if (optind + 1 != argc || passes < 1) {
        sr_cli_options_clear(&opts);
        return usage();
    }
    cfg = sr_cli_options_load(&opts);
    if (cfg == NULL) {
        return 2;
    }
    gz = sr_gazetteer_open_config(cfg, err, sizeof(err));
    ex = gz == NULL ? NULL : sr_extractor_new(cfg, gz, err, sizeof(err));
    if (ex == NULL) {
        fprintf(stderr, "bench_extract: %s\n", err);
        goto out;
    }
    dd = sr_dedup_new((size_t)cfg->max_paragraphs);
    if (load_corpus(argv[optind], cfg, &corpus) != 0) {
        goto out;
    }
    if (corpus.count == 0) {
        fprintf(stderr, "bench_extract: no articles in %s\n", argv[optind]);
        goto out;
    }
    work = sr_xcalloc(corpus.count, sizeof(*work));
    for (long p = 0; p < passes; p++) {
        double cpu0, wall0, cpu, wall;

        /* Fresh bodies outside the clock: dedup rewrites them. */
        for (size_t i = 0; i < corpus.count; i++) {
            work[i] = corpus.arts[i];
            work[i].body = sr_xmalloc(corpus.arts[i].body_len + 1);
            memcpy(work[i].body, corpus.arts[i].body,
                   corpus.arts[i].body_len + 1);
        }
        memset(&tally, 0, sizeof(tally));
        cpu0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
        wall0 = seconds(CLOCK_MONOTONIC);
        run_pass(dd, ex, work, corpus.count, &tally);
        cpu = seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
        wall = seconds(CLOCK_MONOTONIC) - wall0;
        for (size_t i = 0; i < corpus.count; i++) {
            free(work[i].body);
        }
        if (p == 0 || cpu < best_cpu) {
            best_cpu = cpu;
            best_wall = wall;
        }
    }
    if (best_cpu <= 0) {
        best_cpu = 1e-9;
    }
    printf("extract alone: %zu articles, %zu bytes average, %.2f "
           "incidents/article (%.2f MAIN_EVENT), %zu failed\n",
           corpus.count, corpus.bytes / corpus.count,
           (double)tally.incidents / (double)corpus.count,
           (double)tally.main_events / (double)corpus.count,
           tally.failures);
    printf("extract alone: best of %ld passes %.1f ms CPU (%.1f ms wall): "
           "%.0f articles/s, %.1f MB/s on one core (dedup+extract)\n",
           passes, best_cpu * 1e3, best_wall * 1e3,
           (double)corpus.count / best_cpu,
           (double)corpus.bytes / best_cpu / 1e6);
    rc = tally.failures > 0;

out:
    free(work);
    for (size_t i = 0; i < corpus.count; i++) {
        sr_article_clear(&corpus.arts[i]);
    }
    free(corpus.arts);
    sr_dedup_destroy(dd);
    sr_extractor_destroy(ex);
    sr_gazetteer_destroy(gz);
    sr_config_destroy(cfg);
    return rc;
}
