/* string.h, strings.h, ctype.h and strerror, including the corners: NUL
 * searches, padding of strncpy, overlapping memmove, unaligned word paths. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "plat_stub.h"

static void test_mem_functions(void **state)
{
	unsigned char a[200], b[200], ref[200];
	size_t off, n, i;

	(void)state;
	for (i = 0; i < sizeof(a); i++)
		a[i] = (unsigned char)(i * 7 + 1);
	/* every head/tail alignment combination of the word loops */
	for (off = 0; off < 9; off++) {
		for (n = 0; n < 80; n++) {
			memset(b, 0xee, sizeof(b));
			assert_ptr_equal(memcpy(b + off, a + (n % 5), n), b + off);
			for (i = 0; i < n; i++)
				assert_int_equal(b[off + i], a[n % 5 + i]);
			assert_int_equal(b[off + n], 0xee);
			if (off)
				assert_int_equal(b[off - 1], 0xee);
			assert_int_equal(memcmp(b + off, a + n % 5, n), 0);

			memset(b, 0, sizeof(b));
			assert_ptr_equal(memset(b + off, 0xa5, n), b + off);
			for (i = 0; i < sizeof(b); i++)
				assert_int_equal(b[i], i >= off && i < off + n ? 0xa5 : 0);
		}
	}
	assert_true(memcmp("abc", "abd", 3) < 0);
	assert_true(memcmp("\xff", "\x01", 1) > 0); /* unsigned compare */
	assert_int_equal(memcmp("abc", "abd", 2), 0);
	assert_int_equal(memcmp(NULL, NULL, 0), 0);
	assert_ptr_equal(memchr("hello", 'l', 5), (const char *)"hello" + 2);
	assert_null(memchr("hello", 'l', 2));
	assert_null(memchr("hello", 'z', 6));

	/* overlapping moves both ways, at all small distances */
	for (off = 0; off < 20; off++) {
		for (i = 0; i < sizeof(ref); i++)
			ref[i] = b[i] = (unsigned char)i;
		memmove(b + off, b, 150);
		for (i = 0; i < 150; i++)
			assert_int_equal(b[off + i], ref[i]);
		for (i = 0; i < sizeof(ref); i++)
			b[i] = (unsigned char)i;
		memmove(b, b + off, 150);
		for (i = 0; i < 150; i++)
			assert_int_equal(b[i], ref[off + i]);
	}
}

static void test_lengths_and_copies(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(strlen(""), 0);
	assert_int_equal(strlen("abc"), 3);
	assert_int_equal(strnlen("abc", 2), 2);
	assert_int_equal(strnlen("abc", 10), 3);
	assert_ptr_equal(strcpy(buf, "hey"), buf);
	assert_string_equal(buf, "hey");
	assert_string_equal(strcat(buf, "!!"), "hey!!");
	assert_string_equal(strncat(buf, "abcdef", 2), "hey!!ab");
	assert_string_equal(strncat(buf, "", 5), "hey!!ab");

	memset(buf, 'x', sizeof(buf));
	strncpy(buf, "ab", 6);
	assert_memory_equal(buf, "ab\0\0\0\0x", 7); /* padded, then untouched */
	strncpy(buf, "abcdefgh", 4);
	assert_memory_equal(buf, "abcd\0", 5); /* not terminated by strncpy */
}

static void test_compare(void **state)
{
	(void)state;
	assert_int_equal(strcmp("abc", "abc"), 0);
	assert_true(strcmp("abc", "abd") < 0);
	assert_true(strcmp("abd", "abc") > 0);
	assert_true(strcmp("ab", "abc") < 0);
	assert_true(strcmp("\xe9", "e") > 0); /* unsigned char order */
	assert_int_equal(strncmp("abcx", "abcy", 3), 0);
	assert_true(strncmp("abcx", "abcy", 4) < 0);
	assert_int_equal(strncmp("ab", "ab", 10), 0);
	assert_int_equal(strncmp("a", "b", 0), 0);
	assert_int_equal(strcasecmp("Hello", "hELLO"), 0);
	assert_true(strcasecmp("apple", "Banana") < 0);
	assert_true(strcasecmp("abc", "AB") > 0);
	assert_int_equal(strncasecmp("HTTP/1.1", "http/2", 5), 0);
	assert_true(strncasecmp("HTTP/1.1", "http/2", 6) < 0);
	assert_int_equal(strncasecmp("x", "y", 0), 0);
}

