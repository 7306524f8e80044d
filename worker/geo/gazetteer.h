/* gazetteer.h - the embedded, offline gazetteer: countries, admin1
 * regions and populated places, looked up by name.
 *
 * File format (UTF-8, tab-separated, '#' lines are comments), one row per
 * place, 11 columns:
 *   kind      C (country), A (admin1 region) or P (populated place)
 *   id        C: ISO alpha-2 ("NE"); A: "CC.code" ("NE.09");
 *             P: GeoNames id, or "x-..." for the user supplement
 *   name      preferred English name ("Tillabéri")
 *   country   ISO alpha-2
 *   admin1    admin1 code within the country ("09"), may be empty
 *   lat lon   decimal degrees; both empty = unknown (the place then
 *             resolves to its admin1 or country container)
 *   population integer, 0 when unknown
 *   feature   GeoNames feature code (PCLI, ADM1, PPLC, PPLA, PPL, ...)
 *   alternates alternate names, '|'-separated (may be empty)
 *   demonyms  C rows only: '|'-separated ("Nigerien|Nigeriens")
 * The compiled file (gazetteer.path) comes from `make gazetteer`; the user
 * supplement (places.path) uses the same columns and may only add rows,
 * plus rows of kind N, which add names to the row with that id: the name
 * column and the alternates (other columns ignored; an id the gazetteer
 * lacks is skipped, so one supplement serves any build).
 *
 * Names are matched folded: Unicode NFKD, diacritics removed, case-folded,
 * punctuation and runs of spaces as one space ("Tillaberi" = "Tillabéri"),
 * letters without a decomposition written plain ("Ağrı" = "Agri") and a
 * doubled consonant written once ("Kassala" = "Kasala"), the Arabic
 * article "el" as "al" ("Ras el Ain" = "Ras al-Ain"). A name of several
 * words is also found run together ("Tongotongo") and, after "al", without
 * the article ("Qamishli" for "Al Qāmishlī").
 * Read-only after open, so one handle may be shared by threads.
 */
#ifndef SR_GEO_GAZETTEER_H
#define SR_GEO_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "err.h"

typedef struct sr_gazetteer_s sr_gazetteer_t;

typedef enum sr_place_kind_e {
    SR_PLACE_COUNTRY = 0,
    SR_PLACE_ADMIN1 = 1,
    SR_PLACE_CITY = 2
} sr_place_kind_t;

/* A gazetteer entry. Owned by the gazetteer; valid until destroy. */
typedef struct sr_place_s {
    sr_place_kind_t kind;
    const char *id;
    const char *name;
    const char *country_code;  /* ISO alpha-2 */
    const char *country_name;  /* name of the C row, or "" */
    const char *admin1_code;   /* "" when unknown */
    const char *admin1_name;   /* name of the A row, or "" */
    int has_coords;
    double lat, lon;           /* when !has_coords: 0, 0 */
    int64_t population;
    const char *feature_code;
    uint32_t alternate_count;  /* number of alternate names (prominence) */
} sr_place_t;

/* Loads the gazetteer file and, if supplement_path is non-NULL and
 * non-empty, the user supplement. NULL with errstr on failure (missing
 * file, bad row: "path:line: reason"). */
sr_gazetteer_t *sr_gazetteer_open(const char *path,
                                  const char *supplement_path, char *errstr,
                                  size_t errstr_size);
/* sr_gazetteer_open() of gazetteer.path and places.path; a failure's
 * errstr also says how to get the file. */
sr_gazetteer_t *sr_gazetteer_open_config(const sr_config_t *cfg,
                                         char *errstr, size_t errstr_size);
/* NULL-safe. */
void sr_gazetteer_destroy(sr_gazetteer_t *gz);

/* Every place whose name, ASCII name or alternate name matches name[0..len)
 * after folding. Writes up to max pointers into out, most prominent first
 * (countries; towns lying in a same-named admin1 region, as "Tillabéri" or
 * "New York"; admin1 regions; then places by population), and returns the
 * total number of matches (may exceed max). */
size_t sr_gazetteer_lookup(const sr_gazetteer_t *gz, const char *name,
                           size_t len, const sr_place_t **out, size_t max);

/* The country row for an ISO alpha-2 code, or NULL. */
const sr_place_t *sr_gazetteer_country(const sr_gazetteer_t *gz,
                                       const char *cc);
/* The country whose demonym is word[0..len) ("Nigerien"), or NULL. */
const sr_place_t *sr_gazetteer_demonym(const sr_gazetteer_t *gz,
                                       const char *word, size_t len);
/* The admin1 row for (country, admin1 code), or NULL. */
const sr_place_t *sr_gazetteer_admin1(const sr_gazetteer_t *gz,
                                      const char *cc, const char *code);

/* Length in bytes of the longest name known to the gazetteer that starts
 * at text (which has len bytes) and ends on a word boundary, or 0. Used by
 * recognition: "Burkina Faso's army" gives 12. At most max_words words are
 * tried. */
size_t sr_gazetteer_longest_name(const sr_gazetteer_t *gz, const char *text,
                                 size_t len, int max_words);

/* Number of rows loaded, by kind (for logs and tests). */
size_t sr_gazetteer_count(const sr_gazetteer_t *gz, sr_place_kind_t kind);

/* Writes the folded form of s[0..len) into out (NUL-terminated, truncated
 * to size). Returns the length written (< size; a name
 * too long for out is cut at a code point). Shared by every name matcher. */
size_t sr_fold_name(const char *s, size_t len, char *out, size_t size);

/* sr_fold_name of s[0..len), also giving prefix_len[k] = the length of the
 * fold of s[0..ends[k]) (a prefix of out) for nends increasing offsets at
 * code point boundaries: one pass for the keys of several prefixes. */
size_t sr_fold_name_prefixes(const char *s, size_t len, char *out,
                             size_t size, const size_t *ends,
                             size_t *prefix_len, size_t nends);

/* 1 if the code point starting at s (len > 0 bytes available) belongs to a
 * word (letter, digit or combining mark), else 0; its length in bytes goes
 * to *cp_len (1 for an invalid byte). The word boundaries of
 * sr_gazetteer_longest_name(). */
int sr_fold_is_word_char(const char *s, size_t len, size_t *cp_len);

#endif
