"""Key facts of the seed article (Inates, Niger, December 2019).

The scraped page repeats six paragraphs; the article's news is the attack
"on Tuesday", claimed by Islamic State with no fatality count; two
earlier incidents in Mali are BACKGROUND. See golden.py for the usage.
"""
import sys

from golden import Checker

c = Checker("seed-inates", sys.argv)
A = "seed-inates"
incs = c.of(A)
c.expect("three incidents", len(incs), 3)
c.expect("paragraphs_removed 6 on every incident",
         sorted({i.get("paragraphs_removed") for i in incs}), [6])
main_ev, heli, camp = (incs + [None] * 3)[:3]
c.field("main: role MAIN_EVENT", main_ev, "role", "MAIN_EVENT")
c.field("main: country NE", main_ev, "location.country_code", "NE")
c.field("main: precision ADMIN1 (Inates has no coordinates)", main_ev,
        "location.precision", "ADMIN1")
c.field("main: date 2019-12-10 ('on Tuesday')", main_ev, "time.date",
        "2019-12-10")
c.field("main: claim CLAIMED", main_ev, "claim.status", "CLAIMED")
c.field("main: claimant Islamic State", main_ev, "claim.claimant",
        c.canon("ISIS"))
c.field("main: killed null (no number in the text)", main_ev,
        "casualties.killed", None)
c.expect("main: claimant actor Islamic State, CLAIMED",
         [(a["canonical"], a["certainty"]) for a in (main_ev or {}).get(
             "actors", []) if a["role"] == "CLAIMANT"],
         [(c.canon("ISIS"), "CLAIMED")])
for name, inc, killed, qual in (("helicopter crash", heli, 13, "EXACT"),
                                ("camp attack", camp, 53, "AT_LEAST")):
    c.field(f"{name}: role BACKGROUND", inc, "role", "BACKGROUND")
    c.field(f"{name}: date 2019-11-01", inc, "time.date", "2019-11-01")
    c.field(f"{name}: precision MONTH", inc, "time.precision", "MONTH")
    c.field(f"{name}: country ML", inc, "location.country_code", "ML")
    c.count(f"{name}: killed {killed} {qual}", inc, "killed", killed, qual)
c.field("helicopter crash: category ACCIDENT", heli, "category", "ACCIDENT")
c.field("helicopter crash: no ACLED label", heli, "acled_event_type", None)
c.evidence(A)
sys.exit(c.finish())
