/* utf8.c - strict UTF-8 validation and encoding. */
#include "utf8.h"

#include <string.h>

size_t sr_utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned char c;

    if (n == 0) {
        return 0;
    }
    c = s[0];
    if (c < 0x80) {
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        return (n >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        /* E0 needs A0..BF (no overlongs), ED needs 80..9F (no
         * surrogates). */
        unsigned char lo = (c == 0xE0) ? 0xA0 : 0x80;
        unsigned char hi = (c == 0xED) ? 0x9F : 0xBF;

        if (n < 3 || s[1] < lo || s[1] > hi || (s[2] & 0xC0) != 0x80) {
            return 0;
        }
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        /* F0 needs 90..BF (no overlongs), F4 needs 80..8F (<= U+10FFFF). */
        unsigned char lo = (c == 0xF0) ? 0x90 : 0x80;
        unsigned char hi = (c == 0xF4) ? 0x8F : 0xBF;

        if (n < 4 || s[1] < lo || s[1] > hi || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80) {
            return 0;
        }
        return 4;
    }
    return 0;
}

int sr_utf8_valid(const char *s, size_t n, size_t *bad_offset)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;

    while (i < n) {
        size_t k;
        uint64_t w;

        /* ASCII, the bulk of most text, eight bytes at a time */
        if (i + 8 <= n &&
            (memcpy(&w, p + i, 8), (w & 0x8080808080808080ull) == 0)) {
            i += 8;
            continue;
        }
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        k = sr_utf8_seq_len(p + i, n - i);
        if (k == 0) {
            if (bad_offset != NULL) {
                *bad_offset = i;
            }
            return 0;
        }
        i += k;
    }
    return 1;
}

size_t sr_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;

    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        cp = 0xFFFD;
    }
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}
