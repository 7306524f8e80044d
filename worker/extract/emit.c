/* emit.c - a draft becomes an sr_incident_t, every field with evidence. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "analysis.h"
#include "classify.h"

#define SPAN_MAX 512
/* tokens from a crowd to its verb: "youths opposed to the new tax on
 * fuel set fire" */
#define CROWD_REACH 11

static size_t tok_end(const sr_doc_t *doc, size_t te)
{
    return (size_t)doc->toks[te - 1].start + doc->toks[te - 1].len;
}

/* Copies the text of tokens [tb, te) into buf (SPAN_MAX bytes); a longer
 * span is cut before the character that would not fit whole, so the
 * copy stays valid UTF-8. */
static const char *span(const sr_doc_t *doc, size_t tb, size_t te, char *buf)
{
    size_t a = doc->toks[tb].start, b = tok_end(doc, te);
    size_t n = b - a < SPAN_MAX - 1 ? b - a : SPAN_MAX - 1;

    while (n > 0 && n < b - a &&
           ((unsigned char)doc->text[a + n] & 0xC0) == 0x80) {
        n--;
    }
    memcpy(buf, doc->text + a, n);
    buf[n] = '\0';
    return buf;
}

static void evidence(sr_incident_t *inc, const sr_doc_t *doc,
                     const char *field, size_t tb, size_t te)
{
    sr_incident_add_evidence(inc, field, doc->toks[tb].start,
                             (int64_t)tok_end(doc, te));
}

static void emit_time(sr_incident_t *inc, const sr_draft_t *d,
                      const sr_doc_t *doc)
{
    char buf[SPAN_MAX];

    if (d->date_set) {
        inc->time.has_date = 1;
        inc->time.year = d->date.year;
        inc->time.month = d->date.month;
        inc->time.day = d->date.day;
        inc->time.precision = d->date.precision;
        inc->time.basis = d->date.basis;
        sr_incident_set_str(&inc->time.text,
                            span(doc, d->date.tb, d->date.te, buf));
        evidence(inc, doc, "time", d->date.tb, d->date.te);
    } else if (d->role == SR_ROLE_MAIN_EVENT && doc->has_pub &&
               inc->factuality != SR_FACT_HYPOTHETICAL &&
               inc->factuality != SR_FACT_PLANNED_OR_THREATENED &&
               inc->factuality != SR_FACT_NEGATED &&
               inc->factuality != SR_FACT_DENIED) {
        /* only something that happened takes the publication date */
        inc->time.has_date = 1;
        inc->time.year = doc->pub_year;
        inc->time.month = doc->pub_month;
        inc->time.day = doc->pub_day;
        inc->time.precision = SR_TPREC_DAY;
        inc->time.basis = SR_TBASIS_PUBLICATION_FALLBACK;
    }
}

/* Evidence for a location taken from the article's focus country: its
 * first mention that names the country or a place in it, else the first
 * group at home there ("TTP militants"). */
static void focus_evidence(sr_incident_t *inc, const sr_analysis_t *an,
                           const sr_doc_t *doc)
{
    for (size_t s = 0; s < an->ninfo; s++) {
        for (size_t k = 0; k < an->info[s].nplaces; k++) {
            const sr_place_hit_t *h = &an->info[s].places[k];
            const sr_place_t *p = h->pick != NULL ? h->pick
                                  : h->ncand > 0  ? h->cands[0]
                                                  : NULL;

            if (p != NULL && h->te > h->tb &&
                strcmp(p->country_code, an->focus_cc) == 0) {
                evidence(inc, doc, "location", h->tb, h->te);
                return;
            }
        }
    }
    for (size_t s = 0; s < an->ninfo; s++) {
        for (size_t k = 0; k < an->info[s].nactors; k++) {
            const sr_actor_hit_t *a = &an->info[s].actors[k];

            if (sr_actor_home_has(a, an->focus_cc)) {
                evidence(inc, doc, "location", a->tb, a->te);
                return;
            }
        }
    }
}

static void emit_place(sr_incident_t *inc, const sr_draft_t *d,
                       const sr_analysis_t *an, const sr_doc_t *doc,
                       const sr_gazetteer_t *gz)
{
    char buf[SPAN_MAX];
    const sr_place_hit_t *h = d->place.hit;

    if (gz == NULL) {
        return;
    }
    if (d->place.set && d->place.unknown != NULL) {
        const sr_place_hit_t *u = d->place.unknown;
        char name[SPAN_MAX];

        sr_place_to_location(gz, d->place.place, span(doc, u->tb, u->te, name),
                             span(doc, u->text_tb, u->text_te, buf), u->near,
                             d->place.confidence, &inc->location);
        evidence(inc, doc, "location", u->text_tb, u->text_te);
    } else if (d->place.set) {
        sr_place_to_location(gz, d->place.place, NULL,
                             span(doc, h->text_tb, h->text_te, buf), h->near,
                             d->place.confidence, &inc->location);
        evidence(inc, doc, "location", h->text_tb, h->text_te);
    } else if (d->role == SR_ROLE_MAIN_EVENT && an->focus_cc != NULL) {
        const sr_place_t *c = sr_gazetteer_country(gz, an->focus_cc);

        /* the article's country: the best container it proves */
        if (c != NULL) {
            sr_place_to_location(gz, c, NULL, NULL, 0, 0.3, &inc->location);
            focus_evidence(inc, an, doc);
        }
    }
}

static int preceded_by(const sr_doc_t *doc, size_t tb, size_t i,
                       const char *const *words, int window)
{
    for (size_t j = i; j > tb && j + (size_t)window > i; j--) {
        for (size_t k = 0; words[k] != NULL; k++) {
            if (sr_tok_is(doc, j - 1, words[k])) {
                return 1;
            }
        }
    }
    return 0;
}

static int is_civilian(const char *type)
{
    return type == NULL || strcmp(type, "CIVILIANS") == 0 ||
           strcmp(type, "PROTESTERS") == 0;
}

static int is_state_like(const char *type)
{
    return type != NULL &&
           (strncmp(type, "STATE", 5) == 0 || strcmp(type, "CIVILIANS") == 0 ||
            strcmp(type, "PROTESTERS") == 0);
}

/* Verbs of force on their own: "soldiers stormed a house", "forces
 * thwarted a Houthi attack". */
static const char *const deed_verbs[] = {
    "stormed", "raided", "shelled", "bombed", "ambushed", "fired",
    "repelled", "repulsed", "routed", "torched", "burned", "looted",
    "thwarted", "intercepted", "struck", "pounded", "bombarded", "strafed",
    "overran", NULL};

/* The verb at j is a passive: "were killed", "was reportedly attacked". */
static int passive_at(const sr_doc_t *doc, const sr_sent_t *s, size_t j)
{
    static const char *const be[] = {"was", "were", "is", "are", "been",
                                     "be", "being", NULL};

    for (size_t k = j; k > s->tb && k + 3 > j; k--) {
        if (sr_tok_in(doc, k - 1, be)) {
            return 1;
        }
        if (!sr_tok_has(doc, k - 1, SR_W_AUX)) {
            return 0; /* "reportedly", "also" may stand between */
        }
    }
    return 0;
}

/* The actor is the subject of an active transitive trigger verb right
 * after it ("soldiers killed five militants"), not of "died" nor of a
 * passive ("soldiers were killed"). */
static int subject_of_active(const sr_doc_t *doc, const sr_sent_t *s,
                             const sr_actor_hit_t *h)
{
    /* "forces conducted airstrikes", "troops launched an attack" */
    static const char *const do_verbs[] = {
        "conducted", "carried", "launched", "staged", "mounted", "opened",
        "executed", "led", "unleashed", "arrested", "detained", "set", NULL};
    /* "X and Popular Resistance forces attacked": one subject */
    static const char *const partners[] = {
        "and", "forces", "troops", "fighters", "militia", "units",
        "affiliated", "allied", "corps", "of", "the", "aircraft", "jets",
        "jet", "warplanes", "helicopters", "drones", NULL};
    /* "X, along with Y, attacked": Y is an aside */
    static const char *const aside[] = {
        "along", "together", "supported", "backed", "accompanied", "aided",
        "assisted", "alongside", NULL};
    size_t limit = h->te + 4;

    /* "Saudi-led coalition airstrikes", "an ISIS attack" */
    if (h->te < s->te && sr_tok_has(doc, h->te, SR_W_TRIGGER) &&
        doc->toks[h->te].lex->trig_noun) {
        return 1;
    }
    for (size_t j = h->te; j < s->te && j < limit; j++) {
        if (sr_tok_punct(doc, j) == ',' && j + 1 < s->te &&
            sr_tok_in(doc, j + 1, aside)) {
            /* skip the aside, up to the verb that follows it */
            for (j += 2; j < s->te && j < h->te + 24 &&
                         !(sr_tok_punct(doc, j - 1) == ',' &&
                           doc->toks[j].kind == SR_TOK_WORD &&
                           !doc->toks[j].cap);
                 j++) {
            }
            limit = j + 4;
            j--;
            continue;
        }
        if (sr_tok_punct(doc, j) == '(' && limit < h->te + 10) {
            /* "police in Bamako (Bamako district) arrested": the place's
             * bracket is no end of the subject */
            size_t close = j + 1;

            while (close < s->te && close < j + 6 &&
                   sr_tok_punct(doc, close) != ')') {
                close++;
            }
            if (close < s->te && sr_tok_punct(doc, close) == ')') {
                limit += close - j + 1;
                j = close;
                continue;
            }
        }
        if (doc->toks[j].kind == SR_TOK_PUNCT) {
            return 0;
        }
        if (limit < h->te + 10 && j + 1 < s->te &&
            sr_tok_has(doc, j, SR_W_PREP_LOC) && doc->toks[j + 1].cap) {
            limit++; /* "soldiers in Gao killed": where the subject is */
            continue;
        }
        if (limit < h->te + 10 &&
            (doc->toks[j].cap || sr_tok_in(doc, j, partners))) {
            limit++;
            continue;
        }
        if (sr_tok_in(doc, j, deed_verbs) && !passive_at(doc, s, j)) {
            return 1;
        }
        if (sr_tok_in(doc, j, do_verbs) && !passive_at(doc, s, j)) {
            for (size_t k = j + 1; k < s->te && k < j + 8; k++) {
                if (sr_tok_has(doc, k, SR_W_TRIGGER) ||
                    sr_tok_is(doc, k, "operation") ||
                    sr_tok_is(doc, k, "fire")) {
                    return 1;
                }
            }
            if (sr_tok_has(doc, j, SR_W_TRIGGER | SR_W_ARREST)) {
                return 1;
            }
        }
        if (sr_tok_has(doc, j, SR_W_TRIGGER) && !doc->toks[j].lex->trig_noun) {
            /* a verb with no object is a headline's passive: "Farmers
             * killed near Maiduguri" */
            int object = j + 1 < s->te &&
                         doc->toks[j + 1].kind != SR_TOK_PUNCT &&
                         !sr_tok_has(doc, j + 1, SR_W_PREP_LOC | SR_W_TIMECUE);

            return object && !sr_tok_has(doc, j, SR_W_DIE | SR_W_INJURE) &&
                   !passive_at(doc, s, j);
        }
    }
    return 0;
}

