# The Linux side of test/e2e/net-hostile.sh's hostile peers, each bounded
# in time:
#   idle ADDR N HOLD      opens up to N connections to ADDR:7 (5 s at most),
#                         prints how many opened and how many were refused
#                         or reset, holds them idle for HOLD s
#   zerowin ADDR N HOLD   N peers that send 256 KiB and never read (their
#                         window closes), held for HOLD s
#   survivor ADDR SPORT WAIT
#                         from port SPORT: an echo, WAIT s of silence (the
#                         RST storm), another echo on the same connection
import socket, sys, time

mode, addr = sys.argv[1], sys.argv[2]


def echo(s, word):
    s.sendall(word)
    got = b""
    while len(got) < len(word):
        b = s.recv(100)
        if not b:
            break
        got += b
    return got == word


if mode == "idle":
    n, hold = int(sys.argv[3]), float(sys.argv[4])
    socks, refused, t0 = [], 0, time.time()
    for i in range(n):
        if time.time() - t0 > 5:
            break
        try:
            socks.append(socket.create_connection((addr, 7), timeout=2))
        except OSError:
            refused += 1
    print(f"idle: {len(socks)} open, {refused} refused of {n}", flush=True)
    time.sleep(hold)
elif mode == "zerowin":
    n, hold = int(sys.argv[3]), float(sys.argv[4])
    socks = []
    for i in range(n):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
        s.settimeout(2)
        s.connect((addr, 7))
        s.setblocking(False)
        sent = 0
        try:
            while sent < 256 * 1024:
                sent += s.send(bytes(4096))
        except BlockingIOError:
            pass
        socks.append(s)
    print(f"zerowin: {len(socks)} peers not reading", flush=True)
    time.sleep(hold)
elif mode == "survivor":
    sport, wait = int(sys.argv[3]), float(sys.argv[4])
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("0.0.0.0", sport))
    s.settimeout(5)
    s.connect((addr, 7))
    ok = echo(s, b"before\n")
    print("survivor: connected", flush=True)
    time.sleep(wait)
    ok = echo(s, b"after\n") and ok
    print(f"survivor: {'echoes before and after' if ok else 'echo lost'}", flush=True)
    sys.exit(0 if ok else 1)
