/* classify.c - category, labels and factuality from cue words. */
#include "classify.h"

#include <string.h>

/* Context words of the classifier. Every one of them is marked
 * SR_W_CLSCUE in the lexicon, so scans skip all other tokens. */
static const char *const suicide[] = {"suicide", NULL};
static const char *const ied[] = {"roadside", "ied", "ieds", "improvised",
                                  "landmine", "landmines", "mine",
                                  "explosive", "remote", NULL};
/* ("airstrikes" is a trigger of its own, so a motive "in retaliation for
 * airstrikes" does not turn an attack into one) */
static const char *const air_cues[] = {"drone", "warplanes", "warplane",
                                       "jets", "aircraft", NULL};
static const char *const shells[] = {"rocket", "rockets", "mortar",
                                     "mortars", "missile", "missiles",
                                     "artillery", "shells", NULL};
static const char *const force[] = {"tear", "dispersed", "disperse",
                                    "water", "batons", "arrested",
                                    "detained", "intervened", NULL};
static const char *const lethal[] = {"shot", "killed", "live", "bullets",
                                     NULL};
static const char *const igniting[] = {"set", "sets", "setting", "opened",
                                       "opening", "open", NULL};
/* A blocked road is still a peaceful protest for ACLED; damage or a
 * fight makes it a violent demonstration. */
static const char *const riot[] = {"riot", "riots", "rioting", "rioters",
                                   "stones", "torched", "burned", "burnt",
                                   "burning", "tires", "tyres", "rocks",
                                   "barricaded", "barricades", "looted",
                                   "clashed", "vandalised", "vandalized",
                                   "violent", "rioted", "destroyed",
                                   "damaged", "smashed", "ransacked",
                                   "confrontation", "scuffles", "scuffled",
                                   "scuffle", "clashes", NULL};
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
                                      "defuse", NULL};
/* A find is a disrupted use only when nothing went off. */
static const char *const finds[] = {"cache", "discovered", "recovered",
                                    "found", NULL};
static const char *const went_off[] = {
    "exploded", "detonated", "blast", "blasts", "explosion", "explosions",
    "went", "bombing", "bombings", "killed", "injured", "wounded", NULL};
static const char *const prominent[] = {
    "leader", "mayor", "governor", "minister", "politician", "judge",
    "candidate", "activist", "lawmaker", "legislator", "councillor",
    "councilor", "official", "chairman", "chief", "prince", "senator",
    "mp", "journalist", "prosecutor", "reporter", "editor", "speaker",
    "parliament", "bishop", "imam", "cleric", "priest", "pastor",
    "president", "general", "colonel", "commander", "justice",
    "magistrate", "ambassador", "diplomat", "chair", "deputy",
    "broadcaster", NULL};
/* What makes an attack armed for GTD (an unarmed assault is fists,
 * blunt objects, a vehicle, a poison). */
static const char *const weapons[] = {
    "fire", "shot", "shooting", "gunmen", "gunman", "gunfire", "gun",
    "guns", "firearms", "pistol", "pistols", "rifle", "rifles", "bullets",
    "stabbed", "knife", "knives", "machete", "machetes", "swords", "sword",
    "bomb", "explosive", "grenade", "armed", "killed", "shelling", NULL};
/* The attacked side fought back: two armed sides, a battle for ACLED. */
static const char *const engaged[] = {
    "repelled", "repulsed", "routed", "retaliated", "returned",
    "exchanged", "gunfight", "firefight", "gunbattle", "shootout",
    "engaged", "counterattack", "clash", "clashes", "clashed", NULL};
static const char *const unexploded[] = {"explode", "unexploded", "defused",
                                         "detonate", "defuse", NULL};
static const char *const harm_nouns[] = {
    "casualties", "casualty", "injuries", "fatalities", "deaths", "one",
    "hurt", "injured", "killed", "harmed", "wounded", NULL};
/* What a facility attack hits: property, not people. */
static const char *const property[] = {
    "post", "checkpoint", "checkpost", "station", "tower", "towers", "mast",
    "masts", "building", "buildings", "office", "offices", "facility",
    "school", "church", "mosque", "temple", "synagogue", "vehicle",
    "vehicles", "truck", "trucks", "lorry", "lorries", "bus", "buses",
    "car", "cars", "train", "pipeline", "equipment", "machinery", "home",
    "homes", "house", "houses", "residence", "plant", "factory",
    "warehouse", "shop", "shops", "store", "bank", "bridge", "site",
    "centre", "center", "depot", "headquarters", "clinic", "hospital",
    "hotel", NULL};
