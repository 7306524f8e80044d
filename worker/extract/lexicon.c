/* lexicon.c - the closed word classes of the extractor in one hash table.
 *
 * A word may be in several classes ("dead" is SR_W_DIE and a trigger), so
 * entries are merged by word. Lists are English; another language is
 * another set of tables, not more code.
 */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "doc.h"
#include "incident.h"
#include "xmalloc.h"

typedef struct slot_s {
    uint64_t hash;
    char *word; /* lower-cased, owned; NULL: empty */
    size_t len;
    uint64_t head; /* word's first 8 bytes, zero-padded (see word_eq8) */
    sr_lexent_t ent;
} slot_t;

struct sr_lexicon_s {
    slot_t *slots;
    size_t mask;
};

typedef struct word_val_s {
    const char *word;
    int64_t num;
} word_val_t;

typedef struct trig_s {
    const char *word;
    sr_category_t cat;
    int noun;
} trig_t;

static const word_val_t number_words[] = {
    {"zero", 0},      {"one", 1},        {"two", 2},        {"three", 3},
    {"four", 4},      {"five", 5},       {"six", 6},        {"seven", 7},
    {"eight", 8},     {"nine", 9},       {"ten", 10},       {"eleven", 11},
    {"twelve", 12},   {"thirteen", 13},  {"fourteen", 14},  {"fifteen", 15},
    {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18},  {"nineteen", 19},
    {"twenty", 20},   {"thirty", 30},    {"forty", 40},     {"fifty", 50},
    {"sixty", 60},    {"seventy", 70},   {"eighty", 80},    {"ninety", 90},
    {"dozen", 12},    {"a", 1},          {"an", 1},         {"single", 1},
    {"both", 2},      {"couple", 2},     {NULL, 0}};
static const word_val_t scale_words[] = {{"hundred", 100},
                                         {"thousand", 1000},
                                         {"million", 1000000},
                                         {NULL, 0}};
/* ACLED's convention for vague plurals: the lowest value they can mean. */
static const word_val_t vague_words[] = {{"tens", 10},      {"dozens", 12},
                                         {"scores", 20},    {"hundreds", 100},
                                         {"thousands", 1000}, {NULL, 0}};
static const char *const few_words[] = {"several", "many", "numerous",
                                        "multiple", "some", "few",
                                        "countless", NULL};
static const word_val_t month_words[] = {
    {"january", 1},  {"jan", 1},  {"february", 2}, {"feb", 2},
    {"march", 3},    {"mar", 3},  {"april", 4},    {"apr", 4},
    {"may", 5},      {"june", 6}, {"jun", 6},      {"july", 7},
    {"jul", 7},      {"august", 8}, {"aug", 8},    {"september", 9},
    {"sept", 9},     {"sep", 9},  {"october", 10}, {"oct", 10},
    {"november", 11}, {"nov", 11}, {"december", 12}, {"dec", 12},
    {NULL, 0}};
static const word_val_t weekday_words[] = {
    {"sunday", 0},   {"monday", 1}, {"tuesday", 2}, {"wednesday", 3},
    {"thursday", 4}, {"friday", 5}, {"saturday", 6}, {NULL, 0}};

static const char *const kill_words[] = {
    "killed", "kill",     "kills",     "killing",  "slain",    "slew",
    "murdered", "murder", "executed",  "massacred", "beheaded", "lynched",
    "shot",   "beheading", "executing", "gunned", "neutralised",
    "neutralized", "assassinated", "assassinating", NULL};
static const char *const die_words[] = {"died", "dead", "die", "dies",
                                        "perished", "deaths", "fatalities",
                                        "bodies", NULL};
static const char *const injure_words[] = {
    "injured", "wounded", "hurt", "injuring", "wounding", "injures",
    "wounds",  "injuries", "injury", NULL};
static const char *const kidnap_words[] = {
    "kidnapped", "abducted", "kidnapping", "abducting", "kidnap", "abduct",
    "kidnaps",   "abducts",  "hostage",    "hostages",  "abduction", NULL};
