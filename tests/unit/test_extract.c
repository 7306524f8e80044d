/* test_extract.c - the extractor end to end: golden input articles,
 * decoded and deduplicated as the pipeline does, on the fixture
 * gazetteer; limits, missing resources and hostile input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "config.h"
#include "dedup.h"
#include "extract.h"
#include "utf8.h"

#define MAX_ARTICLES 16

typedef struct run_s {
    sr_article_t art;
    int removed;
    sr_incident_list_t inc;
} run_t;

static const char *root(void)
{
    const char *r = getenv("SR_ROOT");

    return r ? r : ".";
}

static sr_config_t *config(void)
{
    sr_config_t *cfg = sr_config_new();
    char path[1024];

    snprintf(path, sizeof(path), "%s/config/actors.tsv", root());
    free(cfg->actors_path);
    cfg->actors_path = strdup(path);
    return cfg;
}

static sr_gazetteer_t *fixture_gazetteer(void)
{
    char path[1024], err[512] = "";
    sr_gazetteer_t *gz;

    snprintf(path, sizeof(path), "%s/tests/fixtures/extract-gazetteer.tsv",
             root());
    gz = sr_gazetteer_open(path, NULL, err, sizeof(err));
    CHECK(gz != NULL);
    return gz;
}

/* Decodes, deduplicates and extracts every article of a golden input
 * file. Returns how many were read into runs. */
static size_t run_file(const char *name, sr_extractor_t *ex, run_t *runs)
{
    char path[1024], err[512];
    char *line = NULL;
    size_t cap = 0, n = 0;
    sr_article_limits_t lim = {1 << 20, 10000};
    sr_dedup_t *dd = sr_dedup_new(10000);
    FILE *f;

    snprintf(path, sizeof(path), "%s/tests/golden/%s.in.jsonl", root(), name);
    f = fopen(path, "r");
    CHECK(f != NULL);
    while (f != NULL && n < MAX_ARTICLES && getline(&line, &cap, f) > 0) {
        run_t *r = &runs[n++];

        sr_article_init(&r->art);
        sr_incident_list_init(&r->inc);
        CHECK_INT_EQ(sr_article_decode(line, strlen(line), &lim, &r->art, err,
                                       sizeof(err)),
                     SR_OK);
        CHECK_INT_EQ(sr_dedup_article(dd, &r->art, &r->removed, err,
                                      sizeof(err)),
                     SR_OK);
        CHECK_INT_EQ(sr_extractor_run(ex, &r->art, &r->inc, err, sizeof(err)),
                     SR_OK);
    }
    free(line);
    if (f != NULL) {
        fclose(f);
    }
    sr_dedup_destroy(dd);
    return n;
}

static void free_runs(run_t *runs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        sr_article_clear(&runs[i].art);
        sr_incident_list_clear(&runs[i].inc);
    }
}

/* The evidence of field in inc spells text in the body. */
static void check_evidence(const sr_incident_t *inc, const sr_article_t *art,
                           const char *field, const char *text)
{
    for (size_t k = 0; k < inc->evidence_count; k++) {
        const sr_evidence_t *e = &inc->evidence[k];

        if (strcmp(e->field, field) == 0) {
            CHECK_INT_EQ(e->end - e->start, strlen(text));
            CHECK(memcmp(art->body + e->start, text, strlen(text)) == 0);
            return;
        }
    }
    CHECK(!"evidence missing");
}

static void check_all_evidence(const run_t *r)
{
    for (size_t i = 0; i < r->inc.count; i++) {
        const sr_incident_t *inc = &r->inc.items[i];

        CHECK(inc->evidence_count > 0);
        CHECK(inc->confidence > 0 && inc->confidence <= 1);
        for (size_t k = 0; k < inc->evidence_count; k++) {
            CHECK(inc->evidence[k].start >= 0);
            CHECK(inc->evidence[k].start < inc->evidence[k].end);
            CHECK(inc->evidence[k].end <= (int64_t)r->art.body_len);
        }
    }
}

static const sr_actor_t *actor(const sr_incident_t *inc,
                               sr_actor_role_t role)
{
    for (size_t k = 0; k < inc->actor_count; k++) {
        if (inc->actors[k].role == role) {
            return &inc->actors[k];
        }
    }
    return NULL;
}

