#!/usr/bin/env bash
# Input uk must refuse quickly: what is not a regular file (a FIFO, a
# device), a file over the 1 MiB limit, paths and symlinks that lead out of
# the app, and template names that are paths. timeout proves no hang.
. "$(dirname "$0")/lib.sh"

# expect_input_error TEXT CMD...: CMD fails within 10 s with status 65
# (UK_EXIT_INPUT) and says TEXT.
expect_input_error() {
	local want=$1 out s
	shift
	set +e
	out=$(timeout 10 "$@" 2>&1)
	s=$?
	set -e
	[ "$s" -ne 124 ] || fail "$* hung (killed after 10 s)"
	assert_eq "$s" 65 "status of $*"
	assert_contains "$out" "$want"
}

mkdir app app/src
printf 'int main(void) { return 0; }\n' >app/src/main.c

# A FIFO as uk.yaml: opened without blocking, refused unread.
mkfifo app/uk.yaml
expect_input_error "error: cannot read app/uk.yaml: not a regular file" "$UK" -C app check
expect_input_error "hint: uk reads YAML from regular files of at most 1 MiB" "$UK" -C app check
rm app/uk.yaml

# A device: never read, so /dev/zero cannot exhaust memory.
expect_input_error "error: cannot read /dev/zero: not a regular file" "$UK" check /dev/zero
expect_input_error "error: cannot read /dev/null: not a regular file" "$UK" check /dev/null

# One byte over the limit, and a sparse 2 GiB file: refused by their size.
head -c 1048577 /dev/zero | tr '\0' '#' >big.yaml
expect_input_error "error: cannot read big.yaml: larger than the limit" "$UK" check big.yaml
truncate -s 2G huge.yaml
expect_input_error "error: cannot read huge.yaml: larger than the limit" "$UK" check huge.yaml
rm big.yaml huge.yaml

# A FIFO as an app module's module.yaml: the catalog refuses it too.
printf 'name: app\n' >app/uk.yaml
mkdir -p app/modules/m
mkfifo app/modules/m/module.yaml
expect_input_error "error: cannot read app/modules/m/module.yaml: not a regular file" \
	"$UK" -C app check
rm -r app/modules

# Symlinks that lead out of the app: refused for sources and assets.
printf 'int x;\n' >outside.c
mkdir outside-assets
ln -s ../../outside.c app/src/out.c
printf 'name: app\nsources: [src/out.c]\n' >app/uk.yaml
expect_input_error "uk.yaml:2:11: error: sources entry 'src/out.c' is a symlink that leads outside the app directory" \
	"$UK" -C app check
# Behind a glob, it is found when the build lists the sources.
printf 'name: app\n' >app/uk.yaml
set +e
out=$(cd app && timeout 60 "$UK" build 2>&1)
s=$?
set -e
assert_contains "$out" "uk.yaml:1:1: error: sources pattern 'src/*.c' matches 'src/out.c', a symlink that leads outside the app directory"
[ "$s" -ne 0 ] || fail "uk build with a source symlinked out of the app succeeded"
[ ! -e app/build/hosted-x86_64/obj ] || [ -z "$(find app/build/hosted-x86_64/obj -name 'out.c*')" ] ||
	fail "an object was built from the symlinked source"
rm app/src/out.c
ln -s ../outside-assets app/assets
printf 'name: app\nassets: assets\n' >app/uk.yaml
expect_input_error "uk.yaml:2:9: error: assets directory 'assets' is a symlink that leads outside the app directory" \
	"$UK" -C app check
# A symlink that stays inside the app is fine.
rm app/assets
mkdir app/real-assets
ln -s real-assets app/assets
timeout 10 "$UK" -C app check >/dev/null || fail "assets symlinked inside the app were refused"

# Template names are names: no path leads out of templates/.
for t in ../libs/tcp ../../etc /etc .hidden; do
	expect_input_error "error: template '$t' must be a name, not a path" "$UK" init "new-$RANDOM" --template "$t"
done
[ -z "$(ls -d new-* 2>/dev/null)" ] || fail "uk init created an app from a path template"
echo "bounded-input: ok"