static const char *const arrest_words[] = {"arrested", "detained", "arresting",
                                           "apprehended", "arrests", "arrest",
                                           "detaining", NULL};
static const char *const civ_words[] = {
    "civilians", "civilian",  "villagers",  "people",    "persons",
    "residents", "worshippers", "students", "children",  "women",
    "farmers",   "passengers", "pupils",    "men",       "workers",
    "teachers",  "traders",   "herders",    "fishermen", "miners",
    "pilgrims",  "shoppers",  "locals",     "refugees",  "journalists",
    "aid",       "person",    "others",     "churchgoers", "mourners",
    "family",    "members",   "tourists",   "doctors",   "officials",
    "man",       "woman",     "child",      "boy",       "girl",
    "member",    "farmer",    "leader",     "official",  "journalist",
    "student",   "teacher",   "worker",     "employee",  "driver",
    "resident",  "villager",  "trader",     "passenger", "prisoners",
    "inmates",   "prisoner",  "inmate",     "migrants",  "elders",
    "chief",     "cleric",    "priest",     "imam",      "activist",
    "activists", "citizens",  "citizen",    "relatives", "motorists",
    "employees", "engineers", "contractors", "nurses",   "patients",
    "shepherds", "herder",    "boys",       "girls",     "individuals",
    "youths",    "councilor", "councillor", "mayor",     "politician",
    "businessman", "pupil",   "infant",     "baby",      "babies",
    "people's",  "adults",    "adult",      "victims",   "victim",
    "bystanders", "bystander", "guests",    "staff",     "crew",
    "governor",  "minister",  "ambassador", "judge",     "diplomat",
    "lawmaker",  "senator",   "prosecutor", "governors", "judges",
    "diplomats", "lawmakers", "drivers",  "passers",   "passersby",
    "passerby",  "passer",
    /* worshippers and clergy */
    "parishioners", "parishioner", "congregants", "congregant", "worshipper",
    "worshiper", "worshipers", "churchgoer", "devotees", "devotee",
    "pilgrim",   "monks",     "monk",       "nuns",      "nun",
    "pastor",    "pastors",   "priests",    "clerics",   "imams",
    "bishop",    "missionary", "missionaries", "preacher", "preachers",
    "rabbi",     "seminarians",
    /* ages */
    "toddler",   "toddlers",  "teenager",   "teenagers", "teens",
    "schoolchildren", "schoolgirls", "schoolboys", "schoolboy", "schoolgirl",
    /* trades and callings */
    "shopkeeper", "shopkeepers", "vendor", "vendors", "merchant", "merchants",
    "labourer", "labourers", "laborer", "laborers", "watchman", "watchmen",
    "executive", "executives", "manager", "managers", "businessmen",
    "businesswoman", "engineer", "contractor", "nurse", "doctor", "medic",
    "medics", "paramedic", "paramedics", "lawyer", "lawyers", "clerk",
    "clerks", "reporter", "reporters", "photographer", "photographers",
    "cameraman", "professor", "lecturer", "pedestrian", "pedestrians",
    "commuters", "spectators", "customers", "diners", "visitors", "tourist",
    "loggers", "truckers", "trucker", "peasants", "peasant", "elder",
    "headman", "chieftain", "voters", "candidate", "candidates",
    "sarpanch", "sarpanches",
    "councillors", "councilors", "administrator", "legislator", "legislators",
    "ministers", "fisherman", "miner", "shepherd", "farmhands", "principal",
    "headmaster", "headteacher", "headmistress",
    NULL};
static const char *const sec_words[] = {
    "soldiers", "soldier",  "troops",     "police",     "policemen",
    "policeman", "officers", "personnel", "servicemen", "guards",
    "gendarmes", "gendarme", "troopers",  "marines",    "peacekeepers",
    "militiamen", "recruits", "commandos", "army", "forces", "officer",
    "guard", "trooper", "serviceman", "commander", "sergeant", "captain",
    "lieutenant", "colonel", "general", "major", "agent", "agents",
    "militiaman", "personnel", "sentry", "brigadier", "bodyguards",
    "bodyguard", "escorts",
    "jawans", "jawan", "constables", "constable", "cops", "cop",
    "rangers", "ranger", "paramilitaries", "sailors", "sailor", "airmen",
    "airman", "cadets", "cadet", "conscripts", "conscript", "paratroopers",
    "paratrooper", "policewoman", "policewomen", "detectives", "detective",
    "inspector", "inspectors", "reservists", "reservist", "legionnaires",
    "guardsmen", "guardsman", "servicewomen", "warden", "wardens",
    NULL};
