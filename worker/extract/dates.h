/* dates.h - date phrases resolved against the publication date.
 *
 * Explicit dates ("28 April 2020", "April 28, 2020", "04/28/2020",
 * "2020-04-28", "in 2019") give EXPLICIT_ABSOLUTE. Relative phrases give
 * RELATIVE_TO_PUBLICATION: "on Tuesday" is the latest Tuesday on or
 * before publication ("last Tuesday" a week earlier if published on a
 * Tuesday), "yesterday", "N days ago", "last week" (WEEK), "last month"
 * and "in November" (the most recent November on or before publication;
 * MONTH), "last year", "earlier this year" (YEAR). Without a publication
 * date only explicit dates resolve. A year-less day and month in a
 * group's name ("the Revolutionary Organization 17 November") is none.
 */
#ifndef SR_EXTRACT_DATES_H
#define SR_EXTRACT_DATES_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "incident.h"

typedef struct sr_date_hit_s {
    int year, month, day; /* day 1 for MONTH, 1-1 for YEAR */
    sr_time_precision_t precision;
    sr_time_basis_t basis;
    int since;            /* "since 2015": a period, not one event */
    int earlier;          /* "earlier this year", "last month", "ago" */
    int vague_day;        /* a weekday or "yesterday": a day named loosely */
    size_t tb, te;        /* tokens, with a leading "on"/"in"/"last" */
} sr_date_hit_t;

/* Finds the date phrases of tokens [tb, te) of doc (which carries the
 * publication date). Writes up to max hits in text order, returns how many
 * were written. The date of a report ("As reported on 28 April, ...") is
 * left out when the sentence names another date of the event. */
size_t sr_dates_find(const sr_doc_t *doc, size_t tb, size_t te,
                     sr_date_hit_t *out, size_t max);

/* Days between the start of hit's period and publication (negative if
 * after it); 0 when the doc has no publication date. */
int64_t sr_date_age_days(const sr_doc_t *doc, const sr_date_hit_t *hit);

#endif
