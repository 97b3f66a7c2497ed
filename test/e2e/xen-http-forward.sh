#!/usr/bin/env bash
# The http-static template as a Xen guest on the rig, seen in a real
# browser: `uk run --target xen/x86_64 --rig --forward PORT:80`, then
# headless Chromium loads http://localhost:PORT/ in an iframe of a page
# served from another local port (python3's http.server); that page's
# script reads the site's title and whether its image loaded
# (naturalWidth), and writes them into its own DOM, which --dump-dom
# prints. (--disable-web-security lets it read the other origin's frame:
# the check needs no hook in the site. A file: page cannot, even so.)
# Then SIGINT stops it all.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/forwardlib.sh"
command -v chromium >/dev/null || fail "chromium is not installed (scripts/setup-debian.sh)"

"$UK" init site --template http-static >/dev/null
image=$("$UK" -C site build --target xen/x86_64 | tail -n 1)
[ -f "$image" ] || fail "no image: $image"
port=$(free_port)
forward_start site xen/x86_64 "$port" 80 \
	"uk: the guest's port 80 is at http://localhost:$port/ (Ctrl-C stops the guest)"

mkdir page
cat >page/check.html <<HTML
<!DOCTYPE html>
<html><body><pre id="result">no result</pre>
<iframe id="site" src="http://localhost:$port/" width="800" height="600"></iframe>
<script>
// the frame's load event comes after its images and stylesheet
document.getElementById("site").onload = function () {
	var d = this.contentDocument, img = d && d.getElementById("logo");
	document.getElementById("result").textContent = "result: title=" + (d ? d.title : "?") +
		" image=" + (img && img.complete && img.naturalWidth > 0 ?
			img.naturalWidth + "x" + img.naturalHeight : "not-loaded");
};
</script></body></html>
HTML
page_port=$(free_port)
python3 -m http.server "$page_port" --bind 127.0.0.1 --directory page >page.log 2>&1 &
page_pid=$!
trap 'kill -TERM $UK_PID $page_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do
	[ -n "$(ss -Hltn "sport = :$page_port")" ] && break
	sleep 0.1
done
dom=$(timeout 120 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$WORK/chromium" \
	--disable-web-security --disable-site-isolation-trials --virtual-time-budget=30000 \
	--dump-dom "http://127.0.0.1:$page_port/check.html" 2>chromium.err) || fail "chromium failed:"$'\n'"$(tail -n 20 chromium.err)"
kill "$page_pid"
assert_contains "$dom" "result: title=A website in a unikernel image=96x96" "the page as Chromium saw it"

wait "$page_pid" || true
forward_stop
echo "ok"