static void test_seed(void)
{
    sr_config_t *cfg = config();
    sr_gazetteer_t *gz = fixture_gazetteer();
    char err[512] = "";
    sr_extractor_t *ex = sr_extractor_new(cfg, gz, err, sizeof(err));
    run_t runs[MAX_ARTICLES];
    const sr_incident_t *main_ev, *heli, *camp;
    const sr_actor_t *a;

    CHECK(ex != NULL);
    CHECK_INT_EQ(run_file("seed-inates", ex, runs), 1);
    CHECK_INT_EQ(runs[0].removed, 6);
    CHECK_INT_EQ(runs[0].inc.count, 3);
    if (runs[0].inc.count == 3) {
        main_ev = &runs[0].inc.items[0];
        heli = &runs[0].inc.items[1];
        camp = &runs[0].inc.items[2];

        CHECK_INT_EQ(main_ev->role, SR_ROLE_MAIN_EVENT);
        CHECK_STR_EQ(main_ev->location.country_code, "NE");
        CHECK_STR_EQ(main_ev->location.admin1, "Tillabéri");
        CHECK_INT_EQ(main_ev->location.precision, SR_GPREC_ADMIN1);
        CHECK_INT_EQ(main_ev->time.year * 10000 + main_ev->time.month * 100 +
                         main_ev->time.day,
                     20191210);
        CHECK_INT_EQ(main_ev->time.basis, SR_TBASIS_RELATIVE_TO_PUBLICATION);
        CHECK_STR_EQ(main_ev->time.text, "on Tuesday");
        CHECK_INT_EQ(main_ev->claim.status, SR_CLAIM_CLAIMED);
        CHECK_STR_EQ(main_ev->claim.claimant, "Islamic State");
        a = actor(main_ev, SR_AROLE_CLAIMANT);
        CHECK(a != NULL && a->certainty == SR_CERT_CLAIMED);
        CHECK(!main_ev->casualties.killed.present); /* no invented count */
        CHECK_INT_EQ(main_ev->factuality, SR_FACT_ASSERTED);
        CHECK_STR_EQ(main_ev->gtd_attack_type, "Armed Assault");
        check_evidence(main_ev, &runs[0].art, "time", "on Tuesday");
        check_evidence(main_ev, &runs[0].art, "location", "in Inates");
        check_evidence(main_ev, &runs[0].art, "claim", "ISIS claimed");

        CHECK_INT_EQ(heli->role, SR_ROLE_BACKGROUND);
        CHECK_INT_EQ(heli->category, SR_CAT_ACCIDENT);
        CHECK(heli->acled_event_type == NULL && heli->gtd_attack_type == NULL);
        CHECK_STR_EQ(heli->location.country_code, "ML");
        CHECK_INT_EQ(heli->time.precision, SR_TPREC_MONTH);
        CHECK_INT_EQ(heli->time.year * 100 + heli->time.month, 201911);
        CHECK_INT_EQ(heli->casualties.killed.best, 13);
        CHECK_INT_EQ(heli->casualties.killed.qualifier, SR_QUAL_EXACT);

        CHECK_INT_EQ(camp->role, SR_ROLE_BACKGROUND);
        CHECK_STR_EQ(camp->location.country_code, "ML");
        CHECK_INT_EQ(camp->time.precision, SR_TPREC_MONTH);
        CHECK_INT_EQ(camp->time.year * 100 + camp->time.month, 201911);
        CHECK_STR_EQ(camp->time.text, "in November");
        CHECK_INT_EQ(camp->casualties.killed.best, 53);
        CHECK_INT_EQ(camp->casualties.killed.qualifier, SR_QUAL_AT_LEAST);
        check_evidence(camp, &runs[0].art, "casualties.killed",
                       "At least 53 soldiers died");
    }
    check_all_evidence(&runs[0]);
    free_runs(runs, 1);
    sr_extractor_destroy(ex);
    sr_gazetteer_destroy(gz);
    sr_config_destroy(cfg);
}

