/* html.c - HTML to plain-text paragraphs. */
#include "html.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

typedef struct entity_s {
    const char *name;
    const char *text; /* UTF-8 */
} entity_t;

/* The named entities news pages actually use; anything else is kept as
 * written. &nbsp; becomes a plain space so that it collapses. */
static const entity_t entities[] = {
    {"amp", "&"},         {"lt", "<"},          {"gt", ">"},
    {"quot", "\""},       {"apos", "'"},        {"nbsp", " "},
    {"ensp", " "},        {"emsp", " "},        {"thinsp", " "},
    {"ndash", "\u2013"},  {"mdash", "\u2014"},  {"minus", "\u2212"},
    {"lsquo", "\u2018"},  {"rsquo", "\u2019"},  {"sbquo", "\u201A"},
    {"ldquo", "\u201C"},  {"rdquo", "\u201D"},  {"bdquo", "\u201E"},
    {"laquo", "\u00AB"},  {"raquo", "\u00BB"},  {"hellip", "\u2026"},
    {"bull", "\u2022"},   {"middot", "\u00B7"}, {"copy", "\u00A9"},
    {"reg", "\u00AE"},    {"trade", "\u2122"},  {"deg", "\u00B0"},
    {"euro", "\u20AC"},   {"pound", "\u00A3"},  {"yen", "\u00A5"},
    {"cent", "\u00A2"},   {"sect", "\u00A7"},   {"para", "\u00B6"},
    {"times", "\u00D7"},  {"divide", "\u00F7"}, {"shy", ""},
    {"zwj", ""},          {"zwnj", ""},         {"aacute", "\u00E1"},
    {"agrave", "\u00E0"}, {"acirc", "\u00E2"},  {"auml", "\u00E4"},
    {"atilde", "\u00E3"}, {"aring", "\u00E5"},  {"ccedil", "\u00E7"},
    {"eacute", "\u00E9"}, {"egrave", "\u00E8"}, {"ecirc", "\u00EA"},
    {"euml", "\u00EB"},   {"iacute", "\u00ED"}, {"igrave", "\u00EC"},
    {"icirc", "\u00EE"},  {"iuml", "\u00EF"},   {"ntilde", "\u00F1"},
    {"oacute", "\u00F3"}, {"ograve", "\u00F2"}, {"ocirc", "\u00F4"},
    {"ouml", "\u00F6"},   {"otilde", "\u00F5"}, {"oslash", "\u00F8"},
    {"uacute", "\u00FA"}, {"ugrave", "\u00F9"}, {"ucirc", "\u00FB"},
    {"uuml", "\u00FC"},   {"yacute", "\u00FD"}, {"szlig", "\u00DF"},
    {"Aacute", "\u00C1"}, {"Agrave", "\u00C0"}, {"Auml", "\u00C4"},
    {"Ccedil", "\u00C7"}, {"Eacute", "\u00C9"}, {"Egrave", "\u00C8"},
    {"Iacute", "\u00CD"}, {"Ntilde", "\u00D1"}, {"Oacute", "\u00D3"},
    {"Ouml", "\u00D6"},   {"Uacute", "\u00DA"}, {"Uuml", "\u00DC"},
};

/* Elements whose start or end tag ends the current paragraph. */
static const char *const block_tags[] = {
    "p",       "div",     "br",     "li",        "h1",         "h2",
    "h3",      "h4",      "h5",     "h6",        "tr",         "blockquote",
    "section", "article", "ul",     "ol",        "dl",         "dt",
    "dd",      "table",   "header", "footer",    "main",       "aside",
    "nav",     "figure",  "figcaption", "pre",   "hr",         "form",
    "fieldset", "address", "body",  "html",      "caption",    "details",
    "summary", NULL};
/* Elements whose whole content is dropped (up to the matching end tag). */
static const char *const skip_tags[] = {"script", "style", "noscript",
                                        "template", "svg", NULL};
