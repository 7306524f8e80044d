/* places.c - place mentions through the gazetteer. */
#include "places.h"

#include <string.h>

#define MAX_NAME_WORDS 5
/* A bare town name with no preposition is believed only for big towns. */
#define BARE_TOWN_MIN_POPULATION 100000
/* The longest word a respelling is tried on. */
#define MAX_RESPELLED 64

static const char *const place_nouns[] = {
    "the", "town", "village", "city", "district", "area", "region",
    "province", "state", "of", "northern", "southern", "eastern", "western",
    "central", "north", "south", "east", "west", "northeastern",
    "northwestern", "southeastern", "southwestern", "-", "restive",
    "remote", "county", "locality", "commune", "outskirts", "capital",
    "neighbouring", "neighboring", "settlement", "camp", "market", "rural",
    "urban", "downtown", NULL};

static const char *const directions[] = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast",
    "southwest", "centre", "center", "interior", NULL};

static const char *const admin_words[] = {
    "region", "province", "state", "county", "governorate", "department",
    "prefecture", "oblast", NULL};

/* Units below admin1 that are usually named after their seat: "Konduga
 * LGA", "Hpa-an Township", "Sylhet Sadar upazila". */
static const char *const district_words[] = {
    "district", "lga", "township", "upazila", "tehsil", "subdivision",
    "subdistrict", "municipality", "commune", "sector", "cercle", "agency",
    "woreda", "taluka", "raion",
    "districts", "lgas", "townships", "sectors", "communes", "agencies",
    "woredas", NULL};

/* "north-east of X", "the outskirts of X", "15 km of X": near X. */
static const char *const near_of_words[] = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast",
    "southwest", "outskirts", "vicinity", "km", "kilometres", "kilometers",
    "miles", NULL};

/* "20 km from X" */
static const char *const distance_units[] = {"km", "kilometres",
                                             "kilometers", "miles", NULL};

static const char *const near_lead_words[] = {"the", "some", "about",
                                              "around", "on", NULL};

/* "the old market neighbourhood of X": what comes after "of" is a
 * place. */
static const char *const part_of_words[] = {
    "outskirts", "neighbourhood", "neighborhood", "suburb", "suburbs",
    "town", "city", "village", "district", "province", "region", "state",
    "countryside", "vicinity", "centre", "center", "heart", "parts",
    "municipality", "governorate", "department", "county", "capital",
    "localities", "locality", "areas", "area", "villages", "towns",
    "hinterland", "hinterlands", "environs", "surroundings", "periphery",
    "streets", "market", "port", "kebele", "barangay", NULL};

static const char *const same_what[] = {
    "area", "region", "department", "province", "district", "state", "town",
    "village", "city", "county", "locality", "place", NULL};

/* Facilities named after their town: "Kano Road", "Kabul Airport",
 * "Kuje prison". */
static const char *const named_after_town[] = {
    "road", "highway", "bridge", "airport", "junction", "checkpoint",
    "market", "station", "barracks", "prison", "jail", NULL};

/* "Konduga town", "Bama village": the noun makes the name a place. */
static const char *const settlement_nouns[] = {
    "town", "village", "city", "locality", "hamlet", "settlement", NULL};

/* English nouns that name a country only in its own language ("Island",
 * Iceland): "off Bioko Island" is no Icelandic story. */
static const char *const foreign_country_nouns[] = {"island", NULL};

/* Country names that are also first names. */
static const char *const given_names[] = {"chad", "jordan", "georgia",
                                          "israel", "india", "china", NULL};

/* A route: "fled to X", "came from X". "across the state" is where it
 * happened, and "a rocket fired into X" where it landed. */
static const char *const motion_preps[] = {"from", "to", "towards",
                                           "toward", NULL};

/* 1 if the name ending before token e starts a route's name: "the
 * Bama-Maiduguri road", "the Juba-Yei Highway". */
static int route_end(const sr_doc_t *doc, size_t e, size_t te)
{
    static const char *const route_nouns[] = {
        "road", "highway", "route", "axis", "expressway", "motorway",
        "railway", NULL};

    if (e + 2 >= te || sr_tok_punct(doc, e) != '-' ||
        doc->toks[e].space_before) {
        return 0;
    }
    for (size_t j = e + 1; j < te && j < e + 5; j++) {
        if (sr_tok_in(doc, j, route_nouns)) {
            return j > e + 1;
        }
        if (doc->toks[j].kind != SR_TOK_WORD || !doc->toks[j].cap) {
            return 0;
        }
    }
    return 0;
}

/* The first token of a coder's note that ends just before token i
 * ("coded to X", "coordinates are for X"), or (size_t)-1. */
