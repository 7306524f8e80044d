#!/bin/sh
# make bench: throughput on one core, two ways.
#  1. extraction alone (build/bench_extract): dedup + extract timed in
#     process over ~3 KB generated news articles (tests/bench/corpus.awk:
#     1-3 incidents, background and context paragraphs each).
#  2. the whole path through `sitrep extract` (decode, dedup, extract, JSON
#     out) on articles of about 3 KB built from the demo fixtures' bodies;
#     start-up (gazetteer load) is measured separately and subtracted.
# Both count CPU time, not wall time.
set -eu
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
N=${BENCH_ARTICLES:-20000}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# 1. Extraction alone. BENCH_CALLGRIND=1 adds the instructions per article
# that valgrind counts in one pass over 300 articles: unlike times, the
# same on a busy machine.
awk -v n="${BENCH_CORPUS:-2000}" -f tests/bench/corpus.awk > "$WORK/corpus.jsonl"
"$BUILD/bench_extract" -p "${BENCH_PASSES:-5}" "$WORK/corpus.jsonl"
if [ "${BENCH_CALLGRIND:-0}" = 1 ]; then
    head -n 300 "$WORK/corpus.jsonl" > "$WORK/cg.jsonl"
    valgrind --tool=callgrind --toggle-collect=run_pass \
        --callgrind-out-file="$WORK/cg.out" "$BUILD/bench_extract" -p 1 \
        "$WORK/cg.jsonl" > /dev/null 2> "$WORK/cg.err"
    awk -v n="$(wc -l < "$WORK/cg.jsonl")" '/Collected :/ {
        printf "extract alone: %d instructions per article (callgrind)\n", $NF / n }' "$WORK/cg.err"
fi

# 2. The whole path. Each article joins fixture bodies (still JSON-escaped,
# so joining them gives a valid JSON string) until it is about 3 KB,
# rotating the starting point so that articles differ.
awk -v n="$N" '
    match($0, /"body": "([^"\\]|\\.)*"/) {
        body[++nb] = substr($0, RSTART + 9, RLENGTH - 10)
    }
    END {
        for (i = 0; i < n; i++) {
            text = ""
            for (j = 0; length(text) < 3000; j++) {
                text = text (j ? "\\n\\n" : "") body[((i + j) % nb) + 1]
            }
            printf "{\"id\": \"bench-%d\", \"published_at\": \"2021-03-06\", \"body\": \"%s\"}\n", i, text
        }
    }' tests/fixtures/demo/articles.jsonl > "$WORK/articles.jsonl"
bytes=$(wc -c < "$WORK/articles.jsonl")

# CPU time (user + system, ms) of one run: other load on the machine
# stretches wall time far more.
cpu_ms() {
    ( "$@"; times ) | awk 'NR == 2 {
        split($1, u, /[ms]/); split($2, s, /[ms]/)
        printf "%d\n", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }'
}
startup=$(cpu_ms sh -c '"$1" extract < /dev/null > /dev/null' - "$BUILD/sitrep")
total=$(cpu_ms sh -c '"$1" extract < "$2" > "$3"' - "$BUILD/sitrep" \
    "$WORK/articles.jsonl" "$WORK/out.jsonl")
work=$((total - startup))
[ "$work" -gt 0 ] || work=1
echo "whole path: $N articles, $((bytes / N)) bytes average, $(wc -l < "$WORK/out.jsonl") incidents"
echo "whole path: start-up ${startup} ms CPU, processing ${work} ms CPU"
echo "whole path: $((N * 1000 / work)) articles/s on one core (decode+dedup+extract+JSON)"

# The compiled gazetteer's load, which every worker pays at start (target:
# well under a second).
load=$("$BUILD/sitrep" gazetteer lookup Niger 2>&1 >/dev/null |
    sed -n 's/.*loaded in \([0-9]*\) ms.*/\1/p')
echo "gazetteer: loaded in ${load:-?} ms (target < 1000 ms)"

# The whole worker with a geocoder answering in 50 ms.
BUILD="$BUILD" sh tests/bench/geocoder.sh