/* "held ... hostage", "occupied": hostages kept where they were taken. */
static const char *const barricade[] = {"held", "holding", "hold",
                                        "occupied", "barricaded",
                                        "standoff", "siege", NULL};
/* A crowd gathering is a protest only with a cause. */
static const char *const protest_ctx[] = {
    "demand", "demanded", "demanding", "demands", "against", "solidarity",
    "denounce", "denounced", "condemn", "condemned", "condemning",
    "chanting", "chanted", "slogans", "placards", "banners", "calling",
    "protest", "protesting", "grievances", "opposing", NULL};
static const char *const hostage[] = {"hostage", "hostages", NULL};
static const char *const targeting[] = {"targeting", "targeted",
                                        "targetting", NULL};
static const char *const labour[] = {"on", "general", "hunger", "labour",
                                     "labor", "nationwide", NULL};
/* "accused of", "suspected of": the event named is an allegation. */
static const char *const alleging[] = {"accused", "suspected", "charged",
                                       "convicted", "alleged", NULL};

/* Strategic developments by their trigger word. */
static const char *const agreement[] = {"surrendered", "ceasefire", "truce",
                                        NULL};
static const char *const restriction[] = {"lockdown", "curfew", NULL};

/* Factuality cues the lexicon's classes lack. */
static const char *const uncovered[] = {"uncovered", "busted", "disrupted",
                                        "dismantled", NULL};
static const char *const falsehood[] = {"false", "untrue", "baseless",
                                        "unfounded", "fabricated", NULL};
static const char *const future[] = {"will", "shall", NULL};
static const char *const off[] = {"off", NULL};
static const char *const between_future[] = {"be", "not", "also", "again",
                                             "soon", "then", NULL};

static const char *const *const cue_lists[] = {
    suicide, ied, air_cues, shells, force, lethal, igniting, riot, shooting,
    mob, incendiary, tires, thrown, explosive, stones, defused, prominent,
    finds, went_off, weapons, engaged, unexploded, harm_nouns, property, barricade,
    protest_ctx, labour, alleging, hostage, targeting, agreement,
    restriction, uncovered, falsehood, future, off, NULL};

/* Triggers the lexicon's list lacks, and strategic developments: events
 * without violence that ACLED codes (their kind is read at labelling). */
static const sr_trigger_t own_triggers[] = {
    {"assaults", SR_CAT_ARMED_ASSAULT, 1},
    {"battle", SR_CAT_ARMED_CLASH, 1},
    {"hijack", SR_CAT_HIJACKING, 0},
    {"hijacks", SR_CAT_HIJACKING, 0},
    {"carjacked", SR_CAT_HIJACKING, 0},
    {"rammed", SR_CAT_UNARMED_ASSAULT, 0},
    {"tortured", SR_CAT_UNARMED_ASSAULT, 0},
    {"stab", SR_CAT_ARMED_ASSAULT, 0},
    {"storm", SR_CAT_ARMED_ASSAULT, 0},
    {"device", SR_CAT_BOMBING_OTHER, 1},
    {"devices", SR_CAT_BOMBING_OTHER, 1},
    {"ieds", SR_CAT_REMOTE_EXPLOSIVE_IED, 1},
    {"hostage", SR_CAT_KIDNAPPING, 1},
    {"hostages", SR_CAT_KIDNAPPING, 1},
    {"ransacked", SR_CAT_LOOTING_PROPERTY_DESTRUCTION, 0},
    {"vandalism", SR_CAT_LOOTING_PROPERTY_DESTRUCTION, 1},
    {"damage", SR_CAT_LOOTING_PROPERTY_DESTRUCTION, 1},
    {"encroached", SR_CAT_OTHER, 0},
    {"overran", SR_CAT_TERRITORY_TAKEN, 0},
    {"recaptured", SR_CAT_TERRITORY_REGAINED, 0},
    {"retook", SR_CAT_TERRITORY_REGAINED, 0},
    {"gathered", SR_CAT_PROTEST_PEACEFUL, 0},
    {"motorcade", SR_CAT_PROTEST_PEACEFUL, 1},
    {"sit", SR_CAT_PROTEST_PEACEFUL, 1},
    {"vigil", SR_CAT_PROTEST_PEACEFUL, 1},
    {"picketed", SR_CAT_PROTEST_PEACEFUL, 0},
    {"surrendered", SR_CAT_OTHER, 0},
    {"ceasefire", SR_CAT_OTHER, 1},
    {"truce", SR_CAT_OTHER, 1},
    {"lockdown", SR_CAT_OTHER, 1},
    {"curfew", SR_CAT_OTHER, 1},
    {NULL, SR_CAT_OTHER, 0}};

