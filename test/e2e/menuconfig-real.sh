#!/usr/bin/env bash
# uk menuconfig with the real kconfig-mconf in a terminal (tmux): the menus
# are exactly the app's modules; turning LIBC_PRINTF_FLOAT off and saving
# lands in uk.config, and the next build's config.h has it off.
. "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null || fail "tmux is not installed (scripts/setup-debian.sh installs it)"
"$UK" init app >/dev/null
session=uk-menuconfig-$$
export TMUX_TMPDIR=$WORK
trap 'tmux kill-server 2>/dev/null || true' EXIT
tmux new-session -d -s "$session" -x 140 -y 40 \
	"cd '$WORK/app' && TERM=xterm '$UK' menuconfig; echo \$? > '$WORK/status'; sleep 60"

screen() { tmux capture-pane -p -t "$session"; }
wait_for() {
	for _ in $(seq 1 100); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.2
	done
	fail "the screen never showed '$1':"$'\n'"$(screen)"
}
keys() { tmux send-keys -t "$session" "$@"; }

wait_for "uk: app for hosted/x86_64"
shown=$(screen)
for m in "hosted 0.1.0" "alloc 0.1.0" "console 0.1.0" "libc 0.1.0"; do
	assert_contains "$shown" "$m" "the main menu"
done
# libc is the fourth menu: the init order.
keys Down Down Down Enter
wait_for "[*] printf family formats floating point"
keys n
wait_for "[ ] printf family formats floating point"
keys Escape Escape
wait_for "hosted 0.1.0"
keys Escape Escape
wait_for "Do you wish to save your new configuration?"
keys Enter
for _ in $(seq 1 100); do [ -f status ] && break; sleep 0.2; done
assert_eq "$(cat status)" 0 "uk menuconfig status"
assert_contains "$(screen)" "saved uk.config"
assert_eq "$(cat app/uk.config)" "# CONFIG_LIBC_PRINTF_FLOAT is not set" "uk.config"
"$UK" -C app build >/dev/null
assert_contains "$(cat app/build/hosted-x86_64/include/uk/config.h)" \
	"/* CONFIG_LIBC_PRINTF_FLOAT is not set */"
