#!/usr/bin/env bash
# TCP throughput and connection rate: uk's stack (the tcpprobe echo server,
# hosted, over a TAP) against the Linux kernel's (bench/tcp-echo-server.c, the
# same kind of one-connection-at-a-time echo server, in a second namespace
# over a veth pair), driven from the same namespace by the same clients in the
# same run. Results go to docs/perf.md.
# usage: bench/net-tcp.sh [UK]     (default: build/uk; needs root)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
export UK=${1:-$root/build/uk} UK_SRC=$root WORK
. "$root/test/e2e/netlib.sh"
peer="$NS-peer"
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; ip netns del "$peer" 2>/dev/null || true; net_cleanup' EXIT
size=$((50 * 1024 * 1024))
conns=500
cc -O2 -o "$WORK/connrate" "$root/bench/tcp-connrate.c"
cc -O2 -o "$WORK/echo-server" "$root/bench/tcp-echo-server.c"
head -c "$size" /dev/urandom >"$WORK/in"
ms() { date +%s%3N; }
echo_run() { # ADDR: 50 MB through the echo server at ADDR:7, prints MB/s each way
	local t0 t1
	t0=$(ms)
	nsx timeout 100 socat -b 65536 -t 30 -T 30 - "tcp:$1:7" <"$WORK/in" >"$WORK/out"
	t1=$(ms)
	cmp -s "$WORK/in" "$WORK/out" || fail "the echo from $1 differs"
	awk -v b="$size" -v t="$((t1 - t0))" 'BEGIN { printf "%.1f", b / 1048576 / (t / 1000) }'
}

# Linux: a veth pair to a second namespace, the echo server there.
ip netns add "$peer"
ip link add uk-bench-a netns "$NS" type veth peer name uk-bench-b netns "$peer"
nsx ip addr add 10.1.0.1/24 dev uk-bench-a
nsx ip link set uk-bench-a up
ip -n "$peer" addr add 10.1.0.2/24 dev uk-bench-b
ip -n "$peer" link set uk-bench-b up
ip -n "$peer" link set lo up
ip netns exec "$peer" timeout 300 "$WORK/echo-server" >/dev/null 2>&1 &
server=$!
sleep 0.5
linux_mbs=$(echo_run 10.1.0.2)
linux_rate=$(nsx "$WORK/connrate" 10.1.0.2 7 "$conns")

# uk: the tcpprobe echo server on the TAP.
image=$(build_app tcpprobe)
tap_precreate
image_start "$image" echo "$((conns + 2))" 300
uk_mbs=$(echo_run 10.0.0.2)
uk_rate=$(nsx "$WORK/connrate" 10.0.0.2 7 "$conns")

printf '%-34s %14s %14s\n' "" "uk (TAP)" "Linux (veth)"
printf '%-34s %14s %14s\n' "50 MB echo, MB/s each way" "$uk_mbs" "$linux_mbs"
printf '%-34s %14s %14s\n' "$conns connections one by one" "${uk_rate##*: }" "${linux_rate##*: }"
