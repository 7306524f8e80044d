/* locate.c - where each incident happened: the article's focus country,
 * the candidate chosen for every place mention, and the place of a
 * sentence. */
#include "locate.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#define MAX_FOCUS 32
/* A town outside the focus country, in a country the article never names,
 * is believed only from this size on ("in Paris"). */
#define FOREIGN_TOWN_MIN_POPULATION 100000
#define FOCUS_POPULATION_FLOOR 5000.0
/* A named group with home countries counts as much as a place mention:
 * "TTP hideouts in Kasha" is a Pakistani story whatever else is named
 * Kasha. */
#define ACTOR_HOME_VOTE 1.0
/* How far a place may lie from the town its own chain of names puts it
 * in ("X, Y" with Y a town): past this X is a namesake. */
#define CHAIN_TOWN_KM 60.0

typedef struct focus_s {
    const char *cc;
    double score;
    size_t first;
} focus_t;

/* at is the token of the mention: on equal scores the country named
 * first wins. */
static void vote(focus_t *f, size_t *nf, const char *cc, double w,
                 size_t at)
{
    for (size_t k = 0; k < *nf; k++) {
        if (strcmp(f[k].cc, cc) == 0) {
            f[k].score += w;
            f[k].first = at < f[k].first ? at : f[k].first;
            return;
        }
    }
    if (*nf < MAX_FOCUS) {
        f[*nf].cc = cc;
        f[*nf].score = w;
        f[*nf].first = at;
        (*nf)++;
    }
}

/* A named group's vote: its weight shared by its home countries. */
static void vote_home(focus_t *f, size_t *nf, const sr_actor_hit_t *a,
                      double w)
{
    for (size_t k = 0; k < a->nhome; k++) {
        vote(f, nf, a->home[k], w / (double)a->nhome, a->tb);
    }
}

/* The country the article is about: mentions weighted, the lead counting
 * double, modifiers ("the Mali border") and demonyms little. */
static void add_named(sr_analysis_t *an, const char *cc)
{
    for (size_t k = 0; k < an->nnamed; k++) {
        if (strcmp(an->named[k], cc) == 0) {
            return;
        }
    }
    if (an->nnamed < SR_MAX_NAMED) {
        an->named[an->nnamed++] = cc;
    }
}

static int is_named(const sr_analysis_t *an, const char *cc)
{
    for (size_t k = 0; k < an->nnamed; k++) {
        if (strcmp(an->named[k], cc) == 0) {
            return 1;
        }
    }
    return 0;
}

/* 1 if sentence s is a dateline: the article opens with one place in
 * capitals ("LEBANON.", "FEDERAL REPUBLIC OF GERMANY."). */
static int is_dateline(const sr_analysis_t *an, const sr_doc_t *doc,
                       size_t s)
{
    const sr_sentinfo_t *si = &an->info[s];

    return s == 0 && si->nplaces == 1 &&
           doc->toks[doc->sents[s].tb].allcaps &&
           si->places[0].te + 1 >= doc->sents[s].te;
}

/* The country of the article's dateline, or NULL. */
static const char *dateline_country(const sr_analysis_t *an,
                                    const sr_doc_t *doc)
{
    const sr_place_hit_t *h;

    if (an->ninfo == 0 || !is_dateline(an, doc, 0)) {
        return NULL;
    }
    h = &an->info[0].places[0];
    return h->kind == SR_PH_PLACE && h->ncand > 0 &&
                   h->cands[0]->kind == SR_PLACE_COUNTRY
               ? h->cands[0]->country_code
               : NULL;
}

/* "Atlanta, Georgia", "Albany, Georgia": the admin1 candidate of h (a
 * country name) that holds a candidate of the place prev just before it,
 * when no candidate of prev lies in the country itself; else NULL. */
static const sr_place_t *container_region(const sr_place_hit_t *prev,
                                          const sr_place_hit_t *h)
{
    const char *cc = h->cands[0]->country_code;

    if (prev->kind != SR_PH_PLACE || prev->te + 1 != h->tb) {
        return NULL;
    }
    for (size_t c = 0; c < prev->ncand; c++) {
        if (strcmp(prev->cands[c]->country_code, cc) == 0) {
            return NULL; /* "Tbilisi, Georgia" */
        }
    }
    for (size_t a = 1; a < h->ncand; a++) {
        const sr_place_t *r = h->cands[a];

        if (r->kind != SR_PLACE_ADMIN1) {
            continue;
        }
        for (size_t c = 0; c < prev->ncand; c++) {
            const sr_place_t *p = prev->cands[c];

            if (strcmp(p->country_code, r->country_code) == 0 &&
                strcmp(p->admin1_code, r->admin1_code) == 0) {
                return r;
            }
        }
    }
    return NULL;
}

