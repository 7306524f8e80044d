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
static const char *const air_cues[] = {"drone", "drones", "warplanes",
                                       "warplane", "jets", "aircraft",
                                       "uav", "uavs", "gunship",
                                       "gunships", NULL};
/* A vehicle or a walker setting off a mine: "struck a mine", "hit a
 * landmine", "stepped on an IED", "ran over a mine". */
static const char *const mine_verbs[] = {"struck", "hit", "stepped", "ran",
                                         "drove", "triggered", "detonated",
                                         "planted", "off", "tripped",
                                         "antipersonnel", "personnel", "tank",
                                         "laid", NULL};
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
/* (breaking through a police line to occupy a building is still a
 * protest: damage or a fight makes the riot) */
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
                                   "scuffle", "clashes", "stormed",
                                   "fought", "looters", "stoned", "windows",
                                   "fires", NULL};
/* "riot police", "riot gear": the force sent, not what the crowd did */
static const char *const riot_kit[] = {"police", "gear", "squad", "squads",
                                       "control", "officers", "units",
                                       "troops", "shields", NULL};
/* "stun grenades", "smoke grenades": crowd control, not an explosion */
static const char *const nonlethal[] = {"stun", "flash", "smoke", "sound",
                                        "concussion", NULL};
/* ("opened" only in "opened fire": fire_phrase) */
static const char *const shooting[] = {"shot", "gunmen", "gunman",
                                       "gunfire", NULL};
static const char *const mob[] = {"mob", "mobs", "lynched", "lynching",
                                  NULL};
static const char *const incendiary[] = {"incendiary", "molotov",
                                         "firebomb", "firebombs",
                                         "firebombed", "petrol", NULL};
static const char *const tires[] = {"tires", "tyres", NULL};
static const char *const thrown[] = {"threw", "hurled", "tossed", "lobbed",
                                     "throwing", "hurling", NULL};
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
    "broadcaster", "judges", "magistrates", "prosecutors", "lawmakers",
    "legislators", "senators", "mayors", "governors", "ministers",
    "councillors", "councilors", "councilman", "councilwoman", "alderman",
    "council", NULL};
/* What makes an attack armed for GTD (an unarmed assault is fists,
 * blunt objects, a vehicle, a poison). */
static const char *const weapons[] = {
    "fire", "shot", "shooting", "gunmen", "gunman", "gunfire", "gun",
    "guns", "firearms", "pistol", "pistols", "rifle", "rifles", "bullets",
    "stabbed", "knife", "knives", "machete", "machetes", "swords", "sword",
    "hacked", "slashed", "slit", "beheaded", "axe", "axes", "executed",
    "bomb", "explosive", "grenade", "armed", "killed", "shelling", NULL};
/* The attacked side fought back: two armed sides, a battle for ACLED. */
static const char *const engaged[] = {
    "repelled", "repulsed", "routed", "retaliated", "returned",
    "exchanged", "gunfight", "firefight", "gunbattle", "shootout",
    "engaged", "counterattack", "clash", "clashes", "clashed", "fought",
    "gunfights", "firefights", "gunbattles", "shootouts", NULL};
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
    "hotel", "farm", "farms", "laboratory", "lab", "substation", "pylon",
    "pylons", "dam", "railway", "plantation", NULL};
/* what a thrown or driven thing was aimed at follows these */
static const char *const aimed[] = {"at", "into", "onto", NULL};
static const char *const vehicles[] = {
    "vehicle", "vehicles", "truck", "trucks", "lorry", "lorries", "bus",
    "buses", "car", "cars", "train", NULL};
static const char *const projectiles[] = {
    "bomb", "bombs", "cocktail", "cocktails", "firebomb", "firebombs",
    "grenade", "grenades", "device", "devices", "plane", "aircraft",
    "airplane", "jet", NULL};
/* "shots fired into the mosque while it was empty": nobody to hurt */
static const char *const empty[] = {"empty", "unoccupied", "vacant",
                                    "deserted", NULL};
/* "held ... hostage", "occupied": hostages kept where they were taken. */
static const char *const barricade[] = {"held", "holding", "hold",
                                        "occupied", "barricaded",
                                        "standoff", "siege", NULL};
/* Who blocks a road in protest: a crowd, or people by their trade. */
static const char *const blockers[] = {
    "protesters", "protestors", "demonstrators", "supporters", "youths",
    "students", "workers", "farmers", "truckers", "drivers", "traders",
    "residents", "villagers", "teachers", "fishermen", "employees", "miners",
    "nurses", "doctors", "activists", "women", "crowd", "crowds", NULL};

/* A crowd gathering is a protest only with a cause. */
static const char *const protest_ctx[] = {
    "demand", "demanded", "demanding", "demands", "against", "solidarity",
    "denounce", "denounced", "condemn", "condemned", "condemning",
    "chanting", "chanted", "slogans", "placards", "banners", "calling",
    "protest", "protesting", "grievances", "opposing", NULL};
static const char *const hostage[] = {"hostage", "hostages", NULL};
/* A crowd as the doer: its damage or fighting is a riot for ACLED, not
 * an armed group's attack. */
static const char *const crowd[] = {"youths", "protesters", "protestors",
                                    "demonstrators", "rioters", "crowd",
                                    "crowds", "supporters", "mob", "mobs",
                                    "students", "fans", "looters", NULL};
static const char *const riot_acts[] = {
    "stormed", "threw", "hurled", "pelted", "looted", "ransacked",
    "torched", "burned", "burnt", "clashed", "smashed", "vandalised",
    "vandalized", "set", "setting", "beat", "lynched", "attacked", "stoned",
    "throwing", "hurling", "storm", NULL};
/* Territory changing hands: the verb, and what is taken. */
static const char *const territory_verbs[] = {
    "entered", "captured", "took", "withdrew", "fell", "seized", "overran",
    "retook", "recaptured", NULL};
static const char *const territory_nouns[] = {
    "town", "towns", "city", "village", "villages", "base", "bases",
    "headquarters", "district", "districts", "area", "areas", "airport",
    "region", "territory", "capital", "province", "outpost", "positions",
    "port", "hill", "locality", "county", "garrison", NULL};
/* ground won at the polls */
static const char *const ballot[] = {"election", "elections", "vote",
                                     "votes", "voters", "seats", "seat",
                                     "poll", "polls", "ballot", "electoral",
                                     "race", NULL};
/* A fight told, as a trigger or as the setting ("after heavy fighting"). */
static const char *const fight_words[] = {"fighting", "fought", "battle",
                                          "battles", "clash", "clashes",
                                          "clashed", NULL};
/* Guns as the main means of an attack that also used grenades or rockets
 * (GTD: an armed assault), unless something blew up. */
static const char *const firearms[] = {"rifle", "rifles", "gunmen", "gunman",
                                       "automatic",
                                       "guns", "gun", "firearms", "pistol",
                                       "pistols", "kalashnikovs", NULL};
static const char *const sticky[] = {"attached", "magnetic", "sticky", NULL};
static const char *const launched[] = {"propelled", "rpg", "rpgs", NULL};
static const char *const detonation[] = {
    "exploded", "explosion", "explosions", "blast", "blasts", "detonated",
    "bomb", "bombs", "bomber", "bombers", "suicide", "ied", "ieds", "blew",
    NULL};
static const char *const bombers[] = {"bomber", "bombers", NULL};
/* Titles of people whose killing is political: a named holder is an
 * assassination's target whatever the means. */
static const char *const titles[] = {
    "president", "minister", "general", "lord", "brigadier", "admiral",
    "marshal", "king", "queen", "emir", "sheikh", "governor", "senator",
    "mayor", "colonel", "bishop", "ambassador", "judge", "premier", "prince",
    "commander", NULL};
/* Hostages kept where they were seized: a barricade incident. */
static const char *const occupying[] = {"seized", "stormed", "entered",
                                        "retook", "standoff", "siege",
                                        "occupied", "sieges", NULL};
static const char *const besieged[] = {"standoff", "siege", "stand", NULL};
/* Power taken by force: a strategic development of its own kind. */
static const char *const coup_words[] = {"coup", "ousted", "overthrew",
                                         "overthrown", "deposed", "removed",
                                         NULL};
/* "fleeing fighting": the fighting is the setting of another event. */
static const char *const fleeing[] = {"fleeing", "fled", "flee", "escaping",
                                      "displaced", NULL};
/* "armed with guns and explosives": a description, not an explosion */
static const char *const carrying[] = {"armed", "carrying", "carried",
                                       NULL};
/* what a crowd does to people rather than to property or police */
static const char *const mob_acts[] = {"beat", "lynched", NULL};
/* Violence done to a person's body: beside an arson, the attack is on
 * people ("burned houses and shot an old man"). */
/* Blade verbs: an attack only with a blade or a throat named after them
 * (trigger_word_at). */
static const char *const cutting[] = {"hacked", "cut", "cutting", "slit",
                                      "slitting", "slashed", NULL};
static const char *const on_people[] = {"shot", "stabbed", "beheaded",
                                        "gunned", "murdered", "massacred",
                                        "hacked", "executed", NULL};
static const char *const targeting[] = {"targeting", "targeted",
                                        "targetting", NULL};
static const char *const labour[] = {"on", "general", "hunger", "labour",
                                     "labor", "nationwide", NULL};
/* "accused of", "suspected of": the event named is an allegation. */
static const char *const alleging[] = {"accused", "suspected", "charged",
                                       "convicted", "alleged", NULL};

/* Breaking up a crowd with means that do not kill: police answering a
 * protest, not an attack on civilians. */
static const char *const dispersal[] = {"disperse", "dispersed",
                                        "dispersing", NULL};
static const char *const crowd_arms[] = {"tear", "water", "rubber", "batons",
                                         "pepper", NULL};
/* what makes a thrown thing a bomb even in a crowd's hand */
static const char *const blasts[] = {"bomb", "bombs", "grenade", "grenades",
                                     "explosive", "explosives", "ied",
                                     "dynamite", "blast", "exploded", NULL};

/* Strategic developments by their trigger word. */
static const char *const agreement[] = {"surrendered", "ceasefire", "truce",
                                        "agreement", "accord", NULL};
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
    protest_ctx, labour, alleging, hostage, crowd, riot_acts, mob_acts,
    territory_verbs, territory_nouns, fight_words, coup_words, firearms,
    on_people,
    detonation, titles, occupying, fleeing, carrying, targeting, agreement,
    restriction, uncovered, falsehood, future, off, blockers, dispersal,
    crowd_arms, blasts, launched, sticky, empty, besieged, cutting, NULL};

/* Triggers the lexicon's list lacks, and strategic developments: events
 * without violence that ACLED codes (their kind is read at labelling). */
static const sr_trigger_t own_triggers[] = {
    {"assaults", SR_CAT_ARMED_ASSAULT, 1},
    {"battle", SR_CAT_ARMED_CLASH, 1},
    {"hijack", SR_CAT_HIJACKING, 0},
    {"hijacks", SR_CAT_HIJACKING, 0},
    {"carjacked", SR_CAT_HIJACKING, 0},
    {"commandeered", SR_CAT_HIJACKING, 0},
    {"carried", SR_CAT_KIDNAPPING, 0},
    {"whisked", SR_CAT_KIDNAPPING, 0},
    {"rammed", SR_CAT_UNARMED_ASSAULT, 0},
    {"drove", SR_CAT_UNARMED_ASSAULT, 0},
    {"flew", SR_CAT_UNARMED_ASSAULT, 0},
    {"ploughed", SR_CAT_UNARMED_ASSAULT, 0},
    {"plowed", SR_CAT_UNARMED_ASSAULT, 0},
    {"mowed", SR_CAT_UNARMED_ASSAULT, 0},
    {"tortured", SR_CAT_UNARMED_ASSAULT, 0},
    {"punched", SR_CAT_UNARMED_ASSAULT, 0},
    {"kicked", SR_CAT_UNARMED_ASSAULT, 0},
    {"strangled", SR_CAT_UNARMED_ASSAULT, 0},
    {"bludgeoned", SR_CAT_UNARMED_ASSAULT, 0},
    {"clubbed", SR_CAT_UNARMED_ASSAULT, 0},
    {"flogged", SR_CAT_UNARMED_ASSAULT, 0},
    {"poisoned", SR_CAT_UNARMED_ASSAULT, 0},
    {"acid", SR_CAT_UNARMED_ASSAULT, 1},
    {"stab", SR_CAT_ARMED_ASSAULT, 0},
    {"hacked", SR_CAT_ARMED_ASSAULT, 0},
    {"cut", SR_CAT_ARMED_ASSAULT, 0},
    {"cutting", SR_CAT_ARMED_ASSAULT, 0},
    {"slit", SR_CAT_ARMED_ASSAULT, 0},
    {"slitting", SR_CAT_ARMED_ASSAULT, 0},
    {"slashed", SR_CAT_ARMED_ASSAULT, 0},
    {"butchered", SR_CAT_ARMED_ASSAULT, 0},
    {"decapitated", SR_CAT_ARMED_ASSAULT, 0},
    {"storm", SR_CAT_ARMED_ASSAULT, 0},
    {"device", SR_CAT_BOMBING_OTHER, 1},
    {"devices", SR_CAT_BOMBING_OTHER, 1},
    {"charge", SR_CAT_BOMBING_OTHER, 1},
    {"charges", SR_CAT_BOMBING_OTHER, 1},
    {"bombs", SR_CAT_BOMBING_OTHER, 1},
    {"ieds", SR_CAT_REMOTE_EXPLOSIVE_IED, 1},
    {"hostage", SR_CAT_KIDNAPPING, 1},
    {"occupied", SR_CAT_HOSTAGE_BARRICADE, 0},
    {"held", SR_CAT_HOSTAGE_BARRICADE, 0},
    {"deliberately", SR_CAT_FACILITY_ATTACK_ARSON, 0},
    {"intentionally", SR_CAT_FACILITY_ATTACK_ARSON, 0},
    {"ill", SR_CAT_UNARMED_ASSAULT, 0},
    {"hostages", SR_CAT_KIDNAPPING, 1},
    {"ransacked", SR_CAT_LOOTING_PROPERTY_DESTRUCTION, 0},
    {"broke", SR_CAT_FACILITY_ATTACK_ARSON, 0},
    {"ablaze", SR_CAT_FACILITY_ATTACK_ARSON, 0},
    {"alight", SR_CAT_FACILITY_ATTACK_ARSON, 0},
    {"pelted", SR_CAT_RIOT_VIOLENT_DEMONSTRATION, 0},
    {"stoned", SR_CAT_RIOT_VIOLENT_DEMONSTRATION, 0},
    {"blocked", SR_CAT_PROTEST_PEACEFUL, 0},
    {"blockaded", SR_CAT_PROTEST_PEACEFUL, 0},
    {"sabotaged", SR_CAT_FACILITY_ATTACK_ARSON, 0},
    {"released", SR_CAT_FACILITY_ATTACK_ARSON, 0},
    {"freed", SR_CAT_FACILITY_ATTACK_ARSON, 0},
    {"liberated", SR_CAT_FACILITY_ATTACK_ARSON, 0},
    {"sabotage", SR_CAT_FACILITY_ATTACK_ARSON, 1},
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
    {"marches", SR_CAT_PROTEST_PEACEFUL, 1},
    {"walkout", SR_CAT_PROTEST_PEACEFUL, 1},
    {"cacerolazo", SR_CAT_PROTEST_PEACEFUL, 1},
    {"cacerolazos", SR_CAT_PROTEST_PEACEFUL, 1},
    {"rallied", SR_CAT_PROTEST_PEACEFUL, 0},
    {"caravan", SR_CAT_PROTEST_PEACEFUL, 1},
    {"barrage", SR_CAT_PROTEST_PEACEFUL, 1},
    {"fought", SR_CAT_ARMED_CLASH, 0},
    {"engaged", SR_CAT_ARMED_CLASH, 0},
    {"encounter", SR_CAT_ARMED_CLASH, 1},
    {"fight", SR_CAT_ARMED_CLASH, 1},
    {"feud", SR_CAT_ARMED_CLASH, 1},
    {"sarin", SR_CAT_CHEMICAL_BIO_RADNUC, 1},
    {"ricin", SR_CAT_CHEMICAL_BIO_RADNUC, 1},
    {"anthrax", SR_CAT_CHEMICAL_BIO_RADNUC, 1},
    {"executed", SR_CAT_ARMED_ASSAULT, 0},
    {"struck", SR_CAT_BOMBING_OTHER, 0},
    {"mine", SR_CAT_REMOTE_EXPLOSIVE_IED, 1},
    {"mines", SR_CAT_REMOTE_EXPLOSIVE_IED, 1},
    {"blown", SR_CAT_BOMBING_OTHER, 0},
    {"dynamited", SR_CAT_BOMBING_OTHER, 0},
    {"dynamite", SR_CAT_BOMBING_OTHER, 1},
    {"gunpoint", SR_CAT_KIDNAPPING, 1},
    {"detained", SR_CAT_ARRESTS, 0},
    {"bombarded", SR_CAT_SHELLING_ARTILLERY_MISSILE, 0},
    {"bombardment", SR_CAT_SHELLING_ARTILLERY_MISSILE, 1},
    {"bombardments", SR_CAT_SHELLING_ARTILLERY_MISSILE, 1},
    {"pounded", SR_CAT_SHELLING_ARTILLERY_MISSILE, 0},
    {"bundled", SR_CAT_KIDNAPPING, 0},
    {"rounded", SR_CAT_KIDNAPPING, 0},
    {"forced", SR_CAT_KIDNAPPING, 0},
    {"dragged", SR_CAT_KIDNAPPING, 0},
    {"ordered", SR_CAT_KIDNAPPING, 0},
    {"entered", SR_CAT_OTHER, 0},
    {"captured", SR_CAT_OTHER, 0},
    {"took", SR_CAT_OTHER, 0},
    {"withdrew", SR_CAT_OTHER, 0},
    {"fell", SR_CAT_OTHER, 0},
    {"coup", SR_CAT_OTHER, 1},
    {"ousted", SR_CAT_OTHER, 0},
    {"overthrew", SR_CAT_OTHER, 0},
    {"deposed", SR_CAT_OTHER, 0},
    {"removed", SR_CAT_OTHER, 0},
    {"surrendered", SR_CAT_OTHER, 0},
    {"ceasefire", SR_CAT_OTHER, 1},
    {"agreement", SR_CAT_OTHER, 1},
    {"accord", SR_CAT_OTHER, 1},
    {"truce", SR_CAT_OTHER, 1},
    {"lockdown", SR_CAT_OTHER, 1},
    {"curfew", SR_CAT_OTHER, 1},
    {"corridor", SR_CAT_OTHER, 1},
    {"corridors", SR_CAT_OTHER, 1},
    {NULL, SR_CAT_OTHER, 0}};

