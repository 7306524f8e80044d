/* gazetteer.c - loads the gazetteer TSV and indexes it by folded name.
 *
 * Each file is read whole into one allocation and split in place (tabs and
 * '|' become NULs), so every string of a place points into it; folded keys
 * go into an arena of large blocks. Names are indexed in one open-addressing
 * hash table whose entries point at a run of place indices, sorted most
 * prominent first once everything is loaded. Nothing is allocated per
 * lookup.
 */
#include "gazetteer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "strmap.h"
#include "xmalloc.h"

#define GZ_COLUMNS 11
#define GZ_KEY_MAX 256                      /* folded key buffer */
#define GZ_MAX_FILE_BYTES (1024ull << 20)   /* sanity cap per file */
#define GZ_NONE SR_STRMAP_NONE

typedef struct posting_s {
    uint32_t place;
    uint32_t next;
} posting_t;

struct sr_gazetteer_s {
    sr_arena_t arena;
    sr_place_t *places;
    size_t nplaces, places_cap;
    size_t counts[3];
    /* names: a = first posting (linked while loading, then the start of
     * the run in runs[]), b = run length */
    sr_strmap_t names;
    posting_t *postings;
    size_t npostings, postings_cap;
    uint32_t *runs;
    sr_strmap_t demonyms; /* a = place */
    sr_strmap_t ids;      /* a = place; keys are the rows' ids ("NE", "NE.09") */
    uint64_t *prefix_bits; /* GZ_PREFIX_BITS; see prefix_bit() */
};

typedef struct loader_s {
    sr_gazetteer_t *gz;
    const char *path;
    size_t line;
    int supplement;
    char *errstr;
    size_t errstr_size;
} loader_t;

/* Adds place to the posting list of folded key[0..klen). Keys of one
 * place are added together, so a repeat (name and alternate folding
 * alike) is at the head of the list; a name added to a place later
 * (N rows) walks the whole list (recheck). */
static void add_key(sr_gazetteer_t *gz, uint32_t place, const char *key,
                    size_t klen, int recheck)
{
    sr_strmap_entry_t *e;
    int inserted;

    e = sr_strmap_upsert(&gz->names, sr_strmap_hash(key, klen), key, &inserted);
    if (inserted) {
        e->key = sr_arena_strndup(&gz->arena, key, klen);
    }
    for (uint32_t p = e->a; !inserted && p != GZ_NONE;
         p = recheck ? gz->postings[p].next : GZ_NONE) {
        if (gz->postings[p].place == place) {
            return;
        }
    }
    sr_xgrow((void **)&gz->postings, &gz->postings_cap, gz->npostings + 1,
             sizeof(*gz->postings));
    gz->postings[gz->npostings].place = place;
    gz->postings[gz->npostings].next = e->a;
    e->a = (uint32_t)gz->npostings++;
    e->b++;
}

/* Indexes the folded form of name[0..len) and, for a name of several
 * words, the words run together ("Bani Bangou" is also "Banibangou", "Tongo
 * Tongo" "Tongotongo") and, after an Arabic article, without it. */
static void index_key(sr_gazetteer_t *gz, uint32_t place, const char *name,
                      size_t len, int recheck)
{
    char key[GZ_KEY_MAX], squashed[GZ_KEY_MAX];
    size_t klen = sr_fold_name(name, len, key, sizeof(key)), n = 0;

    if (klen == 0) {
        return;
    }
    add_key(gz, place, key, klen, recheck);
    if (memchr(key, ' ', klen) == NULL) {
        return;
    }
    if (klen > 3 && memcmp(key, "al ", 3) == 0) {
        /* "Al Qamishli" is also "Qamishli" */
        add_key(gz, place, key + 3, klen - 3, recheck);
    }
    for (size_t i = 0; i < klen; i++) {
        if (key[i] != ' ') {
            squashed[n++] = key[i];
        }
    }
    squashed[n] = '\0';
    add_key(gz, place, squashed, n, recheck);
}

