#!/usr/bin/env bash
# --json: uk build, size, deps and check print one JSON document on stdout,
# also when they fail; its fields are true of the build (the image's sha256
# is sha256sum's, the modules' hashes are uk.lock's), diagnostics carry
# their file:line:column.
. "$(dirname "$0")/lib.sh"
"$UK" init app >/dev/null
cd app
# A field of a report, or an assertion on it: py FILE EXPR (d is the report).
py() {
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
r = eval(sys.argv[2])
if r is not True:
    print(r)' "$1" "$2"
}
check() {
	[ -z "$(py "$1" "$2")" ] || fail "$1: $2: $(py "$1" "repr($2)" 2>&1 || true)"
}

"$UK" build --json >build.json 2>build.err
check build.json 'd["schema"] == 1 and d["command"] == "build" and d["ok"] and d["exit_status"] == 0'
check build.json 'd["target"] == "hosted/x86_64" and d["app"] == {"name": "app", "version": "0.1.0"}'
check build.json 'd["image"]["path"] == "build/hosted-x86_64/app" and d["diagnostics"] == []'
sum=$(sha256sum build/hosted-x86_64/app | cut -d' ' -f1)
assert_eq "$(py build.json 'd["image"]["sha256"]')" "$sum" "image sha256"
assert_eq "$(py build.json 'd["image"]["bytes"]')" "$(stat -c %s build/hosted-x86_64/app)" "image bytes"
assert_eq "$(py build.json '" ".join(m["name"] for m in d["modules"])')" "hosted alloc console libc" "modules"
# Each module's version and hash are uk.lock's.
for m in hosted alloc console libc; do
	want=$(grep -o "name: $m, version: [^,]*, hash: [^ ]*" uk.lock)
	got=$(py build.json "next('name: %s, version: %s, hash: %s' % (m['name'], m['version'], m['hash']) for m in d['modules'] if m['name'] == '$m')")
	assert_eq "$got" "$want" "module $m"
done
check build.json '[m for m in d["modules"] if m["name"] == "libc"][0]["requires"] == ["alloc", "console", "hosted"]'
check build.json '[m for m in d["modules"] if m["name"] == "alloc"][0]["init"] == {"function": "alloc_init", "level": "early"}'
# ninja's progress went to stderr, not into the document.
assert_contains "$(cat build.err)" "ninja: "

"$UK" size --json >size.json 2>/dev/null
check size.json 'd["command"] == "size" and d["ok"] and d["image"]["sha256"] == "'"$sum"'"'
check size.json 'sum(m["total"] for m in d["sizes"]["modules"]) == d["sizes"]["total"]["total"] > 0'
check size.json 'all(m["total"] == m["text"] + m["rodata"] + m["data"] for m in d["sizes"]["modules"])'
check size.json 'd["sizes"]["total"]["baseline"] - d["sizes"]["total"]["total"] == d["sizes"]["lto_saving"]["bytes"] > 0'
check size.json '{"libc", "app", "glue"} <= {m["name"] for m in d["sizes"]["modules"]}'
check size.json '{"name": ".text", "class": "text"} .items() <= d["sizes"]["sections"][0].items()'
# The text report says the same.
total=$(py size.json 'd["sizes"]["total"]["total"]')
assert_contains "$(cat build/hosted-x86_64/size.txt)" "text+rodata+data: $total bytes"

"$UK" deps --json --why alloc >deps.json
check deps.json 'd["command"] == "deps" and d["ok"] and [m["name"] for m in d["modules"]] == ["hosted", "alloc", "console", "libc"]'
check deps.json 'd["modules"][1]["capability"] == "alloc" and d["modules"][1]["hash"] is None'
check deps.json '[(s["who"], s["requires"], s["file"]) for s in d["why"]["chain"]] == [("app (app)", "libc", "uk.yaml"), ("libc", "alloc", "'"$UK_SRC"'/libs/libc/module.yaml")]'
check deps.json 'all(s["line"] > 0 and s["column"] > 0 for s in d["why"]["chain"])'

"$UK" check --json >check.json
check check.json 'd["command"] == "check" and d["ok"] and d["manifest"] == "uk.yaml" and len(d["modules"]) == 4'

# Failures still print the document: the errors with their places.
sed -i 's/requires: \[libc\]/requires: [libcc]/' uk.yaml
set +e
"$UK" check --json >bad.json 2>bad.err
s=$?
"$UK" build --json >badbuild.json 2>/dev/null
sb=$?
set -e
assert_eq "$s" 65 "uk check --json of a bad manifest"
assert_eq "$sb" 65 "uk build --json of a bad manifest"
assert_contains "$(cat bad.err)" "uk.yaml:5:12: error: unknown capability 'libcc': no module provides it"
check bad.json 'd["ok"] is False and d["exit_status"] == 65 and d["modules"] == []'
check bad.json 'd["diagnostics"][0] == {"severity": "error", "file": "uk.yaml", "line": 5, "column": 12, "message": "unknown capability '"'libcc'"': no module provides it", "notes": [{"label": "hint", "message": "did you mean '"'libc'"'?"}]}'
check badbuild.json 'd["ok"] is False and d["image"] is None and d["diagnostics"][0]["line"] == 5'
set +e
"$UK" deps --json --tagret x >usage.json 2>/dev/null
s=$?
set -e
assert_eq "$s" 64 "a wrong option with --json"
check usage.json 'd["exit_status"] == 64 and d["diagnostics"][0]["message"] == "uk deps: unknown option '"'--tagret'"'"'

# Strings that need escapes stay valid JSON: a control character and a
# byte that is not UTF-8 in a message.
set +e
"$UK" check --json --target $'x\x01\xff\xc3\xa9' >esc.json 2>/dev/null
set -e
check esc.json 'd["diagnostics"][0]["message"] == "unknown target '"'x\\u0001\\ufffd\\u00e9'"'"'
assert_not_contains "$(cat esc.json)" $'\x01' "the document"
