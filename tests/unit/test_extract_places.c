/* test_extract_places.c - place mentions and their resolution, on the
 * small fixture gazetteer tests/fixtures/extract-gazetteer.tsv. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "extract_fixture.h"
#include "places.h"

static sr_gazetteer_t *open_fixture(void)
{
    const char *root = getenv("SR_ROOT");
    char path[1024], err[512] = "";
    sr_gazetteer_t *gz;

    snprintf(path, sizeof(path), "%s/tests/fixtures/extract-gazetteer.tsv",
             root ? root : ".");
    gz = sr_gazetteer_open(path, NULL, err, sizeof(err));
    if (gz == NULL) {
        fprintf(stderr, "    %s\n", err);
    }
    CHECK(gz != NULL);
    return gz;
}

static size_t places(const sr_gazetteer_t *gz, sr_doc_t *doc,
                     const char *text, sr_place_hit_t *h)
{
    fixture_doc(doc, text, 2019, 12, 12);
    return sr_places_find(gz, doc, 0, doc->ntok, h, 8);
}

static void test_recognition(void)
{
    sr_gazetteer_t *gz = open_fixture();
    sr_doc_t doc;
    sr_place_hit_t h[8];
    char buf[256];
    size_t n;

    if (gz == NULL) {
        return;
    }
    sr_doc_init(&doc);
    n = places(gz, &doc,
               "Militants ambushed soldiers at an outpost in Inates, in the "
               "west of the country near the Mali border.",
               h);
    CHECK_INT_EQ(n, 3);
    CHECK_INT_EQ(h[0].kind, SR_PH_PLACE);
    CHECK_STR_EQ(fixture_span(&doc, h[0].text_tb, h[0].text_te, buf),
                 "in Inates");
    CHECK(h[0].prep && !h[0].modifier);
    CHECK_INT_EQ(h[1].kind, SR_PH_THE_COUNTRY);
    CHECK_INT_EQ(h[2].kind, SR_PH_PLACE);
    CHECK(h[2].modifier); /* "the Mali border" is not where it happened */

    /* a person's name and a capitalised common word are not places; a
     * small town needs a preposition, a big one does not */
    n = places(gz, &doc,
               "President Mahamadou Issoufou met Fierce Konduga officials "
               "in Maiduguri. Maiduguri mourned. They fled to Konduga.",
               h);
    CHECK_INT_EQ(n, 3);
    CHECK_STR_EQ(fixture_span(&doc, h[0].tb, h[0].te, buf), "Maiduguri");
    CHECK_STR_EQ(fixture_span(&doc, h[1].tb, h[1].te, buf), "Maiduguri");
    CHECK(!h[1].prep);
    CHECK_STR_EQ(fixture_span(&doc, h[2].text_tb, h[2].text_te, buf),
                 "to Konduga");

    /* a comma chain opened by "in" makes each name a place; without the
     * preposition a small town is not believed */
    n = places(gz, &doc, "Gunmen struck in Dalori, Konduga, Borno. "
                         "Officials met Dalori, Konduga.",
               h);
    CHECK_INT_EQ(n, 3);
    /* the unknown head of the chain is kept by name, in its containers */
    CHECK_INT_EQ(h[0].kind, SR_PH_UNKNOWN);
    CHECK_STR_EQ(fixture_span(&doc, h[0].tb, h[0].te, buf), "Dalori");
    CHECK_INT_EQ(h[0].near, SR_NEAR_DISTRICT);
    CHECK_STR_EQ(fixture_span(&doc, h[1].tb, h[1].te, buf), "Konduga");
    CHECK_STR_EQ(fixture_span(&doc, h[2].tb, h[2].te, buf), "Borno");

    /* demonyms, "the country's north-east", unknown villages */
    n = places(gz, &doc,
               "Nigerien soldiers died in the country's north-east, near "
               "the village of Tessit.",
               h);
    CHECK_INT_EQ(n, 3);
    CHECK_INT_EQ(h[0].kind, SR_PH_DEMONYM);
    CHECK_STR_EQ(h[0].cands[0]->country_code, "NE");
    CHECK_INT_EQ(h[1].kind, SR_PH_THE_COUNTRY);
    CHECK_STR_EQ(fixture_span(&doc, h[1].text_tb, h[1].text_te, buf),
                 "in the country's north-east");
    CHECK_INT_EQ(h[2].kind, SR_PH_UNKNOWN);
    CHECK_STR_EQ(fixture_span(&doc, h[2].tb, h[2].te, buf), "Tessit");
    CHECK(h[2].near);

    /* "the same department" is a reference, resolved by the caller */
    n = places(gz, &doc, "Seven people died in the same department.", h);
    CHECK_INT_EQ(n, 1);
    CHECK_INT_EQ(h[0].kind, SR_PH_THE_SAME);
    CHECK(h[0].admin_word);
    CHECK_STR_EQ(fixture_span(&doc, h[0].text_tb, h[0].text_te, buf),
                 "in the same department");

    /* unknown settlements named before their kind or their containers */
    n = places(gz, &doc, "Gunmen raided Bubamba village and homes in Safala "
                         "(Gao). They met Mahamadou Issoufou in Maiduguri.",
               h);
    CHECK_INT_EQ(n, 3);
    CHECK_INT_EQ(h[0].kind, SR_PH_UNKNOWN);
    CHECK_STR_EQ(fixture_span(&doc, h[0].tb, h[0].te, buf), "Safala");
    CHECK_STR_EQ(fixture_span(&doc, h[1].tb, h[1].te, buf), "Gao");
    CHECK_STR_EQ(fixture_span(&doc, h[2].tb, h[2].te, buf), "Maiduguri");
    fixture_done(&doc);
    sr_gazetteer_destroy(gz);
}

