/* incident.h - the incident record (contract 3.2), a transparent value type.
 *
 * One sr_incident_t is one incident extracted from one article. Every
 * string field is owned by the incident (allocated with sr_xstrdup/...),
 * NULL meaning "unknown" (JSON null). sr_incident_clear() frees them all.
 * Enum <-> name tables give the exact strings used in JSON and Avro; the
 * Avro enum symbols in codecs/schemas/incident.avsc are in the same order.
 *
 * Counts use SR_COUNT_NONE (-1) for an unknown best/low/high.
 */
#ifndef SR_CODECS_INCIDENT_H
#define SR_CODECS_INCIDENT_H

#include <stddef.h>
#include <stdint.h>

#define SR_COUNT_NONE (-1)

typedef enum sr_role_e {
    SR_ROLE_MAIN_EVENT = 0,
    SR_ROLE_BACKGROUND,
    SR_ROLE__COUNT
} sr_role_t;

typedef enum sr_category_e {
    SR_CAT_ARMED_CLASH = 0,
    SR_CAT_AIR_DRONE_STRIKE,
    SR_CAT_SHELLING_ARTILLERY_MISSILE,
    SR_CAT_REMOTE_EXPLOSIVE_IED,
    SR_CAT_SUICIDE_BOMBING,
    SR_CAT_GRENADE,
    SR_CAT_BOMBING_OTHER,
    SR_CAT_ARMED_ASSAULT,
    SR_CAT_ASSASSINATION,
    SR_CAT_KIDNAPPING,
    SR_CAT_HOSTAGE_BARRICADE,
    SR_CAT_HIJACKING,
    SR_CAT_FACILITY_ATTACK_ARSON,
    SR_CAT_UNARMED_ASSAULT,
    SR_CAT_SEXUAL_VIOLENCE,
    SR_CAT_CHEMICAL_BIO_RADNUC,
    SR_CAT_TERRITORY_TAKEN,
    SR_CAT_TERRITORY_REGAINED,
    SR_CAT_PROTEST_PEACEFUL,
    SR_CAT_PROTEST_WITH_INTERVENTION,
    SR_CAT_EXCESSIVE_FORCE_ON_PROTESTERS,
    SR_CAT_RIOT_VIOLENT_DEMONSTRATION,
    SR_CAT_MOB_VIOLENCE,
    SR_CAT_ARRESTS,
    SR_CAT_LOOTING_PROPERTY_DESTRUCTION,
    SR_CAT_DISRUPTED_WEAPONS_USE,
    SR_CAT_ACCIDENT,
    SR_CAT_THREAT,
    SR_CAT_OTHER,
    SR_CAT__COUNT
} sr_category_t;

typedef enum sr_factuality_e {
    SR_FACT_ASSERTED = 0,
    SR_FACT_REPORTED_UNCONFIRMED,
    SR_FACT_ALLEGED_OR_CLAIMED,
    SR_FACT_DENIED,
    SR_FACT_NEGATED,
    SR_FACT_HYPOTHETICAL,
    SR_FACT_PLANNED_OR_THREATENED,
    SR_FACT_FOILED,
    SR_FACT__COUNT
} sr_factuality_t;

typedef enum sr_time_precision_e {
    SR_TPREC_DAY = 0,
    SR_TPREC_WEEK,
    SR_TPREC_MONTH,
    SR_TPREC_YEAR,
    SR_TPREC_UNKNOWN,
    SR_TPREC__COUNT
} sr_time_precision_t;

typedef enum sr_time_basis_e {
    SR_TBASIS_EXPLICIT = 0,            /* "EXPLICIT_ABSOLUTE" */
    SR_TBASIS_RELATIVE_TO_PUBLICATION, /* "RELATIVE_TO_PUBLICATION" */
    SR_TBASIS_PUBLICATION_FALLBACK,    /* "PUBLICATION_FALLBACK" */
    SR_TBASIS_UNKNOWN,                 /* "UNKNOWN": no date at all */
    SR_TBASIS__COUNT
} sr_time_basis_t;

typedef enum sr_geo_precision_e {
    SR_GPREC_TOWN = 0,
    SR_GPREC_NEAR_TOWN,
    SR_GPREC_ADMIN2,
    SR_GPREC_ADMIN1,
    SR_GPREC_COUNTRY,
    SR_GPREC_UNKNOWN,
    SR_GPREC__COUNT
} sr_geo_precision_t;

typedef enum sr_actor_role_e {
    SR_AROLE_PERPETRATOR = 0,
    SR_AROLE_TARGET,
    SR_AROLE_CLAIMANT,
    SR_AROLE_SIDE_A,
    SR_AROLE_SIDE_B,
    SR_AROLE__COUNT
} sr_actor_role_t;

typedef enum sr_certainty_e {
    SR_CERT_CONFIRMED = 0,
    SR_CERT_CLAIMED,
    SR_CERT_SUSPECTED,
    SR_CERT_BLAMED_BY_OTHER,
    SR_CERT_UNKNOWN,
    SR_CERT__COUNT
} sr_certainty_t;

typedef enum sr_qualifier_e {
    SR_QUAL_EXACT = 0,
    SR_QUAL_AT_LEAST,
    SR_QUAL_AT_MOST,
    SR_QUAL_APPROXIMATE,
    SR_QUAL_RANGE,
    SR_QUAL_VAGUE_WORD,
    SR_QUAL_NONZERO_UNKNOWN,
    SR_QUAL_ZERO,
    SR_QUAL__COUNT
} sr_qualifier_t;

typedef enum sr_claim_status_e {
    SR_CLAIM_CLAIMED = 0,
    SR_CLAIM_NOT_CLAIMED,
    SR_CLAIM_DENIED,
    SR_CLAIM_COMPETING_CLAIMS,
    SR_CLAIM_UNKNOWN,
    SR_CLAIM__COUNT
} sr_claim_status_t;

