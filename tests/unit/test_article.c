/* test_article.c - the input article decoder (contract 3.1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "check.h"
#include "html.h"
#include "utf8.h"

static const sr_article_limits_t limits = {1 << 20, 1000};

/* Decodes a NUL-terminated payload; returns the code and keeps errstr. */
static sr_err_t decode(const char *payload, sr_article_t *art, char *err,
                       size_t errsz)
{
    err[0] = '\0';
    return sr_article_decode(payload, strlen(payload), &limits, art, err,
                             errsz);
}

static void test_json_fields(void)
{
    sr_article_t art;
    char err[256];

    sr_article_init(&art);
    CHECK_INT_EQ(decode("{\"id\":\"a1\",\"url\":\"https://x.test/1\","
                        "\"source\":\"Wire\",\"title\":\"T\","
                        "\"published_at\":\"2019-12-12\",\"language\":\"en\","
                        "\"body\":\"One.\\n\\nTwo.\",\"extra\":[1,2]}",
                        &art, err, sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(art.id, "a1");
    CHECK_STR_EQ(art.url, "https://x.test/1");
    CHECK_STR_EQ(art.source, "Wire");
    CHECK_STR_EQ(art.title, "T");
    CHECK_STR_EQ(art.language, "en");
    CHECK_STR_EQ(art.published_at, "2019-12-12");
    CHECK_INT_EQ(art.has_published, 1);
    CHECK_INT_EQ(art.pub_year, 2019);
    CHECK_INT_EQ(art.pub_month, 12);
    CHECK_INT_EQ(art.pub_day, 12);
    CHECK_STR_EQ(art.body, "One.\n\nTwo.");
    CHECK_INT_EQ(art.body_len, strlen("One.\n\nTwo."));
    CHECK_INT_EQ(art.was_json, 1);
    CHECK_INT_EQ(art.from_html, 0);
    sr_article_clear(&art);
    CHECK(art.body == NULL && art.id == NULL);
}

static void test_json_minimal_and_nulls(void)
{
    sr_article_t art;
    char err[256];

    sr_article_init(&art);
    CHECK_INT_EQ(decode("  \n{\"id\":null,\"url\":\"\",\"body\":\"Text\"}",
                        &art, err, sizeof(err)),
                 SR_OK);
    CHECK(art.id == NULL);
    CHECK(art.url == NULL);
    CHECK(art.published_at == NULL);
    CHECK_INT_EQ(art.has_published, 0);
    CHECK_STR_EQ(art.body, "Text");
    sr_article_clear(&art);
}

static void test_wrong_types(void)
{
    static const char *const cases[][2] = {
        {"{\"id\":42,\"body\":\"x\"}", "\"id\" must be a string, not a number"},
        {"{\"url\":[],\"body\":\"x\"}", "\"url\" must be a string, not an array"},
        {"{\"title\":{},\"body\":\"x\"}", "\"title\" must be a string, not an object"},
        {"{\"published_at\":true,\"body\":\"x\"}",
         "\"published_at\" must be a string, not a boolean"},
        {"{\"body\":7}", "\"body\" must be a string, not a number"},
        {"{\"html\":1.5}", "\"html\" must be a string, not a number"},
        {"{\"language\":false,\"body\":\"x\"}", "\"language\" must be a string"},
        {"{\"source\":1,\"body\":\"x\"}", "\"source\" must be a string"},
    };
    sr_article_t art;
    char err[256];

    sr_article_init(&art);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        CHECK_INT_EQ(decode(cases[i][0], &art, err, sizeof(err)),
                     SR_ERR_INVALID);
        CHECK(strstr(err, cases[i][1]) != NULL);
        CHECK(art.id == NULL && art.body == NULL);
    }
}

static void test_invalid_json(void)
{
    sr_article_t art;
    char err[256];

    sr_article_init(&art);
    CHECK_INT_EQ(decode("{\"body\": \"x\",\n \"id\": }", &art, err,
                        sizeof(err)),
                 SR_ERR_INVALID);
    CHECK(strstr(err, "invalid JSON at line 2 column") != NULL);
    CHECK_INT_EQ(decode("{\"body\":\"x\"} trailing", &art, err, sizeof(err)),
                 SR_ERR_INVALID);
    CHECK(strstr(err, "invalid JSON") != NULL);
    CHECK_INT_EQ(decode("{\"body\":\"x\",\"body\":\"y\"}", &art, err,
                        sizeof(err)),
                 SR_ERR_INVALID);
    CHECK(strstr(err, "duplicate") != NULL);
    CHECK_INT_EQ(decode("{\"body\":\"a\\u0000b\"}", &art, err, sizeof(err)),
                 SR_ERR_INVALID);
    CHECK_INT_EQ(decode("{\"id\":\"x\"}", &art, err, sizeof(err)),
                 SR_ERR_INVALID);
    CHECK(strstr(err, "neither \"body\" nor \"html\"") != NULL);
    CHECK_INT_EQ(decode("{\"body\":\"x\",\"published_at\":\"yesterday\"}",
                        &art, err, sizeof(err)),
                 SR_ERR_INVALID);
    CHECK(strstr(err, "published_at") != NULL);
    CHECK(art.body == NULL);
}

/* A JSON article whose "a" holds depth nested arrays; the caller frees. */
static char *nested(const char *prefix, int depth)
{
    char *doc = malloc(strlen(prefix) + 2 * (size_t)depth + 2);
    size_t n = (size_t)sprintf(doc, "%s", prefix);

    memset(doc + n, '[', (size_t)depth);
    memset(doc + n + depth, ']', (size_t)depth);
    n += 2 * (size_t)depth;
    doc[n++] = '}';
    doc[n] = '\0';
    return doc;
}

static void test_deep_nesting(void)
{
    sr_article_t art;
    char err[256];
    char *deep = nested("{\"body\":\"x\",\"a\":", 100);

    sr_article_init(&art);
    CHECK_INT_EQ(decode(deep, &art, err, sizeof(err)), SR_ERR_INVALID);
    CHECK(strstr(err, "nested deeper than 64") != NULL);
    free(deep);

    /* Brackets inside strings do not count; 60 real levels are fine. */
    deep = nested("{\"body\":\"[[[[{{{{\\\"[[[[\",\"a\":", 60);
    CHECK_INT_EQ(decode(deep, &art, err, sizeof(err)), SR_OK);
    CHECK_STR_EQ(art.body, "[[[[{{{{\"[[[[");
    sr_article_clear(&art);
    free(deep);

    /* 100000 levels of unclosed objects: refused before parsing. */
    deep = malloc(100000 * 5 + 1);
    for (int i = 0; i < 100000; i++) {
        memcpy(deep + 5 * i, "{\"a\":", 5);
    }
    deep[100000 * 5] = '\0';
    CHECK_INT_EQ(decode(deep, &art, err, sizeof(err)), SR_ERR_INVALID);
    CHECK(strstr(err, "nested deeper than 64 levels at byte offset 320") !=
          NULL);
    free(deep);
}

static void test_plain_text(void)
{
    sr_article_t art;
    char err[256];

    sr_article_init(&art);
    CHECK_INT_EQ(decode("\xEF\xBB\xBF  First line\r\nsame para  \r\n"
                        "  \r\n\r\n\n Second\u00A0para.\u00A0\u00A0\n\n\n",
                        &art, err, sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(art.body, "First line\nsame para\n\nSecond\u00A0para.");
    CHECK_INT_EQ(art.was_json, 0);
    CHECK(art.id == NULL);
    /* Not an object: JSON arrays and strings are plain text too. */
    CHECK_INT_EQ(decode("[1, 2] are numbers", &art, err, sizeof(err)), SR_OK);
    CHECK_STR_EQ(art.body, "[1, 2] are numbers");
    CHECK_INT_EQ(decode("\"Quoted,\" he said.\rNext", &art, err,
                        sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(art.body, "\"Quoted,\" he said.\nNext");
    sr_article_clear(&art);
}

static void test_empty(void)
{
    sr_article_t art;
    char err[256];

    sr_article_init(&art);
    CHECK_INT_EQ(decode("", &art, err, sizeof(err)), SR_ERR_EMPTY);
    CHECK_INT_EQ(decode(" \r\n\t\n", &art, err, sizeof(err)), SR_ERR_EMPTY);
    CHECK_INT_EQ(decode("{\"body\":\"  \\n\\n \"}", &art, err, sizeof(err)),
                 SR_ERR_EMPTY);
    CHECK(strstr(err, "empty") != NULL);
    CHECK_INT_EQ(decode("{\"body\":null,\"html\":\"<p> </p>\"}", &art, err,
                        sizeof(err)),
                 SR_ERR_EMPTY);
    CHECK_INT_EQ(decode("{\"html\":\"<script>x</script>&nbsp;\"}", &art,
                        err, sizeof(err)),
                 SR_ERR_EMPTY);
}

static void test_invalid_bytes(void)
{
    static const char garbage[] = "\xC3\x01\x8a\x00\xff\xfe\x10\x20";
    static const char nul_inside[] = "Text\0more";
    static const char ctrl[] = "Text\x01\x02 more";
    sr_article_t art;
    char err[256];

    sr_article_init(&art);
    CHECK_INT_EQ(sr_article_decode(garbage, sizeof(garbage) - 1, &limits,
                                   &art, err, sizeof(err)),
                 SR_ERR_INVALID);
    CHECK_STR_EQ(err, "invalid UTF-8 at byte offset 0");
    CHECK_INT_EQ(decode("ok \xE2\x82 then", &art, err, sizeof(err)),
                 SR_ERR_INVALID);
    CHECK_STR_EQ(err, "invalid UTF-8 at byte offset 3");
    /* Overlong encodings and surrogates are not UTF-8. */
    CHECK_INT_EQ(decode("a\xC0\xAF", &art, err, sizeof(err)),
                 SR_ERR_INVALID);
    CHECK_INT_EQ(decode("ab\xED\xA0\x80", &art, err, sizeof(err)),
                 SR_ERR_INVALID);
    CHECK_STR_EQ(err, "invalid UTF-8 at byte offset 2");
    CHECK_INT_EQ(decode("{\"body\":\"\xF5\x80\x80\x80\"}", &art, err,
                        sizeof(err)),
                 SR_ERR_INVALID);
    CHECK_STR_EQ(err, "invalid UTF-8 at byte offset 9");
    CHECK_INT_EQ(sr_article_decode(nul_inside, sizeof(nul_inside) - 1,
                                   &limits, &art, err, sizeof(err)),
                 SR_ERR_INVALID);
    CHECK_STR_EQ(err, "NUL byte at byte offset 4");
    CHECK_INT_EQ(decode(ctrl, &art, err, sizeof(err)), SR_ERR_INVALID);
    CHECK(strstr(err, "control byte 0x01 at byte offset 4") != NULL);
    /* Valid 4-byte UTF-8 passes. */
    CHECK_INT_EQ(decode("Emoji \xF0\x9F\x98\x80 ok", &art, err, sizeof(err)),
                 SR_OK);
    sr_article_clear(&art);
}

static void test_limits(void)
{
    sr_article_limits_t small = {32, 2};
    sr_article_t art;
    char err[256];
    const char *big = "0123456789012345678901234567890123456789";

    sr_article_init(&art);
    CHECK_INT_EQ(sr_article_decode(big, strlen(big), &small, &art, err,
                                   sizeof(err)),
                 SR_ERR_TOO_LARGE);
    CHECK(strstr(err, "40 bytes") != NULL);
    CHECK_INT_EQ(sr_article_decode("a\n\nb\n\nc", 7, &small, &art, err,
                                   sizeof(err)),
                 SR_ERR_TOO_LARGE);
    CHECK(strstr(err, "3 paragraphs") != NULL);
    CHECK_INT_EQ(sr_article_decode("a\n\nb\nc", 6, &small, &art, err,
                                   sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(art.body, "a\n\nb\nc");
    CHECK_INT_EQ(sr_article_decode("{\"html\":\"<p>a<p>b<p>c\"}", 23, &small,
                                   &art, err, sizeof(err)),
                 SR_ERR_TOO_LARGE);
    sr_article_clear(&art);
}

static void test_html(void)
{
    sr_article_t art;
    char err[256];

    sr_article_init(&art);
    sr_err_t rc = decode(
        "{\"html\":\"<!DOCTYPE html><html><head><title>Site</title>"
               "<style>p{color:red}</style></head><body>"
               "<h1>Attack   in\\n Inates</h1><!-- ad <p>slot</p> -->"
               "<p class=\\\"lead\\\" data-x='a>b'>Soldiers &amp; "
               "civilians were <b>killed</b>&nbsp;on Tuesday.</p>"
               "<SCRIPT type=\\\"text/javascript\\\">var s = \\\"</p>\\\";"
               "</SCRIPT><div>Caf&eacute; &#233;&#xE9; &lt;ok&gt; "
               "&ldquo;q&rdquo; &unknown; & x<br/>line two</div>"
               "<noscript>enable js</noscript><ul><li>one</li><li>two"
               "</li></ul>1 &lt 2 &#0; end</body></html>\"}",
        &art, err, sizeof(err));

    CHECK_INT_EQ(rc, SR_OK);
    CHECK_STR_EQ(art.body,
                 "Attack in Inates\n\n"
                 "Soldiers & civilians were killed on Tuesday.\n\n"
                 "Caf\u00E9 \u00E9\u00E9 <ok> \u201Cq\u201D &unknown; & x\n\n"
                 "line two\n\none\n\ntwo\n\n1 &lt 2 \uFFFD end");
    CHECK_INT_EQ(art.from_html, 1);
    /* A head without </head> ends at <body>; a bare '<' is text. */
    CHECK_INT_EQ(decode("{\"html\":\"<head><title>T</title><body>a < b"
                        "</body>\"}",
                        &art, err, sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(art.body, "a < b");
    /* A self-closed svg drops nothing. */
    CHECK_INT_EQ(decode("{\"html\":\"<p>a<svg viewBox='0 0 1 1'/> b</p>\"}",
                        &art, err, sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(art.body, "a b");
    /* Unterminated script and comment swallow the rest, no overrun. */
    CHECK_INT_EQ(decode("{\"html\":\"<p>kept</p><script>lost\"}", &art, err,
                        sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(art.body, "kept");
    CHECK_INT_EQ(decode("{\"html\":\"<p>kept</p><!-- lost\"}", &art, err,
                        sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(art.body, "kept");
    /* Menus, related-story boxes and footers are dropped; an unclosed one
     * is kept as a paragraph rather than losing the story after it. */
    CHECK_INT_EQ(decode("{\"html\":\"<nav><a>Home</a></nav><p>story</p>"
                        "x<aside><li>Bomb kills 40</li></aside>y"
                        "<footer>(c) Site</footer>\"}",
                        &art, err, sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(art.body, "story\n\nx\n\ny");
    CHECK_INT_EQ(decode("{\"html\":\"<aside>box<p>story</p>\"}", &art, err,
                        sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(art.body, "box\n\nstory");
    /* "body" wins over "html" when both are given. */
    CHECK_INT_EQ(decode("{\"html\":\"<p>h</p>\",\"body\":\"b\"}", &art, err,
                        sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(art.body, "b");
    CHECK_INT_EQ(art.from_html, 0);
    sr_article_clear(&art);
}

/* A numeric space is a space: it collapses and never starts or ends the
 * text (sr_html_to_text promises no blanks at either end). */
static void test_html_numeric_space(void)
{
    static const char html[] = "<p>&#32;a&#32;&#x20; b&#32;</p><p>&#32;</p>";
    sr_buf_t out;
    char err[256];

    sr_buf_init(&out, 0);
    CHECK_INT_EQ(sr_html_to_text(html, strlen(html), &out, err, sizeof(err)),
                 SR_OK);
    CHECK_STR_EQ(sr_buf_str(&out), "a b");
    sr_buf_clear(&out);
}

static void test_parse_date(void)
{
    int y = 0, m = 0, d = 0;

    CHECK_INT_EQ(sr_parse_date("2019-12-10", &y, &m, &d), SR_OK);
    CHECK(y == 2019 && m == 12 && d == 10);
    CHECK_INT_EQ(sr_parse_date("2019-12-10T23:30:00Z", &y, &m, &d), SR_OK);
    CHECK(y == 2019 && m == 12 && d == 10);
    CHECK_INT_EQ(sr_parse_date("2019-12-31T23:30:00-01:00", &y, &m, &d),
                 SR_OK);
    CHECK(y == 2020 && m == 1 && d == 1);
    CHECK_INT_EQ(sr_parse_date("2020-03-01T00:30:00.123+01:00", &y, &m, &d),
                 SR_OK);
    CHECK(y == 2020 && m == 2 && d == 29);
    CHECK_INT_EQ(sr_parse_date("2019-12-10t08:00:00z", &y, &m, &d), SR_OK);
    CHECK_INT_EQ(sr_parse_date("2019-12-10 08:00:00+05:30", &y, &m, &d),
                 SR_OK);
    CHECK(y == 2019 && m == 12 && d == 10);
    CHECK_INT_EQ(sr_parse_date("2019-02-29", &y, &m, &d), SR_ERR_INVALID);
    CHECK_INT_EQ(sr_parse_date("2019-13-01", &y, &m, &d), SR_ERR_INVALID);
    CHECK_INT_EQ(sr_parse_date("2019-12-10T25:00:00Z", &y, &m, &d),
                 SR_ERR_INVALID);
    /* Lenient ISO 8601 variants. */
    CHECK_INT_EQ(sr_parse_date("2019-12-10T23:00:00", &y, &m, &d), SR_OK);
    CHECK(y == 2019 && m == 12 && d == 10);
    CHECK_INT_EQ(sr_parse_date("2019-12-10T23:00-0200", &y, &m, &d), SR_OK);
    CHECK(y == 2019 && m == 12 && d == 11);
    CHECK_INT_EQ(sr_parse_date("2019-12-10T01:00:00+05", &y, &m, &d), SR_OK);
    CHECK(y == 2019 && m == 12 && d == 9);
    CHECK_INT_EQ(sr_parse_date("2019-12-10T10:00:00+01:0", &y, &m, &d),
                 SR_ERR_INVALID);
    CHECK_INT_EQ(sr_parse_date("2019-12-10T10:00:00+24:00", &y, &m, &d),
                 SR_ERR_INVALID);
    CHECK_INT_EQ(sr_parse_date("2019-12-10T10:00:00.Z", &y, &m, &d),
                 SR_ERR_INVALID);
    CHECK_INT_EQ(sr_parse_date("2019-12-10T10:0", &y, &m, &d),
                 SR_ERR_INVALID);
    CHECK_INT_EQ(sr_parse_date("2019-12-10T1a:00:00Z", &y, &m, &d),
                 SR_ERR_INVALID);
    CHECK_INT_EQ(sr_parse_date("2019-12-10T10:00:00 UTC", &y, &m, &d),
                 SR_ERR_INVALID);
    CHECK_INT_EQ(sr_parse_date("2019-12-10x", &y, &m, &d), SR_ERR_INVALID);
    /* seconds cut short at the end of the string (read past it before) */
    CHECK_INT_EQ(sr_parse_date("2019-12-31T23:30:", &y, &m, &d),
                 SR_ERR_INVALID);
    CHECK_INT_EQ(sr_parse_date("2019-12-31T23:30:1", &y, &m, &d),
                 SR_ERR_INVALID);
    CHECK_INT_EQ(sr_parse_date("19-12-10", &y, &m, &d), SR_ERR_INVALID);
    CHECK_INT_EQ(sr_parse_date("", &y, &m, &d), SR_ERR_INVALID);
    CHECK_INT_EQ(sr_parse_date(NULL, &y, &m, &d), SR_ERR_INVALID);
}

static void test_defaults(void)
{
    sr_article_t art;
    char err[256];

    sr_article_init(&art);
    CHECK_INT_EQ(decode("Plain body", &art, err, sizeof(err)), SR_OK);
    /* 2019-12-10T17:05:09.250Z */
    sr_article_set_defaults(&art, "articles/3/1042", 1575997509250LL);
    CHECK_STR_EQ(art.id, "articles/3/1042");
    CHECK_STR_EQ(art.published_at, "2019-12-10T17:05:09Z");
    CHECK(art.has_published && art.pub_year == 2019 &&
          art.pub_month == 12 && art.pub_day == 10);

    CHECK_INT_EQ(decode("{\"id\":\"mine\",\"published_at\":\"2001-02-03\","
                        "\"body\":\"b\"}",
                        &art, err, sizeof(err)),
                 SR_OK);
    sr_article_set_defaults(&art, "articles/0/1", 1575997509250LL);
    CHECK_STR_EQ(art.id, "mine");
    CHECK_STR_EQ(art.published_at, "2001-02-03");
    CHECK_INT_EQ(art.pub_year, 2001);

    CHECK_INT_EQ(decode("b", &art, err, sizeof(err)), SR_OK);
    sr_article_set_defaults(&art, NULL, -1);
    CHECK(art.id == NULL && art.published_at == NULL && !art.has_published);
    sr_article_clear(&art);
}

/* Random bytes and mangled JSON/HTML: every outcome is a clean code, and
 * a success always has a non-empty, valid body (ASan/valgrind watch the
 * rest). Deterministic seed. */
static void test_random_input(void)
{
    static const char *const pieces[] = {
        "{", "}", "[", "]", "\"", "\\", ":", ",", "\"body\"", "\"html\"",
        "<p>", "</p>", "<script>", "<!--", "-->", "&amp;", "&#x", ";", "<",
        ">", "\n", "\r\n", " ", "text", "\xc3\xa9", "\xe2\x82", "\xff",
        "null", "1e999", "\"\\u00e9\"", "\"\\ud800\"", "<br/>", "'"};
    sr_article_limits_t lim = {4096, 50};
    sr_article_t art;
    char err[256], buf[600];
    unsigned seed = 12345;
    int ok = 0, bad_success = 0;

    sr_article_init(&art);
    for (int iter = 0; iter < 3000; iter++) {
        size_t n = 0;
        sr_err_t rc;

        seed = seed * 1103515245u + 12345u;
        if (iter % 3 == 0) {
            size_t len = (seed >> 8) % sizeof(buf);

            for (size_t i = 0; i < len; i++) {
                seed = seed * 1103515245u + 12345u;
                buf[n++] = (char)(seed >> 16);
            }
        } else {
            if (iter % 3 == 1) {
                n = (size_t)sprintf(buf, "{\"body\":\"");
            }
            while (n < sizeof(buf) - 40) {
                const char *p;

                seed = seed * 1103515245u + 12345u;
                p = pieces[(seed >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
                memcpy(buf + n, p, strlen(p));
                n += strlen(p);
                if ((seed >> 8) % 17 == 0) {
                    break;
                }
            }
        }
        rc = sr_article_decode(buf, n, &lim, &art, err, sizeof(err));
        CHECK(rc == SR_OK || rc == SR_ERR_INVALID || rc == SR_ERR_EMPTY ||
              rc == SR_ERR_TOO_LARGE);
        if (rc == SR_OK) {
            ok++;
            if (art.body == NULL || art.body_len == 0 ||
                strlen(art.body) != art.body_len ||
                !sr_utf8_valid(art.body, art.body_len, NULL)) {
                bad_success++;
            }
        }
    }
    CHECK(ok > 0);
    CHECK_INT_EQ(bad_success, 0);
    sr_article_clear(&art);
}

/* Validation reads ASCII eight bytes at a time: a bad byte or a good
 * sequence at every offset and alignment after an ASCII run. */
static void test_utf8_offsets(void)
{
    static const char *const bad[] = {"\xff", "\xc3", "\xe2\x80",
                                      "\xed\xa0\x80", "\xc0\xaf"};
    char buf[64];

    for (size_t pre = 0; pre < 40; pre++) {
        for (size_t b = 0; b < sizeof(bad) / sizeof(bad[0]); b++) {
            size_t off = 999, n;

            memset(buf, 'a', pre);
            n = pre + (size_t)snprintf(buf + pre, sizeof(buf) - pre,
                                       "%sbcdefghijk", bad[b]);
            CHECK(!sr_utf8_valid(buf, n, &off));
            CHECK_INT_EQ(off, pre);
        }
        memset(buf, 'a', pre);
        CHECK(sr_utf8_valid(buf,
                            pre + (size_t)snprintf(
                                      buf + pre, sizeof(buf) - pre,
                                      "\xc3\xa9\xe2\x80\x99"
                                      "\xf0\x9f\x98\x80zzzzzzzz"),
                            NULL));
    }
}

TEST_LIST = {
    {"utf8_offsets", test_utf8_offsets},
    {"json_fields", test_json_fields},
    {"json_minimal_and_nulls", test_json_minimal_and_nulls},
    {"wrong_types", test_wrong_types},
    {"invalid_json", test_invalid_json},
    {"deep_nesting", test_deep_nesting},
    {"plain_text", test_plain_text},
    {"empty", test_empty},
    {"invalid_bytes", test_invalid_bytes},
    {"limits", test_limits},
    {"html", test_html},
    {"html_numeric_space", test_html_numeric_space},
    {"parse_date", test_parse_date},
    {"defaults", test_defaults},
    {"random_input", test_random_input},
    {NULL, NULL},
};
