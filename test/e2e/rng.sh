#!/usr/bin/env bash
# The rng module's sources, end to end (test/apps/rngprobe). Hosted: two
# runs give different bytes, the generator is seeded, getrandom is
# credited, and so is the CPU's RDSEED or else RDRAND exactly when
# /proc/cpuinfo lists it. xen/x86_64 under `uk run --qemu` (QEMU's qemu64
# CPU has neither instruction): the per-boot seed `uk run` puts on the
# command line is what seeds it, different at each boot, and the app's
# argv does not show it.
. "$(dirname "$0")/lib.sh"

cp -r "$UK_SRC/test/apps/rngprobe" rngprobe
image=$("$UK" -C rngprobe build | tail -n 1)
[ -f "$image" ] || fail "no image: $image"
a=$("$image") || fail "rngprobe failed: $a"
b=$("$image") || fail "rngprobe failed: $b"
assert_contains "$a" "rngprobe: argc=1 seeded=1"
assert_contains "$a" "rng.bits.getrandom=256"
assert_contains "$a" "rng.bits.toolstack=0"
assert_not_contains "$a" "rng: not seeded"
ra=$(printf '%s\n' "$a" | sed -n 's/^rngprobe: random //p')
rb=$(printf '%s\n' "$b" | sed -n 's/^rngprobe: random //p')
[ ${#ra} -eq 64 ] || fail "no random bytes in: $a"
[ "$ra" != "$rb" ] || fail "two runs gave the same bytes: $ra"
flags=$(grep -m1 '^flags' /proc/cpuinfo)
if [[ " $flags " == *" rdseed "* ]]; then
	assert_contains "$a" "rng.bits.rdseed=256"
	assert_contains "$a" "rng.bits.rdrand=0"
elif [[ " $flags " == *" rdrand "* ]]; then
	assert_contains "$a" "rng.bits.rdseed=0"
	assert_contains "$a" "rng.bits.rdrand=256"
else
	assert_contains "$a" "rng.bits.rdseed=0"
	assert_contains "$a" "rng.bits.rdrand=0"
fi

"$UK" -C rngprobe build --target xen/x86_64 >/dev/null || fail "no xen/x86_64 image"
for n in 1 2; do
	timeout 120 "$UK" -C rngprobe run --qemu --target xen/x86_64 >"qemu$n.out" 2>&1 ||
		fail "boot $n failed: $(cat "qemu$n.out")"
	q=$(tr -d '\r' <"qemu$n.out")
	assert_contains "$q" "rngprobe: argc=1 seeded=1"
	assert_contains "$q" "rng.bits.toolstack=256"
	assert_contains "$q" "rng.bits.rdrand=0"
	assert_not_contains "$q" "uk.seed"
	printf '%s\n' "$q" | sed -n 's/.*rngprobe: random //p' >"random$n"
done
[ "$(wc -c <random1)" -eq 65 ] || fail "no random bytes from the guest"
cmp -s random1 random2 && fail "two boots gave the same bytes: $(cat random1)"
echo "ok"
