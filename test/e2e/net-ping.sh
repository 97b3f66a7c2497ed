#!/usr/bin/env bash
# Linux pings a uk image: 100 echo requests 10 ms apart, 0 % loss. The
# image creates its TAP itself (none exists before it starts) and the TAP
# goes when it ends. While it waits it is idle: no CPU time, few turns of
# its loop (no busy waiting).
. "$(dirname "$0")/netlib.sh"
image=$(build_app netprobe)
image_start "$image" 1 60
tap_wait
nsx ip addr add 10.0.0.1/24 dev uk0
nsx ip link set uk0 up

# idle: the image's process (timeout's child) uses no CPU for a second
pid=$(pgrep -P "$IMAGE_PID" | head -n 1)
[ -n "$pid" ] || fail "no image process under $IMAGE_PID"
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
t0=$(ticks)
sleep 1
t1=$(ticks)
[ $((t1 - t0)) -le 2 ] || fail "the idle image used $((t1 - t0)) clock ticks in 1 s"

out=$(nsx timeout 30 ping -c 100 -i 0.01 -W 1 -q 10.0.0.2) || fail "ping failed:"$'\n'"$out"
assert_contains "$out" "100 packets transmitted, 100 received, 0% packet loss"
echo "$out" | tail -n 1 # rtt min/avg/max/mdev, for the log

# one datagram ends the image, which reports
echo bye >"$WORK/in"
udp_roundtrip 7 "$WORK/in" "$WORK/out"
cmp -s "$WORK/in" "$WORK/out" || fail "the echo differs"
image_wait
assert_eq "$IMAGE_STATUS" 0 "image status"
assert_counter icmp.rx_echo_requests 100
assert_counter icmp.tx_echo_replies 100
assert_counter icmp.drop.bad_checksum 0
assert_counter ipv4.drop.bad_checksum 0
assert_counter arp.announcements 2
# a loop that blocks between events turns a few times per packet, not
# millions of times: 100 pings, their ARP, one datagram
turns=$(counter sched.turns)
[ "$turns" -lt 2000 ] || fail "the loop turned $turns times"
# the TAP was the image's: it is gone
sleep 0.2
! nsx ip link show uk0 >/dev/null 2>&1 || fail "uk0 outlived the image that created it"
