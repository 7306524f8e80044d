#!/bin/sh
# A dead letter the broker refuses as too large must not stop the worker.
#
# The broker enforces a topic's max.message.bytes on the record it gets,
# and a dead letter is the original value plus the sitrep.error.* headers.
# Two cases:
#  a) the dead-letter topic is configured smaller (100000 bytes) than the
#     input topic and the worker's producer limit: a 200 KB article over
#     max.article.bytes (64 KiB);
#  b) a stock broker (message.max.bytes 1048588 for every topic): a
#     1048327-byte article of invalid JSON is accepted into the input
#     topic and is under max.article.bytes (1 MiB), but its dead letter is
#     over the limit.
# Expected: the dead letter is sent again without its value
# (sitrep.error.value.omitted, as when the worker's own producer limit is
# exceeded), the good articles after it are processed and the worker goes
# on. Today MSG_SIZE_TOO_LARGE in the dead letter's delivery report is
# fatal: the worker exits 1 without committing, and every restart does the
# same - the partition is stuck behind a poison pill.
set -u
. "$SR_ROOT/tests/tools/realkafka-lib.sh"
rk_init dlq-too-large
rk_start_broker
kl_make_articles 1 "$KL_WORK/good.jsonl"

# scenario NAME BIGFILE DLQ-TOPIC-SPEC-SUFFIX [key=value]...
scenario() {
    name=$1 big=$2 dlqspec=$3
    shift 3
    IN=articles-$name-$KL_ID
    OUT=incidents-$name-$KL_ID
    rk_topics "$IN:1" "$OUT:1" "$IN.dlq:1$dlqspec"
    KL_GROUP="sitrep-$name-$KL_ID"
    kl_write_conf "$KL_WORK/$name.conf" "input.topic=$IN" "output.topic=$OUT" "$@"
    kl_extract "$KL_WORK/$name.conf" "$KL_WORK/good.jsonl" "$KL_WORK/$name.expected"
    want=$(wc -l < "$KL_WORK/$name.expected")
    if "$SR_BUILD/sitrep-produce" -b "$BROKERS" -t "$IN" -p 0 -k big "$big" > /dev/null; then
        kl_ok "$name: the broker accepts the $(wc -c < "$big")-byte article"
    else
        kl_fail "$name: the broker refuses the $(wc -c < "$big")-byte article"
    fi
    "$SR_BUILD/sitrep-produce" -b "$BROKERS" -t "$IN" -p 0 -l "$KL_WORK/good.jsonl" > /dev/null
    kl_start_worker "$KL_WORK/$name.log" "$KL_WORK/$name.conf"
    if kl_wait 60 rk_no_lag "$KL_GROUP" "$IN"; then
        kl_ok "$name: the worker committed the end of the input"
    else
        kl_fail "$name: committed offsets $(rk_lag "$KL_GROUP" "$IN") behind the input"
    fi
    kl_dump "$IN.dlq" "$KL_WORK/$name.dlq" 1 10
    # sitrep-dump: partition offset key value headers (names plain, values
    # hex); "-" is an absent value.
    kl_check "$name: the big article is dead-lettered without its value" \
        grep -q '^0 [0-9]* [0-9a-f]* - .*sitrep\.error\.value\.omitted=' "$KL_WORK/$name.dlq"
    kl_check "$name: the good articles after it are processed" kl_has_at_least "$OUT" "$want"
    rk_alive_then_stop "$WORKER_PID" "$KL_WORK/$name.log"
}

{ printf '{"id":"oversize","body":"'; head -c 200000 /dev/zero | tr '\0' 'a'; printf '"}'; } > "$KL_WORK/big-a"
scenario small-dlq-topic "$KL_WORK/big-a" ":max.message.bytes=100000" "max.article.bytes=65536"
{ printf '{"id":"nearly-1mb","body":"'; head -c 1048300 /dev/zero | tr '\0' 'a'; } > "$KL_WORK/big-b"
scenario stock-broker "$KL_WORK/big-b" ""
exit $KL_FAILED