static size_t coder_note(const sr_doc_t *doc, size_t tb, size_t i)
{
    static const char *const coded_preps[] = {"to", "as", "at", NULL};

    if (i >= tb + 2 && sr_tok_is(doc, i - 2, "coded") &&
        sr_tok_in(doc, i - 1, coded_preps)) {
        return i - 2;
    }
    if (i >= tb + 2 && sr_tok_is(doc, i - 1, "for") &&
        sr_tok_is(doc, i - 2, "coordinates")) {
        return i - 2;
    }
    if (i >= tb + 3 && sr_tok_is(doc, i - 1, "for") &&
        sr_tok_is(doc, i - 2, "are") && sr_tok_is(doc, i - 3, "coordinates")) {
        return i - 3;
    }
    return (size_t)-1;
}

/* "Safala (Abala, Tillabery)": ACLED-style containers in brackets. */
static int in_parentheses(const sr_doc_t *doc, size_t tb, size_t i)
{
    for (size_t j = i; j > tb && j + 5 > i; j--) {
        int p = sr_tok_punct(doc, j - 1);

        if (p == '(' || p == '[') {
            return 1;
        }
        if (p == ')' || p == ']') {
            return 0;
        }
    }
    return 0;
}

static const char *const preps[] = {"in", "near", "at", "outside", "around",
                                    "from", "across", "inside", "into",
                                    "to", "close", "towards", "toward",
                                    "between", "on", "within", NULL};

/* "in Mapawa, Surigao City, Surigao del Norte": every name of a comma
 * chain that a preposition opened is a place. */
static int in_chain(const sr_doc_t *doc, size_t tb, size_t i)
{
    static const char *const admin_nouns[] = {
        "district", "province", "region", "county", "township", "village",
        "state", "city", "town", "area", "zone", "department", "sector",
        "municipality", "subdistrict", "division", "governorate", NULL};
    size_t j = i;

    for (int steps = 0; j > tb && steps < 16; steps++) {
        const sr_tok_t *t = &doc->toks[j - 1];

        if (sr_tok_in(doc, j - 1, preps) && steps > 0) {
            return 1;
        }
        if (!(sr_tok_punct(doc, j - 1) == ',' || sr_tok_punct(doc, j - 1) == '-' ||
              (t->kind == SR_TOK_WORD && t->cap) ||
              sr_tok_in(doc, j - 1, admin_nouns))) {
            return 0;
        }
        if (steps == 0 && sr_tok_punct(doc, j - 1) != ',') {
            return 0; /* the name itself must follow a comma */
        }
        j--;
    }
    return 0;
}


/* The Arabic article as news spells it: "Ar Ramadi", "As Sulaymaniyah". */
static const char *const arabic_articles[] = {
    "al", "el", "ar", "as", "ad", "an", "at", "ash", "az", "ath", "adh",
    "ul", NULL};

/* "Greater Seattle": the area around a town the gazetteer holds only by
 * the town's name. */
static const char *const area_prefixes[] = {"greater", NULL};

/* 1 if the "in" at token prep closes a destination: "addressed to the
 * ministry in X", "taken to a hospital in X", where someone or something
 * went, not where the incident was. "set fire to a mosque in X" is the
 * incident, hence the verbs of sending; "to" before a verb ("sent to
 * attack the base in X") is no destination either. */
static int in_destination(const sr_doc_t *doc, size_t tb, size_t prep)
{
    static const char *const determiners[] = {"the", "a", "an", "his", "her",
                                              "their", "its", NULL};
    static const char *const sending[] = {
        "addressed", "sent", "mailed", "posted", "delivered", "taken",
        "rushed", "flown", "airlifted", "evacuated", "transferred",
        "moved", "brought", "referred", "deported", "returned",
        "relocated", "transported", "admitted", NULL};

    for (size_t j = prep; j > tb && j + 8 > prep; j--) {
        if (sr_tok_is(doc, j - 1, "to")) {
            return j < prep && j - 1 > tb &&
                   sr_tok_in(doc, j - 2, sending) &&
                   (sr_tok_in(doc, j, determiners) ||
                    (doc->toks[j].kind == SR_TOK_WORD && doc->toks[j].cap));
        }
        if ((doc->toks[j - 1].kind != SR_TOK_WORD &&
             doc->toks[j - 1].kind != SR_TOK_POSS) ||
            (j < prep && sr_tok_in(doc, j - 1, preps) &&
             !sr_tok_is(doc, j - 1, "of"))) {
            return 0;
        }
    }
    return 0;
}

/* Index of the preposition introducing a name at token i, or (size_t)-1. */
static size_t find_prep(const sr_doc_t *doc, size_t tb, size_t i)
{
    size_t j = i;

    for (int steps = 0; j > tb && steps < 6; steps++) {
        j--;
        if (sr_tok_in(doc, j, preps)) {
            /* "close to X" */
            if (sr_tok_is(doc, j, "to") && j > tb &&
                sr_tok_is(doc, j - 1, "close")) {
                return j - 1;
            }
            return j;
        }
        if (doc->toks[j].kind == SR_TOK_POSS && j > tb + 1 &&
            doc->toks[j - 1].cap) {
            j--; /* "in Niger's Tillabéri region" */
            continue;
        }
        if (steps == 0 && doc->toks[j].cap &&
            sr_tok_in(doc, j, arabic_articles)) {
            continue; /* "in Ar Ramadi" */
        }
        if (!sr_tok_in(doc, j, place_nouns) && sr_tok_punct(doc, j) != '-') {
            break;
        }
    }
    return (size_t)-1;
}

