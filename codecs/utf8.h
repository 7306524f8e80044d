/* utf8.h - strict UTF-8 validation and encoding.
 *
 * "Strict" follows RFC 3629: no overlong forms, no surrogates (U+D800 to
 * U+DFFF), nothing above U+10FFFF. Pure functions, thread-safe.
 */
#ifndef SR_CODECS_UTF8_H
#define SR_CODECS_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length in bytes of the valid UTF-8 sequence starting at s (at most n
 * bytes are read), or 0 if the bytes there are not valid UTF-8. */
size_t sr_utf8_seq_len(const unsigned char *s, size_t n);

/* Returns 1 if the n bytes at s are valid UTF-8, else 0 with the offset of
 * the first bad byte in *bad_offset (when not NULL). */
int sr_utf8_valid(const char *s, size_t n, size_t *bad_offset);

/* Encodes code point cp (invalid ones become U+FFFD) into out (4 bytes
 * at least). Returns the number of bytes written. */
size_t sr_utf8_encode(uint32_t cp, char *out);

#endif
