/* test_dedup.c - repeated-paragraph removal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "dedup.h"
#include "xmalloc.h"

/* Runs dedup over body; returns the new body (caller frees). */
static char *dedup_body(const char *body, size_t max_paragraphs, int *removed,
                        sr_err_t *rc)
{
    sr_dedup_t *dd = sr_dedup_new(max_paragraphs);
    sr_article_t art;
    char err[256];

    memset(&art, 0, sizeof(art));
    art.body = sr_xstrdup(body);
    art.body_len = strlen(body);
    *removed = -1;
    *rc = sr_dedup_article(dd, &art, removed, err, sizeof(err));
    sr_dedup_destroy(dd);
    return art.body;
}

static void test_exact_repeats_removed(void)
{
    int removed;
    sr_err_t rc;
    char *out = dedup_body("One.\n\nTwo.\n\nOne.\n\nThree.\n\nTwo.\n", 100,
                           &removed, &rc);

    CHECK(rc == SR_OK);
    CHECK_INT_EQ(removed, 2);
    CHECK_STR_EQ(out, "One.\n\nTwo.\n\nThree.");
    free(out);
}

static void test_normalisation(void)
{
    int removed;
    sr_err_t rc;
    /* Case, whitespace runs, trailing blanks, a non-breaking space and a
     * full-width letter (NFKC) do not make a paragraph new. */
    char *out = dedup_body("The attack  happened.\n\n"
                           "the attack\xc2\xa0happened.  \n\n"
                           "THE ATTACK\thappened.\n\n"
                           "\xef\xbc\xb4he attack happened.\n\n"
                           "The attack happened!",
                           100, &removed, &rc);

    CHECK(rc == SR_OK);
    CHECK_INT_EQ(removed, 3);
    CHECK_STR_EQ(out, "The attack  happened.\n\nThe attack happened!");
    free(out);
}

static void test_multiline_paragraphs_and_blank_lines(void)
{
    int removed;
    sr_err_t rc;
    char *out = dedup_body("\n\n  \nLine a\nline b\n \t \nLine a\nline b\n\n\n"
                           "Line a\n\nline b\n",
                           100, &removed, &rc);

    CHECK(rc == SR_OK);
    CHECK_INT_EQ(removed, 1);
    CHECK_STR_EQ(out, "Line a\nline b\n\nLine a\n\nline b");
    free(out);
}

static void test_paragraph_cap(void)
{
    int removed;
    sr_err_t rc;
    char *out = dedup_body("a\n\nb\n\nc\n\nd", 3, &removed, &rc);

    CHECK(rc == SR_ERR_TOO_LARGE);
    free(out);
}

static void test_invalid_utf8(void)
{
    int removed;
    sr_err_t rc;
    char *out = dedup_body("ok\n\nbad \xff\xfe here", 10, &removed, &rc);

    CHECK(rc == SR_ERR_INVALID);
    free(out);
}

static void test_empty_body(void)
{
    int removed;
    sr_err_t rc;
    char *out = dedup_body("", 10, &removed, &rc);

    CHECK(rc == SR_OK);
    CHECK_INT_EQ(removed, 0);
    CHECK_STR_EQ(out, "");
    free(out);
}

/* The seed article repeats six whole paragraphs. */
static void test_seed_article(void)
{
    const char *root = getenv("SR_ROOT");
    char path[1024];
    FILE *f;
    char *text;
    long n;
    int removed;
    sr_err_t rc;
    char *out;

    snprintf(path, sizeof(path), "%s/tests/fixtures/seed/article-inates.txt",
             root ? root : ".");
    f = fopen(path, "rb");
    CHECK(f != NULL);
    if (f == NULL) {
        return;
    }
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    text = sr_xmalloc((size_t)n + 1);
    CHECK(fread(text, 1, (size_t)n, f) == (size_t)n);
    text[n] = '\0';
    fclose(f);
    out = dedup_body(text, 1000, &removed, &rc);
    CHECK(rc == SR_OK);
    CHECK_INT_EQ(removed, 6);
    /* Each repeated paragraph survives exactly once. */
    CHECK(strstr(out, "Thirteen French soldiers") != NULL);
    CHECK(strstr(strstr(out, "Thirteen French soldiers") + 1,
                 "Thirteen French soldiers") == NULL);
    CHECK(strstr(out, "At least 53 soldiers died") != NULL);
    CHECK(strstr(strstr(out, "At least 53 soldiers died") + 1,
                 "At least 53 soldiers died") == NULL);
    free(out);
    free(text);
}

TEST_LIST = {
    {"exact_repeats_removed", test_exact_repeats_removed},
    {"normalisation", test_normalisation},
    {"multiline_paragraphs_and_blank_lines",
     test_multiline_paragraphs_and_blank_lines},
    {"paragraph_cap", test_paragraph_cap},
    {"invalid_utf8", test_invalid_utf8},
    {"empty_body", test_empty_body},
    {"seed_article", test_seed_article},
    {NULL, NULL},
};