/* Token index ending exactly at byte end, or 0 if none in [from, te). */
static size_t token_end_at(const sr_doc_t *doc, size_t from, size_t te,
                           size_t end)
{
    for (size_t j = from; j < te; j++) {
        size_t e = (size_t)doc->toks[j].start + doc->toks[j].len;

        if (e == end) {
            return j + 1;
        }
        if (e > end) {
            break;
        }
    }
    return 0;
}

static int is_modifier(const sr_doc_t *doc, size_t tb, size_t te, size_t b,
                       size_t e)
{
    size_t j = e;

    if (j < te && doc->toks[j].kind == SR_TOK_POSS) {
        j++;
    }
    if (j < te && (sr_tok_is(doc, j, "border") ||
                   sr_tok_is(doc, j, "borders") ||
                   sr_tok_is(doc, j, "frontier"))) {
        return 1;
    }
    if (e + 1 < te && sr_tok_punct(doc, e) == '-' &&
        (sr_tok_is(doc, e + 1, "based") || sr_tok_is(doc, e + 1, "backed") ||
         sr_tok_is(doc, e + 1, "led") || sr_tok_is(doc, e + 1, "born"))) {
        return 1;
    }
    for (size_t k = b; k > tb && k + 4 > b; k--) {
        if (sr_tok_is(doc, k - 1, "in") || sr_tok_is(doc, k - 1, "at") ||
            sr_tok_is(doc, k - 1, "near")) {
            return 0; /* "along the border in Mafa": in Mafa */
        }
        if (sr_tok_is(doc, k - 1, "border") ||
            sr_tok_is(doc, k - 1, "borders") ||
            sr_tok_is(doc, k - 1, "bordering")) {
            return 1;
        }
    }
    return 0;
}

static int starts_name_tail(const sr_doc_t *doc, size_t tb, size_t i)
{
    const sr_tok_t *p;

    if (i == tb) {
        return 0;
    }
    p = &doc->toks[i - 1];
    return p->kind == SR_TOK_WORD && p->cap &&
           !sr_tok_has(doc, i - 1, SR_W_STOPCAP) &&
           !sr_tok_in(doc, i - 1, arabic_articles) &&
           !sr_tok_in(doc, i - 1, area_prefixes);
}

/* "Inates, Niger": a container right after a comma or "in". */
/* Small words inside names: "Maguindanao del Norte", "Río de la Plata". */
static const char *const name_particles[] = {
    "de", "del", "la", "las", "los", "da", "do", "dos", "das", "di", "du",
    "des", "al", "el", "ul", NULL};

static int followed_by_container(const sr_gazetteer_t *gz,
                                 const sr_doc_t *doc, size_t e, size_t te)
{
    size_t j = e + 1;

    /* "Kontagora in Niger State" too; ACLED's "Lalibela (Lasta, North
     * Wollo, Amhara)" names its containers in brackets */
    if (e + 1 >= te ||
        !(sr_tok_punct(doc, e) == ',' || sr_tok_punct(doc, e) == '(' ||
          sr_tok_is(doc, e, "in"))) {
        return 0;
    }
    /* the chain's first items may be names the gazetteer lacks: "Datu
     * Paglas, Maguindanao, Philippines" */
    for (int item = 0; item < 4 && j < te && doc->toks[j].cap; item++) {
        const sr_place_t *c[8];
        size_t start = doc->toks[j].start;
        size_t n = sr_gazetteer_longest_name(gz, doc->text + start,
                                             doc->len - start, MAX_NAME_WORDS);
        size_t got = n == 0 ? 0 : sr_gazetteer_lookup(gz, doc->text + start,
                                                      n, c, 8);

        for (size_t k = 0; k < got && k < 8; k++) {
            if (c[k]->kind != SR_PLACE_CITY) {
                return 1;
            }
        }
        while (j < te && (doc->toks[j].cap || sr_tok_punct(doc, j) == '-' ||
                          sr_tok_in(doc, j, name_particles))) {
            j++;
        }
        if (j + 1 >= te || sr_tok_punct(doc, j) != ',') {
            return 0;
        }
        j++;
    }
    return 0;
}

/* 1 if token i names a country or an admin1 region ("Iraq" of "Dihok
 * Iraq", "Delta" of "Niger Delta"). */
static int names_region(const sr_gazetteer_t *gz, const sr_doc_t *doc,
                        size_t i)
{
    const sr_place_t *c[4];
    size_t got = sr_gazetteer_lookup(gz, doc->text + doc->toks[i].start,
                                     doc->toks[i].len, c, 4);

    return got > 0 && c[0]->kind != SR_PLACE_CITY;
}

