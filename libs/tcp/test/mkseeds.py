#!/usr/bin/env python3
"""Writes fuzz_tcp's seed corpus (corpus/): records as test/net/fuzz.h says,
[flags][delay][len hi][len lo] then a TCP segment, framed by fuzz_tcp.c
(flags: 1 fixes the checksum, 2 the data offset, 4 sets the ports 40000 to
80, 8 makes seq and ack offsets from the connection's rcv_nxt and snd_una,
128 with 8 does that to SACK block edges too).
Run it from libs/tcp/test: python3 mkseeds.py"""
import os
import struct

FIX, OFF, PORTS, REL, SACKREL = 1, 2, 4, 8, 128
SYN, ACK, FIN, RST, PSH = 0x02, 0x10, 0x01, 0x04, 0x08


def seg(seq, ack, flags, wnd=65535, opts=b"", data=b""):
    hlen = 20 + len(opts)
    return struct.pack(">HHIIBBHHH", 40000, 80, seq, ack, (hlen // 4) << 4, flags, wnd,
                       0, 0) + opts + data


def rec(flags, payload, delay=0):
    return bytes([flags, delay]) + struct.pack(">H", len(payload)) + payload


SYN_OPTS = bytes([2, 4, 0x05, 0xb4, 1, 3, 3, 7])
syn = rec(FIX | PORTS, seg(1000, 0, SYN, opts=SYN_OPTS))
hs_ack = rec(FIX | PORTS | REL, seg(0, 1, ACK))


def after_handshake(*records):
    return syn + hs_ack + b"".join(records)


# with SACK-permitted: the peer sends 4000 bytes that the listener echoes,
# then acknowledges with SACK blocks (edges relative to snd_una)
SACK_SYN_OPTS = bytes([2, 4, 0x05, 0xb4, 1, 3, 3, 7, 1, 1, 4, 2])
sack_syn = rec(FIX | PORTS, seg(1000, 0, SYN, opts=SACK_SYN_OPTS))


def sack_blocks(*edges):
    body = b"".join(struct.pack(">I", e) for e in edges)
    return bytes([1, 1, 5, 2 + len(body)]) + body


def after_sack_handshake(*records):
    return (sack_syn + hs_ack +
            rec(FIX | PORTS | REL, seg(0, 0, ACK | PSH, data=bytes(range(256)) * 16)) +
            b"".join(records))


seeds = {
    "syn": syn,
    "handshake": after_handshake(),
    "data": after_handshake(rec(FIX | PORTS | REL, seg(0, 0, ACK | PSH, data=b"hello, tcp"))),
    "out-of-order": after_handshake(
        rec(FIX | PORTS | REL, seg(5, 0, ACK, data=b"world")),
        rec(FIX | PORTS | REL, seg(0, 0, ACK, data=b"hello"))),
    "peer-close": after_handshake(
        rec(FIX | PORTS | REL, seg(0, 0, ACK | FIN, data=b"bye")),
        rec(FIX | PORTS | REL, seg(0, 1, ACK), delay=10)),
    "rst-in-window": after_handshake(rec(FIX | PORTS | REL, seg(3, 0, RST))),
    "rst-exact": after_handshake(rec(FIX | PORTS | REL, seg(0, 0, RST))),
    "syn-in-established": after_handshake(rec(FIX | PORTS | REL, seg(7, 0, SYN))),
    "retransmission": after_handshake(
        rec(FIX | PORTS | REL, seg(0, 0, ACK, data=b"x" * 100)),
        rec(FIX | PORTS | REL, seg(0, 0, ACK), delay=200)),
    "bad-option": rec(FIX | PORTS, seg(1, 0, SYN, opts=bytes([2, 3, 0, 0]))),
    "bad-offset": rec(PORTS, bytes(seg(1, 0, SYN)[:12]) + bytes([0xf0]) + seg(1, 0, SYN)[13:]),
    "closed-port": rec(FIX, struct.pack(">HHIIBBHHH", 1234, 81, 1, 0, 0x50, SYN, 100, 0, 0)),
    "zero-window": after_handshake(rec(FIX | PORTS | REL, seg(0, 0, ACK, wnd=0, data=b"ping"))),
    "sack-syn": sack_syn,
    "sack-recovery": after_sack_handshake(
        rec(FIX | PORTS | REL | SACKREL, seg(0, 0, ACK, opts=sack_blocks(1460, 2920))),
        rec(FIX | PORTS | REL | SACKREL, seg(0, 0, ACK, opts=sack_blocks(1460, 2920, 3000, 3500))),
        rec(FIX | PORTS | REL | SACKREL, seg(0, 0, ACK, opts=sack_blocks(1460, 4000))),
        rec(FIX | PORTS | REL | SACKREL, seg(0, 0, ACK, opts=sack_blocks(2920, 4096)), delay=250)),
    "sack-bad-length": after_sack_handshake(
        rec(FIX | PORTS | REL, seg(0, 0, ACK, opts=bytes([1, 1, 5, 6, 0, 0, 0, 1, 0, 0, 0, 0])))),
}

os.makedirs("corpus", exist_ok=True)
for name, data in seeds.items():
    with open(os.path.join("corpus", name), "wb") as f:
        f.write(data)
