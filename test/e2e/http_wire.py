# HTTP/1.1 on the wire for the http tests (test/e2e/http-*.sh), where curl
# cannot send what they need: requests written as they are (pipelined,
# malformed, a byte at a time), and the responses that come back parsed
# strictly (status line, fields, a body by Content-Length or chunked, none
# for HEAD, 1xx, 204 and 304).
#
#   http_wire.py ADDR REQFILE [OUTDIR] [--slow SECS]
# sends the bytes of REQFILE to ADDR:80 (one byte every SECS with --slow),
# reads until the server closes (or nothing came for 8 s), and prints, for
# each response, "response N: STATUS", its fields as "name: value" (names
# in lower case), "body: LEN"; the body goes to OUTDIR/N. The last line is
# "end: closed", "end: reset" or "end: open", then "trailing: LEN" if bytes
# were left that are not a response. Exits 1 on a response it cannot parse.
import re
import socket
import sys
import time

STATUS_RE = re.compile(rb"HTTP/1\.[01] ([1-5][0-9][0-9]) [^\r\n]*\r\n")


class Response:
    def __init__(self, status, fields, body):
        self.status = status
        self.fields = fields  # [(name lower, value)]
        self.body = body

    def get(self, name):
        for k, v in self.fields:
            if k == name:
                return v
        return None


def methods_of(req):
    """The methods of the requests in req, in order (good enough for the
    tests' requests: a line that starts with a method and ends in HTTP/x)."""
    return re.findall(rb"(?m)^([A-Z]+) \S* HTTP/[0-9.]+\r?$", req)


def parse(data, methods=()):
    """Splits data into responses; returns (responses, rest). methods
    tells which were HEAD (no body whatever the fields say)."""
    out = []
    pos = 0
    final = 0  # responses that were not 1xx, to match them with methods
    while pos < len(data):
        m = STATUS_RE.match(data, pos)
        if not m:
            break
        end = data.find(b"\r\n\r\n", m.end() - 2)
        if end < 0:
            break
        status = int(m.group(1))
        fields = []
        for line in data[m.end():end].split(b"\r\n"):
            if not line:
                continue
            k, sep, v = line.partition(b":")
            if not sep or k != k.strip():
                raise ValueError(f"bad field {line!r}")
            fields.append((k.decode().lower(), v.strip().decode("latin-1")))
        resp = Response(status, fields, b"")
        p = end + 4
        head = final < len(methods) and methods[final] == b"HEAD"
        if status >= 200:
            final += 1
        if head or status < 200 or status in (204, 304):
            pass
        elif resp.get("transfer-encoding") == "chunked":
            body = bytearray()
            while True:
                e = data.find(b"\r\n", p)
                if e < 0:
                    return out, data[pos:]
                size = int(data[p:e].split(b";")[0], 16)
                p = e + 2
                if size == 0:
                    e = data.find(b"\r\n", p)  # no trailers from this server
                    if e < 0:
                        return out, data[pos:]
                    p = e + 2
                    break
                if len(data) < p + size + 2:
                    return out, data[pos:]
                body += data[p:p + size]
                p += size + 2
            resp.body = bytes(body)
        elif resp.get("content-length") is not None:
            n = int(resp.get("content-length"))
            if len(data) < p + n:
                return out, data[pos:]
            resp.body = data[p:p + n]
            p += n
        else:
            resp.body = data[p:]  # delimited by the close
            p = len(data)
        out.append(resp)
        pos = p
    return out, data[pos:]


def exchange(addr, req, slow=0.0, idle=8.0, port=80, half_close=False):
    """Sends req (then a FIN with half_close), reads to the close; returns
    (bytes, how it ended)."""
    s = socket.create_connection((addr, port), timeout=idle)
    ended = "open"
    try:
        if slow:
            for i in range(len(req)):
                s.sendall(req[i:i + 1])
                time.sleep(slow)
        else:
            s.sendall(req)
        if half_close:
            s.shutdown(socket.SHUT_WR)
    except (BrokenPipeError, ConnectionResetError):
        ended = "reset"
    data = bytearray()
    while ended == "open":
        try:
            b = s.recv(65536)
        except socket.timeout:
            break
        except ConnectionResetError:
            ended = "reset"
            break
        if not b:
            ended = "closed"
            break
        data += b
    s.close()
    return bytes(data), ended


def main():
    args = sys.argv[1:]
    slow = 0.0
    if "--slow" in args:
        i = args.index("--slow")
        slow = float(args[i + 1])
        del args[i:i + 2]
    addr, reqfile = args[0], args[1]
    outdir = args[2] if len(args) > 2 else None
    req = open(reqfile, "rb").read()
    data, ended = exchange(addr, req, slow)
    resps, rest = parse(data, methods_of(req))
    for i, r in enumerate(resps, 1):
        print(f"response {i}: {r.status}")
        for k, v in r.fields:
            print(f"{k}: {v}")
        print(f"body: {len(r.body)}")
        if outdir:
            open(f"{outdir}/{i}", "wb").write(r.body)
    print(f"end: {ended}")
    if rest:
        print(f"trailing: {len(rest)}")


if __name__ == "__main__":
    main()
