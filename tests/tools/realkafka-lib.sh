# realkafka-lib.sh - helpers of the real-broker tests (sourced).
#
# On top of kafka-lib.sh (workers, configs, dumps, waits): a real Apache
# Kafka broker per test (tests/tools/kafka-broker.sh), topics created with
# their partition counts, input spread over every partition, committed
# offsets, and the output checker. Each test:
#   . "$SR_ROOT/tests/tools/realkafka-lib.sh"; rk_init NAME
#   rk_start_broker; rk_topics IN:12 OUT:12 IN.dlq:1 ...
# Everything started is stopped by PID when the test exits: the workers
# (kafka-lib.sh's trap), then the broker; KL_KEEP=1 keeps the work and
# broker directories.

. "$SR_ROOT/tests/tools/kafka-lib.sh"

KB="$SR_ROOT/tests/tools/kafka-broker.sh"
RK_CHECK="$SR_ROOT/tests/realkafka/check_output.py"

rk_cleanup() {
    kl_cleanup
    if [ -n "${RK_BROKER_DIR:-}" ]; then
        sh "$KB" stop "$RK_BROKER_DIR" > /dev/null 2>&1
        if [ "${KL_KEEP:-0}" = 1 ]; then
            echo "# kept $RK_BROKER_DIR" >&2
        else
            rm -rf "$RK_BROKER_DIR"
        fi
    fi
}

# rk_init NAME: kl_init, plus the broker's stop in the exit trap.
rk_init() {
    kl_init "$1"
    RK_T0=$(date +%s)
    trap rk_cleanup EXIT
}

# rk_elapsed: seconds since rk_init.
rk_elapsed() { echo $(($(date +%s) - RK_T0)); }

# rk_start_broker: a fresh single-node broker; sets BROKERS. A second call
# (after rk_stop_broker) restarts the same broker: same storage and port.
rk_start_broker() {
    if [ -z "${RK_BROKER_DIR:-}" ]; then
        RK_BROKER_DIR=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-kafka-$KL_NAME.XXXXXX")
    fi
    if ! BROKERS=$(sh "$KB" start "$RK_BROKER_DIR" 2> "$KL_WORK/broker-start.err" |
        head -n 1) || [ -z "$BROKERS" ]; then
        kl_fail "the Kafka broker did not start: $(tail -n 5 "$KL_WORK/broker-start.err")"
        exit 1
    fi
}

# rk_stop_broker [kill]: SIGTERM (or SIGKILL) to the broker, waits for it.
rk_stop_broker() {
    sh "$KB" "${1:-stop}" "$RK_BROKER_DIR"
}

# rk_topics TOPIC:PARTITIONS...: creates them, waits until they have leaders.
rk_topics() {
    if ! "$SR_BUILD/sitrep-admin" -b "$BROKERS" -w 60 "$@" 2> "$KL_WORK/admin.err"; then
        kl_fail "cannot create topics $*: $(cat "$KL_WORK/admin.err")"
        exit 1
    fi
}