/* 1 if every candidate of h lies in one country ("Bannu" the town and
 * the district): the name says which country, if not which place. */
static int one_country(const sr_place_hit_t *h)
{
    for (size_t c = 1; c < h->ncand; c++) {
        if (strcmp(h->cands[c]->country_code, h->cands[0]->country_code) !=
            0) {
            return 0;
        }
    }
    return h->ncand > 0;
}

/* 1 if every other candidate of h lies in p's region: the district named
 * after its seat is no rival of the town. */
static int unambiguous(const sr_place_hit_t *h, const sr_place_t *p)
{
    for (size_t c = 0; c < h->ncand; c++) {
        const sr_place_t *o = h->cands[c];

        if (o != p && (strcmp(o->country_code, p->country_code) != 0 ||
                       strcmp(o->admin1_code, p->admin1_code) != 0)) {
            return 0;
        }
    }
    return 1;
}

/* Lower-case words inside names: "Norte de Santander", "Ras al-Ain". */
static const char *const name_particles[] = {"de", "del", "da", "do", "dos",
                                             "das", "la", "le", "al", "el",
                                             "of", "-",
                                             /* "Mafa near Babangida
                                              * (Tarmua, Yobe)": the
                                              * containers hold both */
                                             "near", NULL};

/* 1 if tokens [from, to) only join names of one chain: commas, brackets,
 * capitalised words and unit nouns ("Konduga, Borno State, Nigeria"). */
static int chain_between(const sr_doc_t *doc, size_t from, size_t to)
{
    for (size_t j = from; j < to; j++) {
        int p = sr_tok_punct(doc, j);

        if (p != ',' && p != '(' && p != ')' &&
            !(doc->toks[j].kind == SR_TOK_WORD && doc->toks[j].cap) &&
            !sr_tok_has(doc, j, SR_W_STOPCAP) &&
            !sr_tok_in(doc, j, name_particles)) {
            return 0;
        }
    }
    return 1;
}

/* 1 if town p lies in a region that is also a candidate of h: "New York"
 * the city, seat of New York the state. */
static int seat_of_candidate(const sr_place_hit_t *h, const sr_place_t *p)
{
    if (p->kind != SR_PLACE_CITY || p->admin1_code[0] == '\0') {
        return 0;
    }
    for (size_t c = 0; c < h->ncand; c++) {
        const sr_place_t *a = h->cands[c];

        if (a->kind == SR_PLACE_ADMIN1 &&
            strcmp(a->country_code, p->country_code) == 0 &&
            strcmp(a->admin1_code, p->admin1_code) == 0) {
            return 1;
        }
    }
    return 0;
}

/* 1 if a candidate of h is an administrative unit (an admin1 region, an
 * admin2 district). */
static int names_unit(const sr_place_hit_t *h)
{
    for (size_t c = 0; c < h->ncand; c++) {
        if (h->cands[c]->kind == SR_PLACE_ADMIN1 ||
            sr_place_is_admin2(h->cands[c])) {
            return 1;
        }
    }
    return 0;
}

/* 1 if a compass word opens hit h's name: "South Gondar", "North Wollo"
 * name zones around a town, not the town. */
static int compass_named(const sr_doc_t *doc, const sr_place_hit_t *h)
{
    static const char *const compass[] = {
        "north", "south", "east", "west", "central", "upper", "lower",
        "northern", "southern", "eastern", "western", NULL};

    return h->tb > 0 && doc->toks[h->tb - 1].cap &&
           sr_tok_in(doc, h->tb - 1, compass);
}

/* The end of hit h with its unit noun: "Nowshera sector". */
static size_t hit_end(const sr_place_hit_t *h)
{
    return h->text_te > h->te ? h->text_te : h->te;
}

/* 1 if a bracket follows hit h: "Kera (Bandiagara, Mopti)", "Ghormach
 * district (Faryab)". */
static int opens_bracket(const sr_doc_t *doc, const sr_place_hit_t *h)
{
    return hit_end(h) < doc->ntok && sr_tok_punct(doc, hit_end(h)) == '(';
}

/* Great-circle distance in km between two places with coordinates. */
static double km_between(const sr_place_t *a, const sr_place_t *b)
{
    const double rad = 3.14159265358979323846 / 180.0;
    double dlat = (b->lat - a->lat) * rad, dlon = (b->lon - a->lon) * rad;
    double x = sin(dlat / 2) * sin(dlat / 2) +
               cos(a->lat * rad) * cos(b->lat * rad) * sin(dlon / 2) *
                   sin(dlon / 2);

    return 2 * 6371.0 * asin(sqrt(x < 1 ? x : 1));
}

