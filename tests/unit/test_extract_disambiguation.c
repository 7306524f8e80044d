/* test_extract_disambiguation.c - same-named places resolved by context,
 * on the compiled gazetteer (`make gazetteer`) and config/places.tsv:
 * the real candidates, not a fixture that only holds the right answer.
 * Each sentence is written for this test; the place of its first
 * sentence is what an incident there would get. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "check.h"
#include "extract_fixture.h"
#include "locate.h"

typedef struct case_s {
    const char *text;
    const char *name; /* the place's gazetteer name, NULL: none */
    const char *cc;
    sr_place_kind_t kind;
} case_t;

static sr_gazetteer_t *gz;
static sr_analysis_t an;
static sr_doc_t doc;

static sr_gazetteer_t *open_full(void)
{
    const char *root = getenv("SR_ROOT");
    const char *path = getenv("SR_GAZETTEER");
    char main_path[1024], supp[1024], err[512] = "";
    sr_gazetteer_t *g;

    if (path == NULL || path[0] == '\0') {
        snprintf(main_path, sizeof(main_path),
                 "%s/build/share/gazetteer.tsv", root ? root : ".");
        path = main_path;
    }
    snprintf(supp, sizeof(supp), "%s/config/places.tsv", root ? root : ".");
    g = sr_gazetteer_open(path, supp, err, sizeof(err));
    if (g == NULL) {
        fprintf(stderr, "    %s (run `make gazetteer`)\n", err);
    }
    CHECK(g != NULL);
    return g;
}

static void close_all(void)
{
    sr_analysis_clear(&an);
    fixture_done(&doc);
    sr_gazetteer_destroy(gz);
}

/* Opens the gazetteer on first use (a failure fails every test). */
static int ready(void)
{
    static int tried;

    if (!tried) {
        tried = 1;
        gz = open_full();
        sr_analysis_init(&an);
        sr_doc_init(&doc);
        atexit(close_all);
    }
    CHECK(gz != NULL);
    return gz != NULL;
}

/* Analyses text into doc and an. */
static void analyse(const char *text)
{
    fixture_doc(&doc, text, 2021, 3, 1);
    sr_analyze(&an, &doc, NULL, gz);
}

/* The place sentence 0 of text resolves to, or NULL. */
static const sr_place_t *place_of(const char *text)
{
    sr_draft_place_t dp;

    if (!ready()) {
        return NULL;
    }
    analyse(text);
    sr_analyze(&an, &doc, NULL, gz);
    dp = sr_locate_sentence(&an, 0, gz);
    return dp.set ? dp.place : NULL;
}

static void check_case(const case_t *c)
{
    const sr_place_t *p = place_of(c->text);

    if (gz == NULL) {
        return;
    }
    if (c->name == NULL) {
        if (p != NULL) {
            fprintf(stderr, "    \"%s\": got %s (%s), want no place\n",
                    c->text, p->name, p->country_code);
        }
        CHECK(p == NULL);
        return;
    }
    if (p == NULL || strcmp(p->name, c->name) != 0 ||
        strcmp(p->country_code, c->cc) != 0 || p->kind != c->kind) {
        fprintf(stderr, "    \"%s\": got %s (%s, kind %d), want %s (%s, "
                        "kind %d)\n",
                c->text, p ? p->name : "nothing", p ? p->country_code : "-",
                p ? (int)p->kind : -1, c->name, c->cc, (int)c->kind);
    }
    CHECK(p != NULL && strcmp(p->name, c->name) == 0 &&
          strcmp(p->country_code, c->cc) == 0 && p->kind == c->kind);
}

static void test_niger(void)
{
    static const case_t cases[] = {
        {"Gunmen killed five soldiers in Niger on Monday.", "Niger", "NE",
         SR_PLACE_COUNTRY},
        {"Gunmen killed five farmers in Niger State on Monday.",
         "Niger State", "NG", SR_PLACE_ADMIN1},
        /* a town named in the region is the better place */
        {"Bandits attacked Kontagora in Niger State, killing four.",
         "Kontagora", "NG", SR_PLACE_CITY},
        {"Nigerien soldiers repelled an attack near the Mali border.",
         "Niger", "NE", SR_PLACE_COUNTRY},
    };

    FIXTURE_EACH(cases, check_case);
}