# rk_produce_spread TOPIC PARTITIONS FILE: line i of FILE (one message per
# line) goes to partition i mod PARTITIONS. Explicit partitions: without
# keys librdkafka's sticky partitioner would put a burst on one partition.
rk_produce_spread() {
    d="$KL_WORK/spread.$$"
    rm -rf "$d" && mkdir -p "$d"
    awk -v n="$2" -v d="$d" '{ print > (d "/" ((NR - 1) % n)) }' "$3"
    for f in "$d"/*; do
        "$SR_BUILD/sitrep-produce" -b "$BROKERS" -t "$1" -p "$(basename "$f")" \
            -l "$f" > /dev/null || return 1
    done
    rm -rf "$d"
}

# rk_lag GROUP TOPIC: total of (high watermark - committed) over the
# partitions (a partition never committed counts from 0).
rk_lag() {
    "$SR_BUILD/sitrep-admin" -b "$BROKERS" -g "$1" -o "$2" 2> /dev/null |
        awk 'BEGIN { lag = 0; n = 0 }
             { c = ($2 < 0) ? 0 : $2; lag += $3 - c; n++ }
             END { if (n == 0) exit 1; print lag }'
}
rk_no_lag() { [ "$(rk_lag "$1" "$2")" = 0 ]; }

# rk_check_output ARTICLES OUT.dump DLQ.dump MODE: python checker (see
# check_output.py); prints its findings as "# " lines.
rk_check_output() {
    python3 "$RK_CHECK" "$@"
}

# rk_assigned_parts LOG: the partitions a worker's log says it was
# assigned last, e.g. "in[0] in[1]" (empty when none).
rk_assigned_parts() {
    grep -E "(assigned|revoked) [0-9]+ partition" "$1" | tail -n 1 |
        sed -n 's/.*assigned [0-9]* partition(s): //p'
}

# rk_ever_assigned LOG: succeeds when the worker held partitions once.
rk_ever_assigned() { grep -q "assigned [1-9][0-9]* partition" "$1" 2> /dev/null; }

# rk_split N: every one of the worker logs after N holds partitions now,
# no partition is held twice, and together they hold N partitions.
rk_split() {
    n=$1
    shift
    all=""
    for log in "$@"; do
        parts=$(rk_assigned_parts "$log")
        [ -n "$parts" ] || return 1
        all="$all $parts"
    done
    total=$(echo $all | tr ' ' '\n' | grep -c .)
    uniq=$(echo $all | tr ' ' '\n' | sort -u | grep -c .)
    [ "$total" -eq "$n" ] && [ "$uniq" -eq "$n" ]
}

# rk_consumed LOG: articles the worker consumed, from its final summary
# line ("... after S s: N consumed, ...").
rk_consumed() {
    sed -n 's/.* after [0-9.]* s: \([0-9]*\) consumed, .*/\1/p' "$1" | tail -n 1
}

# rk_trickle TOPIC PARTITIONS FILE LINES: produces FILE in the background,
# LINES lines at a time, chunk k to partition k mod PARTITIONS, with a
# short pause between chunks (RK_TRICKLE_PAUSE seconds, default 0.1), so
# that the input keeps arriving while the test changes the group. Sets
# TRICKLE_PID; the subshell exits non-zero when a chunk was not delivered.
rk_trickle() {
    d="$KL_WORK/trickle.$$"
    rm -rf "$d" && mkdir -p "$d"
    split -l "$4" -d -a 4 "$3" "$d/c"
    (
        k=0
        for f in "$d"/c*; do
            "$SR_BUILD/sitrep-produce" -b "$BROKERS" -t "$1" \
                -p $((k % $2)) -l "$f" > /dev/null 2>> "$KL_WORK/trickle.err" || exit 1
            k=$((k + 1))
            sleep "${RK_TRICKLE_PAUSE:-0.1}"
        done
    ) &
    TRICKLE_PID=$!
    kl_track $TRICKLE_PID
}

# rk_trickle_wait SECONDS: until the trickle finished; fails when it did
# not in time or a chunk was not delivered.
rk_trickle_wait() {
    kl_wait "$1" kl_gone "$TRICKLE_PID" || return 1
    wait "$TRICKLE_PID"
    st=$?
    kl_untrack "$TRICKLE_PID"
    return $st
}

# rk_trickling: the trickle still runs (a group change now is mid-stream).
rk_trickling() { kill -0 "$TRICKLE_PID" 2> /dev/null && ! kl_zombie "$TRICKLE_PID"; }

# rk_alive_then_stop PID LOG: ok when the worker still runs (then SIGTERM
# must end it with status 0 within 30 s), not ok with its last errors when
# it stopped by itself.
rk_alive_then_stop() {
    if kill -0 "$1" 2> /dev/null && ! kl_zombie "$1"; then
        kl_ok "the worker still runs"
        kl_stop "$1" 30
        kl_check "SIGTERM: exit status 0 after ${STOP_SECONDS} s (got $STATUS)" [ "$STATUS" = 0 ]
    else
        kl_fail "the worker stopped: $(grep -E ' error ' "$2" | tail -n 2)"
    fi
}

