#!/usr/bin/env python3
"""Writes fuzz_dhcp's seed corpus into corpus/ (run from this directory).
Records as test/net/fuzz.h says: [flags][delay][len hi][len lo] data."""
import os
import struct

SERVER, OURS, ROUTER = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]), bytes([10, 0, 0, 1])


def reply(mtype, yiaddr=OURS, opts=b"", end=True):
    m = bytearray(236)
    m[0], m[1], m[2] = 2, 1, 6
    m[16:20] = yiaddr
    m += bytes([99, 130, 83, 99])
    m += bytes([53, 1, mtype]) + bytes([54, 4]) + SERVER + opts
    if end:
        m += bytes([255])
    m += bytes(max(0, 300 - len(m)))
    return bytes(m)


def lease(t):
    return (bytes([51, 4]) + struct.pack(">I", t) + bytes([1, 4, 255, 255, 255, 0]) +
            bytes([3, 4]) + ROUTER + bytes([6, 8]) + ROUTER + bytes([10, 0, 0, 9]))


def rec(flags, delay, data):
    return bytes([flags, delay]) + struct.pack(">H", len(data)) + data


SEEDS = {
    "exchange-and-renewal": rec(3, 1, reply(2, opts=lease(120))) +
    rec(3, 1, reply(5, opts=lease(120))) +
    rec(1, 255, reply(5, opts=lease(120))),
    "nak": rec(3, 1, reply(2, opts=lease(60))) + rec(3, 1, reply(6)),
    "expiry-and-rebind": rec(3, 1, reply(2, opts=lease(200))) +
    rec(3, 1, reply(5, opts=lease(200))) + rec(3, 255, b"") + rec(3, 200, reply(5, opts=lease(200))),
    "bad-options": rec(3, 1, reply(2, opts=bytes([3, 200, 10, 0]), end=False)) +
    rec(3, 1, reply(2, opts=bytes([1, 3, 255, 255, 255]))) +
    rec(0x83, 1, reply(2, opts=lease(60) + bytes([0, 0, 12, 3]) + b"uk")),
    "unicast-offer-no-fixup": rec(1, 1, reply(2, opts=lease(60))) + rec(0, 1, reply(5)),
}

os.makedirs("corpus", exist_ok=True)
for name, data in SEEDS.items():
    with open(os.path.join("corpus", name), "wb") as f:
        f.write(data)
