#!/bin/sh
# Backpressure: with a producer queue of 5 records and a slow output
# broker, producing hits "queue full"; the worker pauses its partitions,
# keeps polling, resumes below the low watermark, and in the end every
# incident is out exactly once. Articles in flight never exceed
# max.inflight.articles.
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init backpressure

IN=articles-$KL_ID
OUT=incidents-$KL_ID
KL_BROKERS=2
kl_start_mockd "$IN:4" "$OUT:4" "$IN.dlq:1"
kl_place_leaders "$IN" "$OUT" 4 || kl_fail "cannot place partition leaders"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "log.level=debug" "max.inflight.articles=20" \
    "kafka.producer.queue.buffering.max.messages=5"
kl_make_articles 4 "$KL_WORK/all.jsonl"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/all.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")

kl_mock rtt 2 50
kl_produce_lines "$IN" "$KL_WORK/all.jsonl"
kl_start_worker "$KL_WORK/worker.log" "$KL_WORK/w.conf"
if kl_wait 120 kl_has_at_least "$OUT" "$want"; then
    kl_ok "all $want incidents are out"
else
    kl_fail "only $(kl_count "$OUT") of $want incidents"
fi
kl_stop "$WORKER_PID" 60
kl_check "SIGTERM: exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]

full=$(grep -c "paused fetching (producer queue full" "$KL_WORK/worker.log")
resumed=$(grep -c "resumed fetching" "$KL_WORK/worker.log")
kl_check "a full producer queue pauses fetching ($full times)" [ "$full" -gt 0 ]
kl_check "fetching resumes after each pause ($resumed times)" [ "$resumed" -gt 0 ]
most=$(sed -n 's/.* consumed .*, \([0-9]*\) in flight)$/\1/p' "$KL_WORK/worker.log" | sort -n | tail -n 1)
kl_check "never more than max.inflight.articles in flight (most: ${most:-?})" \
    [ "${most:-99}" -lt 20 ]

kl_dump "$OUT" "$KL_WORK/out.txt" "$want" 30
python3 - "$KL_WORK/out.txt" "$KL_WORK/expected.jsonl" <<'PY'
import json, sys
keys = [bytes.fromhex(l.split(" ")[2]).decode() for l in open(sys.argv[1])]
want = {json.loads(l)["incident_id"] for l in open(sys.argv[2]) if l.strip()}
sys.exit(0 if len(keys) == len(set(keys)) and set(keys) == want else 1)
PY
kl_check "every incident exactly once" [ $? -eq 0 ]
exit $KL_FAILED