const sr_trigger_t *sr_classify_triggers(void)
{
    return own_triggers;
}

/* "doused two trucks with fuel and set them alight": "them" is the
 * property named just before the verb (no punctuation between). */
static int property_before(const sr_doc_t *doc, size_t tb, size_t i)
{
    for (size_t j = i; j > tb && j + 10 > i; j--) {
        if (doc->toks[j - 1].kind == SR_TOK_PUNCT) {
            return 0;
        }
        if (sr_tok_has(doc, j - 1, SR_W_CLSCUE) &&
            sr_tok_in(doc, j - 1, property)) {
            return 1;
        }
    }
    return 0;
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
            if (sr_tok_is(doc, j, "fire") || sr_tok_is(doc, j, "ablaze") ||
                sr_tok_is(doc, j, "alight")) {
                return opened ? 2 : person ? 3 : 1;
            }
            if (doc->toks[j].kind == SR_TOK_PUNCT) {
                break;
            }
            person |= (sr_tok_in(doc, j, people_pron) &&
                       !property_before(doc, tb, i)) ||
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

static int armed_before(const sr_doc_t *doc, size_t tb, size_t i);

/* Deadly fire told in [tb, te): "rubber bullets", "rubber-coated
 * bullets" are the crowd-control kind, not live fire. */
static int lethal_told(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i < te; i++) {
        if (!sr_tok_has(doc, i, SR_W_CLSCUE) || !sr_tok_in(doc, i, lethal)) {
            continue;
        }
        if (!sr_tok_is(doc, i, "bullets") || !has_word(doc, i > tb + 3 ? i - 3 : tb, i,
                                                         crowd_arms)) {
            return 1;
        }
    }
    return 0;
}

/* A violent crowd told in [tb, te): "stones", "looted", "some stormed
 * the ministry"; not "riot police", nor "troops stormed the town". */
static int riot_told(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i < te; i++) {
        if (!sr_tok_has(doc, i, SR_W_CLSCUE) || !sr_tok_in(doc, i, riot) ||
            (i + 1 < te && sr_tok_in(doc, i + 1, riot_kit))) {
            continue;
        }
        if ((sr_tok_is(doc, i, "stormed") || sr_tok_is(doc, i, "fought")) &&
            armed_before(doc, i > tb + 4 ? i - 4 : tb, i)) {
            continue;
        }
        return 1;
    }
    return 0;
}

/* A real blast told in [tb, te): not "stun grenades", "petrol bombs". */
static int blast_told(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i < te; i++) {
        if (sr_tok_has(doc, i, SR_W_CLSCUE) && sr_tok_in(doc, i, blasts) &&
            !(i > tb && (sr_tok_in(doc, i - 1, nonlethal) ||
                         sr_tok_in(doc, i - 1, incendiary)))) {
            return 1;
        }
    }
    return 0;
}

/* Something thrown in [tb, te) by no armed side named just before the
 * throw ("some marchers threw bottles", not "gunmen threw a bomb"). */
static int crowd_throw(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i < te; i++) {
        if (!sr_tok_has(doc, i, SR_W_CLSCUE) || !sr_tok_in(doc, i, thrown)) {
            continue;
        }
        int armed = 0;

        for (size_t j = i; j > tb && j + 10 > i &&
                           sr_tok_punct(doc, j - 1) != '.';
             j--) {
            armed |= sr_tok_has(doc, j - 1, SR_W_PERP | SR_W_SEC_ORG);
        }
        if (!armed) {
            return 1;
        }
    }
    return 0;
}

/* A word of words (a crowd-control list) in [tb, te): "water" only as
 * "water cannon", not "protested over water cuts". */
static int force_used(const sr_doc_t *doc, size_t tb, size_t te,
                      const char *const *words)
{
    for (size_t i = tb; i < te; i++) {
        if (!sr_tok_has(doc, i, SR_W_CLSCUE) || !sr_tok_in(doc, i, words)) {
            continue;
        }
        if (!sr_tok_is(doc, i, "water") ||
            (i + 1 < te && (sr_tok_is(doc, i + 1, "cannon") ||
                            sr_tok_is(doc, i + 1, "cannons")))) {
            return 1;
        }
    }
    return 0;
}

/* Someone died in [tb, te). */
static int death_told(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i < te; i++) {
        if (sr_tok_has(doc, i, SR_W_KILL | SR_W_DIE)) {
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

/* 1 if the verb at i follows "and" in the past tense: "caught a man
 * suspected of theft and beat him" is a deed of its own, where "accused
 * of robbing and killing" is one allegation. */
static int own_deed_after_and(const sr_doc_t *doc, size_t tb, size_t i)
{
    static const char *const strong_past[] = {"beat", "shot", "set", "threw",
                                              "struck", "burnt", "hit",
                                              "stole", "took", "slew", NULL};
    const sr_tok_t *t = &doc->toks[i];
    const char *w = doc->text + t->start;

    if (i <= tb || !sr_tok_is(doc, i - 1, "and") || t->kind != SR_TOK_WORD) {
        return 0;
    }
    return (t->len > 3 && w[t->len - 2] == 'e' && w[t->len - 1] == 'd') ||
           sr_tok_in(doc, i, strong_past);
}

/* "accused of the bombing", "suspected of involvement in the attack". */
static int alleged(const sr_doc_t *doc, size_t tb, size_t i)
{
    if (own_deed_after_and(doc, tb, i)) {
        return 0;
    }
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

/* An armed side named just before token i: "rebels captured". */
static int armed_before(const sr_doc_t *doc, size_t tb, size_t i)
{
    for (size_t j = i; j > tb && j + 8 > i; j--) {
        if (sr_tok_has(doc, j - 1, SR_W_PERP | SR_W_SEC_ORG | SR_W_VICT_SEC)) {
            return 1;
        }
    }
    return 0;
}

/* The territory verb at i moves ground between armed sides: "rebels
 * captured the town", "troops entered Kherson", "took control of", "the
 * base fell to insurgents", "forces withdrew". */
static int territory_move(const sr_doc_t *doc, size_t tb, size_t te,
                          size_t i)
{
    size_t j = i + 1;
    int named = 0;

    if (!sr_tok_has(doc, i, SR_W_CLSCUE) || !sr_tok_in(doc, i, territory_verbs)) {
        return 0;
    }
    if (sr_tok_is(doc, i, "withdrew")) {
        return armed_before(doc, tb, i);
    }
    if (sr_tok_is(doc, i, "fell")) {
        return j + 1 < te && sr_tok_is(doc, j, "to") &&
               (sr_tok_has(doc, j + 1, SR_W_PERP | SR_W_SEC_ORG) ||
                (j + 2 < te &&
                 sr_tok_has(doc, j + 2, SR_W_PERP | SR_W_SEC_ORG)));
    }
    if (sr_tok_is(doc, i, "took")) {
        /* "took over", "took control of"; not "took five hostages" */
        if (j >= te || !(sr_tok_is(doc, j, "over") || sr_tok_is(doc, j, "control"))) {
            return 0;
        }
        j++;
    }
    if (!armed_before(doc, tb, i)) {
        /* "the Taliban captured the city of X": a group by its name (the
         * lexicon knows no names), then only with ground named as such */
        if (i == tb || !doc->toks[i - 1].cap ||
            doc->toks[i - 1].kind != SR_TOK_WORD ||
            sr_tok_has(doc, i - 1, SR_W_STOPCAP | SR_W_VICT_CIV)) {
            return 0;
        }
        for (size_t k = tb; k < te; k++) {
            if (sr_tok_in(doc, k, ballot)) {
                return 0; /* "the Liberals captured the district" */
            }
        }
        named = 1;
    }
    for (; j < te && j < i + 8; j++) {
        if (doc->toks[j].kind == SR_TOK_PUNCT || sr_tok_is(doc, j, "power")) {
            return 0; /* "seized power in Conakry": a coup, not ground */
        }
        if (sr_tok_is(doc, j, "control") || sr_tok_is(doc, j, "of") ||
            sr_tok_is(doc, j, "the") || sr_tok_is(doc, j, "over")) {
            continue;
        }
        if ((sr_tok_has(doc, j, SR_W_CLSCUE) && sr_tok_in(doc, j, territory_nouns)) ||
            (!named && doc->toks[j].cap && doc->toks[j].kind == SR_TOK_WORD &&
             !sr_tok_has(doc, j, SR_W_STOPCAP | SR_W_VICT_CIV | SR_W_VICT_SEC |
                                     SR_W_PERP | SR_W_SEC_ORG))) {
            return 1;
        }
        if (doc->toks[j].kind == SR_TOK_NUM ||
            sr_tok_has(doc, j, SR_W_VICT_CIV | SR_W_VICT_SEC | SR_W_NUMWORD |
                                   SR_W_VAGUE | SR_W_FEW)) {
            return 0; /* "captured two soldiers": people, not ground */
        }
    }
    return 0;
}

/* "captured", "seized", "overran" a town: ground taken by force though
 * no fight is told, unless "without a fight", "peacefully"; "entered",
 * "took over" after a withdrawal are no conquest. */
static int taken_by_force(const sr_doc_t *doc, size_t tb, size_t te)
{
    static const char *const forceful[] = {"captured", "seized", "overran",
                                           NULL};
    static const char *const peaceful[] = {"peacefully", "unopposed",
                                           "handed", "handover", NULL};
    int found = 0;

    for (size_t i = tb; i < te; i++) {
        if (sr_tok_in(doc, i, peaceful) ||
            (sr_tok_is(doc, i, "without") && i + 2 < te &&
             (sr_tok_is(doc, i + 1, "firing") ||
              sr_tok_is(doc, i + 1, "fighting") ||
              sr_tok_is(doc, i + 2, "fight") ||
              sr_tok_is(doc, i + 2, "shot")))) {
            return 0;
        }
        found |= sr_tok_in(doc, i, forceful) && territory_move(doc, tb, te, i);
    }
    return found;
}

/* A territory move anywhere in [tb, te). */
static int territory_span(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i < te; i++) {
        if (territory_move(doc, tb, te, i)) {
            return 1;
        }
    }
    return 0;
}

/* "the coup", "ousted the president", "removed him from power". */
static int coup_word(const sr_doc_t *doc, size_t te, size_t i);

static int coup_span(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i < te; i++) {
        if (coup_word(doc, te, i) ||
            (i + 1 < te && sr_tok_is(doc, i + 1, "power") &&
             (sr_tok_is(doc, i, "seized") || sr_tok_is(doc, i, "took") ||
              sr_tok_is(doc, i, "grabbed")))) {
            return 1;
        }
    }
    return 0;
}

/* "a humanitarian corridor": ACLED's other strategic development */
static int corridor_span(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb + 1; i < te; i++) {
        if (sr_tok_is(doc, i, "corridor") && sr_tok_is(doc, i - 1, "humanitarian")) {
            return 1;
        }
    }
    return 0;
}

