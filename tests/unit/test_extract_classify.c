/* test_extract_classify.c - categories, ACLED/GTD labels, factuality. */
#include <stdio.h>

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
             {NULL, NULL}};
