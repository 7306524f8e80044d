#!/bin/sh
# exactly_once with articles finishing out of order, and a supervisor's
# restart under the same worker.id.
#
# The worker looks places up in a geocoder that answers after 300 ms
# (cache off), so articles with a place finish after later ones without:
# each commit must wait for the articles in flight, or the offsets and the
# output of a transaction would cover different articles. Transactions
# are due every 100 ms, so commits keep meeting lookups in flight.
#
# The worker is killed with SIGKILL while such a commit waits, its
# transaction holding delivered records, and started again with the same
# worker.id. Its init_transactions aborts the transaction the dead one
# left open at once, instead of after kafka.producer.transaction.timeout.ms
# (60 s, the default, here): a read_committed reader, which cannot read
# past an open transaction, gets every incident exactly once well within
# that time.
set -u
. "$SR_ROOT/tests/tools/realkafka-lib.sh"
rk_init exactly-once-restart

IN=articles-$KL_ID
OUT=incidents-$KL_ID
rk_start_broker
rk_topics "$IN:2" "$OUT:2" "$IN.dlq:1"
kl_write_conf "$KL_WORK/base.conf" "input.topic=$IN" "output.topic=$OUT"
"$SITREP" geocoder serve --listen 127.0.0.1:0 --delay-ms 300 \
    -c "$KL_WORK/base.conf" > "$KL_WORK/geocoder.out" 2> "$KL_WORK/geocoder.log" &
kl_track $!
if ! kl_wait 30 grep -qs . "$KL_WORK/geocoder.out"; then
    kl_fail "the geocoder did not start: $(tail -n 3 "$KL_WORK/geocoder.log")"
    exit 1
fi
URL=$(head -n 1 "$KL_WORK/geocoder.out")
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "geocoder.url=$URL" "geocoder.cache.entries=0" "geocoder.max.inflight=64" \
    "log.level=debug" "processing.guarantee=exactly_once" \
    "transaction.interval.ms=100" "worker.id=restart-me"

kl_make_articles 8 "$KL_WORK/all.jsonl"
total=$(wc -l < "$KL_WORK/all.jsonl")
# The reference, with the geocoder's cache on (the answers are the same).
grep -v "geocoder.cache.entries" "$KL_WORK/w.conf" > "$KL_WORK/extract.conf"
kl_extract "$KL_WORK/extract.conf" "$KL_WORK/all.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
kl_check "sitrep extract with the geocoder finds $want incidents" [ "$want" -gt "$total" ]
kl_start_worker "$KL_WORK/w1.log" "$KL_WORK/w.conf"
W=$WORKER_PID
# The input trickles in only once the worker runs: on a loaded machine a
# slow start would otherwise meet the whole input at once, and the
# commits the test waits for would all be over before it looked.
kl_wait_assigned "$KL_WORK/w1.log" 60 || kl_fail "the worker was not assigned partitions in 60 s"
RK_TRICKLE_PAUSE=0.1 rk_trickle "$IN" 2 "$KL_WORK/all.jsonl" 2
# Killed once it committed a few transactions and waits to commit one
# more that holds delivered output (an article without a place, with at
# least one incident) and
# articles still waiting on the geocoder (300 ms).
committing() {
    [ "$(grep -c "transaction committed" "$KL_WORK/w1.log")" -ge 3 ] &&
        awk '/transaction committed/ { d = 0; p = 0 }
             / delivered '"$IN"' .*: [1-9][0-9]* incident/ { d++ }
             /committing a transaction: waiting for [1-9]/ { p = 1 }
             END { exit !(d > 0 && p) }' "$KL_WORK/w1.log"
}
# The state is read from the log while the worker runs, so it may commit
# between the look and the kill: it is stopped first (SIGSTOP), looked at
# again, and killed only if the log still says it waits; else it goes on.
stopped_committing() {
    committing || return 1
    kill -STOP "$W"
    sleep 0.05
    committing && return 0
    kill -CONT "$W"
    return 1
}
kl_wait 90 stopped_committing || kl_fail "the worker never held delivered output in a transaction waiting to commit"
kill -KILL "$W"
wait "$W" 2> /dev/null
kl_untrack "$W"
t0=$(date +%s)
kl_ok "killed with SIGKILL while committing a transaction ($(rk_elapsed) s)"

kl_start_worker "$KL_WORK/w2.log" "$KL_WORK/w.conf"
W=$WORKER_PID
kl_check "all of the input was delivered to the broker" rk_trickle_wait 120
if kl_wait 40 rk_no_lag "$KL_GROUP" "$IN"; then
    kl_ok "the restarted worker committed the end of the input $(($(date +%s) - t0)) s after the kill"
else
    kl_fail "committed offsets still $(rk_lag "$KL_GROUP" "$IN") behind the input 40 s after the restart"
fi
# A read_committed reader cannot pass a transaction still open: it reads
# everything only once the dead worker's transaction is aborted.
if kl_dump "$OUT" "$KL_WORK/out.dump" "$want" 30; then
    el=$(($(date +%s) - t0))
    kl_check "read_committed reads all $want incidents $el s after the kill, before the 60 s transaction timeout: the restart aborted the open transaction" [ "$el" -lt 50 ]
else
    kl_fail "read_committed got $(wc -l < "$KL_WORK/out.dump") of $want incidents $(($(date +%s) - t0)) s after the kill"
fi
kl_stop "$W" 30
kl_check "SIGTERM: exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]

kl_dump "$IN.dlq" "$KL_WORK/dlq.dump" 0 10
rk_check_output "$KL_WORK/expected.jsonl" "$KL_WORK/out.dump" "$KL_WORK/dlq.dump" - --exactly-once
kl_check "read_committed: every incident exactly once" [ $? -eq 0 ]
"$SR_BUILD/sitrep-dump" -u -b "$BROKERS" -t "$OUT" -w 20 > "$KL_WORK/out-u.dump" 2> /dev/null
# The log tells "waiting" until the commit's answer comes back, so the
# commit request may already be at the broker when the worker is stopped:
# then the broker commits it and the kill finds no open records. That run
# proves nothing about an aborted transaction and says so (skip); fewer
# records read uncommitted than committed is a failure.
uncommitted=$(wc -l < "$KL_WORK/out-u.dump")
committed=$(wc -l < "$KL_WORK/out.dump")
if [ "$uncommitted" -eq "$committed" ]; then
    echo "skip - $KL_NAME: the killed transaction held no records (its commit had reached the broker before the kill): read_uncommitted $uncommitted, read_committed $committed"
else
    kl_check "the killed transaction held records: read_uncommitted $uncommitted, read_committed $committed" \
        [ "$uncommitted" -gt "$committed" ]
fi
echo "# 0013 took $(rk_elapsed) s"
exit $KL_FAILED
