#!/bin/sh
# Output that cannot be delivered is not dropped: when the broker
# leading the output topic refuses produce requests with a permanent
# error (MESSAGE_TOO_LARGE), the articles whose incidents failed go to
# the dead-letter topic with stage "produce"; the worker keeps running
# and the next articles come out normally. A refused batch convicts no
# record on its own (the broker refuses the whole batch for one record
# too large), so the worker first produces each refused article alone:
# here broker 2 refuses everything, so every article with incidents is
# refused alone too and dead-lettered. (Isolating the one culprit of a
# batch among innocent articles: tests/realkafka/0007.)
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
kl_extract "$KL_WORK/w.conf" "$KL_WORK/first.jsonl" "$KL_WORK/first.expected"
refused=$(python3 -c 'import json,sys; print(len({json.loads(l)["article_id"] for l in open(sys.argv[1])}))' "$KL_WORK/first.expected")

kl_start_worker "$KL_WORK/worker.log" "$KL_WORK/w.conf"
kl_wait_assigned "$KL_WORK/worker.log" 60 || kl_fail "worker never assigned"
# Every produce request to broker 2 (the output's leader) fails with
# MESSAGE_TOO_LARGE (error 10).
kl_mock berr 2 0 10 100000 || kl_fail "cannot inject produce errors"
kl_produce_lines "$IN" "$KL_WORK/first.jsonl"
if kl_wait 60 kl_has_at_least "$IN.dlq" "$refused"; then
    kl_ok "undeliverable output sends its $refused article(s) to the dead-letter topic"
else
    kl_fail "$(kl_count "$IN.dlq") of $refused dead-lettered: $(grep -v CONFWARN "$KL_WORK/worker.log" | tail -n 3)"
fi
kl_check "each refused article was produced again alone before it was dead-lettered" \
    [ "$(grep -c 'producing them again alone' "$KL_WORK/worker.log")" -ge "$refused" ]
kl_dump "$IN.dlq" "$KL_WORK/dlq.txt" "$refused" 10
python3 - "$KL_WORK/dlq.txt" <<'PY'
import sys
ok = 0
for l in open(sys.argv[1]):
    part, off, key, value, hdrs = l.rstrip("\n").split(" ")
    h = dict((kv.split("=", 1)[0], bytes.fromhex(kv.split("=", 1)[1]).decode()) for kv in hdrs.split(","))
    ok += h.get("sitrep.error.stage") == "produce" and "too large" in h.get("sitrep.error.reason", "").lower() and len(value) > 2
sys.exit(0 if ok > 0 and ok == sum(1 for _ in open(sys.argv[1])) else 1)
PY
kl_check "DLQ records say stage=produce with the broker's reason, and keep the article" [ $? -eq 0 ]

# Broker 2 still refuses everything: broker 1 takes over the output, and
# broker 2 goes down so that the producer looks the leader up again.
kl_mock leader "$OUT" 0 1 && kl_mock down 2 || kl_fail "cannot move the output's leader"
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
