#!/bin/sh
# sitrep's events through a real schema registry, read by Confluent's own
# Python client. The registry is Apicurio Registry (Maven Central, its
# Confluent-compatible API /apis/ccompat/v7), started on loopback; the
# Kafka cluster is build/sitrep-mockd.
#
#   1. `sitrep run` registers the incident schema under <output.topic>-value
#      and produces Confluent frames; `sitrep decode -t` fetches the id from
#      the registry and prints the same incidents as `sitrep extract`
#      (without a registry it cannot: a clear error per frame); the same
#      over https with schema.registry.ssl.* (a self-signed certificate)
#   2. confluent-kafka's AvroDeserializer + SchemaRegistryClient read the
#      topic and get the same values as `sitrep decode`, field by field
#   3. schema evolution: with the subject at BACKWARD, the registry accepts
#      tests/fixtures/avro/incident-v2.avsc (a new field with a default) as
#      version 2 and refuses a v3 adding a field without a default; the
#      Python deserializer reads the v1 events with v2 as reader schema
#   4. v2 events written by confluent-kafka's AvroSerializer are decoded by
#      `sitrep decode` (the new field read past) to the same values, from
#      the topic and from a file of v1 and v2 frames interleaved
#   5. TopicRecordNameStrategy: the worker registers under
#      <output.topic>-sitrep.events.v1.Incident (the same schema, same id)
#   6. a frame whose id names an unrelated schema: an error naming the id
#
# Downloads are cached outside the source tree: the Apicurio distribution
# (sha1-checked) under ${XDG_CACHE_HOME:-$HOME/.cache}/sitrep/apicurio,
# the Python packages in a virtualenv build/venv-registry, reused while
# the pinned versions match.
set -u
. "$SR_ROOT/tests/tools/kafka-lib.sh"
kl_init registry-real
# check DESCRIPTION 'SHELL CONDITION': ok/not ok (conditions with && and |).
check() {
    if eval "$2"; then kl_ok "$1"; else kl_fail "$1"; fi
}

APICURIO_VERSION=3.0.9
APICURIO_SHA1=6177e7194d5a5cfe29052dcdcd0b977a4f1b659c
APICURIO_URL="https://repo.maven.apache.org/maven2/io/apicurio/apicurio-registry-app/$APICURIO_VERSION/apicurio-registry-app-$APICURIO_VERSION-all.zip"
# confluent-kafka[avro] and everything it pulls in, pinned.
PY_PINS="confluent-kafka==2.6.1 fastavro==1.13.1 avro==1.12.2 requests==2.34.2 urllib3==2.8.0 idna==3.20 charset-normalizer==3.5.2 certifi==2026.10.18"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/sitrep"
VENV="$SR_ROOT/build/venv-registry"
SCHEMA="$SR_ROOT/codecs/schemas/incident.avsc"
SCHEMA_V2="$SR_ROOT/tests/fixtures/avro/incident-v2.avsc"
CHECK="$SR_ROOT/tests/interop/registry_check.py"

# ---- the Python client ----
PY=""
if [ -x "$VENV/bin/python" ] && [ "$("$VENV/bin/pip" freeze 2>/dev/null | sort | tr '\n' ' ')" = "$(echo $PY_PINS | tr ' ' '\n' | sort | tr '\n' ' ')" ]; then
    PY="$VENV/bin/python"
else
    rm -rf "$VENV"
    # shellcheck disable=SC2086
    if python3 -m venv "$VENV" > "$KL_WORK/venv.log" 2>&1 &&
        "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps \
            $PY_PINS > "$KL_WORK/pip.log" 2>&1; then
        PY="$VENV/bin/python"
    else
        kl_fail "pip install $PY_PINS failed: $(tail -n 3 "$KL_WORK/pip.log" "$KL_WORK/venv.log" 2>/dev/null)"
        rm -rf "$VENV"
        exit 1
    fi
fi
kl_ok "confluent-kafka $("$PY" -c 'import confluent_kafka as c; print(c.version()[0])') ready"

