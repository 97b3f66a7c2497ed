#!/usr/bin/env bash
# TCP over a bad wire: 5 % of frames lost and 20 ms of delay, each way (a
# 40 ms round trip), between the image and Linux. The wire is uk-net-impair
# (test/net/impair.c: the kernels here have no sch_netem), with a fixed seed
# so that a failure replays. The image runs in a namespace of its own on
# TAP uk0; the wire joins uk0 to the TAP lx0 in the Linux namespace, which
# has 10.0.0.1. Over it:
#  - 50 MB of random data through the image's echo server (tcpprobe echo)
#    comes back intact (size and sha256), so both the image's sender and
#    its receiver recover from losses, in both directions at once;
#  - 200 connections at once (20 000 bytes each way) all complete.
# The counters show that the stack did recover: retransmissions, timeouts
# and out-of-order segments, and the wire's own count of lost frames.
. "$(dirname "$0")/netlib.sh"
IMPAIR=$1
command -v sha256sum >/dev/null || fail "net-tcp-lossy needs sha256sum"
command -v python3 >/dev/null || fail "net-tcp-lossy needs python3"
image=$(build_app tcpprobe)

IMAGE_NS="$NS-image"
netns_add "$IMAGE_NS"
imx() { ip netns exec "$IMAGE_NS" "$@"; }
imx ip tuntap add dev uk0 mode tap
imx ip link set uk0 up

ip netns exec "$IMAGE_NS" "$IMPAIR" --loss 5 --delay 20 --seed 1 uk0 lx0 "/run/netns/$NS" >"$WORK/impair.out" 2>&1 &
IMPAIR_PID=$!
BG_PIDS+=("$IMPAIR_PID")
for _ in $(seq 100); do
	nsx ip link show lx0 >/dev/null 2>&1 && break
	kill -0 "$IMPAIR_PID" 2>/dev/null || fail "the wire did not start: $(cat "$WORK/impair.out")"
	sleep 0.05
done
nsx ip addr add 10.0.0.1/24 dev lx0
nsx ip link set lx0 up

# Stops the wire and prints its report.
impair_stop() {
	kill "$IMPAIR_PID"
	wait "$IMPAIR_PID" || fail "the wire failed: $(cat "$WORK/impair.out")"
	BG_PIDS=()
	cat "$WORK/impair.out"
}

ms() { date +%s%3N; }
size=$((50 * 1024 * 1024))
# shellcheck disable=SC2034 # read by netlib.sh's image_start
IMAGE_TIMEOUT=900

# ---- 50 MB through the echo server ----
# (the image traces its connection every 10 s, for a failure's report)
image_start "$image" echo 1 880 10000
head -c "$size" /dev/urandom >"$WORK/in"
t0=$(ms)
nsx timeout 880 socat -b 65536 -t 60 -T 120 - tcp:10.0.0.2:7 <"$WORK/in" >"$WORK/out" ||
	fail "socat through the echo server failed; the image said:"$'\n'"$(cat "$IMAGE_OUT")"
t1=$(ms)
[ "$(stat -c %s "$WORK/out")" = "$size" ] ||
	fail "$(stat -c %s "$WORK/out") of $size bytes echoed after $((t1 - t0)) ms; the image said:"$'\n'"$(cat "$IMAGE_OUT")"$'\n'"the wire:"$'\n'"$(cat "$WORK/impair.out")"
assert_eq "$(sha256sum <"$WORK/out" | cut -d' ' -f1)" "$(sha256sum <"$WORK/in" | cut -d' ' -f1)" \
	"sha256 of the echo"
image_wait
assert_eq "$IMAGE_STATUS" 0 "status of the echo server"
assert_counter bytes "$size"
assert_counter tcp.in_use 0
assert_counter tcp.resets_received 0
awk -v b="$size" -v t=$((t1 - t0)) \
	'BEGIN { printf "echo of 50 MB over the lossy wire: sha256 ok, %.2f s, %.2f MB/s each way\n", t / 1000, b / 1048576 / (t / 1000) }'
for f in retransmits fast_recoveries timeouts rx_out_of_order rx_duplicate; do
	echo "tcp.$f=$(counter tcp.$f)"
done
[ "$(counter tcp.retransmits)" -gt 0 ] || fail "no retransmissions over a lossy wire"
[ "$(counter tcp.rx_out_of_order)" -gt 0 ] || fail "no out-of-order segments over a lossy wire"

# ---- 200 connections at once ----
n=200
image_start "$image" echo "$n" 600
many_connections "$n" 120 lossy
echo "tcp.retransmits=$(counter tcp.retransmits) tcp.timeouts=$(counter tcp.timeouts)"

impair_stop
lost=$(sed -n 's/^image->peer: .* lost=\([0-9]*\).*/\1/p' "$WORK/impair.out")
[ "${lost:-0}" -gt 0 ] || fail "the wire lost nothing"
