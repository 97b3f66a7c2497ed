#!/usr/bin/env bash
# HTTP: uk's http-static (templates/http-static, hosted, on its TAP) against
# nginx (Debian's nginx-light, in a second namespace behind a veth pair,
# Linux's TCP), both serving the same folder: a 612-byte page and a 1 MiB
# file, each with keep-alive and with "Connection: close", driven by the
# same wrk (same threads, connections and duration) from the same namespace
# in the same run; uk and nginx alternate case by case so that the load of
# the machine falls on both alike. nginx gets one worker, like uk's one
# core (with --auto also `worker_processes auto`, in a column of its own),
# no logs, sendfile on. Prints requests/s, MB/s (2^20 bytes, headers
# included, as wrk counts them), the server's CPU time in % of one core
# and the ratio uk/nginx of requests/s. With --perf, also a flat profile
# (perf record) of the uk process under each case, in runs of their own.
# Results go to docs/perf.md (HTTP).
#
# Needs root (namespaces, TAP), and beyond the test suite's tools:
# wrk, nginx-light and (for --perf) linux-perf (Debian 12 packages; not in
# scripts/setup-debian.sh, as no test uses them).
# usage: bench/http.sh [-d SECS] [-t THREADS] [-c CONNS] [--auto] [--perf] [UK]
#        (defaults: 5 s per case, 1 thread, 50 connections; build/uk)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dur=5 threads=1 conns=50 auto='' perf='' uk=$root/build/uk
while [ $# -gt 0 ]; do
	case $1 in
	-d) dur=$2 && shift ;;
	-t) threads=$2 && shift ;;
	-c) conns=$2 && shift ;;
	--auto) auto=1 ;;
	--perf) perf=1 ;;
	-*)
		sed -n 's/^# usage: //p' "$0" >&2
		exit 2
		;;
	*) uk=$1 ;;
	esac
	shift
done
for tool in wrk nginx curl ${perf:+perf}; do
	command -v "$tool" >/dev/null || {
		echo "bench/http.sh needs $tool (Debian: wrk, nginx-light, curl, linux-perf)" >&2
		exit 1
	}
done
WORK=$(mktemp -d)
uk=$(realpath "$uk")
export UK=$uk UK_SRC=$root WORK IMAGE_TIMEOUT=3600
# shellcheck source=test/e2e/netlib.sh
. "$root/test/e2e/netlib.sh"
peer="$NS-peer"
nginx_pids=()
cleanup() {
	local p
	for p in "${nginx_pids[@]}"; do
		kill "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	ip netns del "$peer" 2>/dev/null || true
	net_cleanup
	rm -rf "$WORK"
}
trap cleanup EXIT

# The site: a 612-byte page (this project's own words; 612 bytes is the
# size of nginx's default index page, which earlier unikernel nginx
# benchmarks served) and 1 MiB of random bytes (no gzip variant).
site=$WORK/site
mkdir -p "$site"
cat >"$site/index.html" <<'HTML'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>uk bench page</title>
<style>
body { max-width: 40em; margin: 2em auto; font-family: sans-serif; }
h1 { font-size: 1.4em; }
</style>
</head>
<body>
<h1>A page for the HTTP benchmark</h1>
<p>This page is served by a uk unikernel and by a Linux web server
in the same run, so that both answer with the same bytes. Its size,
612 bytes, is the size of the page used by earlier unikernel web
benchmarks; the words are this project's own.</p>
<p>See docs/perf.md in the uk repository for the numbers.</p>
<p>Nothing else below.</p>
</body>
</html>
HTML
[ "$(wc -c <"$site/index.html")" = 612 ] || fail "the page is not 612 bytes"
head -c 1048576 /dev/urandom >"$site/big.bin"
chmod -R a+rX "$WORK" # nginx's worker runs as nobody

# uk: the template with this site.
"$UK" init "$WORK/app" --template http-static >/dev/null
rm -rf "$WORK/app/site"
cp -r "$site" "$WORK/app/site"
image=$WORK/app/$(cd "$WORK/app" && "$UK" build | tail -n 1)
[ -z "$perf" ] || image=$image.elf # the same image with its symbols

# Linux: a veth pair to a second namespace, nginx there.
netns_add "$peer"
ip link add uk-bench-a netns "$NS" type veth peer name uk-bench-b netns "$peer"
nsx ip addr add 10.1.0.1/24 dev uk-bench-a
nsx ip link set uk-bench-a up
ip -n "$peer" addr add 10.1.0.2/24 dev uk-bench-b
ip -n "$peer" link set uk-bench-b up
# Many short connections: the clients' ports and TIME-WAIT.
for n in "$NS" "$peer"; do
	ip netns exec "$n" sysctl -qw net.ipv4.ip_local_port_range="1024 65535" net.ipv4.tcp_tw_reuse=1
done

