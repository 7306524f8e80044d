#!/bin/sh
# Runs libFuzzer targets built by `make fuzz` (build/fuzz/fuzz_<target>),
# one at a time, each FUZZ_SECONDS (default 60) on a working copy of its
# seed corpus tests/fuzz/corpus/<target>/ in build/fuzz/corpus/<target>/
# (the committed corpus only grows by hand, minimised: see README.md).
# A crash, leak, UB report, timeout or out-of-memory is written to
# build/fuzz/artifacts/ and fails the run.
#
#   sh tests/fuzz/run.sh [TARGET...]     (default: every target)
set -u
cd "$(dirname "$0")/../.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
OUT=build/fuzz
mkdir -p "$OUT/artifacts" "$OUT/logs"
targets=${*:-$(ls tests/fuzz/fuzz_*.c | sed 's|.*/fuzz_||; s|\.c$||')}
failed=0
for t in $targets; do
    bin="$OUT/fuzz_$t"
    work="$OUT/corpus/$t"
    log="$OUT/logs/$t.log"
    mkdir -p "$work"
    [ -d "tests/fuzz/corpus/$t" ] && cp -n tests/fuzz/corpus/"$t"/* "$work"/ 2>/dev/null
    # -timeout: one input over 10 s is a hang; -rss_limit_mb: a runaway
    # allocation is a bug too (every buffer is capped by the config).
    "$bin" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$t-" \
        "$work" > "$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -E '^#[0-9]+' "$log" | tail -n 1 | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
    if [ $rc -eq 0 ]; then
        echo "ok - fuzz/$t: ${execs:-?} runs in ${SECONDS_EACH}s, coverage ${cov:-?}"
    else
        failed=$((failed + 1))
        echo "not ok - fuzz/$t: exit $rc after ${execs:-?} runs (see $log)"
        grep -E 'ERROR:|SUMMARY:|invariant broken|Test unit written' "$log" | head -n 8
    fi
done
[ $failed -eq 0 ]
