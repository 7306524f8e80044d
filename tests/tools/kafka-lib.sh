# kafka-lib.sh - shared helpers of the Kafka integration tests (sourced).
#
# Each test: `. "$SR_ROOT/tests/tools/kafka-lib.sh"; kl_init NAME`, then
# kl_start_mockd, kl_write_conf, kl_start_worker ... Every process started
# here is recorded and stopped by PID when the test exits; the work
# directory is removed unless KL_KEEP=1. Waits are polling loops with
# bounded timeouts, never a bare sleep.
#
# Environment: SR_BUILD (absolute build dir), SR_ROOT (source root).

SR_BUILD=${SR_BUILD:-$PWD/build}
SR_ROOT=${SR_ROOT:-$PWD}
SITREP="$SR_BUILD/sitrep"
KL_PIDS=""
KL_FAILED=0

kl_cleanup() {
    exec 7>&- 2>/dev/null
    for pid in $KL_PIDS; do
        kill -TERM "$pid" 2>/dev/null
    done
    for pid in $KL_PIDS; do
        # Bounded: a process ignoring TERM gets KILL after ~5 s.
        i=0
        while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do
            sleep 0.1
            i=$((i + 1))
        done
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    if [ "${KL_KEEP:-0}" = 1 ]; then
        echo "# kept $KL_WORK" >&2
    else
        rm -rf "$KL_WORK"
    fi
}

# kl_init NAME: work directory, unique ids, exit trap.
kl_init() {
    KL_NAME=$1
    KL_WORK=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-$1.XXXXXX")
    KL_ID="$(date +%s)-$$"
    KL_GROUP="sitrep-$1-$KL_ID"
    trap kl_cleanup EXIT
    trap 'exit 1' INT TERM
}

kl_ok() { echo "ok - $KL_NAME: $1"; }
kl_fail() {
    echo "not ok - $KL_NAME: $1"
    KL_FAILED=1
}
# kl_check DESCRIPTION COMMAND...: ok/not ok by the command's status.
kl_check() {
    desc=$1
    shift
    if "$@"; then kl_ok "$desc"; else kl_fail "$desc"; fi
}

kl_track() { KL_PIDS="$KL_PIDS $1"; }
kl_untrack() { KL_PIDS=$(echo "$KL_PIDS" | sed "s/ $1\$//; s/ $1 / /"); }

# kl_wait SECONDS COMMAND...: polls COMMAND every 0.2 s until it succeeds;
# returns 1 when SECONDS pass first.
kl_wait() {
    limit=$(($1 * 5))
    shift
    n=0
    while [ $n -lt $limit ]; do
        if "$@"; then
            return 0
        fi
        sleep 0.2
        n=$((n + 1))
    done
    return 1
}

# kl_start_mockd TOPIC:PARTITIONS...: sets BROKERS and MOCKD_PID
# (KL_BROKERS brokers, default 1). The
# mock reads fault-injection commands from a FIFO kept open on fd 7: see
# kl_mock.
kl_start_mockd() {
    args="--brokers ${KL_BROKERS:-1}"
    for t in "$@"; do
        args="$args --topic $t"
    done
    mkfifo "$KL_WORK/mockd.ctl"
    # shellcheck disable=SC2086
    "$SR_BUILD/sitrep-mockd" $args < "$KL_WORK/mockd.ctl" \
        > "$KL_WORK/mockd.out" 2> "$KL_WORK/mockd.err" &
    MOCKD_PID=$!
    kl_track $MOCKD_PID
    exec 7> "$KL_WORK/mockd.ctl"
    if ! kl_wait 30 grep -q . "$KL_WORK/mockd.out"; then
        kl_fail "mock cluster did not start: $(cat "$KL_WORK/mockd.err")"
        exit 1
    fi
    BROKERS=$(head -n 1 "$KL_WORK/mockd.out")
}

# kl_mock COMMAND...: a sitrep-mockd control command (e.g. rtt 1 200);
# waits for its answer.
kl_mock() {
    n=$(grep -c . "$KL_WORK/mockd.out")
    echo "$*" >&7
    kl_wait 10 kl_lines_above "$KL_WORK/mockd.out" "$n"
    tail -n 1 "$KL_WORK/mockd.out" | grep -q '^ok$'
}
kl_lines_above() { [ "$(grep -c . "$1")" -gt "$2" ]; }

# kl_place_leaders IN OUT PARTITIONS: with KL_BROKERS=2, broker 1 leads IN
# and IN.dlq and coordinates the test's group, broker 2 leads OUT, so that
# the output side can be slowed down alone (kl_mock rtt 2 MS).
kl_place_leaders() {
    p=0
    while [ $p -lt "$3" ]; do
        kl_mock leader "$1" $p 1 && kl_mock leader "$2" $p 2 || return 1
        p=$((p + 1))
    done
    kl_mock leader "$1.dlq" 0 1 && kl_mock coord group "$KL_GROUP" 1
}

