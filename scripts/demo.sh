#!/usr/bin/env bash
# The main job on a fresh machine: install the packages, build uk, create a
# sample app from the hello template, build its image and run it as a
# process, then build it for Xen and boot it on real Xen (the rig: Debian's
# Xen 4.17 and a dom0 inside QEMU).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup-debian.sh"
cmake -S "$root" -B "$root/build" -G Ninja >/dev/null
cmake --build "$root/build"
uk=$root/build/uk
demo=$(mktemp -d)/hello
"$uk" init "$demo" --template hello
cd "$demo"
"$uk" deps
image=$("$uk" build | tee /dev/stderr | tail -n 1)
echo "--- running $image"
"./$image"
echo "--- exit status $?"
"$uk" build --target xen/x86_64
echo "--- booting it on Xen (first run downloads Debian's Xen and a dom0 kernel)"
"$uk" run --target xen/x86_64 --rig
echo "--- exit status $?"