# nginx_start NAME WORKERS PORT: an nginx of its own (prefix, pid, no logs).
nginx_start() {
	local dir=$WORK/$1
	mkdir -p "$dir"
	cat >"$dir/nginx.conf" <<CONF
worker_processes $2;
pid $dir/nginx.pid;
error_log stderr crit;
events { worker_connections 4096; }
http {
	types { text/html html; application/octet-stream bin; }
	access_log off;
	sendfile on;
	keepalive_requests 1000000;
	client_body_temp_path $dir/body;
	proxy_temp_path $dir/proxy;
	server {
		listen 10.1.0.2:$3;
		root $site;
	}
}
CONF
	ip netns exec "$peer" timeout 3600 nginx -e stderr -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' &
	nginx_pids+=($!)
}
nginx_start nginx 1 80
[ -z "$auto" ] || nginx_start nginx-auto auto 8080

tap_precreate
image_start "$image"

# Both serve the same bytes.
servers=(uk nginx)
declare -A url=([uk]=http://10.0.0.2 [nginx]=http://10.1.0.2 [nginx-auto]=http://10.1.0.2:8080)
[ -z "$auto" ] || servers+=(nginx-auto)
for s in "${servers[@]}"; do
	for f in index.html big.bin; do
		for _ in $(seq 50); do
			nsx curl -sf -o "$WORK/got" "${url[$s]}/$f" 2>/dev/null && break
			sleep 0.1
		done
		cmp -s "$WORK/got" "$site/$f" || fail "$s does not serve $f"
	done
done

# wrk's summary as one line: requests bytes microseconds errors p99-µs.
cat >"$WORK/summary.lua" <<'LUA'
done = function(s, latency, requests)
	local e = s.errors
	io.write(string.format("RESULT %d %d %d %d %d\n", s.requests, s.bytes, s.duration,
		e.connect + e.read + e.write + e.status + e.timeout, latency:percentile(99)))
end
LUA
# The server's processes: uk's image, nginx's workers.
declare -A procs
procs[uk]=$(pgrep -P "$IMAGE_PID")
procs[nginx]=$(pgrep -P "$(pgrep -P "${nginx_pids[0]}")" | tr '\n' ' ')
[ -z "$auto" ] || procs[nginx-auto]=$(pgrep -P "$(pgrep -P "${nginx_pids[1]}")" | tr '\n' ' ')
# ticks PIDS...: CPU time (user + system, clock ticks) of those processes.
ticks() {
	local p t=0
	for p in "$@"; do
		t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat")))
	done
	echo "$t"
}
# run SERVER FILE MODE: wrk's RESULT line, and the server's CPU use in % of
# one core.
run() {
	local hdr=() t0 t1 out
	[ "$3" = keep-alive ] || hdr=(-H "Connection: close")
	# shellcheck disable=SC2086 # a list of pids
	t0=$(ticks ${procs[$1]})
	out=$(nsx wrk -t "$threads" -c "$conns" -d "${dur}s" "${hdr[@]}" -s "$WORK/summary.lua" \
		"${url[$1]}/$2" | sed -n 's/^RESULT //p')
	# shellcheck disable=SC2086
	t1=$(ticks ${procs[$1]})
	echo "$out $(((t1 - t0) * 100 / $(getconf CLK_TCK) / dur))"
}

declare -A res
for f in index.html big.bin; do
	for m in keep-alive close; do
		for s in "${servers[@]}"; do
			res[$s.$f.$m]=$(run "$s" "$f" "$m")
		done
	done
done

echo "wrk -t $threads -c $conns -d ${dur}s, each case; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s' "case"
for s in "${servers[@]}"; do printf ' %14s %8s %5s' "$s req/s" "MB/s" "CPU%"; done
printf ' %8s' "uk/nginx"
[ -z "$auto" ] || printf ' %8s' "uk/auto"
printf ' %s\n' "errors (uk nginx...)"
for f in index.html big.bin; do
	for m in keep-alive close; do
		printf '%-22s' "$f $m"
		errs=
		for s in "${servers[@]}"; do
			read -r n b us e _ cpu <<<"${res[$s.$f.$m]}"
			printf ' %14.0f %8.1f %5s' "$(echo "$n / ($us / 1000000)" | bc -l)" \
				"$(echo "$b / 1048576 / ($us / 1000000)" | bc -l)" "$cpu"
			errs+=" $e"
		done
		read -r un _ uus _ <<<"${res[uk.$f.$m]}"
		for s in "${servers[@]:1}"; do
			read -r n _ us _ <<<"${res[$s.$f.$m]}"
			printf ' %8.2f' "$(echo "($un / $uus) / ($n / $us)" | bc -l)"
		done
		printf ' %s\n' "$errs"
	done
done

[ -z "$perf" ] || for f in index.html big.bin; do
	for m in keep-alive close; do
		perf record -q -o "$WORK/perf.data" -p "${procs[uk]}" -- sleep "$dur" >/dev/null 2>&1 &
		rec=$!
		run uk "$f" "$m" >/dev/null
		wait "$rec"
		echo
		echo "== perf: the uk process under $f $m =="
		perf report -i "$WORK/perf.data" --stdio --no-children --sort dso,symbol 2>/dev/null |
			awk '/^[^#]/ && n++ < 20' # reads it all: no SIGPIPE
	done
done
