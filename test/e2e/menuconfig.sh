#!/usr/bin/env bash
# uk menuconfig runs the menu tool on the app's Kconfig tree; what is saved
# there lands in uk.config and every later build uses it. The menu tool is
# replaced by a script acting as the user (UK_MCONF), which flips an option
# the way kconfig-mconf writes it when saving.
. "$(dirname "$0")/lib.sh"
"$UK" init app >/dev/null
cat > user.sh <<'SH'
#!/bin/sh
# Acts as the user in menuconfig: checks what it was given, turns float
# printing off, saves.
[ "$1" = Kconfig ] || exit 3
grep -q 'libs/libc/Kconfig' Kconfig || exit 4
grep -q '^CONFIG_LIBC_PRINTF_FLOAT=y' "$KCONFIG_CONFIG" || exit 5
sed -i 's/^CONFIG_LIBC_PRINTF_FLOAT=y/# CONFIG_LIBC_PRINTF_FLOAT is not set/' "$KCONFIG_CONFIG"
SH
chmod +x user.sh
out=$(UK_MCONF=$WORK/user.sh "$UK" -C app menuconfig)
assert_contains "$out" "saved"
assert_eq "$(cat app/uk.config)" "# CONFIG_LIBC_PRINTF_FLOAT is not set" "uk.config"
"$UK" -C app build >/dev/null
h=$(cat app/build/hosted-x86_64/include/uk/config.h)
assert_contains "$h" "/* CONFIG_LIBC_PRINTF_FLOAT is not set */" "config.h"
# A clean build keeps the choice: it lives in the app, not in build/.
"$UK" -C app clean >/dev/null
"$UK" -C app build >/dev/null
h=$(cat app/build/hosted-x86_64/include/uk/config.h)
assert_contains "$h" "/* CONFIG_LIBC_PRINTF_FLOAT is not set */" "config.h after clean"
