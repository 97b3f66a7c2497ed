#!/usr/bin/env bash
# uk run --forward and xenrig --forward refuse bad values with a usage error
# (uk: 64, xenrig: 2) and the exact message, before anything is built or
# booted.
. "$(dirname "$0")/lib.sh"
"$UK" init echo --template tcp-echo >/dev/null

# uk_usage ARGS... MESSAGE: uk -C echo run ARGS exits 64 with MESSAGE on stderr.
uk_usage() {
	local msg=${*: -1} out s=0
	out=$("$UK" -C echo run "${@:1:$#-1}" 2>&1) || s=$?
	assert_eq "$s" 64 "status of uk run ${*:1:$#-1}"
	assert_contains "$out" "$msg"
	[ ! -d echo/build ] || fail "uk run ${*:1:$#-1} built the app"
}
uk_usage --target xen/x86_64 --rig --forward 8080 \
	"uk: error: uk run: --forward wants HOSTPORT:GUESTPORT, such as 8080:80, not '8080'"
uk_usage --target xen/x86_64 --rig --forward 0:80 \
	"uk: error: uk run: --forward '0:80': the host port '0' is out of range: a port is 1 to 65535"
uk_usage --target xen/x86_64 --rig --forward=8080:65536 \
	"uk: error: uk run: --forward '8080:65536': the guest port '65536' is out of range: a port is 1 to 65535"
uk_usage --target xen/x86_64 --rig --forward 8080:http \
	"uk: error: uk run: --forward '8080:http': the guest port 'http' is not a number"
uk_usage --target xen/x86_64 --rig --forward 8080:080 \
	"uk: error: uk run: --forward '8080:080': the guest port '080' is written with a leading zero"
uk_usage --target xen/x86_64 --rig --forward :80 \
	"uk: error: uk run: --forward ':80': the host port '' is empty"
uk_usage --target xen/x86_64 --rig --forward 8080:80 --forward 8080:81 \
	"uk: error: uk run: --forward: host port 8080 is given twice"
uk_usage --target xen/x86_64 --rig --forward \
	"uk: error: uk run: --forward needs a value"
# after the build: the target and the manifest
s=0
out=$("$UK" -C echo run --forward 8080:7 2>&1) || s=$?
assert_eq "$s" 64 "status of --forward on hosted"
assert_contains "$out" "uk: error: uk run: --forward is for a Xen image on the rig, not hosted/x86_64"
s=0
out=$("$UK" -C echo run --target xen/x86_64 --qemu --forward 8080:7 2>&1) || s=$?
assert_eq "$s" 64 "status of --forward with --qemu"
assert_contains "$out" "uk: error: uk run: --forward is for a Xen image on the rig, not --qemu"
sed -i 's|ipv4: 10.0.0.2/24|ipv4: dhcp|' echo/uk.yaml
s=0
out=$("$UK" -C echo run --target xen/x86_64 --rig --forward 8080:7 2>&1) || s=$?
assert_eq "$s" 64 "status of --forward without a static address"
assert_contains "$out" "uk: error: uk run: --forward needs a net device with a static ipv4 address in uk.yaml"

# xenrig: exit status 2 and the message, before the cache is looked at
cfg=$(ls echo/build/xen-x86_64/*.xl)
rig_usage() {
	local msg=${*: -1} out s=0
	out=$("$UK_SRC/platform/xen/rig/xenrig" --cache "$WORK/no-cache" "${@:1:$#-1}" 2>&1) || s=$?
	assert_eq "$s" 2 "status of xenrig ${*:1:$#-1}"
	assert_contains "$out" "$msg"
	[ ! -e "$WORK/no-cache" ] || fail "xenrig ${*:1:$#-1} made its cache"
}
rig_usage --forward 8080 "$cfg" "xenrig: --forward wants HOSTPORT:GUESTPORT, such as 8080:80, not '8080'"
rig_usage --forward 0:80 "$cfg" "xenrig: --forward 0:80: a port is a number from 1 to 65535"
rig_usage --forward=8080:65536 "$cfg" "xenrig: --forward 8080:65536: a port is a number from 1 to 65535"
rig_usage --forward 8080:080 "$cfg" "xenrig: --forward 8080:080: a port is a number from 1 to 65535"
rig_usage --forward 8080:80 --forward 8080:81 "$cfg" "xenrig: --forward: host port 8080 is given twice"
rig_usage --forward 8080:80 "$cfg" "xenrig: --forward needs the guest's address: --guest-ip ADDR/PREFIX, or ip= in its vif"
rig_usage --forward 8080:80 --guest-ip 10.0.2.9/24 "$cfg" "xenrig: --guest-ip 10.0.2.9/24: overlaps QEMU's user network 10.0.2.0/24"
rig_usage --forward 8080:80 --guest-ip 10.0.0.2/31 "$cfg" \
	"xenrig: --guest-ip wants ADDR/PREFIX with a prefix from 8 to 30, such as 10.0.0.2/24, not '10.0.0.2/31'"
rig_usage --forward 8080:80 --guest-ip 10.0.0.256/24 "$cfg" \
	"xenrig: --guest-ip wants ADDR/PREFIX with a prefix from 8 to 30, such as 10.0.0.2/24, not '10.0.0.256/24'"
rig_usage --forward 8080:80 --guest-ip 10.0.0.0/24 "$cfg" \
	"xenrig: --guest-ip 10.0.0.0/24: the network or broadcast address of its subnet"
rig_usage --forward 8080:80 --guest-ip 10.0.0.2/24 "$cfg" "$cfg" "xenrig: --forward wants exactly one guest config"
rig_usage --guest-ip 10.0.0.2/24 "$cfg" "xenrig: --guest-ip is for --forward"
echo ok
