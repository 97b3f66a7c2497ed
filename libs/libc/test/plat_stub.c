/* A recording platform for the libc tests: console output lands in a
 * buffer, and exit and panic become CMocka assertion failures so tests can
 * expect them with expect_assert_failure(). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <alloc/alloc.h>
#include <uk/plat.h>

#include "plat_stub.h"

char stub_console[8192];
size_t stub_console_len;
int stub_exit_status = -1;

static _Alignas(16) unsigned char arena[1 << 20];

void plat_console_write(const char *buf, size_t len)
{
	assert_true(stub_console_len + len < sizeof(stub_console));
	memcpy(stub_console + stub_console_len, buf, len);
	stub_console_len += len;
	stub_console[stub_console_len] = '\0';
}

_Noreturn void plat_exit(int status)
{
	stub_exit_status = status;
	mock_assert(0, "plat_exit", __FILE__, __LINE__);
	for (;;)
		;
}

_Noreturn void plat_panic(const char *msg)
{
	mock_assert(0, msg, __FILE__, __LINE__);
	for (;;)
		;
}

void stub_reset(void)
{
	stub_console_len = 0;
	stub_console[0] = '\0';
	stub_exit_status = -1;
}

void stub_heap_init(void)
{
	static int added;

	/* once: the region then serves every test of the program */
	if (!added) {
		assert_int_equal(alloc_add_region(arena, sizeof(arena)), 0);
		added = 1;
	}
}
