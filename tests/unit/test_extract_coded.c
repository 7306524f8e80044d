/* test_extract_coded.c - a coder's note on the toll. */
#include "check.h"
#include "coded.h"
#include "extract_fixture.h"

static void find(const char *text, sr_coded_toll_t *out, sr_doc_t *doc)
{
    fixture_doc(doc, text, 2021, 3, 5);
    sr_coded_toll_find(doc, out);
}

static void test_coded_as(void)
{
    sr_doc_t doc;
    sr_coded_toll_t t;
    char buf[256];

    sr_doc_init(&doc);
    find("Militants attacked a post, killing 4. Fatalities coded as 0 "
         "(a local outlet reported 4).",
         &t, &doc);
    CHECK(t.set);
    CHECK_INT_EQ(t.count, 0);
    CHECK_INT_EQ(t.divide, 0);
    CHECK_STR_EQ(fixture_span(&doc, t.tb, t.te, buf), "Fatalities coded as 0");

    find("Troops clashed with rebels near the river. Unknown number of "
         "fatalities coded as ten.",
         &t, &doc);
    CHECK(t.set);
    CHECK_INT_EQ(t.count, 10);

    /* the coded figure is the share already */
    find("80 fatalities split across two events coded as 40.", &t, &doc);
    CHECK(t.set);
    CHECK_INT_EQ(t.count, 40);
    CHECK_INT_EQ(t.divide, 0);
    /* a fight over three days: the day's share is coded last */
    find("The militia said it lost 9 men. Fatalities coded as 30 spread "
         "over three days; coded as 10 for this day.",
         &t, &doc);
    CHECK(t.set);
    CHECK_INT_EQ(t.count, 10);
    CHECK_INT_EQ(t.divide, 0);

    /* not a toll: a place coded, a number after a word, no toll word */
    find("Lahore coded as geoprecision 2. Fatalities were coded as the "
         "total. The event was coded as 3 events.",
         &t, &doc);
    CHECK(!t.set);
    CHECK_INT_EQ(t.divide, 0);
    /* "dozens" is a convention of its own, not a coded figure */
    find("Fatalities coded as dozens.", &t, &doc);
    CHECK(!t.set);

    /* the note's other shapes: "coded at", "Coded fatalities: N", "N
     * fatalities coded for" */
    find("About 40 died across the city. Fatalities shared among events; "
         "this event coded at 12.",
         &t, &doc);
    CHECK(t.set);
    CHECK_INT_EQ(t.count, 12);
    find("Mobs clashed and several people died. Coded fatalities: 7 "
         "(reports vary).",
         &t, &doc);
    CHECK(t.set);
    CHECK_INT_EQ(t.count, 7);
    CHECK_STR_EQ(fixture_span(&doc, t.tb, t.te, buf), "Coded fatalities: 7");
    find("Dozens died over four days; 18 fatalities coded for this date.",
         &t, &doc);
    CHECK(t.set);
    CHECK_INT_EQ(t.count, 18);
    /* a place coded at a town, a count of events coded for a week */
    find("The clash was coded at Gao. Three events coded for this week.",
         &t, &doc);
    CHECK(!t.set);
    fixture_done(&doc);
}

static void test_divided(void)
{
    sr_doc_t doc;
    sr_coded_toll_t t;
    char buf[256];

    sr_doc_init(&doc);
    find("Six soldiers were killed in shelling at three posts. Total "
         "fatalities divided equally across three events.",
         &t, &doc);
    CHECK(!t.set);
    CHECK_INT_EQ(t.divide, 3);
    CHECK_STR_EQ(fixture_span(&doc, t.tb, t.te, buf),
                 "Total fatalities divided equally across three events");
    /* one event is no division; nor is a split without a toll word */
    find("Fatalities divided across 1 events. The crowd split between two "
         "events.",
         &t, &doc);
    CHECK_INT_EQ(t.divide, 0);
    fixture_done(&doc);
}

TEST_LIST = {{"coded_as", test_coded_as},
             {"divided", test_divided},
             {NULL, NULL}};