static int coup_word(const sr_doc_t *doc, size_t te, size_t i)
{
    if (!sr_tok_has(doc, i, SR_W_CLSCUE) || !sr_tok_in(doc, i, coup_words)) {
        return 0;
    }
    if (sr_tok_is(doc, i, "removed")) {
        for (size_t j = i + 1; j + 1 < te && j < i + 8; j++) {
            if (sr_tok_is(doc, j, "from") && sr_tok_is(doc, j + 1, "power")) {
                return 1;
            }
        }
        return 0;
    }
    return 1;
}

/* A vehicle used as the weapon: "drove his car into a crowd" (1), "flew
 * a plane into a building" (2), "rammed the gate" (1); 0 for a journey
 * ("drove to Kabul"). */
static int rammed_into(const sr_doc_t *doc, size_t te, size_t i)
{
    static const char *const into[] = {"into", "onto", "through", "down",
                                       NULL};
    static const char *const people[] = {"crowd", "crowds", "pedestrians",
                                         "people", "shoppers", "worshippers",
                                         "protesters", "marchers", "market",
                                         "passers", NULL};
    size_t j;

    if (sr_tok_is(doc, i, "rammed")) {
        return 1;
    }
    for (j = i + 1; j < te && j < i + 7 && !sr_tok_in(doc, j, into); j++) {
        if (doc->toks[j].kind == SR_TOK_PUNCT && sr_tok_punct(doc, j) != '-') {
            return 0;
        }
    }
    if (j >= te || j >= i + 7) {
        return 0;
    }
    if (sr_tok_is(doc, i, "mowed")) {
        return sr_tok_is(doc, j, "down"); /* "mowed down pedestrians" */
    }
    for (size_t k = j + 1; k < te && k < j + 9; k++) {
        if (doc->toks[k].kind == SR_TOK_PUNCT || sr_tok_is(doc, k, "to")) {
            break; /* "drove through the city to mark Workers' Day" */
        }
        if (sr_tok_in(doc, k, people) || sr_tok_has(doc, k, SR_W_VICT_CIV)) {
            return 1;
        }
        if (sr_tok_has(doc, k, SR_W_CLSCUE) && sr_tok_in(doc, k, property) &&
            !sr_tok_in(doc, k, vehicles)) {
            return 2;
        }
    }
    return 0;
}

/* The first vehicle used as a weapon in [tb, te): rammed_into's answer
 * (1 into people, 2 into a building), or 0. */
static int ramming(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i < te; i++) {
        int r;

        if (!sr_tok_has(doc, i, SR_W_TRIGGER) ||
            doc->toks[i].lex->trig != SR_CAT_UNARMED_ASSAULT + 1) {
            continue;
        }
        r = rammed_into(doc, te, i);
        if (r != 0 && sr_is_trigger(doc, tb, te, i)) {
            return r;
        }
    }
    return 0;
}

/* The first property noun of the n tokens from `from`, up to a
 * punctuation mark or a token of class stop: "into a mink farm" ->
 * "farm"; SR_NO_CUE if none. */
static size_t property_near(const sr_doc_t *doc, size_t from, size_t te,
                            size_t n, uint64_t stop)
{
    for (size_t j = from; j < te && j < from + n; j++) {
        if (doc->toks[j].kind == SR_TOK_PUNCT || sr_tok_has(doc, j, stop)) {
            break;
        }
        if (sr_tok_has(doc, j, SR_W_CLSCUE) && sr_tok_in(doc, j, property)) {
            return j;
        }
    }
    return SR_NO_CUE;
}

/* "were released", "was stoned": the passive before token i (the
 * lexicon's auxiliaries hold "and" too, so they cannot tell). */
static int passive_at(const sr_doc_t *doc, size_t tb, size_t i)
{
    static const char *const passive[] = {"was", "were", "been", "be",
                                          "being", "are", "is", NULL};

    return i > tb && sr_tok_in(doc, i - 1, passive);
}

/* "stoned a woman to death", "was stoned to death": a killing with
 * stones, not a crowd's missiles. */
static int stoned_to_death(const sr_doc_t *doc, size_t te, size_t i)
{
    for (size_t j = i + 1; j + 1 < te && j < i + 6; j++) {
        if (sr_tok_is(doc, j, "to") && sr_tok_is(doc, j + 1, "death")) {
            return 1;
        }
    }
    return 0;
}

/* "released 2,000 mink", "freed hundreds of hens from the farm": animals
 * let out of a farm or a laboratory, the sabotage of an animal-rights
 * group; not hostages or prisoners released, nor a report released. */
static int animals_let_out(const sr_doc_t *doc, size_t te, size_t i)
{
    static const char *const animals[] = {
        "animals", "mink", "minks", "foxes", "beagles", "dogs", "hens",
        "chickens", "pigs", "rabbits", "monkeys", "birds", "cattle", "cows",
        "sheep", "calves", "ducks", "turkeys", "rats", "mice", "livestock",
        "horses", "goats", NULL};

    if (passive_at(doc, 0, i)) {
        return 0; /* "were released": set free, not let out by someone */
    }
    for (size_t j = i + 1; j < te && j < i + 6; j++) {
        if (doc->toks[j].kind == SR_TOK_PUNCT && sr_tok_punct(doc, j) != ',') {
            return 0;
        }
        if (sr_tok_in(doc, j, animals)) {
            /* "a report on mink farms": animals naming something else */
            return !(j + 1 < te && sr_tok_has(doc, j + 1, SR_W_CLSCUE) &&
                     sr_tok_in(doc, j + 1, property));
        }
    }
    return 0;
}

/* A vehicle taken over by its attackers: "took over a fuel tanker",
 * "commandeered a bus"; not "took over the town" (ground). */
static int vehicle_seized(const sr_doc_t *doc, size_t te, size_t i)
{
    static const char *const craft[] = {
        "bus", "buses", "coach", "tanker", "truck", "lorry", "van", "plane",
        "aircraft", "airliner", "jet", "ship", "vessel", "boat", "ferry",
        "train", "tanker", "minibus", "airbus", "boeing", "flight", NULL};
    size_t j = i + 1, reach = 4;

    if (sr_tok_is(doc, i, "took")) {
        /* "took over a bus", "took control of an airliner" */
        if (j + 1 < te && sr_tok_is(doc, j, "control") && sr_tok_is(doc, j + 1, "of")) {
            j++;
            reach = 6; /* "of a Pakistan International Airlines Boeing" */
        } else if (j >= te || !sr_tok_is(doc, j, "over")) {
            return 0;
        }
        j++;
    }
    for (size_t k = j; k < te && k < j + reach; k++) {
        if (doc->toks[k].kind == SR_TOK_PUNCT) {
            return 0;
        }
        if (sr_tok_in(doc, k, craft)) {
            return 1;
        }
    }
    return 0;
}

/* "took to the streets": a crowd out in protest, not gunmen out to
 * kill. */
static int to_the_streets(const sr_doc_t *doc, size_t tb, size_t te, size_t i)
{
    if (!(i + 3 < te && sr_tok_is(doc, i + 1, "to") && sr_tok_is(doc, i + 2, "the") &&
          (sr_tok_is(doc, i + 3, "streets") || sr_tok_is(doc, i + 3, "street")))) {
        return 0;
    }
    for (size_t j = i; j > tb && j + 6 > i; j--) {
        if (sr_tok_has(doc, j - 1, SR_W_PERP)) {
            return 0;
        }
    }
    return 1;
}

/* People carried off by armed men named before: "carried off 276
 * students", "drove off with the minister", "took the passengers to a
 * nearby village", "whisked them away"; not "carried out an attack", "drove
 * off" (fled), "took the wounded to hospital", nor cattle driven off. */
static int carried_off(const sr_doc_t *doc, size_t tb, size_t te, size_t i)
{
    static const char *const verbs[] = {"carried", "took", "drove",
                                        "whisked", NULL};
    static const char *const away[] = {"off", "away", NULL};
    static const char *const pron[] = {"him", "her", "them", NULL};
    static const char *const care[] = {"hospital", "hospitals", "safety",
                                       "clinic", "police", "shelter", NULL};
    int person = 0, gone = 0, armed = 0;

    if (!sr_tok_in(doc, i, verbs)) {
        return 0;
    }
    for (size_t j = tb; j < i && !armed; j++) {
        armed = sr_tok_has(doc, j, SR_W_PERP) || sr_tok_is(doc, j, "armed");
    }
    if (!armed) {
        return 0;
    }
    for (size_t j = i + 1; j < te && j < i + 6; j++) {
        if (doc->toks[j].kind == SR_TOK_PUNCT) {
            break;
        }
        if (sr_tok_in(doc, j, away)) {
            gone = 1;
            if (j + 1 < te && sr_tok_is(doc, j + 1, "with")) {
                return 1; /* "drove off with Moro" */
            }
            continue;
        }
        person |= sr_tok_has(doc, j, SR_W_VICT_CIV | SR_W_VICT_SEC) ||
                  sr_tok_in(doc, j, pron) || doc->toks[j].kind == SR_TOK_NUM;
        if (sr_tok_is(doc, i, "took") && person &&
            (sr_tok_is(doc, j, "to") || sr_tok_is(doc, j, "into"))) {
            /* "took 200 passengers to a village"; not to hospital */
            for (size_t k = j + 1; k < te && k < j + 4; k++) {
                if (sr_tok_in(doc, k, care)) {
                    return 0;
                }
            }
            return 1;
        }
    }
    return gone && person;
}

/* A person made to go with his captors: "forced him into a car",
 * "bundled the driver into a van", "ordered him to come with them"; not
 * "forced into exile", "ordered the release". */
static int taken_along(const sr_doc_t *doc, size_t tb, size_t te, size_t i)
{
    static const char *const along[] = {"come", "go", NULL};
    static const char *const cars[] = {"car", "vehicle", "van", "truck",
                                       "suv", "pickup", "boot", "trunk",
                                       NULL};

    for (size_t j = i + 1; j + 1 < te && j < i + 6; j++) {
        if (doc->toks[j].kind == SR_TOK_PUNCT) {
            return 0;
        }
        if (sr_tok_is(doc, j, "into")) {
            for (size_t k = j + 1; k < te && k < j + 5; k++) {
                if (sr_tok_in(doc, k, cars)) {
                    return 1;
                }
            }
            return 0;
        }
        if (sr_tok_is(doc, j, "to") && sr_tok_in(doc, j + 1, along)) {
            /* the captors' own company, and captors armed or masked */
            if (j + 3 >= te || !sr_tok_is(doc, j + 2, "with") ||
                !(sr_tok_is(doc, j + 3, "them") || sr_tok_is(doc, j + 3, "us"))) {
                return 0;
            }
            for (size_t k = i; k > tb && k + 12 > i; k--) {
                if (sr_tok_has(doc, k - 1, SR_W_PERP) || sr_tok_is(doc, k - 1, "armed") ||
                    sr_tok_is(doc, k - 1, "masked")) {
                    return 1;
                }
            }
            return 0;
        }
    }
    return 0;
}

/* "troops engaged NPA rebels", "engaged in a gunfight": a fight
 * joined; not "engaged in talks". */
static int engaged_foe(const sr_doc_t *doc, size_t te, size_t i)
{
    static const char *const fights[] = {"gunfight", "firefight", "fight",
                                         "fighting", "clash", "clashes",
                                         "encounter", "gunbattle",
                                         "shootout", "battle", NULL};

    for (size_t j = i + 1; j < te && j < i + 7; j++) {
        if (sr_tok_has(doc, j, SR_W_PERP | SR_W_SEC_ORG | SR_W_VICT_SEC) ||
            sr_tok_in(doc, j, fights)) {
            return 1;
        }
        if (doc->toks[j].kind == SR_TOK_PUNCT && sr_tok_punct(doc, j) != '-') {
            break; /* "engaged al-Shabaab fighters" reads on */
        }
    }
    return 0;
}

/* has_word() for lists kept out of the cue lists: words read only near
 * a rare trigger, where a plain comparison costs nothing. */
static int any_word(const sr_doc_t *doc, size_t tb, size_t te,
                    const char *const *words)
{
    for (size_t i = tb; i < te; i++) {
        if (sr_tok_in(doc, i, words)) {
            return 1;
        }
    }
    return 0;
}

/* "the blaze was set deliberately", "a fire deliberately started": a
 * fire word and a verb of lighting near the adverb at i; not "deliberately
 * misled". */
static int fire_set_on_purpose(const sr_doc_t *doc, size_t tb, size_t te,
                               size_t i)
{
    static const char *const fires[] = {"fire", "fires", "blaze", "blazes",
                                        "flames", NULL};
    static const char *const lit[] = {"set", "started", "lit", "caused",
                                      "ignited", NULL};
    size_t from = i > tb + 7 ? i - 7 : tb, to = i + 4 < te ? i + 4 : te;

    return any_word(doc, from, to, fires) && any_word(doc, from, to, lit);
}

/* "fell ill after a substance was sprayed", "became ill from toxic gas":
 * people poisoned; not "fell ill with malaria". */
static int taken_ill_by_poison(const sr_doc_t *doc, size_t tb, size_t te,
                               size_t i)
{
    static const char *const taken[] = {"fell", "fallen", "falling", "became",
                                        "become", "taken", NULL};
    static const char *const poisons[] = {
        "substance", "substances", "gas", "sprayed", "poison", "poisoned",
        "poisonous", "toxic", "chemical", "chemicals", "fumes", NULL};
    size_t to = i + 10 < te ? i + 10 : te;

    return i > tb && sr_tok_in(doc, i - 1, taken) &&
           any_word(doc, i + 1, to, poisons);
}

/* "held its staff for about two hours", "held 40 passengers for three
 * days": people kept by attackers, a barricade incident; not "held a
 * rally", nor "police held the suspects" (no attacker before). */
static int people_held_for_hours(const sr_doc_t *doc, size_t tb, size_t te,
                                 size_t i)
{
    static const char *const kept[] = {
        "staff", "employees", "workers", "passengers", "crew", "people",
        "guests", "worshippers", "pupils", "students", "teachers",
        "customers", "hostages", "journalists", "officials", NULL};
    static const char *const spans[] = {"hours", "hour", "days", "day",
                                        "minutes", "weeks", NULL};
    size_t j = i + 1, to = i + 14 < te ? i + 14 : te;
    int attacker = 0;

    for (size_t k = tb; k < i && !attacker; k++) {
        attacker = sr_tok_has(doc, k, SR_W_PERP) || sr_tok_is(doc, k, "armed");
    }
    while (j < to && j < i + 6 && !sr_tok_in(doc, j, kept) &&
           !sr_tok_has(doc, j, SR_W_VICT_CIV)) {
        j++;
    }
    if (!attacker || j >= to || j >= i + 6) {
        return 0;
    }
    for (; j < to; j++) {
        if (sr_tok_is(doc, j, "for") && any_word(doc, j + 1, to, spans)) {
            return 1;
        }
    }
    return 0;
}

