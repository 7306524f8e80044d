/* html.h - HTML to plain-text paragraphs, for article bodies.
 *
 * Not a full HTML5 parser: a tolerant tokenizer good enough for news
 * pages. The contents of script, style, noscript, template, svg and head
 * are dropped, as are comments, doctypes and processing instructions.
 * Entities are decoded (the common named ones and every numeric form).
 * Block elements (p, div, br, li, h1-h6, tr, blockquote, section,
 * article, ...) end a paragraph; whitespace runs collapse to one space.
 * Thread-safe.
 */
#ifndef SR_CODECS_HTML_H
#define SR_CODECS_HTML_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

/* Appends the text of the n bytes of html to out, paragraphs separated
 * by "\n\n", no leading or trailing blanks. SR_ERR_TOO_LARGE when out's
 * limit is reached. The input must be valid UTF-8 without NUL bytes. */
sr_err_t sr_html_to_text(const char *html, size_t n, sr_buf_t *out,
                         char *errstr, size_t errstr_size);

#endif
