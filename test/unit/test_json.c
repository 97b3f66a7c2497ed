/* Unit tests of the JSON writer: layout, and strings escaped to ASCII that
 * any JSON parser reads back as the same text. */
#include "cmocka_all.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"

/* What json_write_escaped makes of s. */
static char *escaped(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	json_write_escaped(f, s);
	fclose(f);
	return buf;
}

static void expect_escaped(const char *s, const char *want)
{
	char *got = escaped(s);

	assert_string_equal(got, want);
	free(got);
}

static void test_plain_and_short_escapes(void **state)
{
	(void)state;
	expect_escaped("", "\"\"");
	expect_escaped("build/hosted-x86_64/app", "\"build/hosted-x86_64/app\"");
	expect_escaped("say \"hi\" \\ there", "\"say \\\"hi\\\" \\\\ there\"");
	expect_escaped("a\tb\nc\rd\be\ff", "\"a\\tb\\nc\\rd\\be\\ff\"");
}

static void test_other_control_characters(void **state)
{
	(void)state;
	expect_escaped("\x01\x1f", "\"\\u0001\\u001f\"");
	expect_escaped("del\x7f", "\"del\\u007f\"");
	expect_escaped("\x1b[31mred", "\"\\u001b[31mred\"");
}

static void test_utf8_becomes_escapes(void **state)
{
	(void)state;
	expect_escaped("caf\xc3\xa9", "\"caf\\u00e9\"");	  /* é, 2 bytes */
	expect_escaped("\xe2\x82\xac", "\"\\u20ac\"");		  /* €, 3 bytes */
	expect_escaped("\xf0\x9f\x98\x80", "\"\\ud83d\\ude00\""); /* U+1F600 */
	expect_escaped("\xf4\x8f\xbf\xbf", "\"\\udbff\\udfff\""); /* U+10FFFF */
}

static void test_bytes_that_are_not_utf8(void **state)
{
	(void)state;
	expect_escaped("a\xff"
		       "b",
		       "\"a\\ufffdb\"");			     /* never in UTF-8 */
	expect_escaped("\x80x", "\"\\ufffdx\"");		     /* a stray continuation */
	expect_escaped("\xc3", "\"\\ufffd\"");			     /* cut at the end */
	expect_escaped("\xe2\x82x", "\"\\ufffd\\ufffdx\"");	     /* cut in the middle */
	expect_escaped("\xc0\xaf", "\"\\ufffd\\ufffd\"");	     /* overlong '/' */
	expect_escaped("\xe0\x80\xaf", "\"\\ufffd\\ufffd\\ufffd\""); /* overlong, 3 bytes */
	expect_escaped("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\""); /* a surrogate */
	expect_escaped("\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\""); /* > U+10FFFF */
}

static void test_document_layout(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct json j;

	(void)state;
	json_init(&j, f);
	json_object_begin(&j);
	json_field_int(&j, "schema", 1);
	json_field_string(&j, "image", NULL);
	json_field_bool(&j, "ok", false);
	json_field_uint(&j, "bytes", UINT64_MAX);
	json_key(&j, "percent");
	json_fixed1(&j, 12.345);
	json_key(&j, "empty");
	json_array_begin(&j);
	json_array_end(&j);
	json_key(&j, "list");
	json_array_begin(&j);
	json_int(&j, -3);
	json_object_begin(&j);
	json_field_string(&j, "k", "v");
	json_object_end(&j);
	json_array_end(&j);
	json_object_end(&j);
	fclose(f);
	assert_string_equal(buf, "{\n"
				 "  \"schema\": 1,\n"
				 "  \"image\": null,\n"
				 "  \"ok\": false,\n"
				 "  \"bytes\": 18446744073709551615,\n"
				 "  \"percent\": 12.3,\n"
				 "  \"empty\": [],\n"
				 "  \"list\": [\n"
				 "    -3,\n"
				 "    {\n"
				 "      \"k\": \"v\"\n"
				 "    }\n"
				 "  ]\n"
				 "}\n");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain_and_short_escapes),
	    cmocka_unit_test(test_other_control_characters),
	    cmocka_unit_test(test_utf8_becomes_escapes),
	    cmocka_unit_test(test_bytes_that_are_not_utf8),
	    cmocka_unit_test(test_document_layout),
	};

	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
