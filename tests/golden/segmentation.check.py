"""Segmentation: every incident one record; MAIN_EVENT for the news,
BACKGROUND for earlier incidents ("earlier this year", "last month",
"in November", "last year"); cumulative tolls ("since 2015") are never
the news. See golden.py for the usage.
"""
import sys

from golden import Checker

c = Checker("segmentation", sys.argv)


def roles(a, toll=None):
    """(role, killed) of each incident but one carrying the cumulative
    toll, which may be a BACKGROUND record or none (asserted apart)."""
    got = [(i["role"], (i["casualties"]["killed"] or {}).get("best"))
           for i in c.of(a)]
    return [r for r in got if toll is None or r[1] != toll]


def cumulative(a, toll):
    got = [i["role"] for i in c.of(a)
           if (i["casualties"]["killed"] or {}).get("best") == toll]
    c.check(f"{a}: the cumulative toll {toll} is no MAIN_EVENT",
            "MAIN_EVENT" not in got, f"roles of incidents with {toll}: {got}")


A = "seg-mogadishu"
c.expect(f"{A}: three incidents (news, 'earlier this year', 'last month'), "
         "killed 100, 21, 12", roles(A, 4000),
         [("MAIN_EVENT", 100), ("BACKGROUND", 21), ("BACKGROUND", 12)])
incs = [i for i in c.of(A)
        if (i["casualties"]["killed"] or {}).get("best") != 4000] + [None] * 3
c.count(f"{A}: main killed 100 AT_LEAST", incs[0], "killed", 100, "AT_LEAST")
c.count(f"{A}: main injured 300", incs[0], "injured", 300, "EXACT")
c.field(f"{A}: main claimed by Al-Shabaab", incs[0], "claim.claimant",
        c.canon("Al-Shabaab"))
c.field(f"{A}: 'earlier this year' precision YEAR", incs[1],
        "time.precision", "YEAR")
c.field(f"{A}: 'last month' = 2022-09-01", incs[2], "time.date", "2022-09-01")
c.field(f"{A}: 'last month' incident in Beledweyne", incs[2],
        "location.name", "Beledweyne")
cumulative(A, 4000)
c.evidence(A)

A = "seg-peshawar"
c.expect(f"{A}: three incidents (news, 'In November', 'Last year'), "
         "killed 59, 8, 63", roles(A),
         [("MAIN_EVENT", 59), ("BACKGROUND", 8), ("BACKGROUND", 63)])
incs = c.of(A) + [None] * 3
c.expect(f"{A}: 'In November' = 2022-11-01 MONTH",
         incs[1] and (incs[1]["time"]["date"], incs[1]["time"]["precision"]),
         ("2022-11-01", "MONTH"))
c.field(f"{A}: 'In November' incident near Bannu", incs[1], "location.name",
        "Bannu")
c.expect(f"{A}: 'Last year' = 2022 YEAR",
         incs[2] and (incs[2]["time"]["date"], incs[2]["time"]["precision"]),
         ("2022-01-01", "YEAR"))
c.evidence(A)

A = "seg-borno-two-main"
c.expect(f"{A}: two MAIN_EVENT incidents (Monday, Tuesday), killed 9 and 4",
         roles(A, 35000), [("MAIN_EVENT", 9), ("MAIN_EVENT", 4)])
incs = [i for i in c.of(A) if i["role"] == "MAIN_EVENT"] + [None] * 2
c.expect(f"{A}: each incident keeps its own date",
         [i and i["time"]["date"] for i in incs[:2]],
         ["2021-06-07", "2021-06-08"])
c.expect(f"{A}: each incident keeps its own place",
         [i and i["location"]["name"] for i in incs[:2]], ["Damboa", "Gwoza"])
cumulative(A, 35000)
c.evidence(A)


def one_incident(a, why, counts, field, want):
    """a is told as one incident (why), with counts {kind: best} and one
    field that shows which sentence's facts it kept."""
    incs = c.of(a) + [None]
    c.expect(f"{a}: {why}: one incident", len(c.of(a)), 1)
    for kind, best in counts.items():
        c.count(f"{a}: {kind} {best}", incs[0], kind, best, "EXACT")
    c.field(f"{a}: {field} stays {want}", incs[0], field, want)


one_incident("seg-captives-fate", "the captives' deaths, told with a later "
             "date, stay in the kidnapping", {"killed": 2, "kidnapped": 6},
             "time.date", "2021-03-10")
one_incident("seg-toll-destination", "'taken to Nairobi' in the toll "
             "sentence opens no incident", {"killed": 4, "injured": 3},
             "location.name", "Garissa")
one_incident("seg-siege-ended", "'The siege ended on 21 November ...; 20 "
             "hostages were killed' stays in the hostage taking",
             {"killed": 20, "injured": 7}, "time.date", "2015-11-20")
one_incident("seg-victim-origin", "'a Somali-Canadian aid worker' among the "
             "dead tells who, not where", {"killed": 12, "injured": 30},
             "location.name", "Kismayo")
one_incident("seg-people-from", "'labourers from outside Gulu' tells where "
             "the dead came from, not a place of another event",
             {"killed": 9}, "location.name", "Gulu")
one_incident("seg-state-speaks", "'Chad reported 20 rebels killed': the "
             "state that speaks is a source, not the place of another event",
             {"killed": 20}, "time.date", "2019-03-11")
one_incident("seg-toll-aside-date", "a date in brackets after the toll "
             "tells of one victim, not of another event", {"killed": 6},
             "time.date", "2022-03-03")

A = "seg-separate-toll"
c.expect(f"{A}: 'In a separate incident' keeps its toll apart from the "
         "kidnapping", [(i["casualties"]["killed"] or {}).get("best")
                        for i in c.of(A)], [None, 5])

A = "seg-earlier-that-morning"
main = [i for i in c.of(A) if i["role"] == "MAIN_EVENT"] + [None]
c.expect(f"{A}: the judge shot 'earlier that morning' is no MAIN_EVENT: one "
         "main incident", len(main) - 1, 1)
c.count(f"{A}: the main incident is the blast, killed 11", main[0], "killed",
        11, "EXACT")

sys.exit(c.finish())
