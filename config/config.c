/* config.c - table-driven configuration loader. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

enum key_type { TYPE_STR, TYPE_INT, TYPE_BOOL };

struct key_desc {
    const char *key;
    enum key_type type;
    size_t offset;
    const char *def;
    int64_t min;
    int64_t max;
    const char *choices;
    const char *doc;
};

static const struct key_desc key_table[] = {
#define SR_CONF(key, type, field, def, min, max, choices, doc)               \
    {key, TYPE_##type, offsetof(sr_config_t, field), def, min, max, choices,  \
     doc},
#include "config_keys.def"
#undef SR_CONF
};

#define KEY_COUNT (sizeof(key_table) / sizeof(key_table[0]))

static const struct key_desc *find_key(const char *key)
{
    for (size_t i = 0; i < KEY_COUNT; i++) {
        if (strcmp(key_table[i].key, key) == 0) {
            return &key_table[i];
        }
    }
    return NULL;
}

static int choice_allowed(const char *choices, const char *value)
{
    size_t vlen = strlen(value);
    const char *p = choices;

    while (*p != '\0') {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);

        if (n == vlen && strncmp(p, value, n) == 0) {
            return 1;
        }
        p += n;
        if (*p == '|') {
            p++;
        }
    }
    return 0;
}

static sr_err_t parse_bool(const char *value, int *out)
{
    if (strcmp(value, "true") == 0 || strcmp(value, "1") == 0 ||
        strcmp(value, "yes") == 0) {
        *out = 1;
        return SR_OK;
    }
    if (strcmp(value, "false") == 0 || strcmp(value, "0") == 0 ||
        strcmp(value, "no") == 0) {
        *out = 0;
        return SR_OK;
    }
    return SR_ERR_CONFIG;
}

static sr_err_t set_known(sr_config_t *cfg, const struct key_desc *kd,
                          const char *value, char *errstr,
                          size_t errstr_size)
{
    char *field = (char *)cfg + kd->offset;

    switch (kd->type) {
    case TYPE_STR: {
        char **slot = (char **)(void *)field;

        if (kd->choices != NULL && !choice_allowed(kd->choices, value)) {
            sr_errstr_set(errstr, errstr_size,
                          "%s: '%s' is not one of %s", kd->key, value,
                          kd->choices);
            return SR_ERR_CONFIG;
        }
        free(*slot);
        *slot = sr_xstrdup(value);
        return SR_OK;
    }
    case TYPE_INT: {
        char *end = NULL;
        long long v;

        errno = 0;
        v = strtoll(value, &end, 10);
        if (errno != 0 || end == value || *end != '\0') {
            sr_errstr_set(errstr, errstr_size, "%s: '%s' is not an integer",
                          kd->key, value);
            return SR_ERR_CONFIG;
        }
        if (v < kd->min || v > kd->max) {
            sr_errstr_set(errstr, errstr_size,
                          "%s: %lld is out of range [%lld, %lld]", kd->key, v,
                          (long long)kd->min, (long long)kd->max);
            return SR_ERR_CONFIG;
        }
        *(int64_t *)(void *)field = v;
        return SR_OK;
    }
    case TYPE_BOOL:
        if (parse_bool(value, (int *)(void *)field) != SR_OK) {
            sr_errstr_set(errstr, errstr_size,
                          "%s: '%s' is not a boolean (true/false)", kd->key,
                          value);
            return SR_ERR_CONFIG;
        }
        return SR_OK;
    }
    return SR_ERR_CONFIG;
}

static void kafka_put(sr_config_t *cfg, sr_kafka_side_t side,
                      const char *name, const char *value)
{
    for (size_t i = 0; i < cfg->kafka_count; i++) {
        sr_config_kafka_t *kv = &cfg->kafka[i];

        if (kv->side == side && strcmp(kv->name, name) == 0) {
            free(kv->value);
            kv->value = sr_xstrdup(value);
            return;
        }
    }
    sr_xgrow((void **)&cfg->kafka, &cfg->kafka_cap, cfg->kafka_count + 1,
             sizeof(*cfg->kafka));
    cfg->kafka[cfg->kafka_count].side = side;
    cfg->kafka[cfg->kafka_count].name = sr_xstrdup(name);
    cfg->kafka[cfg->kafka_count].value = sr_xstrdup(value);
    cfg->kafka_count++;
}

sr_config_t *sr_config_new(void)
{
    sr_config_t *cfg = sr_xcalloc(1, sizeof(*cfg));

    for (size_t i = 0; i < KEY_COUNT; i++) {
        char err[256];

        if (set_known(cfg, &key_table[i], key_table[i].def, err,
                      sizeof(err)) != SR_OK) {
            /* A default outside its own range is a programming error. */
            fprintf(stderr, "sitrep: bad built-in default: %s\n", err);
            abort();
        }
    }
    return cfg;
}

