#!/bin/sh
# make eval DATA=file.jsonl: extraction accuracy on labelled incident texts.
#
# Each record {"id","text","published_at","gold":{...}} becomes the article
# {"id","published_at","body": text}; build/sitrep extract runs over all of
# them and tests/eval/score.py scores the main incident of each record
# against the gold labels. An outside data file is read where it lies:
# third-party labelled sets are not redistributable and never enter the
# repository. Without DATA the project's own labelled sets (texts written
# for the project) are scored one after the other, each under a "== file"
# heading: every tests/eval/heldout*.jsonl, each written
# without looking at the rules or at the other sets. Rules have since been
# tuned on all of them once each had been scored as it came in (a set
# tuned on stops showing whether rules generalise).
set -eu
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}

score_one() {
    data=$1
    if [ ! -f "$data" ]; then
        echo "usage: make eval [DATA=path/to/records.jsonl]" >&2
        echo "eval: $data: no such file" >&2
        exit 2
    fi
    python3 tests/eval/score.py articles "$data" > "$WORK/articles.jsonl"
    start=$(date +%s%N)
    "$BUILD/sitrep" extract < "$WORK/articles.jsonl" > "$WORK/incidents.jsonl" \
        2> "$WORK/extract.err" || { cat "$WORK/extract.err" >&2; exit 1; }
    end=$(date +%s%N)
    python3 tests/eval/score.py score "$data" "$WORK/incidents.jsonl" \
        "$(( (end - start) / 1000000 ))"
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-eval.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
if [ -n "${1:-}" ]; then
    score_one "$1"
else
    first=1
    for data in tests/eval/heldout*.jsonl; do
        [ "$first" = 1 ] || echo
        first=0
        echo "== $data"
        score_one "$data"
    done
fi