static void test_chad(void)
{
    static const case_t cases[] = {
        {"Boko Haram fighters attacked an army base in Chad.", "Chad", "TD",
         SR_PLACE_COUNTRY},
        /* a person's first name */
        {"Chad Smith, a local official, said gunmen attacked Maiduguri.",
         "Maiduguri", "NG", SR_PLACE_CITY},
        {"Jordan Henderson said the protest ended peacefully.", NULL, NULL,
         SR_PLACE_COUNTRY},
    };

    FIXTURE_EACH(cases, check_case);
}

static void test_mali(void)
{
    static const case_t cases[] = {
        {"Militants attacked a checkpoint in Mali.", "Mali", "ML",
         SR_PLACE_COUNTRY},
        /* the town of Mali lies in Guinea */
        {"Protesters blocked the road in the town of Mali, Guinea.", "Mali",
         "GN", SR_PLACE_CITY},
        {"Unrest broke out in the town of Mali in northern Guinea.", "Mali",
         "GN", SR_PLACE_CITY},
    };

    FIXTURE_EACH(cases, check_case);
}

static void test_paris(void)
{
    static const case_t cases[] = {
        {"A knife attack in Paris injured three.", "Paris", "FR",
         SR_PLACE_CITY},
        {"A shooting in Paris, Texas, left two dead.", "Paris", "US",
         SR_PLACE_CITY},
        {"A shooting in Paris, Texas, United States, left two dead.",
         "Paris", "US", SR_PLACE_CITY},
    };

    FIXTURE_EACH(cases, check_case);
}

static void test_albany(void)
{
    static const case_t cases[] = {
        {"Protesters clashed with police in Albany, New York.", "Albany",
         "US", SR_PLACE_CITY},
        {"A man was stabbed in Albany, Western Australia.", "Albany", "AU",
         SR_PLACE_CITY},
        {"A shooting in Albany, Georgia, killed two.", "Albany", "US",
         SR_PLACE_CITY},
    };
    const sr_place_t *p;

    FIXTURE_EACH(cases, check_case);
    /* each in its own state */
    p = place_of("Protesters clashed with police in Albany, New York.");
    CHECK_STR_EQ(p ? p->admin1_name : "", "New York");
    p = place_of("A shooting in Albany, Georgia, killed two.");
    CHECK_STR_EQ(p ? p->admin1_name : "", "Georgia");
}

static void test_georgia(void)
{
    static const case_t cases[] = {
        {"Russian troops attacked villages in Georgia.", "Georgia", "GE",
         SR_PLACE_COUNTRY},
        {"Protesters clashed with police in Tbilisi, Georgia.", "Tbilisi",
         "GE", SR_PLACE_CITY},
        {"A shooting in Atlanta, Georgia, killed three.", "Atlanta", "US",
         SR_PLACE_CITY},
        {"Storms and a shooting hit Georgia, United States, on Sunday.",
         "Georgia", "US", SR_PLACE_ADMIN1},
    };

    FIXTURE_EACH(cases, check_case);
}

/* Diacritics, regions and their towns, districts, unknown villages. */
static void test_regions_and_spelling(void)
{
    static const case_t cases[] = {
        /* "Tillaberi" is "Tillabéri", the town before its region */
        {"Gunmen attacked a market in Tillaberi on Friday.", "Tillabéri",
         "NE", SR_PLACE_CITY},
        {"Gunmen attacked a village in the Tillaberi region.",
         "Tillabéri Region", "NE", SR_PLACE_ADMIN1},
        {"Insurgents attacked farmers in Borno State on Friday.",
         "Borno State", "NG", SR_PLACE_ADMIN1},
        /* ACLED's spelling of the region */
        {"Militia fighters attacked a camp in Sud-Kivu.", "South Kivu", "CD",
         SR_PLACE_ADMIN1},
        /* a village the gazetteer lacks does not hide the town */
        {"Gunmen attacked Xqzabad village near Maiduguri.", "Maiduguri",
         "NG", SR_PLACE_CITY},
        /* a name without its Arabic article; the attacker's demonym is
         * not the place */
        {"A Turkish drone strike hit a car near Qamishli on Sunday.",
         "Al Qāmishlī", "SY", SR_PLACE_CITY},
        /* a group's name holds a region that is not the place */
        {"Members of the Cartel de Sinaloa were shot dead in Colombia.",
         "Colombia", "CO", SR_PLACE_COUNTRY},
        /* a route's end is where the rocket landed, its start is not */
        {"Militants fired a rocket from Lebanon into Israel on Monday.",
         "Israel", "IL", SR_PLACE_COUNTRY},
        /* the area around a town is the town; a region so named stays
         * the region */
        {"A gunman shot two people at an office in Greater Seattle.",
         "Seattle", "US", SR_PLACE_CITY},
        {"Protesters marched in Greater Accra on Monday.", "Greater Accra",
         "GH", SR_PLACE_ADMIN1},
        /* a state, not a small town named after it in another state */
        {"Activists burned a car parked outside a house in California.",
         "California", "US", SR_PLACE_ADMIN1},
        {"A gunman shot two deputies in Nevada on Sunday.", "Nevada", "US",
         SR_PLACE_ADMIN1},
        /* towns once called Manchester do not outvote Manchester */
        {"Police arrested two men after a stabbing in Manchester.",
         "Manchester", "GB", SR_PLACE_CITY},
        /* the supplement: a city the GeoNames extracts lack, a region's
         * French name, a base by its abbreviation */
        {"Protesters blocked the main roads in El Alto on Monday.",
         "El Alto", "BO", SR_PLACE_CITY},
        {"Teachers marched in Haute Matsiatra on Monday.", "Upper Matsiatra",
         "MG", SR_PLACE_ADMIN1},
        {"A soldier opened fire on comrades at Ft. Hood on Monday.",
         "Fort Hood", "US", SR_PLACE_CITY},
        /* the acronym of a group is not a town */
        {"The ALF claimed the arson attack.", NULL, NULL, SR_PLACE_COUNTRY},
    };

    FIXTURE_EACH(cases, check_case);
}