/* Page furniture around the story (menus, related-story boxes, site
 * footers): its headlines would be read as incidents of the article, so
 * the content is dropped and the element ends a paragraph. Kept as a
 * plain block when its end tag is missing, not to lose the story. */
static const char *const boilerplate_tags[] = {"nav", "aside", "footer",
                                               NULL};
/* Elements that separate words without ending a paragraph. */
static const char *const space_tags[] = {"td", "th", "img", "input",
                                         "button", "label", "option", NULL};

typedef struct text_s {
    sr_buf_t *out;
    sr_err_t err;
    int in_para;      /* the current paragraph has text */
    int want_space;   /* whitespace seen since the last text */
    int want_break;   /* a block boundary since the last text */
} text_t;

static int in_list(const char *const *list, const char *name)
{
    for (size_t i = 0; list[i] != NULL; i++) {
        if (strcmp(list[i], name) == 0) {
            return 1;
        }
    }
    return 0;
}

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9');
}

static char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Emits text bytes, inserting the pending space or paragraph break. */
static void emit(text_t *t, const char *s, size_t n)
{
    if (n == 0 || t->err != SR_OK) {
        return;
    }
    if (t->in_para && t->want_break) {
        t->err = sr_buf_append(t->out, "\n\n", 2);
    } else if (t->in_para && t->want_space) {
        t->err = sr_buf_putc(t->out, ' ');
    }
    if (t->err == SR_OK) {
        t->err = sr_buf_append(t->out, s, n);
    }
    t->in_para = 1;
    t->want_space = 0;
    t->want_break = 0;
}

static void emit_text(text_t *t, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ') {
            t->want_space = 1;
        } else {
            emit(t, s + i, 1);
        }
    }
}

/* Case-insensitive search for "</name" followed by a delimiter, from p.
 * Returns its position or end. */
static const char *find_end_tag(const char *p, const char *end,
                                const char *name)
{
    size_t nl = strlen(name);

    for (; p + 2 + nl <= end; p++) {
        size_t i;

        if (p[0] != '<' || p[1] != '/') {
            continue;
        }
        for (i = 0; i < nl && lower(p[2 + i]) == name[i]; i++) {
        }
        if (i == nl && (p + 2 + nl == end || !is_alnum(p[2 + nl]))) {
            return p;
        }
    }
    return end;
}

/* Position just after the '>' closing a tag that starts at p, honouring
 * quoted attribute values; end if the tag never closes. */
static const char *tag_end(const char *p, const char *end)
{
    char quote = 0;

    for (; p < end; p++) {
        if (quote != 0) {
            if (*p == quote) {
                quote = 0;
            }
        } else if (*p == '"' || *p == '\'') {
            quote = *p;
        } else if (*p == '>') {
            return p + 1;
        }
    }
    return end;
}

/* Decodes the entity at p ('&'); returns the bytes consumed (0: not an
 * entity, keep the '&'). */
static size_t decode_entity(text_t *t, const char *p, const char *end)
{
    const char *q = p + 1;
    char utf8[4];

    if (q < end && *q == '#') {
        uint32_t cp = 0;
        int hex = 0, digits = 0;

        q++;
        if (q < end && (*q == 'x' || *q == 'X')) {
            hex = 1;
            q++;
        }
        for (; q < end && digits < 8; q++, digits++) {
            char c = *q;
            uint32_t v;

            if (c >= '0' && c <= '9') {
                v = (uint32_t)(c - '0');
            } else if (hex && lower(c) >= 'a' && lower(c) <= 'f') {
                v = (uint32_t)(lower(c) - 'a' + 10);
            } else {
                break;
            }
            cp = cp * (hex ? 16u : 10u) + v;
        }
        if (digits == 0 || q >= end || *q != ';') {
            return 0;
        }
        /* C0/C1 controls and NUL would corrupt the text: replace them. */
        if (cp == 0 || (cp < 0x20 && cp != '\t' && cp != '\n') ||
            (cp >= 0x7F && cp < 0xA0)) {
            cp = 0xFFFD;
        }
        if (cp == '\t' || cp == '\n' || cp == ' ' || cp == 0xA0) {
            t->want_space = 1;
        } else {
            emit(t, utf8, sr_utf8_encode(cp, utf8));
        }
        return (size_t)(q + 1 - p);
    }
    for (size_t i = 0; i < sizeof(entities) / sizeof(entities[0]); i++) {
        size_t nl = strlen(entities[i].name);

        if ((size_t)(end - q) > nl && memcmp(q, entities[i].name, nl) == 0 &&
            q[nl] == ';') {
            emit_text(t, entities[i].text, strlen(entities[i].text));
            return nl + 2;
        }
    }
    return 0;
}

