#!/bin/sh
# exactly_once: records the broker refuses abort the transaction, the
# worker rewinds and processes the same articles again, and the replay
# dead-letters what cannot be delivered instead of failing forever.
#
# One input partition holding good articles and two bad ones:
#   - an article whose URL (30 KB, copied into its incidents) makes its
#     events larger than the output topic's max.message.bytes (20000):
#     the broker refuses them, the transaction aborts, and the replay
#     dead-letters the article (stage produce) with its value;
#   - an article over max.article.bytes (100 KB, limit 64 KiB): its dead
#     letter is larger than the dead-letter topic's max.message.bytes
#     (80000): refused, aborted, and the replay sends it without its value
#     (sitrep.error.value.omitted).
# The good articles in the aborted transactions are processed again: a
# read_committed consumer sees each of their incidents exactly once, and
# exactly the two dead letters. The worker keeps running and exits 0.
set -u
. "$SR_ROOT/tests/tools/realkafka-lib.sh"
rk_init exactly-once-aborts

IN=articles-$KL_ID
OUT=incidents-$KL_ID
DLQ=$IN.dlq
rk_start_broker
rk_topics "$IN:1" "$OUT:1:max.message.bytes=20000" "$DLQ:1:max.message.bytes=80000"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "processing.guarantee=exactly_once" "transaction.interval.ms=300" \
    "max.article.bytes=65536" "worker.id=aborts" "kafka.producer.batch.size=16000"

kl_make_articles 2 "$KL_WORK/good.jsonl"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/good.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
python3 - "$KL_WORK/good.jsonl" > "$KL_WORK/all.jsonl" <<'PY'
import json, sys
good = open(sys.argv[1], encoding="utf-8").read().splitlines()
long_url = json.loads(good[0])
long_url["id"] = "long-url"
long_url["url"] = "https://news.example/" + "x" * 30000
oversize = {"id": "oversize", "body": "a" * 102400}
lines = good[:5] + [json.dumps(long_url)] + good[5:15] + [json.dumps(oversize)] + good[15:]
print("\n".join(lines))
PY
rk_produce_spread "$IN" 1 "$KL_WORK/all.jsonl" || kl_fail "cannot produce the input"
total=$(wc -l < "$KL_WORK/all.jsonl")

kl_start_worker "$KL_WORK/w.log" "$KL_WORK/w.conf"
W=$WORKER_PID
if kl_wait 90 rk_no_lag "$KL_GROUP" "$IN"; then
    kl_ok "the transactions committed the end of the input ($total messages; $(rk_elapsed) s)"
else
    kl_fail "committed offsets still $(rk_lag "$KL_GROUP" "$IN") behind the input"
fi
aborts=$(grep -c "transaction aborted" "$KL_WORK/w.log")
kl_check "both refusals aborted a transaction ($aborts aborts)" [ "$aborts" -ge 2 ]
kl_check "the worker rewound its partition to read the articles again" \
    grep -q "rewinding $IN \[0\] to offset" "$KL_WORK/w.log"
rk_alive_then_stop "$W" "$KL_WORK/w.log"

kl_dump "$OUT" "$KL_WORK/out.dump" "$want" 30
kl_dump "$DLQ" "$KL_WORK/dlq.dump" 2 20
kl_check "exactly 2 committed dead letters (got $(wc -l < "$KL_WORK/dlq.dump"))" \
    [ "$(wc -l < "$KL_WORK/dlq.dump")" -eq 2 ]
# Header values are hex: 70726f64756365 = "produce", 6465636f6465 = "decode".
kl_check "the long-URL article: stage produce, with its value" \
    grep -q '^0 [0-9]* [0-9a-f-]* [0-9a-f]\{1000,\} .*sitrep\.error\.stage=70726f64756365' "$KL_WORK/dlq.dump"
kl_check "the oversize article: stage decode, value omitted" \
    grep -q '^0 [0-9]* [0-9a-f-]* - .*sitrep\.error\.stage=6465636f6465.*sitrep\.error\.value\.omitted=' "$KL_WORK/dlq.dump"
rk_check_output "$KL_WORK/expected.jsonl" "$KL_WORK/out.dump" "$KL_WORK/dlq.dump" - --exactly-once
kl_check "read_committed: every good incident exactly once" [ $? -eq 0 ]
"$SR_BUILD/sitrep-dump" -u -b "$BROKERS" -t "$OUT" -w 20 > "$KL_WORK/out-u.dump" 2> /dev/null
echo "# read_uncommitted: $(wc -l < "$KL_WORK/out-u.dump") records (aborted ones included), read_committed $(wc -l < "$KL_WORK/out.dump")"
echo "# 0011 took $(rk_elapsed) s"
exit $KL_FAILED
