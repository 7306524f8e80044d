/* test_incident_json.c - the contract 3.2 JSON of an incident. */
#include <jansson.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "check.h"
#include "incident.h"
#include "incident_fixture.h"
#include "incident_json.h"
#include "jsonw.h"

static const char full_json[] =
    "{\"incident_id\":\"inc-0f3a9c\",\"article_id\":\"articles/3/1042\","
    "\"article_url\":\"https://news.test/niger?a=1&b=\\\"2\\\"\","
    "\"published_at\":\"2019-12-12T08:30:00+01:00\",\"role\":\"BACKGROUND\","
    "\"category\":\"ARMED_ASSAULT\",\"acled_event_type\":\"Battles\","
    "\"acled_sub_event_type\":\"Armed clash\","
    "\"gtd_attack_type\":\"Armed Assault\","
    "\"factuality\":\"REPORTED_UNCONFIRMED\","
    "\"time\":{\"date\":\"2019-12-10\",\"precision\":\"DAY\","
    "\"basis\":\"RELATIVE_TO_PUBLICATION\",\"text\":\"on Tuesday\"},"
    "\"location\":{\"text\":\"in Inat\u00e8s\",\"name\":\"Inat\u00e8s\","
    "\"country_code\":\"NE\",\"country\":\"Niger\","
    "\"admin1\":\"Tillab\u00e9ri\",\"lat\":15.123457,\"lon\":-0.5,"
    "\"precision\":\"TOWN\",\"source\":\"gazetteer\",\"confidence\":0.85},"
    "\"actors\":[{\"role\":\"PERPETRATOR\",\"text\":\"militants\","
    "\"canonical\":\"Islamic State\",\"actor_type\":\"REBEL_ISLAMIST\","
    "\"certainty\":\"SUSPECTED\"},{\"role\":\"TARGET\","
    "\"text\":\"soldiers\\ttab\",\"canonical\":null,\"actor_type\":null,"
    "\"certainty\":\"CONFIRMED\"}],"
    "\"casualties\":{\"killed\":{\"best\":71,\"low\":71,\"high\":71,"
    "\"qualifier\":\"EXACT\",\"text\":\"71 soldiers\"},"
    "\"injured\":{\"best\":12,\"low\":10,\"high\":15,\"qualifier\":\"RANGE\","
    "\"text\":\"10 to 15\"},"
    "\"kidnapped\":{\"best\":null,\"low\":1,\"high\":null,"
    "\"qualifier\":\"NONZERO_UNKNOWN\",\"text\":\"some\"},"
    "\"arrested\":{\"best\":0,\"low\":0,\"high\":0,\"qualifier\":\"ZERO\","
    "\"text\":null},"
    "\"missing\":{\"best\":30,\"low\":30,\"high\":null,"
    "\"qualifier\":\"AT_LEAST\",\"text\":\"at least 30\"},"
    "\"killed_perpetrators\":{\"best\":5000000000,\"low\":null,"
    "\"high\":null,\"qualifier\":\"VAGUE_WORD\",\"text\":\"dozens\"}},"
    "\"claim\":{\"status\":\"CLAIMED\",\"claimant\":\"Islamic State\"},"
    "\"evidence\":[{\"field\":\"time\",\"start\":24,\"end\":34},"
    "{\"field\":\"casualties.killed\",\"start\":0,\"end\":1099511627776}],"
    "\"confidence\":0.667,\"paragraphs_removed\":3,"
    "\"extractor_version\":\"sitrep 0.1.0\"}";

static const char minimal_json[] =
    "{\"incident_id\":\"i\",\"article_id\":\"a\",\"article_url\":null,"
    "\"published_at\":null,\"role\":\"MAIN_EVENT\",\"category\":\"OTHER\","
    "\"acled_event_type\":null,\"acled_sub_event_type\":null,"
    "\"gtd_attack_type\":null,\"factuality\":\"ASSERTED\","
    "\"time\":{\"date\":null,\"precision\":\"UNKNOWN\",\"basis\":\"UNKNOWN\","
    "\"text\":null},"
    "\"location\":{\"text\":null,\"name\":null,\"country_code\":null,"
    "\"country\":null,\"admin1\":null,\"lat\":null,\"lon\":null,"
    "\"precision\":\"UNKNOWN\",\"source\":null,\"confidence\":0.0},"
    "\"actors\":[],"
    "\"casualties\":{\"killed\":null,\"injured\":null,\"kidnapped\":null,"
    "\"arrested\":null,\"missing\":null,\"killed_perpetrators\":null},"
    "\"claim\":{\"status\":\"UNKNOWN\",\"claimant\":null},\"evidence\":[],"
    "\"confidence\":0.0,\"paragraphs_removed\":0,\"extractor_version\":\"v\"}";