static void test_own_articles(void)
{
    sr_config_t *cfg = config();
    sr_gazetteer_t *gz = fixture_gazetteer();
    char err[512] = "";
    sr_extractor_t *ex = sr_extractor_new(cfg, gz, err, sizeof(err));
    run_t r[MAX_ARTICLES];
    size_t n = run_file("articles", ex, r);
    const sr_incident_t *inc;
    const sr_actor_t *a;

    CHECK_INT_EQ(n, 8);
    if (n != 8) {
        goto out;
    }
    /* borno: a suicide bombing with a denial of claims, and a background
     * attack in March */
    CHECK_INT_EQ(r[0].inc.count, 2);
    inc = &r[0].inc.items[0];
    CHECK_INT_EQ(inc->category, SR_CAT_SUICIDE_BOMBING);
    CHECK_INT_EQ(inc->casualties.killed.best, 12);
    CHECK_INT_EQ(inc->casualties.killed.qualifier, SR_QUAL_AT_LEAST);
    CHECK_INT_EQ(inc->casualties.injured.best, 30);
    CHECK_INT_EQ(inc->claim.status, SR_CLAIM_NOT_CLAIMED);
    CHECK_STR_EQ(inc->location.name, "Maiduguri");
    CHECK_INT_EQ(inc->location.precision, SR_GPREC_TOWN);
    /* "Boko Haram has carried out similar attacks" blames nobody here */
    for (size_t k = 0; k < inc->actor_count; k++) {
        CHECK(inc->actors[k].canonical == NULL ||
              strcmp(inc->actors[k].canonical, "Boko Haram") != 0);
    }
    inc = &r[0].inc.items[1];
    CHECK_INT_EQ(inc->role, SR_ROLE_BACKGROUND);
    CHECK_INT_EQ(inc->casualties.killed.best, 7);
    CHECK_INT_EQ(inc->location.precision, SR_GPREC_NEAR_TOWN);

    /* mandera: a kidnapping, nobody killed, a suspected perpetrator */
    CHECK(r[1].inc.count >= 1);
    inc = &r[1].inc.items[0];
    CHECK_INT_EQ(inc->category, SR_CAT_KIDNAPPING);
    CHECK_INT_EQ(inc->casualties.kidnapped.best, 2);
    CHECK_INT_EQ(inc->casualties.killed.qualifier, SR_QUAL_ZERO);
    a = actor(inc, SR_AROLE_PERPETRATOR);
    CHECK(a != NULL && a->certainty == SR_CERT_SUSPECTED);
    CHECK(a != NULL && a->canonical != NULL &&
          strcmp(a->canonical, "Al-Shabaab") == 0);

    /* kabul: a protest met with tear gas */
    CHECK_INT_EQ(r[2].inc.count, 1);
    CHECK_INT_EQ(r[2].inc.items[0].category, SR_CAT_PROTEST_WITH_INTERVENTION);
    CHECK_STR_EQ(r[2].inc.items[0].acled_event_type, "Protests");
    a = actor(&r[2].inc.items[0], SR_AROLE_SIDE_A);
    CHECK(a != NULL && a->canonical != NULL &&
          strcmp(a->canonical, "Protesters (Afghanistan)") == 0);

    /* niamey: a foiled plot with three arrests; a threat apart */
    CHECK_INT_EQ(r[3].inc.count, 2);
    CHECK_INT_EQ(r[3].inc.items[0].factuality, SR_FACT_FOILED);
    CHECK_INT_EQ(r[3].inc.items[0].casualties.arrested.best, 3);
    if (r[3].inc.count == 2) {
        CHECK_INT_EQ(r[3].inc.items[1].factuality, SR_FACT_HYPOTHETICAL);
    }

    /* a budget story: nothing */
    CHECK_INT_EQ(r[4].inc.count, 0);

    /* gao: the toll update lands on the attack it names; the clash counts
     * everyone killed (as GTD's nkill) and the militants apart */
    CHECK_INT_EQ(r[5].inc.count, 2);
    inc = &r[5].inc.items[0];
    CHECK_INT_EQ(inc->casualties.killed.best, 24);
    CHECK_STR_EQ(inc->claim.claimant, "Islamic State in the Greater Sahara");
    CHECK_STR_EQ(inc->location.name, "Tessit");
    CHECK_INT_EQ(inc->location.precision, SR_GPREC_ADMIN1);
    CHECK_INT_EQ(inc->time.basis, SR_TBASIS_EXPLICIT);
    inc = &r[5].inc.items[1];
    CHECK_INT_EQ(inc->category, SR_CAT_ARMED_CLASH);
    CHECK_INT_EQ(inc->casualties.killed.best, 7);
    CHECK_INT_EQ(inc->casualties.killed_perpetrators.best, 5);
    a = actor(inc, SR_AROLE_SIDE_A);
    CHECK(a != NULL && a->canonical != NULL &&
          strcmp(a->canonical, "Military Forces of Mali") == 0);
    /* kano: a denied attack (its "no attack took place" with it), a
     * threat, and last year's bombing */
    CHECK_INT_EQ(r[6].inc.count, 3);
    if (r[6].inc.count == 3) {
        CHECK_INT_EQ(r[6].inc.items[0].factuality, SR_FACT_DENIED);
        CHECK(actor(&r[6].inc.items[0], SR_AROLE_TARGET) == NULL);
        CHECK_INT_EQ(r[6].inc.items[1].factuality, SR_FACT_HYPOTHETICAL);
        CHECK(!r[6].inc.items[1].time.has_date);
        CHECK_INT_EQ(r[6].inc.items[2].role, SR_ROLE_BACKGROUND);
        CHECK_INT_EQ(r[6].inc.items[2].casualties.injured.best, 9);
    }
    /* a roundup: two attacks of the week, two totals that are no event */
    CHECK_INT_EQ(r[7].inc.count, 2);
    if (r[7].inc.count == 2) {
        CHECK_INT_EQ(r[7].inc.items[0].role, SR_ROLE_MAIN_EVENT);
        CHECK_INT_EQ(r[7].inc.items[0].casualties.killed.best, 5);
        CHECK_STR_EQ(r[7].inc.items[0].location.admin1, "Kaduna");
        CHECK_INT_EQ(r[7].inc.items[1].category, SR_CAT_REMOTE_EXPLOSIVE_IED);
        CHECK_INT_EQ(r[7].inc.items[1].time.day, 5);
        CHECK_INT_EQ(r[7].inc.items[1].location.precision,
                     SR_GPREC_NEAR_TOWN);
    }
    for (size_t i = 0; i < n; i++) {
        check_all_evidence(&r[i]);
    }
out:
    free_runs(r, n);
    sr_extractor_destroy(ex);
    sr_gazetteer_destroy(gz);
    sr_config_destroy(cfg);
}

