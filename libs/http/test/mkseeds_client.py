#!/usr/bin/env python3
"""Writes fuzz_client's seed corpus (corpus-client/): records as test/net/fuzz.h
says, [flags][delay][len hi][len lo] then the bytes a server sends (flags: 1
starts a new response, 2 to a HEAD, 4 ends the connection after).
Run it from libs/http/test: python3 mkseeds_client.py"""
import os
import struct

NEW, HEAD, EOF = 1, 2, 4


def rec(flags, data):
    return bytes([flags, 0]) + struct.pack(">H", len(data)) + data


SEEDS = {
    "length": [rec(NEW, b"HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Length: 5\r\n\r\nhel"),
               rec(0, b"lo")],
    "chunked": [rec(NEW, b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;a=b\r\nhello"),
                rec(0, b"\r\n1A\r\n" + b"x" * 26 + b"\r\n0\r\nTrailer: t\r\n\r\n")],
    "interim": [rec(NEW, b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\n"
                         b"Link: </a>\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")],
    "head": [rec(NEW | HEAD, b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")],
    "close": [rec(NEW | EOF, b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n\r\nuntil the end")],
    "nobody": [rec(NEW, b"HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n"),
               rec(NEW, b"HTTP/1.1 204 No Content\nConnection: close\n\n")],
    "bad": [rec(NEW, b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"),
            rec(NEW, b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n"),
            rec(NEW, b"HTTP/1.1 200 OK\r\nX: a\r\n folded\r\n\r\n")],
}

os.makedirs("corpus-client", exist_ok=True)
for name, recs in SEEDS.items():
    with open(os.path.join("corpus-client", name), "wb") as f:
        f.write(b"".join(recs))
