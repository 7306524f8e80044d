#!/bin/sh
# A village the embedded gazetteer lacks is kept by name with the region
# the text gives, and a geocoder that knows it makes it a town.
#
# `sitrep extract` runs on the compiled gazetteer (make gazetteer) twice:
# without a geocoder the village keeps its name at ADMIN1 precision with
# the region's coordinates; with geocoder.url pointing at `sitrep geocoder
# serve` over a gazetteer that holds the village (a supplement of this
# test's own), the same incident carries the village's coordinates, TOWN
# precision and the geocoder as its source. A place the geocoder does not
# know either keeps the gazetteer's answer.
set -u
SR_BUILD=${SR_BUILD:-build}
SR_ROOT=${SR_ROOT:-.}
SITREP="$SR_BUILD/sitrep"
FULL="$SR_ROOT/build/share/gazetteer.tsv"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-village.XXXXXX")
SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
pass() { echo "ok - geocoder-village: $1"; }
fail() { echo "not ok - geocoder-village: $1"; }

if [ ! -f "$FULL" ]; then
    fail "no compiled gazetteer at $FULL (make gazetteer)"
    exit 1
fi

# An invented village in Niger's Tillabéri region (admin1 09), and the
# articles that name it and one that names a village nobody knows.
printf 'P\tx-test-wandagourou\tWandagourou\tNE\t09\t14.61\t0.93\t0\tPPL\t\t\n' \
    > "$WORK/villages.tsv"
cat > "$WORK/articles.jsonl" <<'EOF'
{"id": "village-known", "published_at": "2021-03-05", "body": "Gunmen on motorcycles killed seven herders in the village of Wandagourou, in Niger's Tillaberi region, on Thursday, local officials said."}
{"id": "village-unknown", "published_at": "2021-03-05", "body": "Gunmen on motorcycles killed four farmers in the village of Zinkibaroua, in Niger's Tillaberi region, on Thursday, local officials said."}
EOF

"$SITREP" extract -X gazetteer.path="$FULL" -X places.path= \
    < "$WORK/articles.jsonl" > "$WORK/plain.jsonl" 2> "$WORK/plain.err"
rc=$?
if [ $rc -ne 0 ]; then
    fail "sitrep extract without a geocoder: exit $rc: $(tail -n 2 "$WORK/plain.err")"
    exit 1
fi

"$SITREP" geocoder serve --listen 127.0.0.1:0 -X gazetteer.path="$FULL" \
    -X places.path="$WORK/villages.tsv" > "$WORK/url" 2> "$WORK/server.err" &
SERVER_PID=$!
i=0
while [ $i -lt 200 ] && ! grep -q '^http' "$WORK/url" 2>/dev/null; do
    sleep 0.05
    i=$((i + 1))
done
URL=$(head -n 1 "$WORK/url")
case "$URL" in
http://127.0.0.1:[0-9]*) ;;
*)
    fail "the geocoder did not start: $(tail -n 2 "$WORK/server.err")"
    exit 1
    ;;
esac

"$SITREP" extract -X gazetteer.path="$FULL" -X places.path= \
    -X geocoder.url="$URL" \
    < "$WORK/articles.jsonl" > "$WORK/geo.jsonl" 2> "$WORK/geo.err"
rc=$?
kill "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=
if [ $rc -ne 0 ]; then
    fail "sitrep extract with the geocoder: exit $rc: $(tail -n 2 "$WORK/geo.err")"
    exit 1
fi

python3 - "$WORK/plain.jsonl" "$WORK/geo.jsonl" "$URL" <<'PY'
import json
import sys


def main_by_article(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        inc = json.loads(line)
        if inc["role"] == "MAIN_EVENT":
            out.setdefault(inc["article_id"], inc)
    return out


plain = main_by_article(sys.argv[1])
geo = main_by_article(sys.argv[2])
url = sys.argv[3]
failed = 0


def check(ok, name, got):
    global failed
    print(("ok - " if ok else "not ok - ") + "geocoder-village: " + name +
          ("" if ok else " (got %s)" % json.dumps(got, ensure_ascii=False)))
    failed += not ok


def loc(d, art):
    return (d.get(art) or {}).get("location") or {}


p = loc(plain, "village-known")
check(p.get("name") == "Wandagourou" and p.get("precision") == "ADMIN1" and
      p.get("country_code") == "NE" and p.get("source") == "gazetteer",
      "without a geocoder the unknown village keeps its name, at the "
      "region's ADMIN1 precision", p)
g = loc(geo, "village-known")
check(g.get("precision") == "TOWN" and
      abs((g.get("lat") or 0) - 14.61) < 0.01 and
      abs((g.get("lon") or 0) - 0.93) < 0.01,
      "the geocoder that knows the village makes it a TOWN at its "
      "coordinates", g)
check(url in (g.get("source") or ""),
      "the location names the geocoder as its source", g.get("source"))
check(g.get("country_code") == "NE" and g.get("name") == "Wandagourou",
      "country and name stay", g)
u = loc(geo, "village-unknown")
check(u == loc(plain, "village-unknown") and u.get("precision") == "ADMIN1",
      "a village the geocoder does not know keeps the gazetteer's answer",
      u)
sys.exit(1 if failed else 0)
PY