static const char *const perp_words[] = {
    "gunmen",     "gunman",    "militants",   "militant",   "assailants",
    "assailant",  "attackers", "attacker",    "jihadists",  "jihadist",
    "insurgents", "insurgent", "terrorists",  "terrorist",  "rebels",
    "bandits",    "extremists", "separatists", "fighters",  "bomber",
    "bombers",    "kidnappers", "raiders",    "jihadis",    "islamists",
    "assailants'", "gunmen's",  "sniper",     "snipers",    "elements",
    "rebel",      "fighter",   "abductors",  "robbers",    "thieves",
    "criminals",  "gang",      "gangs",      "gangsters",  "pirates",
    "extremist",  "hijackers", "hijacker",   "kidnapper",  "abductor",
    "shooter",    "shooters",  "assassin",   "assassins",  "perpetrator",
    "perpetrators", "guerrillas", "guerrilla", "knifeman", "gunwoman",
    "infiltrators", "infiltrator",
    NULL};
static const char *const sec_org_words[] = {
    "army", "military", "forces", "troops", "soldiers", "police",
    "gendarmerie", "navy", "air", "policemen", "soldier", NULL};
static const char *const police_words[] = {"police", "policemen",
                                           "policeman", "gendarmerie",
                                           "gendarmes", NULL};
static const char *const protest_words[] = {
    "protesters", "protestors", "demonstrators", "marchers", "rioters",
    "strikers", NULL};
static const char *const negation_words[] = {"not", "no", "never", "nobody",
                                             "none", "neither", "nor",
                                             "didn't", "denied", NULL};
static const char *const modal_words[] = {"could", "would", "might", "may",
                                          "if", "should", "feared", "risk",
                                          NULL};
static const char *const plan_words[] = {
    "plotted", "plotting", "planned", "planning", "plot", "threatened",
    "threatens", "threaten", "vowed", "warned", "preparing", "intended",
    NULL};
static const char *const foil_words[] = {"foiled", "thwarted", "averted",
                                         "prevented", "defused", "intercepted",
                                         "foil", "thwart", NULL};
static const char *const reported_words[] = {
    "reportedly", "allegedly", "purportedly", "unconfirmed", "rumoured",
    "rumored", "apparently", NULL};
static const char *const generic_words[] = {
    "recent", "frequently", "often", "regularly", "routinely", "repeated",
    "increasingly", "years", "decades", "beset", "plagued", "wave",
    "spate", "series", "insurgency", "campaign", "usually", NULL};
/* Counted things that are not people: "several tanks", "two hours". */
static const char *const unit_words[] = {
    "hours", "hour", "days", "day", "weeks", "week", "months", "month",
    "years", "year", "minutes", "tanks", "vehicles", "cars", "houses",
    "homes", "buildings", "weapons", "rifles", "kilometres", "kilometers",
    "miles", "km", "times", "percent", "meters", "metres", "helicopters",
    "trucks", "motorcycles", "rounds", "shops", "schools", "churches",
    "mosques", "villages", "towns", "cattle", "camels", "dollars", "bombs",
    "mines", "million", "billion", "occasions", "livestock",
    "cows", "goats", "sheep", "animals", "rounds", "shots", NULL};
static const char *const aux_words[] = {
    "were", "was", "have", "has", "had", "been", "be", "being", "are",
    "is", "reportedly", "also", "all", "later", "allegedly", "believed",
    "confirmed", "feared", "left", "and", "reported", "said", "to", NULL};
static const char *const past_words[] = {
    "earlier", "previous", "since", "ago", "last", "former", "prior",
    "before", "past", NULL};
static const char *const prep_loc_words[] = {
    "in", "near", "at", "outside", "around", "from", "across", "inside",
    "to", "into", "of", NULL};
