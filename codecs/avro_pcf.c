/* avro_pcf.c - Avro Parsing Canonical Form and the CRC-64-AVRO fingerprint.
 *
 * Follows the Avro specification ("Parsing Canonical Form for Schemas"):
 * PRIMITIVES, FULLNAMES, STRIP (only name, type, fields, symbols, items,
 * values, size survive), ORDER (in that order), STRINGS, INTEGERS,
 * WHITESPACE. A named type seen a second time is written as its full name.
 * Avro-C 1.11.1 has neither PCF nor fingerprints, hence this file.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "incident_avro.h"
#include "jsonw.h"
#include "xmalloc.h"

#define CRC64_AVRO_EMPTY 0xc15d213aa4d7a795ULL
#define PCF_MAX_DEPTH 64

uint64_t sr_crc64_avro(const void *data, size_t n)
{
    const unsigned char *p = data;
    uint64_t fp = CRC64_AVRO_EMPTY;

    /* Bit at a time: only schemas are fingerprinted, so no table. */
    for (size_t i = 0; i < n; i++) {
        fp ^= p[i];
        for (int b = 0; b < 8; b++) {
            fp = (fp >> 1) ^ (CRC64_AVRO_EMPTY & (0 - (fp & 1)));
        }
    }
    return fp;
}

typedef struct pcf_s {
    sr_jsonw_t w;
    json_t *defined; /* full names of the named types seen so far */
    char *errstr;
    size_t errstr_size;
} pcf_t;

static const char *const primitives[] = {"null", "boolean", "int", "long",
                                         "float", "double", "bytes",
                                         "string", NULL};

static int is_primitive(const char *s)
{
    for (size_t i = 0; primitives[i] != NULL; i++) {
        if (strcmp(primitives[i], s) == 0) {
            return 1;
        }
    }
    return 0;
}

static sr_err_t fail(pcf_t *c, const char *msg, const char *what)
{
    sr_errstr_set(c->errstr, c->errstr_size, "invalid Avro schema: %s%s%s",
                  msg, what ? ": " : "", what ? what : "");
    return SR_ERR_INVALID;
}

/* "ns.name", allocated. */
static char *join_name(const char *ns, const char *name)
{
    size_t n = strlen(ns) + strlen(name) + 2;
    char *full = sr_xmalloc(n);

    snprintf(full, n, "%s.%s", ns, name);
    return full;
}

/* Full name of a reference: "a.b.X" as is, else tried in the enclosing
 * namespace, then in the null namespace (as the Java parser does). */
static char *resolve_ref(pcf_t *c, const char *name, const char *ns)
{
    if (strchr(name, '.') == NULL && ns[0] != '\0') {
        char *full = join_name(ns, name);

        if (json_object_get(c->defined, full) != NULL) {
            return full;
        }
        free(full);
    }
    return json_object_get(c->defined, name) != NULL ? sr_xstrdup(name)
                                                     : NULL;
}

static sr_err_t emit(pcf_t *c, json_t *node, const char *ns, int depth);

static sr_err_t emit_named(pcf_t *c, json_t *node, const char *type,
                           const char *ns, int depth)
{
    json_t *jname = json_object_get(node, "name");
    json_t *jns = json_object_get(node, "namespace");
    const char *name, *dot;
    char *full, *inner_ns;
    sr_err_t err = SR_OK;

    if (!json_is_string(jname) || json_string_length(jname) == 0) {
        return fail(c, "named type without a name", type);
    }
    name = json_string_value(jname);
    if (strchr(name, '.') != NULL) {
        full = sr_xstrdup(name);
    } else if (json_is_string(jns) && json_string_length(jns) > 0) {
        full = join_name(json_string_value(jns), name);
    } else if (jns == NULL && ns[0] != '\0') {
        full = join_name(ns, name);
    } else {
        full = sr_xstrdup(name);
    }
    if (json_object_get(c->defined, full) != NULL) {
        err = fail(c, "type defined twice", full);
        free(full);
        return err;
    }
    json_object_set_new(c->defined, full, json_true());
    dot = strrchr(full, '.');
    inner_ns = sr_xstrndup(full, dot != NULL ? (size_t)(dot - full) : 0);

    sr_jsonw_raw(&c->w, "{\"name\":");
    sr_jsonw_str(&c->w, full);
    sr_jsonw_raw(&c->w, ",\"type\":");
    if (strcmp(type, "enum") == 0) {
        json_t *syms = json_object_get(node, "symbols"), *s;
        size_t i;

        sr_jsonw_raw(&c->w, "\"enum\",\"symbols\":[");
        if (!json_is_array(syms)) {
            err = fail(c, "enum without symbols", full);
        }
        json_array_foreach(syms, i, s) {
            if (!json_is_string(s)) {
                err = fail(c, "enum symbol is not a string", full);
                break;
            }
            sr_jsonw_raw(&c->w, i ? "," : "");
            sr_jsonw_str(&c->w, json_string_value(s));
        }
        sr_jsonw_raw(&c->w, "]");
    } else if (strcmp(type, "fixed") == 0) {
        json_t *size = json_object_get(node, "size");

        sr_jsonw_raw(&c->w, "\"fixed\",\"size\":");
        if (!json_is_integer(size) || json_integer_value(size) < 0) {
            err = fail(c, "fixed without a valid size", full);
        } else {
            sr_jsonw_int(&c->w, json_integer_value(size));
        }
    } else {
        json_t *fields = json_object_get(node, "fields"), *f;
        size_t i;

        /* "error" records canonicalise as records too. */
        sr_jsonw_raw(&c->w, "\"record\",\"fields\":[");
        if (!json_is_array(fields)) {
            err = fail(c, "record without fields", full);
        }
        json_array_foreach(fields, i, f) {
            json_t *fname = json_object_get(f, "name");
            json_t *ftype = json_object_get(f, "type");

            if (!json_is_string(fname) || ftype == NULL) {
                err = fail(c, "record field without name or type", full);
                break;
            }
            sr_jsonw_raw(&c->w, i ? ",{\"name\":" : "{\"name\":");
            sr_jsonw_str(&c->w, json_string_value(fname));
            sr_jsonw_raw(&c->w, ",\"type\":");
            err = emit(c, ftype, inner_ns, depth + 1);
            if (err != SR_OK) {
                break;
            }
            sr_jsonw_raw(&c->w, "}");
        }
        sr_jsonw_raw(&c->w, "]");
    }
    sr_jsonw_raw(&c->w, "}");
    free(inner_ns);
    free(full);
    return err;
}

