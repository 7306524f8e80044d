/* test_extract_casualties.c - casualty phrases in one sentence. */
#include <stdio.h>
#include <string.h>

#include "casualties.h"
#include "check.h"
#include "extract_fixture.h"

typedef struct expect_s {
    const char *text;
    size_t hits;
    sr_cas_kind_t kind; /* of the first hit */
    int64_t best;
    sr_qualifier_t qual;
    sr_victim_t victim;
} expect_t;

static void check_one(const expect_t *e)
{
    sr_doc_t doc;
    sr_cas_hit_t h[8];
    size_t n;
    int before = sr_check_failures;

    sr_doc_init(&doc);
    fixture_doc(&doc, e->text, 2020, 5, 2);
    n = sr_casualties_find(&doc, 0, doc.ntok, h, 8);
    CHECK_INT_EQ(n, e->hits);
    if (n > 0 && e->hits > 0) {
        CHECK_INT_EQ(h[0].kind, e->kind);
        CHECK_INT_EQ(h[0].count.best, e->best);
        CHECK_INT_EQ(h[0].count.qual, e->qual);
        CHECK_INT_EQ(h[0].victim, e->victim);
    }
    if (sr_check_failures > before) {
        fprintf(stderr, "    (text: %s)\n", e->text);
    }
    fixture_done(&doc);
}

#define N SR_COUNT_NONE

