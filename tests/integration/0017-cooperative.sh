#!/bin/sh
# partition.assignment.strategy=cooperative-sticky (at_least_once): the
# cooperative protocol moves only the partitions that change owner, and
# the worker must apply each change with incremental assign/unassign
# (a plain assign is refused by librdkafka, and the worker would read
# nothing). Two workers, 4 partitions, a slow output broker so that
# articles are in flight when partitions move:
#   - A alone holds 4; B joins: A gives up exactly 2 (never all 4) and
#     keeps 2, B takes 2;
#   - A leaves on SIGTERM: B takes A's 2 and holds 4;
#   - every incident is out, duplicates (replays of moved partitions) are
#     byte-identical; both exit 0.
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init cooperative

IN=articles-$KL_ID
OUT=incidents-$KL_ID
KL_BROKERS=2
kl_start_mockd "$IN:4" "$OUT:4" "$IN.dlq:1"
kl_place_leaders "$IN" "$OUT" 4 || kl_fail "cannot place partition leaders"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "max.inflight.articles=20" \
    "kafka.consumer.partition.assignment.strategy=cooperative-sticky"
kl_make_articles 12 "$KL_WORK/all.jsonl"
split -n l/3 "$KL_WORK/all.jsonl" "$KL_WORK/part-"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/all.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")

holding() { kl_wait "$3" grep -q "holding $2 partition(s) (cooperative)" "$1"; }

kl_mock rtt 2 300
kl_produce_lines "$IN" "$KL_WORK/part-aa"
kl_start_worker "$KL_WORK/a.log" "$KL_WORK/w.conf"
A=$WORKER_PID
kl_check "A alone holds the 4 partitions" holding "$KL_WORK/a.log" 4 60
kl_check "the start-up warns about librdkafka 2.0's cooperative bugs" \
    grep -q "cooperative protocol has known bugs before 2.10" "$KL_WORK/a.log"
kl_wait 60 kl_has_at_least "$OUT" 10 || kl_fail "worker A produces nothing"

kl_start_worker "$KL_WORK/b.log" "$KL_WORK/w.conf"
B=$WORKER_PID
kl_produce_lines "$IN" "$KL_WORK/part-ab"
if holding "$KL_WORK/b.log" 2 60 && holding "$KL_WORK/a.log" 2 10; then
    kl_ok "B joins: A gives up 2 partitions and keeps 2, B takes 2"
else
    kl_fail "no incremental rebalance: A: $(grep -E 'revoked|assigned|holding' "$KL_WORK/a.log" | tail -n 2 | tr '\n' ' ') B: $(grep -E 'assigned|holding' "$KL_WORK/b.log" | tail -n 1)"
fi
kl_check "A never gave up all 4 partitions" sh -c "! grep -q 'revoked 4 partition' '$KL_WORK/a.log'"
kl_check "no assign call was refused" sh -c "! grep -qE ' (un)?assign: ' '$KL_WORK/a.log' '$KL_WORK/b.log'"
kl_produce_lines "$IN" "$KL_WORK/part-ac"
kl_stop "$A" 60
kl_check "A leaves on SIGTERM with exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
kl_check "B takes A's partitions and holds 4" holding "$KL_WORK/b.log" 4 60
kl_mock rtt 2 0

if kl_wait 120 kl_have_all "$OUT" "$KL_WORK/expected.jsonl" "$KL_WORK/out.txt"; then
    kl_ok "every incident of every article is out ($want)"
else
    kl_fail "incidents missing: $(wc -l < "$KL_WORK/out.txt") records for $want"
fi
kl_dump "$IN.dlq" "$KL_WORK/dlq.txt" 0 5
python3 "$SR_ROOT/tests/realkafka/check_output.py" "$KL_WORK/expected.jsonl" \
    "$KL_WORK/out.txt" "$KL_WORK/dlq.txt"
kl_check "duplicates are byte-identical, no unknown key" [ $? -eq 0 ]
kl_stop "$B" 60
kl_check "B: SIGTERM exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
exit $KL_FAILED
