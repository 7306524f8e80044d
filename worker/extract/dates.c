/* dates.c - date phrases, resolved against the publication date.
 *
 * News reports the past: a weekday or a month without a year is the most
 * recent one on or before publication.
 */
#include "dates.h"

#include "date.h"

#include <string.h>

/* Dates in news are recent: a year outside this is a misread number. */
static int valid_date(int y, int m, int d)
{
    return y >= 1900 && y <= 2100 && sr_date_valid(y, m, d);
}

static int64_t pub_days(const sr_doc_t *doc)
{
    return sr_days_from_civil(doc->pub_year, doc->pub_month, doc->pub_day);
}

int64_t sr_date_age_days(const sr_doc_t *doc, const sr_date_hit_t *hit)
{
    if (!doc->has_pub) {
        return 0;
    }
    return pub_days(doc) - sr_days_from_civil(hit->year, hit->month, hit->day);
}

static void set_day(sr_date_hit_t *h, int64_t days, sr_time_precision_t prec)
{
    sr_civil_from_days(days, &h->year, &h->month, &h->day);
    h->precision = prec;
    h->basis = SR_TBASIS_RELATIVE_TO_PUBLICATION;
}

static void set_ymd(sr_date_hit_t *h, int y, int m, int d,
                    sr_time_precision_t prec, sr_time_basis_t basis)
{
    h->year = y;
    h->month = m;
    h->day = d;
    h->precision = prec;
    h->basis = basis;
}

static int is_num(const sr_doc_t *doc, size_t i, size_t te, int64_t lo,
                  int64_t hi)
{
    return i < te && doc->toks[i].kind == SR_TOK_NUM &&
           !doc->toks[i].decimal && doc->toks[i].num >= lo &&
           doc->toks[i].num <= hi;
}

static int is_year(const sr_doc_t *doc, size_t i, size_t te)
{
    return is_num(doc, i, te, 1900, 2100) && doc->toks[i].len == 4 &&
           !doc->toks[i].ordinal;
}

/* "May", "Mar" are English words too: only capitalised, and a short form
 * only next to a day number. */
static int is_month(const sr_doc_t *doc, size_t i, size_t te)
{
    if (i >= te || !sr_tok_has(doc, i, SR_W_MONTH) || !doc->toks[i].cap) {
        return 0;
    }
    return 1;
}

static const char *const month_preps[] = {
    "in", "since", "during", "early", "late", "mid", "last", "of", "until",
    "by", "this", "from", "through", "before", "after", NULL};

/* Most recent (y, m[, d]) on or before publication for a year-less date. */
static int infer_year(const sr_doc_t *doc, int m, int d)
{
    int y = doc->pub_year;

    if (m > doc->pub_month || (m == doc->pub_month && d > doc->pub_day)) {
        y--;
    }
    return y;
}

static size_t match_numeric(const sr_doc_t *doc, size_t i, size_t te,
                            sr_date_hit_t *h)
{
    int a, b, c;
    int sep;

    if (i + 4 >= te || doc->toks[i].kind != SR_TOK_NUM ||
        doc->toks[i + 2].kind != SR_TOK_NUM ||
        doc->toks[i + 4].kind != SR_TOK_NUM) {
        return 0;
    }
    sep = sr_tok_punct(doc, i + 1);
    if ((sep != '/' && sep != '-' && sep != '.') ||
        sr_tok_punct(doc, i + 3) != sep) {
        return 0;
    }
    for (size_t k = i + 1; k <= i + 4; k++) {
        if (doc->toks[k].space_before) {
            return 0;
        }
    }
    a = (int)doc->toks[i].num;
    b = (int)doc->toks[i + 2].num;
    c = (int)doc->toks[i + 4].num;
    if (doc->toks[i].len == 4 && valid_date(a, b, c)) {
        set_ymd(h, a, b, c, SR_TPREC_DAY, SR_TBASIS_EXPLICIT); /* ISO */
    } else if (doc->toks[i + 4].len == 4 && a <= 12 && valid_date(c, a, b)) {
        set_ymd(h, c, a, b, SR_TPREC_DAY, SR_TBASIS_EXPLICIT); /* M/D/Y */
    } else if (doc->toks[i + 4].len == 4 && valid_date(c, b, a)) {
        set_ymd(h, c, b, a, SR_TPREC_DAY, SR_TBASIS_EXPLICIT); /* D/M/Y */
    } else {
        return 0;
    }
    return 5;
}

