/* incident_avro.c - incident <-> Avro binary (Avro-C value interface).
 *
 * Decoding untrusted bytes: Avro-C 1.11.1 trusts length prefixes (a huge
 * string length means a huge malloc, a truncated string leaks, see
 * AVRO-4246), so every body is first walked against the schema by
 * scan_value(): varints, lengths against the bytes left, union and enum
 * indices, block counts. Only a body that passes reaches avro_value_read,
 * which then cannot run out of input. The walk also gives the body's
 * length, which Avro-C's memory reader does not report.
 */
#include "incident_avro.h"

#include <avro.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "xmalloc.h"

#define SCAN_MAX_DEPTH 64
/* Registry ids a codec remembers: a topic holds few schema versions. */
#define MAX_KNOWN_IDS 256

typedef struct known_id_s {
    int32_t id;
    /* The writer's schema when it appends fields to ours (its body is
     * ours followed by theirs); NULL when it is the incident schema. */
    avro_schema_t writer;
} known_id_t;

struct sr_avro_codec_s {
    avro_schema_t schema;
    avro_value_iface_t *iface;
    avro_value_t value; /* reused for every encode and decode */
    avro_writer_t writer;
    avro_reader_t reader;
    char *scratch;
    size_t scratch_cap;
    uint64_t fingerprint;
    size_t nfields; /* top-level fields of the incident schema */
    known_id_t *ids; /* Confluent schema ids this codec reads */
    size_t nids;
};

/* ---- the schema walk over untrusted bytes ---- */

typedef struct scan_s {
    const unsigned char *p;
    size_t len, pos;
    const char *field; /* the record field being read, for errors */
    char *errstr;
    size_t errstr_size;
} scan_t;

static int scan_fail(scan_t *s, const char *what)
{
    sr_errstr_set(s->errstr, s->errstr_size,
                  "invalid Avro body: %s at body byte %zu (field \"%s\")", what,
                  s->pos, s->field ? s->field : "");
    return -1;
}

