#!/usr/bin/env bash
# Self-test of xenrig --arch arm64 on real Xen (Debian's arm64 Xen 4.17 in
# qemu-system-aarch64), and of apt-fetch. It builds the tiny Image guest of
# test/guest-arm64.S and runs the rig twice:
#   1. GICv3: four guests: one that writes exit status 3 to xenstore and
#      powers off, one that crashes, one that hangs until --timeout 3, one with
#      type = "pvh" (accepted by xl on arm64): exit status 0 and exactly the
#      documented output; Xen's device tree as the rig edited it (--keep);
#   2. GICv2 with --net: a guest with a vif on xenbr0, and one whose memory
#      cannot be allocated (create-failed): exit status 1;
# and checks apt-fetch (libfdt-dev for arm64: the libfdt.a the uk CLI links
# into arm64 images) and the arch usage errors (exit status 2).
#
#   test/selftest-arm64.sh [--cache DIR]   (the rig's default cache otherwise)
#
# Exit status 0 if every check passed, 1 if one failed or if a tool is missing
# (clang, ld.lld, llvm-objcopy, qemu-system-aarch64, fdtget: Debian packages
# clang lld llvm qemu-system-arm device-tree-compiler).
set -euo pipefail

TEST_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly TEST_DIR
readonly RIG=$TEST_DIR/../xenrig
readonly APT_FETCH=$TEST_DIR/../../../../tools/apt-fetch
CACHE_ARGS=()
WORK=
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$TEST_DIR/lib.sh"

# Build the Image guest.img from test/guest-arm64.S into the work directory.
build_guest() {
	clang --target=aarch64-unknown-none-elf -c "$TEST_DIR/guest-arm64.S" -o "$WORK/guest.o"
	ld.lld -static -nostdlib -T "$TEST_DIR/guest-arm64.ld" -o "$WORK/guest.elf" "$WORK/guest.o"
	llvm-objcopy -O binary "$WORK/guest.elf" "$WORK/guest.img"
}

# True if guest.img is an arm64 Image: magic "ARM\x64" at offset 56.
is_image() {
	[[ $(tail -c +57 "$WORK/guest.img" | head -c 4) == $'ARM\x64' ]]
}

# Write the xl config $WORK/$1.cfg for guest $1 with command line $2 and
# kernel path $3; further arguments are extra lines. No type: on arm64 there
# is one kind of guest.
write_cfg() {
	local name=$1 cmdline=$2 kernel=$3
	shift 3
	{
		echo "name = \"$name\""
		echo "kernel = \"$kernel\""
		echo 'memory = 16'
		echo 'vcpus = 1'
		echo 'on_poweroff = "destroy"   # the rig forces "preserve"'
		echo "extra = \"$cmdline\""
		printf '%s\n' "$@"
	} >"$WORK/$name.cfg"
}

# The run directory that `xenrig --keep` named on stderr file $1.
kept_dir() {
	sed -n 's/^xenrig: kept run directory //p' "$1"
}

# True if Xen's DTB in the kept run directory $1 has what the rig puts in
# /chosen: Xen's command line, and the two modules, the initramfs with the
# size of the run's initrd.cpio.
dtb_edited() {
	local dtb=$1/xen.dtb m=/chosen/module@50000000 r=/chosen/module@58000000
	[[ -f $dtb ]] &&
		fdtget -t s "$dtb" /chosen xen,xen-bootargs | grep -q 'console=dtuart dtuart=/pl011@9000000 ' &&
		[[ $(fdtget -t s "$dtb" $m compatible) == "multiboot,kernel multiboot,module" ]] &&
		fdtget -t s "$dtb" $m bootargs | grep -q '^console=hvc0 .*rdinit=/init .*xenrig.timeout=3 xenrig.net=0$' &&
		[[ $(fdtget -t s "$dtb" $r compatible) == "multiboot,ramdisk multiboot,module" ]] &&
		[[ $(fdtget -t x "$dtb" $r reg) == "0 58000000 0 $(printf %x "$(stat -c %s "$1/initrd.cpio")")" ]]
}

