"""Key facts of the seed article, checked on `sitrep extract` output.

Independent of the golden diff: explains a regression in words. Usage:
python3 seed-inates.check.py ACTUAL.jsonl (exit 1 and one line per
failed fact on stdout).
"""
import json
import sys


def main(path):
    with open(path, encoding="utf-8") as f:
        incidents = [json.loads(line) for line in f if line.strip()]
    problems = []

    def expect(what, got, want):
        if got != want:
            problems.append(f"{what}: got {got!r}, want {want!r}")

    expect("number of incidents", len(incidents), 3)
    for i, inc in enumerate(incidents):
        expect(f"incident {i} paragraphs_removed", inc.get("paragraphs_removed"), 6)
    if len(incidents) == 3:
        main_ev, heli, camp = incidents
        expect("main role", main_ev["role"], "MAIN_EVENT")
        expect("main country", main_ev["location"]["country_code"], "NE")
        expect("main precision", main_ev["location"]["precision"], "ADMIN1")
        expect("main date", main_ev["time"]["date"], "2019-12-10")
        expect("main claim", main_ev["claim"]["status"], "CLAIMED")
        expect("main claimant", main_ev["claim"]["claimant"], "Islamic State")
        expect("main killed (no count in the text)",
               main_ev["casualties"]["killed"], None)
        claimants = [a for a in main_ev["actors"] if a["role"] == "CLAIMANT"]
        expect("main claimant actors",
               [(a["canonical"], a["certainty"]) for a in claimants],
               [("Islamic State", "CLAIMED")])
        for name, inc, killed, qual in (("helicopter crash", heli, 13, "EXACT"),
                                        ("camp attack", camp, 53, "AT_LEAST")):
            expect(f"{name} role", inc["role"], "BACKGROUND")
            expect(f"{name} date", inc["time"]["date"], "2019-11-01")
            expect(f"{name} precision", inc["time"]["precision"], "MONTH")
            expect(f"{name} country", inc["location"]["country_code"], "ML")
            k = inc["casualties"]["killed"] or {}
            expect(f"{name} killed", (k.get("best"), k.get("qualifier")),
                   (killed, qual))
        expect("helicopter crash category", heli["category"], "ACCIDENT")
        expect("helicopter crash ACLED label", heli["acled_event_type"], None)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
