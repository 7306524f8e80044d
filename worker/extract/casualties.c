/* casualties.c - casualty counts in one sentence. */
#include "casualties.h"

#include <string.h>

#define MAX_GAP 8
#define NO_START ((size_t)-1)

static int verb_kind_of_class(const sr_doc_t *doc, size_t i);

/* "were treated in hospital", "needed hospital treatment", "sought
 * medical treatment": the injured, told by their care; "treated 30
 * patients" says nothing of a wound. */
static int hospital_care(const sr_doc_t *doc, size_t i)
{
    if (sr_tok_is(doc, i, "treated")) {
        return i + 1 < doc->ntok && (sr_tok_is(doc, i + 1, "in") ||
                                     sr_tok_is(doc, i + 1, "at") ||
                                     sr_tok_is(doc, i + 1, "for"))
                   ? SR_CAS_INJURED
                   : -1;
    }
    return i > 0 && sr_tok_is(doc, i, "treatment") &&
                   (sr_tok_is(doc, i - 1, "hospital") ||
                    sr_tok_is(doc, i - 1, "medical"))
               ? SR_CAS_INJURED
               : -1;
}

/* "beaten to death" kills; "sentenced to death" is a verdict. */
static int to_death(const sr_doc_t *doc, size_t i)
{
    static const char *const verdicts[] = {"sentenced", "condemned",
                                           "sentence", "sentences", NULL};

    return i > 0 && sr_tok_is(doc, i, "death") &&
           sr_tok_is(doc, i - 1, "to") &&
           !(i > 1 && sr_tok_in(doc, i - 2, verdicts));
}

/* "suffered burns", "sustained cuts", "survived with gunshot wounds":
 * a wound told by its kind, after the verb that carries it. The verb
 * token before the noun, or 0. */
static size_t injury_carrier(const sr_doc_t *doc, size_t i)
{
    static const char *const carriers[] = {"suffered", "sustained",
                                           "suffering", "sustaining",
                                           "received", NULL};
    static const char *const survivors[] = {"survived", "escaped", "left",
                                            NULL};

    for (size_t k = i; k > 1 && k + 4 > i; k--) {
        if (sr_tok_in(doc, k - 1, carriers)) {
            return k - 1;
        }
        /* "survived with burns"; "with budget cuts" is no wound */
        if (sr_tok_is(doc, k - 1, "with") &&
            sr_tok_in(doc, k - 2, survivors)) {
            return k - 2;
        }
        if (doc->toks[k - 1].kind != SR_TOK_WORD) {
            return 0;
        }
    }
    return 0;
}

/* Word by word: this runs at most tokens, and a literal's length
 * settles most of them at once. */
static int injury_noun(const sr_doc_t *doc, size_t i)
{
    return (sr_tok_is(doc, i, "burns") || sr_tok_is(doc, i, "cuts") ||
            sr_tok_is(doc, i, "fractures") || sr_tok_is(doc, i, "bruises")) &&
           injury_carrier(doc, i) > 0;
}

/* The sentence of token i, [*tb, *te): phrases of a few words around a
 * casualty word never reach across a sentence break (a headline has no
 * full stop to end it). The whole text when it has no sentences yet. */
static void sentence_of(const sr_doc_t *doc, size_t i, size_t *tb, size_t *te)
{
    size_t s = sr_doc_sent_of(doc, i);
    int held = doc->nsent > 0 && doc->sents[s].tb <= i && i < doc->sents[s].te;

    *tb = held ? doc->sents[s].tb : 0;
    *te = held ? doc->sents[s].te : doc->ntok;
}

/* Token i is w and lies in [tb, te). */
static int tok_within(const sr_doc_t *doc, size_t tb, size_t te, size_t i,
                      const char *w)
{
    return i >= tb && i < te && sr_tok_is(doc, i, w);
}

/* "his body was found", "the victim's body was recovered": one dead. */
static int body_found(const sr_doc_t *doc, size_t i)
{
    size_t tb, te;

    if (!(sr_tok_is(doc, i, "found") || sr_tok_is(doc, i, "recovered") ||
          sr_tok_is(doc, i, "discovered")) ||
        i < 2) {
        return 0;
    }
    sentence_of(doc, i, &tb, &te);
    return tok_within(doc, tb, te, i - 1, "was") &&
           (tok_within(doc, tb, te, i - 2, "body") ||
            tok_within(doc, tb, te, i - 2, "corpse"));
}

/* "lost their lives", "lost his life", "succumbed to his wounds": a
 * death told without a verb of dying; like "died", it takes no object. */
static int life_lost(const sr_doc_t *doc, size_t i)
{
    size_t tb, te;

    if (sr_tok_is(doc, i, "succumbed")) {
        sentence_of(doc, i, &tb, &te);
        return tok_within(doc, tb, te, i + 1, "to");
    }
    if (!sr_tok_is(doc, i, "lost")) {
        return 0;
    }
    sentence_of(doc, i, &tb, &te);
    return (tok_within(doc, tb, te, i + 1, "their") ||
            tok_within(doc, tb, te, i + 1, "his") ||
            tok_within(doc, tb, te, i + 1, "her")) &&
           (tok_within(doc, tb, te, i + 2, "lives") ||
            tok_within(doc, tb, te, i + 2, "life"));
}

/* "claimed the lives of six people", "cost the lives of two soldiers":
 * "lives" takes the count after "of". */
static int lives_claimed(const sr_doc_t *doc, size_t i)
{
    static const char *const takers[] = {"claimed", "claiming", "cost",
                                         "costing", "took", "taking", NULL};
    size_t tb, te;

    if (!sr_tok_is(doc, i, "lives") || i < 2) {
        return 0;
    }
    sentence_of(doc, i, &tb, &te);
    return i - 2 >= tb && tok_within(doc, tb, te, i - 1, "the") &&
           sr_tok_in(doc, i - 2, takers) && tok_within(doc, tb, te, i + 1, "of");
}

/* "stabbed two police officers", "was stabbed outside the mosque": a
 * wound, unless the clause goes on to a death ("stabbed to death",
 * "stabbed and killed"). */
static int stab_wound(const sr_doc_t *doc, size_t i)
{
    if (!sr_tok_is(doc, i, "stabbed") && !sr_tok_is(doc, i, "knifed")) {
        return 0;
    }
    for (size_t k = i + 1; k < doc->ntok && k < i + 10; k++) {
        if (doc->toks[k].kind == SR_TOK_PUNCT && sr_tok_punct(doc, k) != '-') {
            break;
        }
        if (sr_tok_is(doc, k, "death") || sr_tok_has(doc, k, SR_W_KILL | SR_W_DIE)) {
            return 0;
        }
    }
    return 1;
}

/* "cut the throats of five conscripts", "slit the throat of a
 * shepherd": a killing, and whose after "of". */
static int throats_cut(const sr_doc_t *doc, size_t i)
{
    static const char *const cutters[] = {"cut", "slit", "cutting",
                                          "slitting", "slashed", NULL};
    size_t tb, te;

    if (i < 2 || !(sr_tok_is(doc, i, "throats") || sr_tok_is(doc, i, "throat"))) {
        return 0;
    }
    sentence_of(doc, i, &tb, &te);
    return i - 2 >= tb && tok_within(doc, tb, te, i - 1, "the") &&
           sr_tok_in(doc, i - 2, cutters) && tok_within(doc, tb, te, i + 1, "of");
}

/* "resulted in the death of two civilians", "caused the deaths of
 * three": a death and whose, after "of". */
static int death_of(const sr_doc_t *doc, size_t i)
{
    size_t tb, te;

    if (!(sr_tok_is(doc, i, "death") || sr_tok_is(doc, i, "deaths")) || i < 1) {
        return 0;
    }
    sentence_of(doc, i, &tb, &te);
    return tok_within(doc, tb, te, i - 1, "the") &&
           tok_within(doc, tb, te, i + 1, "of");
}

/* A casualty word in no word class: "15 people remain missing",
 * "beaten to death", "were treated in hospital", "suffered burns". */
static int verb_kind_unclassed(const sr_doc_t *doc, size_t i)
{
    /* by first letter: only the rules whose words start so are asked */
    switch (doc->text[doc->toks[i].start] | 0x20) {
    case 'm':
        return sr_tok_is(doc, i, "missing") ? SR_CAS_MISSING : -1;
    case 'b':
    case 'c':
    case 'f':
        if (injury_noun(doc, i)) {
            return SR_CAS_INJURED;
        }
        return body_found(doc, i) ? SR_CAS_KILLED : -1;
    case 'r':
        return body_found(doc, i) ? SR_CAS_KILLED : -1;
    case 'd':
        return body_found(doc, i) || to_death(doc, i) || death_of(doc, i)
                   ? SR_CAS_KILLED
                   : -1;
    case 'l':
        return life_lost(doc, i) || lives_claimed(doc, i) ? SR_CAS_KILLED
                                                          : -1;
    case 's':
        if (life_lost(doc, i)) {
            return SR_CAS_KILLED;
        }
        return stab_wound(doc, i) ? SR_CAS_INJURED : -1;
    case 'k':
        return stab_wound(doc, i) ? SR_CAS_INJURED : -1;
    case 't':
        if ((doc->toks[i].len == 6 || doc->toks[i].len == 7) && throats_cut(doc, i)) {
            return SR_CAS_KILLED;
        }
        return hospital_care(doc, i);
    default:
        return -1;
    }
}

/* Every token the rules of verb_kind_unclassed can match at i. */
const char *const sr_casualty_unclassed_words[] = {
    "missing", "treated", "treatment", "death", "cuts", "burns",
    "bruises", "fractures", "found", "recovered", "discovered", "lost",
    "lives", "succumbed", "stabbed", "knifed", "throats", "throat", NULL};

/* The lengths of the words above by first letter, as bits: most tokens
 * are settled by this alone. test_extract_casualties holds every listed
 * word passes. */
static inline int unclassed_passes(unsigned char first, size_t len)
{
    static const uint16_t lens['z' - 'a' + 1] = {
        ['b' - 'a'] = 1u << 5 | 1u << 7, ['c' - 'a'] = 1u << 4,
        ['d' - 'a'] = 1u << 5 | 1u << 10,
        ['f' - 'a'] = 1u << 5 | 1u << 9, ['m' - 'a'] = 1u << 7,
        ['r' - 'a'] = 1u << 9, ['t' - 'a'] = 1u << 6 | 1u << 7 | 1u << 9,
        ['l' - 'a'] = 1u << 4 | 1u << 5, ['s' - 'a'] = 1u << 7 | 1u << 9,
        ['k' - 'a'] = 1u << 6};
    unsigned c = (first | 0x20u) - 'a';

    return c < sizeof(lens) / sizeof(lens[0]) && len < 16 &&
           ((lens[c] >> len) & 1u) != 0;
}

int sr_casualty_unclassed_passes(const char *word, size_t len)
{
    return len > 0 && unclassed_passes((unsigned char)word[0], len);
}

/* Inline: the rules ask at nearly every token, and the class and the
 * length settle most tokens. */
static inline int verb_kind(const sr_doc_t *doc, size_t i)
{
    const sr_tok_t *t = &doc->toks[i];

    if (t->lex == NULL ||
        (t->lex->cls & (SR_W_KILL | SR_W_DIE | SR_W_INJURE | SR_W_KIDNAP |
                        SR_W_ARREST)) == 0) {
        return unclassed_passes((unsigned char)doc->text[t->start], t->len)
                   ? verb_kind_unclassed(doc, i)
                   : -1;
    }
    return verb_kind_of_class(doc, i);
}

int sr_casualty_verb_kind(const sr_doc_t *doc, size_t i)
{
    return verb_kind(doc, i);
}

/* "shot a manager in the legs", "was shot in the arm": a wound, told
 * by where the bullet went (a head or chest says nothing either way). */
static int shot_in_limb(const sr_doc_t *doc, size_t i)
{
    static const char *const limbs[] = {
        "leg",  "legs",  "arm",   "arms",   "knee",  "knees",  "kneecap",
        "kneecaps", "foot", "feet", "hand", "hands", "shoulder",
        "shoulders", "thigh", "thighs", "ankle", "ankles", "buttocks", NULL};

    /* "shot a personnel manager of the firm six times in the legs" */
    for (size_t k = i + 1; k + 2 < doc->ntok && k < i + 11; k++) {
        if (doc->toks[k].kind == SR_TOK_PUNCT &&
            sr_tok_punct(doc, k) != '-') { /* "a 22-year-old man" */
            return 0;
        }
        if (sr_tok_is(doc, k, "in") &&
            (sr_tok_is(doc, k + 1, "the") || sr_tok_is(doc, k + 1, "his") ||
             sr_tok_is(doc, k + 1, "her") || sr_tok_is(doc, k + 1, "both"))) {
            return sr_tok_in(doc, k + 2, limbs);
        }
    }
    return 0;
}

/* "shot a journalist outside his home. He survived.": a wound, told by
 * "survived" in the same sentence or the next, with no death between. */
static int survived_after(const sr_doc_t *doc, size_t i)
{
    int ends = 0;

    for (size_t k = i + 1; k < doc->ntok && k < i + 40; k++) {
        int p = sr_tok_punct(doc, k);

        if ((p == '.' || p == '!' || p == '?') && ++ends == 2) {
            return 0;
        }
        if (sr_tok_is(doc, k, "survived")) {
            return 1;
        }
        if (sr_tok_has(doc, k, SR_W_KILL | SR_W_DIE) || sr_tok_is(doc, k, "death")) {
            return 0;
        }
    }
    return 0;
}