/* Why the chain of names after hit k ("X, Y, Z", "X (Y, Z)") rejects X's
 * pick: CHAIN_REGION when a place of X's country lies in another admin1
 * region and no candidate of X lies there; CHAIN_FAR when the town the
 * chain puts X in lies more than CHAIN_TOWN_KM away, and the chain is a
 * bracket or ends in a region or country (an address, not a list of
 * towns); CHAIN_FITS otherwise. *address: whether a bracket or a unit
 * noun ("Nangade District") makes the chain an address. */
enum { CHAIN_FITS, CHAIN_REGION, CHAIN_FAR };

/* "Pichari, Cusco, Peru": a region's seat after a town of that region
 * names the region ("Cusco" for the Cusco region), however far the town
 * lies from the seat. */
static int seat_of_own_region(const sr_place_t *seat, const sr_place_t *p)
{
    return seat->feature_code != NULL &&
           strcmp(seat->feature_code, "PPLA") == 0 &&
           strcmp(seat->country_code, p->country_code) == 0 &&
           seat->admin1_code[0] != '\0' &&
           strcmp(seat->admin1_code, p->admin1_code) == 0;
}

/* 1 if a candidate of h lies in region q. */
static int cand_in_region(const sr_place_hit_t *h, const sr_place_t *q)
{
    for (size_t a = 0; a < h->ncand; a++) {
        if (strcmp(h->cands[a]->country_code, q->country_code) == 0 &&
            strcmp(h->cands[a]->admin1_code, q->admin1_code) == 0) {
            return 1;
        }
    }
    return 0;
}

/* 1 if hit h stands inside a bracket of names: "(Bijapur, Chhattisgarh)". */
static int inside_bracket(const sr_doc_t *doc, const sr_place_hit_t *h)
{
    for (size_t j = h->tb; j > 0 && j + 8 > h->tb; j--) {
        int p = sr_tok_punct(doc, j - 1);

        if (p == '(') {
            return 1;
        }
        if (p != ',' &&
            !(doc->toks[j - 1].kind == SR_TOK_WORD && doc->toks[j - 1].cap)) {
            return 0;
        }
    }
    return 0;
}

static int chain_contradicts(const sr_doc_t *doc, const sr_sentinfo_t *si,
                             size_t k, int *address)
{
    const sr_place_hit_t *h = &si->places[k];
    size_t end = hit_end(h);
    int closed = opens_bracket(doc, h) || inside_bracket(doc, h);
    int far = 0, fits = 0, towns = 0;

    *address = closed;

    for (size_t o = k + 1; o < si->nplaces; o++) {
        const sr_place_hit_t *c = &si->places[o];
        const sr_place_t *q = c->pick;

        if (!chain_between(doc, end, c->tb)) {
            break;
        }
        for (size_t j = end; j < c->text_te || j < c->te; j++) {
            *address |= sr_tok_unit_noun(doc, j);
        }
        end = hit_end(c);
        if (c->kind != SR_PH_PLACE || q == NULL) {
            continue;
        }
        if (q->kind != SR_PLACE_CITY) {
            closed = 1; /* a region or country closes an address */
        }
        /* "Nowshera sector (Rajouri, Jammu and Kashmir)", "Kelly
         * Village, Tunapuna-Piarco": a region only one country has puts
         * X there, if X has a namesake there at all */
        if (!far && q->kind == SR_PLACE_ADMIN1 && one_country(c) &&
            strcmp(q->country_code, h->pick->country_code) != 0) {
            if (!cand_in_region(h, q)) {
                return CHAIN_REGION;
            }
            continue;
        }
        if (far || q->kind == SR_PLACE_COUNTRY ||
            strcmp(q->country_code, h->pick->country_code) != 0 ||
            q->admin1_code[0] == '\0') {
            continue;
        }
        /* "Mingjing, Panyu, Guangzhou": the neighbourhood of a town lies
         * by the town, whatever region both share. Only the first town
         * holds X, and only a larger one: "Kano, Kaduna" are peers. A
         * name that is also a unit's may be the unit, wider than its
         * seat: "Tamu, Sagaing", "Kera (Bandiagara, Mopti)". */
        if (q->kind == SR_PLACE_CITY && ++towns == 1 &&
            h->pick->kind == SR_PLACE_CITY && !names_unit(c) &&
            !compass_named(doc, c) &&
            !seat_of_own_region(q, h->pick) &&
            q->population > h->pick->population && q->has_coords &&
            h->pick->has_coords && km_between(q, h->pick) > CHAIN_TOWN_KM) {
            far = 1;
            continue;
        }
        if (strcmp(q->admin1_code, h->pick->admin1_code) == 0) {
            fits = 1;
            continue;
        }
        fits = fits || cand_in_region(h, q);
        if (!fits) {
            return CHAIN_REGION;
        }
    }
    return far && closed ? CHAIN_FAR : CHAIN_FITS;
}