static void test_limits_and_resources(void)
{
    sr_config_t *cfg = config();
    char err[512] = "";
    sr_extractor_t *ex;
    run_t r[MAX_ARTICLES];

    /* without a gazetteer: the same incidents, no places */
    cfg->max_incidents = 2;
    ex = sr_extractor_new(cfg, NULL, err, sizeof(err));
    CHECK(ex != NULL);
    CHECK_INT_EQ(run_file("seed-inates", ex, r), 1);
    CHECK_INT_EQ(r[0].inc.count, 2); /* capped by max.incidents */
    CHECK_INT_EQ(r[0].inc.items[0].location.precision, SR_GPREC_UNKNOWN);
    CHECK_STR_EQ(r[0].inc.items[0].claim.claimant, "Islamic State");
    free_runs(r, 1);
    sr_extractor_destroy(ex);

    free(cfg->actors_path);
    cfg->actors_path = strdup("/nonexistent/actors.tsv");
    CHECK(sr_extractor_new(cfg, NULL, err, sizeof(err)) == NULL);
    CHECK(strstr(err, "/nonexistent/actors.tsv") != NULL);
    sr_config_destroy(cfg);
}

/* Extracts body (published y-m-d) with the fixture gazetteer into out. */
static void run_text(const char *body, int y, int m, int d,
                     sr_incident_list_t *out)
{
    sr_config_t *cfg = config();
    sr_gazetteer_t *gz = fixture_gazetteer();
    char err[512] = "";
    sr_extractor_t *ex = sr_extractor_new(cfg, gz, err, sizeof(err));
    sr_article_t art;

    memset(&art, 0, sizeof(art));
    art.body = (char *)body;
    art.body_len = strlen(body);
    art.has_published = 1;
    art.pub_year = y;
    art.pub_month = m;
    art.pub_day = d;
    CHECK(ex != NULL);
    if (ex != NULL) {
        CHECK_INT_EQ(sr_extractor_run(ex, &art, out, err, sizeof(err)), SR_OK);
    }
    sr_extractor_destroy(ex);
    sr_gazetteer_destroy(gz);
    sr_config_destroy(cfg);
}

static void test_event_dates(void)
{
    sr_incident_list_t out;

    /* a named day beats a weekday */
    sr_incident_list_init(&out);
    run_text("Gunmen shot dead a police officer in Kano late on Sunday "
             "[17 October].",
             2015, 10, 20, &out);
    CHECK_INT_EQ(out.count, 1);
    if (out.count == 1) {
        CHECK_INT_EQ(out.items[0].time.day, 17);
        CHECK_INT_EQ(out.items[0].casualties.killed.best, 1);
    }
    sr_incident_list_clear(&out);
    /* a date after publication is not the event's */
    sr_incident_list_init(&out);
    run_text("Radicals hurled bombs at a base in Kano, ahead of a visit on "
             "11/1/2020.",
             2020, 7, 6, &out);
    CHECK_INT_EQ(out.count, 1);
    if (out.count == 1) {
        CHECK_INT_EQ(out.items[0].time.basis, SR_TBASIS_PUBLICATION_FALLBACK);
        CHECK_INT_EQ(out.items[0].time.month, 7);
    }
    sr_incident_list_clear(&out);
}

/* Runs body (published y-m-d) into out, which must hold exactly one
 * incident: returns it, or NULL. The caller clears out. */
static const sr_incident_t *only_incident(sr_incident_list_t *out,
                                          const char *body, int y, int m,
                                          int d)
{
    sr_incident_list_init(out);
    run_text(body, y, m, d, out);
    CHECK_INT_EQ(out->count, 1);
    return out->count == 1 ? &out->items[0] : NULL;
}

static void test_claim_date(void)
{
    sr_incident_list_t out;
    const sr_incident_t *inc;

    /* the day of the claim is not the day of the attack */
    inc = only_incident(&out,
                        "Two militants bombed a police post in Kano. On "
                        "Sunday, Boko Haram claimed the attacks in a video.",
                        2020, 5, 6);
    if (inc != NULL) {
        CHECK_INT_EQ(inc->time.basis, SR_TBASIS_PUBLICATION_FALLBACK);
        CHECK_INT_EQ(inc->time.day, 6);
    }
    sr_incident_list_clear(&out);
}

static void test_series_share(void)
{
    /* GTD's convention: a toll over a series is shared equally; the
     * incident's own count stays; no number of attacks, no share */
    static const struct {
        const char *text;
        int64_t killed, injured; /* -1: no count */
        sr_qualifier_t killed_qual;
    } cases[] = {
        {"Gunmen attacked a market in Gao on Sunday. It was one of three "
         "related attacks around Gao that day. At least 31 people were "
         "killed and six were injured across all of the attacks.",
         10, 2, SR_QUAL_APPROXIMATE},
        {"A bomb exploded at a bus station in Gao on Sunday. This was one of "
         "two related bombings in the city. Nine people died in this "
         "blast, and four were injured across both attacks.",
         9, 2, SR_QUAL_EXACT},
        {"Gunmen attacked a market in Gao on Sunday. At least 31 people were "
         "killed across the attacks.",
         -1, -1, SR_QUAL_EXACT},
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        sr_incident_list_t out;
        const sr_incident_t *inc =
            only_incident(&out, cases[i].text, 2021, 5, 24);

        if (inc == NULL) {
            continue;
        }
        if (cases[i].killed < 0) {
            CHECK(!inc->casualties.killed.present);
        } else {
            CHECK_INT_EQ(inc->casualties.killed.best, cases[i].killed);
            CHECK_INT_EQ(inc->casualties.killed.qualifier,
                         cases[i].killed_qual);
        }
        if (cases[i].injured < 0) {
            CHECK(!inc->casualties.injured.present);
        } else {
            CHECK_INT_EQ(inc->casualties.injured.best, cases[i].injured);
        }
        sr_incident_list_clear(&out);
    }
}

