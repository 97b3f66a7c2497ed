# The Linux side of the many-connections tests (net-tcp-many.sh,
# net-tcp-lossy.sh): opens N connections to the echo server at ADDR:7 before
# any closes, sends SIZE different bytes on each, half-closes each, and
# reads each echo to its end; exits 1 unless every echo is its own data.
import socket, sys, time

addr, n, size, timeout = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
socks = []
for i in range(n):
    socks.append(socket.create_connection((addr, 7), timeout=timeout))
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