/* 1 if the text of hit spells p's own name, not an alternate. */
static int own_name(const sr_doc_t *doc, const sr_place_hit_t *h,
                    const sr_place_t *p)
{
    char a[128], b[128];
    size_t start = doc->toks[h->tb].start;
    size_t end = (size_t)doc->toks[h->te - 1].start + doc->toks[h->te - 1].len;
    size_t plen = strlen(p->name), na, nb;

    /* folding changes lengths by a few bytes at most (diacritics) */
    if (plen + 8 < end - start || end - start + 8 < plen) {
        return 0;
    }
    if (plen == end - start &&
        strncasecmp(doc->text + start, p->name, plen) == 0) {
        return 1; /* the common case, without folding */
    }
    na = sr_fold_name(doc->text + start, end - start, a, sizeof(a));
    nb = sr_fold_name(p->name, plen, b, sizeof(b));
    return na == nb && memcmp(a, b, na) == 0;
}

/* A candidate's share of an ambiguous name's vote: its population, with
 * a floor so that unknown populations still count. A place the name only
 * once was ("Richmond", once called Manchester) counts a tenth. */
static double prominence(const sr_doc_t *doc, const sr_place_hit_t *h,
                         const sr_place_t *p)
{
    double w = (double)p->population + FOCUS_POPULATION_FLOOR;

    /* "Mannar town" is no district elsewhere of that name */
    if (h->settlement && sr_place_is_admin2(p)) {
        w /= 10;
    }
    return own_name(doc, h, p) ? w : w / 10;
}

static const char *focus_country(sr_analysis_t *an, const sr_doc_t *doc)
{
    focus_t f[MAX_FOCUS];
    size_t nf = 0, best = 0;

    for (size_t s = 0; s < an->ninfo; s++) {
        const sr_sentinfo_t *si = &an->info[s];
        double lead = doc->sents[s].para == 0 ? 2.0 : 1.0;

        /* a dateline says where the story is */
        if (is_dateline(an, doc, s)) {
            lead = 6.0;
        }

        for (size_t k = 0; k < si->nplaces; k++) {
            const sr_place_hit_t *h = &si->places[k];
            double w;

            if (h->ncand == 0) {
                continue;
            }
            /* where people went or came from ("migrants sent back to
             * Venezuela") says little of where the story is */
            w = h->kind == SR_PH_DEMONYM ? 0.5
                : h->modifier || h->motion ? 0.25
                                           : 1.0;
            if (h->cands[0]->kind == SR_PLACE_COUNTRY || one_country(h)) {
                const sr_place_t *r =
                    k > 0 ? container_region(&si->places[k - 1], h) : NULL;
                const char *cc = (r ? r : h->cands[0])->country_code;

                vote(f, &nf, cc, w * lead, h->tb);
                add_named(an, cc);
                continue;
            }
            /* an ambiguous name spreads its vote over its countries by
             * prominence: "Paris" is mostly France, however many small
             * Parises the United States has */
            double total = 0;

            for (size_t c = 0; c < h->ncand; c++) {
                total += prominence(doc, h, h->cands[c]);
            }
            for (size_t c = 0; c < h->ncand; c++) {
                vote(f, &nf, h->cands[c]->country_code,
                     w * lead * prominence(doc, h, h->cands[c]) / total,
                     h->tb);
            }
        }
        for (size_t k = 0; k < si->nactors; k++) {
            vote_home(f, &nf, &si->actors[k], ACTOR_HOME_VOTE * lead);
        }
    }
    if (nf == 0) {
        return NULL;
    }
    for (size_t k = 1; k < nf; k++) {
        if (f[k].score > f[best].score ||
            (f[k].score == f[best].score && f[k].first < f[best].first)) {
            best = k;
        }
    }
    return f[best].cc;
}

/* 1 if another place hit of the sentence could lie in country cc (or, with
 * admin set, in that admin1 region). */
