#!/usr/bin/env bash
# 200 TCP connections at once to the image's echo server (tcpprobe, pool of
# 256): a Linux client (Python's sockets) opens them all before any closes,
# sends 20 000 different bytes on each, half-closes each, and reads each
# echo to its end; every echo must be its own data. The image serves the
# 200 (and the connection count it saw at once is at least 200 - that they
# really overlapped) and ends with its pool empty.
. "$(dirname "$0")/netlib.sh"
command -v python3 >/dev/null || fail "net-tcp-many needs python3"
image=$(build_app tcpprobe)
tap_precreate
n=200
image_start "$image" echo "$n" 100
cat >"$WORK/many.py" <<'PY'
import socket, sys, time
n, size = int(sys.argv[1]), 20000
socks = []
for i in range(n):
    s = socket.create_connection(("10.0.0.2", 7), timeout=30)
    socks.append(s)
t0 = time.time()
data = [bytes((i * 7 + k) & 0xff for k in range(size)) for i in range(n)]
for s, d in zip(socks, data):
    s.sendall(d)
for s in socks:
    s.shutdown(socket.SHUT_WR)
bad = 0
for i, s in enumerate(socks):
    got = bytearray()
    while True:
        b = s.recv(65536)
        if not b:
            break
        got += b
    if bytes(got) != data[i]:
        bad += 1
        print(f"connection {i}: {len(got)} bytes back, differ", file=sys.stderr)
    s.close()
print(f"{n} connections, {n * size} bytes each way in {time.time() - t0:.2f} s, {bad} bad")
sys.exit(1 if bad else 0)
PY
out=$(nsx timeout 100 python3 "$WORK/many.py" "$n") ||
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
[ "$most" -ge "$n" ] || fail "at most $most connections at once, not $n"
echo "connections at once: $most"
