#!/usr/bin/env bash
# An image whose init fails says why: the module's own line, then the
# glue's panic with the module and the error by number and name. Here the
# TAP driver is given the loopback interface, which is no TAP device, so
# TUNSETIFF fails (EINVAL as root, EPERM without CAP_NET_ADMIN).
. "$(dirname "$0")/lib.sh"
"$UK" init app --template udp-echo >/dev/null
cd app
sed -i 's/tap: uk0/tap: lo/' uk.yaml
grep -q 'tap: lo' uk.yaml || fail "uk.yaml did not take tap: lo"
image=$("$UK" build | tail -n 1)
[ -x "$image" ] || fail "uk build did not print an executable image path last"
set +e
out=$(timeout 20 "./$image" 2>&1)
status=$?
set -e
assert_eq "$status" 255 "exit status of an image whose init fails"
assert_contains "$out" "tap: net0: "
assert_contains "$out" "(TAP lo): "
if [ "$(id -u)" -eq 0 ]; then
	assert_contains "$out" "panic: init of module tap failed: -22 (EINVAL)"
else
	assert_contains "$out" "panic: init of module tap failed: -1 (EPERM)"
fi
echo "init-failure: ok"
