/* places.h - place mentions in a sentence, and their resolution.
 *
 * Recognition: a capitalised span the gazetteer knows (longest name), not
 * a capitalised common word (stop list) nor the tail of a person's name.
 * Countries and admin1 regions count anywhere; a populated place needs
 * evidence that it is a place: "in X", "near X", "the town of X", "X,
 * Country", or a large population. Demonyms ("Nigerien") and "the
 * country" are mentions of a country resolved later, "the same region" a
 * mention of the place named before. A place followed by
 * "border"/"frontier" ("near the Mali border") or "-based" is a modifier:
 * not where the event happened. "the village of X" with X unknown to the
 * gazetteer is kept by name (SR_PH_UNKNOWN) for the caller to place in a
 * container it can prove. A one-word place the gazetteer spells another
 * common way ("Maijdee" for Maijdi) is looked up as it spells it. "from
 * X", "to X" and the ends of "the A-B road" are a route (motion); "N km
 * from X" is near X; "coded to X", "coordinates are for X" a coder's
 * note (coded).
 *
 * Resolution: the candidate in the focus country if any, else the most
 * prominent; a place without coordinates resolves to its admin1 row
 * (precision ADMIN1) or country (COUNTRY).
 */
#ifndef SR_EXTRACT_PLACES_H
#define SR_EXTRACT_PLACES_H

#include <stddef.h>

#include "doc.h"
#include "gazetteer.h"
#include "incident.h"

#define SR_PLACE_CANDIDATES 16
#define SR_NEAR_DISTRICT 2

typedef enum sr_place_hit_kind_e {
    SR_PH_PLACE = 0,   /* a gazetteer name */
    SR_PH_DEMONYM,     /* "Nigerien": cands[0] is the country */
    SR_PH_THE_COUNTRY, /* "the country": resolved by the caller */
    SR_PH_UNKNOWN,     /* "the village of X", X unknown to the gazetteer */
    SR_PH_THE_SAME     /* "in the same area": admin_word set for a region */
} sr_place_hit_kind_t;

typedef struct sr_place_hit_s {
    sr_place_hit_kind_t kind;
    size_t tb, te;       /* the name's tokens */
    size_t text_tb, text_te; /* with its preposition and kind ("in the
                                * Gao region") */
    int admin_word;      /* followed by an admin1 noun ("region",
                          * "province": 1) or a district's ("district",
                          * "LGA", "township": 2) */
    const sr_place_t *pick; /* the candidate chosen in context (analyze.c),
                             * NULL: not usable as the event's place */
    const sr_place_t *cands[SR_PLACE_CANDIDATES];
    size_t ncand;
    int modifier;        /* "the Mali border": not the event's place */
    int near;            /* "near X", "outside X": 1; "X district":
                          * SR_NEAR_DISTRICT, the town stands for the
                          * district named after it */
    int prep;            /* introduced by in/at/near/... */
    int motion;          /* introduced by from/to/into: a route, weaker */
    int settlement;      /* followed by "town", "village", ...: a
                          * settlement, not a unit of the same name */
    int coded;           /* named by a coder's note: "coded to X",
                          * "coordinates are for X" */
} sr_place_hit_t;

/* Place mentions in tokens [tb, te). Writes up to max hits in text order,
 * returns the count. gz NULL: "the country" mentions only. */
size_t sr_places_find(const sr_gazetteer_t *gz, const sr_doc_t *doc,
                      size_t tb, size_t te, sr_place_hit_t *out, size_t max);

/* The candidate of h to use: the first in focus_cc (may be NULL), else the
 * most prominent. NULL for an unresolved "the country". */
const sr_place_t *sr_place_pick(const sr_place_hit_t *h, const char *focus_cc);

/* 1 if p is an admin2 unit (a P row of feature ADM2, placed at its seat). */
int sr_place_is_admin2(const sr_place_t *p);
/* 1 if token i is the noun of an administrative unit ("province",
 * "District", "LGA"): a chain of names holding one is an address. */
int sr_tok_unit_noun(const sr_doc_t *doc, size_t i);

/* Fills loc from place (resolving to admin1/country when it has no
 * coordinates). name is the name as mentioned; text the phrase; near
 * (a hit's near) gives NEAR_TOWN for a town, SR_NEAR_DISTRICT ADMIN2. */
void sr_place_to_location(const sr_gazetteer_t *gz, const sr_place_t *place,
                          const char *name, const char *text, int near,
                          double confidence, sr_location_t *loc);

#endif