/* A bare mention must spell the town's own name: "Molotov cocktails" is
 * not Perm, whatever Perm was once called. */
static int primary_name(const sr_doc_t *doc, size_t i, size_t e,
                        const sr_place_t *p)
{
    char a[128], b[128];
    size_t start = doc->toks[i].start;
    size_t end = (size_t)doc->toks[e - 1].start + doc->toks[e - 1].len;
    size_t na = sr_fold_name(doc->text + start, end - start, a, sizeof(a));
    size_t nb = sr_fold_name(p->name, strlen(p->name), b, sizeof(b));

    return na == nb && memcmp(a, b, na) == 0;
}

/* "the Movement for the Liberation of the Congo", "Islamic State of
 * Iraq", "the Cartel de Sinaloa": a place inside a capitalised name is
 * part of that name (after "of" only a country: "the University of
 * Maiduguri" is in Maiduguri). */
static int in_org_name(const sr_doc_t *doc, size_t tb, size_t i)
{
    size_t j = i;

    if (j > tb && sr_tok_is(doc, j - 1, "the")) {
        j--;
    }
    if (j < tb + 2 || !(sr_tok_is(doc, j - 1, "of") ||
                        sr_tok_is(doc, j - 1, "for") ||
                        sr_tok_is(doc, j - 1, "de"))) {
        return 0;
    }
    return doc->toks[j - 2].kind == SR_TOK_WORD && doc->toks[j - 2].cap &&
           !sr_tok_has(doc, j - 2, SR_W_STOPCAP) && j - 2 > tb;
}

/* gaz_hit() of the token after a place: "in Mafa and Dikwa districts",
 * "Mafa, Dikwa or Bama" share the first name's evidence. */
static int after_place(const sr_doc_t *doc, const sr_place_hit_t *prev,
                       size_t i)
{
    if (prev == NULL || prev->kind != SR_PH_PLACE || prev->modifier ||
        !(prev->prep || prev->admin_word) || i != prev->te + 1) {
        return 0;
    }
    return sr_tok_is(doc, prev->te, "and") || sr_tok_is(doc, prev->te, "or");
}

/* Romanisations that differ in one habit: "Maijdee" for Maijdi,
 * "Dantewada" for Dantewara, "Chittoor" for Chittur. */
static const char *const respellings[][2] = {
    {"ee", "i"}, {"oo", "u"}, {"wada", "wara"}, {"wara", "wada"}};

/* Writes word w (len bytes) with every "from" replaced by "to" into out;
 * returns the new length, or 0 when nothing changed or out is too small. */
static size_t respell(const char *w, size_t len, const char *from,
                      const char *to, char *out, size_t size)
{
    size_t fl = strlen(from), tl = strlen(to), o = 0;
    int changed = 0;

    for (size_t k = 0; k < len;) {
        if (k + fl <= len && memcmp(w + k, from, fl) == 0) {
            if (o + tl >= size) {
                return 0;
            }
            memcpy(out + o, to, tl);
            o += tl;
            k += fl;
            changed = 1;
        } else {
            if (o + 1 >= size) {
                return 0;
            }
            out[o++] = w[k++];
        }
    }
    return changed ? o : 0;
}

/* The one-word name at token i spelled as the gazetteer knows it (written
 * to out, its length returned), when the text spells it another common
 * way and proves it a place ("in Maijdee", "Dantewada district"); else 0.
 * Tried only for words nothing else knows. */
static size_t respelled(const sr_gazetteer_t *gz, const sr_doc_t *doc,
                        size_t tb, size_t te, size_t i, char *out,
                        size_t size)
{
    const sr_tok_t *t = &doc->toks[i];
    const char *w = doc->text + t->start;

    if (t->lex != NULL || t->len < 5 || t->len >= size ||
        (i + 1 < te && doc->toks[i + 1].cap) ||
        !(find_prep(doc, tb, i) != (size_t)-1 ||
          (i + 1 < te && (sr_tok_in(doc, i + 1, settlement_nouns) ||
                          sr_tok_in(doc, i + 1, district_words))))) {
        return 0;
    }
    for (size_t k = 0; k < sizeof(respellings) / sizeof(respellings[0]);
         k++) {
        size_t n = respell(w, t->len, respellings[k][0], respellings[k][1],
                           out, size);

        if (n > 0 && sr_gazetteer_lookup(gz, out, n, NULL, 0) > 0) {
            return n;
        }
    }
    return 0;
}

