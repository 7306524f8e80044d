#!/bin/sh
# Exit codes of `sitrep run`: 2 for configuration librdkafka or sitrep
# refuses (naming the key), 1 for a fatal error at run time (the
# idempotent producer cannot get a producer id: CLUSTER_AUTHORIZATION_
# FAILED injected on InitProducerId), promptly and with the reason logged.
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init exit-codes

kl_start_mockd "articles-$KL_ID:1" "incidents-$KL_ID:1"
kl_write_conf "$KL_WORK/w.conf" "input.topic=articles-$KL_ID" \
    "output.topic=incidents-$KL_ID"

# expect_config NAME PATTERN ARGS...: exit 2 and PATTERN on stderr.
expect_config() {
    name=$1
    pattern=$2
    shift 2
    "$SITREP" run "$@" > /dev/null 2> "$KL_WORK/err.txt"
    rc=$?
    if [ $rc -eq 2 ] && grep -q -- "$pattern" "$KL_WORK/err.txt"; then
        kl_ok "$name: exit 2, says '$pattern'"
    else
        kl_fail "$name: exit $rc, stderr: $(head -c 300 "$KL_WORK/err.txt")"
    fi
}
expect_config "unknown librdkafka property" "kafka.consumer.no.such.thing=1" \
    -c "$KL_WORK/w.conf" -X kafka.consumer.no.such.thing=1
expect_config "bad librdkafka value" "kafka.session.timeout.ms=soon" \
    -c "$KL_WORK/w.conf" -X kafka.session.timeout.ms=soon
expect_config "contradicting a required setting" "enable.auto.offset.store=false" \
    -c "$KL_WORK/w.conf" -X kafka.enable.auto.offset.store=true
expect_config "producer acks" "acks=all" \
    -c "$KL_WORK/w.conf" -X kafka.producer.acks=0
expect_config "no bootstrap servers" "kafka.bootstrap.servers is not set" \
    -X "gazetteer.path=$SR_ROOT/tests/fixtures/gazetteer-mini.tsv"
expect_config "unknown sitrep key" "no.such.key" \
    -c "$KL_WORK/w.conf" -X no.such.key=1
expect_config "stray argument" "usage" -c "$KL_WORK/w.conf" extra

kl_mock err 22 31 1000 || kl_fail "cannot inject InitProducerId errors"
kl_start_worker "$KL_WORK/worker.log" "$KL_WORK/w.conf"
if kl_wait 30 kl_gone "$WORKER_PID"; then
    wait "$WORKER_PID"
    rc=$?
    kl_untrack "$WORKER_PID"
    kl_check "fatal producer error: exit 1 (got $rc)" [ $rc -eq 1 ]
    kl_check "the fatal error is logged with its reason" \
        grep -q "stopping on fatal error: .*authorization" "$KL_WORK/worker.log"
else
    kl_fail "the worker kept running after a fatal producer error"
fi
exit $KL_FAILED