static int verb_kind_of_class(const sr_doc_t *doc, size_t i)
{
    if (sr_tok_is(doc, i, "shot")) {
        /* "shot dead" kills; "shot at", "shot six women" may not */
        if (i + 1 < doc->ntok && sr_tok_is(doc, i + 1, "dead")) {
            return SR_CAS_KILLED;
        }
        return shot_in_limb(doc, i) || survived_after(doc, i) ? SR_CAS_INJURED
                                                              : -1;
    }
    if (sr_tok_is(doc, i, "death")) {
        /* "beaten to death", "the death of two civilians" */
        return to_death(doc, i) || death_of(doc, i) ? SR_CAS_KILLED : -1;
    }
    if (sr_tok_has(doc, i, SR_W_KILL | SR_W_DIE)) {
        return SR_CAS_KILLED;
    }
    if (sr_tok_has(doc, i, SR_W_INJURE)) {
        return SR_CAS_INJURED;
    }
    if (sr_tok_has(doc, i, SR_W_KIDNAP)) {
        return SR_CAS_KIDNAPPED;
    }
    if (sr_tok_has(doc, i, SR_W_ARREST)) {
        return SR_CAS_ARRESTED;
    }
    return -1;
}

/* Kin and friends, and groups that as often attack as die (herdsmen,
 * hunters' and volunteers' militias): people, but of no side ("arrested
 * two brothers" says nothing of civilians). Singular forms end in no "s". */
static const char *const kin[] = {
    "herdsmen", "herdsman", "pastoralists", "nomads", "settlers", "settler",
    "tribesmen", "tribesman", "hunters", "hunter", "volunteers", "volunteer",
    "wife",     "husband",  "wives",    "husbands", "son",      "sons",
    "daughter", "daughters", "brother", "brothers", "sister",   "sisters",
    "father",   "mother",   "fathers",  "mothers",  "parents",  "parent",
    "nephew",   "nephews",  "niece",    "nieces",   "cousin",   "cousins",
    "uncle",    "aunt",     "grandson", "granddaughter", "grandfather",
    "grandmother", "grandchildren", "siblings", "relative", "kids",
    "friend",   "friends",  "neighbour", "neighbours", "neighbor",
    "neighbors", "colleague", "colleagues", "fiancee", "fiance", NULL};

/* Words of a person's ending that name things. */
static const char *const things[] = {
    /* measures and order */
    "quarter", "percent",
    "amount", "order", "matter", "letter", "manner", "layer", "degree",
    "content", "extent", "guarantee", "meter", "metre", "kilometer",
    "kilometre", "liter", "litre", "power",
    /* places, waters and structures */
    "border", "corner", "center", "centre", "sector", "water", "river",
    "sewer", "crater", "tower", "shelter", "chamber", "cellar",
    "corridor", "barrier", "harbour", "harbor", "theater", "theatre",
    "floor", "plant", "restaurant",
    /* machines, vehicles and weapons */
    "tanker", "container", "trailer", "helicopter", "computer", "motor",
    "tractor", "generator", "transformer", "heater", "boiler", "reactor",
    "elevator", "scooter", "trawler", "freighter", "launcher",
    "poster", "coffee",
    /* happenings and bodies of people */
    "incident", "event", "accident", "committee", NULL};

static const char *const reckoning[] = {"number", "further", "other",
                                        "another", NULL};

/* w[0..n) is one of list. */
static int listed(const char *const *list, const char *w, size_t n)
{
    for (size_t k = 0; list[k] != NULL; k++) {
        if (strlen(list[k]) == n && memcmp(list[k], w, n) == 0) {
            return 1;
        }
    }
    return 0;
}

/* The spelling w[0..n) ends as a calling does: "-er", "-or", "-man",
 * "-ist", "-ian", "-ant", "-ent", "-ee"; not "-ment", which names things
 * ("a government", "a settlement"). */
static int calling_spelling(const char *w, size_t n)
{
    const char *e = w + n;

    if (n < 5) {
        return 0;
    }
    switch (e[-1]) {
    case 'r':
        return e[-2] == 'e' || e[-2] == 'o';
    case 'n':
        return (e[-2] == 'a' && (e[-3] == 'm' || e[-3] == 'i'));
    case 't':
        return (e[-2] == 's' && e[-3] == 'i') ||
               (e[-2] == 'n' && (e[-3] == 'a' || e[-3] == 'e') &&
                memcmp(e - 4, "ment", 4) != 0);
    case 'e':
        return e[-2] == 'e';
    default:
        return 0;
    }
}

/* A calling no dictionary lists, by its ending: "a cleaner", "a street
 * sweeper", "a section foreman", "an office-bearer", "a musician", "a
 * civil servant", "a trainee". Things that end so are named apart. */
static int person_by_ending(const sr_doc_t *doc, size_t i)
{
    const sr_tok_t *t = &doc->toks[i];

    return t->kind == SR_TOK_WORD && !t->cap &&
           !sr_tok_has(doc, i, SR_W_UNIT | SR_W_TRIGGER) &&
           !sr_tok_in(doc, i, things) && !sr_tok_in(doc, i, reckoning) &&
           calling_spelling(doc->text + t->start, t->len);
}

/* "two of its occupants", "five street sweepers": callings by their
 * ending, in the plural ("transformers" stay things). */
static int callings_by_ending(const sr_doc_t *doc, size_t i)
{
    const sr_tok_t *t = &doc->toks[i];
    const char *w = doc->text + t->start;

    return t->kind == SR_TOK_WORD && !t->cap && t->len > 5 &&
           w[t->len - 1] == 's' && w[t->len - 2] != 's' &&
           !sr_tok_has(doc, i, SR_W_UNIT | SR_W_TRIGGER) &&
           calling_spelling(w, t->len - 1) &&
           !listed(things, w, t->len - 1) && !listed(reckoning, w, t->len - 1);
}

static sr_victim_t victim_of(const sr_doc_t *doc, size_t i)
{
    static const char *const people[] = {"suspects", "individuals",
                                         "youths", "hostages", "captives",
                                         "combatants", "combatant", NULL};

    if (sr_tok_has(doc, i, SR_W_PERP)) {
        return SR_VICTIM_PERPETRATORS;
    }
    if (sr_tok_has(doc, i, SR_W_VICT_SEC)) {
        return SR_VICTIM_SECURITY;
    }
    if (sr_tok_has(doc, i, SR_W_VICT_CIV | SR_W_PROTEST)) {
        return SR_VICTIM_CIVILIANS; /* ACLED: protesters are civilians */
    }
    return sr_tok_in(doc, i, people) || sr_tok_in(doc, i, kin)
               ? SR_VICTIM_OTHER
               : SR_VICTIM_UNKNOWN;
}

static int is_sub_count(const sr_doc_t *doc, size_t tb, size_t i)
{
    if (i > tb + 1 && sr_tok_is(doc, i - 1, "them")) {
        i--; /* "among them two boys" */
    }
    return i > tb && (sr_tok_is(doc, i - 1, "including") ||
                      sr_tok_is(doc, i - 1, "includes") ||
                      sr_tok_is(doc, i - 1, "among"));
}

static void finish(sr_cas_hit_t *h, int kind, sr_victim_t victim)
{
    h->kind = (kind == SR_CAS_KILLED && victim == SR_VICTIM_PERPETRATORS)
                  ? SR_CAS_KILLED_PERP
                  : (sr_cas_kind_t)kind;
    h->victim = victim;
}

/* ", 22 in all," or ", 22 in total": the count at j states a total. */
static int stated_total(const sr_doc_t *doc, size_t j, size_t te,
                        sr_qcount_t *c)
{
    size_t n = sr_count_at(doc, j, te, c);

    return n > 0 && c->qual != SR_QUAL_NONZERO_UNKNOWN && j + n + 1 < te &&
           sr_tok_is(doc, j + n, "in") &&
           (sr_tok_is(doc, j + n + 1, "all") ||
            sr_tok_is(doc, j + n + 1, "total"));
}

static int one_person(const sr_doc_t *doc, size_t j, size_t te,
                      sr_qcount_t *c);
static int singular_person(const sr_doc_t *doc, size_t i);

/* A list's next item at a, "and" before it or not: a count or one
 * person. */
static int list_item(const sr_doc_t *doc, size_t a, size_t te)
{
    sr_qcount_t c;

    if (a < te && sr_tok_is(doc, a, "and")) {
        a++;
    }
    return a < te && (sr_count_at(doc, a, te, &c) > 0 ||
                      one_person(doc, a, te, &c));
}

/* ", including four gendarmes," inside "six people, including four
 * gendarmes, were killed", ", most of them Swiss and Dutch tourists,":
 * the token after the comma that closes the aside, or 0. The aside may
 * hold commas of its own, so it closes at the comma before an auxiliary
 * or a casualty verb. A stated total (", 22 in all,") is written to
 * total. After a people noun any aside may stand (open): "two militants,
 * reportedly from the Front, were killed". An attacker named inside sets
 * *perps: the count already holds him. */
/* ", the driver included,": a part of the toll told after it. */
static int included_aside(const sr_doc_t *doc, size_t j, size_t te)
{
    for (size_t k = j + 1; k + 1 < te && k < j + 6; k++) {
        if (sr_tok_is(doc, k, "included")) {
            return sr_tok_punct(doc, k + 1) == ',';
        }
        if (doc->toks[k].kind != SR_TOK_WORD) {
            return 0;
        }
    }
    return 0;
}

static size_t skip_aside(const sr_doc_t *doc, size_t j, size_t te, int open,
                         sr_qcount_t *total, int *has_total, int *perps)
{
    static const char *const openers[] = {"including", "among", "mostly",
                                          "most", "many", "all", "both",
                                          NULL};
    sr_qcount_t c;
    size_t n;
    int is_total;

    if (sr_tok_punct(doc, j) != ',' || j + 1 >= te) {
        return 0;
    }
    is_total = stated_total(doc, j + 1, te, &c);
    if (!is_total && !sr_tok_in(doc, j + 1, openers) &&
        !included_aside(doc, j + 1, te)) {
        /* ", fourteen of them German tourists,"; after a people noun any
         * aside but a list's next item ("two soldiers, three policemen") */
        n = sr_count_at(doc, j + 1, te, &c);
        if ((n == 0 || j + 1 + n >= te || !sr_tok_is(doc, j + 1 + n, "of")) &&
            (!open || list_item(doc, j + 1, te))) {
            return 0;
        }
    }
    for (size_t k = j + 2; k + 1 < te && k < j + 16; k++) {
        if (sr_tok_punct(doc, k) == ',' &&
            (sr_tok_has(doc, k + 1, SR_W_AUX) || verb_kind(doc, k + 1) >= 0)) {
            if (is_total) {
                *total = c;
                *has_total = 1;
            }
            for (size_t q = j + 1; q < k; q++) {
                *perps |= sr_tok_has(doc, q, SR_W_PERP);
            }
            return k + 1;
        }
    }
    return 0;
}

/* How and how badly, between a subject and its casualty verb: "were
 * hacked or shot to death", "were seriously injured". */
static const char *const manner[] = {
    "or",        "shot",     "stabbed",   "hacked",    "beaten",
    "burned",    "burnt",    "tortured",  "strangled", "stoned",
    "clubbed",   "bludgeoned", "slashed", "seriously", "critically",
    "badly",     "slightly", "lightly",   "gravely",   "severely",
    "mortally",  "fatally",  "moderately", "reportedly", "allegedly",
    "later",     "subsequently", "also",  "then",      "to", NULL};

static int is_gap_filler(const sr_doc_t *doc, size_t j)
{
    static const char *const fillers[] = {"of", "the", "them", "whom",
                                          "those", "taken", "held", "more",
                                          "other", "others", "also", "his",
                                          "her", "their", "its", "needed",
                                          "required", "hospital", "sought",
                                          "received", "needing", "medical",
                                          NULL};
    return sr_tok_has(doc, j, SR_W_AUX) || sr_tok_in(doc, j, fillers) ||
           sr_tok_in(doc, j, manner);
}

/* "two soldiers (names) were killed": the token after the closing
 * bracket, or 0. */
static size_t skip_brackets(const sr_doc_t *doc, size_t j, size_t te)
{
    if (sr_tok_punct(doc, j) != '(') {
        return 0;
    }
    for (size_t k = j + 1; k < te && k < j + 12; k++) {
        if (sr_tok_punct(doc, k) == ')') {
            return k + 1;
        }
    }
    return 0;
}

/* A verb's object after it ("shot dead a volunteer", "killed two
 * soldiers"): the words before the verb name who acted. */
static int has_object(const sr_doc_t *doc, size_t v, size_t te)
{
    static const char *const dets[] = {"a", "an", "the", "his", "her",
                                       "their", "him", "them", NULL};
    size_t k = v + 1;
    sr_qcount_t c;

    if (life_lost(doc, v)) {
        return 0; /* "lost their lives" */
    }
    if (k < te && sr_tok_is(doc, k, "dead")) {
        k++;
    }
    return k < te && (sr_tok_in(doc, k, dets) || sr_count_at(doc, k, te, &c) > 0);
}

/* After "and" at a: a casualty verb, past a few adverbs, with an object
 * of its own ("and later killed two of them"). */
