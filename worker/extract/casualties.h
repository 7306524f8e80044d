/* casualties.h - who was killed, injured, kidnapped, arrested or missing,
 * how many.
 *
 * Patterns over one sentence: "53 soldiers died", "13 French soldiers
 * were killed" (count, people noun, casualty verb), "killed 13 soldiers",
 * "killing two and wounding five" (verb, count), "killed Luis Galan, a
 * candidate," (one person by name), "the death toll rose to 40", "staff
 * put the figure at 11", a note's "Fatalities 13." (tolls), "no one was
 * hurt" (ZERO). Phrases of a few words around a casualty word ("lost
 * their lives", "the death of") never reach across a sentence break.
 * A count is taken only next to a people
 * noun or a casualty verb: "several hundred militants ambushed" and
 * "several tanks" give nothing; "a substantial number ... neutralized"
 * has no number and gives nothing. Counts after "including" are parts of
 * a total and are skipped. Killed perpetrators ("five militants were
 * killed") are kept apart.
 */
#ifndef SR_EXTRACT_CASUALTIES_H
#define SR_EXTRACT_CASUALTIES_H

#include <stddef.h>

#include "doc.h"
#include "numbers.h"

typedef enum sr_cas_kind_e {
    SR_CAS_KILLED = 0,
    SR_CAS_INJURED,
    SR_CAS_KIDNAPPED,
    SR_CAS_ARRESTED,
    SR_CAS_KILLED_PERP,
    SR_CAS_MISSING, /* "15 people are missing" */
    SR_CAS__COUNT
} sr_cas_kind_t;

typedef enum sr_victim_e {
    SR_VICTIM_UNKNOWN = 0,
    SR_VICTIM_CIVILIANS,
    SR_VICTIM_SECURITY,
    SR_VICTIM_PERPETRATORS,
    SR_VICTIM_OTHER /* people, neither side known: "suspects" */
} sr_victim_t;

typedef struct sr_cas_hit_s {
    sr_cas_kind_t kind;
    sr_qcount_t count;
    sr_victim_t victim;
    size_t verb;   /* token of the casualty verb */
    int cumulative; /* a toll ("the death toll rose to 40") */
    int total;      /* a stated total ("22 in all") replaced the count */
    int with_perps; /* the count includes attackers: "five people,
                       including the gunman, were killed" */
    int within;     /* part of a count given elsewhere: "the four attackers
                       were among the dead" */
    int more;       /* adds to a count told before: "two more officers
                       were injured", "another three died" */
    size_t tb, te; /* evidence: the whole phrase */
} sr_cas_hit_t;

/* Finds casualty phrases in tokens [tb, te). Writes up to max hits in text
 * order, returns how many were written. */
size_t sr_casualties_find(const sr_doc_t *doc, size_t tb, size_t te,
                          sr_cas_hit_t *out, size_t max);

/* The casualty kind token i expresses, or -1. */
int sr_casualty_verb_kind(const sr_doc_t *doc, size_t i);

/* The words in no word class that can open a casualty phrase ("missing",
 * "lost", "death"), NULL-terminated; and whether the quick filter by first
 * letter and length lets a word of that spelling through. A word the rules
 * match belongs in the list; the tests hold that every listed word passes
 * the filter and is read by its rule in a phrase of its own. */
extern const char *const sr_casualty_unclassed_words[];
int sr_casualty_unclassed_passes(const char *word, size_t len);

#endif
