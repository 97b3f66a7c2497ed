#!/usr/bin/env bash
# UDP against Linux's own stack, through a TAP made beforehand:
#  - the image's gratuitous ARP puts it in Linux's neighbour table before
#    any traffic (arp_accept on);
#  - datagrams to a closed port get ICMP port unreachable: socat sees
#    "Connection refused", Linux counts the ICMP messages, and a burst is
#    rate-limited (10 at once, 10 a second);
#  - socat's datagrams of 1 to 65507 bytes come back byte for byte: those
#    over 1472 bytes are fragmented by Linux, reassembled by uk, fragmented
#    by uk, reassembled by Linux.
. "$(dirname "$0")/netlib.sh"
image=$(build_app netprobe)
tap_precreate
nsx sysctl -qw net.ipv4.conf.uk0.arp_accept=1
sizes=(1 100 1472 1473 4000 8000 65507)
image_start "$image" "${#sizes[@]}" 60

for _ in $(seq 40); do
	neigh=$(nsx ip neigh show 10.0.0.2 dev uk0)
	case "$neigh" in *lladdr*) break ;; esac
	sleep 0.05
done
assert_contains "$neigh" "lladdr 02:00:00:00:00:02" "Linux's neighbour entry for the image"

# a closed port
echo knock >"$WORK/in"
set +e
err=$(nsx timeout 10 socat -t 2 - udp:10.0.0.2:9 <"$WORK/in" 2>&1 >/dev/null)
set -e
assert_contains "$err" "Connection refused" "socat to a closed port"
# a burst of 30 to it, from bash's /dev/udp (a socket each)
nsx bash -c 'for i in $(seq 30); do echo burst >/dev/udp/10.0.0.2/9; done'
sleep 0.3
unreach=$(nsx nstat -asz IcmpInDestUnreachs | awk '/IcmpInDestUnreachs/ { print $2 }')

for n in "${sizes[@]}"; do
	head -c "$n" /dev/urandom >"$WORK/in"
	udp_roundtrip 7 "$WORK/in" "$WORK/out"
	cmp -s "$WORK/in" "$WORK/out" ||
		fail "the echo of $n bytes differs ($(stat -c %s "$WORK/out") bytes came back)"
	echo "echo of $n bytes: ok"
done
image_wait
assert_eq "$IMAGE_STATUS" 0 "image status"
assert_counter udp.rx_datagrams ${#sizes[@]}
assert_counter udp.tx_datagrams ${#sizes[@]}
assert_counter udp.drop.no_port 31
sent=$(counter icmp.tx_errors)
limited=$(counter icmp.drop.rate_limited)
assert_eq $((sent + limited)) 31 "port unreachables sent + rate-limited"
[ "$limited" -gt 0 ] && [ "$sent" -ge 10 ] || fail "rate limit: $sent sent, $limited limited"
assert_eq "$unreach" "$sent" "ICMP unreachables Linux received"
echo "port unreachable: $sent sent, $limited rate-limited; Linux received $unreach"
# 1473, 4000, 8000 and 65507 bytes came in fragments, and went back in them
assert_counter ipv4.reassembled 4
[ "$(counter ipv4.tx_fragments)" -ge 8 ] || fail "no fragments sent"
for c in bad_checksum bad_total_len frag_overlap frag_timeout no_memory; do
	assert_counter ipv4.drop.$c 0
done
assert_counter udp.drop.bad_checksum 0
