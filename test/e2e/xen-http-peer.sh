# shellcheck shell=dash
# dom0's side of the website check in xen-net.sh (busybox sh, run by the
# rig with --peer while the http-static guest runs at 10.99.0.3). xen-net.sh
# appends the list of the site's files, one "FILE SHA256" per line, after
# the line "# files:". Every file is fetched with busybox wget and its
# sha256 compared; then bash sends 100 requests one after another on one
# kept-alive connection, each answer read whole by its Content-Length.
i=0
until ping -c 1 -W 1 10.99.0.3 >/dev/null 2>&1; do
	i=$((i + 1))
	[ $i -lt 40 ] || { echo "peer: no answer to ping"; exit 1; }
done
ok=0 bad=0
sed -n '/^# files:$/,$p' "$0" | sed '1d;s/^# //' >/tmp/files
while read -r f sum; do
	if wget -q -O /tmp/got "http://10.99.0.3/$f" &&
		[ "$(sha256sum </tmp/got | cut -d' ' -f1)" = "$sum" ]; then
		ok=$((ok + 1))
	else
		bad=$((bad + 1))
		echo "peer: /$f differs or failed"
	fi
done </tmp/files
echo "peer: $ok files identical, $bad not"
# shellcheck disable=SC2016 # the script is bash's, expanded there
bash -c '
exec 3<>/dev/tcp/10.99.0.3/80 || exit 1
n=0 bytes=0
for i in $(seq 100); do
	printf "GET /style.css HTTP/1.1\r\nHost: 10.99.0.3\r\n\r\n" >&3
	len=-1
	read -r status <&3 || break
	case $status in "HTTP/1.1 200 "*) ;; *) echo "peer: request $i: $status"; break ;; esac
	while IFS= read -r line <&3; do
		line=${line%$'"'"'\r'"'"'}
		[ -z "$line" ] && break
		case ${line,,} in content-length:*) len=${line#*:}; len=${len// /} ;; esac
	done
	[ "$len" -ge 0 ] || { echo "peer: request $i: no Content-Length"; break; }
	IFS= read -r -N "$len" body <&3 || break
	[ ${#body} -eq "$len" ] || break
	n=$((n + 1)) bytes=$((bytes + len))
done
echo "peer: keep-alive: $n of 100 answered on one connection, $bytes body bytes"
[ "$n" -eq 100 ]
' || bad=$((bad + 1))
[ $bad -eq 0 ]
# files:
