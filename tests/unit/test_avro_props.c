/* test_avro_props.c - round-trip properties of the Avro codec over
 * thousands of generated incidents (tests/unit/incident_gen.h):
 * decode(encode(x)) == x field by field (doubles bit for bit), the JSON of
 * the decoded incident is the JSON of the original, a body decodes to
 * the same incident as its frame, and no proper prefix of a frame
 * decodes. The generator's coverage is checked too, so a generator that
 * stops producing some value fails here instead of silently testing
 * less. */
#include <float.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "incident.h"
#include "incident_avro.h"
#include "incident_gen.h"
#include "incident_json.h"

#define CASES 3000
#define SEED 0x5eed5eedULL

static int str_same(const char *a, const char *b)
{
    return (a == NULL && b == NULL) ||
           (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static int dbl_same(double a, double b)
{
    return memcmp(&a, &b, sizeof(a)) == 0;
}

static int count_same(const sr_count_t *a, const sr_count_t *b)
{
    if (a->present != b->present) {
        return 0;
    }
    return !a->present ||
           (a->best == b->best && a->low == b->low && a->high == b->high &&
            a->qualifier == b->qualifier && str_same(a->text, b->text));
}

/* Names the first differing field, or returns NULL. */
static const char *first_difference(const sr_incident_t *a,
                                    const sr_incident_t *b)
{
    const sr_event_time_t *ta = &a->time, *tb = &b->time;
    const sr_location_t *la = &a->location, *lb = &b->location;
    const sr_casualties_t *ca = &a->casualties, *cb = &b->casualties;

    if (!str_same(a->incident_id, b->incident_id)) return "incident_id";
    if (!str_same(a->article_id, b->article_id)) return "article_id";
    if (!str_same(a->article_url, b->article_url)) return "article_url";
    if (!str_same(a->published_at, b->published_at)) return "published_at";
    if (a->role != b->role) return "role";
    if (a->category != b->category) return "category";
    if (!str_same(a->acled_event_type, b->acled_event_type))
        return "acled_event_type";
    if (!str_same(a->acled_sub_event_type, b->acled_sub_event_type))
        return "acled_sub_event_type";
    if (!str_same(a->gtd_attack_type, b->gtd_attack_type))
        return "gtd_attack_type";
    if (a->factuality != b->factuality) return "factuality";
    if (ta->has_date != tb->has_date ||
        (ta->has_date && (ta->year != tb->year || ta->month != tb->month ||
                          ta->day != tb->day)))
        return "time.date";
    if (ta->precision != tb->precision) return "time.precision";
    if (ta->basis != tb->basis) return "time.basis";
    if (!str_same(ta->text, tb->text)) return "time.text";
    if (!str_same(la->text, lb->text)) return "location.text";
    if (!str_same(la->name, lb->name)) return "location.name";
    if (!str_same(la->country_code, lb->country_code))
        return "location.country_code";
    if (!str_same(la->country, lb->country)) return "location.country";
    if (!str_same(la->admin1, lb->admin1)) return "location.admin1";
    if (la->has_coords != lb->has_coords ||
        (la->has_coords &&
         (!dbl_same(la->lat, lb->lat) || !dbl_same(la->lon, lb->lon))))
        return "location.lat/lon";
    if (la->precision != lb->precision) return "location.precision";
    if (!str_same(la->source, lb->source)) return "location.source";
    if (!dbl_same(la->confidence, lb->confidence))
        return "location.confidence";
    if (a->actor_count != b->actor_count) return "actors (count)";
    for (size_t i = 0; i < a->actor_count; i++) {
        const sr_actor_t *x = &a->actors[i], *y = &b->actors[i];

        if (x->role != y->role || !str_same(x->text, y->text) ||
            !str_same(x->canonical, y->canonical) ||
            !str_same(x->actor_type, y->actor_type) ||
            x->certainty != y->certainty)
            return "actors";
    }
    if (!count_same(&ca->killed, &cb->killed)) return "killed";
    if (!count_same(&ca->injured, &cb->injured)) return "injured";
    if (!count_same(&ca->kidnapped, &cb->kidnapped)) return "kidnapped";
    if (!count_same(&ca->arrested, &cb->arrested)) return "arrested";
    if (!count_same(&ca->missing, &cb->missing)) return "missing";
    if (!count_same(&ca->killed_perpetrators, &cb->killed_perpetrators))
        return "killed_perpetrators";
    if (a->claim.status != b->claim.status) return "claim.status";
    if (!str_same(a->claim.claimant, b->claim.claimant))
        return "claim.claimant";
    if (a->evidence_count != b->evidence_count) return "evidence (count)";
    for (size_t i = 0; i < a->evidence_count; i++) {
        const sr_evidence_t *x = &a->evidence[i], *y = &b->evidence[i];

        if (!str_same(x->field, y->field) || x->start != y->start ||
            x->end != y->end)
            return "evidence";
    }
    if (!dbl_same(a->confidence, b->confidence)) return "confidence";
    if (a->paragraphs_removed != b->paragraphs_removed)
        return "paragraphs_removed";
    if (!str_same(a->extractor_version, b->extractor_version))
        return "extractor_version";
    return NULL;
}

/* What the generated cases covered. */
typedef struct coverage_s {
    unsigned category[SR_CAT__COUNT];
    unsigned qualifier[SR_QUAL__COUNT];
    unsigned certainty[SR_CERT__COUNT];
    unsigned role[SR_ROLE__COUNT], fact[SR_FACT__COUNT];
    unsigned tprec[SR_TPREC__COUNT], basis[SR_TBASIS__COUNT];
    unsigned gprec[SR_GPREC__COUNT], claim[SR_CLAIM__COUNT];
    unsigned arole[SR_AROLE__COUNT];
    unsigned null_url, url, no_date, date, no_coords, coords;
    unsigned no_actors, long_actors, long_string, non_ascii;
    unsigned int64_max, int64_min, huge_double, negative_zero;
    size_t max_frame;
} coverage_t;

static void cover(coverage_t *cv, const sr_incident_t *inc, size_t frame)
{
    const sr_count_t *counts[] = {
        &inc->casualties.killed, &inc->casualties.injured,
        &inc->casualties.kidnapped, &inc->casualties.arrested,
        &inc->casualties.missing, &inc->casualties.killed_perpetrators};

    cv->category[inc->category]++;
    cv->role[inc->role]++;
    cv->fact[inc->factuality]++;
    cv->tprec[inc->time.precision]++;
    cv->basis[inc->time.basis]++;
    cv->gprec[inc->location.precision]++;
    cv->claim[inc->claim.status]++;
    for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
        if (counts[i]->present) {
            cv->qualifier[counts[i]->qualifier]++;
            cv->int64_max += counts[i]->best == INT64_MAX;
            cv->int64_min += counts[i]->best == INT64_MIN;
        }
    }
    for (size_t i = 0; i < inc->actor_count; i++) {
        cv->certainty[inc->actors[i].certainty]++;
        cv->arole[inc->actors[i].role]++;
    }
    cv->null_url += inc->article_url == NULL;
    cv->url += inc->article_url != NULL;
    cv->no_date += !inc->time.has_date;
    cv->date += inc->time.has_date;
    cv->no_coords += !inc->location.has_coords;
    cv->coords += inc->location.has_coords;
    cv->huge_double += inc->location.has_coords && inc->location.lat > 1e300;
    cv->negative_zero += inc->confidence == 0.0 &&
                         memcmp(&inc->confidence, &(double){-0.0},
                                sizeof(double)) == 0;
    cv->no_actors += inc->actor_count == 0;
    cv->long_actors += inc->actor_count >= 100;
    cv->long_string += strlen(inc->incident_id) >= 2000;
    cv->non_ascii += strstr(inc->incident_id, "\xf0\x9d\x84\x9e") != NULL;
    if (frame > cv->max_frame) {
        cv->max_frame = frame;
    }
}

#define ALL_SEEN(arr)                                                        \
    do {                                                                     \
        for (size_t k_ = 0; k_ < sizeof(arr) / sizeof((arr)[0]); k_++) {    \
            CHECK((arr)[k_] > 0);                                            \
        }                                                                    \
    } while (0)

static void test_round_trip_properties(void)
{
    sr_avro_codec_t *codec;
    coverage_t cv;
    gen_t g = {SEED, {0}};
    sr_buf_t frame, body, ja, jb;
    sr_incident_t inc, back, back2;
    char err[256];
    int failures = 0;

    memset(&cv, 0, sizeof(cv));
    codec = sr_avro_codec_new(err, sizeof(err));
    CHECK(codec != NULL);
    if (codec == NULL) {
        return;
    }
    sr_buf_init(&frame, 0);
    sr_buf_init(&body, 0);
    sr_buf_init(&ja, 0);
    sr_buf_init(&jb, 0);
    sr_incident_init(&back);
    sr_incident_init(&back2);
    for (int n = 0; n < CASES && failures < 5; n++) {
        const char *diff;
        size_t used;

        gen_incident(&g, &inc);
        if (sr_avro_encode(codec, &inc, &frame, err, sizeof(err)) != SR_OK) {
            fprintf(stderr, "    case %d: encode: %s\n", n, err);
            failures++;
            sr_incident_clear(&inc);
            continue;
        }
        cover(&cv, &inc, frame.len);
        if (sr_avro_decode(codec, frame.data, frame.len, &back, err,
                           sizeof(err)) != SR_OK) {
            fprintf(stderr, "    case %d: decode: %s\n", n, err);
            failures++;
        } else if ((diff = first_difference(&inc, &back)) != NULL) {
            fprintf(stderr, "    case %d: %s differs\n", n, diff);
            failures++;
        }
        /* JSON of decoded == JSON of original. */
        sr_buf_reset(&ja);
        sr_buf_reset(&jb);
        if (sr_incident_to_json(&inc, &ja, err, sizeof(err)) != SR_OK ||
            sr_incident_to_json(&back, &jb, err, sizeof(err)) != SR_OK ||
            strcmp(sr_buf_str(&ja), sr_buf_str(&jb)) != 0) {
            fprintf(stderr, "    case %d: JSON differs\n", n);
            failures++;
        }
        /* The body is the frame without its header. */
        if (sr_avro_encode_body(codec, &inc, &body, err, sizeof(err)) !=
                SR_OK ||
            body.len + SR_AVRO_SO_HEADER_LEN != frame.len ||
            memcmp(body.data, frame.data + SR_AVRO_SO_HEADER_LEN,
                   body.len) != 0) {
            fprintf(stderr, "    case %d: body is not the frame's\n", n);
            failures++;
        }
        /* A truncated frame never decodes (and never reads past len:
         * ASan and valgrind watch that). A few cut points per case keep
         * this fast; over all cases every region of a frame is hit. */
        for (int k = 0; k < 3; k++) {
            size_t cut = (size_t)gen_below(&g, frame.len);

            if (sr_avro_decode_frame(codec, frame.data, cut, &used, &back2,
                                     err, sizeof(err)) == SR_OK) {
                fprintf(stderr, "    case %d: %zu of %zu bytes decoded\n",
                        n, cut, frame.len);
                failures++;
            }
        }
        sr_incident_clear(&inc);
    }
    CHECK_INT_EQ(failures, 0);
    ALL_SEEN(cv.category);
    ALL_SEEN(cv.qualifier);
    ALL_SEEN(cv.certainty);
    ALL_SEEN(cv.role);
    ALL_SEEN(cv.fact);
    ALL_SEEN(cv.tprec);
    ALL_SEEN(cv.basis);
    ALL_SEEN(cv.gprec);
    ALL_SEEN(cv.claim);
    ALL_SEEN(cv.arole);
    CHECK(cv.null_url > 0 && cv.url > 0);
    CHECK(cv.no_date > 0 && cv.date > 0);
    CHECK(cv.no_coords > 0 && cv.coords > 0);
    CHECK(cv.no_actors > 0 && cv.long_actors > 0);
    CHECK(cv.long_string > 0 && cv.non_ascii > 0);
    CHECK(cv.int64_max > 0 && cv.int64_min > 0);
    CHECK(cv.huge_double > 0 && cv.negative_zero > 0);
    printf("# %d cases, largest frame %zu bytes\n", CASES, cv.max_frame);
    sr_incident_clear(&back);
    sr_incident_clear(&back2);
    sr_buf_clear(&frame);
    sr_buf_clear(&body);
    sr_buf_clear(&ja);
    sr_buf_clear(&jb);
    sr_avro_codec_destroy(codec);
}

/* Concatenated frames decode one after the other to the same incidents
 * (what `sitrep decode` relies on). */
static void test_concatenated_frames(void)
{
    sr_avro_codec_t *codec = sr_avro_codec_new(NULL, 0);
    gen_t g = {SEED + 1, {0}}, g2 = {SEED + 1, {0}};
    sr_buf_t all, frame;
    sr_incident_t inc, back;
    size_t pos = 0;
    char err[256];

    CHECK(codec != NULL);
    if (codec == NULL) {
        return;
    }
    sr_buf_init(&all, 0);
    sr_buf_init(&frame, 0);
    sr_incident_init(&back);
    for (int n = 0; n < 200; n++) {
        gen_incident(&g, &inc);
        CHECK_INT_EQ(sr_avro_encode(codec, &inc, &frame, err, sizeof(err)),
                     SR_OK);
        sr_buf_append(&all, frame.data, frame.len);
        sr_incident_clear(&inc);
    }
    for (int n = 0; n < 200; n++) {
        size_t used = 0;

        gen_incident(&g2, &inc);
        CHECK_INT_EQ(sr_avro_decode_frame(codec, all.data + pos,
                                          all.len - pos, &used, &back, err,
                                          sizeof(err)),
                     SR_OK);
        CHECK(first_difference(&inc, &back) == NULL);
        pos += used;
        sr_incident_clear(&inc);
    }
    CHECK(pos == all.len);
    sr_incident_clear(&back);
    sr_buf_clear(&all);
    sr_buf_clear(&frame);
    sr_avro_codec_destroy(codec);
}

/* The JSON comparisons above hold only if the JSON keeps every value:
 * a double too large for fixed decimals is printed in full, not cut. */
static void test_json_huge_double(void)
{
    static const double values[] = {DBL_MAX, -DBL_MAX, 1e47, -9.5e18};
    sr_incident_t inc;
    sr_buf_t json;
    char err[128];

    sr_buf_init(&json, 0);
    for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
        const char *p;

        sr_incident_init(&inc);
        sr_incident_set_str(&inc.incident_id, "i");
        sr_incident_set_str(&inc.article_id, "a");
        sr_incident_set_str(&inc.extractor_version, "v");
        inc.confidence = values[i];
        sr_buf_reset(&json);
        CHECK_INT_EQ(sr_incident_to_json(&inc, &json, err, sizeof(err)),
                     SR_OK);
        p = strstr(sr_buf_str(&json), "\"confidence\":");
        /* The record's own confidence is the last one in the object. */
        while (p != NULL && strstr(p + 1, "\"confidence\":") != NULL) {
            p = strstr(p + 1, "\"confidence\":");
        }
        CHECK(p != NULL && strtod(p + strlen("\"confidence\":"), NULL) ==
                               values[i]);
        sr_incident_clear(&inc);
    }
    sr_buf_clear(&json);
}

TEST_LIST = {
    {"round-trip properties", test_round_trip_properties},
    {"concatenated frames", test_concatenated_frames},
    {"JSON keeps huge doubles", test_json_huge_double},
    {NULL, NULL},
};
