#!/usr/bin/env bash
# The http server (libs/http, docs/http.md) under load and against slow
# clients, over a TAP in a network namespace, serving test/apps/httpprobe
# (48 MiB of memory, header timeout 2 s, idle timeout 3 s, 512 connections):
#  - a streamed response of 100 MB (and 10 MB chunked), sha256 checked
#    against the same stream made here, while the heap's peak stays under
#    1 MiB: the stream is produced as tcp has room, never buffered;
#  - a client that drops a stream midway: the connection is freed;
#  - slow clients (http-load.py slow): heads a byte a second reset after
#    HTTP_HEADER_TIMEOUT_S, an idle keep-alive connection and a silent one
#    closed after HTTP_IDLE_TIMEOUT_S, a stalled body and a peer that does
#    not read reset after it, other clients served meanwhile; the counters
#    say so and the pool is empty after;
#  - 500 connections open at once, each fetching a file and checking it;
#    all served, none refused, and the pool back to empty; with the pool of
#    512 full, one more gets a 503;
#  - at the end, the heap back to what it was: nothing leaked.
. "$(dirname "$0")/netlib.sh"
command -v curl >/dev/null || fail "http tests need curl"
command -v cc >/dev/null || fail "http-load needs a C compiler (for the stream generator)"
image=$(build_app httpprobe)
site=$UK_SRC/test/apps/httpprobe/site
load_py=$UK_SRC/test/e2e/http-load.py
tap_precreate
image_start "$image" 110
url=http://10.0.0.2

said() {
	echo "$* ($((SECONDS - said_at)) s)"
	said_at=$SECONDS
}
said_at=$SECONDS
snap() { nsx timeout 20 curl -sS -o "$WORK/ctr.$1" "$url/counters"; }
ctr() { sed -n "s/^$2=//p" "$WORK/ctr.$1"; }
# Waits (5 s at most) until only the counters' own connection is in the
# pool; the counters then in $WORK/ctr.$1.
pool_drained() {
	for _ in $(seq 50); do
		snap "$1"
		[ "$(ctr "$1" http.in_pool)" = 1 ] && return 0
		sleep 0.1
	done
	fail "the pool still holds $(ctr "$1" http.in_pool) connections"
}

# httpprobe's stream: xorshift32 from 1, its low bytes
cc -O2 -o "$WORK/gen" "$UK_SRC/test/e2e/xorshift.c"

# ---- 100 MB streamed ----
snap 0
size=$((100 * 1024 * 1024))
t0=$(date +%s%3N)
nsx timeout 100 curl -sS -D "$WORK/h" "$url/stream/$size" | sha256sum >"$WORK/got.sha" ||
	fail "the 100 MB stream failed; the image said:"$'\n'"$(cat "$IMAGE_OUT")"
t1=$(date +%s%3N)
assert_eq "$(tr -d '\r' <"$WORK/h" | sed -n 's/^content-length: //Ip')" "$size" "the stream's length"
assert_eq "$(cut -d' ' -f1 "$WORK/got.sha")" "$("$WORK/gen" "$size" | sha256sum | cut -d' ' -f1)" \
	"sha256 of the 100 MB stream"
rate=$(awk -v b="$size" -v t=$((t1 - t0)) 'BEGIN { printf "%.1f MB/s", b / 1048576 / (t / 1000) }')
chunked=$((10 * 1024 * 1024 + 7))
nsx timeout 60 curl -sS -D "$WORK/h" "$url/stream/$chunked?chunked" | sha256sum >"$WORK/got.sha"
assert_eq "$(tr -d '\r' <"$WORK/h" | sed -n 's/^transfer-encoding: //Ip')" chunked \
	"the chunked stream's framing"
assert_eq "$(cut -d' ' -f1 "$WORK/got.sha")" "$("$WORK/gen" "$chunked" | sha256sum | cut -d' ' -f1)" \
	"sha256 of the chunked stream"
snap 1
peak=$(ctr 1 alloc.peak_used_bytes)
[ "$peak" -lt $((1024 * 1024)) ] || fail "the heap's peak was $peak bytes during the streams"
assert_eq "$(($(ctr 1 http.body_bytes) - $(ctr 0 http.body_bytes)))" \
	"$((size + chunked + $(stat -c %s "$WORK/ctr.0")))" "body bytes of the streams"
said "100 MB streamed at $rate, 10 MB chunked: sha256 ok, the heap's peak $peak bytes"

nsx timeout 30 python3 "$load_py" 10.0.0.2 abort
pool_drained 2
assert_eq "$(ctr 2 http.peer_resets)" 1 "peer resets after the dropped stream"
said "a stream dropped midway: its connection freed"

# ---- slow clients ----
nslow=20
nsx timeout 60 python3 "$load_py" 10.0.0.2 slow "$nslow" ||
	fail "slow clients; the image said:"$'\n'"$(cat "$IMAGE_OUT")"
pool_drained 3
assert_eq "$(($(ctr 3 http.header_timeouts) - $(ctr 2 http.header_timeouts)))" "$nslow" \
	"header timeouts"
assert_eq "$(($(ctr 3 http.idle_timeouts) - $(ctr 2 http.idle_timeouts)))" 4 "idle timeouts"
assert_eq "$(ctr 3 http.conns_active)" 1 "connections active after the slow clients"
said "slow clients: $nslow heads reset, 4 idle connections ended, others served meanwhile"

# ---- 500 connections at once ----
n=500
nsx timeout 100 python3 "$load_py" 10.0.0.2 many "$n" "$site" ||
	fail "$n connections; the image said:"$'\n'"$(cat "$IMAGE_OUT")"
pool_drained 4
assert_eq "$(ctr 4 http.conns_rejected)" 0 "connections refused"
for c in 4xx 5xx; do
	assert_eq "$(($(ctr 4 http.responses.$c) - $(ctr 3 http.responses.$c)))" 0 "$c responses"
done
[ $(($(ctr 4 http.responses.2xx) - $(ctr 3 http.responses.2xx))) -gt "$n" ] ||
	fail "fewer than $n responses"
assert_eq "$(ctr 4 http.handler_errors)" 0 "handler errors"
said "$n connections at once, every file right, the pool empty after"

nsx timeout 30 python3 "$load_py" 10.0.0.2 full 512
pool_drained 5
assert_eq "$(($(ctr 5 http.conns_rejected) - $(ctr 4 http.conns_rejected)))" 1 "connections refused"
said "the pool full: one more connection gets a 503"

nsx timeout 20 curl -sS -o /dev/null "$url/stop"
image_wait
assert_eq "$IMAGE_STATUS" 0 "the server's status; it said:"$'\n'"$(cat "$IMAGE_OUT")"
assert_counter http.in_pool 0
assert_counter tcp.in_use 0
assert_counter http.conns_active 0
assert_counter alloc.used_bytes 0
assert_counter alloc.failures 0
echo "heap's peak: $(counter alloc.peak_used_bytes) bytes of $(counter alloc.heap_bytes)"