static void test_count_then_verb(void)
{
    const expect_t cases[] = {
        {"At least 53 soldiers died in a terror attack.", 1, SR_CAS_KILLED,
         53, SR_QUAL_AT_LEAST, SR_VICTIM_SECURITY},
        {"Thirteen French soldiers were killed in a crash.", 1,
         SR_CAS_KILLED, 13, SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"Two civilians were abducted.", 1, SR_CAS_KIDNAPPED, 2,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Five militants were killed.", 1, SR_CAS_KILLED_PERP, 5,
         SR_QUAL_EXACT, SR_VICTIM_PERPETRATORS},
        {"The blast left 5 dead and 12 wounded.", 2, SR_CAS_KILLED, 5,
         SR_QUAL_EXACT, SR_VICTIM_UNKNOWN},
        {"Dozens of people were injured.", 1, SR_CAS_INJURED, 12,
         SR_QUAL_VAGUE_WORD, SR_VICTIM_CIVILIANS},
        {"Several villagers were killed.", 1, SR_CAS_KILLED, N,
         SR_QUAL_NONZERO_UNKNOWN, SR_VICTIM_CIVILIANS},
        {"Three suspects were arrested.", 1, SR_CAS_ARRESTED, 3,
         SR_QUAL_EXACT, SR_VICTIM_OTHER},
        {"Two soldiers and five militants were killed.", 2, SR_CAS_KILLED,
         2, SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"15 protesters were killed.", 1, SR_CAS_KILLED, 15, SR_QUAL_EXACT,
         SR_VICTIM_CIVILIANS},
        {"Rights groups said 15 people were missing.", 1, SR_CAS_MISSING, 15,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Nine others are still missing.", 1, SR_CAS_MISSING, 9,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        /* attackers named first stay apart from the victims too */
        {"Ten insurgents and two soldiers were killed.", 2,
         SR_CAS_KILLED_PERP, 10, SR_QUAL_EXACT, SR_VICTIM_PERPETRATORS},
        {"Ten insurgents and two soldiers were wounded.", 1, SR_CAS_INJURED,
         12, SR_QUAL_EXACT, SR_VICTIM_PERPETRATORS},
    };

    FIXTURE_EACH(cases, check_one);
}

static void test_verb_then_count(void)
{
    const expect_t cases[] = {
        {"Gunmen killed 13 soldiers.", 1, SR_CAS_KILLED, 13, SR_QUAL_EXACT,
         SR_VICTIM_SECURITY},
        {"They attacked, killing at least 20 people and wounding dozens.", 2,
         SR_CAS_KILLED, 20, SR_QUAL_AT_LEAST, SR_VICTIM_CIVILIANS},
        {"Militants abducted two teachers.", 1, SR_CAS_KIDNAPPED, 2,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"The bomb killed between 10 and 15 people.", 1, SR_CAS_KILLED, 10,
         SR_QUAL_RANGE, SR_VICTIM_CIVILIANS},
    };

    FIXTURE_EACH(cases, check_one);
}

static void test_one_person(void)
{
    const expect_t cases[] = {
        {"Assailants shot and killed a civilian.", 1, SR_CAS_KILLED, 1,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"The civilian was killed in the blast.", 1, SR_CAS_KILLED, 1,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Slim was shot and killed near his car.", 1, SR_CAS_KILLED, 1,
         SR_QUAL_EXACT, SR_VICTIM_UNKNOWN},
        {"A police officer was injured.", 1, SR_CAS_INJURED, 1,
         SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"At least one officer was killed.", 1, SR_CAS_KILLED, 1,
         SR_QUAL_AT_LEAST, SR_VICTIM_SECURITY},
        {"A mob beat to death two men.", 1, SR_CAS_KILLED, 2, SR_QUAL_EXACT,
         SR_VICTIM_CIVILIANS},
        {"Six people, including four gendarmes, were killed.", 1,
         SR_CAS_KILLED, 6, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Nine soldiers and militia members were killed.", 1, SR_CAS_KILLED,
         9, SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"It was killed off by the council.", 0, 0, 0, 0, 0},
        {"Nine employees and a civilian were killed.", 1, SR_CAS_KILLED, 10,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"A student was found stabbed to death.", 1, SR_CAS_KILLED, 1,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Two Israeli adults were killed.", 1, SR_CAS_KILLED, 2, SR_QUAL_EXACT,
         SR_VICTIM_CIVILIANS},
        {"The bomber also died in the blast.", 1, SR_CAS_KILLED_PERP, 1,
         SR_QUAL_EXACT, SR_VICTIM_PERPETRATORS},
        {"A young soldier later died in hospital.", 1, SR_CAS_KILLED, 1,
         SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"The Emir died in 2019.", 0, 0, 0, 0, 0},
        {"Their hopes died.", 0, 0, 0, 0, 0},
        /* shot is not killed */
        {"Gunmen shot six women.", 0, 0, 0, 0, 0},
        {"The militants killed 15 livestock.", 0, 0, 0, 0, 0},
    };

    FIXTURE_EACH(cases, check_one);
}

static void test_toll_and_zero(void)
{
    const expect_t cases[] = {
        {"The death toll rose to 40 on Monday.", 1, SR_CAS_KILLED, 40,
         SR_QUAL_EXACT, SR_VICTIM_UNKNOWN},
        {"No one was killed in the attack.", 1, SR_CAS_KILLED, 0,
         SR_QUAL_ZERO, SR_VICTIM_UNKNOWN},
        {"Nobody was hurt.", 1, SR_CAS_INJURED, 0, SR_QUAL_ZERO,
         SR_VICTIM_UNKNOWN},
        {"There were no casualties.", 1, SR_CAS_KILLED, 0, SR_QUAL_ZERO,
         SR_VICTIM_UNKNOWN},
    };

    FIXTURE_EACH(cases, check_one);
}

static void test_no_count(void)
{
    /* numbers the text does not support as casualties */
    const expect_t cases[] = {
        {"Several hundred heavily armed militants ambushed soldiers.", 0, 0,
         0, 0, 0},
        {"A substantial number of the terrorists were neutralized.", 0, 0, 0,
         0, 0},
        {"They stole weapons, including several tanks.", 0, 0, 0, 0, 0},
        {"Two helicopters crashed and the pilots were killed.", 0, 0, 0, 0,
         0},
        /* "was" makes one person; "two days" is not a count of people */
        {"He was killed two days later.", 1, SR_CAS_KILLED, 1, SR_QUAL_EXACT,
         SR_VICTIM_UNKNOWN},
        {"The attack killed 20 people, including 5 children.", 1,
         SR_CAS_KILLED, 20, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
    };

    FIXTURE_EACH(cases, check_one);
}

static void test_hostages_and_asides(void)
{
    const expect_t cases[] = {
        /* the noun "hostages" names the victims; the verb decides */
        {"Fourteen hostages were killed in the raid.", 1, SR_CAS_KILLED, 14,
         SR_QUAL_EXACT, SR_VICTIM_OTHER},
        {"Around 40 hostages died when the army stormed the mall.", 1,
         SR_CAS_KILLED, 40, SR_QUAL_APPROXIMATE, SR_VICTIM_OTHER},
        {"More than 80 hostages were freed.", 1, SR_CAS_KIDNAPPED, 80,
         SR_QUAL_AT_LEAST, SR_VICTIM_UNKNOWN},
        {"The gang took 12 hostages.", 1, SR_CAS_KIDNAPPED, 12, SR_QUAL_EXACT,
         SR_VICTIM_UNKNOWN},
        /* an aside between the count and the verb */
        {"Forty people, most of them Dutch, Danish and German pilgrims, were "
         "killed.",
         1, SR_CAS_KILLED, 40, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Eleven people, seven of them students, were killed.", 1,
         SR_CAS_KILLED, 11, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Three of her guards were killed.", 1, SR_CAS_KILLED, 3,
         SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"At least 12 combatants were reported killed.", 1, SR_CAS_KILLED, 12,
         SR_QUAL_AT_LEAST, SR_VICTIM_OTHER},
        {"The ministry reported 31 soldiers killed.", 1, SR_CAS_KILLED, 31,
         SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"Police put the death toll at 117.", 1, SR_CAS_KILLED, 117,
         SR_QUAL_EXACT, SR_VICTIM_UNKNOWN},
    };

    FIXTURE_EACH(cases, check_one);
}

static void test_one_victim_and_totals(void)
{
    const expect_t cases[] = {
        {"Gunmen shot dead all four members of the crew.", 1, SR_CAS_KILLED,
         4, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Two men on a scooter shot him dead outside his office.", 1,
         SR_CAS_KILLED, 1, SR_QUAL_EXACT, SR_VICTIM_UNKNOWN},
        {"Militiamen seized the mayor and killed him.", 1, SR_CAS_KILLED, 1,
         SR_QUAL_EXACT, SR_VICTIM_UNKNOWN},
        {"The group threatened to kill her.", 0, 0, 0, 0, 0},
        /* the husband, not "her", is the one killed */
        {"Gunmen killed her husband.", 1, SR_CAS_KILLED, 1, SR_QUAL_EXACT,
         SR_VICTIM_OTHER},
        {"The gunman then killed himself.", 1, SR_CAS_KILLED_PERP, 1,
         SR_QUAL_EXACT, SR_VICTIM_PERPETRATORS},
        {"Gunmen stormed the convoy and killed the governor of Kebbi.", 1,
         SR_CAS_KILLED, 1, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Four of their bodyguards were killed.", 1, SR_CAS_KILLED,
         4, SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"Two soldiers (Ali Musa and John Okoro) were killed.", 1,
         SR_CAS_KILLED, 2, SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"A village elder was attacked and beaten to death.", 1,
         SR_CAS_KILLED, 1, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        /* the one after "by" is the killer */
        {"They marched for a teenager shot dead by a police officer.", 0, 0,
         0, 0, 0},
        /* a stated total wins; "X and N others" is N + 1 */
        {"Okafor and 14 other people were killed, 15 in all.", 1,
         SR_CAS_KILLED, 15, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Okafor and 14 others were killed.", 1, SR_CAS_KILLED, 15,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Six pilgrims and three guards, nine in total, were killed.", 1,
         SR_CAS_KILLED, 9, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"The gunmen opened fire, killing two men and four children.", 1,
         SR_CAS_KILLED, 6, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"In addition to the bomber, at least six people were killed.", 2,
         SR_CAS_KILLED_PERP, 1, SR_QUAL_EXACT, SR_VICTIM_PERPETRATORS},
        {"In addition to the school, two houses were damaged.", 0, 0, 0, 0,
         0},
        /* attackers stay apart */
        {"Six villagers and the three gunmen were killed.", 2, SR_CAS_KILLED,
         6, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"The raid killed seven villagers and the four attackers.", 1,
         SR_CAS_KILLED, 7, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
    };

    FIXTURE_EACH(cases, check_one);
}

static void test_injured_phrasings(void)
{
    const expect_t cases[] = {
        {"About 300 people were treated in hospital.", 1, SR_CAS_INJURED,
         300, SR_QUAL_APPROXIMATE, SR_VICTIM_CIVILIANS},
        {"More than 40 needed hospital treatment.", 1, SR_CAS_INJURED, 40,
         SR_QUAL_AT_LEAST, SR_VICTIM_UNKNOWN},
        {"About 900 others were treated for the effects of the gas.", 1,
         SR_CAS_INJURED, 900, SR_QUAL_APPROXIMATE, SR_VICTIM_CIVILIANS},
        {"Eight guards were killed and three people injured.", 2,
         SR_CAS_KILLED, 8, SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"The doctor treated 30 patients.", 0, 0, 0, 0, 0},
        {"Five passers-by were injured by the blast.", 1, SR_CAS_INJURED, 5,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"He shot 4 men, killing one of them and wounding the other three.",
         2, SR_CAS_KILLED, 1, SR_QUAL_EXACT, SR_VICTIM_UNKNOWN},
    };

    FIXTURE_EACH(cases, check_one);
}

/* People words by family (clergy and congregations, trades, security
 * ranks of other armies), the manner of a killing between subject and
 * verb, and how badly someone was hurt. */
static void test_word_families_and_manner(void)
{
    const expect_t cases[] = {
        {"Seven congregants were killed in the chapel.", 1, SR_CAS_KILLED, 7,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Four constables were wounded.", 1, SR_CAS_INJURED, 4,
         SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"Two shopkeepers died of their wounds.", 1, SR_CAS_KILLED, 2,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Eleven shepherds were stabbed or beaten to death.", 1,
         SR_CAS_KILLED, 11, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        /* they as often attack as die: people of no known side */
        {"Eleven herdsmen were killed.", 1, SR_CAS_KILLED, 11, SR_QUAL_EXACT,
         SR_VICTIM_OTHER},
        {"Six paratroopers were shot to death at dawn.", 1, SR_CAS_KILLED, 6,
         SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"Three were critically wounded.", 1, SR_CAS_INJURED, 3,
         SR_QUAL_EXACT, SR_VICTIM_UNKNOWN},
        {"A ferry pilot was lightly injured.", 1, SR_CAS_INJURED, 1,
         SR_QUAL_EXACT, SR_VICTIM_UNKNOWN},
        /* a verdict, not a killing */
        {"Two men were later sentenced to death for the raid.", 0, 0, 0, 0,
         0},
        /* kin are people of no known side */
        {"Police detained two brothers of the suspect.", 1, SR_CAS_ARRESTED,
         2, SR_QUAL_EXACT, SR_VICTIM_OTHER},
    };

    FIXTURE_EACH(cases, check_one);
}

/* The attacker among the dead: named beside the victims, after them ("in
 * addition to herself"), shot by the police, or already inside a total;
 * a second victim joined by "and his" / "along with his". */
static void test_attackers_and_companions(void)
{
    const expect_t cases[] = {
        {"The gunman and two guards were killed.", 2, SR_CAS_KILLED_PERP, 1,
         SR_QUAL_EXACT, SR_VICTIM_PERPETRATORS},
        {"A constable and four raiders died in the gunfight.", 2,
         SR_CAS_KILLED, 1, SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"A driver and three passengers were wounded.", 1, SR_CAS_INJURED, 4,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Okoro and two nurses were killed.", 1, SR_CAS_KILLED, 3,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"The blast killed six pilgrims as well as himself.", 2,
         SR_CAS_KILLED, 6, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"The gunman fled before troops later shot him dead.", 1,
         SR_CAS_KILLED_PERP, 1, SR_QUAL_EXACT, SR_VICTIM_PERPETRATORS},
        /* no attacker named: "him" may be anyone */
        {"Troops later shot him dead near the market.", 1, SR_CAS_KILLED, 1,
         SR_QUAL_EXACT, SR_VICTIM_UNKNOWN},
        {"The bomber fled but she was shot dead by the police.", 1,
         SR_CAS_KILLED_PERP, 1, SR_QUAL_EXACT, SR_VICTIM_PERPETRATORS},
        {"She was shot dead by the police.", 1, SR_CAS_KILLED, 1,
         SR_QUAL_EXACT, SR_VICTIM_UNKNOWN},
        {"Guards shot the knifeman dead at the gate.", 1, SR_CAS_KILLED_PERP,
         1, SR_QUAL_EXACT, SR_VICTIM_PERPETRATORS},
        {"They went from door to door and shot men dead.", 0, 0, 0, 0, 0},
        {"Gunmen shot him dead along with his nephew.", 1, SR_CAS_KILLED, 2,
         SR_QUAL_EXACT, SR_VICTIM_UNKNOWN},
        {"Bandits killed a farmer and his son on the road.", 1,
         SR_CAS_KILLED, 2, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Bandits killed a farmer and his son was hurt.", 2, SR_CAS_KILLED, 1,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Raiders killed a trader and his three daughters.", 1,
         SR_CAS_KILLED, 4, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"The gunman was killed along with six hostages.", 2,
         SR_CAS_KILLED_PERP, 1, SR_QUAL_EXACT, SR_VICTIM_PERPETRATORS},
        {"He blew himself up, killing himself and nine others.", 2,
         SR_CAS_KILLED_PERP, 1, SR_QUAL_EXACT, SR_VICTIM_PERPETRATORS},
        {"The blast killed two guards and herself.", 2, SR_CAS_KILLED, 2,
         SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        /* a clause of its own joins no one to the killed */
        {"Gunmen killed a guard and two others were wounded.", 2,
         SR_CAS_KILLED, 1, SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"Six villagers, among them the attacker, were killed.", 1,
         SR_CAS_KILLED, 6, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Three soldiers and an unknown number of rebels were killed.", 1,
         SR_CAS_KILLED, 3, SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"Two fighters, said to be from the Front, were killed.", 1,
         SR_CAS_KILLED_PERP, 2, SR_QUAL_EXACT, SR_VICTIM_PERPETRATORS},
        /* a list of counts is one total; an aside is not a list */
        {"Two guards, a driver and three passengers were killed.", 1,
         SR_CAS_KILLED, 6, SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"Four pilgrims, two drivers, and one guide were injured.", 1,
         SR_CAS_INJURED, 7, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Five soldiers, two of them officers, were killed.", 1,
         SR_CAS_KILLED, 5, SR_QUAL_EXACT, SR_VICTIM_SECURITY},
        {"The blast killed nine people, many of them children, and injured "
         "40.", 2, SR_CAS_KILLED, 9, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Three died, among them two boys, and five were hurt.", 2,
         SR_CAS_KILLED, 3, SR_QUAL_EXACT, SR_VICTIM_UNKNOWN},
        {"Gunmen killed a North-east relief agency driver.", 1,
         SR_CAS_KILLED, 1, SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"A lay preacher died in hospital.", 1, SR_CAS_KILLED, 1,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
        {"Gunmen shot a bank manager in the knees.", 1, SR_CAS_INJURED, 1,
         SR_QUAL_EXACT, SR_VICTIM_CIVILIANS},
    };
    sr_doc_t doc;
    sr_cas_hit_t h[8];
    size_t n;

    FIXTURE_EACH(cases, check_one);
    /* the total holds the attacker; "among the dead" is a part */
    sr_doc_init(&doc);
    fixture_doc(&doc, "Four people, including the bomber, were killed.", 2020,
                5, 2);
    n = sr_casualties_find(&doc, 0, doc.ntok, h, 8);
    CHECK_INT_EQ(n, 1);
    CHECK_INT_EQ(h[0].with_perps, 1);
    fixture_done(&doc);
    sr_doc_init(&doc);
    fixture_doc(&doc, "Both attackers were among the dead.", 2020, 5, 2);
    n = sr_casualties_find(&doc, 0, doc.ntok, h, 8);
    CHECK_INT_EQ(n, 1);
    CHECK_INT_EQ(h[0].kind, SR_CAS_KILLED_PERP);
    CHECK_INT_EQ(h[0].within, 1);
    fixture_done(&doc);
}

/* The count of the first hit of one kind, or -1 when none has it. */
static int64_t count_of(const char *text, sr_cas_kind_t kind)
{
    sr_doc_t doc;
    sr_cas_hit_t h[8];
    size_t n;
    int64_t best = -1;

    sr_doc_init(&doc);
    fixture_doc(&doc, text, 2020, 5, 2);
    n = sr_casualties_find(&doc, 0, doc.ntok, h, 8);
    for (size_t k = 0; k < n; k++) {
        if (h[k].kind == kind) {
            best = h[k].count.best;
            break;
        }
    }
    fixture_done(&doc);
    return best;
}

typedef struct kind_case_s {
    const char *text;
    sr_cas_kind_t kind;
    int64_t best; /* -1: no hit of that kind */
} kind_case_t;

static void check_kind(const kind_case_t *e)
{
    int64_t got = count_of(e->text, e->kind);

    CHECK_INT_EQ(got, e->best);
    if (got != e->best) {
        fprintf(stderr, "    (text: %s)\n", e->text);
    }
}

static void test_one_more_and_callings(void)
{
    const kind_case_t cases[] = {
        /* "another", "a second": one more, after a first victim */
        {"Raiders opened fire on a bus, killing one trader and wounding "
         "another.", SR_CAS_INJURED, 1},
        {"The gunmen killed a ranger and injured a second near the gate.",
         SR_CAS_INJURED, 1},
        {"Two attackers killed a guard and then another 4 people were hurt.",
         SR_CAS_INJURED, 4},
        {"The bomb wounded a second time the same road.", SR_CAS_INJURED, -1},
        /* a calling no dictionary lists, told by its ending */
        {"A parcel bomb exploded at the depot, injuring a cleaner.",
         SR_CAS_INJURED, 1},
        {"Gunmen shot dead a ward office-bearer near his shop.",
         SR_CAS_KILLED, 1},
        {"A mortar round killed a street sweeper in the old town.",
         SR_CAS_KILLED, 1},
        {"Gunmen shot dead a musician outside the club.", SR_CAS_KILLED, 1},
        {"The grenade injured a civil servant and a trainee.", SR_CAS_INJURED,
         2},
        /* things that end the same way stay things */
        {"The fire killed a settlement.", SR_CAS_KILLED, -1},
        {"The incident died down by noon.", SR_CAS_KILLED, -1},
        {"The blast injured a number of bystanders.", SR_CAS_INJURED, -1},
        {"Rebels killed a tanker driver and injured a helicopter.",
         SR_CAS_INJURED, -1},
        /* a wound told by where it went, far from the verb */
        {"Two men shot a depot foreman four times in the legs.",
         SR_CAS_INJURED, 1},
        {"Masked men shot a 19-year-old man in both knees.",
         SR_CAS_INJURED, 1},
        {"One ranger was hit in the thigh during the raid.",
         SR_CAS_INJURED, 1},
        /* the count before an active verb with an object is who did it */
        {"Three armed men shot dead a forest guard near the camp.",
         SR_CAS_KILLED, 1},
        {"Four gunmen killed two herders at a well.", SR_CAS_KILLED, 2},
        /* people burned by fire are hurt; "burned to death" kills */
        {"Three policemen were burned when the bomb went off.",
         SR_CAS_INJURED, 3},
        {"Three guards were burned to death.", SR_CAS_KILLED, 3},
        {"Two shops were burned.", SR_CAS_INJURED, -1},
        /* a relative clause between the people and the verb */
        {"Four miners who refused to pay the levy were shot dead.",
         SR_CAS_KILLED, 4},
    };

    FIXTURE_EACH(cases, check_kind);
}

static void test_lists_wounds_and_bodies(void)
{
    const kind_case_t cases[] = {
        /* singular people named one by one */
        {"The mayor and his bodyguard died when the car exploded.",
         SR_CAS_KILLED, 2},
        {"A cyclist and a market porter were wounded.", SR_CAS_INJURED, 2},
        {"A pharmacist, a baker and a nurse were killed in the raid.",
         SR_CAS_KILLED, 3},
        {"Smith, a teacher, was killed.", SR_CAS_KILLED, 1},
        /* a wound the verb carries, after one person */
        {"A passer-by suffered burns when the petrol bomb burst.",
         SR_CAS_INJURED, 1},
        {"The taxi driver survived with stab wounds.", SR_CAS_INJURED, 1},
        {"The mayor's nephew suffered cuts to the face.", SR_CAS_INJURED, 1},
        {"The sentry, standing by the gate, sustained fractures.",
         SR_CAS_INJURED, 1},
        {"Four guards suffered burns.", SR_CAS_INJURED, 4},
        {"The town council approved budget cuts with reluctance.",
         SR_CAS_INJURED, -1},
        /* a name opening the clause, and "both ... and" */
        {"Okonkwo and his nephew were killed.", SR_CAS_KILLED, 2},
        {"Both the driver and the guard were wounded.", SR_CAS_INJURED, 2},
        {"Both soldiers and civilians were killed.", SR_CAS_KILLED, -1},
        {"Both soldiers were killed.", SR_CAS_KILLED, 2},
        /* a list of counts and one person after the verb */
        {"The drone strike killed three guards and a civilian driver.",
         SR_CAS_KILLED, 4},
        {"The bomb killed the diplomat and wounded his driver.", SR_CAS_KILLED,
         1},
        {"Raiders opened fire, shooting dead four and injuring two.",
         SR_CAS_KILLED, 4},
        /* a body found is one dead */
        {"The missing trader's body was found in a ditch.", SR_CAS_KILLED,
         1},
        /* a verb of manner, its object, "to death" */
        {"A mob hacked a cattle trader to death near the market.",
         SR_CAS_KILLED, 1},
        {"Villagers stoned him to death.", SR_CAS_KILLED, 1},
        {"The court sentenced a soldier to death.", SR_CAS_KILLED, -1},
    };

    FIXTURE_EACH(cases, check_kind);
}

static void test_protest_causes(void)
{
    const kind_case_t cases[] = {
        /* a death told as the cause of a protest is an earlier event */
        {"Hundreds of traders rioted in the market after a vendor was "
         "killed by municipal guards.", SR_CAS_KILLED, -1},
        {"Students barricaded the highway after soldiers shot dead a "
         "classmate.", SR_CAS_KILLED, -1},
        {"A mob torched the police post after a herder was found dead.",
         SR_CAS_KILLED, -1},
        {"Students marched in the capital over the death of a classmate.",
         SR_CAS_KILLED, -1},
        /* the protest's own dead, and the same attack told with "after",
         * stay */
        {"Police killed two protesters after demonstrators stoned the "
         "station.", SR_CAS_KILLED, 2},
        {"The gunmen fled after killing two guards.", SR_CAS_KILLED, 2},
        {"Gunmen stormed the camp after a guard was killed at the gate.",
         SR_CAS_KILLED, 1},
    };

    FIXTURE_EACH(cases, check_kind);
}

static void test_deaths_without_dying(void)
{
    const kind_case_t cases[] = {
        {"Six miners lost their lives in the blast.", SR_CAS_KILLED, 6},
        {"The ranger lost his life defending the post.", SR_CAS_KILLED, 1},
        {"The guard succumbed to his injuries.", SR_CAS_KILLED, 1},
        {"The ambush claimed the lives of nine soldiers.", SR_CAS_KILLED, 9},
        {"The bodies of the three hostages were found on Monday.",
         SR_CAS_KILLED, 3},
        {"The bodies of several victims were found.", SR_CAS_KILLED, -1},
        /* the subject of the clause before "and died" */
        {"The guard was shot in the chest and died on the way to hospital.",
         SR_CAS_KILLED, 1},
        {"He was hit by shrapnel and later died.", SR_CAS_KILLED, 1},
        /* one person by a pronoun, unless only supposed */
        {"She died in hospital two days later.", SR_CAS_KILLED, 1},
        {"If he dies, the family will sue.", SR_CAS_KILLED, -1},
        {"He said he lost his phone.", SR_CAS_KILLED, -1},
        {"The army lost three trucks.", SR_CAS_KILLED, -1},
        /* the casualty word as a noun: a part of the toll, or a toll */
        {"Among the dead were four policemen and a nurse.", SR_CAS_KILLED, 5},
        {"The wounded included a reporter.", SR_CAS_INJURED, 1},
        {"The dead were taken to the morgue.", SR_CAS_KILLED, -1},
        {"The number of dead climbed to 31 overnight.", SR_CAS_KILLED, 31},
        {"The number of wounded stood at 17.", SR_CAS_INJURED, 17},
        /* "another" as the subject; one person left dead */
        {"One guard was killed and another wounded.", SR_CAS_INJURED, 1},
        {"The mine left a herder dead near the well.", SR_CAS_KILLED, 1},
        {"The storm left the town dead quiet.", SR_CAS_KILLED, -1},
        /* "the death of", and the casualty word as a noun after "of the" */
        {"The shelling caused the death of a shepherd.", SR_CAS_KILLED, 1},
        {"The raid resulted in the deaths of five farmers.", SR_CAS_KILLED,
         5},
        {"Three of the injured died in hospital.", SR_CAS_KILLED, 3},
        {"Three of the injured died in hospital.", SR_CAS_INJURED, -1},
        /* "shot" wounds when the one shot survived */
        {"Two men shot a judge near the court. He survived.",
         SR_CAS_INJURED, 1},
        {"Two men shot a judge near the court. He died on Friday.",
         SR_CAS_INJURED, -1},
        {"Two men shot a judge near the court.", SR_CAS_INJURED, -1},
        /* a stabbing wounds, unless the clause goes on to a death */
        {"A man with a knife stabbed three commuters at the station.",
         SR_CAS_INJURED, 3},
        {"A guard was stabbed at the gate.", SR_CAS_INJURED, 1},
        {"Two villagers were stabbed to death.", SR_CAS_INJURED, -1},
        {"Two villagers were stabbed and killed.", SR_CAS_KILLED, 2},
        /* an owner between "and" and the count */
        {"A shepherd and his two sons were wounded.", SR_CAS_INJURED, 3},
    };

    FIXTURE_EACH(cases, check_kind);
}

/* The first hit of text adds to a count told before: 1, 0, or -1 when
 * there is no hit. */
static int adds_more(const char *text)
{
    sr_doc_t doc;
    sr_cas_hit_t h[8];
    size_t n;
    int more;

    sr_doc_init(&doc);
    fixture_doc(&doc, text, 2020, 5, 2);
    n = sr_casualties_find(&doc, 0, doc.ntok, h, 8);
    more = n > 0 ? h[0].more : -1;
    fixture_done(&doc);
    return more;
}

static void test_added_counts(void)
{
    static const struct {
        const char *text;
        int more;
    } cases[] = {
        {"Two more officers were injured in the gunfight.", 1},
        {"Another three villagers died in hospital overnight.", 1},
        {"A further five people were wounded.", 1},
        {"Three more died of their wounds.", 1},
        /* a floor, not an addition */
        {"More than 20 people were killed.", 0},
        {"Two soldiers were wounded.", 0},
        {"Four others were hurt.", 0},
        /* a clause of its own: "other people", "also" */
        {"Two other people died.", 1},
        {"A passing cyclist also died.", 1},
        {"The blast killed five and wounded 30 other people.", 0},
        {"Gunmen also killed two guards.", 0},
        /* initials inside the people ("U.S. servicemen") */
        {"Two U.S. servicemen also died.", 1},
    };

    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        int got = adds_more(cases[k].text);

        CHECK_INT_EQ(got, cases[k].more);
        if (got != cases[k].more) {
            fprintf(stderr, "    (text: %s)\n", cases[k].text);
        }
    }
}

static void test_comma_lists(void)
{
    static const kind_case_t cases[] = {
        /* items after commas count when "and" closes the list */
        {"Gunmen killed two soldiers, a nurse and a pupil.", SR_CAS_KILLED,
         4},
        {"The blast killed four traders, a guard, and a nurse.", SR_CAS_KILLED,
         6},
        {"The bomb killed three engineers, their driver and a guard.",
         SR_CAS_KILLED, 5},
        /* a comma with no "and" after it is no list */
        {"Gunmen killed two soldiers, a police spokesman said.",
         SR_CAS_KILLED, 2},
        /* a closing attacker is his own hit */
        {"The blast killed two clerks, their driver and the bomber himself.",
         SR_CAS_KILLED, 3},
        {"The blast killed two clerks, their driver and the bomber himself.",
         SR_CAS_KILLED_PERP, 1},
        /* a name opening a list before a comma */
        {"Okafor, his driver and a bodyguard were injured.", SR_CAS_INJURED,
         3},
        /* but "Name, a calling, and ..." tells who he is */
        {"Brother Tomas, a missionary, and a nun were injured.",
         SR_CAS_INJURED, 2},
    };

    FIXTURE_EACH(cases, check_kind);
}

static void test_hostage_lists_and_ages(void)
{
    static const kind_case_t cases[] = {
        /* hostages in a list of the dead are dead, not taken */
        {"Twelve hostages and three police officers were killed.",
         SR_CAS_KILLED, 15},
        {"Twelve hostages and three police officers were killed.",
         SR_CAS_KIDNAPPED, -1},
        {"By nightfall four hostages and the gunman were dead.",
         SR_CAS_KILLED, 5},
        /* but hostages taken stay the taking's */
        {"Gunmen took 12 hostages and two soldiers were killed in the raid.",
         SR_CAS_KIDNAPPED, 12},
        {"Gunmen took 12 hostages and two soldiers were killed in the raid.",
         SR_CAS_KILLED, 2},
        /* an age is no count: the attacker shot dead is one */
        {"Police shot the 19-year-old attacker dead.", SR_CAS_KILLED_PERP, 1},
        {"Police shot a 40-year-old shopkeeper dead.", SR_CAS_KILLED, 1},
    };

    FIXTURE_EACH(cases, check_kind);
}

/* attackers dead beside a toll; a death earlier than the story */
static void test_attackers_beside_the_toll(void)
{
    static const kind_case_t cases[] = {
        {"Thirty people lost their lives, in addition to the three attackers.",
         SR_CAS_KILLED_PERP, 3},
        {"Thirty people lost their lives, in addition to the three attackers.",
         SR_CAS_KILLED, 30},
        {"The blast killed 16 people besides the two bombers.",
         SR_CAS_KILLED_PERP, 2},
        {"Nine villagers were killed along with two gunmen.",
         SR_CAS_KILLED_PERP, 2},
        /* a toll by other words; care as the sign of a wound */
        {"Officials put the number killed at about 40.", SR_CAS_KILLED, 40},
        {"The number injured rose to 12.", SR_CAS_INJURED, 12},
        {"About 300 people needed medical treatment.", SR_CAS_INJURED, 300},
        {"The clinic offered medical treatment to 30 patients.",
         SR_CAS_INJURED, -1},
        /* ", the gunman included," is a part of the toll */
        {"Nine people, the gunman included, were killed.", SR_CAS_KILLED, 9},
        {"Seven people, two children included, died.", SR_CAS_KILLED, 7},
        /* a death told as a step before the story is not its toll */
        {"Lawyers had gathered after a judge was shot dead earlier that day.",
         SR_CAS_KILLED, -1},
        {"A judge was shot dead earlier today.", SR_CAS_KILLED, 1},
        /* "themselves": as many as the attackers the clause opens with */
        {"Two suicide bombers blew up a bus, killing 11 people besides "
         "themselves.", SR_CAS_KILLED_PERP, 2},
        {"Soldiers killed nine besides themselves.", SR_CAS_KILLED_PERP, -1},
        /* victims beside the toll are no attackers */
        {"Nine villagers were killed along with two soldiers.",
         SR_CAS_KILLED_PERP, -1},
    };

    FIXTURE_EACH(cases, check_kind);
}

/* lists of the dead by any verb; hostages killed after the taking; a
 * thing named by a person's ending is no victim */
static void test_lists_takings_and_things(void)
{
    static const kind_case_t cases[] = {
        /* a list counts the same whatever the verb of dying */
        {"The judge and his driver lost their lives.", SR_CAS_KILLED, 2},
        {"The judge and his driver died.", SR_CAS_KILLED, 2},
        {"The judge and his driver were killed.", SR_CAS_KILLED, 2},
        {"A farmer and his son lost their lives in the raid.", SR_CAS_KILLED,
         2},
        {"The guard lost his life.", SR_CAS_KILLED, 1},
        /* the dead of a taking are the ones killed, not those taken */
        {"Gunmen took 30 hostages and later killed two of them.",
         SR_CAS_KILLED, 2},
        {"Gunmen took 30 hostages and later killed two of them.",
         SR_CAS_KIDNAPPED, 30},
        {"The rebels seized 14 hostages, killing three of them.",
         SR_CAS_KILLED, 3},
        /* words of a person's ending that name things join no list of
         * the dead, whatever their kind: a place, a structure, a machine,
         * a vehicle, a measure */
        {"Shelling killed three soldiers and a river.", SR_CAS_KILLED, 3},
        {"The blast killed two guards and a tower.", SR_CAS_KILLED, 2},
        {"The strike wounded four fighters and a transformer.",
         SR_CAS_INJURED, 4},
        {"The raid killed a farmer and a tractor.", SR_CAS_KILLED, 1},
        {"The storm injured two pupils and a heater.", SR_CAS_INJURED, 2},
        {"Shells killed a herder and a launcher.", SR_CAS_KILLED, 1},
        {"A cleaner and a generator were injured.", SR_CAS_INJURED, -1},
        /* callings by their ending count in the plural too */
        {"Two of its occupants were slightly injured.", SR_CAS_INJURED, 2},
        {"Five street sweepers were injured.", SR_CAS_INJURED, 5},
        {"Three lorry drivers and two conductors were killed.",
         SR_CAS_KILLED, 5},
        {"Two transformers were injured.", SR_CAS_INJURED, -1},
        {"Four containers were hit.", SR_CAS_INJURED, -1},
        /* the head of a body is a person */
        {"Insurgents beheaded the head of a village.", SR_CAS_KILLED, 1},
        {"Gunmen shot dead the head of the district council.", SR_CAS_KILLED,
         1},
        {"A bullet hit him in the head of the stairs.", SR_CAS_KILLED, -1},
        /* nor does a count of them */
        {"One transformer and two guards were injured.", SR_CAS_INJURED, 2},
        {"The fire injured one heater.", SR_CAS_INJURED, -1},
        /* the callings the ending is for still count */
        {"The blast killed two guards and a cleaner.", SR_CAS_KILLED, 3},
        {"Shells hit a transformer, injuring a welder.", SR_CAS_INJURED, 1},
        {"A cleaner and a street sweeper were injured.", SR_CAS_INJURED, 2},
    };

    FIXTURE_EACH(cases, check_kind);
}

/* a few words around a casualty word are read within its sentence: a
 * headline has no full stop, yet ends there */
static void test_sentence_bounds(void)
{
    static const kind_case_t cases[] = {
        {"What the family lost\n\nHer life in the village was quiet.",
         SR_CAS_KILLED, -1},
        {"Relatives want answers on the death\n\nOf the three men held, "
         "one was freed.", SR_CAS_KILLED, -1},
        {"How the drought took the lives\n\nOf 40 herders changed.",
         SR_CAS_KILLED, -1},
        {"Report on the regional body\n\nWas found in the archive.",
         SR_CAS_KILLED, -1},
        {"A soldier succumbed\n\nTo the cold, the rest went home.",
         SR_CAS_KILLED, -1},
        /* within one sentence each still counts */
        {"Floods took the lives of 40 herders.", SR_CAS_KILLED, 40},
        {"The death of the three men was confirmed.", SR_CAS_KILLED, 3},
        {"His body was found near the road.", SR_CAS_KILLED, 1},
        /* a casualty word opening or closing the text reads nothing
         * outside it */
        {"dead", SR_CAS_KILLED, -1},
        {"Dead and buried", SR_CAS_KILLED, -1},
        {"left dead", SR_CAS_KILLED, -1},
        {"The blast left a shepherd dead", SR_CAS_KILLED, 1},
    };

    FIXTURE_EACH(cases, check_kind);
}

/* the quick filter before the words in no class lets each of them
 * through, so a word added to the rules and the list is not dropped
 * unseen; and words of other lengths are stopped */
static void test_unclassed_filter(void)
{
    /* one phrase for each listed word, where the rules must read it */
    static const struct {
        const char *word, *text;
    } uses[] = {
        {"missing", "Fifteen people remain missing."},
        {"treated", "Nine were treated in hospital."},
        {"treatment", "Five needed hospital treatment."},
        {"death", "A mob beat him to death."},
        {"cuts", "A guard suffered cuts."},
        {"burns", "Two cooks suffered burns."},
        {"bruises", "The driver sustained bruises."},
        {"fractures", "A nurse suffered fractures."},
        {"found", "His body was found."},
        {"recovered", "Her body was recovered."},
        {"discovered", "The body was discovered."},
        {"lost", "Two guards lost their lives."},
        {"lives", "The blast claimed the lives of six."},
        {"succumbed", "The guard succumbed to his wounds."},
        {"stabbed", "A man stabbed a guard."},
        {"knifed", "A man knifed a guard."},
        {"throats", "Raiders cut the throats of two herders."},
        {"throat", "Raiders slit the throat of a herder."},
    };
    size_t n = 0;

    for (const char *const *w = sr_casualty_unclassed_words; *w != NULL; w++) {
        size_t k = 0;
        int before = sr_check_failures;

        CHECK(sr_casualty_unclassed_passes(*w, strlen(*w)));
        while (k < sizeof(uses) / sizeof(uses[0]) &&
               strcmp(uses[k].word, *w) != 0) {
            k++;
        }
        CHECK(k < sizeof(uses) / sizeof(uses[0])); /* a phrase for it */
        if (k < sizeof(uses) / sizeof(uses[0])) {
            sr_doc_t doc;
            size_t i;

            sr_doc_init(&doc);
            fixture_doc(&doc, uses[k].text, 2020, 5, 2);
            i = fixture_tok(&doc, *w);
            CHECK(i < doc.ntok && sr_casualty_verb_kind(&doc, i) >= 0);
            fixture_done(&doc);
        }
        if (sr_check_failures > before) {
            fprintf(stderr, "    (word: %s)\n", *w);
        }
        n++;
    }
    CHECK_INT_EQ(n, sizeof(uses) / sizeof(uses[0]));
    CHECK(!sr_casualty_unclassed_passes("market", 6));
    CHECK(!sr_casualty_unclassed_passes("", 0));
}

/* killings told by how: throats cut, a possessive before the victim,
 * and the count before a verb of manner with an object is who did it */
static void test_manner_and_throats(void)
{
    static const kind_case_t cases[] = {
        {"Armed men cut the throats of five conscripts.", SR_CAS_KILLED, 5},
        {"Bandits slit the throat of a shepherd.", SR_CAS_KILLED, 1},
        {"Gunmen cut the throat of two guards.", SR_CAS_KILLED, 2},
        {"He cleared his throat of dust.", SR_CAS_KILLED, -1},
        {"He cut the throat of the chicken line short.", SR_CAS_KILLED, -1},
        {"Three men hacked a priest's assistant to death.", SR_CAS_KILLED,
         1},
        {"A mob beat a shopkeeper's son to death.", SR_CAS_KILLED, 1},
        {"Four men stabbed a trader's driver to death at a market.",
         SR_CAS_KILLED, 1},
        /* a victim's phrase of place or belonging before the list's
         * next item */
        {"Gunmen shot dead the headmaster of a village school and a "
         "teacher.", SR_CAS_KILLED, 2},
        {"The mine killed a nurse from the district clinic and her driver.",
         SR_CAS_KILLED, 2},
        {"Gunmen killed a soldier in the attack and wounded a civilian.",
         SR_CAS_KILLED, 1},
        {"Gunmen killed two soldiers in Kabul and Ghazni.", SR_CAS_KILLED, 2},
        {"The consul general in Lagos and his bodyguard were shot to "
         "death.", SR_CAS_KILLED, 2},
        {"A teacher from the village and her son were killed.",
         SR_CAS_KILLED, 2},
        {"Shops in the market and a bank were hit.", SR_CAS_INJURED, -1},
        {"Two U.S. servicemen and a retired airman were gunned down.",
         SR_CAS_KILLED, 3},
        /* one person named after the verb */
        {"Gunmen killed Luis Galan, a presidential candidate, at a rally.",
         SR_CAS_KILLED, 1},
        {"Gunmen shot dead Ahmed Khan outside his home.", SR_CAS_KILLED, 1},
        {"The blast killed Okafor and his driver.", SR_CAS_KILLED, 2},
        {"Troops killed Hindu pilgrims.", SR_CAS_KILLED, -1},
        {"Militias killed Yazidis, witnesses said.", SR_CAS_KILLED, -1},
        {"Students protested the death of Ana Ruiz in custody.",
         SR_CAS_KILLED, -1},
        /* a toll told as accounts that vary and a figure put on it */
        {"Accounts of the dead vary between 8 and 15.", SR_CAS_KILLED, 8},
        {"Accounts of the dead vary; doctors put the figure at 11.",
         SR_CAS_KILLED, 11},
        {"Ten people were hurt; medics later put the figure at 14.",
         SR_CAS_INJURED, 10},
        {"Police put the figure at 200 protesters.", SR_CAS_KILLED, -1},
        /* care sought or received tells the wounded */
        {"About 5,500 sought medical treatment.", SR_CAS_INJURED, 5500},
        {"Forty people received hospital treatment.", SR_CAS_INJURED, 40},
        {"Twelve people died and about 300 sought medical treatment.",
         SR_CAS_INJURED, 300},
        /* a note of its own that gives the toll */
        {"Fatalities 13.", SR_CAS_KILLED, 13},
        {"Fatalities: 4 (two civilians).", SR_CAS_KILLED, 4},
        {"Fatalities rose sharply in 2019.", SR_CAS_KILLED, -1},
        {"Fatalities 13 in the first clash and 5 later.", SR_CAS_KILLED, -1},
        /* a wounded pronoun opens a list */
        {"The blast killed his wife, wounding him and two of his children.",
         SR_CAS_INJURED, 3},
        {"The bomb wounded him and his driver.", SR_CAS_INJURED, 2},
        {"Police wounded him and arrested two others.", SR_CAS_INJURED, -1},
        /* and so does a killed one, but not the attacker himself */
        {"Raiders stormed the farm, killing him and three of his sons.",
         SR_CAS_KILLED, 4},
        {"The militia killed her and two of her neighbours.", SR_CAS_KILLED,
         3},
        {"Troops killed him and arrested two others.", SR_CAS_KILLED, 1},
        {"He blew himself up, killing himself and a guard.",
         SR_CAS_KILLED_PERP, 1},
        {"Gunmen killed two of the soldiers.", SR_CAS_KILLED, 2},
        /* burned alive is a death; "and burned" is no wound of the
         * count before it */
        {"13 people were burned alive.", SR_CAS_KILLED, 13},
        {"A mob burned two policemen alive.", SR_CAS_KILLED, 2},
        {"A mob burned a herder alive.", SR_CAS_KILLED, 1},
        {"A herder was burnt alive by the mob.", SR_CAS_KILLED, 1},
        {"The driver was burned alive in his cab.", SR_CAS_KILLED, 1},
        {"The warehouse was burned.", SR_CAS_KILLED, -1},
        {"Rioters burned two cars.", SR_CAS_KILLED, -1},
        {"Residents seized 13 of them and burned their car.",
         SR_CAS_INJURED, -1},
        {"Two officers were burned.", SR_CAS_INJURED, 2},
        /* the count is the victims when nothing follows the verb */
        {"Two soldiers were hacked to death.", SR_CAS_KILLED, 2},
    };

    FIXTURE_EACH(cases, check_kind);
}

TEST_LIST = {{"count_then_verb", test_count_then_verb},
             {"lists_takings_and_things", test_lists_takings_and_things},
             {"sentence_bounds", test_sentence_bounds},
             {"unclassed_filter", test_unclassed_filter},
             {"manner_and_throats", test_manner_and_throats},
             {"attackers_beside_the_toll", test_attackers_beside_the_toll},
             {"hostage_lists_and_ages", test_hostage_lists_and_ages},
             {"comma_lists", test_comma_lists},
             {"added_counts", test_added_counts},
             {"deaths_without_dying", test_deaths_without_dying},
             {"protest_causes", test_protest_causes},
             {"lists_wounds_and_bodies", test_lists_wounds_and_bodies},
             {"one_more_and_callings", test_one_more_and_callings},
             {"verb_then_count", test_verb_then_count},
             {"one_person", test_one_person},
             {"toll_and_zero", test_toll_and_zero},
             {"no_count", test_no_count},
             {"hostages_and_asides", test_hostages_and_asides},
             {"one_victim_and_totals", test_one_victim_and_totals},
             {"injured_phrasings", test_injured_phrasings},
             {"word_families_and_manner", test_word_families_and_manner},
             {"attackers_and_companions", test_attackers_and_companions},
             {NULL, NULL}};
