/* Unit tests of bake and generate_assets: the assets folder into the
 * table, the data file and their ninja edge; content types, gzip
 * variants, hostile names, limits, and what a rebuild leaves alone. */
#include "cmocka_all.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "bake.h"
#include "fetch.h"
#include "fixture.h"
#include "fsutil.h"
#include "generate.h"

#define HOSTILE "we\"ird $na\\me\xff.txt"

static int setup(void **state)
{
	static struct fixture f;

	fixture_setup(&f);
	fixture_target(&f);
	fixture_module(&f, "plat",
		       "name: plat\nversion: 1.0.0\nprovides: [platform]\nsources: [src/*.c]\n");
	fixture_write(&f, "libs/plat/src/plat.c", "");
	fixture_module(&f, "assets",
		       "name: assets\nversion: 1.0.0\nprovides: [assets]\nsources: [src/*.c]\n"
		       "include: [include]\n");
	fixture_write(&f, "libs/assets/src/assets.c", "");
	fixture_write(&f, "libs/assets/include/assets/assets.h", "");
	fixture_write(&f, "app/src/main.c", "");
	fixture_write(&f, "linker/hosted-x86_64.ld.in", "ENTRY(_start)\n");
	/* 40 lines of one text: gzip makes it much smaller. */
	fixture_write(&f, "app/site/css/site.css",
		      "body { color: #333; margin: 0 auto; max-width: 40em; }\n"
		      "body { color: #333; margin: 0 auto; max-width: 40em; }\n"
		      "body { color: #333; margin: 0 auto; max-width: 40em; }\n"
		      "body { color: #333; margin: 0 auto; max-width: 40em; }\n");
	fixture_write(&f, "app/site/index.html", "<p>hi</p>\n");
	fixture_write(&f, "app/site/copy.html", "<p>hi</p>\n");
	fixture_write(&f, "app/site/a.txt", "a");
	fixture_write(&f, "app/site/a/b.png", "not really a png, but never gzipped");
	fixture_write(&f, "app/site/" HOSTILE, "x");
	*state = &f;
	return 0;
}

static enum uk_exit baked(struct fixture *f, const char *manifest, struct build *b)
{
	fixture_build(f, manifest, b);
	return fetch_run(b);
}

static const char *read_build(struct fixture *f, struct build *b, const char *file)
{
	return fs_read(&f->ctx, fs_join(&f->ctx, b->dir, file), NULL);
}

static void test_content_types(void **state)
{
	(void)state;
	assert_string_equal(bake_content_type("/index.html"), "text/html; charset=utf-8");
	assert_string_equal(bake_content_type("/A.HTM"), "text/html; charset=utf-8");
	assert_string_equal(bake_content_type("/css/site.css"), "text/css; charset=utf-8");
	assert_string_equal(bake_content_type("/app.mjs"), "text/javascript; charset=utf-8");
	assert_string_equal(bake_content_type("/x.json"), "application/json");
	assert_string_equal(bake_content_type("/logo.svg"), "image/svg+xml");
	assert_string_equal(bake_content_type("/p.jpeg"), "image/jpeg");
	assert_string_equal(bake_content_type("/f.woff2"), "font/woff2");
	assert_string_equal(bake_content_type("/m.wasm"), "application/wasm");
	assert_string_equal(bake_content_type("/a.tar.gz"), "application/gzip");
	/* No extension, a dot in a folder's name, a dotfile, an unknown one. */
	assert_string_equal(bake_content_type("/README"), "application/octet-stream");
	assert_string_equal(bake_content_type("/v1.2/README"), "application/octet-stream");
	assert_string_equal(bake_content_type("/.htaccess"), "application/octet-stream");
	assert_string_equal(bake_content_type("/x.html5"), "application/octet-stream");
	assert_string_equal(bake_content_type("/x."), "application/octet-stream");
	assert_false(bake_compressible("image/png"));
	assert_false(bake_compressible("font/woff2"));
	assert_true(bake_compressible("text/html; charset=utf-8"));
	assert_true(bake_compressible("application/octet-stream"));
}

/* The same bytes give the same gzip, whose header carries no time and a
 * fixed OS, and which inflates back to them. */
