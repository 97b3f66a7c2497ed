/* Ending a hosted image: the process's exit status is the image's. Output
 * buffering is the modules' business (libc's exit flushes the console). */
#include <uk/plat.h>

#include <hosted/syscall.h>

_Noreturn void plat_exit(int status)
{
	sys_exit_group(status);
}