static void test_districts(void)
{
    const sr_place_t *p;
    sr_incident_t inc;
    sr_draft_place_t dp;
    char buf[256];

    /* a village the gazetteer lacks, in the district its brackets name:
     * the village by name, at the district's seat, ADMIN2 */
    p = place_of("Soldiers were attacked in Kossagui (Djenné, Mopti).");
    dp = gz ? sr_locate_sentence(&an, 0, gz) : (sr_draft_place_t){0};
    CHECK_STR_EQ(p ? p->name : "", "Djénné");
    CHECK(dp.unknown != NULL && dp.unknown->near == SR_NEAR_DISTRICT);
    CHECK_STR_EQ(dp.unknown ? fixture_span(&doc, dp.unknown->tb,
                                           dp.unknown->te, buf)
                            : "",
                 "Kossagui");

    /* "X LGA": the district's seat, at ADMIN2 precision */
    p = place_of("Troops clashed with militants in Gwoza LGA of Borno "
                 "State.");
    CHECK(p != NULL && p->kind == SR_PLACE_CITY);
    CHECK_STR_EQ(p ? p->country_code : "", "NG");
    CHECK_STR_EQ(p ? p->admin1_name : "", "Borno State");
    memset(&inc, 0, sizeof(inc));
    if (p != NULL && gz != NULL) {
        sr_place_to_location(gz, p, NULL, "in Gwoza LGA", SR_NEAR_DISTRICT,
                             0.8, &inc.location);
        CHECK_INT_EQ(inc.location.precision, SR_GPREC_ADMIN2);
        CHECK(inc.location.has_coords);
        sr_incident_clear(&inc);
    }
}

/* A chain of containers after a name ("X (Y, Z)", "X, Town, Region")
 * says where X is: a namesake elsewhere gives way to them. */
static void test_chains(void)
{
    static const case_t cases[] = {
        /* a bracket holds containers: the only Hammam Sousse lies in
         * another governorate, so Gafsa stands */
        {"Traders protested in Hammam Sousse (Gafsa) on Monday.", "Gafsa",
         "TN", SR_PLACE_CITY},
        /* a region named before a bracket of another region is no region
         * there */
        {"Teachers protested in Analamanga (Antsirabe, Vakinankaratra) on "
         "Monday.",
         "Antsirabe", "MG", SR_PLACE_CITY},
        /* an address: a smaller place far from the town it is put in */
        {"Gunmen attacked a church in Kafanchan, Zaria, Kaduna State, "
         "killing two.",
         "Zaria", "NG", SR_PLACE_CITY},
        /* ... unless that name is also a district's, wider than its seat */
        {"Gunmen attacked a market in Damboa, Maiduguri, Borno State, "
         "killing two.",
         "Damboa", "NG", SR_PLACE_CITY},
        /* ... and near the town, it is the place */
        {"Gunmen attacked a market in Konduga, Maiduguri, Borno State, "
         "killing two.",
         "Konduga", "NG", SR_PLACE_CITY},
        /* a region's seat named like it may be the region */
        {"Gunmen kidnapped an engineer in Tame, Arauca, Colombia.", "Tame",
         "CO", SR_PLACE_CITY},
        /* a list of towns is no address */
        {"Gunmen attacked markets in Damboa, Maiduguri and Bama, killing "
         "two.",
         "Damboa", "NG", SR_PLACE_CITY},
        /* a unit noun makes a comma chain an address too: the only
         * Damboa lies in another state */
        {"Gunmen attacked a post in Damboa, Fika LGA, Yobe State, Nigeria.",
         "Fika", "NG", SR_PLACE_CITY},
        /* an unknown district leaves the region named */
        {"Gunmen attacked a post in Damboa, Xqzafari District, Yobe State, "
         "Nigeria.",
         "Yobe State", "NG", SR_PLACE_ADMIN1},
        /* "X near Y (Z, Region)": the containers hold X too */
        {"Troops raided a camp in Gubio near Xqzafari (Fika, Yobe State), "
         "killing two.",
         "Fika", "NG", SR_PLACE_CITY},
    };

    FIXTURE_EACH(cases, check_case);
}

