/* test_extract_claims.c - who did it, end to end: claims, attributions by
 * others across sentences, group names by shape, ACLED names for unnamed
 * actors, on articles written for these tests and the fixture gazetteer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "config.h"
#include "extract.h"
#include "extract_fixture.h"

static sr_extractor_t *ex;
static sr_gazetteer_t *gz;
static sr_config_t *cfg;

static const char *root(void)
{
    const char *r = getenv("SR_ROOT");

    return r ? r : ".";
}

static void setup(void)
{
    char path[1024], err[512] = "";

    cfg = sr_config_new();
    snprintf(path, sizeof(path), "%s/config/actors.tsv", root());
    free(cfg->actors_path);
    cfg->actors_path = strdup(path);
    snprintf(path, sizeof(path), "%s/tests/fixtures/extract-gazetteer.tsv",
             root());
    gz = sr_gazetteer_open(path, NULL, err, sizeof(err));
    CHECK(gz != NULL);
    ex = sr_extractor_new(cfg, gz, err, sizeof(err));
    CHECK(ex != NULL);
}

static void teardown(void)
{
    sr_extractor_destroy(ex);
    sr_gazetteer_destroy(gz);
    sr_config_destroy(cfg);
}

/* Extracts body (published 2021-03-06) into list; returns the main
 * incident (first MAIN_EVENT, else first) or NULL. */
static const sr_incident_t *main_of(const char *body, sr_incident_list_t *list)
{
    sr_article_t art;
    char err[512];

    sr_article_init(&art);
    art.id = strdup("t");
    art.body = strdup(body);
    art.body_len = strlen(body);
    art.has_published = 1;
    art.pub_year = 2021;
    art.pub_month = 3;
    art.pub_day = 6;
    sr_incident_list_init(list);
    CHECK_INT_EQ(sr_extractor_run(ex, &art, list, err, sizeof(err)), SR_OK);
    sr_article_clear(&art);
    for (size_t k = 0; k < list->count; k++) {
        if (list->items[k].role == SR_ROLE_MAIN_EVENT) {
            return &list->items[k];
        }
    }
    return list->count > 0 ? &list->items[0] : NULL;
}

/* The actor of inc with that role and canonical name, or NULL. */
static const sr_actor_t *actor(const sr_incident_t *inc, sr_actor_role_t role,
                               const char *canonical)
{
    for (size_t k = 0; inc != NULL && k < inc->actor_count; k++) {
        const sr_actor_t *a = &inc->actors[k];

        if (a->role == role && a->canonical != NULL &&
            strcmp(a->canonical, canonical) == 0) {
            return a;
        }
    }
    return NULL;
}

static void test_attributed_elsewhere(void)
{
    sr_incident_list_t list;
    const sr_incident_t *inc;
    const sr_actor_t *a;

    /* the group is named only after a semicolon, two sentences on */
    inc = main_of("Gunmen stormed a road camp near Mandera, Kenya, on "
                  "Thursday and abducted three engineers. No one was hurt. "
                  "No group claimed the raid; however, officials attributed "
                  "it to al-Shabab.",
                  &list);
    CHECK(inc != NULL);
    a = actor(inc, SR_AROLE_PERPETRATOR, "Al-Shabaab");
    CHECK(a != NULL);
    if (a != NULL) {
        CHECK_INT_EQ(a->certainty, SR_CERT_BLAMED_BY_OTHER);
    }
    CHECK_INT_EQ(inc->claim.status, SR_CLAIM_NOT_CLAIMED);
    /* the gunmen are the group's, not an unidentified one */
    CHECK(actor(inc, SR_AROLE_PERPETRATOR, "Unidentified Armed Group (Kenya)") ==
          NULL);
    sr_incident_list_clear(&list);

    /* a claim told after a sentence about other attacks */
    inc = main_of("A roadside bomb killed four soldiers near Gao, Mali, on "
                  "Friday. It was one of three such attacks in the region "
                  "that week. The Coastal Liberation Front claimed "
                  "responsibility for the blast.",
                  &list);
    CHECK(inc != NULL);
    CHECK_INT_EQ(inc != NULL ? inc->claim.status : SR_CLAIM_UNKNOWN,
                 SR_CLAIM_CLAIMED);
    CHECK(actor(inc, SR_AROLE_CLAIMANT, "Coastal Liberation Front") != NULL);
    sr_incident_list_clear(&list);

    /* suspicion, told before the sentence holding the toll */
    inc = main_of("A mine planted by suspected Boko Haram fighters hit a "
                  "bus near Maiduguri, Nigeria, on Monday. Six passengers "
                  "were killed.",
                  &list);
    a = actor(inc, SR_AROLE_PERPETRATOR, "Boko Haram");
    CHECK(a != NULL);
    if (a != NULL) {
        CHECK_INT_EQ(a->certainty, SR_CERT_SUSPECTED);
    }
    sr_incident_list_clear(&list);
}

/* One article, one actor expected (or not) on its main incident. */
typedef struct actor_case_s {
    const char *body;
    sr_actor_role_t role;
    const char *canonical;
    int present;
} actor_case_t;

static void check_actor_case(const actor_case_t *c)
{
    sr_incident_list_t list;
    const sr_incident_t *inc = main_of(c->body, &list);

    if ((actor(inc, c->role, c->canonical) != NULL) != c->present) {
        CHECK(!"actor as expected");
        fprintf(stderr, "    %s %s: %s\n", c->present ? "missing" : "unexpected",
                c->canonical, c->body);
    }
    sr_incident_list_clear(&list);
}

