/* plat.h on Xen x86_64: time, sleeping, exit with a status, panic. */
#include <xen-core/hypercall.h>
#include <xen-core/time.h>
#include <uk/plat.h>
#include <xen/sched.h>
#include <xen-exit/xen-exit.h>

#include "x86.h"

/* Without Xen there is no pvclock: the TSC at a nominal 1 GHz (QEMU's TCG
 * TSC runs at about that) is the best we have on the serial fallback. */
uint64_t plat_monotonic_ns(void)
{
	return xen_present() ? xen_monotonic_ns() : x86_rdtsc();
}

uint64_t plat_wallclock_ns(void)
{
	return xen_present() ? xen_wallclock_ns() : 0;
}

void plat_block_until(uint64_t deadline_ns)
{
	if (xen_present()) {
		xen_block_until(deadline_ns);
		return;
	}
	while (plat_monotonic_ns() < deadline_ns)
		__asm__ volatile("pause");
}

/* On Xen, xen_exit drains the console and reports the status; without Xen,
 * QEMU's isa-debug-exit (where present) ends QEMU with 2 * status + 1. */
static _Noreturn void end(int status, bool crash)
{
	if (xen_present())
		xen_exit(status, crash);
	__asm__ volatile("outl %0, %1" ::"a"((uint32_t)status), "Nd"((uint16_t)0xf4));
	for (;;)
		__asm__ volatile("cli; hlt");
}

_Noreturn void plat_exit(int status)
{
	end(status, false);
}

static int panicking;

_Noreturn void x86_panic(const char *msg, uint64_t rbp)
{
	const char *p = msg;
	size_t n = 0;

	__asm__ volatile("cli");
	if (panicking++) {
		/* A panic while panicking: no more output, just stop. */
		if (xen_present())
			xen_shutdown(SHUTDOWN_crash);
		for (;;)
			__asm__ volatile("hlt");
	}
	while (p[n])
		n++;
	x86_console_write("panic: ", 7);
	x86_console_write(msg, n);
	x86_console_write("\n", 1);
	x86_backtrace(rbp);
	end(255, true);
}

_Noreturn void plat_panic(const char *msg)
{
	x86_panic(msg, (uint64_t)(uintptr_t)__builtin_frame_address(0));
}

/* The stack protector's failure hook (see canary.c for the guard). */
uintptr_t __stack_chk_guard;
_Noreturn void __stack_chk_fail(void);
_Noreturn void __stack_chk_fail(void)
{
	plat_panic("stack smashing detected");
}