static void test_full(void)
{
    sr_incident_t inc;
    sr_buf_t out;
    char err[128];

    fixture_full(&inc);
    sr_buf_init(&out, 1 << 20);
    CHECK_INT_EQ(sr_incident_to_json(&inc, &out, err, sizeof(err)), SR_OK);
    CHECK_STR_EQ(sr_buf_str(&out), full_json);
    CHECK_INT_EQ(out.len, strlen(full_json));
    /* Appends: a second call adds a second object. */
    CHECK_INT_EQ(sr_incident_to_json(&inc, &out, err, sizeof(err)), SR_OK);
    CHECK_INT_EQ(out.len, 2 * strlen(full_json));
    sr_buf_clear(&out);
    sr_incident_clear(&inc);
}

static void test_minimal(void)
{
    sr_incident_t inc;
    sr_buf_t out;
    char err[128];

    fixture_minimal(&inc);
    sr_buf_init(&out, 1 << 20);
    CHECK_INT_EQ(sr_incident_to_json(&inc, &out, err, sizeof(err)), SR_OK);
    CHECK_STR_EQ(sr_buf_str(&out), minimal_json);
    sr_buf_clear(&out);
    sr_incident_clear(&inc);
}

/* The output is JSON a standard parser accepts, keys in contract order. */
static void test_parses_in_order(void)
{
    static const char *const keys[] = {
        "incident_id", "article_id", "article_url", "published_at", "role",
        "category", "acled_event_type", "acled_sub_event_type",
        "gtd_attack_type", "factuality", "time", "location", "actors",
        "casualties", "claim", "evidence", "confidence",
        "paragraphs_removed", "extractor_version"};
    sr_incident_t inc;
    sr_buf_t out;
    char err[128];
    json_error_t jerr;
    json_t *root;
    const char *key;
    json_t *val;
    size_t i = 0;

    fixture_full(&inc);
    sr_buf_init(&out, 0);
    CHECK_INT_EQ(sr_incident_to_json(&inc, &out, err, sizeof(err)), SR_OK);
    root = json_loads(sr_buf_str(&out), JSON_PRESERVE_ORDER, &jerr);
    CHECK(root != NULL);
    json_object_foreach(root, key, val) {
        CHECK(i < sizeof(keys) / sizeof(keys[0]) && strcmp(key, keys[i]) == 0);
        i++;
    }
    CHECK_INT_EQ(i, sizeof(keys) / sizeof(keys[0]));
    CHECK_STR_EQ(json_string_value(json_object_get(
                     json_object_get(root, "location"), "name")),
                 "Inat\u00e8s");
    json_decref(root);
    sr_buf_clear(&out);
    sr_incident_clear(&inc);
}

static void test_escaping(void)
{
    static const char raw[] = "q\"b\\s/\x01\x1f\r\n\b\f\x7f\xc3\xa9\xff!";
    sr_buf_t out;
    sr_jsonw_t w = {&out, SR_OK};

    sr_buf_init(&out, 0);
    sr_jsonw_strn(&w, raw, sizeof(raw) - 1);
    CHECK_STR_EQ(sr_buf_str(&out),
                 "\"q\\\"b\\\\s/\\u0001\\u001f\\r\\n\\b\\f\x7f\xc3\xa9"
                 "\xef\xbf\xbd!\"");
    sr_buf_reset(&out);
    sr_jsonw_strn(&w, "a\0b", 3);
    CHECK_STR_EQ(sr_buf_str(&out), "\"a\\u0000b\"");
    /* A truncated multi-byte sequence at the end. */
    sr_buf_reset(&out);
    sr_jsonw_str(&w, "x\xe2\x82");
    CHECK_STR_EQ(sr_buf_str(&out), "\"x\xef\xbf\xbd\xef\xbf\xbd\"");
    sr_buf_reset(&out);
    sr_jsonw_str(&w, NULL);
    CHECK_STR_EQ(sr_buf_str(&out), "null");
    sr_buf_clear(&out);
}

