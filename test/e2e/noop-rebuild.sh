#!/usr/bin/env bash
# A second build with nothing changed does no work and leaves the image as
# it is; touching one source rebuilds only that source and the link.
# A no-op runs no tool at all: clang's identity (--version and its resource
# dir) is remembered against its binary, kconfig-conf runs only when what it
# reads changed, and assets and uk.lock's inputs are not read again. Each
# input that changes makes its step run again, and what the shortcuts give
# is what a build from scratch gives.
. "$(dirname "$0")/lib.sh"
# Wrappers on PATH log every run of clang and kconfig-conf.
mkdir bin
for tool in clang kconfig-conf; do
	real=$(command -v "$tool")
	printf '#!/bin/sh\necho "%s $*" >> "%s/calls.log"\nexec %s "$@"\n' \
		"$tool" "$WORK" "$real" > "bin/$tool"
	chmod +x "bin/$tool"
done
export PATH="$WORK/bin:$PATH"
calls() { cat "$WORK/calls.log" 2>/dev/null || true; }
"$UK" init app >/dev/null
cd app || exit
first=$("$UK" build)
assert_contains "$first" "CC src/main.c"
assert_contains "$first" "CC libs/libc/"
assert_contains "$(calls)" "clang -print-resource-dir" "first build's tools"
assert_contains "$(calls)" "clang --version" "first build's tools"
assert_contains "$(calls)" "kconfig-conf -s --olddefconfig" "first build's tools"
before=$(stat -c %Y.%N build/hosted-x86_64/app)
rm -f "$WORK/calls.log"
second=$("$UK" build)
assert_contains "$second" "ninja: no work to do."
assert_not_contains "$second" "CC "
assert_eq "$(calls)" "" "tools run by a no-op build"
assert_eq "$(stat -c %Y.%N build/hosted-x86_64/app)" "$before" "image timestamp"
touch src/main.c
third=$("$UK" build)
assert_contains "$third" "CC src/main.c"
assert_not_contains "$third" "CC libs/"
verbose=$(touch src/main.c && "$UK" -v build)
assert_contains "$verbose" "clang -MD -MF"
assert_contains "$verbose" "ld.lld -static"

# clang's binary changed (here its wrapper, touched): asked again, and
# nothing is compiled as the answers are the same.
rm -f "$WORK/calls.log"
touch "$WORK/bin/clang"
out=$("$UK" build)
assert_contains "$(calls)" "clang -print-resource-dir" "tools after touching clang"
assert_contains "$(calls)" "clang --version" "tools after touching clang"
assert_not_contains "$(calls)" "kconfig-conf" "tools after touching clang"
assert_not_contains "$out" "CC "

# Kconfig's inputs: uk.config, an option, a module's Kconfig file.
rm -f "$WORK/calls.log"
echo "# CONFIG_LIBC_PRINTF_FLOAT is not set" > uk.config
out=$("$UK" build)
assert_eq "$(calls | grep -c kconfig-conf)" "1" "kconfig-conf runs after uk.config changed"
assert_contains "$(cat build/hosted-x86_64/include/uk/config.h)" \
	"/* CONFIG_LIBC_PRINTF_FLOAT is not set */" "config.h"
rm -f "$WORK/calls.log" uk.config
printf 'options:\n  LIBC_PRINTF_FLOAT: n\n' >> uk.yaml
"$UK" build >/dev/null
assert_eq "$(calls | grep -c kconfig-conf)" "1" "kconfig-conf runs after an option changed"
mkdir -p modules/greet/src
cat > modules/greet/module.yaml <<'YAML'
name: greet
version: 0.1.0
summary: a module of the app with a Kconfig file
provides: [greet]
requires: [libc]
platforms: [any]
sources: [src/*.c]
YAML
printf 'config GREET_TIMES\n\tint "times"\n\tdefault 1\n' > modules/greet/Kconfig
echo 'int greet_times(void) { return 1; }' > modules/greet/src/greet.c
sed -i 's/^requires: \[libc\]/requires: [libc, greet]/' uk.yaml
"$UK" build >/dev/null
assert_contains "$(cat build/hosted-x86_64/include/uk/config.h)" "#define CONFIG_GREET_TIMES 1"
rm -f "$WORK/calls.log"
"$UK" build >/dev/null
assert_eq "$(calls)" "" "tools run by a no-op build with an app module"
touch modules/greet/Kconfig
"$UK" build >/dev/null
assert_eq "$(calls)" "" "tools run after touching a Kconfig file, its text the same"
sed -i 's/default 1/default 3/' modules/greet/Kconfig
"$UK" build >/dev/null
assert_eq "$(calls | grep -c kconfig-conf)" "1" "kconfig-conf runs after a Kconfig file changed"
assert_contains "$(cat build/hosted-x86_64/include/uk/config.h)" "#define CONFIG_GREET_TIMES 3"
# .config edited by hand: kconfig-conf makes it again.
rm -f "$WORK/calls.log"
echo "CONFIG_GREET_TIMES=7" >> build/hosted-x86_64/.config
"$UK" build >/dev/null
assert_eq "$(calls | grep -c kconfig-conf)" "1" "kconfig-conf runs after .config was edited"
assert_contains "$(cat build/hosted-x86_64/include/uk/config.h)" "#define CONFIG_GREET_TIMES 3"

# Assets: a changed file is baked again and uk.lock follows it, also when
# its size and the second it changed in are the same; --locked sees it.
mkdir site
echo "one" > site/a.txt
echo "<p>page</p>" > site/index.html
printf 'assets: site\n' >> uk.yaml
"$UK" build >/dev/null
"$UK" build --locked >/dev/null
lock=$(cat uk.lock)
echo "two" > site/a.txt
out=$("$UK" build --locked 2>&1) && fail "--locked passed after an asset changed"
assert_contains "$out" "sources or manifest changed"
"$UK" build >/dev/null
[ "$(cat uk.lock)" != "$lock" ] || fail "uk.lock did not change with an asset"
two=$(echo two | sha256sum | cut -d' ' -f1)
[ -f "build/hosted-x86_64/_assets/$two" ] || fail "the new content was not baked"
"$UK" build --locked >/dev/null

# What the shortcuts gave is what a build from scratch gives.
cd "$WORK" || exit
mkdir fresh
cp -r app/uk.yaml app/src app/modules app/site fresh/
(cd fresh && "$UK" build >/dev/null)
cmp <(sed "s#$WORK/app/#X/#" app/build/hosted-x86_64/Kconfig) \
	<(sed "s#$WORK/fresh/#X/#" fresh/build/hosted-x86_64/Kconfig) ||
	fail "Kconfig differs from a build from scratch"
for f in app .config include/uk/config.h glue.c uk_assets_table.c; do
	cmp "app/build/hosted-x86_64/$f" "fresh/build/hosted-x86_64/$f" ||
		fail "$f differs from a build from scratch"
done
cmp app/uk.lock fresh/uk.lock || fail "uk.lock differs from a build from scratch"