# The first boot, GICv3: poweroff with exit status, crash, timeout, type pvh.
test_gic3() {
	local kept
	write_cfg st-poweroff poweroff guest.img
	write_cfg st-crash crash "$WORK/guest.img"
	write_cfg st-hang hang guest.img
	write_cfg st-pvh poweroff guest.img 'type = "pvh"'
	run_rig gic3 --arch arm64 --gic 3 --timeout 3 --keep \
		"$WORK/st-poweroff.cfg" "$WORK/st-crash.cfg" "$WORK/st-hang.cfg" "$WORK/st-pvh.cfg"
	check "gic3: exit status 0" exited gic3 0
	check "gic3: stage lines" stage_lines_ok "$WORK/gic3.out"
	check "gic3: output" output_is "$WORK/gic3.out" <<'EOF'
=== xenrig guest st-poweroff console
xenrig-selftest: console ok, cmdline=poweroff
=== xenrig guest st-poweroff result: exit=3 shutdown=poweroff domid=N create_ms=N run_ms=N
=== xenrig guest st-crash console
xenrig-selftest: console ok, cmdline=crash
=== xenrig guest st-crash result: exit=none shutdown=crash domid=N create_ms=N run_ms=N
=== xenrig guest st-hang console
xenrig-selftest: console ok, cmdline=hang
=== xenrig guest st-hang result: exit=none shutdown=timeout domid=N create_ms=N run_ms=N
=== xenrig guest st-pvh console
xenrig-selftest: console ok, cmdline=poweroff
=== xenrig guest st-pvh result: exit=3 shutdown=poweroff domid=N create_ms=N run_ms=N
=== xenrig summary: guests=4 boot_ms=N total_ms=N
EOF
	check "gic3: the hanging one ran until the timeout" run_ms_at_least "$WORK/gic3.out" st-hang 3000
	check "gic3: Xen found a GICv3" grep -q '(XEN) GICv3 initialization' "$WORK/gic3.log"
	kept=$(kept_dir "$WORK/gic3.err")
	check "gic3: Xen's DTB has the boot modules and command lines" dtb_edited "$kept"
	[[ -z $kept || $kept != /*/xenrig.* ]] || rm -rf "$kept"
}

# The second boot, GICv2: --net with a vif guest, and a guest that cannot be created.
test_gic2_net_and_create_failure() {
	write_cfg st-net poweroff guest.img 'vif = [ "bridge=xenbr0,mac=00:16:3e:00:00:01" ]'
	write_cfg st-toobig poweroff guest.img 'memory = 100000'
	run_rig gic2 --arch=arm64 --gic=2 --net --timeout 10 "$WORK/st-net.cfg" "$WORK/st-toobig.cfg"
	check "gic2: exit status 1" exited gic2 1
	check "gic2: stage lines" stage_lines_ok "$WORK/gic2.out"
	check "gic2: output" output_is "$WORK/gic2.out" <<'EOF'
=== xenrig guest st-net console
xenrig-selftest: console ok, cmdline=poweroff
=== xenrig guest st-net result: exit=3 shutdown=poweroff domid=N create_ms=N run_ms=N
=== xenrig guest st-toobig console
=== xenrig guest st-toobig result: exit=none shutdown=create-failed domid=none create_ms=N run_ms=none
=== xenrig summary: guests=2 boot_ms=N total_ms=N
EOF
	check "gic2: Xen found a GICv2" grep -q '(XEN) GICv2 initialization' "$WORK/gic2.log"
	check "gic2: xl's error on stderr" grep -q 'guest st-toobig: xl: .*Out of memory' "$WORK/gic2.err"
	check "gic2: clear failure message" grep -q '^xenrig: guest st-toobig: xl create failed' "$WORK/gic2.err"
}

# Usage errors of the arch options: exit status 2, nothing booted.
test_usage_errors() {
	run_rig usage-arch --arch riscv64 "$WORK/st-poweroff.cfg"
	check "usage: unknown --arch" exited usage-arch 2
	run_rig usage-gic --arch arm64 --gic 4 "$WORK/st-poweroff.cfg"
	check "usage: --gic 4" exited usage-gic 2
	run_rig usage-gic-x86 --gic 2 "$WORK/st-poweroff.cfg"
	check "usage: --gic without --arch arm64" exited usage-gic-x86 2
}

# apt-fetch: libfdt-dev for arm64 gives the arm64 libfdt.a and the headers;
# a second call is served from the cache; usage errors exit 2.
test_apt_fetch() {
	local args=() root rc=0
	((${#CACHE_ARGS[@]} == 0)) || args=(--cache "${CACHE_ARGS[1]}/apt")
	root=$("$APT_FETCH" --arch arm64 "${args[@]}" libfdt-dev 2>"$WORK/apt1.err") || rc=$?
	check "apt-fetch: libfdt-dev for arm64" test "$rc" = 0
	sed 's/^/    stderr: /' "$WORK/apt1.err"
	check "apt-fetch: an arm64 libfdt.a" is_arm64_archive "$root/usr/lib/aarch64-linux-gnu/libfdt.a"
	check "apt-fetch: the libfdt headers" test -f "$root/usr/include/libfdt.h" -a -f "$root/usr/include/fdt.h" -a -f "$root/usr/include/libfdt_env.h"
	check "apt-fetch: a second call, cached" test "$("$APT_FETCH" --arch arm64 "${args[@]}" libfdt-dev 2>"$WORK/apt2.err")" = "$root"
	check "apt-fetch: ... without apt-get" test ! -s "$WORK/apt2.err"
	rc=0
	"$APT_FETCH" libfdt-dev >/dev/null 2>&1 || rc=$?
	check "apt-fetch: usage: no --arch" test "$rc" = 2
}

# True if $1 is an ar archive of AArch64 ELF objects.
is_arm64_archive() {
	local obj
	[[ -f $1 && $(head -c 7 "$1") == '!<arch>' ]] || return 1
	obj=$(mktemp -d "$WORK/ar.XXXXXX")
	(cd "$obj" && ar x "$1") || return 1
	# e_machine (offset 18, little-endian) 183 = EM_AARCH64
	[[ $(od -An -tu2 -j 18 -N 2 "$(find "$obj" -name '*.o' | head -n 1)" | tr -d ' ') == 183 ]]
}

main() {
	while (($#)); do
		case $1 in
		--cache) CACHE_ARGS=(--cache "$2") && shift 2 ;;
		*) echo "usage: selftest-arm64.sh [--cache DIR]" >&2 && exit 2 ;;
		esac
	done
	require_tools clang ld.lld llvm-objcopy qemu-system-aarch64 fdtget ar
	WORK=$(mktemp -d "${TMPDIR:-/tmp}/xenrig-selftest-arm64.XXXXXX")
	trap 'rm -rf "$WORK"' EXIT
	build_guest
	check "the guest is an arm64 Image" is_image
	test_apt_fetch
	test_usage_errors
	test_gic3
	test_gic2_net_and_create_failure
	summary
}

main "$@"
