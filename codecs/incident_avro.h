/* incident_avro.h - incident <-> Avro binary, with framing.
 *
 * The schema is codecs/schemas/incident.avsc, compiled in as
 * sr_incident_avsc. Output framing is Avro single-object encoding:
 * C3 01, the 8-byte little-endian CRC-64-AVRO fingerprint of the schema's
 * Parsing Canonical Form, then the Avro binary body. The decoder also
 * accepts the Confluent wire format (00, 4-byte big-endian schema id,
 * body) for schemas it knows. One codec per thread (Avro-C values are not
 * thread-safe).
 */
#ifndef SR_CODECS_INCIDENT_AVRO_H
#define SR_CODECS_INCIDENT_AVRO_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"
#include "incident.h"

extern const char sr_incident_avsc[];   /* the schema text, NUL-terminated */
extern const size_t sr_incident_avsc_len;

typedef struct sr_avro_codec_s sr_avro_codec_t;

/* Parses the compiled-in schema. NULL with errstr on failure. */
sr_avro_codec_t *sr_avro_codec_new(char *errstr, size_t errstr_size);
/* NULL-safe. */
void sr_avro_codec_destroy(sr_avro_codec_t *codec);

/* Resets out and writes one single-object-framed event for inc. */
sr_err_t sr_avro_encode(sr_avro_codec_t *codec, const sr_incident_t *inc,
                        sr_buf_t *out, char *errstr, size_t errstr_size);

/* Resets out and writes one event in the Confluent wire format: 00, the
 * schema id (from a registry, see registry.h) as 4 bytes big-endian, the
 * body. */
sr_err_t sr_avro_encode_confluent(sr_avro_codec_t *codec,
                                  const sr_incident_t *inc, int32_t schema_id,
                                  sr_buf_t *out, char *errstr,
                                  size_t errstr_size);

/* Resets out and writes the bare Avro binary body of inc, without any
 * framing: what an object container file block holds (sr_avro_ocf_*). */
sr_err_t sr_avro_encode_body(sr_avro_codec_t *codec, const sr_incident_t *inc,
                             sr_buf_t *out, char *errstr, size_t errstr_size);

/* Decodes one framed event into inc (initialised by the caller; cleared
 * and refilled). SR_ERR_INVALID for an unknown framing or fingerprint, a
 * body that does not parse, or bytes left after the body;
 * SR_ERR_UNSUPPORTED for a Confluent frame whose schema id was not
 * declared (sr_avro_codec_set_schema_id(), sr_avro_codec_add_schema()).
 * Never reads past len: the body is checked against the schema (lengths,
 * indices, varints) before Avro-C sees it, so hostile or truncated input
 * is a clean error. */
sr_err_t sr_avro_decode(sr_avro_codec_t *codec, const void *data, size_t len,
                        sr_incident_t *inc, char *errstr, size_t errstr_size);

/* Same, for a frame at the start of a longer stream (e.g. concatenated
 * frames): the bytes after the body are left alone and *consumed gets the
 * frame's length (header + body). On error *consumed is 0. */
sr_err_t sr_avro_decode_frame(sr_avro_codec_t *codec, const void *data,
                              size_t len, size_t *consumed,
                              sr_incident_t *inc, char *errstr,
                              size_t errstr_size);

/* Declares the Confluent schema id (from a registry) under which the
 * compiled-in schema is known, so that 00 + id frames decode. */
void sr_avro_codec_set_schema_id(sr_avro_codec_t *codec, int32_t id);

/* Declares the writer schema (JSON text, e.g. from the registry's
 * GET /schemas/ids/{id}) of Confluent frames with schema id id. Accepted:
 * the incident schema itself (any doc, default or order of attributes:
 * compared by canonical form) and its evolutions that append top-level
 * fields, the way the schema evolves (a new field with a default); the
 * appended fields are read past and dropped. SR_ERR_UNSUPPORTED, with the
 * reason, for any other schema; SR_ERR_INVALID for text that is not an
 * Avro schema; SR_ERR_TOO_LARGE past 256 ids. */
sr_err_t sr_avro_codec_add_schema(sr_avro_codec_t *codec, int32_t id,
                                  const char *writer_json, char *errstr,
                                  size_t errstr_size);

/* Length of the single-object header (C3 01 + fingerprint). */
#define SR_AVRO_SO_HEADER_LEN 10
/* Length of the Confluent header (00 + schema id). */
#define SR_AVRO_CONFLUENT_HEADER_LEN 5

/* The CRC-64-AVRO (Rabin) fingerprint of the schema's canonical form. */
uint64_t sr_avro_fingerprint(const sr_avro_codec_t *codec);

/* CRC-64-AVRO of n bytes (the Avro specification's fingerprint64). */
uint64_t sr_crc64_avro(const void *data, size_t n);

/* Writes the Parsing Canonical Form of an Avro schema (JSON text) into
 * out. SR_ERR_INVALID if schema_json is not a valid schema. */
sr_err_t sr_avro_canonical_form(const char *schema_json, sr_buf_t *out,
                                char *errstr, size_t errstr_size);

#endif
