#!/bin/sh
# /metrics shows what the geocoder client went through: retries, the
# circuit breaker's state and openings, cache hits and misses, requests
# failed at once by the open breaker, and fallbacks to the gazetteer.
#
# `sitrep geocoder serve --fail-first 4` answers its first 4 searches with
# 503. The worker (ops.listen; geocoder.max.inflight=1 so the order is
# fixed, geocoder.retries=1, geocoder.breaker.failures=2, a breaker open
# for 6 s) gets the fixture articles: its first two lookups fail after one
# retry each (4 searches, 2 retries), which opens the breaker; every later
# lookup fails at once without reaching the server. Scraped then:
# retries 2, breaker opened once and open (state 1), fallbacks == failed
# lookups == every lookup, cache hits + misses == lookups, and the server
# saw exactly the 4 searches the client counts as HTTP requests. After the
# open period the state is 2 (half-open). The same articles again under
# new ids: the first lookup probes (search 5 succeeds), the breaker closes
# (state 0, still one opening), and HTTP requests still equal the
# server's searches. A third time: every lookup is a cache hit and no
# search reaches the server. Every incident is published each time and
# nothing is dead-lettered.
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init geocoder-metrics

IN=articles-$KL_ID
OUT=incidents-$KL_ID
kl_start_mockd "$IN:1" "$OUT:1" "$IN.dlq:1"
kl_write_conf "$KL_WORK/base.conf" "input.topic=$IN" "output.topic=$OUT"
"$SITREP" geocoder serve --listen 127.0.0.1:0 --fail-first 4 \
    -c "$KL_WORK/base.conf" > "$KL_WORK/geocoder.out" 2> "$KL_WORK/geocoder.log" &
kl_track $!
if ! kl_wait 30 grep -q . "$KL_WORK/geocoder.out"; then
    kl_fail "the geocoder did not start: $(tail -n 3 "$KL_WORK/geocoder.log")"
    exit 1
fi
GURL=$(head -n 1 "$KL_WORK/geocoder.out")
searches() {
    curl -s "$GURL/status?format=json" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["searches"])'
}
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "geocoder.url=$GURL" "geocoder.max.inflight=1" "geocoder.retries=1" \
    "geocoder.retry.backoff.ms=10" "geocoder.breaker.failures=2" \
    "geocoder.breaker.open.ms=6000" "ops.listen=127.0.0.1:0"