static const char *const qual_words[] = {
    "at", "more", "over", "nearly", "almost", "about", "around", "some",
    "approximately", "roughly", "an", "up", "fewer", "less", "as", "least",
    "under", "upwards", "close", "between", "in", "no", "estimated", "half",
    NULL};
static const char *const time_cues[] = {
    "yesterday", "today", "tonight", "last", "this", "earlier", "on", "in",
    "since", "late", "early", "during", "of", "mid", "until", NULL};
static const char *const claim_cues[] = {
    "claimed", "claims", "claim", "claiming", "no", "not", "yet", "nobody",
    "denied", "denies", "rejected", "said", "unclaimed", "owned", "credit",
    NULL};
static const char *const zero_cues[] = {"no", "nobody", "none", NULL};
static const char *const rel_cues[] = {"yesterday", "today", "tonight",
                                       "last", "this", "earlier", NULL};
/* Capitalised at a sentence start or in titles, never a place name. */
static const char *const stopcap_words[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his",
    "her", "their", "its", "our", "this", "that", "these", "those", "there",
    "but", "and", "or", "when", "while", "although", "after", "before", "on",
    "in", "at",
    "of", "for", "with", "by", "from", "as", "president", "minister",
    "ministry", "government", "police", "army", "general", "governor",
    "prime", "mr", "mrs", "ms", "dr", "according", "however", "meanwhile",
    "also", "some", "many", "several", "at", "least", "security",
    "fierce", "islamic", "state", "national", "republic", "north", "south",
    "east", "west", "central", "eastern", "western", "northern",
    "southern", "west", "african", "union", "united", "nations", "un",
    "reuters", "afp", "ap", "twitter", "facebook", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "if", "no",
    "one", "two", "three", "thirteen", "what", "who", "where", "why", "how",
    "defense", "defence", "interior", "spokesman", "spokesperson",
    "officials", "local", "media", "sources", "witnesses", "residents",
    "earlier", "last", "this", "next", "all", "both", "each", "most",
    "troops", "soldiers", "gunmen", "militants", "attackers", "forces",
    "regional", "federal", "district", "province", "region", "city", "town",
    "village", "county", "council", "assembly", "parliament", "court",
    "police", "colonel", "captain", "major", "sergeant", "lieutenant",
    "commander", "chief", "head", "leader", "member", "members", NULL};

