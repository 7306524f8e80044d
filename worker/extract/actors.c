/* actors.c - dictionary and generic actor mentions.
 *
 * Aliases are tokenized like article text and indexed by the hash of
 * their first word (sorted array + binary search), so matching costs one
 * hash per token.
 */
#include "actors.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "iso3166.h"
#include "xmalloc.h"

#define MAX_ALIAS_WORDS 12

enum {
    TMPL_NONE = 0,
    TMPL_DEMONYM,       /* "{demonym} soldiers": "Nigerien soldiers" */
    TMPL_COUNTRY_FIRST, /* "{country} army": "Myanmar army" */
    TMPL_COUNTRY_LAST   /* "military forces of {country}" */
};
#define DEMONYM_MARK "{demonym}"
#define COUNTRY_MARK "{country}"

typedef struct entry_s {
    char *canonical;
    char *type;
    /* home countries, ISO alpha-2 strings of the ISO table */
    const char *home[SR_ACTOR_MAX_HOMES];
    size_t nhome;
} entry_t;

typedef struct alias_s {
    uint64_t hash0;     /* hash of the first word (lower-cased) */
    uint32_t entry;
    uint32_t word0;     /* first word in words[] */
    uint16_t nwords;
    uint8_t exact_case; /* written in capitals: match only in capitals */
    uint8_t tmpl;       /* TMPL_*: a country comes with the alias */
    uint8_t shared;     /* another entry has the same alias (a group
                           with branches in several countries) */
    uint8_t same_first; /* its first word is the alias before's, byte for
                           byte, matched the same way (exact_case) */
} alias_t;

typedef struct word_s {
    char *w;
    size_t len;
    uint64_t hash; /* sr_lexicon_hash: a token hashed otherwise differs */
} word_t;

#define FIRST_BITS 16384
#define ALIAS_TOP_BITS 12

struct sr_actordict_s {
    /* which first-word hashes occur (mod FIRST_BITS): most tokens start
     * no alias and are rejected without the binary search */
    uint64_t first[4][FIRST_BITS / 64];   /* by TMPL_* of the alias */
    uint64_t tmpl_first[FIRST_BITS / 64]; /* first words after a country */
    uint64_t shape_words[FIRST_BITS / 64]; /* words shape_at looks for */
    uint64_t generic_words[FIRST_BITS / 64]; /* words generic_at looks for */
    /* aliases[] (sorted by hash0) whose hash0 has top bits b start at
     * by_top[b]: the binary search runs in that stretch only */
    uint32_t by_top[(1u << ALIAS_TOP_BITS) + 1];
    entry_t *entries;
    size_t nentries, entries_cap;
    alias_t *aliases;
    size_t naliases, aliases_cap;
    word_t *words;
    size_t nwords, words_cap;
};

static void shape_words_index(sr_actordict_t *ad);
static int maybe_word(const sr_actordict_t *ad, const uint64_t *bits,
                      const sr_doc_t *doc, size_t i);

static int alias_cmp(const void *a, const void *b)
{
    const alias_t *x = a, *y = b;

    if (x->hash0 != y->hash0) {
        return x->hash0 < y->hash0 ? -1 : 1;
    }
    /* longer aliases first: the first full match is the longest */
    if (x->nwords != y->nwords) {
        return (int)y->nwords - (int)x->nwords;
    }
    /* a shared alias: the row written first comes first */
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}

static int same_alias(const sr_actordict_t *ad, const alias_t *x,
                      const alias_t *y)
{
    if (x->hash0 != y->hash0 || x->nwords != y->nwords ||
        x->tmpl != y->tmpl || x->exact_case != y->exact_case) {
        return 0;
    }
    for (uint16_t k = 0; k < x->nwords; k++) {
        if (strcasecmp(ad->words[x->word0 + k].w, ad->words[y->word0 + k].w) !=
            0) {
            return 0;
        }
    }
    return 1;
}

static int same_homes(const entry_t *x, const entry_t *y)
{
    if (x->nhome != y->nhome) {
        return 0;
    }
    for (size_t k = 0; k < x->nhome; k++) {
        if (strcmp(x->home[k], y->home[k]) != 0) {
            return 0;
        }
    }
    return 1;
}

/* Marks the aliases that entries of different home countries share (of
 * the others the row written first is taken: it sorts first). */
static void mark_shared(sr_actordict_t *ad)
{
    for (size_t i = 0; i < ad->naliases; i++) {
        for (size_t j = i + 1;
             j < ad->naliases && ad->aliases[j].hash0 == ad->aliases[i].hash0;
             j++) {
            if (ad->aliases[j].entry != ad->aliases[i].entry &&
                !same_homes(&ad->entries[ad->aliases[i].entry],
                            &ad->entries[ad->aliases[j].entry]) &&
                same_alias(ad, &ad->aliases[i], &ad->aliases[j])) {
                ad->aliases[i].shared = 1;
                ad->aliases[j].shared = 1;
            }
        }
    }
}

/* Written in capitals ("ISIS", "M23") or a single word with inner
 * capitals ("LeT", "JeM"): such aliases collide with ordinary words when
 * folded, so they match only as written. */
static int is_acronym(const char *s, size_t n)
{
    size_t upper = 0, lower = 0, spaces = 0;

    for (size_t i = 0; i < n; i++) {
        lower += (s[i] >= 'a' && s[i] <= 'z');
        upper += (s[i] >= 'A' && s[i] <= 'Z');
        spaces += (s[i] == ' ');
    }
    if (upper >= 1 && lower == 0) {
        return 1;
    }
    return spaces == 0 && upper >= 2;
}

static sr_err_t add_alias(sr_actordict_t *ad, size_t entry, const char *s,
                          size_t n, char *errstr, size_t errstr_size,
                          const char *path, size_t line)
{
    sr_doc_t d;
    alias_t a;
    int tmpl = 0;
    char *copy;
    sr_err_t rc = SR_OK;

    while (n > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r')) {
        n--;
    }
    if (n == 0) {
        return SR_OK;
    }
    if (n > strlen(DEMONYM_MARK) &&
        strncmp(s, DEMONYM_MARK, strlen(DEMONYM_MARK)) == 0) {
        tmpl = TMPL_DEMONYM;
        s += strlen(DEMONYM_MARK);
        n -= strlen(DEMONYM_MARK);
    } else if (n > strlen(COUNTRY_MARK) &&
               strncmp(s, COUNTRY_MARK, strlen(COUNTRY_MARK)) == 0) {
        tmpl = TMPL_COUNTRY_FIRST;
        s += strlen(COUNTRY_MARK);
        n -= strlen(COUNTRY_MARK);
    } else if (n > strlen(COUNTRY_MARK) &&
               strncmp(s + n - strlen(COUNTRY_MARK), COUNTRY_MARK,
                       strlen(COUNTRY_MARK)) == 0) {
        tmpl = TMPL_COUNTRY_LAST;
        n -= strlen(COUNTRY_MARK);
    }
    copy = sr_xstrndup(s, n);
    sr_doc_init(&d);
    sr_doc_tokenize(&d, NULL, copy, n);
    memset(&a, 0, sizeof(a));
    a.entry = (uint32_t)entry;
    a.word0 = (uint32_t)ad->nwords;
    a.tmpl = (uint8_t)tmpl;
    for (size_t i = 0; i < d.ntok; i++) {
        const sr_tok_t *t = &d.toks[i];

        if (t->kind == SR_TOK_PUNCT || t->kind == SR_TOK_POSS) {
            continue;
        }
        if (a.nwords >= MAX_ALIAS_WORDS) {
            sr_errstr_set(errstr, errstr_size,
                          "%s:%zu: alias has more than %d words", path, line,
                          MAX_ALIAS_WORDS);
            rc = SR_ERR_CONFIG;
            goto out;
        }
        sr_xgrow((void **)&ad->words, &ad->words_cap, ad->nwords + 1,
                 sizeof(*ad->words));
        ad->words[ad->nwords].w = sr_xstrndup(copy + t->start, t->len);
        ad->words[ad->nwords].len = t->len;
        ad->words[ad->nwords].hash = t->hash;
        ad->nwords++;
        a.nwords++;
    }
    if (a.nwords == 0) {
        goto out;
    }
    a.exact_case = (uint8_t)is_acronym(copy, n);
    a.hash0 = sr_lexicon_hash(ad->words[a.word0].w, ad->words[a.word0].len);
    sr_xgrow((void **)&ad->aliases, &ad->aliases_cap, ad->naliases + 1,
             sizeof(*ad->aliases));
    ad->aliases[ad->naliases++] = a;
out:
    sr_doc_clear(&d);
    free(copy);
    return rc;
}

/* "Animal Liberation Front (ALF)" is written "Animal Liberation Front"
 * in text: a trailing acronym in brackets is not part of the alias. */