static int and_acts(const sr_doc_t *doc, size_t a, size_t te)
{
    for (size_t k = a; k < te && k < a + 3; k++) {
        if (verb_kind(doc, k) >= 0) {
            return has_object(doc, k, te);
        }
        if (!sr_tok_in(doc, k, manner)) {
            return 0;
        }
    }
    return 0;
}

/* "hostages" at j is the subject of a killing or wounding verb within a
 * few auxiliaries: "20 hostages were killed", "130 hostages died". */
static int hostages_hurt(const sr_doc_t *doc, size_t j, size_t te)
{
    static const char *const taking[] = {"took", "take", "takes", "taking",
                                         "seized", "seizing", "holding",
                                         "held", "taken", "grabbed", NULL};
    int list_ok = 1;

    if (!sr_tok_is(doc, j, "hostages") ||
        (j > 0 && (sr_tok_is(doc, j - 1, "taken") ||
                   sr_tok_is(doc, j - 1, "held")))) {
        return 0;
    }
    /* "took 12 hostages and two soldiers were killed": the hostages are
     * the taking's, not a part of the dead */
    for (size_t k = j; k > 0 && k + 4 > j; k--) {
        list_ok &= !sr_tok_in(doc, k - 1, taking);
    }
    for (size_t k = j + 1; k < te && k < j + 8; k++) {
        int kind = verb_kind(doc, k);
        int64_t n;
        sr_numkind_t nk;

        if (kind == SR_CAS_KILLED || kind == SR_CAS_INJURED) {
            return 1;
        }
        if (sr_tok_is(doc, k, "and") && and_acts(doc, k + 1, te)) {
            return 0; /* "took 30 hostages and later killed two of them" */
        }
        /* "20 hostages and two police officers were killed", "eight
         * hostages and the gunman were dead": a list of the dead */
        if (!sr_tok_has(doc, k, SR_W_AUX) &&
            !(list_ok &&
              (sr_tok_is(doc, k, "and") || sr_tok_is(doc, k, "the") ||
               victim_of(doc, k) != 0 || singular_person(doc, k) ||
               sr_num_at(doc, k, te, &n, &nk) > 0))) {
            return 0;
        }
    }
    return 0;
}

/* "were burned" after people: hurt by fire; "burned to death", "burned
 * alive" and "burned down" are not wounds. */
static int hurt_by_fire(const sr_doc_t *doc, size_t j, size_t te)
{
    static const char *const fatal[] = {"to", "alive", "down", "out", NULL};

    return (sr_tok_is(doc, j, "burned") || sr_tok_is(doc, j, "burnt")) &&
           !(j + 1 < te && sr_tok_in(doc, j + 1, fatal));
}

/* "burned alive", "burnt alive": a death by fire. */
static int burned_alive(const sr_doc_t *doc, size_t j, size_t te)
{
    return (sr_tok_is(doc, j, "burned") || sr_tok_is(doc, j, "burnt")) &&
           j + 1 < te && sr_tok_is(doc, j + 1, "alive");
}

/* "who tried to flee were": a relative clause after the people, up to
 * the auxiliary of the main clause; the token of that auxiliary, or 0. */
static size_t relative_clause(const sr_doc_t *doc, size_t j, size_t te)
{
    if (!sr_tok_is(doc, j, "who")) {
        return 0;
    }
    for (size_t k = j + 2; k + 1 < te && k < j + 9; k++) {
        if (doc->toks[k].kind != SR_TOK_WORD) {
            return 0;
        }
        if (sr_tok_has(doc, k, SR_W_AUX) && verb_kind(doc, k + 1) >= 0) {
            return k;
        }
    }
    return 0;
}

/* The full stop of an initial: "U.S. servicemen", "U.N. staff". */
static int initial_dot(const sr_doc_t *doc, size_t j)
{
    return sr_tok_punct(doc, j) == '.' && j > 0 &&
           doc->toks[j - 1].kind == SR_TOK_WORD && doc->toks[j - 1].len == 1 &&
           doc->toks[j - 1].cap;
}

/* count [people words] [aux] VERB: "53 soldiers died" */
static int count_then_verb(const sr_doc_t *doc, size_t te,
                           const sr_qcount_t *c, sr_cas_hit_t *h)
{
    sr_victim_t victim = SR_VICTIM_UNKNOWN;
    sr_qcount_t total;
    int plain = 0, steps = 0, has_total = 0, perps = 0, among = 0, aux = 0;

    for (size_t j = c->te; j < te && steps < MAX_GAP; j++, steps++) {
        int kind = verb_kind(doc, j);
        const sr_tok_t *t = &doc->toks[j];
        size_t next;

        aux |= sr_tok_has(doc, j, SR_W_AUX);
        if (kind < 0 && j > 0 && sr_tok_has(doc, j - 1, SR_W_AUX) &&
            !sr_tok_is(doc, j - 1, "and")) {
            if (hurt_by_fire(doc, j, te) ||
                (sr_tok_is(doc, j, "hit") && shot_in_limb(doc, j))) {
                kind = SR_CAS_INJURED; /* "two officers were burned", "one
                                          deputy was hit in the shoulder" */
            } else if (burned_alive(doc, j, te)) {
                kind = SR_CAS_KILLED; /* "13 people were burned alive" */
            }
        }
        if (t->kind == SR_TOK_WORD && victim != SR_VICTIM_UNKNOWN &&
            (next = relative_clause(doc, j, te)) > 0) {
            j = next - 1; /* "2 passengers who tried to flee were shot
                             dead" */
            continue;
        }

        if (kind == SR_CAS_KIDNAPPED && hostages_hurt(doc, j, te)) {
            victim = victim_of(doc, j); /* "20 hostages were killed" */
            continue;
        }
        if (kind >= 0 && j > c->te + 1 && sr_tok_is(doc, j - 1, "the") &&
            sr_tok_is(doc, j - 2, "of")) {
            continue; /* "two of the injured died later": a noun */
        }
        if (kind >= 0 && !(sr_tok_is(doc, j, "hostage") &&
                           !sr_tok_is(doc, j - 1, "taken") &&
                           !sr_tok_is(doc, j - 1, "held"))) {
            if (plain > 2 || (plain > 0 && victim == SR_VICTIM_UNKNOWN &&
                              c->best != 1)) {
                return 0; /* "two helicopters ... killed": not people */
            }
            if (!aux && has_object(doc, j, te)) {
                return 0; /* "two gunmen shot dead a volunteer": the
                             count is who did it */
            }
            h->count = has_total ? total : *c;
            h->total = has_total;
            h->with_perps = perps;
            h->within = among;
            h->verb = j;
            h->tb = c->tb;
            h->te = j + 1;
            finish(h, kind, victim);
            return 1;
        }
        if ((next = skip_aside(doc, j, te, victim != SR_VICTIM_UNKNOWN,
                               &total, &has_total, &perps)) > 0 ||
            (next = skip_brackets(doc, j, te)) > 0) {
            j = next - 1;
            continue;
        }
        if (sr_tok_is(doc, j, "and") && sr_tok_is(doc, c->tb, "both")) {
            /* "both the driver and the guard": two in all; "both
             * soldiers and civilians": two sides, no number */
            if (!singular_person(doc, j - 1)) {
                return 0;
            }
            continue;
        }
        if ((sr_tok_is(doc, j, "and") ||
             (sr_tok_punct(doc, j) == ',' && victim != SR_VICTIM_UNKNOWN &&
              list_item(doc, j + 1, te))) &&
            j + 1 < te) {
            sr_qcount_t c2;
            sr_cas_hit_t h2;
            size_t a = j + 1;

            if (sr_tok_is(doc, a, "and") && a + 1 < te) {
                a++; /* ", three policemen, and four civilians" */
            }
            if (sr_tok_is(doc, a, "the") && a + 1 < te) {
                a++; /* "nine civilians and the five attackers" */
            }
            if (sr_tok_phrase(doc, a, te, "an unknown number of")) {
                /* "nine soldiers and an unknown number of militants":
                 * only the nine are known */
                j = a + 3;
                continue;
            }
            /* "two soldiers and five militants were killed", "nine
             * employees and a civilian were killed" */
            if (sr_count_at(doc, a, te, &c2) > 0 ||
                one_person(doc, a, te, &c2)) {
                memset(&h2, 0, sizeof(h2));
                if (!count_then_verb(doc, te, &c2, &h2)) {
                    return 0;
                }
                int perp2 = h2.kind == SR_CAS_KILLED_PERP;
                int apart = (perp2 || h2.kind == SR_CAS_KILLED) &&
                            perp2 != (victim == SR_VICTIM_PERPETRATORS);

                h->count = *c;
                h->verb = h2.verb;
                h->tb = c->tb;
                h->te = j;
                if (h2.total) {
                    /* "20 hostages and two officers, 22 in total," */
                    h->count = h2.count;
                    h->total = 1;
                    h->te = h2.te;
                } else if (!apart && c->qual == SR_QUAL_EXACT &&
                           h2.count.qual == SR_QUAL_EXACT) {
                    /* same side: one total; attackers stay apart, either
                     * first ("ten insurgents and two soldiers") or second */
                    h->count.best += h2.count.best;
                    h->count.low = h->count.high = h->count.best;
                    h->count.te = h2.count.te;
                    h->te = h2.te;
                }
                finish(h, h2.kind == SR_CAS_KILLED_PERP ? SR_CAS_KILLED
                                                        : (int)h2.kind,
                       victim);
                return 1;
            }
            continue; /* "nine soldiers and militia members were killed" */
        }
        if (sr_tok_in(doc, j, manner)) {
            if (!aux && has_object(doc, j, te)) {
                return 0; /* "three men hacked a priest to death": who
                             did it */
            }
            continue;
        }
        if (sr_tok_is(doc, j, "among")) {
            among = 1; /* "were among the dead", "among those killed" */
            continue;
        }
        if (t->kind == SR_TOK_NUM || sr_tok_has(doc, j, SR_W_UNIT) ||
            (sr_tok_has(doc, j, SR_W_TRIGGER) && victim_of(doc, j) == 0)) {
            return 0; /* "15 protesters were killed" is fine */
        }
        if (t->kind == SR_TOK_PUNCT && sr_tok_punct(doc, j) != '-' &&
            sr_tok_punct(doc, j) != '"' && !initial_dot(doc, j)) {
            return 0;
        }
        if (victim == SR_VICTIM_UNKNOWN && victim_of(doc, j) != 0) {
            victim = victim_of(doc, j);
        } else if (t->kind == SR_TOK_WORD && victim_of(doc, j) == 0 &&
                   !is_gap_filler(doc, j) && !t->cap) {
            if (sr_tok_in(doc, j, things)) {
                return 0; /* "one transformer and two guards": a thing */
            }
            if (callings_by_ending(doc, j)) {
                victim = victim == SR_VICTIM_UNKNOWN ? SR_VICTIM_OTHER
                                                     : victim;
                continue; /* "two of its occupants" */
            }
            plain++; /* "two Israeli adults": names and demonyms are fine */
        }
    }
    return 0;
}

static int singular_person(const sr_doc_t *doc, size_t i)
{
    static const char *const plurals[] = {"police", "army", "personnel",
                                          "family", "people", "children",
                                          "staff", "crew", "aid", NULL};
    const sr_tok_t *t = &doc->toks[i];
    const char *end = doc->text + t->start + t->len;

    /* plurals in "-men" too: "men", "gunmen", "policemen" */
    return (sr_tok_has(doc, i, SR_W_VICT_CIV | SR_W_VICT_SEC | SR_W_PERP) ||
            sr_tok_in(doc, i, kin)) &&
           end[-1] != 's' &&
           !(t->len >= 3 && strncmp(end - 3, "men", 3) == 0) &&
           !sr_tok_in(doc, i, plurals);
}

/* "22-year-old": an age before a person, not a count of people. Returns
 * its length in tokens up to "old" (1 when only "22-" is sure), or 0. */
static size_t age_at(const sr_doc_t *doc, size_t k, size_t te)
{
    if (doc->toks[k].kind != SR_TOK_NUM || k + 1 >= te ||
        sr_tok_punct(doc, k + 1) != '-') {
        return 0;
    }
    return k + 4 < te && sr_tok_punct(doc, k + 3) == '-' &&
                   sr_tok_is(doc, k + 4, "old")
               ? 5
               : 1;
}

static void set_one(sr_qcount_t *c, size_t tb, size_t te)
{
    c->best = c->low = c->high = 1;
    c->qual = SR_QUAL_EXACT;
    c->tb = tb;
    c->te = te;
}

/* "a civilian", "a police officer", "traditional leader X": one person. */
static int one_person(const sr_doc_t *doc, size_t j, size_t te,
                      sr_qcount_t *c)
{
    size_t start = j, words = 4;

    if (j < te && (sr_tok_is(doc, j, "a") || sr_tok_is(doc, j, "an"))) {
        j++;
        words = 5; /* "a South-west administration Govt soldier" */
    }
    for (size_t k = j; k < te && k < j + 7 && words > 0; k++) {
        if (sr_tok_punct(doc, k) == '-') {
            continue;
        }
        if (age_at(doc, k, te) > 0) {
            k += age_at(doc, k, te) - 1; /* "the 18-year-old attacker" */
            continue;
        }
        if (doc->toks[k].kind != SR_TOK_WORD) {
            return 0;
        }
        words--;
        if (singular_person(doc, k) ||
            (k + 1 < te && sr_tok_is(doc, k, "head") &&
             sr_tok_is(doc, k + 1, "of"))) {
            /* "the head of the village council" leads it */
            set_one(c, start, k + 1);
            return 1;
        }
        if (sr_tok_has(doc, k, SR_W_UNIT | SR_W_TRIGGER)) {
            return 0;
        }
    }
    return 0;
}