/* "police said", "a police commander told": a source, not a party. */
static int is_source(const sr_doc_t *doc, const sr_sent_t *s,
                     const sr_actor_hit_t *h)
{
    static const char *const speech[] = {
        "said", "say", "says", "told", "reported", "confirmed", "added",
        "stated", "commander", "commanders", "spokesman", "spokesperson",
        "spokeswoman", "chief", "official", "officials", "source", "sources",
        "statement", "foiled", "thwarted", "arrested", "detained", "denied",
        "denies", "announced", "warned", NULL};

    /* "police said", "police in Kano on Saturday denied" */
    for (size_t j = h->te; j < s->te && j < h->te + 6; j++) {
        if (sr_tok_in(doc, j, speech)) {
            /* "fighting between X and Y was reported": told of them, not
             * by them; "the assailant was arrested" stays no party */
            return !((sr_tok_is(doc, j, "reported") ||
                      sr_tok_is(doc, j, "confirmed")) &&
                     passive_at(doc, s, j));
        }
        /* "militants with reported ties": "with" ends the subject */
        if (sr_tok_has(doc, j, SR_W_TRIGGER) || sr_tok_punct(doc, j) == ',' ||
            (!doc->toks[j].cap && doc->toks[j].kind == SR_TOK_WORD &&
             (j >= h->te + 2 || sr_tok_is(doc, j, "with")) &&
             !sr_tok_has(doc, j, SR_W_PREP_LOC | SR_W_TIMECUE |
                                     SR_W_WEEKDAY | SR_W_AUX))) {
            return 0;
        }
    }
    return 0;
}

/* ACLED's actor of a disrupted weapons use is who disrupted it: "police
 * forces on the island discovered a cache of explosives". */
static int seized_by(const sr_doc_t *doc, const sr_sent_t *s,
                     const sr_actor_hit_t *h)
{
    static const char *const seize[] = {
        "discovered", "seized", "defused", "found", "recovered", "dismantled",
        "foiled", "thwarted", "intercepted", "confiscated", "neutralized",
        "neutralised", "uncovered", NULL};

    /* "police forces on the island of X [coded to Y] discovered" */
    for (size_t j = h->te; j < s->te && j < h->te + 14; j++) {
        if (sr_tok_punct(doc, j) == ',' && j + 1 < s->te &&
            (doc->toks[j + 1].cap || sr_tok_in(doc, j + 1, seize))) {
            continue; /* "in Kano, Nigeria, discovered" */
        }
        if (sr_tok_punct(doc, j) == ',' || sr_tok_is(doc, j, "which") ||
            sr_tok_is(doc, j, "who")) {
            return 0;
        }
        if (sr_tok_in(doc, j, seize)) {
            return !passive_at(doc, s, j);
        }
    }
    return 0;
}

/* The actor is the object of a trigger verb right before it: "seized a
 * GATIA vehicle", "attacked Islamic militants". */
static int object_of_trigger(const sr_doc_t *doc, const sr_sent_t *s,
                             const sr_actor_hit_t *h)
{
    static const char *const clause_words[] = {
        "when", "as", "after", "while", "before", "because", "that", "who",
        "which", "and", "but", NULL};
    /* "killed an unspecified number of presumed X militants" */
    static const char *const fillers[] = {
        "a", "an", "the", "of", "unspecified", "unknown", "number",
        "presumed", "suspected", "alleged", "several", "some", "members",
        "member", "fighters", "elements", "positions", "pro", NULL};
    static const char *const fire[] = {"fire", "fired", "shots", NULL};
    size_t limit = 4;

    for (size_t j = h->tb; j > s->tb && j + limit > h->tb; j--) {
        size_t v = j - 1;

        if (sr_tok_punct(doc, v) == '-' && limit < 9) {
            limit++; /* "a pro-Houthi attack" */
            continue;
        }
        if (doc->toks[v].kind == SR_TOK_PUNCT ||
            sr_tok_in(doc, v, clause_words)) {
            return 0;
        }
        if ((sr_tok_is(doc, v, "on") || sr_tok_is(doc, v, "at")) &&
            v > s->tb && sr_tok_in(doc, v - 1, fire)) {
            return 1; /* "opened fire on members of X" */
        }
        if (limit < 9 &&
            (doc->toks[v].kind == SR_TOK_NUM || sr_tok_in(doc, v, fillers) ||
             sr_tok_has(doc, v, SR_W_NUMWORD | SR_W_FEW | SR_W_VAGUE))) {
            limit++;
            continue;
        }
        if (((sr_tok_has(doc, v, SR_W_TRIGGER) &&
              !doc->toks[v].lex->trig_noun &&
              !sr_tok_has(doc, v, SR_W_DIE | SR_W_INJURE)) ||
             sr_tok_in(doc, v, deed_verbs)) &&
            !(v > s->tb && sr_tok_has(doc, v - 1, SR_W_AUX))) {
            return 1;
        }
    }
    return 0;
}

/* where armed men live and fight from: "rebel camps", "militant
 * hideouts" */
static const char *const holdings[] = {
    "camp", "camps", "base", "bases", "position", "positions", "hideout",
    "hideouts", "stronghold", "strongholds", NULL};

/* The group only names whose place or person was hit: "at the residence
 * of a JeI leader", "near the ISIS office". */
static int place_of(const sr_doc_t *doc, const sr_sent_t *s,
                    const sr_actor_hit_t *h)
{
    static const char *const possessed[] = {
        "leader", "leaders", "office", "offices", "residence", "home",
        "house", "headquarters", "official", "officials", "member",
        "members", "activist", "activists", "supporter", "supporters",
        "camp", "base", "position", "positions", "convoy", "vehicle",
        "vehicles", "hideout", "hideouts", NULL};
    static const char *const preps[] = {"of", "at", "on", "near", "to",
                                        "into", "against", NULL};
    size_t j = h->tb;

    if (h->te >= s->te || !sr_tok_in(doc, h->te, possessed)) {
        return 0;
    }
    while (j > s->tb && (sr_tok_is(doc, j - 1, "a") || sr_tok_is(doc, j - 1, "an") ||
                         sr_tok_is(doc, j - 1, "the"))) {
        j--;
    }
    return j > s->tb && sr_tok_in(doc, j - 1, preps);
}

/* "a Popular Party town councillor", "two Awami League lawmakers": the
 * group names whom the person serves, a victim, not who attacked. */
static int civic_member(const sr_doc_t *doc, const sr_sent_t *s,
                        const sr_actor_hit_t *h)
{
    static const char *const civic[] = {
        "councillor", "councillors", "councilor", "councilors", "lawmaker",
        "lawmakers", "politician", "politicians", "candidate", "candidates",
        "mayor", "senator", "legislator", "legislators", "parliamentarian",
        "deputy", "activist", "activists", "worker", "functionary",
        "corporator", "leader", NULL};

    size_t b = h->tb;

    if (h->kind != SR_ACTOR_NAMED) {
        return 0;
    }
    /* "two activists of the MQM" */
    if (b > s->tb && sr_tok_is(doc, b - 1, "the")) {
        b--;
    }
    if (b > s->tb + 1 && sr_tok_is(doc, b - 1, "of") &&
        sr_tok_in(doc, b - 2, civic)) {
        return 1;
    }
    for (size_t j = h->te; j < s->te && j < h->te + 2; j++) {
        if (sr_tok_in(doc, j, civic)) {
            return 1;
        }
        if (doc->toks[j].kind != SR_TOK_WORD || doc->toks[j].cap) {
            return 0; /* "town", "local" may stand between */
        }
    }
    return 0;
}

/* The actor is the subject of a passive of harm right after it: "twelve
 * militants were killed", "two gunmen were arrested": the side that
 * suffered the deed, whoever the noun calls them. */
static int suffered_by(const sr_doc_t *doc, const sr_sent_t *s,
                       const sr_actor_hit_t *h)
{
    for (size_t j = h->te; j < s->te && j < h->te + 4; j++) {
        if (sr_tok_has(doc, j, SR_W_KILL | SR_W_DIE | SR_W_INJURE |
                                   SR_W_ARREST | SR_W_KIDNAP) ||
            (sr_tok_has(doc, j, SR_W_TRIGGER) &&
             !doc->toks[j].lex->trig_noun)) {
            return passive_at(doc, s, j); /* "were gunned down" too */
        }
        if (!sr_tok_has(doc, j, SR_W_AUX)) {
            return 0;
        }
    }
    return 0;
}

/* "during the BNP-led alliance's blockade", "amid an ANC rally": the
 * group names the occasion, not who acted. */
static int occasion_of(const sr_doc_t *doc, const sr_sent_t *s,
                       const sr_actor_hit_t *h)
{
    static const char *const when[] = {"during", "amid", "amidst", NULL};
    static const char *const occasions[] = {
        "blockade", "blockades", "hartal", "hartals", "shutdown", "rally",
        "rallies", "campaign", "programme", "program", "strike", "strikes",
        "march", "sit-in", "boycott", NULL};

    if (h->kind != SR_ACTOR_NAMED || !preceded_by(doc, s->tb, h->tb, when, 4)) {
        return 0;
    }
    /* "BNP-led alliance's nationwide blockade" */
    for (size_t j = h->te; j < s->te && j < h->te + 7; j++) {
        int c = sr_tok_punct(doc, j);

        if (sr_tok_in(doc, j, occasions)) {
            return 1;
        }
        if (c != 0 && c != '-' && c != '\'' && c != 0xE2) {
            return 0;
        }
    }
    return 0;
}

/* "killed in an encounter with a joint team of the CRPF", "in a gunfight
 * with soldiers": the actor is the other side of the fight. */
static int encounter_with(const sr_doc_t *doc, const sr_sent_t *s,
                          const sr_actor_hit_t *h)
{
    static const char *const fights[] = {
        "encounter", "gunfight", "gun-battle", "shootout", "firefight",
        "fire", "battle", "skirmish", NULL};

    for (size_t j = h->tb; j > s->tb + 1 && j + 12 > h->tb; j--) {
        if (doc->toks[j - 1].kind == SR_TOK_PUNCT ||
            (sr_tok_has(doc, j - 1, SR_W_TRIGGER) &&
             !doc->toks[j - 1].lex->trig_noun)) {
            return 0;
        }
        if (sr_tok_is(doc, j - 1, "with")) {
            return sr_tok_in(doc, j - 2, fights);
        }
    }
    return 0;
}