static const actor_case_t unnamed_cases[] = {
    {"Unidentified gunmen killed five villagers in Kaduna, Nigeria, on "
     "Tuesday. No group has claimed the attack.",
     SR_AROLE_PERPETRATOR, "Unidentified Armed Group (Nigeria)", 1},
    /* gangs in the plural, as one gang */
    {"A grenade damaged a police post in Kaduna, Nigeria, on Tuesday. "
     "Officers linked the attack to rival gangs.",
     SR_AROLE_PERPETRATOR, "Unidentified Gang (Nigeria)", 1},
    /* the state's forces acting, named as ACLED names them */
    {"Government forces shelled a village near Gao, Mali, on Wednesday, "
     "killing two civilians.",
     SR_AROLE_PERPETRATOR, "Military Forces of Mali", 1},
    /* by their craft, of the state the demonym names */
    {"A military helicopter fired on a wedding near Gao, Mali, on Sunday, "
     "killing nine guests.",
     SR_AROLE_PERPETRATOR, "Military Forces of Mali", 1},
    {"Chadian government warplanes bombed a camp near Gao, Mali, on "
     "Sunday, killing nine herders.",
     SR_AROLE_PERPETRATOR, "Military Forces of Chad", 1},
    {"Chadian government warplanes bombed a camp near Gao, Mali, on "
     "Sunday, killing nine herders.",
     SR_AROLE_PERPETRATOR, "Military Forces of Mali", 0},
    /* a group's demand told after the deed */
    {"Gunmen seized a bus near Mandera, Kenya, on Monday and held "
     "twenty passengers. Al-Shabaab demanded the release of its jailed "
     "fighters.",
     SR_AROLE_PERPETRATOR, "Al-Shabaab", 1},
    /* GTD's ideology labels */
    {"An assailant set fire to a mosque in Paris, France, on Sunday. No one "
     "was hurt. Police identified him as an anti-Muslim extremist.",
     SR_AROLE_PERPETRATOR, "Anti-Muslim extremists", 1},
    /* an armed attack told without any attacker */
    {"A roadside bomb exploded near a checkpoint outside Kano, Nigeria, on "
     "Monday, wounding three travellers.",
     SR_AROLE_PERPETRATOR, "Unidentified Armed Group (Nigeria)", 1},
    /* craft only a state flies, and the state by its regime */
    {"Warplanes bombed a cattle market near Gao, Mali, on Sunday, killing "
     "six traders.",
     SR_AROLE_PERPETRATOR, "Military Forces of Mali", 1},
    {"Fighter jets struck hideouts near Gao, Mali, on Sunday, killing ten "
     "militants.",
     SR_AROLE_PERPETRATOR, "Military Forces of Mali", 1},
    {"The Malian regime shelled two villages near Gao on Sunday, killing a "
     "herder.",
     SR_AROLE_PERPETRATOR, "Military Forces of Mali", 1},
    /* a state whose adjective is no demonym of the gazetteer */
    {"Saudi warplanes bombed a camp near Gao, Mali, on Sunday, killing "
     "nine herders.",
     SR_AROLE_PERPETRATOR, "Military Forces of Saudi Arabia", 1},
    /* the state's forces by their operation, when no one is named */
    {"Eight rebels were killed in a search operation near Gao, Mali, on "
     "Monday.",
     SR_AROLE_PERPETRATOR, "Military Forces of Mali", 1},
    {"Two robbers were shot dead in a police operation in Kano, Nigeria, "
     "on Monday.",
     SR_AROLE_PERPETRATOR, "Police Forces of Nigeria", 1},
    {"Ten militants were killed near Gao, Mali, on Monday.",
     SR_AROLE_PERPETRATOR, "Military Forces of Mali", 0},
    /* "the army" acting, of the country the text is about */
    {"The army shelled two villages near Gao, Mali, on Sunday, killing a "
     "herder.",
     SR_AROLE_PERPETRATOR, "Military Forces of Mali", 1},
    {"Gunmen attacked the army base near Gao, Mali, on Sunday, killing a "
     "guard.",
     SR_AROLE_PERPETRATOR, "Military Forces of Mali", 0},
    /* "set fire to" is a deed of the soldiers who did it */
    {"Soldiers of the Malian army set fire to huts near Gao, Mali, on "
     "Monday.",
     SR_AROLE_PERPETRATOR, "Military Forces of Mali", 1},
};

static const actor_case_t role_cases[] = {
    /* the object of the attack is its target, not its perpetrator */
    {"Malian troops attacked ISGS fighters near Gao, Mali, on Monday, "
     "killing seven.",
     SR_AROLE_PERPETRATOR, "Military Forces of Mali", 1},
    {"Malian troops attacked ISGS fighters near Gao, Mali, on Monday, "
     "killing seven.",
     SR_AROLE_TARGET, "Islamic State in the Greater Sahara", 1},
    /* a group named only as the owner of what was hit */
    {"A bomb exploded at the home of a Boko Haram commander in Maiduguri, "
     "Nigeria, on Friday, killing two people.",
     SR_AROLE_PERPETRATOR, "Boko Haram", 0},
    {"Gunmen opened fire on two members of the Tren de Aragua gang in "
     "Medellin, Colombia, on Friday, killing both.",
     SR_AROLE_TARGET, "Tren de Aragua", 1},
    /* one subject of several forces; the attack they stopped */
    {"Pro-Hadi and allied Popular Resistance forces thwarted a pro-Houthi "
     "attack on Friday, killing several fighters.",
     SR_AROLE_PERPETRATOR, "Military Forces of Yemen", 1},
    {"Pro-Hadi and allied Popular Resistance forces thwarted a pro-Houthi "
     "attack on Friday, killing several fighters.",
     SR_AROLE_TARGET, "Ansar Allah (Houthi movement)", 1},
    /* "a militant of X" in a clash is X; civilians are no side */
    {"A militant of Boko Haram and two civilians were killed in a gunfight "
     "with Nigerian troops near Maiduguri, Nigeria, on Monday.",
     SR_AROLE_SIDE_A, "Boko Haram", 1},
    /* a party named for whom its councillor serves is the target; the
     * group's threat later on names the attacker */
    {"Militants abducted Ali Musa, a Liberal Party town councillor, in "
     "Mandera, Kenya, on Friday. Al-Shabaab threatened to kill him "
     "unless its men were freed.",
     SR_AROLE_PERPETRATOR, "Al-Shabaab", 1},
    {"Militants abducted Ali Musa, a Liberal Party town councillor, in "
     "Mandera, Kenya, on Friday. Al-Shabaab threatened to kill him "
     "unless its men were freed.",
     SR_AROLE_PERPETRATOR, "Liberal Party", 0},
    /* the attackers told on with a later date are still this incident's */
    {"On Monday, five armed men hijacked a bus near Mandera, Kenya. One "
     "passenger was stabbed to death. The hijackers, from Al-Shabaab, freed "
     "the others on Friday.",
     SR_AROLE_PERPETRATOR, "Al-Shabaab", 1},
    /* cartels and gangs by their other names */
    {"Gunmen of the Medellin drug cartel killed a judge in Medellin, "
     "Colombia, on Friday.",
     SR_AROLE_PERPETRATOR, "Medellin Cartel", 1},
    {"Members of G9 an Fanmi e Alye abducted five nurses near Medellin, "
     "Colombia, on Friday.",
     SR_AROLE_PERPETRATOR, "G9 Family and Allies", 1},
    /* the group its gunmen belong to is one side, not both */
    {"On Friday, gunmen of the Gulf Cartel fought soldiers near Medellin, "
     "Colombia. Six people were killed.",
     SR_AROLE_SIDE_A, "Gulf Cartel", 1},
    {"On Friday, gunmen of the Gulf Cartel fought soldiers near Medellin, "
     "Colombia. Six people were killed.",
     SR_AROLE_SIDE_B, "Gulf Cartel", 0},
    /* a crowd that rioted is ACLED's rioters: a riot's first side, as
     * protesters are a protest's */
    {"On Monday, supporters of the losing candidate clashed with police and "
     "looted shops in Kano, Nigeria. Two people were killed.",
     SR_AROLE_SIDE_A, "Rioters (Nigeria)", 1},
    {"On Monday, youths opposed to the new tax set tyres on fire near the "
     "market in Kano, Nigeria.",
     SR_AROLE_SIDE_A, "Rioters (Nigeria)", 1},
    {"On Monday, supporters of the mayor set up barricades and looted "
     "shops in Kano, Nigeria; police fired live rounds. Two people were "
     "killed.",
     SR_AROLE_SIDE_A, "Rioters (Nigeria)", 1},
    {"On Monday, youths opposed to a new tax on fuel set fire to shops and "
     "clashed with police in Kano, Nigeria. One person was killed.",
     SR_AROLE_SIDE_A, "Rioters (Nigeria)", 1},
    {"On Monday, police dispersed a crowd that had gathered and set up "
     "roadblocks in Kano, Nigeria, killing two.",
     SR_AROLE_PERPETRATOR, "Rioters (Nigeria)", 0},
    /* a mob is ACLED's rioters */
    {"A mob lynched a suspected thief in Kano, Nigeria, on Sunday.",
     SR_AROLE_PERPETRATOR, "Rioters (Nigeria)", 1},
    /* the state's guards acting, with an aside between */
    {"The guard corps of the minister assaulted two traders in Kano, "
     "Nigeria, on Friday.",
     SR_AROLE_PERPETRATOR, "Military Forces of Nigeria", 1},
    /* "militants with reported ties": no source, a side of the clash */
    {"Nigerian troops engaged in a firefight with three alleged militants "
     "with reported ties to ISWAP near Maiduguri, Nigeria, on Monday.",
     SR_AROLE_SIDE_A, "Military Forces of Nigeria", 1},
    {"Nigerian troops engaged in a firefight with three alleged militants "
     "with reported ties to ISWAP near Maiduguri, Nigeria, on Monday.",
     SR_AROLE_SIDE_B, "Unidentified Armed Group (Nigeria)", 1},
    /* a nationality as the agent of a passive */
    {"A trader was stabbed by a Malian in Kano, Nigeria, on Monday.",
     SR_AROLE_PERPETRATOR, "Unidentified Armed Group (Nigeria)", 1},
    /* who disrupts a weapons use is its actor */
    {"Police forces in Kano, Nigeria, discovered a cache of explosives on "
     "Monday.",
     SR_AROLE_PERPETRATOR, "Police Forces of Nigeria", 1},
    /* border guards are police forces to ACLED */
    {"The border guards fired on smugglers near Kano, Nigeria, on "
     "Monday, wounding two.",
     SR_AROLE_PERPETRATOR, "Police Forces of Nigeria", 1},
    /* the police arresting are the actors of an arrest */
    {"Police arrested twelve smugglers in Kano, Nigeria, on Saturday.",
     SR_AROLE_PERPETRATOR, "Police Forces of Nigeria", 1},
    /* a party's worker is its member hurt; its supporters who attack
     * are the party as ACLED names it */
    {"A BJP worker was shot dead by Trinamool Congress supporters on "
     "Sunday.",
     SR_AROLE_PERPETRATOR, "AITC: All India Trinamool Congress Party", 1},
    {"A BJP worker was shot dead by Trinamool Congress supporters on "
     "Sunday.",
     SR_AROLE_TARGET, "BJP: Bharatiya Janata Party", 1},
    /* a group named for the occasion is no actor; its attack is */
    {"Activists torched a bus in Nairobi, Kenya, on Monday during the "
     "ODM-led alliance's nationwide shutdown.",
     SR_AROLE_PERPETRATOR, "ODM: Orange Democratic Movement", 0},
    {"Two people were killed in Kano, Nigeria, on Monday during a Boko "
     "Haram raid on a market.",
     SR_AROLE_PERPETRATOR, "Boko Haram", 1},
    /* a named group's fighters killed in a passive suffered the deed */
    {"Ten al-Shabaab militants were killed in an airstrike near Jilib, "
     "Somalia, on Monday.",
     SR_AROLE_PERPETRATOR, "Al-Shabaab", 0},
    {"Ten al-Shabaab militants were killed in an airstrike near Jilib, "
     "Somalia, on Monday.",
     SR_AROLE_TARGET, "Al-Shabaab", 1},
    /* "activists of the X", "an X leader": the party's people hit */
    {"Two activists of the ODM were shot dead by gunmen in Nairobi, Kenya, "
     "on Monday.",
     SR_AROLE_TARGET, "ODM: Orange Democratic Movement", 1},
    {"Two activists of the ODM were shot dead by gunmen in Nairobi, Kenya, "
     "on Monday.",
     SR_AROLE_PERPETRATOR, "Unidentified Armed Group (Kenya)", 1},
    {"An ODM leader was stabbed by a man in Nairobi, Kenya, on Monday.",
     SR_AROLE_PERPETRATOR, "ODM: Orange Democratic Movement", 0},
    /* fighters killed in a passive suffered the deed */
    {"Ten militants were killed as fighter jets struck hideouts near Gao, "
     "Mali, on Sunday.",
     SR_AROLE_TARGET, "Unidentified Armed Group (Mali)", 1},
    {"Ten militants were killed as fighter jets struck hideouts near Gao, "
     "Mali, on Sunday.",
     SR_AROLE_PERPETRATOR, "Unidentified Armed Group (Mali)", 0},
};

/* The agent told by a state's craft or weapon, by a place after the
 * subject, by a statement of the group, by what the deed is treated as. */