/* Words that end a noun phrase after its head. */
static const char *const np_ends[] = {
    "in",  "of",     "at",    "outside", "near",  "on",     "with",
    "as",  "while",  "and",   "to",      "during", "from",  "who",
    "after", "before", "inside", "when",  "dead",  "for",    "by",
    "whom", "whose", "along", "into",   "over",  "late",   "early",
    NULL};

/* "injuring a cleaner", "shot a 22-year-old man", "gunned down a former
 * sarpanch": "a" and a few words whose last, before a preposition or the
 * clause's end, is one person by the dictionary or by its ending. */
static int someone(const sr_doc_t *doc, size_t j, size_t te, sr_qcount_t *c)
{
    const char *const *ends = np_ends;
    size_t k, head = 0;

    if (j >= te || !(sr_tok_is(doc, j, "a") || sr_tok_is(doc, j, "an"))) {
        return 0;
    }
    for (k = j + 1; k < te && k < j + 8; k++) {
        const sr_tok_t *t = &doc->toks[k];

        if (age_at(doc, k, te)) {
            continue; /* "a 22-year-old man" */
        }
        if ((t->kind == SR_TOK_PUNCT && sr_tok_punct(doc, k) == '-') ||
            sr_tok_is(doc, k, "'s")) {
            continue; /* "a priest's assistant" */
        }
        if (t->kind != SR_TOK_WORD || sr_tok_in(doc, k, ends) ||
            sr_tok_has(doc, k, SR_W_NUMWORD)) {
            break; /* "a foreman six times" */
        }
        head = k;
    }
    if (head == 0 || k == j + 8 ||
        !(singular_person(doc, head) || person_by_ending(doc, head))) {
        return 0;
    }
    set_one(c, j, head + 1);
    return 1;
}

/* "killing one and injuring another", "wounded a second": one more, the
 * people noun after it or not. */
static int another_one(const sr_doc_t *doc, size_t j, size_t te,
                       sr_qcount_t *c)
{
    static const char *const ordinals[] = {"second", "third", "fourth",
                                           NULL};
    size_t k = j;
    sr_qcount_t more;

    if (k < te && sr_tok_is(doc, k, "another")) {
        k++;
    } else if (k + 1 < te && sr_tok_is(doc, k, "a") &&
               sr_tok_in(doc, k + 1, ordinals)) {
        k += 2;
    } else {
        return 0;
    }
    /* "another 20 people" is a count of its own; "a second time" no
     * person */
    if (sr_count_at(doc, k, te, &more) > 0) {
        return 0;
    }
    if (k < te && singular_person(doc, k)) {
        k++;
    } else if (k < te && doc->toks[k].kind == SR_TOK_WORD &&
               !sr_tok_in(doc, k, np_ends)) {
        return 0; /* "a second time", "another attack" */
    }
    set_one(c, j, k);
    return 1;
}

/* Words between a subject and its casualty verb. */
static const char *const adverbs[] = {
    "also", "reportedly", "allegedly", "later", "fatally", "seriously",
    "critically", "badly", "then", "subsequently", "found", "to", "shot",
    "stabbed", "beaten", "hacked", "burned", "tortured", "and", "attacked",
    "assaulted", "slightly", "lightly", "gravely", "severely", "mortally",
    "moderately", NULL};

/* The start of one person named by a noun phrase ending at token n: a
 * determiner and a few modifiers before a singular people noun ("the
 * suicide bomber", "a CPI(M) worker", "the councillor's son", "a
 * passer-by"), or NO_START. */
static size_t singular_subject(const sr_doc_t *doc, size_t tb, size_t n)
{
    static const char *const dets[] = {"the", "a", "an", "his", "her",
                                       "their", "one", NULL};
    size_t start;

    if (n > tb + 1 && sr_tok_is(doc, n, "by") && sr_tok_punct(doc, n - 1) == '-') {
        n -= 2; /* "a passer-by" */
    }
    if (n < tb + 1 || !(singular_person(doc, n) || person_by_ending(doc, n))) {
        return NO_START;
    }
    for (start = n - 1; !sr_tok_in(doc, start, dets); start--) {
        int p = sr_tok_punct(doc, start);

        if (start <= tb || start + 6 < n ||
            (doc->toks[start].kind != SR_TOK_WORD && p != '(' && p != ')' &&
             p != '-' && !sr_tok_is(doc, start, "'s"))) {
            return NO_START;
        }
    }
    return start;
}

static void one_hit(const sr_doc_t *doc, sr_cas_hit_t *h, int kind,
                    size_t start, size_t head, size_t verb)
{
    memset(h, 0, sizeof(*h));
    h->verb = verb;
    h->tb = start;
    h->te = verb + 1;
    set_one(&h->count, start, verb + 1);
    finish(h, kind, victim_of(doc, head));
}

/* One person as the subject of the verb at token verb, ending before
 * token w past a few adverbs and, when aside, a comma-bound aside: the
 * hit of that person. */
static int subject_hit(const sr_doc_t *doc, size_t tb, size_t w, int aside,
                       int kind, size_t verb, sr_cas_hit_t *h)
{
    size_t start;

    while (w > tb && sr_tok_in(doc, w - 1, adverbs)) {
        w--;
    }
    if (aside && w > tb + 1 && sr_tok_punct(doc, w - 1) == ',') {
        /* "the sergeant, walking to his car, suffered cuts" */
        size_t k = w - 1;

        while (k > tb && k + 12 > w && sr_tok_punct(doc, k - 1) != ',') {
            k--;
        }
        if (k == tb || k + 12 <= w) {
            return 0;
        }
        w = k - 1;
    }
    if (w < tb + 2 || (start = singular_subject(doc, tb, w - 1)) == NO_START) {
        return 0;
    }
    one_hit(doc, h, kind, start, w - 1, verb);
    return 1;
}

/* "the bomber also died", "a young soldier later died": one named
 * person and an intransitive verb, with no "was" to find. */
static int singular_died(const sr_doc_t *doc, size_t tb, size_t i,
                         sr_cas_hit_t *h)
{
    static const char *const verbs[] = {"died", "dies", "perished", NULL};
    size_t w = i;

    if (!sr_tok_in(doc, i, verbs) && !life_lost(doc, i)) {
        return 0;
    }
    while (w > tb && sr_tok_in(doc, w - 1, adverbs)) {
        w--;
    }
    /* "he was shot in the head and died in hospital": the subject of the
     * clause before "and" */
    for (size_t a = i; a > w; a--) {
        if (sr_tok_is(doc, a - 1, "and")) {
            w = a;
            break;
        }
    }
    if (w > tb + 3 && sr_tok_is(doc, w - 1, "and")) {
        for (size_t k = w - 2; k > tb && k + 12 > w; k--) {
            if (doc->toks[k].kind == SR_TOK_PUNCT && sr_tok_punct(doc, k) != '-') {
                break;
            }
            if (sr_tok_is(doc, k, "was")) {
                w = k;
                break;
            }
        }
    }
    /* "he later died in hospital": one person, whoever he is */
    if (w > tb && (sr_tok_is(doc, w - 1, "he") || sr_tok_is(doc, w - 1, "she")) &&
        !(w > tb + 1 && (sr_tok_is(doc, w - 2, "who") ||
                         sr_tok_is(doc, w - 2, "if")))) {
        one_hit(doc, h, SR_CAS_KILLED, w - 1, w - 1, i);
        return 1;
    }
    return subject_hit(doc, tb, w, 0, SR_CAS_KILLED, i, h);
}

/* "a passer-by suffered burns", "the driver survived with gunshot
 * wounds", "the sergeant, walking to his car, suffered cuts": one person
 * and the wound the verb carries. */
static int singular_hurt(const sr_doc_t *doc, size_t tb, size_t i,
                         sr_cas_hit_t *h)
{
    static const char *const wounds[] = {"burns", "cuts", "fractures",
                                         "bruises", "wounds", "injuries",
                                         NULL};
    size_t w;

    return sr_tok_in(doc, i, wounds) && (w = injury_carrier(doc, i)) > 0 &&
           subject_hit(doc, tb, w, 1, SR_CAS_INJURED, i, h);
}

/* A name of one to three words that opens the clause at tb and ends
 * before "and" or a comma at w: "Ahmed", "Ali Khan" ("Ali Khan, his
 * driver and a guard"). */
static int name_opens(const sr_doc_t *doc, size_t tb, size_t w)
{
    if (w < tb + 1 || w > tb + 3 ||
        !(sr_tok_is(doc, w, "and") || sr_tok_punct(doc, w) == ',')) {
        return 0;
    }
    if (sr_tok_punct(doc, w) == ',' && w + 1 < doc->ntok &&
        (sr_tok_is(doc, w + 1, "a") || sr_tok_is(doc, w + 1, "an"))) {
        return 0; /* "Father Ali, a priest, and a nun": who he is */
    }
    for (size_t k = tb; k < w; k++) {
        if (doc->toks[k].kind != SR_TOK_WORD || !doc->toks[k].cap ||
            doc->toks[k].lex != NULL) {
            return 0;
        }
    }
    return 1;
}

/* Prepositions of a victim's place or belonging. */
static const char *const victim_preps[] = {"of", "in", "at", "from", NULL};

/* A word inside such a phrase: no verb, no event, no number. */
static int tail_word(const sr_doc_t *doc, size_t q)
{
    return doc->toks[q].kind == SR_TOK_WORD && verb_kind(doc, q) < 0 &&
           !sr_tok_has(doc, q, SR_W_AUX | SR_W_TRIGGER);
}

/* The preposition opening a short phrase of place or belonging that ends
 * before token w: "in Sydney" in "the consul general in Sydney and his
 * bodyguard"; else NO_START. */
static size_t victim_tail_before(const sr_doc_t *doc, size_t tb, size_t w)
{
    for (size_t q = w - 1; q > tb + 1 && q + 5 > w; q--) {
        if (sr_tok_in(doc, q, victim_preps)) {
            return q + 1 < w ? q : NO_START;
        }
        if (!tail_word(doc, q)) {
            return NO_START;
        }
    }
    return NO_START;
}

/* "The judge and his driver died", "a passer-by and a security guard
 * were wounded", "a teacher, a nurse and a pupil were killed": people
 * named one by one, each a singular noun, and counted. */
static int people_list(const sr_doc_t *doc, size_t tb, size_t i,
                       sr_cas_hit_t *h)
{
    static const char *const plural_verbs[] = {"died", "perished", NULL};
    int kind = verb_kind(doc, i);
    size_t w = i, n = 0, first = NO_START, head = 0;

    if (kind != SR_CAS_KILLED && kind != SR_CAS_INJURED) {
        return 0;
    }
    while (w > tb && sr_tok_in(doc, w - 1, adverbs)) {
        w--;
    }
    if (!sr_tok_in(doc, i, plural_verbs) && !life_lost(doc, i)) {
        if (w < tb + 1 || !sr_tok_is(doc, w - 1, "were")) {
            return 0;
        }
        w--;
    }
    while (w > tb) {
        size_t start = singular_subject(doc, tb, w - 1), p;

        if (start == NO_START && n > 0 &&
            (p = victim_tail_before(doc, tb, w)) != NO_START) {
            start = singular_subject(doc, tb, p - 1); /* "the consul
                                                         general in Sydney" */
        }
        if (start == NO_START && n > 0 && name_opens(doc, tb, w)) {
            n++; /* "Ahmed and his brother were killed" */
            first = tb;
            break;
        }
        if (start == NO_START) {
            break;
        }
        if (n == 0) {
            head = w - 1;
        }
        n++;
        first = start;
        w = start;
        if (w > tb && sr_tok_is(doc, w - 1, "and")) {
            w--;
            if (w > tb && sr_tok_punct(doc, w - 1) == ',') {
                w--;
            }
        } else if (w > tb && sr_tok_punct(doc, w - 1) == ',' && n == 1) {
            break; /* the last item comes after "and" */
        } else if (w > tb && sr_tok_punct(doc, w - 1) == ',') {
            w--;
        } else {
            break;
        }
    }
    if (n < 2 || first == NO_START) {
        return 0;
    }
    one_hit(doc, h, kind, first, head, i);
    h->count.best = h->count.low = h->count.high = (int64_t)n;
    return 1;
}

/* An attacker or an attack told in [tb, e): "the gunman fired ...", "a
 * man attacked shoppers before police shot him dead" speak of him (GTD
 * counts him among the dead); "police shot him dead" alone may be
 * anyone. */
static int attacker_named(const sr_doc_t *doc, size_t tb, size_t e)
{
    for (size_t k = tb; k < e; k++) {
        if (sr_tok_has(doc, k, SR_W_PERP | SR_W_TRIGGER)) {
            return 1;
        }
    }
    return 0;
}

/* "... before he was shot dead by police": the attacker named earlier in
 * the sentence, killed by the security forces after "by". */