# ---- the registry ----
APICURIO_DIR="$CACHE/apicurio/$APICURIO_VERSION"
APICURIO_JAR="$APICURIO_DIR/apicurio-registry-app-$APICURIO_VERSION-runner.jar"
if [ ! -f "$APICURIO_JAR" ]; then
    mkdir -p "$CACHE/apicurio"
    zip="$CACHE/apicurio/apicurio-registry-app-$APICURIO_VERSION-all.zip"
    if [ ! -f "$zip" ] || [ "$(sha1sum < "$zip" | cut -d' ' -f1)" != "$APICURIO_SHA1" ]; then
        curl -sSf --max-time 300 -o "$zip.part" "$APICURIO_URL" 2> "$KL_WORK/curl.err" &&
            mv "$zip.part" "$zip"
    fi
    if [ ! -f "$zip" ] || [ "$(sha1sum < "$zip" | cut -d' ' -f1)" != "$APICURIO_SHA1" ]; then
        kl_fail "Apicurio Registry $APICURIO_VERSION from Maven Central: download failed or sha1 differs: $(cat "$KL_WORK/curl.err")"
        exit 1
    fi
    rm -rf "$APICURIO_DIR.part"
    mkdir -p "$APICURIO_DIR.part"
    unzip -q "$zip" -d "$APICURIO_DIR.part" && rm -rf "$APICURIO_DIR" &&
        mv "$APICURIO_DIR.part" "$APICURIO_DIR"
fi
if ! command -v java > /dev/null 2>&1; then
    kl_fail "java is not installed (Apicurio needs Java 17)"
    exit 1
fi
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
PORT=$(free_port)
TLS_PORT=$(free_port)
# A self-signed certificate for the registry's https port.
if ! openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$KL_WORK/registry.key" \
    -out "$KL_WORK/registry.crt" > "$KL_WORK/openssl.log" 2>&1; then
    kl_fail "openssl could not make a certificate: $(tail -n 2 "$KL_WORK/openssl.log")"
    exit 1
fi
# In-memory storage (H2); no management port, so nothing else is bound.
java -Xmx384m -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
    -Dquarkus.http.ssl-port="$TLS_PORT" \
    -Dquarkus.http.ssl.certificate.files="$KL_WORK/registry.crt" \
    -Dquarkus.http.ssl.certificate.key-files="$KL_WORK/registry.key" \
    -Dquarkus.management.enabled=false -Dquarkus.log.level=WARN \
    -jar "$APICURIO_JAR" > "$KL_WORK/apicurio.log" 2>&1 &
kl_track $!
REG="http://127.0.0.1:$PORT/apis/ccompat/v7"
REG_TLS="https://127.0.0.1:$TLS_PORT/apis/ccompat/v7"
if ! kl_wait 120 curl -sf -o /dev/null "$REG/subjects"; then
    kl_fail "Apicurio did not answer on $REG: $(tail -n 5 "$KL_WORK/apicurio.log")"
    exit 1
fi
kl_ok "Apicurio Registry $APICURIO_VERSION answers on $REG and $REG_TLS"

# ---- 1. sitrep run registers and produces; sitrep decode reads ----
IN=articles-$KL_ID
OUT=incidents-$KL_ID
OUT2=incidents-v2-$KL_ID
SUBJECT="$OUT-value"
OUT3=incidents-tr-$KL_ID
kl_start_mockd "$IN:2" "$OUT:2" "$OUT2:2" "$OUT3:1" "$IN.dlq:1"
grep '"id"' "$SR_ROOT/tests/fixtures/kafka/articles.jsonl" > "$KL_WORK/articles.jsonl"
kl_write_conf "$KL_WORK/w.conf" "input.topic=$IN" "output.topic=$OUT" \
    "schema.registry.url=$REG"
kl_extract "$KL_WORK/w.conf" "$KL_WORK/articles.jsonl" "$KL_WORK/expected.jsonl"
want=$(wc -l < "$KL_WORK/expected.jsonl")
kl_produce_lines "$IN" "$KL_WORK/articles.jsonl"
kl_start_worker "$KL_WORK/worker.log" "$KL_WORK/w.conf"
if kl_wait 90 kl_has_at_least "$OUT" "$want"; then
    kl_ok "the worker publishes $want events"
else
    kl_fail "only $(kl_count "$OUT") of $want events: $(tail -n 3 "$KL_WORK/worker.log")"
