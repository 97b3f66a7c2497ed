#!/usr/bin/env bash
# TCP against Linux's own stack, through a TAP made beforehand:
#  - a SYN to a closed port gets a RST: socat sees "Connection refused", and
#    the image's own connect to a closed Linux port ends with -ECONNREFUSED;
#  - the image as a server (tcpprobe echo, RFC 862 on port 7): socat sends
#    a short line, then 50 MB of random data, and gets back exactly what it
#    sent (sha256), through the image's receive window, send buffer and
#    flow control; the image closes after the peer did, once all is echoed;
#  - a connect through the gateway to a network Linux has an unreachable
#    route for ends at once with -EHOSTUNREACH (Linux's ICMP error);
#  - the image as a client (tcpprobe send): it connects to socat listening
#    on 10.0.0.1:5001 and sends 50 MB of a known stream, then closes; the
#    sha256 of what socat wrote equals that of the stream;
#  - a server that resets the connection mid-transfer: -ECONNRESET.
# Throughputs are printed. Every wait is bounded.
. "$(dirname "$0")/netlib.sh"
command -v sha256sum >/dev/null || fail "net-tcp needs sha256sum"
command -v cc >/dev/null || fail "net-tcp needs a C compiler (for the stream generator)"
image=$(build_app tcpprobe)
tap_precreate
size=$((50 * 1024 * 1024))

# the client's stream, as tcpprobe makes it: xorshift32 from 1, low bytes
cc -O2 -o "$WORK/gen" "$UK_SRC/test/e2e/xorshift.c"

ms() { date +%s%3N; }
rate() { # bytes ms
	awk -v b="$1" -v t="$2" 'BEGIN { printf "%.1f MB/s (%.2f s)", b / 1048576 / (t / 1000), t / 1000 }'
}

# ---- the image as a server ----
image_start "$image" echo 2 100
set +e
err=$(nsx timeout 10 socat -T 5 - tcp:10.0.0.2:9 </dev/null 2>&1 >/dev/null)
set -e
assert_contains "$err" "Connection refused" "socat to a closed port"

echo "hello, tcp" >"$WORK/in"
nsx timeout 20 socat -t 10 -T 10 - tcp:10.0.0.2:7 <"$WORK/in" >"$WORK/out"
cmp -s "$WORK/in" "$WORK/out" || fail "the echo of a line differs: '$(cat "$WORK/out")'"
echo "echo of a line: ok"

head -c "$size" /dev/urandom >"$WORK/in"
t0=$(ms)
nsx timeout 100 socat -b 65536 -t 30 -T 30 - tcp:10.0.0.2:7 <"$WORK/in" >"$WORK/out" ||
	fail "socat through the echo server failed; the image said:"$'\n'"$(cat "$IMAGE_OUT")"
t1=$(ms)
want=$(sha256sum <"$WORK/in" | cut -d' ' -f1)
got=$(sha256sum <"$WORK/out" | cut -d' ' -f1)
assert_eq "$(stat -c %s "$WORK/out")" "$size" "bytes echoed"
assert_eq "$got" "$want" "sha256 of the echo"
echo "echo of 50 MB: sha256 ok, $(rate $((2 * size)) $((t1 - t0))) both ways"
image_wait
assert_eq "$IMAGE_STATUS" 0 "status of the echo server"
assert_counter bytes $((size + 11))
assert_counter tcp.passive_opens 2
assert_counter tcp.in_use 0
assert_counter tcp.drop.bad_checksum 0
assert_counter tcp.resets_received 0
assert_counter tcp.drop.no_connection 1
server_out=$(cat "$IMAGE_OUT")

# ---- the image as a client ----
# to a closed port: Linux's RST refuses it
image_start "$image" send 10.0.0.1 5009 1000 20
image_wait
assert_eq "$IMAGE_STATUS" 4 "status of the client to a closed port"
assert_contains "$(cat "$IMAGE_OUT")" "ended with error -111" "the client's report"
assert_counter tcp.resets_received 1
assert_counter tcp.in_use 0
echo "connect to a closed port: refused"

