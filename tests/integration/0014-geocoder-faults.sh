#!/bin/sh
# A failing geocoder costs the worker nothing but the geocoder's answers,
# and a rate limit holds at the server.
#
# 1. `sitrep geocoder serve --fail-first 1000000000` answers every search
#    with 503 (Retry-After: 0). The worker (geocoder.retries=2,
#    geocoder.breaker.failures=3, a breaker open longer than the test,
#    geocoder.max.inflight=2) must publish what `sitrep extract` gives
#    without a geocoder, every gazetteer source marked
#    "gazetteer (geocoder unavailable)", nothing dead-lettered, and the
#    server must have seen at most (failures + max.inflight - 1) *
#    (retries + 1) = 12 searches: the breaker stopped the traffic (a
#    lookup waiting for a retry keeps its slot, so at most max.inflight
#    lookups are in progress when it opens).
# 2. A healthy server and geocoder.min.interval.ms=200, many distinct
#    places: at least 6 searches, and at most 6 counted in any one second
#    of arrival. The client spaces request starts 200 ms apart, i.e. 5 per
#    second; the server counts arrivals per calendar second, and a start
#    on a fresh connection can reach it a little later than one on a
#    reused connection, so two arrivals may be slightly under 200 ms apart
#    and a sixth can fall into the same second. Without the limit every
#    search would arrive within the same second or two (searches > 6).
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init geocoder-faults

IN=articles-$KL_ID
OUT=incidents-$KL_ID
OUT2=incidents2-$KL_ID
kl_start_mockd "$IN:3" "$OUT:3" "$IN.dlq:1" "$OUT2:1"
kl_write_conf "$KL_WORK/base.conf" "input.topic=$IN" "output.topic=$OUT"

# kf_serve NAME ARGS...: starts a geocoder server, sets URL.
kf_serve() {
    name=$1
    shift
    "$SITREP" geocoder serve --listen 127.0.0.1:0 "$@" \
        -c "$KL_WORK/base.conf" > "$KL_WORK/$name.out" 2> "$KL_WORK/$name.log" &
    kl_track $!
    if ! kl_wait 30 grep -q . "$KL_WORK/$name.out"; then
        kl_fail "the geocoder did not start: $(tail -n 3 "$KL_WORK/$name.log")"
        exit 1
    fi
    URL=$(head -n 1 "$KL_WORK/$name.out")
}

# kf_status URL KEY: a number from the server's /status?format=json.
kf_status() {
    python3 - "$1/status?format=json" "$2" <<'PY'
import json, sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=10) as r:
    print(json.load(r)[sys.argv[2]])
PY
}

# --- 1. every search fails --------------------------------------------------
kf_serve failing --fail-first 1000000000 --retry-after 0
FAILING=$URL
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "geocoder.url=$FAILING" "geocoder.retries=2" \
    "geocoder.retry.backoff.ms=20" "geocoder.breaker.failures=3" \
    "geocoder.breaker.open.ms=600000" "geocoder.max.inflight=2"

grep '"id"' "$SR_ROOT/tests/fixtures/kafka/articles.jsonl" > "$KL_WORK/articles.jsonl"
kl_extract "$KL_WORK/base.conf" "$KL_WORK/articles.jsonl" "$KL_WORK/plain.jsonl"
want=$(wc -l < "$KL_WORK/plain.jsonl")
kl_check "sitrep extract without a geocoder finds $want incidents" [ "$want" -gt 0 ]

kl_start_worker "$KL_WORK/worker.log" "$KL_WORK/w.conf"
kl_produce_lines "$IN" "$KL_WORK/articles.jsonl"
if kl_wait 90 kl_has_at_least "$OUT" "$want"; then
    kl_ok "with every search failing the worker publishes $want events"
else
    kl_fail "only $(kl_count "$OUT") of $want events"
fi
kl_stop "$WORKER_PID" 60
kl_check "SIGTERM: exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
kl_check "nothing dead-lettered" [ "$(kl_count "$IN.dlq")" -eq 0 ]
kl_check "the worker logged that the circuit opened" \
    grep -q "circuit open after 3 failed lookups" "$KL_WORK/worker.log"

"$SITREP" decode -t "$OUT" -b "$BROKERS" -e > "$KL_WORK/decoded.jsonl" 2> "$KL_WORK/decode.err"
python3 "$SR_ROOT/tests/tools/geo-fallback.py" "$KL_WORK/decoded.jsonl" "$KL_WORK/plain.jsonl"
kl_check "events equal extract without a geocoder, every gazetteer source marked 'gazetteer (geocoder unavailable)'" [ $? -eq 0 ]
searches=$(kf_status "$FAILING" searches)
[ "${searches:-0}" -ge 3 ] && [ "${searches:-99}" -le 12 ]
kl_check "the breaker bounded the failing server's load: $searches searches (3..12)" \
    [ $? -eq 0 ]

# --- 2. the rate limit, seen from the server --------------------------------
kf_serve healthy
HEALTHY=$URL
KL_GROUP="$KL_GROUP-rate"
kl_write_conf "$KL_WORK/r.conf" "input.topic=$IN" "output.topic=$OUT2" \
    "geocoder.url=$HEALTHY" "geocoder.min.interval.ms=200"
kl_start_worker "$KL_WORK/rate.log" "$KL_WORK/r.conf"
if kl_wait 90 kl_has_at_least "$OUT2" "$want"; then
    kl_ok "rate-limited worker publishes $want events"
else
    kl_fail "rate-limited: only $(kl_count "$OUT2") of $want events"
fi
kl_stop "$WORKER_PID" 60
kl_check "rate-limited: SIGTERM exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
searches=$(kf_status "$HEALTHY" searches)
most=$(kf_status "$HEALTHY" max_per_second)
kl_check "rate limit exercised: $searches searches (>= 6)" [ "${searches:-0}" -ge 6 ]
kl_check "geocoder.min.interval.ms=200: at most $most searches in one second (<= 6)" \
    [ "${most:-99}" -le 6 ]
exit $KL_FAILED