static size_t canonical_alias_len(const char *s)
{
    size_t n = strlen(s);
    const char *open = strrchr(s, '(');

    if (n == 0 || s[n - 1] != ')' || open == NULL || open == s) {
        return n;
    }
    if (!is_acronym(open + 1, (size_t)(s + n - 1 - (open + 1)))) {
        return n;
    }
    return (size_t)(open - s);
}

/* Parses "PK", "ML|BF|NE" into e->home: codes the ISO table knows, '|'
 * between; "" is no home. 0 when s is not such a list. */
static int parse_home(const char *s, entry_t *e)
{
    e->nhome = 0;
    if (*s == '\0') {
        return 1;
    }
    for (;; s += 3) {
        char cc[3] = {s[0], s[0] != '\0' ? s[1] : '\0', '\0'};
        const char *a3 = sr_iso3166_alpha3(cc);

        if (!(cc[0] >= 'A' && cc[0] <= 'Z' && cc[1] >= 'A' && cc[1] <= 'Z') ||
            a3 == NULL || e->nhome == SR_ACTOR_MAX_HOMES) {
            return 0;
        }
        /* the table's own string: compared and kept without copies */
        e->home[e->nhome++] = sr_iso3166_alpha2(a3);
        if (s[2] == '\0') {
            return 1;
        }
        if (s[2] != '|') {
            return 0;
        }
    }
}

int sr_actor_home_has(const sr_actor_hit_t *h, const char *cc)
{
    for (size_t k = 0; k < h->nhome; k++) {
        if (strcmp(h->home[k], cc) == 0) {
            return 1;
        }
    }
    return 0;
}

static sr_err_t parse_line(sr_actordict_t *ad, char *line, size_t lineno,
                           const char *path, char *errstr, size_t errstr_size)
{
    char *tab1 = strchr(line, '\t'), *tab2, *tab3, *p;
    entry_t home;
    size_t entry = ad->nentries;
    sr_err_t rc;

    if (tab1 == NULL || (tab2 = strchr(tab1 + 1, '\t')) == NULL) {
        sr_errstr_set(errstr, errstr_size,
                      "%s:%zu: expected 3 or 4 tab-separated columns "
                      "(canonical, type, aliases, home countries)",
                      path, lineno);
        return SR_ERR_CONFIG;
    }
    *tab1 = '\0';
    *tab2 = '\0';
    memset(&home, 0, sizeof(home));
    if ((tab3 = strchr(tab2 + 1, '\t')) != NULL) {
        *tab3 = '\0';
        if (!parse_home(tab3 + 1, &home)) {
            sr_errstr_set(errstr, errstr_size,
                          "%s:%zu: home countries must be ISO 3166 alpha-2 "
                          "codes separated by '|' (\"ML|BF|NE\"), not "
                          "\"%.40s\"",
                          path, lineno, tab3 + 1);
            return SR_ERR_CONFIG;
        }
    }
    if (*line == '\0' || tab1[1] == '\0') {
        sr_errstr_set(errstr, errstr_size,
                      "%s:%zu: empty canonical name or type", path, lineno);
        return SR_ERR_CONFIG;
    }
    sr_xgrow((void **)&ad->entries, &ad->entries_cap, ad->nentries + 1,
             sizeof(*ad->entries));
    ad->entries[entry].canonical = sr_xstrdup(line);
    ad->entries[entry].type = sr_xstrdup(tab1 + 1);
    memcpy(ad->entries[entry].home, home.home, sizeof(home.home));
    ad->entries[entry].nhome = home.nhome;
    ad->nentries++;
    if (strstr(line, COUNTRY_MARK) == NULL) {
        rc = add_alias(ad, entry, line, canonical_alias_len(line), errstr,
                       errstr_size, path, lineno);
        if (rc != SR_OK) {
            return rc;
        }
    }
    for (p = tab2 + 1; *p != '\0';) {
        size_t n = strcspn(p, "|\t");

        rc = add_alias(ad, entry, p, n, errstr, errstr_size, path, lineno);
        if (rc != SR_OK) {
            return rc;
        }
        p += n;
        if (*p != '\0') {
            p++;
        }
    }
    return SR_OK;
}

sr_actordict_t *sr_actordict_load(const char *path, char *errstr,
                                  size_t errstr_size)
{
    sr_actordict_t *ad = sr_xcalloc(1, sizeof(*ad));
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;

    if (f == NULL) {
        sr_errstr_set(errstr, errstr_size, "%s: %s", path, strerror(errno));
        sr_actordict_destroy(ad);
        return NULL;
    }
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) {
            line[--n] = '\0';
        }
        if (n == 0 || line[0] == '#') {
            continue;
        }
        if (parse_line(ad, line, lineno, path, errstr, errstr_size) != SR_OK) {
            free(line);
            fclose(f);
            sr_actordict_destroy(ad);
            return NULL;
        }
    }
    free(line);
    fclose(f);
    qsort(ad->aliases, ad->naliases, sizeof(*ad->aliases), alias_cmp);
    mark_shared(ad);
    for (size_t i = 1; i < ad->naliases; i++) {
        const alias_t *x = &ad->aliases[i - 1];
        alias_t *y = &ad->aliases[i];
        const word_t *wx = &ad->words[x->word0], *wy = &ad->words[y->word0];

        y->same_first = x->hash0 == y->hash0 &&
                        x->exact_case == y->exact_case && wx->len == wy->len &&
                        memcmp(wx->w, wy->w, wx->len) == 0;
    }
    shape_words_index(ad);
    for (size_t b = 0, i = 0; b <= (1u << ALIAS_TOP_BITS); b++) {
        while (i < ad->naliases &&
               ad->aliases[i].hash0 >> (64 - ALIAS_TOP_BITS) < b) {
            i++;
        }
        ad->by_top[b] = (uint32_t)i;
    }
    for (size_t i = 0; i < ad->naliases; i++) {
        size_t bit = ad->aliases[i].hash0 % FIRST_BITS;

        ad->first[ad->aliases[i].tmpl][bit / 64] |= 1ull << (bit % 64);
        if (ad->aliases[i].tmpl == TMPL_DEMONYM ||
            ad->aliases[i].tmpl == TMPL_COUNTRY_FIRST) {
            ad->tmpl_first[bit / 64] |= 1ull << (bit % 64);
        }
    }
    return ad;
}

void sr_actordict_destroy(sr_actordict_t *ad)
{
    if (ad == NULL) {
        return;
    }
    for (size_t i = 0; i < ad->nentries; i++) {
        free(ad->entries[i].canonical);
        free(ad->entries[i].type);
    }
    for (size_t i = 0; i < ad->nwords; i++) {
        free(ad->words[i].w);
    }
    free(ad->entries);
    free(ad->aliases);
    free(ad->words);
    free(ad);
}

size_t sr_actordict_count(const sr_actordict_t *ad)
{
    return ad ? ad->nentries : 0;
}

/* Tokens used when alias a matches from token i, else 0. Hyphens and
 * dots between words are skipped ("al-Shabaab", "al Shabaab"). *first:
 * whether the first word matches token i, when known (1, 0; -1: not
 * known), and set when tested. */
static size_t match_alias(const sr_actordict_t *ad, const alias_t *a,
                          const sr_doc_t *doc, size_t i, size_t te,
                          int *first)
{
    size_t j = i;
    uint16_t k = 0;

    if (*first == 1) {
        j = i + 1;
        k = 1;
    }
    for (; k < a->nwords; k++) {
        const word_t *w = &ad->words[a->word0 + k];
        const sr_tok_t *t;

        if (k > 0) {
            /* "al-Shabaab", "People's" (aliases are stored without "'s") */
            while (j < te && (sr_tok_punct(doc, j) == '-' ||
                              sr_tok_punct(doc, j) == '.' ||
                              sr_tok_punct(doc, j) == '\'' ||
                              sr_tok_punct(doc, j) == 0xE2 ||
                              doc->toks[j].kind == SR_TOK_POSS)) {
                j++;
            }
        }
        t = j < te ? &doc->toks[j] : NULL;
        if (t == NULL || t->kind == SR_TOK_PUNCT || t->len != w->len ||
            t->hash != w->hash ||
            (a->exact_case
                 ? memcmp(doc->text + t->start, w->w, w->len) != 0
                 : strncasecmp(doc->text + t->start, w->w, w->len) != 0)) {
            if (k == 0) {
                *first = 0;
            }
            return 0;
        }
        if (k == 0) {
            *first = 1;
        }
        j++;
    }
    return j - i;
}

static const alias_t *lookup_hashed(const sr_actordict_t *ad,
                                    const sr_doc_t *doc, size_t i, size_t te,
                                    int tmpl, size_t *ntok, uint64_t h)
{
    size_t lo = ad->by_top[h >> (64 - ALIAS_TOP_BITS)];
    size_t hi = ad->by_top[(h >> (64 - ALIAS_TOP_BITS)) + 1];
    /* aliases with the same first word follow one another: it is
     * compared with the token once */
    int first = -1;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;

        if (ad->aliases[mid].hash0 < h) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    for (; lo < ad->naliases && ad->aliases[lo].hash0 == h; lo++) {
        const alias_t *a = &ad->aliases[lo];
        size_t n;

        if (!a->same_first) {
            first = -1;
        }
        if (a->tmpl != tmpl || first == 0) {
            continue;
        }
        n = match_alias(ad, a, doc, i, te, &first);
        if (n > 0) {
            *ntok = n;
            return a;
        }
    }
    return NULL;
}