# rk_make_long_articles N PARAS OUT: N articles of about PARAS fixture
# bodies each (consecutive fixtures, rotating), ids "<KL_ID>-l<i>", so that
# a backlog weighs what real articles do (a few KB each, several
# incidents) while every text stays one the tests know.
rk_make_long_articles() {
    python3 - "$1" "$2" "$SR_ROOT/tests/fixtures/kafka/articles.jsonl" "$KL_ID" > "$3" <<'PY'
import json, sys
n, per, path, tag = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
arts = [json.loads(l) for l in open(path, encoding="utf-8") if l.lstrip().startswith("{")]
arts = [a for a in arts if "id" in a and isinstance(a.get("body"), str) and a["body"].strip()]
for i in range(n):
    parts = [arts[(i + k) % len(arts)] for k in range(per)]
    print(json.dumps({"id": "%s-l%d" % (tag, i), "published_at": parts[0].get("published_at", "2021-01-01"),
                      "title": parts[0].get("title", ""),
                      "body": "\n\n".join(p["body"] for p in parts)}, ensure_ascii=False))
PY
}

# rk_start_geocoder CONF [ARGS...]: `sitrep geocoder serve` on a free port
# of 127.0.0.1; sets GEO_PID and GEO_URL. A test may freeze it (SIGSTOP)
# to stall every lookup, and must thaw it (SIGCONT) before it ends.
rk_start_geocoder() {
    conf=$1
    shift
    "$SITREP" geocoder serve --listen 127.0.0.1:0 -c "$conf" "$@" \
        > "$KL_WORK/geocoder.out" 2> "$KL_WORK/geocoder.log" &
    GEO_PID=$!
    kl_track $GEO_PID
    if ! kl_wait 30 grep -q . "$KL_WORK/geocoder.out" 2> /dev/null; then
        kl_fail "the geocoder did not start: $(tail -n 3 "$KL_WORK/geocoder.log")"
        exit 1
    fi
    GEO_URL=$(head -n 1 "$KL_WORK/geocoder.out")
}

# rk_ops_url LOG: waits for the worker's "ops: listening on URL" line;
# sets URL.
rk_ops_url() {
    if ! kl_wait 30 grep -q 'ops: listening on http://' "$1" 2> /dev/null; then
        kl_fail "the worker did not log its ops URL: $(tail -n 3 "$1")"
        return 1
    fi
    URL=$(sed -n 's/.*ops: listening on \(http:\/\/[^ ]*\).*/\1/p' "$1" | head -n 1)
}

# rk_metric FILE NAME: the value of an unlabelled metric in a scrape.
rk_metric() { sed -n "s/^$2 \\([0-9-][0-9]*\\)\$/\\1/p" "$1" | head -n 1; }

# rk_metric_is URL NAME VALUE: a fresh scrape shows NAME = VALUE.
rk_metric_is() {
    [ "$(curl -s "$1/metrics" 2> /dev/null | sed -n "s/^$2 \\([0-9-][0-9]*\\)\$/\\1/p")" = "$3" ]
}

# rk_lags FILE TOPIC: "PARTITION LAG" lines of sitrep_consumer_lag in a
# scrape, by partition.
rk_lags() {
    sed -n "s/^sitrep_consumer_lag{topic=\"$2\",partition=\"\\([0-9]*\\)\"} \\([0-9]*\\)\$/\\1 \\2/p" "$1" |
        sort -n
}

# rk_rss_kb PID: the resident set (VmRSS) of a process in kB.
rk_rss_kb() { sed -n 's/^VmRSS:[^0-9]*\([0-9]*\) kB/\1/p' "/proc/$1/status" 2> /dev/null; }
