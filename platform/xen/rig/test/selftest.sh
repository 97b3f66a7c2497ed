#!/usr/bin/env bash
# Self-test of xenrig on real Xen. It builds the tiny PVH guest of
# test/guest.S and runs the rig twice (two boots of Xen in QEMU):
#   1. three guests: one that writes exit status 3 to xenstore and powers off,
#      one that crashes, one that hangs until --timeout 3: exit status 0, and
#      exactly the documented output;
#   2. with --net: a guest with a vif on xenbr0, and one whose memory cannot
#      be allocated (create-failed): exit status 1;
# and checks usage errors (exit status 2) without booting anything.
#
#   test/selftest.sh [--cache DIR]     (the rig's default cache otherwise)
#
# Exit status 0 if every check passed, 1 if one failed or if clang, ld.lld
# or qemu-system-x86_64 is missing (scripts/setup-debian.sh installs them).
set -euo pipefail

TEST_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly TEST_DIR
readonly RIG=$TEST_DIR/../xenrig
CACHE_ARGS=()
WORK=
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$TEST_DIR/lib.sh"

# Build guest.elf from test/guest.S into the work directory.
build_guest() {
	clang --target=x86_64-unknown-none-elf -c "$TEST_DIR/guest.S" -o "$WORK/guest.o"
	ld.lld -static -nostdlib --no-dynamic-linker -z max-page-size=4096 -z norelro \
		-T "$TEST_DIR/guest.ld" -o "$WORK/guest.elf" "$WORK/guest.o"
}

# Write the xl config $WORK/$1.cfg for guest $1 with command line $2 and
# kernel path $3; further arguments are extra lines.
write_cfg() {
	local name=$1 cmdline=$2 kernel=$3
	shift 3
	{
		echo "name = \"$name\""
		echo 'type = "pvh"'
		echo "kernel = \"$kernel\""
		echo 'memory = 16'
		echo 'vcpus = 1'
		echo 'on_poweroff = "destroy"   # the rig forces "preserve"'
		echo "extra = \"$cmdline\""
		printf '%s\n' "$@"
	} >"$WORK/$name.cfg"
}

# The first boot: poweroff with exit status, crash, timeout.
test_three_guests() {
	write_cfg st-poweroff poweroff guest.elf
	write_cfg st-crash crash "$WORK/guest.elf"
	write_cfg st-hang hang guest.elf
	run_rig three --timeout 3 "$WORK/st-poweroff.cfg" "$WORK/st-crash.cfg" "$WORK/st-hang.cfg"
	check "three guests: exit status 0" exited three 0
	check "three guests: stage lines" stage_lines_ok "$WORK/three.out"
	check "three guests: output" output_is "$WORK/three.out" <<'EOF'
=== xenrig guest st-poweroff console
xenrig-selftest: console ok, cmdline=poweroff
=== xenrig guest st-poweroff result: exit=3 shutdown=poweroff domid=N create_ms=N run_ms=N
=== xenrig guest st-crash console
xenrig-selftest: console ok, cmdline=crash
=== xenrig guest st-crash result: exit=none shutdown=crash domid=N create_ms=N run_ms=N
=== xenrig guest st-hang console
xenrig-selftest: console ok, cmdline=hang
=== xenrig guest st-hang result: exit=none shutdown=timeout domid=N create_ms=N run_ms=N
=== xenrig summary: guests=3 boot_ms=N total_ms=N
EOF
	check "three guests: the hanging one ran until the timeout" run_ms_at_least "$WORK/three.out" st-hang 3000
	check "three guests: port 0xE9 output in the serial log" \
		test "$(grep -c '(d[0-9]*) xenrig-selftest$' "$WORK/three.log")" = 3
}

# The second boot: --net with a vif guest, and a guest that cannot be created.
test_net_and_create_failure() {
	write_cfg st-net poweroff guest.elf 'vif = [ "bridge=xenbr0,mac=00:16:3e:00:00:01" ]'
	write_cfg st-toobig poweroff guest.elf 'memory = 100000'
	run_rig net --net --timeout 10 "$WORK/st-net.cfg" "$WORK/st-toobig.cfg"
	check "net + create failure: exit status 1" exited net 1
	check "net + create failure: output" output_is "$WORK/net.out" <<'EOF'
=== xenrig guest st-net console
xenrig-selftest: console ok, cmdline=poweroff
=== xenrig guest st-net result: exit=3 shutdown=poweroff domid=N create_ms=N run_ms=N
=== xenrig guest st-toobig console
=== xenrig guest st-toobig result: exit=none shutdown=create-failed domid=none create_ms=N run_ms=none
=== xenrig summary: guests=2 boot_ms=N total_ms=N
EOF
	check "net + create failure: xl's error on stderr" grep -q 'guest st-toobig: xl: .*Out of memory' "$WORK/net.err"
	check "net + create failure: clear failure message" grep -q '^xenrig: guest st-toobig: xl create failed' "$WORK/net.err"
}

# Usage errors: exit status 2, nothing booted.
test_usage_errors() {
	printf 'name = "nokernel"\n' >"$WORK/nokernel.cfg"
	run_rig usage-none
	check "usage: no config" exited usage-none 2
	run_rig usage-option --bogus "$WORK/st-poweroff.cfg"
	check "usage: unknown option" exited usage-option 2
	run_rig usage-nokernel "$WORK/nokernel.cfg"
	check "usage: config without kernel" exited usage-nokernel 2
	run_rig usage-twice "$WORK/st-poweroff.cfg" "$WORK/st-poweroff.cfg"
	check "usage: a guest name twice" exited usage-twice 2
	run_rig usage-peer-guest --peer nosuchguest="$WORK/st-poweroff.cfg" "$WORK/st-poweroff.cfg"
	check "usage: --peer for a guest that is not there" exited usage-peer-guest 2
	run_rig usage-peer-file --peer st-poweroff="$WORK/no-such-script" "$WORK/st-poweroff.cfg"
	check "usage: --peer with a missing script" exited usage-peer-file 2
}

main() {
	while (($#)); do
		case $1 in
		--cache) CACHE_ARGS=(--cache "$2") && shift 2 ;;
		*) echo "usage: selftest.sh [--cache DIR]" >&2 && exit 2 ;;
		esac
	done
	require_tools clang ld.lld qemu-system-x86_64
	WORK=$(mktemp -d "${TMPDIR:-/tmp}/xenrig-selftest.XXXXXX")
	trap 'rm -rf "$WORK"' EXIT
	build_guest
	test_three_guests
	test_usage_errors
	test_net_and_create_failure
	summary
}

main "$@"
