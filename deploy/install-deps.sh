#!/bin/sh
# Installs the Debian packages sitrep needs to build, test and run its demo.
# Uses sudo when not root. Safe to run again.
set -eu
PKGS="build-essential pkg-config librdkafka-dev libavro-dev libcurl4-openssl-dev
libjansson-dev libmicrohttpd-dev libutf8proc-dev libxxhash-dev iso-codes
npm valgrind python3 python3-venv curl ca-certificates kcat avro-bin"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "sitrep: installing Debian packages: $(echo $PKGS | tr '\n' ' ')" >&2
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PKGS >/dev/null
