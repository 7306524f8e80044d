#!/bin/sh
# Installs what `make fuzz` needs and the default build does not: Debian's
# clang and its compiler-rt (libFuzzer, ASan, UBSan runtimes). Does nothing
# when clang can already link a libFuzzer target, so it is quick to run
# every time. Uses sudo when not root.
set -eu

probe() {
    dir=$(mktemp -d)
    printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
        'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
        'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)' \
        '{ (void)d; (void)n; return 0; }' > "$dir/p.c"
    ok=1
    ${CLANG:-clang} -fsanitize=fuzzer,address,undefined -o "$dir/p" \
        "$dir/p.c" >/dev/null 2>&1 || ok=0
    rm -rf "$dir"
    [ "$ok" = 1 ]
}

if command -v "${CLANG:-clang}" >/dev/null 2>&1 && probe; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "sitrep: installing Debian packages: clang libclang-rt-dev" >&2
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends clang libclang-rt-dev >/dev/null
if ! probe; then
    echo "sitrep: ${CLANG:-clang} cannot link -fsanitize=fuzzer" >&2
    exit 1
fi