static void index_name(sr_gazetteer_t *gz, uint32_t place, const char *name,
                       size_t len)
{
    index_key(gz, place, name, len, 0);
}

/* Region names are also matched without their generic part: "Tillabéri
 * Region" as "Tillabéri", "Niger State" as "Niger". */
static void index_admin1_short(sr_gazetteer_t *gz, uint32_t place,
                               const char *name)
{
    static const char *const suffixes[] = {
        " region", " province", " state", " governorate", " department",
        " prefecture", " district", " division", " oblast",
    };
    static const char *const prefixes[] = {
        "region of ", "province of ", "state of ", "governorate of ",
        "department of ",
    };
    char key[GZ_KEY_MAX];
    size_t klen = sr_fold_name(name, strlen(name), key, sizeof(key));

    for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
        size_t sl = strlen(suffixes[i]);

        if (klen > sl && memcmp(key + klen - sl, suffixes[i], sl) == 0) {
            index_name(gz, place, key, klen - sl);
            return;
        }
    }
    for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
        size_t pl = strlen(prefixes[i]);

        if (klen > pl && memcmp(key, prefixes[i], pl) == 0) {
            index_name(gz, place, key + pl, klen - pl);
            return;
        }
    }
}

static void index_demonym(sr_gazetteer_t *gz, uint32_t place,
                          const char *word)
{
    char key[GZ_KEY_MAX];
    size_t klen = sr_fold_name(word, strlen(word), key, sizeof(key));
    sr_strmap_entry_t *e;
    int inserted;

    if (klen == 0) {
        return;
    }
    e = sr_strmap_upsert(&gz->demonyms, sr_strmap_hash(key, klen), key, &inserted);
    if (inserted) {
        e->key = sr_arena_strndup(&gz->arena, key, klen);
        e->a = place;
        return;
    }
    /* Shared demonyms ("American") go to the most populous country. */
    if (gz->places[place].population > gz->places[e->a].population) {
        e->a = place;
    }
}

/* Splits a '|' list in place and calls fn for each non-empty item;
 * returns the item count. */
static uint32_t split_list(sr_gazetteer_t *gz, uint32_t place, char *list,
                           void (*fn)(sr_gazetteer_t *, uint32_t,
                                      const char *))
{
    uint32_t n = 0;
    char *p = list;

    while (*p != '\0') {
        char *bar = strchr(p, '|');

        if (bar != NULL) {
            *bar = '\0';
        }
        if (*p != '\0') {
            n++;
            if (fn != NULL) {
                fn(gz, place, p);
            }
        }
        if (bar == NULL) {
            break;
        }
        p = bar + 1;
    }
    return n;
}

static void index_alternate(sr_gazetteer_t *gz, uint32_t place,
                            const char *name)
{
    index_name(gz, place, name, strlen(name));
}

static int row_error(loader_t *ld, const char *fmt, const char *arg)
{
    char msg[512];

    snprintf(msg, sizeof(msg), fmt, arg);
    sr_errstr_set(ld->errstr, ld->errstr_size, "%s:%zu: %s", ld->path,
                  ld->line, msg);
    return -1;
}

static int parse_coord(const char *s, double lim, double *out)
{
    char *end;

    errno = 0;
    *out = strtod(s, &end);
    return errno == 0 && end != s && *end == '\0' && *out >= -lim &&
           *out <= lim;
}

static int is_country_code(const char *s)
{
    return s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
           s[2] == '\0';
}

static const sr_place_t *find_id(const sr_gazetteer_t *gz, const char *id);

/* index_name() for a place whose names were indexed before: skipped when
 * the place already has that name. */
static void index_extra_name(sr_gazetteer_t *gz, uint32_t place,
                             const char *name)
{
    index_key(gz, place, name, strlen(name), 1);
    gz->places[place].alternate_count++;
}

/* An N row of the supplement: more names (name and alternates columns)
 * for the row with that id ("Turkey" for TR, "Sud-Kivu" for CD.12). */
