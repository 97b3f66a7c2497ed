# shellcheck shell=dash
# dom0's side of xen-net.sh for the xendhcp guest (busybox sh, run by the
# rig with --peer): busybox udhcpd on the bridge with a static lease for
# the guest's MAC; once the guest answers ping on it, 10 pings, then a
# datagram to its UDP port 9 (bash's /dev/udp) ends it.
cat >/tmp/udhcpd.conf <<'CONF'
start 10.99.0.50
end 10.99.0.60
interface xenbr0
lease_file /tmp/udhcpd.leases
pidfile /tmp/udhcpd.pid
static_lease 02:00:00:00:99:03 10.99.0.77
option subnet 255.255.255.0
option router 10.99.0.1
option dns 10.99.0.1
option lease 600
CONF
touch /tmp/udhcpd.leases
udhcpd -f /tmp/udhcpd.conf >/tmp/udhcpd.log 2>&1 &
server=$!
i=0
until ping -c 1 -W 1 10.99.0.77 >/dev/null 2>&1; do
	i=$((i + 1))
	[ $i -lt 40 ] || { echo "peer: no answer to ping on 10.99.0.77"; kill $server; exit 1; }
done
out=$(ping -c 10 -i 0.2 10.99.0.77)
echo "$out" | tail -n 2
bash -c 'echo stop >/dev/udp/10.99.0.77/9'
kill $server
case $out in
*" 0% packet loss"*) ;;
*) exit 1 ;;
esac
