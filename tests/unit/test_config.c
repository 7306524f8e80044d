/* test_config.c - the config loader: precedence, errors with origins. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "config.h"

static char *write_temp(const char *content)
{
    char *path = strdup("/tmp/sitrep-test-config-XXXXXX");
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");

    fputs(content, f);
    fclose(f);
    return path;
}

static void test_defaults(void)
{
    sr_config_t *cfg = sr_config_new();
    char buf[256];

    CHECK_STR_EQ(cfg->input_topic, "articles");
    CHECK_INT_EQ(cfg->max_article_bytes, 1048576);
    CHECK_STR_EQ(sr_config_dlq_topic(cfg, buf, sizeof(buf)), "articles.dlq");
    sr_config_destroy(cfg);
}

static void test_file_env_x_precedence(void)
{
    char *path = write_temp("# comment\n\ninput.topic = from-file\n"
                            "output.topic=out-file\nmax.incidents=10\n"
                            "kafka.bootstrap.servers=file:9092\n"
                            "kafka.consumer.fetch.wait.max.ms=10\n");
    char out_env[] = "SITREP_OUTPUT_TOPIC=out-env";
    char kafka_env[] = "SITREP_KAFKA_BOOTSTRAP_SERVERS=env:9092";
    char path_env[] = "PATH=/bin";
    char *envp[] = {out_env, kafka_env, path_env, NULL};
    sr_config_t *cfg = sr_config_new();
    char err[256];

    CHECK(sr_config_load_file(cfg, path, err, sizeof(err)) == SR_OK);
    CHECK(sr_config_load_env(cfg, envp, err, sizeof(err)) == SR_OK);
    CHECK(sr_config_set_arg(cfg, "max.incidents=20", err, sizeof(err)) ==
          SR_OK);
    CHECK_STR_EQ(cfg->input_topic, "from-file");
    CHECK_STR_EQ(cfg->output_topic, "out-env");
    CHECK_INT_EQ(cfg->max_incidents, 20);
    CHECK_STR_EQ(sr_config_kafka_get(cfg, SR_KAFKA_PRODUCER,
                                     "bootstrap.servers"),
                 "env:9092");
    CHECK_STR_EQ(sr_config_kafka_get(cfg, SR_KAFKA_CONSUMER,
                                     "fetch.wait.max.ms"),
                 "10");
    CHECK(sr_config_kafka_get(cfg, SR_KAFKA_PRODUCER, "fetch.wait.max.ms") ==
          NULL);
    sr_config_destroy(cfg);
    unlink(path);
    free(path);
}

static void test_errors_name_origin(void)
{
    char *path = write_temp("input.topic=a\nno.such.key=1\n");
    char nope_env[] = "SITREP_NOPE=1";
    char *envp[] = {nope_env, NULL};
    sr_config_t *cfg = sr_config_new();
    char err[512];
    char want[600];

    CHECK(sr_config_load_file(cfg, path, err, sizeof(err)) == SR_ERR_CONFIG);
    snprintf(want, sizeof(want), "%s:2: unknown key 'no.such.key'", path);
    CHECK_STR_EQ(err, want);
    CHECK(sr_config_load_env(cfg, envp, err, sizeof(err)) == SR_ERR_CONFIG);
    CHECK(strstr(err, "SITREP_NOPE") != NULL);
    CHECK(sr_config_set_arg(cfg, "max.incidents=0", err, sizeof(err)) ==
          SR_ERR_CONFIG);
    CHECK(strstr(err, "out of range") != NULL);
    CHECK(sr_config_set_arg(cfg, "max.incidents=abc", err, sizeof(err)) ==
          SR_ERR_CONFIG);
    CHECK(sr_config_set_arg(cfg, "log.format=xml", err, sizeof(err)) ==
          SR_ERR_CONFIG);
    CHECK(sr_config_set_arg(cfg, "noequals", err, sizeof(err)) ==
          SR_ERR_CONFIG);
    sr_config_destroy(cfg);
    unlink(path);
    free(path);
}

static void test_dump_masks_secrets(void)
{
    sr_config_t *cfg = sr_config_new();
    char err[256];
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);

    CHECK(sr_config_set(cfg, "kafka.sasl.password", "hunter2", err,
                        sizeof(err)) == SR_OK);
    sr_config_dump(cfg, f);
    fclose(f);
    CHECK(strstr(out, "kafka.sasl.password=***") != NULL);
    CHECK(strstr(out, "hunter2") == NULL);
    CHECK(strstr(out, "input.topic=articles\n") != NULL);
    free(out);
    sr_config_destroy(cfg);
}

/* Every key of the table is documented in config/sitrep.conf.example, and
 * the file's active lines load. */
static void test_example_file_in_step(void)
{
    const char *root = getenv("SR_ROOT");
    char path[1024];
    char line[1024];
    char err[512];
    char *text = NULL;
    size_t textlen = 0;
    FILE *mem = open_memstream(&text, &textlen);
    FILE *f;
    sr_config_t *cfg = sr_config_new();
    static const char *keys[] = {
#define SR_CONF(key, type, field, def, min, max, choices, doc) key,
#include "config_keys.def"
#undef SR_CONF
    };

    snprintf(path, sizeof(path), "%s/config/sitrep.conf.example",
             root ? root : ".");
    f = fopen(path, "r");
    CHECK(f != NULL);
    if (f == NULL) {
        fclose(mem);
        free(text);
        sr_config_destroy(cfg);
        return;
    }
    while (fgets(line, sizeof(line), f) != NULL) {
        fputs(line, mem);
    }
    fclose(f);
    fclose(mem);
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        char want[256];

        snprintf(want, sizeof(want), "\n#%s=", keys[i]);
        if (strstr(text, want) == NULL) {
            snprintf(want, sizeof(want), "\n%s=", keys[i]);
        }
        if (strstr(text, want) == NULL) {
            fprintf(stderr, "    key %s missing from %s\n", keys[i], path);
            CHECK(!"every key documented");
        }
    }
    CHECK(sr_config_load_file(cfg, path, err, sizeof(err)) == SR_OK);
    free(text);
    sr_config_destroy(cfg);
}

TEST_LIST = {
    {"example_file_in_step", test_example_file_in_step},
    {"defaults", test_defaults},
    {"file_env_x_precedence", test_file_env_x_precedence},
    {"errors_name_origin", test_errors_name_origin},
    {"dump_masks_secrets", test_dump_masks_secrets},
    {NULL, NULL},
};
