/* plat.h on Xen arm64: console, time, sleeping, exit, panic. */
#include <xen-core/console.h>
#include <xen-core/hypercall.h>
#include <xen-core/time.h>
#include <uk/plat.h>
#include <xen-exit/xen-exit.h>
#include <xen/sched.h>

#include "arm64.h"

void arm64_console_write(const char *buf, size_t len)
{
	if (xencons_ready())
		xencons_write(buf, len);
	else if (xen_present())
		/* Before the ring is there: Xen's own console, if it lets us. */
		xen_hypercall(__HYPERVISOR_console_io, CONSOLEIO_write, len, (unsigned long)buf, 0,
			      0);
}

void plat_console_write(const char *buf, size_t len)
{
	arm64_console_write(buf, len);
}

uint64_t plat_monotonic_ns(void)
{
	return xen_monotonic_ns();
}

uint64_t plat_wallclock_ns(void)
{
	return xen_wallclock_ns();
}

void plat_block_until(uint64_t deadline_ns)
{
	xen_block_until(deadline_ns);
}

_Noreturn void plat_exit(int status)
{
	xen_exit(status, false);
}

static int panicking;

_Noreturn void arm64_panic(const char *msg, uint64_t fp)
{
	size_t n = 0;

	__asm__ volatile("msr daifset, #2");
	if (panicking++)
		xen_shutdown(SHUTDOWN_crash);
	while (msg[n])
		n++;
	arm64_console_write("panic: ", 7);
	arm64_console_write(msg, n);
	arm64_console_write("\n", 1);
	arm64_backtrace(fp);
	xen_exit(255, true);
}

_Noreturn void plat_panic(const char *msg)
{
	arm64_panic(msg, (uint64_t)(uintptr_t)__builtin_frame_address(0));
}

_Noreturn void __stack_chk_fail(void);
_Noreturn void __stack_chk_fail(void)
{
	plat_panic("stack smashing detected");
}
