/* test_extract_numbers.c - numbers in digits and words, qualifiers. */
#include <stdio.h>

#include "check.h"
#include "extract_fixture.h"
#include "numbers.h"

/* Parses the count at the start of text. */
static size_t count_of(const char *text, sr_qcount_t *c)
{
    sr_doc_t doc;
    size_t n;

    sr_doc_init(&doc);
    fixture_doc(&doc, text, 0, 0, 0);
    memset(c, 0, sizeof(*c));
    n = sr_count_at(&doc, 0, doc.ntok, c);
    fixture_done(&doc);
    return n;
}

#define CHECK_COUNT(text, b_, l_, h_, q_)                                    \
    do {                                                                     \
        sr_qcount_t c_;                                                      \
        CHECK(count_of(text, &c_) > 0);                                      \
        CHECK_INT_EQ(c_.best, b_);                                           \
        CHECK_INT_EQ(c_.low, l_);                                            \
        CHECK_INT_EQ(c_.high, h_);                                           \
        CHECK_INT_EQ(c_.qual, q_);                                           \
    } while (0)

static void test_digits_and_words(void)
{
    CHECK_COUNT("53 soldiers", 53, 53, 53, SR_QUAL_EXACT);
    CHECK_COUNT("1,200 people", 1200, 1200, 1200, SR_QUAL_EXACT);
    CHECK_COUNT("thirteen soldiers", 13, 13, 13, SR_QUAL_EXACT);
    CHECK_COUNT("Twenty-one people", 21, 21, 21, SR_QUAL_EXACT);
    CHECK_COUNT("twenty one people", 21, 21, 21, SR_QUAL_EXACT);
    CHECK_COUNT("two hundred and fifty people", 250, 250, 250,
                SR_QUAL_EXACT);
    /* without "and", as American usage writes it */
    CHECK_COUNT("one hundred sixty-eight people", 168, 168, 168,
                SR_QUAL_EXACT);
    CHECK_COUNT("three hundred people", 300, 300, 300, SR_QUAL_EXACT);
    CHECK_COUNT("a dozen people", 12, 12, 12, SR_QUAL_EXACT);
    CHECK_COUNT("two dozen people", 24, 24, 24, SR_QUAL_EXACT);
    CHECK_COUNT("half a dozen people", 6, 6, 6, SR_QUAL_EXACT);
    CHECK_COUNT("2.5 million people", 2500000, 2500000, 2500000,
                SR_QUAL_EXACT);
    CHECK_COUNT("one soldier", 1, 1, 1, SR_QUAL_EXACT);
}

static void test_qualifiers(void)
{
    CHECK_COUNT("at least 53 soldiers", 53, 53, SR_COUNT_NONE,
                SR_QUAL_AT_LEAST);
    CHECK_COUNT("more than 20 people", 20, 20, SR_COUNT_NONE,
                SR_QUAL_AT_LEAST);
    CHECK_COUNT("up to 40 people", 40, SR_COUNT_NONE, 40, SR_QUAL_AT_MOST);
    CHECK_COUNT("nearly 100 people", 100, SR_COUNT_NONE, 100,
                SR_QUAL_AT_MOST);
    CHECK_COUNT("about a dozen others", 12, SR_COUNT_NONE, SR_COUNT_NONE,
                SR_QUAL_APPROXIMATE);
    CHECK_COUNT("some 30 villagers", 30, SR_COUNT_NONE, SR_COUNT_NONE,
                SR_QUAL_APPROXIMATE);
    CHECK_COUNT("between 10 and 15 people", 10, 10, 15, SR_QUAL_RANGE);
    CHECK_COUNT("10 to 15 people", 10, 10, 15, SR_QUAL_RANGE);
    CHECK_COUNT("10-15 people", 10, 10, 15, SR_QUAL_RANGE);
    CHECK_COUNT("0 people", 0, 0, 0, SR_QUAL_ZERO);
}

static void test_vague(void)
{
    /* ACLED: dozens = 12, hundreds = 100 */
    CHECK_COUNT("dozens of people", 12, 12, SR_COUNT_NONE,
                SR_QUAL_VAGUE_WORD);
    CHECK_COUNT("hundreds of people", 100, 100, SR_COUNT_NONE,
                SR_QUAL_VAGUE_WORD);
    CHECK_COUNT("several hundred militants", 100, 100, SR_COUNT_NONE,
                SR_QUAL_VAGUE_WORD);
    CHECK_COUNT("several soldiers", SR_COUNT_NONE, 1, SR_COUNT_NONE,
                SR_QUAL_NONZERO_UNKNOWN);
    CHECK_COUNT("many civilians", SR_COUNT_NONE, 1, SR_COUNT_NONE,
                SR_QUAL_NONZERO_UNKNOWN);
}

static void test_not_counts(void)
{
    sr_qcount_t c;

    CHECK_INT_EQ(count_of("2019 was", &c), 0);      /* a year */
    CHECK_INT_EQ(count_of("28th of April", &c), 0); /* an ordinal */
    CHECK_INT_EQ(count_of("a soldier", &c), 0);     /* an article */
    CHECK_INT_EQ(count_of("between friends", &c), 0);
    CHECK_INT_EQ(count_of("the soldiers", &c), 0);
    CHECK_INT_EQ(count_of(", 5", &c), 0);
    CHECK_INT_EQ(count_of("", &c), 0);
}

TEST_LIST = {{"digits_and_words", test_digits_and_words},
             {"qualifiers", test_qualifiers},
             {"vague", test_vague},
             {"not_counts", test_not_counts},
             {NULL, NULL}};
