#!/usr/bin/env bash
# assets: a folder baked into a hosted image (test/apps/assets). Every
# file's bytes, content type and ETag as the image serves them, gzip
# variants that inflate back, a hostile name, folders; a no-op rebuild, a
# changed asset rebuilt, the same bytes from another directory, uk size.
. "$(dirname "$0")/lib.sh"
cp -r "$UK_SRC/test/apps/assets" app
cd app || exit
mkdir -p site/css site/img site/docs
for i in $(seq 200); do echo "<p>line $i of the index</p>"; done >site/index.html
printf 'body { margin: 0 auto; max-width: 40em; }\n%.0s' $(seq 30) >site/css/site.css
head -c 3000 /dev/urandom >site/img/logo.png
: >site/docs/empty.txt
hostile=$'we"ird $na\\me \xff.txt'
printf 'hostile\n' >"site/$hostile"
# A 1 MiB text file: its bytes reach the image without clang parsing them.
seq 1 200000 >big.src
head -c 1048576 big.src >site/big.txt
start=$(date +%s%N)
"$UK" build >build.out 2>&1 || { cat build.out; fail "build failed"; }
ms=$((($(date +%s%N) - start) / 1000000))
echo "first build with a 1 MiB asset: $ms ms"
img=build/hosted-x86_64/assets
list=$("$img" list)
printf '%s\n' "$list"
assert_eq "$(printf '%s\n' "$list" | wc -l)" 6 "files listed"
# Sorted by key (bytes, as strcmp).
assert_eq "$(printf '%s\n' "$list" | cut -d'|' -f1 | LC_ALL=C sort -c && echo sorted)" sorted "order"

# check KEY FILE TYPE GZIP(yes|no): one file as the image holds it.
check() {
	local line etag
	line=$(printf "%s\n" "$list" | grep -aF "$1|") || fail "no $1 in the list"
	assert_eq "$(cut -d'|' -f2 <<<"$line")" "$(stat -c %s "$2")" "length of $1"
	assert_eq "$(cut -d'|' -f3 <<<"$line")" "$3" "type of $1"
	etag="\"$(sha256sum <"$2" | cut -d" " -f1)\""
	assert_eq "$(cut -d'|' -f4 <<<"$line")" "$etag" "etag of $1"
	"$img" get "$1" >got || fail "get $1"
	cmp got "$2" || fail "bytes of $1 differ"
	if [ "$4" = yes ]; then
		[ "$(cut -d'|' -f5 <<<"$line")" -gt 0 ] || fail "no gzip for $1"
		"$img" gz "$1" >got.gz || fail "gz $1"
		gzip -dc got.gz | cmp - "$2" || fail "the gzip of $1 does not inflate back"
		# mtime 0 and OS 3 (Unix) in the header, whoever builds it.
		assert_eq "$(od -An -tx1 -N10 got.gz | tr -d ' ')" 1f8b0800000000000203 "gzip header of $1"
	else
		assert_eq "$(cut -d'|' -f5 <<<"$line")" 0 "gzip length of $1"
	fi
}
check /index.html site/index.html "text/html; charset=utf-8" yes
check /css/site.css site/css/site.css "text/css; charset=utf-8" yes
check /img/logo.png site/img/logo.png image/png no
check /docs/empty.txt site/docs/empty.txt "text/plain; charset=utf-8" no
check "/$hostile" "site/$hostile" "text/plain; charset=utf-8" no
check /big.txt site/big.txt "text/plain; charset=utf-8" yes
"$img" get /nothing && fail "found /nothing"
assert_eq "$("$img" dir /docs)" 1 "/docs is a folder"
assert_eq "$("$img" dir /)" 1 "/ is a folder"
assert_eq "$("$img" dir /index.html)" 0 "/index.html is a file"

# No absolute path of the build reaches the image.
if grep -aqF "$WORK" "$img"; then fail "the image holds the build's path"; fi

# A no-op rebuild does nothing; a changed asset rebuilds the data.
second=$("$UK" build)
assert_contains "$second" "ninja: no work to do."
echo "<p>changed</p>" >site/index.html
third=$("$UK" build)
assert_contains "$third" "CC uk_assets_data.S"
assert_not_contains "$third" "CC libs/"
"$img" get /index.html | cmp - site/index.html || fail "the changed file is not served"

# The same app in another directory, at another time: the same image.
mkdir -p "$WORK/elsewhere/deeper"
cp -r "$WORK/app" "$WORK/elsewhere/deeper/app"
rm -rf "$WORK/elsewhere/deeper/app/build"
sleep 1
(cd "$WORK/elsewhere/deeper/app" && SOURCE_DATE_EPOCH=1 "$UK" build >/dev/null)
cmp "$img" "$WORK/elsewhere/deeper/app/build/hosted-x86_64/assets" || fail "images differ"

# uk size: the assets' bytes apart from code, in text and JSON.
size=$("$UK" size)
assert_contains "$size" "assets: 6 files,"
printf '%s\n' "$size" | grep -Eq '^\(assets\) +0 +[0-9]+ +0 +0 ' || fail "no (assets) row"
"$UK" size --json >size.json
python3 - size.json site <<'PY' || fail "sizes.assets is wrong"
import json, os, sys
a = json.load(open(sys.argv[1]))["sizes"]["assets"]
raw = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(sys.argv[2].encode()) for f in fs)
assert a["files"] == 6 and a["bytes"] == raw and 0 < a["gzip_bytes"] < raw, a
PY
