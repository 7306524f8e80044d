"""Factuality: negated, denied, hypothetical, planned/threatened, foiled
and unconfirmed incidents are flagged, never plain ASSERTED. See
golden.py for the usage.
"""
import sys

from golden import Checker

c = Checker("factuality", sys.argv)
CASES = (
    ("fact-negated", "'no attack took place'", "NEGATED"),
    ("fact-denied", "'denied that soldiers killed'", "DENIED"),
    ("fact-hypothetical", "'If militants attack ... could be killed'",
     "HYPOTHETICAL"),
    ("fact-threatened", "'threatened to attack'", "PLANNED_OR_THREATENED"),
    ("fact-foiled", "'foiled a plot to bomb'", "FOILED"),
    ("fact-reported", "'reportedly killed ... unconfirmed'",
     "REPORTED_UNCONFIRMED"),
    ("fact-asserted", "plain report by the police", "ASSERTED"),
)
for art, cue, want in CASES:
    incs = c.of(art)
    c.check(f"{art}: {cue} -> {want} on every incident",
            bool(incs) and all(i["factuality"] == want for i in incs),
            f"got {[i['factuality'] for i in incs]}")
    c.evidence(art)
for art in ("fact-negated", "fact-hypothetical", "fact-threatened",
            "fact-foiled"):
    incs = c.of(art)
    c.check(f"{art}: no killed count for an incident that did not happen",
            not any(((i["casualties"]["killed"] or {}).get("best") or 0) > 0
                    and i["factuality"] == "ASSERTED" for i in incs),
            f"got {[(i['factuality'], i['casualties']['killed']) for i in incs]}")
# a corridor only asked for, talks joined: no event at all
for art in ("fact-requested-corridor", "fact-talks-engaged"):
    c.check(f"{art}: no incident", not c.of(art),
            f"got {[i['category'] for i in c.of(art)]}")
c.count("fact-foiled: the two suspects arrested", c.main_of("fact-foiled"),
        "arrested", 2, "EXACT")
sys.exit(c.finish())
