#!/bin/sh
# SIGTERM on a real broker: drain and commit within shutdown.timeout.ms.
#
# a) Drained. Input keeps arriving (a trickle over 6 partitions) and the
#    producer lingers 1.5 s, so undelivered incidents are always in flight
#    when SIGTERM comes. Background commits happen only once a minute
#    (auto.commit.interval.ms), so only the shutdown can commit. The
#    worker must stop fetching, wait for its deliveries, commit and exit
#    0 well within shutdown.timeout.ms (10 s), with nothing unfinished;
#    the group's committed offsets then add up to exactly what it
#    consumed, and a restarted worker reads exactly the rest: every
#    incident once, none twice.
# b) Deadline. The worker's geocoder (geocoder.cache.entries=0, so every
#    place is asked) is frozen with SIGSTOP after a first part was
#    processed; the second part's articles wait for it. SIGTERM: the
#    worker waits for them until shutdown.timeout.ms (6 s), gives up,
#    commits what was done and exits with contract 3.5's status for a
#    clean shutdown (0) - the deadline is not a fatal error - about 6 s
#    after the signal. The stalled articles are not committed: a restarted
#    worker (geocoder thawed) reprocesses exactly them, and every article
#    ends up accounted for.
# c) Deadline with the broker frozen (SIGSTOP) while deliveries are pending
#    (the producer lingers 2 s): the drain cannot finish, and the worker
#    must still exit 0 at the deadline - not wait longer for the producer -
#    and a restarted worker (broker thawed) processes what was lost.
set -u
. "$SR_ROOT/tests/tools/realkafka-lib.sh"
rk_init shutdown
rk_start_broker

# rk_committed_sum GROUP TOPIC: committed offsets added up (none = 0).
rk_committed_sum() {
    "$SR_BUILD/sitrep-admin" -b "$BROKERS" -g "$1" -o "$2" 2> /dev/null |
        awk '{ s += ($2 < 0) ? 0 : $2; n++ } END { if (n == 0) exit 1; print s }'
}
# restart_rest PART COMMITTED: a second worker of the part's group (conf
# $KL_WORK/PART.conf) until the group's lag is 0; it must have read
# exactly $total - COMMITTED articles. Then checks the output against
# $KL_WORK/PART.expected ($want incidents) into $KL_WORK/PART.check;
# returns the checker's status.
restart_rest() {
    kl_start_worker "$KL_WORK/${1}2.log" "$KL_WORK/$1.conf" -X "worker.id=${1}2"
    pid=$WORKER_PID
    kl_wait 60 rk_no_lag "$GROUP" "$IN" || kl_fail "$1) the restarted worker did not reach the end"
    kl_wait 30 kl_has_at_least "$OUT" "$want" || kl_fail "$1) not every incident is out"
    kl_stop "$pid" 30
    kl_check "$1) restarted worker: SIGTERM exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
    consumed2=$(rk_consumed "$KL_WORK/${1}2.log")
    kl_check "$1) the restarted worker read exactly what was not committed: $total - ${2:-?} = ${consumed2:-?}" \
        [ "${consumed2:-x}" = $((total - ${2:-0})) ]
    kl_dump "$OUT" "$KL_WORK/$1.out" "$want" 30
    kl_dump "$IN.dlq" "$KL_WORK/$1.dlq" 0 5
    rk_check_output "$KL_WORK/$1.expected" "$KL_WORK/$1.out" "$KL_WORK/$1.dlq" > "$KL_WORK/$1.check"
    rc=$?
    cat "$KL_WORK/$1.check"
    return $rc
}
# cut_short PART: after kl_stop of the part's first worker (log
# $KL_WORK/PART1.log), which had to give up at the $DEADLINE s deadline:
# status 0 (a deadline is no fatal error), stopped at the deadline, and
# its summary names the unfinished articles (sets unfinished).
cut_short() {
    kl_check "$1) the deadline is not a fatal error: exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
    kl_check "$1) stopped at the deadline ($DEADLINE s), not before, not long after: took $STOP_SECONDS s" \
        [ "$STOP_SECONDS" -ge $((DEADLINE - 1)) -a "$STOP_SECONDS" -le $((DEADLINE + 3)) ]
    summary=$(grep "shutdown summary" "$KL_WORK/${1}1.log")
    echo "# $summary"
    unfinished=$(echo "$summary" | sed -n 's/.* \([0-9]*\) unfinished.*/\1/p')
    kl_check "$1) the summary names the articles cut short (${unfinished:-?} unfinished)" \
        [ "${unfinished:-0}" -gt 0 ]
}
consumed_above() { [ "$(grep -c ' consumed .* @' "$1")" -ge "$2" ]; }

