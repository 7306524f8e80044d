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
    CHECK_INT_EQ(category_of("Two bombs were tossed from a car at the "
                             "building.",
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
        {"Residents killed a man by setting him on fire.", 0,
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
        {"Troops raided a house and arrested two brothers.", 1,
         SR_CAT_ARMED_ASSAULT},
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
        {"The letter did not cause any casualties or property damage.", 0,
         SR_CAT_OTHER},
        /* a motive is another event */
        {"Gunmen attacked the embassy in retaliation for airstrikes.", 1,
         SR_CAT_ARMED_ASSAULT},
        {"He carried out the attack in retaliation for U.S. airstrikes in "
         "Syria.",
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

/* GTD's rules over the whole incident. */
static void test_refine(void)
{
    /* property hit and nobody hurt: a facility attack */
    CHECK_INT_EQ(refined("Assailants attacked a police checkpoint in Kano. "
                         "No casualties were reported.",
                         0),
                 SR_CAT_FACILITY_ATTACK_ARSON);
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
    CHECK_INT_EQ(refined("An explosive device targeting a military "
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
    CHECK(span_cue(sr_span_off_duty, "He was an off-duty soldier."));
    CHECK(!span_cue(sr_span_off_duty, "Soldiers on duty were shot."));
}

static void test_labels_ctx(void)
{
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
}

TEST_LIST = {{"categories", test_categories},
             {"labels", test_labels},
             {"factuality", test_factuality},
             {"triggers", test_triggers},
             {"precedence", test_precedence},
             {"refine", test_refine},
             {"merge", test_merge},
             {"span_cues", test_span_cues},
             {"labels_ctx", test_labels_ctx},
             {NULL, NULL}};