static int killed_by_security(const sr_doc_t *doc, size_t tb, size_t te,
                              size_t subj, size_t after)
{
    if (!sr_tok_is(doc, subj, "he") && !sr_tok_is(doc, subj, "she")) {
        return 0;
    }
    if (after >= te || !sr_tok_is(doc, after, "by")) {
        return 0;
    }
    for (size_t k = after + 1; k < te && k < after + 4; k++) {
        if (sr_tok_has(doc, k, SR_W_VICT_SEC | SR_W_POLICE)) {
            return attacker_named(doc, tb, subj);
        }
    }
    return 0;
}

/* "the civilian was killed", "Slim was shot and killed": "was" makes it
 * one person, unless "no one was ..." or "it was ...". */
static int singular_passive(const sr_doc_t *doc, size_t tb, size_t te,
                            size_t i, sr_cas_hit_t *h)
{
    static const char *const not_people[] = {"it", "this", "that", "which",
                                             "nothing", "one", "nobody",
                                             "none", "what", NULL};
    int kind = verb_kind(doc, i), alive = 0;
    size_t w = i;

    if (kind < 0 && burned_alive(doc, i, te)) {
        kind = SR_CAS_KILLED; /* "a herder was burnt alive", as "13 people
                                 were burned alive" */
        alive = 1;
    }
    if (kind < 0 || sr_tok_is(doc, i, "hostage") ||
        sr_tok_is(doc, i, "hostages") ||
        (sr_tok_has(doc, i, SR_W_DIE) && !sr_tok_is(doc, i, "dead"))) {
        return 0; /* "was found dead" counts; "deaths" does not */
    }
    /* "was shot and killed": the first verb already counted */
    while (w > tb && (sr_tok_in(doc, w - 1, adverbs) ||
                      verb_kind(doc, w - 1) >= 0)) {
        w--;
    }
    if (w < tb + 2 || !sr_tok_is(doc, w - 1, "was") ||
        sr_tok_in(doc, w - 2, not_people)) {
        return 0;
    }
    memset(h, 0, sizeof(*h));
    h->verb = i;
    h->tb = w - 2;
    h->te = i + 1 + (size_t)alive;
    if (h->te < te && sr_tok_is(doc, h->te, "dead")) {
        h->te++; /* "was shot dead": one hit */
    }
    /* "was shot and killed": one person, one hit */
    while (h->te + 1 < te && sr_tok_is(doc, h->te, "and") &&
           verb_kind(doc, h->te + 1) >= 0) {
        h->te += 2;
        if (verb_kind(doc, h->te - 1) == SR_CAS_KILLED) {
            kind = SR_CAS_KILLED;
            h->verb = h->te - 1;
        }
    }
    set_one(&h->count, w - 2, h->te);
    finish(h, kind,
           singular_person(doc, w - 2) ? victim_of(doc, w - 2)
           : kind == SR_CAS_KILLED &&
                   killed_by_security(doc, tb, te, w - 2, h->te)
               ? SR_VICTIM_PERPETRATORS
               : SR_VICTIM_UNKNOWN);
    return 1;
}

/* The people noun after a count at j ("13 soldiers", "two Afghan
 * soldiers"): writes its side to victim and returns the token after the
 * count's phrase; 0 when a unit follows ("2 hours"). */
static size_t victim_after(const sr_doc_t *doc, size_t j, size_t te,
                           sr_victim_t *victim)
{
    static const char *const owners[] = {"his", "her", "their", "its",
                                         "the", NULL};

    if (j + 2 < te && sr_tok_is(doc, j, "of") && sr_tok_in(doc, j + 1, owners) &&
        victim_of(doc, j + 2) != 0) {
        j += 2; /* "two of his children" */
    }
    for (size_t k = j; k < te && k < j + 3; k++) {
        if (sr_tok_has(doc, k, SR_W_UNIT) ||
            (doc->toks[k].len >= 5 && !doc->toks[k].cap &&
             sr_tok_in(doc, k, things))) {
            return 0; /* "2 hours", "one transformer" */
        }
        if (victim_of(doc, k) != 0) {
            *victim = victim_of(doc, k);
            return k + 1;
        }
        if (doc->toks[k].kind != SR_TOK_WORD || !doc->toks[k].cap) {
            return k;
        }
    }
    return j + 3 < te ? j + 3 : te;
}

static void and_victims(const sr_doc_t *doc, size_t te, size_t k,
                        sr_cas_hit_t *h);

/* "shot him dead", "killed him": one victim named by a pronoun. Not
 * "threatened to kill him" or "would kill her", and "her" only when no
 * noun follows ("killed her husband" says nothing of her). Victims listed
 * after it join the count as they do after "wounding him" ("killing him
 * and two of his children"); not after the attacker himself. */
static int pronoun_killed(const sr_doc_t *doc, size_t tb, size_t te, size_t v,
                          sr_cas_hit_t *h)
{
    static const char *const after_her[] = {"dead", "and", "on", "with",
                                            "as", "while", "after", "before",
                                            "when", NULL};
    size_t p = v + 1, end;
    int self;

    if (p >= te) {
        return 0;
    }
    /* "then shot and killed himself": the attacker, told apart as the one
     * the report is about */
    self = sr_tok_is(doc, p, "himself") || sr_tok_is(doc, p, "herself");
    if ((!self && !sr_tok_is(doc, p, "him") && !sr_tok_is(doc, p, "her")) ||
        (v > tb && (sr_tok_is(doc, v - 1, "to") ||
                    sr_tok_has(doc, v - 1, SR_W_MODAL)))) {
        return 0;
    }
    end = p + 1;
    if (sr_tok_is(doc, v, "shot")) {
        if (end >= te || !sr_tok_is(doc, end, "dead")) {
            return 0;
        }
        end++;
    } else if (!sr_tok_has(doc, v, SR_W_KILL)) {
        return 0;
    }
    if (sr_tok_is(doc, p, "her") && p + 1 < te &&
        doc->toks[p + 1].kind == SR_TOK_WORD &&
        !sr_tok_has(doc, p + 1, SR_W_PREP_LOC) &&
        !sr_tok_in(doc, p + 1, after_her)) {
        return 0;
    }
    memset(h, 0, sizeof(*h));
    h->verb = v;
    h->tb = v;
    h->te = end;
    set_one(&h->count, p, p + 1);
    /* "before police shot him dead": the one the police shot is the
     * attacker the report is about */
    for (size_t s = v; !self && s > tb; s--) {
        if (sr_tok_has(doc, s - 1, SR_W_VICT_SEC | SR_W_POLICE)) {
            self = attacker_named(doc, tb, s - 1);
            break;
        }
        if (!sr_tok_in(doc, s - 1, adverbs)) {
            break;
        }
    }
    if (!self) {
        and_victims(doc, te, h->te, h);
    }
    finish(h, SR_CAS_KILLED, self ? SR_VICTIM_PERPETRATORS : SR_VICTIM_UNKNOWN);
    return 1;
}

/* A verb of its own after the people ending at n: "killed a soldier and
 * two others were wounded" joins no one to the killed. */
static int clause_follows(const sr_doc_t *doc, size_t n, size_t te)
{
    return n < te && !sr_tok_is(doc, n, "and") &&
           (sr_tok_has(doc, n, SR_W_AUX) || verb_kind(doc, n) >= 0);
}

/* The killed hit of count c, verb at token verb, phrase [tb, te). */
static void killed_hit(sr_cas_hit_t *h, const sr_qcount_t *c, size_t verb,
                       size_t tb, size_t te, sr_victim_t victim)
{
    memset(h, 0, sizeof(*h));
    h->count = *c;
    h->verb = verb;
    h->tb = tb;
    h->te = te;
    finish(h, SR_CAS_KILLED, victim);
}

/* "police shot the attacker dead", "shot two gunmen dead", "burned two
 * suspects alive": the ones named between the verb and close. */
static size_t shot_x_dead(const sr_doc_t *doc, size_t te, size_t v,
                          const char *close, sr_cas_hit_t *h)
{
    size_t j = v + 1, k;
    sr_qcount_t c;
    sr_victim_t victim = SR_VICTIM_UNKNOWN;

    if (j < te && sr_tok_is(doc, j, "the")) {
        j++;
    }
    if (!age_at(doc, j, te) && sr_count_at(doc, j, te, &c) > 0) {
        if ((k = victim_after(doc, c.te, te, &victim)) == 0 ||
            victim == SR_VICTIM_UNKNOWN) {
            return 0;
        }
    } else if ((j > v + 1 || sr_tok_is(doc, j, "a") ||
                sr_tok_is(doc, j, "an")) &&
               one_person(doc, j, te, &c)) {
        victim = victim_of(doc, c.te - 1);
        k = c.te;
    } else {
        return 0;
    }
    if (k >= te || !sr_tok_is(doc, k, close)) {
        return 0;
    }
    killed_hit(h, &c, v, v, k + 1, victim);
    return 1;
}

/* One item of a list of victims at j: "six children", "a civilian
 * driver", "a trainee", "their driver". Returns the token after it, 0 if
 * there is none; *c is its count, *v its side. */
static size_t victim_item(const sr_doc_t *doc, size_t j, size_t te,
                          sr_qcount_t *c, sr_victim_t *v)
{
    static const char *const owners[] = {"his", "her", "their", NULL};
    size_t nc = sr_count_at(doc, j, te, c), k;

    *v = SR_VICTIM_UNKNOWN;
    if (nc == 0 && (sr_tok_is(doc, j, "a") || sr_tok_is(doc, j, "an")) &&
        one_person(doc, j, te, c)) {
        /* "killing two fighters and a civilian driver" */
        *v = victim_of(doc, c->te - 1);
        return c->te;
    }
    if (nc == 0 && someone(doc, j, te, c)) {
        *v = SR_VICTIM_OTHER; /* "a civil servant and a trainee" */
        return c->te;
    }
    if (nc == 0 && j + 1 < te && sr_tok_in(doc, j, owners) &&
        one_person(doc, j + 1, te, c)) {
        /* "three teachers, their driver and ..." */
        *v = victim_of(doc, c->te - 1);
        *v = *v == SR_VICTIM_UNKNOWN ? SR_VICTIM_OTHER : *v;
        c->tb = j;
        return c->te;
    }
    if (nc == 0 || c->qual != SR_QUAL_EXACT ||
        (k = victim_after(doc, c->te, te, v)) == 0) {
        return 0;
    }
    return k;
}

/* "the headmaster of a primary school and a teacher": a short phrase of
 * place or belonging after a victim, up to the "and" of the list; the
 * token of that "and", else k. */
static size_t victim_tail(const sr_doc_t *doc, size_t k, size_t te)
{
    if (k >= te || !sr_tok_in(doc, k, victim_preps)) {
        return k;
    }
    for (size_t q = k + 1; q < te && q < k + 6; q++) {
        if (sr_tok_is(doc, q, "and")) {
            return q > k + 1 ? q : k;
        }
        if (!tail_word(doc, q)) {
            return k;
        }
    }
    return k;
}

/* "... and six children", "..., a nurse and a pupil" after the people
 * ending at k: victims of the same side join h's exact count. Items
 * after commas count only in a list closed by "and" ("killing two
 * soldiers, a police officer said" is no list); a closing attacker ("and
 * the bomber herself") is left to the rules for attackers. */
static void and_victims(const sr_doc_t *doc, size_t te, size_t k,
                        sr_cas_hit_t *h)
{
    sr_qcount_t c2;
    sr_victim_t v2;
    int64_t add = 0;
    size_t end = 0, cte = 0;
    int closed = 0;

    k = victim_tail(doc, k, te);
    while (!closed && k + 1 < te) {
        int last = sr_tok_is(doc, k, "and");
        size_t j = k + 1, k2;

        if (!last && sr_tok_punct(doc, k) != ',') {
            return;
        }
        if (!last && sr_tok_is(doc, j, "and")) {
            last = 1; /* the serial comma */
            j++;
        }
        k2 = victim_item(doc, j, te, &c2, &v2);
        if (k2 == 0 && last && j + 1 < te && sr_tok_is(doc, j, "the") &&
            sr_tok_has(doc, j + 1, SR_W_PERP)) {
            v2 = SR_VICTIM_PERPETRATORS; /* "and the bomber herself" */
        }
        if (k2 == 0 || v2 == SR_VICTIM_UNKNOWN ||
            v2 == SR_VICTIM_PERPETRATORS || clause_follows(doc, k2, te)) {
            if (!(last && v2 == SR_VICTIM_PERPETRATORS)) {
                return;
            }
            closed = 1;
            continue;
        }
        add += c2.best;
        end = k2;
        cte = c2.te;
        k = k2;
        closed = last;
    }
    if (closed && add > 0) {
        h->count.best += add;
        h->count.low = h->count.high = h->count.best;
        h->count.te = cte;
        h->te = end;
    }
}

/* "killed Luis Galan, a candidate,", "shot dead Ahmed Khan outside his
 * home": one person named by one to four capitalised words the lexicon
 * does not know, closed by punctuation or a preposition ("killed Hindu
 * pilgrims" names no one). */
