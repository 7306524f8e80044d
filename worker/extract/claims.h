/* claims.h - responsibility claims and denials in a sentence.
 *
 * "X claimed responsibility", "X took responsibility", "X claimed ... that it ...", "responsibility
 * was claimed by X", "X said it carried out" -> CLAIMED by X; "no group
 * has claimed", "has not been claimed", "yet to claim" -> NOT_CLAIMED;
 * "X denied involvement" -> DENIED. "claimed the lives of" is a toll, not
 * a claim. The claimant is the nearest named actor before the verb (after
 * "by" in the passive); "the group"/"it" is left to the caller to resolve.
 * Attributions by others (sr_blame_find) are not claims: the claim status
 * of "no group claimed it; sources blamed X" stays NOT_CLAIMED.
 */
#ifndef SR_EXTRACT_CLAIMS_H
#define SR_EXTRACT_CLAIMS_H

#include <stddef.h>

#include "actors.h"
#include "doc.h"
#include "incident.h"

typedef struct sr_claim_hit_s {
    sr_claim_status_t status;
    int actor;     /* index into the sentence's actor hits, or -1 */
    int pronoun;   /* claimant is "it"/"the group": resolve from context */
    size_t tb, te; /* evidence tokens */
} sr_claim_hit_t;

/* The claim of sentence tokens [tb, te), whose actor mentions are
 * actors[0..nactors). Returns 1 and fills out when there is one. */
int sr_claim_find(const sr_doc_t *doc, size_t tb, size_t te,
                  const sr_actor_hit_t *actors, size_t nactors,
                  sr_claim_hit_t *out);

/* Someone else says who did it: "sources attributed the attack to X",
 * "the blast was blamed on X", "sources suspected the involvement of X",
 * "X is suspected", "carried out by X", "identified as X", "members of
 * X", "acting on behalf of X", "X-linked"; "planted by X or Y" gives both. cert is SUSPECTED for a
 * suspicion or a hedge ("believed", "likely", "did not provide any
 * evidence", "could not be confirmed"), BLAMED_BY_OTHER for a blame,
 * CONFIRMED when the text states it. */
typedef struct sr_blame_hit_s {
    int actor;           /* index into the sentence's actor hits */
    int also;            /* "X or Y": Y's index, or -1 */
    sr_certainty_t cert;
    size_t tb, te;       /* evidence tokens: the cue through the actor */
} sr_blame_hit_t;

/* How sure the sentence [tb, te) is of an actor at token actor_tb whose
 * certainty is cert so far: "the army said X carried out the attack" is
 * BLAMED_BY_OTHER, a hedge ("did not provide any evidence") makes a
 * CONFIRMED one SUSPECTED. */
sr_certainty_t sr_claim_certainty(const sr_doc_t *doc, size_t tb, size_t te,
                                  size_t actor_tb, sr_certainty_t cert);

/* The first attribution to a named group in tokens [tb, te). Returns 1 and
 * fills out when there is one. */
int sr_blame_find(const sr_doc_t *doc, size_t tb, size_t te,
                  const sr_actor_hit_t *actors, size_t nactors,
                  sr_blame_hit_t *out);

#endif
