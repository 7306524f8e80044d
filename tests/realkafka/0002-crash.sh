#!/bin/sh
# kill -9 of one of three workers in mid-stream on a real broker: the
# broker's group coordinator expires it after session.timeout.ms, the two
# others take over its partitions, and every article is accounted for.
#
# The victim (w2) lingers 2 s before sending its output
# (kafka.producer.linger.ms), so when it is killed it holds consumed
# articles whose incidents are not delivered and whose offsets are not
# committed: the others must replay them. The input keeps arriving
# during the crash. Afterwards the group's committed offsets reach the
# end of the input, and every article's incidents are in the output (or
# the article is in the dead-letter topic); duplicates only as exact
# replays.
set -u
. "$SR_ROOT/tests/tools/realkafka-lib.sh"
rk_init crash

IN=articles-$KL_ID
OUT=incidents-$KL_ID
rk_start_broker
rk_topics "$IN:12" "$OUT:12" "$IN.dlq:1"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" "log.level=debug"

kl_make_articles 40 "$KL_WORK/all.jsonl"
total=$(wc -l < "$KL_WORK/all.jsonl")
q=$((total / 4))
head -n $q "$KL_WORK/all.jsonl" > "$KL_WORK/p1"
tail -n +$((q + 1)) "$KL_WORK/all.jsonl" > "$KL_WORK/rest"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/all.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
kl_check "sitrep extract finds $want incidents in $total articles" [ "$want" -gt "$total" ]

rk_produce_spread "$IN" 12 "$KL_WORK/p1" || kl_fail "cannot produce part 1"
kl_start_worker "$KL_WORK/w1.log" "$KL_WORK/w.conf" -X worker.id=w1
W1=$WORKER_PID
kl_start_worker "$KL_WORK/w2.log" "$KL_WORK/w.conf" -X worker.id=w2 \
    -X kafka.producer.linger.ms=2000
W2=$WORKER_PID
kl_start_worker "$KL_WORK/w3.log" "$KL_WORK/w.conf" -X worker.id=w3
W3=$WORKER_PID
if kl_wait 60 rk_split 12 "$KL_WORK/w1.log" "$KL_WORK/w2.log" "$KL_WORK/w3.log"; then
    kl_ok "3 workers split the 12 partitions ($(rk_elapsed) s)"
else
    kl_fail "3 workers never split the 12 partitions"
fi

rk_trickle "$IN" 12 "$KL_WORK/rest" 6
# w2 consumed some of the trickle: it holds undelivered work now.
w2_consumed() { [ "$(grep -c " consumed $IN " "$KL_WORK/w2.log")" -gt "$1" ]; }
kl_wait 30 w2_consumed $((q / 3 + 10)) || kl_fail "w2 consumed nothing of the trickle"
kill -KILL "$W2"
wait "$W2" 2> /dev/null
kl_untrack "$W2"
held=$(grep -c " consumed $IN " "$KL_WORK/w2.log")
kl_ok "w2 killed with SIGKILL after consuming $held articles ($(rk_elapsed) s)"
kl_check "the input still arrives after the crash" rk_trickling
lag_at_kill=$(rk_lag "$KL_GROUP" "$IN")

if kl_wait 60 rk_split 12 "$KL_WORK/w1.log" "$KL_WORK/w3.log"; then
    kl_ok "w1 and w3 take over all 12 partitions ($(rk_elapsed) s)"
else
    kl_fail "w1 and w3 never held all 12 partitions: [$(rk_assigned_parts "$KL_WORK/w1.log")] [$(rk_assigned_parts "$KL_WORK/w3.log")]"
fi
kl_check "all of the input was delivered to the broker" rk_trickle_wait 120
if kl_wait 120 rk_no_lag "$KL_GROUP" "$IN"; then
    kl_ok "the group committed the end of every input partition (lag was $lag_at_kill at the crash; $(rk_elapsed) s)"
else
    kl_fail "committed offsets still $(rk_lag "$KL_GROUP" "$IN") behind the input"
fi
for i in 1 3; do
    eval "pid=\$W$i"
    kl_stop "$pid" 30
    kl_check "survivor w$i stops on SIGTERM: status 0 (got $STATUS)" [ "$STATUS" = 0 ]
done

kl_dump "$OUT" "$KL_WORK/out.dump" "$want" 30
kl_dump "$IN.dlq" "$KL_WORK/dlq.dump" 0 10
rk_check_output "$KL_WORK/expected.jsonl" "$KL_WORK/out.dump" "$KL_WORK/dlq.dump"
kl_check "every article is accounted for (incidents in the output or a dead letter); duplicates only exact replays" [ $? -eq 0 ]
echo "# 0002 took $(rk_elapsed) s"
exit $KL_FAILED