static int scan_long(scan_t *s, int64_t *out)
{
    uint64_t v = 0;

    for (int shift = 0; shift < 70; shift += 7) {
        unsigned char b;

        if (s->pos >= s->len) {
            return scan_fail(s, "truncated varint");
        }
        b = s->p[s->pos++];
        if (shift == 63 && (b & 0x7E) != 0) {
            return scan_fail(s, "varint overflows 64 bits");
        }
        v |= (uint64_t)(b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
            /* Zig-zag decoding. */
            *out = (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
            return 0;
        }
    }
    return scan_fail(s, "varint longer than 10 bytes");
}

static int scan_skip(scan_t *s, int64_t n, const char *what)
{
    if (n < 0 || (uint64_t)n > s->len - s->pos) {
        return scan_fail(s, what);
    }
    s->pos += (size_t)n;
    return 0;
}

static int scan_value(scan_t *s, avro_schema_t sc, int depth)
{
    int64_t v;

    if (depth > SCAN_MAX_DEPTH) {
        return scan_fail(s, "data nested too deeply");
    }
    switch (avro_typeof(sc)) {
    case AVRO_NULL:
        return 0;
    case AVRO_BOOLEAN:
        if (s->pos >= s->len || s->p[s->pos] > 1) {
            return scan_fail(s, "bad boolean");
        }
        s->pos++;
        return 0;
    case AVRO_INT32:
        if (scan_long(s, &v) != 0) {
            return -1;
        }
        return (v < INT32_MIN || v > INT32_MAX)
                   ? scan_fail(s, "int out of range")
                   : 0;
    case AVRO_INT64:
        return scan_long(s, &v);
    case AVRO_FLOAT:
        return scan_skip(s, 4, "truncated float");
    case AVRO_DOUBLE:
        return scan_skip(s, 8, "truncated double");
    case AVRO_BYTES:
        if (scan_long(s, &v) != 0) {
            return -1;
        }
        return scan_skip(s, v, "bytes length past the end");
    case AVRO_STRING:
        if (scan_long(s, &v) != 0 ||
            scan_skip(s, v, "string length past the end") != 0) {
            return -1;
        }
        /* C strings cannot hold NUL: refuse rather than truncate. */
        if (v > 0 && memchr(s->p + s->pos - v, 0, (size_t)v) != NULL) {
            return scan_fail(s, "NUL byte inside a string");
        }
        return 0;
    case AVRO_FIXED:
        return scan_skip(s, avro_schema_fixed_size(sc), "truncated fixed");
    case AVRO_ENUM:
        if (scan_long(s, &v) != 0) {
            return -1;
        }
        return (v < 0 || v >= avro_schema_enum_number_of_symbols(sc))
                   ? scan_fail(s, "enum index out of range")
                   : 0;
    case AVRO_UNION:
        if (scan_long(s, &v) != 0) {
            return -1;
        }
        if (v < 0 || (uint64_t)v >= avro_schema_union_size(sc)) {
            return scan_fail(s, "union branch out of range");
        }
        return scan_value(s, avro_schema_union_branch(sc, (int)v),
                          depth + 1);
    case AVRO_RECORD: {
        size_t n = avro_schema_record_size(sc);
        const char *outer = s->field;

        for (size_t i = 0; i < n; i++) {
            s->field = avro_schema_record_field_name(sc, (int)i);
            if (scan_value(s, avro_schema_record_field_get_by_index(
                                  sc, (int)i),
                           depth + 1) != 0) {
                return -1;
            }
        }
        s->field = outer;
        return 0;
    }
    case AVRO_ARRAY:
    case AVRO_MAP: {
        int is_map = avro_typeof(sc) == AVRO_MAP;
        avro_schema_t item = is_map ? avro_schema_map_values(sc)
                                    : avro_schema_array_items(sc);

        for (;;) {
            int64_t count, bytes;

            if (scan_long(s, &count) != 0) {
                return -1;
            }
            if (count == 0) {
                return 0;
            }
            if (count < 0) {
                if (count == INT64_MIN || scan_long(s, &bytes) != 0) {
                    return count == INT64_MIN
                               ? scan_fail(s, "bad block count")
                               : -1;
                }
                count = -count;
            }
            /* Items of zero bytes could make a tiny body decode into a
             * huge array: no block may announce more items than bytes
             * are left. */
            if ((uint64_t)count > s->len - s->pos) {
                return scan_fail(s, "block count past the end");
            }
            for (int64_t i = 0; i < count; i++) {
                if ((is_map && scan_value(s, avro_schema_string(), depth + 1)
                                   != 0) ||
                    scan_value(s, item, depth + 1) != 0) {
                    return -1;
                }
            }
        }
    }
    case AVRO_LINK:
        return scan_value(s, avro_schema_link_target(sc), depth + 1);
    default:
        return scan_fail(s, "unsupported schema type");
    }
}

/* ---- encode: incident -> generic value ---- */

static int field(avro_value_t *rec, const char *name, avro_value_t *out)
{
    return avro_value_get_by_name(rec, name, out, NULL);
}

static int set_str(avro_value_t *rec, const char *name, const char *s)
{
    avro_value_t f;

    return field(rec, name, &f) || avro_value_set_string(&f, s ? s : "");
}

static int set_opt_str(avro_value_t *rec, const char *name, const char *s)
{
    avro_value_t f, b;

    return field(rec, name, &f) ||
           avro_value_set_branch(&f, s != NULL, &b) ||
           (s == NULL ? avro_value_set_null(&b)
                      : avro_value_set_string(&b, s));
}

static int set_enum(avro_value_t *rec, const char *name, int v)
{
    avro_value_t f;

    return field(rec, name, &f) || avro_value_set_enum(&f, v);
}

static int set_opt_long(avro_value_t *rec, const char *name, int64_t v)
{
    avro_value_t f, b;

    return field(rec, name, &f) ||
           avro_value_set_branch(&f, v != SR_COUNT_NONE, &b) ||
           (v == SR_COUNT_NONE ? avro_value_set_null(&b)
                               : avro_value_set_long(&b, v));
}

static int set_opt_double(avro_value_t *rec, const char *name, int present,
                          double v)
{
    avro_value_t f, b;

    return field(rec, name, &f) || avro_value_set_branch(&f, present, &b) ||
           (present ? avro_value_set_double(&b, v) : avro_value_set_null(&b));
}

static int set_double(avro_value_t *rec, const char *name, double v)
{
    avro_value_t f;

    return field(rec, name, &f) || avro_value_set_double(&f, v);
}

static int set_long(avro_value_t *rec, const char *name, int64_t v)
{
    avro_value_t f;

    return field(rec, name, &f) || avro_value_set_long(&f, v);
}

static int fill_count(avro_value_t *cas, const char *name,
                      const sr_count_t *c)
{
    avro_value_t f, b;

    if (field(cas, name, &f) || avro_value_set_branch(&f, c->present, &b)) {
        return 1;
    }
    if (!c->present) {
        return avro_value_set_null(&b);
    }
    return set_opt_long(&b, "best", c->best) ||
           set_opt_long(&b, "low", c->low) ||
           set_opt_long(&b, "high", c->high) ||
           set_enum(&b, "qualifier", (int)c->qualifier) ||
           set_opt_str(&b, "text", c->text);
}

static int fill_time(avro_value_t *rec, const sr_event_time_t *t)
{
    avro_value_t tv, d, b;

    if (field(rec, "time", &tv) || field(&tv, "date", &d) ||
        avro_value_set_branch(&d, t->has_date, &b)) {
        return 1;
    }
    if (t->has_date
            ? avro_value_set_int(&b, (int32_t)sr_days_from_civil(
                                         t->year, t->month, t->day))
            : avro_value_set_null(&b)) {
        return 1;
    }
    return set_enum(&tv, "precision", (int)t->precision) ||
           set_enum(&tv, "basis", (int)t->basis) ||
           set_opt_str(&tv, "text", t->text);
}

static int fill_location(avro_value_t *rec, const sr_location_t *l)
{
    avro_value_t lv;

    return field(rec, "location", &lv) ||
           set_opt_str(&lv, "text", l->text) ||
           set_opt_str(&lv, "name", l->name) ||
           set_opt_str(&lv, "country_code", l->country_code) ||
           set_opt_str(&lv, "country", l->country) ||
           set_opt_str(&lv, "admin1", l->admin1) ||
           set_opt_double(&lv, "lat", l->has_coords, l->lat) ||
           set_opt_double(&lv, "lon", l->has_coords, l->lon) ||
           set_enum(&lv, "precision", (int)l->precision) ||
           set_opt_str(&lv, "source", l->source) ||
           set_double(&lv, "confidence", l->confidence);
}

static int fill_lists(avro_value_t *rec, const sr_incident_t *inc)
{
    avro_value_t arr, el;

    if (field(rec, "actors", &arr)) {
        return 1;
    }
    for (size_t i = 0; i < inc->actor_count; i++) {
        const sr_actor_t *a = &inc->actors[i];

        if (avro_value_append(&arr, &el, NULL) ||
            set_enum(&el, "role", (int)a->role) ||
            set_str(&el, "text", a->text) ||
            set_opt_str(&el, "canonical", a->canonical) ||
            set_opt_str(&el, "actor_type", a->actor_type) ||
            set_enum(&el, "certainty", (int)a->certainty)) {
            return 1;
        }
    }
    if (field(rec, "evidence", &arr)) {
        return 1;
    }
    for (size_t i = 0; i < inc->evidence_count; i++) {
        const sr_evidence_t *e = &inc->evidence[i];

        if (avro_value_append(&arr, &el, NULL) ||
            set_str(&el, "field", e->field) ||
            set_long(&el, "start", e->start) || set_long(&el, "end", e->end)) {
            return 1;
        }
    }
    return 0;
}

static int fill_value(avro_value_t *rec, const sr_incident_t *inc)
{
    const sr_casualties_t *c = &inc->casualties;
    avro_value_t cas, claim, f;

    return set_str(rec, "incident_id", inc->incident_id) ||
           set_str(rec, "article_id", inc->article_id) ||
           set_opt_str(rec, "article_url", inc->article_url) ||
           set_opt_str(rec, "published_at", inc->published_at) ||
           set_enum(rec, "role", (int)inc->role) ||
           set_enum(rec, "category", (int)inc->category) ||
           set_opt_str(rec, "acled_event_type", inc->acled_event_type) ||
           set_opt_str(rec, "acled_sub_event_type",
                       inc->acled_sub_event_type) ||
           set_opt_str(rec, "gtd_attack_type", inc->gtd_attack_type) ||
           set_enum(rec, "factuality", (int)inc->factuality) ||
           fill_time(rec, &inc->time) ||
           fill_location(rec, &inc->location) || fill_lists(rec, inc) ||
           field(rec, "casualties", &cas) ||
           fill_count(&cas, "killed", &c->killed) ||
           fill_count(&cas, "injured", &c->injured) ||
           fill_count(&cas, "kidnapped", &c->kidnapped) ||
           fill_count(&cas, "arrested", &c->arrested) ||
           fill_count(&cas, "missing", &c->missing) ||
           fill_count(&cas, "killed_perpetrators",
                      &c->killed_perpetrators) ||
           field(rec, "claim", &claim) ||
           set_enum(&claim, "status", (int)inc->claim.status) ||
           set_opt_str(&claim, "claimant", inc->claim.claimant) ||
           set_double(rec, "confidence", inc->confidence) ||
           field(rec, "paragraphs_removed", &f) ||
           avro_value_set_int(&f, inc->paragraphs_removed) ||
           set_str(rec, "extractor_version", inc->extractor_version);
}

/* Checks what the schema cannot express, with a message naming the
 * field (Avro-C would only say "invalid enum value"). */
static sr_err_t check_encodable(const sr_incident_t *inc, char *errstr,
                                size_t errstr_size)
{
    const char *bad = NULL;

    if (inc->incident_id == NULL) {
        bad = "incident_id is null";
    } else if (inc->article_id == NULL) {
        bad = "article_id is null";
    } else if (inc->extractor_version == NULL) {
        bad = "extractor_version is null";
    } else if ((unsigned)inc->role >= SR_ROLE__COUNT ||
               (unsigned)inc->category >= SR_CAT__COUNT ||
               (unsigned)inc->factuality >= SR_FACT__COUNT ||
               (unsigned)inc->time.precision >= SR_TPREC__COUNT ||
               (unsigned)inc->time.basis >= SR_TBASIS__COUNT ||
               (unsigned)inc->location.precision >= SR_GPREC__COUNT ||
               (unsigned)inc->claim.status >= SR_CLAIM__COUNT) {
        bad = "an enum field is out of range";
    } else if (inc->time.has_date &&
               !sr_date_valid(inc->time.year, inc->time.month,
                              inc->time.day)) {
        bad = "time.date is not a calendar date";
    }
    for (size_t i = 0; bad == NULL && i < inc->actor_count; i++) {
        if ((unsigned)inc->actors[i].role >= SR_AROLE__COUNT ||
            (unsigned)inc->actors[i].certainty >= SR_CERT__COUNT) {
            bad = "an actor enum is out of range";
        }
    }
    if (bad != NULL) {
        sr_errstr_set(errstr, errstr_size, "cannot encode incident: %s",
                      bad);
        return SR_ERR_INVALID;
    }
    return SR_OK;
}

/* Resets out and writes header (hlen bytes, may be 0) then the body. */
static sr_err_t encode_with_header(sr_avro_codec_t *codec,
                                   const sr_incident_t *inc,
                                   const unsigned char *header, size_t hlen,
                                   sr_buf_t *out, char *errstr,
                                   size_t errstr_size)
{
    size_t size = 0;
    sr_err_t err;

    sr_buf_reset(out);
    err = check_encodable(inc, errstr, errstr_size);
    if (err != SR_OK) {
        return err;
    }
    avro_value_reset(&codec->value);
    if (fill_value(&codec->value, inc) ||
        avro_value_sizeof(&codec->value, &size)) {
        sr_errstr_set(errstr, errstr_size, "Avro encode failed: %s",
                      avro_strerror());
        return SR_ERR_INVALID;
    }
    if (out->limit != 0 && size + hlen > out->limit) {
        sr_errstr_set(errstr, errstr_size,
                      "Avro event of %zu bytes is over the limit of %zu",
                      size + hlen, out->limit);
        return SR_ERR_TOO_LARGE;
    }
    if (size > codec->scratch_cap) {
        codec->scratch = sr_xrealloc(codec->scratch, size);
        codec->scratch_cap = size;
    }
    avro_writer_memory_set_dest(codec->writer, codec->scratch,
                                (int64_t)codec->scratch_cap);
    if (avro_value_write(codec->writer, &codec->value) ||
        avro_writer_tell(codec->writer) != (int64_t)size) {
        sr_errstr_set(errstr, errstr_size, "Avro write failed: %s",
                      avro_strerror());
        return SR_ERR_INVALID;
    }
    if ((hlen > 0 && sr_buf_append(out, header, hlen) != SR_OK) ||
        sr_buf_append(out, codec->scratch, size) != SR_OK) {
        sr_buf_reset(out);
        sr_errstr_set(errstr, errstr_size,
                      "Avro event of %zu bytes is over the limit of %zu",
                      size + hlen, out->limit);
        return SR_ERR_TOO_LARGE;
    }
    return SR_OK;
}

sr_err_t sr_avro_encode(sr_avro_codec_t *codec, const sr_incident_t *inc,
                        sr_buf_t *out, char *errstr, size_t errstr_size)
{
    unsigned char header[SR_AVRO_SO_HEADER_LEN];

    header[0] = 0xC3;
    header[1] = 0x01;
    for (int i = 0; i < 8; i++) {
        header[2 + i] = (unsigned char)(codec->fingerprint >> (8 * i));
    }
    return encode_with_header(codec, inc, header, sizeof(header), out,
                              errstr, errstr_size);
}

sr_err_t sr_avro_encode_confluent(sr_avro_codec_t *codec,
                                  const sr_incident_t *inc, int32_t schema_id,
                                  sr_buf_t *out, char *errstr,
                                  size_t errstr_size)
{
    unsigned char header[SR_AVRO_CONFLUENT_HEADER_LEN];
    uint32_t id = (uint32_t)schema_id;

    header[0] = 0x00;
    header[1] = (unsigned char)(id >> 24);
    header[2] = (unsigned char)(id >> 16);
    header[3] = (unsigned char)(id >> 8);
    header[4] = (unsigned char)id;
    return encode_with_header(codec, inc, header, sizeof(header), out,
                              errstr, errstr_size);
}

sr_err_t sr_avro_encode_body(sr_avro_codec_t *codec, const sr_incident_t *inc,
                             sr_buf_t *out, char *errstr, size_t errstr_size)
{
    return encode_with_header(codec, inc, NULL, 0, out, errstr,
                              errstr_size);
}

/* ---- decode: generic value -> incident ---- */

static int get_str(avro_value_t *rec, const char *name, char **slot)
{
    avro_value_t f;
    const char *s;
    size_t size;

    if (field(rec, name, &f) || avro_value_get_string(&f, &s, &size)) {
        return 1;
    }
    /* Avro-C sizes include the terminating NUL. */
    *slot = sr_xstrndup(s, size > 0 ? size - 1 : 0);
    return 0;
}

/* Positions b on the union's branch; *is_null says whether it is null. */
static int get_branch(avro_value_t *rec, const char *name, avro_value_t *b,
                      int *is_null)
{
    avro_value_t f;
    int disc;

    if (field(rec, name, &f) || avro_value_get_discriminant(&f, &disc) ||
        avro_value_get_current_branch(&f, b)) {
        return 1;
    }
    *is_null = avro_value_get_type(b) == AVRO_NULL;
    return 0;
}

static int get_opt_str(avro_value_t *rec, const char *name, char **slot)
{
    avro_value_t b;
    const char *s;
    size_t size;
    int is_null;

    if (get_branch(rec, name, &b, &is_null)) {
        return 1;
    }
    if (is_null) {
        return 0;
    }
    if (avro_value_get_string(&b, &s, &size)) {
        return 1;
    }
    *slot = sr_xstrndup(s, size > 0 ? size - 1 : 0);
    return 0;
}

static int get_enum(avro_value_t *rec, const char *name, int *out)
{
    avro_value_t f;

    return field(rec, name, &f) || avro_value_get_enum(&f, out);
}

static int get_opt_long(avro_value_t *rec, const char *name, int64_t *out)
{
    avro_value_t b;
    int is_null;

    if (get_branch(rec, name, &b, &is_null)) {
        return 1;
    }
    *out = SR_COUNT_NONE;
    return is_null ? 0 : avro_value_get_long(&b, out);
}

static int get_opt_double(avro_value_t *rec, const char *name, int *present,
                          double *out)
{
    avro_value_t b;
    int is_null;

    if (get_branch(rec, name, &b, &is_null)) {
        return 1;
    }
    *present = !is_null;
    return is_null ? 0 : avro_value_get_double(&b, out);
}

static int get_double(avro_value_t *rec, const char *name, double *out)
{
    avro_value_t f;

    return field(rec, name, &f) || avro_value_get_double(&f, out);
}

static int get_long(avro_value_t *rec, const char *name, int64_t *out)
{
    avro_value_t f;

    return field(rec, name, &f) || avro_value_get_long(&f, out);
}

/* Enum fields read into our enum types through an int. */
#define GET_ENUM(rec, name, dst)                                             \
    (get_enum((rec), (name), &tmp) || ((dst) = tmp, 0))

static int read_count(avro_value_t *cas, const char *name, sr_count_t *c)
{
    avro_value_t b;
    int is_null, tmp;

    if (get_branch(cas, name, &b, &is_null)) {
        return 1;
    }
    c->present = !is_null;
    if (is_null) {
        return 0;
    }
    return get_opt_long(&b, "best", &c->best) ||
           get_opt_long(&b, "low", &c->low) ||
           get_opt_long(&b, "high", &c->high) ||
           GET_ENUM(&b, "qualifier", c->qualifier) ||
           get_opt_str(&b, "text", &c->text);
}

static int read_time(avro_value_t *rec, sr_event_time_t *t)
{
    avro_value_t tv, b;
    int is_null, tmp;
    int32_t days;

    if (field(rec, "time", &tv) || get_branch(&tv, "date", &b, &is_null)) {
        return 1;
    }
    if (!is_null) {
        if (avro_value_get_int(&b, &days)) {
            return 1;
        }
        sr_civil_from_days(days, &t->year, &t->month, &t->day);
        t->has_date = 1;
    }
    return GET_ENUM(&tv, "precision", t->precision) ||
           GET_ENUM(&tv, "basis", t->basis) ||
           get_opt_str(&tv, "text", &t->text);
}

static int read_location(avro_value_t *rec, sr_location_t *l)
{
    avro_value_t lv;
    int has_lat = 0, has_lon = 0, tmp;

    if (field(rec, "location", &lv) || get_opt_str(&lv, "text", &l->text) ||
        get_opt_str(&lv, "name", &l->name) ||
        get_opt_str(&lv, "country_code", &l->country_code) ||
        get_opt_str(&lv, "country", &l->country) ||
        get_opt_str(&lv, "admin1", &l->admin1) ||
        get_opt_double(&lv, "lat", &has_lat, &l->lat) ||
        get_opt_double(&lv, "lon", &has_lon, &l->lon) ||
        GET_ENUM(&lv, "precision", l->precision) ||
        get_opt_str(&lv, "source", &l->source) ||
        get_double(&lv, "confidence", &l->confidence)) {
        return 1;
    }
    /* Coordinates come in pairs; half a pair is no position. */
    l->has_coords = has_lat && has_lon;
    if (!l->has_coords) {
        l->lat = l->lon = 0.0;
    }
    return 0;
}

static int read_lists(avro_value_t *rec, sr_incident_t *inc)
{
    avro_value_t arr, el;
    size_t n;
    int tmp;

    if (field(rec, "actors", &arr) || avro_value_get_size(&arr, &n)) {
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        sr_actor_t *a;

        if (avro_value_get_by_index(&arr, i, &el, NULL)) {
            return 1;
        }
        a = sr_incident_add_actor(inc, SR_AROLE_TARGET, NULL, NULL, NULL,
                                  SR_CERT_UNKNOWN);
        free(a->text);
        a->text = NULL;
        if (GET_ENUM(&el, "role", a->role) || get_str(&el, "text", &a->text) ||
            get_opt_str(&el, "canonical", &a->canonical) ||
            get_opt_str(&el, "actor_type", &a->actor_type) ||
            GET_ENUM(&el, "certainty", a->certainty)) {
            return 1;
        }
    }
    if (field(rec, "evidence", &arr) || avro_value_get_size(&arr, &n)) {
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        sr_evidence_t *e;

        if (avro_value_get_by_index(&arr, i, &el, NULL)) {
            return 1;
        }
        sr_incident_add_evidence(inc, NULL, 0, 0);
        e = &inc->evidence[inc->evidence_count - 1];
        if (get_str(&el, "field", &e->field) ||
            get_long(&el, "start", &e->start) ||
            get_long(&el, "end", &e->end)) {
            return 1;
        }
    }
    return 0;
}

static int read_value(avro_value_t *rec, sr_incident_t *inc)
{
    sr_casualties_t *c = &inc->casualties;
    avro_value_t cas, claim, f;
    int tmp;

    return get_str(rec, "incident_id", &inc->incident_id) ||
           get_str(rec, "article_id", &inc->article_id) ||
           get_opt_str(rec, "article_url", &inc->article_url) ||
           get_opt_str(rec, "published_at", &inc->published_at) ||
           GET_ENUM(rec, "role", inc->role) ||
           GET_ENUM(rec, "category", inc->category) ||
           get_opt_str(rec, "acled_event_type", &inc->acled_event_type) ||
           get_opt_str(rec, "acled_sub_event_type",
                       &inc->acled_sub_event_type) ||
           get_opt_str(rec, "gtd_attack_type", &inc->gtd_attack_type) ||
           GET_ENUM(rec, "factuality", inc->factuality) ||
           read_time(rec, &inc->time) ||
           read_location(rec, &inc->location) || read_lists(rec, inc) ||
           field(rec, "casualties", &cas) ||
           read_count(&cas, "killed", &c->killed) ||
           read_count(&cas, "injured", &c->injured) ||
           read_count(&cas, "kidnapped", &c->kidnapped) ||
           read_count(&cas, "arrested", &c->arrested) ||
           read_count(&cas, "missing", &c->missing) ||
           read_count(&cas, "killed_perpetrators", &c->killed_perpetrators) ||
           field(rec, "claim", &claim) ||
           GET_ENUM(&claim, "status", inc->claim.status) ||
           get_opt_str(&claim, "claimant", &inc->claim.claimant) ||
           get_double(rec, "confidence", &inc->confidence) ||
           field(rec, "paragraphs_removed", &f) ||
           avro_value_get_int(&f, &inc->paragraphs_removed) ||
           get_str(rec, "extractor_version", &inc->extractor_version);
}

static const known_id_t *find_id(const sr_avro_codec_t *codec, int32_t id)
{
    for (size_t i = 0; i < codec->nids; i++) {
        if (codec->ids[i].id == id) {
            return &codec->ids[i];
        }
    }
    return NULL;
}

sr_err_t sr_avro_decode_frame(sr_avro_codec_t *codec, const void *data,
                              size_t len, size_t *consumed,
                              sr_incident_t *inc, char *errstr,
                              size_t errstr_size)
{
    const unsigned char *p = data;
    const known_id_t *known = NULL;
    size_t hdr, body_len;
    scan_t s;

    *consumed = 0;
    sr_incident_clear(inc);
    if (len >= 2 && p[0] == 0xC3 && p[1] == 0x01) {
        uint64_t fp = 0;

        if (len < SR_AVRO_SO_HEADER_LEN) {
            sr_errstr_set(errstr, errstr_size,
                          "truncated single-object header (%zu bytes)", len);
            return SR_ERR_INVALID;
        }
        for (int i = 0; i < 8; i++) {
            fp |= (uint64_t)p[2 + i] << (8 * i);
        }
        if (fp != codec->fingerprint) {
            sr_errstr_set(errstr, errstr_size,
                          "unknown schema fingerprint %016" PRIx64
                          " (expected %016" PRIx64 ")",
                          fp, codec->fingerprint);
            return SR_ERR_INVALID;
        }
        hdr = SR_AVRO_SO_HEADER_LEN;
    } else if (len >= 1 && p[0] == 0x00) {
        uint32_t id;

        if (len < SR_AVRO_CONFLUENT_HEADER_LEN) {
            sr_errstr_set(errstr, errstr_size,
                          "truncated Confluent header (%zu bytes)", len);
            return SR_ERR_INVALID;
        }
        id = (uint32_t)p[1] << 24 | (uint32_t)p[2] << 16 |
             (uint32_t)p[3] << 8 | p[4];
        known = find_id(codec, (int32_t)id);
        if (known == NULL) {
            sr_errstr_set(errstr, errstr_size,
                          "schema id %" PRId32 " unknown%s", (int32_t)id,
                          codec->nids > 0 ? ""
                                          : " (no registry configured)");
            return SR_ERR_UNSUPPORTED;
        }
        hdr = SR_AVRO_CONFLUENT_HEADER_LEN;
    } else if (len == 0) {
        sr_errstr_set(errstr, errstr_size, "not an Avro event: empty");
        return SR_ERR_INVALID;
    } else {
        char first[8];

        snprintf(first, sizeof(first), len > 1 ? "%02x %02x" : "%02x", p[0],
                 len > 1 ? p[1] : 0);
        sr_errstr_set(errstr, errstr_size,
                      "not an Avro event: starts with %s, expected c3 01 "
                      "(single-object) or 00 (Confluent)",
                      first);
        return SR_ERR_INVALID;
    }
    s.p = p + hdr;
    s.len = len - hdr;
    s.pos = 0;
    s.field = NULL;
    s.errstr = errstr;
    s.errstr_size = errstr_size;
    if (scan_value(&s, codec->schema, 0) != 0) {
        return SR_ERR_INVALID;
    }
    body_len = s.pos;
    if (known != NULL && known->writer != NULL) {
        /* Our fields come first; the appended ones are skipped. */
        s.pos = 0;
        if (scan_value(&s, known->writer, 0) != 0) {
            return SR_ERR_INVALID;
        }
    }
    avro_value_reset(&codec->value);
    avro_reader_memory_set_source(codec->reader, (const char *)s.p,
                                  (int64_t)body_len);
    if (avro_value_read(codec->reader, &codec->value) ||
        read_value(&codec->value, inc)) {
        sr_errstr_set(errstr, errstr_size, "Avro decode failed: %s",
                      avro_strerror());
        sr_incident_clear(inc);
        return SR_ERR_INVALID;
    }
    if (inc->time.has_date && (inc->time.year < 0 || inc->time.year > 9999)) {
        sr_errstr_set(errstr, errstr_size,
                      "time.date is outside the years 0-9999");
        sr_incident_clear(inc);
        return SR_ERR_INVALID;
    }
    *consumed = hdr + s.pos;
    return SR_OK;
}

sr_err_t sr_avro_decode(sr_avro_codec_t *codec, const void *data, size_t len,
                        sr_incident_t *inc, char *errstr, size_t errstr_size)
{
    size_t used;
    sr_err_t err;

    err = sr_avro_decode_frame(codec, data, len, &used, inc, errstr,
                               errstr_size);
    if (err == SR_OK && used != len) {
        sr_errstr_set(errstr, errstr_size,
                      "%zu bytes after the Avro body (frame of %zu bytes)",
                      len - used, len);
        sr_incident_clear(inc);
        return SR_ERR_INVALID;
    }
    return err;
}

/* ---- the codec ---- */

/* The schema's enums must be our name tables, in the same order. */
static sr_err_t check_enums(avro_schema_t schema, char *errstr,
                            size_t errstr_size)
{
    static const struct {
        const char *path[3];
        int (*from_name)(const char *);
        int count;
    } enums[] = {
        {{"role"}, sr_role_from_name, SR_ROLE__COUNT},
        {{"category"}, sr_category_from_name,
         SR_CAT__COUNT},
        {{"factuality"}, sr_factuality_from_name,
         SR_FACT__COUNT},
        {{"time", "precision"},
         sr_time_precision_from_name, SR_TPREC__COUNT},
        {{"time", "basis"}, sr_time_basis_from_name,
         SR_TBASIS__COUNT},
        {{"location", "precision"},
         sr_geo_precision_from_name, SR_GPREC__COUNT},
        {{"actors", "role"}, sr_actor_role_from_name,
         SR_AROLE__COUNT},
        {{"actors", "certainty"}, sr_certainty_from_name,
         SR_CERT__COUNT},
        {{"casualties", "killed", "qualifier"},
         sr_qualifier_from_name, SR_QUAL__COUNT},
        {{"claim", "status"}, sr_claim_status_from_name,
         SR_CLAIM__COUNT},
    };

    for (size_t i = 0; i < sizeof(enums) / sizeof(enums[0]); i++) {
        avro_schema_t sc = schema;

        for (int k = 0; k < 3 && enums[i].path[k] != NULL && sc != NULL;
             k++) {
            sc = avro_schema_get_subschema(sc, enums[i].path[k]);
            /* Step through arrays and ["null", X] unions. */
            while (sc != NULL &&
                   (is_avro_array(sc) || is_avro_union(sc) ||
                    is_avro_link(sc))) {
                sc = is_avro_array(sc)   ? avro_schema_array_items(sc)
                     : is_avro_link(sc) ? avro_schema_link_target(sc)
                                        : avro_schema_union_branch(sc, 1);
            }
        }
        if (sc == NULL || !is_avro_enum(sc) ||
            avro_schema_enum_number_of_symbols(sc) != enums[i].count) {
            goto bad;
        }
        for (int v = 0; v < enums[i].count; v++) {
            if (enums[i].from_name(avro_schema_enum_get(sc, v)) != v) {
                goto bad;
            }
        }
        continue;
    bad:
        sr_errstr_set(errstr, errstr_size,
                      "schema enum %s does not match the incident type",
                      enums[i].path[0]);
        return SR_ERR_INVALID;
    }
    return SR_OK;
}

sr_avro_codec_t *sr_avro_codec_new(char *errstr, size_t errstr_size)
{
    sr_avro_codec_t *codec = sr_xcalloc(1, sizeof(*codec));
    sr_buf_t pcf;

    sr_buf_init(&pcf, 0);
    if (avro_schema_from_json_length(sr_incident_avsc, sr_incident_avsc_len,
                                     &codec->schema)) {
        sr_errstr_set(errstr, errstr_size, "incident schema: %s",
                      avro_strerror());
        goto fail;
    }
    if (check_enums(codec->schema, errstr, errstr_size) != SR_OK ||
        sr_avro_canonical_form(sr_incident_avsc, &pcf, errstr,
                               errstr_size) != SR_OK) {
        goto fail;
    }
    codec->fingerprint = sr_crc64_avro(pcf.data, pcf.len);
    codec->nfields = avro_schema_record_size(codec->schema);
    codec->iface = avro_generic_class_from_schema(codec->schema);
    if (codec->iface == NULL ||
        avro_generic_value_new(codec->iface, &codec->value)) {
        sr_errstr_set(errstr, errstr_size, "incident schema class: %s",
                      avro_strerror());
        goto fail;
    }
    codec->scratch_cap = 4096;
    codec->scratch = sr_xmalloc(codec->scratch_cap);
    codec->writer = avro_writer_memory(codec->scratch,
                                       (int64_t)codec->scratch_cap);
    codec->reader = avro_reader_memory(codec->scratch, 0);
    if (codec->writer == NULL || codec->reader == NULL) {
        sr_errstr_set(errstr, errstr_size, "Avro memory reader/writer: %s",
                      avro_strerror());
        goto fail;
    }
    sr_buf_clear(&pcf);
    return codec;
fail:
    sr_buf_clear(&pcf);
    sr_avro_codec_destroy(codec);
    return NULL;
}

void sr_avro_codec_destroy(sr_avro_codec_t *codec)
{
    if (codec == NULL) {
        return;
    }
    if (codec->reader != NULL) {
        avro_reader_free(codec->reader);
    }
    if (codec->writer != NULL) {
        avro_writer_free(codec->writer);
    }
    if (codec->value.self != NULL) {
        avro_value_decref(&codec->value);
    }
    if (codec->iface != NULL) {
        avro_value_iface_decref(codec->iface);
    }
    if (codec->schema != NULL) {
        avro_schema_decref(codec->schema);
    }
    for (size_t i = 0; i < codec->nids; i++) {
        if (codec->ids[i].writer != NULL) {
            avro_schema_decref(codec->ids[i].writer);
        }
    }
    free(codec->ids);
    free(codec->scratch);
    free(codec);
}

uint64_t sr_avro_fingerprint(const sr_avro_codec_t *codec)
{
    return codec->fingerprint;
}

/* Adds or replaces id; takes writer's reference. */
static sr_err_t remember_id(sr_avro_codec_t *codec, int32_t id,
                           avro_schema_t writer, char *errstr,
                           size_t errstr_size)
{
    known_id_t *k = (known_id_t *)find_id(codec, id);

    if (k == NULL) {
        if (codec->nids == MAX_KNOWN_IDS) {
            sr_errstr_set(errstr, errstr_size,
                          "schema id %" PRId32 ": more than %d schema ids",
                          id, MAX_KNOWN_IDS);
            if (writer != NULL) {
                avro_schema_decref(writer);
            }
            return SR_ERR_TOO_LARGE;
        }
        codec->ids = sr_xrealloc(codec->ids,
                                 (codec->nids + 1) * sizeof(*codec->ids));
        k = &codec->ids[codec->nids++];
    } else if (k->writer != NULL) {
        avro_schema_decref(k->writer);
    }
    k->id = id;
    k->writer = writer;
    return SR_OK;
}

void sr_avro_codec_set_schema_id(sr_avro_codec_t *codec, int32_t id)
{
    /* Cannot fail: replacing needs no room, and the table only fills
     * through sr_avro_codec_add_schema. */
    if (find_id(codec, id) != NULL || codec->nids < MAX_KNOWN_IDS) {
        (void)remember_id(codec, id, NULL, NULL, 0);
    }
}

/* The fingerprint of writer's top-level record cut to its first n
 * fields: equal to ours when writer is our schema plus appended fields. */
static sr_err_t prefix_fingerprint(json_t *writer, size_t n, uint64_t *fp,
                                   char *errstr, size_t errstr_size)
{
    json_t *copy = json_deep_copy(writer), *fields;
    sr_buf_t pcf;
    char *text = NULL;
    sr_err_t err;

    sr_buf_init(&pcf, 0);
    fields = json_object_get(copy, "fields");
    while (json_array_size(fields) > n) {
        json_array_remove(fields, json_array_size(fields) - 1);
    }
    text = json_dumps(copy, JSON_COMPACT);
    if (text == NULL) {
        sr_errstr_set(errstr, errstr_size, "out of memory");
        err = SR_ERR_INVALID;
    } else {
        err = sr_avro_canonical_form(text, &pcf, errstr, errstr_size);
    }
    if (err == SR_OK) {
        *fp = sr_crc64_avro(pcf.data, pcf.len);
    }
    free(text);
    json_decref(copy);
    sr_buf_clear(&pcf);
    return err;
}

sr_err_t sr_avro_codec_add_schema(sr_avro_codec_t *codec, int32_t id,
                                  const char *writer_json, char *errstr,
                                  size_t errstr_size)
{
    json_t *root;
    json_error_t jerr;
    avro_schema_t writer = NULL;
    uint64_t fp = 0;
    size_t nfields;
    sr_err_t err;

    root = json_loads(writer_json, JSON_DECODE_ANY, &jerr);
    if (root == NULL) {
        sr_errstr_set(errstr, errstr_size,
                      "schema id %" PRId32 ": not JSON: %s", id, jerr.text);
        return SR_ERR_INVALID;
    }
    nfields = json_array_size(json_object_get(root, "fields"));
    if (!json_is_object(root) ||
        !json_is_string(json_object_get(root, "type")) ||
        strcmp(json_string_value(json_object_get(root, "type")),
               "record") != 0 ||
        nfields < codec->nfields) {
        sr_errstr_set(errstr, errstr_size,
                      "schema id %" PRId32 " is not an incident schema (a "
                      "record with at least the %zu incident fields)",
                      id, codec->nfields);
        err = SR_ERR_UNSUPPORTED;
        goto out;
    }
    err = prefix_fingerprint(root, codec->nfields, &fp, errstr,
                             errstr_size);
    if (err != SR_OK) {
        goto out;
    }
    if (fp != codec->fingerprint) {
        sr_errstr_set(errstr, errstr_size,
                      "schema id %" PRId32 " is neither the incident schema "
                      "nor an evolution of it that only appends fields",
                      id);
        err = SR_ERR_UNSUPPORTED;
        goto out;
    }
    if (nfields > codec->nfields &&
        avro_schema_from_json_length(writer_json, strlen(writer_json),
                                     &writer) != 0) {
        sr_errstr_set(errstr, errstr_size, "schema id %" PRId32 ": %s", id,
                      avro_strerror());
        err = SR_ERR_INVALID;
        goto out;
    }
    err = remember_id(codec, id, writer, errstr, errstr_size);
out:
    json_decref(root);
    return err;
}
