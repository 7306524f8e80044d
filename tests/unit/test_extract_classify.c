/* test_extract_classify.c - categories, ACLED/GTD labels, factuality. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "classify.h"
#include "extract_fixture.h"

static sr_category_t category_of(const char *text, int has_perp)
{
    sr_doc_t doc;
    sr_category_t c;

    sr_doc_init(&doc);
    fixture_doc(&doc, text, 2020, 5, 2);
    c = sr_classify(&doc, 0, doc.ntok, has_perp);
    fixture_done(&doc);
    return c;
}

static sr_factuality_t factuality_of(const char *text, const char *trigger)
{
    sr_doc_t doc;
    sr_factuality_t f;
    size_t cue;

    sr_doc_init(&doc);
    fixture_doc(&doc, text, 2020, 5, 2);
    f = sr_factuality(&doc, 0, doc.ntok, fixture_tok(&doc, trigger), &cue);
    if (f != SR_FACT_ASSERTED) {
        CHECK(cue != SR_NO_CUE && cue < doc.ntok);
    }
    fixture_done(&doc);
    return f;
}

static void test_categories(void)
{
    CHECK_INT_EQ(category_of("Militants ambushed soldiers.", 1),
                 SR_CAT_ARMED_ASSAULT);
    CHECK_INT_EQ(category_of("A suicide bomber blew himself up, a blast "
                             "that killed 5.",
                             0),
                 SR_CAT_SUICIDE_BOMBING);
    CHECK_INT_EQ(category_of("A roadside bomb exploded.", 0),
                 SR_CAT_REMOTE_EXPLOSIVE_IED);
    CHECK_INT_EQ(category_of("A drone strike hit the convoy and killed 4.",
                             0),
                 SR_CAT_AIR_DRONE_STRIKE);
    CHECK_INT_EQ(category_of("Rebels and troops clashed near the town.", 0),
                 SR_CAT_ARMED_CLASH);
    CHECK_INT_EQ(category_of("Gunmen kidnapped two engineers.", 1),
                 SR_CAT_KIDNAPPING);
    CHECK_INT_EQ(category_of("The mayor was assassinated.", 0),
                 SR_CAT_ASSASSINATION);
    CHECK_INT_EQ(category_of("Thirteen soldiers were killed in a crash "
                             "involving two helicopters.",
                             0),
                 SR_CAT_ACCIDENT);
    CHECK_INT_EQ(category_of("Hundreds protested in the capital.", 0),
                 SR_CAT_PROTEST_PEACEFUL);
    CHECK_INT_EQ(category_of("Police fired tear gas to disperse the "
                             "protest.",
                             0),
                 SR_CAT_PROTEST_WITH_INTERVENTION);
    CHECK_INT_EQ(category_of("Security forces shot dead 4 protesters at "
                             "the demonstration.",
                             0),
                 SR_CAT_EXCESSIVE_FORCE_ON_PROTESTERS);
    CHECK_INT_EQ(category_of("Rioters torched cars during the protest.", 0),
                 SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    /* a bare death: an assault only when an attacker is named */
    CHECK_INT_EQ(category_of("Five people were killed.", 0), SR_CAT_OTHER);
    CHECK_INT_EQ(category_of("Five people were killed.", 1),
                 SR_CAT_ARMED_ASSAULT);
    CHECK_INT_EQ(category_of("The attack helicopter landed.", 0),
                 SR_CAT_OTHER);
    CHECK_INT_EQ(category_of("Assailants threw an incendiary device at a "
                             "house.",
                             1),
                 SR_CAT_FACILITY_ATTACK_ARSON);
    CHECK_INT_EQ(category_of("Soldiers defused a bomb before it exploded.",
                             0),
                 SR_CAT_DISRUPTED_WEAPONS_USE);
    CHECK_INT_EQ(category_of("An angry mob attacked two doctors.", 0),
                 SR_CAT_MOB_VIOLENCE);
    CHECK_INT_EQ(category_of("Gunmen opened fire on the car of a local "
                             "mayor.",
                             1),
                 SR_CAT_ASSASSINATION);
    /* the minister is the source, not the target */
    CHECK_INT_EQ(category_of("Militants attacked a camp, according to the "
                             "defence minister.",
                             1),
                 SR_CAT_ARMED_ASSAULT);
    CHECK_INT_EQ(category_of("Residents burnt tires on the main road.", 0),
                 SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    CHECK_INT_EQ(category_of("Assailants set fire to a school.", 1),
                 SR_CAT_FACILITY_ATTACK_ARSON);
    CHECK_INT_EQ(category_of("Prisoners protested, setting mattresses on "
                             "fire.",
                             0),
                 SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    CHECK_INT_EQ(category_of("Police opened fire on the protesters.", 0),
                 SR_CAT_EXCESSIVE_FORCE_ON_PROTESTERS);
    CHECK_INT_EQ(category_of("Guards opened fire on prisoners protesting "
                             "against the food, killing two.",
                             0),
                 SR_CAT_EXCESSIVE_FORCE_ON_PROTESTERS);
    CHECK_INT_EQ(category_of("Two bombs were tossed from a passing car at "
                             "the building.",
                             0),
                 SR_CAT_BOMBING_OTHER);
    CHECK_INT_EQ(category_of("Youths threw stones at the police station.", 0),
                 SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    /* an earlier event named as a time reference is not this one */
    CHECK_INT_EQ(category_of("Police arrested him two days after riots at "
                             "the prison.",
                             0),
                 SR_CAT_ARRESTS);
}

typedef struct cat_case_s {
    const char *text;
    int has_perp;
    sr_category_t want;
} cat_case_t;

static void check_category(const cat_case_t *c)
{
    sr_category_t got = category_of(c->text, c->has_perp);

    if (got != c->want) {
        fprintf(stderr, "  category of \"%s\": %s, want %s\n", c->text,
                sr_category_name(got), sr_category_name(c->want));
    }
    CHECK_INT_EQ(got, c->want);
}

static void check_categories(const cat_case_t *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        check_category(&cases[i]);
    }
}

/* The coders' precedence rules inside one sentence. */
static void test_precedence(void)
{
    static const cat_case_t cases[] = {
        /* the crowd is only who was arrested: an arrest, not a protest */
        {"Police arrested 30 protesters in the capital.", 0, SR_CAT_ARRESTS},
        /* a killing outranks the arrests of the same operation */
        {"Seven militants were killed and three were arrested in a police "
         "operation.",
         1, SR_CAT_ARMED_ASSAULT},
        /* rockets fired in a clash leave it a clash */
        {"The two clans exchanged fire and used rockets.", 0,
         SR_CAT_ARMED_CLASH},
        /* hostages kept on the spot: a barricade, not a kidnapping */
        {"A gunman was holding ten customers hostage inside the bank.", 1,
         SR_CAT_HOSTAGE_BARRICADE},
        {"Gunmen kidnapped ten customers from the bank.", 1,
         SR_CAT_KIDNAPPING},
        /* a crowd attacking: mob violence */
        {"Angry villagers beat up a suspected thief.", 0, SR_CAT_MOB_VIOLENCE},
        {"Residents killed a thief by setting him on fire.", 0,
         SR_CAT_MOB_VIOLENCE},
        {"Gunmen killed two villagers.", 1, SR_CAT_ARMED_ASSAULT},
        /* a person set on fire is an assault, a house a facility attack */
        {"Gunmen set the trader on fire.", 1, SR_CAT_ARMED_ASSAULT},
        {"Gunmen set the house on fire.", 1, SR_CAT_FACILITY_ATTACK_ARSON},
        /* strikes of workers, sit-ins, gatherings with a cause: protests */
        {"Teachers went on strike over unpaid wages.", 0,
         SR_CAT_PROTEST_PEACEFUL},
        {"Nurses staged a sit-in at the ministry.", 0,
         SR_CAT_PROTEST_PEACEFUL},
        {"Hundreds gathered outside parliament to demand new elections.", 0,
         SR_CAT_PROTEST_PEACEFUL},
        {"Hundreds gathered for the funeral.", 0, SR_CAT_OTHER},
        /* a blocked road is peaceful; damage or a fight is a riot, even
         * when the police shoot */
        {"Demonstrators blocked the main road.", 0, SR_CAT_PROTEST_PEACEFUL},
        {"Fifteen people demonstrated outside the clinic until police "
         "intervened.",
         0, SR_CAT_PROTEST_WITH_INTERVENTION},
        {"Demonstrators clashed with police and one protester was shot "
         "dead.",
         0, SR_CAT_RIOT_VIOLENT_DEMONSTRATION},
        {"The demonstrators destroyed two police posts.", 0,
         SR_CAT_RIOT_VIOLENT_DEMONSTRATION},
        /* a surrender is no assault, though fighters are named */
        {"Forty fighters surrendered to the army.", 1, SR_CAT_OTHER},
        /* torture in custody is violence, more than the arrest */
        {"Seventy villagers were arrested and tortured by soldiers.", 0,
         SR_CAT_UNARMED_ASSAULT},
        /* a raid as the setting of arrests; a raid that arrests */
        {"Police arrested 15 suspects in a raid on a hideout.", 1,
         SR_CAT_ARRESTS},
        {"Troops raided a house and arrested two brothers believed to be "
         "militants.",
         1, SR_CAT_ARMED_ASSAULT},
        /* what someone is accused of is not the event */
        {"Police arrested two men accused of the bombing.", 0,
         SR_CAT_ARRESTS},
        /* an explosive device; any other device is none */
        {"An explosive device went off near the market.", 0,
         SR_CAT_REMOTE_EXPLOSIVE_IED},
        {"The device went off near the market.", 0, SR_CAT_OTHER},
        {"Assailants attempted to hijack a bus.", 1, SR_CAT_HIJACKING},
        /* a find is a disrupted use only when nothing went off */
        {"Police discovered a cache of explosives in a farmhouse.", 0,
         SR_CAT_DISRUPTED_WEAPONS_USE},
        {"A recovered explosive device detonated at the base.", 0,
         SR_CAT_REMOTE_EXPLOSIVE_IED},
        {"Police found the car used in the bombing.", 0,
         SR_CAT_BOMBING_OTHER},
        /* the kind of attack named by its modifier */
        {"The house was destroyed in an arson attack.", 1,
         SR_CAT_FACILITY_ATTACK_ARSON},
        /* what was planned is not what happened */
        {"Police arrested three men planning to bomb a market.", 0,
         SR_CAT_ARRESTS},
        {"Gunmen tried to storm the prison.", 1, SR_CAT_ARMED_ASSAULT},
        {"A storm hit the coast.", 0, SR_CAT_OTHER},
        {"A man drove through the fence, causing material damage.", 0,
         SR_CAT_LOOTING_PROPERTY_DESTRUCTION},
        {"The floods caused damage to roads.", 0, SR_CAT_OTHER},
        {"The letter did not cause any casualties or damage.", 0,
         SR_CAT_OTHER},
        /* a motive is another event */
        {"Gunmen attacked the embassy in retaliation for airstrikes.", 1,
         SR_CAT_ARMED_ASSAULT},
        {"The gunman struck in retaliation for American air raids on "
         "Raqqa.",
         1, SR_CAT_ARMED_ASSAULT},
    };

    FIXTURE_EACH(cases, check_category);
}

static sr_category_t refined(const char *text, int harmed)
{
    sr_doc_t doc;
    sr_category_t c;

    sr_doc_init(&doc);
    fixture_doc(&doc, text, 2021, 5, 2);
    c = sr_classify(&doc, doc.sents[0].tb, doc.sents[0].te, 1);
    c = sr_refine_category(&doc, doc.sents[0].tb, doc.sents[0].te, 0,
                           doc.ntok, c, harmed);
    fixture_done(&doc);
    return c;
}

/* A crowd's damage or fight is a riot, whoever it fights. */
static void test_crowd_riots(void)
{
    /* the forces meeting a crowd: how the crowd was met, not an attack */
    CHECK_INT_EQ(category_of("Police lobbed teargas to scatter the marchers "
                             "and detained several of them.",
                             0),
                 SR_CAT_PROTEST_WITH_INTERVENTION);
    CHECK_INT_EQ(category_of("Troops fired rubber bullets and tear gas at "
                             "demonstrators in Hebron.",
                             0),
                 SR_CAT_PROTEST_WITH_INTERVENTION);
    CHECK_INT_EQ(category_of("Dockers smashed windows and set a police kiosk "
                             "on fire; a docker died after police fired to "
                             "disperse them.",
                             0),
                 SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    CHECK_INT_EQ(category_of("Hundreds of tea workers vandalised a shop and "
                             "set a police kiosk on fire in Sylhet.",
                             0),
                 SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    /* the deed told a long way after the crowd, past where it is */
    CHECK_INT_EQ(category_of("A crowd in a hamlet of Nalanda district caught "
                             "a man suspected of stealing a buffalo and beat "
                             "him to death.",
                             0),
                 SR_CAT_MOB_VIOLENCE);
    /* no forces: tear gas thrown by someone else stays what it was */
    CHECK(category_of("Unknown men threw tear gas canisters at "
                      "protesters in Kano.",
                      0) != SR_CAT_PROTEST_WITH_INTERVENTION);
    CHECK_INT_EQ(category_of("Youths burned tyres and threw rocks at "
                             "gendarmes in Lyon.",
                             0),
                 SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    CHECK_INT_EQ(category_of("Supporters of the ousted governor clashed with "
                             "police and looted shops in Kisumu.",
                             0),
                 SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    CHECK_INT_EQ(category_of("Crowds ransacked a supermarket in Quito.", 0),
                 SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    CHECK_INT_EQ(category_of("Students set fire to the rector's office in "
                             "Dhaka.",
                             0),
                 SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    /* breaking through a police line to occupy a building: a protest */
    CHECK(category_of("Protesters broke through police lines and occupied "
                      "the ministry in Accra.",
                      0) != SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    CHECK_INT_EQ(category_of("A crowd beat a suspected thief in Kumasi.", 0),
                 SR_CAT_MOB_VIOLENCE);
    CHECK_INT_EQ(category_of("Demonstrators attacked police officers in "
                             "Lima.",
                             0),
                 SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    /* not a crowd: a beating to death by a militia is an attack */
    CHECK_INT_EQ(category_of("Militiamen beat a young man to death in "
                             "Gitega.",
                             1),
                 SR_CAT_UNARMED_ASSAULT);
    /* the crowd as victim: armed attackers named first */
    CHECK_INT_EQ(category_of("Gunmen attacked fans and burned their bus "
                             "in Kano.",
                             1) == SR_CAT_RIOT_VIOLENT_DEMONSTRATION,
                 0);
    /* a march, then some of its people throwing things at police */
    CHECK_INT_EQ(category_of("Hundreds of teachers marched through Porto "
                             "against the wage freeze. Some of them threw "
                             "petrol bombs and bottles at police lines.",
                             0),
                 SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    CHECK_INT_EQ(category_of("Farmers rallied in Lille against the new tax; "
                             "a few hurled eggs and flares at officers, who "
                             "answered with stun grenades.",
                             0),
                 SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    /* the report's verdict on the whole march outweighs scuffles at its
     * edge */
    CHECK_INT_EQ(category_of("Students marched in Bogota against the budget "
                             "cuts. The march was mostly peaceful, though a "
                             "few youths clashed with police at the end.",
                             0),
                 SR_CAT_PROTEST_PEACEFUL);
    CHECK_INT_EQ(category_of("Students marched in Bogota against the budget "
                             "cuts. A few youths clashed with police at the "
                             "end.",
                             0),
                 SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    /* a crowd met with tear gas: by what the crowd did */
    CHECK_INT_EQ(category_of("Police used tear gas and rubber bullets to "
                             "disperse villagers who had set tyres alight "
                             "across the highway.",
                             0),
                 SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    CHECK_INT_EQ(category_of("Gendarmes fired tear gas to disperse traders "
                             "who had gathered outside the town hall.",
                             0),
                 SR_CAT_PROTEST_WITH_INTERVENTION);
    /* with a death it is no longer crowd control */
    CHECK(category_of("Soldiers fired tear gas and then live rounds to "
                      "disperse the crowd, killing two.",
                      0) != SR_CAT_PROTEST_WITH_INTERVENTION);
    /* armed men throwing a bomb at a march attack it */
    CHECK(category_of("Gunmen threw a petrol bomb at marchers protesting "
                      "in Kano.",
                      1) != SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    /* a bomb thrown by someone in a crowd is still a bomb */
    CHECK_INT_EQ(category_of("Protesters threw a grenade at the police "
                             "station.",
                             0) == SR_CAT_RIOT_VIOLENT_DEMONSTRATION,
                 0);
}

/* Fights between armed sides, ground taken in them, and killings told
 * without the usual verbs. */
static void test_battles(void)
{
    CHECK_INT_EQ(category_of("Rebels fought government troops near Goma.", 0),
                 SR_CAT_ARMED_CLASH);
    /* a deadly fight or feud between clans or villages */
    CHECK_INT_EQ(category_of("A fight between two Enga clans near Wabag "
                             "left seven men dead.",
                             0),
                 SR_CAT_ARMED_CLASH);
    CHECK_INT_EQ(category_of("A land feud between neighbouring villages in "
                             "Jonglei killed nine herders.",
                             0),
                 SR_CAT_ARMED_CLASH);
    CHECK_INT_EQ(category_of("The fight between the two parties over the "
                             "budget went on.",
                             0),
                 SR_CAT_OTHER);
    /* the campaign named as the setting of a shelling */
    CHECK_INT_EQ(category_of("Rebel artillery shelled army positions near "
                             "Marawi amid the offensive on the city.",
                             1),
                 SR_CAT_SHELLING_ARTILLERY_MISSILE);
    CHECK_INT_EQ(category_of("Rebels fought army troops and seized the town "
                             "of Kiwanja.",
                             1),
                 SR_CAT_TERRITORY_TAKEN);
    CHECK_INT_EQ(category_of("Army troops fought insurgents and captured "
                             "the town of Palma.",
                             1),
                 SR_CAT_TERRITORY_REGAINED);
    CHECK_INT_EQ(category_of("The town of Palma fell to insurgents after "
                             "heavy fighting.",
                             1),
                 SR_CAT_TERRITORY_TAKEN);
    /* civilians killed near fighting: the killing is the event */
    CHECK_INT_EQ(category_of("Soldiers shot five villagers fleeing fighting "
                             "near Loikaw.",
                             1),
                 SR_CAT_ARMED_ASSAULT);
    CHECK_INT_EQ(category_of("Soldiers executed twelve men in a village near "
                             "Mopti.",
                             1),
                 SR_CAT_ARMED_ASSAULT);
    CHECK_INT_EQ(category_of("A military aircraft struck a market in Idlib, "
                             "killing nine people.",
                             0),
                 SR_CAT_AIR_DRONE_STRIKE);
    CHECK(category_of("A truck struck a pedestrian in Nairobi.", 0) !=
          SR_CAT_BOMBING_OTHER);
    /* weapons carried are no explosion; staff held at gunpoint */
    CHECK_INT_EQ(category_of("Men armed with rifles and explosives held "
                             "hotel staff at gunpoint in Quito.",
                             1),
                 SR_CAT_HOSTAGE_BARRICADE);
    /* a sound heard is no attack told */
    {
        sr_doc_t doc;

        sr_doc_init(&doc);
        fixture_doc(&doc, "Gunfire was heard near the palace.", 2021, 5, 2);
        CHECK(!sr_is_trigger(&doc, 0, doc.ntok, fixture_tok(&doc, "gunfire")));
        fixture_done(&doc);
        fixture_doc(&doc, "Gunfire killed two people near the palace.", 2021,
                    5, 2);
        CHECK(sr_is_trigger(&doc, 0, doc.ntok, fixture_tok(&doc, "gunfire")));
        fixture_done(&doc);
    }
}

/* GTD's hierarchy: assassination > barricade > bombing > armed assault >
 * unarmed assault. */
static void test_gtd_hierarchy(void)
{
    /* guns the main means, grenades or rockets beside them */
    CHECK_INT_EQ(category_of("Gunmen armed with rifles and grenades opened "
                             "fire on shoppers in a mall in Nairobi.",
                             1),
                 SR_CAT_ARMED_ASSAULT);
    CHECK_INT_EQ(category_of("Gunmen fired rockets and rifles at a convoy "
                             "near Kandahar.",
                             1),
                 SR_CAT_ARMED_ASSAULT);
    CHECK_INT_EQ(category_of("Gunmen threw a grenade that exploded in a "
                             "market in Kano.",
                             1),
                 SR_CAT_GRENADE);
    CHECK_INT_EQ(category_of("Militants fired rockets at an airbase near "
                             "Kandahar.",
                             1),
                 SR_CAT_SHELLING_ARTILLERY_MISSILE);
    /* RPGs fired at a post are an assault on it; into a town, a
     * bombardment */
    CHECK_INT_EQ(category_of("Rebels fired rocket-propelled grenades at an "
                             "army checkpoint outside Bunia.",
                             1),
                 SR_CAT_ARMED_ASSAULT);
    CHECK_INT_EQ(category_of("Insurgents fired RPGs and automatic weapons at "
                             "gendarmes guarding a bridge near Tillaberi.",
                             1),
                 SR_CAT_ARMED_ASSAULT);
    CHECK(category_of("Insurgents fired rocket-propelled grenades into a "
                      "market town near Monguno, killing six traders.",
                      1) != SR_CAT_ARMED_ASSAULT);
    /* a bomb fixed to an official's car was meant for the official */
    CHECK_INT_EQ(refined("A magnetic bomb attached to the car of a district "
                         "prosecutor exploded in Herat, killing him.",
                         1),
                 SR_CAT_ASSASSINATION);
    CHECK_INT_EQ(refined("A sticky bomb attached to a minibus exploded in "
                         "Kabul, killing four passengers and the driver.",
                         1) == SR_CAT_ASSASSINATION,
                 0);
    /* a titled person as what was hit, by any means */
    CHECK_INT_EQ(refined("A bomb exploded under the car of Senator Ana Ruiz "
                         "in Cali, killing her driver.",
                         1),
                 SR_CAT_ASSASSINATION);
    CHECK_INT_EQ(refined("Gunmen shot dead Ahmed Bello in Kano. The Front "
                         "claimed the assassination.",
                         1),
                 SR_CAT_ASSASSINATION);
    CHECK_INT_EQ(refined("A bomb killed four people in Kano, General Ali "
                         "Musa said.",
                         1),
                 SR_CAT_BOMBING_OTHER);
    CHECK_INT_EQ(refined("Militants were killed in an operation by General "
                         "Command units in Paktia.",
                         1) == SR_CAT_ASSASSINATION,
                 0);
    /* the house of parliament is a place; a member of it a person */
    CHECK_INT_EQ(refined("Gunmen opened fire on guards at the gate while "
                         "parliament was in session in Kabul.",
                         1),
                 SR_CAT_ARMED_ASSAULT);
    CHECK_INT_EQ(refined("Gunmen shot dead a member of parliament in Kabul.",
                         1),
                 SR_CAT_ASSASSINATION);
    /* hostages held where they were seized, even after a blast */
    CHECK_INT_EQ(refined("Militants blew open the gate of a hotel in Bamako "
                         "and stormed it, taking 170 guests hostage.",
                         1),
                 SR_CAT_HOSTAGE_BARRICADE);
    CHECK_INT_EQ(refined("Gunmen took 40 pupils hostage in a school near "
                         "Kaduna.",
                         1),
                 SR_CAT_HOSTAGE_BARRICADE);
    CHECK_INT_EQ(refined("Gunmen abducted 13 passengers near Juba. The "
                         "hostages were freed two days later.",
                         1),
                 SR_CAT_KIDNAPPING);
    CHECK_INT_EQ(refined("Pirates stormed a tanker and seized 14 sailors, "
                         "then took them to Eyl as hostages.",
                         1),
                 SR_CAT_KIDNAPPING);
    /* a nerve agent, no explosive: GTD's unarmed assault */
    CHECK_INT_EQ(category_of("Cult members released sarin on a train in "
                             "Osaka.",
                             1),
                 SR_CAT_CHEMICAL_BIO_RADNUC);
    CHECK_STR_EQ(sr_labels(SR_CAT_CHEMICAL_BIO_RADNUC, 0).gtd,
                 "Unarmed Assault");
}

static void test_refine(void)
{
    /* property hit and nobody hurt: a facility attack */
    CHECK_INT_EQ(refined("Assailants attacked a police checkpoint in Kano. "
                         "No casualties were reported.",
                         0),
                 SR_CAT_FACILITY_ATTACK_ARSON);
    /* shots into a building nobody was in */
    CHECK_INT_EQ(refined("Overnight, a gunman fired a dozen rounds through "
                         "the doors of a temple in Leicester while it was "
                         "empty.",
                         0),
                 SR_CAT_FACILITY_ATTACK_ARSON);
    CHECK_INT_EQ(refined("A gunman fired a dozen rounds through the doors "
                         "of a temple in Leicester.",
                         0),
                 SR_CAT_ARMED_ASSAULT);
    /* a village is people, not property */
    CHECK_INT_EQ(refined("Assailants attacked Gur village in Borno. No "
                         "casualties were reported.",
                         0),
                 SR_CAT_ARMED_ASSAULT);
    /* shots at a vehicle are shots at the people in it */
    CHECK_INT_EQ(refined("Gunmen opened fire on a bus in Kano. No one was "
                         "hurt.",
                         0),
                 SR_CAT_ARMED_ASSAULT);
    /* a fire that hurt people is an assault */
    CHECK_INT_EQ(refined("Assailants set fire to a dormitory in Bamenda. "
                         "Three students were injured.",
                         1),
                 SR_CAT_ARMED_ASSAULT);
    /* a named prominent target: an assassination when armed, an unarmed
     * assault when not */
    CHECK_INT_EQ(refined("Gunmen shot Jan Novak, a local mayor, in Brno.", 1),
                 SR_CAT_ASSASSINATION);
    CHECK_INT_EQ(refined("Assailants attacked Jan Novak, a journalist, in "
                         "Brno. Novak was injured in the attack.",
                         1),
                 SR_CAT_UNARMED_ASSAULT);
    /* a home attacked is no fistfight */
    CHECK_INT_EQ(refined("Assailants attacked the residence of Governor "
                         "Jan Novak in Brno. The governor was unharmed.",
                         0),
                 SR_CAT_ASSASSINATION);
    CHECK_INT_EQ(refined("An explosive device targeting the convoy of "
                         "Abdi Farah detonated in Mogadishu. Farah, the "
                         "deputy army chief, was not harmed.",
                         1),
                 SR_CAT_ASSASSINATION);
    CHECK_INT_EQ(refined("An explosive device targeting an army "
                         "vehicle detonated in Mogadishu. Abdi Farah, a "
                         "senior Somali National Army (SNA) official, was "
                         "killed.",
                         1),
                 SR_CAT_ASSASSINATION);
    /* an official quoted after a bombing was not its target */
    CHECK_INT_EQ(refined("A bomb exploded at a market in Mogadishu. Abdi "
                         "Farah, the district commissioner, said five "
                         "people died.",
                         1),
                 SR_CAT_BOMBING_OTHER);
    CHECK_INT_EQ(refined("A gunman stormed a nightclub and opened fire. He "
                         "then held dozens of people hostage for hours.",
                         1),
                 SR_CAT_HOSTAGE_BARRICADE);
}

/* Word families that name an event only in some company. */
static void test_word_families(void)
{
    static const cat_case_t cases[] = {
        /* crowd-control kit is neither a riot nor an explosion */
        {"Police fired stun grenades and live bullets at students who "
         "protested in Omdurman. Two protesters were shot dead.",
         0, SR_CAT_EXCESSIVE_FORCE_ON_PROTESTERS},
        {"Nurses marched in Lima against pay cuts. Riot police used tear "
         "gas to disperse them.",
         0, SR_CAT_PROTEST_WITH_INTERVENTION},
        /* a crowd storming a building or fighting the police riots */
        {"Demonstrators gathered outside parliament demanding new "
         "elections. Some stormed the building; police used water cannon.",
         0, SR_CAT_RIOT_VIOLENT_DEMONSTRATION},
        {"Hundreds protested against the curfew in Skopje. A group of them "
         "fought with police.",
         0, SR_CAT_RIOT_VIOLENT_DEMONSTRATION},
        /* troops storming a town to break up a march: still a protest */
        {"Troops stormed the village and fired tear gas at the weekly "
         "protest against the wall.",
         0, SR_CAT_PROTEST_WITH_INTERVENTION},
        {"Looters ransacked a mall in Durban during unrest.", 0,
         SR_CAT_RIOT_VIOLENT_DEMONSTRATION},
        /* a crowd pelting police with stones riots */
        {"Students pelted riot police with stones outside the campus in "
         "Kampala.",
         0, SR_CAT_RIOT_VIOLENT_DEMONSTRATION},
        /* harm done without arms: fists, feet, strangling, poison */
        {"Two men punched and kicked a priest outside his church in "
         "Nantes.",
         1, SR_CAT_UNARMED_ASSAULT},
        {"Unknown assailants poisoned the well of a girls' school near "
         "Herat.",
         1, SR_CAT_UNARMED_ASSAULT},
        {"The talks kicked off in Doha on Monday.", 0, SR_CAT_OTHER},
        /* shelling by its other verbs; from the air with aircraft */
        {"Government artillery pounded villages north of Hama.", 0,
         SR_CAT_SHELLING_ARTILLERY_MISSILE},
        {"The army bombarded rebel positions near Lashio.", 0,
         SR_CAT_SHELLING_ARTILLERY_MISSILE},
        {"Warplanes bombarded Kafr Nabl, killing 3 civilians.", 0,
         SR_CAT_AIR_DRONE_STRIKE},
        {"Storms pounded the coast near Chittagong.", 0, SR_CAT_OTHER},
        /* a raid by the police to detain someone is an arrest */
        {"Police raided the flat of a blogger in Baku and detained him.", 0,
         SR_CAT_ARRESTS},
        {"Soldiers detained 20 youths in Kaga Bandoro.", 0, SR_CAT_ARRESTS},
        {"Gunmen raided a village near Zurmi and shot dead 7 men.", 1,
         SR_CAT_ARMED_ASSAULT},
        /* protest forms by their own names */
        {"Residents of La Pintana held a cacerolazo over water cuts.", 0,
         SR_CAT_PROTEST_PEACEFUL},
        {"Jeepney drivers staged a caravan and a noise barrage to demand "
         "fuel subsidies. Police detained six of them.",
         0, SR_CAT_PROTEST_WITH_INTERVENTION},
        {"Nurses rallied outside the ministry demanding back pay.", 0,
         SR_CAT_PROTEST_PEACEFUL},
        {"A caravan of traders reached Agadez.", 0, SR_CAT_OTHER},
        /* property set alight, "them" being the property just named */
        {"Masked men poured diesel over a bulldozer at the quarry and set "
         "it alight.",
         1, SR_CAT_FACILITY_ATTACK_ARSON},
        {"Raiders sprayed three lorries with fuel and set them alight near "
         "Temuco.",
         1, SR_CAT_FACILITY_ATTACK_ARSON},
        {"Militiamen tied up a farmer and set him alight.", 1,
         SR_CAT_ARMED_ASSAULT},
        /* a protest named as the motive of an arson is no protest */
        {"An anarchist blog claimed the burning of two delivery vans as a "
         "protest against evictions; the vans had been set ablaze.",
         1, SR_CAT_FACILITY_ATTACK_ARSON},
        /* ground retaken, not escaped animals caught again */
        {"The goats were recaptured by their herder near Gao.", 0,
         SR_CAT_OTHER},
        {"Government troops retook the town of Kidal.", 0,
         SR_CAT_TERRITORY_REGAINED},
        /* mines set off, things blown up or dynamited */
        {"A minibus struck a mine near Mopti, killing four people.", 0,
         SR_CAT_REMOTE_EXPLOSIVE_IED},
        {"A shepherd stepped on a landmine near Kandahar.", 0,
         SR_CAT_REMOTE_EXPLOSIVE_IED},
        {"A patrol set off an anti-personnel mine on a trail near "
         "Kasserine, wounding two soldiers.",
         0, SR_CAT_REMOTE_EXPLOSIVE_IED},
        {"Two miners died when a shaft of the mine collapsed.", 0,
         SR_CAT_OTHER},
        {"Two holiday villas were blown up near Porto-Vecchio.", 0,
         SR_CAT_BOMBING_OTHER},
        {"Guerrillas dynamited three power pylons near Cucuta.", 1,
         SR_CAT_BOMBING_OTHER},
        /* drones in the plural strike from the air */
        {"Turkish drones struck a car near Kobani, killing two fighters.",
         0, SR_CAT_AIR_DRONE_STRIKE},
        /* a fight joined */
        {"Army troops engaged the rebels in a gunfight near Bukidnon.", 0,
         SR_CAT_ARMED_CLASH},
        {"Troops engaged al-Shabaab fighters near Afgoye.", 0,
         SR_CAT_ARMED_CLASH},
        /* a vehicle as the weapon */
        {"A man drove a truck into a crowd of shoppers in Berlin.", 0,
         SR_CAT_UNARMED_ASSAULT},
        {"A pilot flew a light aircraft into a tax office in Dallas.", 0,
         SR_CAT_FACILITY_ATTACK_ARSON},
        /* homes burned beside a person shot: an attack on people */
        {"Soldiers set fire to houses in Kani and shot an old farmer.", 1,
         SR_CAT_ARMED_ASSAULT},
        {"Activists broke into a fur farm near Odense and freed the "
         "animals.",
         0, SR_CAT_FACILITY_ATTACK_ARSON},
        {"Militants sabotaged a gas pipeline in Sinai.", 1,
         SR_CAT_FACILITY_ATTACK_ARSON},
        /* ground taken by force though no fight is told, unless said to
         * be peaceful; power seized is a coup, not goods seized */
        {"Insurgents seized the port town of Palma on Friday.", 0,
         SR_CAT_TERRITORY_TAKEN},
        {"Rebels captured the town without a fight on Monday.", 0,
         SR_CAT_OTHER},
        {"Officers seized power in Bamako and detained the president.", 0,
         SR_CAT_OTHER},
        /* blades and fists */
        {"Assailants hacked a farmer to death with machetes near Makurdi.",
         1, SR_CAT_ARMED_ASSAULT},
        {"Unknown men beat a journalist outside the court in Harare.", 0,
         SR_CAT_UNARMED_ASSAULT},
        /* a person made to go with armed captors */
        {"Masked men forced a shopkeeper into their car in Kumasi.", 0,
         SR_CAT_KIDNAPPING},
        {"Two armed men stopped the nurse and ordered her to come with "
         "them.",
         0, SR_CAT_KIDNAPPING},
        /* a place held with the people in it */
        {"Rebels occupied the town hall of Marawi, holding a dozen clerks "
         "for hours.",
         1, SR_CAT_HOSTAGE_BARRICADE},
        /* the police answering an attacker told before: not the attack's
         * kind; a suspect shot on his own is still an assault */
        {"Police then shot and killed the driver.", 0, SR_CAT_OTHER},
        {"Police shot dead a suspected robber in Lagos.", 0,
         SR_CAT_ARMED_ASSAULT},
    };
    static const char *const none[] = {
        "Miners at a gold mine in Tarkwa were paid on Monday.",
        "The minister drove to Kandahar on Monday.",
        "The two parties engaged in talks in Doha.",
        "A fire broke out at the market.",
        "Donors called for a humanitarian corridor to Mariupol.",
        "The Greens captured the district in the local election.",
        "Settlers in the occupied West Bank held a vigil for peace.",
        "Thousands were forced into exile by the war.",
        "Hackers hacked the website of the electoral commission.",
        "The visitors beat the champions two goals to nil.",
        "The court ordered the release of the two activists.",
        "The minister ordered officials to go with them to Geneva.",
    };

    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        check_category(&cases[k]);
    }
    for (size_t k = 0; k < sizeof(none) / sizeof(none[0]); k++) {
        sr_doc_t doc;
        size_t trig = SR_NO_CUE;

        sr_doc_init(&doc);
        fixture_doc(&doc, none[k], 2021, 5, 2);
        for (size_t i = 0; i < doc.ntok && trig == SR_NO_CUE; i++) {
            if (sr_is_trigger(&doc, 0, doc.ntok, i)) {
                trig = i;
            }
        }
        if (trig != SR_NO_CUE) {
            fprintf(stderr, "  \"%s\": a trigger at token %zu\n", none[k],
                    trig);
        }
        CHECK(trig == SR_NO_CUE);
        fixture_done(&doc);
    }
}

/* GTD's target rules over a whole incident. */
static void test_refine_targets(void)
{
    /* petrol bombs thrown at a building stay a facility attack though
     * people were hurt; thrown at a moving vehicle, at the people */
    CHECK_INT_EQ(refined("Youths threw petrol bombs at a police station "
                         "during disorder in Belfast. Six officers were "
                         "injured.",
                         1),
                 SR_CAT_FACILITY_ATTACK_ARSON);
    CHECK_INT_EQ(refined("Assailants hurled petrol bombs at a moving bus in "
                         "Dhaka. One passenger was killed.",
                         1),
                 SR_CAT_ARMED_ASSAULT);
    /* a plane flown into a building */
    CHECK_INT_EQ(refined("A man flew his small plane into an office "
                         "building in Austin. One worker was killed.",
                         1),
                 SR_CAT_FACILITY_ATTACK_ARSON);
    /* judges and council members are prominent targets */
    CHECK_INT_EQ(refined("Gunmen killed two judges of the high court in "
                         "Kabul.",
                         0),
                 SR_CAT_ASSASSINATION);
    CHECK_INT_EQ(refined("Gunmen shot dead a member of the town council "
                         "in Idlib.",
                         0),
                 SR_CAT_ASSASSINATION);
    /* a prominent victim as the passive's subject; common victims so
     * named are the target whatever else is near */
    CHECK_INT_EQ(refined("A provincial judge was shot dead by gunmen in "
                         "Quetta.",
                         0),
                 SR_CAT_ASSASSINATION);
    CHECK_INT_EQ(refined("Four policemen were killed in an ambush near "
                         "the residence of the governor.",
                         0),
                 SR_CAT_ARMED_ASSAULT);
    /* the council as the source of the news is no target */
    CHECK_INT_EQ(refined("Gunmen killed five farmers near Jos, the town "
                         "council said.",
                         0),
                 SR_CAT_ARMED_ASSAULT);
}

static void test_merge(void)
{
    /* "no casualties in the attack" keeps a facility attack */
    CHECK_INT_EQ(sr_category_merge(SR_CAT_FACILITY_ATTACK_ARSON,
                                   SR_CAT_ARMED_ASSAULT, 1),
                 SR_CAT_FACILITY_ATTACK_ARSON);
    CHECK_INT_EQ(sr_category_merge(SR_CAT_ARMED_ASSAULT, SR_CAT_KIDNAPPING,
                                   0),
                 SR_CAT_KIDNAPPING);
    CHECK_INT_EQ(sr_category_merge(SR_CAT_KIDNAPPING, SR_CAT_ARMED_ASSAULT,
                                   0),
                 SR_CAT_KIDNAPPING);
    CHECK_INT_EQ(sr_category_merge(SR_CAT_ARMED_CLASH,
                                   SR_CAT_SHELLING_ARTILLERY_MISSILE, 0),
                 SR_CAT_ARMED_CLASH);
    CHECK_INT_EQ(sr_category_merge(SR_CAT_OTHER, SR_CAT_ARMED_ASSAULT, 1),
                 SR_CAT_ARMED_ASSAULT);
    /* "... Relatives protested the next day": the protest answers the
     * killing, which stays the event */
    CHECK_INT_EQ(sr_category_merge(SR_CAT_ARMED_ASSAULT,
                                   SR_CAT_PROTEST_PEACEFUL, 0),
                 SR_CAT_ARMED_ASSAULT);
    CHECK_INT_EQ(sr_category_merge(SR_CAT_REMOTE_EXPLOSIVE_IED,
                                   SR_CAT_RIOT_VIOLENT_DEMONSTRATION, 0),
                 SR_CAT_REMOTE_EXPLOSIVE_IED);
    /* a clash with a crowd told before its cause is still the protest */
    CHECK_INT_EQ(sr_category_merge(SR_CAT_ARMED_CLASH,
                                   SR_CAT_RIOT_VIOLENT_DEMONSTRATION, 0),
                 SR_CAT_RIOT_VIOLENT_DEMONSTRATION);
    /* "... Eight officers were injured": weighed by the refinement */
    CHECK_INT_EQ(sr_category_merge(SR_CAT_FACILITY_ATTACK_ARSON,
                                   SR_CAT_ARMED_ASSAULT, 0),
                 SR_CAT_FACILITY_ATTACK_ARSON);
}

static int span_cue(int (*fn)(const sr_doc_t *, size_t, size_t),
                    const char *text)
{
    sr_doc_t doc;
    int r;

    sr_doc_init(&doc);
    fixture_doc(&doc, text, 2021, 5, 2);
    r = fn(&doc, 0, doc.ntok);
    fixture_done(&doc);
    return r;
}

static void test_span_cues(void)
{
    CHECK(span_cue(sr_span_no_harm, "There were no reported casualties."));
    CHECK(span_cue(sr_span_no_harm, "No one was hurt."));
    CHECK(!span_cue(sr_span_no_harm, "No group claimed the attack."));
    CHECK(!span_cue(sr_span_no_harm, "Two people were hurt."));
    CHECK(span_cue(sr_span_disrupted, "The grenade did not explode."));
    CHECK(span_cue(sr_span_disrupted, "Police defused the bomb."));
    CHECK(!span_cue(sr_span_disrupted, "The bomb exploded at noon."));
    CHECK(span_cue(sr_span_engaged, "Troops repelled the assailants."));
    CHECK(!span_cue(sr_span_engaged, "Gunmen killed two farmers."));
    /* the raided side fought back: two armed sides */
    CHECK(span_cue(sr_span_engaged, "Armed herders raided the camp and fought "
                                    "with its guards."));
    /* an exchange of fire, however worded */
    CHECK(span_cue(sr_span_engaged, "Exchanges of fire followed in the old "
                                    "city."));
    CHECK(span_cue(sr_span_engaged, "Two shootouts followed."));
    CHECK(!span_cue(sr_span_engaged, "A prisoner exchange of four men was "
                                     "agreed."));
    CHECK(span_cue(sr_span_off_duty, "He was an off-duty soldier."));
    CHECK(!span_cue(sr_span_off_duty, "Soldiers on duty were shot."));
    /* out of the forces, hired, or only working for them */
    CHECK(span_cue(sr_span_off_duty, "Gunmen shot a retired police officer."));
    CHECK(span_cue(sr_span_off_duty, "They killed a soldier who was on leave "
                                     "in his village."));
    CHECK(span_cue(sr_span_off_duty, "Bandits killed two security guards "
                                     "of a cement plant."));
    CHECK(span_cue(sr_span_off_duty, "Rebels executed a man they called a "
                                     "police informer."));
    CHECK(!span_cue(sr_span_off_duty, "Rebels ambushed a police patrol."));
    CHECK(!span_cue(sr_span_off_duty, "Militants attacked border guards."));
}

/* The labels of an uncategorised event told by text. */
static sr_labels_t labels_of(sr_category_t cat, const char *text)
{
    sr_label_ctx_t c;
    sr_labels_t l;
    sr_doc_t doc;

    memset(&c, 0, sizeof(c));
    sr_doc_init(&doc);
    fixture_doc(&doc, text, 2021, 5, 2);
    c.cat = cat;
    c.doc = &doc;
    c.te = doc.ntok;
    l = sr_labels_ctx(&c);
    fixture_done(&doc);
    return l;
}

static sr_labels_t other_labels(const char *text)
{
    return labels_of(SR_CAT_OTHER, text);
}

static void test_labels_ctx(void)
{
    static const char *const sealed[] = {
        "The army and the rebels signed an agreement in Bangui on "
        "disarmament.",
        "Sixty detainees were freed under the Tripoli peace accord."};
    sr_label_ctx_t c;
    sr_labels_t l;
    sr_doc_t doc;

    memset(&c, 0, sizeof(c));
    c.cat = SR_CAT_ARMED_ASSAULT;
    l = sr_labels_ctx(&c);
    CHECK_STR_EQ(l.acled, "Violence against civilians");
    /* armed sides on both ends: a battle for ACLED, an assault for GTD */
    c.two_sided = 1;
    l = sr_labels_ctx(&c);
    CHECK_STR_EQ(l.acled, "Battles");
    CHECK_STR_EQ(l.acled_sub, "Armed clash");
    CHECK_STR_EQ(l.gtd, "Armed Assault");
    /* a grenade that did not go off */
    memset(&c, 0, sizeof(c));
    c.cat = SR_CAT_GRENADE;
    c.disrupted = 1;
    l = sr_labels_ctx(&c);
    CHECK_STR_EQ(l.acled, "Strategic developments");
    CHECK_STR_EQ(l.acled_sub, "Disrupted weapons use");
    CHECK_STR_EQ(l.gtd, "Bombing/Explosion");
    c.disrupted = 0;
    c.fact = SR_FACT_FOILED;
    l = sr_labels_ctx(&c);
    CHECK_STR_EQ(l.acled_sub, "Disrupted weapons use");
    /* abductions with killings: an attack for ACLED, a kidnapping for
     * GTD */
    memset(&c, 0, sizeof(c));
    c.cat = SR_CAT_KIDNAPPING;
    l = sr_labels_ctx(&c);
    CHECK_STR_EQ(l.acled_sub, "Abduction/forced disappearance");
    c.killed = 1;
    l = sr_labels_ctx(&c);
    CHECK_STR_EQ(l.acled, "Violence against civilians");
    CHECK_STR_EQ(l.acled_sub, "Attack");
    CHECK_STR_EQ(l.gtd, "Hostage Taking (Kidnapping)");
    /* an official killed by a bomb: GTD by the target, ACLED by the
     * means */
    l = labels_of(SR_CAT_ASSASSINATION,
                  "A bomb under his car killed the provincial governor.");
    CHECK_STR_EQ(l.acled, "Explosions/Remote violence");
    CHECK_STR_EQ(l.gtd, "Assassination");
    l = labels_of(SR_CAT_ASSASSINATION,
                  "Gunmen shot the provincial governor.");
    CHECK_STR_EQ(l.acled, "Violence against civilians");
    /* strategic developments by their trigger */
    sr_doc_init(&doc);
    fixture_doc(&doc, "Forty fighters surrendered to the army.", 2021, 5, 2);
    memset(&c, 0, sizeof(c));
    c.cat = SR_CAT_OTHER;
    c.doc = &doc;
    c.tb = 0;
    c.te = doc.ntok;
    l = sr_labels_ctx(&c);
    CHECK_STR_EQ(l.acled, "Strategic developments");
    CHECK_STR_EQ(l.acled_sub, "Agreement");
    CHECK(l.gtd == NULL);
    fixture_done(&doc);
    for (size_t k = 0; k < sizeof(sealed) / sizeof(sealed[0]); k++) {
        CHECK_STR_EQ(other_labels(sealed[k]).acled_sub, "Agreement");
    }
    fixture_doc(&doc, "The government declared a curfew.", 2021, 5, 2);
    c.doc = &doc;
    c.te = doc.ntok;
    l = sr_labels_ctx(&c);
    CHECK_STR_EQ(l.acled_sub, "Change to group/activity");
    fixture_done(&doc);
    fixture_doc(&doc, "Five people died.", 2021, 5, 2);
    c.doc = &doc;
    c.te = doc.ntok;
    l = sr_labels_ctx(&c);
    CHECK(l.acled == NULL && l.gtd == NULL);
    fixture_done(&doc);
    /* ground changing hands with no fight told; power taken by force */
    CHECK_INT_EQ(category_of("Army troops entered Kidal after the rebels "
                             "left.",
                             0),
                 SR_CAT_OTHER);
    l = other_labels("Army troops entered Kidal after the rebels left.");
    CHECK_STR_EQ(l.acled, "Strategic developments");
    CHECK_STR_EQ(l.acled_sub, "Non-violent transfer of territory");
    l = other_labels("Militants took control of the district headquarters "
                     "without a fight.");
    CHECK_STR_EQ(l.acled_sub, "Non-violent transfer of territory");
    l = other_labels("Officers removed the prime minister from power in a "
                     "coup.");
    CHECK_STR_EQ(l.acled, "Strategic developments");
    CHECK_STR_EQ(l.acled_sub, "Other");
    /* people captured are not ground */
    l = other_labels("Rebels captured two soldiers near Beni.");
    CHECK(l.acled == NULL);
    /* GTD codes a non-state drone as a bomb, poison as unarmed */
    CHECK_STR_EQ(sr_labels(SR_CAT_AIR_DRONE_STRIKE, 0).gtd,
                 "Bombing/Explosion");
    CHECK_STR_EQ(sr_labels(SR_CAT_CHEMICAL_BIO_RADNUC, 0).gtd,
                 "Unarmed Assault");
}

static void test_labels(void)
{
    sr_labels_t l;

    l = sr_labels(SR_CAT_ARMED_ASSAULT, 1);
    CHECK_STR_EQ(l.acled, "Battles");
    CHECK_STR_EQ(l.acled_sub, "Armed clash");
    CHECK_STR_EQ(l.gtd, "Armed Assault");
    l = sr_labels(SR_CAT_ARMED_ASSAULT, 0);
    CHECK_STR_EQ(l.acled, "Violence against civilians");
    CHECK_STR_EQ(l.acled_sub, "Attack");
    l = sr_labels(SR_CAT_REMOTE_EXPLOSIVE_IED, 0);
    CHECK_STR_EQ(l.acled, "Explosions/Remote violence");
    CHECK_STR_EQ(l.acled_sub, "Remote explosive/landmine/IED");
    CHECK_STR_EQ(l.gtd, "Bombing/Explosion");
    l = sr_labels(SR_CAT_KIDNAPPING, 0);
    CHECK_STR_EQ(l.gtd, "Hostage Taking (Kidnapping)");
    l = sr_labels(SR_CAT_HOSTAGE_BARRICADE, 0);
    CHECK_STR_EQ(l.gtd, "Hostage Taking (Barricade Incident)");
    l = sr_labels(SR_CAT_FACILITY_ATTACK_ARSON, 0);
    CHECK_STR_EQ(l.gtd, "Facility/Infrastructure Attack");
    l = sr_labels(SR_CAT_UNARMED_ASSAULT, 0);
    CHECK_STR_EQ(l.gtd, "Unarmed Assault");
    l = sr_labels(SR_CAT_HIJACKING, 0);
    CHECK_STR_EQ(l.gtd, "Hijacking");
    l = sr_labels(SR_CAT_ASSASSINATION, 0);
    CHECK_STR_EQ(l.gtd, "Assassination");
    l = sr_labels(SR_CAT_PROTEST_PEACEFUL, 0);
    CHECK_STR_EQ(l.acled, "Protests");
    CHECK(l.gtd == NULL);
    l = sr_labels(SR_CAT_ACCIDENT, 1);
    CHECK(l.acled == NULL && l.acled_sub == NULL && l.gtd == NULL);
    l = sr_labels((sr_category_t)999, 0);
    CHECK(l.acled == NULL);
}

static void test_factuality(void)
{
    CHECK_INT_EQ(factuality_of("Gunmen attacked the village.", "attacked"),
                 SR_FACT_ASSERTED);
    CHECK_INT_EQ(factuality_of("The rebels did not attack the town.",
                               "attack"),
                 SR_FACT_NEGATED);
    CHECK_INT_EQ(factuality_of("There was no explosion, police said.",
                               "explosion"),
                 SR_FACT_NEGATED);
    CHECK_INT_EQ(factuality_of("Officials said the group could attack "
                               "again.",
                               "attack"),
                 SR_FACT_HYPOTHETICAL);
    CHECK_INT_EQ(factuality_of("The cell plotted to bomb a church.", "bomb"),
                 SR_FACT_PLANNED_OR_THREATENED);
    CHECK_INT_EQ(factuality_of("Police foiled a bombing in the capital.",
                               "bombing"),
                 SR_FACT_FOILED);
    CHECK_INT_EQ(factuality_of("Gunmen reportedly attacked a convoy.",
                               "attacked"),
                 SR_FACT_REPORTED_UNCONFIRMED);
    CHECK_INT_EQ(factuality_of("Police uncovered a plot to bomb a church.",
                               "bomb"),
                 SR_FACT_FOILED);
    CHECK_INT_EQ(factuality_of("Reports that gunmen attacked the village "
                               "were false.",
                               "attacked"),
                 SR_FACT_DENIED);
    CHECK_INT_EQ(factuality_of("If the talks fail, rebels will attack the "
                               "capital.",
                               "attack"),
                 SR_FACT_HYPOTHETICAL);
    CHECK_INT_EQ(factuality_of("The town will be shelled again.", "shelled"),
                 SR_FACT_HYPOTHETICAL);
    /* a future of the aftermath is not a future attack */
    CHECK_INT_EQ(factuality_of("Police will investigate the attack.",
                               "attack"),
                 SR_FACT_ASSERTED);
    /* a negation in another clause does not reach the trigger */
    CHECK_INT_EQ(factuality_of("No one claimed it; gunmen attacked the "
                               "village.",
                               "attacked"),
                 SR_FACT_ASSERTED);
}

static void test_triggers(void)
{
    sr_doc_t doc;

    sr_doc_init(&doc);
    fixture_doc(&doc, "No one was killed in the attack.", 2020, 5, 2);
    CHECK(!sr_is_trigger(&doc, 0, doc.ntok, fixture_tok(&doc, "killed")));
    CHECK(sr_is_trigger(&doc, 0, doc.ntok, fixture_tok(&doc, "attack")));
    CHECK(!sr_is_trigger(&doc, 0, doc.ntok, fixture_tok(&doc, "was")));
    fixture_done(&doc);
    /* an agreement is an event only when sealed */
    fixture_doc(&doc, "The ministers were in agreement on the budget.", 2020,
                5, 2);
    CHECK(!sr_is_trigger(&doc, 0, doc.ntok, fixture_tok(&doc, "agreement")));
    fixture_done(&doc);
    fixture_doc(&doc, "The two clans signed an agreement on grazing.", 2020,
                5, 2);
    CHECK(sr_is_trigger(&doc, 0, doc.ntok, fixture_tok(&doc, "agreement")));
    fixture_done(&doc);
}

/* People or vehicles taken, animals let out, strikes from the air told
 * a few words after the aircraft. */
static void test_taken_and_released(void)
{
    static const cat_case_t cases[] = {
        /* animals let out of a farm: the sabotage of an animal-rights
         * group, a facility attack */
        {"Activists cut the wire at a fur farm near Odense and released "
         "about 3,000 foxes.",
         1, SR_CAT_FACILITY_ATTACK_ARSON},
        {"Masked intruders freed forty beagles from a breeding kennel.", 1,
         SR_CAT_FACILITY_ATTACK_ARSON},
        /* hostages released, animals set free by others, a report */
        {"The kidnappers released the engineer on Friday.", 1,
         SR_CAT_OTHER},
        {"The ministry released a study on pig farms.", 0, SR_CAT_OTHER},
        /* people carried off by armed men */
        {"Bandits raided the boarding school and carried off 40 pupils.", 1,
         SR_CAT_KIDNAPPING},
        {"Armed men blocked the road, shot the guards and drove off with the "
         "businessman.",
         1, SR_CAT_KIDNAPPING},
        {"Militants stopped two minibuses and took 30 passengers to a "
         "forest camp.",
         1, SR_CAT_KIDNAPPING},
        {"Gunmen stormed the church and whisked away the pastor and two "
         "deacons.",
         1, SR_CAT_KIDNAPPING},
        /* not: loot carried off, an attack carried out, the wounded taken
         * to care, attackers leaving */
        {"Raiders burned huts and carried off goats and maize.", 1,
         SR_CAT_FACILITY_ATTACK_ARSON},
        {"Militants carried out an attack on a market, killing four "
         "traders.",
         1, SR_CAT_ARMED_ASSAULT},
        {"Gunmen shot a trader in the market and drove off.", 1,
         SR_CAT_ARMED_ASSAULT},
        {"After gunmen shot at the bus, villagers took 12 wounded to the "
         "hospital.",
         1, SR_CAT_ARMED_ASSAULT},
        /* a vehicle taken over by its attackers */
        {"Pirates took over a cargo ship off Eyl.", 1, SR_CAT_HIJACKING},
        {"Armed men commandeered a fuel truck outside Gao.", 1,
         SR_CAT_HIJACKING},
        /* ground taken over, no vehicle: no hijacking (a transfer of
         * territory, told without a fight) */
        {"Rebels took over the district headquarters.", 1, SR_CAT_OTHER},
        /* aircraft named before the strikes they carried out */
        {"Government jets carried out a wave of strikes on the market "
         "town, killing nine.",
         1, SR_CAT_AIR_DRONE_STRIKE},
        {"Dock workers went on strike as drones flew over the port.", 0,
         SR_CAT_PROTEST_PEACEFUL},
        /* a mine set off some words before the noun */
        /* explosives named beside rifles as the means of one attack:
         * guns first, nothing told going off */
        {"Rebels attacked a border patrol with explosives and automatic "
         "rifles near Tibu.",
         1, SR_CAT_ARMED_ASSAULT},
        {"Rebels attacked a border patrol with explosives near Tibu.", 1,
         SR_CAT_BOMBING_OTHER},
        {"Insurgents set off a remote-controlled mine under an army "
         "truck.",
         1, SR_CAT_REMOTE_EXPLOSIVE_IED},
        {"Miners at the state-owned copper mine went on strike.", 0,
         SR_CAT_PROTEST_PEACEFUL},
    };

    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        check_category(&cases[k]);
    }
    /* a vehicle kept in place through a standoff with its passengers:
     * a barricade incident; one driven away stays a hijacking */
    CHECK_INT_EQ(refined("A former guard took over a city bus in Lima. "
                         "Police negotiated through a nine-hour standoff "
                         "before freeing the last hostages.",
                         1),
                 SR_CAT_HOSTAGE_BARRICADE);
    CHECK_INT_EQ(refined("Gunmen took over a fuel tanker near Herat and "
                         "drove it into the hills. The driver was freed a "
                         "day later.",
                         0),
                 SR_CAT_HIJACKING);
}

/* What a crowd does, and what is done to it. */
static void test_crowd_deeds(void)
{
    static const cat_case_t cases[] = {
        /* a crowd stoning vehicles riots; a stoning to death does not */
        {"Fans of the losing side stoned buses outside the stadium in "
         "Lusaka.",
         0, SR_CAT_RIOT_VIOLENT_DEMONSTRATION},
        {"A man was stoned to death by a crowd in Kano.", 0,
         SR_CAT_MOB_VIOLENCE},
        {"Militants stoned a woman to death in a village square.", 1,
         SR_CAT_UNARMED_ASSAULT},
        /* homemade explosives thrown with stones: the crowd's missiles */
        {"Hundreds of protesters tried to storm the parliament, throwing "
         "stones and homemade bombs at police.",
         0, SR_CAT_RIOT_VIOLENT_DEMONSTRATION},
        {"A bomb thrown at a police patrol exploded in Kirkuk.", 1,
         SR_CAT_BOMBING_OTHER},
        /* the report's verdict on the rally it tells */
        {"The rally was peaceful; clashes in another district are reported "
         "separately.",
         0, SR_CAT_PROTEST_PEACEFUL},
        /* a car driven into a crowd of marchers is an attack on them */
        {"A man drove his van at speed into a crowd of counter-protesters "
         "after the rally.",
         0, SR_CAT_UNARMED_ASSAULT},
        /* a convoy of protesting drivers through a city is no ramming */
        {"Taxi drivers drove through the capital to demand lower fuel "
         "prices.",
         0, SR_CAT_OTHER},
        /* a fire lit "in protest" names a motive, not a protest */
        {"Saboteurs set fire to six trucks at a quarry in protest at the "
         "new road.",
         1, SR_CAT_FACILITY_ATTACK_ARSON},
    };

    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        check_category(&cases[k]);
    }
}

/* Who a bomb or a shot was meant for, and what a vehicle carried. */
static void test_meant_for(void)
{
    /* a vehicle carrying explosives is the bomb, men carrying them are
     * armed */
    CHECK_INT_EQ(category_of("A car carrying explosives was driven into a "
                             "police convoy near Mosul.",
                             1),
                 SR_CAT_BOMBING_OTHER);
    CHECK_INT_EQ(category_of("Gunmen carrying rifles and explosives attacked "
                             "a village near Mopti.",
                             1),
                 SR_CAT_ARMED_ASSAULT);
    /* a school or a street named after a general is no titled target */
    CHECK_INT_EQ(refined("A truck bomb exploded at the gate of the Marshal "
                         "Sucre military academy in Quito. Nine cadets "
                         "were killed.",
                         1),
                 SR_CAT_BOMBING_OTHER);
    CHECK_INT_EQ(refined("Gunmen shot dead General Ortega outside his "
                         "home in Cali.",
                         1),
                 SR_CAT_ASSASSINATION);

    /* the head of a body, named without an article */
    CHECK_INT_EQ(refined("Marta Lind, head of the national tax office, was "
                         "shot at her front door in Malmo.",
                         1),
                 SR_CAT_ASSASSINATION);
    CHECK_INT_EQ(refined("Marta Lind was shot in the head at her front "
                         "door in Malmo.",
                         1),
                 SR_CAT_ARMED_ASSAULT);
    /* a letter bomb that hurt the former minister it was sent to */
    CHECK_INT_EQ(refined("A letter bomb exploded in the office of the former "
                         "interior minister in Lisbon, wounding him.",
                         1),
                 SR_CAT_ASSASSINATION);
    CHECK_INT_EQ(refined("A letter found at the scene said a bomb had "
                         "exploded at the depot in Lisbon.",
                         1),
                 SR_CAT_BOMBING_OTHER);
}

/* The bomb's own words: plural bombs, an explosive charge, and a bomber
 * as the doer whatever verb tells the approach. */
static void test_bombers(void)
{
    static const cat_case_t cases[] = {
        {"Two car bombs went off outside a bakery in Basra.", 0,
         SR_CAT_BOMBING_OTHER},
        {"An explosive charge went off at the door of a union office in "
         "Lviv, shattering windows.",
         0, SR_CAT_REMOTE_EXPLOSIVE_IED},
        {"Demolition charges brought down a bridge near Raqqa.", 0,
         SR_CAT_BOMBING_OTHER},
        /* "charge" in its other senses is no bomb */
        {"The officer in charge of the depot was shot dead.", 0,
         SR_CAT_ARMED_ASSAULT},
        {"Two traders face charges in Accra.", 0, SR_CAT_OTHER},
        /* a suicide bomber's vehicle or body is the bomb */
        {"A suicide car bomber struck an army convoy near Gao.", 1,
         SR_CAT_SUICIDE_BOMBING},
        {"A suicide bomber rammed a van into a police post in Quetta, "
         "killing six officers.",
         1, SR_CAT_SUICIDE_BOMBING},
        {"A suicide attacker on a motorbike rammed into a checkpoint near "
         "Kirkuk.",
         1, SR_CAT_SUICIDE_BOMBING},
        {"A truck bomber hit the gate of a hotel in Beledweyne, killing "
         "nine guests.",
         1, SR_CAT_BOMBING_OTHER},
        /* a car that struck someone is an accident or a ramming, not a
         * bomb; suicide attackers with guns stay an armed assault */
        {"A car struck a cyclist in Tunis.", 0, SR_CAT_OTHER},
        {"Three suicide attackers stormed a hotel in Kabul and shot the "
         "guards.",
         1, SR_CAT_ARMED_ASSAULT},
        /* bombs as the arms of a fight leave it a fight */
        {"Rebels and troops clashed with bombs and rifles near Kidal.", 0,
         SR_CAT_ARMED_CLASH},
    };

    check_categories(cases, sizeof cases / sizeof cases[0]);
}

/* Blades and an armed side's assault on ground make armed assaults. */
static void test_blades(void)
{
    static const cat_case_t cases[] = {
        {"Militants slit the throats of four herders near Djelfa.", 1,
         SR_CAT_ARMED_ASSAULT},
        {"Raiders cut the throat of a shepherd near Tiaret.", 1,
         SR_CAT_ARMED_ASSAULT},
        {"Rebels swept through two hamlets near Butembo, cutting down "
         "farmers with machetes.",
         1, SR_CAT_ARMED_ASSAULT},
        {"A man slashed two commuters with a knife at a station in Osaka.",
         1, SR_CAT_ARMED_ASSAULT},
        /* the words in their other senses */
        {"The ministry cut fuel subsidies and slashed prices.", 0,
         SR_CAT_OTHER},
        {"The army cut the road, which led to the death of a trader.", 0,
         SR_CAT_OTHER},
        {"Hackers hacked the website of the electoral board.", 0,
         SR_CAT_OTHER},
        /* an armed side's assault on a town or a base is armed; a
         * person assaulted may have been hit with fists */
        {"Hundreds of insurgents assaulted Kunduz from three sides.", 1,
         SR_CAT_ARMED_ASSAULT},
        {"Militants assaulted an army outpost near Zhob.", 1,
         SR_CAT_ARMED_ASSAULT},
        {"A man assaulted a bus driver in Leeds.", 1,
         SR_CAT_UNARMED_ASSAULT},
    };

    check_categories(cases, sizeof cases / sizeof cases[0]);
}

/* People seized or rounded up are taken: by armed men a kidnapping, by
 * the state's forces an arrest; goods and ground seized are not. */
static void test_people_taken(void)
{
    static const cat_case_t cases[] = {
        {"Armed men seized a shopkeeper from his store in Jolo.", 1,
         SR_CAT_KIDNAPPING},
        {"A Chinese engineer was seized at a quarry near Kogi by five "
         "gunmen.",
         1, SR_CAT_KIDNAPPING},
        {"Bandits rounded up twenty villagers near Zurmi and led them "
         "into the bush.",
         1, SR_CAT_KIDNAPPING},
        {"Police rounded up 40 suspects in Lyari.", 0, SR_CAT_ARRESTS},
        {"Soldiers rounded up dozens of young men in Beledweyne.", 0,
         SR_CAT_ARRESTS},
        /* goods seized, or people arrested and goods seized */
        {"Customs officers seized 30 kg of cocaine at the port.", 0,
         SR_CAT_LOOTING_PROPERTY_DESTRUCTION},
        {"Soldiers arrested six members of a gang and seized rifles in a "
         "raid.",
         0, SR_CAT_ARRESTS},
        /* the roundup is no kidnapping without "up" */
        {"The talks rounded off a week of meetings.", 0, SR_CAT_OTHER},
    };

    check_categories(cases, sizeof cases / sizeof cases[0]);
}

/* A crowd by its size or age, its damage, and what it threw at whom. */
static void test_crowds_by_size(void)
{
    static const cat_case_t cases[] = {
        {"Hundreds of people looted shops and burned a bus depot in "
         "Kisumu.",
         0, SR_CAT_RIOT_VIOLENT_DEMONSTRATION},
        {"Young men threw stones at a patrol in Hebron.", 0,
         SR_CAT_RIOT_VIOLENT_DEMONSTRATION},
        {"Groups of men torched shops in the old town of Kaduna.", 0,
         SR_CAT_RIOT_VIOLENT_DEMONSTRATION},
        {"Some protesters broke windows and set fires in Portland.", 0,
         SR_CAT_RIOT_VIOLENT_DEMONSTRATION},
        /* fire bombs thrown at the police by a crowd are a riot; at a
         * building or a bus, an arson */
        {"Students threw petrol bombs at riot police near the campus.", 0,
         SR_CAT_RIOT_VIOLENT_DEMONSTRATION},
        {"Youths threw petrol bombs at a police station in Belfast.", 0,
         SR_CAT_FACILITY_ATTACK_ARSON},
        /* an armed group's killing of many people is no crowd's riot */
        {"Gunmen shot dozens of people and looted shops near Bama.", 1,
         SR_CAT_ARMED_ASSAULT},
        /* a gang's members who shoot someone are no mob */
        {"Gang members shot a taxi driver in Tegucigalpa.", 0,
         SR_CAT_ARMED_ASSAULT},
    };

    check_categories(cases, sizeof cases / sizeof cases[0]);
}

/* Acid thrown or sprayed at people is a chemical assault (GTD: unarmed);
 * people held as human shields through a standoff are a barricade. */
static void test_acid_and_shields(void)
{
    static const cat_case_t cases[] = {
        {"Two men sprayed acid on nurses leaving a clinic in Herat.", 1,
         SR_CAT_UNARMED_ASSAULT},
        {"A man threw acid at his former fiancee in Multan.", 1,
         SR_CAT_UNARMED_ASSAULT},
        {"An acid leak at a tannery in Kanpur was reported.", 0,
         SR_CAT_OTHER},
    };

    check_categories(cases, sizeof cases / sizeof cases[0]);
    CHECK_INT_EQ(refined("Rebels rounded up dozens of villagers as human "
                         "shields near Jolo. The standoff with troops lasted "
                         "a week.",
                         1),
                 SR_CAT_HOSTAGE_BARRICADE);
    CHECK_INT_EQ(refined("Rebels rounded up dozens of villagers near Jolo "
                         "and marched them into the hills.",
                         1),
                 SR_CAT_KIDNAPPING);
}

/* A title in the possessive names whose man the victim was: an attack on
 * him, not on the title holder; a blade is a weapon. */
static void test_possessive_titles(void)
{
    CHECK_INT_EQ(refined("Gunmen shot dead the senator's bodyguard outside "
                         "a bakery in Culiacan.",
                         1),
                 SR_CAT_ARMED_ASSAULT);
    CHECK_INT_EQ(refined("The mayor's nephew was shot dead in Acapulco.", 1),
                 SR_CAT_ARMED_ASSAULT);
    CHECK_INT_EQ(refined("Gunmen shot dead the senator outside a bakery in "
                         "Culiacan.",
                         1),
                 SR_CAT_ASSASSINATION);
    CHECK_INT_EQ(refined("Two men hacked a bishop's cook to death in "
                         "Kaduna.",
                         1),
                 SR_CAT_ARMED_ASSAULT);
    /* the titled subject of a passive, its town and country set off by
     * commas */
    CHECK_INT_EQ(refined("A district councillor in Mbale town, Mbale, "
                         "Uganda, was shot dead at his gate.",
                         1),
                 SR_CAT_ASSASSINATION);
    CHECK_INT_EQ(refined("After a visit by the governor, Mbale traders were "
                         "shot dead at the market.",
                         1),
                 SR_CAT_ARMED_ASSAULT);
    /* an execution is armed even with no gun named */
    CHECK_INT_EQ(refined("Rebels executed the mayor of Ayna in the square.",
                         1),
                 SR_CAT_ASSASSINATION);
}

/* Rockets or artillery taken as booty are no bombardment, nor are
 * mortars that opened a ground assault. */
static void test_booty(void)
{
    static const cat_case_t cases[] = {
        {"Militants attacked an army base near Marib, capturing tanks and "
         "artillery.",
         1, SR_CAT_ARMED_ASSAULT},
        {"Militants attacked an army base near Marib with mortars.", 1,
         SR_CAT_SHELLING_ARTILLERY_MISSILE},
        /* mortars first, then a ground assault with guns */
        {"Rebels fired mortars and then opened fire on a police post near "
         "Obock.",
         1, SR_CAT_ARMED_ASSAULT},
    };

    check_categories(cases, sizeof cases / sizeof cases[0]);
}

/* A bomb that opens a fight: a battle for ACLED, still a bombing for GTD;
 * an airliner taken over is a hijacking. */
static void test_ambush_and_hijack(void)
{
    sr_labels_t l = labels_of(SR_CAT_REMOTE_EXPLOSIVE_IED,
                              "Rebels set off a mine under an army truck "
                              "near Kalay and then exchanged fire with the "
                              "troops.");

    CHECK_STR_EQ(l.acled, "Battles");
    CHECK_STR_EQ(l.acled_sub, "Armed clash");
    CHECK_STR_EQ(l.gtd, "Bombing/Explosion");
    l = labels_of(SR_CAT_REMOTE_EXPLOSIVE_IED,
                  "A mine hit an army truck near Kalay, killing two troops.");
    CHECK_STR_EQ(l.acled, "Explosions/Remote violence");
    /* a fight as the setting is no fight told of the bomb */
    l = labels_of(SR_CAT_BOMBING_OTHER,
                  "A bomb went off in a market of Kalay, a town hit by weeks "
                  "of fighting.");
    CHECK_STR_EQ(l.acled, "Explosions/Remote violence");
    CHECK_INT_EQ(category_of("Four armed men took control of an Ariana "
                             "Airbus after take-off from Herat.",
                             1),
                 SR_CAT_HIJACKING);
}

/* "took to the streets" is a protest, and how it was met is told of it;
 * gunmen out in the streets are no protest. */
static void test_streets(void)
{
    static const cat_case_t cases[] = {
        {"Thousands took to the streets of Conakry against the new "
         "charter.",
         0, SR_CAT_PROTEST_PEACEFUL},
        {"Students took to the streets of Dhaka. Police fired tear gas at "
         "them.",
         0, SR_CAT_PROTEST_WITH_INTERVENTION},
        {"Traders took to the streets of Kano; soldiers fired live rounds, "
         "killing four.",
         0, SR_CAT_EXCESSIVE_FORCE_ON_PROTESTERS},
        {"Gunmen took to the streets of Kano and shot dead four traders.", 1,
         SR_CAT_ARMED_ASSAULT},
        /* an assault rifle is the weapon, not the event */
        {"A guard armed with an assault rifle took over a ferry near Cebu.", 1,
         SR_CAT_HIJACKING},
    };

    sr_doc_t doc;

    check_categories(cases, sizeof cases / sizeof cases[0]);
    /* the token a crowd's protest is told at */
    sr_doc_init(&doc);
    fixture_doc(&doc, "Nurses took to the streets of Lagos.", 2020, 5, 2);
    CHECK(sr_tells_protest(&doc, 0, doc.ntok, fixture_tok(&doc, "took")));
    fixture_done(&doc);
    fixture_doc(&doc, "Nurses took the bus to Lagos.", 2020, 5, 2);
    CHECK(!sr_tells_protest(&doc, 0, doc.ntok, fixture_tok(&doc, "took")));
    fixture_done(&doc);
}

/* Deeds told without the usual verb: a fire set on purpose, people kept
 * for hours, people poisoned, a vehicle set ablaze, a lynching after a
 * suspicion. */
static void test_told_otherwise(void)
{
    static const cat_case_t cases[] = {
        {"Police said the blaze at the depot was set deliberately.", 0,
         SR_CAT_FACILITY_ATTACK_ARSON},
        {"A fire was intentionally started in the archive.", 0,
         SR_CAT_FACILITY_ATTACK_ARSON},
        {"The mayor deliberately delayed the vote on the fire station.", 0,
         SR_CAT_OTHER},
        {"Armed men stormed a bank and held its employees for three hours.",
         1, SR_CAT_HOSTAGE_BARRICADE},
        {"Police held the suspects for two days.", 0, SR_CAT_OTHER},
        {"The council held a hearing for two hours.", 0, SR_CAT_OTHER},
        {"Forty pupils fell ill after toxic gas was released in the hall.",
         0, SR_CAT_UNARMED_ASSAULT},
        {"Forty pupils fell ill with cholera.", 0, SR_CAT_OTHER},
        {"Rebels stopped a lorry and set the vehicle ablaze.", 1,
         SR_CAT_FACILITY_ATTACK_ARSON},
        {"Guards set up their tents, ablaze with lamps.", 0, SR_CAT_OTHER},
        /* people seized by a crowd of locals: their own justice */
        {"Villagers seized a trader accused of theft and beat him.", 0,
         SR_CAT_MOB_VIOLENCE},
        {"Gunmen seized a trader from his shop.", 1, SR_CAT_KIDNAPPING},
        /* a rally where armed men struck is the setting, not the event */
        {"Gunmen opened fire at an election rally, killing three.", 1,
         SR_CAT_ARMED_ASSAULT},
        {"Supporters held a rally in the stadium.", 0,
         SR_CAT_PROTEST_PEACEFUL},
    };

    sr_doc_t doc;

    check_categories(cases, sizeof cases / sizeof cases[0]);
    /* tear gas with no crowd told near is no protest met by force */
    CHECK(category_of("Police fired tear gas at a wedding party and "
                      "arrested nine guests.",
                      0) != SR_CAT_PROTEST_WITH_INTERVENTION);
    CHECK_INT_EQ(category_of("Farmers marched on the ministry. Police fired "
                             "tear gas and arrested nine of them.",
                             0),
                 SR_CAT_PROTEST_WITH_INTERVENTION);
    /* a deed after a suspicion is told, one inside an accusation is not */
    sr_doc_init(&doc);
    fixture_doc(&doc, "Villagers caught a herder suspected of theft and beat "
                "him to death.", 2020, 5, 2);
    CHECK(sr_is_trigger(&doc, 0, doc.ntok, fixture_tok(&doc, "beat")));
    fixture_done(&doc);
    fixture_doc(&doc, "Two men were accused of robbing and killing a trader.",
                2020, 5, 2);
    CHECK(!sr_is_trigger(&doc, 0, doc.ntok, fixture_tok(&doc, "killing")));
    fixture_done(&doc);
}

TEST_LIST = {{"categories", test_categories},
             {"labels", test_labels},
             {"factuality", test_factuality},
             {"triggers", test_triggers},
             {"precedence", test_precedence},
             {"refine", test_refine},
             {"crowd_riots", test_crowd_riots},
             {"battles", test_battles},
             {"gtd_hierarchy", test_gtd_hierarchy},
             {"merge", test_merge},
             {"word_families", test_word_families},
             {"refine_targets", test_refine_targets},
             {"span_cues", test_span_cues},
             {"labels_ctx", test_labels_ctx},
             {"taken_and_released", test_taken_and_released},
             {"crowd_deeds", test_crowd_deeds},
             {"meant_for", test_meant_for},
             {"bombers", test_bombers},
             {"blades", test_blades},
             {"people_taken", test_people_taken},
             {"crowds_by_size", test_crowds_by_size},
             {"acid_and_shields", test_acid_and_shields},
             {"possessive_titles", test_possessive_titles},
             {"booty", test_booty},
             {"ambush_and_hijack", test_ambush_and_hijack},
             {"streets", test_streets},
             {"told_otherwise", test_told_otherwise},
             {NULL, NULL}};
