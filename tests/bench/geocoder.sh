#!/bin/sh
# Benchmark: articles through the whole worker (`sitrep run` on the mock
# Kafka cluster) while every geocoder search takes 50 ms
# (`sitrep geocoder serve --delay-ms 50`).
#
# BENCH_GEO_ARTICLES (default 10000) generated articles, two incidents
# each, name towns drawn from the gazetteer's places of 150,000 people or
# more with a skewed distribution (a few towns recur often, most rarely),
# so the geocoder cache helps without answering everything. The input
# topic is filled first; the clock runs from the first consumed message
# to the last finished article, read from the worker's /metrics. Reports
# articles per second, the cache hit ratio, geocoder HTTP requests per
# article, and what the server saw. With one request at a time, 50 ms per
# search would cap the worker near 20 searches per second.
set -eu
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
SR_BUILD=$PWD/$BUILD
SR_ROOT=$PWD
N=${BENCH_GEO_ARTICLES:-10000}
DELAY=${BENCH_GEO_DELAY_MS:-50}
GAZ=$BUILD/share/gazetteer.tsv
if [ ! -s "$GAZ" ]; then
    echo "geocoder bench: $GAZ is missing (make bench builds it)" >&2
    exit 1
fi
set +e
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init bench-geocoder

IN=bench-articles-$KL_ID
OUT=bench-incidents-$KL_ID
kl_start_mockd "$IN:4" "$OUT:4" "$IN.dlq:1"

# Articles: towns by a Zipf-like draw (rank r with weight 1/r) from the
# large places; a fixed seed, so every run sees the same articles.
awk -F'\t' -v n="$N" '
    $1 == "C" { country[$2] = $3 }
    $1 == "P" && $8 >= 150000 && $3 ~ /^[A-Za-z][A-Za-z -]*$/ {
        name[++np] = $3; cc[np] = $4
    }
    function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
    function town(   u, r) {
        # inverse of the harmonic CDF, approximately: rank = np^u
        u = rnd(); r = int(exp(u * log(np))); if (r < 1) r = 1; if (r > np) r = np
        return r
    }
    END {
        seed = 42
        # shuffle the ranks so that prominence and frequency are unrelated
        for (i = 1; i <= np; i++) perm[i] = i
        for (i = np; i > 1; i--) { j = int(rnd() * i) + 1; t = perm[i]; perm[i] = perm[j]; perm[j] = t }
        split("Monday Tuesday Wednesday Thursday Friday Saturday Sunday", day, " ")
        split("gunmen|militants|armed men|suspected insurgents", who, "|")
        for (i = 0; i < n; i++) {
            a = perm[town()]; b = perm[town()]
            printf "{\"id\": \"geo-bench-%d\", \"published_at\": \"2023-0%d-1%d\", \"body\": \"", i, 1 + i % 9, i % 10
            printf "Unidentified %s killed %d civilians in %s, %s on %s, local officials said.\\n\\n", who[1 + i % 4], 2 + i % 37, name[a], country[cc[a]], day[1 + i % 7]
            printf "The attackers arrived on motorbikes and set fire to several houses before fleeing, a resident told reporters.\\n\\n"
            printf "Last month, a roadside bomb struck a military convoy near %s, %s, wounding %d soldiers.\"}\n", name[b], country[cc[b]], 1 + i % 11
        }
    }' "$GAZ" > "$KL_WORK/articles.jsonl"

kl_write_conf "$KL_WORK/base.conf" "input.topic=$IN" "output.topic=$OUT"
"$SITREP" geocoder serve --listen 127.0.0.1:0 --delay-ms "$DELAY" \
    -c "$KL_WORK/base.conf" > "$KL_WORK/geocoder.out" 2> "$KL_WORK/geocoder.log" &
kl_track $!
if ! kl_wait 30 grep -q . "$KL_WORK/geocoder.out"; then
    echo "geocoder bench: the geocoder did not start: $(tail -n 3 "$KL_WORK/geocoder.log")" >&2
    exit 1
fi
GURL=$(head -n 1 "$KL_WORK/geocoder.out")
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "geocoder.url=$GURL" "ops.listen=127.0.0.1:0" "log.level=warn" \
    ${BENCH_GEO_CONF:-}
kl_produce_lines "$IN" "$KL_WORK/articles.jsonl"

LOG=$KL_WORK/worker.log
"$SITREP" run -c "$KL_WORK/w.conf" -X log.level=info > "$LOG.out" 2> "$LOG" &
WORKER_PID=$!
kl_track $WORKER_PID
url_logged() { grep -qs 'ops: listening on http://' "$LOG"; }
if ! kl_wait 30 url_logged; then
    echo "geocoder bench: the worker did not start: $(tail -n 5 "$LOG")" >&2
    exit 1
fi
URL=$(sed -n 's/.*ops: listening on \(http:\/\/[^ ]*\).*/\1/p' "$LOG" | head -n 1)
metric() { awk -v n="$1" '$1 == n { print $2 }' "$KL_WORK/metrics.txt"; }
ms() { echo $(($(date +%s%N) / 1000000)); }

# Polls every 20 ms: the first consumed message starts the clock, the
# last finished article stops it.
t0=""
deadline=$(($(ms) + 600000))
while :; do
    curl -s "$URL/metrics" > "$KL_WORK/metrics.txt" || true
    now=$(ms)
    if [ -z "$t0" ] && [ "$(metric sitrep_messages_consumed_total)" -gt 0 ] 2>/dev/null; then
        t0=$now
    fi
    if [ "$(metric sitrep_articles_done_total)" = "$N" ]; then
        t1=$now
        break
    fi
    if [ "$now" -gt "$deadline" ]; then
        echo "geocoder bench: only $(metric sitrep_articles_done_total) of $N articles after 600 s" >&2
        exit 1
    fi
    sleep 0.02
done
elapsed=$((t1 - t0))
[ "$elapsed" -gt 0 ] || elapsed=1
kl_stop "$WORKER_PID" 60
status=$(curl -s "$GURL/status?format=json")
hits=$(metric sitrep_geocoder_cache_hits_total)
misses=$(metric sitrep_geocoder_cache_misses_total)
http=$(metric sitrep_geocoder_http_requests_total)
merged=$(metric sitrep_geocoder_merged_lookups_total)
failed=$(metric 'sitrep_geocoder_requests_total{result="failed"}')
produced=$(metric sitrep_incidents_produced_total)
lookups=$((hits + misses))
awk -v n="$N" -v ms="$elapsed" -v hits="$hits" -v lookups="$lookups" \
    -v http="$http" -v merged="$merged" -v failed="$failed" \
    -v produced="$produced" -v delay="$DELAY" -v status="$status" 'BEGIN {
    printf "geocoder: %d articles, %d incidents, geocoder answering in %d ms\n", n, produced, delay
    printf "geocoder: %d ms from first consumed to last finished article\n", ms
    printf "geocoder: %.0f articles/s through the worker (target >= 1000)\n", n * 1000 / ms
    printf "geocoder: %d lookups (%.2f per article), cache hit ratio %.3f, %d more merged with an identical lookup in flight (%.3f answered without a request of their own), %d failed\n", lookups, lookups / n, lookups ? hits / lookups : 0, merged, lookups ? (hits + merged) / lookups : 0, failed
    printf "geocoder: %.3f geocoder HTTP requests per article (%d requests)\n", http / n, http
    printf "geocoder: server %s\n", status
}'
if [ "$failed" != 0 ]; then
    echo "geocoder bench: $failed lookups failed" >&2
    exit 1
fi
