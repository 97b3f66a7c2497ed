#!/usr/bin/env bash
# netfront on real Xen: test/apps/xennet built for xen/ARCH boots in the rig
# with --net (netback in dom0, bridge xenbr0 at 10.99.0.1/24) and a vif on
# that bridge, from the generated xl config. Against dom0's Linux kernel it
# resolves 10.99.0.1 by ARP, is refused by a RST on TCP port 1, and gets an
# ICMP port unreachable for a UDP datagram to port 9. Then dom0 is the
# active side (the rig's --peer, test/e2e/xen-net-peer.sh): 20 pings, all
# answered, and 1 MB of random data through the guest's TCP echo server
# with busybox nc, back whole (sha256). Frames both ways through its
# rings, netback and the bridge. Then test/apps/xendhcp (ipv4: dhcp) gets
# its lease from busybox's udhcpd in dom0 (test/e2e/xen-dhcp-peer.sh: a
# static lease, 10.99.0.77) and answers 10 pings on it. Last, the
# http-static template's website (on the bridge at 10.99.0.3): dom0 fetches
# every file of its site with busybox wget, each identical to the
# template's (sha256), then sends 100 requests on one kept-alive connection
# (test/e2e/xen-http-peer.sh). xennet's config has a uk.seed= command
# line added, and its rng must say that seed was credited.
# usage: xen-net.sh x86_64 | xen-net.sh arm64 GIC_VERSION
. "$(dirname "$0")/lib.sh"
arch=$1
target=xen/$arch
rig_args=(--arch "$arch" --net --peer "xennet=$UK_SRC/test/e2e/xen-net-peer.sh"
	--peer "xendhcp=$UK_SRC/test/e2e/xen-dhcp-peer.sh")
[ "$arch" = arm64 ] && rig_args+=(--gic "$2")

# The website: the template as a user gets it, on the rig's bridge, told
# to end after the site's files and the 100 kept-alive requests.
"$UK" init web --template http-static >/dev/null
site=$UK_SRC/templates/http-static/site
mapfile -t files < <(cd "$site" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
sed -i -e 's|{ name: net0, kind: net, tap: uk0, ipv4: 10.0.0.2/24 }|{ name: net0, kind: net, bridge: xenbr0, ipv4: 10.99.0.3/24, mac: "02:00:00:00:99:04" }|' \
	-e "s|^memory: .*|&\ncmdline: \"$((${#files[@]} + 100))\"|" web/uk.yaml
grep -q 'bridge: xenbr0' web/uk.yaml || fail "the template's device line changed; update xen-net.sh"
web_image=$("$UK" -C web build --target "$target" | tail -n 1)
[ -f "$web_image" ] || fail "no image: $web_image"
cp "$UK_SRC/test/e2e/xen-http-peer.sh" web-peer.sh
for f in "${files[@]}"; do
	echo "# $f $(sha256sum <"$site/$f" | cut -d' ' -f1)" >>web-peer.sh
done
rig_args+=(--peer "web=$WORK/web-peer.sh")
cp -r "$UK_SRC/test/apps/xennet" xennet
image=$("$UK" -C xennet build --target "$target" | tail -n 1)
[ -f "$image" ] || fail "no image: $image"
cp -r "$UK_SRC/test/apps/xendhcp" xendhcp
dhcp_image=$("$UK" -C xendhcp build --target "$target" | tail -n 1)
[ -f "$dhcp_image" ] || fail "no image: $dhcp_image"
assert_contains "$(cat "$image.xl")" 'vif = [ "bridge=xenbr0,mac=02:00:00:00:99:02" ]'
# xennet boots as a user of plain xl create boots it (docs/rng.md): the
# generated config plus a command line with a fresh seed, which must be
# what seeds its rng (on arm64 nothing else can).
seed=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
{ cat "$image.xl"; printf 'cmdline = "uk.seed=%s"\n' "$seed"; } >xennet-seeded.xl

"$UK_SRC/platform/xen/rig/xenrig" "${rig_args[@]}" --timeout 60 --log "$WORK/rig.log" xennet-seeded.xl "$dhcp_image.xl" "$web_image.xl" > rig.out ||
	fail "the rig failed:"$'\n'"$(cat rig.out)"$'\n'"$(tail -n 40 rig.log)"
cat rig.out
c=$(rig_log xennet console)
assert_contains "$c" "xennet: net0 mac 02:00:00:00:99:02, link up"
assert_contains "$c" "xennet: tcp connect to 10.99.0.1:1: -111"
assert_contains "$c" "xennet: udp to 10.99.0.1:9: error -111"
assert_contains "$c" "arp.resolved=1"
assert_contains "$c" "netfront.rx_errors=0"
assert_contains "$c" "netfront.tx_errors=0"
assert_contains "$c" "netfront.bad_ids=0"
assert_contains "$c" "xennet: echo connection done, 1000000 bytes echoed"
assert_contains "$c" "icmp.tx_echo_replies="
assert_contains "$c" "xennet: ok"
assert_contains "$c" "rng.seeded=1"
assert_contains "$c" "rng.bits.toolstack=256"
assert_not_contains "$c" "rng: not seeded"
p=$(rig_log xennet peer)
assert_contains "$p" "20 packets transmitted, 20 packets received, 0% packet loss"
assert_contains "$p" "peer: sent 1000000 bytes, got back 1000000"
sent=$(printf '%s\n' "$p" | sed -n 's/^peer: sha256 sent //p')
back=$(printf '%s\n' "$p" | sed -n 's/^peer: sha256 back //p')
[ ${#sent} -eq 64 ] || fail "no sha256 of what the peer sent"
assert_eq "$back" "$sent" "sha256 of the echo"
assert_contains "$(rig_result xennet)" "exit=0 shutdown=poweroff"
assert_contains "$(rig_result xennet)" "peer_exit=0"

c=$(rig_log xendhcp console)
assert_contains "$c" "xendhcp: lease address=10.99.0.77/24 router=10.99.0.1 server=10.99.0.1 time=600"
assert_contains "$c" "xendhcp: stopped; dhcp offers=1 acks=1"
replies=$(printf '%s\n' "$c" | sed -n 's/.*icmp echo replies=\([0-9]*\).*/\1/p')
[ "${replies:-0}" -ge 11 ] || fail "$replies echo replies from xendhcp"
p=$(rig_log xendhcp peer)
assert_contains "$p" "10 packets transmitted, 10 packets received, 0% packet loss"
assert_contains "$(rig_result xendhcp)" "exit=0 shutdown=poweroff"
assert_contains "$(rig_result xendhcp)" "peer_exit=0"

c=$(rig_log web console)
assert_contains "$c" "http-static: serving ${#files[@]} files at http://10.99.0.3:80/"
assert_contains "$c" "http-static: answered $((${#files[@]} + 100)) requests"
p=$(rig_log web peer)
assert_contains "$p" "peer: ${#files[@]} files identical, 0 not"
assert_contains "$p" "peer: keep-alive: 100 of 100 answered on one connection"
assert_contains "$(rig_result web)" "exit=0 shutdown=poweroff"
assert_contains "$(rig_result web)" "peer_exit=0"
