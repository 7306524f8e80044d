/* claims.c - claims of responsibility and denials. */
#include "claims.h"

#include <string.h>

#define CLAIMANT_WINDOW 10

static int is_claim_verb(const sr_doc_t *doc, size_t i)
{
    return sr_tok_is(doc, i, "claimed") || sr_tok_is(doc, i, "claims") ||
           sr_tok_is(doc, i, "claim") || sr_tok_is(doc, i, "claiming");
}

static int named_state_or_group(const sr_actor_hit_t *a)
{
    return a->kind == SR_ACTOR_NAMED;
}

/* The nearest named actor ending before token i (within the window). */
static int actor_before(const sr_actor_hit_t *actors, size_t nactors,
                        size_t tb, size_t i)
{
    int best = -1;

    for (size_t k = 0; k < nactors; k++) {
        if (named_state_or_group(&actors[k]) && actors[k].te <= i &&
            actors[k].te + CLAIMANT_WINDOW > i && actors[k].tb >= tb) {
            best = (int)k;
        }
    }
    return best;
}

static int actor_after(const sr_actor_hit_t *actors, size_t nactors,
                       size_t i)
{
    for (size_t k = 0; k < nactors; k++) {
        if (named_state_or_group(&actors[k]) && actors[k].tb >= i &&
            actors[k].tb < i + 3) {
            return (int)k;
        }
    }
    return -1;
}

static int pronoun_before(const sr_doc_t *doc, size_t tb, size_t i)
{
    for (size_t j = i; j > tb && j + 4 > i; j--) {
        if (sr_tok_is(doc, j - 1, "it") || sr_tok_is(doc, j - 1, "group") ||
            sr_tok_is(doc, j - 1, "militants") ||
            sr_tok_is(doc, j - 1, "they")) {
            return 1;
        }
    }
    return 0;
}

/* "claimed responsibility", "claimed credit", "claimed the attack". */
static int claims_deed(const sr_doc_t *doc, size_t te, size_t i)
{
    for (size_t j = i + 1; j < te && j < i + 4; j++) {
        if (sr_tok_is(doc, j, "responsibility") || sr_tok_is(doc, j, "credit") ||
            sr_tok_has(doc, j, SR_W_TRIGGER)) {
            return 1;
        }
    }
    return 0;
}

static int not_claimed(const sr_doc_t *doc, size_t te, size_t i)
{
    if (sr_tok_phrase(doc, i, te, "yet to claim") ||
        sr_tok_phrase(doc, i, te, "not been claimed") ||
        sr_tok_phrase(doc, i, te, "no claim") ||
        sr_tok_phrase(doc, i, te, "no immediate claim") ||
        sr_tok_phrase(doc, i, te, "not claimed") ||
        sr_tok_phrase(doc, i, te, "nobody claimed") ||
        sr_tok_phrase(doc, i, te, "nobody has claimed")) {
        return 1;
    }
    if (sr_tok_is(doc, i, "no") && i + 1 < te) {
        for (size_t j = i + 1; j < te && j < i + 5; j++) {
            if (is_claim_verb(doc, j)) {
                return 1;
            }
        }
    }
    return 0;
}

int sr_claim_find(const sr_doc_t *doc, size_t tb, size_t te,
                  const sr_actor_hit_t *actors, size_t nactors,
                  sr_claim_hit_t *out)
{
    memset(out, 0, sizeof(*out));
    out->actor = -1;
    for (size_t i = tb; i < te; i++) {
        if (!sr_tok_has(doc, i, SR_W_CLAIMCUE)) {
            continue;
        }
        if (not_claimed(doc, te, i)) {
            out->status = SR_CLAIM_NOT_CLAIMED;
            out->tb = i;
            out->te = i + 3 < te ? i + 3 : te;
            return 1;
        }
        if (is_claim_verb(doc, i)) {
            int a;

            if (i + 1 < te && (sr_tok_is(doc, i + 1, "lives") ||
                               sr_tok_phrase(doc, i + 1, te, "the lives"))) {
                continue; /* "claimed the lives of": a toll */
            }
            if (i > tb && (sr_tok_is(doc, i - 1, "not") ||
                           sr_tok_is(doc, i - 1, "no"))) {
                continue;
            }
            if (i + 1 < te && sr_tok_is(doc, i + 1, "by")) {
                a = actor_after(actors, nactors, i + 2);
            } else {
                a = actor_before(actors, nactors, tb, i);
            }
            if (a < 0 && (!pronoun_before(doc, tb, i) ||
                          !claims_deed(doc, te, i))) {
                continue; /* "they claimed there were burglaries" */
            }
            out->status = SR_CLAIM_CLAIMED;
            out->actor = a;
            out->pronoun = a < 0;
            out->tb = a >= 0 && actors[a].tb < i ? actors[a].tb : i;
            out->te = a >= 0 && actors[a].te > i + 1 ? actors[a].te : i + 1;
            return 1;
        }
        if (sr_tok_is(doc, i, "denied") || sr_tok_is(doc, i, "denies") ||
            sr_tok_is(doc, i, "rejected")) {
            int a = actor_before(actors, nactors, tb, i);

            if (a >= 0 && i + 1 < te &&
                (sr_tok_is(doc, i + 1, "responsibility") ||
                 sr_tok_is(doc, i + 1, "involvement") ||
                 sr_tok_is(doc, i + 1, "any") ||
                 sr_tok_is(doc, i + 1, "carrying") ||
                 sr_tok_is(doc, i + 1, "claims"))) {
                out->status = SR_CLAIM_DENIED;
                out->actor = a;
                out->tb = actors[a].tb;
                out->te = i + 2;
                return 1;
            }
        }
        if (sr_tok_phrase(doc, i, te, "said it carried out") ||
            sr_tok_phrase(doc, i, te, "said it was behind")) {
            int a = actor_before(actors, nactors, tb, i);

            if (a >= 0) {
                out->status = SR_CLAIM_CLAIMED;
                out->actor = a;
                out->tb = actors[a].tb;
                out->te = i + 4;
                return 1;
            }
        }
    }
    return 0;
}
