/* fuzz_article.c - the article decoder (codecs/article.c): any Kafka
 * message value, JSON with body or html, or plain text. A decoded article
 * must keep the contract's promises (valid UTF-8 body without NUL or CR,
 * paragraphs joined by exactly one blank line); a refused one must say why.
 */
#include "article.h"
#include "fuzz.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* small limits, so the too-large paths are reached too */
    sr_article_limits_t lim = {1 << 16, 64};
    sr_article_t art;
    char err[512] = "";
    sr_err_t rc;

    sr_article_init(&art);
    rc = sr_article_decode((const char *)data, size, &lim, &art, err,
                           sizeof(err));
    if (rc != SR_OK) {
        FUZZ_ASSERT(err[0] != '\0');
        FUZZ_ASSERT(art.body == NULL);
    } else {
        FUZZ_ASSERT(art.body != NULL && art.body_len > 0);
        FUZZ_ASSERT(strlen(art.body) == art.body_len);
        FUZZ_ASSERT(sr_utf8_valid(art.body, art.body_len, NULL));
        FUZZ_ASSERT(strchr(art.body, '\r') == NULL);
        FUZZ_ASSERT(strstr(art.body, "\n\n\n") == NULL);
        FUZZ_ASSERT(!art.has_published ||
                    (art.pub_month >= 1 && art.pub_month <= 12 &&
                     art.pub_day >= 1 && art.pub_day <= 31));
        sr_article_set_defaults(&art, "fuzz/0", 1700000000000LL);
        FUZZ_ASSERT(art.id != NULL && art.has_published);
    }
    sr_article_clear(&art);
    return 0;
}