static const actor_case_t agent_cases[] = {
    {"A Malian drone fired two missiles at a camp near Gao, Mali, on Sunday, "
     "killing six fighters.",
     SR_AROLE_PERPETRATOR, "Military Forces of Mali", 1},
    {"A Nigerian missile struck a market near Konduga, Nigeria, on Sunday, "
     "killing three traders.",
     SR_AROLE_PERPETRATOR, "Military Forces of Nigeria", 1},
    {"Police in Kano (Kano state) arrested twelve traders on Monday after a "
     "dispute over market fees.",
     SR_AROLE_PERPETRATOR, "Police Forces of Nigeria", 1},
    {"Soldiers in Gao killed four militants on Friday, the army said.",
     SR_AROLE_PERPETRATOR, "Military Forces of Mali", 1},
    {"Gunmen shot dead a teacher in Kabul, Afghanistan, on Tuesday. The "
     "Islamic State's Khorasan branch later said its fighters killed him.",
     SR_AROLE_CLAIMANT, "Khorasan Chapter of the Islamic State (ISKP)", 1},
    {"A fire bomb damaged a clinic in Paris, France, on Friday. No group "
     "claimed it, but police said they treated it as an act of "
     "anti-abortion extremists.",
     SR_AROLE_PERPETRATOR, "Anti-abortion extremists", 1},
    {"A fire bomb damaged a bank in Paris, France, on Friday. An anarchist "
     "group claimed the arson on a website.",
     SR_AROLE_CLAIMANT, "Anarchists", 1},
    /* unnamed attackers of a tribal feud are a tribal militia */
    {"Unidentified gunmen killed four villagers near Mandera, Kenya, on "
     "Sunday. Elders said the raid was part of a tribal feud over "
     "grazing land.",
     SR_AROLE_PERPETRATOR, "Unidentified Tribal Militia (Kenya)", 1},
    {"Unidentified gunmen killed four villagers near Mandera, Kenya, on "
     "Sunday. Elders said the raid followed a dispute over grazing land.",
     SR_AROLE_PERPETRATOR, "Unidentified Armed Group (Kenya)", 1},
    /* killed in a fight with the state's men: they are the agent */
    {"Four Boko Haram fighters were gunned down in an encounter with a "
     "patrol of the Nigerian army near Konduga, Nigeria, on Friday.",
     SR_AROLE_PERPETRATOR, "Military Forces of Nigeria", 1},
    {"Four Boko Haram fighters were gunned down in an encounter with a "
     "patrol of the Nigerian army near Konduga, Nigeria, on Friday.",
     SR_AROLE_PERPETRATOR, "Boko Haram", 0},
    /* what the attacker left or posted */
    {"A bomb damaged the town hall of Paris, France, on Monday. The "
     "bombers left slogans of the Coastal Liberation Front on a wall.",
     SR_AROLE_PERPETRATOR, "Coastal Liberation Front", 1},
    {"A man set fire to a mosque in Paris, France, on Monday. He was "
     "arrested; police said he had posted anti-Muslim messages online.",
     SR_AROLE_PERPETRATOR, "Anti-Muslim extremists", 1},
    {"Gunmen killed two guards in Paris, France, on Monday. Police said "
     "they had shared the Coastal Liberation Front video online.",
     SR_AROLE_PERPETRATOR, "Coastal Liberation Front", 0},
    /* a note's closing blame, the inquiry's line, the group's spokesman */
    {"A grenade hit a police post in Jolo, Philippines, on Monday. No "
     "injuries reported. Coastal Liberation Front suspected.",
     SR_AROLE_PERPETRATOR, "Coastal Liberation Front", 1},
    {"A bomb was found under a car in Newry, United Kingdom, on Monday. "
     "Police said the Coastal Liberation Front was the main line of inquiry.",
     SR_AROLE_PERPETRATOR, "Coastal Liberation Front", 1},
    {"Gunmen fired on a bus near Timika, Indonesia, on Monday, killing a "
     "driver. A spokesman of the Coastal Liberation Front said the group's "
     "fighters had carried out the shooting.",
     SR_AROLE_CLAIMANT, "Coastal Liberation Front", 1},
    {"Gunmen fired on a bus near Timika, Indonesia, on Monday, killing a "
     "driver. The Coastal Liberation Front said the army had carried out "
     "the shooting.",
     SR_AROLE_CLAIMANT, "Coastal Liberation Front", 0},
    /* "a crime by X" */
    {"Someone set fire to a synagogue door in Dayton, United States, on "
     "Sunday. Police treated it as a hate crime by the Coastal Liberation "
     "Front.",
     SR_AROLE_PERPETRATOR, "Coastal Liberation Front", 1},
    /* a creed by what the attacker is against */
    {"A pipe bomb went off outside a tax office in Dayton, United States, "
     "on Sunday. Police arrested a former clerk who hated the federal "
     "government.",
     SR_AROLE_PERPETRATOR, "Anti-Government extremists", 1},
    {"A man fired shots at a mosque in Dayton, United States, on Sunday. "
     "The gunman, who despised Muslims, was arrested.",
     SR_AROLE_PERPETRATOR, "Anti-Muslim extremists", 1},
    /* a feeling of the victims' says nothing of a creed */
    {"A man fired shots at a mosque in Dayton, United States, on Sunday. "
     "Worshippers said they hated the noise of the sirens.",
     SR_AROLE_PERPETRATOR, "Anti-Noise extremists", 0},
    {"A man set fire to the door of a clinic in Dayton, United States, on "
     "Sunday. The arsonist, who opposed abortion, was arrested.",
     SR_AROLE_PERPETRATOR, "Anti-Abortion extremists", 1},
    {"A man fired shots at a mosque in Dayton, United States, on Sunday. "
     "The suspect had written posts hostile to Muslims.",
     SR_AROLE_PERPETRATOR, "Anti-Muslim extremists", 1},
    {"Protesters hostile to the mayor threw stones at police in Dayton, "
     "United States, on Sunday; two officers were hurt.",
     SR_AROLE_PERPETRATOR, "Anti-Mayor extremists", 0},
    /* vigilantes and herders named by their people are militias */
    {"Local vigilantes clashed with bandits near Kano, Nigeria, on Monday; "
     "six vigilantes were killed.",
     SR_AROLE_SIDE_A, "Vigilante Militia (Nigeria)", 1},
    {"Tiv herders attacked a village near Kano, Nigeria, on Monday, killing "
     "five farmers.",
     SR_AROLE_PERPETRATOR, "Tiv Ethnic Militia (Nigeria)", 1},
    {"A vigilante killing shocked residents of Kano, Nigeria, on Monday: "
     "gunmen shot dead a trader.",
     SR_AROLE_PERPETRATOR, "Vigilante Militia (Nigeria)", 0},
    /* two subjects of one clash verb are one side */
    {"Militia units and Malian army forces clashed with jihadist fighters "
     "near Gao, Mali, on Monday, leaving nine dead.",
     SR_AROLE_SIDE_A, "Military Forces of Mali", 1},
    /* a riot by a party's supporters: the party is a side */
    {"Supporters of two rival Awami League leaders fought with sticks and "
     "machetes in Kano, Nigeria, on Sunday; rioters torched shops and "
     "one man died.",
     SR_AROLE_SIDE_A, "Awami League", 1},
    /* a march of which a part rioted: marchers and rioters both */
    {"Thousands of teachers marched through Niamey, Niger, on Monday "
     "against pay cuts. Later a group of youths looted shops and set fire "
     "to tyres.",
     SR_AROLE_SIDE_A, "Protesters (Niger)", 1},
    {"Thousands of teachers marched through Niamey, Niger, on Monday "
     "against pay cuts. Later a group of youths looted shops and set fire "
     "to tyres.",
     SR_AROLE_SIDE_A, "Rioters (Niger)", 1},
    /* a crowd that attacks is rioters, whatever the deed is coded as:
     * a riot's side, or a bombing's attacker */
    {"Thousands of demonstrators tried to storm the airport in Kano, "
     "Nigeria, on Monday, throwing stones and homemade explosives at "
     "police, who fired tear gas and live rounds.",
     SR_AROLE_SIDE_A, "Rioters (Nigeria)", 1},
    {"Demonstrators threw homemade explosives at a police station in "
     "Kano, Nigeria, on Monday, wounding three officers.",
     SR_AROLE_PERPETRATOR, "Rioters (Nigeria)", 1},
    /* "security forces" facing a crowd are the police to ACLED, named
     * by their country or by a demonym */
    {"Security forces fired tear gas and live rounds at protesters in "
     "Kano, Nigeria, on Monday, killing two.",
     SR_AROLE_PERPETRATOR, "Police Forces of Nigeria", 1},
    {"Nigerian security forces fired live rounds at protesters in Kano on "
     "Monday, killing two.",
     SR_AROLE_PERPETRATOR, "Police Forces of Nigeria", 1},
    {"Nigerian security forces fired live rounds at protesters in Kano on "
     "Monday, killing two.",
     SR_AROLE_PERPETRATOR, "Military Forces of Nigeria", 0},
    /* away from crowds they stay the military */
    {"Security forces raided a militant hideout in Kano, Nigeria, on "
     "Monday, killing two gunmen.",
     SR_AROLE_PERPETRATOR, "Police Forces of Nigeria", 0},
    /* police firing on a crowd, told by where they were */
    {"Police in Kano fired live bullets at hundreds of protesters on "
     "Monday, killing two, Nigeria's rights commission said.",
     SR_AROLE_PERPETRATOR, "Police Forces of Nigeria", 1},
};

