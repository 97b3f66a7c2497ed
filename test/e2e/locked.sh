#!/usr/bin/env bash
# uk build --locked passes when nothing changed and fails, naming the
# difference, when the app, a module or the module set changed.
. "$(dirname "$0")/lib.sh"
# A private copy of uk's data, so that a module can be changed.
mkdir home
cp -r "$UK_SRC"/{libs,platform,linker,templates,targets} home/
export UK_HOME=$WORK/home
set +e
"$UK" init app >/dev/null
out=$("$UK" -C app build --locked 2>&1); s=$?
set -e
assert_eq "$s" 67 "--locked without uk.lock"
assert_contains "$out" "uk.lock has no entry for hosted/x86_64 (--locked)"
"$UK" -C app build >/dev/null
"$UK" -C app build --locked >/dev/null
echo "/* changed */" >> app/src/main.c
set +e
out=$("$UK" -C app build --locked 2>&1); s=$?
set -e
assert_eq "$s" 67 "--locked after an app change"
assert_contains "$out" "uk.lock: error: the build differs from uk.lock for hosted/x86_64 (--locked)"
assert_contains "$out" "differs: app app: sources or manifest changed"
"$UK" -C app build >/dev/null
echo "/* changed */" >> home/libs/console/src/console.c
set +e
out=$("$UK" -C app build --locked 2>&1); s=$?
set -e
assert_eq "$s" 67 "--locked after a module change"
assert_contains "$out" "differs: module console: content changed"
assert_not_contains "$out" "module libc"
"$UK" -C app build >/dev/null
sed -i 's/requires: \[libc\]/requires: [console]/' app/uk.yaml
set +e
out=$("$UK" -C app build --locked 2>&1); s=$?
set -e
assert_eq "$s" 67 "--locked after a change of modules"
assert_contains "$out" "differs: module libc 0.1.0 is in uk.lock but no longer chosen"
