# shellcheck shell=bash
# Shared by the end-to-end network tests (net-*.sh, and the udp-echo
# template's test): a fresh network namespace per test, in which the image
# runs and real Linux tools (ping, socat) talk to it over its TAP device.
# The host side of the TAP is 10.0.0.1/24, the image 10.0.0.2. IPv6 is off
# in the namespace so that the kernel sends nothing the tests did not ask
# for. Everything is removed on exit, failed or not; every wait is bounded.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ "$(id -u)" = 0 ] || fail "network tests need root (namespaces, TAP devices)"
for tool in ip ping socat timeout; do
	command -v "$tool" >/dev/null ||
		fail "network tests need $tool (Debian: iproute2, iputils-ping, socat, coreutils)"
done
[ -c /dev/net/tun ] || fail "network tests need /dev/net/tun"

NS="uk-$(basename "${0%.sh}")-$$"
EXTRA_NS=() # more namespaces a test made with netns_add
IMAGE_PID=
BG_PIDS=() # helpers a test started (bg_track), stopped on exit
IMAGE_OUT="$WORK/image.out"

net_cleanup() {
	local p n
	for p in "$IMAGE_PID" "${BG_PIDS[@]}"; do
		[ -n "$p" ] || continue
		kill "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	for n in "$NS" "${EXTRA_NS[@]}"; do
		ip netns del "$n" 2>/dev/null || true
	done
}
trap net_cleanup EXIT

# Makes namespace NAME with lo up and IPv6 off.
netns_add() {
	ip netns add "$1"
	[ "$1" = "$NS" ] || EXTRA_NS+=("$1")
	ip netns exec "$1" ip link set lo up
	ip netns exec "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1
}
netns_add "$NS"
nsx() { ip netns exec "$NS" "$@"; }

# Makes the TAP uk0 (persistent: the image attaches to it) with the host
# side configured, before the image starts.
tap_precreate() {
	nsx ip tuntap add dev uk0 mode tap
	nsx ip addr add 10.0.0.1/24 dev uk0
	nsx ip link set uk0 up
}

# Waits (5 s at most) for uk0 to exist, for an image that creates it.
tap_wait() {
	for _ in $(seq 100); do
		nsx ip link show uk0 >/dev/null 2>&1 && return 0
		sleep 0.05
	done
	fail "uk0 did not appear; the image said:"$'\n'"$(cat "$IMAGE_OUT")"
}

# Starts IMAGE ARGS... in the namespace IMAGE_NS (NS unless a test sets it),
# killed after IMAGE_TIMEOUT (120) s at most; its output goes to $IMAGE_OUT.
# Waits for its first line (it is ready then).
image_start() {
	ip netns exec "${IMAGE_NS:-$NS}" timeout "${IMAGE_TIMEOUT:-120}" "$@" >"$IMAGE_OUT" 2>&1 &
	IMAGE_PID=$!
	for _ in $(seq 100); do
		[ -s "$IMAGE_OUT" ] && return 0
		kill -0 "$IMAGE_PID" 2>/dev/null || break
		sleep 0.05
	done
	[ -s "$IMAGE_OUT" ] || fail "the image did not start:"$'\n'"$(cat "$IMAGE_OUT")"
}

# Waits for the image to end; sets IMAGE_STATUS.
image_wait() {
	set +e
	wait "$IMAGE_PID"
	IMAGE_STATUS=$?
	set -e
	IMAGE_PID=
}

# The value of counter NAME (module.name) in the image's report.
counter() {
	local v
	v=$(sed -n "s/^$1=//p" "$IMAGE_OUT")
	[ -n "$v" ] || fail "no counter $1 in the image's output:"$'\n'"$(cat "$IMAGE_OUT")"
	echo "$v"
}

assert_counter() {
	assert_eq "$(counter "$1")" "$2" "counter $1"
}

# Builds test/apps/APP (or a template's app) and prints the image's path.
build_app() {
	rm -rf "${WORK:?}/${1:?}"
	cp -r "$UK_SRC/test/apps/$1" "$WORK/$1"
	echo "$WORK/$1/$(cd "$WORK/$1" && "$UK" build | tail -n 1)"
}

# Sends the file IN as one datagram to 10.0.0.2:PORT and writes what comes
# back (1 s at most) to OUT.
udp_roundtrip() {
	nsx timeout 10 socat -b 65535 -t 1 -T 5 - "udp:10.0.0.2:$1" <"$2" >"$3"
}

# Opens N connections at once to the image's echo server (tcpprobe echo N,
# already started), 20 000 bytes each way on each, every echo checked by
# test/e2e/tcp-many.py (socket timeout SECS); then checks the image's
# report: all served, the pool empty, nothing refused for want of room,
# and, unless a third argument says "lossy", the N really open together
# (over a lossy wire a handshake's last ACK may be lost, and the image
# then sees that connection open only with its first data, possibly after
# others have closed).
many_connections() {
	local n=$1 secs=$2 lossy=${3:-} out most
	out=$(nsx timeout $((secs * 5)) python3 "$UK_SRC/test/e2e/tcp-many.py" 10.0.0.2 "$n" 20000 "$secs") ||
		fail "the client failed: $out; the image said:"$'\n'"$(cat "$IMAGE_OUT")"
	echo "$out"
	image_wait
	assert_eq "$IMAGE_STATUS" 0 "status of the echo server"
	assert_counter bytes $((n * 20000))
	assert_counter tcp.passive_opens "$n"
	assert_counter tcp.in_use 0
	assert_counter tcp.drop.syn_backlog 0
	assert_counter tcp.drop.no_memory 0
	most=$(counter most_connections)
	[ "$lossy" = lossy ] || [ "$most" -ge "$n" ] || fail "at most $most connections at once, not $n"
	echo "connections at once: $most"
}
