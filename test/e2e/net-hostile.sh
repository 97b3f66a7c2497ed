#!/usr/bin/env bash
# The tcp-echo template's image (hosted, TAP) against hostile peers (issue
# 16, docs/security.md). After each, and during the floods, a normal
# client connects and must get its echo within 2 s (the time is printed):
#  (a) a SYN flood from random sources, 20 000 a second for 4 s: the
#      listener's queue fills, SYN cookies serve past it;
#  (b) 2 000 connections opened and held idle: the pool (128) fills, later
#      SYNs get a RST, then end the connection idle longest;
#  (c) 20 peers that send and never read (their window stays shut);
#  (d) a RST storm, 20 000 a second for 3 s with random sequence numbers,
#      at a live connection, which survives it (RFC 5961).
# The floods come from uk-net-rawsend (test/net/rawsend.c), the peers from
# test/net/hostile.py. Traffic stays in the test's namespace; every loop
# and wait is bounded.
. "$(dirname "$0")/netlib.sh"
rawsend=$1
command -v python3 >/dev/null || fail "net-hostile needs python3"
hostile="$UK_SRC/test/net/hostile.py"

(cd "$WORK" && "$UK" init app --template tcp-echo >/dev/null)
image="$WORK/app/$(cd "$WORK/app" && "$UK" build | tail -n 1)"
tap_precreate
IMAGE_TIMEOUT=150 image_start "$image"
nsx ping -c 1 -W 2 10.0.0.2 >/dev/null || fail "the image does not answer ping"
mac=$(nsx ip neigh show 10.0.0.2 dev uk0 | sed -n 's/.*lladdr \([0-9a-f:]*\).*/\1/p')
[ -n "$mac" ] || fail "no MAC for 10.0.0.2"

ms() { date +%s%3N; }

# A normal client's echo, tried again until 2 s have passed ("within a
# second or two", issue 16; it takes 50 to 240 ms); one later fails too.
echo_within() {
	local t0 took out word="hello, $1"
	t0=$(ms)
	while :; do
		out=$(echo "$word" | nsx timeout 2 socat -t 2 -T 2 - tcp:10.0.0.2:7,connect-timeout=2 2>/dev/null) &&
			[ "$out" = "$word" ] && break
		[ $(($(ms) - t0)) -lt 2000 ] ||
			fail "$1: no echo within 2 s; the image said:"$'\n'"$(cat "$IMAGE_OUT")"
		sleep 0.1
	done
	took=$(($(ms) - t0))
	[ "$took" -le 2000 ] ||
		fail "$1: echo in $took ms, not within 2 s; the image said:"$'\n'"$(cat "$IMAGE_OUT")"
	echo "$1: echo in $took ms"
}

# Waits (10 s at most) for FILE to hold a line.
wait_line() {
	for _ in $(seq 100); do
		[ -s "$1" ] && return 0
		sleep 0.1
	done
	fail "no output in $1"
}

echo_within "before"

# (a)
nsx "$rawsend" uk0 flood syn 4 20000 "$mac" >"$WORK/syn.out" &
BG_PIDS+=($!)
sleep 1
echo_within "during a SYN flood"
wait "${BG_PIDS[-1]}" || fail "the SYN flood failed: $(cat "$WORK/syn.out")"
cat "$WORK/syn.out"
echo_within "right after the SYN flood"

# (b)
nsx timeout 30 python3 "$hostile" idle 10.0.0.2 2000 4 >"$WORK/idle.out" &
BG_PIDS+=($!)
wait_line "$WORK/idle.out"
cat "$WORK/idle.out"
read -r _ open _ refused _ <"$WORK/idle.out"
[ "$open" -ge 128 ] && [ "$refused" -gt 0 ] || fail "the pool did not fill: $(cat "$WORK/idle.out")"
echo_within "with the pool full of idle connections"
wait "${BG_PIDS[-1]}" || fail "the idle peers failed"
echo_within "right after the idle connections"

# (c)
nsx timeout 30 python3 "$hostile" zerowin 10.0.0.2 20 3 >"$WORK/zw.out" &
BG_PIDS+=($!)
wait_line "$WORK/zw.out"
cat "$WORK/zw.out"
echo_within "beside zero-window peers"
wait "${BG_PIDS[-1]}" || fail "the zero-window peers failed"

# (d)
nsx timeout 30 python3 "$hostile" survivor 10.0.0.2 40007 4 >"$WORK/surv.out" &
surv=$!
BG_PIDS+=("$surv")
wait_line "$WORK/surv.out"
nsx "$rawsend" uk0 flood rst 3 20000 "$mac" 40007 >"$WORK/rst.out" &
BG_PIDS+=($!)
sleep 1
echo_within "during a RST storm"
wait "${BG_PIDS[-1]}" || fail "the RST storm failed: $(cat "$WORK/rst.out")"
cat "$WORK/rst.out"
wait "$surv" || fail "the connection under the RST storm: $(cat "$WORK/surv.out")"
cat "$WORK/surv.out"
echo_within "right after the RST storm"
kill -0 "$IMAGE_PID" || fail "the image ended:"$'\n'"$(cat "$IMAGE_OUT")"