/* Inline: it runs twice for every token, and the first-word filter turns
 * nearly all of them away before any search. */
static inline const alias_t *lookup(const sr_actordict_t *ad,
                                    const sr_doc_t *doc, size_t i, size_t te,
                                    int tmpl, size_t *ntok)
{
    uint64_t h = doc->toks[i].hash; /* every token's, any kind */
    size_t bit = h % FIRST_BITS;

    if ((ad->first[tmpl][bit / 64] & (1ull << (bit % 64))) == 0) {
        return NULL; /* no alias of this kind starts with the word */
    }
    return lookup_hashed(ad, doc, i, te, tmpl, ntok, h);
}

const char *sr_actor_country(const char *name)
{
    /* the gazetteer follows GeoNames' current short names */
    static const char *const renamed[][2] = {
        {"Türkiye", "Turkey"},
        {"DR Congo", "Democratic Republic of Congo"},
        {"Czechia", "Czech Republic"},
        {"Eswatini", "eSwatini"},
    };

    for (size_t k = 0; name != NULL && k < sizeof(renamed) / sizeof(renamed[0]);
         k++) {
        if (strcmp(name, renamed[k][0]) == 0) {
            return renamed[k][1];
        }
    }
    return name;
}

static void fill_named(sr_actor_hit_t *h, const entry_t *e,
                       const char *country)
{
    const char *canonical = e->canonical;
    const char *mark = strstr(canonical, COUNTRY_MARK);

    h->security = 0;
    h->kind = SR_ACTOR_NAMED;
    h->type = e->type;
    /* a template's country comes from its own demonym or name */
    h->home = e->home;
    h->nhome = country != NULL ? 0 : e->nhome;
    if (mark != NULL && country != NULL) {
        snprintf(h->canonical, sizeof(h->canonical), "%.*s%s%s",
                 (int)(mark - canonical), canonical, country,
                 mark + strlen(COUNTRY_MARK));
    } else {
        snprintf(h->canonical, sizeof(h->canonical), "%s", canonical);
    }
}

/* Capitalised only because they open a sentence: "An Israeli Army bus",
 * "Members of the X Brigade". */
static const char *const lead_words[] = {
    "a", "an", "the", "members", "member", "some", "suspected", "several",
    "two", "three", "both", "fighters", "militants", "gunmen", NULL};
/* ... and before "of" only: "Cadres of the X Front" is X's (a list of its
 * own, looked up only then: every capitalised word tests lead_words) */
static const char *const of_lead_words[] = {
    "activists", "cadres", "separatists", "guerrillas", "insurgents",
    "rebels", "militiamen", "combatants", "loyalists", "elements",
    "commanders", NULL};

/* Adjectives kept with a generic perpetrator noun in its text. */
static const char *const perp_adjectives[] = {
    "armed", "heavily", "suspected", "islamist", "jihadist", "unidentified",
    "unknown", "masked", "islamic", "separatist", "rebel", "extremist",
    "hooded", "alleged", NULL};

/* "armed men", "unidentified individuals": a person noun made a
 * perpetrator by the adjective before it. */
static const char *const unknown_adjectives[] = {
    "armed", "masked", "unidentified", "unknown", "hooded", "suspected",
    NULL};
static const char *const person_nouns[] = {
    "men", "man", "group", "groups", "individuals", "individual", "persons",
    "person", "people", "actors", "youths", "elements", "outfit", "squad",
    NULL};
static const char *const gang_words[] = {
    "gang", "gangs", "gangsters", "gangster", "cartel", NULL};
/* GTD's ideology labels: "anti-Muslim extremists", "Palestinian
 * extremists", "white supremacists". */
static const char *const ideology_nouns[] = {
    "extremist", "extremists", "supremacist", "supremacists",
    "nationalist", "nationalists", "separatists", "settlers", "militia",
    NULL};
/* Labels that are no perpetrator word by themselves: only with their
 * qualifier ("Israeli settlers", "Iran-backed militia"). */
static const char *const label_nouns[] = {
    "supremacist", "supremacists", "nationalist", "nationalists", "settlers",
    "militia", NULL};

/* "held anti-government views": the label of who holds them */
/* "vigilantes clashed with bandits": ACLED's "Vigilante Militia" */
static const char *const vigilante_words[] = {"vigilantes", "vigilante",
                                              NULL};
static const char *const view_nouns[] = {
    "views", "beliefs", "ideology", "messages", "posts", "rhetoric",
    "sentiments", "writings", "slogans", "slurs", "chants", "insults",
    NULL};

static const char *const target_words[] = {
    "soldiers", "soldier", "troops", "police", "policemen", "policeman",
    "guards", "guard",
    "gendarmes", "peacekeepers", "troopers", "marines", "servicemen",
    "civilians", "villagers", "worshippers", "students", "passengers",
    "farmers", "residents", "children", "pupils", "churchgoers",
    "journalists", "pilgrims", "herders", "fishermen", "miners", NULL};
static const char *const agent_fillers[] = {
    "a", "an", "the", "some", "around", "about", "several", "unknown",
    "unidentified", "armed", "dozen", "of", "local", NULL};
static const char *const regime_words[] = {
    "regime", "government", "pro-government", "junta", "army", NULL};
static const char *const clan_words[] = {"clan", "clans", "clansmen", NULL};
/* "government forces", "regime troops": the state's, unnamed */
static const char *const state_adjectives[] = {
    "security", "government", "regime", "pro-government", "state",
    "junta", "federal", "military", NULL};

static const char *const self_words[] = {"self", "so", NULL};
static const char *const ideology_words[] = {"anti", "white", "far", "right",
                                            "pro", NULL};

/* "anti-Muslim extremist" -> "Anti-Muslim extremists": the label with a
 * capital and a plural noun. 0 when no qualifier comes before the noun. */
static int ideology_label(const sr_doc_t *doc, size_t tb, size_t noun,
                          char *out, size_t size, size_t *start)
{
    size_t b = noun, n;
    const sr_tok_t *t = &doc->toks[noun];

    /* "anti-Muslim", "Palestinian", "white" */
    while (b > tb && b + 4 > noun &&
           ((doc->toks[b - 1].cap &&
             !sr_tok_has(doc, b - 1, SR_W_WEEKDAY | SR_W_MONTH)) ||
            sr_tok_punct(doc, b - 1) == '-' ||
            sr_tok_in(doc, b - 1, ideology_words) ||
            (b > tb + 1 && sr_tok_punct(doc, b - 2) == '-') ||
            (sr_tok_punct(doc, b) == '-' &&
             doc->toks[b - 1].kind == SR_TOK_WORD))) {
        b--; /* "anti-government", "jihadi-inspired": both words */
    }
    while (b < noun && (sr_tok_punct(doc, b) == '-' || sr_tok_is(doc, b, "the") ||
                        sr_tok_is(doc, b, "an") || sr_tok_is(doc, b, "a"))) {
        b++;
    }
    /* "a self-styled militia", "so-called patriots": no ideology */
    if (b + 2 < noun && sr_tok_in(doc, b, self_words) &&
        sr_tok_punct(doc, b + 1) == '-') {
        b += 3;
    } else if (b > tb + 1 && b < noun && sr_tok_punct(doc, b - 1) == '-' &&
               sr_tok_in(doc, b - 2, self_words)) {
        b++; /* the walk back stopped inside "self-styled" */
    }
    if (b == noun || sr_tok_in(doc, b, perp_adjectives)) {
        return 0;
    }
    n = (size_t)snprintf(out, size, "%.*s",
                         (int)(t->start + t->len - doc->toks[b].start),
                         doc->text + doc->toks[b].start);
    if (n + 2 >= size) {
        return 0;
    }
    if (out[0] >= 'a' && out[0] <= 'z') {
        out[0] = (char)(out[0] - 32);
    }
    if (out[n - 1] != 's' && !sr_tok_is(doc, noun, "militia")) {
        out[n] = 's';
        out[n + 1] = '\0';
    }
    *start = b;
    return 1;
}

/* The name ACLED gives an unnamed perpetrator, or an ideology label; the
 * caller adds the country ("Unidentified Armed Group (Mali)"). */
static void generic_name(const sr_doc_t *doc, size_t tb, size_t start,
                         size_t end, sr_actor_hit_t *h)
{
    for (size_t j = start; j < end; j++) {
        size_t b;

        if (sr_tok_in(doc, j, ideology_nouns) &&
            ideology_label(doc, tb, j, h->canonical, sizeof(h->canonical),
                           &b)) {
            h->type = "EXTREMIST";
            if (b < h->tb) {
                h->tb = b; /* the label's words are the mention's */
            }
            return;
        }
        if (sr_tok_in(doc, j, gang_words)) {
            snprintf(h->canonical, sizeof(h->canonical), "Unidentified Gang");
            return;
        }
    }
    snprintf(h->canonical, sizeof(h->canonical), "Unidentified Armed Group");
}

