#!/usr/bin/env bash
# main's return value is the hosted image's exit status; arguments reach
# main; uk run passes them and exits with the image's status.
. "$(dirname "$0")/lib.sh"
"$UK" init st >/dev/null
cat > st/src/main.c <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	int code = argc > 1 ? atoi(argv[1]) : 3;
	char *copy = malloc(64);

	snprintf(copy, 64, "%s|%d|%x", argc > 2 ? argv[2] : "none", -42, 48879);
	printf("%s %zu\n", copy, strlen(copy));
	free(copy);
	return code;
}
C
image=$("$UK" -C st build --target hosted/x86_64 | tail -n 1)
set +e
out=$("$image"); s1=$?
out7=$("$image" 7 hello); s7=$?
run=$("$UK" -C st run -- 5 via-run 2>/dev/null); s5=$?
set -e
assert_eq "$s1" 3 "status without arguments"
assert_eq "$out" "none|-42|beef 13" "output"
assert_eq "$s7" 7 "status with argument 7"
assert_eq "$out7" "hello|-42|beef 14" "output with arguments"
assert_eq "$s5" 5 "uk run status"
assert_contains "$run" "via-run|-42|beef"

# uk's own failures have named statuses (cli/exit.h), apart from an image's.
status_of() {
	set +e
	"$@" >/dev/null 2>"$WORK/stderr"
	echo $?
	set -e
}
assert_eq "$(status_of "$UK" bild)" 64 "usage: an unknown verb"
assert_eq "$(status_of "$UK" -C st build --jsn)" 64 "usage: an unknown option"
assert_eq "$(status_of "$UK" -C nowhere build)" 65 "input: no app"
assert_contains "$(cat stderr)" "uk: error: no nowhere/uk.yaml"
assert_eq "$(status_of env UK_HOME="$WORK/none" "$UK" -C st build)" 68 "tool: no data directory"
assert_contains "$(cat stderr)" "uk: error: cannot find uk's data"
# Each stage of a build has its own status: kconfig-conf missing from PATH
# (every other program of PATH linked into one directory) or failing is
# configure's tool status, not input.
mkdir nokconf stub
IFS=: read -ra dirs <<<"$PATH"
for d in "${dirs[@]}"; do
	for p in "$d"/*; do
		n=${p##*/}
		[ -x "$p" ] && [ "$n" != kconfig-conf ] && [ ! -e "nokconf/$n" ] && ln -s "$p" "nokconf/$n"
	done
done
assert_eq "$(status_of env PATH="$WORK/nokconf" "$UK" -C st build)" 68 "tool: no kconfig-conf"
assert_contains "$(cat stderr)" "uk: error: cannot run kconfig-conf: No such file or directory"
printf '#!/bin/sh\nexit 1\n' >stub/kconfig-conf
chmod +x stub/kconfig-conf
assert_eq "$(status_of env PATH="$WORK/stub:$PATH" "$UK" -C st build)" 68 "tool: kconfig-conf fails"
assert_contains "$(cat stderr)" "uk: error: kconfig-conf failed (status 1) on $WORK/st/build/hosted-x86_64/Kconfig"
# A build directory that cannot be created (a file stands where build/ is;
# chmod would not stop root) is io.
cp -r st nodir
rm -rf nodir/build
touch nodir/build
assert_eq "$(status_of "$UK" -C nodir build)" 69 "io: the build directory cannot be created"
assert_contains "$(cat stderr)" "uk: error: cannot create directory $WORK/nodir/build/hosted-x86_64: Not a directory"
assert_eq "$(status_of "$UK" -C nodir size)" 69 "io: uk size without a build directory"
cp -r st broken
rm -f broken/uk.lock
assert_eq "$(status_of "$UK" -C broken build --locked)" 67 "locked: no entry in uk.lock"
echo 'int broken(void) { return nope; }' > broken/src/broken.c
assert_eq "$(status_of "$UK" -C broken build)" 66 "build: a compile error"
assert_contains "$(cat stderr)" "uk: error: the build failed (ninja status 1)"
# uk run: a failed build is uk's status with "uk: error:" on stderr; an
# image returning the same number passes through without one.
assert_eq "$(status_of "$UK" -C broken run)" 66 "uk run of a broken app"
assert_contains "$(cat stderr)" "uk: error: the build failed"
assert_eq "$(status_of "$UK" -C st run -- 66)" 66 "uk run of an image returning 66"
assert_not_contains "$(cat stderr)" "uk: error:" "stderr of an image's own 66"
# --status-file says whose status it is, even when the numbers are equal.
assert_eq "$(status_of "$UK" -C broken run --status-file "$WORK/who")" 66 "uk run, broken"
assert_eq "$(cat "$WORK/who")" "uk 66" "status file of a failed build"
assert_eq "$(status_of "$UK" -C st run --status-file "$WORK/who" -- 66)" 66 "uk run, 66"
assert_eq "$(cat "$WORK/who")" "image 66" "status file of an image's own 66"
assert_eq "$(status_of "$UK" -C st run --status-file "$WORK/who" --bogus)" 64 "uk run, usage"
assert_eq "$(cat "$WORK/who")" "uk 64" "status file of a wrong use"
assert_eq "$(status_of "$UK" -C st build)" 0 "uk build of an app that builds"

# uk help exit-status, docs/ci.md and cli/exit.h list the same statuses.
help=$("$UK" help exit-status)
doc=$(cat "$UK_SRC/docs/ci.md")
n=0
while read -r name value; do
	what=$(printf '%s' "${name#UK_EXIT_}" | tr 'A-Z' 'a-z')
	[ "$what" = ok ] && continue
	assert_contains "$help" "  $value  $what: " "uk help exit-status"
	assert_contains "$doc" "| $value | \`$name\` | $what |" "docs/ci.md"
	n=$((n + 1))
done < <(sed -n 's/^\t\(UK_EXIT_[A-Z]*\) = \([0-9]*\),.*/\1 \2/p' "$UK_SRC/cli/exit.h")
assert_eq "$n" 7 "statuses in cli/exit.h"
assert_contains "$("$UK" help)" "uk help exit-status"