grep '"id"' "$SR_ROOT/tests/fixtures/kafka/articles.jsonl" > "$KL_WORK/batch1.jsonl"
kl_make_articles 2 "$KL_WORK/copies.jsonl"
grep -e '-c0"' "$KL_WORK/copies.jsonl" > "$KL_WORK/batch2.jsonl"
grep -e '-c1"' "$KL_WORK/copies.jsonl" > "$KL_WORK/batch3.jsonl"
kl_extract "$KL_WORK/base.conf" "$KL_WORK/batch1.jsonl" "$KL_WORK/plain.jsonl"
want=$(wc -l < "$KL_WORK/plain.jsonl")
lookups=$(python3 -c '
import json, sys
print(sum(bool((json.loads(l).get("location") or {}).get("name"))
          for l in open(sys.argv[1], encoding="utf-8")))' "$KL_WORK/plain.jsonl")
kl_check "the articles give $want incidents, $lookups places to look up (>= 4)" \
    [ "$lookups" -ge 4 ]

LOG="$KL_WORK/worker.log"
kl_start_worker "$LOG" "$KL_WORK/w.conf"
url_logged() { grep -qs 'ops: listening on http://' "$LOG"; }
if ! kl_wait 20 url_logged; then
    kl_fail "the worker did not log its ops URL: $(tail -n 5 "$LOG")"
    exit 1
fi
URL=$(sed -n 's/.*ops: listening on \(http:\/\/[^ ]*\).*/\1/p' "$LOG" | head -n 1)
scrape() { curl -s "$URL/metrics" > "$KL_WORK/metrics.txt"; }
metric() { awk -v n="$1" '$1 == n { print $2 }' "$KL_WORK/metrics.txt"; }
m_lookups() {
    echo $(($(metric 'sitrep_geocoder_requests_total{result="hit"}') +
        $(metric 'sitrep_geocoder_requests_total{result="miss"}') +
        $(metric 'sitrep_geocoder_requests_total{result="failed"}')))
}
done_n() { scrape && [ "$(metric sitrep_articles_done_total)" = "$1" ]; }

ms() { echo $(($(date +%s%N) / 1000000)); }
t0=$(ms)
kl_produce_lines "$IN" "$KL_WORK/batch1.jsonl"
n1=$(wc -l < "$KL_WORK/batch1.jsonl")
kl_check "batch 1: every article finished per /metrics ($n1)" kl_wait 30 done_n "$n1"
t1=$(ms)
failed=$(metric 'sitrep_geocoder_requests_total{result="failed"}')
echo "# batch 1 ($((t1 - t0)) ms): $(grep '^sitrep_geocoder' "$KL_WORK/metrics.txt" | tr '\n' ' ')"
kl_check "batch 1: retries_total 2" [ "$(metric sitrep_geocoder_retries_total)" = 2 ]
kl_check "batch 1: breaker_opens_total 1" [ "$(metric sitrep_geocoder_breaker_opens_total)" = 1 ]
# The breaker opened after t0: a scrape before t0 + 6 s must see it open.
if [ $((t1 - t0)) -lt 6000 ]; then
    kl_check "batch 1: breaker_state 1 (open)" [ "$(metric sitrep_geocoder_breaker_state)" = 1 ]
else
    echo "# batch 1 took $((t1 - t0)) ms: the open state may be over, not checked"
fi
kl_check "batch 1: every lookup failed and fell back ($lookups lookups, $failed failed)" \
    [ "$failed" = "$lookups" -a "$(m_lookups)" = "$lookups" ]
kl_check "batch 1: fallbacks_total == failed lookups" \
    [ "$(metric sitrep_geocoder_fallbacks_total)" = "$failed" ]
kl_check "batch 1: circuit_open_total >= 1 (lookups failed at once)" \
    [ "$(metric sitrep_geocoder_circuit_open_total)" -ge 1 ]
kl_check "batch 1: cache hits + misses == lookups" \
    [ $(($(metric sitrep_geocoder_cache_hits_total) + $(metric sitrep_geocoder_cache_misses_total))) = "$lookups" ]
kl_check "batch 1: the server saw 4 searches == http_requests_total" \
    [ "$(searches)" = 4 -a "$(metric sitrep_geocoder_http_requests_total)" = 4 ]
half_open() { scrape && [ "$(metric sitrep_geocoder_breaker_state)" = 2 ]; }
kl_check "after the open period: breaker_state 2 (half-open)" kl_wait 15 half_open

kl_produce_lines "$IN" "$KL_WORK/batch2.jsonl"
n2=$((n1 + $(wc -l < "$KL_WORK/batch2.jsonl")))
kl_check "batch 2: every article finished per /metrics ($n2)" kl_wait 30 done_n "$n2"
echo "# batch 2: $(grep '^sitrep_geocoder' "$KL_WORK/metrics.txt" | tr '\n' ' ')"
kl_check "batch 2: the probe closed the breaker (state 0, one opening)" \
    [ "$(metric sitrep_geocoder_breaker_state)" = 0 -a \
        "$(metric sitrep_geocoder_breaker_opens_total)" = 1 ]
kl_check "batch 2: no new fallback, retries still 2" \
    [ "$(metric sitrep_geocoder_fallbacks_total)" = "$failed" -a \
        "$(metric sitrep_geocoder_retries_total)" = 2 ]
kl_check "batch 2: cache hits + misses == lookups ($(m_lookups))" \
    [ $(($(metric sitrep_geocoder_cache_hits_total) + $(metric sitrep_geocoder_cache_misses_total))) = "$(m_lookups)" ]
kl_check "batch 2: http_requests_total == the server's searches ($(searches))" \
    [ "$(metric sitrep_geocoder_http_requests_total)" = "$(searches)" ]
hits=$(metric sitrep_geocoder_cache_hits_total)
misses=$(metric sitrep_geocoder_cache_misses_total)
before=$(searches)

kl_produce_lines "$IN" "$KL_WORK/batch3.jsonl"
n3=$((n2 + $(wc -l < "$KL_WORK/batch3.jsonl")))
kl_check "batch 3: every article finished per /metrics ($n3)" kl_wait 30 done_n "$n3"
echo "# batch 3: $(grep '^sitrep_geocoder' "$KL_WORK/metrics.txt" | tr '\n' ' ')"
kl_check "batch 3: every lookup from the cache (hits $hits -> $(metric sitrep_geocoder_cache_hits_total), misses $misses)" \
    [ "$(metric sitrep_geocoder_cache_hits_total)" = $((hits + lookups)) -a \
        "$(metric sitrep_geocoder_cache_misses_total)" = "$misses" ]
kl_check "batch 3: no search reached the server" [ "$(searches)" = "$before" ]
kl_stop "$WORKER_PID" 60
kl_check "SIGTERM: exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
kl_check "every incident published ($((3 * want)))" kl_has_at_least "$OUT" $((3 * want))
kl_check "nothing dead-lettered" [ "$(kl_count "$IN.dlq")" -eq 0 ]
exit $KL_FAILED
