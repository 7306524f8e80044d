/* lexicon.h - the extractor's closed word classes, hashed once.
 *
 * Every word the rules care about (number words, months, weekdays, casualty
 * verbs, victim nouns, event triggers, cue words) is put in one open-
 * addressing table at construction, keyed by its lower-cased form. Each
 * word token is looked up once (sr_doc_classify), so the rules test bits
 * instead of comparing strings. Read-only after sr_lexicon_new: shareable
 * by threads.
 */
#ifndef SR_EXTRACT_LEXICON_H
#define SR_EXTRACT_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* Word classes (bits of sr_lexent_t.cls). */
#define SR_W_NUMWORD   (1ull << 0)  /* "thirteen" (num = 13) */
#define SR_W_SCALE     (1ull << 1)  /* "hundred", "thousand" (num) */
#define SR_W_VAGUE     (1ull << 2)  /* "dozens" (num = ACLED value) */
#define SR_W_FEW       (1ull << 3)  /* "several", "many": nonzero, unknown */
#define SR_W_MONTH     (1ull << 4)  /* num = 1..12 */
#define SR_W_WEEKDAY   (1ull << 5)  /* num = 0 (Sunday) .. 6 */
#define SR_W_KILL      (1ull << 6)  /* "killed", "kill": transitive */
#define SR_W_DIE       (1ull << 7)  /* "died", "dead": intransitive */
#define SR_W_INJURE    (1ull << 8)
#define SR_W_KIDNAP    (1ull << 9)
#define SR_W_ARREST    (1ull << 10)
#define SR_W_VICT_CIV  (1ull << 11) /* "civilians", "villagers", "people" */
#define SR_W_VICT_SEC  (1ull << 12) /* "soldiers", "police" */
#define SR_W_PERP      (1ull << 13) /* "gunmen", "militants" */
#define SR_W_TRIGGER   (1ull << 14) /* event trigger (trig = category + 1) */
#define SR_W_NEGATION  (1ull << 15) /* "not", "no", "never" */
#define SR_W_MODAL     (1ull << 16) /* "could", "would", "might" */
#define SR_W_PLAN      (1ull << 17) /* "plotted", "planned", "threatened" */
#define SR_W_FOIL      (1ull << 18) /* "foiled", "thwarted" */
#define SR_W_REPORTED  (1ull << 19) /* "reportedly", "allegedly" */
#define SR_W_STOPCAP   (1ull << 20) /* capitalised yet never a place */
#define SR_W_GENERIC   (1ull << 21) /* "recent", "frequently": not one event */
#define SR_W_UNIT      (1ull << 22) /* "hours", "tanks": a count of things */
#define SR_W_AUX       (1ull << 23) /* "were", "was", "have", "been" */
#define SR_W_SEC_ORG   (1ull << 24) /* "army", "military", "forces" */
#define SR_W_POLICE    (1ull << 25) /* "police", "policemen" (state police) */
#define SR_W_PROTEST   (1ull << 26) /* "protesters", "demonstrators" */
#define SR_W_PAST_CUE  (1ull << 27) /* "earlier", "previous", "since" */
#define SR_W_PREP_LOC  (1ull << 28) /* "in", "near", "at", "outside" */
#define SR_W_QUAL      (1ull << 29) /* first word of a count qualifier */
/* Gates: the first words of multi-word cues, so that the phrase matchers
 * run only where one can start. */
#define SR_W_TIMECUE   (1ull << 30) /* "yesterday", "last", "on", "in" */
#define SR_W_CLAIMCUE  (1ull << 31) /* "claimed", "no", "denied" */
#define SR_W_ZEROCUE   (1ull << 32) /* "no", "nobody", "none" */
#define SR_W_RELCUE    (1ull << 33) /* "yesterday", "last", "this" */
#define SR_W_CLSCUE    (1ull << 34) /* a context word of classify.c */

typedef struct sr_lexent_s {
    uint64_t cls;
    int64_t num;   /* value for numbers, months, weekdays */
    int trig;      /* sr_category_t + 1 for SR_W_TRIGGER words, else 0 */
    int trig_noun; /* 1: the trigger is a noun ("attack", "blast") */
} sr_lexent_t;

typedef struct sr_lexicon_s sr_lexicon_t;

sr_lexicon_t *sr_lexicon_new(void);
void sr_lexicon_destroy(sr_lexicon_t *lx);

/* The entry of word[0..len) (ASCII case-insensitive), or NULL. */
const sr_lexent_t *sr_lexicon_get(const sr_lexicon_t *lx, const char *word,
                                  size_t len);

/* FNV-1a of the ASCII-lower-cased bytes: shared by every word table. */
uint64_t sr_lexicon_hash(const char *word, size_t len);

#endif