void sr_config_destroy(sr_config_t *cfg)
{
    if (cfg == NULL) {
        return;
    }
    for (size_t i = 0; i < KEY_COUNT; i++) {
        if (key_table[i].type == TYPE_STR) {
            free(*(char **)(void *)((char *)cfg + key_table[i].offset));
        }
    }
    for (size_t i = 0; i < cfg->kafka_count; i++) {
        free(cfg->kafka[i].name);
        free(cfg->kafka[i].value);
    }
    free(cfg->kafka);
    free(cfg);
}

sr_err_t sr_config_set(sr_config_t *cfg, const char *key, const char *value,
                       char *errstr, size_t errstr_size)
{
    const struct key_desc *kd;
    static const struct {
        const char *prefix;
        sr_kafka_side_t side;
    } kafka_prefixes[] = {
        {"kafka.consumer.", SR_KAFKA_CONSUMER},
        {"kafka.producer.", SR_KAFKA_PRODUCER},
        {"kafka.", SR_KAFKA_BOTH},
    };

    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(kafka_prefixes[i].prefix);

        if (strncmp(key, kafka_prefixes[i].prefix, n) == 0) {
            if (key[n] == '\0') {
                sr_errstr_set(errstr, errstr_size,
                              "%s: missing librdkafka property name", key);
                return SR_ERR_CONFIG;
            }
            kafka_put(cfg, kafka_prefixes[i].side, key + n, value);
            return SR_OK;
        }
    }
    kd = find_key(key);
    if (kd == NULL) {
        sr_errstr_set(errstr, errstr_size, "unknown key '%s'", key);
        return SR_ERR_CONFIG;
    }
    return set_known(cfg, kd, value, errstr, errstr_size);
}

static char *trim(char *s)
{
    char *end;

    while (isspace((unsigned char)*s)) {
        s++;
    }
    end = s + strlen(s);
    while (end > s && isspace((unsigned char)end[-1])) {
        *--end = '\0';
    }
    return s;
}

sr_err_t sr_config_load_file(sr_config_t *cfg, const char *path, char *errstr,
                             size_t errstr_size)
{
    FILE *f = fopen(path, "r");
    char line[8192];
    char err[512];
    int lineno = 0;
    sr_err_t rc = SR_OK;

    if (f == NULL) {
        sr_errstr_set(errstr, errstr_size, "%s: cannot open: %s", path,
                      strerror(errno));
        return SR_ERR_CONFIG;
    }
    while (fgets(line, sizeof(line), f) != NULL) {
        char *s;
        char *eq;

        lineno++;
        if (strchr(line, '\n') == NULL && !feof(f)) {
            sr_errstr_set(errstr, errstr_size, "%s:%d: line too long", path,
                          lineno);
            rc = SR_ERR_CONFIG;
            break;
        }
        s = trim(line);
        if (*s == '\0' || *s == '#') {
            continue;
        }
        eq = strchr(s, '=');
        if (eq == NULL) {
            sr_errstr_set(errstr, errstr_size,
                          "%s:%d: expected key=value, got '%s'", path, lineno,
                          s);
            rc = SR_ERR_CONFIG;
            break;
        }
        *eq = '\0';
        if (sr_config_set(cfg, trim(s), trim(eq + 1), err, sizeof(err)) !=
            SR_OK) {
            sr_errstr_set(errstr, errstr_size, "%s:%d: %s", path, lineno,
                          err);
            rc = SR_ERR_CONFIG;
            break;
        }
    }
    fclose(f);
    return rc;
}

/* Maps an environment suffix (after SITREP_) to a key. Returns 0 if none. */
static int env_to_key(const char *suffix, char *key, size_t size)
{
    char lower[512];
    size_t n = strlen(suffix);

    if (n == 0 || n >= sizeof(lower)) {
        return 0;
    }
    for (size_t i = 0; i <= n; i++) {
        lower[i] = (char)tolower((unsigned char)suffix[i]);
    }
    for (size_t i = 0; i < KEY_COUNT; i++) {
        const char *k = key_table[i].key;
        size_t j = 0;

        for (; k[j] != '\0' && lower[j] != '\0'; j++) {
            char c = (k[j] == '.' || k[j] == '-') ? '_' : k[j];

            if (c != lower[j]) {
                break;
            }
        }
        if (k[j] == '\0' && lower[j] == '\0') {
            snprintf(key, size, "%s", k);
            return 1;
        }
    }
    if (strncmp(lower, "kafka_", 6) == 0 && n < size) {
        /* librdkafka property names use dots only. */
        for (size_t i = 0; i <= n; i++) {
            key[i] = lower[i] == '_' ? '.' : lower[i];
        }
        return 1;
    }
    return 0;
}

