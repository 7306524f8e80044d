"""Dates resolved against published_at: explicit formats, weekdays (the
latest such day on or before publication), yesterday, last week, last
month, month names (a month after publication is last year's), and the
publication date as a fallback; precision and basis recorded. See
golden.py for the usage.
"""
import sys

from golden import Checker

c = Checker("dates", sys.argv)
CASES = (
    # article, cue, date, precision, basis
    ("date-dmy", "28 April 2020", "2020-04-28", "DAY", "EXPLICIT_ABSOLUTE"),
    ("date-md", "April 28 (year of publication)", "2020-04-28", "DAY", None),
    ("date-us", "04/28/2020", "2020-04-28", "DAY", "EXPLICIT_ABSOLUTE"),
    ("date-iso", "2020-04-28", "2020-04-28", "DAY", "EXPLICIT_ABSOLUTE"),
    ("date-weekday", "Tuesday before a Thursday publication", "2020-04-28",
     "DAY", "RELATIVE_TO_PUBLICATION"),
    ("date-weekday-same-day", "Tuesday published on a Tuesday", "2020-04-28",
     "DAY", "RELATIVE_TO_PUBLICATION"),
    ("date-yesterday", "yesterday", "2020-04-28", "DAY",
     "RELATIVE_TO_PUBLICATION"),
    ("date-last-month", "last month", "2020-04-01", "MONTH",
     "RELATIVE_TO_PUBLICATION"),
    ("date-month-name", "in March", "2020-03-01", "MONTH", None),
    ("date-month-prev-year", "in December, published in February",
     "2019-12-01", "MONTH", None),
    ("date-fallback", "no cue: the publication day", "2020-04-30", "DAY",
     "PUBLICATION_FALLBACK"),
    # a later step's bare month is not the incident's
    ("date-later-month", "freed in December, a later step", "2021-09-30",
     "DAY", "PUBLICATION_FALLBACK"),
    # a day and month in a group's name are no date
    ("date-group-name", "the Revolutionary Cells 9 March", "2021-06-28",
     "DAY", "PUBLICATION_FALLBACK"),
)
for art, cue, date, prec, basis in CASES:
    m = c.main_of(art)
    c.field(f"{art}: {cue} -> {date}", m, "time.date", date)
    c.field(f"{art}: precision {prec}", m, "time.precision", prec)
    if basis:
        c.field(f"{art}: basis {basis}", m, "time.basis", basis)
    else:
        c.check(f"{art}: basis is not the publication fallback",
                m is not None and m["time"]["basis"] != "PUBLICATION_FALLBACK",
                f"got {m and m['time']['basis']!r}")
    c.evidence(art)

m = c.main_of("date-last-week")
c.field("date-last-week: precision WEEK", m, "time.precision", "WEEK")
c.check("date-last-week: date within the week before publication "
        "(2020-04-26..2020-05-02)",
        m is not None and "2020-04-26" <= (m["time"]["date"] or "")
        <= "2020-05-02", f"got {m and m['time']['date']!r}")
c.field("date-last-week: basis RELATIVE_TO_PUBLICATION", m, "time.basis",
        "RELATIVE_TO_PUBLICATION")
c.evidence("date-last-week")
c.field("date-fallback: no time text", c.main_of("date-fallback"),
        "time.text", None)
sys.exit(c.finish())
