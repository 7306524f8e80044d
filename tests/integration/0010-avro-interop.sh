#!/bin/sh
# Avro that any client can read: sitrep's events decoded by standard Avro
# libraries that share no code with sitrep - fastavro and the Apache avro
# package (Python), avsc (Node) and avrocat (Avro-C's tool) - each
# compared field by field with sitrep's JSON of the same incidents
# (tests/interop/avro_check.py, tests/interop/avro_check.js).
#
#   1. `sitrep extract --format avro` on the demo articles = `sitrep extract`
#   2. generated incidents (every field, edge values): object container
#      file, single-object frames (the fingerprint computed by each
#      library itself) and Confluent wire-format frames
#   3. schema evolution with tests/fixtures/avro/incident-v2.avsc (a new
#      field with a default) both ways, in three libraries
#   4. negative controls: the comparison and the fingerprint check fail
#      on a changed value and on a changed fingerprint
#
# The Python packages live in a virtualenv and avsc in a node_modules
# under build/, reused across runs while the pinned versions match.
set -u
SR_BUILD=${SR_BUILD:-build}
SR_ROOT=${SR_ROOT:-.}
SITREP="$SR_BUILD/sitrep"
GEN="$SR_BUILD/sitrep-avro-gen"
SCHEMA="$SR_ROOT/codecs/schemas/incident.avsc"
SCHEMA_V2="$SR_ROOT/tests/fixtures/avro/incident-v2.avsc"
CHECK_PY="$SR_ROOT/tests/interop/avro_check.py"
CHECK_JS="$SR_ROOT/tests/interop/avro_check.js"
FASTAVRO_VERSION=1.12.1
AVRO_VERSION=1.12.0
AVSC_VERSION=5.7.9
VENV="$SR_ROOT/build/venv-interop"
NODE_DIR="$SR_ROOT/build/node-interop"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-avro.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

pass() { echo "ok - avro-interop: $1"; }
fail() { echo "not ok - avro-interop: $1"; }

# ---- the independent readers ----

PY=""
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "
import sys, fastavro, avro
sys.exit(fastavro.__version__ != '$FASTAVRO_VERSION' or avro.__version__ != '$AVRO_VERSION')" 2>/dev/null; then
    PY="$VENV/bin/python"
else
    rm -rf "$VENV"
    if ! python3 -m venv "$VENV" > "$WORK/venv.log" 2>&1; then
        fail "python3 -m venv failed (install python3-venv): $(tail -n 3 "$WORK/venv.log")"
    elif ! "$VENV/bin/pip" install -q --disable-pip-version-check \
        "fastavro==$FASTAVRO_VERSION" "avro==$AVRO_VERSION" > "$WORK/pip.log" 2>&1; then
        fail "pip install fastavro==$FASTAVRO_VERSION avro==$AVRO_VERSION failed: $(tail -n 3 "$WORK/pip.log")"
        rm -rf "$VENV"
    else
        PY="$VENV/bin/python"
    fi
fi
[ -n "$PY" ] && pass "python fastavro $FASTAVRO_VERSION and avro $AVRO_VERSION ready"

NODE_OK=""
if ! command -v node > /dev/null 2>&1; then
    fail "node is not installed (apt-get install npm)"
elif [ -f "$NODE_DIR/node_modules/avsc/package.json" ] && \
    [ "$(node -p "require('$NODE_DIR/node_modules/avsc/package.json').version")" = "$AVSC_VERSION" ]; then
    NODE_OK=1
elif npm install --prefix "$NODE_DIR" --no-audit --no-fund --silent \
    "avsc@$AVSC_VERSION" > "$WORK/npm.log" 2>&1; then
    NODE_OK=1
else
    fail "npm install avsc@$AVSC_VERSION failed: $(tail -n 3 "$WORK/npm.log")"
fi
[ -n "$NODE_OK" ] && pass "node avsc $AVSC_VERSION ready"
export NODE_PATH="$NODE_DIR/node_modules"

AVROCAT=""
if command -v avrocat > /dev/null 2>&1; then
    AVROCAT=avrocat
else
    fail "avrocat is not installed (apt-get install avro-bin)"
fi