/* "April 28", "April 28, 2020", "April 2020", "28 April 2020", "in April" */
static size_t match_month(const sr_doc_t *doc, size_t i, size_t te,
                          sr_date_hit_t *h, size_t *lead)
{
    int m, d = 0, y = 0;
    size_t j;

    *lead = 0;
    if (is_num(doc, i, te, 1, 31) && is_month(doc, i + 1, te)) {
        d = (int)doc->toks[i].num;
        m = (int)doc->toks[i + 1].lex->num;
        j = i + 2;
        if (j < te && sr_tok_punct(doc, j) == '.') {
            j++;
        }
        if (is_year(doc, j, te)) {
            y = (int)doc->toks[j].num;
            j++;
        }
    } else if (is_month(doc, i, te)) {
        m = (int)doc->toks[i].lex->num;
        j = i + 1;
        if (j < te && sr_tok_punct(doc, j) == '.' && doc->toks[i].len <= 4) {
            j++;
        }
        if (is_num(doc, j, te, 1, 31) && !is_year(doc, j, te)) {
            d = (int)doc->toks[j].num;
            j++;
            if (j + 1 < te && sr_tok_punct(doc, j) == ',' &&
                is_year(doc, j + 1, te)) {
                y = (int)doc->toks[j + 1].num;
                j += 2;
            } else if (is_year(doc, j, te)) {
                y = (int)doc->toks[j].num;
                j++;
            }
        } else if (is_year(doc, j, te)) {
            y = (int)doc->toks[j].num;
            j++;
        } else {
            /* a bare month needs a temporal preposition before it */
            size_t p = i;

            if (p > 0 && sr_tok_punct(doc, p - 1) == '-') {
                p--;
            }
            if (p == 0 || !sr_tok_in(doc, p - 1, month_preps)) {
                return 0;
            }
            if ((doc->toks[i].len < 4 && !sr_tok_is(doc, i, "may")) ||
                sr_tok_is(doc, i, "sept")) {
                return 0;
            }
            *lead = i - (p - 1);
        }
    } else {
        return 0;
    }
    if (y > 0) {
        if (d > 0 && !valid_date(y, m, d)) {
            return 0;
        }
        set_ymd(h, y, m, d > 0 ? d : 1, d > 0 ? SR_TPREC_DAY : SR_TPREC_MONTH,
                SR_TBASIS_EXPLICIT);
    } else {
        if (!doc->has_pub) {
            return 0;
        }
        y = infer_year(doc, m, d > 0 ? d : 1);
        if (d > 0 && !valid_date(y, m, d)) {
            return 0;
        }
        set_ymd(h, y, m, d > 0 ? d : 1, d > 0 ? SR_TPREC_DAY : SR_TPREC_MONTH,
                SR_TBASIS_RELATIVE_TO_PUBLICATION);
    }
    return j - i;
}

