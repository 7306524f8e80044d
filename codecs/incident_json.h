/* incident_json.h - incident <-> the JSON of contract 3.2.
 *
 * One object per incident on one line, keys in a fixed order (so output is
 * byte-for-byte reproducible and golden files can be compared as text),
 * null for unknown values, dates as "YYYY-MM-DD".
 */
#ifndef SR_CODECS_INCIDENT_JSON_H
#define SR_CODECS_INCIDENT_JSON_H

#include "buf.h"
#include "err.h"
#include "incident.h"

/* Appends inc as one JSON object (no trailing newline) to out.
 * SR_ERR_TOO_LARGE when out's limit is reached. */
sr_err_t sr_incident_to_json(const sr_incident_t *inc, sr_buf_t *out,
                             char *errstr, size_t errstr_size);

#endif