static void test_pick(void)
{
    sr_gazetteer_t *gz = open_fixture();
    sr_doc_t doc;
    sr_place_hit_t h[8];

    if (gz == NULL) {
        return;
    }
    sr_doc_init(&doc);
    CHECK_INT_EQ(places(gz, &doc, "It happened in Paris.", h), 1);
    CHECK_STR_EQ(sr_place_pick(&h[0], NULL)->country_code, "FR");
    CHECK_STR_EQ(sr_place_pick(&h[0], "US")->country_code, "US");
    /* a country name is the country even where a region shares it */
    CHECK_INT_EQ(places(gz, &doc, "It happened in Niger.", h), 1);
    CHECK_INT_EQ(sr_place_pick(&h[0], "NG")->kind, SR_PLACE_COUNTRY);
    /* the city unless the text says region */
    CHECK_INT_EQ(places(gz, &doc, "It happened in Gao.", h), 1);
    CHECK_INT_EQ(sr_place_pick(&h[0], NULL)->kind, SR_PLACE_CITY);
    CHECK_INT_EQ(places(gz, &doc, "It happened in the Gao region.", h), 1);
    CHECK_INT_EQ(sr_place_pick(&h[0], NULL)->kind, SR_PLACE_ADMIN1);
    fixture_done(&doc);
    sr_gazetteer_destroy(gz);
}

static void test_resolution(void)
{
    sr_gazetteer_t *gz = open_fixture();
    const sr_place_t *p[4];
    sr_incident_t inc;

    if (gz == NULL) {
        return;
    }
    sr_incident_init(&inc);
    /* no coordinates: proven down to its admin1 region */
    CHECK_INT_EQ(sr_gazetteer_lookup(gz, "Inates", 6, p, 4), 1);
    sr_place_to_location(gz, p[0], NULL, "in Inates", 0, 0.8, &inc.location);
    CHECK_STR_EQ(inc.location.text, "in Inates");
    CHECK_STR_EQ(inc.location.name, "Inatès");
    CHECK_STR_EQ(inc.location.country_code, "NE");
    CHECK_STR_EQ(inc.location.country, "Niger");
    CHECK_STR_EQ(inc.location.admin1, "Tillabéri");
    CHECK_INT_EQ(inc.location.precision, SR_GPREC_ADMIN1);
    CHECK(inc.location.has_coords);
    CHECK_DBL_NEAR(inc.location.lat, 14.21, 1e-9);
    CHECK_STR_EQ(inc.location.source, "gazetteer");
    sr_incident_clear(&inc);
    /* a town with coordinates; "near" */
    CHECK_INT_EQ(sr_gazetteer_lookup(gz, "Konduga", 7, p, 4), 1);
    sr_place_to_location(gz, p[0], NULL, "near Konduga", 1, 0.8,
                         &inc.location);
    CHECK_INT_EQ(inc.location.precision, SR_GPREC_NEAR_TOWN);
    CHECK_STR_EQ(inc.location.admin1, "Borno");
    CHECK_DBL_NEAR(inc.location.lon, 13.42, 1e-9);
    sr_incident_clear(&inc);
    /* a country */
    sr_place_to_location(gz, sr_gazetteer_country(gz, "ML"), NULL, NULL, 0,
                         0.3, &inc.location);
    CHECK_INT_EQ(inc.location.precision, SR_GPREC_COUNTRY);
    CHECK(inc.location.admin1 == NULL);
    CHECK(inc.location.text == NULL);
    sr_incident_clear(&inc);
    sr_gazetteer_destroy(gz);
}

/* A region the gazetteer cannot place: its towns stand at the country,
 * precision COUNTRY, the region still named. */