static const trig_t triggers[] = {
    {"attack", SR_CAT_ARMED_ASSAULT, 1},
    {"attacks", SR_CAT_ARMED_ASSAULT, 1},
    {"attacked", SR_CAT_ARMED_ASSAULT, 0},
    {"attacking", SR_CAT_ARMED_ASSAULT, 0},
    {"ambush", SR_CAT_ARMED_ASSAULT, 1},
    {"ambushed", SR_CAT_ARMED_ASSAULT, 0},
    {"raid", SR_CAT_ARMED_ASSAULT, 1},
    {"raided", SR_CAT_ARMED_ASSAULT, 0},
    {"stormed", SR_CAT_ARMED_ASSAULT, 0},
    {"assault", SR_CAT_ARMED_ASSAULT, 1},
    {"shooting", SR_CAT_ARMED_ASSAULT, 1},
    {"gunfire", SR_CAT_ARMED_ASSAULT, 1},
    {"massacre", SR_CAT_ARMED_ASSAULT, 1},
    {"massacred", SR_CAT_ARMED_ASSAULT, 0},
    {"stabbed", SR_CAT_ARMED_ASSAULT, 0},
    {"stabbing", SR_CAT_ARMED_ASSAULT, 1},
    {"beheaded", SR_CAT_ARMED_ASSAULT, 0},
    {"clash", SR_CAT_ARMED_CLASH, 1},
    {"clashes", SR_CAT_ARMED_CLASH, 1},
    {"clashed", SR_CAT_ARMED_CLASH, 0},
    {"fighting", SR_CAT_ARMED_CLASH, 1},
    {"firefight", SR_CAT_ARMED_CLASH, 1},
    {"gunfight", SR_CAT_ARMED_CLASH, 1},
    {"gunbattle", SR_CAT_ARMED_CLASH, 1},
    {"bombing", SR_CAT_BOMBING_OTHER, 1},
    {"bombings", SR_CAT_BOMBING_OTHER, 1},
    {"bomb", SR_CAT_BOMBING_OTHER, 1},
    {"bombed", SR_CAT_BOMBING_OTHER, 0},
    {"explosion", SR_CAT_BOMBING_OTHER, 1},
    {"explosions", SR_CAT_BOMBING_OTHER, 1},
    {"exploded", SR_CAT_BOMBING_OTHER, 0},
    {"blast", SR_CAT_BOMBING_OTHER, 1},
    {"blasts", SR_CAT_BOMBING_OTHER, 1},
    {"detonated", SR_CAT_BOMBING_OTHER, 0},
    {"ied", SR_CAT_REMOTE_EXPLOSIVE_IED, 1},
    {"landmine", SR_CAT_REMOTE_EXPLOSIVE_IED, 1},
    {"airstrike", SR_CAT_AIR_DRONE_STRIKE, 1},
    {"airstrikes", SR_CAT_AIR_DRONE_STRIKE, 1},
    {"air-strike", SR_CAT_AIR_DRONE_STRIKE, 1},
    {"shelling", SR_CAT_SHELLING_ARTILLERY_MISSILE, 1},
    {"shelled", SR_CAT_SHELLING_ARTILLERY_MISSILE, 0},
    {"grenade", SR_CAT_GRENADE, 1},
    {"kidnapped", SR_CAT_KIDNAPPING, 0},
    {"abducted", SR_CAT_KIDNAPPING, 0},
    {"kidnapping", SR_CAT_KIDNAPPING, 1},
    {"abduction", SR_CAT_KIDNAPPING, 1},
    {"kidnap", SR_CAT_KIDNAPPING, 0},
    {"hijacked", SR_CAT_HIJACKING, 0},
    {"hijacking", SR_CAT_HIJACKING, 1},
    {"siege", SR_CAT_HOSTAGE_BARRICADE, 1},
    {"assassinated", SR_CAT_ASSASSINATION, 0},
    {"assassination", SR_CAT_ASSASSINATION, 1},
    {"torched", SR_CAT_FACILITY_ATTACK_ARSON, 0},
    {"arson", SR_CAT_FACILITY_ATTACK_ARSON, 1},
    {"beaten", SR_CAT_UNARMED_ASSAULT, 0},
    {"protest", SR_CAT_PROTEST_PEACEFUL, 1},
    {"protests", SR_CAT_PROTEST_PEACEFUL, 1},
    {"protested", SR_CAT_PROTEST_PEACEFUL, 0},
    {"demonstration", SR_CAT_PROTEST_PEACEFUL, 1},
    {"demonstrations", SR_CAT_PROTEST_PEACEFUL, 1},
    {"rally", SR_CAT_PROTEST_PEACEFUL, 1},
    {"marched", SR_CAT_PROTEST_PEACEFUL, 0},
    {"riot", SR_CAT_RIOT_VIOLENT_DEMONSTRATION, 1},
    {"riots", SR_CAT_RIOT_VIOLENT_DEMONSTRATION, 1},
    {"rioting", SR_CAT_RIOT_VIOLENT_DEMONSTRATION, 1},
    {"lynched", SR_CAT_MOB_VIOLENCE, 0},
    {"arrested", SR_CAT_ARRESTS, 0},
    {"looted", SR_CAT_LOOTING_PROPERTY_DESTRUCTION, 0},
    {"looting", SR_CAT_LOOTING_PROPERTY_DESTRUCTION, 1},
    {"shot", SR_CAT_ARMED_ASSAULT, 0},
    {"gunned", SR_CAT_ARMED_ASSAULT, 0},
    {"murdered", SR_CAT_ARMED_ASSAULT, 0},
    {"fired", SR_CAT_ARMED_ASSAULT, 0},
    {"fire", SR_CAT_ARMED_ASSAULT, 1},
    {"shootout", SR_CAT_ARMED_CLASH, 1},
    {"exchanged", SR_CAT_ARMED_CLASH, 0},
    {"battled", SR_CAT_ARMED_CLASH, 0},
    {"rocket", SR_CAT_SHELLING_ARTILLERY_MISSILE, 1},
    {"rockets", SR_CAT_SHELLING_ARTILLERY_MISSILE, 1},
    {"mortar", SR_CAT_SHELLING_ARTILLERY_MISSILE, 1},
    {"mortars", SR_CAT_SHELLING_ARTILLERY_MISSILE, 1},
    {"missile", SR_CAT_SHELLING_ARTILLERY_MISSILE, 1},
    {"missiles", SR_CAT_SHELLING_ARTILLERY_MISSILE, 1},
    {"strike", SR_CAT_AIR_DRONE_STRIKE, 1},
    {"strikes", SR_CAT_AIR_DRONE_STRIKE, 1},
    {"grenades", SR_CAT_GRENADE, 1},
    {"burned", SR_CAT_FACILITY_ATTACK_ARSON, 0},
    {"burnt", SR_CAT_FACILITY_ATTACK_ARSON, 0},
    {"beat", SR_CAT_UNARMED_ASSAULT, 0},
    {"beating", SR_CAT_UNARMED_ASSAULT, 1},
    {"mob", SR_CAT_MOB_VIOLENCE, 1},
    {"demonstrated", SR_CAT_PROTEST_PEACEFUL, 0},
    {"demonstrators", SR_CAT_PROTEST_PEACEFUL, 1},
    {"protesters", SR_CAT_PROTEST_PEACEFUL, 1},
    {"protestors", SR_CAT_PROTEST_PEACEFUL, 1},
    {"protesting", SR_CAT_PROTEST_PEACEFUL, 0},
    {"rallied", SR_CAT_PROTEST_PEACEFUL, 0},
    {"rallies", SR_CAT_PROTEST_PEACEFUL, 1},
    {"rioted", SR_CAT_RIOT_VIOLENT_DEMONSTRATION, 0},
    {"rioters", SR_CAT_RIOT_VIOLENT_DEMONSTRATION, 1},
    {"barricaded", SR_CAT_RIOT_VIOLENT_DEMONSTRATION, 0},
    {"seized", SR_CAT_LOOTING_PROPERTY_DESTRUCTION, 0},
    {"vandalized", SR_CAT_LOOTING_PROPERTY_DESTRUCTION, 0},
    {"vandalised", SR_CAT_LOOTING_PROPERTY_DESTRUCTION, 0},
    {"raped", SR_CAT_SEXUAL_VIOLENCE, 0},
    {"rape", SR_CAT_SEXUAL_VIOLENCE, 1},
    {"destroyed", SR_CAT_LOOTING_PROPERTY_DESTRUCTION, 0},
    {"assaulted", SR_CAT_UNARMED_ASSAULT, 0},
    {"cache", SR_CAT_DISRUPTED_WEAPONS_USE, 1},
    {"defused", SR_CAT_DISRUPTED_WEAPONS_USE, 0},
    {"targeted", SR_CAT_ARMED_ASSAULT, 0},
    {"incursion", SR_CAT_ARMED_CLASH, 1},
    {"offensive", SR_CAT_ARMED_CLASH, 1},
    {"explosives", SR_CAT_BOMBING_OTHER, 1},
    {"threw", SR_CAT_BOMBING_OTHER, 0},
    {"hurled", SR_CAT_BOMBING_OTHER, 0},
    {"tossed", SR_CAT_BOMBING_OTHER, 0},
    {"lobbed", SR_CAT_BOMBING_OTHER, 0},
    {"crash", SR_CAT_ACCIDENT, 1},
    {"crashed", SR_CAT_ACCIDENT, 0},
    {"collision", SR_CAT_ACCIDENT, 1},
    /* Bare outcomes: an event happened; the category comes from context. */
    {"killed", SR_CAT_OTHER, 0},
    {"killing", SR_CAT_OTHER, 0},
    {"blew", SR_CAT_BOMBING_OTHER, 0},
    {"died", SR_CAT_OTHER, 0},
    {"dead", SR_CAT_OTHER, 0},
    {"wounded", SR_CAT_OTHER, 0},
    {"injured", SR_CAT_OTHER, 0},
    {NULL, SR_CAT_OTHER, 0}};

