/* test_extract_dates.c - date phrases against a publication date. */
#include <stdio.h>

#include "check.h"
#include "dates.h"
#include "extract_fixture.h"

typedef struct expect_s {
    const char *text;
    int y, m, d;
    sr_time_precision_t prec;
    sr_time_basis_t basis;
    const char *phrase;
} expect_t;

/* Thursday 12 December 2019, the seed's publication date */
#define PUB 2019, 12, 12

static void check_one(const expect_t *e)
{
    sr_doc_t doc;
    sr_date_hit_t h[4];
    size_t n;
    char buf[256];
    int before = sr_check_failures;

    sr_doc_init(&doc);
    fixture_doc(&doc, e->text, PUB);
    n = sr_dates_find(&doc, 0, doc.ntok, h, 4);
    if (e->phrase == NULL) {
        CHECK_INT_EQ(n, 0);
    } else {
        CHECK_INT_EQ(n, 1);
    }
    if (n >= 1 && e->phrase != NULL) {
        CHECK_INT_EQ(h[0].year, e->y);
        CHECK_INT_EQ(h[0].month, e->m);
        CHECK_INT_EQ(h[0].day, e->d);
        CHECK_INT_EQ(h[0].precision, e->prec);
        CHECK_INT_EQ(h[0].basis, e->basis);
        CHECK_STR_EQ(fixture_span(&doc, h[0].tb, h[0].te, buf), e->phrase);
    }
    if (sr_check_failures > before) {
        fprintf(stderr, "    (text: %s)\n", e->text);
    }
    fixture_done(&doc);
}

static const sr_time_basis_t REL = SR_TBASIS_RELATIVE_TO_PUBLICATION;
static const sr_time_basis_t ABS = SR_TBASIS_EXPLICIT;

static void test_weekdays(void)
{
    const expect_t cases[] = {
        {"The attack happened on Tuesday, officials said.", 2019, 12, 10,
         SR_TPREC_DAY, REL, "on Tuesday"},
        /* published on a Thursday: "on Thursday" is the same day */
        {"It happened on Thursday.", 2019, 12, 12, SR_TPREC_DAY, REL,
         "on Thursday"},
        {"It happened last Thursday.", 2019, 12, 5, SR_TPREC_DAY, REL,
         "last Thursday"},
        {"Gunmen struck late Friday.", 2019, 12, 6, SR_TPREC_DAY, REL,
         "late Friday"},
        {"He left yesterday.", 2019, 12, 11, SR_TPREC_DAY, REL, "yesterday"},
        {"It began three days ago.", 2019, 12, 9, SR_TPREC_DAY, REL,
         "three days ago"},
    };

    FIXTURE_EACH(cases, check_one);
}

static void test_months_and_periods(void)
{
    const expect_t cases[] = {
        {"Thirteen soldiers were killed in Mali last month.", 2019, 11, 1,
         SR_TPREC_MONTH, REL, "last month"},
        {"53 soldiers died in November.", 2019, 11, 1, SR_TPREC_MONTH, REL,
         "in November"},
        /* the publication month itself counts as the most recent */
        {"The camp was hit in mid-December.", 2019, 12, 1, SR_TPREC_MONTH,
         REL, "mid-December"},
        {"A raid took place in March.", 2019, 3, 1, SR_TPREC_MONTH, REL,
         "in March"},
        /* a day and month after a preposition stay a date */
        {"The bank was bombed on 17 November, police said.", 2019, 11, 17,
         SR_TPREC_DAY, REL, "on 17 November"},
        {"The toll rose last week.", 2019, 12, 5, SR_TPREC_WEEK, REL,
         "last week"},
        {"It was bombed last year.", 2018, 1, 1, SR_TPREC_YEAR, REL,
         "last year"},
        {"It was raided earlier this year.", 2019, 1, 1, SR_TPREC_YEAR, REL,
         "earlier this year"},
    };

    FIXTURE_EACH(cases, check_one);
}

static void test_explicit(void)
{
    const expect_t cases[] = {
        {"It happened on 28 April 2020.", 2020, 4, 28, SR_TPREC_DAY, ABS,
         "on 28 April 2020"},
        {"It happened on April 28, 2020.", 2020, 4, 28, SR_TPREC_DAY, ABS,
         "on April 28, 2020"},
        {"It happened on 04/28/2020.", 2020, 4, 28, SR_TPREC_DAY, ABS,
         "on 04/28/2020"},
        {"It happened on 2020-04-28.", 2020, 4, 28, SR_TPREC_DAY, ABS,
         "on 2020-04-28"},
        {"It happened on 28/04/2020.", 2020, 4, 28, SR_TPREC_DAY, ABS,
         "on 28/04/2020"},
        {"It happened in April 2020.", 2020, 4, 1, SR_TPREC_MONTH, ABS,
         "in April 2020"},
        {"The group was founded in 2014.", 2014, 1, 1, SR_TPREC_YEAR, ABS,
         "in 2014"},
        /* year-less: the most recent on or before publication */
        {"It happened on April 28.", 2019, 4, 28, SR_TPREC_DAY, REL,
         "on April 28"},
        {"It happened on Dec. 20.", 2018, 12, 20, SR_TPREC_DAY, REL,
         "on Dec. 20"},
        /* a report's date yields to the event's, and stands alone */
        {"As reported on 12 December 2019, gunmen shot a driver on 10 "
         "December 2019.",
         2019, 12, 10, SR_TPREC_DAY, ABS, "on 10 December 2019"},
        {"As reported on 11 December 2019, gunmen shot a driver.", 2019, 12,
         11, SR_TPREC_DAY, ABS, "on 11 December 2019"},
    };

    FIXTURE_EACH(cases, check_one);
}

static void test_not_dates(void)
{
    const expect_t cases[] = {
        {"They may attack again.", 0, 0, 0, 0, 0, NULL},
        {"He met 2020 voters.", 0, 0, 0, 0, 0, NULL},
        {"It happened on 31/02/2020.", 0, 0, 0, 0, 0, NULL},
        {"March on, they said.", 0, 0, 0, 0, 0, NULL},
        /* a day and month that name a group */
        {"The Revolutionary Organization 17 November bombed a bank.", 0, 0,
         0, 0, 0, NULL},
        {"Members of the 2 June Movement robbed a bank.", 0, 0, 0, 0, 0,
         NULL},
    };

    FIXTURE_EACH(cases, check_one);
}

static void test_without_publication(void)
{
    sr_doc_t doc;
    sr_date_hit_t h[4];

    sr_doc_init(&doc);
    fixture_doc(&doc, "It happened on Tuesday, 28 April 2020, not in May.",
                0, 0, 0);
    /* only the explicit date resolves */
    CHECK_INT_EQ(sr_dates_find(&doc, 0, doc.ntok, h, 4), 1);
    CHECK_INT_EQ(h[0].year, 2020);
    fixture_done(&doc);
}

TEST_LIST = {{"weekdays", test_weekdays},
             {"months_and_periods", test_months_and_periods},
             {"explicit", test_explicit},
             {"not_dates", test_not_dates},
             {"without_publication", test_without_publication},
             {NULL, NULL}};