/* People who act only as the agent of a passive: "by a man". */
static const char *const agent_nouns[] = {
    "man", "men", "people", "persons", "individuals", "youths", "group",
    "mob", "crowd", NULL};

/* "a military jet", "government warplanes": the state's, by its craft */
static const char *const craft_nouns[] = {
    "jet", "jets", "warplane", "warplanes", "aircraft", "helicopter",
    "helicopters", "gunship", "gunships", "drone", "drones", "bomber",
    "bombers", NULL};

/* "the army shelled", "the junta has": the state's forces by a word
 * that is also an adjective ("army base"), so only before a verb */
static const char *const army_words[] = {"army", "military", "junta",
                                         "regime", NULL};

static int verb_at(const sr_doc_t *doc, size_t i)
{
    const sr_tok_t *t = &doc->toks[i];

    if (t->kind != SR_TOK_WORD || t->cap) {
        return 0;
    }
    if (sr_tok_has(doc, i, SR_W_AUX) ||
        (sr_tok_has(doc, i, SR_W_TRIGGER) && !t->lex->trig_noun)) {
        return 1;
    }
    return t->len > 3 && doc->text[t->start + t->len - 2] == 'e' &&
           doc->text[t->start + t->len - 1] == 'd'; /* "shelled" */
}

/* craft only a state's forces fly: "warplanes pounded the town" */
static const char *const warcraft_nouns[] = {
    "warplane", "warplanes", "gunship", "gunships", NULL};
static const char *const fighter_words[] = {"fighter", "fighters", NULL};

/* "by" before token i, with only a determiner or a count between. */
static int agent_by(const sr_doc_t *doc, size_t tb, size_t i)
{
    for (size_t j = i; j > tb && j + 5 > i; j--) {
        const sr_tok_t *t = &doc->toks[j - 1];

        if (sr_tok_is(doc, j - 1, "by")) {
            return 1;
        }
        if (!(t->kind == SR_TOK_NUM ||
              sr_tok_has(doc, j - 1, SR_W_NUMWORD | SR_W_FEW | SR_W_VAGUE |
                                         SR_W_QUAL) ||
              sr_tok_in(doc, j - 1, agent_fillers))) {
            return 0;
        }
    }
    return 0;
}

static int herder_at(const sr_doc_t *doc, size_t i)
{
    return sr_tok_is(doc, i, "herdsmen") || sr_tok_is(doc, i, "herders") ||
           sr_tok_is(doc, i, "pastoralists");
}

/* "Kanuri ethnic individuals", "Dinka militiamen", "Hema militia": ACLED
 * names an ethnic militia "<People> Ethnic Militia" (the caller adds the
 * country). Returns the tokens used or 0. */
static size_t ethnic_at(const sr_gazetteer_t *gz, const sr_doc_t *doc,
                        size_t tb, size_t te, size_t i, sr_actor_hit_t *h)
{
    /* herders named by their people are ACLED's ethnic militia when
     * they act: "Misseriya herders attacked" */
    static const char *const heads[] = {"militia", "militias", "militiamen",
                                        "militiaman", "clan", "clansmen",
                                        "herdsmen", "herders", "pastoralists",
                                        NULL};
    static const char *const clans[] = {"clan", "clansmen", NULL};
    static const char *const people[] = {"youths", "youth", "individuals",
                                         "men", "fighters", "gunmen",
                                         "members", NULL};
    static const char *const qualifiers[] = {"ethnic", "communal", "tribal",
                                             "armed", NULL};
    const sr_tok_t *t = &doc->toks[i];
    size_t j = i + 1, end, name = i;
    int communal = 0, qualified = 0;

    if (!t->cap || t->kind != SR_TOK_WORD || t->allcaps || t->lex != NULL ||
        i + 1 >= te || doc->toks[i + 1].kind != SR_TOK_WORD) {
        return 0;
    }
    /* "armed Murle youth": the qualifier before the people */
    qualified = i > tb && sr_tok_in(doc, i - 1, qualifiers);
    /* "Hema and Lendu militias", "Sikin and Kaekin clansmen": the first
     * named side */
    if (sr_tok_is(doc, i + 1, "and") && i + 3 < te &&
        doc->toks[i + 2].cap && doc->toks[i + 2].kind == SR_TOK_WORD &&
        doc->toks[i + 2].lex == NULL && sr_tok_in(doc, i + 3, heads)) {
        j = i + 3;
    } else if (doc->toks[i + 1].cap) {
        /* "armed Lou Nuer youth": a section of a people, whose militia
         * ACLED names by the people */
        if (!qualified || i + 2 >= te || doc->toks[i + 1].lex != NULL ||
            doc->toks[i + 1].allcaps ||
            !(sr_tok_in(doc, i + 2, heads) || sr_tok_in(doc, i + 2, people))) {
            return 0;
        }
        name = i + 1;
        j = i + 2;
    }
    while (j < te && j < i + 3 && sr_tok_in(doc, j, qualifiers)) {
        communal |= sr_tok_is(doc, j, "communal");
        qualified = 1;
        j++;
    }
    if (j >= te || !(sr_tok_in(doc, j, heads) ||
                     (qualified && sr_tok_in(doc, j, people)))) {
        return 0;
    }
    /* a sentence's first word is capitalised anyway: "Local militia" */
    /* ... but no herders are the sentence's first word's by chance */
    if ((i == tb && !(qualified && !sr_tok_is(doc, i + 1, "armed")) &&
         !herder_at(doc, j)) ||
        sr_tok_in(doc, i, lead_words) || sr_tok_in(doc, i, perp_adjectives) ||
        (gz != NULL && sr_gazetteer_demonym(gz, doc->text + t->start,
                                            t->len) != NULL)) {
        return 0;
    }
    if (name != i) {
        t = &doc->toks[name];
        if (gz != NULL &&
            sr_gazetteer_demonym(gz, doc->text + t->start, t->len) != NULL) {
            return 0;
        }
    }
    end = j + 1;
    h->kind = SR_ACTOR_GENERIC_PERP;
    h->security = 0;
    h->tb = i;
    h->te = end;
    h->type = "MILITIA";
    snprintf(h->canonical, sizeof(h->canonical), "%.*s %s Militia",
             (int)t->len, doc->text + t->start,
             sr_tok_in(doc, j, clans) ? "Clan"
             : communal              ? "Communal"
                                     : "Ethnic");
    return end - i;
}

/* "Hausa vigilantes", "a vigilante group": a militia of the place, not
 * an unidentified armed group. Word tests, not word lists: a list more in
 * the doc's table costs every list after it; kept out of generic_at so
 * that it stays inlined. */
__attribute__((noinline)) static size_t
vigilante_at(const sr_doc_t *doc, size_t te, size_t i, sr_actor_hit_t *h)
{
    size_t end = i + 1;

    if (!(sr_tok_is(doc, i, "vigilantes") || sr_tok_is(doc, i, "vigilante")) ||
        (i + 1 < te && (sr_tok_is(doc, i + 1, "justice") ||
                        sr_tok_is(doc, i + 1, "killing") ||
                        sr_tok_is(doc, i + 1, "killings") ||
                        sr_tok_is(doc, i + 1, "violence")))) {
        return 0; /* "vigilante justice": a deed, no actor */
    }
    while (end < te && end < i + 3 &&
           (sr_tok_has(doc, end, SR_W_PERP) ||
            sr_tok_in(doc, end, person_nouns))) {
        end++;
    }
    h->kind = SR_ACTOR_GENERIC_PERP;
    h->type = "MILITIA";
    h->tb = i;
    h->te = end;
    snprintf(h->canonical, sizeof(h->canonical), "Vigilante Militia");
    return end - i;
}

/* "opposed abortion" -> "Anti-Abortion extremists", "hostile to Muslims"
 * -> "Anti-Muslim extremists": the creed names its object in the
 * singular. 0 when no word follows. */
