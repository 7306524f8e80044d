#!/bin/sh
# kill -9 in mid-stream loses nothing: after a restart every article's
# incidents are in the output topic. Duplicates are allowed (at-least-
# once), but a duplicate must be byte-identical and carry the same key.
#
# Two mock brokers: broker 1 leads the input topic and coordinates the
# group, broker 2 leads the output topic. While the second part of the
# input arrives, broker 2 answers after 5 s, so the worker is killed
# holding consumed, undelivered articles (it pauses at
# max.inflight.articles=10 and says so); more input arrives while it is
# down.
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init crash-replay

IN=articles-$KL_ID
OUT=incidents-$KL_ID
KL_BROKERS=2
kl_start_mockd "$IN:4" "$OUT:4" "$IN.dlq:1"
kl_place_leaders "$IN" "$OUT" 4 || kl_fail "cannot place partition leaders"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "max.inflight.articles=10" "log.level=debug"

kl_make_articles 12 "$KL_WORK/all.jsonl"
total=$(wc -l < "$KL_WORK/all.jsonl")
head -n $((total / 3)) "$KL_WORK/all.jsonl" > "$KL_WORK/part1.jsonl"
tail -n +$((total / 3 + 1)) "$KL_WORK/all.jsonl" | head -n $((total / 3)) > "$KL_WORK/part2.jsonl"
tail -n +$((2 * (total / 3) + 1)) "$KL_WORK/all.jsonl" > "$KL_WORK/part3.jsonl"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/all.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
kl_lines_above_re() { [ "$(grep -c "$1" "$2")" -gt "$3" ]; }
kl_extract_count() {
    kl_extract "$KL_WORK/w.conf" "$KL_WORK/$1.jsonl" "$KL_WORK/$1.expected"
    wc -l < "$KL_WORK/$1.expected"
}
kl_check "sitrep extract finds incidents in the $total articles ($want)" [ "$want" -gt 0 ]

kl_produce_lines "$IN" "$KL_WORK/part1.jsonl"
kl_start_worker "$KL_WORK/worker1.log" "$KL_WORK/w.conf"
FIRST=$WORKER_PID
kl_wait_assigned "$KL_WORK/worker1.log" 60 || kl_fail "first worker never assigned"
# Some output first, then slow the broker and feed more.
kl_wait 60 kl_has_at_least "$OUT" 1 || kl_fail "no output from the first worker"
part1=$(kl_extract_count part1)
kl_wait 60 kl_has_at_least "$OUT" "$part1" ||
    kl_fail "the first worker did not finish the first part"
pauses=$(grep -c "paused fetching" "$KL_WORK/worker1.log")
kl_mock rtt 2 5000
kl_produce_lines "$IN" "$KL_WORK/part2.jsonl"
if kl_wait 60 kl_lines_above_re "paused fetching (max.inflight.articles" "$KL_WORK/worker1.log" "$pauses"; then
    kl_ok "the first worker holds max.inflight.articles undelivered articles and pauses"
else
    kl_fail "the first worker never filled up"
fi
kill -KILL "$FIRST"
wait "$FIRST" 2>/dev/null
kl_untrack "$FIRST"
kl_mock rtt 2 0
before=$(kl_count "$OUT")
kl_ok "first worker killed with SIGKILL; $before of $want incident records were out"
kl_check "the worker was killed mid-stream (not everything was out yet)" \
    [ "$before" -lt "$want" ]

kl_produce_lines "$IN" "$KL_WORK/part3.jsonl"
kl_start_worker "$KL_WORK/worker2.log" "$KL_WORK/w.conf"
kl_wait_assigned "$KL_WORK/worker2.log" 90 || kl_fail "second worker never assigned"

if kl_wait 120 kl_have_all "$OUT" "$KL_WORK/expected.jsonl" "$KL_WORK/out.txt"; then
    kl_ok "after the restart every incident of every article is in the output"
else
    kl_fail "incidents missing after the restart ($(wc -l < "$KL_WORK/out.txt") records, $want expected)"
fi

python3 - "$KL_WORK/out.txt" "$KL_WORK/expected.jsonl" <<'PY'
import json, sys
by_key = {}
for l in open(sys.argv[1]):
    part, off, key, value, hdrs = l.rstrip("\n").split(" ")
    by_key.setdefault(key, set()).add((value, hdrs))
want = {json.loads(l)["incident_id"].encode().hex() for l in open(sys.argv[2]) if l.strip()}
extra = set(by_key) - want
differ = [k for k, v in by_key.items() if len(v) != 1]
records = sum(1 for _ in open(sys.argv[1]))
print("# %d records, %d keys, %d duplicates" % (records, len(by_key), records - len(by_key)))
sys.exit(1 if extra or differ else 0)
PY
kl_check "duplicates are byte-identical (value and headers) and no unknown key appears" [ $? -eq 0 ]

kl_stop "$WORKER_PID" 40
kl_check "second worker: SIGTERM exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
exit $KL_FAILED
