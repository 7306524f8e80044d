#!/bin/sh
# processing.guarantee=exactly_once on a real broker: a read_committed
# consumer sees every incident, and every dead letter, exactly once,
# although a worker is killed with SIGKILL in the middle of a
# transaction and the group rebalances three times (a worker joins, one
# dies, one leaves) while the input keeps arriving.
#
# The victim (w2) commits only every 4 s, so when it is killed it has
# delivered records of a transaction it never commits: the broker aborts
# that transaction after kafka.producer.transaction.timeout.ms (10 s
# here) and its records stay in the topic, visible to read_uncommitted
# readers only; the group's committed offsets for w2's partitions did not
# move, so the new owners process those articles again. The test checks
# that the aborted records exist (read_uncommitted holds more than
# read_committed), so that a replay was really exercised, then that the
# committed view has no duplicate at all and no missing incident.
set -u
. "$SR_ROOT/tests/tools/realkafka-lib.sh"
rk_init exactly-once

IN=articles-$KL_ID
OUT=incidents-$KL_ID
DLQ=$IN.dlq
rk_start_broker
rk_topics "$IN:12" "$OUT:12" "$DLQ:1"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "log.level=debug" "processing.guarantee=exactly_once" \
    "transaction.interval.ms=300" \
    "kafka.producer.transaction.timeout.ms=10000"

# The configuration is checked before anything connects.
"$SITREP" run -c "$KL_WORK/w.conf" -X kafka.consumer.enable.auto.commit=true \
    > /dev/null 2> "$KL_WORK/refused.err"
rc=$?
kl_check "exactly_once with enable.auto.commit=true: exit 2 (got $rc)" [ $rc -eq 2 ]
kl_check "the refusal says why" grep -q "enable.auto.commit=false (processing.guarantee=exactly_once" "$KL_WORK/refused.err"