static int named_object(const sr_doc_t *doc, size_t j, size_t te,
                        sr_qcount_t *c)
{
    static const char *const closers[] = {"at", "in", "on", "outside",
                                          "near", "as", "while", "and",
                                          "after", "before", "inside",
                                          NULL};
    size_t k = j;

    while (k < te && k < j + 4 && doc->toks[k].kind == SR_TOK_WORD &&
           doc->toks[k].cap && !doc->toks[k].allcaps &&
           doc->toks[k].lex == NULL) {
        k++;
    }
    if (k == j + 1 &&
        doc->text[doc->toks[j].start + doc->toks[j].len - 1] == 's') {
        return 0; /* "killed Yazidis": a people, not a person */
    }
    if (k == j || !(k == te || (doc->toks[k].kind == SR_TOK_PUNCT &&
                                sr_tok_punct(doc, k) != '-' &&
                                sr_tok_punct(doc, k) != '\'') ||
                    sr_tok_in(doc, k, closers))) {
        return 0;
    }
    set_one(c, j, k);
    return 1;
}

/* VERB [the] count [people]: "killed 13 soldiers", "wounding dozens" */
static size_t verb_then_count(const sr_doc_t *doc, size_t tb, size_t te,
                              size_t v, sr_cas_hit_t *h)
{
    size_t j = v + 1, n;
    int kind = verb_kind(doc, v), single = 0;
    sr_qcount_t c;
    sr_victim_t victim = SR_VICTIM_UNKNOWN;
    size_t k;

    if ((kind == SR_CAS_KILLED ||
         (doc->toks[v].len == 4 && sr_tok_is(doc, v, "shot"))) &&
        pronoun_killed(doc, tb, te, v, h)) {
        return 1;
    }
    if (kind < 0 && doc->toks[v].len == 4 && sr_tok_is(doc, v, "shot")) {
        return shot_x_dead(doc, te, v, "dead", h);
    }
    if (kind < 0 && doc->toks[v].len >= 5 &&
        (sr_tok_is(doc, v, "burned") || sr_tok_is(doc, v, "burnt"))) {
        return shot_x_dead(doc, te, v, "alive", h); /* "burned two
                                                      suspects alive" */
    }
    if (kind == SR_CAS_INJURED && j + 1 < te &&
        (sr_tok_is(doc, j, "him") || sr_tok_is(doc, j, "her")) &&
        sr_tok_is(doc, j + 1, "and")) {
        /* "wounding him and two of his children" */
        memset(h, 0, sizeof(*h));
        h->verb = v;
        h->tb = v;
        h->te = j + 1;
        set_one(&h->count, j, j + 1);
        and_victims(doc, te, j + 1, h);
        finish(h, kind, SR_VICTIM_OTHER);
        return h->te > j + 1;
    }
    if (kind < 0 && doc->toks[v].len == 8 && sr_tok_is(doc, v, "shooting") &&
        j < te && sr_tok_is(doc, j, "dead")) {
        kind = SR_CAS_KILLED; /* "shooting dead two and injuring five" */
    }
    if (kind < 0 || (sr_tok_has(doc, v, SR_W_DIE) && !death_of(doc, v)) ||
        sr_tok_is(doc, v, "hostage") || sr_tok_is(doc, v, "hostages")) {
        return 0;
    }
    if (j < te && sr_tok_is(doc, j, "dead")) {
        j++; /* "shot dead two soldiers" */
    }
    if (j < te && sr_tok_is(doc, j, "of") &&
        (sr_tok_is(doc, v, "lives") || death_of(doc, v) ||
         throats_cut(doc, v))) {
        j++; /* "claimed the lives of six people", "the death of a guard" */
    }
    if (j < te && sr_tok_is(doc, j, "all")) {
        j++; /* "shot dead all five members" */
    }
    if (j < te && sr_tok_is(doc, j, "by")) {
        return 0; /* "shot dead by a police officer": the killer */
    }
    if (j < te && sr_tok_is(doc, j, "the")) {
        j++;
        if (j < te && sr_tok_is(doc, j, "other")) {
            j++; /* "injuring the other five" */
        }
    }
    n = sr_count_at(doc, j, te, &c);
    if (n == 0 && sr_tok_has(doc, v, SR_W_KILL) && named_object(doc, j, te, &c)) {
        n = c.te - c.tb; /* "killed Luis Galan, a candidate," */
        single = 1;
        victim = SR_VICTIM_OTHER;
    } else if (n == 0 && one_person(doc, j, te, &c)) {
        n = c.te - c.tb;
    } else if (n == 0 && (another_one(doc, j, te, &c) ||
                          ((kind == SR_CAS_KILLED || kind == SR_CAS_INJURED) &&
                           someone(doc, j, te, &c)))) {
        /* the person ends the phrase: "a foreman six times in the legs";
         * a person of no side known */
        n = c.te - c.tb;
        single = 1;
        victim = SR_VICTIM_OTHER;
    }
    if (n == 0 || is_sub_count(doc, tb, j)) {
        return 0;
    }
    for (size_t q = c.tb; q < c.te && victim == SR_VICTIM_UNKNOWN; q++) {
        victim = victim_of(doc, q); /* "a civilian" */
    }
    if ((k = single ? c.te : victim_after(doc, c.te, te, &victim)) == 0) {
        return 0;
    }
    /* "killed 5 more" is fine; "killed 2 hours" is not (checked above) */
    h->count = c;
    h->verb = v;
    h->tb = v;
    h->te = c.te;
    /* "killing three women and six children": one total of victims;
     * "and the five attackers" stay apart */
    if (victim != SR_VICTIM_UNKNOWN && victim != SR_VICTIM_PERPETRATORS &&
        c.qual == SR_QUAL_EXACT) {
        and_victims(doc, te, k, h);
    }
    finish(h, kind, victim);
    return 1;
}

/* "hacked a temple priest to death", "beat two herders to death", "stoned
 * him to death": the ones between the verb of manner and "to death". */
static int manner_to_death(const sr_doc_t *doc, size_t tb, size_t te,
                           size_t i, sr_cas_hit_t *h)
{
    static const char *const verbs[] = {
        "hacked", "beat", "beaten", "stabbed", "stoned", "clubbed",
        "bludgeoned", "burned", "burnt", "tortured", "strangled", "slashed",
        "kicked", "starved", "shot", NULL};
    sr_qcount_t c;
    sr_victim_t victim = SR_VICTIM_UNKNOWN;
    size_t m, obj;

    if (doc->toks[i].len != 5 || !to_death(doc, i) || i < tb + 3) {
        return 0;
    }
    for (m = i - 2; m > tb && m + 9 > i && !sr_tok_in(doc, m, verbs); m--) {
        if (doc->toks[m].kind == SR_TOK_PUNCT && sr_tok_punct(doc, m) != '-') {
            return 0;
        }
    }
    if (!sr_tok_in(doc, m, verbs) || (obj = m + 1) + 1 >= i) {
        return 0;
    }
    if (obj + 2 == i && (sr_tok_is(doc, obj, "him") || sr_tok_is(doc, obj, "her"))) {
        set_one(&c, obj, obj + 1);
    } else if (sr_count_at(doc, obj, te, &c) > 0) {
        if (c.qual == SR_QUAL_NONZERO_UNKNOWN ||
            victim_after(doc, c.te, te, &victim) != i - 1) {
            return 0;
        }
    } else if (!(one_person(doc, obj, te, &c) && c.te + 1 == i) &&
               !(someone(doc, obj, te, &c) && c.te + 1 == i)) {
        return 0; /* "a priest's assistant": the person is the last */
    } else {
        victim = victim_of(doc, c.te - 1);
    }
    killed_hit(h, &c, i, m, i + 1, victim);
    return 1;
}

/* "Among the dead were three policemen", "the wounded included two
 * children": a part of the toll, named after the casualty word used as a
 * noun. The hit is within a count that may be given elsewhere. */
static int among_the(const sr_doc_t *doc, size_t tb, size_t te, size_t i,
                     sr_cas_hit_t *h)
{
    static const char *const nouns[] = {"dead", "killed", "wounded",
                                        "injured", NULL};
    static const char *const links[] = {"were", "was", "included",
                                        "include", "includes", NULL};
    sr_qcount_t c;
    sr_victim_t victim = SR_VICTIM_UNKNOWN;
    size_t j = i + 2, k;
    int among;

    if (i < tb + 1 || j > te || !sr_tok_is(doc, i - 1, "the") ||
        !sr_tok_in(doc, i, nouns) || !sr_tok_in(doc, i + 1, links)) {
        return 0;
    }
    among = i > tb + 1 && sr_tok_is(doc, i - 2, "among");
    /* "were" only after "among": "the dead were taken away" */
    if (!among && (sr_tok_is(doc, i + 1, "were") || sr_tok_is(doc, i + 1, "was"))) {
        return 0;
    }
    if (sr_count_at(doc, j, te, &c) > 0) {
        if (c.qual == SR_QUAL_NONZERO_UNKNOWN ||
            (k = victim_after(doc, c.te, te, &victim)) == 0) {
            return 0;
        }
    } else if (one_person(doc, j, te, &c) || someone(doc, j, te, &c)) {
        victim = victim_of(doc, c.te - 1);
        k = c.te;
    } else {
        return 0;
    }
    memset(h, 0, sizeof(*h));
    h->count = c;
    h->verb = i;
    h->tb = among ? i - 2 : i - 1;
    h->te = k;
    h->within = 1;
    if (c.qual == SR_QUAL_EXACT && victim != SR_VICTIM_PERPETRATORS) {
        and_victims(doc, te, k, h); /* "four firemen and a nurse" */
    }
    finish(h, verb_kind(doc, i) == SR_CAS_INJURED ? SR_CAS_INJURED
                                                  : SR_CAS_KILLED,
           victim);
    return 1;
}

/* "one was killed and another injured", "a third was wounded": one more,
 * told by "another" as the subject. */
static int another_hurt(const sr_doc_t *doc, size_t tb, size_t i,
                        sr_cas_hit_t *h)
{
    int kind = verb_kind(doc, i);
    size_t w = i;

    if (kind != SR_CAS_KILLED && kind != SR_CAS_INJURED) {
        return 0;
    }
    while (w > tb && (sr_tok_in(doc, w - 1, adverbs) ||
                      sr_tok_is(doc, w - 1, "was"))) {
        w--;
    }
    if (w == tb || !sr_tok_is(doc, w - 1, "another")) {
        return 0;
    }
    one_hit(doc, h, kind, w - 1, w - 1, i);
    return 1;
}

/* "the blast left a soldier dead", "leaving a shepherd dead": one
 * person between "left" and "dead". */
static int left_dead(const sr_doc_t *doc, size_t tb, size_t te, size_t i,
                     sr_cas_hit_t *h)
{
    sr_qcount_t c;

    /* a person and "left" before it: "dead" opening the text has none,
     * and v = i - 1 would wrap below token 0 */
    if (doc->toks[i].len != 4 || !sr_tok_is(doc, i, "dead") || i < tb + 2) {
        return 0;
    }
    for (size_t v = i - 1; v > tb && v + 8 > i; v--) {
        if (sr_tok_is(doc, v - 1, "left") || sr_tok_is(doc, v - 1, "leaving")) {
            if ((one_person(doc, v, te, &c) || someone(doc, v, te, &c)) &&
                c.te == i) {
                killed_hit(h, &c, i, v - 1, i + 1, victim_of(doc, i - 1));
                return 1;
            }
            return 0;
        }
    }
    return 0;
}

/* "the bodies of two experts", "the bodies of 12 migrants were found":
 * the dead, counted after "of". */
static int bodies_of(const sr_doc_t *doc, size_t te, size_t i,
                     sr_cas_hit_t *h)
{
    sr_qcount_t c;
    sr_victim_t victim = SR_VICTIM_UNKNOWN;
    size_t j = i + 2, k;

    if (doc->toks[i].len != 6 || !sr_tok_is(doc, i, "bodies") || j >= te ||
        !sr_tok_is(doc, i + 1, "of")) {
        return 0;
    }
    if (sr_tok_is(doc, j, "the")) {
        j++;
    }
    if (sr_count_at(doc, j, te, &c) == 0 || c.qual == SR_QUAL_NONZERO_UNKNOWN ||
        (k = victim_after(doc, c.te, te, &victim)) == 0) {
        return 0;
    }
    killed_hit(h, &c, i, i, k, victim);
    return 1;
}

/* "death toll rose to 40", "the toll stood at 12" */
static const char *const toll_hurt[] = {"injured", "wounded", "hurt", NULL};
static const char *const toll_dead[] = {"dead", "deaths", "fatalities",
                                        "killed", NULL};

/* "Accounts of the dead vary ...; staff put the figure at 11": the kind
 * of the toll "the figure" at i stands for, named before it in its
 * sentence, or -1. */
static int figure_kind(const sr_doc_t *doc, size_t i)
{
    size_t tb, te;

    sentence_of(doc, i, &tb, &te);
    for (size_t k = i; k > tb && k + 16 > i; k--) {
        if (sr_tok_in(doc, k - 1, toll_dead)) {
            return SR_CAS_KILLED;
        }
        if (sr_tok_in(doc, k - 1, toll_hurt)) {
            return SR_CAS_INJURED;
        }
    }
    return -1;
}

/* "Fatalities" opening a note of its own ("Fatalities 13."): the count
 * follows with nothing before it. */
static int note_head(const sr_doc_t *doc, size_t i)
{
    size_t tb, te;

    if (!sr_tok_is(doc, i, "fatalities") || !doc->toks[i].cap) {
        return 0;
    }
    sentence_of(doc, i, &tb, &te);
    return i == tb && i + 2 < te;
}

/* The count after a toll word at i, "rose to 24", "at about 50", "of
 * 12": the hit of that kind. */
