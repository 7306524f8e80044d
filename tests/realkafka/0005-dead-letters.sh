#!/bin/sh
# The dead-letter catalogue on a real broker: every kind of bad input lands
# in the dead-letter topic with the sitrep.error.* headers, and the good
# articles around it are processed.
#
# One input partition, so the order is fixed: good, bad, good, bad, ...
# The bad ones: invalid JSON, invalid UTF-8, a message over
# max.article.bytes (64 KiB here; 100 KiB sent), an empty value, an
# article whose body is only blanks, binary garbage, JSON with wrong field
# types, and deeply nested JSON (20000 levels). Each dead letter must
# carry the original key, value and headers, and sitrep.error.stage,
# .reason, .topic, .partition, .offset (the offset the broker gave the
# original: the record there must be the same bytes), .timestamp and
# .worker. Every incident of the good articles must be in the output,
# including those after the last bad message, and the worker must still
# run and exit 0 on SIGTERM.
set -u
. "$SR_ROOT/tests/tools/realkafka-lib.sh"
rk_init dead-letters

IN=articles-$KL_ID
OUT=incidents-$KL_ID
DLQ=$IN.dlq
rk_start_broker
rk_topics "$IN:1" "$OUT:3" "$DLQ:1"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "max.article.bytes=65536" "worker.id=rk-dlq-worker"

kl_make_articles 2 "$KL_WORK/good.jsonl"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/good.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
kl_check "sitrep extract finds $want incidents in the good articles" [ "$want" -gt 0 ]

B="$KL_WORK/bad"
mkdir -p "$B"
printf '{"id":"bad-json","body": "unterminated' > "$B/1-invalid-json"
printf '{"id":"bad-utf8","body":"Gunmen killed 3 in Caf\377\376 village"}' > "$B/2-invalid-utf8"
{ printf '{"id":"oversize","body":"'; head -c 102400 /dev/zero | tr '\0' 'a'; printf '"}'; } > "$B/3-oversize"
: > "$B/4-empty-value"
printf '{"id":"blank-body","body":" \\n\\n\\t "}' > "$B/5-blank-body"
printf '\000\001\002\377\376garbage\000\200\201 killed\n\033[0m' > "$B/6-binary"
printf '{"id":["not","a","string"],"title":7,"body":42}' > "$B/7-wrong-types"
python3 -c 'import sys; sys.stdout.write("{\"id\":\"deep\",\"body\":" + "[" * 20000 + "]" * 20000 + "}")' > "$B/8-deep-nesting"
nbad=$(ls "$B" | wc -l)

kl_start_worker "$KL_WORK/worker.log" "$KL_WORK/w.conf"
kl_wait 60 rk_ever_assigned "$KL_WORK/worker.log" || kl_fail "the worker was never assigned"

