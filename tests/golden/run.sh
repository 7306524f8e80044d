#!/bin/sh
# run.sh - golden tests of `sitrep extract`.
#
# For every tests/golden/NAME.in.jsonl (articles, one per line, contract
# 3.1) runs `sitrep extract` with the real gazetteer and compares its
# stdout with NAME.out.jsonl (incidents, contract 3.2), printing
# "ok - golden: NAME" or "not ok - golden: NAME" (the diff on stderr).
# When NAME.check.py exists, it reads the actual output (and the input)
# and asserts the facts of one capability independently of the diff, one
# line per assertion ("ok - golden: NAME: ..."), so a regression is
# explained, not just diffed, and the exact output can be regenerated
# while the facts stay fixed. Known extractor gaps are listed in
# tests/golden/xfail.txt with their owner and print "xfail - ..." lines
# (neither passed nor failed; tests/run.sh counts them apart).
#
# Environment: SR_ROOT (repository, default: two levels up), SR_BUILD
# (build directory holding sitrep, default $SR_ROOT/build), SR_GAZETTEER
# (default $SR_ROOT/build/share/gazetteer.tsv, from `make gazetteer`).
# SR_GOLDEN_UPDATE=1 rewrites the .out.jsonl files from the actual output
# (after an intended change; review the diff before committing).
set -u
SR_ROOT=${SR_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
SR_BUILD=${SR_BUILD:-$SR_ROOT/build}
GAZ=${SR_GAZETTEER:-$SR_ROOT/build/share/gazetteer.tsv}
BIN=$SR_BUILD/sitrep
OUT=$SR_ROOT/build/test-output/golden
mkdir -p "$OUT"
status=0

for in in "$SR_ROOT"/tests/golden/*.in.jsonl; do
    name=$(basename "$in" .in.jsonl)
    expected=$SR_ROOT/tests/golden/$name.out.jsonl
    check=$SR_ROOT/tests/golden/$name.check.py
    actual=$OUT/$name.actual.jsonl
    reason=
    if [ ! -x "$BIN" ]; then
        reason="no $BIN (run make)"
    elif [ ! -f "$GAZ" ]; then
        reason="no gazetteer at $GAZ (run make gazetteer)"
    fi
    if [ -n "$reason" ]; then
        echo "not ok - golden: $name: $reason"
        status=1
        continue
    fi
    "$BIN" extract -X gazetteer.path="$GAZ" \
        -X places.path="$SR_ROOT/config/places.tsv" \
        -X actors.path="$SR_ROOT/config/actors.tsv" \
        < "$in" > "$actual" 2> "$OUT/$name.stderr"
    rc=$?
    if [ $rc -ne 0 ]; then
        echo "not ok - golden: $name: sitrep extract exited with $rc"
        cat "$OUT/$name.stderr" >&2
        status=1
        continue
    fi
    if [ "${SR_GOLDEN_UPDATE:-}" = 1 ]; then
        cp "$actual" "$expected"
    fi
    if [ ! -f "$expected" ]; then
        echo "not ok - golden: $name: no $expected (SR_GOLDEN_UPDATE=1 writes it)"
        status=1
    elif diff -u "$expected" "$actual" > "$OUT/$name.diff"; then
        echo "ok - golden: $name"
    else
        echo "not ok - golden: $name"
        cat "$OUT/$name.diff" >&2
        status=1
    fi
    if [ -f "$check" ]; then
        # One line per assertion (ok / not ok / xfail, see golden.py).
        python3 -B "$check" "$actual" "$in" > "$OUT/$name.check" \
            2> "$OUT/$name.check.err"
        rc=$?
        grep -E '^(ok|not ok|xfail) ' "$OUT/$name.check"
        if [ $rc -ne 0 ]; then
            status=1
            if ! grep -q '^not ok ' "$OUT/$name.check"; then
                echo "not ok - golden: $name: checker exited with $rc"
                cat "$OUT/$name.check.err" >&2
            fi
        fi
    fi
done
exit $status
