/* classify.h - what kind of event, in ACLED's and GTD's words, and how
 * certain the text is that it happened.
 *
 * The category comes from the strongest event trigger of a span, refined
 * by its context ("suicide" bombing, "roadside" bomb, "drone strike",
 * protests met with tear gas). Labels are the sources' exact strings:
 * ACLED event type / sub-event type, GTD attack type; categories neither
 * codes (accidents, threats) get none. Factuality reads cues in the
 * trigger's clause: negation ("did not", "no attack"), modality ("could"),
 * plans ("plotted"), foiling ("foiled", "thwarted"), reporting
 * ("reportedly").
 */
#ifndef SR_EXTRACT_CLASSIFY_H
#define SR_EXTRACT_CLASSIFY_H

#include <stddef.h>

#include "doc.h"
#include "incident.h"

/* An event trigger of the classifier's own (lexicon.c adds them after its
 * list, so an entry here may re-classify a word there). */
typedef struct sr_trigger_s {
    const char *word;
    sr_category_t cat;
    int noun;
} sr_trigger_t;

/* NULL-terminated (word == NULL). */
const sr_trigger_t *sr_classify_triggers(void);

typedef struct sr_labels_s {
    const char *acled;     /* event type, or NULL */
    const char *acled_sub; /* sub-event type, or NULL */
    const char *gtd;       /* attack type, or NULL */
} sr_labels_t;

/* 1 if token i is an event trigger in an event sense (not "attack
 * helicopter", not "no one was killed"). */
int sr_is_trigger(const sr_doc_t *doc, size_t tb, size_t te, size_t i);

/* The category of the event whose triggers lie in tokens [tb, te);
 * has_perp: an attacker is named (turns a bare "killed" into an assault). */
sr_category_t sr_classify(const sr_doc_t *doc, size_t tb, size_t te,
                          int has_perp);

/* The labels of cat; target_security: the victims are soldiers/police
 * (ACLED codes attacks on them as battles). */
sr_labels_t sr_labels(sr_category_t cat, int target_security);

/* What the coders look at beyond the category. */
typedef struct sr_label_ctx_s {
    sr_category_t cat;
    sr_factuality_t fact;
    int target_security; /* the victims are soldiers or police on duty */
    int two_sided;       /* organised armed actors on both sides */
    int disrupted;       /* the device never went off ("did not explode") */
    int killed;          /* someone was killed */
    const sr_doc_t *doc; /* the anchor sentence [tb, te), for the kind of */
    size_t tb, te;       /* strategic development ("surrendered") */
} sr_label_ctx_t;

/* ACLED's and GTD's labels with their precedence rules: an attack on
 * armed forces or a fight between armed sides is a battle, a bomb that
 * did not go off a disrupted weapons use for ACLED yet still a bombing
 * for GTD, which codes attempts; a kidnapping with killings is a
 * kidnapping for GTD, an attack for ACLED. */
sr_labels_t sr_labels_ctx(const sr_label_ctx_t *ctx);

/* Cues over a span of tokens [tb, te) (one sentence of the incident). */
/* the attacked side fought back: "repelled", "exchanged fire" */
int sr_span_engaged(const sr_doc_t *doc, size_t tb, size_t te);
/* the device did not go off: "did not explode", "defused" */
int sr_span_disrupted(const sr_doc_t *doc, size_t tb, size_t te);
/* "no casualties", "no one was hurt": nobody was harmed */
int sr_span_no_harm(const sr_doc_t *doc, size_t tb, size_t te);
/* the security victims were off duty, retired, private guards, or the
 * forces' informers (ACLED: civilians then) */
int sr_span_off_duty(const sr_doc_t *doc, size_t tb, size_t te);

/* The category of a whole incident, once its sentences are known: anchor
 * [ab, ae) is the sentence of its first trigger, [sb, se) the sentences
 * told about it; harmed: a count of killed, injured or kidnapped above
 * zero. GTD's precedence: property attacked and nobody hurt is a facility
 * attack; a named prominent person targeted is an assassination (an
 * unarmed assault when only fists were used); hostages held on the spot
 * are a barricade incident. */
sr_category_t sr_refine_category(const sr_doc_t *doc, size_t ab, size_t ae,
                                 size_t sb, size_t se, sr_category_t cat,
                                 int harmed);

/* The category of a draft after a sentence of category next joined it
 * ("... Two civilians were abducted" makes an assault a kidnapping);
 * reference: the sentence refers back ("in the attack"), so its generic
 * attack noun adds nothing. */
sr_category_t sr_category_merge(sr_category_t cur, sr_category_t next,
                                int reference);

/* The clause of sentence [tb, te) holding token i: [*cb, *ce), bounded by
 * ';', ':', "but", "while", "although". */
void sr_clause_bounds(const sr_doc_t *doc, size_t tb, size_t te, size_t i,
                      size_t *cb, size_t *ce);

/* How much a category says about an event: a kidnapping during an assault
 * makes it a kidnapping (as GTD codes it), a bombing outranks both. */
int sr_category_rank(sr_category_t cat);

/* The classifier's context word lists (NULL-terminated list of
 * NULL-terminated lists), for the lexicon to mark them SR_W_CLSCUE. */
const char *const *const *sr_classify_cue_lists(void);

/* 1 for the protest and riot categories. */
int sr_category_is_protest(sr_category_t cat);

/* 1 if token i of sentence [tb, te) tells a protest: a protest trigger, or
 * "took to the streets". */
int sr_tells_protest(const sr_doc_t *doc, size_t tb, size_t te, size_t i);

#define SR_NO_CUE ((size_t)-1)

/* Factuality of the event triggered at token trig in sentence [tb, te).
 * *cue (cue may be NULL) gets the token of the cue word ("could",
 * "foiled"), SR_NO_CUE when asserted. */
sr_factuality_t sr_factuality(const sr_doc_t *doc, size_t tb, size_t te,
                              size_t trig, size_t *cue);

#endif
