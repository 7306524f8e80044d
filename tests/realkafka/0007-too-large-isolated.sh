#!/bin/sh
# at_least_once: a batch the broker refuses as too large costs only the
# record that really is.
#
# The broker checks a topic's max.message.bytes against a whole record
# batch and refuses the batch, so every record in it comes back with
# MSG_SIZE_TOO_LARGE, the culprit's and its neighbours' alike. One input
# partition holds good articles and:
#   - an article whose URL (30 KB, copied into its incidents) makes its
#     events larger than the output topic's max.message.bytes (20000),
#     among good articles whose events share its batch (linger.ms=50,
#     batch.size 40000: batches of good events alone can exceed the
#     limit too, and are refused whole as well);
#   - an article over max.article.bytes (100 KB, limit 64 KiB) whose dead
#     letter is larger than the dead-letter topic's max.message.bytes
#     (80000), followed by three messages of invalid JSON whose small
#     dead letters share its batch.
# Expected: the worker produces every refused record again alone, one
# record per batch; only
# the long-URL article is dead-lettered (stage produce, with its value),
# only the oversize article's dead letter loses its value, the invalid
# JSON dead letters keep theirs, and every incident of every good
# article is delivered. Before, every article of the refused batch was
# dead-lettered and every dead letter of the refused batch lost its value.
set -u
. "$SR_ROOT/tests/tools/realkafka-lib.sh"
rk_init too-large-isolated

IN=articles-$KL_ID
OUT=incidents-$KL_ID
DLQ=$IN.dlq
rk_start_broker
rk_topics "$IN:1" "$OUT:1:max.message.bytes=20000" "$DLQ:1:max.message.bytes=80000"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "max.article.bytes=65536" "kafka.producer.batch.size=40000" \
    "kafka.producer.linger.ms=50" "ops.listen=127.0.0.1:0"

kl_make_articles 2 "$KL_WORK/good.jsonl"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/good.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
python3 - "$KL_WORK/good.jsonl" > "$KL_WORK/all.jsonl" <<'PY'
import json, sys
good = open(sys.argv[1], encoding="utf-8").read().splitlines()
long_url = json.loads(good[0])
long_url["id"] = "long-url"
long_url["url"] = "https://news.example/" + "x" * 30000
oversize = {"id": "oversize", "body": "a" * 102400}
bad = ['{"id": "bad-json-%d", "body": ' % i for i in range(3)]
lines = (good[:5] + [json.dumps(long_url)] + good[5:15] + [json.dumps(oversize)]
         + bad + good[15:])
print("\n".join(lines))
PY
rk_produce_spread "$IN" 1 "$KL_WORK/all.jsonl" || kl_fail "cannot produce the input"
total=$(wc -l < "$KL_WORK/all.jsonl")

kl_start_worker "$KL_WORK/w.log" "$KL_WORK/w.conf"
W=$WORKER_PID
if kl_wait 90 rk_no_lag "$KL_GROUP" "$IN"; then
    kl_ok "the worker committed the end of the input ($total messages; $(rk_elapsed) s)"
else
    kl_fail "committed offsets still $(rk_lag "$KL_GROUP" "$IN") behind the input"
fi
isolated=$(grep -E "(producing them|sending it) again alone" "$KL_WORK/w.log" |
    sed -n 's/.*\] @\([0-9]*\): .*/\1/p' | sort -u | wc -l)
kl_check "refused batches held innocent records too: $isolated article(s) produced again alone" \
    [ "$isolated" -ge 3 ]
rk_ops_url "$KL_WORK/w.log" &&
    kl_check "sitrep_produce_isolations_total counts them" \
        rk_metric_is "$URL" sitrep_produce_isolations_total "$isolated"
rk_alive_then_stop "$W" "$KL_WORK/w.log"

kl_dump "$OUT" "$KL_WORK/out.dump" "$want" 30
kl_dump "$DLQ" "$KL_WORK/dlq.dump" 5 20
python3 - "$KL_WORK/dlq.dump" <<'PY'
import sys
problems, seen = [], {}
for line in open(sys.argv[1], encoding="ascii"):
    part, off, key, value, hdrs = line.rstrip("\n").split(" ")
    h = {kv.split("=", 1)[0]: bytes.fromhex(kv.split("=", 1)[1]).decode("utf-8", "replace")
         for kv in hdrs.split(",")}
    orig = None if value == "-" else bytes.fromhex(value)
    if orig is not None and b'"long-url"' in orig:
        name = "long-url"
    elif orig is not None and b'"bad-json-' in orig:
        name = "bad-json-" + orig.decode().split('"bad-json-')[1][0]
    elif "sitrep.error.value.omitted" in h:
        name = "oversize"
    else:
        name = "unexpected (offset %s, %s: %s)" % (h.get("sitrep.error.offset"),
                                                   h.get("sitrep.error.stage"),
                                                   h.get("sitrep.error.reason"))
    seen[name] = seen.get(name, 0) + 1
    stage = h.get("sitrep.error.stage")
    if name == "long-url" and stage != "produce":
        problems.append("long-url: stage %s" % stage)
    if name == "oversize" and stage != "decode":
        problems.append("oversize: stage %s" % stage)
    if name.startswith("bad-json") and (stage != "decode" or "sitrep.error.value.omitted" in h):
        problems.append("%s: stage %s, value omitted %s" % (name, stage, "sitrep.error.value.omitted" in h))
want = {"long-url", "oversize", "bad-json-0", "bad-json-1", "bad-json-2"}
if set(seen) != want or any(n != 1 for n in seen.values()):
    problems.append("dead letters %s, want each of %s once" % (sorted(seen.items()), sorted(want)))
for p in problems:
    print("# " + p)
sys.exit(1 if problems else 0)
PY
kl_check "exactly 5 dead letters: long-url (produce, with its value), oversize (value omitted), 3 invalid JSON (with their values)" [ $? -eq 0 ]
rk_check_output "$KL_WORK/expected.jsonl" "$KL_WORK/out.dump" "$KL_WORK/dlq.dump" -
kl_check "every incident of every good article delivered" [ $? -eq 0 ]
echo "# 0007 took $(rk_elapsed) s"
exit $KL_FAILED