static __attribute__((noinline)) size_t
stance_at(const sr_doc_t *doc, size_t tb, size_t te, size_t i,
          sr_actor_hit_t *h)
{
    size_t j = i + 1, n, p = i - 1;
    const sr_tok_t *t;

    static const char *const level_words[] = {
        "the", "federal", "local", "central", "national", "state",
        "provincial", "municipal", "regional", NULL};

    if (i == tb) {
        return 0;
    }
    if (p > tb && (sr_tok_is(doc, p, "long") || sr_tok_is(doc, p, "always") ||
                   (doc->toks[p].len > 4 &&
                    memcmp(doc->text + doc->toks[p].start + doc->toks[p].len - 2,
                           "ly", 2) == 0))) {
        p--; /* "who had long resented", "who openly despised" */
    }
    if (!(sr_tok_is(doc, p, "who") || sr_tok_is(doc, p, "had") ||
          sr_tok_is(doc, p, "was") || sr_tok_is(doc, p, "were") ||
          sr_tok_in(doc, i - 1, view_nouns) ||
          /* "described the gunman as opposed to the government"; "as
           * opposed to" after anything else only contrasts */
          (sr_tok_is(doc, i - 1, "as") && i > tb + 1 &&
           sr_tok_has(doc, i - 2, SR_W_PERP)))) {
        return 0; /* "protesters hostile to the mayor": no creed said */
    }
    h->canonical[0] = '\0';
    h->security = 0;

    if (j < te && sr_tok_is(doc, j, "to")) {
        j++;
    }
    while (j + 1 < te && j < i + 5 && sr_tok_in(doc, j, level_words) &&
           doc->toks[j + 1].kind == SR_TOK_WORD) {
        j++; /* "the local government" -> "Anti-Government"; "the state." */
    }
    if (j >= te || doc->toks[j].kind != SR_TOK_WORD || doc->toks[j].len < 4 ||
        !isalpha((unsigned char)doc->text[doc->toks[j].start])) {
        return 0;
    }
    t = &doc->toks[j];
    n = t->len;
    if (doc->text[t->start + n - 1] == 's' &&
        doc->text[t->start + n - 2] != 's') {
        n--; /* "Muslims" -> "Muslim", "immigrants" -> "Immigrant" */
    }
    snprintf(h->canonical, sizeof(h->canonical), "Anti-%c%.*s extremists",
             doc->text[t->start] & ~0x20, (int)n - 1,
             doc->text + t->start + 1);
    h->kind = SR_ACTOR_GENERIC_PERP;
    h->type = "EXTREMIST";
    h->tb = i;
    h->te = j + 1;
    return j + 1 - i;
}

/* One attacker, not a group: who pledges allegiance to a jihadist group
 * by himself is inspired by it, not its member. */
static const char *const lone_words[] = {
    "he", "she", "assailant", "attacker", "gunman", "shooter", "bomber",
    "perpetrator", "man", "woman", "suspect", "teenager", "youth",
    "individual", NULL};

/* "the gunman had pledged allegiance to the Islamic State", "an attacker
 * inspired by al-Qaeda": GTD's "Jihadi-inspired extremists", a label hit
 * on "allegiance" or "inspired" (the group keeps its own hit after it).
 * Militants who pledge allegiance stay the group's: only one attacker,
 * named in the clause before, is inspired. 1 if h is filled. */
static const char *const inspired_words[] = {"allegiance", "inspired",
                                             NULL};
/* the words of sr_tok_stance, for the index of generic_at's words only */
static const char *const stance_words[] = {
    "opposed", "hostile", "loathed", "opposing", "despised", "resented",
    "hated", NULL};

static __attribute__((noinline)) int
inspired_at(const sr_actordict_t *ad, const sr_doc_t *doc, size_t tb,
            size_t te, size_t i, sr_actor_hit_t *h)
{
    const alias_t *a;
    size_t j = i + 1, n, k;

    if (j < te && (sr_tok_is(doc, j, "to") || sr_tok_is(doc, j, "by"))) {
        j++;
    } else {
        return 0;
    }
    if (j < te && sr_tok_is(doc, j, "the")) {
        j++;
    }
    if (j >= te || (a = lookup(ad, doc, j, te, TMPL_NONE, &n)) == NULL ||
        strcmp(ad->entries[a->entry].type, "REBEL_ISLAMIST") != 0) {
        return 0;
    }
    for (k = i; k > tb; k--) {
        if (sr_tok_punct(doc, k - 1) == ';' || sr_tok_in(doc, k - 1, lone_words)) {
            break;
        }
    }
    if (k == tb || !sr_tok_in(doc, k - 1, lone_words)) {
        return 0;
    }
    h->kind = SR_ACTOR_GENERIC_PERP;
    snprintf(h->canonical, sizeof(h->canonical), "Jihadi-inspired extremists");
    h->type = "EXTREMIST";
    h->security = 0;
    /* "pledged allegiance": the verb is the mention's */
    h->tb = i > tb && sr_tok_is(doc, i, "allegiance") &&
                    doc->toks[i - 1].kind == SR_TOK_WORD && !doc->toks[i - 1].cap
                ? i - 1
                : i;
    h->te = i + 1;
    return 1;
}

static inline __attribute__((always_inline)) size_t
generic_at(const sr_actordict_t *ad, const sr_doc_t *doc,
                         size_t tb, size_t te, size_t i, sr_actor_hit_t *h)
{
    size_t start = i, end = i + 1, b;

    if (!sr_tok_has(doc, i, SR_W_PERP | SR_W_VICT_SEC | SR_W_VICT_CIV) &&
        !maybe_word(ad, ad ? ad->generic_words : NULL, doc, i)) {
        return 0; /* most words: one flag and one bit */
    }
    /* "who opposed abortion": a creed (no other generic word is one) */
    if (sr_tok_stance(doc, i)) {
        return stance_at(doc, tb, te, i, h);
    }
    /* (two compares, not a word list: a list's slot is shared with the
     * hot lists of this loop) */
    if (ad != NULL &&
        (sr_tok_is(doc, i, "allegiance") || sr_tok_is(doc, i, "inspired")) &&
        inspired_at(ad, doc, tb, te, i, h)) {
        return 1;
    }
    h->canonical[0] = '\0';
    h->type = NULL;
    h->security = 0;
    if (sr_tok_in(doc, i, view_nouns) &&
        ideology_label(doc, tb, i, h->canonical, sizeof(h->canonical), &b)) {
        /* "anti-government views" -> "Anti-government extremists" */
        size_t n = doc->toks[i].start - doc->toks[b].start;

        while (n > 0 && (h->canonical[n - 1] == ' ' ||
                         h->canonical[n - 1] == '-')) {
            n--;
        }
        snprintf(h->canonical + n, sizeof(h->canonical) - n, " extremists");
        h->kind = SR_ACTOR_GENERIC_PERP;
        h->type = "EXTREMIST";
        h->tb = b;
        h->te = end;
        return end - i;
    }
    if (sr_tok_in(doc, i, label_nouns) && !sr_tok_has(doc, i, SR_W_PERP) &&
        ideology_label(doc, tb, i, h->canonical, sizeof(h->canonical), &b)) {
        /* "Israeli settlers", "an Iran-backed militia" */
        h->kind = SR_ACTOR_GENERIC_PERP;
        h->type = "EXTREMIST";
        h->tb = b;
        h->te = end;
        return end - i;
    }
    if ((doc->text[doc->toks[i].start] | 0x20) == 'v' &&
        (b = vigilante_at(doc, te, i, h)) > 0) {
        return b; /* (the first letter first: most words never call) */
    }
    if (sr_tok_in(doc, i, clan_words) &&
        !(i > tb && doc->toks[i - 1].cap && doc->toks[i - 1].kind == SR_TOK_WORD)) {
        /* "inter-clan clashes", "clan militiamen": ACLED's unnamed clan */
        while (end < te && (sr_tok_has(doc, end, SR_W_PERP) ||
                            sr_tok_is(doc, end, "militia") ||
                            sr_tok_is(doc, end, "militiamen"))) {
            end++;
        }
        h->kind = SR_ACTOR_GENERIC_PERP;
        h->tb = start;
        h->te = end;
        snprintf(h->canonical, sizeof(h->canonical),
                 "Unidentified Clan Militia");
        return end - i;
    }
    if (sr_tok_in(doc, i, fighter_words) && i + 1 < te &&
        sr_tok_in(doc, i + 1, craft_nouns)) {
        /* "fighter jets": the state's craft, not fighters */
        h->kind = SR_ACTOR_GENERIC_TARGET;
        h->security = 1;
        h->tb = i;
        h->te = i + 2;
        return 2;
    }
    if (sr_tok_in(doc, i, craft_nouns) &&
        ((i > tb && (sr_tok_in(doc, i - 1, state_adjectives) ||
                     sr_tok_in(doc, i - 1, regime_words))) ||
         sr_tok_in(doc, i, warcraft_nouns))) {
        h->kind = SR_ACTOR_GENERIC_TARGET;
        h->security = 1;
        h->tb = i > tb && (sr_tok_in(doc, i - 1, state_adjectives) ||
                           sr_tok_in(doc, i - 1, regime_words))
                    ? i - 1
                    : i;
        h->te = end;
        return end - i;
    }
    if (i > tb && i + 1 < te && sr_tok_is(doc, i - 1, "the") &&
        sr_tok_in(doc, i, army_words) && verb_at(doc, i + 1)) {
        h->kind = SR_ACTOR_GENERIC_TARGET;
        h->security = 1;
        h->tb = i;
        h->te = i + 1;
        return 1;
    }
    if (sr_tok_in(doc, i, agent_nouns) && agent_by(doc, tb, i)) {
        /* "shot by a man", "beaten by around 3 dozen people" */
        h->kind = SR_ACTOR_GENERIC_PERP;
        h->tb = start;
        h->te = end;
        generic_name(doc, tb, start, end, h);
        return end - i;
    }
    if (sr_tok_in(doc, i, unknown_adjectives)) {
        /* "unidentified armed men", "a group of armed individuals" */
        while (end < te && end < i + 3 && sr_tok_in(doc, end, perp_adjectives)) {
            end++;
        }
        if (end < te && sr_tok_in(doc, end, person_nouns)) {
            end++;
            h->kind = SR_ACTOR_GENERIC_PERP;
            h->tb = start;
            h->te = end;
            generic_name(doc, tb, start, end, h);
            return end - i;
        }
        end = i + 1;
    }
    if (!sr_tok_has(doc, i, SR_W_PERP | SR_W_VICT_SEC | SR_W_VICT_CIV)) {
        return 0;
    }
    if (sr_tok_has(doc, i, SR_W_PERP) && i > tb &&
        sr_tok_in(doc, i - 1, regime_words) &&
        !(i > tb + 1 && sr_tok_punct(doc, i - 2) == '-')) {
        /* "a regime sniper", "pro-government fighters": the state's */
        start = i - 1;
        h->kind = SR_ACTOR_GENERIC_TARGET;
        h->security = 1;
    } else if (sr_tok_has(doc, i, SR_W_PERP)) {
        while (start > tb && sr_tok_in(doc, start - 1, perp_adjectives)) {
            start--;
        }
        while (end < te && sr_tok_has(doc, end, SR_W_PERP)) {
            end++;
        }
        h->kind = SR_ACTOR_GENERIC_PERP;
        h->tb = start;
        generic_name(doc, tb, start, end, h);
        start = h->tb;
    } else if (sr_tok_in(doc, i, target_words) ||
               ((sr_tok_is(doc, i, "forces") || sr_tok_is(doc, i, "troops")) &&
                i > tb && sr_tok_in(doc, i - 1, state_adjectives))) {
        if (i > tb && sr_tok_in(doc, i - 1, state_adjectives)) {
            start = i - 1;
        }
        h->kind = SR_ACTOR_GENERIC_TARGET;
        h->security = sr_tok_has(doc, i, SR_W_VICT_SEC);
    } else {
        return 0;
    }
    h->tb = start;
    h->te = end;
    return end - i;
}

