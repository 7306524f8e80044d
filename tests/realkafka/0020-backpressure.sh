#!/bin/sh
# Backpressure on a real broker, with a geocoder that stalls for 30 s.
#
# One worker with max.inflight.articles=200 reads a 6-partition topic; the
# geocoder (`sitrep geocoder serve`) is frozen with SIGSTOP while 3000
# articles of ~2.4 KB (about 13 incidents each) arrive, and thawed 30 s
# later. geocoder.timeout.ms is longer than the stall, so every article
# waits for its places: nothing can finish while the geocoder is frozen.
# During the stall:
#  - the worker pauses its partitions at the high watermark: /metrics shows
#    sitrep_partitions_paused = 6 and a backpressure pause, the log never
#    shows more than 200 articles in flight, and thousands of articles stay
#    in the topic;
#  - its resident memory (VmRSS, sampled every second from /proc) stays
#    under a bound computed from the configuration: RSS before any input +
#    max.inflight.articles x 16 x max.article.bytes (an article in flight
#    holds its message, decoded text, paragraphs and incidents) +
#    queued.max.messages.kbytes (librdkafka's prefetch) +
#    queue.buffering.max.kbytes (the producer queue) + 16 MiB for the
#    allocator and client buffers. Without the pause the same backlog takes
#    ~27 KB per article: about 80 MB more for 3000 articles, far over it.
# After the stall every article is accounted for: every incident in the
# output (identical to `sitrep extract`'s, decoded), no duplicate, no dead
# letter. Fetching resumed only below the low watermark (half the limit).
# Under ASan (SR_SANITIZE) RSS measures the sanitizer's quarantine and
# redzones, so the bound is reported but not checked.
#
# Then the producer-queue watermark, alone: a second group reads 200 of
# the articles with max.inflight.articles so high that it never binds, a
# producer queue of 500 messages and 1 s of linger (at most ~500
# incidents/s leave, while extraction makes thousands): produce calls
# meet "queue full", the worker pauses fetching for it and resumes, and
# every incident is delivered once.
set -u
. "$SR_ROOT/tests/tools/realkafka-lib.sh"
rk_init backpressure

IN=articles-$KL_ID
OUT=incidents-$KL_ID
NART=3000
HIGH=200
ART_MAX=4096
FETCH_KB=1024
PQ_KB=2048
STALL=30
rk_start_broker
rk_topics "$IN:6" "$OUT:6" "$IN.dlq:1"
kl_write_conf "$KL_WORK/base.conf" "input.topic=$IN" "output.topic=$OUT"
rk_start_geocoder "$KL_WORK/base.conf"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "geocoder.url=$GEO_URL" "geocoder.timeout.ms=60000" \
    "ops.listen=127.0.0.1:0" "kafka.statistics.interval.ms=1000" \
    "log.level=debug" "max.inflight.articles=$HIGH" "max.article.bytes=$ART_MAX" \
    "kafka.consumer.queued.max.messages.kbytes=$FETCH_KB" \
    "kafka.producer.queue.buffering.max.messages=500" \
    "kafka.producer.queue.buffering.max.kbytes=$PQ_KB"

rk_make_long_articles $NART 10 "$KL_WORK/all.jsonl"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/all.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
kl_check "sitrep extract (same geocoder) finds $want incidents in $NART articles" \
    [ "$want" -gt $((NART * 5)) ]

LOG=$KL_WORK/w.log
kl_start_worker "$LOG" "$KL_WORK/w.conf"
W=$WORKER_PID
rk_ops_url "$LOG" || exit 1
kl_wait_assigned "$LOG" 60 || kl_fail "the worker was never assigned"
kl_wait 20 rk_metric_is "$URL" sitrep_partitions_assigned 6 ||
    kl_fail "the worker does not hold the 6 partitions"
