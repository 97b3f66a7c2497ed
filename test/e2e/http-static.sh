#!/usr/bin/env bash
# The http server (libs/http, docs/http.md) against curl and raw requests,
# over a TAP in a network namespace, serving test/apps/httpprobe:
#  - every file of its site byte for byte, with its Content-Type, ETag,
#    Cache-Control (the app's Kconfig value), Accept-Ranges, and a Date in
#    IMF-fixdate near the host's clock;
#  - keep-alive (curl reuses one connection for several URLs: one accept),
#    pipelining (requests written at once, answered in order, complete),
#    HEAD (the GET's fields, no body), HTTP/1.0 without Host, a 1.1
#    request without Host (400, closed);
#  - If-None-Match (304, no body), ranges (206, suffix, 416 with
#    "bytes */len", several ranges: 200, If-Range), the gzip variant
#    (--compressed, Vary, its own ETag; q=0 and identity get the plain
#    bytes), folders (index.html, 301 keeping the query), the 404 page,
#    405 with Allow, 501;
#  - the dynamic routes: a body echoed (Content-Length, chunked, after
#    100-continue; 413 beyond HTTP_MAX_BODY), header values as parsed,
#    a streamed body (Content-Length and chunked);
#  - traversals (dot segments, encoded, double-encoded, NUL, backslash):
#    nothing above the site, 400 or 404 as docs/http.md says, and a corpus
#    of malformed requests: each its status and a close, a normal request
#    served after each (http-malformed.py);
#  - and the counters of all that, then the server's own report at its end.
. "$(dirname "$0")/netlib.sh"
command -v curl >/dev/null || fail "http tests need curl"
command -v cc >/dev/null || fail "http-static needs a C compiler (for the stream generator)"
cc -O2 -o "$WORK/gen" "$UK_SRC/test/e2e/xorshift.c"
image=$(build_app httpprobe)
site=$UK_SRC/test/apps/httpprobe/site
wire_py=$UK_SRC/test/e2e/http_wire.py
tap_precreate
image_start "$image" 110
url=http://10.0.0.2

# curl; $WORK/got goes first, so that a response with no body leaves none
cget() {
	rm -f "$WORK/got"
	nsx timeout 20 curl -sS "$@"
}
# Writes the printf-escaped request $1 to $WORK/req, sends it raw and prints
# the parsed responses (http_wire.py); bodies in $WORK/body/N.
wire() {
	rm -rf "$WORK/body"
	mkdir -p "$WORK/body"
	printf '%b' "$1" >"$WORK/req"
	nsx timeout 30 python3 "$wire_py" 10.0.0.2 "$WORK/req" "$WORK/body"
}
# The value of field $2 (lower case) in headers file $1 (curl -D).
field() { tr -d '\r' <"$1" | sed -n "s/^$2: //Ip" | head -n 1; }
status() { head -n 1 "$1" | cut -d' ' -f2; }
# Reads the server's counters into $WORK/ctr.N; ctr N NAME prints one.
snap() { cget -o "$WORK/ctr.$1" "$url/counters"; }
ctr() { sed -n "s/^$2=//p" "$WORK/ctr.$1"; }
delta() { echo $(($(ctr "$2" "$3") - $(ctr "$1" "$3"))); }

# A line on what passed, with the seconds it took.
said() {
	echo "$* ($((SECONDS - said_at)) s)"
	said_at=$SECONDS
}
said_at=$SECONDS
snap 0

