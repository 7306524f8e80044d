/* check.h - a minimal unit-test harness (acutest shape).
 *
 * A test file defines void functions and a table:
 *
 *     static void test_split(void) { CHECK(x == 1); CHECK_STR_EQ(a, b); }
 *     TEST_LIST = { {"split", test_split}, {NULL, NULL} };
 *
 * and includes this header once. main() runs every test (or those whose
 * name contains argv[1]) and prints one TAP-like line per test:
 * "ok - <binary>: <name>" or "not ok - ...", with the failed checks on
 * stderr. Exit status 1 if any test failed.
 */
#ifndef SR_TESTS_CHECK_H
#define SR_TESTS_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct sr_test_s {
    const char *name;
    void (*fn)(void);
} sr_test_t;

static int sr_check_failures;

static void sr_check_fail(const char *file, int line, const char *what)
{
    fprintf(stderr, "    %s:%d: check failed: %s\n", file, line, what);
    sr_check_failures++;
}

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (!(cond)) {                                                       \
            sr_check_fail(__FILE__, __LINE__, #cond);                        \
        }                                                                    \
    } while (0)

#define CHECK_INT_EQ(a, b)                                                   \
    do {                                                                     \
        long long sr_a_ = (long long)(a), sr_b_ = (long long)(b);            \
        if (sr_a_ != sr_b_) {                                                \
            char sr_m_[256];                                                 \
            snprintf(sr_m_, sizeof(sr_m_), "%s == %s (%lld != %lld)", #a,    \
                     #b, sr_a_, sr_b_);                                      \
            sr_check_fail(__FILE__, __LINE__, sr_m_);                        \
        }                                                                    \
    } while (0)

#define CHECK_STR_EQ(a, b)                                                   \
    do {                                                                     \
        const char *sr_a_ = (a), *sr_b_ = (b);                               \
        if (sr_a_ == NULL || sr_b_ == NULL || strcmp(sr_a_, sr_b_) != 0) {   \
            char sr_m_[2200];                                                \
            snprintf(sr_m_, sizeof(sr_m_), "%s == %s (\"%s\" != \"%s\")",    \
                     #a, #b, sr_a_ ? sr_a_ : "(null)",                       \
                     sr_b_ ? sr_b_ : "(null)");                              \
            sr_check_fail(__FILE__, __LINE__, sr_m_);                        \
        }                                                                    \
    } while (0)

#define CHECK_DBL_NEAR(a, b, eps)                                            \
    do {                                                                     \
        double sr_a_ = (a), sr_b_ = (b);                                     \
        if (!(sr_a_ - sr_b_ <= (eps) && sr_b_ - sr_a_ <= (eps))) {           \
            char sr_m_[256];                                                 \
            snprintf(sr_m_, sizeof(sr_m_), "%s ~ %s (%g vs %g)", #a, #b,     \
                     sr_a_, sr_b_);                                          \
            sr_check_fail(__FILE__, __LINE__, sr_m_);                        \
        }                                                                    \
    } while (0)

#define TEST_LIST const sr_test_t sr_tests[]
extern const sr_test_t sr_tests[];

int main(int argc, char **argv)
{
    const char *prog = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1
                                             : argv[0];
    int failed = 0;

    for (const sr_test_t *t = sr_tests; t->name != NULL; t++) {
        int before = sr_check_failures;

        if (argc > 1 && strstr(t->name, argv[1]) == NULL) {
            continue;
        }
        t->fn();
        if (sr_check_failures == before) {
            printf("ok - %s: %s\n", prog, t->name);
        } else {
            printf("not ok - %s: %s\n", prog, t->name);
            failed++;
        }
        fflush(stdout);
    }
    return failed ? 1 : 0;
}

#endif