static void test_adds_on(void)
{
    sr_incident_list_t out;
    const sr_incident_t *inc;

    /* "In addition": more of the same attack, whatever date it gives */
    inc = only_incident(&out,
                        "Gunmen opened fire on trucks near Gao on Sunday, "
                        "killing two drivers. In addition, five passengers "
                        "were abducted and released on 20 May.",
                        2021, 5, 24);
    if (inc != NULL) {
        CHECK_INT_EQ(inc->category, SR_CAT_KIDNAPPING);
        CHECK_STR_EQ(inc->gtd_attack_type, "Hostage Taking (Kidnapping)");
        CHECK_INT_EQ(inc->casualties.kidnapped.best, 5);
    }
    sr_incident_list_clear(&out);
}

static void test_counts_follow(void)
{
    sr_incident_list_t out;
    const sr_incident_t *inc;

    /* a count with no event word tells of the incident before it */
    inc = only_incident(&out,
                        "Gunmen attacked a village near Gao on Monday. "
                        "Fifteen villagers were missing.",
                        2020, 6, 10);
    CHECK(inc == NULL || inc->casualties.missing.best == 15);
    sr_incident_list_clear(&out);
    /* not one with a place of its own */
    inc = only_incident(&out,
                        "Gunmen attacked a village near Gao on Monday. In "
                        "Kano, fifteen people were missing.",
                        2020, 6, 10);
    CHECK(inc == NULL || !inc->casualties.missing.present);
    sr_incident_list_clear(&out);
    /* "one of three related attacks" places the incident in a series;
     * a toll "across the attacks" is the series': this one gets GTD's
     * equal share, marked approximate */
    inc = only_incident(&out,
                        "Gunmen attacked a police post near Gao on Monday. "
                        "It was one of three related attacks around Gao "
                        "on this day. Nine officers were killed across the "
                        "attacks. Boko Haram claimed responsibility.",
                        2020, 6, 10);
    CHECK(inc == NULL || (inc->casualties.killed.best == 3 &&
                          inc->casualties.killed.qualifier ==
                              SR_QUAL_APPROXIMATE &&
                          inc->claim.status == SR_CLAIM_CLAIMED));
    sr_incident_list_clear(&out);
    /* the day a claim was made is not the attack's */
    inc = only_incident(&out,
                        "Militants attacked a base near Maiduguri on Monday, "
                        "killing six soldiers. Boko Haram claimed "
                        "responsibility for the attack in a statement on "
                        "Tuesday.",
                        2021, 9, 1);
    CHECK(inc == NULL ||
          (inc->time.day == 30 && inc->claim.status == SR_CLAIM_CLAIMED));
    sr_incident_list_clear(&out);
}

static void test_late_report(void)
{
    sr_incident_list_t out;
    const sr_incident_t *inc;

    /* a report weeks after its one event: still the article's news */
    inc = only_incident(&out,
                        "On 2 May 2021, gunmen killed four farmers near Kano.",
                        2021, 5, 30);
    CHECK(inc == NULL || inc->role == SR_ROLE_MAIN_EVENT);
    sr_incident_list_clear(&out);
    /* told as earlier, it stays background */
    inc = only_incident(&out,
                        "Last month, gunmen killed four farmers near Kano.",
                        2021, 5, 30);
    CHECK(inc == NULL || inc->role == SR_ROLE_BACKGROUND);
    sr_incident_list_clear(&out);
}

static void test_same_day_two_towns(void)
{
    sr_incident_list_t out;

    sr_incident_list_init(&out);
    run_text("Gunmen attacked a church in Kano on Monday, killing four "
             "people. Also on Monday, militants attacked a market in "
             "Maiduguri, wounding six.",
             2020, 5, 6, &out);
    CHECK_INT_EQ(out.count, 2);
    if (out.count == 2) {
        CHECK_STR_EQ(out.items[0].location.name, "Kano");
        CHECK_STR_EQ(out.items[1].location.name, "Maiduguri");
        CHECK_INT_EQ(out.items[1].casualties.injured.best, 6);
    }
    sr_incident_list_clear(&out);
}

