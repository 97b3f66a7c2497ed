# shellcheck shell=bash
# Helpers shared by the rig's self-tests (selftest.sh, selftest-arm64.sh),
# sourced by them. They use the caller's RIG (the xenrig script), WORK (a
# work directory), CACHE_ARGS (an array: --cache DIR, or empty) and count
# checks in PASSED and FAILED.
PASSED=0
FAILED=0

# Record a check: $1 is its name, the rest a command that must succeed.
check() {
	local name=$1
	shift
	if "$@"; then
		echo "selftest: ok: $name"
		PASSED=$((PASSED + 1))
	else
		echo "selftest: FAILED: $name"
		FAILED=$((FAILED + 1))
	fi
}

# A tool the test needs is missing: that is a failure, not a skip.
missing() {
	echo "selftest: FAILED: $*"
	exit 1
}

# Fail unless every program named is installed.
require_tools() {
	local t
	for t in "$@"; do
		command -v "$t" >/dev/null || missing "$t is not installed"
	done
}

# Print stdout file $1 without the stage lines and with the numbers that vary
# from run to run replaced by N.
normalize() {
	grep -v '^=== xenrig stage ' "$1" |
		sed -E 's/\b(domid|create_ms|run_ms|boot_ms|total_ms)=[0-9]+/\1=N/g'
}

# True if every stage line in stdout file $1 has the documented form.
stage_lines_ok() {
	! grep '^=== xenrig stage ' "$1" |
		grep -vE '^=== xenrig stage (prepare ms=[0-9]+ cached=(yes|no)|(xen|dom0-init|toolstack) ms=[0-9]+)$'
}

# True if normalize($1) is exactly the text on stdin (a diff is shown if not).
output_is() {
	diff -u - <(normalize "$1")
}

# True if the result line of guest $2 in stdout file $1 has run_ms >= $3.
run_ms_at_least() {
	local ms
	ms=$(sed -n "s/^=== xenrig guest $2 result: .* run_ms=\([0-9]*\)\$/\1/p" "$1")
	[[ -n $ms ]] && ((ms >= $3))
}

# Run the rig with the given arguments; stdout, stderr and the exit status go
# to $WORK/$name.{out,err,rc}, the serial log to $WORK/$name.log.
run_rig() {
	local name=$1 rc=0
	shift
	"$RIG" "${CACHE_ARGS[@]}" --log "$WORK/$name.log" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || rc=$?
	echo "$rc" >"$WORK/$name.rc"
	echo "selftest: rig run '$name' exited $rc; its stdout:"
	sed 's/^/    /' "$WORK/$name.out"
}

# True if run $1 exited with status $2 (its stderr is shown if not).
exited() {
	[[ $(cat "$WORK/$1.rc") == "$2" ]] || { sed 's/^/    stderr: /' "$WORK/$1.err" | tail -n 60; false; }
}

# Print the summary line; true if no check failed.
summary() {
	echo "$PASSED passed, $FAILED failed"
	((FAILED == 0))
}
