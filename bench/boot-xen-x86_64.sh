#!/usr/bin/env bash
# Boot cost of a uk image on Xen x86_64, measured on the rig (real Xen 4.17
# in QEMU/TCG): image size of hello, TSC cycles from the PVH entry to main,
# and the rig's wall time per boot and per guest. Baseline in the same run:
# the rig's own minimal PVH guest (platform/xen/rig/test/guest.S), which does
# nothing but write its status to xenstore and power off.
# usage: bench/boot-xen-x86_64.sh [UK]   (default: build/uk)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
uk=${1:-$root/build/uk}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
for a in hello bootcost; do
	cp -r "$root/test/apps/$a" .
	"$uk" -C "$a" build --target xen/x86_64 >/dev/null
done
# The baseline guest: the rig self-test's, in its "power off" mode.
clang --target=x86_64-unknown-none-elf -c "$root/platform/xen/rig/test/guest.S" -o guest.o
ld.lld -static -nostdlib --no-dynamic-linker -z max-page-size=4096 -z norelro \
	-T "$root/platform/xen/rig/test/guest.ld" guest.o -o guest.elf
cat > baseline.cfg <<CFG
name = "baseline"
type = "pvh"
kernel = "$work/guest.elf"
memory = 16
vcpus = 1
extra = "poweroff"
CFG
"$root/platform/xen/rig/xenrig" --timeout 30 baseline.cfg hello/build/xen-x86_64/hello.xl \
	bootcost/build/xen-x86_64/bootcost.xl > rig.out
size=$(stat -c %s hello/build/xen-x86_64/hello)
echo "hello image (xen/x86_64, stripped): $size bytes"
echo "baseline guest image: $(stat -c %s guest.elf) bytes"
grep -E 'boot cycles|result:|summary' rig.out