static int gaz_hit(const sr_gazetteer_t *gz, const sr_doc_t *doc, size_t tb,
                   size_t te, size_t i, int coordinated, sr_place_hit_t *h)
{
    const sr_tok_t *t = &doc->toks[i];
    size_t n, e, prep, note;
    int evidence;
    const char *name = doc->text + t->start;
    char alt[MAX_RESPELLED];

    /* a name's tail ("Issoufou" after "Mahamadou") is worth a lookup only
     * where a country could close a location ("Dihok Iraq.") */
    if (starts_name_tail(doc, tb, i) && i + 1 < te &&
        doc->toks[i + 1].kind == SR_TOK_WORD) {
        return 0;
    }
    /* a known word starts a place name only as in "The Hague", "North
     * Kivu": followed by another capitalised word */
    if (t->lex != NULL && (i + 1 >= te || !doc->toks[i + 1].cap) &&
        !(i + 2 < te && (sr_tok_punct(doc, i + 1) == '-' ||
                         sr_tok_is(doc, i + 1, "of")) &&
          doc->toks[i + 2].cap)) {
        return 0; /* but "North-West", "District of Columbia" */
    }
    n = sr_gazetteer_longest_name(gz, doc->text + t->start,
                                  doc->len - t->start, MAX_NAME_WORDS);
    if (n > 0) {
        e = token_end_at(doc, i, te, t->start + n);
        if (e == 0) {
            return 0;
        }
    } else {
        n = respelled(gz, doc, tb, te, i, alt, sizeof(alt));
        if (n == 0) {
            return 0;
        }
        name = alt;
        e = i + 1;
    }
    if (e == i + 1 && doc->toks[i].lex != NULL) {
        /* a word the rules know ("March", "Fierce", "Gunmen") is that word,
         * not a namesake village */
        return 0;
    }
    if (e + 1 < te && !doc->toks[e].space_before &&
        sr_tok_punct(doc, e) == '-' && doc->toks[e + 1].kind == SR_TOK_WORD &&
        !doc->toks[e + 1].space_before && doc->toks[e + 1].cap &&
        doc->toks[e - 1].len <= 3) {
        return 0; /* "Al" of "Al-Boudur", "Sud" of "Sud-Kivu" */
    }
    if (i > tb + 1 && sr_tok_punct(doc, i - 1) == '-' &&
        !doc->toks[i].space_before && doc->toks[i - 2].cap) {
        return 0; /* "Mboulai" of "Garoua-Mboulai" */
    }
    if (e + 1 < te && sr_tok_is(doc, e, "of") && doc->toks[e + 1].cap &&
        !sr_tok_has(doc, e + 1, SR_W_STOPCAP)) {
        return 0; /* "Sacred Heart of Jesus Cathedral" */
    }
    memset(h, 0, sizeof(*h));
    h->ncand = sr_gazetteer_lookup(gz, name, n, h->cands,
                                   SR_PLACE_CANDIDATES);
    if (h->ncand == 0) {
        return 0;
    }
    if (h->ncand > SR_PLACE_CANDIDATES) {
        h->ncand = SR_PLACE_CANDIDATES;
    }
    if (e == i + 1 && h->cands[0]->kind == SR_PLACE_COUNTRY &&
        sr_tok_in(doc, i, foreign_country_nouns)) {
        return 0;
    }
    if (e == i + 1 && sr_tok_in(doc, i, given_names) && e < te &&
        doc->toks[e].kind == SR_TOK_WORD && doc->toks[e].cap &&
        doc->toks[e].lex == NULL && !doc->toks[e].allcaps &&
        !names_region(gz, doc, e) &&
        !(e + 1 < te && doc->toks[e + 1].cap)) {
        return 0; /* "Chad Smith", "Jordan Henderson": a person */
    }
    if (h->cands[0]->kind == SR_PLACE_CITY &&
        (starts_name_tail(doc, tb, i) ||
         (e < te && doc->toks[e].kind == SR_TOK_WORD && doc->toks[e].cap &&
          !sr_tok_has(doc, e, SR_W_STOPCAP | SR_W_SEC_ORG) &&
          !sr_tok_in(doc, e, district_words) &&
          !sr_tok_in(doc, e, admin_words) &&
          !sr_tok_in(doc, e, named_after_town)))) {
        return 0; /* "Mahamadou Issoufou"; countries and regions pass:
                   * "Dihok Iraq" */
    }
    if (t->allcaps && e == i + 1 && h->cands[0]->kind == SR_PLACE_CITY &&
        !(i + 1 < te && doc->toks[i + 1].allcaps) &&
        !(i > tb && doc->toks[i - 1].allcaps)) {
        return 0; /* "the Animal Liberation Front (ALF)": an acronym */
    }
    prep = find_prep(doc, tb, i);
    if (prep == (size_t)-1 && (coordinated || in_chain(doc, tb, i))) {
        /* "in Mafa and Dikwa", "in Gwoza district, Borno
         * State": "in" holds for every name */
        prep = i;
    }
    h->prep = prep != (size_t)-1;
    h->near = h->prep && (sr_tok_is(doc, prep, "near") ||
                          sr_tok_is(doc, prep, "outside") ||
                          sr_tok_is(doc, prep, "close") ||
                          sr_tok_is(doc, prep, "around"));
    /* "coded to Monguno": where the source put the event, not a route */
    h->motion = h->prep && ((sr_tok_in(doc, prep, motion_preps) &&
                             !(prep > tb && (sr_tok_is(doc, prep - 1, "coded") ||
                                             sr_tok_is(doc, prep - 1, "located")))) ||
                            (sr_tok_is(doc, prep, "in") &&
                             in_destination(doc, tb, prep)) ||
                            /* "shelled X from across the Y reservoir" */
                            (sr_tok_is(doc, prep, "across") && prep > tb &&
                             sr_tok_is(doc, prep - 1, "from")));
    if (h->motion && prep > tb && sr_tok_is(doc, prep, "from") &&
        sr_tok_in(doc, prep - 1, distance_units)) {
        /* "a few kilometres from X": an anchor, not a route */
        h->motion = 0;
        h->near = 1;
    }
    /* "on the Bama-Maiduguri road": an end of a route, not the spot */
    h->motion |= route_end(doc, e, te);
    if (i >= tb + 2 && sr_tok_is(doc, i - 1, "of") &&
        sr_tok_in(doc, i - 2, near_of_words)) {
        /* "40km north-east of X", "the outskirts of X": an anchor, not
         * the spot */
        h->prep = 1;
        h->near = 1;
        prep = i - 2;
        while (prep > tb && i - prep < 8 &&
               (sr_tok_in(doc, prep - 1, near_of_words) ||
                sr_tok_in(doc, prep - 1, near_lead_words) ||
                doc->toks[prep - 1].kind == SR_TOK_NUM ||
                sr_tok_punct(doc, prep - 1) == '-')) {
            prep--; /* "some 40 km north-east of" */
        }
        if (sr_tok_punct(doc, prep) == '-') {
            prep++;
        }
    }
    h->settlement = e < te && sr_tok_in(doc, e, settlement_nouns);
    note = i > tb && doc->toks[i - 1].kind == SR_TOK_WORD
               ? coder_note(doc, tb, i)
               : (size_t)-1;
    if (note != (size_t)-1) {
        /* where the coder put the event: no route, and proof enough */
        h->coded = 1;
        h->prep = 1;
        h->motion = 0;
        prep = note;
    }
    evidence = h->prep || h->cands[0]->kind != SR_PLACE_CITY || coordinated ||
               (e < te && (sr_tok_in(doc, e, district_words) ||
                           sr_tok_in(doc, e, admin_words))) ||
               (e > i + 1 && sr_tok_in(doc, e - 1, district_words)) ||
               (i >= tb + 2 && sr_tok_is(doc, i - 1, "of") &&
                sr_tok_in(doc, i - 2, part_of_words)) ||
               in_parentheses(doc, tb, i) || in_chain(doc, tb, i) ||
               /* a facility named after the town proves the town */
               (e < te && sr_tok_in(doc, e, named_after_town)) ||
               /* "stormed Konduga town, Borno state" */
               h->settlement ||
               (h->cands[0]->population >= BARE_TOWN_MIN_POPULATION &&
                primary_name(doc, i, e, h->cands[0])) ||
               followed_by_container(gz, doc, e, te);
    if (!evidence) {
        return 0;
    }
    h->kind = SR_PH_PLACE;
    h->tb = i;
    h->te = e;
    h->text_tb = h->prep ? prep : i;
    h->text_te = e;
    if (e < te && sr_tok_in(doc, e, admin_words)) {
        h->admin_word = 1;
        h->text_te = e + 1;
    } else if (e < te && sr_tok_in(doc, e, district_words)) {
        h->admin_word = 2;
        h->near = SR_NEAR_DISTRICT;
        h->text_te = e + 1;
    }
    if (e < te && doc->toks[e].cap && sr_tok_in(doc, e, named_after_town)) {
        /* "on Kano Road", "at Kabul Airport": by the town; "on Bannu
         * Road in Dera Ismail Khan": a road to the town, in another */
        h->near = 1;
        h->text_te = e + 1;
        h->motion |= e + 2 < te && sr_tok_is(doc, e + 1, "in") &&
                     doc->toks[e + 2].cap;
    }
    h->modifier = is_modifier(doc, tb, te, i, e) ||
                  ((h->cands[0]->kind == SR_PLACE_COUNTRY ||
                    (i > tb && sr_tok_is(doc, i - 1, "de"))) &&
                   in_org_name(doc, tb, i));
    return 1;
}