static int cooccurs(const sr_sentinfo_t *si, const sr_place_hit_t *self,
                    const sr_place_t *cand, int admin)
{
    for (size_t k = 0; k < si->nplaces; k++) {
        const sr_place_hit_t *o = &si->places[k];

        if (o == self || o->kind != SR_PH_PLACE) {
            continue;
        }
        for (size_t c = 0; c < o->ncand; c++) {
            const sr_place_t *p = o->cands[c];

            if (strcmp(p->country_code, cand->country_code) != 0) {
                continue;
            }
            /* a region and a place inside it, either way round */
            if (!admin || ((p->kind == SR_PLACE_ADMIN1 ||
                            cand->kind == SR_PLACE_ADMIN1) &&
                           p->kind != cand->kind &&
                           strcmp(p->admin1_code, cand->admin1_code) == 0)) {
                return 1;
            }
        }
    }
    return 0;
}

/* The country named outright in the sentence ("..., Iraq") other than by
 * hit self, or NULL. */
static const char *explicit_country(const sr_doc_t *doc,
                                    const sr_sentinfo_t *si,
                                    const sr_place_hit_t *self)
{
    for (size_t k = si->nplaces; k > 0; k--) {
        const sr_place_hit_t *h = &si->places[k - 1];

        if (h != self && h->kind == SR_PH_PLACE && !h->modifier &&
            h->ncand > 0 && h->cands[0]->kind == SR_PLACE_COUNTRY &&
            !(k > 1 && container_region(&si->places[k - 2], h) != NULL) &&
            ((h->tb >= self->te && chain_between(doc, self->te, h->tb)) ||
             (h->te + 1 == self->tb &&
              doc->toks[h->te].kind == SR_TOK_POSS))) {
            return h->cands[0]->country_code;
        }
    }
    return NULL;
}

/* "Kuwait, Kuwait", "Panama, Panama": a country name followed
 * by the same country is its namesake town (or region) there, the most
 * prominent; else NULL. */
static const sr_place_t *named_for_country(const sr_doc_t *doc,
                                           const sr_place_hit_t *h,
                                           const sr_place_hit_t *next)
{
    if (next->kind != SR_PH_PLACE || next->ncand == 0 ||
        next->cands[0] != h->cands[0] || next->tb != h->te + 1 ||
        sr_tok_punct(doc, h->te) != ',') {
        return NULL;
    }
    for (size_t c = 1; c < h->ncand; c++) {
        if (h->cands[c]->kind != SR_PLACE_COUNTRY &&
            strcmp(h->cands[c]->country_code, h->cands[0]->country_code) ==
                0) {
            return h->cands[c];
        }
    }
    return NULL;
}

/* 1 if the article names country cc, or a region of it, or uses its
 * demonym. */
static int country_mentioned(const sr_analysis_t *an, const char *cc)
{
    for (size_t s = 0; s < an->ninfo; s++) {
        const sr_sentinfo_t *si = &an->info[s];

        for (size_t k = 0; k < si->nplaces; k++) {
            const sr_place_hit_t *h = &si->places[k];

            if (h->ncand > 0 && h->cands[0]->kind != SR_PLACE_CITY &&
                strcmp(h->cands[0]->country_code, cc) == 0) {
                return 1;
            }
        }
    }
    return 0;
}

/* 1 if p is a small town named like a region of its own country that
 * does not hold it: California, Maryland beside the state. */
static int small_namesake_of_region(const sr_place_hit_t *h,
                                    const sr_place_t *p)
{
    if (p->kind != SR_PLACE_CITY ||
        p->population >= FOREIGN_TOWN_MIN_POPULATION) {
        return 0;
    }
    for (size_t c = 0; c < h->ncand; c++) {
        const sr_place_t *a = h->cands[c];

        if (a->kind == SR_PLACE_ADMIN1 &&
            strcmp(a->country_code, p->country_code) == 0 &&
            strcmp(a->admin1_code, p->admin1_code) != 0) {
            return 1;
        }
    }
    return 0;
}

/* 1 if h's pick is a small town outside the focus country, in a country
 * the article names nowhere. */
static int small_town_abroad(const sr_analysis_t *an, const sr_place_hit_t *h)
{
    const sr_place_t *p = h->pick;

    return p != NULL && an->focus_cc != NULL && p->kind == SR_PLACE_CITY &&
           p->population < FOREIGN_TOWN_MIN_POPULATION &&
           strcmp(p->country_code, an->focus_cc) != 0 &&
           !country_mentioned(an, p->country_code);
}

/* 1 if another place of the sentence, not itself a small town abroad,
 * was picked in h's pick's country. */
static int pick_in_country(const sr_analysis_t *an, const sr_sentinfo_t *si,
                           const sr_place_hit_t *h)
{
    for (size_t k = 0; k < si->nplaces; k++) {
        const sr_place_hit_t *o = &si->places[k];

        if (o != h && o->kind == SR_PH_PLACE && o->pick != NULL &&
            !small_town_abroad(an, o) &&
            strcmp(o->pick->country_code, h->pick->country_code) == 0) {
            return 1;
        }
    }
    return 0;
}

