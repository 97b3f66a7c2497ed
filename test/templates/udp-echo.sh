#!/usr/bin/env bash
# How template.sh runs the udp-echo template's image, a server that does not
# end by itself: in a network namespace, with its TAP made beforehand, the
# image is told to end after 3 echoes; socat sends 3 datagrams and checks
# each echo. Prints what the image printed (template.sh compares it with
# udp-echo.expected) and exits with the image's status.
. "$UK_SRC/test/e2e/netlib.sh"
image=$1
tap_precreate
image_start "$image" 3
for word in first second third; do
	echo "$word" >"$WORK/in"
	udp_roundtrip 7 "$WORK/in" "$WORK/out"
	cmp -s "$WORK/in" "$WORK/out" || fail "the echo of '$word' differs: '$(cat "$WORK/out")'"
	# the MAC it derived (its manifest names none) is locally administered
	# (looked at while it runs: its end flushes Linux's neighbours)
	if [ "$word" = first ]; then
		mac=$(nsx ip neigh show 10.0.0.2 dev uk0)
		assert_contains "$mac" "lladdr 02:" "the image's MAC"
	fi
done
image_wait
cat "$IMAGE_OUT"
exit "$IMAGE_STATUS"