static void test_region_without_coords(void)
{
    const char *root = getenv("SR_ROOT");
    char main_path[1024], supp[] = "/tmp/sr-places-test-XXXXXX", err[512];
    const sr_place_t *p[4];
    sr_gazetteer_t *gz;
    sr_incident_t inc;
    int fd = mkstemp(supp);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;

    CHECK(f != NULL);
    if (f == NULL) {
        return;
    }
    fputs("A\tNE.99\tTestregion\tNE\t99\t\t\t0\tADM1\t\t\n"
          "P\tx-testville\tTestville\tNE\t99\t\t\t0\tPPL\t\t\n",
          f);
    fclose(f);
    snprintf(main_path, sizeof(main_path),
             "%s/tests/fixtures/extract-gazetteer.tsv", root ? root : ".");
    gz = sr_gazetteer_open(main_path, supp, err, sizeof(err));
    unlink(supp);
    CHECK(gz != NULL);
    if (gz == NULL) {
        return;
    }
    sr_incident_init(&inc);
    CHECK_INT_EQ(sr_gazetteer_lookup(gz, "Testville", 9, p, 4), 1);
    sr_place_to_location(gz, p[0], NULL, "in Testville", 0, 0.8,
                         &inc.location);
    CHECK_INT_EQ(inc.location.precision, SR_GPREC_COUNTRY);
    CHECK_STR_EQ(inc.location.admin1, "Testregion");
    CHECK_STR_EQ(inc.location.name, "Testville");
    CHECK(inc.location.has_coords);
    sr_incident_clear(&inc);
    sr_gazetteer_destroy(gz);
}

/* Routes and anchors: "the A-B road" is a route's end, "N km from X" an
 * anchor near X, the containers of "towards X" are on the route; a
 * coder's note names a place without a route. */
static void test_routes_and_notes(void)
{
    sr_gazetteer_t *gz = open_fixture();
    sr_doc_t doc;
    sr_place_hit_t h[8];
    size_t n;

    if (gz == NULL) {
        return;
    }
    sr_doc_init(&doc);
    n = places(gz, &doc, "A bomb went off on the Maiduguri-Konduga road.", h);
    CHECK_INT_EQ(n, 1);
    CHECK(n == 1 && h[0].prep && h[0].motion);

    n = places(gz, &doc, "Two herders died about 10 km from Konduga.", h);
    CHECK_INT_EQ(n, 1);
    CHECK(n == 1 && h[0].near && !h[0].motion);

    /* "fled from" stays a route */
    n = places(gz, &doc, "Two herders fled from Konduga.", h);
    CHECK_INT_EQ(n, 1);
    CHECK(n == 1 && h[0].motion);

    n = places(gz, &doc, "A shell was fired towards Konduga, Borno.", h);
    CHECK_INT_EQ(n, 2);
    CHECK(n == 2 && h[0].motion && h[1].motion);

    /* ... but "in X, Region" has no route */
    n = places(gz, &doc, "A shell fell in Konduga, Borno.", h);
    CHECK_INT_EQ(n, 2);
    CHECK(n == 2 && !h[0].motion && !h[1].motion);

    /* fire sent "from across" a river or a lake comes from there */
    n = places(gz, &doc, "Troops shelled the camp from across the Konduga "
               "river.", h);
    CHECK(n >= 1 && h[0].motion);
    n = places(gz, &doc, "Troops patrolled across Konduga.", h);
    CHECK(n >= 1 && !h[0].motion);

    /* a road named after one town, in another: the road leads there */
    n = places(gz, &doc, "A bomb went off on Konduga Road in Maiduguri.", h);
    CHECK_INT_EQ(n, 2);
    CHECK(n == 2 && h[0].motion && !h[1].motion);
    n = places(gz, &doc, "A bomb went off on Konduga Road.", h);
    CHECK(n >= 1 && h[0].near && !h[0].motion);

    n = places(gz, &doc, "Fatalities unknown. Coded to Konduga.", h);
    CHECK_INT_EQ(n, 1);
    CHECK(n == 1 && h[0].coded && h[0].prep && !h[0].motion);

    n = places(gz, &doc, "Coordinates are for Konduga, the district seat.",
               h);
    CHECK(n >= 1 && h[0].coded && h[0].prep);

    n = places(gz, &doc, "Gunmen struck in Konduga.", h);
    CHECK(n == 1 && !h[0].coded);
    fixture_done(&doc);
    sr_gazetteer_destroy(gz);
}

TEST_LIST = {{"recognition", test_recognition},
             {"routes_and_notes", test_routes_and_notes},
             {"region_without_coords", test_region_without_coords},
             {"pick", test_pick},
             {"resolution", test_resolution},
             {NULL, NULL}};