static double candidate_score(const sr_doc_t *doc, const sr_sentinfo_t *si,
                              const sr_place_hit_t *h, const sr_place_t *p,
                              const char *named, const char *focus)
{
    double score = 0;

    score += named && strcmp(p->country_code, named) == 0 ? 4 : 0;
    score += cooccurs(si, h, p, 0) ? 2 : 0;
    /* a region named with it ("Chilapa in Guerrero") outweighs a spelling */
    score += cooccurs(si, h, p, 1) ? 3 : 0;
    score += focus && strcmp(p->country_code, focus) == 0 ? 1.5 : 0;
    score += (p->kind == SR_PLACE_CITY) == (h->admin_word != 1) ? 0.5 : 0;
    score += h->ncand > 1 && own_name(doc, h, p) ? 2 : 0;
    score += p->feature_code && strcmp(p->feature_code, "PPLC") == 0 ? 0.5 : 0;
    /* "Gwoza district" is the unit, not a namesake village; "Mannar
     * town" the town, not a district of that name */
    score += h->admin_word == 2 && sr_place_is_admin2(p) ? 1 : 0;
    score += h->settlement && p->kind == SR_PLACE_CITY &&
                     !sr_place_is_admin2(p)
                 ? 1.5
                 : 0;
    /* "in New York" is the city; "New York state" the region */
    score += h->admin_word != 1 && seat_of_candidate(h, p) ? 2 : 0;
    /* "in California" is the state, not a small namesake town elsewhere
     * in its country */
    score -= small_namesake_of_region(h, p) ? 1 : 0;
    /* a row without coordinates proves less than a namesake with them */
    score -= p->has_coords ? 0 : 1;
    return score;
}

/* Chooses each place hit's candidate from its sentence: "El Alto, La
 * Paz" share Bolivia, "Kishosho, Plateau, Nigeria" puts Plateau in
 * Nigeria, "Atlanta, Georgia, United States" makes Georgia the state. A
 * town abroad in a sentence that names another country is dropped rather
 * than trusted. */