# check NAME JSONL MODE FILE [V2]: one comparison by avro_check.py.
check() {
    name=$1
    shift
    if [ -z "$PY" ]; then
        fail "$name: no Python readers"
    elif "$PY" "$CHECK_PY" "$SCHEMA" "$@" > "$WORK/check.out" 2> "$WORK/check.err"; then
        pass "$name ($(cat "$WORK/check.out"))"
    else
        fail "$name: $(head -c 800 "$WORK/check.err")"
    fi
}

# check_node NAME JSONL MODE FILE [V2] [PYMODE]: avsc reads, Python compares.
check_node() {
    name=$1 jsonl=$2 mode=$3 file=$4 v2=${5:-} pymode=${6:-lines-plain}
    if [ -z "$NODE_OK" ]; then
        fail "$name: no avsc"
    elif ! node "$CHECK_JS" "$mode" "$file" "$SCHEMA" $v2 > "$WORK/node.jsonl" 2> "$WORK/node.err"; then
        fail "$name: $(head -c 800 "$WORK/node.err")"
    else
        check "$name" "$jsonl" "$pymode" "$WORK/node.jsonl"
    fi
}

# check_avrocat NAME JSONL OCF
check_avrocat() {
    if [ -z "$AVROCAT" ]; then
        fail "$1: no avrocat"
    elif ! avrocat "$3" > "$WORK/avrocat.jsonl" 2> "$WORK/avrocat.err"; then
        fail "$1: avrocat: $(head -c 800 "$WORK/avrocat.err")"
    else
        check "$1" "$2" lines-wrapped "$WORK/avrocat.jsonl"
    fi
}

# ---- 1. sitrep extract --format avro ----

ARTICLES="$SR_ROOT/tests/fixtures/demo/articles.jsonl"
"$SITREP" extract < "$ARTICLES" > "$WORK/extract.jsonl" 2> "$WORK/extract.err"
rc_json=$?
"$SITREP" extract --format avro < "$ARTICLES" > "$WORK/extract.avro" 2> "$WORK/extract-avro.err"
rc_avro=$?
n=$(wc -l < "$WORK/extract.jsonl")
if [ $rc_json -eq 0 ] && [ $rc_avro -eq 0 ] && [ "$n" -gt 0 ]; then
    pass "extract --format avro exits 0 ($n incidents in the JSON)"
else
    fail "extract: exit $rc_json (json) / $rc_avro (avro), $n incidents: $(head -c 400 "$WORK/extract-avro.err")"
fi
if [ "$(head -c 4 "$WORK/extract.avro" | od -An -tx1 | tr -d ' \n')" = "4f626a01" ]; then
    pass "extract --format avro writes an object container file (Obj 01)"
else
    fail "extract --format avro output does not start with Obj 01"
fi
check "extract OCF read by fastavro" "$WORK/extract.jsonl" ocf-fastavro "$WORK/extract.avro"
check "extract OCF read by avro" "$WORK/extract.jsonl" ocf-avro "$WORK/extract.avro"
check_node "extract OCF read by avsc" "$WORK/extract.jsonl" ocf "$WORK/extract.avro"
check_avrocat "extract OCF read by avrocat" "$WORK/extract.jsonl" "$WORK/extract.avro"
"$SITREP" extract --format xml < /dev/null > /dev/null 2> "$WORK/fmt.err"
rc=$?
if [ $rc -eq 2 ] && grep -q "unknown format" "$WORK/fmt.err"; then
    pass "extract --format xml: usage error, exit 2"
else
    fail "extract --format xml: exit $rc"
fi

# ---- 2. generated incidents: container file and single-object frames ----

if "$GEN" -n 400 -s 20261124 -f "$WORK/gen.frames" -j "$WORK/gen.jsonl" \
    -o "$WORK/gen.avro" -c 70000 -C "$WORK/gen.confluent" 2> "$WORK/gen.err"; then
    pass "sitrep-avro-gen wrote 400 incidents"
else
    fail "sitrep-avro-gen: $(cat "$WORK/gen.err")"