static int load_names(loader_t *ld, char **col)
{
    sr_gazetteer_t *gz = ld->gz;
    const sr_place_t *pl;
    uint32_t idx;

    if (!ld->supplement) {
        return row_error(ld, "%sN rows belong in the supplement", "");
    }
    pl = find_id(gz, col[1]);
    if (pl == NULL) {
        return 0; /* one supplement serves every gazetteer build */
    }
    idx = (uint32_t)(pl - gz->places);
    if (col[2][0] != '\0') {
        index_extra_name(gz, idx, col[2]);
    }
    split_list(gz, idx, col[9], index_extra_name);
    return 0;
}

/* Parses one row (split into GZ_COLUMNS fields) into a new place. */
static int load_row(loader_t *ld, char **col)
{
    sr_gazetteer_t *gz = ld->gz;
    sr_place_t pl;
    sr_strmap_entry_t *e;
    uint32_t idx;
    int inserted;

    memset(&pl, 0, sizeof(pl));
    if (strcmp(col[0], "N") == 0) {
        return load_names(ld, col);
    }
    if (strcmp(col[0], "C") == 0) {
        pl.kind = SR_PLACE_COUNTRY;
    } else if (strcmp(col[0], "A") == 0) {
        pl.kind = SR_PLACE_ADMIN1;
    } else if (strcmp(col[0], "P") == 0) {
        pl.kind = SR_PLACE_CITY;
    } else {
        return row_error(ld, "bad kind '%s' (expected C, A, P or N)", col[0]);
    }
    pl.id = col[1];
    pl.name = col[2];
    pl.country_code = col[3];
    pl.admin1_code = col[4];
    pl.feature_code = col[8];
    pl.country_name = "";
    pl.admin1_name = "";
    if (pl.id[0] == '\0') {
        return row_error(ld, "%sempty id", "");
    }
    if (pl.name[0] == '\0') {
        return row_error(ld, "empty name for id '%s'", pl.id);
    }
    if (!is_country_code(pl.country_code)) {
        return row_error(ld, "bad country code '%s'", pl.country_code);
    }
    if (pl.kind == SR_PLACE_COUNTRY && strcmp(pl.id, pl.country_code) != 0) {
        return row_error(ld, "country row id '%s' differs from its country",
                         pl.id);
    }
    if (pl.kind == SR_PLACE_ADMIN1 &&
        (pl.admin1_code[0] == '\0' || strlen(pl.id) < 4 ||
         memcmp(pl.id, pl.country_code, 2) != 0 || pl.id[2] != '.' ||
         strcmp(pl.id + 3, pl.admin1_code) != 0)) {
        return row_error(ld, "admin1 row id '%s' is not COUNTRY.ADMIN1",
                         pl.id);
    }
    if (col[5][0] == '\0' && col[6][0] == '\0') {
        pl.has_coords = 0;
    } else if (!parse_coord(col[5], 90.0, &pl.lat)) {
        return row_error(ld, "bad latitude '%s'", col[5]);
    } else if (!parse_coord(col[6], 180.0, &pl.lon)) {
        return row_error(ld, "bad longitude '%s'", col[6]);
    } else {
        pl.has_coords = 1;
    }
    if (col[7][0] != '\0') {
        char *end;

        errno = 0;
        pl.population = strtoll(col[7], &end, 10);
        if (errno != 0 || *end != '\0' || pl.population < 0) {
            return row_error(ld, "bad population '%s'", col[7]);
        }
    }
    if (col[10][0] != '\0' && pl.kind != SR_PLACE_COUNTRY) {
        return row_error(ld, "demonyms on a non-country row '%s'", pl.id);
    }
    if (gz->nplaces >= GZ_NONE - 1) {
        return row_error(ld, "%stoo many rows", "");
    }
    idx = (uint32_t)gz->nplaces;
    e = sr_strmap_upsert(&gz->ids, sr_strmap_hash(pl.id, strlen(pl.id)), pl.id,
                   &inserted);
    if (!inserted) {
        return row_error(ld,
                         ld->supplement
                             ? "id '%s' already in the gazetteer (the "
                               "supplement may only add rows)"
                             : "duplicate id '%s'",
                         pl.id);
    }
    e->a = idx;
    sr_xgrow((void **)&gz->places, &gz->places_cap, gz->nplaces + 1,
             sizeof(*gz->places));
    gz->places[gz->nplaces++] = pl;
    gz->counts[pl.kind]++;

    index_name(gz, idx, pl.name, strlen(pl.name));
    gz->places[idx].alternate_count =
        split_list(gz, idx, col[9], index_alternate);
    if (pl.kind == SR_PLACE_ADMIN1) {
        index_admin1_short(gz, idx, pl.name);
    }
    if (pl.kind == SR_PLACE_COUNTRY) {
        split_list(gz, idx, col[10], index_demonym);
    }
    return 0;
}

