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
many_connections "$n" 20
