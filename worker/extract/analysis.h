/* analysis.h - what every sentence of an article mentions, and the
 * incident drafts built from it (internal to the extractor).
 *
 * analyze.c fills one sr_sentinfo_t per sentence (triggers, casualties,
 * dates, places, actors, claim) and the article's focus country;
 * segment.c groups trigger sentences into drafts (one per incident) and
 * gives them roles; emit.c turns drafts into sr_incident_t records. All
 * arrays are reused from article to article; per-sentence hit arrays have
 * fixed caps (extra mentions in one sentence are ignored).
 */
#ifndef SR_EXTRACT_ANALYSIS_H
#define SR_EXTRACT_ANALYSIS_H

#include <stddef.h>

#include "actors.h"
#include "casualties.h"
#include "claims.h"
#include "coded.h"
#include "dates.h"
#include "doc.h"
#include "gazetteer.h"
#include "incident.h"
#include "places.h"

#define SR_MAX_CAS 8
#define SR_MAX_DATES 4
#define SR_MAX_PLACES 8
#define SR_MAX_ACTORS 8
#define SR_MAX_DRAFT_SENTS 16
#define SR_NO_TOK ((size_t)-1)
#define SR_MAX_NAMED 16

typedef struct sr_sentinfo_s {
    size_t trig;        /* first event trigger, or SR_NO_TOK */
    int generic;        /* a general statement, not one event */
    int definite;       /* the trigger is "the attack": a reference back */
    sr_factuality_t fact; /* of the first trigger */
    sr_cas_hit_t cas[SR_MAX_CAS];
    size_t ncas;
    sr_date_hit_t dates[SR_MAX_DATES];
    size_t ndates;
    sr_place_hit_t places[SR_MAX_PLACES];
    size_t nplaces;
    sr_actor_hit_t actors[SR_MAX_ACTORS];
    size_t nactors;
    int has_claim;
    sr_claim_hit_t claim;
    const char *country; /* last explicit country mentioned, or NULL */
    const sr_place_t *last_place; /* last place picked in the sentence */
} sr_sentinfo_t;

typedef struct sr_analysis_s {
    sr_sentinfo_t *info;
    size_t ninfo, info_cap;
    const char *focus_cc; /* the article's focus country, or NULL */
    const char *named[SR_MAX_NAMED]; /* countries named unambiguously */
    size_t nnamed;
    sr_coded_toll_t coded; /* a coder's note on the toll */
} sr_analysis_t;

/* A place chosen for a draft. */
typedef struct sr_draft_place_s {
    int set;
    size_t sent;
    const sr_place_hit_t *hit;
    const sr_place_t *place; /* resolved */
    const sr_place_hit_t *unknown; /* "the village of X" inside place */
    double confidence;
} sr_draft_place_t;

typedef struct sr_draft_s {
    size_t anchor;      /* sentence of the first trigger */
    size_t trig;        /* that trigger's token */
    size_t sents[SR_MAX_DRAFT_SENTS];
    size_t nsents;
    sr_role_t role;
    sr_category_t category;
    int date_set;
    sr_date_hit_t date;
    const sr_cas_hit_t *cas[SR_CAS__COUNT];
    /* a later count that adds to cas ("two more officers were injured") */
    const sr_cas_hit_t *more[SR_CAS__COUNT];
    /* a toll over a series of series_n attacks ("killed across the four
     * raids"), for the kinds the incident has no count of its own */
    const sr_cas_hit_t *series[SR_CAS__COUNT];
    int64_t series_n;
    sr_draft_place_t place;
    sr_claim_status_t claim_status;
    const char *claimant;      /* canonical, borrowed from a sentinfo */
    const sr_actor_hit_t *claimant_hit;
    size_t claim_sent;
    const sr_claim_hit_t *claim;
    size_t scope_end;   /* sentences [anchor, scope_end) tell of it */
    int primary;        /* the article's main incident: the first
                           MAIN_EVENT, else the first draft */
} sr_draft_t;

typedef struct sr_drafts_s {
    sr_draft_t *items;
    size_t count, cap;
} sr_drafts_t;

/* analyze.c */
void sr_analysis_init(sr_analysis_t *an);
void sr_analysis_clear(sr_analysis_t *an);
void sr_analyze(sr_analysis_t *an, const sr_doc_t *doc,
                const sr_actordict_t *ad, const sr_gazetteer_t *gz);

/* segment.c: drafts in article order, at most max. */
void sr_segment(sr_drafts_t *dr, const sr_analysis_t *an, const sr_doc_t *doc,
                const sr_gazetteer_t *gz, size_t max);

/* emit.c: appends one incident for draft d. */
void sr_emit(const sr_draft_t *d, const sr_analysis_t *an,
             const sr_doc_t *doc, const sr_gazetteer_t *gz,
             sr_incident_list_t *out);

#endif