/* The country whose name starts at token i ("Myanmar", "the Democratic
 * Republic of the Congo"); *ntok gets its tokens. */
static const sr_place_t *country_at(const sr_gazetteer_t *gz,
                                    const sr_doc_t *doc, size_t i, size_t te,
                                    size_t *ntok)
{
    const sr_place_t *c[4];
    size_t n, end, skip = 0, got;

    if (i < te && sr_tok_is(doc, i, "the")) {
        skip = 1;
        i++;
    }
    if (gz == NULL || i >= te || !doc->toks[i].cap) {
        return NULL;
    }
    n = sr_gazetteer_longest_name(gz, doc->text + doc->toks[i].start,
                                  doc->len - doc->toks[i].start, 6);
    if (n == 0) {
        return NULL;
    }
    end = doc->toks[i].start + n;
    got = sr_gazetteer_lookup(gz, doc->text + doc->toks[i].start, n, c, 4);
    if (got == 0 || c[0]->kind != SR_PLACE_COUNTRY) {
        return NULL;
    }
    for (size_t j = i; j < te; j++) {
        if ((size_t)doc->toks[j].start + doc->toks[j].len == end) {
            *ntok = j + 1 - i + skip;
            return c[0];
        }
    }
    return NULL;
}

/* A shared alias names the entry whose home is a country the document
 * names ("Islamic State Central Africa Province" in an article on
 * Mozambique is the Mozambican branch); else the row written first. */
/* (kept out of sr_actors_find: inlined, it pushes the per-token helpers
 * out of it, which costs every token) */
__attribute__((noinline)) static const alias_t *
shared_pick(const sr_actordict_t *ad, const sr_gazetteer_t *gz,
            const sr_doc_t *doc, const alias_t *a)
{
    size_t first = (size_t)(a - ad->aliases), nc;

    /* the same alias of two rows need not sort side by side: "Maoist
     * rebels" of one row may sort before "Maoist insurgents" of the same
     * row and the other row's "Maoist rebels" after it; all of them share
     * the first word's hash */
    while (first > 0 && ad->aliases[first - 1].hash0 == a->hash0) {
        first--;
    }
    for (size_t j = 0; gz != NULL && j < doc->ntok; j++) {
        const sr_tok_t *t = &doc->toks[j];
        const sr_place_t *c;

        if (!t->cap || t->kind != SR_TOK_WORD) {
            continue;
        }
        c = sr_gazetteer_demonym(gz, doc->text + t->start, t->len);
        if (c == NULL) {
            c = country_at(gz, doc, j, doc->ntok, &nc);
        }
        for (size_t k = first; c != NULL && k < ad->naliases &&
                               ad->aliases[k].hash0 == a->hash0;
             k++) {
            const entry_t *e = &ad->entries[ad->aliases[k].entry];

            if (!same_alias(ad, &ad->aliases[k], a)) {
                continue;
            }
            for (size_t m = 0; m < e->nhome; m++) {
                if (strcmp(e->home[m], c->country_code) == 0) {
                    return &ad->aliases[k];
                }
            }
        }
    }
    return a; /* the row written first: it sorts first of its alias */
}

/* 1 if a template alias may start within the three tokens after i: only
 * then is a country name looked for at i. */
static int template_ahead(const sr_actordict_t *ad, const sr_doc_t *doc,
                          size_t i, size_t te)
{
    for (size_t j = i + 1; j < te && j < i + 4; j++) {
        const sr_tok_t *t = &doc->toks[j];
        size_t bit;

        if (t->kind != SR_TOK_WORD) {
            continue;
        }
        bit = t->hash % FIRST_BITS;
        if (ad->tmpl_first[bit / 64] & (1ull << (bit % 64))) {
            return 1;
        }
    }
    return 0;
}

/* "Nigerien soldiers", "Myanmar army", "military forces of Armenia". */
static int template_at(const sr_actordict_t *ad, const sr_gazetteer_t *gz,
                       const sr_doc_t *doc, size_t i, size_t te,
                       sr_actor_hit_t *h)
{
    const sr_tok_t *t = &doc->toks[i];
    const sr_place_t *c = NULL;
    const alias_t *a = NULL;
    size_t n = 0, nc = 0;

    if (t->cap && t->lex == NULL && template_ahead(ad, doc, i, te)) {
        c = sr_gazetteer_demonym(gz, doc->text + t->start, t->len);
        if (c != NULL) {
            a = lookup(ad, doc, i + 1, te, TMPL_DEMONYM, &n);
            nc = 1;
        } else if ((c = country_at(gz, doc, i, te, &nc)) != NULL) {
            a = lookup(ad, doc, i + nc, te, TMPL_COUNTRY_FIRST, &n);
        }
    }
    if (a == NULL && (a = lookup(ad, doc, i, te, TMPL_COUNTRY_LAST, &n)) != NULL) {
        c = country_at(gz, doc, i + n, te, &nc);
    }
    if (a == NULL || c == NULL) {
        return 0;
    }
    fill_named(h, &ad->entries[a->entry], sr_actor_country(c->name));
    h->tb = i;
    h->te = i + nc + n;
    return 1;
}

/* "Pakistani and Indian forces", "the armies of Armenia and Azerbaijan":
 * the noun is both countries'. Adds the other country's hit next to
 * out[k] (before or after it, in text order; out has room for one more)
 * and returns 1, or returns 0. */
static __attribute__((noinline)) size_t
template_pair(const sr_gazetteer_t *gz, const sr_doc_t *doc, size_t tb,
              size_t te, sr_actor_hit_t *out, size_t k)
{
    sr_actor_hit_t *h = &out[k];
    const sr_place_t *c = NULL;
    const char *of = strstr(h->canonical, " of ");
    size_t nc = 0, at, off, j = h->tb;

    if (of == NULL) {
        return 0;
    }
    off = (size_t)(of - h->canonical) + 4;
    while (j < h->te && !sr_tok_is(doc, j, "of")) {
        j++;
    }
    if (h->tb >= tb + 2 && sr_tok_is(doc, h->tb - 1, "and") &&
        (k == 0 || out[k - 1].te <= h->tb - 2) &&
        doc->toks[h->tb - 2].cap && doc->toks[h->tb - 2].kind == SR_TOK_WORD &&
        doc->toks[h->tb].cap) {
        /* "Pakistani and Indian forces": a demonym before */
        at = h->tb - 2;
        c = sr_gazetteer_demonym(gz, doc->text + doc->toks[at].start,
                                 doc->toks[at].len);
        if (c == NULL) {
            return 0;
        }
        out[k + 1] = *h;
        h->tb = at;
        h->te = at + 1;
    } else if (h->te + 1 < te && j < h->te && sr_tok_is(doc, h->te, "and") &&
               (c = country_at(gz, doc, h->te + 1, te, &nc)) != NULL) {
        /* "military forces of India and Pakistan": a country after */
        out[k + 1] = *h;
        h = &out[k + 1];
        h->tb = out[k].te + 1;
        h->te = h->tb + nc;
    } else {
        return 0;
    }
    snprintf(h->canonical + off, sizeof(h->canonical) - off, "%s",
             sr_actor_country(c->name));
    return 1;
}