static int actor_role(const sr_doc_t *doc, const sr_sent_t *s,
                      const sr_actor_hit_t *h, sr_category_t cat)
{
    static const char *const followers[] = {"supporters", "activists",
                                            "cadres", "followers",
                                            "loyalists", "partisans", NULL};
    static const char *const by[] = {"by", NULL};
    static const char *const blamed_on[] = {"blamed", "attributed",
                                            "accused", NULL};
    static const char *const against[] = {"against", "on", "targeting",
                                          "targeted", NULL};

    if (cat == SR_CAT_ARRESTS && h->kind != SR_ACTOR_GENERIC_PERP &&
        subject_of_active(doc, s, h)) {
        return SR_AROLE_PERPETRATOR; /* "police arrested the minister" */
    }
    if (cat == SR_CAT_DISRUPTED_WEAPONS_USE && h->kind != SR_ACTOR_GENERIC_PERP &&
        seized_by(doc, s, h)) {
        return SR_AROLE_PERPETRATOR; /* "police discovered a cache" */
    }
    if (is_source(doc, s, h) || occasion_of(doc, s, h)) {
        return -1;
    }
    if (civic_member(doc, s, h)) {
        /* "X activists attacked supporters of a rival": the party's men
         * did it */
        return cat == SR_CAT_ACCIDENT     ? -1
               : subject_of_active(doc, s, h) ? SR_AROLE_PERPETRATOR
                                              : SR_AROLE_TARGET;
    }
    if (sr_category_is_protest(cat)) {
        /* the crowd is added apart; only the state meeting it stays, the
         * perpetrator when it used excessive force (ACLED's actor 1) */
        /* "police in Omdurman fired tear gas": the state's, unnamed */
        int unnamed_state = h->kind == SR_ACTOR_GENERIC_TARGET &&
                            h->security && subject_of_active(doc, s, h);

        if (h->kind == SR_ACTOR_NAMED && !is_state_like(h->type) &&
            preceded_by(doc, s->tb, h->tb, followers, 5)) {
            /* "supporters of two rival Awami League leaders clashed":
             * ACLED names the party's men, the crowd's own */
            return SR_AROLE_SIDE_A;
        }
        if (!unnamed_state &&
            (h->kind != SR_ACTOR_NAMED || !is_state_like(h->type))) {
            return -1;
        }
        return cat == SR_CAT_EXCESSIVE_FORCE_ON_PROTESTERS
                   ? SR_AROLE_PERPETRATOR
                   : SR_AROLE_SIDE_B;
    }
    if (preceded_by(doc, s->tb, h->tb, by, 2) ||
        preceded_by(doc, s->tb, h->tb, blamed_on, 4)) {
        /* "killed by X", "the blast was blamed on X" */
        return cat == SR_CAT_ACCIDENT ? -1 : SR_AROLE_PERPETRATOR;
    }
    if (preceded_by(doc, s->tb, h->tb, against, 2)) {
        return cat == SR_CAT_ACCIDENT ? -1 : SR_AROLE_TARGET;
    }
    if (cat != SR_CAT_ACCIDENT && !is_state_like(h->type) &&
        (object_of_trigger(doc, s, h) ||
         (h->kind == SR_ACTOR_NAMED && place_of(doc, s, h)))) {
        return SR_AROLE_TARGET;
    }
    switch (h->kind) {
    case SR_ACTOR_GENERIC_PERP:
        if (suffered_by(doc, s, h) ||
            (h->te < s->te && sr_tok_in(doc, h->te, holdings))) {
            /* "twelve militants were killed", "rebel camps destroyed" */
            return SR_AROLE_TARGET;
        }
        return cat == SR_CAT_ACCIDENT ? -1 : SR_AROLE_PERPETRATOR;
    case SR_ACTOR_GENERIC_TARGET:
        if (subject_of_active(doc, s, h) && cat != SR_CAT_ACCIDENT) {
            return SR_AROLE_PERPETRATOR; /* "soldiers killed five militants" */
        }
        return SR_AROLE_TARGET;
    default:
        if (cat == SR_CAT_ACCIDENT) {
            return is_state_like(h->type) ? SR_AROLE_TARGET : -1;
        }
        if (is_state_like(h->type)) {
            return subject_of_active(doc, s, h) || encounter_with(doc, s, h)
                       ? SR_AROLE_PERPETRATOR
                       : SR_AROLE_TARGET;
        }
        /* "ten al-Shabaab militants were killed in an airstrike" */
        return suffered_by(doc, s, h) ? SR_AROLE_TARGET
                                      : SR_AROLE_PERPETRATOR;
    }
}

static int has_side_a(const sr_incident_t *inc)
{
    for (size_t k = 0; k < inc->actor_count; k++) {
        if (inc->actors[k].role == SR_AROLE_SIDE_A) {
            return 1;
        }
    }
    return 0;
}

