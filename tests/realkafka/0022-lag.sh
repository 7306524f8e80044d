#!/bin/sh
# Consumer lag per partition in /metrics, from librdkafka's statistics, on
# a real broker.
#
# A first worker processes a few articles and stops, so the group has
# committed offsets. While no worker runs, a backlog of different sizes
# per partition (60, 120, 180 articles) is produced. A worker started with
# kafka.statistics.interval.ms=1000 finds its geocoder frozen (SIGSTOP,
# geocoder.cache.entries=0, a long geocoder.timeout.ms): every article
# waits for it, so nothing can be committed. Within a few statistics
# intervals of the assignment, /metrics must show
# sitrep_consumer_lag{topic,partition} equal to each partition's backlog,
# as the broker sees it too (high watermark - committed offset, read with
# the Admin API). Once the geocoder is thawed the lag must only go down,
# pass through values between, and reach 0 on every partition. When a
# second worker joins, each worker's /metrics lists only the partitions it
# holds.
set -u
. "$SR_ROOT/tests/tools/realkafka-lib.sh"
rk_init lag

IN=articles-$KL_ID
OUT=incidents-$KL_ID
STATS_MS=1000
rk_start_broker
rk_topics "$IN:3" "$OUT:3" "$IN.dlq:1"
kl_write_conf "$KL_WORK/base.conf" "input.topic=$IN" "output.topic=$OUT"
rk_start_geocoder "$KL_WORK/base.conf"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "geocoder.url=$GEO_URL" "geocoder.cache.entries=0" "geocoder.timeout.ms=60000" \
    "ops.listen=127.0.0.1:0" "kafka.statistics.interval.ms=$STATS_MS" \
    "max.inflight.articles=60"

# The broker's view: "PARTITION LAG" lines.
broker_lags() {
    "$SR_BUILD/sitrep-admin" -b "$BROKERS" -g "$KL_GROUP" -o "$IN" 2> /dev/null |
        awk '{ c = ($2 < 0) ? 0 : $2; print $1, $3 - c }' | sort -n
}

rk_make_long_articles 390 6 "$KL_WORK/all.jsonl"
head -n 30 "$KL_WORK/all.jsonl" > "$KL_WORK/first.jsonl"
rk_produce_spread "$IN" 3 "$KL_WORK/first.jsonl" || kl_fail "cannot produce the first articles"
kl_start_worker "$KL_WORK/w1.log" "$KL_WORK/w.conf" -X worker.id=w1
W1=$WORKER_PID
kl_wait 60 rk_no_lag "$KL_GROUP" "$IN" || kl_fail "the first worker did not commit its articles"
kl_stop "$W1" 30
kl_check "the first worker stops: status 0 (got $STATUS)" [ "$STATUS" = 0 ]

# The backlog: partition p gets 60 * (p + 1) articles.
tail -n +31 "$KL_WORK/all.jsonl" > "$KL_WORK/backlog.jsonl"
off=1
printf '' > "$KL_WORK/want.lags"
for p in 0 1 2; do
    n=$((60 * (p + 1)))
    tail -n +$off "$KL_WORK/backlog.jsonl" | head -n $n > "$KL_WORK/b$p.jsonl"
    "$SR_BUILD/sitrep-produce" -b "$BROKERS" -t "$IN" -p $p -l "$KL_WORK/b$p.jsonl" > /dev/null ||
        kl_fail "cannot produce the backlog of partition $p"
    echo "$p $n" >> "$KL_WORK/want.lags"
    off=$((off + n))
done
broker_lags > "$KL_WORK/broker.lags"
kl_check "the broker sees the backlog: $(tr '\n' ' ' < "$KL_WORK/broker.lags")" \
    cmp -s "$KL_WORK/broker.lags" "$KL_WORK/want.lags"

kill -STOP "$GEO_PID"
LOG=$KL_WORK/w2.log
kl_start_worker "$LOG" "$KL_WORK/w.conf" -X worker.id=w2
W2=$WORKER_PID
rk_ops_url "$LOG" || exit 1
kl_wait_assigned "$LOG" 60 || kl_fail "the worker was never assigned"
t0=$(date +%s)
lags_match() {
    curl -s "$URL/metrics" > "$KL_WORK/m.txt" 2> /dev/null &&
        rk_lags "$KL_WORK/m.txt" "$IN" > "$KL_WORK/metric.lags" &&
        cmp -s "$KL_WORK/metric.lags" "$KL_WORK/want.lags"
}
if kl_wait 20 lags_match; then
    took=$(($(date +%s) - t0))
    kl_ok "/metrics: sitrep_consumer_lag per partition = the backlog ($(tr '\n' ' ' < "$KL_WORK/metric.lags")), $took s after the assignment"
    kl_check "... within 3 statistics intervals ($took s <= $((3 * STATS_MS / 1000)) s)" \
        [ "$took" -le $((3 * STATS_MS / 1000)) ]
