#!/bin/sh
# kafka-broker.sh - a real single-node Apache Kafka broker for tests.
#
#   kafka-broker.sh fetch          download the pinned release's jars
#   kafka-broker.sh start DIR      start a broker whose state lives in DIR
#   kafka-broker.sh stop DIR       stop it (SIGTERM, then SIGKILL)
#   kafka-broker.sh kill DIR       stop it with SIGKILL at once
#   kafka-broker.sh check          exit 0 when java and mvn are usable
#
# fetch resolves org.apache.kafka:kafka_2.13 and its runtime dependencies
# from Maven Central with Maven, through a generated pom, into
# ${XDG_CACHE_HOME:-$HOME/.cache}/sitrep/kafka-<version>/libs (outside the
# source tree; done once, later calls return at once).
#
# start runs one KRaft node (broker and controller in one process, no
# ZooKeeper) on 127.0.0.1 with two free ports. The first start in an empty
# DIR picks the ports, writes DIR/server.properties and formats the
# storage in DIR/data; a later start in the same DIR reuses both, so a
# stopped broker comes back with its topics, offsets and groups on the
# same address. Prints the bootstrap address (host:port) as the first line
# of stdout once a client can read the cluster's metadata; the broker's
# log goes to DIR/server.log, its PID to DIR/broker.pid.
#
# Environment: KAFKA_VERSION (default below), KB_HEAP (default 512m),
# KB_START_TIMEOUT (seconds, default 90).
set -u

KAFKA_VERSION=${KAFKA_VERSION:-3.9.2}
SCALA_VERSION=2.13
# SLF4J binding of the official 3.9 distribution, so that the broker logs
# through log4j into a file instead of dropping every line.
SLF4J_VERSION=1.7.36
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/sitrep/kafka-$KAFKA_VERSION
LIBS=$CACHE/libs

die() {
    echo "kafka-broker.sh: $*" >&2
    exit 1
}

cmd_check() {
    command -v java > /dev/null 2>&1 || { echo "java not found"; return 1; }
    command -v mvn > /dev/null 2>&1 || { echo "mvn not found"; return 1; }
    command -v kcat > /dev/null 2>&1 || { echo "kcat not found"; return 1; }
    # Kafka 3.9's broker needs Java 11 or later.
    v=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
    [ -n "$v" ] && [ "$v" -ge 11 ] || { echo "java $v is older than 11"; return 1; }
    return 0
}

cmd_fetch() {
    [ -f "$LIBS/.complete" ] && return 0
    cmd_check > /dev/null || die "cannot fetch: $(cmd_check)"
    mkdir -p "$CACHE"
    cat > "$CACHE/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>sitrep.test</groupId>
  <artifactId>kafka-broker</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_$SCALA_VERSION</artifactId>
      <version>$KAFKA_VERSION</version>
    </dependency>
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-reload4j</artifactId>
      <version>$SLF4J_VERSION</version>
    </dependency>
  </dependencies>
</project>
EOF
    rm -rf "$LIBS.tmp"
    if ! mvn -q -B -f "$CACHE/pom.xml" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$LIBS.tmp" >&2; then
        die "mvn could not fetch kafka_$SCALA_VERSION $KAFKA_VERSION"
    fi
    [ -f "$LIBS.tmp/kafka_$SCALA_VERSION-$KAFKA_VERSION.jar" ] ||
        die "kafka_$SCALA_VERSION-$KAFKA_VERSION.jar missing after fetch"
    rm -rf "$LIBS"
    mv "$LIBS.tmp" "$LIBS" && touch "$LIBS/.complete"
}

# Two distinct free TCP ports on 127.0.0.1 (bound then released: another
# process could take one in between, which start then reports).
free_ports() {
    python3 -c '
import socket
ss = [socket.socket() for _ in range(2)]
for s in ss:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in ss))
'
}

java_run() {
    # Small heap and fast start-up: the test machine has 2 cores.
    # shellcheck disable=SC2086
    ${KB_PREFIX:-} java -Xms128m -Xmx"${KB_HEAP:-512m}" -XX:+UseSerialGC \
        -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
        -Dlog4j.configuration="file:$DIR/log4j.properties" \
        -cp "$LIBS/*" "$@"
}