static size_t match_relative(const sr_doc_t *doc, size_t i, size_t te,
                             sr_date_hit_t *h)
{
    int64_t pub = pub_days(doc);
    int py = doc->pub_year, pm = doc->pub_month;
    int64_t n;

    if (sr_tok_is(doc, i, "yesterday")) {
        set_day(h, pub - 1, SR_TPREC_DAY);
        return 1;
    }
    if (sr_tok_is(doc, i, "today") || sr_tok_is(doc, i, "tonight")) {
        set_day(h, pub, SR_TPREC_DAY);
        return 1;
    }
    if (sr_tok_phrase(doc, i, te, "last night")) {
        set_day(h, pub - 1, SR_TPREC_DAY);
        return 2;
    }
    if (sr_tok_phrase(doc, i, te, "this morning") ||
        sr_tok_phrase(doc, i, te, "this afternoon") ||
        sr_tok_phrase(doc, i, te, "this evening")) {
        set_day(h, pub, SR_TPREC_DAY);
        return 2;
    }
    if (sr_tok_phrase(doc, i, te, "last week")) {
        set_day(h, pub - 7, SR_TPREC_WEEK);
        h->earlier = 1;
        return 2;
    }
    if (sr_tok_phrase(doc, i, te, "earlier this week") ||
        sr_tok_phrase(doc, i, te, "this week")) {
        set_day(h, pub, SR_TPREC_WEEK);
        return sr_tok_is(doc, i, "earlier") ? 3 : 2;
    }
    if (sr_tok_phrase(doc, i, te, "last month")) {
        set_ymd(h, pm == 1 ? py - 1 : py, pm == 1 ? 12 : pm - 1, 1,
                SR_TPREC_MONTH, SR_TBASIS_RELATIVE_TO_PUBLICATION);
        h->earlier = 1;
        return 2;
    }
    if (sr_tok_phrase(doc, i, te, "earlier this month") ||
        sr_tok_phrase(doc, i, te, "this month")) {
        set_ymd(h, py, pm, 1, SR_TPREC_MONTH,
                SR_TBASIS_RELATIVE_TO_PUBLICATION);
        h->earlier = sr_tok_is(doc, i, "earlier");
        return h->earlier ? 3 : 2;
    }
    if (sr_tok_phrase(doc, i, te, "last year")) {
        set_ymd(h, py - 1, 1, 1, SR_TPREC_YEAR,
                SR_TBASIS_RELATIVE_TO_PUBLICATION);
        h->earlier = 1;
        return 2;
    }
    if (sr_tok_phrase(doc, i, te, "earlier this year")) {
        set_ymd(h, py, 1, 1, SR_TPREC_YEAR, SR_TBASIS_RELATIVE_TO_PUBLICATION);
        h->earlier = 1;
        return 3;
    }
    /* "three days ago", "a week ago" */
    if (i + 2 < te && sr_tok_is(doc, i + 2, "ago")) {
        if (doc->toks[i].kind == SR_TOK_NUM) {
            n = doc->toks[i].num;
        } else if (sr_tok_has(doc, i, SR_W_NUMWORD)) {
            n = doc->toks[i].lex->num;
        } else {
            return 0;
        }
        if (n < 1 || n > 1000) {
            return 0;
        }
        if (sr_tok_is(doc, i + 1, "days") || sr_tok_is(doc, i + 1, "day")) {
            set_day(h, pub - n, SR_TPREC_DAY);
        } else if (sr_tok_is(doc, i + 1, "weeks") ||
                   sr_tok_is(doc, i + 1, "week")) {
            set_day(h, pub - 7 * n, SR_TPREC_WEEK);
        } else if (sr_tok_is(doc, i + 1, "months") ||
                   sr_tok_is(doc, i + 1, "month")) {
            int mm = pm - (int)(n % 12), yy = py - (int)(n / 12);

            if (mm < 1) {
                mm += 12;
                yy--;
            }
            set_ymd(h, yy, mm, 1, SR_TPREC_MONTH,
                    SR_TBASIS_RELATIVE_TO_PUBLICATION);
        } else if (sr_tok_is(doc, i + 1, "years") ||
                   sr_tok_is(doc, i + 1, "year")) {
            set_ymd(h, py - (int)n, 1, 1, SR_TPREC_YEAR,
                    SR_TBASIS_RELATIVE_TO_PUBLICATION);
        } else {
            return 0;
        }
        h->earlier = 1;
        return 3;
    }
    return 0;
}

static size_t match_weekday(const sr_doc_t *doc, size_t i, size_t te,
                            sr_date_hit_t *h)
{
    int64_t pub = pub_days(doc);
    int wd, pub_wd, back;
    size_t lead = 0;

    if (sr_tok_is(doc, i, "last") || sr_tok_is(doc, i, "on") ||
        sr_tok_is(doc, i, "since") || sr_tok_is(doc, i, "late") ||
        sr_tok_is(doc, i, "early")) {
        lead = 1;
    }
    if (i + lead >= te || !sr_tok_has(doc, i + lead, SR_W_WEEKDAY) ||
        !doc->toks[i + lead].cap) {
        return 0;
    }
    wd = (int)doc->toks[i + lead].lex->num;
    /* 1970-01-01 was a Thursday (4) */
    pub_wd = (int)(((pub % 7) + 7 + 4) % 7);
    back = (pub_wd - wd + 7) % 7;
    if (back == 0 && sr_tok_is(doc, i, "last")) {
        back = 7;
    }
    set_day(h, pub - back, SR_TPREC_DAY);
    h->vague_day = 1;
    return lead + 1;
}

static size_t match_year(const sr_doc_t *doc, size_t i, size_t te,
                         sr_date_hit_t *h)
{
    static const char *const preps[] = {"in", "since", "during", "of",
                                        "early", "late", "mid", "until",
                                        NULL};

    if (i + 1 < te && sr_tok_in(doc, i, preps) && is_year(doc, i + 1, te)) {
        set_ymd(h, (int)doc->toks[i + 1].num, 1, 1, SR_TPREC_YEAR,
                SR_TBASIS_EXPLICIT);
        return 2;
    }
    return 0;
}

