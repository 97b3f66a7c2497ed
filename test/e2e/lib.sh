# shellcheck shell=bash
# Shared by the end-to-end tests. The runner sets UK (the uk binary),
# UK_SRC (the source tree) and WORK (a scratch directory for this test).
set -euo pipefail

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# assert_contains TEXT NEEDLE [WHAT]
assert_contains() {
	case "$1" in
	*"$2"*) ;;
	*) fail "${3:-output} does not contain '$2':"$'\n'"$1" ;;
	esac
}

assert_not_contains() {
	case "$1" in
	*"$2"*) fail "${3:-output} contains '$2':"$'\n'"$1" ;;
	*) ;;
	esac
}

assert_eq() {
	[ "$1" = "$2" ] || fail "${3:-value}: expected '$2', got '$1'"
}

# For tests that run the Xen rig with its output in rig.out: guest NAME's
# console or peer output (KIND), and its result line.
rig_log() {
	sed -n "/^=== xenrig guest $1 $2\$/,/^=== xenrig guest $1 \(peer\|result:\)/p" rig.out | sed '1d;$d'
}
rig_result() {
	grep "^=== xenrig guest $1 result:" rig.out || fail "no result for $1"
}

rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"