/* A named settlement the gazetteer lacks: "the village of Tessit", "in
 * Bubamba village", "in Safala (Abala, Tillabery)". */
static int unknown_hit(const sr_gazetteer_t *gz, const sr_doc_t *doc,
                       size_t tb, size_t te, size_t i, sr_place_hit_t *h)
{
    static const char *const settlements[] = {
        "village", "town", "city", "locality", "hamlet", "settlement",
        "commune", "villages", "district", "camp", "neighbourhood",
        "neighborhood", "area", NULL};
    static const char *const at[] = {"in", "at", "near", "outside", NULL};
    size_t e = i, prep;
    int named_after = 0, before_kind = 0, chain_head = 0;

    if (doc->toks[i].lex != NULL || starts_name_tail(doc, tb, i)) {
        return 0;
    }
    named_after = i >= tb + 2 && sr_tok_is(doc, i - 1, "of") &&
                  sr_tok_in(doc, i - 2, settlements);
    while (e < te && e < i + 3 && doc->toks[e].kind == SR_TOK_WORD &&
           doc->toks[e].cap && doc->toks[e].lex == NULL) {
        e++;
    }
    if (!named_after) {
        /* "in Bubamba village", "in Safala (" */
        before_kind = i > tb && sr_tok_in(doc, i - 1, at) && e < te &&
                      (sr_tok_in(doc, e, settlements) ||
                       sr_tok_punct(doc, e) == '(');
        /* "in Kalamaye, Niger", "attacked Kilia, Beni, North Kivu": the head
         * of a chain of known containers */
        chain_head = !before_kind && i > tb &&
                     (sr_tok_in(doc, i - 1, at) ||
                      sr_tok_has(doc, i - 1, SR_W_TRIGGER)) &&
                     e + 1 < te && sr_tok_punct(doc, e) == ',' &&
                     doc->toks[e + 1].cap &&
                     sr_gazetteer_longest_name(
                         gz, doc->text + doc->toks[e + 1].start,
                         doc->len - doc->toks[e + 1].start,
                         MAX_NAME_WORDS) > 0;
        if (!before_kind && !chain_head) {
            return 0;
        }
    }
    for (size_t j = i + 1; j < e; j++) {
        if (sr_gazetteer_longest_name(gz, doc->text + doc->toks[j].start,
                                      doc->len - doc->toks[j].start,
                                      MAX_NAME_WORDS) > 0) {
            return 0; /* "Ar Ramadi": the known name is the place */
        }
    }
    memset(h, 0, sizeof(*h));
    prep = find_prep(doc, tb, i);
    h->kind = SR_PH_UNKNOWN;
    h->tb = i;
    h->te = e;
    h->text_te = before_kind && sr_tok_in(doc, e, settlements) ? e + 1 : e;
    h->prep = prep != (size_t)-1;
    h->text_tb = h->prep ? prep : chain_head ? i : i - 2;
    h->near = h->prep && sr_tok_is(doc, prep, "near");
    if (h->text_te < te && (sr_tok_punct(doc, h->text_te) == '(' ||
                            chain_head)) {
        /* "Kossagui (Djenné, Mopti)": known down to the district its
         * containers name */
        h->near = SR_NEAR_DISTRICT;
    }
    return 1;
}

