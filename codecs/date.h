/* date.h - proleptic Gregorian calendar arithmetic (UTC, no time zones).
 *
 * Days are counted from 1970-01-01 (day 0), as Avro's "date" logical type
 * does. Pure functions, thread-safe.
 */
#ifndef SR_CODECS_DATE_H
#define SR_CODECS_DATE_H

#include <stdint.h>

/* 1 if y-m-d is a real calendar date (years 0..9999). */
int sr_date_valid(int y, int m, int d);
/* Days since 1970-01-01 of a valid date (negative before it). */
int64_t sr_days_from_civil(int y, int m, int d);
/* The date of a day number. */
void sr_civil_from_days(int64_t days, int *y, int *m, int *d);

#endif
