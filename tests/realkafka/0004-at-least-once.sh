#!/bin/sh
# At-least-once on a real broker: crashes replay, and a replay is exact.
#
# Offsets are committed only every 4 s (auto.commit.interval.ms), so a
# worker killed with SIGKILL has delivered output for articles whose
# offsets the group never committed: their next owner processes them
# again. Two such crashes happen in mid-stream (each time a new worker
# replaces the dead one). The output must then hold every incident of
# every article, and must hold duplicates - the replays happened - each
# of them byte-identical to the first copy (value and headers), with the
# same key, in the same partition.
set -u
. "$SR_ROOT/tests/tools/realkafka-lib.sh"
rk_init at-least-once

IN=articles-$KL_ID
OUT=incidents-$KL_ID
rk_start_broker
rk_topics "$IN:6" "$OUT:6" "$IN.dlq:1"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "kafka.consumer.auto.commit.interval.ms=4000"

kl_make_articles 40 "$KL_WORK/all.jsonl"
total=$(wc -l < "$KL_WORK/all.jsonl")
kl_extract "$KL_WORK/w.conf" "$KL_WORK/all.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
kl_check "sitrep extract finds $want incidents in $total articles" [ "$want" -gt "$total" ]

kl_start_worker "$KL_WORK/w1.log" "$KL_WORK/w.conf" -X worker.id=w1
A=$WORKER_PID
ALOG=$KL_WORK/w1.log
kl_start_worker "$KL_WORK/w2.log" "$KL_WORK/w.conf" -X worker.id=w2
B=$WORKER_PID
BLOG=$KL_WORK/w2.log
kl_wait 60 rk_split 6 "$ALOG" "$BLOG" || kl_fail "2 workers never split the 6 partitions"
# About 20 s of input: 60 chunks of 10 articles.
RK_TRICKLE_PAUSE=0.2 rk_trickle "$IN" 6 "$KL_WORK/all.jsonl" 10

round=1
for victim in A B; do
    eval "pid=\$$victim"
    # Let the victim deliver output for articles it has not committed.
    out_now=$(kl_count "$OUT")
    kl_wait 30 kl_has_at_least "$OUT" $((out_now + 60)) || kl_fail "no progress before crash $round"
    kill -KILL "$pid"
    wait "$pid" 2> /dev/null
    kl_untrack "$pid"
    kl_check "crash $round: a worker killed with SIGKILL while the input still arrives ($(rk_elapsed) s)" rk_trickling
    kl_start_worker "$KL_WORK/w$((round + 2)).log" "$KL_WORK/w.conf" -X "worker.id=w$((round + 2))"
    eval "$victim=\$WORKER_PID"
    eval "${victim}LOG=\$KL_WORK/w$((round + 2)).log"
    if kl_wait 60 rk_split 6 "$ALOG" "$BLOG"; then
        kl_ok "crash $round: replacement w$((round + 2)) and the survivor hold all 6 partitions ($(rk_elapsed) s)"
    else
        kl_fail "crash $round: the partitions were not taken over"
    fi
    round=$((round + 1))
done

kl_check "all of the input was delivered to the broker" rk_trickle_wait 120
if kl_wait 120 rk_no_lag "$KL_GROUP" "$IN"; then
    kl_ok "the group committed the end of every input partition ($(rk_elapsed) s)"
else
    kl_fail "committed offsets still $(rk_lag "$KL_GROUP" "$IN") behind the input"
fi
for pid in $A $B; do
    kl_stop "$pid" 30
    kl_check "worker stops on SIGTERM: status 0 (got $STATUS)" [ "$STATUS" = 0 ]
done

kl_dump "$OUT" "$KL_WORK/out.dump" "$want" 30
kl_dump "$IN.dlq" "$KL_WORK/dlq.dump" 0 10
"$SITREP" decode -t "$OUT" -b "$BROKERS" -e -k > "$KL_WORK/decoded.jsonl" 2> "$KL_WORK/decode.err"
kl_check "sitrep decode reads the output back" [ $? -eq 0 ]
rk_check_output "$KL_WORK/expected.jsonl" "$KL_WORK/out.dump" "$KL_WORK/dlq.dump" \
    "$KL_WORK/decoded.jsonl" --want-duplicates
kl_check "all incidents present; the crashes replayed output, every duplicate byte-identical with the same key and partition" [ $? -eq 0 ]
echo "# 0004 took $(rk_elapsed) s"
exit $KL_FAILED
