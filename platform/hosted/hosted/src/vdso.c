/* Finding a function in the vDSO: the small ELF shared object the Linux
 * kernel maps into every process (at the auxiliary vector's
 * AT_SYSINFO_EHDR), whose clock_gettime reads the clock without a system
 * call. The lookup walks the ELF header, the program headers, the dynamic
 * section and the dynamic symbol table (System V gABI, ELF-64); every
 * offset, size and alignment is checked against the image's extent, so a
 * malformed image gives 0 and the clock stays a system call. */
#include "vdso.h"

#define ELF_HDR_SIZE   64
#define ELF_PHDR_SIZE  56
#define ELF_DYN_SIZE   16
#define ELF_SYM_SIZE   24
#define ELF_MAX_PHDRS  64
#define ELF_ET_DYN     3
#define ELF_EM_X86_64  62
#define ELF_PT_LOAD    1
#define ELF_PT_DYNAMIC 2
#define ELF_DT_NULL    0
#define ELF_DT_HASH    4
#define ELF_DT_STRTAB  5
#define ELF_DT_SYMTAB  6
#define ELF_DT_STRSZ   10
#define ELF_DT_SYMENT  11
#define ELF_STT_FUNC   2
#define ELF_STB_GLOBAL 1
#define ELF_STB_WEAK   2

struct elf_ehdr {
	unsigned char ident[16];
	uint16_t type, machine;
	uint32_t version;
	uint64_t entry, phoff, shoff;
	uint32_t flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf_phdr {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

struct elf_dyn {
	int64_t tag;
	uint64_t val;
};

struct elf_sym {
	uint32_t name;
	unsigned char info, other;
	uint16_t shndx;
	uint64_t value, size;
};

/* The image: size bytes that may be read, loaded at vaddr (its PT_LOAD,
 * which starts at file offset 0, so file offsets are vaddr - base). */
struct image {
	const unsigned char *bytes;
	uint64_t size, base;
};

/* bytes[off, off + len), aligned to align, or NULL when it is not all in
 * the image. */
static const void *at(const struct image *im, uint64_t off, uint64_t len, uint64_t align)
{
	if (off > im->size || len > im->size - off || (off % align) != 0)
		return NULL;
	return im->bytes + off;
}

static const void *at_vaddr(const struct image *im, uint64_t vaddr, uint64_t len, uint64_t align)
{
	return vaddr < im->base ? NULL : at(im, vaddr - im->base, len, align);
}

/* The program headers (phnum of them in *n) once the header checks out. */
static const struct elf_phdr *program_headers(const struct image *im, unsigned *n)
{
	const struct elf_ehdr *eh = at(im, 0, ELF_HDR_SIZE, 8);

	if (!eh || eh->ident[0] != 0x7f || eh->ident[1] != 'E' || eh->ident[2] != 'L' ||
	    eh->ident[3] != 'F' || eh->ident[4] != 2 /* 64-bit */ ||
	    eh->ident[5] != 1 /* little-endian */ || eh->type != ELF_ET_DYN ||
	    eh->machine != ELF_EM_X86_64 || eh->phentsize != ELF_PHDR_SIZE || eh->phnum == 0 ||
	    eh->phnum > ELF_MAX_PHDRS)
		return NULL;
	*n = eh->phnum;
	return at(im, eh->phoff, (uint64_t)eh->phnum * ELF_PHDR_SIZE, 8);
}

/* Whether the symbol's name, in strs[0, strsz), is name. */
static int name_is(const char *strs, uint64_t strsz, uint32_t off, const char *name)
{
	for (uint64_t i = off; i < strsz; i++, name++) {
		if (strs[i] != *name)
			return 0;
		if (!*name)
			return 1;
	}
	return 0;
}

uintptr_t hosted_vdso_lookup(const void *image, size_t limit, const char *name)
{
	struct image im = {image, limit, 0};
	const struct elf_phdr *ph, *load = NULL, *dynamic = NULL;
	const struct elf_dyn *dyn;
	const struct elf_sym *syms;
	const uint32_t *hash;
	const char *strs;
	uint64_t hash_at = 0, sym_at = 0, str_at = 0, strsz = 0, nsym;
	unsigned n;

	if (!image || !(ph = program_headers(&im, &n)))
		return 0;
	for (unsigned i = 0; i < n; i++) {
		if (ph[i].type == ELF_PT_LOAD && !load)
			load = &ph[i];
		else if (ph[i].type == ELF_PT_DYNAMIC && !dynamic)
			dynamic = &ph[i];
	}
	/* the kernel maps the whole file as its one PT_LOAD */
	if (!load || !dynamic || load->offset != 0 || load->filesz > limit)
		return 0;
	im.size = load->filesz;
	im.base = load->vaddr;
	if (!program_headers(&im, &n) || !(dyn = at(&im, dynamic->offset, dynamic->filesz, 8)))
		return 0;
	for (uint64_t i = 0; i < dynamic->filesz / ELF_DYN_SIZE && dyn[i].tag != ELF_DT_NULL; i++) {
		switch (dyn[i].tag) {
		case ELF_DT_HASH:
			hash_at = dyn[i].val;
			break;
		case ELF_DT_SYMTAB:
			sym_at = dyn[i].val;
			break;
		case ELF_DT_STRTAB:
			str_at = dyn[i].val;
			break;
		case ELF_DT_STRSZ:
			strsz = dyn[i].val;
			break;
		case ELF_DT_SYMENT:
			if (dyn[i].val != ELF_SYM_SIZE)
				return 0;
			break;
		}
	}
	/* DT_HASH's second word is the number of symbols (32 bits: nsym * 24
	 * does not overflow). x86_64's vDSO has DT_HASH beside DT_GNU_HASH;
	 * without it the clock stays a system call. */
	if (!(hash = at_vaddr(&im, hash_at, 8, 4)) || !(strs = at_vaddr(&im, str_at, strsz, 1)))
		return 0;
	nsym = hash[1];
	if (!(syms = at_vaddr(&im, sym_at, nsym * ELF_SYM_SIZE, 8)))
		return 0;
	for (uint64_t i = 1; i < nsym; i++) {
		const struct elf_sym *s = &syms[i];
		unsigned bind = s->info >> 4;

		if ((s->info & 0xf) != ELF_STT_FUNC ||
		    (bind != ELF_STB_GLOBAL && bind != ELF_STB_WEAK) || s->shndx == 0 ||
		    !name_is(strs, strsz, s->name, name))
			continue;
		return at_vaddr(&im, s->value, 1, 1) ? (uintptr_t)image + (s->value - im.base) : 0;
	}
	return 0;
}

/* The kernel maps its whole vDSO image, of a few KiB; this only caps what
 * a nonsense ELF header could make the lookup read. */
#define VDSO_MAX_BYTES (64u << 10)
/* More auxiliary vector entries than any kernel gives. */
#define AUXV_MAX 256

void hosted_vdso_init(const uintptr_t *sp)
{
	const uintptr_t *p = sp + 1 + sp[0] + 1; /* past argc, argv and its NULL */
	uintptr_t vdso = 0;

	while (*p) /* envp */
		p++;
	p++;
	for (unsigned n = 0; n < AUXV_MAX && p[0] != HOSTED_AT_NULL; n++, p += 2)
		if (p[0] == HOSTED_AT_SYSINFO_EHDR)
			vdso = p[1];
	if (vdso)
		hosted_vdso_clock_gettime = (hosted_clock_gettime_fn)hosted_vdso_lookup(
		    (const void *)vdso, VDSO_MAX_BYTES, "__vdso_clock_gettime");
}
