#!/bin/sh
# With geocoder.url set, the worker looks places up over HTTP without
# blocking its loop, and its events carry the geocoder's answers.
#
# `sitrep geocoder serve` (the gazetteer behind a Nominatim-style API)
# answers every search 300 ms late. The worker's events, decoded, must
# equal what `sitrep extract` prints with the same geocoder, at least one
# location must name the geocoder as its source, and the worker must
# have kept consuming while lookups were pending (more articles in flight
# than one at a time). Then a second worker (own group and output topic)
# is pointed at a geocoder that refuses connections: its events must be
# what extract gives without a geocoder (the gazetteer's answers), every
# gazetteer source marked "gazetteer (geocoder unavailable)", with
# nothing dead-lettered.
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init geocoder

IN=articles-$KL_ID
OUT=incidents-$KL_ID
OUT2=incidents2-$KL_ID
kl_start_mockd "$IN:3" "$OUT:3" "$IN.dlq:1" "$OUT2:1"
kl_write_conf "$KL_WORK/base.conf" "input.topic=$IN" "output.topic=$OUT"
"$SITREP" geocoder serve --listen 127.0.0.1:0 --delay-ms 300 \
    -c "$KL_WORK/base.conf" > "$KL_WORK/geocoder.out" 2> "$KL_WORK/geocoder.log" &
kl_track $!
if ! kl_wait 30 grep -q . "$KL_WORK/geocoder.out"; then
    kl_fail "the geocoder did not start: $(tail -n 3 "$KL_WORK/geocoder.log")"
    exit 1
fi
URL=$(head -n 1 "$KL_WORK/geocoder.out")
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "geocoder.url=$URL" "log.level=debug"

grep '"id"' "$SR_ROOT/tests/fixtures/kafka/articles.jsonl" > "$KL_WORK/articles.jsonl"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/articles.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
kl_check "sitrep extract with the geocoder finds $want incidents" [ "$want" -gt 0 ]

kl_start_worker "$KL_WORK/worker.log" "$KL_WORK/w.conf"
kl_produce_lines "$IN" "$KL_WORK/articles.jsonl"
if kl_wait 90 kl_has_at_least "$OUT" "$want"; then
    kl_ok "the worker publishes $want events"
else
    kl_fail "only $(kl_count "$OUT") of $want events"
fi
kl_stop "$WORKER_PID" 60
kl_check "SIGTERM: exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]

"$SITREP" decode -t "$OUT" -b "$BROKERS" -e > "$KL_WORK/decoded.jsonl" 2> "$KL_WORK/decode.err"
python3 - "$KL_WORK/decoded.jsonl" "$KL_WORK/expected.jsonl" "$URL" <<'PY'
import json, sys
got = {}
for l in open(sys.argv[1], encoding="utf-8"):
    i = json.loads(l)
    got[i["incident_id"]] = i
want = {}
for l in open(sys.argv[2], encoding="utf-8"):
    if l.strip():
        i = json.loads(l)
        want[i["incident_id"]] = i
problems = []
if set(got) != set(want):
    problems.append("incident ids differ: %d got, %d expected" % (len(got), len(want)))
for k in set(got) & set(want):
    if got[k] != want[k]:
        problems.append("%s differs in %s" % (k, [f for f in want[k] if got[k].get(f) != want[k][f]]))
srcs = [i["location"].get("source") or "" for i in got.values()]
geo = [s for s in srcs if sys.argv[3] in s]
print("# %d events; location sources: %s" % (len(got), sorted(set(srcs))))
if not geo:
    problems.append("no location names the geocoder (%s) as its source" % sys.argv[3])
for p in problems[:10]:
    print("#", p)
sys.exit(1 if problems else 0)
PY
kl_check "events equal sitrep extract with the same geocoder, and carry the geocoder's source" [ $? -eq 0 ]
most=$(sed -n 's/.* consumed .*, \([0-9]*\) in flight)$/\1/p' "$KL_WORK/worker.log" | sort -n | tail -n 1)
kl_check "the loop kept consuming while lookups were pending (up to ${most:-0} articles in flight)" \
    [ "${most:-0}" -ge 2 ]

# A dead geocoder: nothing listens on port 1 of loopback.
kl_extract "$KL_WORK/base.conf" "$KL_WORK/articles.jsonl" "$KL_WORK/plain.jsonl"
KL_GROUP="$KL_GROUP-dead"
kl_write_conf "$KL_WORK/dead.conf" "input.topic=$IN" "output.topic=$OUT2" \
    "geocoder.url=http://127.0.0.1:1" "geocoder.timeout.ms=2000"
kl_start_worker "$KL_WORK/dead.log" "$KL_WORK/dead.conf"
if kl_wait 90 kl_has_at_least "$OUT2" "$(wc -l < "$KL_WORK/plain.jsonl")"; then
    kl_ok "with the geocoder down every incident is still produced"
else
    kl_fail "geocoder down: $(kl_count "$OUT2") events"
fi
kl_stop "$WORKER_PID" 60
kl_check "geocoder down: SIGTERM exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
"$SITREP" decode -t "$OUT2" -b "$BROKERS" -e > "$KL_WORK/decoded2.jsonl" 2>> "$KL_WORK/decode.err"
python3 "$SR_ROOT/tests/tools/geo-fallback.py" "$KL_WORK/decoded2.jsonl" "$KL_WORK/plain.jsonl"
kl_check "geocoder down: events equal extract without a geocoder (gazetteer answers kept, marked unavailable)" [ $? -eq 0 ]
kl_check "geocoder down: nothing dead-lettered" [ "$(kl_count "$IN.dlq")" -eq 0 ]
exit $KL_FAILED
