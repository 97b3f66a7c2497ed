/* Tests of the console's line buffering against a recording platform. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <console/console.h>
#include <uk/plat.h>

/* Every plat_console_write call is recorded as one chunk. */
static char out[4096];
static size_t out_len;
static size_t chunk_ends[64];
static size_t chunks;

void plat_console_write(const char *buf, size_t len)
{
	assert_true(len > 0);
	assert_true(out_len + len < sizeof(out));
	memcpy(out + out_len, buf, len);
	out_len += len;
	assert_true(chunks < 64);
	chunk_ends[chunks++] = out_len;
}

static int reset(void **state)
{
	(void)state;
	console_flush();
	out_len = 0;
	chunks = 0;
	return 0;
}

static void expect_out(const char *s)
{
	assert_int_equal(out_len, strlen(s));
	assert_memory_equal(out, s, out_len);
}

static void test_holds_partial_line(void **state)
{
	(void)state;
	console_write("abc", 3);
	assert_int_equal(chunks, 0);
	console_puts("de");
	assert_int_equal(chunks, 0);
	console_flush();
	expect_out("abcde");
	assert_int_equal(chunks, 1);
	console_flush(); /* nothing left: no empty write */
	assert_int_equal(chunks, 1);
}

static void test_line_goes_out_whole(void **state)
{
	(void)state;
	console_puts("ab");
	console_puts("c\nde");
	/* "abc\n" in one write, "de" waits for its newline */
	assert_int_equal(chunks, 1);
	expect_out("abc\n");
	console_puts("f\n");
	assert_int_equal(chunks, 2);
	expect_out("abc\ndef\n");
	console_puts("x\ny\n");
	assert_int_equal(chunks, 3);
	expect_out("abc\ndef\nx\ny\n");
}

static void test_full_buffer_flushes(void **state)
{
	(void)state;
	console_puts("0123456789");
	console_puts("abcdef"); /* exactly fills the 16-byte buffer */
	assert_int_equal(chunks, 1);
	console_puts("0123456789");
	console_puts("abcdefg"); /* does not fit: the 10 queued go first */
	assert_int_equal(chunks, 2);
	assert_int_equal(chunk_ends[1], 26);
	console_flush();
	expect_out("0123456789abcdef0123456789abcdefg");
}

static void test_big_write_keeps_order(void **state)
{
	static const char big[] = "this line is longer than the buffer\n";

	(void)state;
	console_puts("head ");
	console_write(big, sizeof(big) - 1);
	assert_int_equal(chunks, 2);
	expect_out("head this line is longer than the buffer\n");
	console_write("", 0);
	assert_int_equal(chunks, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_holds_partial_line, reset),
	    cmocka_unit_test_setup(test_line_goes_out_whole, reset),
	    cmocka_unit_test_setup(test_full_buffer_flushes, reset),
	    cmocka_unit_test_setup(test_big_write_keeps_order, reset),
	};

	return cmocka_run_group_tests_name("console", tests, NULL, NULL);
}