fi
check "generated OCF read by fastavro" "$WORK/gen.jsonl" ocf-fastavro "$WORK/gen.avro"
check "generated OCF read by avro" "$WORK/gen.jsonl" ocf-avro "$WORK/gen.avro"
check_node "generated OCF read by avsc" "$WORK/gen.jsonl" ocf "$WORK/gen.avro"
check_avrocat "generated OCF read by avrocat" "$WORK/gen.jsonl" "$WORK/gen.avro"
check "single-object frames: fastavro fingerprint and schemaless reader" \
    "$WORK/gen.jsonl" frames-fastavro "$WORK/gen.frames"
check "single-object frames: avro fingerprint and datum reader" \
    "$WORK/gen.jsonl" frames-avro "$WORK/gen.frames"
check_node "single-object frames: avsc canonical schema, JS CRC-64-AVRO, decode" \
    "$WORK/gen.jsonl" frames "$WORK/gen.frames"
check "Confluent wire-format frames read by fastavro" \
    "$WORK/gen.jsonl" confluent-fastavro "$WORK/gen.confluent" 70000
if "$SITREP" decode "$WORK/gen.frames" > "$WORK/decoded.jsonl" 2> "$WORK/decode.err" &&
    cmp -s "$WORK/decoded.jsonl" "$WORK/gen.jsonl"; then
    pass "sitrep decode of the same frames gives the same JSON"
else
    fail "sitrep decode of the generated frames differs: $(head -c 400 "$WORK/decode.err")"
fi

# ---- 3. schema evolution ----

check "evolution with fastavro: v1 data/v2 reader, v2 data/v1 reader" \
    "$WORK/gen.jsonl" evolve-fastavro "$WORK/gen.avro" "$SCHEMA_V2"
check "evolution with avro: v1 data/v2 reader, v2 data/v1 reader" \
    "$WORK/gen.jsonl" evolve-avro "$WORK/gen.avro" "$SCHEMA_V2"
check_node "evolution with avsc: v1 data, v2 reader (default)" \
    "$WORK/gen.jsonl" v1-to-v2 "$WORK/gen.avro" "$SCHEMA_V2" lines-plain-v2
check_node "evolution with avsc: v2 data, v1 reader" \
    "$WORK/gen.jsonl" v2-to-v1 "$WORK/gen.avro" "$SCHEMA_V2"

# ---- 4. negative controls: the checks above can fail ----

if [ -n "$PY" ]; then
    # One value changed deep inside one record.
    "$PY" - "$WORK/gen.jsonl" "$WORK/changed.jsonl" <<'PY'
import json, sys
# split("\n"), not splitlines(): U+2028 inside a JSON string is no line end.
lines = open(sys.argv[1], encoding="utf-8").read().rstrip("\n").split("\n")
rec = json.loads(lines[len(lines) // 2])
rec["claim"]["status"] = "DENIED" if rec["claim"]["status"] != "DENIED" else "CLAIMED"
lines[len(lines) // 2] = json.dumps(rec, ensure_ascii=False)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
    if "$PY" "$CHECK_PY" "$SCHEMA" "$WORK/changed.jsonl" ocf-fastavro "$WORK/gen.avro" \
        > /dev/null 2> "$WORK/neg.err"; then
        fail "negative control: a changed claim.status went unnoticed"
    elif grep -q "claim.status" "$WORK/neg.err"; then
        pass "negative control: a changed claim.status is reported"
    else
        fail "negative control: unexpected error: $(head -c 400 "$WORK/neg.err")"
    fi
    # One fingerprint byte flipped in the first frame.
    "$PY" - "$WORK/gen.frames" "$WORK/bad.frames" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
data[9] ^= 0x40  # last fingerprint byte of the first frame
open(sys.argv[2], "wb").write(data)
PY
    if "$PY" "$CHECK_PY" "$SCHEMA" "$WORK/gen.jsonl" frames-fastavro "$WORK/bad.frames" \
        > /dev/null 2>&1; then
        fail "negative control: fastavro check accepted a wrong fingerprint"
    else
        pass "negative control: fastavro check rejects a wrong fingerprint"
    fi
    if [ -n "$NODE_OK" ] && node "$CHECK_JS" frames "$WORK/bad.frames" "$SCHEMA" > /dev/null 2>&1; then
        fail "negative control: avsc check accepted a wrong fingerprint"
    elif [ -n "$NODE_OK" ]; then
        pass "negative control: avsc check rejects a wrong fingerprint"
    fi
fi
