/* claims.c - claims of responsibility and denials. */
#include "claims.h"

#include <string.h>

#define CLAIMANT_WINDOW 10

static int is_claim_verb(const sr_doc_t *doc, size_t i)
{
    return sr_tok_is(doc, i, "claimed") || sr_tok_is(doc, i, "claims") ||
           sr_tok_is(doc, i, "claim") || sr_tok_is(doc, i, "claiming");
}

/* A dictionary or shape name, or a labelled kind of perpetrator
 * ("anti-Muslim extremists"): someone who can claim or be blamed. */
static int named_state_or_group(const sr_actor_hit_t *a)
{
    return a->kind == SR_ACTOR_NAMED ||
           (a->kind == SR_ACTOR_GENERIC_PERP && a->type != NULL);
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

static const char *const statement_verbs[] = {
    "said", "stated", "announced", "declared", "says", "states", NULL};

/* "X admitted its fighters had set off the mine": owned, not said of
 * another */
static const char *const admit_verbs[] = {"admitted", "acknowledged", NULL};

static int clause_punct(const sr_doc_t *doc, size_t i);

/* "X leader Y said", "X's spokesman said": the speaker talks for a group,
 * so his "he" and "his men" are the group's. */
static int speaks_for(const sr_doc_t *doc, size_t i)
{
    static const char *const heads[] = {
        "leader", "chief", "commander", "spokesman", "spokesperson",
        "emir", "founder", "head", NULL};

    for (size_t j = i; j > 0 && j + 5 > i; j--) {
        if (sr_tok_in(doc, j - 1, heads)) {
            return 1;
        }
    }
    return 0;
}

/* "its men", "his movement": the speaker's own band */
static const char *const band[] = {
    "group", "movement", "organisation", "organization", "men", "fighters",
    "members", "followers", "militants", "mujahideen", "soldiers",
    "militiamen", "cadres", "cells", "units", NULL};

/* "said the raid was its work": the deed owned without a verb of doing;
 * "said the town had been taken by its fighters": the deed's agent the
 * speaker's own band */
static int its_work(const sr_doc_t *doc, size_t j, size_t te)
{
    static const char *const work[] = {
        "work", "doing", "handiwork", "operation", "responsibility", NULL};

    for (size_t k = j; k + 1 < te && k < j + 6 && !clause_punct(doc, k);
         k++) {
        if ((sr_tok_is(doc, k, "its") || sr_tok_is(doc, k, "their")) &&
            (sr_tok_in(doc, k + 1, work) ||
             (k > j && sr_tok_is(doc, k - 1, "by") &&
              sr_tok_in(doc, k + 1, band)))) {
            return 1;
        }
    }
    return 0;
}

/* "admitted the campaign", "acknowledged the attacks": the deed owned as
 * the verb's object; words of doing that are no trigger included */
static int owns_deed(const sr_doc_t *doc, size_t j, size_t te)
{
    static const char *const deeds[] = {
        "campaign", "operation", "operations", "action", "actions",
        "attack", "attacks", "raid", "raids", "killing", "killings",
        "bombing", "bombings", "blast", "blasts", "kidnapping",
        "abduction", "assassination", "ambush", NULL};
    static const char *const det[] = {
        "the", "this", "these", "that", "those", "its", "their", "both",
        NULL};

    if (j < te && sr_tok_in(doc, j, det)) {
        j++;
    }
    return j < te && (sr_tok_in(doc, j, deeds) ||
                      (sr_tok_has(doc, j, SR_W_TRIGGER) &&
                       doc->toks[j].lex->trig_noun));
}

/* "said its fighters killed the journalist", "said X had done it": the
 * deed's own verb within three tokens after the doer at j */
static int did_after(const sr_doc_t *doc, size_t j, size_t te)
{
    static const char *const did[] = {
        "carried", "conducted", "staged", "perpetrated", "launched",
        "executed", "planted", "detonated", "set", "triggered", "ordered",
        "held", "holding", "lit", "done", "seized", "sent", "mailed",
        "punished", "captured", "placed", "responsible", NULL};

    /* "its strike team had done it": a doer of two words; "its Central
     * Africa Province of the Islamic State had seized": a name's words
     * do not count */
    for (size_t k = j + 1, end = j + 5; k < te && k < end && k < j + 16; k++) {
        if (doc->toks[k].cap ||
            ((sr_tok_is(doc, k, "of") || sr_tok_is(doc, k, "the")) && k > j + 1 &&
             (doc->toks[k - 1].cap || sr_tok_is(doc, k - 1, "of")) && k + 1 < te &&
             (doc->toks[k + 1].cap || sr_tok_is(doc, k + 1, "the")))) {
            end++;
            continue;
        }
        if (sr_tok_in(doc, k, did) || sr_tok_is(doc, k, "behind") ||
            (sr_tok_has(doc, k, SR_W_TRIGGER) && !doc->toks[k].lex->trig_noun &&
             !sr_tok_has(doc, k, SR_W_DIE | SR_W_INJURE))) {
            return 1;
        }
    }
    return 0;
}

/* "said it carried out", "stated that it was behind", "announced its
 * fighters had conducted", "admitted their cadres had set off": a claim
 * told as a statement. */
/* out of line: the verb test before it turns most calls away, and its
 * frame would cost every one of them */
static __attribute__((noinline)) int said_it_did(const sr_doc_t *doc, size_t i,
                                                 size_t te, int admit)
{
    /* "said in a statement that", "announced on Monday that": where the
     * words were said comes before what */
    static const char *const where_said[] = {
        "in", "on", "via", "through", "to", "late", "later", "afterwards",
        "afterward", "subsequently", "shortly", "then", "also", NULL};
    size_t j = i + 1;

    if (admit && j < te) {
        /* "X admitted carrying out the raid", "admitted to staging it" */
        static const char *const doing[] = {
            "carrying", "staging", "planting", "launching", "conducting",
            "perpetrating", "executing", "killing", "kidnapping",
            "abducting", "bombing", "attacking", "detonating", NULL};

        if (sr_tok_is(doc, j, "to") && j + 1 < te) {
            j++;
        }
        if (sr_tok_in(doc, j, doing) || owns_deed(doc, j, te)) {
            return 1;
        }
        j = i + 1;
    }
    if (j < te && sr_tok_in(doc, j, where_said)) {
        for (size_t k = j + 1; k < te && k < j + 7 && !clause_punct(doc, k);
             k++) {
            if (sr_tok_is(doc, k, "that")) {
                j = k;
                break;
            }
        }
    }
    if (j < te && sr_tok_is(doc, j, "that")) {
        j++;
    }
    if (j + 2 < te && sr_tok_is(doc, j + 1, "of") &&
        (doc->toks[j].kind == SR_TOK_NUM ||
         sr_tok_has(doc, j, SR_W_NUMWORD | SR_W_FEW) ||
         sr_tok_is(doc, j, "some"))) {
        j += 2; /* "said two of its men had carried out" */
    }
    if (j + 1 < te && doc->toks[j].len <= 3 &&
        (sr_tok_is(doc, j, "he") || sr_tok_is(doc, j, "she") ||
         sr_tok_is(doc, j, "we") ||
         ((sr_tok_is(doc, j, "his") || sr_tok_is(doc, j, "her") ||
           sr_tok_is(doc, j, "our")) &&
          sr_tok_in(doc, j + 1, band))) &&
        speaks_for(doc, i)) {
        /* "X leader Y said he had ordered the attacks", "said his
         * movement held the girls": a leader speaking for his group */
        j += sr_tok_is(doc, j + 1, "had") ? 1 : 0;
    } else if (j + 1 < te && sr_tok_is(doc, j, "the") &&
        (sr_tok_is(doc, j + 1, "group") ||
         sr_tok_is(doc, j + 1, "movement") ||
         sr_tok_is(doc, j + 1, "organisation") ||
         sr_tok_is(doc, j + 1, "organization"))) {
        /* "said the group's fighters had carried out": the speaker's own */
        j += 2;
        while (j < te && (sr_tok_punct(doc, j) == '\'' ||
                          sr_tok_is(doc, j, "s") || sr_tok_is(doc, j, "'s"))) {
            j++;
        }
        j--;
    } else if (j >= te || !(sr_tok_is(doc, j, "it") || sr_tok_is(doc, j, "its") ||
                     sr_tok_is(doc, j, "they") || sr_tok_is(doc, j, "their"))) {
        /* "said the raid was its work" */
        return j + 2 < te && sr_tok_is(doc, j, "the") &&
               its_work(doc, j + 2, te);
    }
    return did_after(doc, j, te);
}

/* "said the killings were a warning to X", "said the bombing was
 * revenge for": the speaker gives the deed's purpose, which only its
 * author can. j is at "the". */
static int purpose_given(const sr_doc_t *doc, size_t j, size_t te)
{
    size_t k = j + 2;

    if (k >= te || !(sr_tok_is(doc, k, "was") || sr_tok_is(doc, k, "were")) ||
        !owns_deed(doc, j, te)) {
        return 0;
    }
    k++;
    if (k < te && (sr_tok_is(doc, k, "a") || sr_tok_is(doc, k, "in") ||
                   sr_tok_is(doc, k, "an"))) {
        k++;
    }
    /* word tests, not a list: a rare test need not take a hot list's
     * slot in the doc's table */
    return k < te &&
           (sr_tok_is(doc, k, "warning") || sr_tok_is(doc, k, "message") ||
            sr_tok_is(doc, k, "revenge") || sr_tok_is(doc, k, "retaliation") ||
            sr_tok_is(doc, k, "reprisal") || sr_tok_is(doc, k, "punishment") ||
            sr_tok_is(doc, k, "retribution") || sr_tok_is(doc, k, "lesson") ||
            sr_tok_is(doc, k, "vengeance") || sr_tok_is(doc, k, "response"));
}

/* "X warned that attacks on Y would continue", "warned that more
 * bombings would follow": a threat to go on owns what was done. */
static int threat_goes_on(const sr_doc_t *doc, size_t i, size_t te)
{
    size_t j = i + 1;

    /* "warned in a call to a newspaper that" */
    while (j < te && j < i + 10 && !sr_tok_is(doc, j, "that") &&
           !clause_punct(doc, j)) {
        j++;
    }
    if (j >= te || !sr_tok_is(doc, j, "that")) {
        return 0;
    }
    for (size_t k = j + 1; k < te && k < j + 4; k++) {
        if (!owns_deed(doc, k, te)) {
            continue;
        }
        /* "attacks on Swiss targets would continue" */
        for (size_t m = k + 1; m + 1 < te && m < k + 8 && !clause_punct(doc, m);
             m++) {
            if ((sr_tok_is(doc, m, "would") || sr_tok_is(doc, m, "will")) &&
                (sr_tok_is(doc, m + 1, "continue") || sr_tok_is(doc, m + 1, "follow") ||
                 sr_tok_is(doc, m + 1, "resume") || sr_tok_is(doc, m + 1, "go") ||
                 sr_tok_is(doc, m + 1, "intensify"))) {
                return 1;
            }
        }
        return 0;
    }
    return 0;
}

/* Who can own a deed by its purpose or a threat: an armed group, not
 * the state or a party speaking of another's attack. */
static int armed_speaker(const sr_actor_hit_t *a)
{
    return a->type != NULL &&
           (strncmp(a->type, "REBEL", 5) == 0 || strcmp(a->type, "MILITIA") == 0 ||
            strcmp(a->type, "EXTREMIST") == 0 || strcmp(a->type, "CRIMINAL") == 0 ||
            strcmp(a->type, "GROUP") == 0);
}

/* "not" or "never" one or two tokens before i, within the sentence */
static int negated_before(const sr_doc_t *doc, size_t tb, size_t i)
{
    for (size_t j = i; j > tb && j + 2 >= i; j--) {
        if (sr_tok_is(doc, j - 1, "not") || sr_tok_is(doc, j - 1, "never")) {
            return 1;
        }
    }
    return 0;
}

/* Token i owns a deed without the word "claim": "owned up", "took
 * credit", "has taken responsibility". */
static int owns_up(const sr_doc_t *doc, size_t tb, size_t te, size_t i)
{
    static const char *const take[] = {
        "took", "take", "takes", "taken", "taking", "accepted", "assumed",
        "claimed", NULL};

    if (sr_tok_is(doc, i, "owned")) {
        return i + 1 < te && sr_tok_is(doc, i + 1, "up");
    }
    return (sr_tok_is(doc, i, "credit") ||
            sr_tok_is(doc, i, "responsibility")) &&
           i > tb && sr_tok_in(doc, i - 1, take);
}

static int not_claimed(const sr_doc_t *doc, size_t tb, size_t te, size_t i)
{
    if (sr_tok_is(doc, i, "unclaimed")) {
        return 1; /* "the attack went unclaimed" */
    }
    if (sr_tok_phrase(doc, i, te, "yet to claim") ||
        sr_tok_phrase(doc, i, te, "not been claimed") ||
        sr_tok_phrase(doc, i, te, "no claim") ||
        sr_tok_phrase(doc, i, te, "no immediate claim") ||
        sr_tok_phrase(doc, i, te, "not claimed") ||
        sr_tok_phrase(doc, i, te, "nobody claimed") ||
        sr_tok_phrase(doc, i, te, "nobody has claimed")) {
        return 1;
    }
    if ((sr_tok_is(doc, i, "no") || sr_tok_is(doc, i, "nobody")) &&
        i + 1 < te) {
        for (size_t j = i + 1; j < te && j < i + 5; j++) {
            if (is_claim_verb(doc, j) || owns_up(doc, tb, te, j)) {
                return 1;
            }
        }
    }
    return 0;
}

/* What a statement at token i says of the deed: "X said it carried out",
 * "X admitted carrying out" -> CLAIMED; "X distanced itself from the
 * attack", "X said it had nothing to do with it" -> DENIED (a denial told
 * without "denied"); else UNKNOWN. Each word list is looked up once. */
static sr_claim_status_t statement_at(const sr_doc_t *doc, size_t te,
                                      size_t i, int *implied)
{
    int admit = 0;

    *implied = 0;
    if (sr_tok_is(doc, i, "distanced")) {
        return SR_CLAIM_DENIED;
    }
    /* "a leaflet saying", "called to say": kept off the hashed list,
     * whose lookup runs at most long words */
    if (!sr_tok_in(doc, i, statement_verbs) &&
        !sr_tok_is(doc, i, "saying") && !sr_tok_is(doc, i, "say") &&
        !(admit = sr_tok_in(doc, i, admit_verbs))) {
        if (sr_tok_is(doc, i, "warned")) {
            *implied = 1;
            return threat_goes_on(doc, i, te) ? SR_CLAIM_CLAIMED
                                               : SR_CLAIM_UNKNOWN;
        }
        return SR_CLAIM_UNKNOWN;
    }
    for (size_t j = i + 1; !admit && j < te && j < i + 5; j++) {
        if ((sr_tok_is(doc, j, "nothing") &&
             sr_tok_phrase(doc, j, te, "nothing to do with")) ||
            (sr_tok_is(doc, j, "not") &&
             sr_tok_phrase(doc, j, te, "not involved")) ||
            (sr_tok_is(doc, j, "no") &&
             (sr_tok_phrase(doc, j, te, "no role in") ||
              sr_tok_phrase(doc, j, te, "no part in")))) {
            return SR_CLAIM_DENIED;
        }
    }
    if (said_it_did(doc, i, te, admit)) {
        return SR_CLAIM_CLAIMED;
    }
    /* "said (that) the killings were a warning" */
    i += i + 1 < te && sr_tok_is(doc, i + 1, "that");
    if (i + 1 < te && sr_tok_is(doc, i + 1, "the") && purpose_given(doc, i + 1, te)) {
        *implied = 1;
        return SR_CLAIM_CLAIMED;
    }
    return SR_CLAIM_UNKNOWN;
}

/* Fills out with a claim or denial by actors[a], told up to token te. */
static int claim_by(sr_claim_hit_t *out, sr_claim_status_t status,
                    const sr_actor_hit_t *actors, int a, size_t te)
{
    out->status = status;
    out->actor = a;
    out->tb = actors[a].tb;
    out->te = te;
    return 1;
}

/* The first letters of "stated", "announced", "declared", "said",
 * "responsibility", "warned" and the admit verbs; strchr would also take
 * the NUL */
static int statement_initial(const sr_doc_t *doc, size_t i)
{
    char c = (char)(doc->text[doc->toks[i].start] | 0x20);

    /* of the words in w, only one: "without", "wounded" are many */
    return c == 's' || c == 'a' || c == 'd' || c == 'r' ||
           (c == 'w' && sr_tok_is(doc, i, "warned"));
}

int sr_claim_find(const sr_doc_t *doc, size_t tb, size_t te,
                  const sr_actor_hit_t *actors, size_t nactors,
                  sr_claim_hit_t *out)
{
    static const char *const took_verbs[] = {
        "took", "accepted", "assumed", "admitted", "takes", "accepts",
        "acknowledged", "acknowledges", "acknowledging", NULL};
    sr_claim_status_t st;
    int a, implied = 0;

    memset(out, 0, sizeof(*out));
    out->actor = -1;
    for (size_t i = tb; i < te; i++) {
        if (!sr_tok_has(doc, i, SR_W_CLAIMCUE)) {
            /* "X took responsibility", "X stated that it carried out";
             * words shorter than "stated" are neither */
            if ((doc->toks[i].len < 6 &&
                 !(doc->toks[i].len == 3 && sr_tok_is(doc, i, "say"))) ||
                !statement_initial(doc, i)) {
                continue;
            }
            if (i > tb && sr_tok_is(doc, i, "responsibility") &&
                sr_tok_in(doc, i - 1, took_verbs)) {
                st = SR_CLAIM_CLAIMED;
            } else {
                st = statement_at(doc, te, i, &implied);
            }
            if (st != SR_CLAIM_UNKNOWN &&
                (a = actor_before(actors, nactors, tb, i)) >= 0 &&
                (!implied || armed_speaker(&actors[a]))) {
                return claim_by(out, st, actors, a, i + 1);
            }
            continue;
        }
        if (not_claimed(doc, tb, te, i)) {
            out->status = SR_CLAIM_NOT_CLAIMED;
            out->tb = i;
            out->te = i + 3 < te ? i + 3 : te;
            return 1;
        }
        if (is_claim_verb(doc, i)) {
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
            } else if (sr_tok_phrase(doc, i + 1, te, "to represent") ||
                       sr_tok_phrase(doc, i + 1, te, "to be from") ||
                       sr_tok_phrase(doc, i + 1, te, "to speak for")) {
                /* "a caller claiming to represent X" */
                a = actor_after(actors, nactors, i + 3);
                if (a < 0) {
                    continue;
                }
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
        if (owns_up(doc, tb, te, i)) {
            /* "X owned up to the bombing", "X took credit in a
             * statement"; "X has not owned up", "X never owned up", "X
             * has never taken credit" are no claim */
            if (negated_before(doc, tb, i)) {
                continue;
            }
            a = actor_before(actors, nactors, tb, i);
            if (a < 0 && !pronoun_before(doc, tb, i)) {
                continue;
            }
            out->status = SR_CLAIM_CLAIMED;
            out->actor = a;
            out->pronoun = a < 0;
            out->tb = a >= 0 ? actors[a].tb : i;
            out->te = i + 1;
            return 1;
        }
        if (sr_tok_is(doc, i, "denied") || sr_tok_is(doc, i, "denies") ||
            sr_tok_is(doc, i, "rejected")) {
            a = actor_before(actors, nactors, tb, i);
            if (a >= 0 && i + 1 < te &&
                (sr_tok_is(doc, i + 1, "responsibility") ||
                 sr_tok_is(doc, i + 1, "involvement") ||
                 sr_tok_is(doc, i + 1, "any") ||
                 sr_tok_is(doc, i + 1, "carrying") ||
                 sr_tok_is(doc, i + 1, "claims"))) {
                return claim_by(out, SR_CLAIM_DENIED, actors, a, i + 2);
            }
        }
        if ((st = statement_at(doc, te, i, &implied)) != SR_CLAIM_UNKNOWN &&
            (a = actor_before(actors, nactors, tb, i)) >= 0 &&
            (!implied || armed_speaker(&actors[a]))) {
            return claim_by(out, st, actors, a,
                            st == SR_CLAIM_DENIED ? i + 1
                            : i + 4 < te          ? i + 4
                                                  : te);
        }
    }
    return 0;
}

/* ---- attributions by others ---- */

#define BLAME_WINDOW 6
/* tokens between a group and its verb: "X led by Abu Y" */
#define SUBJECT_REACH 7

static const char *const suspect_words[] = {
    "suspected", "suspect", "suspects", "suspecting", "believed", "likely",
    "probably", "possibly", "presumed", "alleged", "allegedly", "thought",
    "suspicion", "culprit", "culprits", NULL};
static const char *const blame_verbs[] = {
    "attributed", "attributing", "attribute", "attributes", "blamed",
    "blaming", "blame", "blames", "accused", "accusing", "accuses",
    "suspected", "suspect", "suspects", "linked", "tied", "connected",
    "identified", "held", "convicted", "sentenced", "traced", "ascribed",
    "credited", "suspicion", NULL};
/* A group the subject of these did the deed: "X demanded the release of
 * its prisoners", "X threatened to kill the hostages". */
static const char *const demand_verbs[] = {
    "demanded", "demanding", "threatened", "threatening", "vowed",
    "ultimatum", NULL};
/* the attacker's own ties: "belonging to X", "affiliated with X",
 * "espoused white supremacist views" */
static const char *const member_verbs[] = {
    "belonging", "belonged", "belongs", "affiliated", "associated",
    "espoused", "espousing", "professed", "posted", "posting", "shared",
    "voiced", "shouted", "shouting", "yelled", "yelling", "chanted",
    "chanting", "hurled", "hurling", "scrawled", "sprayed", NULL};
/* "he had posted anti-Muslim messages online": only a creed's label */
static const char *const post_verbs[] = {"posted", "posting", "shared",
                                         "voiced", NULL};
/* "the attacker, who shouted anti-Semitic slurs": a creed's label, and
 * only of an attacker ("protesters chanted anti-government slogans" are
 * no extremists) */
static const char *const shout_verbs[] = {
    "shouted", "shouting", "yelled", "yelling", "chanted", "chanting",
    "hurled", "hurling", "scrawled", "sprayed", NULL};
/* "the attacker was described as a jihadi-inspired extremist", "he is
 * regarded as X": who the attacker was, said of a person */
static const char *const describe_verbs[] = {
    "described", "regarded", "classified", "considered", "labelled",
    "labeled", "characterized", "characterised", "branded", "seen",
    "viewed", "categorized", "categorised", NULL};
/* the people such a description is about */
static const char *const person_words[] = {
    "he", "she", "they", "him", "them", "suspect", "suspects",
    "perpetrator", "perpetrators", "attacker", "attackers", "assailant",
    "assailants", "shooter", "gunman", "bomber", "driver", "man", "woman",
    NULL};
/* what attackers leave at the scene, and its words: "a banner bore the
 * initials of X", "leaflets found at the scene alluded to X" */
static const char *const trace_nouns[] = {
    "banner", "banners", "graffiti", "pamphlet", "pamphlets", "leaflet",
    "leaflets", "flyer", "flyers", "note", "notes", "slogan", "slogans",
    "poster", "posters", "inscription", "flag", "flags", "sign", "signs",
    "letter", "letters", "communique", "communiques", "message", "messages",
    NULL};
static const char *const trace_verbs[] = {
    "bore", "bearing", "bears", "alluded", "alluding", "referred",
    "referring", "mentioned", "mentioning", "signed", "read", "reading",
    "displayed", "displaying",
    /* "leaflets demanding the release of X fighters": the traces speak
     * for X */
    "demanding", "praising", "hailing", NULL};
/* verbs of doing before "by X": "carried out by", "planted by" */
static const char *const deed_verbs[] = {
    "out", "perpetrated", "committed", "orchestrated", "planted",
    "masterminded", "conducted", "staged", "launched", "executed",
    "organized", "organised", "claimed", "fired", "detonated", "set",
    "laid", "taken", "held", "left", "ordered",
    "triggered", "placed", "led", "ambushed", "abducted", "kidnapped",
    "attacked", "targeted", "killed", "shot", "seized",
    /* "a hate crime by X" */
    "crime", NULL};
/* "members of X", "on behalf of X" */
static const char *const part_of[] = {
    "member", "members", "behalf", "branch", "wing", "faction", "cell",
    "cells", "fighters", "militants", "affiliate", "unit", "operatives",
    "commander", "commanders", "elements", "followers", "supporters",
    "loyalists", "part", "activists", "cadres", "cadre", "separatists",
    "guerrillas", "insurgents", "rebels", "partisans", "militiamen",
    "combatants",
    /* "treated as an act of X", "bore the hallmarks of X" */
    "act", "work", "hallmarks", "hallmark", "handiwork", NULL};
/* blame told as an idiom: "sources put it down to X", "police laid the
 * blame on X", "officials pinned the attack on X", "the killing was laid
 * at the door of X"; the particle after which X stands */
static const char *const idiom_verbs[] = {
    "put", "puts", "putting", "laid", "lay", "lays", "laying", "pinned",
    "pins", "pinning", "pin", "pointed", "pointing", "points", NULL};
/* "X-linked", "X-affiliated" */
static const char *const linked_suffix[] = {
    "linked", "affiliated", "allied", "aligned", "inspired", "led", NULL};
static const char *const hedge_phrases[] = {
    "did not provide any evidence", "did not provide evidence",
    "without providing evidence", "without evidence", "no evidence",
    "could not be confirmed", "could not be independently confirmed",
    "could not be verified", "could not be independently verified",
    "not independently verified", "unverified", "unconfirmed", NULL};

static int clause_punct(const sr_doc_t *doc, size_t i)
{
    int c = sr_tok_punct(doc, i);

    return c == ',' || c == ';' || c == '.' || c == ':' || c == '!' ||
           c == '?';
}

/* The first named actor starting in [from, from + window) before any
 * clause punctuation, or -1. */
static int named_from(const sr_doc_t *doc, const sr_actor_hit_t *actors,
                      size_t nactors, size_t from, size_t te, size_t window)
{
    size_t end = from + window < te ? from + window : te;

    for (size_t j = from; j < end; j++) {
        for (size_t k = 0; k < nactors; k++) {
            if (actors[k].tb == j && named_state_or_group(&actors[k])) {
                return (int)k;
            }
        }
        if (clause_punct(doc, j)) {
            break;
        }
    }
    return -1;
}

/* The named actor ending within 3 tokens before i, or -1. */
static int named_just_before(const sr_actor_hit_t *actors, size_t nactors,
                             size_t i)
{
    for (size_t k = nactors; k > 0; k--) {
        const sr_actor_hit_t *a = &actors[k - 1];

        if (named_state_or_group(a) && a->te <= i && a->te + 3 >= i) {
            return (int)(k - 1);
        }
    }
    return -1;
}

/* The named actor opening the clause that ends at i ("The X led by Y
 * was blamed", "Members of X were convicted"), or -1: no other actor and
 * no verb of the incident between. */
/* The end of a relative clause told between commas right after a
 * subject ending at j ("X, who were active in the area, were blamed"),
 * or j. */
static size_t past_relative(const sr_doc_t *doc, size_t j, size_t i)
{
    if (j + 2 >= i || sr_tok_punct(doc, j) != ',' ||
        !(sr_tok_is(doc, j + 1, "who") || sr_tok_is(doc, j + 1, "which") ||
          sr_tok_is(doc, j + 1, "whose"))) {
        return j;
    }
    for (size_t k = j + 2; k < i && k < j + 16; k++) {
        if (sr_tok_punct(doc, k) == ',') {
            return k + 1;
        }
        if (clause_punct(doc, k) || sr_tok_has(doc, k, SR_W_TRIGGER)) {
            break;
        }
    }
    return j;
}

static int named_subject(const sr_doc_t *doc, size_t tb, size_t i,
                         const sr_actor_hit_t *actors, size_t nactors)
{
    int a = -1;
    size_t from = 0;

    for (size_t k = 0; k < nactors; k++) {
        size_t e = actors[k].te <= i ? past_relative(doc, actors[k].te, i) : i;

        if (actors[k].te <= i && actors[k].tb >= tb &&
            e + SUBJECT_REACH >= i) {
            a = (int)k; /* the last one before i wins */
            from = e;
        }
    }
    if (a < 0 || !named_state_or_group(&actors[a])) {
        return -1;
    }
    for (size_t j = from; j < i; j++) {
        if (clause_punct(doc, j) || sr_tok_has(doc, j, SR_W_TRIGGER)) {
            return -1;
        }
    }
    return a;
}

/* "killed five members of X", "arrested two militants of X": X suffered
 * the event, it did not do it. */
static int victims_before(const sr_doc_t *doc, size_t tb, size_t i)
{
    /* "assassinated a former member of X", "killed a senior commander of
     * X": the rank between the deed and the noun */
    static const char *const rank_words[] = {
        "former", "senior", "top", "local", "prominent", "key", "leading",
        "mid", "high", "ranking", "level", "alleged", "suspected", "the",
        "ex", "retired", "veteran", NULL};
    size_t reach = 2;

    for (size_t j = i; j > tb && j + reach > i; j--) {
        if (sr_tok_is(doc, j - 1, "a") || sr_tok_is(doc, j - 1, "an")) {
            continue; /* "a branch of X", not a count */
        }
        if ((sr_tok_in(doc, j - 1, rank_words) ||
             sr_tok_punct(doc, j - 1) == '-') && reach < 6) {
            reach++;
            continue;
        }
        if (doc->toks[j - 1].kind == SR_TOK_PUNCT) {
            return 0; /* "On 20 May 2022, members of X": a date's year */
        }
        if (doc->toks[j - 1].kind == SR_TOK_NUM ||
            sr_tok_has(doc, j - 1, SR_W_KILL | SR_W_DIE | SR_W_INJURE |
                                       SR_W_ARREST | SR_W_KIDNAP |
                                       SR_W_NUMWORD | SR_W_FEW) ||
            (sr_tok_has(doc, j - 1, SR_W_TRIGGER) &&
             !doc->toks[j - 1].lex->trig_noun)) {
            return 1;
        }
    }
    return 0;
}

/* "X or Y", "X and the Y": the named actor joined to actor a, or -1. */
static int coordinated(const sr_doc_t *doc, const sr_actor_hit_t *actors,
                       size_t nactors, int a, size_t te)
{
    size_t j = actors[a].te;

    if (j + 1 >= te ||
        !(sr_tok_is(doc, j, "or") || sr_tok_is(doc, j, "and"))) {
        return -1;
    }
    return named_from(doc, actors, nactors, j + 1, te, 2);
}

static int hedged(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i < te; i++) {
        for (size_t k = 0; hedge_phrases[k] != NULL; k++) {
            if (sr_tok_phrase(doc, i, te, hedge_phrases[k])) {
                return 1;
            }
        }
    }
    return 0;
}

/* "attributed the attack to X", "blamed X for", "suspected the
 * involvement of X", "identified the assailants as X", "X is suspected". */
static int blame_at_verb(const sr_doc_t *doc, size_t tb, size_t te,
                         size_t i, const sr_actor_hit_t *actors,
                         size_t nactors)
{
    int a;

    for (size_t j = i + 1; j < te && j < i + BLAME_WINDOW; j++) {
        if (clause_punct(doc, j)) {
            break;
        }
        if (sr_tok_is(doc, j, "to") || sr_tok_is(doc, j, "on") ||
            sr_tok_is(doc, j, "as") || sr_tok_is(doc, j, "with")) {
            a = named_from(doc, actors, nactors, j + 1, te, 3);
            if (a >= 0) {
                return a;
            }
        }
    }
    if (sr_tok_is(doc, i, "held")) {
        /* "held anti-government views": a label, not a detained group;
         * "held X responsible": the blamed */
        a = named_from(doc, actors, nactors, i + 1, te, 2);
        if (a >= 0 && (actors[a].kind == SR_ACTOR_GENERIC_PERP ||
                       (actors[a].te < te &&
                        (sr_tok_is(doc, actors[a].te, "responsible") ||
                         sr_tok_is(doc, actors[a].te, "accountable"))))) {
            return a;
        }
    }
    if (!sr_tok_is(doc, i, "identified") && !sr_tok_is(doc, i, "held") &&
        !sr_tok_is(doc, i, "linked") && !sr_tok_is(doc, i, "tied") &&
        !sr_tok_is(doc, i, "connected")) {
        a = named_from(doc, actors, nactors, i + 1, te, BLAME_WINDOW);
        if (a >= 0) {
            return a;
        }
    }
    /* "Tupac Amaru is suspected", "X were blamed", "X, led by Y, was
     * blamed" */
    if (i > tb && sr_tok_has(doc, i - 1, SR_W_AUX)) {
        a = named_just_before(actors, nactors, i - 1);
        return a >= 0 ? a : named_subject(doc, tb, i - 1, actors, nactors);
    }
    /* "Abu Sayyaf suspected.": a note's blame, the verb ending it */
    if (i > tb && (i + 1 >= te || clause_punct(doc, i + 1))) {
        a = named_just_before(actors, nactors, i);
        if (a >= 0 && actors[a].te == i) {
            return a;
        }
    }
    if (i > tb + 1 && sr_tok_has(doc, i - 2, SR_W_AUX) &&
        doc->toks[i - 1].kind == SR_TOK_WORD && !doc->toks[i - 1].cap) {
        return named_just_before(actors, nactors, i - 2); /* "is widely" */
    }
    return -1;
}

/* One of words within window tokens before i, in its clause. */
static int preceded_by_word(const sr_doc_t *doc, size_t tb, size_t i,
                            const char *const *words, size_t window)
{
    for (size_t j = i; j > tb && j + window > i; j--) {
        if (sr_tok_punct(doc, j - 1) == ';' || sr_tok_punct(doc, j - 1) == '.') {
            return 0;
        }
        if (sr_tok_in(doc, j - 1, words)) {
            return 1;
        }
    }
    return 0;
}

/* "the perpetrator was described as X", "he is regarded as X": X when
 * "as" follows the verb closely and a person is its subject; -1 else. */
static int described_as(const sr_doc_t *doc, size_t tb, size_t te, size_t i,
                        const sr_actor_hit_t *actors, size_t nactors)
{
    int person = 0;

    if (i > tb + 1 && sr_tok_punct(doc, i - 1) == '-' &&
        sr_tok_is(doc, i - 2, "self")) {
        /* "a self-described incel" */
        return named_from(doc, actors, nactors, i + 1, te, 2);
    }
    for (size_t j = i; j > tb && j + 6 > i && !person; j--) {
        if (clause_punct(doc, j - 1)) {
            break;
        }
        person = sr_tok_in(doc, j - 1, person_words) ||
                 sr_tok_has(doc, j - 1, SR_W_PERP);
    }
    /* "police described the assailant as X": the person is the object */
    for (size_t j = i + 1; !person && j < te && j < i + 4; j++) {
        if (sr_tok_is(doc, j, "as") || clause_punct(doc, j)) {
            break;
        }
        person = sr_tok_in(doc, j, person_words) ||
                 sr_tok_has(doc, j, SR_W_PERP);
    }
    /* "described by relatives as X" */
    for (size_t j = i + 1; person && j < te && j < i + 6; j++) {
        if (clause_punct(doc, j)) {
            break;
        }
        if (sr_tok_is(doc, j, "as")) {
            return named_from(doc, actors, nactors, j + 1, te, 3);
        }
    }
    return -1;
}

/* The named actor that "was (believed to be) responsible" / "was behind":
 * it ends within five tokens before i, with a form of "be" between. */
static int agent_of_copula(const sr_doc_t *doc, size_t tb, size_t i,
                           const sr_actor_hit_t *actors, size_t nactors)
{
    static const char *const be[] = {"is", "was", "were", "are", "be",
                                     "been", NULL};
    int a = -1;
    size_t j;

    for (j = i; j > tb && j + 6 > i; j--) {
        if (sr_tok_in(doc, j - 1, be)) {
            break;
        }
    }
    if (j == tb || j + 6 <= i) {
        return -1;
    }
    for (size_t k = nactors; k > 0 && a < 0; k--) {
        const sr_actor_hit_t *h = &actors[k - 1];

        if (named_state_or_group(h) && h->te <= j - 1 && h->te + 3 >= j - 1) {
            a = (int)(k - 1);
        }
    }
    return a;
}

/* "put it down to X", "laid the blame on X", "laid at the door of X",
 * "pinned the attack on X", "pointed the finger at X": X, or -1. "put
 * pressure on X" and "laid siege to X" are no blame: "put" needs "down
 * to" or "blame", "laid" needs "blame" or "door", "pointed" needs
 * "finger" or "to" right after, and only "pinned" takes any object. */
static int blame_idiom(const sr_doc_t *doc, size_t te, size_t i,
                       const sr_actor_hit_t *actors, size_t nactors)
{
    int pin = doc->text[doc->toks[i].start] == 'p' &&
              doc->text[doc->toks[i].start + 1] == 'i';
    int ok = pin;

    /* "the evidence pointed to X" */
    if (doc->text[doc->toks[i].start] == 'p' &&
        doc->text[doc->toks[i].start + 1] == 'o' && i + 1 < te &&
        sr_tok_is(doc, i + 1, "to")) {
        return named_from(doc, actors, nactors, i + 2, te, 3);
    }
    for (size_t j = i + 1; j < te && j < i + BLAME_WINDOW; j++) {
        if (clause_punct(doc, j)) {
            break;
        }
        if (sr_tok_is(doc, j, "blame") || sr_tok_is(doc, j, "door") ||
            sr_tok_is(doc, j, "doorstep") || sr_tok_is(doc, j, "finger") ||
            sr_tok_is(doc, j, "fingers") ||
            (sr_tok_is(doc, j, "down") && j + 1 < te &&
             sr_tok_is(doc, j + 1, "to"))) {
            ok = 1;
        }
        if (ok && (sr_tok_is(doc, j, "to") || sr_tok_is(doc, j, "on") ||
                   sr_tok_is(doc, j, "of") || sr_tok_is(doc, j, "at"))) {
            return named_from(doc, actors, nactors, j + 1, te, 3);
        }
    }
    return -1;
}

static sr_certainty_t blame_certainty(const sr_doc_t *doc, size_t tb,
                                      size_t te, size_t cue)
{
    sr_certainty_t cert = SR_CERT_CONFIRMED;

    for (size_t j = tb; j < te; j++) {
        if (sr_tok_in(doc, j, suspect_words) ||
            sr_tok_has(doc, j, SR_W_MODAL | SR_W_REPORTED)) {
            return SR_CERT_SUSPECTED;
        }
    }
    if (sr_tok_in(doc, cue, blame_verbs) || sr_tok_in(doc, cue, idiom_verbs)) {
        cert = SR_CERT_BLAMED_BY_OTHER;
    }
    if (cert == SR_CERT_CONFIRMED && hedged(doc, tb, te)) {
        cert = SR_CERT_SUSPECTED;
    }
    for (size_t j = tb; j < te && cert == SR_CERT_CONFIRMED; j++) {
        if (sr_tok_in(doc, j, statement_verbs) || sr_tok_is(doc, j, "told") ||
            sr_tok_is(doc, j, "according")) {
            cert = SR_CERT_BLAMED_BY_OTHER; /* "officials said X did it" */
        }
    }
    return cert;
}

int sr_blame_find(const sr_doc_t *doc, size_t tb, size_t te,
                  const sr_actor_hit_t *actors, size_t nactors,
                  sr_blame_hit_t *out)
{
    int any = 0;

    for (size_t k = 0; k < nactors && !any; k++) {
        any = named_state_or_group(&actors[k]);
    }
    if (!any) {
        return 0;
    }
    memset(out, 0, sizeof(*out));
    out->actor = -1;
    for (size_t i = tb; i < te; i++) {
        const sr_tok_t *t = &doc->toks[i];
        int a = -1;

        if (t->kind != SR_TOK_WORD && sr_tok_punct(doc, i) != '-') {
            continue;
        }
        if (sr_tok_in(doc, i, blame_verbs)) {
            a = blame_at_verb(doc, tb, te, i, actors, nactors);
        } else if (sr_tok_in(doc, i, idiom_verbs)) {
            a = blame_idiom(doc, te, i, actors, nactors);
        } else if (i + 2 < te && sr_tok_is(doc, i + 1, "to") &&
                   sr_tok_is(doc, i + 2, "be") &&
                   (sr_tok_is(doc, i, "believed") ||
                    sr_tok_is(doc, i, "thought") ||
                    sr_tok_is(doc, i, "presumed") ||
                    sr_tok_is(doc, i, "understood"))) {
            /* "the gunmen, believed to be X fighters, fled" */
            a = named_from(doc, actors, nactors, i + 3, te, 3);
        } else if (sr_tok_is(doc, i, "allegiance") ||
                   (sr_tok_is(doc, i, "inspired") && i + 1 < te &&
                    sr_tok_is(doc, i + 1, "by"))) {
            /* "pledged allegiance to X": the label on the word itself
             * for one attacker (sr_actors_find), X for a band */
            a = named_from(doc, actors, nactors, i > tb ? i - 1 : i, te, 5);
        } else if (sr_tok_in(doc, i, trace_verbs) &&
                   preceded_by_word(doc, tb, i, trace_nouns, 8)) {
            /* "bore the initials of X", "alluded to X" */
            a = named_from(doc, actors, nactors, i + 1, te, 6);
        } else if (sr_tok_in(doc, i, describe_verbs)) {
            a = described_as(doc, tb, te, i, actors, nactors);
        } else if ((sr_tok_is(doc, i, "was") || sr_tok_is(doc, i, "is")) &&
                   i > tb && sr_tok_in(doc, i - 1, person_words) &&
                   i + 1 < te &&
                   (sr_tok_is(doc, i + 1, "a") || sr_tok_is(doc, i + 1, "an"))) {
            /* "the gunman was an anti-government extremist": a label */
            a = named_from(doc, actors, nactors, i + 2, te, 2);
            if (a >= 0 && (actors[a].type == NULL ||
                           strcmp(actors[a].type, "EXTREMIST") != 0)) {
                a = -1;
            }
        } else if (sr_tok_in(doc, i, statement_verbs)) {
            /* "a caller said X had done it": told by another; "officials
             * said X had been warned" names no doer */
            a = named_from(doc, actors, nactors,
                           i + 1 < te && sr_tok_is(doc, i + 1, "that") ? i + 2
                                                                       : i + 1,
                           te, 2);
            if (a >= 0 && !did_after(doc, actors[a].te - 1, te)) {
                a = -1;
            }
        } else if (sr_tok_is(doc, i, "with") && i > tb &&
                   sr_tok_in(doc, i - 1, person_words) &&
                   (a = named_from(doc, actors, nactors, i + 1, te, 3)) >= 0 &&
                   actors[a].type != NULL &&
                   strcmp(actors[a].type, "EXTREMIST") == 0) {
            /* "a man with anti-abortion views was arrested": his creed's
             * label */
        } else if (sr_tok_stance(doc, i) &&
                   (a = named_from(doc, actors, nactors, i, te, 1)) >= 0 &&
                   actors[a].type != NULL &&
                   strcmp(actors[a].type, "EXTREMIST") == 0) {
            /* "the perpetrator, who opposed abortion": his creed's label */
        } else if ((sr_tok_is(doc, i, "itself") ||
                    sr_tok_is(doc, i, "themselves")) &&
                   i > tb &&
                   (sr_tok_is(doc, i - 1, "calling") ||
                    sr_tok_is(doc, i - 1, "called") ||
                    sr_tok_is(doc, i - 1, "calls"))) {
            /* "the group, calling itself the X, fled": its own name */
            a = named_from(doc, actors, nactors, i + 1, te, 2);
        } else if (sr_tok_in(doc, i, member_verbs)) {
            size_t j = i + 1;

            if (j < te && (sr_tok_is(doc, j, "to") || sr_tok_is(doc, j, "with"))) {
                j++;
            }
            a = named_from(doc, actors, nactors, j, te, 3);
            if (a >= 0 &&
                (sr_tok_in(doc, i, post_verbs) ||
                 sr_tok_in(doc, i, shout_verbs)) &&
                (actors[a].type == NULL ||
                 strcmp(actors[a].type, "EXTREMIST") != 0)) {
                a = -1; /* what one posts tells a creed, not a group */
            }
            if (a >= 0 && sr_tok_in(doc, i, shout_verbs) &&
                !preceded_by_word(doc, tb, i, person_words, 8)) {
                a = -1;
            }
        } else if ((sr_tok_is(doc, i, "a") || sr_tok_is(doc, i, "an")) &&
                   i > tb + 1 && sr_tok_punct(doc, i - 1) == ',' &&
                   sr_tok_has(doc, i - 2, SR_W_PERP)) {
            /* "the assailant, an anti-Muslim extremist," */
            a = named_from(doc, actors, nactors, i + 1, te, 3);
        } else if (sr_tok_in(doc, i, demand_verbs)) {
            /* a state's threats answer the deed, they do not tell it */
            a = named_subject(doc, tb, i, actors, nactors);
            if (a >= 0 && actors[a].type != NULL &&
                strncmp(actors[a].type, "STATE", 5) == 0) {
                a = -1;
            }
        } else if ((sr_tok_is(doc, i, "were") || sr_tok_is(doc, i, "was")) &&
                   i > tb && sr_tok_has(doc, i - 1, SR_W_PERP) &&
                   (a = named_from(doc, actors, nactors, i + 1, te, 2)) >= 0) {
            /* "the attackers were X fighters", "the gunmen were from X" */
        } else if (sr_tok_is(doc, i, "from") && i > tb + 1 &&
                   (sr_tok_has(doc, i - 1, SR_W_PERP) ||
                    (sr_tok_has(doc, i - 1, SR_W_AUX) &&
                     sr_tok_has(doc, i - 2, SR_W_PERP)) ||
                    (sr_tok_punct(doc, i - 1) == ',' &&
                     sr_tok_has(doc, i - 2, SR_W_PERP)))) {
            /* "the hijackers, from X, freed" */
            a = named_from(doc, actors, nactors, i + 1, te, 3);
        } else if (sr_tok_is(doc, i, "responsible") ||
                   sr_tok_is(doc, i, "behind") ||
                   sr_tok_is(doc, i, "culprit") ||
                   sr_tok_is(doc, i, "culprits") ||
                   (sr_tok_is(doc, i, "line") && i + 2 < te &&
                    sr_tok_is(doc, i + 1, "of") &&
                    (sr_tok_is(doc, i + 2, "inquiry") ||
                     sr_tok_is(doc, i + 2, "enquiry") ||
                     sr_tok_is(doc, i + 2, "investigation")))) {
            /* "X was the main line of inquiry" */
            /* "X was responsible", "X is believed to be behind" */
            a = agent_of_copula(doc, tb, i, actors, nactors);
        } else if (sr_tok_is(doc, i, "by") && i > tb &&
                   (sr_tok_in(doc, i - 1, deed_verbs) ||
                    (i > tb + 1 && sr_tok_in(doc, i - 2, deed_verbs)) ||
                    sr_tok_has(doc, i - 1, SR_W_TRIGGER | SR_W_KILL))) {
            a = named_from(doc, actors, nactors, i + 1, te, 3);
        } else if (sr_tok_is(doc, i, "of") && i > tb &&
                   (sr_tok_in(doc, i - 1, part_of) ||
                    sr_tok_in(doc, i - 1, trace_nouns)) &&
                   !victims_before(doc, tb, i - 1)) {
            /* "members of X"; "slogans of X were sprayed on a wall" */
            a = named_from(doc, actors, nactors, i + 1, te, 3);
        } else if (sr_tok_punct(doc, i) == '-' && i + 1 < te &&
                   sr_tok_in(doc, i + 1, linked_suffix)) {
            a = named_just_before(actors, nactors, i);
            if (a >= 0 && actors[a].te != i) {
                a = -1;
            }
        }
        if (a >= 0) {
            out->actor = a;
            out->also = coordinated(doc, actors, nactors, a, te);
            out->tb = actors[a].tb < i ? actors[a].tb : i;
            out->te = actors[a].te > i + 1 ? actors[a].te : i + 1;
            if (out->also >= 0) {
                out->te = actors[out->also].te;
            }
            out->cert = blame_certainty(doc, tb, te, i);
            return 1;
        }
    }
    return 0;
}

sr_certainty_t sr_claim_certainty(const sr_doc_t *doc, size_t tb, size_t te,
                                  size_t actor_tb, sr_certainty_t cert)
{
    if (cert != SR_CERT_CONFIRMED) {
        return cert;
    }
    /* "the army said (that) X ...": X is the army's word */
    for (size_t j = actor_tb; j > tb && j + 5 > actor_tb; j--) {
        if (clause_punct(doc, j - 1)) {
            break;
        }
        if (sr_tok_in(doc, j - 1, statement_verbs) ||
            sr_tok_is(doc, j - 1, "accused") || sr_tok_is(doc, j - 1, "told")) {
            return SR_CERT_BLAMED_BY_OTHER;
        }
    }
    return hedged(doc, tb, te) ? SR_CERT_SUSPECTED : cert;
}