write_config() {
    set -- $(free_ports)
    port=$1
    cport=$2
    cat > "$DIR/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DIR/data
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=500
log.segment.bytes=16777216
controlled.shutdown.enable=true
EOF
    echo "$port" > "$DIR/port"
}

write_log4j() {
    cat > "$DIR/log4j.properties" <<EOF
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$DIR/server.log
log4j.appender.file.Append=true
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
EOF
}

broker_pid() {
    [ -f "$DIR/broker.pid" ] && cat "$DIR/broker.pid"
}

alive() {
    pid=$(broker_pid) || return 1
    kill -0 "$pid" 2> /dev/null || return 1
    # A zombie is not a running broker.
    [ "$(cut -d' ' -f3 "/proc/$pid/stat" 2> /dev/null)" != Z ]
}

cmd_start() {
    [ -n "${1:-}" ] || die "usage: kafka-broker.sh start DIR"
    mkdir -p "$1" || die "cannot create $1"
    DIR=$(cd "$1" && pwd)
    alive && die "a broker already runs from $DIR (pid $(broker_pid))"
    cmd_fetch
    write_log4j
    if [ ! -f "$DIR/server.properties" ]; then
        write_config
        cid=$(java_run kafka.tools.StorageTool random-uuid 2> "$DIR/format.err") ||
            die "random-uuid failed: $(cat "$DIR/format.err")"
        java_run kafka.tools.StorageTool format -t "$cid" \
            -c "$DIR/server.properties" > "$DIR/format.out" 2>> "$DIR/format.err" ||
            die "storage format failed: $(cat "$DIR/format.err")"
    fi
    port=$(cat "$DIR/port")
    # setsid: the broker does not share the caller's process group, so a
    # terminal's SIGINT reaches only the test, which stops it by PID.
    # The subshell execs (setsid execs too), so $! is the broker's PID.
    (KB_PREFIX="exec setsid" && java_run kafka.Kafka "$DIR/server.properties") \
        > "$DIR/stdout.log" 2>&1 < /dev/null &
    echo $! > "$DIR/broker.pid"
    limit=$((${KB_START_TIMEOUT:-90} * 5))
    n=0
    while [ $n -lt $limit ]; do
        if ! alive; then
            tail -n 20 "$DIR/server.log" "$DIR/stdout.log" >&2
            die "the broker exited during start-up"
        fi
        # Metadata listing this broker: it is up and answering clients.
        if kcat -b "127.0.0.1:$port" -L -m 2 2> /dev/null |
            grep -q "broker 1 at 127.0.0.1:$port"; then
            echo "127.0.0.1:$port"
            return 0
        fi
        sleep 0.2
        n=$((n + 1))
    done
    cmd_stop "$DIR" > /dev/null 2>&1
    die "the broker did not answer within ${KB_START_TIMEOUT:-90} s (see $DIR/server.log)"
}

cmd_stop() {
    [ -n "${1:-}" ] || die "usage: kafka-broker.sh stop DIR"
    DIR=$(cd "$1" && pwd) || die "no $1"
    pid=$(broker_pid) || return 0
    sig=${2:-TERM}
    kill "-$sig" "$pid" 2> /dev/null
    # Controlled shutdown of a single KRaft node takes a few seconds;
    # bounded at 60 s, then KILL.
    n=0
    while alive && [ $n -lt 300 ]; do
        sleep 0.2
        n=$((n + 1))
    done
    if alive; then
        echo "kafka-broker.sh: broker $pid ignored SIG$sig for 60 s; killing" >&2
        kill -KILL "$pid" 2> /dev/null
        while alive; do sleep 0.1; done
    fi
    rm -f "$DIR/broker.pid"
}

case "${1:-}" in
fetch) cmd_fetch && echo "$LIBS" ;;
start) cmd_start "${2:-}" ;;
stop) cmd_stop "${2:-}" TERM ;;
kill) cmd_stop "${2:-}" KILL ;;
check) cmd_check ;;
*) die "usage: kafka-broker.sh fetch | start DIR | stop DIR | kill DIR | check" ;;
esac
