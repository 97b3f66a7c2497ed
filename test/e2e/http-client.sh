#!/usr/bin/env bash
# The http client (libs/http, include/http/client.h) against nginx (Debian:
# nginx-light) listening on the host side of the TAP, 10.0.0.1. The image
# (test/apps/httpget) fetches, in order: a small file, a 1 MB random file,
# a HEAD of it, a missing path, a file that nginx's sub_filter rewrites
# (its length unknown: sent chunked), and the small file again. Checks:
#  - every body byte-exact (sha256; the rewritten one against sed's);
#  - all six over one connection: the image's count, and nginx's access
#    log ($connection the same on every line, $connection_requests 1..6);
#  - the HEAD has the length and no body; the 404 is a 404; the rewritten
#    file came chunked;
#  - against a server that ends a connection after 2 requests
#    (keepalive_requests 2, `Connection: close` on the second response),
#    the client opens new connections by itself: 3 for 6 paths, bodies
#    still exact.
# Every wait is bounded.
. "$(dirname "$0")/netlib.sh"
command -v nginx >/dev/null || fail "http-client needs nginx (Debian: nginx-light)"
command -v sha256sum >/dev/null || fail "http-client needs sha256sum"
image=$(build_app httpget)
tap_precreate

# ---- the site and nginx's private configuration ----
site="$WORK/site" ng="$WORK/nginx"
mkdir -p "$site/sub" "$ng/tmp"
echo "hello from nginx" >"$site/small.txt"
head -c 1048576 /dev/urandom >"$site/big.bin"
for i in $(seq 2000); do echo "line $i XMARKX of the text that sub_filter rewrites"; done >"$site/sub/text.txt"
sed 's/XMARKX/replaced/g' "$site/sub/text.txt" >"$WORK/text.expected"
cat >"$ng/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $ng/nginx.pid;
error_log $ng/error.log info;
events { worker_connections 64; }
http {
	types { text/plain txt; application/octet-stream bin; }
	client_body_temp_path $ng/tmp/body;
	proxy_temp_path $ng/tmp/proxy;
	fastcgi_temp_path $ng/tmp/fastcgi;
	uwsgi_temp_path $ng/tmp/uwsgi;
	scgi_temp_path $ng/tmp/scgi;
	log_format conn '\$server_port \$connection \$connection_requests \$request_method \$uri \$status \$body_bytes_sent';
	access_log $ng/access.log conn;
	keepalive_timeout 60s;
	root $site;
	server {
		listen 10.0.0.1:8080;
		keepalive_requests 100;
		include $ng/sub.conf;
	}
	server {
		listen 10.0.0.1:8081;
		keepalive_requests 2;
		include $ng/sub.conf;
	}
}
CONF
# the rewritten folder: its length unknown until the end, so sent chunked
cat >"$ng/sub.conf" <<'CONF'
location /sub/ {
	sub_filter_types text/plain;
	sub_filter 'XMARKX' 'replaced';
	sub_filter_once off;
}
CONF
nsx nginx -t -p "$ng" -c "$ng/nginx.conf" >"$ng/t.log" 2>&1 || fail "nginx -t:"$'\n'"$(cat "$ng/t.log")"
nsx nginx -p "$ng" -c "$ng/nginx.conf" >"$ng/stdout.log" 2>&1 &
BG_PIDS+=($!)
for _ in $(seq 100); do
	nsx timeout 1 bash -c '</dev/tcp/10.0.0.1/8081' 2>/dev/null && break
	sleep 0.05
done

paths=(/small.txt /big.bin HEAD:/big.bin /missing /sub/text.txt /small.txt)

# Runs the image against PORT; its stdout to $WORK/bodies.PORT, stderr to
# $WORK/log.PORT.
fetch() {
	set +e
	ip netns exec "$NS" timeout 90 "$image" 10.0.0.1 "$1" "${paths[@]}" \
		>"$WORK/bodies.$1" 2>"$WORK/log.$1"
	local st=$?
	set -e
	[ "$st" = 0 ] || fail "httpget ended with $st:"$'\n'"$(cat "$WORK/log.$1")"
	cat "$WORK/log.$1"
}

# The body of response N (1..) of the run against PORT, cut from the
# stream by the byte counts the image reported.
body() {
	local port=$1 n=$2 off=0 i=0 bytes
	while read -r bytes; do
		i=$((i + 1))
		if [ "$i" = "$n" ]; then
			tail -c +$((off + 1)) "$WORK/bodies.$port" | head -c "$bytes"
			return
		fi
		off=$((off + bytes))
	done < <(sed -n 's/^httpget: .* bytes=\([0-9]*\)$/\1/p' "$WORK/log.$port")
}

# The image's line for response N.
line() { grep '^httpget: ' "$WORK/log.$1" | sed -n "$2p"; }

sha() { sha256sum | cut -d' ' -f1; }

check_bodies() {
	local port=$1
	assert_eq "$(grep -c '^httpget: ' "$WORK/log.$port")" 6 "responses on port $port"
	assert_eq "$(body "$port" 1 | sha)" "$(sha <"$site/small.txt")" "sha256 of /small.txt"
	assert_eq "$(body "$port" 2 | sha)" "$(sha <"$site/big.bin")" "sha256 of /big.bin"
	assert_contains "$(line "$port" 3)" "HEAD /big.bin status=200 length=1048576 chunked=0 bytes=0" "the HEAD"
	assert_contains "$(line "$port" 4)" "GET /missing status=404" "the missing path"
	assert_contains "$(body "$port" 4)" "404 Not Found" "the 404's body"
	assert_contains "$(line "$port" 5)" "GET /sub/text.txt status=200 length=-1 chunked=1" "the rewritten file"
	assert_eq "$(body "$port" 5 | sha)" "$(sha <"$WORK/text.expected")" "sha256 of the chunked body"
	assert_eq "$(body "$port" 6 | sha)" "$(sha <"$site/small.txt")" "sha256 of /small.txt again"
	assert_eq "$(stat -c %s "$WORK/bodies.$port")" \
		$((2 * 17 + 1048576 + $(body "$port" 4 | wc -c) + $(stat -c %s "$WORK/text.expected"))) "bytes on stdout"
}

# ---- one connection ----
fetch 8080
check_bodies 8080
assert_contains "$(cat "$WORK/log.8080")" "connections=1" "connections the image opened"
assert_contains "$(cat "$WORK/log.8080")" "http_client.reused=5" "requests on a kept-alive connection"
log=$(grep '^8080 ' "$ng/access.log")
echo "$log"
assert_eq "$(echo "$log" | awk '{print $2}' | sort -u | wc -l)" 1 "nginx's connections"
assert_eq "$(echo "$log" | awk '{printf "%s ", $3}')" "1 2 3 4 5 6 " "nginx's requests on the connection"
assert_eq "$(echo "$log" | awk '{printf "%s ", $4}')" "GET GET HEAD GET GET GET " "methods nginx saw"
echo "one connection: ok"

# ---- a server that closes after 2 requests ----
fetch 8081
check_bodies 8081
assert_contains "$(cat "$WORK/log.8081")" "connections=3" "connections the image opened"
assert_contains "$(cat "$WORK/log.8081")" "http_client.malformed=0" "malformed responses"
assert_eq "$(grep '^8081 ' "$ng/access.log" | awk '{print $2}' | sort -u | wc -l)" 3 "nginx's connections"
echo "reconnect after Connection: close: ok"
