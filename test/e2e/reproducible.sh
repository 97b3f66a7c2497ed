#!/usr/bin/env bash
# The same app built in two different directories, at different times, gives
# byte-identical images: hello, and the http-static website (whose site is
# baked into the image) for hosted and for Xen.
. "$(dirname "$0")/lib.sh"
for case in hello:hosted/x86_64 http-static:hosted/x86_64 http-static:xen/x86_64; do
	t=${case%%:*} target=${case#*:}
	rm -rf one two
	mkdir -p one/deep/path two
	"$UK" init one/deep/path/app --template "$t" >/dev/null
	"$UK" init two/app --template "$t" >/dev/null
	a=$("$UK" -C one/deep/path/app build --target "$target" | tail -n 1)
	sleep 1
	b=$(SOURCE_DATE_EPOCH=1 "$UK" -C two/app build --target "$target" | tail -n 1)
	cmp "$a" "$b" || fail "$t for $target: images differ"
	sha=$(sha256sum "$b" | cut -d' ' -f1)
	assert_contains "$(cat two/app/uk.lock)" "image: sha256:$sha" "$t's uk.lock"
done