static char *read_file(sr_gazetteer_t *gz, const char *path, size_t *len,
                       char *errstr, size_t errstr_size)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    char *buf = NULL;
    size_t n;

    if (f == NULL) {
        sr_errstr_set(errstr, errstr_size, "%s: %s", path, strerror(errno));
        return NULL;
    }
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        sr_errstr_set(errstr, errstr_size, "%s: not a regular file", path);
        goto out;
    }
    if ((unsigned long long)st.st_size > GZ_MAX_FILE_BYTES) {
        sr_errstr_set(errstr, errstr_size, "%s: larger than %llu bytes",
                      path, GZ_MAX_FILE_BYTES);
        goto out;
    }
    buf = sr_arena_alloc(&gz->arena, (size_t)st.st_size + 1);
    n = fread(buf, 1, (size_t)st.st_size, f);
    if (n != (size_t)st.st_size || ferror(f)) {
        sr_errstr_set(errstr, errstr_size, "%s: short read", path);
        buf = NULL; /* freed with the arena */
        goto out;
    }
    buf[n] = '\0';
    *len = n;
out:
    fclose(f);
    return buf;
}

static int load_file(sr_gazetteer_t *gz, const char *path, int supplement,
                     char *errstr, size_t errstr_size)
{
    loader_t ld = {gz, path, 0, supplement, errstr, errstr_size};
    size_t len;
    char *buf = read_file(gz, path, &len, errstr, errstr_size);
    char *p, *end;

    if (buf == NULL) {
        return -1;
    }
    if (memchr(buf, '\0', len) != NULL) {
        sr_errstr_set(errstr, errstr_size, "%s: contains a NUL byte", path);
        return -1;
    }
    end = buf + len;
    for (p = buf; p < end;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *line_end = nl ? nl : end;
        char *col[GZ_COLUMNS];
        size_t ncol;

        ld.line++;
        *line_end = '\0';
        if (line_end > p && line_end[-1] == '\r') {
            line_end[-1] = '\0';
        }
        if (*p != '#' && *p != '\0') {
            ncol = sr_split_fields(p, '\t', col, GZ_COLUMNS);
            if (ncol != GZ_COLUMNS) {
                char n[32];

                snprintf(n, sizeof(n), "%zu", ncol);
                return row_error(&ld,
                                 "expected 11 tab-separated columns, got %s",
                                 n);
            }
            if (load_row(&ld, col) != 0) {
                return -1;
            }
        }
        p = line_end + 1;
    }
    return 0;
}

static int prominence_cmp(const sr_place_t *places, uint32_t a, uint32_t b)
{
    const sr_place_t *pa = &places[a], *pb = &places[b];

    if (pa->kind != pb->kind) {
        return pa->kind < pb->kind ? -1 : 1;
    }
    if (pa->population != pb->population) {
        return pa->population > pb->population ? -1 : 1;
    }
    if (pa->alternate_count != pb->alternate_count) {
        return pa->alternate_count > pb->alternate_count ? -1 : 1;
    }
    return a < b ? -1 : (a > b ? 1 : 0);
}

