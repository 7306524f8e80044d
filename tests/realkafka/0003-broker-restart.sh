#!/bin/sh
# The broker restarts in mid-stream: workers reconnect and go on, nothing
# is lost.
#
# Two workers consume a 6-partition topic while the input trickles in.
# The broker is stopped with SIGTERM (controlled shutdown), stays down for
# a few seconds while the workers keep running, and starts again from the
# same storage on the same port. The workers must still be running, hold
# all partitions again, and the group's committed offsets must reach the
# end of the input (the input producer waits out the downtime, as
# librdkafka retries). Every article's incidents must then be in the
# output, duplicates only as exact replays, and both workers must exit 0
# on SIGTERM.
set -u
. "$SR_ROOT/tests/tools/realkafka-lib.sh"
rk_init broker-restart

IN=articles-$KL_ID
OUT=incidents-$KL_ID
rk_start_broker
rk_topics "$IN:6" "$OUT:6" "$IN.dlq:1"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT"

kl_make_articles 30 "$KL_WORK/all.jsonl"
total=$(wc -l < "$KL_WORK/all.jsonl")
q=$((total / 3))
head -n $q "$KL_WORK/all.jsonl" > "$KL_WORK/p1"
tail -n +$((q + 1)) "$KL_WORK/all.jsonl" > "$KL_WORK/rest"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/all.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
kl_check "sitrep extract finds $want incidents in $total articles" [ "$want" -gt "$total" ]

rk_produce_spread "$IN" 6 "$KL_WORK/p1" || kl_fail "cannot produce part 1"
kl_start_worker "$KL_WORK/w1.log" "$KL_WORK/w.conf" -X worker.id=w1
W1=$WORKER_PID
kl_start_worker "$KL_WORK/w2.log" "$KL_WORK/w.conf" -X worker.id=w2
W2=$WORKER_PID
if kl_wait 60 rk_split 6 "$KL_WORK/w1.log" "$KL_WORK/w2.log"; then
    kl_ok "2 workers split the 6 partitions ($(rk_elapsed) s)"
else
    kl_fail "2 workers never split the 6 partitions"
fi
kl_wait 60 kl_has_at_least "$OUT" 1 || kl_fail "no output before the restart"

rk_trickle "$IN" 6 "$KL_WORK/rest" 4
sleep 1
lag_before=$(rk_lag "$KL_GROUP" "$IN")
port_before=${BROKERS##*:}
t0=$(date +%s)
rk_stop_broker stop
kl_ok "broker stopped with SIGTERM in mid-stream after $(($(date +%s) - t0)) s ($(rk_elapsed) s)"
kl_check "the input was still arriving when the broker stopped" rk_trickling
# Down long enough for every client to notice: their connections fail,
# and the group's session (6 s) runs out.
sleep 8
alive=0
for pid in $W1 $W2; do
    kill -0 "$pid" 2> /dev/null && ! kl_zombie "$pid" && alive=$((alive + 1))
done
kl_check "both workers keep running while the broker is down" [ "$alive" -eq 2 ]
rk_start_broker
kl_check "the broker is back on the same port ($BROKERS)" [ "${BROKERS##*:}" = "$port_before" ]
kl_ok "broker restarted from its storage ($(rk_elapsed) s)"

kl_check "all of the input was delivered to the broker" rk_trickle_wait 180
if kl_wait 120 rk_no_lag "$KL_GROUP" "$IN"; then
    kl_ok "the group committed the end of every input partition after the restart ($(rk_elapsed) s)"
else
    kl_fail "committed offsets still $(rk_lag "$KL_GROUP" "$IN") behind the input: $(tail -n 3 "$KL_WORK/w1.log")"
fi
if kl_wait 60 rk_split 6 "$KL_WORK/w1.log" "$KL_WORK/w2.log"; then
    kl_ok "the workers hold all 6 partitions again"
else
    kl_fail "the workers do not hold all 6 partitions after the restart: [$(rk_assigned_parts "$KL_WORK/w1.log")] [$(rk_assigned_parts "$KL_WORK/w2.log")]"
fi
for i in 1 2; do
    eval "pid=\$W$i"
    kl_stop "$pid" 30
    kl_check "w$i stops on SIGTERM after the restart: status 0 after ${STOP_SECONDS} s (got $STATUS)" [ "$STATUS" = 0 ]
done

kl_dump "$OUT" "$KL_WORK/out.dump" "$want" 30
kl_dump "$IN.dlq" "$KL_WORK/dlq.dump" 0 10
rk_check_output "$KL_WORK/expected.jsonl" "$KL_WORK/out.dump" "$KL_WORK/dlq.dump"
kl_check "nothing lost across the restart: every article's incidents in the output; duplicates only exact replays" [ $? -eq 0 ]
kl_check "nothing was dead-lettered" [ ! -s "$KL_WORK/dlq.dump" ]
echo "# 0003 took $(rk_elapsed) s (lag ${lag_before:-?} when the broker stopped)"
exit $KL_FAILED