base=$(rk_rss_kb "$W")
bound=$((base + (HIGH * 16 * ART_MAX) / 1024 + FETCH_KB + PQ_KB + 16384))
echo "# RSS before input: $base kB; bound: $bound kB"

kill -STOP "$GEO_PID"
rk_produce_spread "$IN" 6 "$KL_WORK/all.jsonl" || kl_fail "cannot produce the articles"
t0=$(date +%s)
maxrss=0
paused_seen=0
n=0
while [ $(($(date +%s) - t0)) -lt $STALL ]; do
    rss=$(rk_rss_kb "$W")
    [ "${rss:-0}" -gt "$maxrss" ] && maxrss=$rss
    curl -s "$URL/metrics" > "$KL_WORK/metrics.stall" 2> /dev/null
    [ "$(rk_metric "$KL_WORK/metrics.stall" sitrep_partitions_paused)" = 6 ] &&
        paused_seen=$((paused_seen + 1))
    n=$((n + 1))
    sleep 1
done
consumed=$(rk_metric "$KL_WORK/metrics.stall" sitrep_messages_consumed_total)
done_stall=$(rk_metric "$KL_WORK/metrics.stall" sitrep_articles_done_total)
pauses=$(rk_metric "$KL_WORK/metrics.stall" sitrep_backpressure_pauses_total)
inflight=$(rk_metric "$KL_WORK/metrics.stall" sitrep_articles_in_flight)
echo "# during the ${STALL} s stall: $n samples, RSS at most $maxrss kB ($((maxrss - base)) kB over the start), $consumed consumed, $inflight in flight, $done_stall done"
kl_check "the geocoder stall holds every article: none finished" [ "${done_stall:-x}" = 0 ]
kl_check "/metrics: sitrep_partitions_paused 6 in $paused_seen of $n scrapes of the stall" \
    [ "$paused_seen" -ge $((n / 2)) ]
kl_check "/metrics: sitrep_backpressure_pauses_total ${pauses:-?} >= 1, in flight ${inflight:-?} = $HIGH" \
    [ "${pauses:-0}" -ge 1 -a "${inflight:-x}" = $HIGH ]
kl_check "thousands of articles wait in the topic: $((NART - ${consumed:-0})) not consumed" \
    [ $((NART - ${consumed:-$NART})) -ge 2500 ]
rss_check() {
    if [ -n "${SR_SANITIZE:-}" ]; then
        echo "# not checked under ASan: $1"
    else
        kl_check "$@"
    fi
}
rss_check "RSS during the stall stays under the bound from the config ($maxrss <= $bound kB)" \
    [ "$maxrss" -gt 0 -a "$maxrss" -le "$bound" ]

kill -CONT "$GEO_PID"
t1=$(date +%s)
maxrss2=0
finished=0
while [ $(($(date +%s) - t1)) -lt 90 ]; do
    rss=$(rk_rss_kb "$W")
    [ "${rss:-0}" -gt "$maxrss2" ] && maxrss2=$rss
    if rk_metric_is "$URL" sitrep_articles_done_total $NART; then
        finished=1
        break
    fi
    sleep 0.5
done
if [ $finished = 1 ]; then
    kl_ok "all $NART articles done $(($(date +%s) - t1)) s after the stall ended"
else
    kl_fail "only $(curl -s "$URL/metrics" | sed -n 's/^sitrep_articles_done_total //p') of $NART articles done"
fi
rss_check "RSS while the backlog drains stays under the bound too ($maxrss2 <= $bound kB)" \
    [ "$maxrss2" -le "$bound" ]
kl_stop "$W" 30
kl_check "SIGTERM: exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]

most=$(sed -n 's/.* consumed .*, \([0-9]*\) in flight)$/\1/p' "$LOG" | sort -n | tail -n 1)
kl_check "never more than max.inflight.articles in flight (at most ${most:-?} before a message)" \
    [ "${most:-$HIGH}" -lt $HIGH ]
