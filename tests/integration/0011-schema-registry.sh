#!/bin/sh
# With schema.registry.url set, the worker registers the incident schema
# (the .avsc text verbatim) under <output.topic>-value before consuming,
# retrying while the registry answers 503, and writes the Confluent wire
# format: 00, the schema id big-endian, then the same Avro body as the
# single-object frame of a worker without a registry (compared record by
# record, by key). A registry refusing the schema (here: a URL whose
# path does not exist, answered 404) is a configuration error: exit 2.
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init schema-registry

IN=articles-$KL_ID
OUT=incidents-$KL_ID
OUT2=plain-$KL_ID
kl_start_mockd "$IN:2" "$OUT:2" "$OUT2:2" "$IN.dlq:1"
"$SR_BUILD/sitrep-registry-stub" --fail-first 2 > "$KL_WORK/registry.out" \
    2> "$KL_WORK/registry.log" &
kl_track $!
kl_wait 30 grep -q . "$KL_WORK/registry.out" || { kl_fail "registry stub did not start"; exit 1; }
REG=$(head -n 1 "$KL_WORK/registry.out")

grep '"id"' "$SR_ROOT/tests/fixtures/kafka/articles.jsonl" > "$KL_WORK/articles.jsonl"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "schema.registry.url=$REG"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/articles.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
kl_produce_lines "$IN" "$KL_WORK/articles.jsonl"

kl_start_worker "$KL_WORK/worker.log" "$KL_WORK/w.conf"
if kl_wait 90 kl_has_at_least "$OUT" "$want"; then
    kl_ok "the worker publishes $want events after the registry came up"
else
    kl_fail "only $(kl_count "$OUT") of $want events: $(grep -i registry "$KL_WORK/worker.log" | tail -n 3)"
fi
kl_check "it retried while the registry answered 503" \
    grep -q "schema registry .*503.*retrying" "$KL_WORK/worker.log"
kl_stop "$WORKER_PID" 60
kl_check "SIGTERM: exit status 0 (got $STATUS)" [ "$STATUS" = 0 ]

# The same articles through a worker without a registry.
KL_GROUP="$KL_GROUP-plain"
kl_write_conf "$KL_WORK/plain.conf" "input.topic=$IN" "output.topic=$OUT2"
kl_start_worker "$KL_WORK/plain.log" "$KL_WORK/plain.conf"
kl_wait 90 kl_has_at_least "$OUT2" "$want" || kl_fail "plain worker: too few events"
kl_stop "$WORKER_PID" 60

kl_dump "$OUT" "$KL_WORK/confluent.txt" "$want" 30
kl_dump "$OUT2" "$KL_WORK/plain.txt" "$want" 30
python3 - "$KL_WORK/confluent.txt" "$KL_WORK/plain.txt" "$REG" \
    "$SR_ROOT/codecs/schemas/incident.avsc" "$OUT" <<'PY'
import json, struct, sys, urllib.request
conf_path, plain_path, reg, avsc_path, topic = sys.argv[1:6]
def load(path):
    d = {}
    for l in open(path):
        p, o, k, v, h = l.rstrip("\n").split(" ")
        d[k] = bytes.fromhex(v)
    return d
conf, plain = load(conf_path), load(plain_path)
problems = []
if set(conf) != set(plain):
    problems.append("keys differ between the two workers")
ids = set()
for k, v in conf.items():
    if len(v) < 5 or v[0] != 0:
        problems.append("%s: not a Confluent frame" % k)
        continue
    ids.add(struct.unpack(">i", v[1:5])[0])
    p = plain.get(k)
    if p is None or p[:2] != b"\xc3\x01" or p[10:] != v[5:]:
        problems.append("%s: Avro body differs from the single-object record" % k)
if len(ids) != 1:
    problems.append("schema ids %s" % ids)
else:
    sid = ids.pop()
    got = json.load(urllib.request.urlopen("%s/schemas/ids/%d" % (reg, sid)))["schema"]
    if got != open(avsc_path, encoding="utf-8").read():
        problems.append("registered schema is not the .avsc text verbatim")
for p in problems[:10]:
    print("#", p)
sys.exit(1 if problems else 0)
PY
kl_check "00 + registered id + the same Avro body as single-object; the .avsc registered verbatim" [ $? -eq 0 ]
kl_check "the subject is <output.topic>-value" \
    grep -q "POST /subjects/$OUT-value/versions" "$KL_WORK/registry.log"

"$SITREP" run -c "$KL_WORK/w.conf" -X "schema.registry.url=$REG/nowhere" \
    > /dev/null 2> "$KL_WORK/refused.err"
rc=$?
kl_check "a registry answering 404 is a configuration error: exit 2 (got $rc)" [ $rc -eq 2 ]
kl_check "the error names the registry" grep -q "schema registry" "$KL_WORK/refused.err"
exit $KL_FAILED