# good, bad, good, bad, ..., then the remaining good ones.
split -l 1 -a 3 "$KL_WORK/good.jsonl" "$KL_WORK/good-"
set -- "$KL_WORK"/good-*
for bad in "$B"/*; do
    if [ $# -gt 0 ]; then
        "$SR_BUILD/sitrep-produce" -b "$BROKERS" -t "$IN" -p 0 -k good "$1" > /dev/null
        shift
    fi
    "$SR_BUILD/sitrep-produce" -b "$BROKERS" -t "$IN" -p 0 -k "$(basename "$bad")" \
        -H "origin=realkafka-test" "$bad" > /dev/null ||
        kl_fail "cannot produce $(basename "$bad")"
done
cat "$@" > "$KL_WORK/good-rest"
"$SR_BUILD/sitrep-produce" -b "$BROKERS" -t "$IN" -p 0 -k good -l "$KL_WORK/good-rest" > /dev/null

if kl_wait 90 rk_no_lag "$KL_GROUP" "$IN"; then
    kl_ok "the worker committed the end of the input ($(rk_elapsed) s)"
else
    kl_fail "committed offsets still $(rk_lag "$KL_GROUP" "$IN") behind the input"
fi
if kl_dump "$DLQ" "$KL_WORK/dlq.dump" "$nbad" 30; then
    kl_ok "all $nbad bad messages reach the dead-letter topic"
else
    kl_fail "the dead-letter topic holds $(wc -l < "$KL_WORK/dlq.dump") of $nbad records"
fi
kl_dump "$OUT" "$KL_WORK/out.dump" "$want" 30
kl_dump "$IN" "$KL_WORK/in.dump" 0 10

python3 - "$KL_WORK/dlq.dump" "$B" "$IN" "$KL_WORK/in.dump" <<'PY'
import os, sys
dump, bad_dir, topic, in_dump = sys.argv[1:5]
want = {}
for name in os.listdir(bad_dir):
    with open(os.path.join(bad_dir, name), "rb") as f:
        want[name] = f.read()
inputs = {}
for line in open(in_dump):
    part, off, key, value, hdrs = line.rstrip("\n").split(" ")
    inputs[(part, off)] = (key, value)
seen = {}
problems = []
for line in open(dump):
    part, off, key, value, hdrs = line.rstrip("\n").split(" ")
    rawkey, rawvalue = key, value
    key = bytes.fromhex(key).decode() if key != "-" else None
    value = bytes.fromhex(value) if value != "-" else b""
    h = {}
    if hdrs != "-":
        for kv in hdrs.split(","):
            k, v = kv.split("=", 1)
            h[k] = bytes.fromhex(v).decode("utf-8", "replace")
    if key not in want:
        problems.append("unexpected dead letter with key %r" % key)
        continue
    seen[key] = seen.get(key, 0) + 1
    if value != want[key]:
        problems.append("%s: value differs from the original (%d vs %d bytes)"
                        % (key, len(value), len(want[key])))
    if h.get("origin") != "realkafka-test":
        problems.append("%s: original header lost" % key)
    for name in ("stage", "reason", "topic", "partition", "offset", "timestamp", "worker"):
        if not h.get("sitrep.error." + name):
            problems.append("%s: no sitrep.error.%s" % (key, name))
    if h.get("sitrep.error.topic") != topic:
        problems.append("%s: topic %r" % (key, h.get("sitrep.error.topic")))
    if h.get("sitrep.error.worker") != "rk-dlq-worker":
        problems.append("%s: worker %r" % (key, h.get("sitrep.error.worker")))
    if not h.get("sitrep.error.timestamp", "").isdigit():
        problems.append("%s: timestamp %r" % (key, h.get("sitrep.error.timestamp")))
    orig = inputs.get((h.get("sitrep.error.partition"), h.get("sitrep.error.offset")))
    norm = lambda kv: (kv[0], "" if kv[1] == "-" else kv[1])
    if orig is None or norm(orig) != norm((rawkey, rawvalue)):
        problems.append("%s: input record at %s@%s is not the original"
                        % (key, h.get("sitrep.error.partition"), h.get("sitrep.error.offset")))
    # The reason must name what is wrong with each kind of input.
    says = {"invalid-json": "JSON", "invalid-utf8": "UTF-8",
            "oversize": "max.article.bytes", "empty-value": "empty",
            "blank-body": "empty", "deep-nesting": "nested"}
    for kind, word in says.items():
        if key.endswith(kind) and word not in h.get("sitrep.error.reason", ""):
            problems.append("%s: reason %r does not say %r"
                            % (key, h.get("sitrep.error.reason"), word))
    print("# %-16s stage=%s reason=%s" % (key, h.get("sitrep.error.stage"),
                                          h.get("sitrep.error.reason", "")[:90]))
missing = sorted(set(want) - set(seen))
if missing:
    problems.append("missing from the dead-letter topic: %s" % missing)
for k, n in sorted(seen.items()):
    if n > 1:
        problems.append("%s dead-lettered %d times" % (k, n))
for p in problems:
    print("#", p)
sys.exit(1 if problems else 0)
PY
kl_check "each dead letter: original key, bytes and headers, sitrep.error.*, and the real offset of the original" [ $? -eq 0 ]

: > "$KL_WORK/empty.dump"
rk_check_output "$KL_WORK/expected.jsonl" "$KL_WORK/out.dump" "$KL_WORK/empty.dump"
kl_check "every incident of the good articles around the bad ones is in the output" [ $? -eq 0 ]
rk_alive_then_stop "$WORKER_PID" "$KL_WORK/worker.log"
echo "# 0005 took $(rk_elapsed) s"
exit $KL_FAILED
