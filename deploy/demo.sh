#!/bin/sh
# make demo: the whole pipeline on sample articles, on this machine only.
#
# Starts librdkafka's mock Kafka cluster (build/sitrep-mockd) and sitrep's
# own geocoder (sitrep geocoder serve) on loopback with random ports, runs
# one worker (sitrep run), produces the seed article and the sample
# articles of tests/fixtures/demo/, reads the incidents topic back with
# sitrep decode and prints every incident as JSON. Every process it starts
# is stopped by PID on exit.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
BIN="$PWD/$BUILD"
ARTICLES=tests/fixtures/demo/articles.jsonl
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-demo.XXXXXX")
PIDS=""

cleanup() {
    for pid in $PIDS; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in $PIDS; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

say() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

# first_line FILE SECONDS: the first line a service printed, once there.
first_line() {
    i=0
    while [ "$i" -lt $(($2 * 10)) ]; do
        if [ -s "$1" ] && line=$(head -n 1 "$1") && [ -n "$line" ]; then
            case $(wc -l < "$1") in 0) ;; *) echo "$line"; return 0 ;; esac
        fi
        sleep 0.1
        i=$((i + 1))
    done
    echo "demo: no address from $1 after $2 s" >&2
    return 1
}

say "starting the mock Kafka cluster"
"$BIN/sitrep-mockd" --topic articles:4 --topic incidents:4 \
    --topic articles.dlq:1 > "$WORK/mockd.out" 2> "$WORK/mockd.log" &
PIDS="$PIDS $!"
BROKERS=$(first_line "$WORK/mockd.out" 30)
echo "bootstrap servers: $BROKERS" >&2

say "starting the local geocoder (sitrep's gazetteer over HTTP)"
"$BIN/sitrep" geocoder serve --listen 127.0.0.1:0 \
    > "$WORK/geocoder.out" 2> "$WORK/geocoder.log" &
PIDS="$PIDS $!"
GEOCODER=$(first_line "$WORK/geocoder.out" 30)
echo "geocoder: $GEOCODER" >&2

cat > "$WORK/sitrep.conf" <<CONF
# demo configuration (see config/sitrep.conf.example for every key)
input.topic=articles
output.topic=incidents
geocoder.url=$GEOCODER
kafka.bootstrap.servers=$BROKERS
kafka.consumer.group.id=sitrep-demo-$$
# the mock cluster needs short group timeouts (see README, Testing)
kafka.consumer.session.timeout.ms=6000
kafka.consumer.heartbeat.interval.ms=1000
kafka.consumer.fetch.wait.max.ms=10
CONF

say "starting a worker: sitrep run -c $WORK/sitrep.conf"
"$BIN/sitrep" run -c "$WORK/sitrep.conf" 2> "$WORK/worker.log" &
WORKER_PID=$!
PIDS="$PIDS $WORKER_PID"

say "producing $(wc -l < "$ARTICLES") articles (the seed + samples)"
kcat -P -b "$BROKERS" -t articles -l "$ARTICLES"

# The pure core is deterministic: sitrep extract on the same lines tells
# how many events the worker must publish.
EXPECTED=$("$BIN/sitrep" extract -X geocoder.url= < "$ARTICLES" | wc -l)
say "waiting for $EXPECTED incident events"
if ! "$BIN/sitrep" decode -t incidents -b "$BROKERS" --count "$EXPECTED" \
        --timeout-ms 60000 > "$WORK/incidents.jsonl"; then
    echo "demo: the worker did not publish every incident; worker log:" >&2
    tail -n 30 "$WORK/worker.log" >&2
    exit 1
fi

say "decoded incident events (Avro from the incidents topic, as JSON)"
cat "$WORK/incidents.jsonl"

say "stopping the worker (SIGTERM: drain, commit, exit 0)"
kill -TERM "$WORKER_PID"
status=0
wait "$WORKER_PID" || status=$?
PIDS=$(echo "$PIDS" | sed "s/ $WORKER_PID//")
echo "worker exited with status $status" >&2
grep -E "summary|shutdown" "$WORK/worker.log" >&2 || true
[ "$status" -eq 0 ]
