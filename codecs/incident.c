/* incident.c - lifecycle and name tables of the incident value type. */
#include "incident.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

static const char *const role_names[SR_ROLE__COUNT] = {"MAIN_EVENT",
                                                       "BACKGROUND"};
static const char *const category_names[SR_CAT__COUNT] = {
    "ARMED_CLASH", "AIR_DRONE_STRIKE", "SHELLING_ARTILLERY_MISSILE",
    "REMOTE_EXPLOSIVE_IED", "SUICIDE_BOMBING", "GRENADE", "BOMBING_OTHER",
    "ARMED_ASSAULT", "ASSASSINATION", "KIDNAPPING", "HOSTAGE_BARRICADE",
    "HIJACKING", "FACILITY_ATTACK_ARSON", "UNARMED_ASSAULT",
    "SEXUAL_VIOLENCE", "CHEMICAL_BIO_RADNUC", "TERRITORY_TAKEN",
    "TERRITORY_REGAINED", "PROTEST_PEACEFUL", "PROTEST_WITH_INTERVENTION",
    "EXCESSIVE_FORCE_ON_PROTESTERS", "RIOT_VIOLENT_DEMONSTRATION",
    "MOB_VIOLENCE", "ARRESTS", "LOOTING_PROPERTY_DESTRUCTION",
    "DISRUPTED_WEAPONS_USE", "ACCIDENT", "THREAT", "OTHER"};
static const char *const factuality_names[SR_FACT__COUNT] = {
    "ASSERTED", "REPORTED_UNCONFIRMED", "ALLEGED_OR_CLAIMED", "DENIED",
    "NEGATED", "HYPOTHETICAL", "PLANNED_OR_THREATENED", "FOILED"};
static const char *const time_precision_names[SR_TPREC__COUNT] = {
    "DAY", "WEEK", "MONTH", "YEAR", "UNKNOWN"};
static const char *const time_basis_names[SR_TBASIS__COUNT] = {
    "EXPLICIT_ABSOLUTE", "RELATIVE_TO_PUBLICATION", "PUBLICATION_FALLBACK",
    "UNKNOWN"};
static const char *const geo_precision_names[SR_GPREC__COUNT] = {
    "TOWN", "NEAR_TOWN", "ADMIN2", "ADMIN1", "COUNTRY", "UNKNOWN"};
static const char *const actor_role_names[SR_AROLE__COUNT] = {
    "PERPETRATOR", "TARGET", "CLAIMANT", "SIDE_A", "SIDE_B"};
static const char *const certainty_names[SR_CERT__COUNT] = {
    "CONFIRMED", "CLAIMED", "SUSPECTED", "BLAMED_BY_OTHER", "UNKNOWN"};
static const char *const qualifier_names[SR_QUAL__COUNT] = {
    "EXACT", "AT_LEAST", "AT_MOST", "APPROXIMATE", "RANGE", "VAGUE_WORD",
    "NONZERO_UNKNOWN", "ZERO"};
static const char *const claim_status_names[SR_CLAIM__COUNT] = {
    "CLAIMED", "NOT_CLAIMED", "DENIED", "COMPETING_CLAIMS", "UNKNOWN"};

static const char *name_of(const char *const *table, int count, int v)
{
    return (v >= 0 && v < count) ? table[v] : "UNKNOWN";
}

static int index_of(const char *const *table, int count, const char *s)
{
    for (int i = 0; s != NULL && i < count; i++) {
        if (strcmp(table[i], s) == 0) {
            return i;
        }
    }
    return -1;
}

#define NAME_TABLE(fn, type, table, count)                                   \
    const char *sr_##fn##_name(type v)                                       \
    {                                                                        \
        return name_of(table, count, (int)v);                                \
    }                                                                        \
    int sr_##fn##_from_name(const char *s)                                   \
    {                                                                        \
        return index_of(table, count, s);                                    \
    }

NAME_TABLE(role, sr_role_t, role_names, SR_ROLE__COUNT)
NAME_TABLE(category, sr_category_t, category_names, SR_CAT__COUNT)
NAME_TABLE(factuality, sr_factuality_t, factuality_names, SR_FACT__COUNT)
NAME_TABLE(time_precision, sr_time_precision_t, time_precision_names,
           SR_TPREC__COUNT)
NAME_TABLE(time_basis, sr_time_basis_t, time_basis_names, SR_TBASIS__COUNT)
NAME_TABLE(geo_precision, sr_geo_precision_t, geo_precision_names,
           SR_GPREC__COUNT)
NAME_TABLE(actor_role, sr_actor_role_t, actor_role_names, SR_AROLE__COUNT)
NAME_TABLE(certainty, sr_certainty_t, certainty_names, SR_CERT__COUNT)
NAME_TABLE(qualifier, sr_qualifier_t, qualifier_names, SR_QUAL__COUNT)
NAME_TABLE(claim_status, sr_claim_status_t, claim_status_names,
           SR_CLAIM__COUNT)

