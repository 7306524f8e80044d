#!/bin/sh
# The command line without Kafka: sitrep extract's contract (stdout only
# JSON lines, bad lines reported on stderr with their number, exit 0) and
# configuration errors (file:line, exit 2).
set -u
SR_BUILD=${SR_BUILD:-build}
SR_ROOT=${SR_ROOT:-.}
SITREP="$SR_BUILD/sitrep"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-cli.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

pass() { echo "ok - cli: $1"; }
fail() { echo "not ok - cli: $1"; }

# 1. extract: good, bad and odd lines.
{
    printf '%s\n' '{"id":"a1","published_at":"2021-03-06","body":"A car bomb exploded in Mogadishu on Friday, killing 20 people."}'
    printf '%s\n' '{"id":"bad-json", "body": '
    printf '\n'
    printf '%s\n' 'Gunmen killed three villagers near Maiduguri on Monday, police said.'
    printf '{"id":"bad-utf8","body":"caf\377"}\n'
    printf '%s\n' '{"id":"empty","body":"   "}'
    printf '{"id":"big","body":"%0400d"}\n' 0
} > "$WORK/in.jsonl"
"$SITREP" extract -X max.article.bytes=300 < "$WORK/in.jsonl" \
    > "$WORK/out.jsonl" 2> "$WORK/err.txt"
rc=$?
if [ $rc -eq 0 ]; then pass "extract exits 0 on bad lines"; else fail "extract exit status $rc"; fi
for want in "line 2: decode:" "line 5: decode:" "line 6: decode:" "line 7: decode:"; do
    if grep -q "$want" "$WORK/err.txt"; then
        pass "extract reports '$want'"
    else
        fail "extract does not report '$want'; stderr: $(head -c 600 "$WORK/err.txt")"
    fi
done
if python3 - "$WORK/out.jsonl" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert lines, "no incidents at all"
ids = set()
for line in lines:
    inc = json.loads(line)
    for key in ("incident_id", "article_id", "role", "category", "factuality",
                "time", "location", "actors", "casualties", "claim",
                "evidence", "confidence", "paragraphs_removed",
                "extractor_version"):
        assert key in inc, "missing " + key
    ids.add(inc["article_id"])
assert ids <= {"a1", "stdin/4"}, ids
assert "a1" in ids and "stdin/4" in ids, ids
PY
then pass "extract writes only contract JSON lines"; else fail "extract output is not contract JSON"; fi

# 2. extract is deterministic: same input, same bytes.
"$SITREP" extract -X max.article.bytes=300 < "$WORK/in.jsonl" > "$WORK/out2.jsonl" 2>/dev/null
if cmp -s "$WORK/out.jsonl" "$WORK/out2.jsonl"; then pass "extract is deterministic"; else fail "extract output differs between runs"; fi

# 3. configuration errors name their origin and exit 2.
printf 'input.topic=a\nmax.incidents=zero\n' > "$WORK/bad.conf"
"$SITREP" config --dump -c "$WORK/bad.conf" > /dev/null 2> "$WORK/cerr.txt"
rc=$?
if [ $rc -eq 2 ] && grep -q "bad.conf:2: max.incidents" "$WORK/cerr.txt"; then
    pass "bad config value: file:line and exit 2"
else
    fail "bad config value: exit $rc, stderr: $(cat "$WORK/cerr.txt")"
fi
SITREP_NO_SUCH_KEY=1 "$SITREP" config --dump > /dev/null 2> "$WORK/cerr.txt"
rc=$?
if [ $rc -eq 2 ] && grep -q "SITREP_NO_SUCH_KEY" "$WORK/cerr.txt"; then
    pass "unknown environment key: exit 2"
else
    fail "unknown environment key: exit $rc"
fi
"$SITREP" run -c "$WORK/bad.conf" > /dev/null 2> "$WORK/cerr.txt"
rc=$?
if [ $rc -eq 2 ]; then pass "run with bad config exits 2"; else fail "run with bad config exits $rc"; fi
out=$(SITREP_OUTPUT_TOPIC=from-env "$SITREP" config --dump -X input.topic=from-x)
case "$out" in
*"input.topic=from-x"*"output.topic=from-env"*) pass "config --dump shows env and -X values" ;;
*) fail "config --dump: $out" ;;
esac
