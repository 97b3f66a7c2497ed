#!/usr/bin/env bash
# The main job on a fresh machine: install the packages, build uk, create a
# sample app from the hello template, build its image and run it.
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