/* "gunmen killed a candidate at a campaign rally": the rally at token i
 * is where armed men struck, not the event; "police fired on a rally"
 * stays the crowd's. */
static int rally_as_setting(const sr_doc_t *doc, size_t tb, size_t i)
{
    size_t at = i;

    while (at > tb && at + 4 > i && !sr_tok_is(doc, at - 1, "at") &&
           !sr_tok_is(doc, at - 1, "during")) {
        at--;
    }
    if (at == tb || at + 4 <= i) {
        return 0;
    }
    for (size_t j = tb; j + 1 < at; j++) {
        if (sr_tok_has(doc, j, SR_W_PERP)) {
            return 1;
        }
    }
    return 0;
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
    case SR_CAT_UNARMED_ASSAULT:
        if (sr_tok_is(doc, i, "ill")) {
            return taken_ill_by_poison(doc, tb, te, i);
        }
        if (sr_tok_is(doc, i, "acid")) {
            /* "sprayed acid on", "threw acid in her face": a chemical
             * attack, GTD's unarmed assault; not acid rain or a leak */
            static const char *const splashing[] = {
                "sprayed", "spraying", "splashed", "splashing", "threw",
                "thrown", "throwing", "hurled", "poured", "doused", NULL};

            for (size_t j = i; j > tb && j + 4 > i; j--) {
                if (sr_tok_in(doc, j - 1, splashing)) {
                    return 1;
                }
            }
            return 0;
        }
        if (sr_tok_is(doc, i, "kicked")) {
            /* "kicked a rabbi"; not "the campaign kicked off" */
            return !(i + 1 < te && sr_tok_is(doc, i + 1, "off"));
        }
        if (sr_tok_is(doc, i, "drove") || sr_tok_is(doc, i, "flew") ||
            sr_tok_is(doc, i, "ploughed") || sr_tok_is(doc, i, "plowed") ||
            sr_tok_is(doc, i, "mowed")) {
            return rammed_into(doc, te, i) != 0 || carried_off(doc, tb, te, i);
        }
        return 1;
    case SR_CAT_FACILITY_ATTACK_ARSON:
        if (sr_tok_is(doc, i, "deliberately") ||
            sr_tok_is(doc, i, "intentionally")) {
            return fire_set_on_purpose(doc, tb, te, i);
        }
        if (sr_tok_is(doc, i, "ablaze") || sr_tok_is(doc, i, "alight")) {
            /* "set ablaze a warehouse", "was set ablaze", "set it
             * alight", "set the vehicle ablaze", "set two of the houses
             * alight"; not "a town ablaze with lights" */
            for (size_t j = i; j > tb && j + 6 > i; j--) {
                if (sr_tok_in(doc, j - 1, igniting)) {
                    return 1;
                }
                if (doc->toks[j - 1].kind != SR_TOK_WORD &&
                    doc->toks[j - 1].kind != SR_TOK_NUM) {
                    return 0;
                }
            }
            return 0;
        }
        if (sr_tok_is(doc, i, "released") || sr_tok_is(doc, i, "freed") ||
            sr_tok_is(doc, i, "liberated")) {
            return animals_let_out(doc, te, i);
        }
        if (sr_tok_is(doc, i, "broke")) {
            /* "broke into a mink farm"; not "fire broke out" */
            if (i + 1 >= te || !sr_tok_is(doc, i + 1, "into")) {
                return 0;
            }
            return property_near(doc, i + 2, te, 5, 0) != SR_NO_CUE;
        }
        return 1;
    case SR_CAT_ARMED_ASSAULT:
        if (sr_tok_has(doc, i, SR_W_CLSCUE) && sr_tok_in(doc, i, cutting)) {
            /* "hacked a farmer to death", "cut the throats of", "cutting
             * down villagers with knives"; not a website hacked, a road
             * cut, prices slashed */
            static const char *const blades[] = {
                "death", "machete", "machetes", "axe", "axes", "cutlass",
                "cutlasses", "knife", "knives", "throat", "throats", "sword",
                "swords", "pieces", NULL};

            /* "cut ... to the death of" is no blade: only "hacked to
             * death" counts a death as the blade's */
            int hacked = sr_tok_is(doc, i, "hacked");

            for (size_t j = i + 1; j < te && j < i + 8; j++) {
                if (sr_tok_in(doc, j, blades) &&
                    (hacked || !(sr_tok_is(doc, j, "death") || sr_tok_is(doc, j, "pieces")))) {
                    return 1;
                }
            }
            return 0;
        }
        return !sr_tok_is(doc, i, "storm") ||
               (i > tb && sr_tok_is(doc, i - 1, "to"));
    case SR_CAT_OTHER:
        if (sr_tok_is(doc, i, "agreement") || sr_tok_is(doc, i, "accord")) {
            /* "signed an agreement", "a peace accord", "freed under the
             * Doha agreement"; not "in agreement with", nor one only
             * called for */
            static const char *const sealed[] = {
                "signed", "signing", "reached", "concluded", "under",
                "peace", "ceasefire", "sealed", "inked", NULL};

            for (size_t j = i; j > tb && j + 5 > i; j--) {
                if (doc->toks[j - 1].kind == SR_TOK_PUNCT) {
                    return 0;
                }
                if (sr_tok_in(doc, j - 1, sealed)) {
                    return 1;
                }
            }
            return 0;
        }
        if (sr_tok_is(doc, i, "corridor") || sr_tok_is(doc, i, "corridors")) {
            /* "a humanitarian corridor was opened"; not "the Lobito
             * corridor", nor one only asked for */
            static const char *const asking[] = {
                "called", "calls", "calling", "urged", "demanded", "proposed",
                "requested", "asked", NULL};

            for (size_t j = i; j > tb && j + 6 > i; j--) {
                if (sr_tok_in(doc, j - 1, asking)) {
                    return 0;
                }
            }
            return i > tb && sr_tok_is(doc, i - 1, "humanitarian");
        }
        if (sr_tok_has(doc, i, SR_W_CLSCUE) && sr_tok_in(doc, i, coup_words)) {
            return coup_word(doc, te, i);
        }
        if (sr_tok_has(doc, i, SR_W_CLSCUE) && sr_tok_in(doc, i, territory_verbs)) {
            return territory_move(doc, tb, te, i) ||
                   (sr_tok_is(doc, i, "took") &&
                    (vehicle_seized(doc, te, i) || carried_off(doc, tb, te, i) ||
                     to_the_streets(doc, tb, te, i)));
        }
        return 1;
    case SR_CAT_HIJACKING:
        return !sr_tok_is(doc, i, "commandeered") || vehicle_seized(doc, te, i);
    case SR_CAT_ARMED_CLASH:
        if (sr_tok_is(doc, i, "engaged")) {
            return engaged_foe(doc, te, i);
        }
        if (sr_tok_is(doc, i, "fight") || sr_tok_is(doc, i, "feud")) {
            /* "a fight between two clans left five dead"; not "the fight
             * against corruption" */
            return i + 1 < te && sr_tok_is(doc, i + 1, "between") &&
                   death_told(doc, i, te);
        }
        if (sr_tok_is(doc, i, "encounter")) {
            /* "killed in an encounter with troops"; not "a chance
             * encounter" told of nobody armed */
            for (size_t j = tb; j < te; j++) {
                if (sr_tok_has(doc, j, SR_W_PERP | SR_W_SEC_ORG | SR_W_VICT_SEC)) {
                    return 1;
                }
            }
            return 0;
        }
        /* "people fleeing fighting" */
        for (size_t j = i; j > tb && j + 3 > i; j--) {
            if (sr_tok_has(doc, j - 1, SR_W_CLSCUE) && sr_tok_in(doc, j - 1, fleeing)) {
                return 0;
            }
        }
        return 1;
    case SR_CAT_TERRITORY_TAKEN:
    case SR_CAT_TERRITORY_REGAINED:
        if (i > tb && sr_tok_has(doc, i - 1, SR_W_AUX)) {
            /* "the town was retaken by the army"; not "the animals were
             * recaptured by the farmer" */
            for (size_t j = i + 1; j < te && j < i + 6; j++) {
                if (sr_tok_has(doc, j, SR_W_PERP | SR_W_SEC_ORG)) {
                    return 1;
                }
            }
            return 0;
        }
        return territory_move(doc, tb, te, i);
    case SR_CAT_HOSTAGE_BARRICADE:
        if (sr_tok_is(doc, i, "occupied")) {
            /* "occupied the market, holding vendors": people held where
             * they were; not "the occupied territories", nor a sit-in */
            static const char *const held[] = {"holding", "held", "hostage",
                                               "hostages", NULL};

            if (i == tb || i + 1 >= te || sr_tok_is(doc, i - 1, "the") ||
                sr_tok_has(doc, i - 1, SR_W_AUX | SR_W_PROTEST) ||
                !armed_before(doc, tb, i)) {
                return 0;
            }
            for (size_t j = i + 1; j < te; j++) {
                if (sr_tok_in(doc, j, held)) {
                    return 1;
                }
            }
            return 0;
        }
        if (sr_tok_is(doc, i, "held")) {
            return people_held_for_hours(doc, tb, te, i);
        }
        return 1;
    case SR_CAT_KIDNAPPING:
        if (sr_tok_is(doc, i, "carried") || sr_tok_is(doc, i, "whisked")) {
            return carried_off(doc, tb, te, i);
        }
        if (sr_tok_is(doc, i, "bundled") || sr_tok_is(doc, i, "forced") ||
            sr_tok_is(doc, i, "dragged") || sr_tok_is(doc, i, "ordered")) {
            return taken_along(doc, tb, te, i);
        }
        if (sr_tok_is(doc, i, "rounded")) {
            return i + 1 < te && sr_tok_is(doc, i + 1, "up"); /* "rounded up" */
        }
        if (sr_tok_is(doc, i, "gunpoint")) {
            /* "held staff at gunpoint"; not "robbed at gunpoint" */
            for (size_t j = i; j > tb && j + 6 > i; j--) {
                if (sr_tok_has(doc, j - 1, SR_W_CLSCUE) && sr_tok_in(doc, j - 1, barricade)) {
                    return 1;
                }
            }
            return 0;
        }
        return 1;
    case SR_CAT_RIOT_VIOLENT_DEMONSTRATION:
        if (sr_tok_is(doc, i, "stoned")) {
            /* "youths stoned vehicles"; a stoning to death is an assault
             * (classify_span), by whomever; not gunmen stoning cars */
            return stoned_to_death(doc, te, i) ||
                   (!passive_at(doc, tb, i) && !armed_before(doc, tb, i));
        }
        /* "students pelted police with stones"; not gunmen doing it */
        return !sr_tok_is(doc, i, "pelted") || !armed_before(doc, tb, i);
    case SR_CAT_PROTEST_PEACEFUL:
        if (sr_tok_is(doc, i, "sit")) {
            return i + 2 < te && sr_tok_punct(doc, i + 1) == '-' &&
                   sr_tok_is(doc, i + 2, "in");
        }
        if ((sr_tok_is(doc, i, "rally") || sr_tok_is(doc, i, "meeting")) &&
            rally_as_setting(doc, tb, i)) {
            return 0;
        }
        if (sr_tok_is(doc, i, "barrage")) {
            /* a "noise barrage" of pots and horns; not an artillery one */
            return i > tb && sr_tok_is(doc, i - 1, "noise");
        }
        if (sr_tok_is(doc, i, "gathered") || sr_tok_is(doc, i, "motorcade") ||
            sr_tok_is(doc, i, "vigil") || sr_tok_is(doc, i, "caravan") ||
            sr_tok_is(doc, i, "rallied")) {
            /* with a cause: "rallied to demand"; not "a caravan of
             * migrants" */
            return has_word(doc, tb, te, protest_ctx);
        }
        if (sr_tok_is(doc, i, "blocked") || sr_tok_is(doc, i, "blockaded")) {
            /* "workers blocked the highway demanding higher pay"; not
             * "a court blocked the law against ..." */
            return has_word(doc, tb, i, blockers) &&
                   has_word(doc, tb, te, protest_ctx);
        }
        return 1;
    case SR_CAT_SHELLING_ARTILLERY_MISSILE:
        if (sr_tok_is(doc, i, "pounded")) {
            /* "artillery pounded the town", "the army pounded rebel
             * positions"; not "rain pounded the coast" */
            return armed_before(doc, tb, i) || has_word(doc, tb, te, shells) ||
                   has_word(doc, tb, te, air_cues);
        }
        return 1;
    case SR_CAT_REMOTE_EXPLOSIVE_IED:
        if (sr_tok_is(doc, i, "mine") || sr_tok_is(doc, i, "mines")) {
            /* "struck a mine", "set off a remote-controlled mine"; not "a
             * gold mine", "workers at the mine" */
            for (size_t j = i; j > tb && j + 7 > i; j--) {
                if (sr_tok_in(doc, j - 1, mine_verbs)) {
                    return 1;
                }
                if (doc->toks[j - 1].kind == SR_TOK_PUNCT &&
                    sr_tok_punct(doc, j - 1) != '-') {
                    return 0;
                }
            }
            return 0;
        }
        return 1;
    case SR_CAT_BOMBING_OTHER:
        if (sr_tok_is(doc, i, "blown")) {
            return i + 1 < te && sr_tok_is(doc, i + 1, "up"); /* "blown up" */
        }
        if (sr_tok_is(doc, i, "struck")) {
            /* "aircraft struck a market", "a car bomber struck a bus";
             * not "a car struck a pedestrian" */
            return has_word(doc, tb, te, air_cues) || has_word(doc, tb, te, shells) ||
                   has_word(doc, tb, i, bombers);
        }
        if (doc->toks[i].lex->trig_noun) {
            for (size_t j = i; j > tb && j + 6 > i; j--) {
                if (sr_tok_is(doc, j - 1, "with") && j > tb + 1 &&
                    sr_tok_has(doc, j - 2, SR_W_TRIGGER) &&
                    doc->toks[j - 2].lex->trig == SR_CAT_ARMED_CLASH + 1) {
                    return 0; /* "clashed with crude bombs": the fight's arms */
                }
                if (sr_tok_has(doc, j - 1, SR_W_CLSCUE) &&
                    sr_tok_in(doc, j - 1, carrying) &&
                    (!sr_tok_is(doc, j - 1, "armed") || sr_tok_is(doc, j, "with"))) {
                    /* "armed with guns and explosives"; but "a vehicle
                     * carrying explosives" is the bomb itself */
                    return j > tb + 1 && sr_tok_in(doc, j - 2, vehicles);
                }
                if (doc->toks[j - 1].kind == SR_TOK_PUNCT) {
                    break;
                }
            }
        }
        if (sr_tok_is(doc, i, "device") || sr_tok_is(doc, i, "devices")) {
            static const char *const kinds[] = {"explosive", "improvised",
                                                "incendiary", NULL};

            return i > tb && sr_tok_in(doc, i - 1, kinds);
        }
        if (sr_tok_is(doc, i, "charge") || sr_tok_is(doc, i, "charges")) {
            /* "an explosive charge"; not "in charge", "faces charges" */
            static const char *const blasting[] = {"explosive", "explosives",
                                                   "demolition", "dynamite",
                                                   NULL};

            return i > tb && sr_tok_in(doc, i - 1, blasting);
        }
        return 1;
    default:
        return 1;
    }
}

