/* incident_json.c - an incident as the one-line JSON of contract 3.2.
 *
 * Written by hand in a fixed key order so the bytes are reproducible:
 * lat/lon with at most 6 decimals, confidences with at most 3.
 */
#include "incident_json.h"

#include <stdio.h>

#include "jsonw.h"

static void put_enum(sr_jsonw_t *w, const char *key, const char *name,
                     int first)
{
    sr_jsonw_key(w, key, first);
    sr_jsonw_str(w, name);
}

static void put_str(sr_jsonw_t *w, const char *key, const char *value,
                    int first)
{
    sr_jsonw_key(w, key, first);
    sr_jsonw_str(w, value);
}

static void put_count_num(sr_jsonw_t *w, const char *key, int64_t v,
                          int first)
{
    sr_jsonw_key(w, key, first);
    if (v == SR_COUNT_NONE) {
        sr_jsonw_raw(w, "null");
    } else {
        sr_jsonw_int(w, v);
    }
}

static void put_time(sr_jsonw_t *w, const sr_event_time_t *t)
{
    sr_jsonw_key(w, "time", 0);
    sr_jsonw_raw(w, "{");
    sr_jsonw_key(w, "date", 1);
    if (t->has_date) {
        char date[32];

        snprintf(date, sizeof(date), "%04d-%02d-%02d", t->year, t->month,
                 t->day);
        sr_jsonw_str(w, date);
    } else {
        sr_jsonw_raw(w, "null");
    }
    put_enum(w, "precision", sr_time_precision_name(t->precision), 0);
    put_enum(w, "basis", sr_time_basis_name(t->basis), 0);
    put_str(w, "text", t->text, 0);
    sr_jsonw_raw(w, "}");
}

static void put_location(sr_jsonw_t *w, const sr_location_t *l)
{
    sr_jsonw_key(w, "location", 0);
    sr_jsonw_raw(w, "{");
    put_str(w, "text", l->text, 1);
    put_str(w, "name", l->name, 0);
    put_str(w, "country_code", l->country_code, 0);
    put_str(w, "country", l->country, 0);
    put_str(w, "admin1", l->admin1, 0);
    sr_jsonw_key(w, "lat", 0);
    if (l->has_coords) {
        sr_jsonw_fixed(w, l->lat, 6);
    } else {
        sr_jsonw_raw(w, "null");
    }
    sr_jsonw_key(w, "lon", 0);
    if (l->has_coords) {
        sr_jsonw_fixed(w, l->lon, 6);
    } else {
        sr_jsonw_raw(w, "null");
    }
    put_enum(w, "precision", sr_geo_precision_name(l->precision), 0);
    put_str(w, "source", l->source, 0);
    sr_jsonw_key(w, "confidence", 0);
    sr_jsonw_fixed(w, l->confidence, 3);
    sr_jsonw_raw(w, "}");
}

static void put_actors(sr_jsonw_t *w, const sr_incident_t *inc)
{
    sr_jsonw_key(w, "actors", 0);
    sr_jsonw_raw(w, "[");
    for (size_t i = 0; i < inc->actor_count; i++) {
        const sr_actor_t *a = &inc->actors[i];

        sr_jsonw_raw(w, i == 0 ? "{" : ",{");
        put_enum(w, "role", sr_actor_role_name(a->role), 1);
        /* text is required by the schema; NULL is written as "". */
        put_str(w, "text", a->text != NULL ? a->text : "", 0);
        put_str(w, "canonical", a->canonical, 0);
        put_str(w, "actor_type", a->actor_type, 0);
        put_enum(w, "certainty", sr_certainty_name(a->certainty), 0);
        sr_jsonw_raw(w, "}");
    }
    sr_jsonw_raw(w, "]");
}

static void put_count(sr_jsonw_t *w, const char *key, const sr_count_t *c,
                      int first)
{
    sr_jsonw_key(w, key, first);
    if (!c->present) {
        sr_jsonw_raw(w, "null");
        return;
    }
    sr_jsonw_raw(w, "{");
    put_count_num(w, "best", c->best, 1);
    put_count_num(w, "low", c->low, 0);
    put_count_num(w, "high", c->high, 0);
    put_enum(w, "qualifier", sr_qualifier_name(c->qualifier), 0);
    put_str(w, "text", c->text, 0);
    sr_jsonw_raw(w, "}");
}

