/* fuzz.h - what the libFuzzer targets (fuzz_*.c) share with the replay
 * driver (replay.c).
 *
 * Each target defines LLVMFuzzerTestOneInput() and nothing else that is
 * global: `make fuzz` links it with clang's libFuzzer, the normal build
 * with replay.c, which feeds it the saved corpus. A target aborts on a
 * broken invariant (libFuzzer and the replay both report an abort), and
 * keeps whatever it loads once in statics, so the leak checkers see only
 * what one input leaks.
 */
#ifndef SR_TESTS_FUZZ_H
#define SR_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef SR_FUZZ_ROOT
#define SR_FUZZ_ROOT "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The source tree, for fixtures: $SR_ROOT, else where it was built. */
static inline const char *fuzz_root(void)
{
    const char *r = getenv("SR_ROOT");

    return r != NULL && r[0] != '\0' ? r : SR_FUZZ_ROOT;
}

/* A NUL-terminated copy of the input, for the APIs that take strings. */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);

    if (s == NULL) {
        abort();
    }
    if (size > 0) {
        memcpy(s, data, size);
    }
    s[size] = '\0';
    return s;
}

/* A broken invariant: says which, then aborts (a crash to both drivers). */
#define FUZZ_ASSERT(cond)                                                    \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__,       \
                    __LINE__, #cond);                                        \
            abort();                                                         \
        }                                                                    \
    } while (0)

#endif