const sr_trigger_t *sr_classify_triggers(void)
{
    return own_triggers;
}

/* "set fire", "set the house on fire" (1), "opened fire" (2), "set him
 * on fire" (3: a person burnt), or 0. */
static int fire_phrase(const sr_doc_t *doc, size_t tb, size_t te)
{
    static const char *const people_pron[] = {"him", "her", "them",
                                              "himself", "herself",
                                              "themselves", NULL};

    for (size_t i = tb; i + 1 < te; i++) {
        int opened, person = 0;

        if (!sr_tok_has(doc, i, SR_W_CLSCUE) || !sr_tok_in(doc, i, igniting)) {
            continue;
        }
        opened = doc->text[doc->toks[i].start] == 'o' ||
                 doc->text[doc->toks[i].start] == 'O';
        for (size_t j = i + 1; j < te && j < i + (opened ? 2 : 6); j++) {
            if (sr_tok_is(doc, j, "fire") || sr_tok_is(doc, j, "ablaze")) {
                return opened ? 2 : person ? 3 : 1;
            }
            if (doc->toks[j].kind == SR_TOK_PUNCT) {
                break;
            }
            person |= sr_tok_in(doc, j, people_pron) ||
                      sr_tok_has(doc, j, SR_W_VICT_CIV | SR_W_VICT_SEC);
        }
    }
    return 0;
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

/* A strategic development's trigger ("surrendered", "lockdown"): an
 * event only when nothing violent is told beside it. */
static int weak_trigger(const sr_doc_t *doc, size_t i)
{
    return doc->toks[i].lex->trig == SR_CAT_OTHER + 1 &&
           !sr_tok_has(doc, i, SR_W_KILL | SR_W_DIE | SR_W_INJURE);
}

/* 1 if no trigger of [tb, te) but weak ones. */
static int strongest(const sr_doc_t *doc, size_t tb, size_t te, size_t self)
{
    for (size_t j = tb; j < te; j++) {
        if (j != self && sr_tok_has(doc, j, SR_W_TRIGGER) &&
            !weak_trigger(doc, j) && sr_is_trigger(doc, tb, te, j)) {
            return 0;
        }
    }
    return 1;
}

/* "accused of the bombing", "suspected of involvement in the attack". */
static int alleged(const sr_doc_t *doc, size_t tb, size_t i)
{
    for (size_t j = i; j > tb && j + 8 > i; j--) {
        if (sr_tok_has(doc, j - 1, SR_W_CLSCUE) &&
            sr_tok_in(doc, j - 1, alleging) && j < i &&
            (sr_tok_is(doc, j, "of") || sr_tok_is(doc, j, "with") ||
             sr_tok_is(doc, j, "over") || sr_tok_is(doc, j, "for"))) {
            return 1;
        }
        if (doc->toks[j - 1].kind == SR_TOK_PUNCT) {
            return 0;
        }
    }
    return 0;
}

/* "rebels will attack", "the town will be shelled": a prediction.
 * Returns the cue token or SR_NO_CUE. */
static size_t future_cue(const sr_doc_t *doc, size_t tb, size_t trig)
{
    for (size_t j = trig; j > tb && j + 3 > trig; j--) {
        if (sr_tok_has(doc, j - 1, SR_W_CLSCUE) &&
            sr_tok_in(doc, j - 1, future)) {
            return j - 1;
        }
        if (!sr_tok_in(doc, j - 1, between_future)) {
            break;
        }
    }
    return SR_NO_CUE;
}

/* A plan, a threat, a possibility or a prediction governs trigger i. */
static int hedged(const sr_doc_t *doc, size_t tb, size_t i)
{
    for (size_t j = i; j > tb && j + 5 > i; j--) {
        if (sr_tok_has(doc, j - 1, SR_W_PLAN) ||
            (sr_tok_has(doc, j - 1, SR_W_MODAL) &&
             !sr_tok_is(doc, j - 1, "may"))) {
            return 1;
        }
    }
    return future_cue(doc, tb, i) != SR_NO_CUE;
}

/* Words that are events only in some company: "material damage", "tried
 * to storm", "a sit-in", "an explosive device", a crowd "gathered" with a
 * cause. 1 for every other trigger. */
static int in_context(const sr_doc_t *doc, size_t tb, size_t te, size_t i)
{
    switch (doc->toks[i].lex->trig - 1) {
    case SR_CAT_LOOTING_PROPERTY_DESTRUCTION:
        if (sr_tok_is(doc, i, "damage")) {
            /* not a storm's damage, nor "did not cause any damage" */
            if (i == tb || !(sr_tok_is(doc, i - 1, "material") ||
                             sr_tok_is(doc, i - 1, "property"))) {
                return 0;
            }
            for (size_t j = i; j > tb && j + 6 > i; j--) {
                if (sr_tok_has(doc, j - 1, SR_W_NEGATION)) {
                    return 0;
                }
            }
        }
        return 1;
    case SR_CAT_ARMED_ASSAULT:
        return !sr_tok_is(doc, i, "storm") ||
               (i > tb && sr_tok_is(doc, i - 1, "to"));
    case SR_CAT_PROTEST_PEACEFUL:
        if (sr_tok_is(doc, i, "sit")) {
            return i + 2 < te && sr_tok_punct(doc, i + 1) == '-' &&
                   sr_tok_is(doc, i + 2, "in");
        }
        if (sr_tok_is(doc, i, "gathered") || sr_tok_is(doc, i, "motorcade") ||
            sr_tok_is(doc, i, "vigil")) {
            return has_word(doc, tb, te, protest_ctx);
        }
        return 1;
    case SR_CAT_BOMBING_OTHER:
        if (sr_tok_is(doc, i, "device") || sr_tok_is(doc, i, "devices")) {
            static const char *const kinds[] = {"explosive", "improvised",
                                                "incendiary", NULL};

            return i > tb && sr_tok_in(doc, i - 1, kinds);
        }
        return 1;
    default:
        return 1;
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

        /* "went on strike", "a hunger strike": a protest */
        return i > tb && (sr_tok_in(doc, i - 1, air) ||
                          sr_tok_in(doc, i - 1, labour));
    }
    if (!in_context(doc, tb, te, i)) {
        return 0;
    }
    if (alleged(doc, tb, i)) {
        return 0; /* "arrested, accused of the bombing" */
    }
    if (weak_trigger(doc, i) && !strongest(doc, tb, te, i)) {
        return 0; /* "surrendered after an attack": the attack */
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
    /* "in retaliation for U.S. airstrikes": a motive, another event */
    for (size_t j = i; j > tb && j + 8 > i; j--) {
        int p = sr_tok_punct(doc, j - 1);

        if (p == ',' || p == ';' || p == ':') {
            break;
        }
        if (sr_tok_is(doc, j - 1, "retaliation") ||
            sr_tok_is(doc, j - 1, "revenge") ||
            sr_tok_is(doc, j - 1, "reprisal")) {
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
    /* a noun names its target after "on": "an attack on the mayor", not
     * "the attack came ahead of a summit with the president" */
    if (trig < te && doc->toks[trig].lex->trig_noun &&
        !sr_tok_is(doc, trig, "fire") &&
        !(trig + 1 < te && (sr_tok_is(doc, trig + 1, "on") ||
                            sr_tok_is(doc, trig + 1, "against") ||
                            sr_tok_is(doc, trig + 1, "of") ||
                            sr_tok_has(doc, trig + 1, SR_W_CLSCUE)))) {
        return 0;
    }
    for (size_t i = trig + 1; i < te && i < trig + 14; i++) {
        int sourced = 0;

        if (!sr_tok_has(doc, i, SR_W_CLSCUE) || !sr_tok_in(doc, i, prominent)) {
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

/* "Villagers beat a man", "a group of local people killed a thief": the
 * crowd itself is the attacker (mob violence), named by a civilian noun
 * right before an active violent verb with an object, and no armed
 * attacker named before it. */
static int crowd_attacks(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb + 1; i + 1 < te; i++) {
        const sr_tok_t *o;

        int trig;

        if (!sr_tok_has(doc, i, SR_W_TRIGGER) || doc->toks[i].lex->trig_noun) {
            continue;
        }
        trig = doc->toks[i].lex->trig - 1;
        if (!sr_tok_has(doc, i, SR_W_KILL) && trig != SR_CAT_ARMED_ASSAULT &&
            trig != SR_CAT_UNARMED_ASSAULT && trig != SR_CAT_MOB_VIOLENCE) {
            continue;
        }
        o = &doc->toks[i + 1];
        if (o->kind == SR_TOK_PUNCT ||
            sr_tok_has(doc, i + 1, SR_W_PREP_LOC | SR_W_TIMECUE) ||
            sr_tok_is(doc, i + 1, "by")) {
            return 0; /* "people killed in Kano": a headline's passive */
        }
        for (size_t j = tb; j < i; j++) {
            if (sr_tok_has(doc, j, SR_W_PERP | SR_W_VICT_SEC | SR_W_SEC_ORG |
                                       SR_W_AUX)) {
                return 0;
            }
        }
        return sr_tok_has(doc, i - 1, SR_W_VICT_CIV) &&
               (sr_tok_is(doc, i - 1, "people") ||
                doc->text[doc->toks[i - 1].start + doc->toks[i - 1].len - 1] ==
                    's');
    }
    return 0;
}

sr_category_t sr_classify(const sr_doc_t *doc, size_t tb, size_t te,
                          int has_perp)
{
    sr_category_t best = SR_CAT_OTHER, best_hedged = SR_CAT_OTHER;
    int best_rank = -1, hedged_rank = -1, casualty = 0, clash = 0, protest_event = 0,
        arrest = 0, crowd_after_arrest = 0, assault_act = 0;
    int fire;

    for (size_t i = tb; i < te; i++) {
        sr_category_t c;

        if (!sr_is_trigger(doc, tb, te, i)) {
            continue;
        }
        c = (sr_category_t)(doc->toks[i].lex->trig - 1);
        if ((sr_tok_is(doc, i, "strike") || sr_tok_is(doc, i, "strikes")) &&
            sr_tok_in(doc, i - 1, labour)) {
            c = SR_CAT_PROTEST_PEACEFUL;
        }
        casualty |= sr_tok_has(doc, i, SR_W_KILL | SR_W_DIE | SR_W_INJURE) &&
                    c == SR_CAT_OTHER;
        clash |= c == SR_CAT_ARMED_CLASH;
        crowd_after_arrest |= arrest && sr_tok_has(doc, i, SR_W_PROTEST);
        /* "arrested 15 suspects in a raid": the raid is the setting */
        assault_act |= c == SR_CAT_ARMED_ASSAULT &&
                       !(doc->toks[i].lex->trig_noun && i > tb + 1 &&
                         (sr_tok_is(doc, i - 2, "in") ||
                          sr_tok_is(doc, i - 2, "during")));
        arrest |= c == SR_CAT_ARRESTS;
        protest_event |= sr_category_is_protest(c) &&
                         !sr_tok_has(doc, i, SR_W_PROTEST);
        if (c == SR_CAT_ARMED_ASSAULT && doc->toks[i].lex->trig_noun &&
            i > tb && sr_tok_has(doc, i - 1, SR_W_TRIGGER) &&
            doc->toks[i - 1].lex->trig == SR_CAT_FACILITY_ATTACK_ARSON + 1) {
            c = SR_CAT_FACILITY_ATTACK_ARSON; /* "an arson attack" */
        }
        if (hedged(doc, tb, i)) {
            /* "arrested three men planning to bomb a market": what they
             * planned is not what happened */
            if (sr_category_rank(c) > hedged_rank) {
                best_hedged = c;
                hedged_rank = sr_category_rank(c);
            }
        } else if (sr_category_rank(c) > best_rank) {
            best = c;
            best_rank = sr_category_rank(c);
        }
    }
    if (best_rank < 0) {
        best = best_hedged;
    }
    fire = fire_phrase(doc, tb, te);
    if ((has_word(doc, tb, te, defused) ||
         (has_word(doc, tb, te, finds) && !has_word(doc, tb, te, went_off))) &&
        (best == SR_CAT_BOMBING_OTHER || best == SR_CAT_REMOTE_EXPLOSIVE_IED ||
         best == SR_CAT_DISRUPTED_WEAPONS_USE)) {
        return SR_CAT_DISRUPTED_WEAPONS_USE;
    }
    if (best == SR_CAT_ARMED_ASSAULT && arrest && !casualty && !assault_act) {
        return SR_CAT_ARRESTS;
    }
    if (sr_category_is_protest(best) && !protest_event && crowd_after_arrest) {
        return SR_CAT_ARRESTS; /* "police arrested 30 protesters" */
    }
    if ((best == SR_CAT_ARRESTS ||
         best == SR_CAT_LOOTING_PROPERTY_DESTRUCTION) &&
        casualty && has_perp) {
        /* "7 militants were killed and 3 arrested": the killing is the
         * event */
        best = SR_CAT_OTHER;
    }
    if (best == SR_CAT_SHELLING_ARTILLERY_MISSILE && clash) {
        return SR_CAT_ARMED_CLASH; /* "exchanged fire and used rockets" */
    }
    if (best == SR_CAT_KIDNAPPING && has_word(doc, tb, te, barricade)) {
        return SR_CAT_HOSTAGE_BARRICADE; /* "holding a civilian hostage" */
    }
    if (fire == 3 && (best == SR_CAT_OTHER ||
                      best == SR_CAT_FACILITY_ATTACK_ARSON)) {
        best = SR_CAT_ARMED_ASSAULT; /* "setting him on fire" */
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
        (has_word(doc, tb, te, mob) || crowd_attacks(doc, tb, te))) {
        return SR_CAT_MOB_VIOLENCE;
    }
    if (best == SR_CAT_ARMED_ASSAULT && targets_prominent(doc, tb, te)) {
        return SR_CAT_ASSASSINATION; /* GTD: a prominent person targeted */
    }
    if (best == SR_CAT_ARMED_ASSAULT && fire == 1) {
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
            ((has_perp && casualty) || has_word(doc, tb, te, shooting))) {
            best = SR_CAT_ARMED_ASSAULT;
        }
        if (best == SR_CAT_ARMED_ASSAULT && crowd_attacks(doc, tb, te)) {
            return SR_CAT_MOB_VIOLENCE; /* "villagers lynched a thief" */
        }
        return best;
    case SR_CAT_PROTEST_PEACEFUL:
        /* a violent crowd makes a riot even when it is shot at */
        if (has_word(doc, tb, te, riot) || fire == 1) {
            return SR_CAT_RIOT_VIOLENT_DEMONSTRATION;
        }
        for (size_t i = tb; i < te; i++) {
            if (sr_tok_has(doc, i, SR_W_PROTEST) &&
                (has_word(doc, tb, te, lethal) || fire == 2)) {
                return SR_CAT_EXCESSIVE_FORCE_ON_PROTESTERS;
            }
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
    /* GTD holds only non-state attacks: a drone of theirs is a bomb */
    [SR_CAT_AIR_DRONE_STRIKE] = {ERV, "Air/drone strike", BOMB},
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
    /* GTD codes chemical, biological and radiological attacks as
     * unarmed assaults */
    [SR_CAT_CHEMICAL_BIO_RADNUC] = {ERV, "Chemical weapon", "Unarmed Assault"},
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
    /* GTD codes attempts by their means: a planted bomb found in time */
    [SR_CAT_DISRUPTED_WEAPONS_USE] = {SD, "Disrupted weapons use", BOMB},
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

static int is_bombing(sr_category_t c)
{
    return c == SR_CAT_REMOTE_EXPLOSIVE_IED || c == SR_CAT_SUICIDE_BOMBING ||
           c == SR_CAT_GRENADE || c == SR_CAT_BOMBING_OTHER;
}

sr_labels_t sr_labels_ctx(const sr_label_ctx_t *ctx)
{
    sr_labels_t l = sr_labels(ctx->cat, ctx->target_security);
    sr_category_t c = ctx->cat;

    /* a beating is one-sided whoever stands by */
    if ((c == SR_CAT_ARMED_ASSAULT || c == SR_CAT_ARMED_CLASH) &&
        ctx->two_sided) {
        l.acled = "Battles"; /* a fight between armed sides */
        l.acled_sub = "Armed clash";
    }
    if ((c == SR_CAT_KIDNAPPING || c == SR_CAT_HOSTAGE_BARRICADE) &&
        ctx->killed && l.acled != NULL && strcmp(l.acled, VAC) == 0) {
        l.acled_sub = "Attack";
    }
    if (is_bombing(c) &&
        (ctx->disrupted || ctx->fact == SR_FACT_FOILED)) {
        l.acled = SD;
        l.acled_sub = "Disrupted weapons use";
    }
    if (c == SR_CAT_OTHER && ctx->doc != NULL) {
        if (has_word(ctx->doc, ctx->tb, ctx->te, agreement)) {
            l.acled = SD;
            l.acled_sub = "Agreement";
        } else if (has_word(ctx->doc, ctx->tb, ctx->te, restriction)) {
            l.acled = SD;
            l.acled_sub = "Change to group/activity";
        }
    }
    return l;
}

int sr_span_engaged(const sr_doc_t *doc, size_t tb, size_t te)
{
    return has_word(doc, tb, te, engaged);
}

int sr_span_disrupted(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i < te; i++) {
        if (!sr_tok_has(doc, i, SR_W_CLSCUE) || !sr_tok_in(doc, i, unexploded)) {
            continue;
        }
        /* "did not explode", "failed to detonate", "unexploded", "defused" */
        if (sr_tok_is(doc, i, "unexploded") || sr_tok_is(doc, i, "defused") ||
            sr_tok_is(doc, i, "defuse")) {
            return 1;
        }
        if (i > tb + 1 && (sr_tok_is(doc, i - 1, "not") ||
                           sr_tok_is(doc, i - 1, "to") ||
                           sr_tok_is(doc, i - 1, "never"))) {
            return 1;
        }
    }
    return 0;
}

int sr_span_no_harm(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i + 1 < te; i++) {
        if (!sr_tok_has(doc, i, SR_W_ZEROCUE)) {
            continue;
        }
        /* "no casualties", "no reported casualties", "no one was hurt",
         * "nobody was injured" */
        for (size_t j = i + 1; j < te && j < i + 5; j++) {
            if (sr_tok_has(doc, j, SR_W_CLSCUE) && sr_tok_in(doc, j, harm_nouns) &&
                !sr_tok_is(doc, j, "one")) {
                return 1;
            }
            if (doc->toks[j].kind == SR_TOK_PUNCT) {
                break;
            }
        }
    }
    return 0;
}

int sr_span_off_duty(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i + 2 < te; i++) {
        if (sr_tok_has(doc, i, SR_W_CLSCUE) && sr_tok_is(doc, i, "off") &&
            sr_tok_punct(doc, i + 1) == '-' &&
            sr_tok_is(doc, i + 2, "duty")) {
            return 1;
        }
    }
    return 0;
}

sr_category_t sr_category_merge(sr_category_t cur, sr_category_t next,
                                int reference)
{
    if (sr_category_rank(next) <= sr_category_rank(cur)) {
        return cur;
    }
    if (reference && cur != SR_CAT_OTHER &&
        (next == SR_CAT_ARMED_ASSAULT || next == SR_CAT_ARMED_CLASH ||
         next == SR_CAT_ASSASSINATION)) {
        /* "no casualties in the attack", "the attack came ahead of a
         * summit with the president" say nothing new of its kind */
        return cur;
    }
    if (cur == SR_CAT_DISRUPTED_WEAPONS_USE && is_bombing(next)) {
        return cur; /* "the explosives might have been meant for" */
    }
    if (cur == SR_CAT_ARMED_CLASH &&
        (next == SR_CAT_SHELLING_ARTILLERY_MISSILE ||
         next == SR_CAT_AIR_DRONE_STRIKE)) {
        return cur; /* heavy weapons used in a clash: still the clash */
    }
    return next;
}

/* The head noun of the object of the trigger at i: "attacked a police
 * checkpoint in Kano" -> "checkpoint". */
static size_t object_head(const sr_doc_t *doc, size_t i, size_t te)
{
    size_t head = SR_NO_CUE;

    if (i + 2 < te && sr_tok_is(doc, i + 1, "and")) {
        i += 2; /* "attacked and damaged the building" */
    }
    for (size_t j = i + 1; j < te && j < i + 8; j++) {
        if (doc->toks[j].kind == SR_TOK_PUNCT && sr_tok_punct(doc, j) != '-') {
            break;
        }
        if (j > i + 1 && sr_tok_has(doc, j, SR_W_PREP_LOC)) {
            break; /* "in Kano"; "on" right after "fire" is the object's */
        }
        if (sr_tok_is(doc, j, "and") || sr_tok_is(doc, j, "killing") ||
            sr_tok_is(doc, j, "wounding")) {
            break;
        }
        if (doc->toks[j].kind == SR_TOK_WORD) {
            head = j;
        }
    }
    return head;
}

/* The first trigger of [tb, te) hits property: "attacked a checkpoint",
 * "opened fire on trucks", "set fire to equipment". */
static int property_target(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i < te; i++) {
        size_t h;

        if (!sr_is_trigger(doc, tb, te, i)) {
            continue;
        }
        if (sr_tok_is(doc, i, "fire") && fire_phrase(doc, tb, te) != 1) {
            return 0; /* shots at a vehicle: at the people in it */
        }
        if (i + 1 < te && sr_tok_is(doc, i, "fire") &&
            (sr_tok_is(doc, i + 1, "on") || sr_tok_is(doc, i + 1, "to") ||
             sr_tok_is(doc, i + 1, "at"))) {
            i++;
        }
        h = object_head(doc, i, te);
        return h != SR_NO_CUE && sr_tok_has(doc, h, SR_W_CLSCUE) &&
               sr_tok_in(doc, h, property);
    }
    return 0;
}

/* "X, a journalist", "X, the deputy chief of the army": a person named
 * with a prominent role, not as the source of the news. */
static int named_prominent(const sr_doc_t *doc, size_t tb, size_t te)
{
    static const char *const source[] = {"said", "told", "says", "stated",
                                         "according", NULL};

    for (size_t i = tb; i + 2 < te; i++) {
        int found = 0;

        if (!doc->toks[i].cap || doc->toks[i].kind != SR_TOK_WORD ||
            sr_tok_has(doc, i, SR_W_STOPCAP) || sr_tok_punct(doc, i + 1) != ',' ||
            !(sr_tok_is(doc, i + 2, "a") || sr_tok_is(doc, i + 2, "an") ||
              sr_tok_is(doc, i + 2, "the"))) {
            continue;
        }
        for (size_t j = i + 3; j < te && j < i + 14; j++) {
            int p = sr_tok_punct(doc, j);

            if (doc->toks[j].kind == SR_TOK_PUNCT && p != '-' && p != '(' &&
                p != ')') {
                break;
            }
            found |= sr_tok_has(doc, j, SR_W_CLSCUE) && sr_tok_in(doc, j, prominent);
        }
        for (size_t j = i + 3; found && j < te && j < i + 18; j++) {
            if (sr_tok_in(doc, j, source)) {
                found = 0;
            }
        }
        if (found) {
            return 1;
        }
    }
    return 0;
}

sr_category_t sr_refine_category(const sr_doc_t *doc, size_t ab, size_t ae,
                                 size_t sb, size_t se, sr_category_t cat,
                                 int harmed)
{
    if ((cat == SR_CAT_ARMED_ASSAULT || cat == SR_CAT_KIDNAPPING) &&
        has_word(doc, sb, se, barricade) && has_word(doc, sb, se, hostage)) {
        return SR_CAT_HOSTAGE_BARRICADE;
    }
    if (cat == SR_CAT_ARMED_ASSAULT && !harmed && property_target(doc, ab, ae) &&
        (sr_span_no_harm(doc, sb, se) || fire_phrase(doc, ab, ae) == 1)) {
        return SR_CAT_FACILITY_ATTACK_ARSON;
    }
    if (cat == SR_CAT_FACILITY_ATTACK_ARSON && harmed) {
        return SR_CAT_ARMED_ASSAULT; /* people burnt or hurt: an assault */
    }
    if (cat != SR_CAT_ARMED_ASSAULT && cat != SR_CAT_ASSASSINATION &&
        !is_bombing(cat) && cat != SR_CAT_FACILITY_ATTACK_ARSON) {
        return cat;
    }
    if (is_bombing(cat)) {
        /* a bomb among a crowd with an official in it is still a bombing */
        return has_word(doc, ab, ae, targeting) && named_prominent(doc, sb, se)
                   ? SR_CAT_ASSASSINATION
                   : cat;
    }
    if (cat == SR_CAT_FACILITY_ATTACK_ARSON) {
        /* "an incendiary device at the residence of Justice X" */
        return targets_prominent(doc, ab, ae) ? SR_CAT_ASSASSINATION : cat;
    }
    if (cat != SR_CAT_ASSASSINATION && !targets_prominent(doc, ab, ae) &&
        !named_prominent(doc, sb, se)) {
        return cat;
    }
    if ((cat == SR_CAT_ARMED_ASSAULT || cat == SR_CAT_ASSASSINATION) &&
        harmed && !has_word(doc, sb, se, weapons) &&
        !property_target(doc, ab, ae)) {
        /* "attacked X, a journalist; X was injured": fists, not arms */
        return SR_CAT_UNARMED_ASSAULT;
    }
    return SR_CAT_ASSASSINATION;
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
        if (sr_tok_has(doc, i, SR_W_FOIL) ||
            (sr_tok_has(doc, i, SR_W_CLSCUE) && sr_tok_in(doc, i, uncovered))) {
            *cue = i; /* "foiled", "uncovered a plot" */
            return SR_FACT_FOILED;
        }
    }
    if ((*cue = future_cue(doc, cb, trig)) != SR_NO_CUE) {
        return SR_FACT_HYPOTHETICAL;
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
    for (size_t i = trig + 1; i < ce; i++) {
        /* "reports that gunmen attacked the village were false" */
        if (sr_tok_has(doc, i, SR_W_CLSCUE) && sr_tok_in(doc, i, falsehood)) {
            *cue = i;
            return SR_FACT_DENIED;
        }
    }
    return SR_FACT_ASSERTED;
}
