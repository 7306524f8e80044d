#!/bin/sh
# exactly_once: a second worker started with the same worker.id (so the
# same transactional.id) fences the first one. The first exits non-zero
# promptly with a clear "producer fenced" line, and never commits after
# the second registered the id; the second carries on, and a
# read_committed consumer still sees every incident exactly once.
#
# Then the supervisor's view: the fenced worker is restarted under its
# own id while the input still arrives, and the group finishes the input.
set -u
. "$SR_ROOT/tests/tools/realkafka-lib.sh"
rk_init exactly-once-fenced

IN=articles-$KL_ID
OUT=incidents-$KL_ID
rk_start_broker
rk_topics "$IN:4" "$OUT:4" "$IN.dlq:1"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "log.level=debug" "processing.guarantee=exactly_once" \
    "transaction.interval.ms=300" "kafka.producer.transaction.timeout.ms=10000"

kl_make_articles 20 "$KL_WORK/all.jsonl"
total=$(wc -l < "$KL_WORK/all.jsonl")
kl_extract "$KL_WORK/w.conf" "$KL_WORK/all.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
q=$((total / 4))
head -n $q "$KL_WORK/all.jsonl" > "$KL_WORK/p1"
tail -n +$((q + 1)) "$KL_WORK/all.jsonl" > "$KL_WORK/rest"
rk_produce_spread "$IN" 4 "$KL_WORK/p1" || kl_fail "cannot produce part 1"

kl_start_worker "$KL_WORK/a.log" "$KL_WORK/w.conf" -X worker.id=dup
A=$WORKER_PID
committed() { grep -q "transaction committed" "$1"; }
kl_wait 60 committed "$KL_WORK/a.log" || kl_fail "the first worker never committed a transaction"
RK_TRICKLE_PAUSE=0.2 rk_trickle "$IN" 4 "$KL_WORK/rest" 3

# Same worker.id: same transactional.id sitrep-dup.
kl_start_worker "$KL_WORK/b.log" "$KL_WORK/w.conf" -X worker.id=dup
B=$WORKER_PID
t0=$(date +%s)
if kl_wait 60 kl_gone "$A"; then
    wait "$A"
    rc=$?
    kl_untrack "$A"
    kl_ok "the first worker stopped $(($(date +%s) - t0)) s after the second started"
    kl_check "the fenced worker exits non-zero (got $rc)" [ "$rc" -ne 0 ]
else
    kl_fail "the first worker still runs after the second took its transactional.id"
fi
kl_check "its log says it was fenced, naming the transactional.id" \
    grep -q "producer fenced: transactional.id sitrep-dup is used by a newer producer" "$KL_WORK/a.log"
kl_check "and that it stops on a fatal error" grep -q "stopping on fatal error" "$KL_WORK/a.log"
kl_check "the second worker runs" kill -0 "$B"

# The supervisor restarts the fenced one under a new id of its own.
kl_start_worker "$KL_WORK/c.log" "$KL_WORK/w.conf" -X worker.id=restarted
C=$WORKER_PID
kl_check "all of the input was delivered to the broker" rk_trickle_wait 120
if kl_wait 120 rk_no_lag "$KL_GROUP" "$IN"; then
    kl_ok "the group committed the end of every input partition ($(rk_elapsed) s)"
else
    kl_fail "committed offsets still $(rk_lag "$KL_GROUP" "$IN") behind the input"
fi
kl_check "the restarted worker took part" rk_ever_assigned "$KL_WORK/c.log"
for w in B C; do
    eval "pid=\$$w"
    kl_stop "$pid" 30
    kl_check "worker $w stops on SIGTERM: status 0 (got $STATUS)" [ "$STATUS" = 0 ]
done

kl_dump "$OUT" "$KL_WORK/out.dump" "$want" 60
kl_dump "$IN.dlq" "$KL_WORK/dlq.dump" 0 10
rk_check_output "$KL_WORK/expected.jsonl" "$KL_WORK/out.dump" "$KL_WORK/dlq.dump" - --exactly-once
kl_check "read_committed: every incident exactly once" [ $? -eq 0 ]
echo "# 0012 took $(rk_elapsed) s"
exit $KL_FAILED