/* A facility named after its town ("Kuje prison") proves the town, and
 * the town's country decides a namesake's. */
static void test_facilities(void)
{
    static const case_t cases[] = {
        {"Kuje prison was attacked by gunmen on Sunday, killing two "
         "guards.",
         "Kuje", "NG", SR_PLACE_CITY},
    };
    const sr_place_t *p;

    FIXTURE_EACH(cases, check_case);
    p = place_of("Inmates rioted in San Juan after guards of Chimbas prison "
                 "beat a man.");
    CHECK_STR_EQ(p ? p->country_code : "", "AR");
}

/* Where someone or something was sent is not where it happened. */
static void test_destinations(void)
{
    static const case_t cases[] = {
        {"Two wounded men were taken to a hospital in Maiduguri after "
         "gunmen attacked a market in Konduga.",
         "Konduga", "NG", SR_PLACE_CITY},
        {"A parcel bomb sent to the governor's office in Maiduguri exploded "
         "at a post office in Konduga.",
         "Konduga", "NG", SR_PLACE_CITY},
        /* "set fire to" is the attack itself */
        {"Gunmen set fire to a church in Konduga, police in Maiduguri said.",
         "Konduga", "NG", SR_PLACE_CITY},
        /* "sent to" a verb is a purpose, not a destination */
        {"Troops sent to guard the camp in Konduga were ambushed, police in "
         "Maiduguri said.",
         "Konduga", "NG", SR_PLACE_CITY},
    };

    FIXTURE_EACH(cases, check_case);
}

/* "north-east of X", "the outskirts of X": X as an anchor, near it. */
static void test_anchors(void)
{
    static const char *const texts[] = {
        "Gunmen attacked a village some 40 km north-east of Maiduguri.",
        "Gunmen killed four people on the outskirts of Maiduguri.",
    };
    static const char *const spans[] = {
        "some 40 km north-east of Maiduguri",
        "on the outskirts of Maiduguri",
    };
    char buf[256];

    for (size_t k = 0; k < 2; k++) {
        const sr_place_t *p = place_of(texts[k]);
        const sr_sentinfo_t *si = &an.info[0];
        size_t h = 0;

        if (gz == NULL) {
            return;
        }
        CHECK_STR_EQ(p ? p->name : "", "Maiduguri");
        while (h < si->nplaces && si->places[h].kind != SR_PH_PLACE) {
            h++;
        }
        CHECK(h < si->nplaces && si->places[h].near == 1);
        CHECK_STR_EQ(h < si->nplaces
                         ? fixture_span(&doc, si->places[h].text_tb,
                                        si->places[h].text_te, buf)
                         : "",
                     spans[k]);
    }
}

/* A route's ends ("the Damboa-Biu road"), where something was fired
 * towards and its containers, where people were sent: none outranks the
 * spot told with them. */
static void test_routes(void)
{
    static const case_t cases[] = {
        {"A bomb exploded on the Damboa-Biu road just outside Konduga "
         "town, killing two.",
         "Konduga", "NG", SR_PLACE_CITY},
        {"Bandits hijacked a truck on the Kaduna-Abuja highway 20 km south "
         "of Kachia, killing the driver.",
         "Kachia", "NG", SR_PLACE_CITY},
        /* alone, a route's end is still the best place there is */
        {"Gunmen ambushed a convoy on the Maiduguri-Damboa road, killing "
         "three.",
         "Maiduguri", "NG", SR_PLACE_CITY},
        /* "towards X, Region": the region is X's container, on the
         * route as much as X */
        {"Militants fired shells toward Sderot, Southern District, Israel.",
         "Sderot", "IL", SR_PLACE_CITY},
        /* "N km from X" measures from X, it is no route */
        {"Herders were killed in a hamlet about 10 km from Bandiagara town "
         "(Mopti).",
         "Bandiagara", "ML", SR_PLACE_CITY},
        /* a destination abroad does not make the story foreign */
        {"In Medellin, Antioquia, police clashed with Venezuelan migrants "
         "who were being sent back to Venezuela.",
         "Medellín", "CO", SR_PLACE_CITY},
    };

    FIXTURE_EACH(cases, check_case);
}