static void test_gzip_is_deterministic(void **state)
{
	static const uint8_t text[] = "hello hello hello hello hello hello hello hello";
	uint8_t *a, *b, back[sizeof(text)];
	size_t alen, blen;
	uLongf backlen = sizeof(back);
	z_stream z;

	(void)state;
	assert_int_equal(bake_gzip(text, sizeof(text), &a, &alen), 0);
	assert_int_equal(bake_gzip(text, sizeof(text), &b, &blen), 0);
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
	/* ID1 ID2 CM FLG, MTIME 0, XFL 2 (best), OS 3. */
	assert_memory_equal(a, "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03", 10);
	assert_true(alen < sizeof(text));
	memset(&z, 0, sizeof(z));
	assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK);
	z.next_in = a;
	z.avail_in = (uInt)alen;
	z.next_out = back;
	z.avail_out = (uInt)backlen;
	assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
	assert_int_equal(z.total_out, sizeof(text));
	inflateEnd(&z);
	assert_memory_equal(back, text, sizeof(text));
	free(a);
	free(b);
}

static void test_folder_into_table(void **state)
{
	struct fixture *f = *state;
	struct build b;
	const char *t, *d;
	size_t i;

	assert_int_equal(baked(f, "name: app\nassets: site\n", &b), UK_EXIT_OK);
	assert_int_equal(b.nassets, 6);
	for (i = 1; i < b.nassets; i++)
		assert_true(strcmp(b.assets[i - 1].key, b.assets[i].key) < 0);
	/* strcmp's order: '.' < '/' < 'c', bytes above 0x7f last. */
	assert_string_equal(b.assets[0].key, "/a.txt");
	assert_string_equal(b.assets[1].key, "/a/b.png");
	assert_string_equal(b.assets[5].key, "/" HOSTILE);
	/* gzip kept only when smaller; never tried on a png. */
	assert_int_equal(b.assets[0].gzip_len, 0);
	assert_int_equal(b.assets[1].gzip_len, 0);
	assert_false(fs_exists(
	    fs_join(&f->ctx, b.dir, ctx_printf(&f->ctx, "_assets/%s.gz", b.assets[1].hash))));
	assert_string_equal(b.assets[3].key, "/css/site.css");
	assert_true(b.assets[3].gzip_len > 0 && b.assets[3].gzip_len < b.assets[3].len / 2);
	/* Two files of one content: one copy, counted once. */
	assert_string_equal(b.assets[2].hash, b.assets[4].hash);
	assert_int_equal(b.assets_bytes, 1 + 35 + 10 + 220 + 1);

	assert_int_equal(generate_assets(&b), UK_EXIT_OK);
	t = read_build(f, &b, "uk_assets_table.c");
	d = read_build(f, &b, "uk_assets_data.S");
	assert_non_null(t);
	assert_non_null(d);
	assert_non_null(strstr(t, "/* Generated by uk build from app/uk.yaml's assets:"));
	assert_non_null(strstr(t, "#include <assets/assets.h>\n"));
	/* The hostile name as a C string: quote, backslash, the 0xff octal. */
	assert_non_null(strstr(t, "\t{ \"/we\\\"ird $na\\\\me\\377.txt\", uk_assets_d4, 1u, NULL, "
				  "0, \"text/plain; charset=utf-8\", \"\\\""));
	assert_non_null(strstr(t, "\t{ \"/copy.html\", uk_assets_d2, 10u, NULL, 0, "));
	assert_non_null(strstr(t, "\t{ \"/index.html\", uk_assets_d2, 10u, NULL, 0, "));
	assert_non_null(
	    strstr(t, ctx_printf(&f->ctx,
				 "\t{ \"/css/site.css\", uk_assets_d3, 220u, "
				 "uk_assets_z3, %lluu, \"text/css; charset=utf-8\", "
				 "\"\\\"%s\\\"\" },\n",
				 (unsigned long long)b.assets[3].gzip_len, b.assets[3].hash)));
	assert_non_null(strstr(t, "const size_t uk_assets_table_count = 6;\n"));
	/* Each content once in the data file, from a file named by its hash. */
	assert_non_null(strstr(d, "\t.section .rodata.uk_assets, \"a\"\n"));
	assert_non_null(
	    strstr(d, ctx_printf(&f->ctx, "uk_assets_z3:\n\t.incbin \"_assets/%s.gz\"\n",
				 b.assets[3].hash)));
	assert_non_null(strstr(d, "uk_assets_d4:\n"));
	assert_null(strstr(d, "uk_assets_d5"));
	assert_null(strstr(d, "we"));
}

