/* The C side of the hosted entry: picks the arguments, runs the glue (module
 * init and main) and ends the process with main's return value. */
#include <stdint.h>

#include <uk/glue.h>
#include <uk/plat.h>

#include "syscall.h"

#define HOSTED_MAX_DEFAULT_ARGS 64

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
	static char *defaults[HOSTED_MAX_DEFAULT_ARGS + 1];
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);

	/* A process started without arguments runs with the manifest's
	 * cmdline: (argv[0] included), as on platforms with no arguments. */
	if (argc <= 1 && uk_default_argc > 0) {
		int i;

		argc = uk_default_argc < HOSTED_MAX_DEFAULT_ARGS
			       ? uk_default_argc
			       : HOSTED_MAX_DEFAULT_ARGS;
		for (i = 0; i < argc; i++)
			defaults[i] = (char *)uk_default_argv[i];
		defaults[argc] = 0;
		argv = defaults;
	}
	/* A console that is gone drops output (plat.h): a closed stdout pipe
	 * must not kill the image with SIGPIPE. */
	{
		struct hosted_sigaction ignore = { HOSTED_SIG_IGN, 0, 0, 0 };

		sys_call4(SYS_rt_sigaction, HOSTED_SIGPIPE, (long)&ignore, 0,
			  sizeof(ignore.mask));
	}
	plat_exit(uk_glue_run(argc, argv));
}
