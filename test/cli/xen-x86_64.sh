#!/usr/bin/env bash
# The Xen x86_64 platform on real Xen: the test apps (test/apps) built for
# xen/x86_64 boot one after another in one boot of the rig (Debian's Xen 4.17
# and a dom0 inside QEMU), and each one's console and exit status are checked.
# Then: the same hello under plain QEMU -kernel (serial fallback), W^X
# segments, the PVH note, and reproducibility.
. "$(dirname "$0")/lib.sh"
apps="hello exit3 panic wxfault timer xsinfo gnttab bootcost"
cfgs=()
for a in $apps; do
	cp -r "$UK_SRC/test/apps/$a" "$a"
	image=$("$UK" -C "$a" build --target xen/x86_64 | tail -n 1)
	[ -f "$image" ] || fail "no image for $a: $image"
	cfgs+=("$image.xl")
done

"$UK_SRC/platform/xen/rig/xenrig" --timeout 30 --log "$WORK/rig.log" "${cfgs[@]}" > rig.out ||
	fail "the rig failed:"$'\n'"$(cat rig.out)"$'\n'"$(tail -n 40 rig.log)"
cat rig.out

# console NAME: the guest's console; result NAME: its result line.
console() { sed -n "/^=== xenrig guest $1 console\$/,/^=== xenrig guest $1 result:/p" rig.out | sed '1d;$d'; }
result() { grep "^=== xenrig guest $1 result:" rig.out || fail "no result for $1"; }

assert_contains "$(console hello)" "Hello from uk on xen/x86_64"
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
assert_contains "$c" "exception: page fault at rip="
assert_contains "$c" "panic: page fault"
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
name=$(sed -n 's/^name = "\(.*\)"$/\1/p' xsinfo/build/xen-x86_64/xsinfo.xl)
assert_eq "$name" "xsinfo" "name in the xl config"
assert_contains "$(console xsinfo)" "xenstore name=$name domid=$domid"
assert_contains "$(console xsinfo)" "xenstore client: ok"
assert_contains "$(result xsinfo)" "exit=0 shutdown=poweroff"

assert_contains "$(console gnttab)" "gnttab: ok"
assert_contains "$(result gnttab)" "exit=0 shutdown=poweroff"
assert_contains "$(console bootcost)" "boot cycles "

# The same hello image under QEMU's own PVH loader prints through COM1.
set +e
out=$("$UK" -C hello run --target xen/x86_64 --qemu 2>&1); s=$?
set -e
assert_eq "$s" 0 "hello under qemu -kernel"
assert_contains "$out" "Hello from uk on xen/x86_64"

# No segment both writable and executable; a PVH entry note.
image=hello/build/xen-x86_64/hello
segs=$(readelf -lW "$image")
# readelf writes the flags as three columns: "RWE" for a W+X segment.
assert_not_contains "$(printf '%s\n' "$segs" | grep ' LOAD ')" "RWE" "LOAD segments"
assert_contains "$(printf '%s\n' "$segs" | grep ' LOAD ')" "R E" "LOAD segments"
assert_contains "$(readelf -nW "$image")" "Unknown note type: (0x00000012)"

# Reproducible: the same app in another directory gives the same bytes.
mkdir -p elsewhere/deeper
cp -r "$UK_SRC/test/apps/hello" elsewhere/deeper/hello
other=$("$UK" -C elsewhere/deeper/hello build --target xen/x86_64 | tail -n 1)
cmp "$image" "$other" || fail "xen images differ between directories"
