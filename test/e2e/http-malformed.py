# The traversals and malformed requests of test/e2e/http-static.sh, against
# httpprobe's site and limits (request line 1024, 16 fields, 2048 bytes of
# fields, bodies of 4096): each must get its status (docs/http.md,
# "Requests") and then the close, and a normal request on a new connection
# must be served after each malformed one.
#
#   http-malformed.py ADDR EXPECT
# writes to EXPECT, one "counter N" a line, how much each http counter
# must have grown; exits 1 at the first case that fails.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import http_wire  # noqa: E402

addr, expect_path = sys.argv[1], sys.argv[2]
H = b"Host: a\r\n"
GOOD = b"GET /style.css HTTP/1.1\r\n" + H + b"Connection: close\r\n\r\n"
SITE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../apps/httpprobe/site")


def site(path):
    with open(os.path.join(SITE, path), "rb") as f:
        return f.read()


many = b"".join(b"X-F%d: v\r\n" % i for i in range(16))

# name, request, status (None: no response, the server only closes),
# the counter that goes up (None: none does)
CASES = [
    # request lines
    ("space in method", b"G ET / HTTP/1.1\r\n" + H + b"\r\n", 400, "parse_errors"),
    ("two spaces", b"GET  / HTTP/1.1\r\n" + H + b"\r\n", 400, "parse_errors"),
    ("space at the end", b"GET / HTTP/1.1 \r\n" + H + b"\r\n", 400, "parse_errors"),
    ("HTTP/0.9 line", b"GET /\r\n\r\n", 400, "parse_errors"),
    ("no target", b"GET HTTP/1.1\r\n" + H + b"\r\n", 400, "parse_errors"),
    ("bad protocol", b"GET / HTTX/1.1\r\n" + H + b"\r\n", 400, "parse_errors"),
    ("version 1.10", b"GET / HTTP/1.10\r\n" + H + b"\r\n", 400, "parse_errors"),
    ("lower-case protocol", b"GET / http/1.1\r\n" + H + b"\r\n", 400, "parse_errors"),
    ("tab in the line", b"GET\t/ HTTP/1.1\r\n" + H + b"\r\n", 400, "parse_errors"),
    ("raw byte in target", b"GET /\xff HTTP/1.1\r\n" + H + b"\r\n", 400, "parse_errors"),
    ("bare CR in line", b"GET /\r HTTP/1.1\r\n" + H + b"\r\n", 400, "parse_errors"),
    ("asterisk form", b"OPTIONS * HTTP/1.1\r\n" + H + b"\r\n", 400, "parse_errors"),
    ("authority form", b"CONNECT a:443 HTTP/1.1\r\n" + H + b"\r\n", 400, "parse_errors"),
    ("other scheme", b"GET ftp://a/ HTTP/1.1\r\n" + H + b"\r\n", 400, "parse_errors"),
    ("many CRLFs first", b"\r\n" * 64 + GOOD, 400, "parse_errors"),
    # fields
    ("space in a name", b"GET / HTTP/1.1\r\n" + H + b"Bad Name: x\r\n\r\n", 400, "parse_errors"),
    ("space before colon", b"GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400, "parse_errors"),
    ("tab before colon", b"GET / HTTP/1.1\r\n" + H + b"X\t: a\r\n\r\n", 400, "parse_errors"),
    ("no colon", b"GET / HTTP/1.1\r\n" + H + b"NoColon\r\n\r\n", 400, "parse_errors"),
    ("empty name", b"GET / HTTP/1.1\r\n" + H + b": v\r\n\r\n", 400, "parse_errors"),
    ("obs-fold", b"GET / HTTP/1.1\r\n" + H + b"X: a\r\n  b\r\n\r\n", 400, "parse_errors"),
    ("field first folded", b"GET / HTTP/1.1\r\n " + H + b"\r\n", 400, "parse_errors"),
    ("control in value", b"GET / HTTP/1.1\r\n" + H + b"X: a\x01b\r\n\r\n", 400, "parse_errors"),
    ("NUL in value", b"GET / HTTP/1.1\r\n" + H + b"X: a\x00b\r\n\r\n", 400, "parse_errors"),
    ("DEL in value", b"GET / HTTP/1.1\r\n" + H + b"X: a\x7fb\r\n\r\n", 400, "parse_errors"),
    ("bare CR in field", b"GET / HTTP/1.1\r\n" + H + b"X: a\rY: b\r\n\r\n", 400, "parse_errors"),
    ("no Host", b"GET / HTTP/1.1\r\nX: y\r\n\r\n", 400, "parse_errors"),
    ("two Hosts", b"GET / HTTP/1.1\r\n" + H + H + b"\r\n", 400, "parse_errors"),
    ("bad Host", b"GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400, "parse_errors"),
    # framing
    ("Content-Length twice, differing",
     b"POST /echo HTTP/1.1\r\n" + H + b"Content-Length: 1\r\nContent-Length: 2\r\n\r\nab",
     400, "parse_errors"),
    ("Content-Length list, differing",
     b"POST /echo HTTP/1.1\r\n" + H + b"Content-Length: 1, 2\r\n\r\nab", 400, "parse_errors"),
    ("Content-Length negative",
     b"POST /echo HTTP/1.1\r\n" + H + b"Content-Length: -1\r\n\r\n", 400, "parse_errors"),
    ("Content-Length signed",
     b"POST /echo HTTP/1.1\r\n" + H + b"Content-Length: +1\r\n\r\na", 400, "parse_errors"),
    ("Content-Length hex",
     b"POST /echo HTTP/1.1\r\n" + H + b"Content-Length: 0x1\r\n\r\na", 400, "parse_errors"),
    ("Content-Length empty",
     b"POST /echo HTTP/1.1\r\n" + H + b"Content-Length:\r\n\r\n", 400, "parse_errors"),
    ("Content-Length overflow",
     b"POST /echo HTTP/1.1\r\n" + H + b"Content-Length: 18446744073709551617\r\n\r\n",
     400, "parse_errors"),
    ("chunked and Content-Length",
     b"POST /echo HTTP/1.1\r\n" + H
     + b"Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n", 400, "parse_errors"),
    ("chunked in HTTP/1.0",
     b"POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400, "parse_errors"),
    ("chunked twice",
     b"POST /echo HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n",
     400, "parse_errors"),
    ("chunked with a parameter",
     b"POST /echo HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked;x=1\r\n\r\n0\r\n\r\n",
     400, "parse_errors"),
    ("bad chunk size",
     b"POST /echo HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\nzz\r\n", 400,
     "parse_errors"),
    ("chunk without its CRLF",
     b"POST /echo HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n",
     400, "parse_errors"),
    ("chunk size overflow",
     b"POST /echo HTTP/1.1\r\n" + H
     + b"Transfer-Encoding: chunked\r\n\r\nfffffffffffffffffffff\r\n", 413, "body_too_big"),
    ("chunks beyond the body limit",
     b"POST /echo HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\n"
     + (b"800\r\n" + b"x" * 0x800 + b"\r\n") * 3 + b"0\r\n\r\n", 413, "body_too_big"),
    ("Content-Length beyond the body limit",
     b"POST /echo HTTP/1.1\r\n" + H + b"Content-Length: 4097\r\n\r\n", 413, "body_too_big"),
    ("a large Content-Length",
     b"POST /echo HTTP/1.1\r\n" + H + b"Content-Length: 999999999999\r\n\r\n", 413,
     "body_too_big"),
    ("gzip coding", b"POST /echo HTTP/1.1\r\n" + H + b"Transfer-Encoding: gzip\r\n\r\n", 501,
     "not_implemented"),
    ("gzip then chunked",
     b"POST /echo HTTP/1.1\r\n" + H + b"Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501,
     "not_implemented"),
    ("HTTP/2.0", b"GET / HTTP/2.0\r\n" + H + b"\r\n", 505, "not_implemented"),
    ("HTTP/0.9 version", b"GET / HTTP/0.9\r\n" + H + b"\r\n", 505, "not_implemented"),
    ("HTTP/2 preface", b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505, "not_implemented"),
    ("unknown method", b"BREW / HTTP/1.1\r\n" + H + b"Connection: close\r\n\r\n", 501, None),
    ("lower-case method", b"get / HTTP/1.1\r\n" + H + b"Connection: close\r\n\r\n", 501, None),
    ("Expect other", b"POST /echo HTTP/1.1\r\n" + H + b"Expect: 200-ok\r\nContent-Length: 1\r\n\r\n",
     417, None),
    # limits
    ("request line of 1025", b"GET /" + b"a" * 1010 + b" HTTP/1.1\r\n" + H + b"\r\n", 414,
     "line_too_long"),
    ("request line of 64 KiB", b"GET /" + b"a" * 65536, 414, "line_too_long"),
    ("17 fields", b"GET / HTTP/1.1\r\n" + H + many + b"\r\n", 431, "headers_too_big"),
    ("2100 bytes of a field", b"GET / HTTP/1.1\r\n" + H + b"X: " + b"v" * 2100 + b"\r\n\r\n", 431,
     "headers_too_big"),
    ("fields never ending", b"GET / HTTP/1.1\r\n" + H + b"X: y\r\n" * 1000, 431,
     "headers_too_big"),
    ("trailers beyond the limit",
     b"POST /echo HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n"
     + b"T: " + b"t" * 2100 + b"\r\n\r\n", 431, "headers_too_big"),
    # cut short: the server closes without an answer when the peer does
    ("head cut short", b"GET / HTTP/1.1\r\n" + H, None, None),
    ("body cut short", b"POST /echo HTTP/1.1\r\n" + H + b"Content-Length: 10\r\n\r\nabc", None,
     None),
]


# Traversals: target, status, the site file that is the body (None: the
# 404 page for a 404, nothing checked for a 400). Nothing reaches above
# "/": dot segments and their encodings are removed, an encoded NUL, a
# backslash, a control character or a bad escape is a 400.
TRAVERSALS = [
    ("/../index.html", 200, "index.html"),
    ("/../../../../etc/passwd", 404, None),
    ("/%2e%2e/index.html", 200, "index.html"),
    ("/%2E%2E%2Fetc%2Fpasswd", 404, None),
    ("/%2E%2E%2F%2E%2E%2Fstyle.css", 200, "style.css"),
    ("/folder/..%2f..%2fapp.js", 200, "app.js"),
    ("/folder/..%2F..%2F..%2Fetc/passwd", 404, None),
    ("/folder/../data.json", 200, "data.json"),
    ("/folder/./../folder/.", 200, "folder/index.html"),
    ("//folder///index.html", 200, "folder/index.html"),
    ("/.%2e/.%2e/big.txt", 200, "big.txt"),
    ("/%252e%252e/etc/passwd", 404, None),
    ("/%252e%252e%252fstyle.css", 404, None),
    ("/..%252fstyle.css", 404, None),
    ("/%00", 400, None),
    ("/index.html%00.txt", 400, None),
    ("/index.html%00", 400, None),
    ("/%2e%2e%00/etc/passwd", 400, None),
    ("/..\\..\\etc\\passwd", 400, None),
    ("/folder\\index.html", 400, None),
    ("/%5c..%5cetc%5cpasswd", 400, None),
    ("/%5C", 400, None),
    ("/%0d%0aX:y", 400, None),
    ("/%7f", 400, None),
    ("/index.html#x", 400, None),
    ("/%2", 400, None),
    ("/%zz", 400, None),
    ("../index.html", 400, None),
    ("index.html", 400, None),
    ("*", 400, None),
    ("http://a/../blob.bin", 200, "blob.bin"),
    ("http://a/%2e%2e/%2e%2e/etc/passwd", 404, None),
]


def check(name, req, status, expect_close=True, half_close=False):
    data, ended = http_wire.exchange(addr, req, idle=5, half_close=half_close)
    resps, rest = http_wire.parse(data, http_wire.methods_of(req))
    got = [r.status for r in resps]
    want = [] if status is None else [status]
    if got != want or rest or (expect_close and ended != "closed"):
        sys.exit(f"FAIL: {name}: {req[:80]!r}...: responses {got}, want {want}; "
                 f"{len(rest)} bytes left; connection {ended}")
    return resps


counts = {}
for target, status, file in TRAVERSALS:
    name = f"GET {target}"
    r = check(name, b"GET %s HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
              % target.encode(), status)
    if status == 400:
        counts["parse_errors"] = counts.get("parse_errors", 0) + 1
    elif r[0].body != site(file or "404.html"):
        sys.exit(f"FAIL: {name}: the body is not {file or '404.html'}")
print(f"traversals: {len(TRAVERSALS)} targets, none above the site")
for name, req, status, counter in CASES:
    # a request cut short waits for more: the peer's FIN ends it
    check(name, req, status, half_close=status is None)
    if counter:
        counts[counter] = counts.get(counter, 0) + 1
    r = check(name + ", then a normal request", GOOD, 200)
    if r[0].body != site("style.css"):
        sys.exit(f"FAIL: after {name}: the normal request's body differs")
with open(expect_path, "w") as f:
    for k in ("parse_errors", "line_too_long", "headers_too_big", "body_too_big",
              "not_implemented"):
        f.write(f"{k} {counts.get(k, 0)}\n")
print(f"malformed requests: {len(CASES)} cases, each its status and a close; "
      + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