# kl_write_conf FILE [key=value]...: a worker config for the mock cluster,
# with a fresh group id, the fixture gazetteer unless one was built, and
# the short group timeouts the mock needs.
kl_write_conf() {
    f=$1
    shift
    gaz="$SR_BUILD/share/gazetteer.tsv"
    if [ ! -s "$gaz" ] && [ -s "$SR_BUILD/../share/gazetteer.tsv" ]; then
        gaz="$SR_BUILD/../share/gazetteer.tsv"
    fi
    if [ ! -s "$gaz" ]; then
        gaz="$SR_ROOT/tests/fixtures/gazetteer-mini.tsv"
    fi
    {
        echo "kafka.bootstrap.servers=$BROKERS"
        echo "kafka.consumer.group.id=$KL_GROUP"
        echo "kafka.consumer.session.timeout.ms=6000"
        echo "kafka.consumer.heartbeat.interval.ms=1000"
        echo "kafka.consumer.fetch.wait.max.ms=10"
        echo "kafka.consumer.auto.commit.interval.ms=500"
        echo "gazetteer.path=$gaz"
        echo "places.path="
        echo "shutdown.timeout.ms=20000"
        for kv in "$@"; do
            echo "$kv"
        done
    } > "$f"
}

# kl_start_worker LOG CONF [ARGS...]: starts `sitrep run`, sets WORKER_PID.
kl_start_worker() {
    log=$1
    conf=$2
    shift 2
    "$SITREP" run -c "$conf" "$@" > "$log.out" 2> "$log" &
    WORKER_PID=$!
    kl_track $WORKER_PID
}

# kl_wait_assigned LOG SECONDS: until the worker logged an assignment.
kl_wait_assigned() {
    kl_wait "$2" grep -q "assigned [1-9]" "$1" 2>/dev/null
}

# kl_stop PID SECONDS: SIGTERM, wait up to SECONDS; sets STATUS to the
# exit status ("timeout" if still running, then it is killed) and
# STOP_SECONDS to how long it took. Not in a subshell: wait needs the
# parent.
kl_stop() {
    pid=$1
    t0=$(date +%s)
    kill -TERM "$pid" 2>/dev/null
    if ! kl_wait "$2" kl_gone "$pid"; then
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        kl_untrack "$pid"
        STATUS=timeout
    else
        wait "$pid"
        STATUS=$?
        kl_untrack "$pid"
    fi
    STOP_SECONDS=$(($(date +%s) - t0))
}
kl_gone() { ! kill -0 "$1" 2>/dev/null || kl_zombie "$1"; }
kl_zombie() {
    [ -r "/proc/$1/stat" ] && [ "$(cut -d' ' -f3 "/proc/$1/stat")" = Z ]
}

# kl_dump TOPIC OUT [MIN [SECONDS]]: every record of TOPIC, hex lines
# (see sitrep-dump). Fails if fewer than MIN arrived within SECONDS.
kl_dump() {
    "$SR_BUILD/sitrep-dump" -b "$BROKERS" -t "$1" -n "${3:-0}" \
        -w "${4:-60}" > "$2" 2> "$2.err"
}

# kl_count TOPIC: number of records now in TOPIC.
kl_count() {
    "$SR_BUILD/sitrep-dump" -b "$BROKERS" -t "$1" -w 20 2>/dev/null | wc -l
}

# kl_has_at_least TOPIC N: succeeds when TOPIC holds >= N records.
kl_has_at_least() {
    [ "$(kl_count "$1")" -ge "$2" ]
}

# kl_produce_lines TOPIC FILE: one message per line.
kl_produce_lines() {
    "$SR_BUILD/sitrep-produce" -b "$BROKERS" -t "$1" -l "$2" > /dev/null
}

# kl_make_articles COPIES OUT: COPIES copies of every fixture article that
# has an id, each copy with its own id ("<id>-c<N>").
kl_make_articles() {
    python3 - "$1" "$SR_ROOT/tests/fixtures/kafka/articles.jsonl" > "$2" <<'PY'
import json, sys
copies, path = int(sys.argv[1]), sys.argv[2]
arts = [json.loads(l) for l in open(path, encoding="utf-8") if l.lstrip().startswith("{")]
arts = [a for a in arts if "id" in a]
for c in range(copies):
    for a in arts:
        b = dict(a, id="%s-c%d" % (a["id"], c))
        print(json.dumps(b, ensure_ascii=False))
PY
}

# kl_have_all TOPIC EXPECTED DUMP: dumps TOPIC into DUMP; true when every
# incident id of EXPECTED (sitrep extract output) is among its keys.
kl_have_all() {
    kl_dump "$1" "$3" 0 30
    python3 - "$3" "$2" <<'PY'
import json, sys
got = {bytes.fromhex(l.split(" ")[2]).decode() for l in open(sys.argv[1])}
want = {json.loads(l)["incident_id"] for l in open(sys.argv[2]) if l.strip()}
sys.exit(0 if want <= got else 1)
PY
}

# kl_extract CONF IN OUT: the reference incidents of sitrep extract.
kl_extract() {
    "$SITREP" extract -c "$1" < "$2" > "$3" 2> "$3.err"
}
