#!/usr/bin/env bash
# Every template: uk init, uk build (its default target), run the image.
# The hosted image must exit 0 and print what test/templates/<t>.expected says.
# A template whose app does not end by itself (a server) has a script,
# test/templates/<t>.sh, that runs the image with the peers it needs and
# prints what the image printed; the same checks apply to that.
. "$(dirname "$0")/lib.sh"
t=$1
"$UK" init app --template "$t"
# Content that is not the app's text (a site's pages and images) is copied
# byte for byte, never run through ${name} substitution.
(cd "$UK_SRC/templates/$t" && find . -type f ! -name uk.yaml ! -name .gitignore \
	! -path './src/*' ! -path './include/*') | while read -r f; do
	cmp -s "$UK_SRC/templates/$t/$f" "app/$f" || fail "uk init changed $f of template $t"
done
cd app
out=$("$UK" build)
image=$(printf '%s\n' "$out" | tail -n 1)
[ -x "$image" ] || fail "uk build did not print an executable image path last: $out"
assert_eq "$image" "build/hosted-x86_64/app" "image path"
set +e
if [ -f "$UK_SRC/test/templates/$t.sh" ]; then
	run=$(WORK="$WORK/run" bash "$UK_SRC/test/templates/$t.sh" "$PWD/$image")
else
	run=$("./$image")
fi
status=$?
set -e
assert_eq "$status" 0 "exit status of $t"
expected="$UK_SRC/test/templates/$t.expected"
[ -f "$expected" ] || fail "no $expected"
diff -u "$expected" <(printf '%s\n' "$run") || fail "output of $t differs"