kl_make_articles 40 "$KL_WORK/good.jsonl"
# Bad input, dead-lettered inside the transactions like any output.
python3 - "$KL_WORK/good.jsonl" > "$KL_WORK/all.jsonl" <<'PY'
import sys
bad = ['{"id":"bad-json-%d","body": "unterminated', '{"id":["bad-%d"],"title":7,"body":42}']
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    sys.stdout.write(line)
    if i % 25 == 7:
        sys.stdout.write(bad[(i // 25) % 2].replace("%d", str(i)) + "\n")
PY
total=$(wc -l < "$KL_WORK/all.jsonl")
nbad=$((total - $(wc -l < "$KL_WORK/good.jsonl")))
q=$((total / 5))
head -n $q "$KL_WORK/all.jsonl" > "$KL_WORK/p1"
tail -n +$((q + 1)) "$KL_WORK/all.jsonl" > "$KL_WORK/rest"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/good.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
kl_check "sitrep extract finds $want incidents; $nbad bad messages among $total" [ "$want" -gt "$total" ]

rk_produce_spread "$IN" 12 "$KL_WORK/p1" || kl_fail "cannot produce part 1"
kl_start_worker "$KL_WORK/w1.log" "$KL_WORK/w.conf" -X worker.id=w1
W1=$WORKER_PID
kl_start_worker "$KL_WORK/w2.log" "$KL_WORK/w.conf" -X worker.id=w2 \
    -X transaction.interval.ms=4000
W2=$WORKER_PID
kl_start_worker "$KL_WORK/w3.log" "$KL_WORK/w.conf" -X worker.id=w3
W3=$WORKER_PID
if kl_wait 60 rk_split 12 "$KL_WORK/w1.log" "$KL_WORK/w2.log" "$KL_WORK/w3.log"; then
    kl_ok "3 workers split the 12 partitions ($(rk_elapsed) s)"
else
    kl_fail "3 workers never split the 12 partitions"
fi

RK_TRICKLE_PAUSE=0.15 rk_trickle "$IN" 12 "$KL_WORK/rest" 4

# A 4th worker joins mid-stream: every member commits (or aborts) its
# open transaction in the revoke, then the 12 partitions are split in 4.
consumed_above() { [ "$(cat "$KL_WORK"/w[123].log | grep -c " consumed $IN ")" -gt "$1" ]; }
kl_wait 30 consumed_above $((q + 40)) || kl_fail "the trickle is not consumed"
kl_start_worker "$KL_WORK/w4.log" "$KL_WORK/w.conf" -X worker.id=w4
W4=$WORKER_PID
if kl_wait 60 rk_split 12 "$KL_WORK/w1.log" "$KL_WORK/w2.log" "$KL_WORK/w3.log" "$KL_WORK/w4.log"; then
    kl_ok "w4 joined: 4 workers split the 12 partitions ($(rk_elapsed) s)"
else
    kl_fail "4 workers never split the 12 partitions"
fi
kl_check "the input still arrives after the join" rk_trickling

# w2 has output of its current transaction delivered to the broker (its
# log says so): killing it now leaves that transaction open, with records.
w2_open_txn() {
    awk '/transaction committed|revoked [0-9]+ partition/ { n = 0 }
         / delivered '"$IN"' / { n++ }
         END { exit !(n >= 3) }' "$KL_WORK/w2.log"
}
kl_wait 30 w2_open_txn || kl_fail "w2 never had an open transaction with delivered output"
kill -KILL "$W2"
wait "$W2" 2> /dev/null
kl_untrack "$W2"
kl_ok "w2 killed with SIGKILL inside a transaction ($(rk_elapsed) s)"
kl_check "the input still arrives after the crash" rk_trickling

if kl_wait 60 rk_split 12 "$KL_WORK/w1.log" "$KL_WORK/w3.log" "$KL_WORK/w4.log"; then
    kl_ok "w1, w3 and w4 take over w2's partitions ($(rk_elapsed) s)"
else
    kl_fail "the survivors never held all 12 partitions"
fi
# One leaves cleanly (SIGTERM commits its last transaction) mid-stream.
if rk_trickling; then
    kl_ok "w4 leaves while the input still arrives"
fi
kl_stop "$W4" 30
kl_check "w4 stops on SIGTERM: status 0 (got $STATUS)" [ "$STATUS" = 0 ]
kl_check "all of the input was delivered to the broker" rk_trickle_wait 180
if kl_wait 120 rk_no_lag "$KL_GROUP" "$IN"; then
    kl_ok "the group's transactions committed the end of every input partition ($(rk_elapsed) s)"
else
    kl_fail "committed offsets still $(rk_lag "$KL_GROUP" "$IN") behind the input"
fi
for i in 1 3; do
    eval "pid=\$W$i"
    kl_stop "$pid" 30
    kl_check "w$i stops on SIGTERM: status 0 (got $STATUS)" [ "$STATUS" = 0 ]
done

kl_dump "$OUT" "$KL_WORK/out.dump" "$want" 60
"$SR_BUILD/sitrep-dump" -u -b "$BROKERS" -t "$OUT" -n "$want" -w 30 \
    > "$KL_WORK/out-uncommitted.dump" 2> /dev/null
kl_dump "$DLQ" "$KL_WORK/dlq.dump" "$nbad" 30
committed=$(wc -l < "$KL_WORK/out.dump")
all=$(wc -l < "$KL_WORK/out-uncommitted.dump")
kl_check "aborted records exist: read_uncommitted sees $all records, read_committed $committed" [ "$all" -gt "$committed" ]
kl_check "$nbad dead letters for $nbad bad messages" [ "$(wc -l < "$KL_WORK/dlq.dump")" -eq "$nbad" ]
rk_check_output "$KL_WORK/expected.jsonl" "$KL_WORK/out.dump" "$KL_WORK/dlq.dump" - --exactly-once
kl_check "read_committed: every incident exactly once, every dead letter exactly once" [ $? -eq 0 ]
kl_check "the aborted transactions' records are replays of committed ones" \
    python3 "$RK_CHECK" "$KL_WORK/expected.jsonl" "$KL_WORK/out-uncommitted.dump" "$KL_WORK/dlq.dump"
aborts=$(cat "$KL_WORK"/w*.log | grep -c "transaction aborted")
commits=$(cat "$KL_WORK"/w*.log | grep -c "transaction committed")
echo "# $commits transactions committed, $aborts aborted by the workers"
echo "# 0010 took $(rk_elapsed) s"
exit $KL_FAILED
