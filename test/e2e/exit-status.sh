#!/usr/bin/env bash
# main's return value is the hosted image's exit status; arguments reach
# main; uk run passes them and exits with the image's status.
. "$(dirname "$0")/lib.sh"
"$UK" init st >/dev/null
cat > st/src/main.c <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	int code = argc > 1 ? atoi(argv[1]) : 3;
	char *copy = malloc(64);

	snprintf(copy, 64, "%s|%d|%x", argc > 2 ? argv[2] : "none", -42, 48879);
	printf("%s %zu\n", copy, strlen(copy));
	free(copy);
	return code;
}
C
image=$("$UK" -C st build --target hosted/x86_64 | tail -n 1)
set +e
out=$("$image"); s1=$?
out7=$("$image" 7 hello); s7=$?
run=$("$UK" -C st run -- 5 via-run 2>/dev/null); s5=$?
set -e
assert_eq "$s1" 3 "status without arguments"
assert_eq "$out" "none|-42|beef 13" "output"
assert_eq "$s7" 7 "status with argument 7"
assert_eq "$out7" "hello|-42|beef 14" "output with arguments"
assert_eq "$s5" 5 "uk run status"
assert_contains "$run" "via-run|-42|beef"
