/* The hosted console is the process's stdout. */
#include <uk/plat.h>

#include <hosted/syscall.h>

void plat_console_write(const char *buf, size_t len)
{
	sys_write_all(1, buf, len);
}
