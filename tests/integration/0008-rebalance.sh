#!/bin/sh
# Two workers in one group: a second worker joins while the first has
# articles in flight (slow output broker), partitions move (eager range
# rebalance: the first worker drains what it can, stores offsets, hands
# over the rest), then the first leaves on SIGTERM and the second takes
# everything. Input keeps arriving throughout. In the end every incident
# is out; duplicates (replays of moved partitions) are byte-identical.
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init rebalance

IN=articles-$KL_ID
OUT=incidents-$KL_ID
KL_BROKERS=2
kl_start_mockd "$IN:4" "$OUT:4" "$IN.dlq:1"
kl_place_leaders "$IN" "$OUT" 4 || kl_fail "cannot place partition leaders"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "max.inflight.articles=20"
kl_make_articles 15 "$KL_WORK/all.jsonl"
split -n l/3 "$KL_WORK/all.jsonl" "$KL_WORK/part-"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/all.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")

kl_mock rtt 2 300
kl_produce_lines "$IN" "$KL_WORK/part-aa"
kl_start_worker "$KL_WORK/a.log" "$KL_WORK/w.conf"
A=$WORKER_PID
kl_wait_assigned "$KL_WORK/a.log" 60 || kl_fail "worker A never assigned"
kl_wait 60 kl_has_at_least "$OUT" 10 || kl_fail "worker A produces nothing"

kl_start_worker "$KL_WORK/b.log" "$KL_WORK/w.conf"
B=$WORKER_PID
kl_produce_lines "$IN" "$KL_WORK/part-ab"
if kl_wait 60 grep -q "revoked 4 partition" "$KL_WORK/a.log" &&
    kl_wait 60 grep -q "assigned [1-3] partition" "$KL_WORK/b.log"; then
    kl_ok "B joins: A's partitions are revoked and split between A and B"
else
    kl_fail "no rebalance seen"
fi
kl_produce_lines "$IN" "$KL_WORK/part-ac"
kl_stop "$A" 60
kl_check "A leaves on SIGTERM with exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
kl_wait 60 grep -q "assigned 4 partition" "$KL_WORK/b.log" ||
    kl_fail "B never took over all partitions"
kl_mock rtt 2 0

if kl_wait 120 kl_have_all "$OUT" "$KL_WORK/expected.jsonl" "$KL_WORK/out.txt"; then
    kl_ok "every incident of every article is out ($want)"
else
    kl_fail "incidents missing: $(wc -l < "$KL_WORK/out.txt") records for $want"
fi
python3 - "$KL_WORK/out.txt" "$KL_WORK/expected.jsonl" <<'PY'
import json, sys
by_key = {}
n = 0
for l in open(sys.argv[1]):
    part, off, key, value, hdrs = l.rstrip("\n").split(" ")
    by_key.setdefault(key, set()).add((value, hdrs))
    n += 1
want = {json.loads(l)["incident_id"].encode().hex() for l in open(sys.argv[2]) if l.strip()}
print("# %d records, %d keys, %d duplicates" % (n, len(by_key), n - len(by_key)))
sys.exit(1 if set(by_key) - want or any(len(v) != 1 for v in by_key.values()) else 0)
PY
kl_check "duplicates are byte-identical, no unknown key" [ $? -eq 0 ]
kl_stop "$B" 60
kl_check "B: SIGTERM exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
grep -h "shutdown summary\|left unfinished" "$KL_WORK/a.log" "$KL_WORK/b.log" | sed 's/^/# /'
exit $KL_FAILED
