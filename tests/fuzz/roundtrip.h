/* roundtrip.h - the check the Avro and pipeline targets share: an
 * incident prints as JSON, encodes as an Avro frame, and that frame
 * decodes to the same JSON (nothing lost or changed on the way out).
 */
#ifndef SR_TESTS_FUZZ_ROUNDTRIP_H
#define SR_TESTS_FUZZ_ROUNDTRIP_H

#include "buf.h"
#include "fuzz.h"
#include "incident_avro.h"
#include "incident_json.h"

static void fuzz_check_round_trip(sr_avro_codec_t *codec,
                                  const sr_incident_t *inc)
{
    sr_buf_t json, again, frame;
    sr_incident_t back;
    char err[512];

    sr_buf_init(&json, 0);
    sr_buf_init(&again, 0);
    sr_buf_init(&frame, 0);
    sr_incident_init(&back);
    FUZZ_ASSERT(sr_incident_to_json(inc, &json, err, sizeof(err)) == SR_OK);
    FUZZ_ASSERT(sr_avro_encode(codec, inc, &frame, err, sizeof(err)) ==
                SR_OK);
    FUZZ_ASSERT(sr_avro_decode(codec, frame.data, frame.len, &back, err,
                               sizeof(err)) == SR_OK);
    FUZZ_ASSERT(sr_incident_to_json(&back, &again, err, sizeof(err)) ==
                SR_OK);
    if (json.len != again.len || memcmp(json.data, again.data, json.len)) {
        fprintf(stderr, "json: %s\navro: %s\n", sr_buf_str(&json),
                sr_buf_str(&again));
        FUZZ_ASSERT(!"the Avro event decodes to the JSON event");
    }
    sr_incident_clear(&back);
    sr_buf_clear(&json);
    sr_buf_clear(&again);
    sr_buf_clear(&frame);
}

#endif
