/* fuzz_html.c - the HTML-to-text codec (codecs/html.c) on what the
 * article decoder hands it: valid UTF-8 without NUL bytes. Its text feeds
 * every later stage as a C string, so it must stay valid UTF-8 without
 * NUL (entities such as &#0; or &#xD800; included) and without blanks at
 * either end.
 */
#include "buf.h"
#include "fuzz.h"
#include "html.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *html = (const char *)data;
    sr_buf_t out;
    char err[512] = "";

    if (!sr_utf8_valid(html, size, NULL) || memchr(html, '\0', size)) {
        return 0;
    }
    /* a small cap: the too-large path is reached too */
    sr_buf_init(&out, 1 << 15);
    if (sr_html_to_text(html, size, &out, err, sizeof(err)) == SR_OK) {
        const char *s = sr_buf_str(&out);

        FUZZ_ASSERT(strlen(s) == out.len);
        FUZZ_ASSERT(sr_utf8_valid(s, out.len, NULL));
        FUZZ_ASSERT(out.len == 0 ||
                    (strchr(" \t\n", s[0]) == NULL &&
                     strchr(" \t\n", s[out.len - 1]) == NULL));
    } else {
        FUZZ_ASSERT(err[0] != '\0');
    }
    sr_buf_clear(&out);
    return 0;
}