/* A town that lies in a same-named admin1 region ("Tillabéri" in
 * Tillabéri Region, "New York" in New York) moves before the regions:
 * news text that names it bare means the town, and Nominatim's importance
 * ranks such towns first too. run[0..n) is sorted by prominence. */
static void seats_first(const sr_gazetteer_t *gz, uint32_t *run, size_t n)
{
    size_t first_a = 0, end_a;

    while (first_a < n && gz->places[run[first_a]].kind == SR_PLACE_COUNTRY) {
        first_a++;
    }
    end_a = first_a;
    while (end_a < n && gz->places[run[end_a]].kind == SR_PLACE_ADMIN1) {
        end_a++;
    }
    for (size_t j = end_a; j < n && end_a > first_a; j++) {
        const sr_place_t *c = &gz->places[run[j]];
        int seat = 0;

        if (strncmp(c->feature_code, "PPL", 3) != 0) {
            continue; /* a unit (ADM2) is no town */
        }
        for (size_t k = first_a; k < end_a && !seat; k++) {
            const sr_place_t *a = &gz->places[run[k]];

            seat = c->admin1_code[0] != '\0' &&
                   strcmp(a->country_code, c->country_code) == 0 &&
                   strcmp(a->admin1_code, c->admin1_code) == 0;
        }
        if (seat) {
            uint32_t v = run[j];

            memmove(run + first_a + 1, run + first_a,
                    (j - first_a) * sizeof(*run));
            run[first_a++] = v;
            end_a++;
        }
    }
}

/* Every leading part of every folded name (each byte length), hashed into
 * a bit set: a text whose first word folds to no such part starts no name,
 * which spares recognition most of its lookups of capitalised words. A set
 * bit may be a false hit (then the lookups run as before), a clear bit is
 * never wrong. */
#define GZ_PREFIX_LOG2 24
#define GZ_PREFIX_BITS (1u << GZ_PREFIX_LOG2)
#define PREFIX_HASH_SEED 1469598103934665603ull /* FNV-1a offset basis */

static inline uint64_t prefix_hash_step(uint64_t h, unsigned char c)
{
    return (h ^ c) * 1099511628211ull;
}

/* The bit of hash h: FNV's high bits mix best. */
static inline size_t prefix_index(uint64_t h)
{
    return (size_t)(h >> (64 - GZ_PREFIX_LOG2));
}

static inline int prefix_bit(const uint64_t *bits, uint64_t h)
{
    size_t b = prefix_index(h);

    return (bits[b / 64] >> (b % 64)) & 1;
}

static void build_prefixes(sr_gazetteer_t *gz)
{
    gz->prefix_bits = sr_xcalloc(GZ_PREFIX_BITS / 64, sizeof(uint64_t));
    for (size_t i = 0; i < sr_strmap_slots(&gz->names); i++) {
        const char *k = gz->names.slots[i].key;
        uint64_t h = PREFIX_HASH_SEED;

        for (; k != NULL && *k != '\0'; k++) {
            size_t b;

            h = prefix_hash_step(h, (unsigned char)*k);
            b = prefix_index(h);
            gz->prefix_bits[b / 64] |= 1ull << (b % 64);
        }
    }
}

/* Turns the linked posting lists into runs sorted by prominence (insertion
 * sort: runs are short, a handful of same-named places). */
static void build_runs(sr_gazetteer_t *gz)
{
    size_t pos = 0;

    gz->runs = sr_xmalloc((gz->npostings ? gz->npostings : 1) *
                          sizeof(*gz->runs));
    for (size_t i = 0; i < sr_strmap_slots(&gz->names); i++) {
        sr_strmap_entry_t *e = &gz->names.slots[i];
        size_t start = pos;

        if (e->key == NULL) {
            continue;
        }
        for (uint32_t p = e->a; p != GZ_NONE; p = gz->postings[p].next) {
            uint32_t v = gz->postings[p].place;
            size_t j = pos++;

            while (j > start &&
                   prominence_cmp(gz->places, v, gz->runs[j - 1]) < 0) {
                gz->runs[j] = gz->runs[j - 1];
                j--;
            }
            gz->runs[j] = v;
        }
        seats_first(gz, gz->runs + start, pos - start);
        e->a = (uint32_t)start;
        e->b = (uint32_t)(pos - start);
    }
    free(gz->postings);
    gz->postings = NULL;
    gz->npostings = 0;
    gz->postings_cap = 0;
}

