#!/usr/bin/env bash
# docs/ci.md's workflow, the very script in its ci.sh block, run on a
# template app for hosted/x86_64: it builds uk, builds the app against
# uk.lock twice, and keeps identical images, uk.lock and the reports. Then
# it must fail with uk's status 67 when the app no longer matches uk.lock.
. "$(dirname "$0")/lib.sh"
sed -n '/^<!-- ci.sh:/,/^```$/p' "$UK_SRC/docs/ci.md" | sed '1,2d;$d' >ci.sh
assert_contains "$(head -n 1 ci.sh)" "#!/usr/bin/env bash" "ci.sh extracted from docs/ci.md"
"$UK" init app >/dev/null
cd app
"$UK" build >/dev/null # the uk.lock the app's repository keeps
cp uk.lock uk.lock.committed
ci() {
	INSTALL_PACKAGES=no TARGETS=hosted/x86_64 UK_BUILD_DIR="$WORK/uk-build" \
		bash "$WORK/ci.sh" >"$WORK/ci.out" 2>"$WORK/ci.err"
}
ci || fail "ci.sh failed:"$'\n'"$(cat "$WORK/ci.out" "$WORK/ci.err")"
out=$(cat "$WORK/ci.out")
assert_contains "$out" "uk 0.1.0"
assert_contains "$out" "hosted/x86_64: "
assert_contains "$out" "(built twice, identical)"
a=ci-artifacts
[ -x "$WORK/uk-build/uk" ] || fail "ci.sh did not build uk in UK_BUILD_DIR"
cmp uk.lock.committed "$a/uk.lock" || fail "uk.lock in the artifacts differs"
[ -f "$a/hosted-x86_64/app" ] || fail "no image in the artifacts"
sum=$(sha256sum "$a/hosted-x86_64/app" | cut -d' ' -f1)
for r in build rebuild; do
	python3 - "$a/hosted-x86_64/$r.json" "$sum" <<'PY' || fail "$r.json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == 1 and d["command"] == "build", d
assert d["ok"] is True and d["exit_status"] == 0 and d["locked"] is True, d
assert d["target"] == "hosted/x86_64", d["target"]
assert d["image"]["sha256"] == sys.argv[2], (d["image"], sys.argv[2])
assert d["image"]["path"] == "build/hosted-x86_64/app", d["image"]
assert [m["name"] for m in d["modules"]] == ["hosted", "alloc", "console", "libc"], d["modules"]
PY
done
assert_contains "$(cat "$a/SHA256SUMS")" "$sum  ./hosted-x86_64/app"
assert_contains "$(cat "$a/SHA256SUMS")" "./uk.lock"
# A change that uk.lock does not know: the workflow stops with status 67
# and keeps the report that says why.
echo '/* changed */' >>src/main.c
set +e
ci
s=$?
set -e
assert_eq "$s" 67 "ci.sh status when the app differs from uk.lock"
python3 - "$a/hosted-x86_64/build.json" <<'PY' || fail "the failed build's report"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["ok"] is False and d["exit_status"] == 67 and d["image"] is None, d
msgs = [x["message"] for x in d["diagnostics"]]
assert "the build differs from uk.lock for hosted/x86_64 (--locked)" in msgs, msgs
PY