static int has_actor(const sr_incident_t *inc, sr_actor_role_t role,
                     const char *text, const char *canonical)
{
    for (size_t k = 0; k < inc->actor_count; k++) {
        const sr_actor_t *a = &inc->actors[k];

        if (a->role != role) {
            continue;
        }
        if (canonical != NULL && a->canonical != NULL &&
            strcmp(a->canonical, canonical) == 0) {
            return 1;
        }
        if (strcasecmp(a->text, text) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Protests and riots: the crowd is an actor, named as ACLED does by the
 * country it acts in ("Protesters (Mali)", "Rioters (Mali)"). */
/* The crowd of a protest told without "protesters": the people noun
 * nearest before its protest word ("thousands of people marched",
 * "arrested 1,884 people during protests"), else a bare count right
 * before it ("Thousands marched"). SR_NO_TOK when none. */
static size_t crowd_noun(const sr_doc_t *doc, const sr_sent_t *s)
{
    size_t noun = SR_NO_TOK;

    for (size_t i = s->tb; i < s->te; i++) {
        if (sr_tok_has(doc, i, SR_W_VICT_CIV)) {
            noun = i;
        }
        if (sr_tells_protest(doc, s->tb, s->te, i)) {
            if (noun == SR_NO_TOK && i > s->tb &&
                (doc->toks[i - 1].kind == SR_TOK_NUM ||
                 sr_tok_has(doc, i - 1, SR_W_VAGUE | SR_W_FEW))) {
                noun = i - 1;
            }
            return noun;
        }
    }
    return SR_NO_TOK;
}

/* "hundreds of people", "young people", "groups of men": people told as
 * a crowd, not as a few persons whom nobody named */
static int crowd_of_people(const sr_doc_t *doc, const sr_sent_t *s,
                           size_t i)
{
    static const char *const many[] = {"hundreds", "thousands", "dozens",
                                       "scores", "groups", NULL};

    return (sr_tok_is(doc, i, "people") || sr_tok_is(doc, i, "men")) &&
           i > s->tb &&
           (sr_tok_is(doc, i - 1, "young") ||
            (sr_tok_is(doc, i - 1, "of") && i - 1 > s->tb &&
             sr_tok_in(doc, i - 2, many)));
}

/* A crowd doing a rioter's deed: "youths set cars on fire", "supporters
 * of the candidate clashed with police and looted shops". The crowd's
 * token, or SR_NO_TOK. ACLED names such a crowd "Rioters (Country)"
 * whatever else the event is told as. */
static size_t rioting_crowd(const sr_doc_t *doc, const sr_sent_t *s,
                            int in_protest)
{
    static const char *const crowds[] = {
        "youths", "crowds", "crowd", "mob", "mobs", "demonstrators",
        "protesters", "protestors", "rioters", "looters", "supporters",
        "agitators", "activists", "students", "workers", NULL};
    /* "Some stormed ministries": part of a crowd already told of */
    static const char *const part[] = {"some", "others", "dozens",
                                       "hundreds", NULL};
    static const char *const deeds[] = {
        "looted", "ransacked", "torched", "burned", "burnt", "set",
        "stormed", "clashed", "vandalised", "vandalized", "pelted", "threw",
        "broke", "smashed", "hurled", NULL};
    static const char *const fire[] = {"fire", "ablaze", "alight", NULL};

    for (size_t i = s->tb; i < s->te; i++) {
        if (!sr_tok_in(doc, i, crowds) &&
            !(in_protest && sr_tok_in(doc, i, part)) &&
            !crowd_of_people(doc, s, i)) {
            continue;
        }
        /* the crowd's own verb, a short qualifier between: "youths
         * opposed to the reform set fire", not "police dispersed the
         * crowd, which ..." */
        for (size_t j = i + 1; j < s->te && j < i + CROWD_REACH; j++) {
            if (sr_tok_in(doc, j, deeds) && !passive_at(doc, s, j) &&
                /* "broke into a farm" is a break-in, not a riot */
                !(sr_tok_is(doc, j, "broke") && j + 1 < s->te &&
                  sr_tok_is(doc, j + 1, "into"))) {
                if (!sr_tok_is(doc, j, "set")) {
                    return i;
                }
                for (size_t k = j + 1; k < s->te && k < j + 6; k++) {
                    if (sr_tok_in(doc, k, fire)) {
                        return i; /* "set cars on fire" */
                    }
                }
                continue; /* "set up barricades and looted shops" */
            }
            /* "defied the curfew and clashed": a noun does not end
             * the crowd's clause */
            if (doc->toks[j].kind == SR_TOK_PUNCT ||
                sr_tok_has(doc, j, SR_W_ARREST) ||
                (sr_tok_has(doc, j, SR_W_TRIGGER) &&
                 !doc->toks[j].lex->trig_noun)) {
                break;
            }
        }
    }
    return SR_NO_TOK;
}

/* The crowd at tb did a peaceful protest's deed: "activists marched". */
static int marched(const sr_doc_t *doc, const sr_sent_t *s, size_t tb)
{
    for (size_t j = tb + 1; j < s->te && j < tb + CROWD_REACH; j++) {
        if (sr_tok_is(doc, j, "marched") || sr_tok_is(doc, j, "rallied") ||
            sr_tok_is(doc, j, "protested") ||
            sr_tok_is(doc, j, "demonstrated")) {
            return !passive_at(doc, s, j);
        }
        if (doc->toks[j].kind == SR_TOK_PUNCT) {
            return 0;
        }
    }
    return 0;
}

/* "Protesters (Mali)" / "Rioters (Mali)": the crowd named by the
 * incident's country, as ACLED does. */
static void crowd_actor(sr_incident_t *inc, const char *word,
                        const char *type, const char *text)
{
    char canon[160];

    if (inc->location.country != NULL) {
        snprintf(canon, sizeof(canon), "%s (%s)", word,
                 sr_actor_country(inc->location.country));
    } else {
        snprintf(canon, sizeof(canon), "%s", word); /* country unknown */
    }
    sr_incident_add_actor(inc, SR_AROLE_SIDE_A, text, canon, type,
                          SR_CERT_CONFIRMED);
}

static void add_crowd(sr_incident_t *inc, const sr_draft_t *d,
                      const sr_doc_t *doc)
{
    const sr_sent_t *s = &doc->sents[d->anchor];
    int riot = d->category == SR_CAT_RIOT_VIOLENT_DEMONSTRATION;
    const char *word;
    char buf[SPAN_MAX];
    const char *text;
    size_t tb = SR_NO_TOK;

    /* "thousands gathered ... Some stormed ministries": a riot told in
     * any of the event's sentences */
    for (size_t k = 0; k < d->nsents && !riot; k++) {
        riot = rioting_crowd(doc, &doc->sents[d->sents[k]], 1) != SR_NO_TOK;
    }
    word = riot ? "Rioters" : "Protesters";
    text = riot ? "rioters" : "protesters";

    for (size_t i = s->tb; i < s->te; i++) {
        if (sr_tok_has(doc, i, SR_W_PROTEST)) {
            tb = i;
            break;
        }
    }
    if (tb == SR_NO_TOK) {
        tb = crowd_noun(doc, s);
    }
    for (size_t i = s->tb; i < s->te && tb == SR_NO_TOK; i++) {
        if (sr_tok_has(doc, i, SR_W_VICT_CIV)) {
            tb = i; /* "police scattered them and arrested six traders" */
        }
    }
    if (tb != SR_NO_TOK) {
        text = span(doc, tb, tb + 1, buf);
    }
    if (riot && tb != SR_NO_TOK && marched(doc, s, tb)) {
        /* "thousands marched ...; a group of several hundred set fire to
         * bins": the marchers protested, a part of them rioted */
        crowd_actor(inc, "Protesters", "PROTESTERS", text);
    }
    crowd_actor(inc, word, riot ? "RIOTERS" : "PROTESTERS", text);
    if (tb != SR_NO_TOK) {
        evidence(inc, doc, "actors", tb, tb + 1);
    }
}

/* Mob violence: ACLED's actor is the crowd, "Rioters (Country)", when the
 * text names one ("a mob", "a group of local people", "residents"). */
static void add_mob(sr_incident_t *inc, const sr_draft_t *d,
                    const sr_doc_t *doc, const char *focus)
{
    static const char *const mob[] = {
        "mob", "mobs", "crowd", "crowds", "residents", "locals", "villagers",
        "people", "youths", "vigilantes", NULL};
    const sr_sent_t *s = &doc->sents[d->anchor];
    const char *country = sr_actor_country(
        inc->location.country ? inc->location.country : focus);
    char canon[SPAN_MAX], buf[SPAN_MAX];

    for (size_t i = s->tb; i < s->te && i <= d->trig; i++) {
        if (sr_tok_in(doc, i, mob)) { /* "a mob lynched": the trigger too */
            if (country != NULL) {
                snprintf(canon, sizeof(canon), "Rioters (%s)", country);
            }
            sr_incident_add_actor(inc, SR_AROLE_PERPETRATOR,
                                  span(doc, i, i + 1, buf),
                                  country ? canon : NULL, "RIOTERS",
                                  SR_CERT_CONFIRMED);
            evidence(inc, doc, "actors", i, i + 1);
            return;
        }
    }
}

/* A crowd that rioted in an event told as something else ("supporters
 * clashed with police", "crowds looted shops"): ACLED's first actor, the
 * first side of a clash. */
static void add_rioters(sr_incident_t *inc, const sr_draft_t *d,
                        const sr_doc_t *doc, const char *focus)
{
    const char *country = sr_actor_country(
        inc->location.country ? inc->location.country : focus);
    size_t i = rioting_crowd(doc, &doc->sents[d->anchor], 0);
    char canon[SPAN_MAX], buf[SPAN_MAX];

    /* "Agitators clashed with police. Police opened fire, killing one." */
    for (size_t k = 0; k < d->nsents && i == SR_NO_TOK; k++) {
        if (d->sents[k] != d->anchor) {
            i = rioting_crowd(doc, &doc->sents[d->sents[k]], 0);
        }
    }
    if (i == SR_NO_TOK) {
        return;
    }
    if (country != NULL) {
        snprintf(canon, sizeof(canon), "Rioters (%s)", country);
    }
    sr_incident_add_actor(inc,
                          d->category == SR_CAT_ARMED_CLASH
                              ? SR_AROLE_SIDE_A
                              : SR_AROLE_PERPETRATOR,
                          span(doc, i, i + 1, buf), country ? canon : NULL,
                          "RIOTERS", SR_CERT_CONFIRMED);
    evidence(inc, doc, "actors", i, i + 1);
}

/* A crowd that protested, told by its deed: "supporters gathered on the
 * road", "residents (of X) held their weekly march", "workers answering
 * the call for protests blocked the highway". The crowd's token, or
 * SR_NO_TOK. */
static size_t protesting_crowd(const sr_doc_t *doc, const sr_sent_t *s)
{
    static const char *const crowds[] = {
        "supporters", "residents", "villagers", "people", "workers",
        "students", "activists", "youths", "crowd", "crowds", "traders",
        "farmers", "teachers", "cadres", "members", "employees", NULL};
    static const char *const deeds[] = {
        "gathered", "blocked", "march", "marches", "picketing", "picketed",
        "assembled", "converged", "staged", "barricaded", NULL};

    for (size_t i = s->tb; i < s->te; i++) {
        if (!sr_tok_in(doc, i, crowds) && !sr_tok_has(doc, i, SR_W_PROTEST)) {
            continue;
        }
        for (size_t j = i + 1; j < s->te && j < i + CROWD_REACH; j++) {
            const sr_tok_t *t = &doc->toks[j];

            if ((sr_tok_in(doc, j, deeds) ||
                 (sr_tok_has(doc, j, SR_W_TRIGGER) &&
                  sr_category_is_protest((sr_category_t)(t->lex->trig - 1)))) &&
                !passive_at(doc, s, j)) {
                return i;
            }
            /* a place in brackets or commas or a hyphen does not end
             * the crowd's clause: "residents of X (Y) held", "of Ikeja,
             * Lagos, blocked", "anti-government" */
            if (t->kind == SR_TOK_PUNCT && !strchr("()-", doc->text[t->start]) &&
                !(doc->text[t->start] == ',' && doc->toks[j - 1].cap)) {
                break;
            }
        }
    }
    return SR_NO_TOK;
}

/* The state's means against a crowd that do not kill: tear gas, water
 * cannon, rubber bullets, batons, a dispersal. */
static int crowd_dispersed(const sr_doc_t *doc, const sr_sent_t *s)
{
    static const char *const arms[] = {
        "tear", "teargas", "rubber", "batons", "pepper", "disperse",
        "dispersed", "dispersing", "scatter", "scattered", NULL};

    for (size_t i = s->tb; i < s->te; i++) {
        if (sr_tok_in(doc, i, arms) ||
            (sr_tok_is(doc, i, "water") && i + 1 < s->te &&
             (sr_tok_is(doc, i + 1, "cannon") ||
              sr_tok_is(doc, i + 1, "cannons")))) {
            return 1;
        }
    }
    return 0;
}

/* A protest the state broke up, told as the arrests or the shots that
 * ended it ("supporters blocked the highway; police fired tear gas and
 * detained several"): ACLED's first actor is the crowd, the state its
 * second. */
static void add_dispersed_crowd(sr_incident_t *inc, const sr_draft_t *d,
                                const sr_analysis_t *an, const sr_doc_t *doc)
{
    size_t crowd = SR_NO_TOK;
    int dispersed = 0;
    char buf[SPAN_MAX];

    int state = 0;

    for (size_t k = 0; k < inc->actor_count; k++) {
        const sr_actor_t *a = &inc->actors[k];

        if (a->actor_type != NULL && strcmp(a->actor_type, "RIOTERS") == 0) {
            return; /* the crowd rioted: told already */
        }
        /* only the state breaks up a crowd this way */
        state |= (a->actor_type != NULL && strncmp(a->actor_type, "STATE", 5) == 0) ||
                 (a->canonical != NULL &&
                  (strncmp(a->canonical, "Police Forces of ", 17) == 0 ||
                   strncmp(a->canonical, "Military Forces of ", 19) == 0));
    }
    if (!state) {
        return;
    }
    /* the rarer cue first: most events disperse no crowd */
    for (size_t k = 0; k < d->nsents && !dispersed; k++) {
        dispersed = crowd_dispersed(doc, &doc->sents[d->sents[k]]);
    }
    if (!dispersed) {
        return;
    }
    for (size_t k = 0; k < d->nsents && crowd == SR_NO_TOK; k++) {
        crowd = protesting_crowd(doc, &doc->sents[d->sents[k]]);
    }
    /* "Supporters gathered on the road. Police used tear gas.": the
     * gathering, no event word of its own, is the event's opening */
    if (crowd == SR_NO_TOK && d->anchor > 0 &&
        an->info[d->anchor - 1].trig == SR_NO_TOK) {
        crowd = protesting_crowd(doc, &doc->sents[d->anchor - 1]);
    }
    if (crowd == SR_NO_TOK) {
        return;
    }
    crowd_actor(inc, "Protesters", "PROTESTERS",
                span(doc, crowd, crowd + 1, buf));
    evidence(inc, doc, "actors", crowd, crowd + 1);
}

/* The canonical name of an unnamed actor, as ACLED names them: the
 * attackers "Unidentified Armed Group (Mali)", "Dogon Ethnic Militia
 * (Mali)", the state's forces acting
 * "Military Forces of Mali" / "Police Forces of Mali". NULL when none. */
/* The event is told as part of a tribal feud ("linked to a tribal
 * conflict in the area"): ACLED's unnamed attackers are then
 * "Unidentified Tribal Militia". */
static int tribal_feud(const sr_doc_t *doc, const sr_draft_t *d)
{
    for (size_t k = 0; k < d->nsents; k++) {
        const sr_sent_t *s = &doc->sents[d->sents[k]];

        for (size_t i = s->tb; i + 1 < s->te; i++) {
            /* word tests: a list more in the doc's table costs the
             * lists after it */
            if (doc->toks[i].len == 6 && sr_tok_is(doc, i, "tribal") &&
                (sr_tok_is(doc, i + 1, "conflict") ||
                 sr_tok_is(doc, i + 1, "fighting") ||
                 sr_tok_is(doc, i + 1, "feud") ||
                 sr_tok_is(doc, i + 1, "clashes") ||
                 sr_tok_is(doc, i + 1, "dispute") ||
                 sr_tok_is(doc, i + 1, "violence") ||
                 sr_tok_is(doc, i + 1, "war"))) {
                return 1;
            }
        }
    }
    return 0;
}

/* "security forces" facing a crowd: ACLED names the police, who
 * police crowds, unless the text says soldiers or the army. */
static int crowd_control(const sr_doc_t *doc, const sr_actor_hit_t *h)
{
    for (size_t j = h->tb; j < h->te; j++) {
        if (sr_tok_is(doc, j, "security")) {
            return 1;
        }
    }
    return 0;
}

/* "demonstrators threw stones": a crowd that attacks is ACLED's rioters,
 * whatever the deed */
static int crowd_of(const sr_doc_t *doc, const sr_actor_hit_t *h)
{
    for (size_t j = h->tb; j < h->te; j++) {
        if (sr_tok_has(doc, j, SR_W_PROTEST)) {
            return 1;
        }
    }
    return 0;
}

static const char *generic_canonical(const sr_incident_t *inc,
                                     const sr_draft_t *d,
                                     const sr_doc_t *doc,
                                     const sr_gazetteer_t *gz,
                                     const sr_actor_hit_t *h, int role,
                                     const char *focus, char *buf)
{
    /* the incident's country, else the article's */
    const char *country = sr_actor_country(
        inc->location.country ? inc->location.country : focus);

    if (h->kind == SR_ACTOR_NAMED) {
        if (d != NULL && sr_category_is_protest(d->category) &&
            strncmp(h->canonical, "Military Forces of ", 19) == 0 &&
            crowd_control(doc, h)) {
            snprintf(buf, SPAN_MAX, "Police Forces of %s", h->canonical + 19);
            return buf;
        }
        return h->canonical;
    }
    if (h->kind == SR_ACTOR_GENERIC_PERP && h->canonical[0] != '\0') {
        /* GTD's ideology labels name no country */
        if (country == NULL ||
            (h->type != NULL && strcmp(h->type, "EXTREMIST") == 0)) {
            return h->canonical;
        }
        snprintf(buf, SPAN_MAX, "%s (%s)",
                 h->type != NULL ||
                         strcmp(h->canonical, "Unidentified Armed Group") != 0
                     ? h->canonical
                 : crowd_of(doc, h)                   ? "Rioters"
                 : d != NULL && tribal_feud(doc, d) ? "Unidentified Tribal Militia"
                                                      : h->canonical,
                 country);
        return buf;
    }
    if (h->kind == SR_ACTOR_GENERIC_TARGET && h->security && country != NULL &&
        (role == SR_AROLE_PERPETRATOR || role == SR_AROLE_SIDE_A)) {
        /* border guards are police forces to ACLED */
        int police = h->tb > 0 && sr_tok_is(doc, h->tb - 1, "border");

        for (size_t j = h->tb; j < h->te; j++) {
            police |= sr_tok_has(doc, j, SR_W_POLICE) ||
                      sr_tok_is(doc, j, "border");
        }
        police |= d != NULL && sr_category_is_protest(d->category) &&
                  crowd_control(doc, h);
        /* "Syrian government aircraft": the demonym's state, not the
         * place's */
        if (gz != NULL && h->tb > 0 && doc->toks[h->tb - 1].cap) {
            const sr_place_t *c = sr_gazetteer_demonym(
                gz, doc->text + doc->toks[h->tb - 1].start,
                doc->toks[h->tb - 1].len);

            if (c != NULL) {
                country = sr_actor_country(c->name);
            }
        }
        snprintf(buf, SPAN_MAX, "%s Forces of %s",
                 police ? "Police" : "Military", country);
        return buf;
    }
    return NULL;
}

/* Actor a follows the one before it with only "and" between, and that
 * one is side A already: "militia units and army forces clashed". */
static int joined_to_side_a(const sr_doc_t *doc, const sr_sentinfo_t *si,
                            size_t a, const sr_incident_t *inc)
{
    const sr_actor_hit_t *prev = &si->actors[a - 1];
    const sr_actor_hit_t *h = &si->actors[a];
    char buf[SPAN_MAX];

    if (h->tb < prev->te + 1 || h->tb > prev->te + 3 ||
        !sr_tok_is(doc, h->tb - 1, "and")) {
        return 0;
    }
    for (size_t j = prev->te; j + 1 < h->tb; j++) {
        if (doc->toks[j].kind != SR_TOK_WORD ||
            sr_tok_has(doc, j, SR_W_TRIGGER)) {
            return 0; /* "units and": a noun of the first may end it */
        }
    }
    span(doc, prev->tb, prev->te, buf);
    for (size_t k = 0; k < inc->actor_count; k++) {
        if (inc->actors[k].role == SR_AROLE_SIDE_A &&
            strcmp(inc->actors[k].text, buf) == 0) {
            return 1;
        }
    }
    return 0;
}

static void emit_actors(sr_incident_t *inc, const sr_draft_t *d,
                        const sr_analysis_t *an, const sr_doc_t *doc,
                        const sr_gazetteer_t *gz, int *target_security)
{
    const sr_place_t *fc = gz != NULL && an->focus_cc != NULL
                               ? sr_gazetteer_country(gz, an->focus_cc)
                               : NULL;
    const char *focus = fc != NULL ? fc->name : NULL;
    static const char *const suspected[] = {"suspected", "alleged",
                                            "presumed", NULL};
    static const char *const blamed[] = {"attributed", "blamed", "accused",
                                         "blaming", "accusing", NULL};
    static const char *const of[] = {"of", NULL};
    char buf[SPAN_MAX], cbuf[SPAN_MAX];

    *target_security = 0;
    if (!sr_category_is_protest(d->category) &&
        d->category != SR_CAT_MOB_VIOLENCE && d->category != SR_CAT_ACCIDENT) {
        add_rioters(inc, d, doc, focus);
    }
    for (size_t k = 0; k < d->nsents; k++) {
        size_t s = d->sents[k], cb, ce;
        const sr_sentinfo_t *si = &an->info[s];

        /* "..., but Boko Haram has carried out similar attacks": another
         * clause, another event */
        sr_clause_bounds(doc, doc->sents[s].tb, doc->sents[s].te, si->trig,
                         &cb, &ce);
        for (size_t a = 0; a < si->nactors; a++) {
            const sr_actor_hit_t *h = &si->actors[a];
            int role = actor_role(doc, &doc->sents[s], h, d->category);
            const char *canon;
            sr_certainty_t cert = SR_CERT_CONFIRMED;

            if (role < 0 || h->tb < cb || h->te > ce ||
                (si->has_claim && si->claim.actor == (int)a)) {
                continue;
            }
            if (role == SR_AROLE_TARGET &&
                ((h->kind == SR_ACTOR_GENERIC_TARGET && h->security) ||
                 h->kind == SR_ACTOR_GENERIC_PERP ||
                 (h->kind == SR_ACTOR_NAMED && !is_civilian(h->type)))) {
                *target_security = 1; /* armed men attacked: a battle */
            }
            if (preceded_by(doc, doc->sents[s].tb, h->tb, suspected, 3)) {
                cert = SR_CERT_SUSPECTED;
            } else if (role == SR_AROLE_PERPETRATOR &&
                       preceded_by(doc, cb, h->tb, blamed, 8)) {
                cert = SR_CERT_BLAMED_BY_OTHER; /* "attributed the attack to" */
            } else if (role == SR_AROLE_PERPETRATOR &&
                       h->kind == SR_ACTOR_NAMED) {
                cert = sr_claim_certainty(doc, doc->sents[s].tb,
                                          doc->sents[s].te, h->tb, cert);
            }
            if (d->category == SR_CAT_ARMED_CLASH &&
                !(h->kind == SR_ACTOR_GENERIC_TARGET && !h->security)) {
                /* civilians caught in a clash are no side of it; "X and
                 * Y clashed with Z": Y is X's side */
                role = has_side_a(inc) && !(a > 0 && joined_to_side_a(
                                                         doc, si, a, inc))
                           ? SR_AROLE_SIDE_B
                           : SR_AROLE_SIDE_A;
            }
            canon = generic_canonical(inc, d, doc, gz, h, role, focus, cbuf);
            if (role == SR_AROLE_SIDE_B && canon != NULL &&
                preceded_by(doc, doc->sents[s].tb, h->tb, of, 2) &&
                has_actor(inc, SR_AROLE_SIDE_A, "", canon)) {
                continue; /* "gunmen of the X cartel": X is side A already */
            }
            span(doc, h->tb, h->te, buf);
            if (has_actor(inc, (sr_actor_role_t)role, buf,
                          h->kind == SR_ACTOR_NAMED ? canon : NULL)) {
                continue;
            }
            sr_incident_add_actor(inc, (sr_actor_role_t)role, buf, canon,
                                  h->type, cert);
            evidence(inc, doc, "actors", h->tb, h->te);
        }
    }
    for (size_t k = 0; k < SR_CAS__COUNT; k++) {
        if (d->cas[k] != NULL && d->cas[k]->victim == SR_VICTIM_SECURITY) {
            *target_security = 1;
        }
    }
    if (sr_category_is_protest(d->category)) {
        add_crowd(inc, d, doc);
    } else if (d->category == SR_CAT_MOB_VIOLENCE) {
        add_mob(inc, d, doc, focus);
    } else if (d->category != SR_CAT_ACCIDENT) {
        add_dispersed_crowd(inc, d, an, doc);
    }
}

static void emit_claim(sr_incident_t *inc, const sr_draft_t *d,
                       const sr_doc_t *doc)
{
    char buf[SPAN_MAX];

    inc->claim.status = d->claim_status;
    if (d->claim == NULL) {
        return;
    }
    evidence(inc, doc, "claim", d->claim->tb, d->claim->te);
    if (d->claimant_hit == NULL) {
        return;
    }
    sr_incident_set_str(&inc->claim.claimant, d->claimant);
    if (d->claim_status == SR_CLAIM_DENIED) {
        return;
    }
    for (size_t k = 0; k < inc->actor_count; k++) {
        sr_actor_t *a = &inc->actors[k];

        if (a->role == SR_AROLE_PERPETRATOR && a->canonical != NULL &&
            strcmp(a->canonical, d->claimant) == 0) {
            a->certainty = SR_CERT_CLAIMED;
        }
    }
    sr_incident_add_actor(inc, SR_AROLE_CLAIMANT,
                          span(doc, d->claimant_hit->tb, d->claimant_hit->te,
                               buf),
                          d->claimant, d->claimant_hit->type, SR_CERT_CLAIMED);
}

static int has_named_perp(const sr_incident_t *inc)
{
    for (size_t k = 0; k < inc->actor_count; k++) {
        const sr_actor_t *a = &inc->actors[k];

        if ((a->role == SR_AROLE_PERPETRATOR || a->role == SR_AROLE_CLAIMANT ||
             a->role == SR_AROLE_SIDE_A) &&
            a->canonical != NULL && a->actor_type != NULL) {
            return 1;
        }
    }
    return 0;
}

/* "still held as of mid-December", "closed until 3 May": the date of a
 * state of things, which dates no other deed */
static int status_date(const sr_doc_t *doc, const sr_date_hit_t *h)
{
    return (h->tb > 1 && sr_tok_is(doc, h->tb - 1, "of") &&
            sr_tok_is(doc, h->tb - 2, "as")) ||
           (h->tb > 0 && (sr_tok_is(doc, h->tb - 1, "until") ||
                          sr_tok_is(doc, h->tb - 1, "till")));
}

/* A sentence that dates itself apart from the incident tells of another
 * one: its claims are not this incident's. */
static int other_date(const sr_draft_t *d, const sr_doc_t *doc,
                      const sr_sentinfo_t *si)
{
    for (size_t k = 0; k < si->ndates; k++) {
        const sr_date_hit_t *h = &si->dates[k];

        if (h->since || status_date(doc, h)) {
            continue; /* "X, which has fought since 2012": a span to now */
        }
        if (h->earlier ||
            (d->date_set && (h->year != d->date.year ||
                             h->month != d->date.month ||
                             (h->precision == SR_TPREC_DAY &&
                              d->date.precision == SR_TPREC_DAY &&
                              h->day != d->date.day)))) {
            return 1;
        }
    }
    return 0;
}

/* "X claimed responsibility for the attack in a statement on Tuesday": the
 * claim's own date is not another incident's. */
static int claims_back(const sr_sentinfo_t *si)
{
    return si->has_claim && si->claim.status == SR_CLAIM_CLAIMED &&
           (si->trig == SR_NO_TOK || si->definite);
}

/* Sentence s names who did it: a claim or an attribution. 1 if used. */
static int attribution_in(sr_incident_t *inc, const sr_analysis_t *an,
                          const sr_doc_t *doc, size_t s)
{
    const sr_sentinfo_t *si = &an->info[s];
    const sr_sent_t *st = &doc->sents[s];
    sr_blame_hit_t b;
    char buf[SPAN_MAX];

    if (si->has_claim && si->claim.status == SR_CLAIM_CLAIMED &&
        si->claim.actor >= 0) {
        const sr_actor_hit_t *h = &si->actors[si->claim.actor];

        inc->claim.status = SR_CLAIM_CLAIMED;
        sr_incident_set_str(&inc->claim.claimant, h->canonical);
        sr_incident_add_actor(inc, SR_AROLE_CLAIMANT,
                              span(doc, h->tb, h->te, buf), h->canonical,
                              h->type, SR_CERT_CLAIMED);
        evidence(inc, doc, "claim", si->claim.tb, si->claim.te);
        return 1;
    }
    if (sr_blame_find(doc, st->tb, st->te, si->actors, si->nactors, &b)) {
        for (int k = 0; k < 2; k++) {
            int a = k == 0 ? b.actor : b.also;
            const sr_actor_hit_t *h = a >= 0 ? &si->actors[a] : NULL;

            if (h != NULL) {
                sr_incident_add_actor(inc, SR_AROLE_PERPETRATOR,
                                      span(doc, h->tb, h->te, buf),
                                      h->canonical, h->type, b.cert);
            }
        }
        evidence(inc, doc, "actors", b.tb, b.te);
        return 1;
    }
    return 0;
}

/* "The hijackers, from X, freed the hostages on 31 December": the
 * incident's own attackers, told on with a later date. */
static int refers_back(const sr_doc_t *doc, const sr_sent_t *st)
{
    return st->tb + 1 < st->te && sr_tok_is(doc, st->tb, "the") &&
           sr_tok_has(doc, st->tb + 1, SR_W_PERP);
}

static void attribute(sr_incident_t *inc, const sr_draft_t *d,
                      const sr_analysis_t *an, const sr_doc_t *doc)
{
    for (size_t k = 0; k < d->nsents; k++) {
        if (attribution_in(inc, an, doc, d->sents[k])) {
            return;
        }
    }
    if (d->role != SR_ROLE_MAIN_EVENT) {
        return;
    }
    for (size_t s = d->anchor + 1; s < an->ninfo; s++) {
        if ((!other_date(d, doc, &an->info[s]) || claims_back(&an->info[s]) ||
             refers_back(doc, &doc->sents[s])) &&
            attribution_in(inc, an, doc, s)) {
            return;
        }
    }
    /* "A mine planted by X hit a bus. Two adults were killed.": the
     * deed told before the toll that anchors the incident */
    for (size_t s = d->anchor; s > 0; s--) {
        if (!other_date(d, doc, &an->info[s - 1]) &&
            attribution_in(inc, an, doc, s - 1)) {
            return;
        }
    }
}

/* Who did it, when the incident's own clauses do not say: "nobody claimed
 * it, but sources blamed X",
 * in the incident's sentences or, for the article's news, in any other
 * sentence that does not date itself apart (later ones first). */
static int is_armed_group(const char *type);

/* Attacks by someone by their nature: a bomb, a gunman, an abduction. */
static int armed_attack(sr_category_t cat)
{
    return cat == SR_CAT_REMOTE_EXPLOSIVE_IED || cat == SR_CAT_GRENADE ||
           cat == SR_CAT_BOMBING_OTHER || cat == SR_CAT_SUICIDE_BOMBING ||
           cat == SR_CAT_ARMED_ASSAULT || cat == SR_CAT_ASSASSINATION ||
           cat == SR_CAT_KIDNAPPING;
}

/* "killed in a search operation", "a police operation": the state's
 * forces acting, unnamed. The token of "operation", or SR_NO_TOK. */
static size_t state_operation(const sr_doc_t *doc, const sr_draft_t *d,
                              int *police, size_t *from)
{
    static const char *const kinds[] = {
        "search", "security", "military", "terrorism", "counterterrorism",
        "insurgency", "counterinsurgency", "terror", "clearance", "combing",
        "mop", "cordon", "police", NULL};

    for (size_t k = 0; k < d->nsents; k++) {
        const sr_sent_t *s = &doc->sents[d->sents[k]];

        for (size_t i = s->tb + 1; i < s->te; i++) {
            if (!sr_tok_is(doc, i, "operation") &&
                !sr_tok_is(doc, i, "operations")) {
                continue;
            }
            /* "counter-terrorism operation": the hyphen is a token */
            for (size_t j = i; j > s->tb && j + 4 > i; j--) {
                if (sr_tok_in(doc, j - 1, kinds)) {
                    *police = sr_tok_is(doc, j - 1, "police");
                    *from = j - 1;
                    return i;
                }
            }
        }
    }
    return SR_NO_TOK;
}

/* Word tests of deed_words, not lists: it runs rarely, and a list more
 * in the doc's table can push a hot list off its home slot. */
static int deed_det(const sr_doc_t *doc, size_t i)
{
    return sr_tok_is(doc, i, "a") || sr_tok_is(doc, i, "an") ||
           sr_tok_is(doc, i, "the") || sr_tok_is(doc, i, "two") ||
           sr_tok_is(doc, i, "three") || sr_tok_is(doc, i, "several") ||
           sr_tok_is(doc, i, "twin") || sr_tok_is(doc, i, "another") ||
           sr_tok_is(doc, i, "multiple") || sr_tok_is(doc, i, "some") ||
           sr_tok_is(doc, i, "one");
}

/* words that end a noun phrase on its left, or a verb's object */
static int deed_stop(const sr_doc_t *doc, size_t i)
{
    return sr_tok_is(doc, i, "in") || sr_tok_is(doc, i, "by") ||
           sr_tok_is(doc, i, "of") || sr_tok_is(doc, i, "when") ||
           sr_tok_is(doc, i, "after") || sr_tok_is(doc, i, "was") ||
           sr_tok_is(doc, i, "were") || sr_tok_is(doc, i, "and") ||
           sr_tok_is(doc, i, "as") || sr_tok_is(doc, i, "from") ||
           sr_tok_is(doc, i, "with") || sr_tok_is(doc, i, "at") ||
           sr_tok_is(doc, i, "on") || sr_tok_is(doc, i, "near") ||
           sr_tok_is(doc, i, "that") || sr_tok_is(doc, i, "which") ||
           sr_tok_is(doc, i, "while") || sr_tok_is(doc, i, "for") ||
           sr_tok_is(doc, i, "to") || sr_tok_is(doc, i, "who");
}

static int deed_aux(const sr_doc_t *doc, size_t i)
{
    return sr_tok_is(doc, i, "was") || sr_tok_is(doc, i, "were") ||
           sr_tok_is(doc, i, "been") || sr_tok_is(doc, i, "being") ||
           sr_tok_is(doc, i, "is") || sr_tok_is(doc, i, "are") ||
           sr_tok_is(doc, i, "be") || sr_tok_is(doc, i, "got");
}

/* a device's own verb: "a bomb went off", "exploded" */
static int deed_went(const sr_doc_t *doc, size_t i)
{
    return sr_tok_is(doc, i, "went") || sr_tok_is(doc, i, "exploded") ||
           sr_tok_is(doc, i, "detonated") || sr_tok_is(doc, i, "blew") ||
           sr_tok_is(doc, i, "ripped") || sr_tok_is(doc, i, "tore");
}

/* The words of an unnamed attacker's deed, as its actor text: a verb
 * alone ("shot", "died") reads as no one. A verb's doer when told ("a
 * man stabbed"), else the verb with its auxiliary and complement ("were
 * shot dead", "killing three people"); a noun with its determiner and
 * its own verb ("a roadside bomb went off", "opened fire"). [*b, *e). */
static void deed_words(const sr_doc_t *doc, const sr_sent_t *s, size_t trig,
                       size_t *b, size_t *e)
{
    const sr_tok_t *t = &doc->toks[trig];

    *b = trig;
    *e = trig + 1;
    if (t->lex != NULL && t->lex->trig_noun) {
        for (size_t j = trig; j > s->tb && j + 4 > trig; j--) {
            if (doc->toks[j - 1].kind != SR_TOK_WORD || deed_stop(doc, j - 1)) {
                break;
            }
            if (deed_det(doc, j - 1)) {
                *b = j - 1; /* "a roadside bomb" */
                break;
            }
            if (doc->toks[j - 1].cap) {
                break; /* a name is no modifier */
            }
        }
        if (*b == trig && trig > s->tb && sr_tok_is(doc, trig - 1, "opened")) {
            *b = trig - 1;
        }
        if (*e < s->te && deed_went(doc, *e)) {
            (*e)++;
            if (*e < s->te && (sr_tok_is(doc, *e, "off") || sr_tok_is(doc, *e, "up"))) {
                (*e)++;
            }
        }
        return;
    }
    if (trig > s->tb && deed_aux(doc, trig - 1)) {
        *b = trig - 1; /* "were shot" */
    } else if (!sr_tok_has(doc, trig, SR_W_DIE | SR_W_INJURE) && trig > s->tb &&
               doc->toks[trig - 1].kind == SR_TOK_WORD && !deed_stop(doc, trig - 1)) {
        /* "A man stabbed", "a man armed with a knife stabbed": the doer,
         * back to its determiner, past the gear it holds */
        for (size_t j = trig - 1; j > s->tb && j + 8 > trig; j--) {
            if (deed_det(doc, j - 1)) {
                if (j - 1 > s->tb + 1 && deed_stop(doc, j - 2)) {
                    j--;
                    continue;
                }
                *b = j - 1;
                *e = trig;
                return;
            }
            if (doc->toks[j - 1].kind != SR_TOK_WORD || deed_stop(doc, j - 1)) {
                break;
            }
        }
    }
    if (*e < s->te && (sr_tok_is(doc, *e, "dead") || sr_tok_is(doc, *e, "off") ||
                       sr_tok_is(doc, *e, "up") || sr_tok_is(doc, *e, "down") ||
                       sr_tok_is(doc, *e, "fire"))) {
        (*e)++; /* "shot dead" */
    } else if (*e + 1 < s->te && sr_tok_is(doc, *e, "to") && sr_tok_is(doc, *e + 1, "death")) {
        *e += 2;
    }
    /* still a verb alone: what it did ("killing three people") */
    if (*e - *b == 1) {
        size_t n = 0;

        while (n < 3 && *e + n < s->te && doc->toks[*e + n].kind != SR_TOK_PUNCT &&
               !deed_stop(doc, *e + n)) {
            n++;
        }
        *e += n;
    }
}

/* Who did it when the text names no one: the state's forces of a
 * security operation ("eight rebels died in a search operation"), else,
 * for an armed attack ("a bomb went off near the market; no group claimed
 * it"), ACLED's unnamed perpetrator of the country it happened in. */
static void add_unknown_attacker(sr_incident_t *inc, const sr_draft_t *d,
                                 const sr_analysis_t *an, const sr_doc_t *doc,
                                 const sr_gazetteer_t *gz)
{
    const sr_place_t *fc = gz != NULL && an->focus_cc != NULL
                               ? sr_gazetteer_country(gz, an->focus_cc)
                               : NULL;
    const char *country = sr_actor_country(
        inc->location.country ? inc->location.country
                              : (fc != NULL ? fc->name : NULL));
    char canon[SPAN_MAX], buf[SPAN_MAX];
    int armed_target = 0, police = 0;
    size_t op, from = 0, b, e;

    if (country == NULL || inc->claim.status == SR_CLAIM_CLAIMED ||
        inc->factuality != SR_FACT_ASSERTED) {
        return;
    }
    for (size_t k = 0; k < inc->actor_count; k++) {
        const sr_actor_t *a = &inc->actors[k];

        if (a->role == SR_AROLE_PERPETRATOR || a->role == SR_AROLE_SIDE_A ||
            a->role == SR_AROLE_CLAIMANT) {
            return;
        }
        /* "one rebel was killed": fighters fall to the state as often */
        armed_target |= a->role == SR_AROLE_TARGET &&
                        (is_armed_group(a->actor_type) ||
                         (a->canonical != NULL &&
                          strncmp(a->canonical, "Unidentified", 12) == 0));
    }
    op = state_operation(doc, d, &police, &from);
    if (op != SR_NO_TOK) {
        snprintf(canon, sizeof(canon), "%s Forces of %s",
                 police ? "Police" : "Military", country);
        sr_incident_add_actor(inc,
                              d->category == SR_CAT_ARMED_CLASH
                                  ? SR_AROLE_SIDE_A
                                  : SR_AROLE_PERPETRATOR,
                              span(doc, from, op + 1, buf), canon,
                              "STATE_FORCES", SR_CERT_SUSPECTED);
        evidence(inc, doc, "actors", from, op + 1);
        return;
    }
    if (!armed_attack(d->category) || armed_target) {
        return;
    }
    /* a crowd's deed ("demonstrators threw homemade explosives"): the
     * crowd did it, as rioters */
    snprintf(canon, sizeof(canon), "%s (%s)",
             sr_tok_has(doc, d->trig, SR_W_PROTEST) ? "Rioters"
                                                    : "Unidentified Armed Group",
             country);
    /* the text is the deed that implies an attacker */
    deed_words(doc, &doc->sents[d->anchor], d->trig, &b, &e);
    sr_incident_add_actor(inc, SR_AROLE_PERPETRATOR, span(doc, b, e, buf), canon,
                          NULL, SR_CERT_SUSPECTED);
    evidence(inc, doc, "actors", b, e);
}

/* "LTTE cadres overran three villages. Officials counted 23 dead.",
 * "Police carried out an operation in the favela. 28 people were
 * killed.": the deed told, with no word of harm, right before the toll
 * that anchors the incident; its subject did it. 1 if added. */
static int deed_before(sr_incident_t *inc, const sr_draft_t *d,
                       const sr_analysis_t *an, const sr_doc_t *doc,
                       const sr_gazetteer_t *gz)
{
    const sr_sentinfo_t *si;
    const sr_sent_t *st;
    const sr_place_t *fc = gz != NULL && an->focus_cc != NULL
                               ? sr_gazetteer_country(gz, an->focus_cc)
                               : NULL;
    char buf[SPAN_MAX], cbuf[SPAN_MAX];

    if (d->anchor == 0 || d->anchor - 1 >= an->ninfo) {
        return 0;
    }
    si = &an->info[d->anchor - 1];
    st = &doc->sents[d->anchor - 1];
    if (si->trig != SR_NO_TOK || other_date(d, doc, si)) {
        return 0;
    }
    for (size_t k = 0; k < inc->actor_count; k++) {
        if (inc->actors[k].role == SR_AROLE_PERPETRATOR ||
            inc->actors[k].role == SR_AROLE_SIDE_A ||
            inc->actors[k].role == SR_AROLE_CLAIMANT) {
            return 0;
        }
    }
    for (size_t a = 0; a < si->nactors; a++) {
        const sr_actor_hit_t *h = &si->actors[a];
        const char *canon;

        if ((h->kind == SR_ACTOR_GENERIC_TARGET && !h->security) ||
            !subject_of_active(doc, st, h)) {
            continue;
        }
        canon = generic_canonical(inc, d, doc, gz, h, SR_AROLE_PERPETRATOR,
                                  fc != NULL ? fc->name : NULL, cbuf);
        sr_incident_add_actor(inc, SR_AROLE_PERPETRATOR,
                              span(doc, h->tb, h->te, buf), canon, h->type,
                              SR_CERT_CONFIRMED);
        evidence(inc, doc, "actors", h->tb, h->te);
        return 1;
    }
    return 0;
}

static void emit_attribution(sr_incident_t *inc, const sr_draft_t *d,
                             const sr_analysis_t *an, const sr_doc_t *doc,
                             const sr_gazetteer_t *gz)
{
    if (!has_named_perp(inc)) {
        attribute(inc, d, an, doc);
        if (!has_named_perp(inc) && d->role == SR_ROLE_MAIN_EVENT) {
            deed_before(inc, d, an, doc, gz);
        }
        add_unknown_attacker(inc, d, an, doc, gz);
    } else if (inc->claim.status != SR_CLAIM_CLAIMED &&
               d->role == SR_ROLE_MAIN_EVENT) {
        /* a named attacker does not stop a later claim for "the attack" */
        for (size_t s = d->anchor + 1; s < an->ninfo; s++) {
            if (claims_back(&an->info[s]) &&
                an->info[s].claim.actor >= 0 &&
                attribution_in(inc, an, doc, s)) {
                break;
            }
        }
    }
    if (!has_named_perp(inc)) {
        return;
    }
    /* "gunmen" of a group the text names are not an unidentified group */
    for (size_t k = 0; k < inc->actor_count; k++) {
        sr_actor_t *a = &inc->actors[k];

        if (a->role == SR_AROLE_PERPETRATOR && a->actor_type == NULL &&
            a->canonical != NULL &&
            strncmp(a->canonical, "Unidentified", 12) == 0) {
            sr_incident_set_str(&a->canonical, NULL);
        }
    }
}


static sr_count_t *count_slot(sr_incident_t *inc, int kind)
{
    switch (kind) {
    case SR_CAS_KILLED:
        return &inc->casualties.killed;
    case SR_CAS_INJURED:
        return &inc->casualties.injured;
    case SR_CAS_KIDNAPPED:
        return &inc->casualties.kidnapped;
    case SR_CAS_ARRESTED:
        return &inc->casualties.arrested;
    case SR_CAS_MISSING:
        return &inc->casualties.missing;
    default:
        return &inc->casualties.killed_perpetrators;
    }
}

static const char *const count_fields[SR_CAS__COUNT] = {
    [SR_CAS_KILLED] = "casualties.killed",
    [SR_CAS_INJURED] = "casualties.injured",
    [SR_CAS_KIDNAPPED] = "casualties.kidnapped",
    [SR_CAS_ARRESTED] = "casualties.arrested",
    [SR_CAS_KILLED_PERP] = "casualties.killed_perpetrators",
    [SR_CAS_MISSING] = "casualties.missing"};

/* k += q: a bound unknown on either side is unknown; two qualifiers that
 * differ make the sum a floor. */
static void count_add(sr_count_t *k, const sr_qcount_t *q)
{
    k->best += q->best;
    k->low = k->low != SR_COUNT_NONE && q->low != SR_COUNT_NONE
                 ? k->low + q->low
                 : SR_COUNT_NONE;
    k->high = k->high != SR_COUNT_NONE && q->high != SR_COUNT_NONE
                  ? k->high + q->high
                  : SR_COUNT_NONE;
    if (k->qualifier != q->qual) {
        k->qualifier = SR_QUAL_AT_LEAST;
        k->low = k->best;
        k->high = SR_COUNT_NONE;
    }
}

/* Like GTD's nkill, "killed" counts everyone killed, attackers too;
 * killed_perpetrators keeps the attackers apart. */
static void add_perpetrators(sr_incident_t *inc, const sr_draft_t *d,
                             const sr_doc_t *doc)
{
    const sr_cas_hit_t *p = d->cas[SR_CAS_KILLED_PERP];
    sr_count_t *k = &inc->casualties.killed;
    char buf[SPAN_MAX];

    if (p == NULL || p->count.best == SR_COUNT_NONE) {
        return;
    }
    if (!k->present) {
        sr_count_set(k, p->count.best, p->count.low, p->count.high,
                     p->count.qual, span(doc, p->tb, p->te, buf));
        evidence(inc, doc, "casualties.killed", p->tb, p->te);
        return;
    }
    if (k->best == SR_COUNT_NONE || k->qualifier == SR_QUAL_ZERO) {
        return;
    }
    /* "five people, including the gunman, were killed", "the attackers
     * were among the dead": the total already holds them */
    if (p->within || (d->cas[SR_CAS_KILLED] != NULL &&
                      d->cas[SR_CAS_KILLED]->with_perps)) {
        return;
    }
    count_add(k, &p->count);
    if (d->cas[SR_CAS_KILLED] != NULL) {
        const sr_cas_hit_t *a = d->cas[SR_CAS_KILLED];
        char both[2 * SPAN_MAX + 8];

        if (sr_doc_sent_of(doc, a->tb) == sr_doc_sent_of(doc, p->tb)) {
            span(doc, a->tb < p->tb ? a->tb : p->tb,
                 a->te > p->te ? a->te : p->te, buf);
            sr_incident_set_str(&k->text, buf);
        } else {
            snprintf(both, sizeof(both), "%s; %s", k->text,
                     span(doc, p->tb, p->te, buf));
            sr_incident_set_str(&k->text, both);
        }
    }
    evidence(inc, doc, "casualties.killed", p->tb, p->te);
}

/* A coder's note on the main incident's toll: "Fatalities coded as 10"
 * is the count; "divided equally across three events" makes the count
 * this event's share. */
static void apply_coded_toll(sr_incident_t *inc, const sr_coded_toll_t *note,
                             const sr_doc_t *doc)
{
    sr_count_t *k = &inc->casualties.killed;
    char buf[SPAN_MAX];

    if (note->set) {
        sr_count_set(k, note->count, SR_COUNT_NONE, SR_COUNT_NONE,
                     note->count == 0 ? SR_QUAL_ZERO : SR_QUAL_EXACT,
                     span(doc, note->tb, note->te, buf));
        evidence(inc, doc, "casualties.killed", note->tb, note->te);
    } else if (note->divide > 1 && k->present && k->best != SR_COUNT_NONE &&
               k->qualifier != SR_QUAL_ZERO) {
        sr_count_set(k, (k->best + note->divide / 2) / note->divide,
                     SR_COUNT_NONE, SR_COUNT_NONE, SR_QUAL_APPROXIMATE,
                     k->text);
        evidence(inc, doc, "casualties.killed", note->tb, note->te);
    }
}

static void emit_counts(sr_incident_t *inc, const sr_draft_t *d,
                        const sr_analysis_t *an, const sr_doc_t *doc)
{
    char buf[SPAN_MAX];
    /* the note's count replaces the figures the text reports */
    int coded = d->primary && an->coded.set;

    for (int k = 0; k < SR_CAS__COUNT; k++) {
        const sr_cas_hit_t *c = d->cas[k];

        if (coded && (k == SR_CAS_KILLED || k == SR_CAS_KILLED_PERP)) {
            continue;
        }

        if (c == NULL && d->series[k] != NULL && d->series_n > 1) {
            /* GTD's equal share of a series' toll */
            int64_t share;

            c = d->series[k];
            share = (c->count.best + d->series_n / 2) / d->series_n;
            sr_count_set(count_slot(inc, k), share, SR_COUNT_NONE,
                         SR_COUNT_NONE, SR_QUAL_APPROXIMATE,
                         span(doc, c->tb, c->te, buf));
            evidence(inc, doc, count_fields[k], c->tb, c->te);
            continue;
        }
        if (c == NULL) {
            continue;
        }
        sr_count_set(count_slot(inc, k), c->count.best, c->count.low,
                     c->count.high, c->count.qual,
                     span(doc, c->tb, c->te, buf));
        evidence(inc, doc, count_fields[k], c->tb, c->te);
        if (d->more[k] != NULL && c->count.best != SR_COUNT_NONE &&
            c->count.qual != SR_QUAL_ZERO) {
            /* "one officer was stabbed ... two more were injured" */
            count_add(count_slot(inc, k), &d->more[k]->count);
            evidence(inc, doc, count_fields[k], d->more[k]->tb,
                     d->more[k]->te);
        }
    }
    if (!coded) {
        add_perpetrators(inc, d, doc);
    }
    if (d->primary) {
        apply_coded_toll(inc, &an->coded, doc);
    }
}

static int is_armed_group(const char *type)
{
    return type != NULL &&
           (strncmp(type, "REBEL", 5) == 0 || strcmp(type, "MILITIA") == 0 ||
            strcmp(type, "EXTREMIST") == 0 || strcmp(type, "CRIMINAL") == 0);
}

/* State forces and an armed group acting in one sentence, civilians not
 * the only victims: "militants were killed in a police operation". */
/* Token i lies in the name of an actor the dictionary knows. */
static int in_named_actor(const sr_sentinfo_t *si, size_t i)
{
    for (size_t a = 0; a < si->nactors; a++) {
        if (si->actors[a].kind == SR_ACTOR_NAMED && i >= si->actors[a].tb &&
            i < si->actors[a].te) {
            return 1;
        }
    }
    return 0;
}

static int sides_meet(const sr_analysis_t *an, const sr_doc_t *doc,
                      size_t s)
{
    const sr_sentinfo_t *si = &an->info[s];
    int state = 0, armed = 0, civ = 0, fighters = 0;

    for (size_t a = 0; a < si->nactors; a++) {
        const sr_actor_hit_t *h = &si->actors[a];

        if (is_source(doc, &doc->sents[s], h)) {
            continue;
        }
        state |= (h->kind == SR_ACTOR_NAMED && h->type != NULL &&
                  strncmp(h->type, "STATE", 5) == 0) ||
                 (h->kind == SR_ACTOR_GENERIC_TARGET && h->security);
        armed |= h->kind == SR_ACTOR_GENERIC_PERP ||
                 (h->kind == SR_ACTOR_NAMED && is_armed_group(h->type));
    }
    /* "French forces", "a military unit", "armed men": sides the actor
     * dictionary does not name */
    for (size_t i = doc->sents[s].tb; i + 1 < doc->sents[s].te; i++) {
        /* ("fired in the air" is no air force, "near a military base"
         * no side) */
        if (!state && sr_tok_has(doc, i, SR_W_SEC_ORG) &&
            !sr_tok_is(doc, i, "air") && !sr_tok_has(doc, i + 1, SR_W_AUX) &&
            !in_named_actor(si, i) && /* "Liberation Army" */
            !(i > doc->sents[s].tb + 1 && sr_tok_is(doc, i - 2, "near"))) {
            sr_actor_hit_t word;

            memset(&word, 0, sizeof(word));
            word.tb = i;
            word.te = i + 1;
            state = !is_source(doc, &doc->sents[s], &word);
        }
        armed |= sr_tok_is(doc, i, "armed") &&
                 sr_tok_has(doc, i + 1, SR_W_VICT_CIV);
    }
    for (size_t k = 0; k < si->ncas; k++) {
        civ |= si->cas[k].victim == SR_VICTIM_CIVILIANS;
        fighters |= si->cas[k].victim == SR_VICTIM_SECURITY ||
                    si->cas[k].victim == SR_VICTIM_PERPETRATORS;
    }
    return state && armed && (fighters || !civ);
}

/* What the labels depend on besides the category, read from the
 * incident's sentences. */
static void label_ctx(const sr_draft_t *d, const sr_analysis_t *an,
                      const sr_doc_t *doc, const sr_incident_t *inc,
                      int target_security, sr_label_ctx_t *ctx)
{
    size_t tb = doc->sents[d->anchor].tb;
    size_t te = doc->sents[d->scope_end > d->anchor ? d->scope_end - 1
                                                     : d->anchor].te;
    int fight = d->category == SR_CAT_ARMED_ASSAULT ||
                d->category == SR_CAT_ARMED_CLASH;
    int off_duty = (fight || target_security) &&
                   sr_span_off_duty(doc, tb, te);
    int civ = 0, sec = 0;

    /* "bandits killed 12 people before soldiers arrived": the victims
     * say who was attacked */
    for (int k = 0; k < SR_CAS__COUNT; k++) {
        civ |= d->cas[k] != NULL && d->cas[k]->victim == SR_VICTIM_CIVILIANS;
        sec |= d->cas[k] != NULL && d->cas[k]->victim == SR_VICTIM_SECURITY;
    }
    target_security &= sec || !civ;

    memset(ctx, 0, sizeof(*ctx));
    ctx->cat = d->category;
    ctx->fact = inc->factuality;
    ctx->target_security = target_security && !off_duty;
    ctx->disrupted = !fight && sr_span_disrupted(doc, tb, te);
    ctx->killed = inc->casualties.killed.present &&
                  inc->casualties.killed.qualifier != SR_QUAL_ZERO;
    ctx->doc = doc;
    ctx->tb = doc->sents[d->anchor].tb;
    ctx->te = doc->sents[d->anchor].te;
    if (!fight) {
        return; /* only fights can be battles */
    }
    for (size_t k = 0; k < d->nsents && !ctx->two_sided && !off_duty; k++) {
        ctx->two_sided = sides_meet(an, doc, d->sents[k]);
    }
    /* "... before being repelled by security forces"; an attack thwarted
     * by killing the attackers */
    ctx->two_sided |= sr_span_engaged(doc, tb, te) ||
                      (inc->factuality == SR_FACT_FOILED &&
                       d->cas[SR_CAS_KILLED] != NULL);
}

void sr_emit(const sr_draft_t *d, const sr_analysis_t *an,
             const sr_doc_t *doc, const sr_gazetteer_t *gz,
             sr_incident_list_t *out)
{
    sr_incident_t *inc = sr_incident_list_add(out);
    const sr_sent_t *s = &doc->sents[d->anchor];
    int target_security = 0, any_count = 0;
    size_t cue;
    sr_labels_t l;
    sr_label_ctx_t lc;
    double conf = 0.4;

    inc->role = d->role;
    inc->category = d->category;
    inc->factuality = sr_factuality(doc, s->tb, s->te, d->trig, &cue);
    if (cue != SR_NO_CUE) {
        evidence(inc, doc, "factuality", cue, cue + 1);
    }
    evidence(inc, doc, "event", d->trig, d->trig + 1);
    emit_time(inc, d, doc);
    emit_place(inc, d, an, doc, gz);
    emit_actors(inc, d, an, doc, gz, &target_security);
    emit_claim(inc, d, doc);
    if (d->category != SR_CAT_ACCIDENT && !sr_category_is_protest(d->category)) {
        emit_attribution(inc, d, an, doc, gz);
    }
    emit_counts(inc, d, an, doc);
    label_ctx(d, an, doc, inc, target_security, &lc);
    l = sr_labels_ctx(&lc);
    sr_incident_set_str(&inc->acled_event_type, l.acled);
    sr_incident_set_str(&inc->acled_sub_event_type, l.acled_sub);
    sr_incident_set_str(&inc->gtd_attack_type, l.gtd);
    for (int k = 0; k < SR_CAS__COUNT; k++) {
        any_count |= d->cas[k] != NULL;
    }
    conf += d->date_set ? 0.1 : 0;
    conf += d->place.set ? 0.15 : 0;
    conf += any_count ? 0.1 : 0;
    conf += inc->actor_count > 0 ? 0.1 : 0;
    conf += d->category != SR_CAT_OTHER ? 0.1 : 0;
    if (inc->factuality != SR_FACT_ASSERTED) {
        conf *= 0.8;
    }
    inc->confidence = conf > 0.95 ? 0.95 : conf;
}