static void count_init(sr_count_t *c)
{
    memset(c, 0, sizeof(*c));
    c->best = c->low = c->high = SR_COUNT_NONE;
    c->qualifier = SR_QUAL_EXACT;
}

void sr_incident_init(sr_incident_t *inc)
{
    memset(inc, 0, sizeof(*inc));
    inc->role = SR_ROLE_MAIN_EVENT;
    inc->category = SR_CAT_OTHER;
    inc->factuality = SR_FACT_ASSERTED;
    inc->time.precision = SR_TPREC_UNKNOWN;
    inc->time.basis = SR_TBASIS_UNKNOWN;
    inc->location.precision = SR_GPREC_UNKNOWN;
    count_init(&inc->casualties.killed);
    count_init(&inc->casualties.injured);
    count_init(&inc->casualties.kidnapped);
    count_init(&inc->casualties.arrested);
    count_init(&inc->casualties.missing);
    count_init(&inc->casualties.killed_perpetrators);
    inc->claim.status = SR_CLAIM_UNKNOWN;
}

static void count_free(sr_count_t *c)
{
    free(c->text);
}

void sr_incident_clear(sr_incident_t *inc)
{
    char **strs[] = {&inc->incident_id,        &inc->article_id,
                     &inc->article_url,        &inc->published_at,
                     &inc->acled_event_type,   &inc->acled_sub_event_type,
                     &inc->gtd_attack_type,    &inc->time.text,
                     &inc->location.text,      &inc->location.name,
                     &inc->location.country_code, &inc->location.country,
                     &inc->location.admin1,    &inc->location.source,
                     &inc->claim.claimant,     &inc->extractor_version};

    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
        free(*strs[i]);
    }
    for (size_t i = 0; i < inc->actor_count; i++) {
        free(inc->actors[i].text);
        free(inc->actors[i].canonical);
        free(inc->actors[i].actor_type);
    }
    free(inc->actors);
    for (size_t i = 0; i < inc->evidence_count; i++) {
        free(inc->evidence[i].field);
    }
    free(inc->evidence);
    count_free(&inc->casualties.killed);
    count_free(&inc->casualties.injured);
    count_free(&inc->casualties.kidnapped);
    count_free(&inc->casualties.arrested);
    count_free(&inc->casualties.missing);
    count_free(&inc->casualties.killed_perpetrators);
    sr_incident_init(inc);
}

sr_actor_t *sr_incident_add_actor(sr_incident_t *inc, sr_actor_role_t role,
                                  const char *text, const char *canonical,
                                  const char *actor_type,
                                  sr_certainty_t certainty)
{
    sr_actor_t *a;

    sr_xgrow((void **)&inc->actors, &inc->actor_cap, inc->actor_count + 1,
             sizeof(*inc->actors));
    a = &inc->actors[inc->actor_count++];
    a->role = role;
    a->text = sr_xstrdup(text ? text : "");
    a->canonical = sr_xstrdup(canonical);
    a->actor_type = sr_xstrdup(actor_type);
    a->certainty = certainty;
    return a;
}

void sr_incident_add_evidence(sr_incident_t *inc, const char *field,
                              int64_t start, int64_t end)
{
    sr_evidence_t *e;

    sr_xgrow((void **)&inc->evidence, &inc->evidence_cap,
             inc->evidence_count + 1, sizeof(*inc->evidence));
    e = &inc->evidence[inc->evidence_count++];
    e->field = sr_xstrdup(field);
    e->start = start;
    e->end = end;
}

void sr_incident_set_str(char **slot, const char *value)
{
    char *copy = sr_xstrdup(value);

    free(*slot);
    *slot = copy;
}

void sr_count_set(sr_count_t *cnt, int64_t best, int64_t low, int64_t high,
                  sr_qualifier_t qualifier, const char *text)
{
    cnt->present = 1;
    cnt->best = best;
    cnt->low = low;
    cnt->high = high;
    cnt->qualifier = qualifier;
    sr_incident_set_str(&cnt->text, text);
}

void sr_incident_list_init(sr_incident_list_t *list)
{
    memset(list, 0, sizeof(*list));
}

sr_incident_t *sr_incident_list_add(sr_incident_list_t *list)
{
    sr_incident_t *inc;

    sr_xgrow((void **)&list->items, &list->cap, list->count + 1,
             sizeof(*list->items));
    inc = &list->items[list->count++];
    sr_incident_init(inc);
    return inc;
}

void sr_incident_list_clear(sr_incident_list_t *list)
{
    for (size_t i = 0; i < list->count; i++) {
        sr_incident_clear(&list->items[i]);
    }
    free(list->items);
    sr_incident_list_init(list);
}
