#!/usr/bin/env bash
# uk run --rig --forward on real Xen: the tcp-echo template built for
# xen/ARCH runs in the rig with `--forward PORT:7`; from this host, data
# sent to 127.0.0.1:PORT (QEMU's user network, socat in dom0, the guest's
# vif) comes back whole (sha256), twice. Then SIGINT to uk stops the guest
# (its console comes back), uk exits 130, and no QEMU of this run is left.
# usage: xen-forward.sh x86_64 | xen-forward.sh arm64
. "$(dirname "$0")/lib.sh"
arch=$1

# A TCP port nothing on this host listens on.
free_port() {
	local p
	for _ in $(seq 100); do
		p=$((20000 + RANDOM % 20000))
		[ -z "$(ss -Hltn "sport = :$p")" ] && echo "$p" && return
	done
	fail "no free port"
}

# The QEMU of this run, found by its forwarding rule.
qemu_of_run() {
	pgrep -f "hostfwd=tcp:127.0.0.1:$port-" || true
}

"$UK" init echo --template tcp-echo >/dev/null
image=$("$UK" -C echo build --target "xen/$arch" | tail -n 1)
[ -f "$image" ] || fail "no image: $image"
port=$(free_port)
"$UK" -C echo run --target "xen/$arch" --rig --forward "$port:7" >run.out 2>run.err &
uk_pid=$!
trap 'kill -TERM $uk_pid 2>/dev/null || true' EXIT

# The ready line comes once the guest answers on its port (a first run
# prepares the rig's cache: minutes).
ready="uk: the guest's port 7 is at localhost:$port (Ctrl-C stops the guest)"
for _ in $(seq 600); do
	grep -qF "$ready" run.out && break
	kill -0 "$uk_pid" 2>/dev/null || fail "uk run ended:"$'\n'"$(cat run.out run.err)"
	sleep 1
done
grep -qF "$ready" run.out || fail "no ready line within 600 s:"$'\n'"$(cat run.out run.err)"
[ -n "$(qemu_of_run)" ] || fail "no QEMU with the forward"

for n in 1 2; do
	head -c 300000 /dev/urandom >up
	timeout 60 socat -t 10 - "TCP:localhost:$port" <up >back || fail "socat failed (connection $n)"
	assert_eq "$(sha256sum <back)" "$(sha256sum <up)" "sha256 of the echo (connection $n)"
done

kill -INT "$uk_pid"
for _ in $(seq 120); do
	kill -0 "$uk_pid" 2>/dev/null || break
	sleep 1
done
kill -0 "$uk_pid" 2>/dev/null && fail "uk run still runs 120 s after SIGINT"
rc=0
wait "$uk_pid" || rc=$?
trap - EXIT
assert_eq "$rc" 130 "uk run's status after SIGINT"
cat run.out
assert_contains "$(tr -d '\r' <run.out)" "tcp-echo: serving 10.0.0.2 port 7"
assert_contains "$(cat run.err)" "uk: the guest was stopped by SIGINT"
[ -z "$(qemu_of_run)" ] || fail "QEMU is still running: $(qemu_of_run)"
echo "ok"
