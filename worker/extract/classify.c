/* classify.c - category, labels and factuality from cue words. */
#include "classify.h"

#include <string.h>

/* Context words of the classifier. Every one of them is marked
 * SR_W_CLSCUE in the lexicon, so scans skip all other tokens. */
static const char *const suicide[] = {"suicide", NULL};
static const char *const ied[] = {"roadside", "ied", "ieds", "improvised",
                                  "landmine", "landmines", "mine",
                                  "explosive", "remote", NULL};
static const char *const air_cues[] = {"drone", "airstrike", "airstrikes",
                                  "warplanes", "warplane", "jets",
                                  "aircraft", NULL};
static const char *const shells[] = {"rocket", "rockets", "mortar",
                                     "mortars", "missile", "missiles",
                                     "artillery", "shells", NULL};
static const char *const force[] = {"tear", "dispersed", "disperse",
                                    "water", "batons", "arrested",
                                    "detained", NULL};
static const char *const lethal[] = {"shot", "killed", "live", "bullets",
                                     NULL};
static const char *const igniting[] = {"set", "sets", "setting", "opened",
                                       "opening", "open", NULL};
static const char *const riot[] = {"riot", "riots", "rioting", "rioters",
                                   "stones", "torched", "burned", "burnt",
                                   "burning", "tires", "tyres", "rocks",
                                   "barricaded", "barricades", "blocked",
                                   "looted", "clashed", "vandalised",
                                   "vandalized", "violent", "rioted",
                                   NULL};
static const char *const shooting[] = {"shot", "gunmen", "gunman",
                                       "gunfire", "opened", NULL};
static const char *const mob[] = {"mob", "mobs", "lynched", "lynching",
                                  NULL};
static const char *const incendiary[] = {"incendiary", "molotov",
                                         "firebomb", "firebombs",
                                         "firebombed", "petrol", NULL};
static const char *const tires[] = {"tires", "tyres", NULL};
static const char *const thrown[] = {"threw", "hurled", "tossed", "lobbed",
                                     NULL};
static const char *const explosive[] = {
    "bomb", "bombs", "grenade", "grenades", "explosive", "explosives",
    "device", "devices", "ied", "molotov", "incendiary", "firebomb",
    "firebombs", "petrol", "dynamite", "blast", "exploded", NULL};
static const char *const stones[] = {"stones", "rocks", "bricks", "bottles",
                                     NULL};
static const char *const defused[] = {"defused", "defusal", "dismantled",
                                      "cache", "defuse", "discovered",
                                      "recovered", "found", NULL};
static const char *const prominent[] = {
    "leader", "mayor", "governor", "minister", "politician", "judge",
    "candidate", "activist", "lawmaker", "legislator", "councillor",
    "councilor", "official", "chairman", "chief", "prince", "senator",
    "mp", "journalist", "prosecutor", NULL};

static const char *const *const cue_lists[] = {
    suicide, ied, air_cues, shells, force, lethal, igniting, riot, shooting,
    mob, incendiary, tires, thrown, explosive, stones, defused, prominent,
    NULL};

/* "set fire", "set the house on fire" (1), "opened fire" (2), or 0. */
static int fire_phrase(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i + 1 < te; i++) {
        int opened;

        if (!sr_tok_has(doc, i, SR_W_CLSCUE) || !sr_tok_in(doc, i, igniting)) {
            continue;
        }
        opened = doc->text[doc->toks[i].start] == 'o' ||
                 doc->text[doc->toks[i].start] == 'O';
        for (size_t j = i + 1; j < te && j < i + (opened ? 2 : 6); j++) {
            if (sr_tok_is(doc, j, "fire") || sr_tok_is(doc, j, "ablaze")) {
                return opened ? 2 : 1;
            }
            if (doc->toks[j].kind == SR_TOK_PUNCT) {
                break;
            }
        }
    }
    return 0;
}

static const sr_trigger_t own_triggers[] = {{NULL, SR_CAT_OTHER, 0}};

const sr_trigger_t *sr_classify_triggers(void)
{
    return own_triggers;
}

const char *const *const *sr_classify_cue_lists(void)
{
    return cue_lists;
}

static int has_word(const sr_doc_t *doc, size_t tb, size_t te,
                    const char *const *words)
{
    for (size_t i = tb; i < te; i++) {
        if (sr_tok_has(doc, i, SR_W_CLSCUE) && sr_tok_in(doc, i, words)) {
            return 1;
        }
    }
    return 0;
}

