#!/usr/bin/env bash
# How template.sh runs the http-static template's image, a server that does
# not end by itself: in a network namespace, with its TAP made beforehand,
# the image is told to end after as many requests as there are files in
# site/ plus two (a folder redirect and a missing page); curl fetches every
# file and checks it byte for byte against the template's site/. Prints what
# the image printed (template.sh compares it with http-static.expected) and
# exits with the image's status.
. "$UK_SRC/test/e2e/netlib.sh"
image=$1
site=$UK_SRC/templates/http-static/site
mapfile -t files < <(cd "$site" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
tap_precreate
image_start "$image" $((${#files[@]} + 2))
for f in "${files[@]}"; do
	nsx timeout 20 curl -sSf -o "$WORK/got" "http://10.0.0.2/$f" || fail "GET /$f failed"
	cmp -s "$site/$f" "$WORK/got" || fail "GET /$f differs from site/$f"
done
code=$(nsx timeout 20 curl -s -o /dev/null -w '%{http_code} %{redirect_url}' http://10.0.0.2/about)
assert_eq "$code" "301 http://10.0.0.2/about/" "the folder's redirect"
code=$(nsx timeout 20 curl -s -o "$WORK/got" -w '%{http_code}' http://10.0.0.2/missing)
assert_eq "$code" 404 "a missing page's status"
cmp -s "$site/404.html" "$WORK/got" || fail "the 404 page is not site/404.html"
image_wait
cat "$IMAGE_OUT"
exit "$IMAGE_STATUS"