static const sr_place_t *find_id(const sr_gazetteer_t *gz, const char *id)
{
    sr_strmap_entry_t *e = sr_strmap_find(&gz->ids, sr_strmap_hash(id, strlen(id)), id);

    return e ? &gz->places[e->a] : NULL;
}

/* Fills country_name and admin1_name from the C and A rows. */
static void link_containers(sr_gazetteer_t *gz)
{
    for (size_t i = 0; i < gz->nplaces; i++) {
        sr_place_t *pl = &gz->places[i];
        const sr_place_t *c = find_id(gz, pl->country_code);

        pl->country_name = c ? c->name : "";
        if (pl->kind == SR_PLACE_ADMIN1) {
            pl->admin1_name = pl->name;
        } else if (pl->admin1_code[0] != '\0') {
            const sr_place_t *a = sr_gazetteer_admin1(gz, pl->country_code,
                                                      pl->admin1_code);

            pl->admin1_name = a ? a->name : "";
        }
    }
}

sr_gazetteer_t *sr_gazetteer_open(const char *path,
                                  const char *supplement_path, char *errstr,
                                  size_t errstr_size)
{
    sr_gazetteer_t *gz = sr_xcalloc(1, sizeof(*gz));

    if (path == NULL || path[0] == '\0') {
        sr_errstr_set(errstr, errstr_size, "no gazetteer path given");
        goto err;
    }
    if (load_file(gz, path, 0, errstr, errstr_size) != 0) {
        goto err;
    }
    if (supplement_path != NULL && supplement_path[0] != '\0' &&
        load_file(gz, supplement_path, 1, errstr, errstr_size) != 0) {
        goto err;
    }
    build_runs(gz);
    build_prefixes(gz);
    link_containers(gz);
    return gz;

err:
    sr_gazetteer_destroy(gz);
    return NULL;
}

sr_gazetteer_t *sr_gazetteer_open_config(const sr_config_t *cfg,
                                         char *errstr, size_t errstr_size)
{
    char err[1024];
    sr_gazetteer_t *gz = sr_gazetteer_open(cfg->gazetteer_path,
                                           cfg->places_path, err,
                                           sizeof(err));

    if (gz == NULL) {
        sr_errstr_set(errstr, errstr_size,
                      "gazetteer: %s (build it with `make gazetteer`, or set "
                      "gazetteer.path)",
                      err);
    }
    return gz;
}

void sr_gazetteer_destroy(sr_gazetteer_t *gz)
{
    if (gz == NULL) {
        return;
    }
    sr_arena_clear(&gz->arena);
    free(gz->places);
    sr_strmap_clear(&gz->names);
    free(gz->postings);
    free(gz->runs);
    free(gz->prefix_bits);
    sr_strmap_clear(&gz->demonyms);
    sr_strmap_clear(&gz->ids);
    free(gz);
}

static const sr_strmap_entry_t *find_name(const sr_gazetteer_t *gz,
                                    const char *name, size_t len)
{
    char key[GZ_KEY_MAX];
    size_t klen = sr_fold_name(name, len, key, sizeof(key));

    if (klen == 0) {
        return NULL;
    }
    return sr_strmap_find(&gz->names, sr_strmap_hash(key, klen), key);
}

