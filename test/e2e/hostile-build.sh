#!/usr/bin/env bash
# Hostile values reach the files uk generates as data, never as code: an
# app under "x;id>F;y/sp ace/" with cflags and a cmdline that a shell,
# ninja, the C preprocessor or xl would read as commands builds, runs no
# command, and main gets its argv exactly; the xl config gets no key.
. "$(dirname "$0")/lib.sh"
top="$WORK/x;id>F;y"
app="$top/sp ace/app"
mkdir -p "$top/sp ace"
cd "$top"
"$UK" init "sp ace/app" >/dev/null
cat >"$app/uk.yaml" <<'EOF'
name: app
version: 0.1.0
target: hosted/x86_64
requires: [libc]
sources: [src/*.c]
cflags: ['-DA=1; touch PWNED', '-DB="$5"', '-DC="$out"', "-DD=\"it's\""]
cmdline: "what??! it's $HOME `touch PWNED` a\"b\\c"
EOF
cat >"$app/src/main.c" <<'EOF'
#include <stdio.h>

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		printf("[%s]\n", argv[i]);
	printf("B=%s C=%s D=%s\n", B, C, D);
	return 0;
}
EOF
out=$("$UK" -C "$app" build 2>&1) || fail "uk build of an app under a hostile path: $out"
image="$app/build/hosted-x86_64/app"
[ -x "$image" ] || fail "no image at $image"
run=$("$image")
expected='[what??!]
[it'"'"'s]
[$HOME]
[`touch]
[PWNED`]
[a"b\c]
B=$5 C=$out D=it'"'"'s'
assert_eq "$run" "$expected" "argv and macros"
# No command of the values ran, in any directory.
found=$(find "$WORK" \( -name PWNED -o -name F \) -print)
assert_eq "$found" "" "files made by injected commands"

# A newline in a cflag: uk check refuses it by name.
cp "$app/uk.yaml" "$WORK/good.yaml"
sed -i "s|^cflags: .*|cflags: [\"-DA=1\\\\ncommand = touch PWNED\"]|" "$app/uk.yaml"
set +e
out=$("$UK" -C "$app" check 2>&1)
s=$?
set -e
assert_eq "$s" 65 "uk check with a newline in a cflag"
assert_contains "$out" "error: cflag \"-DA=1\\012command = touch PWNED\" holds a control character (0x0a): a flag must be one line of text"

# The xl config of a Xen build: the cmdline stays one string, and the
# file has exactly the keys uk writes.
sed 's|^cmdline: .*|cmdline: "x\\"]\\nextra = \\"1"|' "$WORK/good.yaml" >"$app/uk.yaml"
"$UK" -C "$app" build --target xen/x86_64 >/dev/null 2>&1 || true
xl="$app/build/xen-x86_64/app.xl"
[ -f "$xl" ] || fail "no $xl"
keys=$(grep -o '^[a-z_]* =' "$xl" | tr '\n' ' ')
assert_eq "$keys" "name = type = kernel = memory = vcpus = on_poweroff = on_reboot = on_crash = cmdline = " "keys of the xl config"
assert_contains "$(cat "$xl")" 'cmdline = "x\"]\nextra = \"1"'

# A damaged uk.lock: a plain build writes it anew and says so; --locked
# refuses it with a hint.
printf 'targets: [ unclosed\n' >"$app/uk.lock"
set +e
out=$("$UK" -C "$app" build --locked 2>&1)
s=$?
set -e
assert_eq "$s" 67 "--locked with a damaged uk.lock"
assert_contains "$out" "uk.lock: error: uk.lock is damaged: line "
assert_contains "$out" "hint: build once without --locked to write it anew, and review the change"
out=$("$UK" -C "$app" build 2>&1) || fail "a plain build with a damaged uk.lock: $out"
assert_contains "$out" "uk.lock: warning: uk.lock is damaged (line "
assert_contains "$out" "): it is written anew, with the entry of hosted/x86_64 only"
"$UK" -C "$app" build --locked >/dev/null

# A source whose name ld.lld's response file would split: refused by name,
# before anything is compiled.
echo 'int spaced;' >"$app/src/two words.c"
set +e
out=$("$UK" -C "$app" build 2>&1)
s=$?
set -e
rm -f "$app/src/two words.c"
assert_eq "$s" 65 "a source with a space in its name"
assert_contains "$out" "error: source file 'src/two words.c' has a name the linker cannot take (0x20)"
