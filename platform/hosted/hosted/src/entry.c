/* The C side of the hosted entry: picks the arguments, runs the glue (module
 * init and main) and ends the process with main's return value. Without
 * arguments, the glue gives main the manifest's cmdline: instead. */
#include <stdint.h>

#include <uk/glue.h>
#include <uk/plat.h>

#include <hosted/syscall.h>

#include "vdso.h"

/* The kernel's struct sigaction on x86_64. */
struct hosted_sigaction {
	unsigned long handler;
	unsigned long flags;
	unsigned long restorer;
	unsigned long mask;
};

/* Called from _start with the initial stack pointer. */
_Noreturn void uk_hosted_start(uintptr_t *sp);

_Noreturn void uk_hosted_start(uintptr_t *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);

	/* A console that is gone drops output (plat.h): a closed stdout pipe
	 * must not kill the image with SIGPIPE. */
	{
		struct hosted_sigaction ignore = {HOSTED_SIG_IGN, 0, 0, 0};

		sys_call4(SYS_rt_sigaction, HOSTED_SIGPIPE, (long)&ignore, 0, sizeof(ignore.mask));
	}
	hosted_vdso_init(sp);
	plat_exit(uk_glue_run(argc, argv));
}
