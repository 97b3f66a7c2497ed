#!/usr/bin/env bash
# uk run --rig --forward on real Xen: the tcp-echo template built for
# xen/ARCH runs in the rig with `--forward PORT:7`; from this host, data
# sent to 127.0.0.1:PORT (QEMU's user network, socat in dom0, the guest's
# vif) comes back whole (sha256), twice. Then SIGINT to uk stops the guest
# (its console comes back), uk exits 130, and no QEMU of this run is left.
# The guest's rng was seeded by the per-boot seed `uk run` gave it.
# usage: xen-forward.sh x86_64 | xen-forward.sh arm64
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/forwardlib.sh"
arch=$1

"$UK" init echo --template tcp-echo >/dev/null
image=$("$UK" -C echo build --target "xen/$arch" | tail -n 1)
[ -f "$image" ] || fail "no image: $image"
port=$(free_port)
forward_start echo "xen/$arch" "$port" 7 \
	"uk: the guest's port 7 is at localhost:$port (Ctrl-C stops the guest)"

for n in 1 2; do
	head -c 300000 /dev/urandom >up
	timeout 60 socat -t 10 - "TCP:localhost:$port" <up >back || fail "socat failed (connection $n)"
	assert_eq "$(sha256sum <back)" "$(sha256sum <up)" "sha256 of the echo (connection $n)"
done

forward_stop
cat run.out
assert_contains "$(tr -d '\r' <run.out)" "tcp-echo: serving 10.0.0.2 port 7"
# uk run put a per-boot seed on the command line: the rng is seeded (on
# arm64 nothing else could seed it), and the seed is no argument
assert_not_contains "$(cat run.out)" "rng: not seeded"
assert_not_contains "$(cat run.out)" "uk.seed"
echo "ok"
