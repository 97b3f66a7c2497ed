#!/usr/bin/env bash
# A second build with nothing changed does no work and leaves the image as
# it is; touching one source rebuilds only that source and the link.
. "$(dirname "$0")/lib.sh"
"$UK" init app >/dev/null
cd app || exit
first=$("$UK" build)
assert_contains "$first" "CC src/main.c"
assert_contains "$first" "CC libs/libc/"
before=$(stat -c %Y.%N build/hosted-x86_64/app)
second=$("$UK" build)
assert_contains "$second" "ninja: no work to do."
assert_not_contains "$second" "CC "
assert_eq "$(stat -c %Y.%N build/hosted-x86_64/app)" "$before" "image timestamp"
touch src/main.c
third=$("$UK" build)
assert_contains "$third" "CC src/main.c"
assert_not_contains "$third" "CC libs/"
verbose=$(touch src/main.c && "$UK" -v build)
assert_contains "$verbose" "clang -MD -MF"
assert_contains "$verbose" "ld.lld -static"