size_t sr_places_find(const sr_gazetteer_t *gz, const sr_doc_t *doc,
                      size_t tb, size_t te, sr_place_hit_t *out, size_t max)
{
    size_t count = 0;

    for (size_t i = tb; i < te && count < max; i++) {
        const sr_tok_t *t = &doc->toks[i];
        sr_place_hit_t *h = &out[count];
        const sr_place_t *c;

        if (t->kind == SR_TOK_WORD && t->len == 3 &&
            sr_tok_phrase(doc, i, te, "the country")) {
            size_t prep = find_prep(doc, tb, i + 1);

            memset(h, 0, sizeof(*h));
            h->kind = SR_PH_THE_COUNTRY;
            h->tb = i;
            h->te = i + 2;
            h->text_te = h->te;
            h->prep = prep != (size_t)-1;
            h->text_tb = h->prep && prep < i ? prep : i;
            if (h->te < te && doc->toks[h->te].kind == SR_TOK_POSS) {
                /* "the country's north-east" */
                h->te++;
                while (h->te < te && h->te < i + 7 &&
                       (sr_tok_in(doc, h->te, directions) ||
                        (sr_tok_punct(doc, h->te) == '-' &&
                         !doc->toks[h->te].space_before))) {
                    h->te++;
                }
                if (sr_tok_punct(doc, h->te - 1) == '-') {
                    h->te--;
                }
                h->text_te = h->te;
            }
            count++;
            i = h->te - 1;
            continue;
        }
        if (t->kind == SR_TOK_WORD && t->len == 4 && i + 2 < te &&
            sr_tok_is(doc, i, "same") && sr_tok_in(doc, i + 1, same_what)) {
            /* "in the same department": a place named before */
            memset(h, 0, sizeof(*h));
            h->kind = SR_PH_THE_SAME;
            h->tb = i;
            h->te = h->text_te = i + 2;
            h->prep = find_prep(doc, tb, i) != (size_t)-1;
            h->text_tb = h->prep ? find_prep(doc, tb, i) : i;
            h->admin_word = sr_tok_in(doc, i + 1, admin_words);
            count++;
            i++;
            continue;
        }
        if (gz == NULL || t->kind != SR_TOK_WORD || !t->cap) {
            continue;
        }
        if (gaz_hit(gz, doc, tb, te, i,
                    after_place(doc, count ? &out[count - 1] : NULL, i),
                    h)) {
            /* "towards Khamis Mushait, Asir province": the containers or
             * partners of a route's end are on the route too */
            if (count > 0 && out[count - 1].motion && h->prep &&
                h->text_tb == h->tb && h->tb <= out[count - 1].text_te + 3) {
                h->motion = 1;
            }
            count++;
            i = h->te - 1;
            continue;
        }
        if (unknown_hit(gz, doc, tb, te, i, h)) {
            count++;
            i = h->te - 1;
            continue;
        }
        c = t->lex == NULL
                ? sr_gazetteer_demonym(gz, doc->text + t->start, t->len)
                : NULL;
        if (c != NULL) {
            memset(h, 0, sizeof(*h));
            h->kind = SR_PH_DEMONYM;
            h->tb = h->text_tb = i;
            h->te = h->text_te = i + 1;
            h->cands[0] = c;
            h->ncand = 1;
            h->pick = c;
            h->modifier = is_modifier(doc, tb, te, i, i + 1);
            count++;
        }
    }
    return count;
}

