/* abort: an abnormal end; what was printed so far is still shown. */
#include <stdlib.h>

#include <console/console.h>
#include <uk/plat.h>

_Noreturn void abort(void)
{
	console_flush();
	plat_panic("abort() called");
}