/* ---- group names by their shape ---- */

#define SHAPE_MAX_TOKS 14

/* Words that make a run of capitalised words an organisation: "the X
 * Liberation Front", "X Brigades", "Army of X", "Movement for X". */
static const char *const org_heads[] = {
    "front", "army", "brigade", "brigades", "movement", "party", "league",
    "organization", "organisation", "group", "alliance", "association",
    "militia", "militias", "resistance", "liberation", "commando",
    "commandos", "cell", "cells", "faction", "forces", "force", "lions",
    "eagles", "tigers", "battalion", "battalions", "mujahideen",
    "mujahidin", "mujahedeen", "jihad", "jund", "ansar", "jaish", "lashkar",
    "harakat", "jamaat", "jamaah", "jama'at", "katiba", "coordination",
    "coordinating", "squad", "squads", "committees", "partisans",
    "guerrillas", "revolutionaries", "defenders", "vanguard", "martyrs",
    "fighters", "tehrik", "tehreek", "hizb", "legion", "guardians",
    "avengers", "insurgency", NULL};
/* Lower-case words inside a name: "Movement for the Liberation of the
 * Coast", "Jund al-Khilafah". */
static const char *const name_links[] = {
    "of", "the", "for", "and", "in", "al", "el", "ul", "wal", "e", "i",
    "de", "la", "du", "des", "del", "ad", "ash", "as", "an", "bin", "ibn",
    "wa", "fi", "li", "y", NULL};
/* A name with these is the state's, when a country starts it. */
static const char *const state_heads[] = {
    "army", "forces", "force", "military", "navy", "guard", "guards", NULL};
static const char *const police_heads[] = {
    "police", "gendarmerie", "gendarmes", NULL};

/* A place or building named after a group is not the group: "Air Force
 * Base", "Police Station", "Armed Forces Career Center". */
static const char *const facility_words[] = {
    "base", "center", "centre", "station", "office", "camp", "headquarters",
    "school", "university", "college", "hospital", "airport", "hotel",
    "building", "ministry", "district", "street", "road", "square",
    "bridge", "market", "church", "mosque", "temple", "company",
    "corporation", "bank", "museum", "stadium", "academy", "barracks",
    "post", "checkpoint", "compound", "complex", "highway", "avenue",
    "park", "press", "court", "prison", "embassy", "consulate", NULL};

static void set_bit(uint64_t *bits, uint64_t h)
{
    size_t bit = h % FIRST_BITS;

    bits[bit / 64] |= 1ull << (bit % 64);
}

/* Indexes the words of the lists shape_at tests on every capitalised
 * token, so that most tokens are ruled out by one bit. */
static void index_words(uint64_t *bits, const char *const *const *lists,
                        size_t nlists)
{
    for (size_t l = 0; l < nlists; l++) {
        for (size_t k = 0; lists[l][k] != NULL; k++) {
            set_bit(bits, sr_lexicon_hash(lists[l][k], strlen(lists[l][k])));
        }
    }
}

/* Indexes the word lists that shape_at and generic_at test on tokens, so
 * that most tokens are ruled out by one bit. */
static void shape_words_index(sr_actordict_t *ad)
{
    const char *const *shape[] = {org_heads, facility_words, state_heads,
                                  police_heads};
    const char *const *generic[] = {clan_words, label_nouns, agent_nouns,
                                    unknown_adjectives, craft_nouns,
                                    view_nouns, army_words, vigilante_words,
                                    inspired_words, stance_words};

    index_words(ad->shape_words, shape, sizeof(shape) / sizeof(shape[0]));
    index_words(ad->generic_words, generic,
                sizeof(generic) / sizeof(generic[0]));
}

/* 0 when token i is surely in none of the lists indexed in bits. */
static int maybe_word(const sr_actordict_t *ad, const uint64_t *bits,
                      const sr_doc_t *doc, size_t i)
{
    size_t bit = doc->toks[i].hash % FIRST_BITS;

    return ad == NULL || (bits[bit / 64] & (1ull << (bit % 64))) != 0;
}

static int maybe_shape_word(const sr_actordict_t *ad, const sr_doc_t *doc,
                            size_t i)
{
    return maybe_word(ad, ad ? ad->shape_words : NULL, doc, i);
}

static int is_link(const sr_doc_t *doc, size_t i)
{
    int c = sr_tok_punct(doc, i);

    if (c == '-' || doc->toks[i].kind == SR_TOK_POSS) {
        return 1;
    }
    return doc->toks[i].kind == SR_TOK_WORD && !doc->toks[i].cap &&
           sr_tok_in(doc, i, name_links);
}

/* The country whose name or demonym opens the name at i, or NULL. */
static const sr_place_t *country_first(const sr_gazetteer_t *gz,
                                       const sr_doc_t *doc, size_t i,
                                       size_t te)
{
    const sr_tok_t *t = &doc->toks[i];
    const sr_place_t *c;
    size_t n;

    if (gz == NULL) {
        return NULL;
    }
    c = sr_gazetteer_demonym(gz, doc->text + t->start, t->len);
    return c != NULL ? c : country_at(gz, doc, i, te, &n);
}

/* "The Lions of Khilafah in the Maldives", "Mapuche Lavkenche Resistance":
 * a run of capitalised words (with "of", "the", "al-" between them) that
 * holds an organisation word and is not the start of a dictionary name.
 * The span itself is the canonical name. Returns its tokens or 0. */
/* "a group calling itself the Arm of the Revolution": a name its bearers
 * chose, whatever its words */
static int self_named(const sr_doc_t *doc, size_t i)
{
    static const char *const naming[] = {
        "calling", "called", "calls", "styling", "styled", "naming", "named",
        NULL};
    size_t j = i;

    if (j > 0 && sr_tok_is(doc, j - 1, "the")) {
        j--;
    }
    return j > 1 &&
           (sr_tok_is(doc, j - 1, "itself") ||
            sr_tok_is(doc, j - 1, "themselves")) &&
           sr_tok_in(doc, j - 2, naming);
}

/* The kind and the noun of a named crew ("criminal", "gang"): word
 * tests, not lists, since a list more in the doc's table can push a hot
 * list off its home slot. */
static int crew_kind(const sr_doc_t *doc, size_t k)
{
    return sr_tok_is(doc, k, "criminal") || sr_tok_is(doc, k, "armed") ||
           sr_tok_is(doc, k, "drug") || sr_tok_is(doc, k, "trafficking") ||
           sr_tok_is(doc, k, "militant") || sr_tok_is(doc, k, "rebel") ||
           sr_tok_is(doc, k, "jihadist") || sr_tok_is(doc, k, "separatist") ||
           sr_tok_is(doc, k, "extremist") || sr_tok_is(doc, k, "terrorist") ||
           sr_tok_is(doc, k, "paramilitary") || sr_tok_is(doc, k, "insurgent") ||
           sr_tok_is(doc, k, "street") || sr_tok_is(doc, k, "crime") ||
           sr_tok_is(doc, k, "smuggling") || sr_tok_is(doc, k, "kidnapping");
}

static int crew_noun(const sr_doc_t *doc, size_t k)
{
    return sr_tok_is(doc, k, "group") || sr_tok_is(doc, k, "gang") ||
           sr_tok_is(doc, k, "cartel") || sr_tok_is(doc, k, "militia") ||
           sr_tok_is(doc, k, "syndicate") || sr_tok_is(doc, k, "mafia") ||
           sr_tok_is(doc, k, "faction") || sr_tok_is(doc, k, "outfit") ||
           sr_tok_is(doc, k, "network");
}

/* "the Los Ardillos criminal group", "the Mungiki gang", "the Gulf
 * cartel": a name the text marks as a group's by the common noun after
 * it. The capitalised run [i, end) follows "the" (tested by the caller,
 * as most runs fail there); a demonym or a country ("the Mexican drug
 * cartel") names no group. Out of line: most calls fail at once. */
static __attribute__((noinline)) int crew_named(const sr_gazetteer_t *gz,
                                                const sr_doc_t *doc, size_t i,
                                                size_t end, size_t te)
{
    size_t k = end;

    /* up to two kind words: "criminal group", "drug-trafficking gang" */
    while (k + 1 < te && k < end + 4 &&
           (crew_kind(doc, k) || (k > end && sr_tok_punct(doc, k) == '-'))) {
        k++;
    }
    if (!crew_noun(doc, k)) {
        return 0;
    }
    return end > i + 1 || country_first(gz, doc, i, end) == NULL;
}

