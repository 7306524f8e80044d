#!/bin/sh
# exactly_once against the mock cluster: the transactional API flow and
# its error classes, by fault injection. (The mock drops transactional
# offsets and ignores read_committed, so exactly-once itself is proven on
# the real broker, tests/realkafka/0010-0012.)
#   - an abortable error on TxnOffsetCommit (ILLEGAL_GENERATION, as a
#     zombie of an old group generation gets): the worker aborts, rewinds
#     its partitions, processes the articles again and commits; nothing
#     is lost and it exits 0 on SIGTERM;
#   - the producer fenced (INVALID_PRODUCER_EPOCH on Produce): it logs
#     "producer fenced" and exits 1;
#   - settings exactly_once cannot work with: exit 2 naming them.
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init exactly-once-mock

IN=articles-$KL_ID
OUT=incidents-$KL_ID
kl_start_mockd "$IN:2" "$OUT:2" "$IN.dlq:1"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "log.level=debug" "processing.guarantee=exactly_once" \
    "transaction.interval.ms=200" "worker.id=mock-eos"

expect_config() {
    name=$1
    pattern=$2
    shift 2
    "$SITREP" run -c "$KL_WORK/w.conf" "$@" > /dev/null 2> "$KL_WORK/err.txt"
    rc=$?
    if [ $rc -eq 2 ] && grep -q -- "$pattern" "$KL_WORK/err.txt"; then
        kl_ok "$name: exit 2, says '$pattern'"
    else
        kl_fail "$name: exit $rc, stderr: $(head -c 300 "$KL_WORK/err.txt")"
    fi
}
expect_config "auto commit" "enable.auto.commit=false (processing.guarantee=exactly_once" \
    -X kafka.consumer.enable.auto.commit=true
expect_config "read_uncommitted" "isolation.level=read_committed" \
    -X kafka.consumer.isolation.level=read_uncommitted
expect_config "cooperative assignor" "needs an eager assignor" \
    -X kafka.consumer.partition.assignment.strategy=cooperative-sticky
expect_config "interval over the transaction timeout" "at most half of" \
    -X transaction.interval.ms=50000
expect_config "a hand-set transactional.id" "transactional.id.prefix>-<worker.id>" \
    -X kafka.producer.transactional.id=mine

kl_make_articles 3 "$KL_WORK/all.jsonl"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/all.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
# ApiKey 28 TxnOffsetCommit, error 22 ILLEGAL_GENERATION, once.
kl_mock err 28 22 1 || kl_fail "cannot inject TxnOffsetCommit errors"
kl_produce_lines "$IN" "$KL_WORK/all.jsonl"
kl_start_worker "$KL_WORK/w.log" "$KL_WORK/w.conf"
W=$WORKER_PID
kl_wait 60 grep -q "transaction committed" "$KL_WORK/w.log" ||
    kl_fail "no transaction was committed"
kl_check "the abortable error aborted the transaction" \
    grep -q "transaction aborted (send_offsets_to_transaction: .*generation" "$KL_WORK/w.log"
kl_check "the worker rewound to read the articles again" grep -q "rewinding $IN" "$KL_WORK/w.log"
kl_check "every incident reached the output" kl_has_at_least "$OUT" "$want"
kl_stop "$W" 30
kl_check "SIGTERM: exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
kl_dump "$OUT" "$KL_WORK/out.dump" "$want" 20
kl_dump "$IN.dlq" "$KL_WORK/dlq.dump" 0 5
python3 "$SR_ROOT/tests/realkafka/check_output.py" "$KL_WORK/expected.jsonl" \
    "$KL_WORK/out.dump" "$KL_WORK/dlq.dump"
kl_check "nothing lost; the replay's duplicates are exact" [ $? -eq 0 ]

# ApiKey 0 Produce, error 47 INVALID_PRODUCER_EPOCH: a newer producer
# took the transactional.id. (The mock keeps no transactional offsets:
# the worker reads the input from the start again.)
kl_mock err 0 47 100 || kl_fail "cannot inject Produce errors"
kl_start_worker "$KL_WORK/w2.log" "$KL_WORK/w.conf"
W=$WORKER_PID
if kl_wait 60 kl_gone "$W"; then
    wait "$W"
    rc=$?
    kl_untrack "$W"
    kl_check "fenced: exit 1 (got $rc)" [ $rc -eq 1 ]
    kl_check "fenced: the log says so" grep -q "producer fenced: transactional.id sitrep-mock-eos" "$KL_WORK/w2.log"
else
    kl_fail "the fenced worker kept running"
fi
exit $KL_FAILED