uint64_t sr_lexicon_hash(const char *word, size_t len)
{
    uint64_t h = 1469598103934665603ull;

    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)word[i];

        if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c + 32);
        }
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

/* lower (already lower-cased) against word, case-insensitively. */
static int word_eq(const char *lower, const char *word, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned c = (unsigned char)word[i];

        c += (c - 'A' < 26u) << 5;
        if (c != (unsigned char)lower[i]) {
            return 0;
        }
    }
    return 1;
}

#define BYTES(b) (0x0101010101010101ull * (b))

/* word_eq() when 8 bytes can be read at word: its first 8 are lower-cased
 * at once (only A-Z, as word_eq does) and compared with s->head. */
static inline int word_eq8(const slot_t *s, const char *word, size_t len)
{
    static const unsigned char ones[16] = {0xFF, 0xFF, 0xFF, 0xFF,
                                           0xFF, 0xFF, 0xFF, 0xFF};
    uint64_t x, low, upper, mask;

    memcpy(&x, word, 8);
    low = x & BYTES(0x7F);
    upper = (low + BYTES(0x80 - 'A')) & ~(low + BYTES(0x80 - 'Z' - 1)) & ~x &
            BYTES(0x80);
    x |= upper >> 2; /* + 0x20 */
    /* the first len bytes (all 8 past that) */
    memcpy(&mask, ones + 8 - (len < 8 ? len : 8), 8);
    return (x & mask) == s->head &&
           (len <= 8 || word_eq(s->word + 8, word + 8, len - 8));
}