size_t sr_gazetteer_lookup(const sr_gazetteer_t *gz, const char *name,
                           size_t len, const sr_place_t **out, size_t max)
{
    const sr_strmap_entry_t *e = find_name(gz, name, len);

    if (e == NULL) {
        return 0;
    }
    for (size_t i = 0; i < e->b && i < max; i++) {
        out[i] = &gz->places[gz->runs[e->a + i]];
    }
    return e->b;
}

const sr_place_t *sr_gazetteer_country(const sr_gazetteer_t *gz,
                                       const char *cc)
{
    char up[3];
    const sr_place_t *pl;

    if (cc == NULL || cc[0] == '\0' || cc[1] == '\0' || cc[2] != '\0') {
        return NULL;
    }
    up[0] = (char)(cc[0] >= 'a' && cc[0] <= 'z' ? cc[0] - 32 : cc[0]);
    up[1] = (char)(cc[1] >= 'a' && cc[1] <= 'z' ? cc[1] - 32 : cc[1]);
    up[2] = '\0';
    pl = find_id(gz, up);
    return pl != NULL && pl->kind == SR_PLACE_COUNTRY ? pl : NULL;
}

const sr_place_t *sr_gazetteer_demonym(const sr_gazetteer_t *gz,
                                       const char *word, size_t len)
{
    char key[GZ_KEY_MAX];
    size_t klen = sr_fold_name(word, len, key, sizeof(key));
    sr_strmap_entry_t *e;

    if (klen == 0) {
        return NULL;
    }
    e = sr_strmap_find(&gz->demonyms, sr_strmap_hash(key, klen), key);
    if (e == NULL && klen > 1 && key[klen - 1] == 's') {
        /* Plurals ("Nigeriens") when the data lists only the singular. */
        key[--klen] = '\0';
        e = sr_strmap_find(&gz->demonyms, sr_strmap_hash(key, klen), key);
    }
    return e ? &gz->places[e->a] : NULL;
}

const sr_place_t *sr_gazetteer_admin1(const sr_gazetteer_t *gz,
                                      const char *cc, const char *code)
{
    char id[GZ_KEY_MAX];
    const sr_place_t *pl;

    if (cc == NULL || code == NULL || code[0] == '\0') {
        return NULL;
    }
    if ((size_t)snprintf(id, sizeof(id), "%s.%s", cc, code) >= sizeof(id)) {
        return NULL;
    }
    pl = find_id(gz, id);
    return pl != NULL && pl->kind == SR_PLACE_ADMIN1 ? pl : NULL;
}

/* Characters that may join the words of one name: "Tongo Tongo",
 * "Bobo-Dioulasso", "St. Louis", "N'Djamena". Anything else (commas,
 * brackets, line breaks) ends the name. */
static int is_name_joiner(const char *s, size_t len, size_t *n)
{
    unsigned char c = (unsigned char)s[0];

    *n = 1;
    if (c == ' ' || c == '-' || c == '.' || c == '\'') {
        return 1;
    }
    if (len >= 2 && c == 0xC2 && (unsigned char)s[1] == 0xA0) { /* NBSP */
        *n = 2;
        return 1;
    }
    if (len >= 3 && c == 0xE2 && (unsigned char)s[1] == 0x80) {
        unsigned char d = (unsigned char)s[2];

        /* U+2010/2011 hyphens, U+2018/2019 quotes */
        if (d == 0x90 || d == 0x91 || d == 0x98 || d == 0x99) {
            *n = 3;
            return 1;
        }
    }
    return 0;
}

#define LONGEST_BATCH 16

/* sr_fold_is_word_char with its ASCII case inline: it runs per byte. */
static inline int word_char(const char *s, size_t len, size_t *n)
{
    unsigned char c = (unsigned char)s[0];

    if (c < 0x80) {
        *n = 1;
        return (unsigned)(c | 0x20) - 'a' < 26u || (unsigned)c - '0' < 10u;
    }
    return sr_fold_is_word_char(s, len, n);
}

/* Folded alone, text whose last word is "el" ends in "al" ("Ras el"),
 * which the longer text may not have ("El'Garo" folds to "elgaro"). */
