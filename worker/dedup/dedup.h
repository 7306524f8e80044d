/* dedup.h - repeated-paragraph removal inside one article.
 *
 * Scraped pages repeat whole blocks (related-story boxes, pasted twice
 * bodies). A paragraph whose normalised text (Unicode NFKC, case-folded,
 * whitespace runs collapsed, surrounding blanks trimmed) equals an earlier
 * paragraph of the same article is dropped before extraction. Paragraphs
 * are separated by blank lines. Single-threaded per handle.
 */
#ifndef SR_DEDUP_DEDUP_H
#define SR_DEDUP_DEDUP_H

#include <stddef.h>

#include "article.h"
#include "err.h"

typedef struct sr_dedup_s sr_dedup_t;

/* max_paragraphs caps the work per article (more is SR_ERR_TOO_LARGE).
 * Never NULL. */
sr_dedup_t *sr_dedup_new(size_t max_paragraphs);
/* NULL-safe. */
void sr_dedup_destroy(sr_dedup_t *dd);

/* Rewrites art->body without repeated paragraphs; the kept paragraphs are
 * trimmed and joined by "\n\n". *removed gets the number dropped. */
sr_err_t sr_dedup_article(sr_dedup_t *dd, sr_article_t *art, int *removed,
                          char *errstr, size_t errstr_size);

#endif