static void test_search(void **state)
{
	const char *s = "hello world";

	(void)state;
	assert_ptr_equal(strchr(s, 'o'), s + 4);
	assert_ptr_equal(strrchr(s, 'o'), s + 7);
	assert_ptr_equal(strchr(s, '\0'), s + 11);
	assert_ptr_equal(strrchr(s, '\0'), s + 11);
	assert_null(strchr(s, 'z'));
	assert_null(strrchr(s, 'z'));
	assert_ptr_equal(strchr(s, 'h' + 256), s); /* c is converted to char */
	assert_ptr_equal(strstr(s, "world"), s + 6);
	assert_ptr_equal(strstr(s, ""), s);
	assert_ptr_equal(strstr(s, "o w"), s + 4);
	assert_null(strstr(s, "worlds"));
	assert_null(strstr("aaa", "aaaa"));
	assert_ptr_equal(strstr("aaab", "aab"), (const char *)"aaab" + 1);
	assert_int_equal(strspn("  \tx", " \t"), 3);
	assert_int_equal(strspn("abc", ""), 0);
	assert_int_equal(strcspn("key=value", "=;"), 3);
	assert_int_equal(strcspn("key", "=;"), 3);
	assert_ptr_equal(strpbrk(s, "wo"), s + 4);
	assert_null(strpbrk(s, "xyz"));
}

static void test_tokens(void **state)
{
	char line[] = ",,a,b,,c,";
	char other[] = "x y";
	char *save, *save2, *t;

	(void)state;
	t = strtok_r(line, ",", &save);
	assert_string_equal(t, "a");
	/* an independent tokenizer interleaved with the first */
	assert_string_equal(strtok_r(other, " ", &save2), "x");
	assert_string_equal(strtok_r(NULL, ",", &save), "b");
	assert_string_equal(strtok_r(NULL, " ", &save2), "y");
	assert_null(strtok_r(NULL, " ", &save2));
	assert_string_equal(strtok_r(NULL, ",", &save), "c");
	assert_null(strtok_r(NULL, ",", &save));
	assert_null(strtok_r(NULL, ",", &save));

	{
		char s2[] = "  one two ";

		assert_string_equal(strtok(s2, " "), "one");
		assert_string_equal(strtok(NULL, " "), "two");
		assert_null(strtok(NULL, " "));
	}
	{
		char empty[] = ";;;";

		assert_null(strtok_r(empty, ";", &save));
	}
}

static void test_dup(void **state)
{
	char *a, *b;

	(void)state;
	stub_heap_init();
	a = strdup("dup me");
	assert_non_null(a);
	assert_string_equal(a, "dup me");
	b = strndup("dup me", 3);
	assert_string_equal(b, "dup");
	free(b);
	b = strndup("ab", 10);
	assert_string_equal(b, "ab");
	free(b);
	free(a);
}

static void test_ctype(void **state)
{
	int c;

	(void)state;
	for (c = -1; c < 256; c++) {
		int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		int digit = c >= '0' && c <= '9';

		assert_int_equal(!!isalpha(c), alpha);
		assert_int_equal(!!isdigit(c), digit);
		assert_int_equal(!!isalnum(c), alpha || digit);
		assert_int_equal(!!isupper(c), c >= 'A' && c <= 'Z');
		assert_int_equal(!!islower(c), c >= 'a' && c <= 'z');
		assert_int_equal(!!isxdigit(c),
				 digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
		assert_int_equal(!!isspace(c), c == ' ' || (c >= 9 && c <= 13));
		assert_int_equal(!!isblank(c), c == ' ' || c == '\t');
		assert_int_equal(!!iscntrl(c), (c >= 0 && c < 32) || c == 127);
		assert_int_equal(!!isprint(c), c >= 32 && c < 127);
		assert_int_equal(!!isgraph(c), c > 32 && c < 127);
		assert_int_equal(!!ispunct(c), c > 32 && c < 127 && !alpha && !digit);
		assert_int_equal(tolower(c), c >= 'A' && c <= 'Z' ? c + 32 : c);
		assert_int_equal(toupper(c), c >= 'a' && c <= 'z' ? c - 32 : c);
	}
}

static void test_strerror(void **state)
{
	(void)state;
	assert_string_equal(strerror(0), "Success");
	assert_string_equal(strerror(EINVAL), "Invalid argument");
	assert_string_equal(strerror(ENOMEM), "Out of memory");
	assert_string_equal(strerror(ECONNREFUSED), "Connection refused");
	assert_string_equal(strerror(-1), "Unknown error");
	assert_string_equal(strerror(15), "Unknown error"); /* a gap */
	assert_string_equal(strerror(100000), "Unknown error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_mem_functions), cmocka_unit_test(test_lengths_and_copies),
	    cmocka_unit_test(test_compare),	  cmocka_unit_test(test_search),
	    cmocka_unit_test(test_tokens),	  cmocka_unit_test(test_dup),
	    cmocka_unit_test(test_ctype),	  cmocka_unit_test(test_strerror),
	};

	return cmocka_run_group_tests_name("libc string", tests, NULL, NULL);
}
