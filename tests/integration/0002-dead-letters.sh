#!/bin/sh
# Bad input goes to the dead-letter topic, the good input around it still
# comes out, and the worker keeps running.
#
# Bad messages (invalid JSON, invalid UTF-8, an empty body, an empty
# value, an oversize message, binary garbage, JSON of the wrong shape, a
# 3 MB message too large to be sent on whole) are
# interleaved with good articles. Each bad one must land in the DLQ with
# its original key and bytes and the sitrep.error.* headers (stage,
# reason, original topic/partition/offset, timestamp, worker); every
# incident of the good ones (as many as `sitrep extract` finds) must be
# produced; the worker must still be alive and then exit 0 on SIGTERM.
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init dead-letters

IN=articles-$KL_ID
OUT=incidents-$KL_ID
DLQ=$IN.dlq
kl_start_mockd "$IN:3" "$OUT:2" "$DLQ:1"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "max.article.bytes=4096" "worker.id=dlq-test-worker"

# The good ones: every article of the fixture that has an id.
grep '"id"' "$SR_ROOT/tests/fixtures/kafka/articles.jsonl" > "$KL_WORK/good.jsonl"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/good.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
if [ "$want" -gt 0 ]; then
    kl_ok "sitrep extract finds $want incidents in the good articles"
else
    kl_fail "sitrep extract finds no incident in the fixture: $(head -c 300 "$KL_WORK/expected.jsonl.err")"
fi

B="$KL_WORK/bad"
mkdir -p "$B"
printf '{"id":"bad-json","body": "unterminated' > "$B/1-invalid-json"
printf '{"id":"bad-utf8","body":"caf\377 attack killed 3"}' > "$B/2-invalid-utf8"
printf '{"id":"empty-body","body":"   \\n\\n  "}' > "$B/3-empty-body"
: > "$B/4-empty-value"
{ printf '{"id":"oversize","body":"'; head -c 6000 /dev/zero | tr '\0' 'a'; printf '"}'; } > "$B/5-oversize"
printf '\000\001\002\377\376garbage\000\200\201 killed\n\033[0m' > "$B/6-binary"
printf '{"id":["not","a","string"],"body":42}' > "$B/7-wrong-shape"
# 3 MB: over the consumer's default fetch size (it must still fetch it)
# and over what the producer may send, so it is dead-lettered without its
# value, with sitrep.error.value.omitted giving the size.
{ printf '{"id":"huge","body":"'; head -c 3000000 /dev/zero | tr '\0' 'b'; printf '"}'; } > "$B/8-huge"
nbad=$(ls "$B" | wc -l)

kl_start_worker "$KL_WORK/worker.log" "$KL_WORK/w.conf"

