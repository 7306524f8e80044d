#!/bin/sh
# make bench: throughput on one core, two ways.
#  1. extraction alone (build/bench_extract): dedup + extract timed in
#     process over ~3 KB generated news articles (tests/bench/corpus.awk:
#     1-3 incidents, background and context paragraphs each).
#  2. the whole path through `sitrep extract` (decode, dedup, extract, JSON
#     out) on articles of about 3 KB built from the demo fixtures' bodies;
#     start-up (gazetteer load) is measured separately and subtracted.
set -eu
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
N=${BENCH_ARTICLES:-20000}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# 1. Extraction alone.
awk -v n="${BENCH_CORPUS:-2000}" -f tests/bench/corpus.awk > "$WORK/corpus.jsonl"
"$BUILD/bench_extract" -p "${BENCH_PASSES:-5}" "$WORK/corpus.jsonl"

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
echo "whole path: $N articles, $((bytes / N)) bytes average, $(wc -l < "$WORK/out.jsonl") incidents"
echo "whole path: start-up ${startup} ms, processing $((total - startup)) ms"
echo "whole path: $((N * 1000 / work)) articles/s on one core (decode+dedup+extract+JSON)"

# The whole worker with a geocoder answering in 50 ms.
BUILD="$BUILD" sh tests/bench/geocoder.sh
