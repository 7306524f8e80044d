/* coded.h - a coder's own note on an event's toll (internal to the
 * extractor).
 *
 * ACLED ends a note with how it coded the fatalities when the reports
 * disagree or say nothing exact: "Fatalities coded as 0 (VoJ reported
 * 8).", "Unknown number of fatalities coded as 10.", "Fatalities split
 * across two events, 50 coded for each.", "Total fatalities divided
 * equally across three events." Such a note is the dataset's answer for
 * the note's own event, whatever figures the text reports before it.
 */
#ifndef SR_EXTRACT_CODED_H
#define SR_EXTRACT_CODED_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

typedef struct sr_coded_toll_s {
    int set;         /* "coded as N": count holds N */
    int64_t count;
    int64_t divide;  /* "divided ... across N events": N; else 0 */
    size_t tb, te;   /* tokens of the note, when set or divide */
} sr_coded_toll_t;

/* The article's coder's note on fatalities, if any: its last "coded as
 * N" (a note that splits a toll ends with the share), else its first
 * "divided across N events". */
void sr_coded_toll_find(const sr_doc_t *doc, sr_coded_toll_t *out);

#endif
