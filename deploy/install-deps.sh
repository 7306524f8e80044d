#!/bin/sh
# Installs the Debian packages sitrep needs to build, test and run its demo,
# when something is missing (a quick check first: safe to run every time).
# Uses sudo when not root.
#
#   build:  C compiler, pkg-config and the libraries below
#   data:   npm (the gazetteer's data packages come from the npm registry)
#   tests:  valgrind, kcat, avrocat (avro-bin), python3 with venv, curl,
#           openssl, a JDK and Maven (Apache Kafka, a schema registry and
#           Java Avro readers from Maven Central)
set -eu
PKGS="build-essential pkg-config librdkafka-dev libavro-dev libcurl4-openssl-dev
libjansson-dev libmicrohttpd-dev libutf8proc-dev libxxhash-dev iso-codes
npm valgrind python3 python3-venv curl ca-certificates openssl kcat avro-bin
default-jdk-headless maven"
LIBS="rdkafka libcurl avro-c jansson libmicrohttpd libutf8proc libxxhash"
TOOLS="cc make npm valgrind kcat avrocat curl openssl java mvn python3"

missing=""
if ! command -v pkg-config >/dev/null 2>&1 ||
    ! pkg-config --exists $LIBS 2>/dev/null; then
    missing="libraries"
fi
for tool in $TOOLS; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
# Debian splits venv (ensurepip) out of python3.
python3 -c 'import ensurepip' >/dev/null 2>&1 || missing="$missing python3-venv"
[ -f /usr/share/iso-codes/json/iso_3166-1.json ] || missing="$missing iso-codes"
if [ -z "$missing" ]; then
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "sitrep: missing:$missing; installing Debian packages:" \
    "$(echo $PKGS | tr '\n' ' ')" >&2
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends $PKGS >/dev/null