static void test_ninja_edges(void **state)
{
	struct fixture *f = *state;
	struct build b;
	const char *n;

	assert_int_equal(baked(f, "name: app\nassets: site\n", &b), UK_EXIT_OK);
	assert_int_equal(generate_run(&b), UK_EXIT_OK);
	n = read_build(f, &b, "build.ninja");
	assert_non_null(strstr(n, "build obj/assets/uk_assets_table.c.o: cc uk_assets_table.c\n"
				  "  flags = $flags_glue\n"));
	/* The data edge names what .incbin reads: each content once. */
	assert_non_null(
	    strstr(n, ctx_printf(&f->ctx,
				 "build obj/assets/uk_assets_data.S.o: cc "
				 "uk_assets_data.S | _assets/%s _assets/%s _assets/%s "
				 "_assets/%s _assets/%s.gz _assets/%s\n",
				 b.assets[0].hash, b.assets[1].hash, b.assets[2].hash,
				 b.assets[3].hash, b.assets[3].hash, b.assets[5].hash)));
	assert_non_null(strstr(n, "build base/assets/uk_assets_data.S.o: cc uk_assets_data.S |"));
}

/* The assets module without assets: (another module requires it): an
 * empty table, no data file, no edge for it. */
static void test_empty_table(void **state)
{
	struct fixture *f = *state;
	struct build b;
	const char *t;

	assert_int_equal(baked(f, "name: app\nrequires: [assets]\n", &b), UK_EXIT_OK);
	assert_int_equal(b.nassets, 0);
	assert_int_equal(generate_run(&b), UK_EXIT_OK);
	t = read_build(f, &b, "uk_assets_table.c");
	assert_non_null(strstr(t,
			       "const struct assets_file uk_assets_table[] = {\n\t{ NULL, NULL, "
			       "0, NULL, 0, NULL, NULL }, /* none: C has no empty arrays */\n};\n"
			       "const size_t uk_assets_table_count = 0;\n"));
	assert_false(fs_exists(fs_join(&f->ctx, b.dir, "uk_assets_data.S")));
	assert_null(strstr(read_build(f, &b, "build.ninja"), "uk_assets_data"));
}

/* Without the module, nothing of it: no table, no edge. */
static void test_no_module_no_table(void **state)
{
	struct fixture *f = *state;
	struct build b;

	assert_int_equal(baked(f, "name: app\n", &b), UK_EXIT_OK);
	assert_false(bake_wanted(&b));
	assert_int_equal(generate_run(&b), UK_EXIT_OK);
	assert_false(fs_exists(fs_join(&f->ctx, b.dir, "uk_assets_table.c")));
	assert_null(strstr(read_build(f, &b, "build.ninja"), "assets"));
}

/* A second bake writes nothing (no time stamp moves); a changed file gets
 * new names, and the old ones go. */
