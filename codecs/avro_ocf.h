/* avro_ocf.h - writes an Avro object container file (OCF).
 *
 * The format of the Avro 1.11.1 specification, "Object Container Files":
 * "Obj" 01, a metadata map (avro.schema, avro.codec = "null"), a 16-byte
 * sync marker, then blocks of (object count, byte size, the objects'
 * binary encodings, sync marker). Any Avro library reads it with the
 * schema it carries.
 *
 * Avro-C has a file writer, but it puts avro_schema_to_json()'s output in
 * the header, which drops doc, default and logicalType: readers would see
 * dates as plain ints and schema resolution would lose the defaults that
 * make new fields readable. This writer stores the caller's schema text
 * verbatim.
 *
 * Objects are appended as already-encoded Avro binary bodies (e.g. from
 * sr_avro_encode_body()); the caller vouches that they match the schema.
 * Not thread-safe; one writer per file.
 */
#ifndef SR_CODECS_AVRO_OCF_H
#define SR_CODECS_AVRO_OCF_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "err.h"

#define SR_AVRO_OCF_SYNC_LEN 16

typedef struct sr_avro_ocf_s sr_avro_ocf_t;

/* Checks that schema_json (schema_len bytes) is a valid Avro schema and
 * writes the file header to out (borrowed; never closed here). sync:
 * SR_AVRO_OCF_SYNC_LEN bytes, or NULL for random ones (the specification
 * asks for a random marker; a fixed one gives reproducible files).
 * block_bytes: pending objects are written as one block once they reach
 * this size (and at every flush); 0 means 64 KiB. NULL with errstr on an
 * invalid schema or a write error. */
sr_avro_ocf_t *sr_avro_ocf_new(FILE *out, const char *schema_json,
                               size_t schema_len, const unsigned char *sync,
                               size_t block_bytes, char *errstr,
                               size_t errstr_size);

/* Appends one object (its Avro binary encoding, len bytes, copied).
 * SR_ERR_IO when a block could not be written. */
sr_err_t sr_avro_ocf_append(sr_avro_ocf_t *ocf, const void *datum,
                            size_t len, char *errstr, size_t errstr_size);

/* Writes the pending objects as one block (nothing when there are none)
 * and flushes out. SR_ERR_IO on a write error. */
sr_err_t sr_avro_ocf_flush(sr_avro_ocf_t *ocf, char *errstr,
                           size_t errstr_size);

/* Objects appended so far (flushed or not). */
uint64_t sr_avro_ocf_count(const sr_avro_ocf_t *ocf);

/* Frees the writer without flushing (call sr_avro_ocf_flush() first to
 * keep pending objects). NULL-safe. */
void sr_avro_ocf_destroy(sr_avro_ocf_t *ocf);

#endif
