#!/usr/bin/env bash
# Checks the layout of the tracked sources: clang-format (the repo's
# .clang-format) on every C file under cli/ libs/ platform/ templates/ test/
# bench/, and shellcheck -S warning on every shell script. Fails on any
# finding, and when it finds nothing to check.
# usage: scripts/lint.sh [TREE]   (default: this checkout; ctest's test lint)
set -euo pipefail
tree=${1:-$(dirname "$0")/..}
cd "$tree"
clang_format=${CLANG_FORMAT:-clang-format}

die() {
	echo "lint: $*" >&2
	exit 1
}

for tool in "$clang_format" shellcheck; do
	command -v "$tool" >/dev/null || die "$tool not found (scripts/setup-debian.sh installs it)"
done
[ -f .clang-format ] || die "no .clang-format in $PWD"

# The tracked files of a git checkout; every file of a tree that is not one
# (an unpacked release), build directories aside.
list_files() {
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git ls-files
	else
		find . -path './build*' -prune -o -type f -print | sed 's|^\./||' | sort
	fi
}

c_files=()
sh_files=()
while IFS= read -r f; do
	[ -f "$f" ] || continue # deleted in the working tree, not yet in git
	case "$f" in
	cli/*.[ch] | libs/*.[ch] | platform/*.[ch] | templates/*.[ch] | test/*.[ch] | bench/*.[ch])
		c_files+=("$f")
		continue
		;;
	*.sh)
		sh_files+=("$f")
		continue
		;;
	esac
	# Scripts without the extension (xenrig, apt-fetch, the rig's init) say
	# their shell on the first line.
	first=
	IFS= read -r -n 80 first <"$f" 2>/dev/null || true
	[[ $first =~ ^#!.*[/\ ](ba|da)?sh([[:space:]]|$) ]] && sh_files+=("$f")
done < <(list_files)

[ ${#c_files[@]} -gt 0 ] || die "no C files found under cli/ libs/ platform/ templates/ test/ bench/"
[ ${#sh_files[@]} -gt 0 ] || die "no shell scripts found"

status=0
if ! "$clang_format" --dry-run -Werror "${c_files[@]}"; then
	echo "lint: clang-format: the files above differ from .clang-format; fix with clang-format -i FILE" >&2
	status=1
fi
if ! shellcheck -S warning "${sh_files[@]}"; then
	echo "lint: shellcheck: the warnings above" >&2
	status=1
fi
[ $status -eq 0 ] || exit 1
echo "lint: ${#c_files[@]} C files formatted, ${#sh_files[@]} shell scripts without warnings"