/* 1 if the year-less day and month at [i, e) name a group: "the
 * Revolutionary Organization 17 November", "the 2 June Movement". */
static int in_name(const sr_doc_t *doc, size_t tb, size_t i, size_t e,
                   size_t te, const sr_date_hit_t *h)
{
    static const char *const group_nouns[] = {
        "movement", "organization", "organisation", "group", "brigade",
        "brigades", "front", "commando", "commandos", NULL};

    if (h->basis != SR_TBASIS_RELATIVE_TO_PUBLICATION ||
        h->precision != SR_TPREC_DAY ||
        doc->toks[i].kind != SR_TOK_NUM) {
        return 0;
    }
    return (i > tb + 1 && doc->toks[i - 1].kind == SR_TOK_WORD &&
            doc->toks[i - 1].cap &&
            !sr_tok_has(doc, i - 1, SR_W_WEEKDAY | SR_W_MONTH |
                                        SR_W_TIMECUE)) ||
           (e < te && doc->toks[e].cap && sr_tok_in(doc, e, group_nouns));
}

/* 1 if hit is the date of a report ("As reported on 28 April 2020, ..."),
 * as ACLED's notes open. */
static int report_date(const sr_doc_t *doc, size_t tb, const sr_date_hit_t *h)
{
    return h->tb > tb && sr_tok_is(doc, h->tb - 1, "reported");
}

/* A report's date is the event's only when the sentence gives no other:
 * "As reported on 28 April, gunmen shot a driver on 27 April" happened
 * on the 27th ("since 2015" is no date of the event). Keeps the hits'
 * order; returns how many are left. */
static size_t drop_report_dates(const sr_doc_t *doc, size_t tb,
                                sr_date_hit_t *hits, size_t count)
{
    size_t kept = 0, events = 0;

    for (size_t k = 0; k < count; k++) {
        events += (size_t)(!hits[k].since && !report_date(doc, tb, &hits[k]));
    }
    if (events == 0 || events == count) {
        return count;
    }
    for (size_t k = 0; k < count; k++) {
        if (!report_date(doc, tb, &hits[k])) {
            hits[kept++] = hits[k];
        }
    }
    return kept;
}

size_t sr_dates_find(const sr_doc_t *doc, size_t tb, size_t te,
                     sr_date_hit_t *out, size_t max)
{
    size_t count = 0;

    for (size_t i = tb; i < te && count < max;) {
        sr_date_hit_t h;
        size_t n, lead = 0, start = i, end;

        if (doc->toks[i].kind != SR_TOK_NUM &&
            !sr_tok_has(doc, i, SR_W_TIMECUE | SR_W_MONTH | SR_W_WEEKDAY |
                                    SR_W_NUMWORD)) {
            i++;
            continue;
        }
        memset(&h, 0, sizeof(h));
        n = match_numeric(doc, i, te, &h);
        if (n == 0) {
            n = match_month(doc, i, te, &h, &lead);
            start = i - lead;
            if (n > 0 && in_name(doc, tb, i, i + n, te, &h)) {
                i += n;
                continue;
            }
        }
        if (n == 0 && doc->has_pub) {
            n = match_weekday(doc, i, te, &h);
            if (n == 0 && (sr_tok_has(doc, i, SR_W_RELCUE) ||
                           (i + 2 < te && sr_tok_is(doc, i + 2, "ago")))) {
                n = match_relative(doc, i, te, &h);
            }
        }
        if (n == 0) {
            n = match_year(doc, i, te, &h);
        }
        if (n == 0) {
            i++;
            continue;
        }
        end = i + n;
        /* "on 28 April", "in April 2020": the preposition belongs too */
        if (start == i && start > tb &&
            (sr_tok_is(doc, start - 1, "on") ||
             sr_tok_is(doc, start - 1, "in") ||
             sr_tok_is(doc, start - 1, "since")) &&
            !sr_tok_is(doc, start, "on") && !sr_tok_is(doc, start, "in") &&
            !sr_tok_is(doc, start, "since")) {
            start--;
        }
        h.since = sr_tok_is(doc, start, "since");
        h.tb = start;
        h.te = end;
        out[count++] = h;
        i = end;
    }
    return drop_report_dates(doc, tb, out, count);
}