# ---- every file, its type and fields ----
declare -A type=(
	[index.html]="text/html; charset=utf-8" [folder/index.html]="text/html; charset=utf-8"
	[404.html]="text/html; charset=utf-8" [style.css]="text/css; charset=utf-8"
	[app.js]="text/javascript; charset=utf-8" [data.json]="application/json"
	[big.txt]="text/plain; charset=utf-8" [blob.bin]="application/octet-stream"
	[image.png]="image/png"
)
mapfile -t files < <(cd "$site" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
assert_eq "${#files[@]}" "${#type[@]}" "files in the site"
for f in "${files[@]}"; do
	cget -D "$WORK/h" -o "$WORK/got" "$url/$f"
	assert_eq "$(status "$WORK/h")" 200 "status of /$f"
	cmp -s "$site/$f" "$WORK/got" || fail "GET /$f differs from site/$f"
	assert_eq "$(field "$WORK/h" content-type)" "${type[$f]}" "Content-Type of /$f"
	assert_eq "$(field "$WORK/h" content-length)" "$(stat -c %s "$site/$f")" "length of /$f"
	assert_eq "$(field "$WORK/h" cache-control)" "public, max-age=60" "Cache-Control of /$f"
	assert_eq "$(field "$WORK/h" accept-ranges)" bytes "Accept-Ranges of /$f"
	[[ "$(field "$WORK/h" etag)" =~ ^\"[0-9a-f]+\"$ ]] || fail "ETag of /$f: $(field "$WORK/h" etag)"
done
said "every file: bytes, type, length, ETag, Cache-Control: ok"
date_re='^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$'
d=$(field "$WORK/h" date)
[[ "$d" =~ $date_re ]] || fail "Date is not an IMF-fixdate: '$d'"
skew=$(($(date -u +%s) - $(date -u -d "$d" +%s)))
[ "${skew#-}" -le 5 ] || fail "Date '$d' is $skew s from the host's clock"
said "Date: $d"

# ---- keep-alive: three URLs, one connection ----
cget -v -o /dev/null -o /dev/null -o /dev/null "$url/index.html" "$url/style.css" \
	"$url/big.txt" 2>"$WORK/v"
assert_eq "$(grep -c 'Re-using existing connection' "$WORK/v")" 2 "connections curl reused"
snap 1
assert_eq "$(delta 0 1 http.conns_accepted)" $((${#files[@]} + 2)) "connections accepted"
said "keep-alive: 3 requests on one connection"

# ---- pipelining: written at once, answered in order ----
out=$(wire "GET /style.css HTTP/1.1\r\nHost: a\r\n\r\nHEAD /big.txt HTTP/1.1\r\nHost: a\r\n\r\nGET /blob.bin HTTP/1.1\r\nHost: a\r\n\r\nGET /missing HTTP/1.1\r\nHost: a\r\n\r\nGET /app.js HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
assert_eq "$(grep '^response' <<<"$out" | tr '\n' ' ')" \
	"response 1: 200 response 2: 200 response 3: 200 response 4: 404 response 5: 200 " \
	"pipelined responses"
assert_contains "$out" "end: closed" "the pipeline's end"
assert_not_contains "$out" "trailing:" "the pipeline's end"
cmp -s "$site/style.css" "$WORK/body/1" || fail "pipelined /style.css differs"
assert_eq "$(stat -c %s "$WORK/body/2")" 0 "pipelined HEAD's body"
cmp -s "$site/blob.bin" "$WORK/body/3" || fail "pipelined /blob.bin differs"
cmp -s "$site/404.html" "$WORK/body/4" || fail "pipelined 404 page differs"
cmp -s "$site/app.js" "$WORK/body/5" || fail "pipelined /app.js differs"
req="GET /big.txt HTTP/1.1\r\nHost: a\r\n\r\n"
out=$(wire "$req$req$req$req$req$req$req$req$req${req%\\r\\n}Connection: close\r\n\r\n")
assert_contains "$out" "response 10: 200"$'\n' "ten pipelined requests of 39 KB"
assert_not_contains "$out" "response 11:" "ten pipelined requests of 39 KB"
assert_contains "$out" "end: closed" "ten pipelined requests of 39 KB"
for i in $(seq 10); do
	cmp -s "$site/big.txt" "$WORK/body/$i" || fail "pipelined big.txt number $i differs"
done
said "pipelining: 5 requests at once, 5 responses in order; 10 of 39 KB, sent before reading"

# ---- HEAD: the GET's fields, no body ----
cget -D "$WORK/hg" -o /dev/null "$url/big.txt"
cget -I -o "$WORK/hh" "$url/big.txt"
assert_eq "$(grep -vi '^date:' "$WORK/hh")" "$(grep -vi '^date:' "$WORK/hg")" "HEAD's fields"
out=$(wire "HEAD /blob.bin HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
assert_contains "$out" "content-length: 5000" "HEAD /blob.bin"
assert_contains "$out" "body: 0"$'\n'"end: closed" "HEAD /blob.bin"
out=$(wire "HEAD /stream/1000000 HTTP/1.1\r\nHost: a\r\n\r\nHEAD /stream/9?chunked HTTP/1.1\r\nHost: a\r\n\r\nGET /app.js HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
assert_contains "$out" "content-length: 1000000"$'\n'"body: 0" "HEAD of a stream"
assert_contains "$out" "transfer-encoding: chunked"$'\n'"body: 0" "HEAD of a chunked stream"
assert_contains "$out" "response 3: 200" "a GET after HEADs of streams"
assert_not_contains "$out" "trailing:" "HEADs of streams"
cmp -s "$site/app.js" "$WORK/body/3" || fail "the GET after HEADs of streams differs"
said "HEAD: same fields, no body"

# ---- HTTP/1.0, Host ----
out=$(wire "GET /style.css HTTP/1.0\r\n\r\n")
assert_contains "$out" "response 1: 200" "HTTP/1.0 without Host"
assert_contains "$out" "end: closed" "HTTP/1.0 without Host"
cmp -s "$site/style.css" "$WORK/body/1" || fail "HTTP/1.0 /style.css differs"
out=$(wire "GET /style.css HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /app.js HTTP/1.0\r\n\r\n")
assert_contains "$out" "connection: keep-alive" "HTTP/1.0 keep-alive"
assert_contains "$out" "response 2: 200" "HTTP/1.0 keep-alive"
cmp -s "$site/app.js" "$WORK/body/2" || fail "HTTP/1.0 keep-alive's second response differs"
cget --http1.0 -o "$WORK/got" "$url/blob.bin"
cmp -s "$site/blob.bin" "$WORK/got" || fail "curl --http1.0 /blob.bin differs"
out=$(wire "GET /style.css HTTP/1.1\r\n\r\n")
assert_contains "$out" "response 1: 400" "HTTP/1.1 without Host"
assert_contains "$out" "end: closed" "HTTP/1.1 without Host"
out=$(wire "GET /style.css HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")
assert_contains "$out" "response 1: 400" "HTTP/1.1 with two Hosts"
said "HTTP/1.0 without Host: 200; HTTP/1.1 without Host: 400"

# ---- conditional ----
etag=$(field "$WORK/hg" etag)
assert_eq "$(cget -D "$WORK/h" -o /dev/null -w '%{size_download}' -H "If-None-Match: $etag" \
	"$url/big.txt")" 0 "a 304's body"
assert_eq "$(status "$WORK/h")" 304 "If-None-Match with the ETag"
assert_eq "$(field "$WORK/h" etag)" "$etag" "a 304's ETag"
assert_eq "$(field "$WORK/h" cache-control)" "public, max-age=60" "a 304's Cache-Control"
assert_eq "$(field "$WORK/h" vary)" "Accept-Encoding" "a 304's Vary"
for inm in "\"x\", W/$etag" '*'; do
	assert_eq "$(cget -o /dev/null -w '%{http_code}' -H "If-None-Match: $inm" "$url/big.txt")" \
		304 "If-None-Match: $inm"
done
assert_eq "$(cget -o "$WORK/got" -w '%{http_code}' -H 'If-None-Match: "nope"' "$url/big.txt")" \
	200 "If-None-Match with another tag"
cmp -s "$site/big.txt" "$WORK/got" || fail "the 200 after If-None-Match differs"
out=$(wire "GET /big.txt HTTP/1.1\r\nHost: a\r\nIf-None-Match: $etag\r\nConnection: close\r\n\r\n")
assert_contains "$out" "body: 0"$'\n'"end: closed" "a 304 on the wire"
said "conditional: 304 with no body"

# ---- ranges ----
range() { # RANGE-HEADER: status and Content-Range; the body in $WORK/got
	cget -D "$WORK/h" -o "$WORK/got" "${@:2}" -H "Range: $1" "$url/blob.bin"
	echo "$(status "$WORK/h") $(field "$WORK/h" content-range)"
}
part() { tail -c +$(($1 + 1)) "$site/blob.bin" | head -c "$2"; }
assert_eq "$(range bytes=0-99)" "206 bytes 0-99/5000" "Range 0-99"
cmp -s <(part 0 100) "$WORK/got" || fail "the bytes of Range 0-99"
assert_eq "$(range bytes=1000-1999)" "206 bytes 1000-1999/5000" "Range 1000-1999"
cmp -s <(part 1000 1000) "$WORK/got" || fail "the bytes of Range 1000-1999"
assert_eq "$(range bytes=4990-)" "206 bytes 4990-4999/5000" "Range 4990-"
cmp -s <(part 4990 10) "$WORK/got" || fail "the bytes of Range 4990-"
assert_eq "$(range bytes=-100)" "206 bytes 4900-4999/5000" "suffix Range -100"
cmp -s <(part 4900 100) "$WORK/got" || fail "the bytes of Range -100"
assert_eq "$(range bytes=4000-9999)" "206 bytes 4000-4999/5000" "Range past the end"
cmp -s <(part 4000 1000) "$WORK/got" || fail "the bytes of Range 4000-9999"
assert_eq "$(range bytes=5000-)" "416 bytes */5000" "Range 5000-"
assert_eq "$(range bytes=9000-9999)" "416 bytes */5000" "Range 9000-9999"
assert_eq "$(range bytes=0-1,10-20)" "200 " "two ranges"
cmp -s "$site/blob.bin" "$WORK/got" || fail "the 200 for two ranges differs"
assert_eq "$(range bytes=0-9 -H 'If-Range: "other"')" "200 " "If-Range with another tag"
cmp -s "$site/blob.bin" "$WORK/got" || fail "the 200 for If-Range differs"
tag=$(field "$WORK/h" etag)
assert_eq "$(range bytes=0-9 -H "If-Range: $tag")" "206 bytes 0-9/5000" "If-Range with the ETag"
said "ranges: 206, suffix, 416, several: 200, If-Range"

# ---- gzip ----
cget --compressed -D "$WORK/h" -o "$WORK/got" "$url/big.txt"
cmp -s "$site/big.txt" "$WORK/got" || fail "big.txt --compressed differs"
assert_eq "$(field "$WORK/h" content-encoding)" gzip "Content-Encoding with --compressed"
assert_eq "$(field "$WORK/h" vary)" Accept-Encoding "Vary with --compressed"
gz_len=$(field "$WORK/h" content-length)
[ "$gz_len" -lt "$(stat -c %s "$site/big.txt")" ] || fail "the gzip variant is $gz_len bytes"
assert_eq "$(field "$WORK/h" etag)" "${etag%\"}-gz\"" "the gzip variant's ETag"
cget -H 'Accept-Encoding: gzip' -o "$WORK/got.gz" "$url/big.txt"
cmp -s "$site/big.txt" <(gzip -dc "$WORK/got.gz") || fail "the raw gzip variant does not gunzip"
for ae in 'gzip;q=0' identity 'br, deflate' 'gzip;q=0, *;q=0.5'; do
	cget -D "$WORK/h" -o "$WORK/got" -H "Accept-Encoding: $ae" "$url/big.txt"
	cmp -s "$site/big.txt" "$WORK/got" || fail "big.txt with Accept-Encoding: $ae differs"
	assert_eq "$(field "$WORK/h" content-encoding)" "" "Content-Encoding for '$ae'"
	assert_eq "$(field "$WORK/h" vary)" Accept-Encoding "Vary for '$ae'"
done
for ae in 'x-gzip' '*' 'br;q=1, gzip;q=0.1'; do
	cget -D "$WORK/h" -o /dev/null -H "Accept-Encoding: $ae" "$url/big.txt"
	assert_eq "$(field "$WORK/h" content-encoding)" gzip "Content-Encoding for '$ae'"
done
cget --compressed -D "$WORK/h" -o "$WORK/got" "$url/blob.bin"
cmp -s "$site/blob.bin" "$WORK/got" || fail "blob.bin --compressed differs"
assert_eq "$(field "$WORK/h" content-encoding)$(field "$WORK/h" vary)" "" \
	"Content-Encoding and Vary of a file with no variant"
said "gzip: the variant when asked ($gz_len bytes), the plain bytes otherwise"

# ---- folders, 404, methods ----
cget -o "$WORK/got" "$url/"
cmp -s "$site/index.html" "$WORK/got" || fail "/ is not index.html"
cget -o "$WORK/got" "$url/folder/"
cmp -s "$site/folder/index.html" "$WORK/got" || fail "/folder/ is not folder/index.html"
assert_eq "$(cget -o /dev/null -w '%{http_code} %{redirect_url}' "$url/folder")" \
	"301 $url/folder/" "the folder's redirect"
assert_eq "$(cget -o /dev/null -w '%{http_code} %{redirect_url}' "$url/folder?a=1&b")" \
	"301 $url/folder/?a=1&b" "the folder's redirect with a query"
assert_eq "$(cget -L -o "$WORK/got" -w '%{http_code}' "$url/folder")" 200 "following the redirect"
cmp -s "$site/folder/index.html" "$WORK/got" || fail "the redirect's target differs"
for p in missing folder/missing.html big.txt/ folder/index.html/x; do
	assert_eq "$(cget -o "$WORK/got" -w '%{http_code}' "$url/$p")" 404 "/$p"
	cmp -s "$site/404.html" "$WORK/got" || fail "the 404 page of /$p is not site/404.html"
done
for m in DELETE PUT POST OPTIONS PATCH; do
	cget -X "$m" -D "$WORK/h" -o /dev/null "$url/index.html"
	assert_eq "$(status "$WORK/h") $(field "$WORK/h" allow)" "405 GET, HEAD" "$m on a file"
done
cget -X DELETE -D "$WORK/h" -o /dev/null "$url/echo"
assert_eq "$(status "$WORK/h") $(field "$WORK/h" allow)" "405 GET, HEAD, POST" "DELETE on /echo"
assert_eq "$(cget -X BREW -o /dev/null -w '%{http_code}' "$url/")" 501 "an unknown method"
said "folders, 404 page, 405 with Allow, 501"

# ---- dynamic routes ----
head -c 4096 /dev/urandom >"$WORK/body4k"
cget --data-binary @"$WORK/body4k" -o "$WORK/got" "$url/echo"
cmp -s "$WORK/body4k" "$WORK/got" || fail "the echo of 4096 bytes differs"
cget --data-binary @"$WORK/body4k" -H 'Transfer-Encoding: chunked' -o "$WORK/got" "$url/echo"
cmp -s "$WORK/body4k" "$WORK/got" || fail "the echo of a chunked body differs"
cget -v --data-binary @"$WORK/body4k" -H 'Expect: 100-continue' -o "$WORK/got" "$url/echo" \
	2>"$WORK/v"
cmp -s "$WORK/body4k" "$WORK/got" || fail "the echo after 100-continue differs"
grep -q '^< HTTP/1.1 100 Continue' "$WORK/v" || fail "no 100 Continue:"$'\n'"$(cat "$WORK/v")"
out=$(wire "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n0A\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\nGET /style.css HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
assert_contains "$out" "response 1: 200" "a chunked body on the wire"
assert_eq "$(cat "$WORK/body/1")" abc0123456789 "the echo of a chunked body with a trailer"
assert_contains "$out" "response 2: 200" "the request after a chunked body"
head -c 4097 /dev/urandom >"$WORK/body4097"
assert_eq "$(cget --data-binary @"$WORK/body4097" -o /dev/null -w '%{http_code}' "$url/echo")" 413 \
	"a body of 4097 bytes"
assert_eq "$(cget --data-binary @"$WORK/body4097" -H 'Transfer-Encoding: chunked' -o /dev/null \
	-w '%{http_code}' "$url/echo")" 413 "a chunked body of 4097 bytes"
assert_eq "$(cget -H 'X-Probe:   a value  ' "$url/header/x-PROBE")" "a value" "a header's value"
out=$(wire "GET /header/x-two HTTP/1.1\r\nHost: a\r\nX-Two: first\r\nx-two: second\r\nConnection: close\r\n\r\n")
assert_eq "$(cat "$WORK/body/1")" first "a repeated header's value"
assert_eq "$(cget -o /dev/null -w '%{http_code}' "$url/header/x-none")" 404 "an absent header"
for q in "" "?chunked"; do
	cget -D "$WORK/h" -o "$WORK/got" "$url/stream/100000$q"
	assert_eq "$(stat -c %s "$WORK/got")" 100000 "bytes of /stream/100000$q"
	assert_eq "$(sha256sum <"$WORK/got")" "$("$WORK/gen" 100000 | sha256sum)" \
		"sha256 of /stream/100000$q"
done
assert_eq "$(field "$WORK/h" transfer-encoding)" chunked "the unknown length's framing"
said "routes: echo (length, chunked, 100-continue, 413), headers, streams"
snap 2

# ---- traversals and malformed requests (http-malformed.py) ----
nsx timeout 150 python3 "$UK_SRC/test/e2e/http-malformed.py" 10.0.0.2 "$WORK/expect" ||
	fail "traversals and malformed requests; the image said:"$'\n'"$(cat "$IMAGE_OUT")"
snap 4
while read -r name n; do
	assert_eq "$(delta 2 4 "http.$name")" "$n" "counter http.$name after the malformed requests"
done <"$WORK/expect"
said "traversals and malformed requests: their counters"

# ---- the counters of it all ----
assert_eq "$(ctr 4 http.conns_active)" 1 "connections active (the counters' own)"
assert_eq "$(ctr 4 http.in_pool)" 1 "connections in the pool (the counters' own)"
assert_eq "$(ctr 4 http.handler_errors)" 0 "handler errors"
assert_eq "$(ctr 4 http.not_modified)" 4 "304s"
assert_eq "$(ctr 4 http.partial)" 6 "206s"
assert_eq "$(ctr 4 http.gzip)" 5 "responses with the gzip variant"
cget "$url/stop" >/dev/null
image_wait
assert_eq "$IMAGE_STATUS" 0 "the server's status; it said:"$'\n'"$(cat "$IMAGE_OUT")"
assert_counter http.conns_active 0
assert_counter http.in_pool 0
assert_counter tcp.in_use 0
assert_counter alloc.used_bytes 0
assert_counter http.header_timeouts 0
assert_counter http.requests $(($(ctr 4 http.requests) + 1))
said "requests: $(counter http.requests), connections: $(counter http.conns_accepted)," \
	"4xx: $(counter http.responses.4xx), 5xx: $(counter http.responses.5xx)"
