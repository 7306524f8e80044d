#!/bin/sh
# make eval DATA=file.jsonl: extraction accuracy on labelled incident texts.
#
# Each record {"id","text","published_at","gold":{...}} becomes the article
# {"id","published_at","body": text}; build/sitrep extract runs over all of
# them and tests/eval/score.py scores the main incident of each record
# against the gold labels. The data file is read where it lies: labelled
# evaluation sets are not redistributable and never enter the repository.
set -eu
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
DATA=${1:-}
if [ -z "$DATA" ] || [ ! -f "$DATA" ]; then
    echo "usage: make eval DATA=path/to/records.jsonl" >&2
    exit 2
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-eval.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
python3 tests/eval/score.py articles "$DATA" > "$WORK/articles.jsonl"
start=$(date +%s%N)
"$BUILD/sitrep" extract < "$WORK/articles.jsonl" > "$WORK/incidents.jsonl" \
    2> "$WORK/extract.err" || { cat "$WORK/extract.err" >&2; exit 1; }
end=$(date +%s%N)
python3 tests/eval/score.py score "$DATA" "$WORK/incidents.jsonl" \
    "$(( (end - start) / 1000000 ))"
