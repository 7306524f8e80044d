/* actors.h - the actor dictionary and actor mentions in a sentence.
 *
 * Dictionary file (actors.path), UTF-8, tab-separated, '#' comments:
 *   canonical <TAB> type <TAB> aliases ('|'-separated)
 *   [<TAB> home countries: ISO alpha-2 codes, '|'-separated]
 * A group's home countries are where it fights: "TTP militants" in a
 * story naming no country puts the story in Pakistan.
 * The canonical name is an alias too. An alias written in capitals
 * ("ISIS", "IS", "JNIM") matches only in capitals, so "IS" never matches
 * "is"; other aliases match case-insensitively, hyphens and spaces alike
 * ("al-Shabaab" = "al Shabaab"). Template rows put "{demonym}" in an alias
 * and "{country}" in the canonical name: "{demonym} soldiers" with the
 * gazetteer's demonyms turns "Nigerien soldiers" into "Military Forces of
 * Niger". Longest alias wins.
 *
 * Names the dictionary lacks are recognised by their shape: a run of
 * capitalised words holding an organisation word ("the Coastal Liberation
 * Front", "X Brigades", "Army of X", "Jund al-X"); the text is the
 * canonical name, the type "GROUP" (or STATE_FORCES for "Rwanda Defense
 * Forces", named "Military Forces of Rwanda").
 *
 * Besides names, generic nouns are actors: perpetrators ("gunmen",
 * "militants", "unidentified armed men"), named as ACLED names the
 * unnamed ("Unidentified Armed Group", "Unidentified Gang"; the caller
 * adds the country) or by GTD's ideology labels ("anti-Muslim extremist"
 * -> "Anti-Muslim extremists"); and targets with no canonical name
 * ("soldiers", "civilians", "police", "government forces").
 * Read-only after load: shareable by threads.
 */
#ifndef SR_EXTRACT_ACTORS_H
#define SR_EXTRACT_ACTORS_H

#include <stddef.h>

#include "doc.h"
#include "err.h"
#include "gazetteer.h"

typedef struct sr_actordict_s sr_actordict_t;

/* At most this many home countries per dictionary row. */
#define SR_ACTOR_MAX_HOMES 8

typedef enum sr_actor_kind_e {
    SR_ACTOR_NAMED = 0,    /* a dictionary entry */
    SR_ACTOR_GENERIC_PERP, /* "gunmen" */
    SR_ACTOR_GENERIC_TARGET /* "soldiers", "civilians" */
} sr_actor_kind_t;

typedef struct sr_actor_hit_s {
    sr_actor_kind_t kind;
    size_t tb, te;         /* tokens */
    char canonical[160];   /* "" for generic targets */
    const char *type;      /* dictionary type, or NULL */
    int security;          /* generic target: 1 security forces */
    const char *const *home; /* dictionary home countries (ISO alpha-2,
                                most active first), nhome of them; owned
                                by the dictionary */
    size_t nhome;
} sr_actor_hit_t;

/* 1 if cc (ISO alpha-2) is one of h's home countries. */
int sr_actor_home_has(const sr_actor_hit_t *h, const char *cc);

/* The name ACLED and GTD give the country the gazetteer calls name
 * ("Turkey" for "Türkiye"), for actors' canonical names; name itself
 * when they agree, NULL for NULL. Static storage or name. */
const char *sr_actor_country(const char *name);

/* Loads path. NULL with errstr ("path:line: reason") on failure. */
sr_actordict_t *sr_actordict_load(const char *path, char *errstr,
                                  size_t errstr_size);
void sr_actordict_destroy(sr_actordict_t *ad);
size_t sr_actordict_count(const sr_actordict_t *ad);

/* Actor mentions in tokens [tb, te); gz (may be NULL) gives demonyms for
 * template rows. Writes up to max hits in text order, returns the count. */
size_t sr_actors_find(const sr_actordict_t *ad, const sr_gazetteer_t *gz,
                      const sr_doc_t *doc, size_t tb, size_t te,
                      sr_actor_hit_t *out, size_t max);

/* 1 if token i says what someone stands against ("opposed abortion",
 * "hostile to Muslims", "hated the government"): a creed's label follows
 * (sr_actors_find). */
static inline int sr_tok_stance(const sr_doc_t *doc, size_t i)
{
    /* most tokens: one load and a compare or two (by length) */
    size_t n = doc->toks[i].len;

    if (n == 7) {
        return sr_tok_is(doc, i, "opposed") || sr_tok_is(doc, i, "hostile") ||
               sr_tok_is(doc, i, "loathed");
    }
    if (n == 8) {
        return sr_tok_is(doc, i, "opposing") || sr_tok_is(doc, i, "despised") ||
               sr_tok_is(doc, i, "resented");
    }
    return n == 5 && sr_tok_is(doc, i, "hated");
}

#endif
