/* classify.c - category, labels and factuality from cue words. */
#include "classify.h"

#include <string.h>

static int has_word(const sr_doc_t *doc, size_t tb, size_t te,
                    const char *const *words)
{
    for (size_t i = tb; i < te; i++) {
        if (doc->toks[i].kind == SR_TOK_WORD && sr_tok_in(doc, i, words)) {
            return 1;
        }
    }
    return 0;
}

static int rank(sr_category_t c)
{
    switch (c) {
    case SR_CAT_SUICIDE_BOMBING:
        return 10;
    case SR_CAT_REMOTE_EXPLOSIVE_IED:
    case SR_CAT_GRENADE:
    case SR_CAT_AIR_DRONE_STRIKE:
        return 9;
    case SR_CAT_SHELLING_ARTILLERY_MISSILE:
        return 8;
    case SR_CAT_BOMBING_OTHER:
    case SR_CAT_HIJACKING:
    case SR_CAT_HOSTAGE_BARRICADE:
        return 7;
    case SR_CAT_KIDNAPPING:
    case SR_CAT_ASSASSINATION:
        return 6;
    case SR_CAT_PROTEST_PEACEFUL:
    case SR_CAT_RIOT_VIOLENT_DEMONSTRATION:
        return 5;
    case SR_CAT_ARMED_ASSAULT:
    case SR_CAT_ARMED_CLASH:
        return 4;
    case SR_CAT_FACILITY_ATTACK_ARSON:
    case SR_CAT_UNARMED_ASSAULT:
    case SR_CAT_MOB_VIOLENCE:
        return 3;
    case SR_CAT_LOOTING_PROPERTY_DESTRUCTION:
    case SR_CAT_ARRESTS:
    case SR_CAT_ACCIDENT:
        return 2;
    default:
        return 0;
    }
}

int sr_is_trigger(const sr_doc_t *doc, size_t tb, size_t te, size_t i)
{
    if (!sr_tok_has(doc, i, SR_W_TRIGGER)) {
        return 0;
    }
    /* "attack helicopter", "bomb squad", "attack on ... was averted" is
     * handled by factuality, not here */
    if (i + 1 < te && (sr_tok_is(doc, i + 1, "helicopter") ||
                       sr_tok_is(doc, i + 1, "helicopters") ||
                       sr_tok_is(doc, i + 1, "squad") ||
                       sr_tok_is(doc, i + 1, "dogs") ||
                       sr_tok_is(doc, i + 1, "threat") ||
                       sr_tok_is(doc, i + 1, "threats"))) {
        return 0;
    }
    /* "no one was killed": a zero count, not an event */
    if (doc->toks[i].lex->trig == SR_CAT_OTHER + 1) {
        for (size_t j = i; j > tb && j + 5 > i; j--) {
            if (sr_tok_is(doc, j - 1, "no") || sr_tok_is(doc, j - 1, "nobody") ||
                sr_tok_is(doc, j - 1, "none") || sr_tok_is(doc, j - 1, "not")) {
                return 0;
            }
        }
    }
    return 1;
}

