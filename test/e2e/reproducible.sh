#!/usr/bin/env bash
# The same app built in two different directories, at different times, gives
# byte-identical images.
. "$(dirname "$0")/lib.sh"
mkdir -p one/deep/path two
"$UK" init one/deep/path/app >/dev/null
"$UK" init two/app >/dev/null
a=$("$UK" -C one/deep/path/app build | tail -n 1)
sleep 1
b=$(SOURCE_DATE_EPOCH=1 "$UK" -C two/app build | tail -n 1)
cmp "$a" "$b" || fail "images differ"
sha=$(sha256sum "$b" | cut -d' ' -f1)
assert_contains "$(cat two/app/uk.lock)" "image: sha256:$sha" "uk.lock"
