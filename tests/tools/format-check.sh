#!/bin/sh
# The layout rules every C source and header follows (the C files under
# worker/, codecs/, config/ and tests/): lines of at most 100 columns,
# spaces not tabs, no trailing blanks, /* */ comments only, a final
# newline. One "ok"/"not ok" line per rule; a failure lists the places
# (file:line), at most 20 of them.
#
# Usage: sh tests/tools/format-check.sh   (from anywhere in the checkout)
set -u
# Bytes, so that the column count below does not depend on the locale.
export LC_ALL=C
cd "$(dirname "$0")/../.."
files=$(find worker codecs config tests -name '*.[ch]' -type f | LC_ALL=C sort)
status=0

check() {
    # check NAME AWK-CONDITION: lines matching the condition break the rule.
    name=$1
    hits=$(awk "$2 { print FILENAME \":\" FNR }" $files)
    if [ -z "$hits" ]; then
        echo "ok - format: $name"
    else
        echo "not ok - format: $name ($(echo "$hits" | wc -l) lines)"
        echo "$hits" | head -n 20 | sed 's/^/#   /'
        status=1
    fi
}

# Columns are characters, not bytes: the sources hold UTF-8 in strings.
check "lines of at most 100 columns" \
    '{ line = $0; n = gsub(/[\200-\277]/, "", line) } length($0) - n > 100'
check "no tabs" '/\t/'
check "no trailing blanks" '/[ \t]$/'
check "/* */ comments only" '/^[ \t]*\/\//'

missing=""
for f in $files; do
    [ -s "$f" ] && [ -n "$(tail -c 1 "$f")" ] && missing="$missing $f"
done
if [ -z "$missing" ]; then
    echo "ok - format: files end with a newline"
else
    echo "not ok - format: files end with a newline:$missing"
    status=1
fi
exit $status
