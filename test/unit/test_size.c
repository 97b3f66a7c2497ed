/* Unit tests of size.c's link map parsing: which module each input section
 * of an lld map belongs to, by object path, archive, section name or first
 * symbol; classes, totals, the output sections; what does not count. */
#include "cmocka_all.h"

#include <string.h>

#include "size.h"

/* A map being written, and what it parsed into. */
struct map {
	struct uk_ctx ctx;
	char *text;
	struct size_report r;
};

static int setup(void **state)
{
	static struct map m;

	ctx_init(&m.ctx, stderr);
	m.text = "";
	*state = &m;
	return 0;
}

static int teardown(void **state)
{
	ctx_free(&((struct map *)*state)->ctx);
	return 0;
}

/* A line in lld's columns (VMA, LMA, size, alignment), then the name
 * indented by 0 (output section), 8 (input section) or 16 (symbol). */
static void line(struct map *m, unsigned long long vma, unsigned long long size, int indent,
		 const char *name)
{
	m->text = ctx_printf(&m->ctx, "%s%16llx %16llx %8llx %5u %*s%s\n", m->text, vma, vma, size,
			     16u, indent, "", name);
}

static const uint64_t *row(const struct size_report *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (!strcmp(r->rows[i].name, name))
			return r->rows[i].bytes;
	fail_msg("no row for %s", name);
	return NULL;
}

/* Parses m with these owners: printf, main's helper and table. */
static void parse(struct map *m, const struct build_archive *archives, size_t narchives)
{
	struct size_owners o = {0};

	size_owners_add(&m->ctx, &o, "printf", "libc");
	size_owners_add(&m->ctx, &o, "helper", "app");
	size_owners_add(&m->ctx, &o, "table", "console");
	size_owners_add(&m->ctx, &o, "alloc_state", "alloc");
	size_owners_sort(&o);
	size_parse_map(&m->ctx, m->text, &o, archives, narchives, &m->r);
}

static void test_owner_by_object_path(void **state)
{
	struct map *m = *state;

	line(m, 0x400000, 0x100, 0, ".text");
	line(m, 0x400000, 0x10, 8, "obj/hosted/src/x86_64/start.S.o:(.text)");
	line(m, 0x400000, 0x10, 16, "_start");
	line(m, 0x400010, 0x20, 8, "/app/build/hosted-x86_64/obj/glue.o:(.text.uk_glue_run)");
	line(m, 0x400030, 0x30, 8, "base/libc/src/printf.c.o:(.text.printf)");
	parse(m, NULL, 0);
	assert_int_equal(m->r.n, 3);
	assert_int_equal(row(&m->r, "hosted")[SIZE_TEXT], 0x10);
	assert_int_equal(row(&m->r, "glue")[SIZE_TEXT], 0x20);
	assert_int_equal(row(&m->r, "libc")[SIZE_TEXT], 0x30);
}

static void test_owner_by_section_name_after_lto(void **state)
{
	struct map *m = *state;

	line(m, 0x400000, 0x100, 0, ".text");
	line(m, 0x400000, 0x40, 8, "lto.tmp:(.text.printf)");
	line(m, 0x400000, 0x40, 16, "printf");
	/* LTO renames a promoted static helper -> helper.llvm.<hash>. */
	line(m, 0x400040, 0x8, 8, "lto.tmp:(.text.helper.llvm.1234567)");
	line(m, 0x401000, 0x20, 0, ".bss");
	line(m, 0x401000, 0x20, 8, "lto.tmp:(.bss.alloc_state)");
	parse(m, NULL, 0);
	assert_int_equal(row(&m->r, "libc")[SIZE_TEXT], 0x40);
	assert_int_equal(row(&m->r, "app")[SIZE_TEXT], 0x8);
	assert_int_equal(row(&m->r, "alloc")[SIZE_BSS], 0x20);
}

static void test_owner_by_first_symbol_else_unattributed(void **state)
{
	struct map *m = *state;

	line(m, 0x404000, 0x200, 0, ".rodata");
	line(m, 0x404000, 0x50, 8, "lto.tmp:(.rodata)");
	line(m, 0x404000, 0x50, 16, "table");
	line(m, 0x404050, 0x60, 8, "<internal>:(.rodata)");
	line(m, 0x4040b0, 0x7, 8, "lto.tmp:(.rodata.unknown_thing)");
	parse(m, NULL, 0);
	assert_int_equal(row(&m->r, "console")[SIZE_RODATA], 0x50);
	assert_int_equal(row(&m->r, "(unattributed)")[SIZE_RODATA], 0x60 + 0x7);
	/* Sorted by name, "(unattributed)" last. */
	assert_int_equal(m->r.n, 2);
	assert_string_equal(m->r.rows[1].name, "(unattributed)");
}