static void put_casualties(sr_jsonw_t *w, const sr_casualties_t *c)
{
    sr_jsonw_key(w, "casualties", 0);
    sr_jsonw_raw(w, "{");
    put_count(w, "killed", &c->killed, 1);
    put_count(w, "injured", &c->injured, 0);
    put_count(w, "kidnapped", &c->kidnapped, 0);
    put_count(w, "arrested", &c->arrested, 0);
    put_count(w, "missing", &c->missing, 0);
    put_count(w, "killed_perpetrators", &c->killed_perpetrators, 0);
    sr_jsonw_raw(w, "}");
}

static void put_evidence(sr_jsonw_t *w, const sr_incident_t *inc)
{
    sr_jsonw_key(w, "evidence", 0);
    sr_jsonw_raw(w, "[");
    for (size_t i = 0; i < inc->evidence_count; i++) {
        const sr_evidence_t *e = &inc->evidence[i];

        sr_jsonw_raw(w, i == 0 ? "{" : ",{");
        put_str(w, "field", e->field != NULL ? e->field : "", 1);
        sr_jsonw_key(w, "start", 0);
        sr_jsonw_int(w, e->start);
        sr_jsonw_key(w, "end", 0);
        sr_jsonw_int(w, e->end);
        sr_jsonw_raw(w, "}");
    }
    sr_jsonw_raw(w, "]");
}

sr_err_t sr_incident_to_json(const sr_incident_t *inc, sr_buf_t *out,
                             char *errstr, size_t errstr_size)
{
    sr_buf_t tmp;
    sr_jsonw_t w = {&tmp, SR_OK};

    /* Built aside and appended whole, so a failure leaves out as it was. */
    sr_buf_init(&tmp, out->limit == 0 ? 0
                      : out->limit > out->len ? out->limit - out->len
                                              : 1);

    sr_jsonw_raw(&w, "{");
    put_str(&w, "incident_id", inc->incident_id, 1);
    put_str(&w, "article_id", inc->article_id, 0);
    put_str(&w, "article_url", inc->article_url, 0);
    put_str(&w, "published_at", inc->published_at, 0);
    put_enum(&w, "role", sr_role_name(inc->role), 0);
    put_enum(&w, "category", sr_category_name(inc->category), 0);
    put_str(&w, "acled_event_type", inc->acled_event_type, 0);
    put_str(&w, "acled_sub_event_type", inc->acled_sub_event_type, 0);
    put_str(&w, "gtd_attack_type", inc->gtd_attack_type, 0);
    put_enum(&w, "factuality", sr_factuality_name(inc->factuality), 0);
    put_time(&w, &inc->time);
    put_location(&w, &inc->location);
    put_actors(&w, inc);
    put_casualties(&w, &inc->casualties);
    sr_jsonw_key(&w, "claim", 0);
    sr_jsonw_raw(&w, "{");
    put_enum(&w, "status", sr_claim_status_name(inc->claim.status), 1);
    put_str(&w, "claimant", inc->claim.claimant, 0);
    sr_jsonw_raw(&w, "}");
    put_evidence(&w, inc);
    sr_jsonw_key(&w, "confidence", 0);
    sr_jsonw_fixed(&w, inc->confidence, 3);
    sr_jsonw_key(&w, "paragraphs_removed", 0);
    sr_jsonw_int(&w, inc->paragraphs_removed);
    put_str(&w, "extractor_version", inc->extractor_version, 0);
    sr_jsonw_raw(&w, "}");
    if (w.err == SR_OK) {
        w.err = sr_buf_append(out, tmp.data, tmp.len);
    }
    sr_buf_clear(&tmp);
    if (w.err != SR_OK) {
        sr_errstr_set(errstr, errstr_size,
                      "incident JSON is over the buffer limit of %zu bytes",
                      out->limit);
    }
    return w.err;
}
