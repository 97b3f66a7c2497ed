#!/usr/bin/env bash
# Checks that `uk check CASE.yaml` fails with exactly the messages in
# CASE.expected (stderr, byte for byte) and exit status 65 (UK_EXIT_INPUT).
# usage: expect-error.sh UK DIR CASE
set -u
uk=$1 dir=$2 case=$3
cd "$dir" || exit 2
actual=$("$uk" check "$case.yaml" 2>&1 >/dev/null)
status=$?
if [ "$status" -ne 65 ]; then
	echo "expected exit status 65, got $status"
	echo "$actual"
	exit 1
fi
if ! diff -u "$case.expected" <(printf '%s\n' "$actual"); then
	echo "messages differ from $case.expected (- expected, + actual)"
	exit 1
fi