sr_err_t sr_config_load_env(sr_config_t *cfg, char *const *envp,
                            char *errstr, size_t errstr_size)
{
    char err[512];

    for (; envp != NULL && *envp != NULL; envp++) {
        const char *e = *envp;
        const char *eq = strchr(e, '=');
        char name[512];
        char key[512];

        if (strncmp(e, "SITREP_", 7) != 0 || eq == NULL ||
            (size_t)(eq - e) >= sizeof(name)) {
            continue;
        }
        memcpy(name, e, (size_t)(eq - e));
        name[eq - e] = '\0';
        if (!env_to_key(name + 7, key, sizeof(key))) {
            sr_errstr_set(errstr, errstr_size,
                          "env %s: no configuration key of that name", name);
            return SR_ERR_CONFIG;
        }
        if (sr_config_set(cfg, key, eq + 1, err, sizeof(err)) != SR_OK) {
            sr_errstr_set(errstr, errstr_size, "env %s: %s", name, err);
            return SR_ERR_CONFIG;
        }
    }
    return SR_OK;
}

sr_err_t sr_config_set_arg(sr_config_t *cfg, const char *kv, char *errstr,
                           size_t errstr_size)
{
    const char *eq = strchr(kv, '=');
    char key[512];
    char err[512];

    if (eq == NULL || eq == kv || (size_t)(eq - kv) >= sizeof(key)) {
        sr_errstr_set(errstr, errstr_size, "-X %s: expected key=value", kv);
        return SR_ERR_CONFIG;
    }
    memcpy(key, kv, (size_t)(eq - kv));
    key[eq - kv] = '\0';
    if (sr_config_set(cfg, key, eq + 1, err, sizeof(err)) != SR_OK) {
        sr_errstr_set(errstr, errstr_size, "-X: %s", err);
        return SR_ERR_CONFIG;
    }
    return SR_OK;
}

const char *sr_config_kafka_get(const sr_config_t *cfg, sr_kafka_side_t side,
                                const char *name)
{
    const char *found = NULL;

    for (size_t i = 0; i < cfg->kafka_count; i++) {
        const sr_config_kafka_t *kv = &cfg->kafka[i];

        if (strcmp(kv->name, name) != 0) {
            continue;
        }
        if (kv->side == side && side != SR_KAFKA_BOTH) {
            return kv->value; /* side-specific wins */
        }
        if (kv->side == SR_KAFKA_BOTH) {
            found = kv->value;
        }
    }
    return found;
}

int sr_config_foreach_kafka(const sr_config_t *cfg, sr_kafka_side_t side,
                            int (*cb)(const char *name, const char *value,
                                      void *opaque),
                            void *opaque)
{
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < cfg->kafka_count; i++) {
            const sr_config_kafka_t *kv = &cfg->kafka[i];
            int rc;

            if ((pass == 0 && kv->side != SR_KAFKA_BOTH) ||
                (pass == 1 && (kv->side != side || side == SR_KAFKA_BOTH))) {
                continue;
            }
            rc = cb(kv->name, kv->value, opaque);
            if (rc != 0) {
                return rc;
            }
        }
    }
    return 0;
}

static int is_secret(const char *key)
{
    return strstr(key, "password") != NULL || strstr(key, "secret") != NULL ||
           strstr(key, "basic.auth.user.info") != NULL;
}

void sr_config_dump(const sr_config_t *cfg, FILE *out)
{
    static const char *side_prefix[] = {"kafka.", "kafka.consumer.",
                                        "kafka.producer."};

    for (size_t i = 0; i < KEY_COUNT; i++) {
        const struct key_desc *kd = &key_table[i];
        const char *field = (const char *)cfg + kd->offset;

        switch (kd->type) {
        case TYPE_STR:
            fprintf(out, "%s=%s\n", kd->key,
                    is_secret(kd->key) ? "***"
                                       : *(char *const *)(const void *)field);
            break;
        case TYPE_INT:
            fprintf(out, "%s=%lld\n", kd->key,
                    (long long)*(const int64_t *)(const void *)field);
            break;
        case TYPE_BOOL:
            fprintf(out, "%s=%s\n", kd->key,
                    *(const int *)(const void *)field ? "true" : "false");
            break;
        }
    }
    for (size_t i = 0; i < cfg->kafka_count; i++) {
        const sr_config_kafka_t *kv = &cfg->kafka[i];

        fprintf(out, "%s%s=%s\n", side_prefix[kv->side], kv->name,
                is_secret(kv->name) ? "***" : kv->value);
    }
}

const char *sr_config_dlq_topic(const sr_config_t *cfg, char *buf,
                                size_t size)
{
    if (cfg->dlq_topic[0] != '\0') {
        return cfg->dlq_topic;
    }
    snprintf(buf, size, "%s.dlq", cfg->input_topic);
    return buf;
}
