/* exit: the normal end of an image, after the console has drained. */
#include <stdlib.h>

#include <console/console.h>
#include <uk/plat.h>

_Noreturn void exit(int status)
{
	console_flush();
	plat_exit(status);
}
