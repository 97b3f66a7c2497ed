#!/usr/bin/env bash
# How template.sh runs the tcp-echo template's image, a server that does not
# end by itself: in a network namespace, with its TAP made beforehand, the
# image is told to end after 3 connections; socat opens 3, each sends a
# line and checks its echo (the image closes after socat did). Prints what
# the image printed (template.sh compares it with tcp-echo.expected) and
# exits with the image's status.
. "$UK_SRC/test/e2e/netlib.sh"
image=$1
tap_precreate
image_start "$image" 3
for word in first second third; do
	echo "$word" >"$WORK/in"
	nsx timeout 20 socat -t 10 -T 10 - tcp:10.0.0.2:7 <"$WORK/in" >"$WORK/out"
	cmp -s "$WORK/in" "$WORK/out" || fail "the echo of '$word' differs: '$(cat "$WORK/out")'"
done
image_wait
cat "$IMAGE_OUT"
exit "$IMAGE_STATUS"