/* sr_is_trigger for a word of the trigger class. Out of line: its frame
 * is costly to set up, and most tokens are turned away before it. */
static __attribute__((noinline)) int trigger_word_at(const sr_doc_t *doc,
                                                     size_t tb, size_t te,
                                                     size_t i)
{
    /* "attack helicopter", "bomb squad", "assault rifle"; "attack on ...
     * was averted" is handled by factuality, not here */
    if (i + 1 < te && (sr_tok_is(doc, i + 1, "helicopter") ||
                       sr_tok_is(doc, i + 1, "helicopters") ||
                       sr_tok_is(doc, i + 1, "squad") ||
                       sr_tok_is(doc, i + 1, "rifle") ||
                       sr_tok_is(doc, i + 1, "rifles") ||
                       sr_tok_is(doc, i + 1, "dogs") ||
                       sr_tok_is(doc, i + 1, "threat") ||
                       sr_tok_is(doc, i + 1, "threats"))) {
        return 0;
    }
    if ((sr_tok_is(doc, i, "riot") && i + 1 < te &&
         sr_tok_in(doc, i + 1, riot_kit)) ||
        ((sr_tok_is(doc, i, "grenade") || sr_tok_is(doc, i, "grenades")) &&
         i > tb && sr_tok_in(doc, i - 1, nonlethal))) {
        return 0; /* "riot police", "stun grenades": crowd control */
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

        /* "went on strike", "a hunger strike": a protest; "warplanes
         * carried out a series of strikes": aircraft named just before */
        return i > tb && (sr_tok_in(doc, i - 1, air) ||
                          sr_tok_in(doc, i - 1, labour) ||
                          has_word(doc, i > tb + 10 ? i - 10 : tb, i, air_cues));
    }
    if (!in_context(doc, tb, te, i)) {
        return 0;
    }
    if (alleged(doc, tb, i)) {
        return 0; /* "arrested, accused of the bombing" */
    }
    if (weak_trigger(doc, i) && !strongest(doc, tb, te, i) &&
        !(sr_tok_is(doc, i, "took") && to_the_streets(doc, tb, te, i))) {
        return 0; /* "surrendered after an attack": the attack */
    }
    if (sr_tok_is(doc, i, "exchanged")) {
        /* "exchanged fire", "exchanged small-arms fire", "exchanged heavy
         * gunfire" */
        for (size_t j = i + 1; j < te && j < i + 5; j++) {
            if (sr_tok_is(doc, j, "fire") || sr_tok_is(doc, j, "gunfire") ||
                sr_tok_is(doc, j, "shots")) {
                return 1;
            }
            if (sr_tok_punct(doc, j) != '-' && doc->toks[j].kind != SR_TOK_WORD) {
                return 0;
            }
        }
        return 0;
    }
    if (sr_tok_is(doc, i, "beat")) {
        /* "beat up", "beat a man to death", "a crowd beat", "police
         * beat"; not "beat the team" */
        if (i + 1 < te && (sr_tok_is(doc, i + 1, "up") ||
                           sr_tok_is(doc, i + 1, "to") ||
                           sr_tok_is(doc, i + 1, "him") ||
                           sr_tok_is(doc, i + 1, "them") ||
                           sr_tok_has(doc, i + 1, SR_W_VICT_CIV) ||
                           (i + 2 < te && (sr_tok_is(doc, i + 1, "a") ||
                                           sr_tok_is(doc, i + 1, "an") ||
                                           sr_tok_is(doc, i + 1, "the")) &&
                            sr_tok_has(doc, i + 2, SR_W_VICT_CIV)))) {
            return 1; /* "beat a journalist" */
        }
        for (size_t j = i + 2; j < te && j < i + 9; j++) {
            if (sr_tok_is(doc, j, "death") && sr_tok_is(doc, j - 1, "to")) {
                return 1;
            }
        }
        return i > tb && (sr_tok_has(doc, i - 1, SR_W_PERP | SR_W_SEC_ORG |
                                                     SR_W_VICT_SEC) ||
                          (sr_tok_has(doc, i - 1, SR_W_CLSCUE) &&
                           sr_tok_in(doc, i - 1, crowd)));
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
    /* "claimed the fire as a protest against rents", "lit the fires in
     * protest at": the deed's motive */
    if (doc->toks[i].lex->trig == SR_CAT_PROTEST_PEACEFUL + 1 && i > tb + 1 &&
        (sr_tok_is(doc, i - 1, "as") ||
         (sr_tok_is(doc, i - 1, "in") && sr_tok_is(doc, i, "protest")) ||
         (sr_tok_is(doc, i - 2, "as") && (sr_tok_is(doc, i - 1, "a") ||
                                          sr_tok_is(doc, i - 1, "an"))))) {
        return 0;
    }
    /* "gunfire was heard": a sound reported, not an attack told */
    if (i + 2 < te && sr_tok_has(doc, i + 1, SR_W_AUX) &&
        sr_tok_is(doc, i + 2, "heard")) {
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

int sr_is_trigger(const sr_doc_t *doc, size_t tb, size_t te, size_t i)
{
    return sr_tok_has(doc, i, SR_W_TRIGGER) && trigger_word_at(doc, tb, te, i);
}

/* The first event trigger of [tb, te), or te. */
static size_t first_trigger(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i < te; i++) {
        if (sr_is_trigger(doc, tb, te, i)) {
            return i;
        }
    }
    return te;
}

/* "member of parliament", "a member of the town council", "council
 * member": a person of the body at i, not the body. */
static int member_of(const sr_doc_t *doc, size_t from, size_t te, size_t i)
{
    if (i + 1 < te && (sr_tok_is(doc, i + 1, "member") ||
                               sr_tok_is(doc, i + 1, "members"))) {
        return 1;
    }
    for (size_t j = i; j > from && j + 5 > i; j--) {
        if ((sr_tok_is(doc, j - 1, "member") ||
             sr_tok_is(doc, j - 1, "members")) &&
            j < i && sr_tok_is(doc, j, "of")) {
            return 1;
        }
    }
    return 0;
}

static int named_after(const sr_doc_t *doc, size_t n, size_t ae);
/* The comma at k sets off a place named beside a subject: one with a
 * capitalised word on either side ("in Kasese, Uganda, was shot"). */
static int place_comma(const sr_doc_t *doc, size_t tb, size_t te, size_t k)
{
    return sr_tok_punct(doc, k) == ',' && k > tb && k + 1 < te &&
           (doc->toks[k - 1].cap || doc->toks[k + 1].cap) &&
           doc->toks[k - 1].kind == SR_TOK_WORD;
}

/* "the governor's driver", "a priest's assistant": the title names whose
 * the victim was, not the victim. */
static int possessed(const sr_doc_t *doc, size_t te, size_t i)
{
    return i + 2 < te && doc->toks[i + 1].kind == SR_TOK_POSS &&
           doc->toks[i + 2].kind == SR_TOK_WORD;
}


/* A prominent person named after the attack verb ("opened fire on the
 * vehicle of X, a prominent activist"), not a source ("according to the
 * defence minister"). */
static int targets_prominent(const sr_doc_t *doc, size_t tb, size_t te)
{
    static const char *const source[] = {"according", "said", "told", "says",
                                         "spokesman", "by", NULL};
    size_t trig = first_trigger(doc, tb, te);

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
    if (trig < te && trig > tb + 1 && !doc->toks[trig].lex->trig_noun &&
        (sr_tok_has(doc, trig - 1, SR_W_AUX) ||
         (trig > tb + 2 && sr_tok_has(doc, trig - 2, SR_W_AUX)))) {
        /* "a district judge was shot dead": the passive's subject; "five
         * soldiers were killed near the governor's home": the soldiers */
        int victims = 0;

        size_t reach = 9;

        for (size_t j = trig; j > tb && j + reach > trig; j--) {
            size_t k = j - 1;

            if (doc->toks[k].kind == SR_TOK_PUNCT && !victims &&
                place_comma(doc, tb, trig, k)) {
                reach++; /* "a councillor in Kasese, Uganda, was shot" */
                continue;
            }
            if (doc->toks[k].kind == SR_TOK_PUNCT || sr_tok_in(doc, k, source) ||
                sr_tok_has(doc, k, SR_W_TRIGGER)) {
                break;
            }
            if (sr_tok_has(doc, k, SR_W_CLSCUE) && sr_tok_in(doc, k, prominent) &&
                !((sr_tok_is(doc, k, "parliament") || sr_tok_is(doc, k, "council")) &&
                  !member_of(doc, tb, te, k)) &&
                !possessed(doc, te, k)) {
                return 1;
            }
            victims |= sr_tok_has(doc, k, SR_W_VICT_CIV | SR_W_VICT_SEC);
        }
        if (victims) {
            return 0;
        }
    }
    for (size_t i = trig + 1; i < te && i < trig + 14; i++) {
        int sourced = 0;

        if (!sr_tok_has(doc, i, SR_W_CLSCUE) || !sr_tok_in(doc, i, prominent) ||
            possessed(doc, te, i)) {
            continue;
        }
        if ((sr_tok_is(doc, i, "parliament") || sr_tok_is(doc, i, "council")) &&
            !member_of(doc, trig, te, i)) {
            continue; /* the house, not a "member of a local council" */
        }
        if (doc->toks[i].cap && i + 1 < te && doc->toks[i + 1].cap &&
            named_after(doc, i + 1, te)) {
            continue; /* "the General Ortega barracks": a place */
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

/* "before a police officer shot and killed the driver": the security
 * forces' answer to an attacker told before ("the" one), not the attack
 * itself. */
static int answers_attacker(const sr_doc_t *doc, size_t tb, size_t te)
{
    static const char *const attacker[] = {
        "attacker", "attackers", "assailant", "assailants", "driver",
        "gunman", "gunmen", "perpetrator", "perpetrators", "bomber",
        "knifeman", "shooter", NULL};

    for (size_t i = tb + 1; i + 1 < te; i++) {
        int sec = 0;

        if (!sr_is_trigger(doc, tb, te, i) ||
            !(sr_tok_has(doc, i, SR_W_KILL) ||
              doc->toks[i].lex->trig == SR_CAT_ARMED_ASSAULT + 1)) {
            continue;
        }
        for (size_t j = i; j > tb && j + 6 > i; j--) {
            sec |= sr_tok_has(doc, j - 1, SR_W_SEC_ORG | SR_W_VICT_SEC |
                                              SR_W_POLICE);
        }
        for (size_t j = i + 1; sec && j + 1 < te && j < i + 5; j++) {
            if (sr_tok_is(doc, j, "the") && sr_tok_in(doc, j + 1, attacker)) {
                return 1;
            }
        }
        return 0;
    }
    return 0;
}

/* RPGs fired at a post or at the forces holding it: a fighter's weapon
 * in an assault on a position, where RPGs fired into a town or a camp
 * bombard it. */
static int rpg_at_post(const sr_doc_t *doc, size_t tb, size_t te)
{
    static const char *const posts[] = {"post", "outpost", "checkpoint",
                                        "checkpost", "base", "barracks",
                                        "camp", "patrol", "convoy", NULL};

    for (size_t i = tb; i < te; i++) {
        if (!sr_tok_has(doc, i, SR_W_CLSCUE) || !sr_tok_in(doc, i, launched)) {
            continue;
        }
        for (size_t j = i + 1; j < te && j < i + 5; j++) {
            if (!sr_tok_is(doc, j, "at") && !sr_tok_is(doc, j, "on")) {
                continue;
            }
            for (size_t k = j + 1; k < te && k < j + 6; k++) {
                if (doc->toks[k].kind == SR_TOK_PUNCT) {
                    break;
                }
                if (sr_tok_has(doc, k, SR_W_SEC_ORG | SR_W_VICT_SEC |
                                           SR_W_POLICE) ||
                    sr_tok_in(doc, k, posts)) {
                    return 1;
                }
            }
            break;
        }
    }
    return 0;
}

/* Guns are the main means though grenades or rockets came along, and
 * nothing blew up: an armed assault for GTD. */
static int guns_first(const sr_doc_t *doc, size_t tb, size_t te)
{
    /* "fired mortars, then opened fire on the camp": a ground assault */
    return (has_word(doc, tb, te, firearms) || rpg_at_post(doc, tb, te) ||
            fire_phrase(doc, tb, te) == 2) &&
           !has_word(doc, tb, te, detonation) && !has_word(doc, tb, te, air_cues);
}

/* "attacked the patrol with explosives and rifle fire": explosives named
 * beside guns as the means of one attack, nothing told as going off. */
static int guns_with_explosives(const sr_doc_t *doc, size_t tb, size_t te)
{
    static const char *const fire_arms[] = {"rifle", "rifles", "gunfire",
                                            "guns", "firearms", "automatic",
                                            "machine", NULL};

    for (size_t i = tb; i + 1 < te; i++) {
        int bomb = 0, gun = 0;

        if (!sr_tok_is(doc, i, "with")) {
            continue;
        }
        for (size_t j = i + 1; j < te && j < i + 7; j++) {
            if (doc->toks[j].kind == SR_TOK_PUNCT && sr_tok_punct(doc, j) != '-') {
                break;
            }
            bomb |= sr_tok_has(doc, j, SR_W_CLSCUE) && sr_tok_in(doc, j, blasts);
            gun |= sr_tok_in(doc, j, fire_arms);
        }
        if (bomb && gun) {
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
        /* "gang members shot a driver": a group's men, not a crowd */
        return sr_tok_has(doc, i - 1, SR_W_VICT_CIV) &&
               !sr_tok_is(doc, i - 1, "members") &&
               (sr_tok_is(doc, i - 1, "people") ||
                doc->text[doc->toks[i - 1].start + doc->toks[i - 1].len - 1] ==
                    's');
    }
    return 0;
}

/* "was stoned to death by a crowd", "beaten by angry youths": a crowd
 * as the passive's doer. */
static int by_crowd(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i + 1 < te; i++) {
        if (!sr_tok_is(doc, i, "by")) {
            continue;
        }
        for (size_t j = i + 1; j < te && j < i + 4; j++) {
            if (sr_tok_has(doc, j, SR_W_CLSCUE) && sr_tok_in(doc, j, crowd)) {
                return 1;
            }
        }
    }
    return 0;
}

/* "youths set cars on fire", "supporters of X clashed with police and
 * looted shops": a crowd named before its violent act, and nobody armed
 * named before the crowd (then the crowd is the victim). 0 when no crowd
 * acts, else SR_CAT_RIOT_VIOLENT_DEMONSTRATION or SR_CAT_MOB_VIOLENCE. */
/* Something thrown at the forces themselves: "at riot police", "at
 * troops"; not at a police station or a bus (property, or the people in
 * it). */
static int thrown_at_forces(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb; i + 1 < te; i++) {
        if (!sr_tok_is(doc, i, "at")) {
            continue;
        }
        for (size_t j = i + 1; j < te && j < i + 4; j++) {
            if (doc->toks[j].kind == SR_TOK_PUNCT) {
                break;
            }
            if (sr_tok_has(doc, j, SR_W_POLICE | SR_W_VICT_SEC | SR_W_SEC_ORG)) {
                return j + 1 >= te || !sr_tok_in(doc, j + 1, property);
            }
        }
    }
    return 0;
}

/* A crowd named at token c: a crowd noun ("youths", "protesters"), or
 * people by their number, age or grouping ("hundreds of people", "young
 * men", "groups of men"). */
static int crowd_at(const sr_doc_t *doc, size_t tb, size_t c)
{
    static const char *const folk[] = {"people", "men", "residents", "workers",
                                       "villagers", "traders", "farmers", NULL};
    size_t of;

    if (sr_tok_has(doc, c, SR_W_CLSCUE) && sr_tok_in(doc, c, crowd)) {
        return 1;
    }
    /* the cheap tests of the words before first: most civilians named
     * are no crowd */
    if (!sr_tok_has(doc, c, SR_W_VICT_CIV) || c == tb) {
        return 0;
    }
    if (sr_tok_is(doc, c - 1, "young")) {
        return sr_tok_in(doc, c, folk);
    }
    /* "thousands of garment workers": one word may tell their trade */
    if (c < tb + 2) {
        return 0;
    }
    of = sr_tok_is(doc, c - 1, "of") ? c - 1 : c - 2;
    return of > tb && sr_tok_is(doc, of, "of") &&
           (sr_tok_has(doc, of - 1, SR_W_VAGUE) || sr_tok_is(doc, of - 1, "groups")) &&
           sr_tok_in(doc, c, folk);
}

static sr_category_t crowd_riot(const sr_doc_t *doc, size_t tb, size_t te,
                                int fire)
{
    for (size_t c = tb; c < te; c++) {
        if (!sr_tok_has(doc, c, SR_W_CLSCUE | SR_W_VICT_CIV) || !crowd_at(doc, tb, c)) {
            continue;
        }
        for (size_t j = tb; j < c; j++) {
            if (sr_tok_has(doc, j, SR_W_PERP | SR_W_SEC_ORG) ||
                sr_is_trigger(doc, tb, te, j)) {
                return SR_CAT_OTHER; /* "gunmen attacked protesters" */
            }
        }
        for (size_t j = c + 1; j < te && j < c + 24; j++) {
            if (!sr_tok_has(doc, j, SR_W_CLSCUE) ||
                !sr_tok_in(doc, j, riot_acts)) {
                continue;
            }
            if ((sr_tok_is(doc, j, "set") || sr_tok_is(doc, j, "setting")) &&
                fire != 1) {
                continue;
            }
            /* a mob, or a crowd beating people who are not police */
            if (sr_tok_is(doc, c, "mob") || sr_tok_is(doc, c, "mobs") ||
                sr_tok_in(doc, j, mob_acts) ||
                (sr_tok_is(doc, j, "attacked") && j + 1 < te &&
                 !sr_tok_has(doc, j + 1, SR_W_VICT_SEC | SR_W_SEC_ORG) &&
                 !(j + 2 < te &&
                   sr_tok_has(doc, j + 2, SR_W_VICT_SEC | SR_W_SEC_ORG)))) {
                return SR_CAT_MOB_VIOLENCE;
            }
            return SR_CAT_RIOT_VIOLENT_DEMONSTRATION;
        }
        return SR_CAT_OTHER;
    }
    return SR_CAT_OTHER;
}

/* "police raided the journalist's home": a search by the forces named
 * just before, which an arrest told beside it makes an arrest, unless
 * those taken are fighters (a raid on armed men is a fight). */
static int police_raid(const sr_doc_t *doc, size_t tb, size_t te, size_t i)
{
    if (!sr_tok_is(doc, i, "raided") && !sr_tok_is(doc, i, "stormed")) {
        return 0;
    }
    for (size_t j = i + 1; j < te; j++) {
        if (sr_tok_has(doc, j, SR_W_PERP)) {
            return 0; /* "arrested two brothers believed to be militants" */
        }
    }
    for (size_t j = i; j > tb && j + 4 > i; j--) {
        if (sr_tok_has(doc, j - 1, SR_W_SEC_ORG | SR_W_POLICE)) {
            return 1;
        }
    }
    return 0;
}

/* "amid the offensive", "amid renewed fighting": token i names the
 * setting of another event. */
static int amid(const sr_doc_t *doc, size_t tb, size_t i)
{
    for (size_t j = i; j > tb && j + 4 > i; j--) {
        if (sr_tok_is(doc, j - 1, "amid") || sr_tok_is(doc, j - 1, "amidst")) {
            return 1;
        }
    }
    return 0;
}

static sr_category_t classify_span(const sr_doc_t *doc, size_t tb,
                                   size_t te, int has_perp);

/* The report's own verdict on a protest: "largely peaceful", "mostly
 * peaceful", "the march was peaceful" (the trouble told beside it was at
 * its edge or elsewhere). */
static int peaceful_verdict(const sr_doc_t *doc, size_t tb, size_t te)
{
    static const char *const mostly[] = {"largely", "mostly", "overwhelmingly",
                                         "generally", "predominantly", NULL};

    static const char *const was[] = {"was", "were", "remained", "stayed",
                                      NULL};

    for (size_t i = tb + 1; i < te; i++) {
        if (!sr_tok_is(doc, i, "peaceful")) {
            continue;
        }
        if (sr_tok_in(doc, i - 1, mostly) ||
            (i > tb + 1 && sr_tok_in(doc, i - 1, was) &&
             sr_tok_has(doc, i - 2, SR_W_TRIGGER) &&
             sr_category_is_protest((sr_category_t)(doc->toks[i - 2].lex->trig - 1)))) {
            return 1; /* "the rally was peaceful" */
        }
    }
    return 0;
}

/* "police lobbed teargas to scatter them", "troops fired rubber bullets
 * and tear gas": the state's forces meeting a crowd with crowd-control
 * arms, or firing to break it up. */
static int forces_met_crowd(const sr_doc_t *doc, size_t tb, size_t te)
{
    static const char *const breakup[] = {"scatter", "scattered", "disperse",
                                          "dispersed", "dispersing", NULL};
    static const char *const said[] = {"said", "say", "says", "told", NULL};
    static const char *const ammo[] = {"bullets", "bullet", "coated", "rounds",
                                       "pellets", "-", NULL};
    int forces = 0;

    for (size_t i = tb; i < te; i++) {
        if (sr_tok_has(doc, i, SR_W_PERP)) {
            return 0; /* "gunmen fired ..., police said" */
        }
        if (sr_tok_has(doc, i, SR_W_SEC_ORG | SR_W_POLICE)) {
            /* the forces as the source of the report do nothing */
            forces |= !(i + 1 < te && sr_tok_in(doc, i + 1, said));
            continue;
        }
        if (!forces) {
            continue;
        }
        /* tear gas and rubber bullets are only ever used on a crowd, which
         * the sentence before often tells ("held their weekly march") */
        if (sr_tok_in(doc, i, breakup) ||
            (sr_tok_is(doc, i, "tear") && i + 1 < te &&
             (sr_tok_is(doc, i + 1, "gas") || sr_tok_is(doc, i + 1, "-"))) ||
            sr_tok_is(doc, i, "teargas") ||
            (sr_tok_is(doc, i, "rubber") && i + 1 < te && sr_tok_in(doc, i + 1, ammo)) ||
            (sr_tok_is(doc, i, "water") && i + 1 < te &&
             (sr_tok_is(doc, i + 1, "cannon") || sr_tok_is(doc, i + 1, "cannons")))) {
            return 1;
        }
    }
    return 0;
}

/* 1 if a crowd or its protest is told in [tb, te) or in the sentence
 * before: tear gas fired at a wedding party is no protest met by force,
 * tear gas after "held their weekly march" is (a riot told is a crowd
 * too). */
static int crowd_told_near(const sr_doc_t *doc, size_t tb, size_t te)
{
    size_t s = sr_doc_sent_of(doc, tb), from = tb;

    if (doc->nsent > 0) {
        /* the last sentence that ends by tb: the one before tb's own */
        if (doc->sents[s].te <= tb) {
            from = doc->sents[s].tb;
        } else if (s > 0) {
            from = doc->sents[s - 1].tb;
        }
    }

    for (size_t i = from; i < te; i++) {
        sr_category_t cat;

        if (sr_tok_has(doc, i, SR_W_PROTEST) ||
            (sr_tok_has(doc, i, SR_W_CLSCUE) &&
             (sr_tok_in(doc, i, crowd) || sr_tok_in(doc, i, blockers)))) {
            return 1;
        }
        if (!sr_tok_has(doc, i, SR_W_TRIGGER)) {
            continue;
        }
        cat = (sr_category_t)(doc->toks[i].lex->trig - 1);
        if (cat == SR_CAT_PROTEST_PEACEFUL ||
            cat == SR_CAT_PROTEST_WITH_INTERVENTION ||
            cat == SR_CAT_RIOT_VIOLENT_DEMONSTRATION) {
            return 1;
        }
    }
    return 0;
}

sr_category_t sr_classify(const sr_doc_t *doc, size_t tb, size_t te,
                          int has_perp)
{
    sr_category_t c = classify_span(doc, tb, te, has_perp);

    if ((c == SR_CAT_ARMED_ASSAULT || c == SR_CAT_UNARMED_ASSAULT ||
         c == SR_CAT_ARRESTS) &&
        forces_met_crowd(doc, tb, te) &&
        (crowd_told_near(doc, tb, te) || riot_told(doc, tb, te))) {
        /* how a crowd was met is the crowd's event: a riot if it turned
         * violent (even when someone died of the fire), else a protest met
         * by force, or met with deadly force */
        if (riot_told(doc, tb, te)) {
            return SR_CAT_RIOT_VIOLENT_DEMONSTRATION;
        }
        return death_told(doc, tb, te) ? SR_CAT_EXCESSIVE_FORCE_ON_PROTESTERS
                                       : SR_CAT_PROTEST_WITH_INTERVENTION;
    }

    if (c == SR_CAT_RIOT_VIOLENT_DEMONSTRATION && peaceful_verdict(doc, tb, te)) {
        return force_used(doc, tb, te, force) ? SR_CAT_PROTEST_WITH_INTERVENTION
                                              : SR_CAT_PROTEST_PEACEFUL;
    }
    return c;
}

/* "seized a trader from his shop", "a priest was seized": people, not
 * goods nor ground, taken at token i. */
static int person_seized(const sr_doc_t *doc, size_t tb, size_t te, size_t i)
{
    static const char *const stops[] = {"from", "of", "by", NULL};
    static const char *const passive[] = {"was", "were", "been", "being", NULL};

    if (i > tb + 1 && sr_tok_in(doc, i - 1, passive)) {
        /* the passive's subject */
        for (size_t j = i - 1; j > tb && j + 8 > i; j--) {
            if (doc->toks[j - 1].kind == SR_TOK_PUNCT) {
                break;
            }
            if (sr_tok_has(doc, j - 1, SR_W_VICT_CIV | SR_W_VICT_SEC)) {
                return 1;
            }
        }
        return 0;
    }
    for (size_t j = i + 1; j < te && j < i + 6; j++) {
        if (doc->toks[j].kind == SR_TOK_PUNCT || sr_tok_in(doc, j, stops) ||
            sr_tok_has(doc, j, SR_W_PREP_LOC)) {
            break;
        }
        if (sr_tok_has(doc, j, SR_W_VICT_CIV | SR_W_VICT_SEC)) {
            return 1;
        }
    }
    return 0;
}

/* The state's forces named just before token i and no armed group:
 * "police rounded up 40 suspects". */
static int forces_before(const sr_doc_t *doc, size_t tb, size_t i)
{
    int forces = 0;

    for (size_t j = i; j > tb && j + 8 > i; j--) {
        if (sr_tok_has(doc, j - 1, SR_W_PERP)) {
            return 0;
        }
        forces |= sr_tok_has(doc, j - 1, SR_W_SEC_ORG | SR_W_POLICE | SR_W_VICT_SEC);
    }
    return forces;
}

/* Local people named just before token i and no armed group:
 * "residents seized two men accused of theft". */
static int locals_before(const sr_doc_t *doc, size_t tb, size_t i)
{
    static const char *const locals[] = {
        "residents", "villagers", "locals", "mob", "crowd", "vigilantes",
        "youths", "townspeople", NULL};
    int found = 0;

    for (size_t j = i; j > tb && j + 10 > i; j--) {
        if (sr_tok_has(doc, j - 1, SR_W_PERP)) {
            return 0;
        }
        found |= sr_tok_in(doc, j - 1, locals);
    }
    return found;
}

/* "fighters assaulted the city", "rebels assaulted an army base": an
 * armed side's assault on a place is an armed one, where "assaulted a
 * woman" may be fists. */
static int assault_on_ground(const sr_doc_t *doc, size_t tb, size_t te,
                             size_t i)
{
    static const char *const ground[] = {
        "town", "city", "village", "villages", "base", "camp", "checkpoint",
        "checkpoints", "post", "outpost", "positions", "position",
        "barracks", "prison", "convoy", "garrison", "capital", NULL};

    if (!armed_before(doc, tb, i)) {
        return 0;
    }
    for (size_t j = i + 1; j < te && j < i + 5; j++) {
        if (doc->toks[j].kind == SR_TOK_PUNCT) {
            break;
        }
        if (sr_tok_in(doc, j, ground) ||
            sr_tok_has(doc, j, SR_W_SEC_ORG | SR_W_VICT_SEC) ||
            (doc->toks[j].cap && j == i + 1)) {
            return 1; /* a place, the forces, or a named town */
        }
    }
    return 0;
}

/* Rockets, shells or artillery named as a means in [tb, te), not as
 * booty: "seizing armoured vehicles and artillery". */
static int shells_fired(const sr_doc_t *doc, size_t tb, size_t te)
{
    static const char *const taking[] = {"seized", "seizing", "captured",
                                         "capturing", "looted", "looting",
                                         "stole", "seize", "capture", NULL};

    for (size_t i = tb; i < te; i++) {
        int booty = 0;

        if (!sr_tok_has(doc, i, SR_W_CLSCUE) || !sr_tok_in(doc, i, shells)) {
            continue;
        }
        for (size_t j = i; j > tb && j + 6 > i && !booty; j--) {
            if (doc->toks[j - 1].kind == SR_TOK_PUNCT) {
                break;
            }
            booty = sr_tok_in(doc, j - 1, taking);
        }
        if (!booty) {
            return 1;
        }
    }
    return 0;
}

/* The doer is a suicide bomber: "a suicide (car) bomber struck", "a
 * suicide attacker rammed his truck into": the vehicle or the body is the
 * bomb, whatever verb tells the approach (1); "a car bomber" (2). */
static int suicide_bomber(const sr_doc_t *doc, size_t tb, size_t te)
{
    int suicide_told = 0;

    for (size_t i = tb; i < te; i++) {
        if (!sr_tok_has(doc, i, SR_W_CLSCUE)) {
            continue;
        }
        if (sr_tok_in(doc, i, suicide)) {
            suicide_told = 1;
            for (size_t j = i + 1; j < te && j < i + 4; j++) {
                if (sr_tok_in(doc, j, bombers)) {
                    return 1;
                }
            }
        } else if (sr_tok_in(doc, i, bombers) && i > tb &&
                   sr_tok_in(doc, i - 1, vehicles)) {
            return 2;
        }
    }
    return suicide_told && ramming(doc, tb, te) != 0;
}

static sr_category_t classify_span(const sr_doc_t *doc, size_t tb,
                                   size_t te, int has_perp)
{
    sr_category_t riot_cat;
    sr_category_t best = SR_CAT_OTHER, best_hedged = SR_CAT_OTHER;
    int best_rank = -1, hedged_rank = -1, casualty = 0, clash = 0, protest_event = 0,
        arrest = 0, crowd_after_arrest = 0, assault_act = 0;
    int fire, bomber;

    for (size_t i = tb; i < te; i++) {
        sr_category_t c;

        if (!sr_is_trigger(doc, tb, te, i)) {
            continue;
        }
        c = (sr_category_t)(doc->toks[i].lex->trig - 1);
        if (sr_tok_is(doc, i, "stoned") && stoned_to_death(doc, te, i)) {
            c = SR_CAT_UNARMED_ASSAULT; /* blunt objects, for GTD */
        }
        if (sr_tok_is(doc, i, "took") || sr_tok_is(doc, i, "drove")) {
            /* the vehicle or the people taken, not ground or a ramming */
            if (sr_tok_is(doc, i, "took") && to_the_streets(doc, tb, te, i)) {
                c = SR_CAT_PROTEST_PEACEFUL;
            } else if (sr_tok_is(doc, i, "took") && vehicle_seized(doc, te, i)) {
                c = SR_CAT_HIJACKING;
            } else if (carried_off(doc, tb, te, i)) {
                c = SR_CAT_KIDNAPPING;
            }
        }
        if ((c == SR_CAT_LOOTING_PROPERTY_DESTRUCTION &&
             sr_tok_is(doc, i, "seized") && person_seized(doc, tb, te, i)) ||
            (c == SR_CAT_KIDNAPPING && sr_tok_is(doc, i, "rounded"))) {
            /* people taken: by the state's forces an arrest, by a crowd
             * of locals their own justice */
            c = forces_before(doc, tb, i)  ? SR_CAT_ARRESTS
                : locals_before(doc, tb, i) ? SR_CAT_MOB_VIOLENCE
                                            : SR_CAT_KIDNAPPING;
        }
        if (c == SR_CAT_UNARMED_ASSAULT && sr_tok_is(doc, i, "assaulted") &&
            assault_on_ground(doc, tb, te, i)) {
            c = SR_CAT_ARMED_ASSAULT;
        }
        if ((sr_tok_is(doc, i, "strike") || sr_tok_is(doc, i, "strikes")) &&
            sr_tok_in(doc, i - 1, labour)) {
            c = SR_CAT_PROTEST_PEACEFUL;
        }
        casualty |= sr_tok_has(doc, i, SR_W_KILL | SR_W_DIE | SR_W_INJURE) &&
                    c == SR_CAT_OTHER;
        /* "shelled their positions amid the offensive on X": the
         * campaign is the setting, not a fight told */
        clash |= c == SR_CAT_ARMED_CLASH && !amid(doc, tb, i);
        crowd_after_arrest |= arrest && sr_tok_has(doc, i, SR_W_PROTEST);
        /* "arrested 15 suspects in a raid": the raid is the setting */
        assault_act |= c == SR_CAT_ARMED_ASSAULT &&
                       !(doc->toks[i].lex->trig_noun && i > tb + 1 &&
                         (sr_tok_is(doc, i - 2, "in") ||
                          sr_tok_is(doc, i - 2, "during"))) &&
                       !police_raid(doc, tb, te, i);
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
    if (sr_category_is_protest(best) && ramming(doc, tb, te) == 1) {
        /* "drove into a crowd of counter-protesters": the car is the
         * attack, the crowd its victims */
        return SR_CAT_UNARMED_ASSAULT;
    }
    fire = fire_phrase(doc, tb, te);
    riot_cat = crowd_riot(doc, tb, te, fire);
    /* thrown fireworks or stones are no bomb */
    if (riot_cat != SR_CAT_OTHER && best != SR_CAT_ARRESTS &&
        ((best_rank >= 0 && best_rank <= 5 && best != SR_CAT_KIDNAPPING) ||
         (best == SR_CAT_BOMBING_OTHER &&
          (!has_word(doc, tb, te, explosive) ||
           /* "throwing stones and homemade explosives at police",
            * "youths threw petrol bombs at police": the crowd's
            * missiles, not a bombing */
           (has_word(doc, tb, te, thrown) &&
            (has_word(doc, tb, te, stones) ||
             (has_word(doc, tb, te, incendiary) && thrown_at_forces(doc, tb, te)))))))) {
        return riot_cat;
    }
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
    if ((best == SR_CAT_ARMED_CLASH || best == SR_CAT_OTHER ||
         best == SR_CAT_LOOTING_PROPERTY_DESTRUCTION) &&
        (clash || best == SR_CAT_ARMED_CLASH ||
         has_word(doc, tb, te, fight_words) || taken_by_force(doc, tb, te))) {
        for (size_t i = tb; i < te; i++) {
            if (territory_move(doc, tb, te, i) && !sr_tok_is(doc, i, "withdrew")) {
                /* ground taken in a fight: by the state (the first
                 * armed side named, the subject, or the one it fell
                 * to), regained */
                size_t from = sr_tok_is(doc, i, "fell") ? i : tb;
                size_t to = sr_tok_is(doc, i, "fell") ? te : i;

                for (size_t j = from; j < to; j++) {
                    if (sr_tok_has(doc, j, SR_W_PERP)) {
                        return SR_CAT_TERRITORY_TAKEN;
                    }
                    if (sr_tok_has(doc, j, SR_W_SEC_ORG | SR_W_VICT_SEC)) {
                        return SR_CAT_TERRITORY_REGAINED;
                    }
                }
                /* no armed side in the lexicon's words: a group by its
                 * name ("the Taliban captured"), not the state's forces */
                return SR_CAT_TERRITORY_TAKEN;
            }
        }
    }
    if (best == SR_CAT_LOOTING_PROPERTY_DESTRUCTION && !casualty &&
        (territory_span(doc, tb, te) || coup_span(doc, tb, te))) {
        best = SR_CAT_OTHER; /* "seized the town", "seized power": not goods */
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
    if (protest_event && best != SR_CAT_ARRESTS && !blast_told(doc, tb, te) &&
        crowd_throw(doc, tb, te)) {
        /* "thousands marched ...; some threw petrol bombs at police" */
        return SR_CAT_RIOT_VIOLENT_DEMONSTRATION;
    }
    if ((best == SR_CAT_ARMED_ASSAULT || best == SR_CAT_OTHER) &&
        has_word(doc, tb, te, dispersal) &&
        force_used(doc, tb, te, crowd_arms) && !death_told(doc, tb, te)) {
        /* "police fired tear gas to disperse residents who had blocked
         * roads with burning tyres": how a crowd was met */
        return riot_told(doc, tb, te) ? SR_CAT_RIOT_VIOLENT_DEMONSTRATION
                                      : SR_CAT_PROTEST_WITH_INTERVENTION;
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
    if ((best == SR_CAT_ARMED_ASSAULT || best == SR_CAT_UNARMED_ASSAULT ||
         (best == SR_CAT_OTHER && best_rank >= 0)) &&
        (bomber = suicide_bomber(doc, tb, te)) != 0) {
        return bomber == 1 ? SR_CAT_SUICIDE_BOMBING : SR_CAT_BOMBING_OTHER;
    }
    if ((best == SR_CAT_ARMED_ASSAULT || best == SR_CAT_UNARMED_ASSAULT) &&
        (has_word(doc, tb, te, mob) || crowd_attacks(doc, tb, te) ||
         by_crowd(doc, tb, te))) {
        return SR_CAT_MOB_VIOLENCE;
    }
    if (best == SR_CAT_ARMED_ASSAULT && answers_attacker(doc, tb, te)) {
        return SR_CAT_OTHER; /* the kind is the attacker's deed's */
    }
    if (best == SR_CAT_UNARMED_ASSAULT && ramming(doc, tb, te) == 2) {
        /* a vehicle driven into a building: GTD's facility attack */
        return SR_CAT_FACILITY_ATTACK_ARSON;
    }
    if ((best == SR_CAT_GRENADE || best == SR_CAT_SHELLING_ARTILLERY_MISSILE ||
         (best == SR_CAT_BOMBING_OTHER && guns_with_explosives(doc, tb, te))) &&
        guns_first(doc, tb, te)) {
        best = SR_CAT_ARMED_ASSAULT; /* "gunmen with rifles and grenades" */
    }
    if (best == SR_CAT_ARMED_ASSAULT && targets_prominent(doc, tb, te)) {
        return SR_CAT_ASSASSINATION; /* GTD: a prominent person targeted */
    }
    if (best == SR_CAT_ARMED_ASSAULT && fire == 1 &&
        !has_word(doc, tb, te, on_people)) {
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
        if (shells_fired(doc, tb, te) &&
            !(best == SR_CAT_ARMED_ASSAULT && guns_first(doc, tb, te))) {
            return SR_CAT_SHELLING_ARTILLERY_MISSILE;
        }
        if (best == SR_CAT_OTHER &&
            ((has_perp && casualty) || has_word(doc, tb, te, shooting) ||
             fire == 2)) {
            best = SR_CAT_ARMED_ASSAULT;
        }
        if (best == SR_CAT_ARMED_ASSAULT && crowd_attacks(doc, tb, te)) {
            return SR_CAT_MOB_VIOLENCE; /* "villagers lynched a thief" */
        }
        return best;
    case SR_CAT_SHELLING_ARTILLERY_MISSILE:
        /* "warplanes bombarded the town": from the air */
        return has_word(doc, tb, te, air_cues) && !has_word(doc, tb, te, shells)
                   ? SR_CAT_AIR_DRONE_STRIKE
                   : best;
    case SR_CAT_PROTEST_PEACEFUL:
        /* a violent crowd makes a riot even when it is shot at */
        if (riot_told(doc, tb, te) || fire == 1) {
            return SR_CAT_RIOT_VIOLENT_DEMONSTRATION;
        }
        for (size_t i = tb; i < te; i++) {
            /* "fired on protesters", "on inmates protesting" */
            if ((sr_tok_has(doc, i, SR_W_PROTEST) ||
                 sr_tok_is(doc, i, "protesting") ||
                 sr_tok_is(doc, i, "demonstrating") ||
                 (sr_tok_is(doc, i, "took") && to_the_streets(doc, tb, te, i))) &&
                (lethal_told(doc, tb, te) || fire == 2)) {
                return SR_CAT_EXCESSIVE_FORCE_ON_PROTESTERS;
            }
        }
        if (force_used(doc, tb, te, force)) {
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
    /* GTD: a town taken by force is an armed assault */
    [SR_CAT_TERRITORY_TAKEN] = {"Battles",
                                "Non-state actor overtakes territory",
                                "Armed Assault"},
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

/* An event of category cat told by its own trigger in [tb, te):
 * "exchanged fire with the soldiers" (a clash), "assassinated"; verbs: by
 * a verb only (not "amid fighting in the city", a setting). */
static int cat_told(const sr_doc_t *doc, size_t tb, size_t te, sr_category_t cat,
                    int verbs)
{
    for (size_t i = tb; i < te; i++) {
        if (sr_tok_has(doc, i, SR_W_TRIGGER) && doc->toks[i].lex->trig == (int)cat + 1 &&
            !(verbs && doc->toks[i].lex->trig_noun) && sr_is_trigger(doc, tb, te, i)) {
            return 1;
        }
    }
    return 0;
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
    if (c == SR_CAT_ASSASSINATION && ctx->doc != NULL &&
        blast_told(ctx->doc, ctx->tb, ctx->te)) {
        /* ACLED codes by the means what GTD codes by the target */
        l.acled = ERV;
        l.acled_sub = "Remote explosive/landmine/IED";
    }
    if ((c == SR_CAT_REMOTE_EXPLOSIVE_IED || c == SR_CAT_BOMBING_OTHER) &&
        ctx->doc != NULL && cat_told(ctx->doc, ctx->tb, ctx->te, SR_CAT_ARMED_CLASH, 1)) {
        /* "detonated a mine against a column, then exchanged fire with
         * the soldiers": an ambush fought out, a battle for ACLED; GTD
         * keeps the bombing */
        l.acled = "Battles";
        l.acled_sub = "Armed clash";
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
        } else if (coup_span(ctx->doc, ctx->tb, ctx->te) ||
                   corridor_span(ctx->doc, ctx->tb, ctx->te)) {
            l.acled = SD;
            l.acled_sub = "Other";
        } else if (territory_span(ctx->doc, ctx->tb, ctx->te)) {
            l.acled = SD; /* ground changed hands and no fight is told */
            l.acled_sub = "Non-violent transfer of territory";
        }
    }
    return l;
}

int sr_span_engaged(const sr_doc_t *doc, size_t tb, size_t te)
{
    if (has_word(doc, tb, te, engaged)) {
        return 1;
    }
    for (size_t i = tb; i + 2 < te; i++) {
        /* "exchanges of fire took place", "an exchange of gunfire" */
        if ((sr_tok_is(doc, i, "exchanges") || sr_tok_is(doc, i, "exchange")) &&
            sr_tok_is(doc, i + 1, "of") &&
            (sr_tok_is(doc, i + 2, "fire") || sr_tok_is(doc, i + 2, "gunfire"))) {
            return 1;
        }
    }
    return 0;
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
    for (size_t i = tb; i + 1 < te; i++) {
        if (i + 2 < te && sr_tok_has(doc, i, SR_W_CLSCUE) &&
            sr_tok_is(doc, i, "off") && sr_tok_punct(doc, i + 1) == '-' &&
            sr_tok_is(doc, i + 2, "duty")) {
            return 1;
        }
        if (sr_tok_is(doc, i, "on") && sr_tok_is(doc, i + 1, "leave")) {
            return 1; /* "a soldier who was on leave" */
        }
        if (!sr_tok_has(doc, i + 1, SR_W_VICT_SEC | SR_W_POLICE)) {
            continue;
        }
        /* "a retired police officer", "a former soldier": no longer in
         * the forces; "two security guards of a mining firm": hired men */
        if (sr_tok_is(doc, i, "retired") || sr_tok_is(doc, i, "former") ||
            sr_tok_is(doc, i, "private") ||
            (sr_tok_is(doc, i, "security") &&
             (sr_tok_is(doc, i + 1, "guard") ||
              sr_tok_is(doc, i + 1, "guards")))) {
            return 1;
        }
        /* "a police informer": a civilian the forces used */
        if (i + 2 < te && (sr_tok_is(doc, i + 2, "informer") ||
                           sr_tok_is(doc, i + 2, "informers") ||
                           sr_tok_is(doc, i + 2, "informant") ||
                           sr_tok_is(doc, i + 2, "informants"))) {
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
    if (cur == SR_CAT_FACILITY_ATTACK_ARSON && next == SR_CAT_ARMED_ASSAULT &&
        !reference) {
        /* "... Eight officers were injured": who was hurt in an arson is
         * weighed once the incident is whole (sr_refine_category) */
        return cur;
    }
    if (sr_category_is_protest(next) && sr_category_rank(cur) >= 4 &&
        cur != SR_CAT_ARMED_CLASH && cur != SR_CAT_TERRITORY_TAKEN &&
        cur != SR_CAT_TERRITORY_REGAINED && !sr_category_is_protest(cur)) {
        /* "... Residents protested afterwards": a protest told after a
         * killing or a bombing answers it, and ACLED codes the attack */
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
 * "opened fire on trucks", "set fire to equipment" (1); a thing thrown or
 * driven at it: "threw petrol bombs at a police station" (2). */
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
        if (doc->toks[i].lex->trig == SR_CAT_UNARMED_ASSAULT + 1 &&
            !doc->toks[i].lex->trig_noun) {
            return rammed_into(doc, te, i) == 2 ? 2 : 0;
        }
        if (i + 1 < te && sr_tok_is(doc, i, "fire") &&
            (sr_tok_is(doc, i + 1, "on") || sr_tok_is(doc, i + 1, "to") ||
             sr_tok_is(doc, i + 1, "at"))) {
            i++;
        }
        h = object_head(doc, i, te);
        if (h != SR_NO_CUE && h + 2 < te && sr_tok_in(doc, h, projectiles) &&
            sr_tok_in(doc, h + 1, aimed)) {
            /* "threw petrol bombs at a police station during riots",
             * "flew his plane into a building": what it was aimed at */
            h = property_near(doc, h + 2, te, 4, SR_W_PREP_LOC);
            /* a moving vehicle hit carries people: at them */
            return h != SR_NO_CUE && !sr_tok_in(doc, h, vehicles) ? 2 : 0;
        }
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
    static const char *const heads[] = {"head", "director", "chief",
                                        "chairman", "leader", "president",
                                        NULL};

    for (size_t i = tb; i + 2 < te; i++) {
        int found = 0;

        if (!doc->toks[i].cap || doc->toks[i].kind != SR_TOK_WORD ||
            sr_tok_has(doc, i, SR_W_STOPCAP) || sr_tok_punct(doc, i + 1) != ',') {
            continue;
        }
        if (i + 3 < te && sr_tok_in(doc, i + 2, heads) &&
            sr_tok_is(doc, i + 3, "of")) {
            /* "X, head of the privatisation agency": the head of a
             * body, named without an article */
            found = 1;
        } else if (!(sr_tok_is(doc, i + 2, "a") || sr_tok_is(doc, i + 2, "an") ||
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

/* "took 300 people hostage at a school": hostages held in a building. */
static int held_inside(const sr_doc_t *doc, size_t sb, size_t se)
{
    for (size_t i = sb; i < se; i++) {
        if (!sr_tok_has(doc, i, SR_W_CLSCUE) || !sr_tok_in(doc, i, hostage)) {
            continue;
        }
        for (size_t j = i + 1; j + 1 < se && j < i + 3; j++) {
            if (!(sr_tok_is(doc, j, "at") || sr_tok_is(doc, j, "in") ||
                  sr_tok_is(doc, j, "inside"))) {
                continue;
            }
            if (property_near(doc, j + 1, se, 5, 0) != SR_NO_CUE) {
                return 1;
            }
        }
    }
    return 0;
}

/* "stormed the theatre", "the siege": a place held, not "seized 21
 * people" (people taken, a kidnapping). */
static int occupied(const sr_doc_t *doc, size_t sb, size_t se)
{
    for (size_t i = sb; i < se; i++) {
        if (!sr_tok_has(doc, i, SR_W_CLSCUE) || !sr_tok_in(doc, i, occupying)) {
            continue;
        }
        if (!sr_tok_has(doc, i, SR_W_TRIGGER) || doc->toks[i].lex->trig_noun) {
            if (!sr_tok_is(doc, i, "seized") && !sr_tok_is(doc, i, "stormed") &&
                !sr_tok_is(doc, i, "entered")) {
                return 1; /* "siege", "standoff", "retook" */
            }
        }
        for (size_t j = i + 1; j < se && j < i + 4; j++) {
            if (doc->toks[j].kind == SR_TOK_NUM ||
                sr_tok_has(doc, j, SR_W_VICT_CIV | SR_W_NUMWORD | SR_W_FEW |
                                       SR_W_VAGUE)) {
                break; /* people seized */
            }
            if (doc->toks[j].kind == SR_TOK_WORD &&
                !sr_tok_is(doc, j, "the") && !sr_tok_is(doc, j, "a")) {
                return 1;
            }
        }
    }
    return 0;
}

/* "took them to Jolo", "were taken away": hostages moved, a kidnapping. */
static int taken_away(const sr_doc_t *doc, size_t sb, size_t se)
{
    for (size_t i = sb; i + 1 < se; i++) {
        if (!(sr_tok_is(doc, i, "took") || sr_tok_is(doc, i, "taken") ||
              sr_tok_is(doc, i, "carried") || sr_tok_is(doc, i, "led"))) {
            continue;
        }
        for (size_t j = i + 1; j < se && j < i + 4; j++) {
            if (sr_tok_is(doc, j, "away") ||
                (sr_tok_is(doc, j, "to") && j + 1 < se && doc->toks[j + 1].cap)) {
                return 1;
            }
        }
    }
    return 0;
}

/* "claimed the assassination", "an attempted assassination": the coders'
 * word for the event, told anywhere in it. */
static int told_assassination(const sr_doc_t *doc, size_t sb, size_t se)
{
    return cat_told(doc, sb, se, SR_CAT_ASSASSINATION, 0);
}

/* The name at n (a titled person's) names a place or a body after him:
 * "General Santander police cadet school", "President Kennedy Hospital",
 * "Marshal Tito Street". */
static int named_after(const sr_doc_t *doc, size_t n, size_t ae)
{
    static const char *const named[] = {
        "academy", "school", "college", "university", "hospital", "airport",
        "street", "avenue", "road", "square", "stadium", "bridge", "barracks",
        "camp", "base", "port", "park", "institute", NULL};

    static const char *const owner[] = {"his", "her", "their", "of", "to",
                                        NULL};

    for (size_t j = n + 1; j < ae && j < n + 5; j++) {
        if (doc->toks[j].kind == SR_TOK_PUNCT ||
            sr_tok_has(doc, j, SR_W_PREP_LOC) || sr_tok_in(doc, j, owner)) {
            return 0; /* "General X outside his home": the man */
        }
        if (sr_tok_in(doc, j, named) ||
            (sr_tok_has(doc, j, SR_W_CLSCUE) && sr_tok_in(doc, j, property))) {
            return 1;
        }
    }
    return 0;
}

/* A titled person named after the trigger in the anchor sentence, as what
 * was hit: "killing Lord X", "the motorcade of former Prime Minister X",
 * "fired at General X"; not "General X said". */
static int titled_target(const sr_doc_t *doc, size_t ab, size_t ae)
{
    static const char *const source[] = {"said", "told", "says", "stated",
                                         "according", "condemned", NULL};
    size_t trig = first_trigger(doc, ab, ae);

    for (size_t i = trig + 1; i + 1 < ae && i < trig + 32; i++) {
        size_t n = i + 1;

        if (!doc->toks[i].cap || !sr_tok_has(doc, i, SR_W_CLSCUE) ||
            !sr_tok_in(doc, i, titles)) {
            continue;
        }
        while (n < ae && doc->toks[n].cap && doc->toks[n].kind == SR_TOK_WORD &&
               sr_tok_has(doc, n, SR_W_CLSCUE) && sr_tok_in(doc, n, titles)) {
            n++; /* "Prime Minister", "Lieutenant General" */
        }
        if (i > ab && (sr_tok_is(doc, i - 1, "by") ||
                       (i > ab + 1 && sr_tok_is(doc, i - 2, "by")))) {
            continue; /* "an operation by General Command": the doer */
        }
        if (n + 1 >= ae || !doc->toks[n].cap || doc->toks[n].kind != SR_TOK_WORD ||
            sr_tok_has(doc, n, SR_W_STOPCAP)) {
            continue;
        }
        for (size_t j = n + 1; j < ae && j < n + 6; j++) {
            if (sr_tok_in(doc, j, source)) {
                return 0;
            }
        }
        if (named_after(doc, n, ae)) {
            continue; /* "the General Santander police academy" */
        }
        return 1;
    }
    return 0;
}

/* A bomb fixed to someone's vehicle or sent to him: "a magnetic bomb
 * attached to the car of a judge", "a letter bomb exploded in the car of
 * a former minister" (2: a prominent person's, told right after), "a
 * sticky bomb under a motorbike" (1), or 0. */
static int sticky_bomb(const sr_doc_t *doc, size_t ab, size_t ae)
{
    static const char *const source[] = {"said", "told", "says",
                                         "according", NULL};
    int found = 0;

    static const char *const mailed[] = {"letter", "parcel", "mail", NULL};

    for (size_t i = ab; i < ae; i++) {
        /* a letter bomb is addressed to its target as a sticky bomb is
         * fixed to his car */
        if (!(sr_tok_has(doc, i, SR_W_CLSCUE) && sr_tok_in(doc, i, sticky)) &&
            !(i + 1 < ae && sr_tok_in(doc, i, mailed) &&
              sr_tok_is(doc, i + 1, "bomb"))) {
            continue;
        }
        found = 1;
        for (size_t j = i + 1; j < ae && j < i + 12; j++) {
            if (sr_tok_in(doc, j, source)) {
                break;
            }
            if (sr_tok_has(doc, j, SR_W_CLSCUE) && sr_tok_in(doc, j, prominent) &&
                !sr_tok_is(doc, j, "parliament") && !sr_tok_is(doc, j, "council")) {
                return 2;
            }
        }
    }
    return found;
}

/* "as human shields" in [tb, te). */
static int human_shields(const sr_doc_t *doc, size_t tb, size_t te)
{
    for (size_t i = tb + 1; i < te; i++) {
        if ((sr_tok_is(doc, i, "shields") || sr_tok_is(doc, i, "shield")) &&
            sr_tok_is(doc, i - 1, "human")) {
            return 1;
        }
    }
    return 0;
}

sr_category_t sr_refine_category(const sr_doc_t *doc, size_t ab, size_t ae,
                                 size_t sb, size_t se, sr_category_t cat,
                                 int harmed)
{
    if (cat == SR_CAT_HIJACKING && has_word(doc, sb, se, hostage) &&
        has_word(doc, sb, se, besieged)) {
        /* a vehicle held in place with its passengers through a
         * standoff: a barricade incident, not a journey taken over */
        return SR_CAT_HOSTAGE_BARRICADE;
    }
    if (cat == SR_CAT_KIDNAPPING && human_shields(doc, sb, se) &&
        has_word(doc, sb, se, besieged)) {
        /* people held as human shields through a standoff: kept where
         * they were taken */
        return SR_CAT_HOSTAGE_BARRICADE;
    }
    if ((cat == SR_CAT_ARMED_ASSAULT || cat == SR_CAT_KIDNAPPING ||
         is_bombing(cat)) &&
        has_word(doc, sb, se, hostage) &&
        (has_word(doc, sb, se, barricade) || occupied(doc, sb, se) ||
         held_inside(doc, sb, se)) &&
        !taken_away(doc, sb, se)) {
        /* hostages held where they were taken, as GTD ranks it above a
         * bombing: "stormed the theatre and took 800 hostage" */
        return SR_CAT_HOSTAGE_BARRICADE;
    }
    if ((cat == SR_CAT_ARMED_ASSAULT || is_bombing(cat) ||
         cat == SR_CAT_SUICIDE_BOMBING) &&
        (told_assassination(doc, sb, se) || titled_target(doc, ab, ae))) {
        return SR_CAT_ASSASSINATION;
    }
    if (cat == SR_CAT_ARMED_ASSAULT && !harmed &&
        ((property_target(doc, ab, ae) &&
          (sr_span_no_harm(doc, sb, se) ||
           (fire_phrase(doc, ab, ae) == 1 && !has_word(doc, ab, ae, on_people)))) ||
         (has_word(doc, ab, ae, empty) && has_word(doc, ab, ae, property)))) {
        /* "shots fired into the mosque while it was empty": property */
        return SR_CAT_FACILITY_ATTACK_ARSON;
    }
    if (cat == SR_CAT_FACILITY_ATTACK_ARSON && harmed &&
        property_target(doc, ab, ae) != 2) {
        /* people burnt or hurt: an assault, unless something was thrown
         * or driven at a building ("petrol bombs at a police station") */
        return SR_CAT_ARMED_ASSAULT;
    }
    if (cat != SR_CAT_ARMED_ASSAULT && cat != SR_CAT_ASSASSINATION &&
        !is_bombing(cat) && cat != SR_CAT_FACILITY_ATTACK_ARSON) {
        return cat;
    }
    if (is_bombing(cat)) {
        /* a bomb among a crowd with an official in it is still a bombing;
         * one fixed to an official's car was meant for him */
        return (has_word(doc, ab, ae, targeting) || sticky_bomb(doc, ab, ae)) &&
                       (named_prominent(doc, sb, se) ||
                        sticky_bomb(doc, ab, ae) == 2)
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

int sr_tells_protest(const sr_doc_t *doc, size_t tb, size_t te, size_t i)
{
    if (!sr_tok_has(doc, i, SR_W_TRIGGER)) {
        return 0;
    }
    return sr_category_is_protest((sr_category_t)(doc->toks[i].lex->trig - 1)) ||
           (sr_tok_is(doc, i, "took") && to_the_streets(doc, tb, te, i));
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