/* A name whose best-known bearer lies in a country the story never
 * names: the bearer in a named country, or in the country the story is
 * about; a region of another country after it overrules it. */
static void test_namesakes(void)
{
    static const case_t cases[] = {
        {"A grenade was thrown at a shop in Tripoli as anger grew over the "
         "Lebanese pound.",
         "Tripoli", "LB", SR_PLACE_CITY},
        /* ... but a small namesake there does not outrank a capital:
         * the victim's nationality is not where it happened */
        {"An American tourist was stabbed in Paris on Sunday.", "Paris",
         "FR", SR_PLACE_CITY},
        /* only a demonym names another country: the story's own country
         * keeps the town */
        {"Farmers blocked the main road in Mannar town against Chinese "
         "sand mining.",
         "Mannar", "LK", SR_PLACE_CITY},
        /* a region only one country has, with no namesake of X there */
        {"Mortar shells landed in Nowshera (Rajouri, Jammu and Kashmir), "
         "wounding two villagers.",
         "Jammu and Kashmir", "IN", SR_PLACE_ADMIN1},
        {"Gunmen robbed a bar in Kelly Village, Tunapuna-Piarco, on Friday "
         "and shot the owner.",
         "Tunapuna/Piarco", "TT", SR_PLACE_ADMIN1},
        /* quarters the gazetteer lacks, read as villages abroad, do not
         * vouch for each other: only a place picked there does */
        {"Police fired tear gas at students at Rampura and Badda in Dhaka "
         "(Dhaka, Dhaka), wounding ten.",
         "Dhaka", "BD", SR_PLACE_CITY},
        /* "Island" is Iceland only in Icelandic */
        {"Pirates attacked a tanker near Bioko Island on Monday.", NULL,
         NULL, SR_PLACE_CITY},
        /* inside a bracket a name is a container too */
        {"Gunmen killed a teacher in the Gangaloor area (Bijapur, "
         "Chhattisgarh) on Monday.",
         "Chhattisgarh", "IN", SR_PLACE_ADMIN1},
    };

    FIXTURE_EACH(cases, check_case);
}

/* A one-word place the text spells another common way than the
 * gazetteer ("ee" for "i", "-wada" for "-wara"), where the text proves a
 * place; never a word outside such proof. */
static void test_respellings(void)
{
    static const case_t cases[] = {
        {"Gunmen killed two shopkeepers in Maijdee town on Friday.",
         "Maijdi", "BD", SR_PLACE_CITY},
        {"Police said Maoists burned a bus near Dantewada on Monday.",
         "Dantewāra", "IN", SR_PLACE_CITY},
        {"Rioters stoned a police van in Bhilwada district.",
         "Bhilwara District", "IN", SR_PLACE_CITY},
        {"Gunmen killed Maijdee and his son.", NULL, NULL, SR_PLACE_CITY},
    };

    FIXTURE_EACH(cases, check_case);
}

static void test_dateline(void)
{
    sr_draft_place_t dp;

    if (!ready()) {
        return;
    }
    analyse("SPAIN. A French bank was destroyed by a bomb.");
    CHECK_STR_EQ(an.focus_cc ? an.focus_cc : "", "ES");
    /* the bank's nationality is not where it happened: the incident
     * falls back to the dateline's country */
    dp = sr_locate_sentence(&an, 1, gz);
    CHECK(!dp.set);
}

TEST_LIST = {{"niger", test_niger},     {"chad", test_chad},
             {"mali", test_mali},       {"paris", test_paris},
             {"albany", test_albany},   {"georgia", test_georgia},
             {"regions", test_regions_and_spelling},
             {"districts", test_districts}, {"chains", test_chains},
             {"destinations", test_destinations},
             {"facilities", test_facilities},
             {"anchors", test_anchors},
             {"dateline", test_dateline},
             {"routes", test_routes},
             {"namesakes", test_namesakes},
             {"respellings", test_respellings},
             {NULL, NULL}};