# ---- a) drained ---------------------------------------------------------
IN=articles-a-$KL_ID
OUT=incidents-a-$KL_ID
GROUP=$KL_GROUP-a
rk_topics "$IN:6" "$OUT:6" "$IN.dlq:1"
kl_write_conf "$KL_WORK/a.conf" "input.topic=$IN" "output.topic=$OUT" \
    "kafka.consumer.group.id=$GROUP" "log.level=debug" "shutdown.timeout.ms=10000"
kl_make_articles 16 "$KL_WORK/a.jsonl"
total=$(wc -l < "$KL_WORK/a.jsonl")
kl_extract "$KL_WORK/a.conf" "$KL_WORK/a.jsonl" "$KL_WORK/a.expected"
want=$(wc -l < "$KL_WORK/a.expected")

kl_start_worker "$KL_WORK/a1.log" "$KL_WORK/a.conf" -X worker.id=a1 \
    -X kafka.producer.linger.ms=1500 -X kafka.consumer.auto.commit.interval.ms=60000
A1=$WORKER_PID
kl_wait_assigned "$KL_WORK/a1.log" 60 || kl_fail "a) the worker was never assigned"
RK_TRICKLE_PAUSE=0.1 rk_trickle "$IN" 6 "$KL_WORK/a.jsonl" 6
kl_wait 30 consumed_above "$KL_WORK/a1.log" $((total / 3)) ||
    kl_fail "a) the worker consumed less than a third of the input"
kl_check "a) SIGTERM comes mid-stream: the input still arrives" rk_trickling
kl_stop "$A1" 30
kl_check "a) exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
kl_check "a) stopped within shutdown.timeout.ms (10 s): took $STOP_SECONDS s" \
    [ "$STOP_SECONDS" -lt 10 ]
drain=$(sed -n 's/.*stopping: finishing \([0-9]*\) article.*/\1/p' "$KL_WORK/a1.log")
summary=$(grep "shutdown summary" "$KL_WORK/a1.log")
echo "# $summary"
consumed1=$(rk_consumed "$KL_WORK/a1.log")
unfinished=$(echo "$summary" | sed -n 's/.* \([0-9]*\) unfinished.*/\1/p')
kl_check "a) there was work in flight at SIGTERM (${drain:-?} articles), all of it finished (${unfinished:-?} unfinished)" \
    [ "${drain:-0}" -gt 0 -a "${unfinished:-x}" = 0 ]
committed=$(rk_committed_sum "$GROUP" "$IN")
kl_check "a) the shutdown committed exactly what was consumed (${committed:-?} = ${consumed1:-?})" \
    [ "${committed:-x}" = "${consumed1:-y}" ]

kl_check "a) all of the input was delivered to the broker" rk_trickle_wait 60
restart_rest a "$committed"
st=$?
kl_check "a) every incident in the output" [ $st -eq 0 ]
kl_check "a) none twice" grep -q " 0 duplicates; 0 dead letters" "$KL_WORK/a.check"

# ---- b) the deadline, with a stalled geocoder --------------------------
IN=articles-b-$KL_ID
OUT=incidents-b-$KL_ID
GROUP=$KL_GROUP-b
DEADLINE=6
rk_topics "$IN:6" "$OUT:6" "$IN.dlq:1"
kl_write_conf "$KL_WORK/base.conf" "input.topic=$IN" "output.topic=$OUT"
rk_start_geocoder "$KL_WORK/base.conf"
kl_write_conf "$KL_WORK/b.conf" "input.topic=$IN" "output.topic=$OUT" \
    "kafka.consumer.group.id=$GROUP" "log.level=debug" \
    "geocoder.url=$GEO_URL" "geocoder.cache.entries=0" "geocoder.timeout.ms=60000" \
    "shutdown.timeout.ms=$((DEADLINE * 1000))"
