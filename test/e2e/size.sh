#!/usr/bin/env bash
# uk size attributes the image's bytes to modules and shows the saving of
# LTO and --gc-sections against the baseline.
. "$(dirname "$0")/lib.sh"
"$UK" init app >/dev/null
out=$("$UK" -C app size)
printf '%s\n' "$out"
# alloc is not listed: LTO inlines it into libc's malloc, and its code is
# counted where it landed; its bss row remains.
for m in hosted console libc app glue; do
	printf '%s\n' "$out" | grep -Eq "^$m +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ " || fail "no row for $m"
done
total=$(printf '%s\n' "$out" | awk '$1 == "total" {print $6}')
base=$(printf '%s\n' "$out" | awk '$1 == "total" {print $7}')
[ "$total" -gt 0 ] || fail "total is $total"
[ "$base" -gt "$total" ] || fail "baseline $base is not larger than the image $total"
# The rows add up to the total.
sum=$(printf '%s\n' "$out" | awk '/^module/ {on=1; next} $1 == "total" {on=0} on && NF >= 7 {s += $6} END {print s}')
assert_eq "$sum" "$total" "sum of the rows"
# Nothing large stays unattributed.
un=$(printf '%s\n' "$out" | awk '$1 == "(unattributed)" {print $6}')
[ "${un:-0}" -lt $((total / 10)) ] || fail "unattributed $un of $total"
[ -f app/build/hosted-x86_64/size.txt ] || fail "no size.txt"
