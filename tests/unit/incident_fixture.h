/* incident_fixture.h - incidents for the codec tests (JSON and Avro). */
#ifndef SR_TESTS_INCIDENT_FIXTURE_H
#define SR_TESTS_INCIDENT_FIXTURE_H

#include "incident.h"

/* Every field set, every optional value present, non-ASCII text. */
static void fixture_full(sr_incident_t *inc)
{
    sr_incident_init(inc);
    sr_incident_set_str(&inc->incident_id, "inc-0f3a9c");
    sr_incident_set_str(&inc->article_id, "articles/3/1042");
    sr_incident_set_str(&inc->article_url, "https://news.test/niger?a=1&b=\"2\"");
    sr_incident_set_str(&inc->published_at, "2019-12-12T08:30:00+01:00");
    inc->role = SR_ROLE_BACKGROUND;
    inc->category = SR_CAT_ARMED_ASSAULT;
    sr_incident_set_str(&inc->acled_event_type, "Battles");
    sr_incident_set_str(&inc->acled_sub_event_type, "Armed clash");
    sr_incident_set_str(&inc->gtd_attack_type, "Armed Assault");
    inc->factuality = SR_FACT_REPORTED_UNCONFIRMED;
    inc->time.has_date = 1;
    inc->time.year = 2019;
    inc->time.month = 12;
    inc->time.day = 10;
    inc->time.precision = SR_TPREC_DAY;
    inc->time.basis = SR_TBASIS_RELATIVE_TO_PUBLICATION;
    sr_incident_set_str(&inc->time.text, "on Tuesday");
    sr_incident_set_str(&inc->location.text, "in Inat\u00e8s");
    sr_incident_set_str(&inc->location.name, "Inat\u00e8s");
    sr_incident_set_str(&inc->location.country_code, "NE");
    sr_incident_set_str(&inc->location.country, "Niger");
    sr_incident_set_str(&inc->location.admin1, "Tillab\u00e9ri");
    inc->location.has_coords = 1;
    inc->location.lat = 15.1234567;
    inc->location.lon = -0.5;
    inc->location.precision = SR_GPREC_TOWN;
    sr_incident_set_str(&inc->location.source, "gazetteer");
    inc->location.confidence = 0.85;
    sr_incident_add_actor(inc, SR_AROLE_PERPETRATOR, "militants",
                          "Islamic State", "REBEL_ISLAMIST",
                          SR_CERT_SUSPECTED);
    sr_incident_add_actor(inc, SR_AROLE_TARGET, "soldiers\ttab", NULL, NULL,
                          SR_CERT_CONFIRMED);
    sr_count_set(&inc->casualties.killed, 71, 71, 71, SR_QUAL_EXACT,
                 "71 soldiers");
    sr_count_set(&inc->casualties.injured, 12, 10, 15, SR_QUAL_RANGE,
                 "10 to 15");
    sr_count_set(&inc->casualties.kidnapped, SR_COUNT_NONE, 1, SR_COUNT_NONE,
                 SR_QUAL_NONZERO_UNKNOWN, "some");
    sr_count_set(&inc->casualties.arrested, 0, 0, 0, SR_QUAL_ZERO, NULL);
    sr_count_set(&inc->casualties.missing, 30, 30, SR_COUNT_NONE,
                 SR_QUAL_AT_LEAST, "at least 30");
    sr_count_set(&inc->casualties.killed_perpetrators, 5000000000LL,
                 SR_COUNT_NONE, SR_COUNT_NONE, SR_QUAL_VAGUE_WORD, "dozens");
    inc->claim.status = SR_CLAIM_CLAIMED;
    sr_incident_set_str(&inc->claim.claimant, "Islamic State");
    sr_incident_add_evidence(inc, "time", 24, 34);
    sr_incident_add_evidence(inc, "casualties.killed", 0, 1LL << 40);
    inc->confidence = 0.6666;
    inc->paragraphs_removed = 3;
    sr_incident_set_str(&inc->extractor_version, "sitrep 0.1.0");
}

/* Only what the schema requires. */
static void fixture_minimal(sr_incident_t *inc)
{
    sr_incident_init(inc);
    sr_incident_set_str(&inc->incident_id, "i");
    sr_incident_set_str(&inc->article_id, "a");
    sr_incident_set_str(&inc->extractor_version, "v");
}

#endif