static void pick_places(sr_sentinfo_t *si, const sr_doc_t *doc,
                        const sr_analysis_t *an, const char *dateline)
{
    const char *focus = an->focus_cc;

    for (size_t k = 0; k < si->nplaces; k++) {
        sr_place_hit_t *h = &si->places[k];
        const char *named = explicit_country(doc, si, h);
        double best = -1, best_named = -1;
        const sr_place_t *pick_named = NULL;

        if (h->kind != SR_PH_PLACE) {
            continue;
        }
        h->pick = NULL;
        if (h->ncand == 0) {
            continue;
        }
        if (h->cands[0]->kind == SR_PLACE_COUNTRY &&
            (named == NULL ||
             strcmp(named, h->cands[0]->country_code) == 0)) {
            /* "Atlanta, Georgia": the region of the place before it;
             * "Kuwait, Kuwait": the capital, named for its country */
            h->pick = k > 0 ? container_region(&si->places[k - 1], h) : NULL;
            if (h->pick == NULL && k + 1 < si->nplaces) {
                h->pick = named_for_country(doc, h, &si->places[k + 1]);
            }
            if (h->pick == NULL) {
                h->pick = h->cands[0];
            }
            continue;
        }
        for (size_t c = 0; c < h->ncand; c++) {
            const sr_place_t *p = h->cands[c];
            int in_named = is_named(an, p->country_code);
            double score = candidate_score(doc, si, h, p, named, focus) +
                           (in_named ? 2 : 0);

            if (p->kind == SR_PLACE_COUNTRY && named != NULL) {
                continue; /* "Georgia, United States" */
            }
            if (score > best) {
                best = score;
                h->pick = p;
            }
            /* a namesake in a named country outranks the pick only if
             * it is a town of note: "an American tourist stabbed in
             * Paris" is no Texas story */
            if (in_named && score > best_named &&
                (p->kind != SR_PLACE_CITY ||
                 p->population >= FOREIGN_TOWN_MIN_POPULATION)) {
                best_named = score;
                pick_named = p;
            }
        }
        if (h->pick != NULL && named != NULL &&
            strcmp(h->pick->country_code, named) != 0) {
            h->pick = NULL;
        }
        /* a town in a country the article never names, when it names
         * others, is a namesake of the one in a named country ("Tripoli"
         * in a story of the Lebanese pound), or of none ("Palma" in a
         * Mozambique story); the country the story is about needs no
         * naming ("in Mannar town" beside "Indian trawlers") */
        if (h->pick != NULL && an->nnamed > 0 && !one_country(h) &&
            !is_named(an, h->pick->country_code) &&
            (pick_named != NULL || focus == NULL ||
             strcmp(h->pick->country_code, focus) != 0)) {
            h->pick = pick_named;
        }
        /* nor is a small town abroad that only the name links to the
         * story: a Sahel village in a Burkina Faso story is not its Philippine
         * village */
        if (small_town_abroad(an, h) && !cooccurs(si, h, h->pick, 0)) {
            h->pick = NULL;
        }
    }
    for (size_t k = 0; k < si->nplaces; k++) {
        sr_place_hit_t *h = &si->places[k];

        /* ... nor one whose country only rival readings of the other
         * names share: "at Rampura and Badda in Dhaka" are quarters of
         * Dhaka, not Indian villages because India has a Dhaka too */
        if (small_town_abroad(an, h) && !pick_in_country(an, si, h)) {
            h->pick = NULL;
        }
    }
    for (size_t k = 0; k < si->nplaces; k++) {
        sr_place_hit_t *h = &si->places[k];

        /* under a dateline, what lies abroad ("a French bank", "the USS
         * New Jersey") is not where the story happened; nor is a
         * foreign demonym ("Israeli forces") in a story from elsewhere */
        if (h->pick != NULL &&
            ((dateline != NULL && !h->modifier &&
              strcmp(h->pick->country_code, dateline) != 0) ||
             (h->kind == SR_PH_DEMONYM && focus != NULL &&
              strcmp(h->pick->country_code, focus) != 0))) {
            h->pick = NULL;
        }
    }
    for (size_t k = 0; k + 1 < si->nplaces; k++) {
        sr_place_hit_t *h = &si->places[k];

        /* "Kera (Bandiagara, Mopti)", "Ancuabe, Montepuez District, Cabo
         * Delgado": a town picked in another region than the one its own
         * chain names is a namesake; the chain's containers stand */
        int why, address;

        if (h->kind != SR_PH_PLACE || h->pick == NULL ||
            h->pick->kind == SR_PLACE_COUNTRY) {
            continue;
        }
        why = chain_contradicts(doc, si, k, &address);
        /* a bracket or a unit noun ("Nangade District") makes the chain
         * containers, never a list of towns: "Anosy (Ambalavao, Haute
         * Matsiatra)" is no region Anosy, and a name with one candidate
         * is still a namesake there */
        if ((why == CHAIN_FAR && h->pick->kind == SR_PLACE_CITY) ||
            (why == CHAIN_REGION &&
             (address || (h->pick->kind == SR_PLACE_CITY &&
                          !unambiguous(h, h->pick))))) {
            h->pick = NULL;
        }
    }
    si->last_place = NULL;
    for (size_t k = 0; k < si->nplaces; k++) {
        if (si->places[k].kind == SR_PH_PLACE && si->places[k].pick != NULL &&
            !si->places[k].modifier) {
            si->country = si->places[k].pick->country_code;
            si->last_place = si->places[k].pick;
        }
    }
}

static const char *the_country(const sr_analysis_t *an, size_t s)
{
    for (size_t k = s; k > 0; k--) {
        if (an->info[k - 1].country != NULL) {
            return an->info[k - 1].country;
        }
    }
    return an->focus_cc;
}

/* "the same department": the place last named before sentence s, or its
 * region when a region is meant. */
static const sr_place_t *the_same(const sr_analysis_t *an, size_t s,
                                  int region, const sr_gazetteer_t *gz)
{
    for (size_t k = s; k > 0; k--) {
        const sr_place_t *p = an->info[k - 1].last_place;

        if (p == NULL) {
            continue;
        }
        if (region && p->kind == SR_PLACE_CITY) {
            const sr_place_t *a = sr_gazetteer_admin1(gz, p->country_code,
                                                      p->admin1_code);

            return a != NULL ? a : p;
        }
        return p;
    }
    return NULL;
}

static int place_score(const sr_place_hit_t *h, const sr_place_t *p)
{
    int score = p->kind == SR_PLACE_CITY ? 3 : p->kind == SR_PLACE_ADMIN1 ? 2
                                                                        : 1;

    /* "in X" is where it happened; "from X", "to X" a route */
    return score + (h->prep && !h->motion) - 3 * h->motion;
}

/* The place of sentence s: the most specific explicit place, else "the
 * country", else a demonym. */