kl_make_articles 8 "$KL_WORK/b.jsonl"
total=$(wc -l < "$KL_WORK/b.jsonl")
n1=$((total / 2))
head -n $n1 "$KL_WORK/b.jsonl" > "$KL_WORK/b1.jsonl"
tail -n +$((n1 + 1)) "$KL_WORK/b.jsonl" > "$KL_WORK/b2.jsonl"
kl_extract "$KL_WORK/b.conf" "$KL_WORK/b1.jsonl" "$KL_WORK/b1.expected"
kl_extract "$KL_WORK/b.conf" "$KL_WORK/b.jsonl" "$KL_WORK/b.expected"
want1=$(wc -l < "$KL_WORK/b1.expected")
want=$(wc -l < "$KL_WORK/b.expected")

kl_start_worker "$KL_WORK/b1.log" "$KL_WORK/b.conf" -X worker.id=b1
B1=$WORKER_PID
kl_wait_assigned "$KL_WORK/b1.log" 60 || kl_fail "b) the worker was never assigned"
rk_produce_spread "$IN" 6 "$KL_WORK/b1.jsonl" || kl_fail "b) cannot produce part 1"
kl_wait 60 kl_has_at_least "$OUT" "$want1" ||
    kl_fail "b) part 1 not processed: $(kl_count "$OUT") of $want1 incidents"
kl_wait 20 rk_no_lag "$GROUP" "$IN" || kl_fail "b) part 1 not committed"
kill -STOP "$GEO_PID"
rk_produce_spread "$IN" 6 "$KL_WORK/b2.jsonl" || kl_fail "b) cannot produce part 2"
kl_wait 30 consumed_above "$KL_WORK/b1.log" $((n1 + 20)) ||
    kl_fail "b) the worker did not take part 2 into flight"
kl_stop "$B1" 30
kill -CONT "$GEO_PID"
cut_short b
consumed1=$(rk_consumed "$KL_WORK/b1.log")
kl_check "b) nothing dead-lettered for it" [ "$(kl_count "$IN.dlq")" -eq 0 ]
committed=$(rk_committed_sum "$GROUP" "$IN")
kl_check "b) committed: part 1 ($n1), not the stalled articles (${committed:-?} <= ${consumed1:-?} - ${unfinished:-?})" \
    [ "${committed:-0}" -ge "$n1" -a "${committed:-0}" -le $((${consumed1:-0} - ${unfinished:-0})) ]

restart_rest b "$committed"
st=$?
kl_check "b) every article accounted for: all incidents out, duplicates only exact replays" [ $st -eq 0 ]

# ---- c) the deadline, with the broker frozen ----------------------------
IN=articles-c-$KL_ID
OUT=incidents-c-$KL_ID
GROUP=$KL_GROUP-c
rk_topics "$IN:3" "$OUT:3" "$IN.dlq:1"
kl_write_conf "$KL_WORK/c.conf" "input.topic=$IN" "output.topic=$OUT" \
    "kafka.consumer.group.id=$GROUP" "log.level=debug" \
    "shutdown.timeout.ms=$((DEADLINE * 1000))"
kl_make_articles 8 "$KL_WORK/c.jsonl"
total=$(wc -l < "$KL_WORK/c.jsonl")
kl_extract "$KL_WORK/c.conf" "$KL_WORK/c.jsonl" "$KL_WORK/c.expected"
want=$(wc -l < "$KL_WORK/c.expected")
kl_start_worker "$KL_WORK/c1.log" "$KL_WORK/c.conf" -X worker.id=c1 \
    -X kafka.producer.linger.ms=2000
C1=$WORKER_PID
kl_wait_assigned "$KL_WORK/c1.log" 60 || kl_fail "c) the worker was never assigned"
rk_produce_spread "$IN" 3 "$KL_WORK/c.jsonl" || kl_fail "c) cannot produce the articles"
kl_wait 30 consumed_above "$KL_WORK/c1.log" $((total / 2)) ||
    kl_fail "c) the worker did not consume the articles"
BROKER_PID=$(cat "$RK_BROKER_DIR/broker.pid")
trap 'kill -CONT "$BROKER_PID" 2> /dev/null; rk_cleanup' EXIT
kill -STOP "$BROKER_PID"
kl_stop "$C1" 30
kill -CONT "$BROKER_PID"
cut_short c
kl_wait 30 rk_committed_sum "$GROUP" "$IN" > /dev/null || kl_fail "c) the broker does not answer after the thaw"
committed=$(rk_committed_sum "$GROUP" "$IN")
restart_rest c "$committed"
kl_check "c) every article accounted for: all incidents out, duplicates only exact replays" [ $? -eq 0 ]
echo "# 0021 took $(rk_elapsed) s"
exit $KL_FAILED
