/* The stack protector's guard and failure hook, so images may be built
 * with -fstack-protector. A platform with a source of entropy may store a
 * random value in __stack_chk_guard before any protected function runs. */
#include <stdint.h>

#include <uk/plat.h>

uintptr_t __stack_chk_guard = (uintptr_t)0x2f8a6c5d0e1b7f93ull;

_Noreturn void __stack_chk_fail(void);

_Noreturn void __stack_chk_fail(void)
{
	plat_panic("stack smashing detected");
}