/* Handles the markup at p ('<'); returns where text resumes. */
static const char *handle_tag(text_t *t, const char *p, const char *end)
{
    const char *q = p + 1;
    char name[16];
    size_t nl = 0;
    int closing = 0;

    if (q < end && *q == '!') {
        if (end - q >= 3 && q[1] == '-' && q[2] == '-') {
            for (q += 3; q + 3 <= end; q++) {
                if (q[0] == '-' && q[1] == '-' && q[2] == '>') {
                    return q + 3;
                }
            }
            return end;
        }
        return tag_end(q, end);
    }
    if (q < end && *q == '?') {
        return tag_end(q, end);
    }
    if (q < end && *q == '/') {
        closing = 1;
        q++;
    }
    if (q >= end || !is_alpha(*q)) {
        emit(t, "<", 1);
        return p + 1;
    }
    for (; q < end && is_alnum(*q); q++) {
        if (nl < sizeof(name) - 1) {
            name[nl++] = lower(*q);
        }
    }
    name[nl] = '\0';
    q = tag_end(q, end);
    /* A self-closed <svg/> (or <script/>) has no content to drop; waiting
     * for its end tag would drop the rest of the page. */
    if (!closing && in_list(skip_tags, name) &&
        !(q - p >= 2 && q[-1] == '>' && q[-2] == '/')) {
        return tag_end(find_end_tag(q, end, name), end);
    }
    if (!closing && in_list(boilerplate_tags, name)) {
        const char *stop = find_end_tag(q, end, name);

        t->want_break = 1;
        if (stop < end) {
            return tag_end(stop, end);
        }
    }
    if (!closing && strcmp(name, "head") == 0) {
        /* </head> is optional: the head also ends where the body starts. */
        const char *stop = find_end_tag(q, end, "head");

        for (const char *b = q; b + 5 <= stop; b++) {
            if (b[0] == '<' && lower(b[1]) == 'b' && lower(b[2]) == 'o' &&
                lower(b[3]) == 'd' && lower(b[4]) == 'y') {
                return b;
            }
        }
        return tag_end(stop, end);
    }
    if (in_list(block_tags, name)) {
        t->want_break = 1;
    } else if (in_list(space_tags, name)) {
        t->want_space = 1;
    }
    return q;
}

sr_err_t sr_html_to_text(const char *html, size_t n, sr_buf_t *out,
                         char *errstr, size_t errstr_size)
{
    text_t t = {out, SR_OK, 0, 0, 0};
    const char *p = html, *end = html + n;

    while (p < end && t.err == SR_OK) {
        if (*p == '<') {
            p = handle_tag(&t, p, end);
        } else if (*p == '&') {
            size_t used = decode_entity(&t, p, end);

            if (used == 0) {
                emit(&t, p, 1);
                used = 1;
            }
            p += used;
        } else if (is_ws(*p)) {
            t.want_space = 1;
            p++;
        } else {
            const char *s = p;

            while (p < end && *p != '<' && *p != '&' && !is_ws(*p)) {
                p++;
            }
            emit(&t, s, (size_t)(p - s));
        }
    }
    if (t.err != SR_OK) {
        sr_errstr_set(errstr, errstr_size,
                      "text of the html is over the size limit (%zu bytes)",
                      out->limit);
    }
    return t.err;
}