static size_t shape_at(const sr_actordict_t *ad, const sr_gazetteer_t *gz,
                       const sr_doc_t *doc, size_t i, size_t te,
                       sr_actor_hit_t *h)
{
    size_t j, end = i, caps = 0, n, and_at = 0;
    int head = 0, police = 0, state = 0, head_before_and = 0, last_head = 0;
    const sr_place_t *country;

    /* "The", "An", "Members of the": not part of the name; the name may
     * start at the next token */
    if (!doc->toks[i].cap || doc->toks[i].kind != SR_TOK_WORD ||
        sr_tok_in(doc, i, lead_words) ||
        (i + 1 < te && sr_tok_is(doc, i + 1, "of") &&
         sr_tok_in(doc, i, of_lead_words))) {
        return 0;
    }
    /* "Police in Kano arrested": a sentence's first word and where it
     * acts, no name */
    if (i + 1 < te && maybe_shape_word(ad, doc, i) &&
        (sr_tok_in(doc, i, police_heads) || sr_tok_in(doc, i, state_heads)) &&
        (sr_tok_is(doc, i + 1, "in") || sr_tok_is(doc, i + 1, "at") ||
         sr_tok_is(doc, i + 1, "near"))) {
        return 0;
    }
    for (j = i; j < te && j < i + SHAPE_MAX_TOKS; j++) {
        const sr_tok_t *t = &doc->toks[j];

        if (t->kind == SR_TOK_WORD && t->cap) {
            if (j > i && ad != NULL &&
                lookup(ad, doc, j, te, TMPL_NONE, &n) != NULL) {
                break; /* "... al-Qassam Brigades": the dictionary's */
            }
            caps++;
            end = j + 1;
            last_head = 0;
            if (!maybe_shape_word(ad, doc, j)) {
                continue;
            }
            if (sr_tok_in(doc, j, facility_words)) {
                return 0;
            }
            last_head = sr_tok_in(doc, j, org_heads);
            head |= last_head;
            police |= sr_tok_in(doc, j, police_heads);
            state |= sr_tok_in(doc, j, state_heads);
        } else if (sr_tok_is(doc, j, "and") && and_at == 0) {
            and_at = j;
            head_before_and = last_head;
        } else if (!is_link(doc, j)) {
            break;
        }
    }
    if (and_at > i && and_at < end && head_before_and) {
        end = and_at; /* "Coalition Forces and US troops": two actors */
    }
    caps = 0;
    for (j = i; j < end; j++) {
        caps += doc->toks[j].cap && doc->toks[j].kind == SR_TOK_WORD;
    }
    if (caps < 2 || !(head || police || self_named(doc, i))) {
        /* one word is a name only when the noun after it says so */
        if (head || police || end >= te || doc->toks[end].cap || i == 0 ||
            !sr_tok_is(doc, i - 1, "the") || !crew_named(gz, doc, i, end, te)) {
            return 0;
        }
    }
    country = police || state ? country_first(gz, doc, i, end) : NULL;
    h->kind = SR_ACTOR_NAMED;
    h->security = 0;
    h->tb = i;
    h->te = end;
    h->type = police || country != NULL ? "STATE_FORCES" : "GROUP";
    if (country != NULL) {
        /* "Rwanda Defense Forces": named as the dictionary's templates */
        snprintf(h->canonical, sizeof(h->canonical), "%s Forces of %s",
                 police ? "Police" : "Military", country->name);
    } else {
        snprintf(h->canonical, sizeof(h->canonical), "%.*s",
                 (int)(doc->toks[end - 1].start + doc->toks[end - 1].len -
                       doc->toks[i].start),
                 doc->text + doc->toks[i].start);
    }
    return end - i;
}

/* "Name (ACR)": the bracketed acronym belongs to the name before it and
 * is no second actor; when the name was only recognised by its shape and
 * the acronym is in the dictionary, the dictionary's entry names both. */
static void take_acronym(const sr_actordict_t *ad, const sr_doc_t *doc,
                         size_t te, sr_actor_hit_t *h)
{
    const alias_t *a;
    size_t n = 0, j = h->te;

    if (j + 2 >= te || sr_tok_punct(doc, j) != '(' ||
        !doc->toks[j + 1].allcaps) {
        return;
    }
    /* "(JTMM-G)": the acronym may hold a hyphen */
    a = ad != NULL ? lookup(ad, doc, j + 1, te, TMPL_NONE, &n) : NULL;
    if (n == 0) {
        n = 1;
    }
    if (j + 1 + n >= te || sr_tok_punct(doc, j + 1 + n) != ')') {
        return;
    }
    if (a != NULL && h->type != NULL && strcmp(h->type, "GROUP") == 0) {
        fill_named(h, &ad->entries[a->entry], NULL);
    }
    h->te = j + 2 + n;
}

/* "stabbed by a Palestinian": a nationality as the agent of a passive is
 * an unidentified attacker. */
static size_t demonym_agent(const sr_gazetteer_t *gz, const sr_doc_t *doc,
                            size_t tb, size_t i, sr_actor_hit_t *h)
{
    const sr_tok_t *t = &doc->toks[i];

    if (gz == NULL || !t->cap || t->kind != SR_TOK_WORD || i < tb + 2 ||
        !(sr_tok_is(doc, i - 1, "a") || sr_tok_is(doc, i - 1, "an")) ||
        !sr_tok_is(doc, i - 2, "by") ||
        sr_gazetteer_demonym(gz, doc->text + t->start, t->len) == NULL) {
        return 0;
    }
    h->kind = SR_ACTOR_GENERIC_PERP;
    h->security = 0;
    h->type = NULL;
    h->tb = i;
    h->te = i + 1;
    snprintf(h->canonical, sizeof(h->canonical), "Unidentified Armed Group");
    return 1;
}

/* "a militant of Hizbul Mujahideen", "fighters of the Islamic State": the
 * generic perpetrator is the named group's. */
static void belong_to_named(const sr_doc_t *doc, sr_actor_hit_t *hits,
                            size_t n)
{
    for (size_t k = 0; k + 1 < n; k++) {
        sr_actor_hit_t *g = &hits[k];
        const sr_actor_hit_t *named = &hits[k + 1];
        size_t j = g->te;

        if (g->kind != SR_ACTOR_GENERIC_PERP || named->kind != SR_ACTOR_NAMED ||
            j >= named->tb || !sr_tok_is(doc, j, "of")) {
            continue;
        }
        if (j + 1 < named->tb && sr_tok_is(doc, j + 1, "the")) {
            j++;
        }
        if (j + 1 == named->tb) {
            snprintf(g->canonical, sizeof(g->canonical), "%s",
                     named->canonical);
            g->type = named->type;
            g->kind = SR_ACTOR_NAMED;
        }
    }
}

size_t sr_actors_find(const sr_actordict_t *ad, const sr_gazetteer_t *gz,
                      const sr_doc_t *doc, size_t tb, size_t te,
                      sr_actor_hit_t *out, size_t max)
{
    size_t count = 0;

    for (size_t i = tb; i < te && count < max;) {
        const sr_tok_t *t = &doc->toks[i];
        const alias_t *a = NULL;
        size_t n = 0;
        sr_actor_hit_t *h = &out[count];

        h->nhome = 0;
        if (t->kind != SR_TOK_WORD && t->kind != SR_TOK_NUM) {
            i++;
            continue;
        }
        if (ad != NULL && gz != NULL && i + 1 < te &&
            template_at(ad, gz, doc, i, te, h)) {
            count++;
            i = h->te;
            if (count < max && template_pair(gz, doc, tb, te, out, count - 1)) {
                i = out[count++].te;
            }
            continue;
        }
        if (ad != NULL && (a = lookup(ad, doc, i, te, TMPL_NONE, &n)) != NULL) {
            if (a->shared) {
                a = shared_pick(ad, gz, doc, a);
            }
            fill_named(h, &ad->entries[a->entry], NULL);
            h->tb = i;
            h->te = i + n;
            /* "al-Shabaab militants": the noun belongs to the name */
            while (h->te < te && sr_tok_has(doc, h->te, SR_W_PERP)) {
                h->te++;
            }
            take_acronym(ad, doc, te, h);
            count++;
            i = h->te;
            continue;
        }
        if (t->cap && (n = shape_at(ad, gz, doc, i, te, h)) > 0) {
            take_acronym(ad, doc, te, h);
            count++;
            i = h->te;
            continue;
        }
        n = demonym_agent(gz, doc, tb, i, h);
        /* (its first test here: most tokens never make the call) */
        if (n == 0 && t->cap && t->kind == SR_TOK_WORD && !t->allcaps &&
            t->lex == NULL) {
            n = ethnic_at(gz, doc, tb, te, i, h);
        }
        if (n == 0) {
            n = generic_at(ad, doc, tb, te, i, h);
        }
        if (n > 0) {
            count++;
            i += n;
            continue;
        }
        i++;
    }
    belong_to_named(doc, out, count);
    return count;
}
