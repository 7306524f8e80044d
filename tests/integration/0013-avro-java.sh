#!/bin/sh
# sitrep's Avro read by the Java Avro library (org.apache.avro 1.12.0 from
# Maven Central), as the README shows: single-object frames with
# BinaryMessageDecoder (which checks C3 01 and the fingerprint it computes
# itself), the same frames with the v2 schema as reader (addSchema(v1):
# the new field takes its default), and an object container file with
# DataFileReader. Each record is compared, field by field, with sitrep's
# JSON of the same generated incidents (tests/interop/avro_check.py).
# Negative controls: a changed fingerprint is refused by Java, a changed
# value fails the comparison.
#
# Maven resolves the class path into ~/.m2 (outside the source tree) once;
# the checker runs as a single-file Java program, nothing is built.
set -u
SR_BUILD=${SR_BUILD:-build}
SR_ROOT=${SR_ROOT:-.}
GEN="$SR_BUILD/sitrep-avro-gen"
SCHEMA="$SR_ROOT/codecs/schemas/incident.avsc"
SCHEMA_V2="$SR_ROOT/tests/fixtures/avro/incident-v2.avsc"
CHECK_PY="$SR_ROOT/tests/interop/avro_check.py"
JAVA_DIR="$SR_ROOT/tests/interop/java"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-avro-java.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
FAILED=0

pass() { echo "ok - avro-java: $1"; }
fail() {
    echo "not ok - avro-java: $1"
    FAILED=1
}

if ! command -v java > /dev/null 2>&1 || ! command -v mvn > /dev/null 2>&1; then
    fail "java and mvn are needed (Java 17, Maven)"
    exit 1
fi
if ! mvn -q -B -f "$JAVA_DIR/pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp.txt" > "$WORK/mvn.log" 2>&1; then
    fail "mvn could not resolve org.apache.avro:avro: $(tail -n 5 "$WORK/mvn.log")"
    exit 1
fi
pass "org.apache.avro:avro 1.12.0 resolved"
CP=$(cat "$WORK/cp.txt")
java_check() { java -cp "$CP" "$JAVA_DIR/AvroCheck.java" "$@"; }
compare() {
    # compare MODE LINES: the Java lines against sitrep's JSON.
    python3 "$CHECK_PY" "$SCHEMA" "$WORK/gen.jsonl" "$1" "$2" > /dev/null 2> "$2.cmp"
}

"$GEN" -n 300 -s 11 -f "$WORK/gen.frames" -j "$WORK/gen.jsonl" -o "$WORK/gen.avro" ||
    { fail "sitrep-avro-gen failed"; exit 1; }

if java_check frames "$SCHEMA" "$WORK/gen.frames" > "$WORK/frames.txt" 2> "$WORK/frames.err" &&
    compare lines-plain "$WORK/frames.txt"; then
    pass "BinaryMessageDecoder reads 300 single-object frames, field by field equal"
else
    fail "single-object frames: $(tail -n 2 "$WORK/frames.err" "$WORK/frames.txt.cmp" 2>/dev/null)"
fi
if java_check frames-v2 "$SCHEMA" "$SCHEMA_V2" "$WORK/gen.frames" > "$WORK/v2.txt" 2> "$WORK/v2.err" &&
    compare lines-plain-v2 "$WORK/v2.txt"; then
    pass "with the v2 reader schema and addSchema(v1): equal, language = \"und\""
else
    fail "v2 reader: $(tail -n 2 "$WORK/v2.err" "$WORK/v2.txt.cmp" 2>/dev/null)"
fi
if java_check ocf "$WORK/gen.avro" > "$WORK/ocf.txt" 2> "$WORK/ocf.err" &&
    compare lines-plain "$WORK/ocf.txt"; then
    pass "DataFileReader reads the object container file, field by field equal"
else
    fail "object container file: $(tail -n 2 "$WORK/ocf.err" "$WORK/ocf.txt.cmp" 2>/dev/null)"
fi

# Negative controls.
python3 - "$WORK/gen.frames" "$WORK/badfp.frames" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
data[5] ^= 0x01  # inside the first frame's fingerprint
open(sys.argv[2], "wb").write(data)
PY
if java_check frames "$SCHEMA" "$WORK/badfp.frames" > /dev/null 2> "$WORK/badfp.err"; then
    fail "a changed fingerprint was accepted by BinaryMessageDecoder"
else
    pass "a changed fingerprint is refused by Java: $(grep -o 'MissingSchemaException[^(]*' "$WORK/badfp.err" | head -n 1)"
fi
python3 - "$WORK/gen.jsonl" "$WORK/changed.jsonl" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8", newline="").read().rstrip("\n").split("\n")
d = json.loads(lines[6])
d["role"] = "BACKGROUND" if d["role"] == "MAIN_EVENT" else "MAIN_EVENT"
lines[6] = json.dumps(d, ensure_ascii=False)
open(sys.argv[2], "w", encoding="utf-8", newline="").write("\n".join(lines) + "\n")
PY
if python3 "$CHECK_PY" "$SCHEMA" "$WORK/changed.jsonl" lines-plain "$WORK/frames.txt" > /dev/null 2>&1; then
    fail "the comparison missed a changed value"
else
    pass "the comparison fails on a changed value"
fi
exit $FAILED
