/* incident_gen.h - deterministic pseudo-random incidents for property
 * tests and the interoperability tool (tests/tools/sitrep-avro-gen.c).
 *
 * The same seed gives the same incidents on every machine (splitmix64,
 * no libc rand). Every field is exercised: optional values null and
 * present, empty and long arrays, empty and long strings, non-ASCII and
 * JSON-special text (valid UTF-8, no NUL: the schema's strings are UTF-8
 * and C strings cannot hold NUL), every enum value, and extreme numbers
 * (64-bit limits, subnormal and huge doubles; never NaN or infinity,
 * which JSON cannot carry). Dates stay within years 1..9999, the range
 * of the "date" logical type in common Avro libraries.
 */
#ifndef SR_TESTS_INCIDENT_GEN_H
#define SR_TESTS_INCIDENT_GEN_H

#include <float.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "incident.h"

typedef struct gen_s {
    uint64_t state;
    char scratch[16384];
} gen_t;

static uint64_t gen_next(gen_t *g)
{
    uint64_t z = (g->state += 0x9E3779B97F4A7C15ULL);

    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Uniform in 0..n-1 (n > 0; the modulo bias is irrelevant here). */
static uint64_t gen_below(gen_t *g, uint64_t n)
{
    return gen_next(g) % n;
}

/* A string of valid UTF-8 built from pieces; NULL with probability
 * 1/null_odds when null_odds > 0. Owned by g until the next call. */
static const char *gen_str(gen_t *g, int null_odds)
{
    static const char *const pieces[] = {
        "a", "Z", "0", " ", "-", "attack", "Inat\xc3\xa8s",
        "\xe4\xb8\xad\xe6\x96\x87",      /* CJK */
        "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9", /* Arabic */
        "\xf0\x9d\x84\x9e",              /* U+1D11E, four bytes */
        "\xf0\x9f\x94\xa5",              /* an emoji */
        "\xe2\x80\xa8",                  /* U+2028, a JSON-in-JS hazard */
        "\"", "\\", "/", "\n", "\r", "\t", "\x01", "\x1f", "\x7f",
        "\xc2\xa0",                      /* no-break space */
        "\xef\xbb\xbf",                  /* BOM */
    };
    size_t npieces = sizeof(pieces) / sizeof(pieces[0]);
    size_t len = 0, want;
    uint64_t shape;

    if (null_odds > 0 && gen_below(g, (uint64_t)null_odds) == 0) {
        return NULL;
    }
    shape = gen_below(g, 20);
    want = shape == 0   ? 0                        /* empty */
           : shape == 1 ? 2000 + gen_below(g, 8000) /* long */
                        : 1 + gen_below(g, 24);
    while (len < want) {
        const char *p = pieces[gen_below(g, npieces)];
        size_t n = strlen(p);

        if (len + n >= sizeof(g->scratch)) {
            break;
        }
        memcpy(g->scratch + len, p, n);
        len += n;
    }
    g->scratch[len] = '\0';
    return g->scratch;
}

static int64_t gen_i64(gen_t *g)
{
    static const int64_t edges[] = {0, 1, 2, 63, 64, 127, 128, -2,
                                    INT32_MAX, (int64_t)INT32_MAX + 1,
                                    INT64_MAX, INT64_MIN, INT64_MIN + 1,
                                    (int64_t)1 << 53, ((int64_t)1 << 53) + 1};
    uint64_t k = gen_below(g, 3);

    if (k == 0) {
        return edges[gen_below(g, sizeof(edges) / sizeof(edges[0]))];
    }
    if (k == 1) {
        return (int64_t)gen_below(g, 100000);
    }
    return (int64_t)gen_next(g);
}

/* A count number: SR_COUNT_NONE (null) or any other int64. */
static int64_t gen_count_num(gen_t *g)
{
    int64_t v;

    if (gen_below(g, 3) == 0) {
        return SR_COUNT_NONE;
    }
    v = gen_i64(g);
    return v == SR_COUNT_NONE ? 0 : v;
}

static double gen_double(gen_t *g)
{
    static const double edges[] = {0.0, -0.0, 1.0, -1.0, 0.5, 1e-300,
                                   DBL_MIN, 4.9406564584124654e-324,
                                   DBL_MAX, -DBL_MAX, 1e15, 123456.789};
    uint64_t k = gen_below(g, 3);

    if (k == 0) {
        return edges[gen_below(g, sizeof(edges) / sizeof(edges[0]))];
    }
    if (k == 1) {
        return (double)gen_below(g, 1000001) / 1000000.0;
    }
    return ((double)gen_below(g, 360000001) - 180000000.0) / 1000000.0;
}

static void gen_count(gen_t *g, sr_count_t *c)
{
    int64_t best, low, high;
    const char *text;

    if (gen_below(g, 3) == 0) {
        return; /* stays null */
    }
    best = gen_count_num(g);
    low = gen_count_num(g);
    high = gen_count_num(g);
    text = gen_str(g, 2);
    sr_count_set(c, best, low, high,
                 (sr_qualifier_t)gen_below(g, SR_QUAL__COUNT), text);
}

/* Array lengths: mostly short, sometimes empty, rarely long. */
static size_t gen_array_len(gen_t *g)
{
    uint64_t k = gen_below(g, 40);

    return k < 8 ? 0 : k == 39 ? 100 + gen_below(g, 300) : gen_below(g, 5);
}

static void gen_incident(gen_t *g, sr_incident_t *inc)
{
    size_t n;

    sr_incident_init(inc);
    sr_incident_set_str(&inc->incident_id, gen_str(g, 0));
    sr_incident_set_str(&inc->article_id, gen_str(g, 0));
    sr_incident_set_str(&inc->article_url, gen_str(g, 2));
    sr_incident_set_str(&inc->published_at, gen_str(g, 2));
    inc->role = (sr_role_t)gen_below(g, SR_ROLE__COUNT);
    inc->category = (sr_category_t)gen_below(g, SR_CAT__COUNT);
    sr_incident_set_str(&inc->acled_event_type, gen_str(g, 2));
    sr_incident_set_str(&inc->acled_sub_event_type, gen_str(g, 2));
    sr_incident_set_str(&inc->gtd_attack_type, gen_str(g, 2));
    inc->factuality = (sr_factuality_t)gen_below(g, SR_FACT__COUNT);
    if (gen_below(g, 3) != 0) {
        static const int fixed[][3] = {{1970, 1, 1}, {1969, 12, 31},
                                       {1, 1, 1},    {9999, 12, 31},
                                       {2000, 2, 29}, {2100, 2, 28}};
        uint64_t k = gen_below(g, 4);

        inc->time.has_date = 1;
        if (k == 0) {
            const int *d = fixed[gen_below(g, 6)];

            inc->time.year = d[0];
            inc->time.month = d[1];
            inc->time.day = d[2];
        } else {
            do {
                inc->time.year = 1 + (int)gen_below(g, 9999);
                inc->time.month = 1 + (int)gen_below(g, 12);
                inc->time.day = 1 + (int)gen_below(g, 31);
            } while (!sr_date_valid(inc->time.year, inc->time.month,
                                    inc->time.day));
        }
    }
    inc->time.precision = (sr_time_precision_t)gen_below(g, SR_TPREC__COUNT);
    inc->time.basis = (sr_time_basis_t)gen_below(g, SR_TBASIS__COUNT);
    sr_incident_set_str(&inc->time.text, gen_str(g, 2));
    sr_incident_set_str(&inc->location.text, gen_str(g, 2));
    sr_incident_set_str(&inc->location.name, gen_str(g, 2));
    sr_incident_set_str(&inc->location.country_code, gen_str(g, 2));
    sr_incident_set_str(&inc->location.country, gen_str(g, 2));
    sr_incident_set_str(&inc->location.admin1, gen_str(g, 2));
    if (gen_below(g, 2) != 0) {
        inc->location.has_coords = 1;
        inc->location.lat = gen_double(g);
        inc->location.lon = gen_double(g);
    }
    inc->location.precision = (sr_geo_precision_t)gen_below(g,
                                                            SR_GPREC__COUNT);
    sr_incident_set_str(&inc->location.source, gen_str(g, 2));
    inc->location.confidence = gen_double(g);
    n = gen_array_len(g);
    for (size_t i = 0; i < n; i++) {
        sr_actor_role_t role = (sr_actor_role_t)gen_below(g, SR_AROLE__COUNT);
        sr_actor_t *a;
        char *text;

        /* Copied first: every gen_str() call reuses the scratch. */
        text = strdup(gen_str(g, 0));
        a = sr_incident_add_actor(inc, role, text, NULL, NULL,
                                  (sr_certainty_t)gen_below(g,
                                                            SR_CERT__COUNT));
        free(text);
        sr_incident_set_str(&a->canonical, gen_str(g, 2));
        sr_incident_set_str(&a->actor_type, gen_str(g, 2));
    }
    gen_count(g, &inc->casualties.killed);
    gen_count(g, &inc->casualties.injured);
    gen_count(g, &inc->casualties.kidnapped);
    gen_count(g, &inc->casualties.arrested);
    gen_count(g, &inc->casualties.missing);
    gen_count(g, &inc->casualties.killed_perpetrators);
    inc->claim.status = (sr_claim_status_t)gen_below(g, SR_CLAIM__COUNT);
    sr_incident_set_str(&inc->claim.claimant, gen_str(g, 2));
    n = gen_array_len(g);
    for (size_t i = 0; i < n; i++) {
        int64_t start = gen_i64(g), end = gen_i64(g);

        sr_incident_add_evidence(inc, gen_str(g, 0), start, end);
    }
    inc->confidence = gen_double(g);
    {
        static const int32_t edges[] = {0, 1, -1, INT32_MAX, INT32_MIN};

        inc->paragraphs_removed =
            gen_below(g, 2) ? edges[gen_below(g, 5)]
                            : (int32_t)gen_below(g, 1000);
    }
    sr_incident_set_str(&inc->extractor_version, gen_str(g, 0));
}

#endif