static void test_headline_and_blame(void)
{
    sr_incident_list_t out;
    const sr_actor_t *a;

    /* a headline told in full is one incident; its subject is a victim */
    sr_incident_list_init(&out);
    run_text("Farmers killed near Maiduguri\n\nGunmen killed at least 43 "
             "farmers near Maiduguri on Saturday. The attack was blamed on "
             "Boko Haram.",
             2020, 11, 30, &out);
    CHECK_INT_EQ(out.count, 1);
    if (out.count == 1) {
        CHECK_INT_EQ(out.items[0].casualties.killed.best, 43);
        CHECK_INT_EQ(out.items[0].time.day, 28);
        a = actor(&out.items[0], SR_AROLE_TARGET);
        CHECK(a != NULL && strcmp(a->text, "Farmers") == 0);
        for (size_t k = 0; k < out.items[0].actor_count; k++) {
            a = &out.items[0].actors[k];
            if (a->canonical != NULL && strcmp(a->canonical, "Boko Haram") == 0) {
                CHECK_INT_EQ(a->role, SR_AROLE_PERPETRATOR);
                CHECK_INT_EQ(a->certainty, SR_CERT_BLAMED_BY_OTHER);
            }
        }
    }
    sr_incident_list_clear(&out);
    /* "in the same region": the region named before */
    sr_incident_list_init(&out);
    run_text("Gunmen killed four soldiers in Maiduguri on Monday.\n\n"
             "Last year, seven people were killed in a raid in the same "
             "region.",
             2020, 5, 6, &out);
    CHECK_INT_EQ(out.count, 2);
    if (out.count == 2) {
        CHECK_INT_EQ(out.items[1].role, SR_ROLE_BACKGROUND);
        CHECK_STR_EQ(out.items[1].location.name, "Borno");
        CHECK_INT_EQ(out.items[1].location.precision, SR_GPREC_ADMIN1);
    }
    sr_incident_list_clear(&out);
    /* a namesake town in a country the story never names is not trusted */
    sr_incident_list_init(&out);
    run_text("Nigeria's army gave new figures on Monday.\n\nMilitants "
             "attacked a camp in Paris on Sunday, killing 3 soldiers.",
             2020, 5, 6, &out);
    CHECK_INT_EQ(out.count, 1);
    if (out.count == 1) {
        CHECK_STR_EQ(out.items[0].location.country_code, "NG");
        CHECK_INT_EQ(out.items[0].location.precision, SR_GPREC_COUNTRY);
    }
    sr_incident_list_clear(&out);
    /* "blew himself up": a suicide bombing */
    sr_incident_list_init(&out);
    run_text("A suicide bomber blew himself up outside a school in Kano, "
             "killing 15 people.",
             2021, 5, 9, &out);
    CHECK_INT_EQ(out.count, 1);
    if (out.count == 1) {
        CHECK_INT_EQ(out.items[0].category, SR_CAT_SUICIDE_BOMBING);
        CHECK_INT_EQ(out.items[0].casualties.killed.best, 15);
    }
    sr_incident_list_clear(&out);
}

typedef struct label_case_s {
    const char *body;
    const char *acled, *acled_sub, *gtd; /* NULL: no label */
    sr_factuality_t fact;
} label_case_t;

static void check_label_case(const label_case_t *c)
{
    sr_incident_list_t out;

    sr_incident_list_init(&out);
    run_text(c->body, 2021, 5, 10, &out);
    CHECK(out.count >= 1);
    if (out.count >= 1) {
        const sr_incident_t *inc = &out.items[0];

        if ((inc->acled_event_type == NULL) != (c->acled == NULL) ||
            (c->acled != NULL && strcmp(inc->acled_event_type, c->acled) != 0) ||
            (inc->gtd_attack_type == NULL) != (c->gtd == NULL) ||
            (c->gtd != NULL && strcmp(inc->gtd_attack_type, c->gtd) != 0)) {
            fprintf(stderr, "  \"%s\": %s / %s / %s\n", c->body,
                    inc->acled_event_type ? inc->acled_event_type : "-",
                    inc->acled_sub_event_type ? inc->acled_sub_event_type : "-",
                    inc->gtd_attack_type ? inc->gtd_attack_type : "-");
        }
        if (c->acled != NULL) {
            CHECK_STR_EQ(inc->acled_event_type, c->acled);
            CHECK_STR_EQ(inc->acled_sub_event_type, c->acled_sub);
        } else {
            CHECK(inc->acled_event_type == NULL);
        }
        if (c->gtd != NULL) {
            CHECK_STR_EQ(inc->gtd_attack_type, c->gtd);
        } else {
            CHECK(inc->gtd_attack_type == NULL);
        }
        CHECK_INT_EQ(inc->factuality, c->fact);
    }
    sr_incident_list_clear(&out);
}

/* ACLED's and GTD's labels over whole articles, and the factuality that
 * keeps an event that did not happen from reading as one that did. */