static int toll_count(const sr_doc_t *doc, size_t te, size_t i, int kind,
                      sr_cas_hit_t *h)
{
    static const char *const vary[] = {"vary", "varied", "range", "ranged",
                                       "varies", "ranges", NULL};
    sr_qcount_t c;

    for (size_t j = i + 1; j < te && j < i + 10; j++) {
        if (sr_count_at(doc, j, te, &c) > 0 && c.qual != SR_QUAL_NONZERO_UNKNOWN) {
            if (!sr_tok_is(doc, j - 1, "to") && !sr_tok_is(doc, j - 1, "at") &&
                !sr_tok_is(doc, j - 1, "of") && !sr_tok_is(doc, j - 1, "reached") &&
                !sr_tok_is(doc, j - 1, "hit") && !sr_tok_is(doc, j - 1, "is") &&
                !sr_tok_is(doc, j - 1, "was") && !sr_tok_in(doc, j - 1, vary)) {
                return 0;
            }
            h->count = c;
            h->verb = i;
            h->tb = i > 0 && sr_tok_is(doc, i - 1, "death") ? i - 1 : i;
            h->te = c.te;
            finish(h, kind, SR_VICTIM_UNKNOWN);
            h->cumulative = 1;
            return 1;
        }
    }
    return 0;
}

/* Tolls told by other words, asked of few tokens: "accounts of the dead
 * vary between 8 and 15", "put the figure at 11", "Fatalities 13." */
static int toll_other(const sr_doc_t *doc, size_t te, size_t i,
                      sr_cas_hit_t *h)
{
    static const char *const accounts[] = {"accounts", "estimates",
                                           "reports", NULL};
    sr_qcount_t c;
    int kind;

    if (i > 2 && sr_tok_in(doc, i, toll_dead) && sr_tok_is(doc, i - 1, "the") &&
        sr_tok_is(doc, i - 2, "of") && sr_tok_in(doc, i - 3, accounts)) {
        return toll_count(doc, te, i, SR_CAS_KILLED, h);
    }
    if (i > 1 && sr_tok_is(doc, i, "figure") && sr_tok_is(doc, i - 1, "the") &&
        sr_tok_is(doc, i - 2, "put") && (kind = figure_kind(doc, i)) >= 0) {
        return toll_count(doc, te, i, kind, h);
    }
    if (note_head(doc, i)) {
        /* "Fatalities 13.", "Fatalities: 4 (two civilians)." */
        size_t j = i + 1 + (sr_tok_punct(doc, i + 1) == ':');

        if (sr_count_at(doc, j, te, &c) == 0 || c.qual != SR_QUAL_EXACT ||
            !(c.te == te || sr_tok_punct(doc, c.te) == '(' ||
              sr_tok_punct(doc, c.te) == '.')) {
            return 0;
        }
        memset(h, 0, sizeof(*h));
        h->count = c;
        h->verb = i;
        h->tb = i;
        h->te = c.te;
        finish(h, SR_CAS_KILLED, SR_VICTIM_UNKNOWN);
        h->cumulative = 1;
        return 1;
    }
    return 0;
}

static int toll(const sr_doc_t *doc, size_t te, size_t i, sr_cas_hit_t *h)
{
    const sr_tok_t *t = &doc->toks[i];

    /* "the number of dead rose to 12", "the number of injured stood at
     * 40": a toll by other words */
    if (i > 1 &&
        (sr_tok_is(doc, i - 1, "number") ||
         (sr_tok_is(doc, i - 1, "of") && sr_tok_is(doc, i - 2, "number"))) &&
        (sr_tok_in(doc, i, toll_dead) || sr_tok_in(doc, i, toll_hurt))) {
        /* "put the number killed at about 50" too */
        return toll_count(doc, te, i,
                          sr_tok_in(doc, i, toll_hurt) ? SR_CAS_INJURED
                                                       : SR_CAS_KILLED,
                          h);
    }
    if (t->len == 4 && sr_tok_is(doc, i, "toll")) {
        return toll_count(doc, te, i, SR_CAS_KILLED, h);
    }
    /* the words of toll_other are 4, 6 or 10 letters long and start
     * with d, k or f ("dead", "killed", "figure", "fatalities") */
    switch (t->kind == SR_TOK_WORD && (t->len == 4 || t->len == 6 ||
                                       t->len == 10)
                ? doc->text[t->start] | 0x20
                : 0) {
    case 'd':
    case 'k':
    case 'f':
        return toll_other(doc, te, i, h);
    default:
        return 0;
    }
}

/* "no one was killed", "nobody was hurt", "no casualties" */
static int zero(const sr_doc_t *doc, size_t te, size_t i, sr_cas_hit_t *h)
{
    size_t j;
    int kind = -1;

    if (!sr_tok_has(doc, i, SR_W_ZEROCUE)) {
        return 0;
    }
    if (sr_tok_phrase(doc, i, te, "no one")) {
        j = i + 2;
    } else if (sr_tok_is(doc, i, "nobody") || sr_tok_is(doc, i, "none")) {
        j = i + 1;
    } else if (sr_tok_is(doc, i, "no") && i + 1 < te) {
        if (sr_tok_is(doc, i + 1, "casualties") ||
            sr_tok_is(doc, i + 1, "deaths") ||
            sr_tok_is(doc, i + 1, "fatalities")) {
            kind = SR_CAS_KILLED;
        } else if (sr_tok_is(doc, i + 1, "injuries")) {
            kind = SR_CAS_INJURED;
        } else {
            return 0;
        }
        memset(&h->count, 0, sizeof(h->count));
        j = i + 1;
        goto found;
    } else {
        return 0;
    }
    for (; j < te && j < i + 5; j++) {
        kind = verb_kind(doc, j);
        if (kind >= 0) {
            break;
        }
        if (!sr_tok_has(doc, j, SR_W_AUX) && !sr_tok_is(doc, j, "else")) {
            return 0;
        }
    }
    if (kind < 0 || j >= te) {
        return 0;
    }
found:
    h->count.best = h->count.low = h->count.high = 0;
    h->count.qual = SR_QUAL_ZERO;
    h->count.tb = i;
    h->count.te = j + 1;
    h->verb = j;
    h->tb = i;
    h->te = j + 1;
    finish(h, kind, SR_VICTIM_UNKNOWN);
    return 1;
}

/* "In addition to the bomber, six people were killed": the one named is
 * killed too, when a killing follows in the sentence. */
static int in_addition(const sr_doc_t *doc, size_t tb, size_t te, size_t i,
                       sr_cas_hit_t *h)
{
    size_t j = i + 2;
    sr_qcount_t c;

    if (doc->toks[i].len != 8 || !sr_tok_is(doc, i, "addition") ||
        i == tb || !sr_tok_is(doc, i - 1, "in") || j >= te ||
        !sr_tok_is(doc, i + 1, "to")) {
        return 0;
    }
    if (sr_tok_is(doc, j, "the")) {
        j++;
    }
    if (!one_person(doc, j, te, &c) || c.te >= te ||
        sr_tok_punct(doc, c.te) != ',') {
        return 0;
    }
    for (size_t k = c.te + 1; k < te; k++) {
        if (verb_kind(doc, k) == SR_CAS_KILLED) {
            memset(h, 0, sizeof(*h));
            h->count = c;
            h->verb = k;
            h->tb = i - 1;
            h->te = c.te;
            finish(h, SR_CAS_KILLED, victim_of(doc, c.te - 1));
            return 1;
        }
    }
    return 0;
}

/* "Hariri and 21 other people were killed": the named one and the
 * others, 22. */
static void named_and_others(const sr_doc_t *doc, size_t tb, size_t i,
                             sr_cas_hit_t *h)
{
    size_t o = h->count.te;

    if (h->total || h->count.qual != SR_QUAL_EXACT || i < tb + 2 ||
        !sr_tok_is(doc, i - 1, "and") || o >= doc->ntok ||
        (!sr_tok_is(doc, o, "other") && !sr_tok_is(doc, o, "others"))) {
        return;
    }
    if (!doc->toks[i - 2].cap && !singular_person(doc, i - 2)) {
        return;
    }
    h->count.best++;
    h->count.low = h->count.high = h->count.best;
    h->tb = i - 2;
}

static void add_one(sr_cas_hit_t *h)
{
    h->count.best++;
    if (h->count.low != SR_COUNT_NONE) {
        h->count.low++;
    }
    if (h->count.high != SR_COUNT_NONE) {
        h->count.high++;
    }
}

/* The start of "the bomber", "a young policeman", "his wife" ending at
 * noun n, or NO_START. */
static size_t person_start(const sr_doc_t *doc, size_t tb, size_t n)
{
    static const char *const dets[] = {"the", "a", "an", "his", "her",
                                       "their", "one", NULL};

    for (size_t k = n; k > tb && k + 3 > n; k--) {
        if (sr_tok_in(doc, k - 1, dets)) {
            return k - 1;
        }
        if (doc->toks[k - 1].kind != SR_TOK_WORD) {
            break;
        }
    }
    return NO_START;
}

/* "The bomber and three soldiers were killed", "A driver and two
 * passengers were hurt", "Smith and one guard were killed": one more
 * before the count. An attacker comes back as a hit of his own (*perp),
 * kept apart; anyone else joins the count. */
static int partner_before(const sr_doc_t *doc, size_t tb, size_t i,
                          sr_cas_hit_t *h, sr_cas_hit_t *perp)
{
    static const char *const owners[] = {"his", "her", "their", NULL};
    size_t n, start;

    /* "a farmer and his two sons": the owner goes with the count */
    if (i > tb + 2 && h->tb == i && sr_tok_in(doc, i - 1, owners)) {
        i--;
        h->tb = i;
    }
    /* tb: the first token no earlier hit holds */
    if (h->total || i < tb + 2 || h->tb != i || !sr_tok_is(doc, i - 1, "and") ||
        (h->count.qual != SR_QUAL_EXACT && h->count.qual != SR_QUAL_AT_LEAST)) {
        return 0;
    }
    n = i - 2;
    if (singular_person(doc, n)) {
        if ((start = person_start(doc, tb, n)) == NO_START) {
            return 0;
        }
        /* "the bomber and three soldiers", "a soldier and two
         * militants": each side its own hit */
        if ((h->kind == SR_CAS_KILLED || h->kind == SR_CAS_KILLED_PERP) &&
            (h->kind == SR_CAS_KILLED_PERP) !=
                (sr_tok_has(doc, n, SR_W_PERP) != 0)) {
            memset(perp, 0, sizeof(*perp));
            set_one(&perp->count, start, n + 1);
            perp->verb = h->verb;
            perp->tb = start;
            perp->te = n + 1;
            finish(perp, SR_CAS_KILLED, victim_of(doc, n));
            return 1;
        }
        add_one(h);
        h->tb = start;
        return 0;
    }
    /* a name opening the sentence: "Stack and one employee" */
    for (start = n; start > tb && doc->toks[start - 1].cap &&
                    doc->toks[start - 1].lex == NULL && start + 3 > n;
         start--) {
    }
    if (start == tb && doc->toks[n].cap && doc->toks[n].lex == NULL) {
        add_one(h);
        h->tb = start;
    }
    return 0;
}

/* "killing four worshippers in addition to herself", "... and the
 * bomber himself": the attacker died too. */
static int self_too(const sr_doc_t *doc, size_t te, const sr_cas_hit_t *h,
                    sr_cas_hit_t *perp)
{
    static const char *const selves[] = {"himself", "herself", NULL};

    for (size_t k = h->te; k + 1 < te && k < h->te + 4; k++) {
        size_t self = sr_tok_is(doc, k, "and") ? k + 1 : k + 3;

        if (self == k + 1 && self + 2 < te && sr_tok_is(doc, self, "the") &&
            sr_tok_has(doc, self + 1, SR_W_PERP) &&
            sr_tok_in(doc, self + 2, selves)) {
            self += 2; /* "and the bomber herself" */
        }
        if ((self == k + 1 || sr_tok_phrase(doc, k, te, "in addition to") ||
             sr_tok_phrase(doc, k, te, "as well as") ||
             sr_tok_is(doc, self - 2, "the")) &&
            sr_tok_in(doc, self, selves)) {
            memset(perp, 0, sizeof(*perp));
            set_one(&perp->count, self, self + 1);
            perp->verb = h->verb;
            perp->tb = k;
            perp->te = self + 1;
            finish(perp, SR_CAS_KILLED, SR_VICTIM_PERPETRATORS);
            return 1;
        }
        if (doc->toks[k].kind != SR_TOK_WORD) {
            return 0;
        }
    }
    return 0;
}

/* "Two suicide bombers ... killing 16 besides themselves": whether an
 * exact count of attackers comes early in [tb, e); *c is that count. */
static int attackers_counted(const sr_doc_t *doc, size_t tb, size_t e,
                             sr_qcount_t *c)
{
    for (size_t k = tb; k < e && k < tb + 12; k++) {
        if (sr_count_at(doc, k, e, c) == 0 || c->qual != SR_QUAL_EXACT) {
            continue;
        }
        /* "two gunmen", "two suicide bombers" */
        for (size_t q = c->te; q < e && q < c->te + 2; q++) {
            if (sr_tok_has(doc, q, SR_W_PERP)) {
                return 1;
            }
        }
    }
    return 0;
}

/* "26 people lost their lives, in addition to the four attackers",
 * "killing 16 besides the two gunmen", "Two bombers ... killing 16
 * besides themselves": attackers dead beside the toll of h, a hit of
 * their own (*perp). */