static void test_numbers(void)
{
    static const struct {
        double v;
        int decimals;
        const char *want;
    } cases[] = {
        {15.0, 6, "15.0"},          {-0.5, 6, "-0.5"},
        {14.1234565, 6, "14.123457"}, {-179.9999999, 6, "-180.0"},
        {-0.0000001, 6, "0.0"},     {0.0005, 3, "0.001"},
        {1.0, 3, "1.0"},            {0.1, 3, "0.1"},
        {123456.789, 2, "123456.79"}, {1e30, 3, "1000000000000000019884624838656"},
    };
    sr_buf_t out;
    sr_jsonw_t w = {&out, SR_OK};

    sr_buf_init(&out, 0);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        sr_buf_reset(&out);
        sr_jsonw_fixed(&w, cases[i].v, cases[i].decimals);
        CHECK_STR_EQ(sr_buf_str(&out), cases[i].want);
    }
    sr_buf_reset(&out);
    sr_jsonw_fixed(&w, NAN, 3);
    CHECK_STR_EQ(sr_buf_str(&out), "null");
    sr_buf_reset(&out);
    sr_jsonw_fixed(&w, -INFINITY, 3);
    CHECK_STR_EQ(sr_buf_str(&out), "null");
    sr_buf_clear(&out);
}

/* A comma decimal separator in the locale must not leak into JSON. */
static void test_locale_independent(void)
{
    static const char *const locales[] = {"de_DE.UTF-8", "fr_FR.UTF-8",
                                          "C.UTF-8", NULL};
    sr_incident_t inc;
    sr_buf_t out;
    char err[128];

    fixture_full(&inc);
    sr_buf_init(&out, 0);
    /* The machine may have no comma locale installed: build one (once). */
    if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL &&
        access("/tmp/sitrep-test-locale/de_DE.UTF-8", F_OK) == 0) {
        setenv("LOCPATH", "/tmp/sitrep-test-locale", 1);
    }
    if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL &&
        system("mkdir -p /tmp/sitrep-test-locale && localedef -i de_DE "
               "-f UTF-8 /tmp/sitrep-test-locale/de_DE.UTF-8 "
               ">/dev/null 2>&1") == 0) {
        setenv("LOCPATH", "/tmp/sitrep-test-locale", 1);
    }
    if (setlocale(LC_ALL, "de_DE.UTF-8") != NULL) {
        char probe[16];

        snprintf(probe, sizeof(probe), "%.1f", 0.5);
        CHECK_STR_EQ(probe, "0,5");
    } else {
        fprintf(stderr, "    (no de_DE locale: comma case not run)\n");
    }
    for (size_t i = 0; locales[i] != NULL; i++) {
        if (setlocale(LC_ALL, locales[i]) == NULL) {
            continue;
        }
        sr_buf_reset(&out);
        CHECK_INT_EQ(sr_incident_to_json(&inc, &out, err, sizeof(err)),
                     SR_OK);
        CHECK_STR_EQ(sr_buf_str(&out), full_json);
    }
    setlocale(LC_ALL, "C");
    sr_buf_clear(&out);
    sr_incident_clear(&inc);
}

static void test_limit(void)
{
    sr_incident_t inc;
    sr_buf_t out;
    char err[128];

    fixture_full(&inc);
    sr_buf_init(&out, 100);
    sr_buf_puts(&out, "prefix");
    CHECK_INT_EQ(sr_incident_to_json(&inc, &out, err, sizeof(err)),
                 SR_ERR_TOO_LARGE);
    CHECK(strstr(err, "100 bytes") != NULL);
    /* Nothing half-written. */
    CHECK_STR_EQ(sr_buf_str(&out), "prefix");
    sr_buf_clear(&out);
    sr_buf_init(&out, strlen(full_json));
    CHECK_INT_EQ(sr_incident_to_json(&inc, &out, err, sizeof(err)), SR_OK);
    sr_buf_clear(&out);
    sr_incident_clear(&inc);
}

TEST_LIST = {
    {"full", test_full},
    {"minimal", test_minimal},
    {"parses_in_order", test_parses_in_order},
    {"escaping", test_escaping},
    {"numbers", test_numbers},
    {"locale_independent", test_locale_independent},
    {"limit", test_limit},
    {NULL, NULL},
};
