#!/bin/sh
# make bench: throughput of the pure core (decode, dedup, extract, JSON out)
# through `sitrep extract`, on generated ~3 KB articles built from the demo
# fixtures with distinct ids. Reports articles per second on one core;
# start-up (gazetteer load) is measured separately and subtracted.
set -eu
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
N=${BENCH_ARTICLES:-20000}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

awk -v n="$N" '
    { line[NR] = $0 }
    END {
        for (i = 0; i < n; i++) {
            l = line[(i % NR) + 1]
            sub(/"id": "[^"]*"/, "\"id\": \"bench-" i "\"", l)
            print l
        }
    }' tests/fixtures/demo/articles.jsonl > "$WORK/articles.jsonl"
bytes=$(wc -c < "$WORK/articles.jsonl")

ms() { echo $(( $(date +%s%N) / 1000000 )); }
t0=$(ms)
"$BUILD/sitrep" extract < /dev/null > /dev/null
t1=$(ms)
"$BUILD/sitrep" extract < "$WORK/articles.jsonl" > "$WORK/out.jsonl"
t2=$(ms)
startup=$((t1 - t0))
total=$((t2 - t1))
work=$((total - startup))
[ "$work" -gt 0 ] || work=1
echo "extract: $N articles, $((bytes / N)) bytes average, $(wc -l < "$WORK/out.jsonl") incidents"
echo "extract: start-up ${startup} ms, processing $((total - startup)) ms"
echo "extract: $((N * 1000 / work)) articles/s on one core (decode+dedup+extract+JSON)"