# Interleave: a good article, a bad one, a good one, ...
split -l 1 "$KL_WORK/good.jsonl" "$KL_WORK/good-"
set -- "$KL_WORK"/good-*
for bad in "$B"/*; do
    if [ $# -gt 0 ]; then
        "$SR_BUILD/sitrep-produce" -b "$BROKERS" -t "$IN" -k "good" "$1" > /dev/null
        shift
    fi
    "$SR_BUILD/sitrep-produce" -b "$BROKERS" -t "$IN" -k "$(basename "$bad")" \
        -H "origin=test" "$bad" > /dev/null
done
for g in "$@"; do
    "$SR_BUILD/sitrep-produce" -b "$BROKERS" -t "$IN" -k "good" "$g" > /dev/null
done

if kl_dump "$DLQ" "$KL_WORK/dlq.txt" "$nbad" 90; then
    kl_ok "all $nbad bad messages reach the dead-letter topic"
else
    kl_fail "dead-letter topic holds $(wc -l < "$KL_WORK/dlq.txt") of $nbad records"
fi
if kl_dump "$OUT" "$KL_WORK/out.txt" "$want" 90; then
    kl_ok "every incident of the good articles is produced ($want)"
else
    kl_fail "output holds $(wc -l < "$KL_WORK/out.txt") of $want incidents"
fi
# Give a late duplicate DLQ record the chance to show up.
kl_dump "$DLQ" "$KL_WORK/dlq.txt" "$nbad" 10

if python3 - "$KL_WORK/dlq.txt" "$B" "$IN" <<'PY'
import os, sys
dump, bad_dir, topic = sys.argv[1:4]
want = {}
for name in os.listdir(bad_dir):
    with open(os.path.join(bad_dir, name), "rb") as f:
        want[name] = f.read()
seen = {}
problems = []
for line in open(dump):
    part, off, key, value, hdrs = line.rstrip("\n").split(" ")
    key = bytes.fromhex(key).decode() if key != "-" else None
    value = bytes.fromhex(value) if value != "-" else b""
    h = {}
    if hdrs != "-":
        for kv in hdrs.split(","):
            k, v = kv.split("=", 1)
            h[k] = bytes.fromhex(v).decode("utf-8", "replace")
    if key not in want:
        problems.append("unexpected DLQ record key %r" % key)
        continue
    seen[key] = seen.get(key, 0) + 1
    if key.startswith("8-"):
        if value != b"" or h.get("sitrep.error.value.omitted") != str(len(want[key])):
            problems.append("huge: value %d bytes, omitted header %r" % (len(value), h.get("sitrep.error.value.omitted")))
    elif value != want[key]:
        problems.append("%s: value differs from the original" % key)
    if h.get("origin") != "test":
        problems.append("%s: original header lost" % key)
    if h.get("sitrep.error.stage") != "decode":
        problems.append("%s: stage %r" % (key, h.get("sitrep.error.stage")))
    if not h.get("sitrep.error.reason"):
        problems.append("%s: no reason" % key)
    if h.get("sitrep.error.topic") != topic:
        problems.append("%s: topic %r" % (key, h.get("sitrep.error.topic")))
    if not h.get("sitrep.error.partition", "").isdigit() or not h.get("sitrep.error.offset", "").isdigit():
        problems.append("%s: partition/offset %r/%r" % (key, h.get("sitrep.error.partition"), h.get("sitrep.error.offset")))
    if not h.get("sitrep.error.timestamp", "").isdigit():
        problems.append("%s: timestamp %r" % (key, h.get("sitrep.error.timestamp")))
    if h.get("sitrep.error.worker") != "dlq-test-worker":
        problems.append("%s: worker %r" % (key, h.get("sitrep.error.worker")))
    if key[:2] in ("5-", "8-") and "max.article.bytes" not in h.get("sitrep.error.reason", ""):
        problems.append("oversize reason: %r" % h.get("sitrep.error.reason"))
missing = sorted(set(want) - set(seen))
if missing:
    problems.append("missing from DLQ: %s" % missing)
for p in problems:
    print("#", p)
sys.exit(1 if problems else 0)
PY
then
    kl_ok "each DLQ record has the original key, bytes and headers plus sitrep.error.*"
else
    kl_fail "DLQ records are not as expected (see above)"
fi

# Output keys are the incident ids sitrep extract gives for the same
# articles (the good ones all have ids, so the ids must agree).
python3 - "$KL_WORK/out.txt" "$KL_WORK/expected.jsonl" <<'PY'
import json, sys
got = set()
for line in open(sys.argv[1]):
    key = line.split(" ")[2]
    got.add(bytes.fromhex(key).decode())
want = {json.loads(l)["incident_id"] for l in open(sys.argv[2]) if l.strip()}
sys.exit(0 if got == want else 1)
PY
kl_check "output keys are exactly the incident ids of sitrep extract" [ $? -eq 0 ]

if kill -0 "$WORKER_PID" 2>/dev/null && ! kl_zombie "$WORKER_PID"; then
    kl_ok "the worker is still running after bad input"
else
    kl_fail "the worker died: $(tail -n 5 "$KL_WORK/worker.log")"
fi
kl_check "the worker logs each dead letter" \
    [ "$(grep -c ' DLQ ' "$KL_WORK/worker.log")" -ge "$nbad" ]
kl_stop "$WORKER_PID" 40
kl_check "SIGTERM: exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]
exit $KL_FAILED