static void test_agents(void)
{
    FIXTURE_EACH(agent_cases, check_actor_case);
}

static void test_unnamed(void)
{
    FIXTURE_EACH(unnamed_cases, check_actor_case);
}

static void test_roles(void)
{
    FIXTURE_EACH(role_cases, check_actor_case);
}

static void test_claims_and_hedges(void)
{
    sr_incident_list_t list;
    const sr_incident_t *inc;

    inc = main_of("Militants attacked an army post in Kabul, Afghanistan, on "
                  "Friday, killing three soldiers. The Taliban denied "
                  "involvement, but officials blamed the Haqqani network "
                  "without providing evidence.",
                  &list);
    CHECK(inc != NULL);
    CHECK(actor(inc, SR_AROLE_PERPETRATOR, "Haqqani Network") != NULL);
    sr_incident_list_clear(&list);

    inc = main_of("A car bomb killed nine people in Mogadishu, Somalia, on "
                  "Monday. The Islamic State took responsibility for the "
                  "blast in a statement.",
                  &list);
    CHECK_INT_EQ(inc != NULL ? inc->claim.status : SR_CLAIM_UNKNOWN,
                 SR_CLAIM_CLAIMED);
    CHECK(inc != NULL && inc->claim.claimant != NULL &&
          strcmp(inc->claim.claimant, "Islamic State") == 0);
    sr_incident_list_clear(&list);

    /* a named attacker, then a claim for the attack on another day */
    inc = main_of("Men recruited by Hamas threw grenades at a bus in Kabul, "
                  "Afghanistan, on Monday, wounding four. On Wednesday the "
                  "PFLP claimed credit for the attack.",
                  &list);
    CHECK_INT_EQ(inc != NULL ? inc->claim.status : SR_CLAIM_UNKNOWN,
                 SR_CLAIM_CLAIMED);
    CHECK(actor(inc, SR_AROLE_CLAIMANT,
                "Popular Front for the Liberation of Palestine") != NULL);
    sr_incident_list_clear(&list);
}

/* Claims and blames as newsrooms word them, beyond "claimed
 * responsibility" and "blamed": the claim status and who is named. */
typedef struct wording_case_s {
    const char *tail; /* after a fixed report of the attack */
    sr_claim_status_t status;
    sr_actor_role_t role;
    const char *canonical; /* NULL: no named actor in that role */
} wording_case_t;

