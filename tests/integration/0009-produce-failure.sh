#!/bin/sh
# Output that cannot be delivered is not dropped: when the broker
# leading the output topic refuses produce requests with a permanent
# error (MESSAGE_TOO_LARGE), the articles whose incidents failed go to
# the dead-letter topic with stage "produce"; the worker keeps running
# and the next articles come out normally.
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init produce-failure

IN=articles-$KL_ID
OUT=incidents-$KL_ID
KL_BROKERS=2
kl_start_mockd "$IN:1" "$OUT:1" "$IN.dlq:1"
kl_place_leaders "$IN" "$OUT" 1 || kl_fail "cannot place partition leaders"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT"
kl_make_articles 2 "$KL_WORK/all.jsonl"
head -n 5 "$KL_WORK/all.jsonl" > "$KL_WORK/first.jsonl"
tail -n +6 "$KL_WORK/all.jsonl" > "$KL_WORK/rest.jsonl"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/rest.jsonl" "$KL_WORK/rest.expected"
want=$(wc -l < "$KL_WORK/rest.expected")

kl_start_worker "$KL_WORK/worker.log" "$KL_WORK/w.conf"
kl_wait_assigned "$KL_WORK/worker.log" 60 || kl_fail "worker never assigned"
# The next produce request to broker 2 (the worker's first batch of
# incidents) fails with MESSAGE_TOO_LARGE.
kl_mock berr 2 0 10 1 || kl_fail "cannot inject produce errors"
kl_produce_lines "$IN" "$KL_WORK/first.jsonl"
if kl_wait 60 kl_has_at_least "$IN.dlq" 1; then
    kl_ok "undeliverable output sends its article to the dead-letter topic"
else
    kl_fail "nothing dead-lettered: $(grep -v CONFWARN "$KL_WORK/worker.log" | tail -n 3)"
fi
kl_dump "$IN.dlq" "$KL_WORK/dlq.txt" 1 10
python3 - "$KL_WORK/dlq.txt" <<'PY'
import sys
ok = 0
for l in open(sys.argv[1]):
    part, off, key, value, hdrs = l.rstrip("\n").split(" ")
    h = dict((kv.split("=", 1)[0], bytes.fromhex(kv.split("=", 1)[1]).decode()) for kv in hdrs.split(","))
    ok += h.get("sitrep.error.stage") == "produce" and "too large" in h.get("sitrep.error.reason", "").lower() and len(value) > 0
sys.exit(0 if ok > 0 else 1)
PY
kl_check "DLQ records say stage=produce with the broker's reason, and keep the article" [ $? -eq 0 ]

# The error was used up: the rest must flow.
before=$(kl_count "$OUT")
kl_produce_lines "$IN" "$KL_WORK/rest.jsonl"
if kl_wait 90 kl_has_at_least "$OUT" $((before + want)); then
    kl_ok "later articles are produced normally ($want incidents)"
else
    kl_fail "later articles: $(($(kl_count "$OUT") - before)) of $want incidents"
fi
if kill -0 "$WORKER_PID" 2>/dev/null && ! kl_zombie "$WORKER_PID"; then
    kl_ok "the worker is still running"
else
    kl_fail "the worker died"
fi
kl_stop "$WORKER_PID" 60
kl_check "SIGTERM: exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
exit $KL_FAILED