static void test_labels_and_factuality(void)
{
    static const label_case_t cases[] = {
        /* state forces against an armed group: a battle */
        {"Troops killed five militants in a raid on their hideout near "
         "Maiduguri on Sunday.",
         "Battles", "Armed clash", "Armed Assault", SR_FACT_ASSERTED},
        /* armed men against civilians */
        {"Gunmen killed three farmers near Kano on Saturday.",
         "Violence against civilians", "Attack", "Armed Assault",
         SR_FACT_ASSERTED},
        /* the victims say who was attacked, whoever else is named */
        {"Bandits killed 12 villagers near Kano on Sunday before soldiers "
         "arrived.",
         "Violence against civilians", "Attack", "Armed Assault",
         SR_FACT_ASSERTED},
        {"Gunmen attacked a village near a military base in Kano on "
         "Sunday, killing three.",
         "Violence against civilians", "Attack", "Armed Assault",
         SR_FACT_ASSERTED},
        {"Soldiers killed five civilians at a checkpoint near Kano on "
         "Sunday.",
         "Violence against civilians", "Attack", "Armed Assault",
         SR_FACT_ASSERTED},
        /* the villagers' attackers were driven off by others in arms */
        {"Bandits attacked a village near Kano on Friday. They were "
         "repelled by a local militia.",
         "Battles", "Armed clash", "Armed Assault", SR_FACT_ASSERTED},
        /* an off-duty soldier counts as a civilian for ACLED */
        {"Militants shot dead an off-duty soldier near Mandera on Monday.",
         "Violence against civilians", "Attack", "Armed Assault",
         SR_FACT_ASSERTED},
        /* property attacked, nobody hurt */
        {"Assailants set fire to a telecommunication mast in Kano on "
         "Friday. There were no casualties in the attack.",
         "Strategic developments", "Looting/property destruction",
         "Facility/Infrastructure Attack", SR_FACT_ASSERTED},
        /* hostages kept inside */
        {"A gunman stormed a bank in Kabul on Monday and held twelve "
         "people hostage for six hours.",
         "Violence against civilians", "Abduction/forced disappearance",
         "Hostage Taking (Barricade Incident)", SR_FACT_ASSERTED},
        /* a grenade that did not go off */
        {"Militants lobbed a grenade at a police post in Kabul on Sunday, "
         "but it did not explode.",
         "Strategic developments", "Disrupted weapons use",
         "Bombing/Explosion", SR_FACT_ASSERTED},
        /* surrenders and curfews are strategic developments */
        {"Forty fighters surrendered to the army in Konduga on Monday.",
         "Strategic developments", "Agreement", NULL, SR_FACT_ASSERTED},
        {"Authorities imposed a curfew on Maiduguri on Sunday.",
         "Strategic developments", "Change to group/activity", NULL,
         SR_FACT_ASSERTED},
        /* an armed group whose name holds "Army" is one side, not two */
        {"Gunmen of the Kachin Independence Army attacked a village near "
         "Myitkyina on Sunday.",
         "Violence against civilians", "Attack", "Armed Assault",
         SR_FACT_ASSERTED},
        /* a crowd's burning and looting: a riot, whoever it faces */
        {"Supporters of the jailed mayor clashed with police and looted "
         "shops in Kisumu on Monday. Two people were killed.",
         "Riots", "Violent demonstration", NULL, SR_FACT_ASSERTED},
        /* two armed sides fighting, and ground taken in the fight */
        {"Rebels fought army troops near Rutshuru on Tuesday. Five soldiers "
         "were killed.",
         "Battles", "Armed clash", NULL, SR_FACT_ASSERTED},
        {"Rebels fought army troops and seized the town of Kiwanja on "
         "Tuesday.",
         "Battles", "Non-state actor overtakes territory", "Armed Assault",
         SR_FACT_ASSERTED},
        /* ground handed over without a fight, and a coup */
        {"Army troops entered Kidal on Monday after the rebels withdrew.",
         "Strategic developments", "Non-violent transfer of territory", NULL,
         SR_FACT_ASSERTED},
        {"Officers removed the president from power in a coup in Bamako on "
         "Monday.",
         "Strategic developments", "Other", NULL, SR_FACT_ASSERTED},
        /* a killing with no usual verb */
        {"Soldiers executed twelve men near Mopti on Sunday.",
         "Violence against civilians", "Attack", "Armed Assault",
         SR_FACT_ASSERTED},
        /* GTD: a titled target outranks the bomb */
        {"A bomb exploded under the car of Senator Ana Ruiz in Cali on "
         "Friday, killing her and her driver.",
         "Explosions/Remote violence", "Remote explosive/landmine/IED",
         "Assassination",
         SR_FACT_ASSERTED},
        /* a crowd gathered for a cause */
        {"Hundreds of traders gathered in Kano on Monday to demand lower "
         "taxes.",
         "Protests", "Peaceful protest", NULL, SR_FACT_ASSERTED},
        /* plans, foiled plots, denials and negations are flagged */
        {"Police foiled a plot to bomb a church in Kano on Sunday.",
         "Strategic developments", "Disrupted weapons use",
         "Bombing/Explosion", SR_FACT_FOILED},
        {"The group threatened to attack schools in Kano.",
         "Violence against civilians", "Attack", "Armed Assault",
         SR_FACT_PLANNED_OR_THREATENED},
        {"Police denied reports that gunmen had attacked a village near "
         "Maiduguri.",
         "Violence against civilians", "Attack", "Armed Assault",
         SR_FACT_DENIED},
        {"Rebels did not attack the town of Konduga, officials said.",
         "Violence against civilians", "Attack", "Armed Assault",
         SR_FACT_NEGATED},
        {"Officials fear militants could attack Maiduguri again.",
         "Violence against civilians", "Attack", "Armed Assault",
         SR_FACT_HYPOTHETICAL},
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        check_label_case(&cases[i]);
    }
}

