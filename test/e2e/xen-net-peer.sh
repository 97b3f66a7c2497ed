# shellcheck shell=dash
# dom0's side of xen-net.sh (busybox sh, run by the rig with --peer while
# the xennet guest runs): wait until the guest answers ping (its active
# checks come first), 20 pings, then 1 MB of random data through its echo
# server with busybox nc, and the sha256 of both.
i=0
until ping -c 1 -W 1 10.99.0.2 >/dev/null 2>&1; do
	i=$((i + 1))
	[ $i -lt 40 ] || { echo "peer: no answer to ping"; exit 1; }
done
ping -c 20 -i 0.2 10.99.0.2 | tail -n 2
head -c 1000000 /dev/urandom >/tmp/up
nc 10.99.0.2 7 </tmp/up >/tmp/back || echo "peer: nc failed"
echo "peer: sent $(wc -c </tmp/up) bytes, got back $(wc -c </tmp/back)"
echo "peer: sha256 sent $(sha256sum </tmp/up | cut -d' ' -f1)"
echo "peer: sha256 back $(sha256sum </tmp/back | cut -d' ' -f1)"
cmp -s /tmp/up /tmp/back
