/* fuzz_geocoder.c - the geocoder's response parsers (worker/geo/
 * geocoder.c: Nominatim JSON, Photon and Pelias GeoJSON), the bytes a
 * remote server sends. The first byte picks the dialect and the country
 * filter; an answer must be well formed: a found place has coordinates on
 * the globe and an upper-case alpha-2 country in the filter, a failure
 * says why.
 */
#include <ctype.h>

#include "fuzz.h"
#include "geocoder.h"

typedef struct check_s {
    const char *cc;
    int calls;
} check_t;

static void on_answer(void *opaque, const sr_geocode_result_t *res)
{
    check_t *c = opaque;

    c->calls++;
    if (res->status == SR_GEOCODE_OK) {
        FUZZ_ASSERT(res->lat >= -90 && res->lat <= 90);
        FUZZ_ASSERT(res->lon >= -180 && res->lon <= 180);
        FUZZ_ASSERT(res->country_code == NULL ||
                    (strlen(res->country_code) == 2 &&
                     !islower((unsigned char)res->country_code[0]) &&
                     !islower((unsigned char)res->country_code[1])));
        FUZZ_ASSERT(c->cc == NULL || (res->country_code != NULL &&
                                      strcmp(res->country_code, c->cc) == 0));
    } else if (res->status == SR_GEOCODE_FAILED) {
        FUZZ_ASSERT(res->error != NULL && res->error[0] != '\0');
    } else {
        FUZZ_ASSERT(res->status == SR_GEOCODE_NOT_FOUND);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const dialects[] = {"nominatim", "photon", "pelias"};
    static const char *const filters[] = {NULL, "NE", "ML", "NG"};
    check_t c = {NULL, 0};
    char err[256];

    if (size < 1) {
        return 0;
    }
    c.cc = filters[(data[0] >> 2) % 4];
    FUZZ_ASSERT(sr_geocoder_parse_response(dialects[data[0] % 3],
                                           (const char *)data + 1, size - 1,
                                           c.cc, on_answer, &c, err,
                                           sizeof(err)) == SR_OK);
    FUZZ_ASSERT(c.calls == 1);
    return 0;
}