static void test_rebuild_writes_only_what_changed(void **state)
{
	struct fixture *f = *state;
	struct build b;
	struct stat before, after, table_before;
	const char *old, *p;

	assert_int_equal(baked(f, "name: app\nassets: site\n", &b), UK_EXIT_OK);
	old = fs_join(&f->ctx, b.dir, ctx_printf(&f->ctx, "_assets/%s", b.assets[3].hash));
	assert_int_equal(generate_assets(&b), UK_EXIT_OK);
	p = fs_join(&f->ctx, b.dir, "uk_assets_table.c");
	assert_int_equal(stat(old, &before), 0);
	assert_int_equal(stat(p, &table_before), 0);
	sleep(1);
	assert_int_equal(baked(f, "name: app\nassets: site\n", &b), UK_EXIT_OK);
	assert_int_equal(generate_assets(&b), UK_EXIT_OK);
	assert_int_equal(stat(old, &after), 0);
	assert_int_equal(before.st_mtime, after.st_mtime);
	assert_int_equal(stat(p, &after), 0);
	assert_int_equal(after.st_mtime, table_before.st_mtime);
	fixture_write(f, "app/site/css/site.css", "body{}\n");
	assert_int_equal(baked(f, "name: app\nassets: site\n", &b), UK_EXIT_OK);
	assert_false(fs_exists(old));
	assert_false(fs_exists(ctx_printf(&f->ctx, "%s.gz", old)));
	assert_true(fs_exists(
	    fs_join(&f->ctx, b.dir, ctx_printf(&f->ctx, "_assets/%s", b.assets[3].hash))));
}

static void test_refuses_a_control_character(void **state)
{
	struct fixture *f = *state;
	struct build b;

	fixture_write(f, "app/site/bad\nname", "x");
	assert_int_equal(baked(f, "name: app\nassets: site\n", &b), UK_EXIT_INPUT);
	assert_non_null(strstr(fixture_errors(f),
			       "uk.yaml:2:9: error: assets file \"bad\\012name\" has a name that "
			       "cannot be a key: control character 0x0a\n"
			       "  hint: rename it without control characters\n"));
}

static void test_refuses_a_long_key(void **state)
{
	struct fixture *f = *state;
	struct build b;
	char rel[1100];

	/* 5 folders of 200 and a file of 30: a key of 1036 bytes. */
	strcpy(rel, "app/site");
	for (int i = 0; i < 5; i++)
		snprintf(rel + strlen(rel), sizeof(rel) - strlen(rel), "/%0200d", i);
	strcat(rel, "/abcdefghijklmnopqrstuvwxyz.txt");
	fixture_write(f, rel, "x");
	assert_int_equal(baked(f, "name: app\nassets: site\n", &b), UK_EXIT_INPUT);
	assert_non_null(strstr(fixture_errors(f), "has a key of 1036 bytes, more than 1024\n"));
}

/* Half of memory: is the limit, checked by size before anything is read
 * (the file here is sparse). */
static void test_refuses_a_folder_over_the_limit(void **state)
{
	struct fixture *f = *state;
	struct build b;

	fixture_write(f, "app/site/big.bin", "");
	assert_int_equal(truncate(fixture_path(f, "app/site/big.bin"), 3 << 20), 0);
	assert_int_equal(baked(f, "name: app\nmemory: 4M\nassets: site\n", &b), UK_EXIT_INPUT);
	/* 3 MiB and the 277 bytes of the other files. */
	assert_non_null(strstr(fixture_errors(f),
			       "uk.yaml:3:9: error: assets folder 'site' holds 3146005 bytes, more "
			       "than the limit of 2097152\n"
			       "  hint: the image may hold assets of at most half of memory: (at "
			       "most 1 GiB); raise memory: or take files out of the folder\n"));
	assert_int_equal(bake_limit(b.m), 2 << 20);
}

static void test_refuses_the_app_folder(void **state)
{
	struct fixture *f = *state;
	struct build b;

	assert_int_equal(baked(f, "name: app\nassets: .\n", &b), UK_EXIT_INPUT);
	assert_non_null(
	    strstr(fixture_errors(f),
		   "uk.yaml:2:9: error: assets folder '.' holds the build directory\n"
		   "  hint: keep the files in a folder of their own, e.g. assets: site\n"));
}

int main(void)
{
#define T(t) cmocka_unit_test_setup_teardown(t, setup, fixture_cmocka_teardown)
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_content_types),
	    cmocka_unit_test(test_gzip_is_deterministic),
	    T(test_folder_into_table),
	    T(test_ninja_edges),
	    T(test_empty_table),
	    T(test_no_module_no_table),
	    T(test_rebuild_writes_only_what_changed),
	    T(test_refuses_a_control_character),
	    T(test_refuses_a_long_key),
	    T(test_refuses_a_folder_over_the_limit),
	    T(test_refuses_the_app_folder),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
