#!/bin/sh
# make eval DATA=file.jsonl: extraction accuracy on labelled incident texts.
#
# Each record {"id","text","published_at","gold":{...}} becomes the article
# {"id","published_at","body": text}; build/sitrep extract runs over all of
# them and tests/eval/score.py scores the main incident of each record
# against the gold labels. An outside data file is read where it lies:
# third-party labelled sets are not redistributable and never enter the
# repository. Without DATA the project's own labelled set,
# tests/eval/heldout.jsonl (texts written for the project), is scored: it
# is what shows whether extraction rules tuned on another set generalise.
set -eu
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
DATA=${1:-tests/eval/heldout.jsonl}
if [ ! -f "$DATA" ]; then
    echo "usage: make eval [DATA=path/to/records.jsonl]" >&2
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
