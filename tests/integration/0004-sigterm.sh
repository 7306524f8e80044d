#!/bin/sh
# SIGTERM drains and commits: the worker stops fetching, finishes what is
# in flight, flushes, commits and exits 0 within shutdown.timeout.ms; a
# restarted worker in the same group reads only what the first one had
# not consumed - nothing is processed twice, nothing is skipped.
#
# The output broker answers slowly (1.5 s) when SIGTERM arrives, so there
# is in-flight work to drain. Background auto-commit is set to once a
# minute so only the shutdown commit can have committed the offsets.
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init sigterm

IN=articles-$KL_ID
OUT=incidents-$KL_ID
KL_BROKERS=2
kl_start_mockd "$IN:4" "$OUT:4" "$IN.dlq:1"
kl_place_leaders "$IN" "$OUT" 4 || kl_fail "cannot place partition leaders"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "kafka.consumer.auto.commit.interval.ms=60000" "shutdown.timeout.ms=20000" \
    "log.level=debug"
kl_consumed_above() { [ "$(grep -c ' consumed .* @' "$1")" -ge "$2" ]; }

kl_make_articles 6 "$KL_WORK/all.jsonl"
total=$(wc -l < "$KL_WORK/all.jsonl")
head -n $((total / 2)) "$KL_WORK/all.jsonl" > "$KL_WORK/part1.jsonl"
tail -n +$((total / 2 + 1)) "$KL_WORK/all.jsonl" > "$KL_WORK/part2.jsonl"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/part1.jsonl" "$KL_WORK/part1.expected"
part1=$(wc -l < "$KL_WORK/part1.expected")

kl_produce_lines "$IN" "$KL_WORK/part1.jsonl"
kl_start_worker "$KL_WORK/worker1.log" "$KL_WORK/w.conf"
FIRST=$WORKER_PID
kl_wait_assigned "$KL_WORK/worker1.log" 60 || kl_fail "first worker never assigned"
kl_wait 60 kl_has_at_least "$OUT" "$part1" ||
    kl_fail "first part not processed: $(kl_count "$OUT") of $part1"

kl_mock rtt 2 1500
kl_produce_lines "$IN" "$KL_WORK/part2.jsonl"
# SIGTERM once the worker has taken some of the second part into flight
# (its debug log names every message it consumes).
n1=$(wc -l < "$KL_WORK/part1.jsonl")
kl_wait 30 kl_consumed_above "$KL_WORK/worker1.log" $((n1 + 5)) ||
    kl_fail "the worker did not consume the second part"
kl_stop "$FIRST" 60
kl_check "SIGTERM with work in flight: exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
[ "$STOP_SECONDS" != "" ] && [ "$STOP_SECONDS" -le 25 ]
kl_check "the worker stopped within shutdown.timeout.ms + 5 s (took ${STOP_SECONDS}s)" \
    [ $? -eq 0 ]
kl_mock rtt 2 0
summary=$(grep "shutdown summary" "$KL_WORK/worker1.log")
echo "# $summary"
consumed1=$(echo "$summary" | sed -n 's/.*: \([0-9]*\) consumed.*/\1/p')
unfinished1=$(echo "$summary" | sed -n 's/.* \([0-9]*\) unfinished.*/\1/p')
kl_check "the first worker finished everything it had consumed ($consumed1 consumed, $unfinished1 unfinished)" \
    [ "${unfinished1:-x}" = 0 ]

# Restart in the same group, with one new sentinel article.
printf '%s\n' '{"id":"sentinel-'"$KL_ID"'","published_at":"2022-05-05","body":"Gunmen killed four traders near Djibo on Monday, officials said."}' \
    > "$KL_WORK/sentinel.jsonl"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/sentinel.jsonl" "$KL_WORK/sentinel.expected"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/all.jsonl" "$KL_WORK/all.expected"
cat "$KL_WORK/all.expected" "$KL_WORK/sentinel.expected" > "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
kl_produce_lines "$IN" "$KL_WORK/sentinel.jsonl"
kl_start_worker "$KL_WORK/worker2.log" "$KL_WORK/w.conf"
kl_wait_assigned "$KL_WORK/worker2.log" 90 || kl_fail "second worker never assigned"
if kl_wait 90 kl_has_at_least "$OUT" "$want"; then
    kl_ok "all $want incidents are out after the restart"
else
    kl_fail "only $(kl_count "$OUT") of $want incidents after the restart"
fi
kl_stop "$WORKER_PID" 60
kl_check "second worker: SIGTERM exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
consumed2=$(sed -n 's/.*shutdown summary.*: \([0-9]*\) consumed.*/\1/p' "$KL_WORK/worker2.log")
kl_check "the restarted worker read exactly what the first had not: $total + 1 - $consumed1 = ${consumed2:-?}" \
    [ "${consumed2:-x}" = $((total + 1 - consumed1)) ]

kl_dump "$OUT" "$KL_WORK/out.txt" "$want" 30
python3 - "$KL_WORK/out.txt" "$KL_WORK/expected.jsonl" <<'PY'
import json, sys
keys = [bytes.fromhex(l.split(" ")[2]).decode() for l in open(sys.argv[1])]
want = {json.loads(l)["incident_id"] for l in open(sys.argv[2]) if l.strip()}
print("# %d records, %d distinct, %d expected" % (len(keys), len(set(keys)), len(want)))
sys.exit(0 if len(keys) == len(set(keys)) and set(keys) == want else 1)
PY
kl_check "the output holds every expected incident exactly once" [ $? -eq 0 ]

# A second signal means "now": with the output broker answering after
# 10 s, two SIGTERMs stop the worker at once (still exit 0); what was in
# flight is left unstored for the next run.
kl_mock rtt 2 10000
kl_start_worker "$KL_WORK/worker3.log" "$KL_WORK/w.conf"
W3=$WORKER_PID
kl_wait_assigned "$KL_WORK/worker3.log" 90 || kl_fail "third worker never assigned"
kl_produce_lines "$IN" "$KL_WORK/part1.jsonl"
kl_wait 30 kl_consumed_above "$KL_WORK/worker3.log" 5 ||
    kl_fail "the third worker consumed nothing"
kill -TERM "$W3"
kl_wait 10 grep -q "stopping: finishing" "$KL_WORK/worker3.log"
kl_stop "$W3" 8
kl_check "a second SIGTERM stops at once: exit status $STATUS after ${STOP_SECONDS}s" \
    [ "$STATUS" = 0 ]
kl_check "the worker says it left in-flight work unfinished" \
    grep -q "second signal: not waiting" "$KL_WORK/worker3.log"
kl_check "unfinished work is not dead-lettered" \
    [ "$(kl_count "$IN.dlq")" -eq 0 ]
exit $KL_FAILED