fi
kl_stop "$WORKER_PID" 60
ID1=$(curl -sf "$REG/subjects/$SUBJECT/versions/1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
kl_check "the worker registered the schema under $SUBJECT (id ${ID1:-none})" \
    grep -q "subject $SUBJECT has schema id ${ID1:-x}:" "$KL_WORK/worker.log"

"$SITREP" decode -t "$OUT" -b "$BROKERS" -e -k -T 30000 \
    -X "schema.registry.url=$REG" > "$KL_WORK/decoded.jsonl" 2> "$KL_WORK/decode.err"
rc=$?
check "sitrep decode -t with the registry: exit 0 (got $rc), $want events (got $(wc -l < "$KL_WORK/decoded.jsonl"))" \
    '[ $rc -eq 0 ] && [ "$(wc -l < "$KL_WORK/decoded.jsonl")" -eq "$want" ]'
same_incidents() {
    # same_incidents A B: the same incidents (A's lines may be -k lines).
    python3 - "$1" "$2" <<'PY'
import json, sys
def load(p):
    out = []
    for l in open(p, encoding="utf-8"):
        if l.strip():
            d = json.loads(l)
            out.append(json.dumps(d.get("value", d), sort_keys=True))
    return sorted(out)
a, b = load(sys.argv[1]), load(sys.argv[2])
sys.exit(0 if a and a == b else 1)
PY
}
kl_check "the decoded events are the incidents of sitrep extract" \
    same_incidents "$KL_WORK/decoded.jsonl" "$KL_WORK/expected.jsonl"
"$SITREP" decode -t "$OUT" -b "$BROKERS" -e -T 30000 \
    > "$KL_WORK/noreg.jsonl" 2> "$KL_WORK/noreg.err"
rc=$?
check "without schema.registry.url: exit 1 (got $rc), an error per frame naming the id" \
    '[ $rc -eq 1 ] && [ ! -s "$KL_WORK/noreg.jsonl" ] &&
     [ "$(grep -c "schema id $ID1 unknown (no registry configured)" "$KL_WORK/noreg.err")" -eq "$want" ]'

# The registry over https: the CA option reaches the client; without it
# the certificate is refused, with a message that says where to look.
"$SITREP" decode -t "$OUT" -b "$BROKERS" -e -k -T 30000 \
    -X "schema.registry.url=$REG_TLS" \
    -X "schema.registry.ssl.ca.location=$KL_WORK/registry.crt" \
    > "$KL_WORK/tls.jsonl" 2> "$KL_WORK/tls.err"
rc=$?
check "https with schema.registry.ssl.ca.location: exit $rc, the same events" \
    '[ $rc -eq 0 ] && same_incidents "$KL_WORK/tls.jsonl" "$KL_WORK/decoded.jsonl"'
"$SITREP" decode -t "$OUT" -b "$BROKERS" -e -T 30000 \
    -X "schema.registry.url=$REG_TLS" > "$KL_WORK/notls.jsonl" 2> "$KL_WORK/notls.err"
rc=$?
check "https without the CA: exit 1 (got $rc), nothing decoded: $(head -n 1 "$KL_WORK/notls.err")" \
    '[ $rc -eq 1 ] && [ ! -s "$KL_WORK/notls.jsonl" ] && grep -q "TLS.*schema.registry.ssl" "$KL_WORK/notls.err"'
"$SITREP" decode -t "$OUT" -b "$BROKERS" -e -T 30000 \
    -X "schema.registry.url=$REG_TLS" -X schema.registry.ssl.verify=false \
    > "$KL_WORK/noverify.jsonl" 2> "$KL_WORK/noverify.err"
rc=$?
check "https with schema.registry.ssl.verify=false: exit $rc, $want events" \
    '[ $rc -eq 0 ] && [ "$(wc -l < "$KL_WORK/noverify.jsonl")" -eq "$want" ]'
timeout 60 "$SITREP" run -c "$KL_WORK/w.conf" -X "schema.registry.url=$REG_TLS" \
    > /dev/null 2> "$KL_WORK/worker-tls.err"
rc=$?
check "a worker that cannot verify the registry's certificate: exit 2 (got $rc)" \
    '[ $rc -eq 2 ] && grep -q "TLS" "$KL_WORK/worker-tls.err"'

# ---- 2. confluent-kafka's AvroDeserializer ----
"$PY" "$CHECK" consume "$BROKERS" "$OUT" "$REG" "$SCHEMA" \
    "$KL_WORK/decoded.jsonl" > "$KL_WORK/py1.out" 2> "$KL_WORK/py1.err"
rc=$?
kl_check "confluent-kafka AvroDeserializer reads the same values as sitrep decode: $(cat "$KL_WORK/py1.out" "$KL_WORK/py1.err" | tail -n 1)" \
    [ $rc -eq 0 ]

# ---- 3. schema evolution in the registry ----
ctype="Content-Type: application/vnd.schemaregistry.v1+json"
schema_body() { python3 -c 'import json,sys; print(json.dumps({"schema": open(sys.argv[1]).read()}))' "$1"; }
schema_body "$SCHEMA_V2" > "$KL_WORK/v2.json"
# v3: v2 plus a field without a default, which old events cannot fill.
python3 - "$SCHEMA_V2" > "$KL_WORK/v3.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
s["fields"].append({"name": "severity", "type": "int"})
print(json.dumps({"schema": json.dumps(s)}))
PY
curl -sf -X PUT -H "$ctype" -d '{"compatibility":"BACKWARD"}' \
    "$REG/config/$SUBJECT" > "$KL_WORK/config.json"
kl_check "the subject's compatibility is BACKWARD" \
    grep -q '"BACKWARD"' "$KL_WORK/config.json"
curl -s -X POST -H "$ctype" --data @"$KL_WORK/v2.json" \
    "$REG/compatibility/subjects/$SUBJECT/versions/latest" > "$KL_WORK/compat2.json"
curl -s -X POST -H "$ctype" --data @"$KL_WORK/v3.json" \
    "$REG/compatibility/subjects/$SUBJECT/versions/latest" > "$KL_WORK/compat3.json"
kl_check "the registry finds v2 BACKWARD compatible: $(cat "$KL_WORK/compat2.json")" \
    grep -q '"is_compatible": *true' "$KL_WORK/compat2.json"
kl_check "and v3 (a field without a default) not: $(cat "$KL_WORK/compat3.json")" \
    grep -q '"is_compatible": *false' "$KL_WORK/compat3.json"
ID2=$(curl -sf -X POST -H "$ctype" --data @"$KL_WORK/v2.json" \
    "$REG/subjects/$SUBJECT/versions" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
code3=$(curl -s -o "$KL_WORK/reg3.json" -w '%{http_code}' -X POST -H "$ctype" \
    --data @"$KL_WORK/v3.json" "$REG/subjects/$SUBJECT/versions")
versions=$(curl -sf "$REG/subjects/$SUBJECT/versions")
check "v2 registered as version 2 (id ${ID2:-none}, versions $versions); v3 refused (HTTP $code3)" \
    '[ -n "$ID2" ] && [ "$ID2" != "$ID1" ] && [ "$versions" = "[1,2]" ] && [ "$code3" = 409 ]'
"$PY" "$CHECK" consume "$BROKERS" "$OUT" "$REG" "$SCHEMA" \
    "$KL_WORK/decoded.jsonl" "$SCHEMA_V2" > "$KL_WORK/py2.out" 2> "$KL_WORK/py2.err"
rc=$?
kl_check "AvroDeserializer with the v2 reader schema reads the v1 events (language = \"und\"): $(cat "$KL_WORK/py2.out" "$KL_WORK/py2.err" | tail -n 1)" \
    [ $rc -eq 0 ]

# ---- 4. v2 events from confluent-kafka's AvroSerializer ----
"$PY" "$CHECK" produce "$BROKERS" "$OUT2" "$REG" "$SCHEMA_V2" \
    "$KL_WORK/decoded.jsonl" fr > "$KL_WORK/py3.out" 2> "$KL_WORK/py3.err"
rc=$?
kl_check "AvroSerializer writes v2 events: $(cat "$KL_WORK/py3.out" "$KL_WORK/py3.err" | tail -n 1)" [ $rc -eq 0 ]
kl_dump "$OUT2" "$KL_WORK/v2.dump" "$want" 30
V2IDS=$(cut -d' ' -f4 "$KL_WORK/v2.dump" | cut -c1-10 | sort -u)
same_schema() {
    # same_schema ID FILE: the registry's schema ID is FILE's schema.
    curl -sf "$REG/schemas/ids/$1" | python3 -c '
import json, sys
got = json.loads(json.load(sys.stdin)["schema"])
sys.exit(0 if got == json.load(open(sys.argv[1])) else 1)' "$2"
}
check "they carry one schema id, the registry's v2 schema (frames start $V2IDS)" \
    '[ "$(echo "$V2IDS" | wc -l)" -eq 1 ] && [ "$(echo "$V2IDS" | cut -c1-2)" = 00 ] &&
     same_schema "$((0x$(echo "$V2IDS" | cut -c3-10)))" "$SCHEMA_V2"'
"$SITREP" decode -t "$OUT2" -b "$BROKERS" -e -k -T 30000 \
    -X "schema.registry.url=$REG" > "$KL_WORK/decoded2.jsonl" 2> "$KL_WORK/decode2.err"
rc=$?
check "sitrep decode reads the v2 events to the same values (exit $rc)" \
    '[ $rc -eq 0 ] && same_incidents "$KL_WORK/decoded2.jsonl" "$KL_WORK/decoded.jsonl"'

# The same frames as one file, v1 and v2 interleaved: the stream decoder
# finds where each frame ends from its own writer schema.
kl_dump "$OUT" "$KL_WORK/v1.dump" "$want" 30
python3 - "$KL_WORK/v1.dump" "$KL_WORK/v2.dump" "$KL_WORK/mixed.bin" <<'PY'
import sys
v1 = [bytes.fromhex(l.split(" ")[3]) for l in open(sys.argv[1])]
v2 = [bytes.fromhex(l.split(" ")[3]) for l in open(sys.argv[2])]
with open(sys.argv[3], "wb") as out:
    for a, b in zip(v1, v2):
        out.write(a + b)
PY
"$SITREP" decode -X "schema.registry.url=$REG" "$KL_WORK/mixed.bin" \
    > "$KL_WORK/mixed.jsonl" 2> "$KL_WORK/mixed.err"
rc=$?
sort "$KL_WORK/expected.jsonl" "$KL_WORK/expected.jsonl" > "$KL_WORK/twice.jsonl"
check "a file of interleaved v1 and v2 frames: exit $rc, each incident twice" \
    '[ $rc -eq 0 ] && same_incidents "$KL_WORK/mixed.jsonl" "$KL_WORK/twice.jsonl"'

# ---- 5. another subject name strategy ----
KL_GROUP="$KL_GROUP-tr"
kl_write_conf "$KL_WORK/tr.conf" "input.topic=$IN" "output.topic=$OUT3" \
    "schema.registry.url=$REG" \
    "schema.registry.subject.name.strategy=TopicRecordNameStrategy"
kl_start_worker "$KL_WORK/tr.log" "$KL_WORK/tr.conf"
kl_wait 60 grep -q "has schema id" "$KL_WORK/tr.log"
kl_stop "$WORKER_PID" 60
check "TopicRecordNameStrategy: the worker registers under $OUT3-sitrep.events.v1.Incident" \
    'grep -q "subject $OUT3-sitrep.events.v1.Incident has schema id $ID1:" "$KL_WORK/tr.log" &&
     curl -sf "$REG/subjects" | grep -q "\"$OUT3-sitrep.events.v1.Incident\""'

# ---- 6. an id of an unrelated schema ----
echo '{"schema": "{\"type\":\"record\",\"name\":\"Other\",\"fields\":[{\"name\":\"x\",\"type\":\"long\"}]}"}' > "$KL_WORK/other.json"
ID3=$(curl -sf -X POST -H "$ctype" --data @"$KL_WORK/other.json" \
    "$REG/subjects/other-$KL_ID-value/versions" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
python3 -c 'import struct,sys; sys.stdout.buffer.write(b"\0" + struct.pack(">i", int(sys.argv[1])) + b"\x02")' "${ID3:-0}" > "$KL_WORK/other.bin"
"$SITREP" decode -X "schema.registry.url=$REG" "$KL_WORK/other.bin" \
    > "$KL_WORK/other.out" 2> "$KL_WORK/other.err"
rc=$?
check "a frame of another schema (id ${ID3:-none}): exit 1 (got $rc), the error names it: $(head -n 1 "$KL_WORK/other.err")" \
    '[ $rc -eq 1 ] && grep -q "schema id ${ID3:-x} is not an incident schema" "$KL_WORK/other.err"'
exit $KL_FAILED
