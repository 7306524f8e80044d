/* test_avro_evolution.c - the v2 test schema (tests/fixtures/avro/
 * incident-v2.avsc: the incident schema plus a trailing field with a
 * default) against the real one, from C.
 *
 * Cross-version reading (v1 data with a v2 reader and the reverse) is
 * tested with fastavro, Python avro and avsc in
 * tests/integration/0010-avro-interop.sh, not here: Avro-C 1.11.1's
 * resolver (avro_resolved_writer_new / avro_resolved_reader_new) cannot
 * do it for this schema. It has no field defaults ("Reader field
 * language doesn't appear in writer"; a TODO in resolved-writer.c), and
 * when writer and reader differ it reads freed memory (valgrind) while
 * building a resolver for a schema that names a type more than once, as
 * ours does with Count. */
#include <avro.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "incident.h"
#include "incident_avro.h"
#include "incident_gen.h"
#include "incident_json.h"

#define CASES 300

typedef struct schemas_s {
    avro_schema_t v1, v2;
    avro_value_iface_t *v1_class, *v2_class;
} schemas_t;

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    long n;

    if (f == NULL) {
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 &&
        fseek(f, 0, SEEK_SET) == 0) {
        text = calloc(1, (size_t)n + 1);
        if (text != NULL && fread(text, 1, (size_t)n, f) != (size_t)n) {
            free(text);
            text = NULL;
        }
    }
    fclose(f);
    return text;
}

static int schemas_load(schemas_t *s)
{
    const char *root = getenv("SR_ROOT") ? getenv("SR_ROOT") : ".";
    char path[1024];
    char *v2_text;
    int rc;

    memset(s, 0, sizeof(*s));
    snprintf(path, sizeof(path), "%s/tests/fixtures/avro/incident-v2.avsc",
             root);
    v2_text = read_text(path);
    if (v2_text == NULL) {
        fprintf(stderr, "    cannot read %s\n", path);
        return -1;
    }
    rc = avro_schema_from_json_length(sr_incident_avsc, sr_incident_avsc_len,
                                      &s->v1) ||
         avro_schema_from_json_length(v2_text, strlen(v2_text), &s->v2);
    free(v2_text);
    if (rc != 0) {
        fprintf(stderr, "    schema: %s\n", avro_strerror());
        return -1;
    }
    s->v1_class = avro_generic_class_from_schema(s->v1);
    s->v2_class = avro_generic_class_from_schema(s->v2);
    return s->v1_class != NULL && s->v2_class != NULL ? 0 : -1;
}

static void schemas_free(schemas_t *s)
{
    if (s->v1_class != NULL) {
        avro_value_iface_decref(s->v1_class);
    }
    if (s->v2_class != NULL) {
        avro_value_iface_decref(s->v2_class);
    }
    if (s->v1 != NULL) {
        avro_schema_decref(s->v1);
    }
    if (s->v2 != NULL) {
        avro_schema_decref(s->v2);
    }
}

/* v2 is v1 plus one trailing field "language": every other field is the
 * same schema, so the fixture cannot drift from the real schema. */
static void test_v2_is_v1_plus_one_field(void)
{
    schemas_t s;
    size_t n1, n2;

    if (schemas_load(&s) != 0) {
        CHECK(!"schemas load");
        schemas_free(&s);
        return;
    }
    n1 = avro_schema_record_size(s.v1);
    n2 = avro_schema_record_size(s.v2);
    CHECK_INT_EQ(n2, n1 + 1);
    for (size_t i = 0; i < n1 && i < n2; i++) {
        CHECK_STR_EQ(avro_schema_record_field_name(s.v1, (int)i),
                     avro_schema_record_field_name(s.v2, (int)i));
        CHECK(avro_schema_equal(
            avro_schema_record_field_get_by_index(s.v1, (int)i),
            avro_schema_record_field_get_by_index(s.v2, (int)i)));
    }
    if (n2 == n1 + 1) {
        CHECK_STR_EQ(avro_schema_record_field_name(s.v2, (int)n1),
                     "language");
    }
    schemas_free(&s);
}

/* Writes value into out (reset first). */
static int write_value(avro_value_t *value, sr_buf_t *out)
{
    size_t size;
    char *tmp;
    avro_writer_t w;
    int rc;

    sr_buf_reset(out);
    if (avro_value_sizeof(value, &size) != 0) {
        return -1;
    }
    tmp = malloc(size > 0 ? size : 1);
    w = avro_writer_memory(tmp, (int64_t)size);
    rc = avro_value_write(w, value) != 0 ||
         avro_writer_tell(w) != (int64_t)size;
    if (rc == 0) {
        sr_buf_append(out, tmp, size);
    }
    avro_writer_free(w);
    free(tmp);
    return rc ? -1 : 0;
}