static int attackers_besides(const sr_doc_t *doc, size_t tb, size_t te,
                             const sr_cas_hit_t *h, sr_cas_hit_t *perp)
{
    static const struct {
        const char *words;
        size_t n;
    } joins[] = {{"in addition to", 3}, {"as well as", 3}, {"besides", 1},
                 {"along with", 2}};
    sr_qcount_t c;
    sr_victim_t victim = SR_VICTIM_UNKNOWN;

    for (size_t k = h->te; k < te && k < h->te + 6; k++) {
        size_t j = 0, e;

        for (size_t p = 0; p < sizeof(joins) / sizeof(joins[0]) && j == 0;
             p++) {
            j = sr_tok_phrase(doc, k, te, joins[p].words) ? joins[p].n : 0;
        }
        if (j == 0) {
            if (sr_tok_punct(doc, k) == ';' || sr_tok_punct(doc, k) == '.') {
                return 0;
            }
            continue;
        }
        j += k;
        if (j < te && sr_tok_is(doc, j, "themselves")) {
            if (!attackers_counted(doc, tb, h->tb, &c)) {
                return 0;
            }
            e = j + 1;
        } else {
            j += j < te && sr_tok_is(doc, j, "the");
            if (sr_count_at(doc, j, te, &c) == 0 ||
                c.qual != SR_QUAL_EXACT ||
                (e = victim_after(doc, c.te, te, &victim)) == 0 ||
                victim != SR_VICTIM_PERPETRATORS) {
                return 0;
            }
        }
        memset(perp, 0, sizeof(*perp));
        perp->count = c;
        perp->verb = h->verb;
        perp->tb = k;
        perp->te = e;
        finish(perp, SR_CAS_KILLED, SR_VICTIM_PERPETRATORS);
        return 1;
    }
    return 0;
}

/* The hit for the ones joined to h, kept apart from h when h holds the
 * attacker and they are his victims. */
static int join(sr_cas_hit_t *h, const sr_qcount_t *c, sr_victim_t victim,
                size_t te, sr_cas_hit_t *extra)
{
    if (h->kind == SR_CAS_KILLED_PERP && victim != SR_VICTIM_PERPETRATORS) {
        memset(extra, 0, sizeof(*extra));
        extra->count = *c;
        extra->verb = h->verb;
        extra->tb = c->tb;
        extra->te = te;
        finish(extra, SR_CAS_KILLED, victim);
        return 1;
    }
    if (c->qual == SR_QUAL_EXACT) {
        h->count.best += c->best;
        h->count.low = h->count.high = h->count.best;
        h->te = te;
    }
    return 0;
}

/* "shot him dead along with his brother", "killed a police officer and
 * his two sons", "the bomber was killed along with five civilians",
 * "killing himself and four others": others joined to the one person of
 * h. Returns 1 when the others are a hit of their own (*extra). */
static int companion(const sr_doc_t *doc, size_t te, sr_cas_hit_t *h,
                     sr_cas_hit_t *extra)
{
    static const char *const owners[] = {"his", "her", "their", NULL};
    size_t k = h->te, n;
    int along = 0, owned;
    sr_qcount_t c;
    sr_victim_t victim = SR_VICTIM_UNKNOWN;

    if (h->count.qual != SR_QUAL_EXACT || h->count.best != 1 || h->total) {
        return 0;
    }
    if (sr_tok_phrase(doc, k, te, "along with")) {
        k += 2;
        along = 1;
    } else if (k < te && sr_tok_is(doc, k, "and")) {
        k++;
    } else {
        return 0;
    }
    owned = k < te && sr_tok_in(doc, k, owners);
    k += owned;
    /* "and four others" only after "himself": other counts after "and"
     * are the verb's own ("killed a soldier and two civilians") */
    if (!owned && !along && h->kind != SR_CAS_KILLED_PERP) {
        return 0;
    }
    if (sr_count_at(doc, k, te, &c) > 0) {
        if (c.qual == SR_QUAL_NONZERO_UNKNOWN ||
            (n = victim_after(doc, c.te, te, &victim)) == 0 ||
            victim == SR_VICTIM_UNKNOWN) {
            return 0;
        }
    } else if ((owned || along) && one_person(doc, k, te, &c)) {
        n = c.te;
        victim = victim_of(doc, n - 1);
    } else {
        return 0;
    }
    if (clause_follows(doc, n, te)) {
        return 0; /* "and his wife was hurt" */
    }
    return join(h, &c, victim, n, extra);
}

/* "... were killed, 22 in all": a stated total right after the phrase
 * wins over the counts it sums. */
static void stated_total_after(const sr_doc_t *doc, size_t te,
                               sr_cas_hit_t *h)
{
    sr_qcount_t c;

    if (h->te + 1 < te && sr_tok_punct(doc, h->te) == ',' &&
        stated_total(doc, h->te + 1, te, &c)) {
        h->count = c;
        h->total = 1;
        h->te = c.te + 2;
    }
}

static size_t casualties_scan(const sr_doc_t *doc, size_t tb, size_t te,
                              sr_cas_hit_t *out, size_t max);

/* Whether any phrase can start at token i: a casualty word, a count, a
 * zero cue, "toll", "figure", "shot", "burned" or "addition". Most
 * tokens are none, and the rules below need not each be asked. */
static inline int may_start(const sr_doc_t *doc, size_t i)
{
    const sr_tok_t *t = &doc->toks[i];

    if (t->kind == SR_TOK_NUM) {
        return 1;
    }
    if (t->kind != SR_TOK_WORD) {
        return 0;
    }
    if (sr_tok_has(doc, i, SR_W_NUMWORD | SR_W_VAGUE | SR_W_FEW |
                               SR_W_QUAL | SR_W_ZEROCUE)) {
        return 1;
    }
    if (t->len == 4) {
        return 1; /* "toll", "shot" */
    }
    if (t->len == 8 && (sr_tok_is(doc, i, "addition") ||
                        sr_tok_is(doc, i, "shooting"))) {
        return 1;
    }
    if ((t->len == 6 || t->len == 5) &&
        ((doc->text[t->start] == 'b' &&
          (sr_tok_is(doc, i, "burned") || sr_tok_is(doc, i, "burnt"))) ||
         (doc->text[t->start] == 'f' && sr_tok_is(doc, i, "figure")))) {
        return 1; /* "burned two thieves alive", "put the figure at 11" */
    }
    return verb_kind(doc, i) >= 0;
}

/* "drivers rioted after a colleague was killed by police", "residents
 * barricaded a road after police shot dead a teenager", "students
 * protested over the death of a classmate": a death told as
 * the cause of a protest or riot is an earlier event, not a casualty of
 * this one. The clause after "after" must be finite ("after killing two"
 * tells the same attack) and the clause before it a protest's. */
static int protest_cause(const sr_doc_t *doc, size_t tb, const sr_cas_hit_t *h)
{
    static const char *const protests[] = {
        "rioted", "protested", "demonstrated", "marched", "barricaded",
        "rallied", "mob", "rioting", "protesting", "demonstrating",
        "marching", "rallying", "protest", "protests", "riot", "riots",
        "demonstration", "demonstrations", NULL};
    size_t a;
    int cue = 0;

    for (a = h->tb; a > tb && a + 10 > h->tb; a--) {
        if (sr_tok_is(doc, a - 1, "after") || sr_tok_is(doc, a - 1, "following") ||
            sr_tok_is(doc, a - 1, "over")) {
            break; /* "rallied over the death of a student" */
        }
        if (doc->toks[a - 1].kind == SR_TOK_PUNCT &&
            sr_tok_punct(doc, a - 1) != '-') {
            return 0;
        }
    }
    if (a == tb ||
        !(sr_tok_is(doc, a - 1, "after") || sr_tok_is(doc, a - 1, "following") ||
          sr_tok_is(doc, a - 1, "over")) ||
        (doc->toks[a].len > 4 &&
         strncmp(doc->text + doc->toks[a].start + doc->toks[a].len - 3,
                 "ing", 3) == 0)) {
        return 0;
    }
    for (size_t k = tb; k + 1 < a && !cue; k++) {
        cue = sr_tok_in(doc, k, protests) || sr_tok_has(doc, k, SR_W_PROTEST);
    }
    return cue;
}

/* "after a judge was shot dead earlier that morning": a step before the
 * story told, not its toll. */
static int earlier_step(const sr_doc_t *doc, size_t te, const sr_cas_hit_t *h)
{
    for (size_t i = h->te; i + 1 < te && i < h->te + 3; i++) {
        if (sr_tok_is(doc, i, "earlier") && sr_tok_is(doc, i + 1, "that")) {
            return 1;
        }
    }
    return 0;
}

/* "two more officers", "another three", "a further five", "two other
 * people", "also died": the count adds to one told before ("two more
 * than expected" and "more than 20" do not). */
static int adds_to_earlier(const sr_doc_t *doc, size_t tb, size_t te,
                           const sr_cas_hit_t *h)
{
    size_t b = h->count.tb, e = h->count.te;

    if (h->count.best == SR_COUNT_NONE || e <= b) {
        return 0;
    }
    if (e + 1 < te && sr_tok_is(doc, e, "more") &&
        !sr_tok_is(doc, e + 1, "than")) {
        return 1;
    }
    /* "Two other people died", "A bystander also died": a clause of its
     * own that adds ("killed five and wounded 30 other people" does not;
     * "Four others were hurt" is as often the rest of a toll) */
    if (h->tb == tb && e < te && sr_tok_is(doc, e, "other")) {
        return 1;
    }
    if (h->tb == tb && h->verb > h->tb && sr_tok_is(doc, h->verb - 1, "also")) {
        return 1;
    }
    return b > tb &&
           (sr_tok_is(doc, b - 1, "another") || sr_tok_is(doc, b - 1, "further"));
}

size_t sr_casualties_find(const sr_doc_t *doc, size_t tb, size_t te,
                          sr_cas_hit_t *out, size_t max)
{
    size_t n = casualties_scan(doc, tb, te, out, max), kept = 0;

    for (size_t k = 0; k < n; k++) {
        if ((out[k].kind == SR_CAS_KILLED && protest_cause(doc, tb, &out[k])) ||
            earlier_step(doc, te, &out[k])) {
            continue;
        }
        out[k].more = adds_to_earlier(doc, tb, te, &out[k]);
        out[kept++] = out[k];
    }
    return kept;
}

static size_t casualties_scan(const sr_doc_t *doc, size_t tb, size_t te,
                              sr_cas_hit_t *out, size_t max)
{
    size_t count = 0;
    size_t used_until = tb; /* tokens already inside a hit */

    for (size_t i = tb; i < te && count < max; i++) {
        sr_cas_hit_t h;
        sr_qcount_t c;

        if (i < used_until || !may_start(doc, i)) {
            continue;
        }
        h.cumulative = h.total = 0;
        h.with_perps = h.within = 0;
        if (zero(doc, te, i, &h) || toll(doc, te, i, &h)) {
            out[count++] = h;
            used_until = h.te;
            continue;
        }
        if (verb_then_count(doc, tb, te, i, &h)) {
            int apart = count + 1 < max && companion(doc, te, &h, &out[count + 1]);

            out[count++] = h;
            used_until = h.te;
            if (apart) {
                used_until = out[count++].te;
            } else if (h.kind == SR_CAS_KILLED && count < max &&
                       (self_too(doc, te, &h, &out[count]) ||
                        attackers_besides(doc, tb, te, &h, &out[count]))) {
                used_until = out[count++].te;
            }
            continue;
        }
        h.total = 0;
        if (sr_count_at(doc, i, te, &c) > 0 && !is_sub_count(doc, tb, i) &&
            count_then_verb(doc, te, &c, &h)) {
            named_and_others(doc, used_until, i, &h);
            stated_total_after(doc, te, &h);
            if (count + 1 < max &&
                partner_before(doc, used_until, i, &h, &out[count])) {
                count++; /* the attacker first, in text order */
            }
            out[count++] = h;
            used_until = h.te;
            if (h.kind == SR_CAS_KILLED && count < max &&
                attackers_besides(doc, tb, te, &h, &out[count])) {
                used_until = out[count++].te;
            }
            continue;
        }
        if (verb_kind(doc, i) < 0) {
            /* the rules below all start at a casualty word; "burned
             * alive" is one only after "was" */
            if (in_addition(doc, tb, te, i, &h) ||
                (doc->text[doc->toks[i].start] == 'b' &&
                 singular_passive(doc, tb, te, i, &h))) {
                out[count++] = h;
                used_until = h.te;
            }
            continue;
        }
        if (among_the(doc, used_until, te, i, &h) ||
            people_list(doc, used_until, i, &h) ||
            another_hurt(doc, used_until, i, &h) ||
            left_dead(doc, used_until, te, i, &h) ||
            singular_passive(doc, tb, te, i, &h) ||
            singular_died(doc, tb, i, &h) ||
            singular_hurt(doc, used_until, i, &h)) {
            int apart = count + 1 < max && companion(doc, te, &h, &out[count + 1]);

            out[count++] = h;
            used_until = apart ? out[count++].te : h.te;
        } else if (manner_to_death(doc, used_until, te, i, &h) ||
                   bodies_of(doc, te, i, &h)) {
            out[count++] = h;
            used_until = h.te;
        }
    }
    return count;
}