/* wide: 8 bytes can be read at word, whatever len is. */
static inline slot_t *find_slot(const sr_lexicon_t *lx, const char *word,
                                size_t len, uint64_t h, int wide)
{
    size_t i = (size_t)h & lx->mask;

    while (lx->slots[i].word != NULL) {
        if (lx->slots[i].hash == h && lx->slots[i].len == len &&
            (wide ? word_eq8(&lx->slots[i], word, len)
                  : word_eq(lx->slots[i].word, word, len))) {
            return &lx->slots[i];
        }
        i = (i + 1) & lx->mask;
    }
    return &lx->slots[i];
}

static sr_lexent_t *entry(sr_lexicon_t *lx, const char *word)
{
    size_t len = strlen(word);
    uint64_t h = sr_lexicon_hash(word, len);
    slot_t *s = find_slot(lx, word, len, h, 0);

    if (s->word == NULL) {
        s->word = sr_xstrdup(word);
        for (size_t i = 0; i < len; i++) {
            unsigned c = (unsigned char)s->word[i];

            s->word[i] = (char)(c + ((c - 'A' < 26u) << 5));
        }
        s->len = len;
        s->hash = h;
        memcpy(&s->head, s->word, len < 8 ? len : 8);
    }
    return &s->ent;
}

static void add_list(sr_lexicon_t *lx, const char *const *words, uint64_t cls)
{
    for (size_t i = 0; words[i] != NULL; i++) {
        entry(lx, words[i])->cls |= cls;
    }
}

static void add_vals(sr_lexicon_t *lx, const word_val_t *words, uint64_t cls)
{
    for (size_t i = 0; words[i].word != NULL; i++) {
        sr_lexent_t *e = entry(lx, words[i].word);

        e->cls |= cls;
        e->num = words[i].num;
    }
}

