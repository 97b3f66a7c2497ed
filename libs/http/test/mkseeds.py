#!/usr/bin/env python3
"""Writes fuzz_http's seed corpus (corpus/): records as test/net/fuzz.h says,
[flags][delay][len hi][len lo] then the bytes the client sends (flags: 1 opens
a new connection first, 2 sends a FIN after, 4 shuts the client's window).
Run it from libs/http/test: python3 mkseeds.py"""
import os
import struct

NEW, FIN, SHUT = 1, 2, 4


def rec(flags, data, delay=0):
    return bytes([flags, delay]) + struct.pack(">H", len(data)) + data


SEEDS = {
    "get": [rec(NEW, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")],
    "head-range": [rec(NEW, b"HEAD /big.bin HTTP/1.1\r\nHost: x\r\nRange: bytes=10-20\r\n\r\n"),
                   rec(0, b"GET /big.bin HTTP/1.1\r\nHost: x\r\nRange: bytes=-5\r\n"
                          b"If-Range: \"big1\"\r\n\r\n")],
    "gzip": [rec(NEW, b"GET /style.css HTTP/1.1\r\nHost: x\r\n"
                      b"Accept-Encoding: br;q=1, gzip;q=0.5, *;q=0\r\n"
                      b"If-None-Match: W/\"css1-gz\", \"x\"\r\n\r\n")],
    "pipelined": [rec(NEW, b"GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n"
                           b"GET /docs HTTP/1.1\r\nHost: x\r\n\r\n"
                           b"GET /docs/a%20b.txt?q HTTP/1.1\r\nHost: x\r\n\r\nGET /"),
                  rec(0, b"missing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")],
    "chunked": [rec(NEW, b"POST /echo?a=b HTTP/1.1\r\nHost: x\r\n"
                         b"Transfer-Encoding: chunked\r\n\r\n4;e=1\r\nWiki\r\n"),
                rec(0, b"5\r\npedia\r\n0\r\nTrailer: t\r\n\r\n")],
    "length": [rec(NEW, b"POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                        b"Content-Length: 10\r\n\r\n"),
               rec(0, b"0123456789", delay=200)],
    "http10": [rec(NEW, b"GET /stream HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"),
               rec(NEW | FIN, b"GET /stream/len HTTP/1.0\r\n\r\n")],
    "stream-shut": [rec(NEW | SHUT, b"GET /stream HTTP/1.1\r\nHost: x\r\n\r\n"),
                    rec(0, b"", delay=140)],
    "errors": [rec(NEW, b"GET / HTTP/1.1\r\n\r\n"),
               rec(NEW, b"GET /" + b"a" * 3000 + b" HTTP/1.1\r\n\r\n"),
               rec(NEW, b"GET / HTTP/1.1\r\nHost: x\r\n" + b"A: b\r\n" * 40 + b"\r\n"),
               rec(NEW, b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"),
               rec(NEW, b"PUT /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nx"),
               rec(NEW, b"GET /%2e%2e/%5c HTTP/1.1\r\nHost: x\r\n\r\n")],
    "slow": [rec(NEW, b"GET / HTTP/1.1\r\n")] + [rec(0, b"X", delay=128)] * 12,
    "absolute": [rec(NEW, b"GET http://x/docs/../index.html?z HTTP/1.1\r\nHost: y\r\n\r\n"),
                 rec(FIN, b"\r\n\r\nOPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n")],
}

here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(os.path.join(here, "corpus"), exist_ok=True)
for name, records in SEEDS.items():
    with open(os.path.join(here, "corpus", name), "wb") as f:
        f.write(b"".join(records))