static const wording_case_t wording_cases[] = {
    {"The raid went unclaimed; local sources put it down to Boko Haram.",
     SR_CLAIM_NOT_CLAIMED, SR_AROLE_PERPETRATOR, "Boko Haram"},
    {"Nobody owned up to it, but police suspected Boko Haram.",
     SR_CLAIM_NOT_CLAIMED, SR_AROLE_PERPETRATOR, "Boko Haram"},
    {"No one has taken credit for the raid.", SR_CLAIM_NOT_CLAIMED,
     SR_AROLE_PERPETRATOR, NULL},
    /* a negation right before the verb, or one word before it */
    {"Boko Haram has never owned up to the raid.", SR_CLAIM_UNKNOWN,
     SR_AROLE_CLAIMANT, NULL},
    {"Boko Haram never took credit for the raid.", SR_CLAIM_UNKNOWN,
     SR_AROLE_CLAIMANT, NULL},
    {"Boko Haram has not owned up to the raid.", SR_CLAIM_UNKNOWN,
     SR_AROLE_CLAIMANT, NULL},
    {"Boko Haram took credit in a statement on Monday.", SR_CLAIM_CLAIMED,
     SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram later owned up to the raid.", SR_CLAIM_CLAIMED,
     SR_AROLE_CLAIMANT, "Boko Haram"},
    {"The army laid the blame on Boko Haram.", SR_CLAIM_UNKNOWN,
     SR_AROLE_PERPETRATOR, "Boko Haram"},
    {"Residents laid the raid at the door of Boko Haram.", SR_CLAIM_UNKNOWN,
     SR_AROLE_PERPETRATOR, "Boko Haram"},
    {"Officials pinned the raid on Boko Haram.", SR_CLAIM_UNKNOWN,
     SR_AROLE_PERPETRATOR, "Boko Haram"},
    {"Investigators traced the weapons to Boko Haram.", SR_CLAIM_UNKNOWN,
     SR_AROLE_PERPETRATOR, "Boko Haram"},
    /* a span to now in the blamed group's own clause dates no other
     * incident */
    {"Officials blamed Boko Haram, which has waged an insurgency in the "
     "northeast since 2009.",
     SR_CLAIM_UNKNOWN, SR_AROLE_PERPETRATOR, "Boko Haram"},
    {"Boko Haram admitted carrying out the raid.", SR_CLAIM_CLAIMED,
     SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Police said the gunmen were from Boko Haram.", SR_CLAIM_UNKNOWN,
     SR_AROLE_PERPETRATOR, "Boko Haram"},
    {"Villagers said the attackers were Boko Haram fighters.",
     SR_CLAIM_UNKNOWN, SR_AROLE_PERPETRATOR, "Boko Haram"},
    {"The governor held Boko Haram responsible.", SR_CLAIM_UNKNOWN,
     SR_AROLE_PERPETRATOR, "Boko Haram"},
    {"Suspicion fell on Boko Haram.", SR_CLAIM_UNKNOWN,
     SR_AROLE_PERPETRATOR, "Boko Haram"},
    {"Analysts said Boko Haram was the likely culprit.", SR_CLAIM_UNKNOWN,
     SR_AROLE_PERPETRATOR, "Boko Haram"},
    {"Officials pointed the finger at Boko Haram.", SR_CLAIM_UNKNOWN,
     SR_AROLE_PERPETRATOR, "Boko Haram"},
    {"Everything pointed to Boko Haram.", SR_CLAIM_UNKNOWN,
     SR_AROLE_PERPETRATOR, "Boko Haram"},
    {"The gunmen, believed to be Boko Haram fighters, fled on motorbikes.",
     SR_CLAIM_UNKNOWN, SR_AROLE_PERPETRATOR, "Boko Haram"},
    /* another tells who did it, with the deed's own verb */
    {"A caller to a radio station said Boko Haram had done it.",
     SR_CLAIM_UNKNOWN, SR_AROLE_PERPETRATOR, "Boko Haram"},
    {"Officials said Boko Haram fighters stormed the village at dawn.",
     SR_CLAIM_UNKNOWN, SR_AROLE_PERPETRATOR, "Boko Haram"},
    {"Officials said Boko Haram had been warned.", SR_CLAIM_UNKNOWN,
     SR_AROLE_PERPETRATOR, NULL},
    /* denials without "denied" */
    {"Boko Haram distanced itself from the raid.", SR_CLAIM_DENIED,
     SR_AROLE_PERPETRATOR, NULL},
    {"Boko Haram said it had nothing to do with the raid.", SR_CLAIM_DENIED,
     SR_AROLE_PERPETRATOR, NULL},
    /* "put pressure on", no blame */
    {"The governor put pressure on Boko Haram.", SR_CLAIM_UNKNOWN,
     SR_AROLE_PERPETRATOR, NULL},
    /* a denial is not a claim */
    {"Boko Haram denied involvement.", SR_CLAIM_DENIED,
     SR_AROLE_CLAIMANT, NULL},
    /* a name its bearers chose, with no word of an organisation in it */
    {"The band, calling itself the Sons of the Dry Hills, fled on "
     "motorbikes.",
     SR_CLAIM_UNKNOWN, SR_AROLE_PERPETRATOR, "Sons of the Dry Hills"},
    {"A group calling itself the Sons of the Dry Hills claimed the raid.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Sons of the Dry Hills"},
    /* a statement whose where or when comes before its "that" */
    {"Boko Haram said in an audio message that its fighters had stormed "
     "the village.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram announced on Wednesday that it carried out the raid.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram said three of its men had carried out the raid.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram issued a leaflet saying its members had set the houses "
     "alight.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram called a radio station to say that they held two of the "
     "villagers.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram said on its channel that the raid was its work.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    /* the deed owned as the object of "admitted", or its agent the
     * speaker's own men */
    {"Boko Haram admitted the campaign in a letter to a newspaper.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram acknowledged both raids on its radio station.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram said in a statement that the village had been taken by "
     "its fighters.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram said the village had been taken by army soldiers.",
     SR_CLAIM_UNKNOWN, SR_AROLE_CLAIMANT, NULL},
    {"Boko Haram admitted the governor had been right.", SR_CLAIM_UNKNOWN,
     SR_AROLE_CLAIMANT, NULL},
    {"Boko Haram later said it had sent the parcel.", SR_CLAIM_CLAIMED,
     SR_AROLE_CLAIMANT, "Boko Haram"},
    /* what the attackers left, speaking for a group */
    {"Posters demanding the release of Boko Haram fighters were pasted near the wreckage.",
     SR_CLAIM_UNKNOWN, SR_AROLE_PERPETRATOR, "Boko Haram"},
    /* what the attackers left, signed */
    {"Letters left at the scene were signed by Boko Haram.",
     SR_CLAIM_UNKNOWN, SR_AROLE_PERPETRATOR, "Boko Haram"},
    /* a leader speaks for his group */
    {"Boko Haram leader Abu Umar said in a recording that he had ordered "
     "the raid.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"A Boko Haram commander said his men held the village for a day.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    /* anyone else's "he" is no claim of the group's */
    {"A villager who fled Boko Haram said he had hidden in the bush.",
     SR_CLAIM_UNKNOWN, SR_AROLE_CLAIMANT, NULL},
    {"Boko Haram said in a video that the governor had lied.",
     SR_CLAIM_UNKNOWN, SR_AROLE_CLAIMANT, NULL},
    /* the deed's passive agent */
    {"The mine is thought to have been laid by Boko Haram.",
     SR_CLAIM_UNKNOWN, SR_AROLE_PERPETRATOR, "Boko Haram"},
    {"Two of the girls said they had been taken by Boko Haram.",
     SR_CLAIM_UNKNOWN, SR_AROLE_PERPETRATOR, "Boko Haram"},
};

/* Names newsrooms use for real groups and state forces, and the creed an
 * attacker shouts; the extractor must read each as who did it. */
static const actor_case_t name_cases[] = {
    /* real groups spelt another way: vowels, hyphens, a dropped country,
     * a dropped accent, the group's own language */
    {"Jaish-e-Mohammad militants attacked a police post near Kabul, "
     "Afghanistan, on Monday, killing two officers.",
     SR_AROLE_PERPETRATOR, "Jaish-e-Mohammed", 1},
    {"Tehrik-e-Taliban fighters attacked a police post near Kabul, "
     "Afghanistan, on Monday, killing two officers.",
     SR_AROLE_PERPETRATOR, "Tehrik-i-Taliban Pakistan", 1},
    {"Members of the Front de Liberation Nationale de la Corse bombed a "
     "villa near Paris, France, on Tuesday.",
     SR_AROLE_PERPETRATOR, "Corsican National Liberation Front (FLNC)", 1},
    {"Fuerzas Armadas Revolucionarias de Colombia guerrillas ambushed a "
     "patrol near Florencia, Colombia, on Monday, killing four soldiers.",
     SR_AROLE_PERPETRATOR, "Revolutionary Armed Forces of Colombia", 1},
    {"Masked men shot a man in both legs in Paris, France, on Friday. "
     "Dissident republicans were blamed.",
     SR_AROLE_PERPETRATOR, "Dissident Republicans", 1},
    {"Armed members of the Maras Salvatrucha stopped a bus near Paris, "
     "France, and shot the driver dead.",
     SR_AROLE_PERPETRATOR, "MS-13", 1},
    {"Corsican separatists of the FLNC shot dead a guard at a villa near "
     "Paris, France, on Tuesday.",
     SR_AROLE_PERPETRATOR, "Corsican National Liberation Front (FLNC)", 1},
    {"NAF jets bombed a camp near Konduga, Borno, Nigeria, on Sunday, "
     "killing twelve fighters.",
     SR_AROLE_PERPETRATOR, "Military Forces of Nigeria", 1},
    {"Gunmen ambushed a Kenya Defence Forces convoy near Mandera, Kenya, "
     "on Monday, killing three soldiers.",
     SR_AROLE_TARGET, "Military Forces of Kenya", 1},
    {"A man stabbed two worshippers outside a church in Paris, France, on "
     "Sunday. The attacker, who shouted anti-Christian slurs, was "
     "arrested.",
     SR_AROLE_PERPETRATOR, "Anti-Christian extremists", 1},
    {"Koglweogo militiamen killed six herders near Djibo, Burkina Faso, "
     "on Sunday.",
     SR_AROLE_PERPETRATOR, "Koglweogo Militia", 1},
    /* groups whose names hold no organisation word, spelt as newsrooms
     * spell them */
    {"Salafiya Jihadiya militants bombed a hotel in Paris, France, on "
     "Friday, killing four guests.",
     SR_AROLE_PERPETRATOR, "Salafia Jihadia", 1},
    {"Police blamed Los Lobos for a car bomb that exploded outside a "
     "prison in Paris, France, on Friday.",
     SR_AROLE_PERPETRATOR, "Los Lobos (Ecuador)", 1},
    {"Gunmen of the Al-Zulfiqar organisation hijacked a plane in Kabul, "
     "Afghanistan, on Monday.",
     SR_AROLE_PERPETRATOR, "Al-Zulfikar", 1},
    {"Armed colectivos shot dead a student in Paris, France, on Monday.",
     SR_AROLE_PERPETRATOR, "Colectivos", 1},
    /* one attacker who pledged allegiance is inspired, not a member */
    {"A gunman shot dead two guards at a museum in Paris, France, on "
     "Friday. The attacker later pledged allegiance to the Islamic State "
     "in a video.",
     SR_AROLE_PERPETRATOR, "Jihadi-inspired extremists", 1},
    {"A man inspired by al-Qaeda stabbed three people at a station in "
     "Paris, France, on Thursday.",
     SR_AROLE_PERPETRATOR, "Jihadi-inspired extremists", 1},
    /* a band that pledged allegiance is the group's */
    {"Insurgents who have pledged allegiance to the Islamic State stormed "
     "Konduga, Borno, Nigeria, on Sunday, killing twelve soldiers.",
     SR_AROLE_PERPETRATOR, "Jihadi-inspired extremists", 0},
    /* the group's people by what they are called: activists, cadres */
    {"Cadres of the Coastal Liberation Front set fire to a police post near "
     "Gao, Mali, on Monday, wounding two officers.",
     SR_AROLE_PERPETRATOR, "Coastal Liberation Front", 1},
    {"Gunmen shot dead three activists of the Coastal Liberation Front "
     "near Gao, Mali, on Monday.",
     SR_AROLE_PERPETRATOR, "Coastal Liberation Front", 0},
    /* a clash reported in the passive: its sides are no sources */
    {"Fighting between the Coastal Front and the Sahel Brigade was "
     "reported in Gao, Mali, on Monday. Local sources spoke of at least "
     "14 dead.",
     SR_AROLE_SIDE_A, "Coastal Front", 1},
    /* ... but an attacker arrested is no victim */
    {"A man stabbed two police officers in Paris, France, on Monday. Both "
     "officers survived; the assailant was arrested.",
     SR_AROLE_TARGET, "Unidentified Armed Group (France)", 0},
    /* a party's members who attacked did it; those attacked did not */
    {"Coastal Party activists attacked supporters of a rival candidate "
     "in Gao, Mali, on Monday, injuring six.",
     SR_AROLE_PERPETRATOR, "Coastal Party", 1},
    {"Gunmen shot dead two Coastal Party activists in Gao, Mali, on "
     "Monday.",
     SR_AROLE_PERPETRATOR, "Coastal Party", 0},
    /* the victim's group, with a rank between the deed and "member" */
    {"Gunmen on a motorbike assassinated a former member of the Coastal "
     "Liberation Front in Gao, Mali, on Monday.",
     SR_AROLE_PERPETRATOR, "Coastal Liberation Front", 0},
    {"Gunmen on a motorbike assassinated a former member of the Coastal "
     "Liberation Front in Gao, Mali, on Monday.",
     SR_AROLE_PERPETRATOR, "Unidentified Armed Group (Mali)", 1},
    {"Soldiers killed a senior commander of the Coastal Liberation Front "
     "near Gao, Mali, on Monday.",
     SR_AROLE_PERPETRATOR, "Coastal Liberation Front", 0},
    /* the attacker's creed told by others, the person as the object */
    {"A gunman wounded three guests at a wedding in Paris, France, on "
     "Saturday. Police described the assailant as opposed to the local "
     "government.",
     SR_AROLE_PERPETRATOR, "Anti-Government extremists", 1},
    /* the arrested man's creed, told with "with" */
    {"An intruder set fire to a clinic in Paris, France, on Monday. A man "
     "with anti-abortion views was later arrested.",
     SR_AROLE_PERPETRATOR, "Anti-abortion extremists", 1},
    {"A gunman wounded three guests at a wedding in Paris, France, on "
     "Saturday. Police met with anti-racism groups.",
     SR_AROLE_PERPETRATOR, "Anti-racism extremists", 0},
    /* "as opposed to" only contrasting */
    {"A gunman wounded three guests at a wedding in Paris, France, on "
     "Saturday, in the old town as opposed to the suburbs.",
     SR_AROLE_PERPETRATOR, "Anti-Suburb extremists", 0},
    /* a crowd's slogans make no extremists of it */
    {"Thousands of protesters chanting anti-government slogans clashed "
     "with police in Niamey, Niger, on Monday; ten were injured.",
     SR_AROLE_PERPETRATOR, "Anti-government extremists", 0},
};

/* a date of how things stood is no other incident's date: the culprit
 * named beside it is this incident's */
static const actor_case_t status_date_cases[] = {
    {"Gunmen seized a trader from his shop in Konduga, Borno, Nigeria, on "
     "3 January 2021. Police suspected Boko Haram; the trader was still "
     "held as of early March.",
     SR_AROLE_PERPETRATOR, "Boko Haram", 1},
    {"Gunmen seized a trader from his shop in Konduga, Borno, Nigeria, on "
     "3 January 2021. Police suspected Boko Haram; the market stayed shut "
     "until 2 March.",
     SR_AROLE_PERPETRATOR, "Boko Haram", 1},
};

/* people told as a crowd, doing a rioter's deed, are ACLED's rioters
 * (a side when the deed is a riot, the attacker of an arson); a few
 * unnamed people are not */
static const actor_case_t crowd_cases[] = {
    {"Hundreds of people looted shops and burned a bus in Gao, Mali, on "
     "Monday.",
     SR_AROLE_SIDE_A, "Rioters (Mali)", 1},
    {"Young people threw petrol bombs at a police station in Gao, Mali, "
     "on Monday.",
     SR_AROLE_PERPETRATOR, "Rioters (Mali)", 1},
    {"Two people set fire to a shop in Gao, Mali, on Monday.",
     SR_AROLE_PERPETRATOR, "Rioters (Mali)", 0},
    {"Groups of men set fire to houses in Gao, Mali, on Monday.",
     SR_AROLE_SIDE_A, "Rioters (Mali)", 1},
    {"Two men set fire to a shop in Gao, Mali, on Monday.",
     SR_AROLE_PERPETRATOR, "Rioters (Mali)", 0},
    /* a gathering the state broke up, told as its arrests: the crowd is
     * side A; a crowd only looked on, or no crowd arms used, is none */
    {"Traders angry at a new tax gathered outside the town hall in Gao, "
     "Mali, on Monday. Police fired tear gas and arrested nine of them.",
     SR_AROLE_SIDE_A, "Protesters (Mali)", 1},
    {"Students of the university (Gao) held a march on Monday in Gao, "
     "Mali. Gendarmes fired rubber bullets, wounding four students.",
     SR_AROLE_SIDE_A, "Protesters (Mali)", 1},
    {"Traders gathered outside the town hall in Gao, Mali, on Monday. "
     "Police arrested nine of them.",
     SR_AROLE_SIDE_A, "Protesters (Mali)", 0},
    {"Police fired tear gas at a wedding party and arrested nine people in "
     "Gao, Mali, on Monday.",
     SR_AROLE_SIDE_A, "Protesters (Mali)", 0},
};

/* the deed told right before the toll that anchors the incident, with
 * no word of harm: its subject did it; a subject doing no deed did not */
static const actor_case_t deed_before_cases[] = {
    {"Coastal Liberation Front cadres overran a village near Gao, Mali, on "
     "Monday. Officials counted twelve dead.",
     SR_AROLE_PERPETRATOR, "Coastal Liberation Front", 1},
    {"Police carried out an operation against smugglers in Gao, Mali, on "
     "Monday. Nine people were killed.",
     SR_AROLE_PERPETRATOR, "Police Forces of Mali", 1},
    {"The Malian army launched an operation against the Coastal Front "
     "near Gao, Mali, on Monday. One soldier was killed and several rebel "
     "camps were destroyed.",
     SR_AROLE_PERPETRATOR, "Unidentified Armed Group (Mali)", 0},
    {"The Malian army launched an operation against the Coastal Front "
     "near Gao, Mali, on Monday. One soldier was killed and several rebel "
     "camps were destroyed.",
     SR_AROLE_PERPETRATOR, "Military Forces of Mali", 1},
    {"Police patrolled the market in Gao, Mali, on Monday. Nine people "
     "were killed in a blast.",
     SR_AROLE_PERPETRATOR, "Police Forces of Mali", 0},
};

/* The unnamed attacker's text: the deed's words or its doer, never a
 * verb alone. */
typedef struct deed_text_case_s {
    const char *body;
    const char *text;
} deed_text_case_t;

static const deed_text_case_t deed_text_cases[] = {
    {"A roadside bomb went off near a bus in Gao, Mali, on Monday, killing "
     "four passengers.",
     "A roadside bomb went off"},
    {"Two traders were shot dead at a market in Gao, Mali, on Monday.",
     "were shot dead"},
    {"On Monday a man armed with a machete stabbed two guards at a market "
     "in Gao, Mali.",
     "a man armed with a machete"},
    {"Two traders were stabbed to death at a market in Gao, Mali, on "
     "Monday.",
     "were stabbed to death"},
};

static void check_deed_text_case(const deed_text_case_t *c)
{
    sr_incident_list_t list;
    const sr_incident_t *inc = main_of(c->body, &list);
    const sr_actor_t *a = actor(inc, SR_AROLE_PERPETRATOR,
                                "Unidentified Armed Group (Mali)");

    if (a == NULL || strcmp(a->text, c->text) != 0) {
        CHECK(!"deed words as the unnamed attacker's text");
        fprintf(stderr, "    got '%s', want '%s': %s\n",
                a != NULL ? a->text : "(none)", c->text, c->body);
    }
    sr_incident_list_clear(&list);
}

static void test_deed_texts(void)
{
    FIXTURE_EACH(deed_text_cases, check_deed_text_case);
}

static void test_deed_before(void)
{
    FIXTURE_EACH(deed_before_cases, check_actor_case);
}

static void test_status_dates(void)
{
    FIXTURE_EACH(status_date_cases, check_actor_case);
}

static void test_crowds(void)
{
    FIXTURE_EACH(crowd_cases, check_actor_case);
}

static void test_names(void)
{
    FIXTURE_EACH(name_cases, check_actor_case);
}

static void check_wording_case(const wording_case_t *c)
{
    char body[512];
    sr_incident_list_t list;
    const sr_incident_t *inc;
    int named = 0;

    snprintf(body, sizeof(body),
             "Gunmen killed five villagers in Konduga, Borno, Nigeria, on "
             "Sunday. %s", c->tail);
    inc = main_of(body, &list);
    for (size_t k = 0; inc != NULL && k < inc->actor_count; k++) {
        const sr_actor_t *a = &inc->actors[k];

        named += a->role == c->role && a->canonical != NULL &&
                 a->actor_type != NULL;
    }
    if (inc == NULL || inc->claim.status != c->status ||
        (c->canonical != NULL ? actor(inc, c->role, c->canonical) == NULL
                              : named != 0)) {
        CHECK(!"wording read as expected");
        fprintf(stderr, "    status %d (want %d), %s: %s\n",
                inc != NULL ? (int)inc->claim.status : -1, (int)c->status,
                c->canonical != NULL ? c->canonical : "nobody named", c->tail);
    }
    sr_incident_list_clear(&list);
}

static void test_wordings(void)
{
    FIXTURE_EACH(wording_cases, check_wording_case);
}

/* Claims told as what a statement says the group did, with the words
 * between ("said afterwards that", "saying its strike team had done
 * it"), "acknowledged responsibility", and a blame whose subject carries
 * a relative clause. */
static const wording_case_t statement_cases[] = {
    {"Boko Haram said afterwards that its men had carried out the raid.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram posted a video saying its strike team had done it.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram issued a leaflet saying it had placed the mines.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram aired a statement saying its fighters were responsible.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram acknowledged responsibility in a message to reporters.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram, which is active in the area, was blamed by the army.",
     SR_CLAIM_UNKNOWN, SR_AROLE_PERPETRATOR, "Boko Haram"},
    /* a statement of something else, and a relative clause that tells
     * a deed of its own, name nobody */
    {"Boko Haram said afterwards that its men had fled the area.",
     SR_CLAIM_UNKNOWN, SR_AROLE_CLAIMANT, NULL},
    /* the deed's purpose, or a threat that such deeds go on, owns it;
     * the state saying so of another's deed does not */
    {"Boko Haram said the killings were a warning to the governor.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram said that the raid was revenge for the arrest of its men.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram warned in a radio message that attacks on the town would "
     "continue.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    /* a named unit between the owner and its deed */
    {"Boko Haram announced on Tuesday that its Lake Chad Brigade of the "
     "Faithful had carried out the raid.",
     SR_CLAIM_CLAIMED, SR_AROLE_CLAIMANT, "Boko Haram"},
    {"Boko Haram warned that more raids will follow.", SR_CLAIM_CLAIMED,
     SR_AROLE_CLAIMANT, "Boko Haram"},
    {"The Nigerian Army said the raid was revenge for a lost battle.",
     SR_CLAIM_UNKNOWN, SR_AROLE_CLAIMANT, NULL},
    {"Boko Haram warned that the roads were unsafe.", SR_CLAIM_UNKNOWN,
     SR_AROLE_CLAIMANT, NULL},
    {"Boko Haram said the raid was a tragedy.", SR_CLAIM_UNKNOWN,
     SR_AROLE_CLAIMANT, NULL},
};

static void test_statements(void)
{
    FIXTURE_EACH(statement_cases, check_wording_case);
}

/* Each test on a fresh extractor. */
#define WITH_EXTRACTOR(name)                                                 \
    static void name##_run(void)                                             \
    {                                                                        \
        setup();                                                             \
        name();                                                              \
        teardown();                                                          \
    }
WITH_EXTRACTOR(test_attributed_elsewhere)
WITH_EXTRACTOR(test_unnamed)
WITH_EXTRACTOR(test_roles)
WITH_EXTRACTOR(test_agents)
WITH_EXTRACTOR(test_claims_and_hedges)
WITH_EXTRACTOR(test_wordings)
WITH_EXTRACTOR(test_names)
WITH_EXTRACTOR(test_status_dates)
WITH_EXTRACTOR(test_deed_before)
WITH_EXTRACTOR(test_deed_texts)
WITH_EXTRACTOR(test_crowds)
WITH_EXTRACTOR(test_statements)

TEST_LIST = {{"attributed_elsewhere", test_attributed_elsewhere_run},
             {"unnamed", test_unnamed_run},
             {"roles", test_roles_run},
             {"agents", test_agents_run},
             {"claims_and_hedges", test_claims_and_hedges_run},
             {"wordings", test_wordings_run},
             {"names", test_names_run},
             {"status_dates", test_status_dates_run},
             {"deed_before", test_deed_before_run},
             {"deed_texts", test_deed_texts_run},
             {"crowds", test_crowds_run},
             {"statements", test_statements_run},
             {NULL, NULL}};
