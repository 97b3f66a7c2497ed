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

rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"