int sr_category_rank(sr_category_t c)
{
    switch (c) {
    case SR_CAT_SUICIDE_BOMBING:
        return 10;
    case SR_CAT_REMOTE_EXPLOSIVE_IED:
    case SR_CAT_GRENADE:
    case SR_CAT_AIR_DRONE_STRIKE:
    case SR_CAT_CHEMICAL_BIO_RADNUC:
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
    case SR_CAT_PROTEST_WITH_INTERVENTION:
    case SR_CAT_EXCESSIVE_FORCE_ON_PROTESTERS:
    case SR_CAT_RIOT_VIOLENT_DEMONSTRATION:
        return 5;
    case SR_CAT_ARMED_ASSAULT:
    case SR_CAT_ARMED_CLASH:
    case SR_CAT_TERRITORY_TAKEN:
    case SR_CAT_TERRITORY_REGAINED:
        return 4;
    case SR_CAT_FACILITY_ATTACK_ARSON:
    case SR_CAT_UNARMED_ASSAULT:
    case SR_CAT_MOB_VIOLENCE:
    case SR_CAT_SEXUAL_VIOLENCE:
        return 3;
    case SR_CAT_LOOTING_PROPERTY_DESTRUCTION:
    case SR_CAT_ARRESTS:
    case SR_CAT_ACCIDENT:
        return 2;
    case SR_CAT_DISRUPTED_WEAPONS_USE:
    case SR_CAT_THREAT:
        return 1;
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
    /* "opened fire", "set fire", "exchanged fire"; "air strike"; not "fire
     * broke out", "hunger strike" */
    if (sr_tok_is(doc, i, "fire")) {
        static const char *const fire_verbs[] = {
            "opened", "open", "opens", "opening", "set", "sets", "setting",
            "exchanged", "returned", "heavy", "sniper", "gun", "on", NULL};

        return i > tb && sr_tok_in(doc, i - 1, fire_verbs);
    }
    if (sr_tok_is(doc, i, "strike") || sr_tok_is(doc, i, "strikes")) {
        static const char *const air[] = {"air", "drone", "aerial", "missile",
                                          "airstrike", NULL};

        return i > tb && sr_tok_in(doc, i - 1, air);
    }
    if (sr_tok_is(doc, i, "exchanged")) {
        return i + 1 < te && (sr_tok_is(doc, i + 1, "fire") ||
                              sr_tok_is(doc, i + 1, "gunfire") ||
                              sr_tok_is(doc, i + 1, "shots"));
    }
    if (sr_tok_is(doc, i, "beat")) {
        /* "beat up", "beat to death"; not "beat the team" */
        return i + 1 < te && (sr_tok_is(doc, i + 1, "up") ||
                              sr_tok_is(doc, i + 1, "to") ||
                              sr_tok_is(doc, i + 1, "him") ||
                              sr_tok_is(doc, i + 1, "them"));
    }
    /* "two days after riots at the prison": an earlier event named as a
     * time reference */
    for (size_t j = i; j > tb && j + 3 > i; j--) {
        if (sr_tok_is(doc, j - 1, "after") ||
            sr_tok_is(doc, j - 1, "following")) {
            return 0;
        }
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

/* A prominent person named after the attack verb ("opened fire on the
 * vehicle of X, a prominent activist"), not a source ("according to the
 * defence minister"). */
static int targets_prominent(const sr_doc_t *doc, size_t tb, size_t te)
{
    static const char *const source[] = {"according", "said", "told", "says",
                                         "spokesman", "by", NULL};
    size_t trig = te;

    for (size_t i = tb; i < te && trig == te; i++) {
        if (sr_is_trigger(doc, tb, te, i)) {
            trig = i;
        }
    }
    for (size_t i = trig + 1; i < te && i < trig + 14; i++) {
        int sourced = 0;

        if (!sr_tok_in(doc, i, prominent)) {
            continue;
        }
        for (size_t j = i; j > trig + 1 && j + 4 > i; j--) {
            sourced |= sr_tok_in(doc, j - 1, source);
        }
        for (size_t j = i + 1; j < te && j < i + 3; j++) {
            sourced |= sr_tok_in(doc, j, source); /* "an official said" */
        }
        if (!sourced) {
            return 1;
        }
    }
    return 0;
}

sr_category_t sr_classify(const sr_doc_t *doc, size_t tb, size_t te,
                          int has_perp)
{
    sr_category_t best = SR_CAT_OTHER;
    int best_rank = -1;

    for (size_t i = tb; i < te; i++) {
        sr_category_t c;

        if (!sr_is_trigger(doc, tb, te, i)) {
            continue;
        }
        c = (sr_category_t)(doc->toks[i].lex->trig - 1);
        if (sr_category_rank(c) > best_rank) {
            best = c;
            best_rank = sr_category_rank(c);
        }
    }
    if (has_word(doc, tb, te, defused) &&
        (best == SR_CAT_BOMBING_OTHER || best == SR_CAT_REMOTE_EXPLOSIVE_IED ||
         best == SR_CAT_DISRUPTED_WEAPONS_USE)) {
        return SR_CAT_DISRUPTED_WEAPONS_USE;
    }
    if ((best == SR_CAT_BOMBING_OTHER || best == SR_CAT_ARMED_ASSAULT ||
         best == SR_CAT_OTHER) &&
        has_word(doc, tb, te, incendiary)) {
        return SR_CAT_FACILITY_ATTACK_ARSON; /* GTD: an incendiary attack */
    }
    if (best == SR_CAT_BOMBING_OTHER && has_word(doc, tb, te, thrown) &&
        !has_word(doc, tb, te, explosive)) {
        /* "threw stones": a throw is a bombing only with a bomb */
        return has_word(doc, tb, te, stones) ? SR_CAT_RIOT_VIOLENT_DEMONSTRATION
                                             : SR_CAT_UNARMED_ASSAULT;
    }
    if (best == SR_CAT_FACILITY_ATTACK_ARSON && has_word(doc, tb, te, tires)) {
        return SR_CAT_RIOT_VIOLENT_DEMONSTRATION; /* burning tyres */
    }
    if ((best == SR_CAT_ARMED_ASSAULT || best == SR_CAT_UNARMED_ASSAULT) &&
        has_word(doc, tb, te, mob)) {
        return SR_CAT_MOB_VIOLENCE;
    }
    if (best == SR_CAT_ARMED_ASSAULT && targets_prominent(doc, tb, te)) {
        return SR_CAT_ASSASSINATION; /* GTD: a prominent person targeted */
    }
    if (best == SR_CAT_ARMED_ASSAULT && fire_phrase(doc, tb, te) == 1) {
        best = SR_CAT_FACILITY_ATTACK_ARSON; /* "set fire to a school" */
    }
    switch (best) {
    case SR_CAT_BOMBING_OTHER:
    case SR_CAT_REMOTE_EXPLOSIVE_IED:
        if (has_word(doc, tb, te, suicide)) {
            return SR_CAT_SUICIDE_BOMBING;
        }
        if (has_word(doc, tb, te, air_cues)) {
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
        if (has_word(doc, tb, te, air_cues)) {
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
                (has_word(doc, tb, te, lethal) ||
                 fire_phrase(doc, tb, te) == 2)) {
                return SR_CAT_EXCESSIVE_FORCE_ON_PROTESTERS;
            }
        }
        if (has_word(doc, tb, te, riot) || fire_phrase(doc, tb, te) == 1) {
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
    const sr_tok_t *t = &doc->toks[i];

    if (t->kind == SR_TOK_PUNCT) {
        int p = sr_tok_punct(doc, i);

        return p == ';' || p == ':';
    }
    /* the conjunctions are class words (lexicon stop list) */
    return t->lex != NULL && (sr_tok_is(doc, i, "but") ||
                              sr_tok_is(doc, i, "while") ||
                              sr_tok_is(doc, i, "although"));
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
                              size_t trig, size_t *cue)
{
    size_t cb, ce, unused;

    if (cue == NULL) {
        cue = &unused;
    }
    *cue = SR_NO_CUE;

    sr_clause_bounds(doc, tb, te, trig, &cb, &ce);
    for (size_t i = cb; i < ce; i++) {
        if (sr_tok_has(doc, i, SR_W_FOIL)) {
            *cue = i;
            return SR_FACT_FOILED;
        }
    }
    for (size_t i = trig; i > cb && i + 5 > trig; i--) {
        size_t j = i - 1;

        *cue = j;
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
        *cue = SR_NO_CUE;
    }
    for (size_t i = cb; i < ce; i++) {
        /* "police denied reports that gunmen had attacked"; not "X denied
         * responsibility for the attack" (a claim, claims.c) */
        if ((sr_tok_is(doc, i, "denied") || sr_tok_is(doc, i, "denies") ||
             sr_tok_is(doc, i, "dismissed")) &&
            i < trig && i + 1 < ce &&
            !sr_tok_is(doc, i + 1, "responsibility") &&
            !sr_tok_is(doc, i + 1, "involvement") &&
            !sr_tok_is(doc, i + 1, "any")) {
            *cue = i;
            return SR_FACT_DENIED;
        }
        if (sr_tok_has(doc, i, SR_W_REPORTED)) {
            *cue = i;
            return SR_FACT_REPORTED_UNCONFIRMED;
        }
    }
    return SR_FACT_ASSERTED;
}
