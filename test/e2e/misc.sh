#!/usr/bin/env bash
# The small verbs and the errors of the command line itself.
. "$(dirname "$0")/lib.sh"
assert_eq "$("$UK" --version)" "uk 0.1.0" "--version"
assert_contains "$("$UK" targets)" "hosted/x86_64"
mods=$("$UK" modules)
for m in alloc console libc hosted; do assert_contains "$mods" "$m "; done
assert_contains "$("$UK" help build)" "usage: uk build [--target T] [--locked]"
set +e
out=$("$UK" bild 2>&1); s=$?
set -e
assert_eq "$s" 64 "unknown verb status"
assert_contains "$out" "uk: error: unknown verb 'bild'"
assert_contains "$out" "hint: did you mean 'uk build'?"
set +e
out=$("$UK" build --targte hosted/x86_64 2>&1); s=$?
set -e
assert_eq "$s" 64 "unknown option status"
assert_contains "$out" "hint: did you mean '--target'?"
# init refuses a non-empty directory and an unknown template.
mkdir full && echo keep > full/file
set +e
out=$("$UK" init full 2>&1); s=$?
set -e
assert_eq "$s" 65 "init into a non-empty directory"
assert_contains "$out" "full exists and is not empty; uk init will not overwrite it"
assert_eq "$(cat full/file)" "keep" "the existing file"
set +e
out=$("$UK" init x --template helo 2>&1); s=$?
set -e
assert_contains "$out" "unknown template 'helo'"
assert_contains "$out" "did you mean 'hello'?"
# init writes the three files, named after the directory.
out=$("$UK" init my-app)
assert_eq "$(printf '%s\n' "$out" | tail -n 1)" "next: cd my-app && uk build" "init's next step"
[ -f my-app/uk.yaml ] && [ -f my-app/src/main.c ] && [ -f my-app/.gitignore ] || fail "init files"
assert_contains "$(cat my-app/uk.yaml)" "name: my-app"
# The next step is a line a shell runs as it is, whatever the directory's name.
out=$("$UK" init "sp ace/it's/app")
next=$(printf '%s\n' "$out" | tail -n 1)
assert_eq "$next" "next: cd 'sp ace/it'\\''s/app' && uk build" "init's next step, quoted"
cd_step=${next#next: }
assert_eq "$(sh -c "${cd_step% && uk build} && pwd")" "$PWD/sp ace/it's/app" "the quoted cd"
# unknown target on the command line
set +e
out=$("$UK" -C my-app build --target hosted/x86 2>&1); s=$?
set -e
assert_contains "$out" "uk: error: unknown target 'hosted/x86'"
assert_contains "$out" "did you mean 'hosted/x86_64'?"
# clean removes build/ and only in an app
"$UK" -C my-app build >/dev/null
"$UK" -C my-app clean >/dev/null
[ ! -e my-app/build ] || fail "build/ still there after clean"
set +e
"$UK" -C full clean 2>/dev/null; s=$?
set -e
assert_eq "$s" 65 "clean outside an app"
# check validates an app and resolves it
assert_contains "$("$UK" -C my-app check)" "ok: 4 modules for hosted/x86_64"
