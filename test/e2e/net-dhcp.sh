#!/usr/bin/env bash
# DHCP against dnsmasq: the image (test/apps/dhcpprobe, `ipv4: dhcp`)
# creates its TAP; dnsmasq serves 10.0.0.50-60 on the host side
# (10.0.0.1/24), with router and DNS 10.0.0.1 and a 2-minute lease (its
# minimum: renewal, rebinding and expiry are proved on the virtual clock
# by lib/dhcp/unit instead). Checks:
#  - the lease the image prints: an address in the range, mask /24,
#    router, DNS server and server 10.0.0.1, 120 s;
#  - dnsmasq's own record of it (its lease file) names the same address,
#    the image's MAC and its client identifier;
#  - ping -c 10 to the leased address: 10 received, 0 % loss;
#  - the image's counters: 1 offer, 1 ACK, no NAK, nothing dropped.
. "$(dirname "$0")/netlib.sh"
command -v dnsmasq >/dev/null || fail "net-dhcp needs dnsmasq (Debian: dnsmasq-base)"
TAP=ukdhcp0
DNSMASQ_PID=

dhcp_cleanup() {
	if [ -n "$DNSMASQ_PID" ]; then
		kill "$DNSMASQ_PID" 2>/dev/null || true
		wait "$DNSMASQ_PID" 2>/dev/null || true
	fi
	net_cleanup
}
trap dhcp_cleanup EXIT

image=$(build_app dhcpprobe)
image_start "$image" 60

# the image made the TAP: give its host side an address, start dnsmasq
for _ in $(seq 100); do
	nsx ip link show "$TAP" >/dev/null 2>&1 && break
	sleep 0.05
done
nsx ip link show "$TAP" >/dev/null 2>&1 ||
	fail "$TAP did not appear; the image said:"$'\n'"$(cat "$IMAGE_OUT")"
nsx ip addr add 10.0.0.1/24 dev "$TAP"
nsx ip link set "$TAP" up
ip netns exec "$NS" timeout 60 dnsmasq --no-daemon --conf-file=/dev/null --port=0 \
	--interface="$TAP" --bind-interfaces --except-interface=lo \
	--dhcp-range=10.0.0.50,10.0.0.60,255.255.255.0,2m \
	--dhcp-option=option:router,10.0.0.1 --dhcp-option=option:dns-server,10.0.0.1 \
	--dhcp-leasefile="$WORK/leases" --pid-file="$WORK/dnsmasq.pid" --user=root \
	--no-ping --log-dhcp >"$WORK/dnsmasq.out" 2>&1 &
DNSMASQ_PID=$!

# the lease line (the client retransmits after 1 s, 2 s, then every 4 s;
# the image waits 20 s for its lease)
for _ in $(seq 500); do
	grep -q '^lease \|no lease' "$IMAGE_OUT" && break
	kill -0 "$IMAGE_PID" 2>/dev/null || break
	sleep 0.05
done
lease=$(grep '^lease ' "$IMAGE_OUT" || true)
[ -n "$lease" ] || fail "no lease; the image said:"$'\n'"$(cat "$IMAGE_OUT")"$'\n'"dnsmasq said:"$'\n'"$(cat "$WORK/dnsmasq.out")"
echo "$lease"
addr=$(sed -n 's/^lease address=\([0-9.]*\) .*/\1/p' <<<"$lease")
last=${addr##*.}
[ "${addr%.*}" = 10.0.0 ] && [ "$last" -ge 50 ] && [ "$last" -le 60 ] ||
	fail "leased address $addr is not in 10.0.0.50-60"
assert_contains "$lease" " mask=255.255.255.0 prefix=24 " "the lease"
assert_contains "$lease" " router=10.0.0.1 " "the lease"
assert_contains "$lease" " server=10.0.0.1 " "the lease"
assert_contains "$lease" " time=120 " "the lease"
assert_contains "$lease" " dns=10.0.0.1" "the lease"

# dnsmasq's side: the lease file holds the address, the image's MAC and
# its client identifier (01:MAC)
mac=$(sed -n 's/^dhcpprobe: net0 mac=\([0-9a-f:]*\) .*/\1/p' "$IMAGE_OUT")
[ -n "$mac" ] || fail "the image printed no MAC:"$'\n'"$(cat "$IMAGE_OUT")"
for _ in $(seq 40); do
	grep -q " $addr " "$WORK/leases" 2>/dev/null && break
	sleep 0.05
done
leases=$(cat "$WORK/leases" 2>/dev/null || true)
assert_contains "$leases" " $addr " "dnsmasq's lease file"
assert_contains "$leases" " $mac $addr " "dnsmasq's lease file"
assert_contains "$leases" " 01:$mac" "dnsmasq's lease file"
echo "dnsmasq's lease: $leases"

# the leased address answers pings
out=$(nsx ping -c 10 -i 0.2 -W 2 "$addr" 2>&1) || fail "ping $addr failed:"$'\n'"$out"
assert_contains "$out" "10 packets transmitted, 10 received, 0% packet loss" "ping"
echo "$out" | tail -n 2

# stop the image with a datagram to port 9
nsx bash -c "echo stop >/dev/udp/$addr/9"
image_wait
assert_eq "$IMAGE_STATUS" 0 "image status"
assert_counter dhcp.rx_offers 1
assert_counter dhcp.rx_acks 1
assert_counter dhcp.rx_naks 0
assert_counter dhcp.bound 1
assert_counter dhcp.restarts 0
assert_counter icmp.tx_echo_replies 10
for d in truncated bad_op bad_htype bad_magic no_client bad_xid bad_chaddr bad_options \
	no_type unexpected bad_lease wrong_server; do
	assert_counter "dhcp.drop.$d" 0
done
grep -q "DHCPACK(ukdhcp0) $addr" "$WORK/dnsmasq.out" ||
	fail "dnsmasq logged no DHCPACK for $addr:"$'\n'"$(cat "$WORK/dnsmasq.out")"
echo "dhcp: ok ($(counter dhcp.tx_discovers) DISCOVERs, $(counter dhcp.tx_requests) REQUESTs)"
