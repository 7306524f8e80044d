"""geo-fallback.py DECODED EXPECTED: the worker's decoded events equal
sitrep extract's without a geocoder, except that every location the
gazetteer answered says the geocoder failed ("gazetteer (geocoder
unavailable)"), and there is at least one such location. Exit 0 when so."""
import json
import sys

MARK = "gazetteer (geocoder unavailable)"
marked, got = 0, []
for line in open(sys.argv[1], encoding="utf-8"):
    i = json.loads(line)
    if i["location"].get("source") == MARK:
        i["location"]["source"] = "gazetteer"
        marked += 1
    got.append(json.dumps(i, sort_keys=True))
want = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
plain = sum(1 for i in want if i["location"].get("source") == "gazetteer")
want = sorted(json.dumps(i, sort_keys=True) for i in want)
print("# %d events (%d expected), %d of %d gazetteer locations marked unavailable"
      % (len(got), len(want), marked, plain))
sys.exit(0 if sorted(got) == want and marked == plain and marked > 0 else 1)
