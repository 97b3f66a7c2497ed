/* The printf family against a table of expected strings (written from the
 * C standard and checked once against glibc; nothing is compared with the
 * host's printf at run time), plus truncation, the FILE functions and the
 * console they write to. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <console/console.h>
#include <uk/config.h>

#include "plat_stub.h"

static void check(int line, const char *expect, const char *got, int n)
{
	if (strcmp(expect, got) || n != (int)strlen(expect))
		fail_msg("line %d: expected \"%s\" (%d), got \"%s\" (%d)", line, expect,
			 (int)strlen(expect), got, n);
}

#define T(expect, ...)                                                                             \
	do {                                                                                       \
		char buf_[1024];                                                                   \
		int n_ = snprintf(buf_, sizeof(buf_), __VA_ARGS__);                                \
		check(__LINE__, expect, buf_, n_);                                                 \
	} while (0)

static void test_integers_strings_pointers(void **state)
{
	(void)state;
	T("0", "%d", 0);
	T("42", "%d", 42);
	T("-42", "%d", -42);
	T("2147483647", "%i", 2147483647);
	T("-2147483648", "%d", (int)-2147483647 - 1);
	T("   42", "%5d", 42);
	T("42   |", "%-5d|", 42);
	T("00042", "%05d", 42);
	T("-0042", "%05d", -42);
	T("+42", "%+d", 42);
	T("-42", "%+d", -42);
	T(" 42", "% d", 42);
	T("   42", "% 5d", 42);
	T("+42", "%+ d", 42);
	T("007", "%.3d", 7);
	T("", "%.0d", 0);
	T("     |", "%5.0d|", 0);
	T("-007", "%.3d", -7);
	T("     007", "%08.3d", 7);
	T("-7      |", "%-08d|", -7);
	T("    12", "%*d", 6, 12);
	T("12    |", "%-*d|", 6, 12);
	T("12    |", "%*d|", -6, 12);
	T("0012", "%.*d", 4, 12);
	T("12", "%.*d", -4, 12);
	T("   -0012", "%*.*d", 8, 4, -12);
	T("44", "%hhd", 300);
	T("-56", "%hhd", 200);
	T("4464", "%hd", 70000);
	T("1", "%hhu", 257);
	T("1", "%hu", 65537);
	T("-9223372036854775808", "%ld", -9223372036854775807L - 1);
	T("9223372036854775807", "%lld", 9223372036854775807LL);
	T("18446744073709551615", "%lu", 18446744073709551615UL);
	T("18446744073709551615", "%llu", 18446744073709551615ULL);
	T("12345", "%zu", (size_t)12345);
	T("-12345", "%zd", (long)-12345);
	T("-1", "%jd", (intmax_t)-1);
	T("18446744073709551615", "%ju", (uintmax_t)18446744073709551615ULL);
	T("-99", "%td", (ptrdiff_t)-99);
	T("4294967295", "%u", 4294967295U);
	T("ff", "%x", 255U);
	T("FF", "%X", 255U);
	T("0xff", "%#x", 255U);
	T("0XFF", "%#X", 255U);
	T("0", "%#x", 0U);
	T("0x0000ff", "%#08x", 255U);
	T("0xff    |", "%#-8x|", 255U);
	T("00ABCDEF", "%08X", 0xabcdefU);
	T("000abc", "%.6x", 0xabcU);
	T("0x000abc", "%#.6x", 0xabcU);
	T("deadbeefcafef00d", "%lx", 0xdeadbeefcafef00dUL);
	T("10", "%o", 8U);
	T("010", "%#o", 8U);
	T("0", "%#o", 0U);
	T("0", "%#.0o", 0U);
	T("", "%.0o", 0U);
	T("00010", "%#.5o", 8U);
	T("  010", "%#5o", 8U);
	T("1777777777777777777777", "%llo", 18446744073709551615ULL);
	T("A", "%c", 'A');
	T("    z|", "%5c|", 'z');
	T("z    |", "%-5c|", 'z');
	T("hello", "%s", "hello");
	T("     hello|", "%10s|", "hello");
	T("hello     |", "%-10s|", "hello");
	T("hel", "%.3s", "hello");
	T("       hel|", "%10.3s|", "hello");
	T("he", "%.*s", 2, "hello");
	T("|", "%.0s|", "hello");
	T("(null)", "%s", (char *)0);
	T("a|", "%s|%s", "a", "");
	T("%", "%%");
	T("100%", "100%%");
	T("%|", "%5%|");
	T("0x1234", "%p", (void *)0x1234);
	T("(nil)", "%p", (void *)0);
	T("     (nil)|", "%10p|", (void *)0);
	T("0xabc         |", "%-14p|", (void *)0xabc);
	T("a1btwoc3d", "a%db%sc%xd", 1, "two", 3U);
}

#if defined(CONFIG_LIBC_PRINTF_FLOAT)
static void test_floats(void **state)
{
	(void)state;
	T("0.000000", "%f", 0.0);
	T("-0.000000", "%f", -0.0);
	T("1.000000", "%f", 1.0);
	T("3.141593", "%f", 3.14159265358979);
	T("2.67", "%.2f", 2.675);
	T("0", "%.0f", 0.5);
	T("2", "%.0f", 1.5);
	T("2", "%.0f", 2.5);
	T("4", "%.0f", 3.5);
	T("0.2", "%.1f", 0.25);
	T("0.3", "%.1f", 0.35);
	T("0.000", "%.3f", 1e-10);
	T("0.01", "%.2f", 0.006);
	T("0.00", "%.2f", 0.0049);
	T("100000000000000000000.000000", "%f", 1e20);
	T("100000000000000005250476025520442024870446858110815915491585"
	  "411551180245798890819578637137508044786404370444383288387817"
	  "694252323536043057564479218478670698284838720092657580373783"
	  "023379478809005936895323497079994508111903896764088007465274"
	  "278014249457925878882005684283811566947219638686545940054016"
	  "0",
	  "%.0f", 1e300);
	T("123456789.125000", "%f", 123456789.125);
	T("     3.142|", "%10.3f|", 3.14159);
	T("-3.142    |", "%-10.3f|", -3.14159);
	T("-00003.142", "%010.3f", -3.14159);
	T("+2.0", "%+.1f", 2.0);
	T(" 2.0", "% .1f", 2.0);
	T("3.", "%#.0f", 3.0);
	T("0.10000000000000000555", "%.20f", 0.1);
	T("0.000000000000000", "%.15f", 1e-300);
	T("0.000000000000000000000000000000000000000000000000000000000000", "%.60f", 5e-324);
	T("9.999999", "%f", 9.999999);
	T("9.999", "%.3f", 9.9995);
	T("9.998", "%.3f", 9.9985);
	T("0.000000e+00", "%e", 0.0);
	T("1.000000e+00", "%e", 1.0);
	T("1.234560e+05", "%e", 123456.0);
	T("-1.234560e-04", "%e", -0.000123456);
	T("9.99e+00", "%.2e", 9.995);
	T("1.00e+01", "%.2e", 9.996);
	T("2e+01", "%.0e", 15.0);
	T("2.e+01", "%#.0e", 15.0);
	T("1.000000E-300", "%E", 1e-300);
	T("1.797693e+308", "%e", 1.7976931348623157e308);
	T("4.940656e-324", "%e", 5e-324);
	T("1.00000000000000006e-01", "%.17e", 0.1);
	T("   1.234e+03|", "%12.3e|", 1234.5);
	T("1.234e+03   |", "%-12.3e|", 1234.5);
	T("-001.234e+03", "%012.3e", -1234.5);
	T("0", "%g", 0.0);
	T("100000", "%g", 100000.0);
	T("1e+06", "%g", 1000000.0);
	T("0.0001", "%g", 0.0001);
	T("1e-05", "%g", 0.00001);
	T("1.23457e+08", "%g", 123456789.0);
	T("1.5", "%g", 1.5);
	T("-2.25e-07", "%g", -2.25e-7);
	T("2.25E-07", "%G", 2.25e-7);
	T("3.14", "%.3g", 3.14159);
	T("3.14159", "%.10g", 3.14159);
	T("1.00000", "%#g", 1.0);
	T("100.", "%#.3g", 100.0);
	T("0.5", "%.0g", 0.5);
	T("0.9", "%.1g", 0.95);
	T("1e+06", "%g", 999999.5);
	T("1e+100", "%g", 1e100);
	T("     3.142|", "%10.4g|", 3.14159);
	T("2.5       |", "%-10g|", 2.5);
	T("-00001.5", "%08g", -1.5);
	T("inf", "%f", __builtin_inf());
	T("INF", "%F", __builtin_inf());
	T("-inf", "%e", -__builtin_inf());
	T("nan", "%g", __builtin_nan(""));
	T("NAN", "%G", __builtin_nan(""));
	T("     inf|", "%8f|", __builtin_inf());
	T("-inf    |", "%-8f|", -__builtin_inf());
	T("     inf", "%08f", __builtin_inf());
	T("+inf", "%+f", __builtin_inf());
	T("1.500000", "%Lf", 1.5L);
	T("2.38", "%.2Lf", 2.375L);
	T("  1.2|5.00e-01|1e-05", "%5.1f|%-6.2e|%g", 1.25, 0.5, 1e-5);
}
#endif

static void test_char_nul_counts(void **state)
{
	char buf[8];

	(void)state;
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(snprintf(buf, sizeof(buf), "a%cb", '\0'), 3);
	assert_memory_equal(buf, "a\0b\0", 4);
}

static void test_truncation(void **state)
{
	char buf[8];

	(void)state;
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(snprintf(buf, 5, "%s", "hello world"), 11);
	assert_string_equal(buf, "hell");
	assert_int_equal(buf[5], 'x');
	assert_int_equal(snprintf(buf, 1, "%d", 12345), 5);
	assert_string_equal(buf, "");
	assert_int_equal(snprintf(NULL, 0, "%d-%s", 42, "abc"), 6);
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(snprintf(buf, 0, "abc"), 3);
	assert_int_equal(buf[0], 'x');
	/* exactly fitting */
	assert_int_equal(snprintf(buf, 4, "%03d", 7), 3);
	assert_string_equal(buf, "007");
	/* padding longer than the buffer */
	assert_int_equal(snprintf(buf, sizeof(buf), "%20s", "x"), 20);
	assert_string_equal(buf, "       ");
}