sr_category_t sr_classify(const sr_doc_t *doc, size_t tb, size_t te,
                          int has_perp)
{
    static const char *const suicide[] = {"suicide", NULL};
    static const char *const ied[] = {"roadside", "ied", "ieds", "improvised",
                                      "landmine", "landmines", "mine",
                                      "explosive", "remote", NULL};
    static const char *const air[] = {"drone", "airstrike", "airstrikes",
                                      "warplanes", "warplane", "jets",
                                      "aircraft", NULL};
    static const char *const shells[] = {"rocket", "rockets", "mortar",
                                         "mortars", "missile", "missiles",
                                         "artillery", "shells", NULL};
    static const char *const force[] = {"tear", "dispersed", "disperse",
                                        "water", "batons", NULL};
    static const char *const lethal[] = {"fire", "shot", "killed", "live",
                                         "bullets", NULL};
    static const char *const riot[] = {"riot", "riots", "rioting", "rioters",
                                       "stones", "torched", "burned",
                                       "looted", "clashed", "vandalised",
                                       "vandalized", NULL};
    static const char *const shooting[] = {"shot", "gunmen", "gunman",
                                           "gunfire", "opened", NULL};
    sr_category_t best = SR_CAT_OTHER;
    int best_rank = -1;

    for (size_t i = tb; i < te; i++) {
        sr_category_t c;

        if (!sr_is_trigger(doc, tb, te, i)) {
            continue;
        }
        c = (sr_category_t)(doc->toks[i].lex->trig - 1);
        if (rank(c) > best_rank) {
            best = c;
            best_rank = rank(c);
        }
    }
    switch (best) {
    case SR_CAT_BOMBING_OTHER:
    case SR_CAT_REMOTE_EXPLOSIVE_IED:
        if (has_word(doc, tb, te, suicide)) {
            return SR_CAT_SUICIDE_BOMBING;
        }
        if (has_word(doc, tb, te, air)) {
            return SR_CAT_AIR_DRONE_STRIKE;
        }
        if (has_word(doc, tb, te, ied)) {
            return SR_CAT_REMOTE_EXPLOSIVE_IED;
        }
        return best;
    case SR_CAT_ARMED_ASSAULT:
    case SR_CAT_OTHER:
        if (has_word(doc, tb, te, suicide) && best == SR_CAT_ARMED_ASSAULT &&
            has_word(doc, tb, te, ied)) {
            return SR_CAT_SUICIDE_BOMBING;
        }
        if (has_word(doc, tb, te, air)) {
            return SR_CAT_AIR_DRONE_STRIKE;
        }
        if (has_word(doc, tb, te, shells)) {
            return SR_CAT_SHELLING_ARTILLERY_MISSILE;
        }
        if (best == SR_CAT_OTHER &&
            (has_perp || has_word(doc, tb, te, shooting))) {
            return SR_CAT_ARMED_ASSAULT;
        }
        return best;
    case SR_CAT_PROTEST_PEACEFUL:
        for (size_t i = tb; i < te; i++) {
            if (sr_tok_has(doc, i, SR_W_PROTEST) &&
                has_word(doc, tb, te, lethal)) {
                return SR_CAT_EXCESSIVE_FORCE_ON_PROTESTERS;
            }
        }
        if (has_word(doc, tb, te, riot)) {
            return SR_CAT_RIOT_VIOLENT_DEMONSTRATION;
        }
        if (has_word(doc, tb, te, force)) {
            return SR_CAT_PROTEST_WITH_INTERVENTION;
        }
        return best;
    default:
        return best;
    }
}

#define ERV "Explosions/Remote violence"
#define VAC "Violence against civilians"
#define SD "Strategic developments"
#define BOMB "Bombing/Explosion"
#define ABDUCT "Abduction/forced disappearance"

/* Indexed by sr_category_t; ARMED_ASSAULT depends on the target. */
static const sr_labels_t label_table[SR_CAT__COUNT] = {
    [SR_CAT_ARMED_CLASH] = {"Battles", "Armed clash", NULL},
    [SR_CAT_AIR_DRONE_STRIKE] = {ERV, "Air/drone strike", NULL},
    [SR_CAT_SHELLING_ARTILLERY_MISSILE] = {ERV,
                                           "Shelling/artillery/missile attack",
                                           BOMB},
    [SR_CAT_REMOTE_EXPLOSIVE_IED] = {ERV, "Remote explosive/landmine/IED",
                                     BOMB},
    [SR_CAT_SUICIDE_BOMBING] = {ERV, "Suicide bomb", BOMB},
    [SR_CAT_GRENADE] = {ERV, "Grenade", BOMB},
    [SR_CAT_BOMBING_OTHER] = {ERV, "Remote explosive/landmine/IED", BOMB},
    [SR_CAT_ARMED_ASSAULT] = {VAC, "Attack", "Armed Assault"},
    [SR_CAT_ASSASSINATION] = {VAC, "Attack", "Assassination"},
    [SR_CAT_KIDNAPPING] = {VAC, ABDUCT, "Hostage Taking (Kidnapping)"},
    [SR_CAT_HOSTAGE_BARRICADE] = {VAC, ABDUCT,
                                  "Hostage Taking (Barricade Incident)"},
    [SR_CAT_HIJACKING] = {VAC, ABDUCT, "Hijacking"},
    [SR_CAT_FACILITY_ATTACK_ARSON] = {SD, "Looting/property destruction",
                                      "Facility/Infrastructure Attack"},
    [SR_CAT_UNARMED_ASSAULT] = {VAC, "Attack", "Unarmed Assault"},
    [SR_CAT_SEXUAL_VIOLENCE] = {VAC, "Sexual violence", NULL},
    [SR_CAT_CHEMICAL_BIO_RADNUC] = {ERV, "Chemical weapon", NULL},
    [SR_CAT_TERRITORY_TAKEN] = {"Battles",
                                "Non-state actor overtakes territory", NULL},
    [SR_CAT_TERRITORY_REGAINED] = {"Battles", "Government regains territory",
                                   NULL},
    [SR_CAT_PROTEST_PEACEFUL] = {"Protests", "Peaceful protest", NULL},
    [SR_CAT_PROTEST_WITH_INTERVENTION] = {"Protests",
                                          "Protest with intervention", NULL},
    [SR_CAT_EXCESSIVE_FORCE_ON_PROTESTERS] = {
        "Protests", "Excessive force against protesters", NULL},
    [SR_CAT_RIOT_VIOLENT_DEMONSTRATION] = {"Riots", "Violent demonstration",
                                           NULL},
    [SR_CAT_MOB_VIOLENCE] = {"Riots", "Mob violence", NULL},
    [SR_CAT_ARRESTS] = {SD, "Arrests", NULL},
    [SR_CAT_LOOTING_PROPERTY_DESTRUCTION] = {SD, "Looting/property destruction",
                                             NULL},
    [SR_CAT_DISRUPTED_WEAPONS_USE] = {SD, "Disrupted weapons use", NULL},
};

