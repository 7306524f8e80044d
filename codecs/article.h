/* article.h - an input article (contract 3.1) and its decoder.
 *
 * A Kafka message value is a JSON object {"id","url","source","title",
 * "published_at","language","body"} or with "html" instead of "body"; a
 * value that is not a JSON object is taken as a plain-text body. Every
 * string is owned by the article. The decoder validates UTF-8, enforces
 * the limits, and turns "html" into paragraphs of plain text separated by
 * blank lines. Missing id / published_at stay NULL / has_published = 0:
 * the shell fills them from Kafka metadata (sr_article_set_defaults).
 */
#ifndef SR_CODECS_ARTICLE_H
#define SR_CODECS_ARTICLE_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

typedef struct sr_article_limits_s {
    size_t max_bytes;      /* whole message */
    size_t max_paragraphs; /* after splitting the body */
} sr_article_limits_t;

typedef struct sr_article_s {
    char *id;           /* or NULL when absent */
    char *url;          /* optional fields: NULL when absent */
    char *source;
    char *title;
    char *language;
    char *published_at; /* as given (RFC 3339 or YYYY-MM-DD), or NULL */
    int has_published;  /* 1 when published_at parsed */
    int pub_year, pub_month, pub_day; /* the publication date (UTC) */
    char *body;         /* plain text; paragraphs separated by "\n\n" */
    size_t body_len;
    int from_html;      /* 1 when the body came from "html" */
    int was_json;       /* 0 when the value was taken as plain text */
} sr_article_t;

void sr_article_init(sr_article_t *art);
void sr_article_clear(sr_article_t *art);

/* Decodes one message value. On failure art is cleared and errstr says
 * why: SR_ERR_TOO_LARGE (over max_bytes / max_paragraphs), SR_ERR_INVALID
 * (invalid UTF-8 or a NUL byte, with the byte offset; JSON that does not
 * parse or nests deeper than 64 levels; a field of the wrong type, named;
 * JSON without body/html; unparseable published_at; control bytes in a
 * plain-text value), SR_ERR_EMPTY (body empty after trimming).
 * A value whose first non-blank byte is '{' is JSON; anything else is
 * plain text. Fields may be null; empty strings count as absent. "body"
 * wins over "html" when both are given. The body is normalised: line
 * ends become "
", lines are trimmed (ASCII blanks and U+00A0), runs of
 * blank lines become one, so paragraphs are joined by exactly "

".
 * A limit of 0 means no limit. */
sr_err_t sr_article_decode(const char *payload, size_t len,
                           const sr_article_limits_t *lim, sr_article_t *art,
                           char *errstr, size_t errstr_size);

/* Fills a missing id with default_id and a missing publication date from
 * timestamp_ms (milliseconds since the epoch, e.g. the Kafka message
 * timestamp; ignored if < 0): published_at becomes that instant as
 * "YYYY-MM-DDTHH:MM:SSZ" and pub_year/month/day its UTC date. */
void sr_article_set_defaults(sr_article_t *art, const char *default_id,
                             int64_t timestamp_ms);

/* Parses "YYYY-MM-DD" or an RFC 3339 timestamp into a UTC date (the
 * offset applied). Also accepted: no seconds, "+HHMM" / "+HH" offsets, no
 * zone (taken as UTC). Returns SR_OK or SR_ERR_INVALID. */
sr_err_t sr_parse_date(const char *s, int *year, int *month, int *day);

#endif
