#!/bin/sh
# Scale-out on a real broker: workers in one consumer group share a
# 12-partition input topic, and members joining and leaving in mid-stream
# lose nothing.
#
# Three `sitrep run` workers start over a 12-partition topic holding the
# first part of the input; their logs must show every one of them holding
# partitions, no partition held twice, all 12 held. The rest of the input
# then trickles in (a few articles at a time, one partition after the
# other) while a fourth worker joins (the 12 partitions are split four
# ways) and one of the first three leaves with SIGTERM (split three ways
# again); both changes must happen while input still arrives. Then the group's committed offsets must reach the
# end of every input partition, every worker must have consumed articles,
# and the output must hold every incident `sitrep extract` finds in the
# same articles, field by field, with duplicates only as exact replays
# (same key, same bytes).
set -u
. "$SR_ROOT/tests/tools/realkafka-lib.sh"
rk_init scale-out

IN=articles-$KL_ID
OUT=incidents-$KL_ID
rk_start_broker
rk_topics "$IN:12" "$OUT:12" "$IN.dlq:1"
kl_ok "broker up at $BROKERS, topics created ($(rk_elapsed) s)"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT"

kl_make_articles 40 "$KL_WORK/all.jsonl"
total=$(wc -l < "$KL_WORK/all.jsonl")
q=$((total / 4))
head -n $q "$KL_WORK/all.jsonl" > "$KL_WORK/p1"
sed -n "$((q + 1)),$((2 * q))p" "$KL_WORK/all.jsonl" > "$KL_WORK/p2"
tail -n +$((2 * q + 1)) "$KL_WORK/all.jsonl" > "$KL_WORK/rest"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/all.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
kl_check "sitrep extract finds $want incidents in $total articles" [ "$want" -gt "$total" ]

rk_produce_spread "$IN" 12 "$KL_WORK/p1" || kl_fail "cannot produce part 1"
for i in 1 2 3; do
    kl_start_worker "$KL_WORK/w$i.log" "$KL_WORK/w.conf" -X "worker.id=w$i"
    eval "W$i=\$WORKER_PID"
done
if kl_wait 60 rk_split 12 "$KL_WORK/w1.log" "$KL_WORK/w2.log" "$KL_WORK/w3.log"; then
    kl_ok "3 workers split the 12 partitions ($(rk_elapsed) s):$(for i in 1 2 3; do printf ' w%s=%s' $i "$(rk_assigned_parts "$KL_WORK/w$i.log" | wc -w)"; done)"
else
    kl_fail "3 workers never split the 12 partitions:$(for i in 1 2 3; do printf ' [w%s: %s]' $i "$(rk_assigned_parts "$KL_WORK/w$i.log")"; done)"
fi

rk_produce_spread "$IN" 12 "$KL_WORK/p2" || kl_fail "cannot produce part 2"
if kl_wait 120 rk_no_lag "$KL_GROUP" "$IN"; then
    kl_ok "the 3 workers consume part 2 to the end ($(rk_elapsed) s)"
else
    kl_fail "part 2 still $(rk_lag "$KL_GROUP" "$IN") behind"
fi

rk_trickle "$IN" 12 "$KL_WORK/rest" 4
kl_start_worker "$KL_WORK/w4.log" "$KL_WORK/w.conf" -X "worker.id=w4"
W4=$WORKER_PID
if kl_wait 60 rk_split 12 "$KL_WORK/w1.log" "$KL_WORK/w2.log" "$KL_WORK/w3.log" "$KL_WORK/w4.log"; then
    kl_ok "a 4th worker joins in mid-stream: 4 workers split the 12 partitions ($(rk_elapsed) s)"
else
    kl_fail "4 workers never split the 12 partitions:$(for i in 1 2 3 4; do printf ' [w%s: %s]' $i "$(rk_assigned_parts "$KL_WORK/w$i.log")"; done)"
fi

kl_check "the input still arrives after the join" rk_trickling
kl_stop "$W2" 30
kl_check "w2 leaves in mid-stream with SIGTERM: status 0 after ${STOP_SECONDS} s (got $STATUS)" [ "$STATUS" = 0 ]
if kl_wait 60 rk_split 12 "$KL_WORK/w1.log" "$KL_WORK/w3.log" "$KL_WORK/w4.log"; then
    kl_ok "the 3 remaining workers take over w2's partitions ($(rk_elapsed) s)"
else
    kl_fail "the remaining workers never held all 12 partitions"
fi
kl_check "the input still arrives after the leave" rk_trickling
kl_check "all of the input was delivered to the broker" rk_trickle_wait 120

if kl_wait 120 rk_no_lag "$KL_GROUP" "$IN"; then
    kl_ok "the group committed the end of every input partition ($(rk_elapsed) s)"
else
    kl_fail "committed offsets still $(rk_lag "$KL_GROUP" "$IN") behind the input"
fi
for i in 1 3 4; do
    eval "pid=\$W$i"
    kl_stop "$pid" 30
    kl_check "w$i stops on SIGTERM: status 0 after ${STOP_SECONDS} s (got $STATUS)" [ "$STATUS" = 0 ]
done
busy=0
counts=""
for i in 1 2 3 4; do
    c=$(rk_consumed "$KL_WORK/w$i.log")
    counts="$counts w$i=${c:-?}"
    [ "${c:-0}" -gt 0 ] && busy=$((busy + 1))
done
kl_check "every worker consumed articles:$counts" [ "$busy" -eq 4 ]

kl_dump "$OUT" "$KL_WORK/out.dump" "$want" 30
kl_dump "$IN.dlq" "$KL_WORK/dlq.dump" 0 10
"$SITREP" decode -t "$OUT" -b "$BROKERS" -e -k > "$KL_WORK/decoded.jsonl" 2> "$KL_WORK/decode.err"
kl_check "sitrep decode reads the output back" [ $? -eq 0 ]
rk_check_output "$KL_WORK/expected.jsonl" "$KL_WORK/out.dump" "$KL_WORK/dlq.dump" "$KL_WORK/decoded.jsonl"
kl_check "every incident of every article is in the output as sitrep extract has it; duplicates only exact replays" [ $? -eq 0 ]
kl_check "nothing was dead-lettered" [ ! -s "$KL_WORK/dlq.dump" ]
echo "# 0001 took $(rk_elapsed) s"
exit $KL_FAILED