/* A v2 event is a v1 body followed by the new trailing string (Avro
 * writes record fields in order, nothing else): Avro-C reads such bytes
 * with the v2 schema and writes them back unchanged. sitrep's decoder,
 * which knows only v1, refuses the v2 frame by its fingerprint with a
 * clear error rather than misreading it. (Reading across versions is
 * shown by the independent readers in 0010-avro-interop.sh: Avro-C
 * 1.11.1's resolver cannot, see the report in that script.) */
static void test_v2_events(void)
{
    schemas_t s;
    sr_avro_codec_t *codec;
    gen_t g = {0xe501, {0}};
    sr_buf_t body, v2_body, back, pcf, frame;
    avro_value_t v2_value;
    uint64_t fp2 = 0;
    char *v2_text = NULL;
    char err[256], path[1024];
    int bad = 0;

    codec = sr_avro_codec_new(err, sizeof(err));
    if (codec == NULL || schemas_load(&s) != 0) {
        CHECK(!"codec and schemas load");
        sr_avro_codec_destroy(codec);
        schemas_free(&s);
        return;
    }
    sr_buf_init(&body, 0);
    sr_buf_init(&v2_body, 0);
    sr_buf_init(&back, 0);
    sr_buf_init(&pcf, 0);
    sr_buf_init(&frame, 0);
    snprintf(path, sizeof(path), "%s/tests/fixtures/avro/incident-v2.avsc",
             getenv("SR_ROOT") ? getenv("SR_ROOT") : ".");
    v2_text = read_text(path);
    CHECK(v2_text != NULL);
    if (v2_text != NULL &&
        sr_avro_canonical_form(v2_text, &pcf, err, sizeof(err)) == SR_OK) {
        fp2 = sr_crc64_avro(pcf.data, pcf.len);
    }
    CHECK(fp2 != 0 && fp2 != sr_avro_fingerprint(codec));
    avro_generic_value_new(s.v2_class, &v2_value);
    for (int n = 0; n < CASES && bad < 5; n++) {
        sr_incident_t inc, dec;
        avro_reader_t r;
        avro_value_t f;
        const char *lang = NULL;
        size_t size;
        unsigned char hdr[SR_AVRO_SO_HEADER_LEN] = {0xC3, 0x01};

        gen_incident(&g, &inc);
        sr_incident_init(&dec);
        if (sr_avro_encode_body(codec, &inc, &body, err, sizeof(err)) !=
            SR_OK) {
            fprintf(stderr, "    case %d: encode: %s\n", n, err);
            bad++;
            goto next;
        }
        sr_buf_reset(&v2_body);
        sr_buf_append(&v2_body, body.data, body.len);
        sr_buf_append(&v2_body, "\x04" "fr", 3); /* length 2 (zig-zag) */
        avro_value_reset(&v2_value);
        r = avro_reader_memory(v2_body.data, (int64_t)v2_body.len);
        if (avro_value_read(r, &v2_value) != 0 ||
            avro_value_get_by_name(&v2_value, "language", &f, NULL) != 0 ||
            avro_value_get_string(&f, &lang, &size) != 0 ||
            strcmp(lang, "fr") != 0 || write_value(&v2_value, &back) != 0 ||
            back.len != v2_body.len ||
            memcmp(back.data, v2_body.data, back.len) != 0) {
            fprintf(stderr, "    case %d: v2 bytes do not read back: %s\n",
                    n, avro_strerror());
            bad++;
        }
        avro_reader_free(r);
        for (int i = 0; i < 8; i++) {
            hdr[2 + i] = (unsigned char)(fp2 >> (8 * i));
        }
        sr_buf_reset(&frame);
        sr_buf_append(&frame, hdr, sizeof(hdr));
        sr_buf_append(&frame, v2_body.data, v2_body.len);
        err[0] = '\0';
        if (sr_avro_decode(codec, frame.data, frame.len, &dec, err,
                           sizeof(err)) != SR_ERR_INVALID ||
            strstr(err, "unknown schema fingerprint") == NULL) {
            fprintf(stderr, "    case %d: v2 frame not refused: %s\n", n,
                    err);
            bad++;
        }
    next:
        sr_incident_clear(&inc);
        sr_incident_clear(&dec);
    }
    CHECK_INT_EQ(bad, 0);
    avro_value_decref(&v2_value);
    free(v2_text);
    sr_buf_clear(&body);
    sr_buf_clear(&v2_body);
    sr_buf_clear(&back);
    sr_buf_clear(&pcf);
    sr_buf_clear(&frame);
    schemas_free(&s);
    sr_avro_codec_destroy(codec);
}

TEST_LIST = {
    {"v2 is v1 plus one field", test_v2_is_v1_plus_one_field},
    {"v2 events", test_v2_events},
    {NULL, NULL},
};
