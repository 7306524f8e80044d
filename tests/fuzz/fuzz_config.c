/* fuzz_config.c - the configuration parsers (config/config.c): the input
 * as a properties file, then each NUL-separated piece of it as a -X
 * key=value argument and as an environment entry. A refusal must say why;
 * whatever is accepted must dump and name its dead-letter topic.
 */
#include <unistd.h>

#include "config.h"
#include "fuzz.h"

static FILE *sink;        /* /dev/null, for sr_config_dump */
static char path[4096];   /* the properties file, rewritten per input */

static void setup(void)
{
    const char *tmp = getenv("TMPDIR");

    snprintf(path, sizeof(path), "%s/sitrep-fuzz-config.%ld",
             tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp", (long)getpid());
    sink = fopen("/dev/null", "w");
    FUZZ_ASSERT(sink != NULL);
}

static void teardown(void)
{
    unlink(path);
    fclose(sink);
}

static void check(sr_config_t *cfg, sr_err_t rc, const char *err)
{
    char dlq[512];

    FUZZ_ASSERT(rc == SR_OK || err[0] != '\0');
    sr_config_dump(cfg, sink);
    FUZZ_ASSERT(sr_config_dlq_topic(cfg, dlq, sizeof(dlq)) != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sr_config_t *cfg;
    char *text = fuzz_cstr(data, size);
    char **env = calloc(size + 2, sizeof(*env));
    size_t nenv = 0;
    char err[1024];
    FILE *f;

    if (sink == NULL) {
        setup();
        atexit(teardown);
    }
    f = fopen(path, "wb");
    FUZZ_ASSERT(f != NULL && env != NULL);
    FUZZ_ASSERT(fwrite(data, 1, size, f) == size && fclose(f) == 0);
    cfg = sr_config_new();
    err[0] = '\0';
    check(cfg, sr_config_load_file(cfg, path, err, sizeof(err)), err);
    sr_config_destroy(cfg);

    cfg = sr_config_new();
    for (char *p = text; p <= text + size; p += strlen(p) + 1) {
        err[0] = '\0';
        check(cfg, sr_config_set_arg(cfg, p, err, sizeof(err)), err);
        env[nenv++] = p;
    }
    sr_config_destroy(cfg);

    cfg = sr_config_new();
    err[0] = '\0';
    check(cfg, sr_config_load_env(cfg, env, err, sizeof(err)), err);
    sr_config_destroy(cfg);
    free(env);
    free(text);
    return 0;
}
