# The Linux side of test/e2e/http-load.sh, against httpprobe (header
# timeout 2 s, idle timeout 3 s) at ADDR:80:
#
#   http-load.py ADDR slow N
# N clients send a request head a byte a second, and one client each: idle
# after a response, silent from the start, stalled in a body, not reading a
# large response; meanwhile requests of other clients are served. Each slow
# one must be reset after 2 s (within 2-5 s), each idle one closed (or, in
# a body or a response, reset) after 3 s (within 3-6 s).
#
#   http-load.py ADDR many N SITE
# opens N connections before any request, then sends a request on each
# (the files of SITE in turn, HTTP/1.1, Connection: close) and reads each
# response: status 200 and the file's bytes.
#
#   http-load.py ADDR full N
# opens N connections (the pool's size) and one more: that one gets a 503
# and the close.
#
#   http-load.py ADDR abort
# asks for a 50 MB stream, reads 1 MB and closes without reading the rest.
#
# Prints what it measured; exits 1 with the reasons when something failed.
import os
import select
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import http_wire  # noqa: E402

addr, mode = sys.argv[1], sys.argv[2]
errors = []
lock = threading.Lock()


def say(line):
    with lock:
        print(line, flush=True)


def connect():
    return socket.create_connection((addr, 80), timeout=20)


def ends(s):
    """Reads s to its end; returns (bytes, "closed" or "reset")."""
    data = bytearray()
    try:
        while True:
            b = s.recv(65536)
            if not b:
                return bytes(data), "closed"
            data += b
    except ConnectionResetError:
        return bytes(data), "reset"


def timed(name, fn, want_end, lo, hi):
    """Runs fn, which returns how the server ended the connection or a
    socket for the server to end, and checks how and when it ended."""
    def run():
        try:
            t0 = time.time()
            how = fn()
            if not isinstance(how, str):
                _, end = ends(how)
                how.close()
                how = end
            t = time.time() - t0
            if how not in want_end.split("|") or not lo <= t <= hi:
                errors.append(f"{name}: {how} after {t:.1f} s, want {want_end} in {lo}-{hi} s")
            else:
                say(f"{name}: {how} after {t:.1f} s")
        except Exception as e:  # noqa: BLE001 - any failure is the test's
            errors.append(f"{name}: {e!r}")
    th = threading.Thread(target=run)
    th.start()
    return th


def slowloris():
    """A head a byte a second; returns how the server ended it."""
    s = connect()
    try:
        for c in b"GET / HTTP/1.1\r\nHost: a\r\n\r\n":
            s.sendall(bytes([c]))
            if select.select([s], [], [], 1.0)[0]:
                b = s.recv(65536)
                return "closed" if not b else f"answered {b[:40]!r}"
    except (BrokenPipeError, ConnectionResetError):
        return "reset"
    finally:
        s.close()
    return "not ended"


def idle_after_response():
    s = connect()
    s.sendall(b"GET /style.css HTTP/1.1\r\nHost: a\r\n\r\n")
    data = b""
    while not http_wire.parse(data)[0]:
        data += s.recv(65536)
    return s


def silent():
    return connect()


def stalled_body():
    s = connect()
    s.sendall(b"POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n0123456789")
    return s


def not_reading():
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.settimeout(20)
    s.connect((addr, 80))
    s.sendall(b"GET /stream/20000000 HTTP/1.1\r\nHost: a\r\n\r\n")
    time.sleep(8)  # read nothing while the server gives up
    return s


def slow(n):
    t0 = time.time()
    threads = [timed(f"slow head {i}", slowloris, "reset", 2, 5) for i in range(n)]
    threads += [
        timed("idle after a response", idle_after_response, "closed", 3, 6),
        timed("silent from the start", silent, "closed", 3, 6),
        timed("stalled in a body", stalled_body, "reset", 3, 6),
    ]
    # ends after the 8 s sleep (it is reset by then: 3 s after the window shut)
    threads.append(timed("not reading a response", not_reading, "reset|closed", 8, 12))
    # the others are served meanwhile
    served = 0
    while time.time() - t0 < 6:
        data, ended = http_wire.exchange(
            addr, b"GET /data.json HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", idle=5)
        r, _ = http_wire.parse(data)
        if not r or r[0].status != 200 or ended != "closed":
            errors.append(f"a request while slow clients wait: {data[:100]!r}, {ended}")
            break
        served += 1
        time.sleep(0.2)
    for th in threads:
        th.join()
    say(f"served {served} requests while {n + 4} slow clients waited")


def many(n, site):
    files = sorted(os.path.relpath(os.path.join(d, f), site)
                   for d, _, fs in os.walk(site) for f in fs)
    want = {f: open(os.path.join(site, f), "rb").read() for f in files}
    t0 = time.time()
    socks = [connect() for _ in range(n)]
    t1 = time.time()
    # all open at once: the server's own count, on one more connection
    for _ in range(50):
        data, _ = http_wire.exchange(
            addr, b"GET /counters HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", idle=5)
        active = int(data.split(b"http.conns_active=")[1].split(b"\n")[0])
        if active == n + 1:
            break
        time.sleep(0.1)
    if active != n + 1:
        errors.append(f"{active} connections active after {n} connected, not {n + 1}")
    for i, s in enumerate(socks):
        f = files[i % len(files)]
        s.sendall(f"GET /{f} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n".encode())
    bad = 0
    for i, s in enumerate(socks):
        f = files[i % len(files)]
        data, how = ends(s)
        s.close()
        r, rest = http_wire.parse(data)
        if how != "closed" or len(r) != 1 or rest or r[0].status != 200 \
                or r[0].body != want[f]:
            bad += 1
            if bad < 5:
                errors.append(f"connection {i} (/{f}): {how}, {data[:120]!r}")
    say(f"{n} connections opened in {t1 - t0:.2f} s, {active - 1} in the pool at once,"
        f" all answered in {time.time() - t0:.2f} s, {bad} bad")
    if bad:
        errors.append(f"{bad} of {n} connections failed")


def full(n):
    socks = [connect() for _ in range(n)]
    time.sleep(0.3)  # all accepted
    data, ended = http_wire.exchange(addr, b"GET /app.js HTTP/1.1\r\nHost: a\r\n\r\n", idle=5)
    r, rest = http_wire.parse(data)
    if [x.status for x in r] != [503] or rest or ended != "closed":
        errors.append(f"connection {n + 1} of a pool of {n}: {data[:100]!r}, {ended}")
    for s in socks:
        s.close()
    say(f"connection {n + 1} of a pool of {n}: {r[0].status if r else None}, {ended}")


def abort():
    s = connect()
    s.sendall(b"GET /stream/50000000 HTTP/1.1\r\nHost: a\r\n\r\n")
    got = 0
    while got < 1 << 20:
        b = s.recv(65536)
        if not b:
            errors.append(f"the stream ended after {got} bytes")
            break
        got += len(b)
    s.close()  # unread data: Linux resets the connection
    say(f"closed a 50 MB stream after {got} bytes")


if mode == "slow":
    slow(int(sys.argv[3]))
elif mode == "many":
    many(int(sys.argv[3]), sys.argv[4])
elif mode == "full":
    full(int(sys.argv[3]))
elif mode == "abort":
    abort()
else:
    sys.exit(f"unknown mode {mode}")
if errors:
    sys.exit("FAIL:\n" + "\n".join(errors))
