"""Facts of the eight mixed articles (articles.in.jsonl): a suicide
bombing nobody claimed, a kidnapping with "no one was killed" and an
earlier denial, a protest, a foiled plot, an article with no incident, a
claimed massacre whose toll rose plus a clash, a denied attack beside a
warning, and a roundup with cumulative tolls. See golden.py for the usage.
"""
import sys

from golden import Checker

c = Checker("articles", sys.argv)


def summary(art):
    return [(i["role"], i["factuality"]) for i in c.of(art)]


A = "borno-market-bombing"
incs = c.of(A) + [None] * 2
c.field(f"{A}: SUICIDE_BOMBING", incs[0], "category", "SUICIDE_BOMBING")
c.count(f"{A}: killed 12 AT_LEAST", incs[0], "killed", 12, "AT_LEAST")
c.count(f"{A}: injured 30", incs[0], "injured", 30, "EXACT")
c.field(f"{A}: 'No group has claimed' -> NOT_CLAIMED", incs[0],
        "claim.status", "NOT_CLAIMED")
c.check(f"{A}: Boko Haram, named only for earlier attacks, is no "
        "perpetrator", not any(a["canonical"] == c.canon("Boko Haram")
                               for a in (incs[0] or {}).get("actors", [])),
        f"actors {(incs[0] or {}).get('actors')}")
c.expect(f"{A}: 'In March' killing near Konduga is BACKGROUND, 7 killed",
         incs[1] and (incs[1]["role"], incs[1]["location"]["name"],
                      incs[1]["casualties"]["killed"]["best"]),
         ("BACKGROUND", "Konduga", 7))

A = "mandera-kidnapping"
m = c.main_of(A)
c.count(f"{A}: kidnapped 2", m, "kidnapped", 2, "EXACT")
c.count(f"{A}: 'No one was killed' -> killed 0 ZERO", m, "killed", 0, "ZERO")
c.check(f"{A}: 'Suspected al-Shabaab militants' -> Al-Shabaab SUSPECTED",
        [(a["role"], a["canonical"], a["certainty"])
         for a in (m or {}).get("actors", [])
         if a["canonical"] == c.canon("Al-Shabaab")] ==
        [("PERPETRATOR", c.canon("Al-Shabaab"), "SUSPECTED")],
        f"actors {(m or {}).get('actors')}")
c.field(f"{A}: Kenyan county -> KE", m, "location.country_code", "KE")
c.check(f"{A}: last year's denied kidnapping is BACKGROUND",
        any(i["role"] == "BACKGROUND" and i["claim"]["status"] == "DENIED"
            for i in c.of(A)), f"got {summary(A)}")

A = "kabul-protest"
m = c.main_of(A)
c.check(f"{A}: a protest category, ACLED Protests",
        m is not None and m["category"].startswith("PROTEST") and
        m["acled_event_type"] == "Protests", f"got {m and m['category']!r}")
c.field(f"{A}: in Kabul, AF", m, "location.country_code", "AF")

A = "niamey-foiled-plot"
c.check(f"{A}: a FOILED incident with three arrests",
        any(i["factuality"] == "FOILED" and
            (i["casualties"]["arrested"] or {}).get("best") == 3
            for i in c.of(A)), f"got {summary(A)}")
c.check(f"{A}: nothing ASSERTED (the plot and the warning did not happen)",
        bool(c.of(A)) and all(i["factuality"] != "ASSERTED"
                              for i in c.of(A)), f"got {summary(A)}")

c.expect("budget-no-incident: no incident", len(c.of("budget-no-incident")),
         0)

A = "gao-attacks"
incs = c.of(A) + [None] * 2
c.count(f"{A}: Tessit: 'toll rose to 24' -> killed 24", incs[0], "killed",
        24, "EXACT")
c.count(f"{A}: Tessit: 'about a dozen' wounded -> 12 APPROXIMATE", incs[0],
        "injured", 12, "APPROXIMATE")
c.field(f"{A}: Tessit: claimed by Islamic State in the Greater Sahara",
        incs[0], "claim.claimant", c.canon("ISGS"))
c.field(f"{A}: Tessit: '28 April 2020'", incs[0], "time.date", "2020-04-28")
c.field(f"{A}: clash: '04/30/2020'", incs[1], "time.date", "2020-04-30")
c.field(f"{A}: clash: ARMED_CLASH", incs[1], "category", "ARMED_CLASH")
c.count(f"{A}: clash: five militants in killed_perpetrators", incs[1],
        "killed_perpetrators", 5, "EXACT")
c.check(f"{A}: clash: Malian troops SIDE_A",
        any(a["role"] == "SIDE_A" and a["canonical"] == "Military Forces of Mali"
            for a in (incs[1] or {}).get("actors", [])),
        f"actors {(incs[1] or {}).get('actors')}")

A = "kano-denial"
incs = c.of(A)
c.check(f"{A}: the reported church attack is DENIED or NEGATED",
        bool(incs) and incs[0]["factuality"] in ("DENIED", "NEGATED"),
        f"got {summary(A)}")
c.check(f"{A}: the warning ('could attack') is never ASSERTED",
        not any(i["factuality"] == "ASSERTED" and i["role"] == "MAIN_EVENT"
                for i in incs), f"got {summary(A)}")
c.check(f"{A}: last year's car bomb is BACKGROUND with 9 wounded",
        any(i["role"] == "BACKGROUND" and
            (i["casualties"]["injured"] or {}).get("best") == 9
            for i in incs), f"got {summary(A)}")

A = "nigeria-roundup"
c.expect(f"{A}: two MAIN_EVENTs (Monday, Tuesday) killing 5 and 3",
         [((i["casualties"]["killed"] or {}).get("best"), i["time"]["date"])
          for i in c.of(A) if i["role"] == "MAIN_EVENT"],
         [(5, "2020-05-04"), (3, "2020-05-05")])
c.check(f"{A}: the tolls 'in 2019' and 'since 2009' are no MAIN_EVENT",
        not any(i["role"] == "MAIN_EVENT" and
                ((i["casualties"]["killed"] or {}).get("best") or 0) >= 1000
                for i in c.of(A)), f"got {summary(A)}")

for art in c.articles:
    c.evidence(art)
sys.exit(c.finish())
