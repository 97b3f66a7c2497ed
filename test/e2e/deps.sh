#!/usr/bin/env bash
# uk deps lists the modules in init order with what each serves; --why
# prints the chain of requirements.
. "$(dirname "$0")/lib.sh"
"$UK" init app >/dev/null
cd app
out=$("$UK" deps)
assert_contains "$out" "app for hosted/x86_64: 4 modules, in init order"
order=$(printf '%s\n' "$out" | awk 'NR>2 {print $2}' | tr '\n' ' ')
assert_eq "$order" "hosted alloc console libc " "init order"
why=$("$UK" deps --why alloc)
assert_contains "$why" "alloc 0.1.0 serves 'alloc' (the only provider for this target), because:"
assert_contains "$why" "app (app) requires libc  (uk.yaml:"
assert_contains "$why" "libc requires alloc  (${UK_SRC}/libs/libc/module.yaml:"
why=$("$UK" deps --why libc)
assert_contains "$why" "app (app) requires libc"
set +e
out=$("$UK" deps --why tcp 2>&1); s=$?
set -e
assert_eq "$s" 65 "--why of a module not used"
assert_contains "$out" "'tcp' is neither a module nor a capability of app"