int sr_place_is_admin2(const sr_place_t *p)
{
    return p->kind == SR_PLACE_CITY && p->feature_code != NULL &&
           strcmp(p->feature_code, "ADM2") == 0;
}

const sr_place_t *sr_place_pick(const sr_place_hit_t *h, const char *focus_cc)
{
    if (h->ncand == 0) {
        return NULL;
    }
    /* A country name means the country, whatever else shares it. */
    if (h->cands[0]->kind == SR_PLACE_COUNTRY) {
        return h->cands[0];
    }
    /* "Kabul" is the city, "the Gao region" the region; prefer the focus
     * country, then prominence (the order of cands) */
    for (int pass = 0; pass < 4; pass++) {
        int want_city = pass % 2 == 0 ? h->admin_word != 1 : -1;

        for (size_t k = 0; k < h->ncand; k++) {
            const sr_place_t *p = h->cands[k];

            if (pass < 2 && (focus_cc == NULL ||
                             strcmp(p->country_code, focus_cc) != 0)) {
                continue;
            }
            if (pass >= 2 && strcmp(p->country_code,
                                    h->cands[0]->country_code) != 0) {
                continue;
            }
            if (want_city >= 0 && (p->kind == SR_PLACE_CITY) != want_city) {
                continue;
            }
            return p;
        }
    }
    return h->cands[0];
}

static void set_coords(sr_location_t *loc, const sr_place_t *p)
{
    loc->has_coords = p != NULL && p->has_coords;
    loc->lat = loc->has_coords ? p->lat : 0;
    loc->lon = loc->has_coords ? p->lon : 0;
}

void sr_place_to_location(const sr_gazetteer_t *gz, const sr_place_t *place,
                          const char *name, const char *text, int near,
                          double confidence, sr_location_t *loc)
{
    const sr_place_t *admin = NULL, *country;

    sr_incident_set_str(&loc->text, text);
    sr_incident_set_str(&loc->name, name ? name : place->name);
    sr_incident_set_str(&loc->country_code, place->country_code);
    country = place->kind == SR_PLACE_COUNTRY
                  ? place
                  : sr_gazetteer_country(gz, place->country_code);
    sr_incident_set_str(&loc->country, country ? country->name
                                               : place->country_name);
    if (place->kind == SR_PLACE_ADMIN1) {
        admin = place;
    } else if (place->kind == SR_PLACE_CITY && place->admin1_code[0] != '\0') {
        admin = sr_gazetteer_admin1(gz, place->country_code,
                                    place->admin1_code);
    }
    sr_incident_set_str(&loc->admin1, admin ? admin->name
                        : (place->admin1_name[0] ? place->admin1_name : NULL));
    sr_incident_set_str(&loc->source, "gazetteer");
    loc->confidence = confidence;
    if (place->kind == SR_PLACE_CITY && place->has_coords) {
        /* an ADM2 row stands at its seat */
        loc->precision = near == SR_NEAR_DISTRICT || sr_place_is_admin2(place)
                             ? SR_GPREC_ADMIN2
                         : near                  ? SR_GPREC_NEAR_TOWN
                                                 : SR_GPREC_TOWN;
        set_coords(loc, place);
    } else if (place->kind != SR_PLACE_COUNTRY && admin != NULL &&
               admin->has_coords) {
        /* a town with no coordinates is proven only down to its region */
        loc->precision = SR_GPREC_ADMIN1;
        set_coords(loc, admin);
    } else {
        /* a region the gazetteer cannot place stands at its country */
        loc->precision = SR_GPREC_COUNTRY;
        set_coords(loc, country);
    }
}

int sr_tok_unit_noun(const sr_doc_t *doc, size_t i)
{
    return sr_tok_in(doc, i, admin_words) || sr_tok_in(doc, i, district_words);
}