/* Random soup of the words the rules react to: must never crash, every
 * evidence span must stay inside the body. */
static void test_hostile_input(void)
{
    static const char *const words[] = {
        "killed", "at", "least", "53", "soldiers", "on", "Tuesday", ".",
        "the", "attack", "in", "Inates", ",", "ISIS", "claimed", "no", "one",
        "was", "\n\n", "dozens", "-", "twenty", "'s", "04/28/2020", "2020-",
        "Nigerien", "the country", "near", "border", "\xE2\x80\x9C", "\xC3",
        "village of", "toll", "rose to", "and", "including", "last month",
        "Mr.", "U.S.", "1,200", "2.5", "between", "up to", "several",
        "hundred", "a dozen", "by", "Boko Haram", "militants", "IS", "\t"};
    sr_config_t *cfg = config();
    sr_gazetteer_t *gz = fixture_gazetteer();
    char err[512] = "";
    sr_extractor_t *ex = sr_extractor_new(cfg, gz, err, sizeof(err));
    unsigned seed = 12345;
    char body[4096];

    for (int round = 0; round < 300 && ex != NULL; round++) {
        sr_article_t art;
        sr_incident_list_t out;
        size_t len = 0;

        while (len + 32 < sizeof(body)) {
            const char *w;

            seed = seed * 1103515245u + 12345u;
            w = words[(seed >> 16) % (sizeof(words) / sizeof(words[0]))];
            len += (size_t)snprintf(body + len, sizeof(body) - len, "%s%s", w,
                                    (seed >> 8) % 3 ? " " : "");
            if ((seed >> 4) % 97 == 0) {
                break;
            }
        }
        memset(&art, 0, sizeof(art));
        art.body = body;
        art.body_len = len;
        art.has_published = round % 2;
        art.pub_year = 2020;
        art.pub_month = 1 + round % 12;
        art.pub_day = 1 + round % 28;
        sr_incident_list_init(&out);
        CHECK_INT_EQ(sr_extractor_run(ex, &art, &out, err, sizeof(err)),
                     SR_OK);
        CHECK(out.count <= (size_t)cfg->max_incidents);
        for (size_t i = 0; i < out.count; i++) {
            for (size_t k = 0; k < out.items[i].evidence_count; k++) {
                CHECK(out.items[i].evidence[k].end <= (int64_t)len);
            }
        }
        sr_incident_list_clear(&out);
    }
    sr_extractor_destroy(ex);
    sr_gazetteer_destroy(gz);
    sr_config_destroy(cfg);
}

/* A phrase longer than the span buffer, in two-byte letters: every text
 * copied from it stays whole UTF-8, cut between characters. */
static void test_long_spans(void)
{
    static const char head[] = "Gunmen shot dead a guard ";
    static const char tail[] = "before police shot him dead in Kano.";
    char body[1024];
    size_t len = 0;
    sr_incident_list_t out;

    len += (size_t)snprintf(body, sizeof(body), "%s", head);
    for (int k = 0; k < 140; k++) {
        len += (size_t)snprintf(body + len, sizeof(body) - len, "\xC3\xA9"
                                "\xC3\xA9 ");
    }
    snprintf(body + len, sizeof(body) - len, "%s", tail);
    sr_incident_list_init(&out);
    run_text(body, 2021, 3, 2, &out);
    CHECK(out.count >= 1);
    for (size_t i = 0; i < out.count; i++) {
        const sr_count_t *killed = &out.items[i].casualties.killed;

        if (killed->present && killed->text != NULL) {
            CHECK(strlen(killed->text) > 400);
            CHECK(sr_utf8_valid(killed->text, strlen(killed->text), NULL));
        }
        for (size_t a = 0; a < out.items[i].actor_count; a++) {
            const char *t = out.items[i].actors[a].text;

            CHECK(t == NULL || sr_utf8_valid(t, strlen(t), NULL));
        }
    }
    sr_incident_list_clear(&out);
}

TEST_LIST = {{"seed", test_seed},
             {"labels_and_factuality", test_labels_and_factuality},
             {"claim_date", test_claim_date},
             {"series_share", test_series_share},
             {"late_report", test_late_report},
             {"adds_on", test_adds_on},
             {"counts_follow", test_counts_follow},
             {"own_articles", test_own_articles},
             {"limits_and_resources", test_limits_and_resources},
             {"event_dates", test_event_dates},
             {"same_day_two_towns", test_same_day_two_towns},
             {"headline_and_blame", test_headline_and_blame},
             {"hostile_input", test_hostile_input},
             {"long_spans", test_long_spans},
             {NULL, NULL}};
