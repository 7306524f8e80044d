/* test_dedup.c - repeated-paragraph removal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

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

/* The definition of the normal form, spelled out the slow way: utf8proc
 * over the whole paragraph, then whitespace runs collapsed and trimmed. */
static char *reference_norm(const char *p)
{
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t n = utf8proc_map(
        (const utf8proc_uint8_t *)p, (utf8proc_ssize_t)strlen(p), &m,
        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
            UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
    char *out;
    size_t w = 0;
    int in_space = 1;

    if (n < 0) {
        return NULL;
    }
    out = sr_xmalloc((size_t)n + 1);
    for (utf8proc_ssize_t r = 0; r < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(m + r, n - r, &cp);

        if (cp == ' ' || (cp >= '\t' && cp <= '\r') ||
            utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS) {
            if (!in_space) {
                out[w++] = ' ';
            }
            in_space = 1;
        } else {
            memcpy(out + w, m + r, (size_t)k);
            w += (size_t)k;
            in_space = 0;
        }
        r += k;
    }
    if (w > 0 && out[w - 1] == ' ') {
        w--;
    }
    out[w] = '\0';
    free(m);
    return out;
}

static uint64_t xorshift(uint64_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return *state;
}

typedef const char *const piece_class_t[6];

/* Pairs of paragraphs of min..max pieces: the first takes a random member
 * of a random class for each piece, the second another member of the same
 * class (a random class one time in swap_one_in). The second is dropped
 * exactly when the two have the same reference normal form; equal and
 * different count the pairs of each kind. */
static void random_pairs(const piece_class_t *classes, size_t nclasses,
                         int min, int max, unsigned swap_one_in,
                         int iterations, uint64_t seed, int *equal,
                         int *different)
{
    uint64_t rng = seed;

    for (int iter = 0; iter < iterations; iter++) {
        char para[2][600];
        size_t cls[100], len[2] = {0, 0};
        char body[1210];
        char *ref[2];
        int count, removed, blank = 0, same;
        sr_err_t rc;
        char *out;

        count = min + (int)(xorshift(&rng) % (uint64_t)(max - min + 1));
        for (int j = 0; j < count; j++) {
            cls[j] = xorshift(&rng) % nclasses;
        }
        for (int k = 0; k < 2; k++) {
            para[k][0] = '\0';
            for (int j = 0; j < count; j++) {
                size_t c = k == 1 && xorshift(&rng) % swap_one_in == 0
                               ? xorshift(&rng) % nclasses
                               : cls[j];
                size_t m = 0;
                const char *piece;

                while (m < 6 && classes[c][m] != NULL) {
                    m++;
                }
                piece = classes[c][xorshift(&rng) % m];
                memcpy(para[k] + len[k], piece, strlen(piece) + 1);
                len[k] += strlen(piece);
            }
            blank |= strspn(para[k], " \t\v\f\r") == len[k];
        }
        if (blank) {
            continue; /* a blank paragraph is no paragraph */
        }
        snprintf(body, sizeof(body), "%s\n\n%s", para[0], para[1]);
        ref[0] = reference_norm(para[0]);
        ref[1] = reference_norm(para[1]);
        same = strcmp(ref[0], ref[1]) == 0;
        out = dedup_body(body, 10, &removed, &rc);
        CHECK(rc == SR_OK);
        CHECK_INT_EQ(removed, same);
        *equal += same;
        *different += !same;
        if (rc != SR_OK || removed != same) {
            fprintf(stderr, "    paragraphs '%s' and '%s'\n", para[0],
                    para[1]);
            iter = iterations; /* one report is enough */
        }
        free(ref[0]);
        free(ref[1]);
        free(out);
    }
}

/* Short paragraphs of pieces that fold, compose or collapse into one
 * another: combining marks after ASCII letters, at a paragraph start and
 * after non-ASCII letters, compatibility forms, case folds that change
 * length, Hangul composition, ignorables and Unicode spaces. */
static void test_normal_form_matches_reference(void)
{
    static piece_class_t classes[] = {
        {"a", "A", NULL},
        {"e", "E", "\xc3\xa8", NULL},
        {"\xc3\xa9", "\xc3\x89", "e\xcc\x81", "E\xcc\x81", NULL},
        {"\xcc\x81", "\xcc\xa3", "\xcc\xa3\xcc\x81", "\xcc\x81\xcc\xa3", NULL},
        {"ss", "\xc3\x9f", "\xe1\xba\x9e", "SS", NULL},
        {"fi", "\xef\xac\x81", "FI", NULL},
        {"t", "\xef\xbc\xb4", "T", NULL},
        {" ", "  ", "\xc2\xa0", "\xe2\x80\x83", "\t", NULL},
        {"\xc2\xad", "\xe2\x80\x8b", "", NULL},
        {"\xe2\x80\x99", "'", NULL},
        {"\xe2\x84\xab", "\xc3\x85", "\xc3\xa5", "A\xcc\x8a", NULL},
        {"1", "\xc2\xb9", NULL},
        {"\xe2\x91\xb4", "(1)", NULL},
        {"\xe1\x84\x80\xe1\x85\xa1", "\xea\xb0\x80", "\xe1\x84\x80", NULL},
    };
    int equal = 0, different = 0;

    random_pairs(classes, sizeof(classes) / sizeof(classes[0]), 1, 4, 8,
                 20000, 88172645463325252ull, &equal, &different);
    CHECK(equal > 5000);
    CHECK(different > 5000);
}

/* Long ASCII paragraphs, where folding goes eight bytes at a time: runs
 * of mixed whitespace at every alignment, capitals, and the bytes around
 * 'A'..'Z' and '\t'..'\r' ('@', '[', '`', '{', '\b', '\x0e'). */
static void test_long_ascii_matches_reference(void)
{
    static piece_class_t classes[] = {
        {"a", "A", NULL},
        {"zz", "ZZ", "zZ", NULL},
        {"q", "Q", NULL},
        {"@", NULL},
        {"[", NULL},
        {"`", NULL},
        {"{", NULL},
        {"9", NULL},
        {"\b", NULL},
        {"\x0e", NULL},
        {" ", "  ", "\t", " \v", "\f", "\t "},
        {" ", "\v\v", " \f ", "\r", " \r\t", NULL},
    };
    int equal = 0, different = 0;

    random_pairs(classes, sizeof(classes) / sizeof(classes[0]), 10, 80, 40,
                 5000, 0x9E3779B97F4A7C15ull, &equal, &different);
    CHECK(equal > 1000);
    CHECK(different > 500);
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
    {"normal_form_matches_reference", test_normal_form_matches_reference},
    {"long_ascii_matches_reference", test_long_ascii_matches_reference},
    {NULL, NULL},
};