static int ends_in_article(const char *key, size_t len)
{
    return len >= 2 && key[len - 2] == 'a' && key[len - 1] == 'l' &&
           (len == 2 || key[len - 3] == ' ');
}

/* Looks up prefixes [from, to) of the folded key (prefix k has klen[k]
 * bytes, text up to ends[k]): the last that names a place sets *best.
 * Stops at the first that begins no name (sets *done: no longer one
 * names a place); returns where it stopped. */
static size_t lookup_prefixes(const sr_gazetteer_t *gz, char *key,
                              const size_t *klen, const size_t *ends,
                              size_t from, size_t to, size_t *best, int *done)
{
    uint64_t h = PREFIX_HASH_SEED;
    size_t hashed = 0;

    for (size_t k = from; k < to; k++) {
        char after = key[klen[k]];

        if (klen[k] == 0) {
            continue;
        }
        for (; hashed < klen[k]; hashed++) {
            h = prefix_hash_step(h, (unsigned char)key[hashed]);
        }
        if (!prefix_bit(gz->prefix_bits, h)) {
            *done = 1;
            return k;
        }
        key[klen[k]] = '\0';
        if (sr_strmap_find(&gz->names, sr_strmap_hash(key, klen[k]), key) !=
            NULL) {
            *best = ends[k];
        }
        key[klen[k]] = after;
    }
    return to;
}

/* The last of text[0..ends[k]) that names a place, else best. The first
 * LONGEST_FIRST words are folded and looked up alone first: most text
 * stops beginning a name there, and the rest is never folded. Then all
 * prefixes are folded in one pass and the others looked up in order. */
#define LONGEST_FIRST 2
static size_t longest_of(const sr_gazetteer_t *gz, const char *text,
                         const size_t *ends, size_t nends, size_t best,
                         int *done)
{
    char key[GZ_KEY_MAX];
    size_t klen[LONGEST_BATCH];
    size_t first = nends < LONGEST_FIRST ? nends : LONGEST_FIRST, to, from;

    sr_fold_name_prefixes(text, ends[first - 1], key, sizeof(key), ends,
                          klen, first);
    /* the last of them is left to the whole fold if its end may differ */
    to = first < nends && ends_in_article(key, klen[first - 1]) ? first - 1
                                                                 : first;
    from = lookup_prefixes(gz, key, klen, ends, 0, to, &best, done);
    if (*done || first == nends) {
        return best;
    }
    sr_fold_name_prefixes(text, ends[nends - 1], key, sizeof(key), ends,
                          klen, nends);
    lookup_prefixes(gz, key, klen, ends, from, nends, &best, done);
    return best;
}

size_t sr_gazetteer_longest_name(const sr_gazetteer_t *gz, const char *text,
                                 size_t len, int max_words)
{
    size_t pos = 0, best = 0, n, ends[LONGEST_BATCH], nends = 0;
    int words = 0, done = 0;

    while (pos < len && words < max_words && !done) {
        size_t gap = 0;

        if (!word_char(text + pos, len - pos, &n)) {
            break;
        }
        while (pos < len && word_char(text + pos, len - pos, &n)) {
            pos += n;
        }
        words++;
        /* the name may end here: looked up with the others in a batch */
        ends[nends++] = pos;
        if (nends == LONGEST_BATCH) {
            best = longest_of(gz, text, ends, nends, best, &done);
            nends = 0;
        }
        /* At most a few joiners between two words ("St. Louis"). */
        while (pos < len && gap < 3 && is_name_joiner(text + pos, len - pos,
                                                     &n)) {
            pos += n;
            gap++;
        }
        if (gap == 0) {
            break;
        }
    }
    return nends > 0 && !done ? longest_of(gz, text, ends, nends, best, &done)
                              : best;
}

size_t sr_gazetteer_count(const sr_gazetteer_t *gz, sr_place_kind_t kind)
{
    if ((int)kind < 0 || (int)kind > 2) {
        return 0;
    }
    return gz->counts[kind];
}