sr_labels_t sr_labels(sr_category_t cat, int target_security)
{
    sr_labels_t l = {NULL, NULL, NULL};

    if ((int)cat < 0 || cat >= SR_CAT__COUNT) {
        return l;
    }
    l = label_table[cat];
    if (cat == SR_CAT_ARMED_ASSAULT && target_security) {
        /* ACLED codes an attack on armed forces as a battle */
        l.acled = "Battles";
        l.acled_sub = "Armed clash";
    }
    return l;
}

int sr_category_is_protest(sr_category_t c)
{
    return c == SR_CAT_PROTEST_PEACEFUL ||
           c == SR_CAT_PROTEST_WITH_INTERVENTION ||
           c == SR_CAT_EXCESSIVE_FORCE_ON_PROTESTERS ||
           c == SR_CAT_RIOT_VIOLENT_DEMONSTRATION;
}

static int clause_break(const sr_doc_t *doc, size_t i)
{
    int p = sr_tok_punct(doc, i);

    return p == ';' || p == ':' || sr_tok_is(doc, i, "but") ||
           sr_tok_is(doc, i, "while") || sr_tok_is(doc, i, "although");
}

void sr_clause_bounds(const sr_doc_t *doc, size_t tb, size_t te, size_t i,
                      size_t *cb, size_t *ce)
{
    *cb = tb;
    *ce = te;
    for (size_t j = i; j > tb; j--) {
        if (clause_break(doc, j - 1)) {
            *cb = j;
            break;
        }
    }
    for (size_t j = i + 1; j < te; j++) {
        if (clause_break(doc, j)) {
            *ce = j;
            break;
        }
    }
}

sr_factuality_t sr_factuality(const sr_doc_t *doc, size_t tb, size_t te,
                              size_t trig)
{
    size_t cb, ce;

    sr_clause_bounds(doc, tb, te, trig, &cb, &ce);
    for (size_t i = cb; i < ce; i++) {
        if (sr_tok_has(doc, i, SR_W_FOIL)) {
            return SR_FACT_FOILED;
        }
    }
    for (size_t i = trig; i > cb && i + 5 > trig; i--) {
        size_t j = i - 1;

        if (sr_tok_has(doc, j, SR_W_PLAN)) {
            return SR_FACT_PLANNED_OR_THREATENED;
        }
        if (sr_tok_has(doc, j, SR_W_MODAL) && !sr_tok_is(doc, j, "may")) {
            return SR_FACT_HYPOTHETICAL;
        }
        if (sr_tok_has(doc, j, SR_W_NEGATION) && i + 3 > trig) {
            if (sr_tok_is(doc, j, "denied")) {
                return SR_FACT_DENIED;
            }
            return SR_FACT_NEGATED;
        }
    }
    for (size_t i = cb; i < ce; i++) {
        if (sr_tok_is(doc, i, "denied") && i < trig && i + 1 < ce &&
            sr_tok_is(doc, i + 1, "that")) {
            return SR_FACT_DENIED;
        }
        if (sr_tok_has(doc, i, SR_W_REPORTED)) {
            return SR_FACT_REPORTED_UNCONFIRMED;
        }
    }
    return SR_FACT_ASSERTED;
}
