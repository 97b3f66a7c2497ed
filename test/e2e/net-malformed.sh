#!/usr/bin/env bash
# Bad input is dropped and counted, never a crash: net-rawsend (a raw
# socket on the host side of the TAP) sends the image a suite of malformed
# frames (runts of each header, bad checksums, bogus lengths, bad
# addresses, overlapping and oversized fragments, a fragment that never
# completes); each must raise exactly its counter. Then the image still
# answers ping and echoes, and ends normally.
. "$(dirname "$0")/netlib.sh"
rawsend=$1
image=$(build_app netprobe)
tap_precreate
image_start "$image" 1 60
# let the image's announcements pass, so that only the suite is counted
sleep 0.3
nsx "$rawsend" uk0 >"$WORK/sent"
cat "$WORK/sent"
# the lone fragment times out after IPV4_REASS_TIMEOUT_MS (2 s here)
sleep 2.5
out=$(nsx timeout 10 ping -c 3 -i 0.1 -W 1 -q 10.0.0.2) || fail "no ping after the suite:"$'\n'"$out"
assert_contains "$out" "3 received"
echo "still here" >"$WORK/in"
udp_roundtrip 7 "$WORK/in" "$WORK/out"
cmp -s "$WORK/in" "$WORK/out" || fail "no echo after the suite"
image_wait
assert_eq "$IMAGE_STATUS" 0 "image status"
# every counter the suite names went up by exactly the frames naming it
counters=$(awk '$NF ~ /\./ { print $NF }' "$WORK/sent" | sort | uniq -c)
[ -n "$counters" ] || fail "net-rawsend sent nothing"
while read -r n name; do
	assert_counter "$name" "$n"
done <<<"$counters"
echo "$(echo "$counters" | wc -l) drop counters checked"
# and nothing else was dropped as malformed
for c in ipv4.drop.frag_duplicate ipv4.drop.frag_too_many ipv4.drop.no_memory \
	udp.drop.no_port arp.drop.bad_sender arp.drop.conflict netdev.drop.rx_error; do
	assert_counter "$c" 0
done
# the unknown protocol and the lost fragment were reported to the peer
assert_counter icmp.tx_errors 2