typedef struct sr_event_time_s {
    int has_date; /* 0: date is null */
    int year, month, day; /* with precision MONTH the day is 1, YEAR 1-1 */
    sr_time_precision_t precision;
    sr_time_basis_t basis;
    char *text; /* the phrase, e.g. "on Tuesday", or NULL */
} sr_event_time_t;

typedef struct sr_location_s {
    char *text;         /* the phrase in the article, e.g. "in Inates" */
    char *name;         /* the place name, e.g. "Inates" */
    char *country_code; /* ISO 3166-1 alpha-2 */
    char *country;
    char *admin1;
    int has_coords;
    double lat, lon;
    sr_geo_precision_t precision;
    char *source;       /* "gazetteer", or "nominatim <url>" */
    double confidence;  /* 0..1 */
} sr_location_t;

typedef struct sr_actor_s {
    sr_actor_role_t role;
    char *text;       /* as written */
    char *canonical;  /* dictionary name, or NULL */
    char *actor_type; /* dictionary type, e.g. "REBEL_ISLAMIST", or NULL */
    sr_certainty_t certainty;
} sr_actor_t;

typedef struct sr_count_s {
    int present; /* 0: the whole count is null */
    int64_t best, low, high; /* SR_COUNT_NONE when unknown */
    sr_qualifier_t qualifier;
    char *text;
} sr_count_t;

typedef struct sr_casualties_s {
    sr_count_t killed;
    sr_count_t injured;
    sr_count_t kidnapped;
    sr_count_t arrested;
    sr_count_t missing;
    sr_count_t killed_perpetrators;
} sr_casualties_t;

typedef struct sr_claim_s {
    sr_claim_status_t status;
    char *claimant; /* canonical name, or NULL */
} sr_claim_t;

typedef struct sr_evidence_s {
    char *field;  /* e.g. "time", "location", "casualties.killed" */
    int64_t start, end; /* byte offsets into the deduplicated body */
} sr_evidence_t;

typedef struct sr_incident_s {
    char *incident_id;
    char *article_id;
    char *article_url;  /* or NULL */
    char *published_at; /* the article's, as YYYY-MM-DD or RFC 3339 */
    sr_role_t role;
    sr_category_t category;
    char *acled_event_type;     /* ACLED label or NULL */
    char *acled_sub_event_type; /* ACLED label or NULL */
    char *gtd_attack_type;      /* GTD label or NULL */
    sr_factuality_t factuality;
    sr_event_time_t time;
    sr_location_t location;
    sr_actor_t *actors;
    size_t actor_count, actor_cap;
    sr_casualties_t casualties;
    sr_claim_t claim;
    sr_evidence_t *evidence;
    size_t evidence_count, evidence_cap;
    double confidence;
    int32_t paragraphs_removed; /* repeated paragraphs dropped from the article */
    char *extractor_version;
} sr_incident_t;

/* A growable list of incidents; owns its elements. */
typedef struct sr_incident_list_s {
    sr_incident_t *items;
    size_t count, cap;
} sr_incident_list_t;

/* Zeroes inc and sets every enum to its "unknown" value and every count to
 * null. */
void sr_incident_init(sr_incident_t *inc);
/* Frees everything inc owns and re-initialises it. */
void sr_incident_clear(sr_incident_t *inc);
/* Appends an actor; copies text/canonical/actor_type (each may be NULL).
 * Returns the new actor. */
sr_actor_t *sr_incident_add_actor(sr_incident_t *inc, sr_actor_role_t role,
                                  const char *text, const char *canonical,
                                  const char *actor_type,
                                  sr_certainty_t certainty);
/* Appends an evidence span for field (copied). */
void sr_incident_add_evidence(sr_incident_t *inc, const char *field,
                              int64_t start, int64_t end);
/* Replaces *slot with a copy of value (NULL allowed). */
void sr_incident_set_str(char **slot, const char *value);
/* Marks cnt present with the given numbers and text. */
void sr_count_set(sr_count_t *cnt, int64_t best, int64_t low, int64_t high,
                  sr_qualifier_t qualifier, const char *text);

void sr_incident_list_init(sr_incident_list_t *list);
/* Appends an initialised incident and returns it (valid until the next
 * append). */
sr_incident_t *sr_incident_list_add(sr_incident_list_t *list);
/* Frees every incident and the list storage. */
void sr_incident_list_clear(sr_incident_list_t *list);

/* Name tables: the exact strings of contract 3.2. *_name() never returns
 * NULL for a valid value; *_from_name() returns -1 for an unknown name. */
const char *sr_role_name(sr_role_t v);
int sr_role_from_name(const char *s);
const char *sr_category_name(sr_category_t v);
int sr_category_from_name(const char *s);
const char *sr_factuality_name(sr_factuality_t v);
int sr_factuality_from_name(const char *s);
const char *sr_time_precision_name(sr_time_precision_t v);
int sr_time_precision_from_name(const char *s);
const char *sr_time_basis_name(sr_time_basis_t v);
int sr_time_basis_from_name(const char *s);
const char *sr_geo_precision_name(sr_geo_precision_t v);
int sr_geo_precision_from_name(const char *s);
const char *sr_actor_role_name(sr_actor_role_t v);
int sr_actor_role_from_name(const char *s);
const char *sr_certainty_name(sr_certainty_t v);
int sr_certainty_from_name(const char *s);
const char *sr_qualifier_name(sr_qualifier_t v);
int sr_qualifier_from_name(const char *s);
const char *sr_claim_status_name(sr_claim_status_t v);
int sr_claim_status_from_name(const char *s);

#endif
