/* locate.h - where each incident happened (internal to the extractor).
 *
 * After analyze.c has found every sentence's place mentions,
 * sr_locate_resolve() chooses the article's focus country (mentions
 * weighted, the lead and a dateline counting more) and, for each mention,
 * the gazetteer candidate that fits the article (countries named, places
 * named together, prominence). segment.c then asks sr_locate_sentence()
 * for the place of an incident's sentence.
 */
#ifndef SR_EXTRACT_LOCATE_H
#define SR_EXTRACT_LOCATE_H

#include <stddef.h>

#include "analysis.h"

/* Sets an->focus_cc, an->named and every place hit's pick, and each
 * sentence's country and last_place. */
void sr_locate_resolve(sr_analysis_t *an, const sr_doc_t *doc);

/* The place of sentence s: the most specific explicit place, else "the
 * same area", "the country", a demonym; .set 0 when none. */
sr_draft_place_t sr_locate_sentence(const sr_analysis_t *an, size_t s,
                                    const sr_gazetteer_t *gz);

/* An incident's place after sentence s joins it: the sentence's place
 * when cur is unset, only a demonym's country, or a country the sentence
 * names a place in; else cur unchanged. */
void sr_locate_refine(sr_draft_place_t *cur, const sr_analysis_t *an,
                      size_t s, const sr_gazetteer_t *gz);

#endif