static void test_owner_by_archive(void **state)
{
	struct map *m = *state;
	struct module fdt = {.name = "fdt"};
	struct build_archive a = {&fdt, "/cache/usr/lib/aarch64-linux-gnu/libfdt.a"};

	line(m, 0x400000, 0x100, 0, ".text");
	line(m, 0x400000, 0x90, 8,
	     "/cache/usr/lib/aarch64-linux-gnu/libfdt.a(fdt_ro.o):(.text.fdt_getprop)");
	/* Another path that only starts like the archive's is not its. */
	line(m, 0x400090, 0x4, 8, "/cache/usr/lib/aarch64-linux-gnu/libfdt.a.old:(.text.x)");
	parse(m, &a, 1);
	assert_int_equal(row(&m->r, "fdt")[SIZE_TEXT], 0x90);
	assert_int_equal(row(&m->r, "(unattributed)")[SIZE_TEXT], 0x4);
}

static void test_classes_totals_and_sections(void **state)
{
	struct map *m = *state;

	line(m, 0, 0x400158, 0, ". = 0x400000 + SIZEOF_HEADERS");
	line(m, 0x400160, 0x40, 0, ".text");
	line(m, 0x400160, 0x40, 8, "lto.tmp:(.text.printf)");
	line(m, 0x4001a0, 0x60, 0, ". = ALIGN ( 4096 )");
	line(m, 0x401000, 0x10, 0, ".data");
	line(m, 0x401000, 0x10, 8, "lto.tmp:(.data.table)");
	line(m, 0x401010, 0x0, 8, "lto.tmp:(.data.helper)");
	line(m, 0x402000, 0x20, 0, ".bss");
	line(m, 0x402000, 0x20, 8, "lto.tmp:(.bss.alloc_state)");
	/* Not in the image: address 0. */
	line(m, 0, 0x99, 0, ".comment");
	line(m, 0, 0x99, 8, "lto.tmp:(.comment)");
	parse(m, NULL, 0);
	assert_int_equal(m->r.total[SIZE_TEXT], 0x40);
	assert_int_equal(m->r.total[SIZE_RODATA], 0);
	assert_int_equal(m->r.total[SIZE_DATA], 0x10);
	assert_int_equal(m->r.total[SIZE_BSS], 0x20);
	/* A section of size 0 makes no row. */
	assert_int_equal(m->r.n, 3);
	assert_int_equal(m->r.nsections, 3);
	assert_string_equal(m->r.sections[0].name, ".text");
	assert_int_equal(m->r.sections[0].bytes[SIZE_TEXT], 0x40);
	assert_string_equal(m->r.sections[1].name, ".data");
	assert_int_equal(m->r.sections[1].bytes[SIZE_DATA], 0x10);
	assert_string_equal(m->r.sections[2].name, ".bss");
	assert_int_equal(m->r.sections[2].bytes[SIZE_BSS], 0x20);
}

static void test_short_and_foreign_lines_are_skipped(void **state)
{
	struct map *m = *state;

	m->text = "             VMA              LMA     Size Align Out     In      Symbol\n"
		  "garbage\n";
	line(m, 0x400000, 0x40, 0, ".text");
	line(m, 0x400000, 0x40, 8, "lto.tmp:(.text.printf)");
	parse(m, NULL, 0);
	assert_int_equal(m->r.n, 1);
	assert_int_equal(row(&m->r, "libc")[SIZE_TEXT], 0x40);
}

static void test_section_classes(void **state)
{
	(void)state;
	assert_int_equal(size_class_of(".text"), SIZE_TEXT);
	assert_int_equal(size_class_of(".init_array"), SIZE_TEXT);
	assert_int_equal(size_class_of(".fini"), SIZE_TEXT);
	assert_int_equal(size_class_of(".rodata.str1.1"), SIZE_RODATA);
	assert_int_equal(size_class_of(".eh_frame"), SIZE_RODATA);
	assert_int_equal(size_class_of(".data.rel.ro"), SIZE_DATA);
	assert_int_equal(size_class_of(".tdata"), SIZE_DATA);
	assert_int_equal(size_class_of(".got"), SIZE_DATA);
	assert_int_equal(size_class_of(".bss"), SIZE_BSS);
	assert_int_equal(size_class_of(".tbss"), SIZE_BSS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_owner_by_object_path, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_owner_by_section_name_after_lto, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_owner_by_first_symbol_else_unattributed, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_owner_by_archive, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_classes_totals_and_sections, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_short_and_foreign_lines_are_skipped, setup,
					    teardown),
	    cmocka_unit_test(test_section_classes),
	};

	return cmocka_run_group_tests_name("size", tests, NULL, NULL);
}
