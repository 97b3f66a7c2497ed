#!/usr/bin/env bash
# A Xen platform on real Xen: the test apps (test/apps) built for xen/ARCH
# boot one after another in one boot of the rig (Debian's Xen 4.17 and a dom0
# inside QEMU), and each one's console and exit status are checked. Then: uk
# run --rig (the rig for the target's architecture, the image's status), W^X
# segments, the image format (PVH note; arm64 Image header), reproducibility,
# and on x86_64 the same hello under plain QEMU -kernel (serial fallback).
# usage: xen.sh x86_64 | xen.sh arm64 GIC_VERSION
. "$(dirname "$0")/lib.sh"
arch=$1
target=xen/$arch
rig_args=(--arch "$arch")
[ "$arch" = arm64 ] && rig_args+=(--gic "$2")
apps="hello exit3 panic wxfault timer xsinfo gnttab bootcost"
cfgs=()
for a in $apps; do
	cp -r "$UK_SRC/test/apps/$a" "$a"
	image=$("$UK" -C "$a" build --target "$target" | tail -n 1)
	[ -f "$image" ] || fail "no image for $a: $image"
	cfgs+=("$image.xl")
done

"$UK_SRC/platform/xen/rig/xenrig" "${rig_args[@]}" --timeout 30 --log "$WORK/rig.log" "${cfgs[@]}" > rig.out ||
	fail "the rig failed:"$'\n'"$(cat rig.out)"$'\n'"$(tail -n 40 rig.log)"
cat rig.out

console() { rig_log "$1" console; }
result() { rig_result "$1"; }

assert_contains "$(console hello)" "Hello from uk on $target"
assert_contains "$(result hello)" "exit=0 shutdown=poweroff"

assert_contains "$(console exit3)" "returning 3"
assert_contains "$(result exit3)" "exit=3 shutdown=poweroff"

c=$(console panic)
assert_contains "$c" "src/main.c:9: assertion failed: argc == 42"
assert_contains "$c" "panic: assertion failed"
assert_contains "$c" "backtrace: 0x"
assert_not_contains "$c" "not reached"
assert_contains "$(result panic)" "shutdown=crash"

c=$(console wxfault)
if [ "$arch" = x86_64 ]; then
	assert_contains "$c" "exception: page fault at rip="
	assert_contains "$c" "panic: page fault"
else
	assert_contains "$c" "exception: data abort at pc="
	assert_contains "$c" "panic: data abort"
fi
assert_not_contains "$c" "not reached"
assert_contains "$(result wxfault)" "shutdown=crash"

# Three sleeps of 200 ms, each within 20 %, and idle: one wakeup per sleep
# (a few more if other events arrive), not the millions of a busy loop.
c=$(console timer)
for i in 0 1 2; do
	us=$(printf '%s\n' "$c" | sed -n "s/^sleep $i: \([0-9]*\) us\$/\1/p")
	[ -n "$us" ] || fail "no sleep $i in:"$'\n'"$c"
	[ "$us" -ge 160000 ] && [ "$us" -le 240000 ] || fail "sleep $i took $us us"
done
wakeups=$(printf '%s\n' "$c" | sed -n 's/.*wakeups \([0-9]*\),.*/\1/p')
[ "$wakeups" -ge 3 ] && [ "$wakeups" -le 10 ] || fail "$wakeups wakeups for 3 sleeps"
wall=$(printf '%s\n' "$c" | sed -n 's/.*wall clock \([0-9]*\) s$/\1/p')
[ "$wall" -gt 1600000000 ] || fail "wall clock $wall"
assert_contains "$(result timer)" "exit=0 shutdown=poweroff"

# The name and domid the guest reads from xenstore are the ones xl gave it.
domid=$(result xsinfo | sed -n 's/.* domid=\([0-9]*\).*/\1/p')
name=$(sed -n 's/^name = "\(.*\)"$/\1/p' xsinfo/build/xen-$arch/xsinfo.xl)
assert_eq "$name" "xsinfo" "name in the xl config"
assert_contains "$(console xsinfo)" "xenstore name=$name domid=$domid"
assert_contains "$(console xsinfo)" "xenstore client: ok"
assert_contains "$(result xsinfo)" "exit=0 shutdown=poweroff"

assert_contains "$(console gnttab)" "gnttab: ok"
assert_contains "$(result gnttab)" "exit=0 shutdown=poweroff"
assert_contains "$(console bootcost)" "boot "

# uk run boots the image on the rig for the target's architecture and
# returns its status (once per architecture: the rig's default GIC is 3).
if [ "$arch" = x86_64 ] || [ "$2" = 3 ]; then
	set +e
	out=$("$UK" -C exit3 run --target "$target" --rig 2>&1); s=$?
	set -e
	assert_eq "$s" 3 "status of uk run --rig; it said:"$'\n'"$out"
	assert_contains "$out" "returning 3"
fi

image=hello/build/xen-$arch/hello
if [ "$arch" = x86_64 ]; then
	# The same hello image under QEMU's own PVH loader prints through COM1.
	set +e
	out=$("$UK" -C hello run --target "$target" --qemu 2>&1); s=$?
	set -e
	assert_eq "$s" 0 "hello under qemu -kernel"
	assert_contains "$out" "Hello from uk on $target"
	assert_contains "$(readelf -nW "$image")" "Unknown note type: (0x00000012)"
	elf=$image
else
	# An arm64 Image: "ARM\x64" at offset 56, image_size covering .bss.
	assert_eq "$(dd if="$image" bs=1 skip=56 count=4 2>/dev/null | od -An -c | tr -d ' ')" 'ARMd' "Image magic"
	elf=$image.elf
fi
# No segment both writable and executable (readelf writes "RWE").
segs=$(readelf -lW "$elf" | grep ' LOAD ')
assert_not_contains "$segs" "RWE" "LOAD segments"
assert_contains "$segs" "R E" "LOAD segments"

# Reproducible: the same app in another directory gives the same bytes.
mkdir -p elsewhere/deeper
cp -r "$UK_SRC/test/apps/hello" elsewhere/deeper/hello
other=$("$UK" -C elsewhere/deeper/hello build --target "$target" | tail -n 1)
cmp "$image" "$other" || fail "xen images differ between directories"