static sr_err_t emit(pcf_t *c, json_t *node, const char *ns, int depth)
{
    if (depth > PCF_MAX_DEPTH) {
        return fail(c, "nested too deeply", NULL);
    }
    if (json_is_string(node)) {
        const char *s = json_string_value(node);
        char *full;

        if (is_primitive(s)) {
            sr_jsonw_str(&c->w, s);
            return SR_OK;
        }
        full = resolve_ref(c, s, ns);
        if (full == NULL) {
            return fail(c, "unknown type", s);
        }
        sr_jsonw_str(&c->w, full);
        free(full);
        return SR_OK;
    }
    if (json_is_array(node)) {
        json_t *branch;
        size_t i;

        sr_jsonw_raw(&c->w, "[");
        json_array_foreach(node, i, branch) {
            sr_err_t err;

            sr_jsonw_raw(&c->w, i ? "," : "");
            err = emit(c, branch, ns, depth + 1);
            if (err != SR_OK) {
                return err;
            }
        }
        sr_jsonw_raw(&c->w, "]");
        return SR_OK;
    }
    if (json_is_object(node)) {
        json_t *jtype = json_object_get(node, "type");
        const char *type;
        sr_err_t err;

        if (!json_is_string(jtype)) {
            /* {"type": <schema>} is not a schema form, except that a
             * nested definition is what some writers produce. */
            return jtype != NULL ? emit(c, jtype, ns, depth + 1)
                                 : fail(c, "object without \"type\"", NULL);
        }
        type = json_string_value(jtype);
        if (is_primitive(type)) {
            sr_jsonw_str(&c->w, type);
            return SR_OK;
        }
        if (strcmp(type, "record") == 0 || strcmp(type, "error") == 0 ||
            strcmp(type, "enum") == 0 || strcmp(type, "fixed") == 0) {
            return emit_named(c, node, type, ns, depth);
        }
        if (strcmp(type, "array") == 0 || strcmp(type, "map") == 0) {
            const char *key = type[0] == 'a' ? "items" : "values";
            json_t *inner = json_object_get(node, key);

            if (inner == NULL) {
                return fail(c, "array or map without its item type", NULL);
            }
            sr_jsonw_raw(&c->w, type[0] == 'a' ? "{\"type\":\"array\","
                                                 "\"items\":"
                                               : "{\"type\":\"map\","
                                                 "\"values\":");
            err = emit(c, inner, ns, depth + 1);
            sr_jsonw_raw(&c->w, "}");
            return err;
        }
        /* {"type": "SomeName"}: a reference to a named type. */
        return emit(c, jtype, ns, depth + 1);
    }
    return fail(c, "not a schema (string, array or object expected)", NULL);
}

sr_err_t sr_avro_canonical_form(const char *schema_json, sr_buf_t *out,
                                char *errstr, size_t errstr_size)
{
    pcf_t c = {{out, SR_OK}, json_object(), errstr, errstr_size};
    json_error_t jerr;
    json_t *root;
    sr_err_t err;

    sr_buf_reset(out);
    root = json_loads(schema_json, JSON_DECODE_ANY, &jerr);
    if (root == NULL) {
        sr_errstr_set(errstr, errstr_size,
                      "invalid Avro schema: JSON error at line %d column "
                      "%d: %s",
                      jerr.line, jerr.column, jerr.text);
        json_decref(c.defined);
        return SR_ERR_INVALID;
    }
    err = emit(&c, root, "", 0);
    if (err == SR_OK && c.w.err != SR_OK) {
        sr_errstr_set(errstr, errstr_size,
                      "canonical form is over the buffer limit");
        err = c.w.err;
    }
    json_decref(root);
    json_decref(c.defined);
    return err;
}
