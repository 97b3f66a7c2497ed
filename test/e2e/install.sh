#!/usr/bin/env bash
# cmake --install gives a uk that works from any directory, with its data in
# share/uk.
. "$(dirname "$0")/lib.sh"
cmake --install "$UK_BUILD" --prefix "$WORK/prefix" >/dev/null
[ -x prefix/bin/uk ] || fail "no prefix/bin/uk"
[ -f prefix/share/uk/libs/libc/module.yaml ] || fail "no libc in share/uk"
[ ! -e prefix/share/uk/libs/libc/test ] || fail "module tests were installed"
mkdir elsewhere
cd elsewhere || exit
env -u UK_HOME "$WORK/prefix/bin/uk" init app >/dev/null
image=$(env -u UK_HOME "$WORK/prefix/bin/uk" -C app build | tail -n 1)
out=$("$image")
assert_contains "$out" "Hello from app"