static void test_sprintf_and_v_forms(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(sprintf(buf, "%s=%d", "x", -5), 4);
	assert_string_equal(buf, "x=-5");
	assert_int_equal(sprintf(buf, "%s", ""), 0);
	assert_string_equal(buf, "");
}

static void test_overflow_is_an_error(void **state)
{
	char buf[8];

	(void)state;
	errno = 0;
	assert_int_equal(snprintf(buf, sizeof(buf), "%2147483648d", 1), -1);
	assert_int_equal(errno, EOVERFLOW);
	errno = 0;
	assert_int_equal(snprintf(buf, sizeof(buf), "%.2147483648d", 1), -1);
	assert_int_equal(errno, EOVERFLOW);
	errno = 0;
	assert_int_equal(snprintf(NULL, 0, "%*d", INT_MIN, 1), -1);
	assert_int_equal(errno, EOVERFLOW);
	/* the widest that works: the count is right even when it all drops */
	assert_int_equal(snprintf(NULL, 0, "%*d", 1 << 24, 1), 1 << 24);
	/* two halves of INT_MAX each fit, together they do not */
	errno = 0;
	assert_int_equal(snprintf(NULL, 0, "%*d%*d", INT_MAX / 2 + 1, 1, INT_MAX / 2 + 1, 1), -1);
	assert_int_equal(errno, EOVERFLOW);
}

