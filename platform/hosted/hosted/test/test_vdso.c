/* The hosted clock through the vDSO: the lookup finds __vdso_clock_gettime
 * in this process's own vDSO, hosted_vdso_init finds the vDSO through an
 * auxiliary vector, and a copy of the vDSO (exactly its size, so that
 * AddressSanitizer catches a read past it), broken field by field and then
 * at random, gives 0 or an address inside it, never a read outside. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <time.h>

#include <uk/plat.h>

#include "vdso.h"

#define LIMIT (64u << 10)

static const unsigned char *vdso(void)
{
	const unsigned char *p = (const unsigned char *)getauxval(AT_SYSINFO_EHDR);

	assert_non_null(p); /* every x86_64 Linux gives one */
	return p;
}

static uint64_t host_ns(clockid_t c)
{
	struct timespec ts;

	clock_gettime(c, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void test_lookup_finds_clock_gettime(void **state)
{
	const unsigned char *v = vdso();
	hosted_clock_gettime_fn fn;
	struct hosted_timespec ts;
	uint64_t a, b, t;

	(void)state;
	fn = (hosted_clock_gettime_fn)hosted_vdso_lookup(v, LIMIT, "__vdso_clock_gettime");
	assert_non_null(fn);
	a = host_ns(CLOCK_MONOTONIC);
	assert_int_equal(fn(CLOCK_MONOTONIC, &ts), 0);
	b = host_ns(CLOCK_MONOTONIC);
	t = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	assert_true(a <= t && t <= b);
	/* whole names only */
	assert_int_equal(hosted_vdso_lookup(v, LIMIT, "__vdso_clock_gettim"), 0);
	assert_int_equal(hosted_vdso_lookup(v, LIMIT, "__vdso_clock_gettimex"), 0);
	assert_int_equal(hosted_vdso_lookup(v, LIMIT, "no_such_function"), 0);
	assert_int_equal(hosted_vdso_lookup(NULL, LIMIT, "__vdso_clock_gettime"), 0);
	assert_int_equal(hosted_vdso_lookup(v, 16, "__vdso_clock_gettime"), 0);
}

static void test_init_from_auxv(void **state)
{
	uintptr_t with[] = {1,
			    (uintptr_t) "prog",
			    0,
			    (uintptr_t) "A=1",
			    0,
			    AT_PAGESZ,
			    4096,
			    AT_SYSINFO_EHDR,
			    (uintptr_t)vdso(),
			    AT_NULL,
			    0};
	uintptr_t without[] = {
	    2, (uintptr_t) "prog", (uintptr_t) "x", 0, 0, AT_PAGESZ, 4096, AT_NULL, 0};
	static const unsigned char zeros[4096];
	uintptr_t garbage[] = {0, 0, 0, AT_SYSINFO_EHDR, (uintptr_t)zeros, AT_NULL, 0};
	uint64_t a, t, b;

	(void)state;
	hosted_vdso_clock_gettime = NULL;
	hosted_vdso_init(without);
	assert_null(hosted_vdso_clock_gettime);
	hosted_vdso_init(garbage);
	assert_null(hosted_vdso_clock_gettime);
	/* the system call still tells the time */
	a = host_ns(CLOCK_MONOTONIC);
	t = plat_monotonic_ns();
	assert_true(a <= t && t <= host_ns(CLOCK_MONOTONIC));

	hosted_vdso_init(with);
	assert_non_null(hosted_vdso_clock_gettime);
	a = host_ns(CLOCK_MONOTONIC);
	t = plat_monotonic_ns();
	b = host_ns(CLOCK_MONOTONIC);
	assert_true(a <= t && t <= b);
	a = host_ns(CLOCK_REALTIME);
	t = plat_wallclock_ns();
	b = host_ns(CLOCK_REALTIME);
	assert_true(a <= t && t <= b);
	hosted_vdso_clock_gettime = NULL;
}

/* A heap copy of the vDSO, exactly as long as its PT_LOAD. */
static unsigned char *copy_vdso(size_t *size)
{
	const unsigned char *v = vdso();
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)v;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(v + eh->e_phoff);
	unsigned char *c;

	*size = 0;
	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD)
			*size = ph[i].p_filesz;
	assert_true(*size > 0 && *size <= LIMIT);
	c = malloc(*size);
	assert_non_null(c);
	memcpy(c, v, *size);
	return c;
}

static Elf64_Dyn *dyn_entry(unsigned char *c, Elf64_Sxword tag)
{
	Elf64_Ehdr *eh = (Elf64_Ehdr *)c;
	Elf64_Phdr *ph = (Elf64_Phdr *)(c + eh->e_phoff);

	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_DYNAMIC)
			for (Elf64_Dyn *d = (Elf64_Dyn *)(c + ph[i].p_offset); d->d_tag; d++)
				if (d->d_tag == tag)
					return d;
	fail_msg("no dynamic entry %ld", (long)tag);
	return NULL;
}

