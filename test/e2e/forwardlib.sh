# shellcheck shell=bash
# Shared by the tests of uk run --rig --forward (xen-forward.sh,
# xen-http-forward.sh), sourced after lib.sh: run an app's guest with a
# forward in the background, wait for its ready line, stop it with SIGINT.

# A TCP port nothing on this host listens on.
free_port() {
	local p
	for _ in $(seq 100); do
		p=$((20000 + RANDOM % 20000))
		[ -z "$(ss -Hltn "sport = :$p")" ] && echo "$p" && return
	done
	fail "no free port"
}

# forward_start APP TARGET PORT GUESTPORT READY: `uk -C APP run --target
# TARGET --rig --forward PORT:GUESTPORT` in the background (output in
# run.out, run.err; its pid in UK_PID), until uk prints READY (a first run
# prepares the rig's cache: minutes).
forward_start() {
	"$UK" -C "$1" run --target "$2" --rig --forward "$3:$4" >run.out 2>run.err &
	UK_PID=$!
	FWD_PORT=$3
	trap 'kill -TERM $UK_PID 2>/dev/null || true' EXIT
	for _ in $(seq 600); do
		grep -qF "$5" run.out && break
		kill -0 "$UK_PID" 2>/dev/null || fail "uk run ended:"$'\n'"$(cat run.out run.err)"
		sleep 1
	done
	grep -qF "$5" run.out || fail "no ready line within 600 s:"$'\n'"$(cat run.out run.err)"
	[ -n "$(forward_qemu)" ] || fail "no QEMU with the forward"
}

# The QEMU of this run, found by its forwarding rule.
forward_qemu() {
	pgrep -f "hostfwd=tcp:127.0.0.1:$FWD_PORT-" || true
}

# SIGINT to uk: it must end within 120 s with status 130, say so, and
# leave no QEMU behind.
forward_stop() {
	local rc=0
	kill -INT "$UK_PID"
	for _ in $(seq 120); do
		kill -0 "$UK_PID" 2>/dev/null || break
		sleep 1
	done
	kill -0 "$UK_PID" 2>/dev/null && fail "uk run still runs 120 s after SIGINT"
	wait "$UK_PID" || rc=$?
	trap - EXIT
	assert_eq "$rc" 130 "uk run's status after SIGINT"
	assert_contains "$(cat run.err)" "uk: the guest was stopped by SIGINT"
	[ -z "$(forward_qemu)" ] || fail "QEMU is still running: $(forward_qemu)"
}