hi_pause=$(sed -n 's/.*paused fetching (max.inflight.articles; \([0-9]*\) articles.*/\1/p' "$LOG" | sort -n | head -n 1)
kl_check "paused at the high watermark ($HIGH; first pause at ${hi_pause:-?} in flight)" \
    [ "${hi_pause:-0}" -ge $HIGH ]
lo=$(sed -n 's/.*resumed fetching (below the low watermark; \([0-9]*\) articles.*/\1/p' "$LOG" | sort -n | tail -n 1)
kl_check "fetching resumes only at or below the low watermark ($((HIGH / 2)); at most ${lo:-?} in flight)" \
    [ "${lo:-$HIGH}" -le $((HIGH / 2)) ]

kl_dump "$OUT" "$KL_WORK/out.dump" "$want" 60
kl_dump "$IN.dlq" "$KL_WORK/dlq.dump" 0 5
"$SITREP" decode -t "$OUT" -b "$BROKERS" -e -k > "$KL_WORK/decoded.jsonl" 2> "$KL_WORK/decode.err"
kl_check "sitrep decode reads the output back" [ $? -eq 0 ]
rk_check_output "$KL_WORK/expected.jsonl" "$KL_WORK/out.dump" "$KL_WORK/dlq.dump" \
    "$KL_WORK/decoded.jsonl" > "$KL_WORK/check.txt"
st=$?
cat "$KL_WORK/check.txt"
kl_check "every incident out, equal to sitrep extract's" [ $st -eq 0 ]
kl_check "no duplicate, no dead letter" \
    grep -q " 0 duplicates; 0 dead letters" "$KL_WORK/check.txt"

# ---- the producer queue -------------------------------------------------
IN2=articles-q-$KL_ID
OUT2=incidents-q-$KL_ID
rk_topics "$IN2:3" "$OUT2:3" "$IN2.dlq:1"
head -n 200 "$KL_WORK/all.jsonl" > "$KL_WORK/q.jsonl"
kl_write_conf "$KL_WORK/q.conf" "input.topic=$IN2" "output.topic=$OUT2" \
    "kafka.consumer.group.id=$KL_GROUP-q" "log.level=debug" \
    "max.inflight.articles=100000" "kafka.producer.queue.buffering.max.messages=500" \
    "kafka.producer.linger.ms=1000"
kl_extract "$KL_WORK/q.conf" "$KL_WORK/q.jsonl" "$KL_WORK/q.expected"
want=$(wc -l < "$KL_WORK/q.expected")
rk_produce_spread "$IN2" 3 "$KL_WORK/q.jsonl" || kl_fail "cannot produce the articles"
LOG=$KL_WORK/q.log
kl_start_worker "$LOG" "$KL_WORK/q.conf"
kl_wait 60 rk_no_lag "$KL_GROUP-q" "$IN2" || kl_fail "q) the worker did not reach the end of the input"
kl_stop "$WORKER_PID" 30
kl_check "q) SIGTERM: exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
full=$(grep -c "paused fetching (producer queue full" "$LOG")
resumed=$(grep -c "resumed fetching" "$LOG")
kl_check "q) a full producer queue pauses fetching ($full times) and it resumes ($resumed times)" \
    [ "$full" -gt 0 -a "$resumed" -gt 0 ]
kl_dump "$OUT2" "$KL_WORK/q.dump" "$want" 30
kl_dump "$IN2.dlq" "$KL_WORK/q.dlq" 0 5
rk_check_output "$KL_WORK/q.expected" "$KL_WORK/q.dump" "$KL_WORK/q.dlq" > "$KL_WORK/q.check"
st=$?
cat "$KL_WORK/q.check"
kl_check "q) every incident out" [ $st -eq 0 ]
kl_check "q) none twice, no dead letter" grep -q " 0 duplicates; 0 dead letters" "$KL_WORK/q.check"
echo "# 0020 took $(rk_elapsed) s"
exit $KL_FAILED