sr_lexicon_t *sr_lexicon_new(void)
{
    sr_lexicon_t *lx = sr_xcalloc(1, sizeof(*lx));

    /* Far more slots than words keeps probes short. */
    lx->mask = 4096 - 1;
    lx->slots = sr_xcalloc(lx->mask + 1, sizeof(*lx->slots));
    add_vals(lx, number_words, SR_W_NUMWORD);
    add_vals(lx, scale_words, SR_W_SCALE);
    add_vals(lx, vague_words, SR_W_VAGUE);
    add_list(lx, few_words, SR_W_FEW);
    add_vals(lx, month_words, SR_W_MONTH);
    add_vals(lx, weekday_words, SR_W_WEEKDAY);
    add_list(lx, kill_words, SR_W_KILL);
    add_list(lx, die_words, SR_W_DIE);
    add_list(lx, injure_words, SR_W_INJURE);
    add_list(lx, kidnap_words, SR_W_KIDNAP);
    add_list(lx, arrest_words, SR_W_ARREST);
    add_list(lx, civ_words, SR_W_VICT_CIV);
    add_list(lx, sec_words, SR_W_VICT_SEC);
    add_list(lx, perp_words, SR_W_PERP);
    add_list(lx, sec_org_words, SR_W_SEC_ORG);
    add_list(lx, police_words, SR_W_POLICE);
    add_list(lx, protest_words, SR_W_PROTEST);
    add_list(lx, negation_words, SR_W_NEGATION);
    add_list(lx, modal_words, SR_W_MODAL);
    add_list(lx, plan_words, SR_W_PLAN);
    add_list(lx, foil_words, SR_W_FOIL);
    add_list(lx, reported_words, SR_W_REPORTED);
    add_list(lx, generic_words, SR_W_GENERIC);
    add_list(lx, unit_words, SR_W_UNIT);
    add_list(lx, aux_words, SR_W_AUX);
    add_list(lx, past_words, SR_W_PAST_CUE);
    add_list(lx, prep_loc_words, SR_W_PREP_LOC);
    add_list(lx, qual_words, SR_W_QUAL);
    add_list(lx, time_cues, SR_W_TIMECUE);
    add_list(lx, claim_cues, SR_W_CLAIMCUE);
    add_list(lx, zero_cues, SR_W_ZEROCUE);
    add_list(lx, rel_cues, SR_W_RELCUE);
    add_list(lx, stopcap_words, SR_W_STOPCAP);
    for (const char *const *const *l = sr_classify_cue_lists(); *l != NULL;
         l++) {
        add_list(lx, *l, SR_W_CLSCUE);
    }
    for (size_t i = 0; triggers[i].word != NULL; i++) {
        sr_lexent_t *e = entry(lx, triggers[i].word);

        e->cls |= SR_W_TRIGGER;
        e->trig = (int)triggers[i].cat + 1;
        e->trig_noun = triggers[i].noun;
    }
    /* the classifier's own triggers come last: they may re-classify */
    for (const sr_trigger_t *t = sr_classify_triggers(); t->word != NULL;
         t++) {
        sr_lexent_t *e = entry(lx, t->word);

        e->cls |= SR_W_TRIGGER;
        e->trig = (int)t->cat + 1;
        e->trig_noun = t->noun;
    }
    return lx;
}

void sr_lexicon_destroy(sr_lexicon_t *lx)
{
    if (lx == NULL) {
        return;
    }
    for (size_t i = 0; i <= lx->mask; i++) {
        free(lx->slots[i].word);
    }
    free(lx->slots);
    free(lx);
}

void sr_doc_classify(sr_doc_t *doc, const sr_lexicon_t *lx)
{
    /* one loop here, so that the probe is inlined for every word */
    for (size_t i = 0; i < doc->ntok; i++) {
        sr_tok_t *t = &doc->toks[i];
        const slot_t *s;

        if (t->kind != SR_TOK_WORD) {
            continue;
        }
        s = (size_t)t->start + 8 <= doc->len
                ? find_slot(lx, doc->text + t->start, t->len, t->hash, 1)
                : find_slot(lx, doc->text + t->start, t->len, t->hash, 0);
        t->lex = s->word != NULL ? &s->ent : NULL;
        t->cls = s->word != NULL ? s->ent.cls : 0;
    }
}

const sr_lexent_t *sr_lexicon_get(const sr_lexicon_t *lx, const char *word,
                                  size_t len)
{
    const slot_t *s =
        find_slot(lx, word, len, sr_lexicon_hash(word, len), 0);

    return s->word != NULL ? &s->ent : NULL;
}
