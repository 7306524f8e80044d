#!/bin/sh
# The worker speaks each geocoder API: Nominatim (/search), Photon (/api)
# and Pelias (/v1/search), chosen by geocoder.dialect.
#
# One `sitrep geocoder serve` answers all three APIs from the same
# gazetteer. The fixture articles go to one input topic; for each dialect a
# worker (its own group and output topic) consumes them all. Its events,
# decoded, must equal what `sitrep extract` prints with the same
# configuration; at least one location must name that dialect and the
# server's URL as its source ("photon http://..."), and none another
# dialect. Since the server answers the three APIs from one gazetteer,
# every location field but the source must be the same across the three
# dialects: Pelias' alpha-3 countries come back as alpha-2, and each API's
# place types map to the same precision. The server's search count must
# grow with every worker (its cache starts empty).
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init geocoder-dialects

IN=articles-$KL_ID
DIALECTS="nominatim photon pelias"
kl_start_mockd "$IN:2" "$IN.dlq:1" "out-nominatim-$KL_ID:1" \
    "out-photon-$KL_ID:1" "out-pelias-$KL_ID:1"
kl_write_conf "$KL_WORK/base.conf" "input.topic=$IN"
"$SITREP" geocoder serve --listen 127.0.0.1:0 -c "$KL_WORK/base.conf" \
    > "$KL_WORK/geocoder.out" 2> "$KL_WORK/geocoder.log" &
kl_track $!
if ! kl_wait 30 grep -q . "$KL_WORK/geocoder.out"; then
    kl_fail "the geocoder did not start: $(tail -n 3 "$KL_WORK/geocoder.log")"
    exit 1
fi
URL=$(head -n 1 "$KL_WORK/geocoder.out")
searches() {
    curl -s "$URL/status?format=json" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["searches"])'
}

grep '"id"' "$SR_ROOT/tests/fixtures/kafka/articles.jsonl" > "$KL_WORK/articles.jsonl"
kl_produce_lines "$IN" "$KL_WORK/articles.jsonl"
GROUP=$KL_GROUP
for d in $DIALECTS; do
    OUT=out-$d-$KL_ID
    KL_GROUP=$GROUP-$d
    kl_write_conf "$KL_WORK/$d.conf" "input.topic=$IN" "output.topic=$OUT" \
        "geocoder.url=$URL" "geocoder.dialect=$d"
    kl_extract "$KL_WORK/$d.conf" "$KL_WORK/articles.jsonl" "$KL_WORK/expected-$d.jsonl"
    before=$(searches)
    want=$(wc -l < "$KL_WORK/expected-$d.jsonl")
    kl_check "$d: sitrep extract finds $want incidents" [ "$want" -gt 0 ]
    kl_start_worker "$KL_WORK/worker-$d.log" "$KL_WORK/$d.conf"
    if kl_wait 90 kl_has_at_least "$OUT" "$want"; then
        kl_ok "$d: the worker publishes $want events"
    else
        kl_fail "$d: only $(kl_count "$OUT") of $want events"
    fi
    kl_stop "$WORKER_PID" 60
    kl_check "$d: SIGTERM exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
    after=$(searches)
    kl_check "$d: the server answered the dialect's searches ($before -> $after)" \
        [ "$after" -gt "$before" ]
    "$SITREP" decode -t "$OUT" -b "$BROKERS" -e > "$KL_WORK/decoded-$d.jsonl" \
        2> "$KL_WORK/decode-$d.err"
done

python3 - "$KL_WORK" "$URL" $DIALECTS <<'PY'
import json, sys
work, url, dialects = sys.argv[1], sys.argv[2], sys.argv[3:]

def load(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        if line.strip():
            i = json.loads(line)
            out[i["incident_id"]] = i
    return out

problems, locs = [], {}
for d in dialects:
    got = load("%s/decoded-%s.jsonl" % (work, d))
    want = load("%s/expected-%s.jsonl" % (work, d))
    if set(got) != set(want):
        problems.append("%s: incident ids differ (%d got, %d expected)" % (d, len(got), len(want)))
    for k in set(got) & set(want):
        if got[k] != want[k]:
            problems.append("%s: %s differs from extract in %s" % (
                d, k, [f for f in want[k] if got[k].get(f) != want[k][f]]))
    srcs = [(i["location"] or {}).get("source") or "" for i in got.values()]
    mine = [s for s in srcs if s == "%s %s" % (d, url)]
    other = [s for s in srcs if url in s and s != "%s %s" % (d, url)]
    print("# %s: %d events, %d located by the geocoder, sources %s" % (
        d, len(got), len(mine), sorted(set(srcs))))
    if not mine:
        problems.append("%s: no location names '%s %s' as its source" % (d, d, url))
    if other:
        problems.append("%s: sources of another dialect: %s" % (d, sorted(set(other))))
    locs[d] = {k: {f: v for f, v in (i["location"] or {}).items() if f != "source"}
               for k, i in got.items()}
ref = dialects[0]
for d in dialects[1:]:
    for k in set(locs[ref]) & set(locs[d]):
        if locs[ref][k] != locs[d][k]:
            a, b = locs[ref][k], locs[d][k]
            problems.append("%s vs %s: %s: %s" % (
                ref, d, k, {f: (a.get(f), b.get(f)) for f in set(a) | set(b) if a.get(f) != b.get(f)}))
for p in problems[:12]:
    print("#", p)
sys.exit(1 if problems else 0)
PY
kl_check "each dialect: events equal extract, sources name the dialect, locations equal across dialects" [ $? -eq 0 ]
kl_check "nothing dead-lettered" [ "$(kl_count "$IN.dlq")" -eq 0 ]
exit $KL_FAILED
