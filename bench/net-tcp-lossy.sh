#!/usr/bin/env bash
# TCP over a lossy wire: uk's stack against Linux's, over the same wire in
# the same run. The wire is test/net/impair.c (5 % of frames lost, 20 ms of
# delay, each way, the same seed for both), between socat in one namespace
# and, in another, either uk's tcpprobe echo server (on a TAP the wire reads
# with AF_PACKET) or Linux's own stack with bench/tcp-echo-server.c (on a
# TAP the wire owns: --image-tap). socat sends SIZE MB of random data
# through the echo server and checks what comes back. Linux runs once per
# congestion control a namespace may use (reno and bbr here), set on both
# of its ends; uk's peer (socat's side) uses reno, like uk. Results:
# docs/perf.md.
# usage: bench/net-tcp-lossy.sh [UK] [SIZE_MB]  (default build/uk, 10; needs root)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
export UK=${1:-$root/build/uk} UK_SRC=$root WORK
mb=${2:-10}
. "$root/test/e2e/netlib.sh"
size=$((mb * 1024 * 1024))
cc -O2 -o "$WORK/impair" "$root/test/net/impair.c"
cc -O2 -o "$WORK/echo-server" "$root/bench/tcp-echo-server.c"
image=$(build_app tcpprobe)
head -c "$size" /dev/urandom >"$WORK/in"
ms() { date +%s%3N; }

# wire SIDE_NS [--image-tap]: starts the wire between uk0 in SIDE_NS and lx0
# (10.0.0.1) in NS.
wire() {
	ip netns exec "$1" "$WORK/impair" --loss 5 --delay 20 --seed 1 ${2:-} uk0 lx0 \
		"/run/netns/$NS" >"$WORK/wire.out" 2>&1 &
	BG_PIDS+=($!)
	for _ in $(seq 100); do
		nsx ip link show lx0 >/dev/null 2>&1 && break
		sleep 0.05
	done
	nsx ip addr add 10.0.0.1/24 dev lx0
	nsx ip link set lx0 up
}

wire_stop() {
	kill "${BG_PIDS[-1]}"
	wait "${BG_PIDS[-1]}" || true
	unset 'BG_PIDS[-1]'
	sed -n 's/^\(image\|peer\)/    &/p' "$WORK/wire.out"
}

# echo_run: SIZE through the echo server at 10.0.0.2:7; prints seconds.
echo_run() {
	local t0 t1
	t0=$(ms)
	nsx timeout 1800 socat -b 65536 -t 60 -T 120 - tcp:10.0.0.2:7 <"$WORK/in" >"$WORK/out"
	t1=$(ms)
	cmp -s "$WORK/in" "$WORK/out" || fail "the echo differs"
	awk -v t="$((t1 - t0))" 'BEGIN { printf "%.1f", t / 1000 }'
}

# uk: tcpprobe on its TAP, in its own namespace.
nsx sysctl -qw net.ipv4.tcp_congestion_control=reno
netns_add "$NS-uk"
ip netns exec "$NS-uk" ip tuntap add dev uk0 mode tap
ip netns exec "$NS-uk" ip link set uk0 up
wire "$NS-uk"
IMAGE_NS="$NS-uk" IMAGE_TIMEOUT=1900 image_start "$image" echo 1 1800
uk_s=$(echo_run)
image_wait
uk_rtx=$(counter tcp.retransmits) uk_to=$(counter tcp.timeouts)
wire_stop >/dev/null

# Linux CC: its own stack on the wire's TAP, in another namespace, with
# congestion control CC at both ends; sets LINUX_S (seconds).
linux_run() {
	local ns="$NS-linux-$1"
	netns_add "$ns"
	nsx sysctl -qw net.ipv4.tcp_congestion_control="$1"
	ip netns exec "$ns" sysctl -qw net.ipv4.tcp_congestion_control="$1"
	wire "$ns" --image-tap
	ip netns exec "$ns" ip addr add 10.0.0.2/24 dev uk0
	ip netns exec "$ns" ip link set uk0 up
	ip netns exec "$ns" timeout 1900 "$WORK/echo-server" >/dev/null 2>&1 &
	BG_PIDS+=($!)
	sleep 0.5
	LINUX_S=$(echo_run)
	kill "${BG_PIDS[-1]}"
	unset 'BG_PIDS[-1]'
	wire_stop >/dev/null
}

rate() { awk -v b="$size" -v t="$1" 'BEGIN { printf "%.3f", b / 1048576 / t }'; }
printf '%-16s %10s %14s %s\n' "$mb MB echo" "seconds" "MB/s each way" "(5 % loss, 20 ms, each way)"
printf '%-16s %10s %14s %s\n' "uk" "$uk_s" "$(rate "$uk_s")" "retransmits $uk_rtx, timeouts $uk_to"
# the ones a namespace may choose (here: reno and bbr; cubic is built in
# but not allowed outside the initial namespace)
for cc in $(nsx cat /proc/sys/net/ipv4/tcp_allowed_congestion_control); do
	linux_run "$cc"
	printf '%-16s %10s %14s\n' "Linux, $cc" "$LINUX_S" "$(rate "$LINUX_S")"
done