# through the gateway to a network Linux has an unreachable route for:
# Linux answers the SYN with an ICMP host unreachable, which ends the
# connect at once (not after 2 minutes of SYN retries)
nsx sysctl -qw net.ipv4.ip_forward=1
nsx ip route add unreachable 192.0.2.0/24
t0=$(ms)
image_start "$image" send 192.0.2.1 80 1000 20
image_wait
t1=$(ms)
assert_eq "$IMAGE_STATUS" 4 "status of the client to an unreachable network"
assert_contains "$(cat "$IMAGE_OUT")" "ended with error -113" "the client's report"
assert_counter tcp.icmp_errors 1
assert_counter tcp.in_use 0
[ $((t1 - t0)) -lt 5000 ] || fail "the unreachable connect took $((t1 - t0)) ms"
echo "connect to an unreachable network: -EHOSTUNREACH in $((t1 - t0)) ms"

"$WORK/gen" "$size" >"$WORK/stream"
want=$(sha256sum <"$WORK/stream" | cut -d' ' -f1)
rm -f "$WORK/recv"
nsx timeout 100 socat -u TCP-LISTEN:5001,reuseaddr "OPEN:$WORK/recv,creat,trunc" &
sock_pid=$!
for _ in $(seq 100); do
	nsx ss -ltn | grep -q ':5001 ' && break
	sleep 0.05
done
t0=$(ms)
image_start "$image" send 10.0.0.1 5001 "$size" 100
image_wait
t1=$(ms)
wait "$sock_pid" || fail "socat's server failed"
assert_eq "$IMAGE_STATUS" 0 "status of the client; it said:"$'\n'"$(cat "$IMAGE_OUT")"
assert_eq "$(stat -c %s "$WORK/recv")" "$size" "bytes received by socat"
assert_eq "$(sha256sum <"$WORK/recv" | cut -d' ' -f1)" "$want" "sha256 of what socat received"
assert_counter tcp.active_opens 1
assert_counter tcp.drop.bad_checksum 0
assert_counter tcp.resets_received 0
elapsed=$(counter elapsed)
client_rate=$(rate "$size" $((elapsed / 1000000)))
client_out=$(cat "$IMAGE_OUT")

# the server resets the connection mid-transfer (SO_LINGER 0 after 1 MB):
# the image's client ends with -ECONNRESET
cat >"$WORK/rst.py" <<'PY'
import socket, struct
l = socket.socket()
l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
l.bind(("10.0.0.1", 5002))
l.listen(1)
print("listening", flush=True)
c, _ = l.accept()
n = 0
while n < 1 << 20:
    b = c.recv(65536)
    if not b:
        break
    n += len(b)
c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
c.close()
PY
nsx timeout 60 python3 "$WORK/rst.py" >"$WORK/rst.out" &
rst_pid=$!
for _ in $(seq 100); do
	[ -s "$WORK/rst.out" ] && break
	sleep 0.05
done
image_start "$image" send 10.0.0.1 5002 "$size" 60
image_wait
wait "$rst_pid" || fail "the resetting server failed"
assert_eq "$IMAGE_STATUS" 4 "status of the client that was reset"
assert_contains "$(cat "$IMAGE_OUT")" "ended with error -104" "the reset client's report"
assert_counter tcp.in_use 0
echo "reset by the server mid-transfer: -ECONNRESET"
IMAGE_OUT="$WORK/client.out"
printf '%s\n' "$client_out" >"$IMAGE_OUT"
echo "client sent 50 MB: sha256 ok, $client_rate (image's clock)," \
	"$(rate "$size" $((t1 - t0))) with start-up"
for f in retransmits timeouts rx_out_of_order rx_duplicate tx_failures; do
	echo "server tcp.$f=$(printf '%s\n' "$server_out" | sed -n "s/^tcp.$f=//p")," \
		"client tcp.$f=$(counter tcp.$f)"
done