/* Where __vdso_clock_gettime's name starts in the string table. */
static uint64_t name_offset(unsigned char *c)
{
	Elf64_Phdr *load = (Elf64_Phdr *)(c + ((Elf64_Ehdr *)c)->e_phoff);
	Elf64_Sym *syms = (Elf64_Sym *)(c + (dyn_entry(c, DT_SYMTAB)->d_un.d_ptr - load->p_vaddr));
	const char *strs =
	    (const char *)(c + (dyn_entry(c, DT_STRTAB)->d_un.d_ptr - load->p_vaddr));
	uint32_t n = ((uint32_t *)(c + (dyn_entry(c, DT_HASH)->d_un.d_ptr - load->p_vaddr)))[1];

	for (uint32_t i = 0; i < n; i++)
		if (!strcmp(strs + syms[i].st_name, "__vdso_clock_gettime"))
			return syms[i].st_name;
	fail_msg("no __vdso_clock_gettime");
	return 0;
}

/* What a lookup in the copy gives: -1 for 0, else the offset found. */
static long in_copy(const unsigned char *c, size_t size, size_t limit)
{
	uintptr_t f = hosted_vdso_lookup(c, limit, "__vdso_clock_gettime");

	if (!f)
		return -1;
	assert_true(f >= (uintptr_t)c && f < (uintptr_t)c + size);
	return (long)(f - (uintptr_t)c);
}

static void test_malformed_images(void **state)
{
	size_t size;
	unsigned char *c = copy_vdso(&size), *good = malloc(size);
	Elf64_Ehdr *eh = (Elf64_Ehdr *)c;
	long offset =
	    (long)(hosted_vdso_lookup(vdso(), LIMIT, "__vdso_clock_gettime") - (uintptr_t)vdso());
	/* one field each, then put back */
#define BROKEN(field, value)                                                                       \
	do {                                                                                       \
		memcpy(good, c, size);                                                             \
		field = value;                                                                     \
		assert_int_equal(in_copy(c, size, size), -1);                                      \
		memcpy(c, good, size);                                                             \
	} while (0)

	(void)state;
	assert_non_null(good);
	/* the copy is found at the same offset; a limit short of it is not */
	assert_int_equal(in_copy(c, size, size), offset);
	assert_int_equal(in_copy(c, size, size - 1), -1);
	BROKEN(eh->e_ident[0], 0);
	BROKEN(eh->e_ident[EI_CLASS], ELFCLASS32);
	BROKEN(eh->e_ident[EI_DATA], ELFDATA2MSB);
	BROKEN(eh->e_type, ET_EXEC);
	BROKEN(eh->e_machine, EM_AARCH64);
	BROKEN(eh->e_phentsize, 32);
	BROKEN(eh->e_phnum, 0);
	BROKEN(eh->e_phnum, 65);
	BROKEN(eh->e_phoff, size);
	BROKEN(eh->e_phoff, 65); /* misaligned */
	BROKEN(eh->e_phoff, UINT64_MAX - 8);
	BROKEN(dyn_entry(c, DT_STRSZ)->d_un.d_val, size);
	BROKEN(dyn_entry(c, DT_STRTAB)->d_un.d_ptr, UINT64_MAX);
	BROKEN(dyn_entry(c, DT_SYMTAB)->d_un.d_ptr, (uint64_t)size);
	BROKEN(dyn_entry(c, DT_SYMENT)->d_un.d_val, 16);
	BROKEN(dyn_entry(c, DT_HASH)->d_un.d_ptr, 2); /* misaligned */
	{
		Elf64_Dyn *h = dyn_entry(c, DT_HASH);
		Elf64_Ehdr *e = (Elf64_Ehdr *)c;
		Elf64_Phdr *load = (Elf64_Phdr *)(c + e->e_phoff);
		uint32_t *words = (uint32_t *)(c + (h->d_un.d_ptr - load->p_vaddr));

		assert_int_equal(load->p_type, PT_LOAD);
		BROKEN(words[1], 0xffffffffu); /* more symbols than bytes */
		BROKEN(load->p_offset, 4096);
		/* the string table ends inside the name */
		BROKEN(dyn_entry(c, DT_STRSZ)->d_un.d_val, name_offset(c) + 5);
		BROKEN(load->p_filesz, LIMIT * 4);
	}
	assert_int_equal(in_copy(c, size, size), offset);

	/* random damage: never a read outside the copy (ASan), never an
	 * address outside it */
	srand(1);
	memcpy(good, c, size);
	for (int round = 0; round < 20000; round++) {
		int flips = 1 + rand() % 4;

		for (int k = 0; k < flips; k++) {
			/* the headers, tables and names are in the first KiB or so,
			 * but anywhere may be hit */
			size_t at =
			    (size_t)rand() % (rand() % 2 ? 1024 < size ? 1024 : size : size);

			c[at] = (unsigned char)rand();
		}
		in_copy(c, size, size);
		memcpy(c, good, size);
	}
	free(good);
	free(c);
#undef BROKEN
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lookup_finds_clock_gettime),
	    cmocka_unit_test(test_init_from_auxv),
	    cmocka_unit_test(test_malformed_images),
	};

	return cmocka_run_group_tests_name("hosted vdso", tests, NULL, NULL);
}