else
    kl_fail "/metrics lag never matched the backlog: got '$(tr '\n' ' ' < "$KL_WORK/metric.lags")', want '$(tr '\n' ' ' < "$KL_WORK/want.lags")'"
fi
consumed=$(rk_metric "$KL_WORK/m.txt" sitrep_messages_consumed_total)
kl_check "the worker holds consumed articles (${consumed:-?}) that it cannot finish" \
    [ "${consumed:-0}" -gt 0 ]
broker_lags > "$KL_WORK/broker.lags"
kl_check "the broker agrees: $(tr '\n' ' ' < "$KL_WORK/broker.lags")" \
    cmp -s "$KL_WORK/broker.lags" "$KL_WORK/want.lags"

kill -CONT "$GEO_PID"
total=$(awk '{ s += $2 } END { print s }' "$KL_WORK/want.lags")
prev=$total
between=0
rising=""
zero=0
t1=$(date +%s)
while [ $(($(date +%s) - t1)) -lt 60 ]; do
    curl -s "$URL/metrics" > "$KL_WORK/m.txt" 2> /dev/null
    rk_lags "$KL_WORK/m.txt" "$IN" > "$KL_WORK/metric.lags"
    if [ "$(grep -c . "$KL_WORK/metric.lags")" = 3 ]; then
        sum=$(awk '{ s += $2 } END { print s }' "$KL_WORK/metric.lags")
        [ "$sum" -gt "$prev" ] && rising="$rising $prev->$sum"
        [ "$sum" -gt 0 ] && [ "$sum" -lt "$total" ] && between=$((between + 1))
        prev=$sum
        if [ "$sum" = 0 ]; then
            zero=1
            break
        fi
    fi
    sleep 0.5
done
kl_check "after the thaw the lag reaches 0 on every partition ($(($(date +%s) - t1)) s)" [ $zero = 1 ]
kl_check "it only goes down (rises:${rising:- none})" [ -z "$rising" ]
kl_check "scrapes saw it in between ($between of them)" [ "$between" -gt 0 ]
kl_check "the broker agrees: lag 0" rk_no_lag "$KL_GROUP" "$IN"

# A third worker joins: each worker's /metrics must list the partitions
# it holds now, and not those the rebalance took away (librdkafka keeps
# reporting those, their lag frozen at the revocation).
URL2=$URL
kl_start_worker "$KL_WORK/w3.log" "$KL_WORK/w.conf" -X worker.id=w3
W3=$WORKER_PID
rk_ops_url "$KL_WORK/w3.log" || exit 1
URL3=$URL
kl_wait 60 rk_split 3 "$LOG" "$KL_WORK/w3.log" || kl_fail "the two workers never split the partitions"
# held LOG: the partition numbers a worker's log says it holds.
held() { rk_assigned_parts "$1" | tr ' ' '\n' | sed -n 's/.*\[\([0-9]*\)\]$/\1/p' | sort -n | tr '\n' ' '; }
# listed URL: the partitions with a lag in that worker's /metrics.
listed() {
    curl -s "$1/metrics" > "$KL_WORK/m.txt" 2> /dev/null
    rk_lags "$KL_WORK/m.txt" "$IN" | cut -d' ' -f1 | tr '\n' ' '
}
lists_held() { [ "$(listed "$URL2")" = "$(held "$LOG")" ] && [ "$(listed "$URL3")" = "$(held "$KL_WORK/w3.log")" ]; }
if kl_wait 10 lists_held; then
    kl_ok "after the rebalance each worker reports only its own partitions (w2: $(held "$LOG")- w3: $(held "$KL_WORK/w3.log"))"
else
    kl_fail "after the rebalance w2 lists '$(listed "$URL2")' holding '$(held "$LOG")', w3 lists '$(listed "$URL3")' holding '$(held "$KL_WORK/w3.log")'"
fi
for pid in $W2 $W3; do
    kl_stop "$pid" 30
    kl_check "SIGTERM: exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
done
echo "# 0022 took $(rk_elapsed) s"
exit $KL_FAILED