static void test_unknown_and_n(void **state)
{
	int ignored = 7;

	(void)state;
	T("%y|", "%y|");
	T("%5y|", "%5y|");
	T("abc%", "abc%");
	T("ab", "a%nb", &ignored);
	assert_int_equal(ignored, 7);
	T("1 2", "%d %n%d", 1, &ignored, 2);
}

static int vwrap(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

static void test_vsnprintf(void **state)
{
	char buf[32];

	(void)state;
	assert_int_equal(vwrap(buf, sizeof(buf), "%s-%d-%c", "v", 9, 'z'), 5);
	assert_string_equal(buf, "v-9-z");
}

static void test_console_output(void **state)
{
	(void)state;
	stub_reset();
	assert_int_equal(printf("a=%d", 1), 3);
	/* line-buffered: nothing reaches the platform before the newline */
	assert_int_equal(stub_console_len, 0);
	assert_int_equal(putchar('\n'), '\n');
	assert_string_equal(stub_console, "a=1\n");
	assert_int_equal(puts("line"), 0);
	assert_string_equal(stub_console, "a=1\nline\n");
	fputs("no newline", stdout);
	assert_string_equal(stub_console, "a=1\nline\n");
	assert_int_equal(fflush(stdout), 0);
	assert_string_equal(stub_console, "a=1\nline\nno newline");
	/* stderr: out at once, after what stdout had queued */
	stub_reset();
	fputs("queued ", stdout);
	assert_int_equal(fprintf(stderr, "err %d", 2), 5);
	assert_string_equal(stub_console, "queued err 2");
	fputc('!', stderr);
	putc('?', stderr);
	assert_int_equal(fwrite("xyz", 1, 3, stderr), 3);
	assert_int_equal(fwrite("xyz", 0, 3, stderr), 0);
	assert_string_equal(stub_console, "queued err 2!?xyz");
	assert_int_equal(fflush(NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integers_strings_pointers),
#if defined(CONFIG_LIBC_PRINTF_FLOAT)
		cmocka_unit_test(test_floats),
#endif
		cmocka_unit_test(test_char_nul_counts),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_sprintf_and_v_forms),
		cmocka_unit_test(test_overflow_is_an_error),
		cmocka_unit_test(test_unknown_and_n),
		cmocka_unit_test(test_vsnprintf),
		cmocka_unit_test(test_console_output),
	};

	return cmocka_run_group_tests_name("libc printf", tests, NULL, NULL);
}