sr_draft_place_t sr_locate_sentence(const sr_analysis_t *an, size_t s,
                                    const sr_gazetteer_t *gz)
{
    const sr_sentinfo_t *si = &an->info[s];
    sr_draft_place_t best;
    int best_score = -1;

    memset(&best, 0, sizeof(best));
    for (size_t k = 0; k < si->nplaces; k++) {
        const sr_place_hit_t *h = &si->places[k];
        const sr_place_t *p;
        int score;

        if (h->kind != SR_PH_PLACE || h->modifier) {
            continue;
        }
        p = h->pick;
        if (p == NULL) {
            continue;
        }
        score = place_score(h, p);
        if (score > best_score) {
            best_score = score;
            best.set = 1;
            best.sent = s;
            best.hit = h;
            best.place = p;
            best.confidence = p->kind == SR_PLACE_CITY
                                  ? (unambiguous(h, p) ? 0.85 : 0.65)
                                  : p->kind == SR_PLACE_ADMIN1 ? 0.75 : 0.8;
        }
    }
    for (size_t k = 0; best.set && k < si->nplaces; k++) {
        const sr_place_hit_t *u = &si->places[k];
        const sr_place_t *box = best.place;

        /* "the village of Tessit in the Gao region": Tessit, proven down
         * to Gao. Next to a known town the town is the better guess. */
        if (u->kind != SR_PH_UNKNOWN ||
            (box->kind == SR_PLACE_CITY && u->near != SR_NEAR_DISTRICT)) {
            continue;
        }
        best.unknown = u;
        best.confidence = 0.6;
        /* "Tassiga, Gao, Mali": a container named like its region's seat
         * is the region */
        for (size_t c = 0; box->kind == SR_PLACE_CITY &&
                           seat_of_candidate(best.hit, box) &&
                           c < best.hit->ncand; c++) {
            const sr_place_t *r = best.hit->cands[c];

            if (r->kind == SR_PLACE_ADMIN1 &&
                strcmp(r->country_code, box->country_code) == 0 &&
                strcmp(r->admin1_code, box->admin1_code) == 0) {
                best.place = r;
            }
        }
        break;
    }
    if (best.set || gz == NULL) {
        return best;
    }
    for (size_t k = 0; k < si->nplaces; k++) {
        const sr_place_hit_t *h = &si->places[k];
        const sr_place_t *p = h->kind == SR_PH_THE_SAME
                                  ? the_same(an, s, h->admin_word, gz)
                                  : NULL;

        if (p != NULL) {
            best.set = 1;
            best.sent = s;
            best.hit = h;
            best.place = p;
            best.confidence = 0.5;
            return best;
        }
    }
    for (size_t k = 0; k < si->nplaces; k++) {
        const sr_place_hit_t *h = &si->places[k];
        const char *cc;

        if (h->kind == SR_PH_THE_COUNTRY &&
            (cc = the_country(an, s)) != NULL &&
            (best.place = sr_gazetteer_country(gz, cc)) != NULL) {
            best.set = 1;
            best.sent = s;
            best.hit = h;
            best.confidence = 0.5;
            return best;
        }
    }
    for (size_t k = 0; k < si->nplaces; k++) {
        const sr_place_hit_t *h = &si->places[k];

        if (h->kind == SR_PH_DEMONYM && h->pick != NULL) {
            best.set = 1;
            best.sent = s;
            best.hit = h;
            best.place = h->pick;
            best.confidence = 0.4;
            return best;
        }
    }
    return best;
}

void sr_locate_resolve(sr_analysis_t *an, const sr_doc_t *doc)
{
    const char *dateline = dateline_country(an, doc);

    an->nnamed = 0;
    an->focus_cc = focus_country(an, doc);
    for (size_t s = 0; s < an->ninfo; s++) {
        pick_places(&an->info[s], doc, an, s == 0 ? NULL : dateline);
    }
}

void sr_locate_refine(sr_draft_place_t *cur, const sr_analysis_t *an,
                      size_t s, const sr_gazetteer_t *gz)
{
    sr_draft_place_t pl;

    if (cur->set && cur->hit->kind != SR_PH_DEMONYM &&
        cur->place->kind != SR_PLACE_COUNTRY) {
        return;
    }
    pl = sr_locate_sentence(an, s, gz);
    /* a headline's "Mozambican" gives way to "the town of Mocímboa da
     * Praia" told in the next sentence; "clashed in Sri Lanka" to "near
     * Point Pedro in Jaffna district" */
    if (!cur->set ||
        (pl.set && pl.hit->kind != SR_PH_DEMONYM &&
         (cur->hit->kind == SR_PH_DEMONYM ||
          (pl.place->kind != SR_PLACE_COUNTRY &&
           strcmp(pl.place->country_code, cur->place->country_code) == 0)))) {
        *cur = pl;
    }
}
