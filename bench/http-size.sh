#!/usr/bin/env bash
# The size of the http-static template's image (templates/http-static): for
# hosted/x86_64, xen/x86_64 and xen/arm64, with its own site and with a
# one-file site (a 10-byte index.html, so the code alone), and on
# xen/x86_64 also with `ipv4: dhcp` (the dhcp module in). Prints, from
# `uk size`, the code (text), the read-only data, the baked assets and the
# file on disk, then the bytes per module of the xen/x86_64 images. The
# goal: the whole server (TCP/IP, HTTP, netfront) under 128 KiB of code on
# xen/x86_64. Needs nothing but uk; results go to docs/perf.md.
# usage: bench/http-size.sh [UK]     (default: build/uk)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
uk=$(realpath "${1:-$root/build/uk}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# make VARIANT: the app in $work/VARIANT (site: the template's; bare: one
# file; dhcp: one file, ipv4 from DHCP and the dhcp module required).
make_app() {
	"$uk" init "$work/$1" --template http-static >/dev/null
	if [ "$1" != site ]; then
		rm -rf "$work/$1/site"
		mkdir "$work/$1/site"
		printf '<p>hi</p>\n' >"$work/$1/site/index.html"
	fi
	if [ "$1" = dhcp ]; then
		# ipv4: dhcp alone does not bring the dhcp module: require it.
		sed -i 's|ipv4: 10\.0\.0\.2/24|ipv4: dhcp|; s|^requires: \[http, icmp\]|requires: [http, icmp, dhcp]|' \
			"$work/$1/uk.yaml"
		if ! grep -q 'ipv4: dhcp' "$work/$1/uk.yaml" || ! grep -q 'icmp, dhcp' "$work/$1/uk.yaml"; then
			echo "http-size: the template's ipv4 or requires line changed" >&2
			exit 1
		fi
	fi
}

# size VARIANT TARGET: builds it, keeps uk size's table in $work/VARIANT.TARGET.
size() {
	local out="$work/$1.${2/\//-}"
	"$uk" -C "$work/$1" build --target "$2" >"$out.build" 2>&1 || {
		cat "$out.build" >&2
		exit 1
	}
	# uk size builds its baseline (no LTO) first: keep only its report.
	"$uk" -C "$work/$1" size --target "$2" 2>/dev/null | sed -n '/ bytes on disk/,$p' >"$out"
}

# row VARIANT TARGET: one line of the summary.
row() {
	local out="$work/$1.${2/\//-}" disk
	disk=$(sed -n "s/.*, \([0-9]*\) bytes on disk.*/\1/p" "$out" | tail -n 1)
	awk -v t="$2" -v v="$1" -v disk="$disk" '
		$1 == "total" { text = $2; ro = $3; data = $4 }
		$1 == "(assets)" { assets = $3 }
		END {
			code = text
			printf "%-14s %-6s %9d %9.1f %9d %9d %9d %10d\n", t, v, code, code / 1024, ro - assets, data, assets, disk
		}' "$out"
}

for v in bare site dhcp; do make_app "$v"; done
targets=(hosted/x86_64 xen/x86_64 xen/arm64)
for t in "${targets[@]}"; do
	size bare "$t"
	size site "$t"
done
size dhcp xen/x86_64

printf '%-14s %-6s %9s %9s %9s %9s %9s %10s\n' target site "code" "code KiB" rodata data assets "on disk"
for t in "${targets[@]}"; do
	row bare "$t"
	row site "$t"
done
row dhcp xen/x86_64
echo
echo "(bare: a one-file site of 10 bytes; site: the template's; dhcp: bare with ipv4: dhcp."
echo " code: text; rodata: without the assets; on disk: the stripped image uk build reports)"
for v in bare dhcp; do
	echo
	echo "== xen/x86_64, $v: uk size =="
	cat "$work/$v.xen-x86_64"
done
