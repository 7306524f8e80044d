/* fuzz_date.c - the publication date parser (sr_parse_date, "YYYY-MM-DD"
 * or RFC 3339 with any offset) and the calendar arithmetic of
 * codecs/date.c it relies on: a parsed date is a real date, and day
 * numbers round-trip.
 */
#include "article.h"
#include "date.h"
#include "fuzz.h"

static void round_trip(int y, int m, int d)
{
    int y2, m2, d2;

    sr_civil_from_days(sr_days_from_civil(y, m, d), &y2, &m2, &d2);
    FUZZ_ASSERT(y2 == y && m2 == m && d2 == d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_cstr(data, size);
    int y = 0, m = 0, d = 0;

    if (sr_parse_date(s, &y, &m, &d) == SR_OK) {
        FUZZ_ASSERT(sr_date_valid(y, m, d));
        round_trip(y, m, d);
    }
    /* the raw bytes as a date, for the arithmetic's whole range */
    if (size >= 3 * sizeof(int32_t)) {
        int32_t v[3];

        memcpy(v, data, sizeof(v));
        if (sr_date_valid(v[0], v[1], v[2])) {
            round_trip(v[0], v[1], v[2]);
        }
    }
    free(s);
    return 0;
}
