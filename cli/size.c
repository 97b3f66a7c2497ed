/* Per-module sizes from an lld link map. With LTO every input section comes
 * from one merged object, so owners are found by symbol name: llvm-nm on
 * each module's bitcode objects says which module defines which symbol. */
#include "size.h"

#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "proc.h"

static int cmp_owner(const void *a, const void *b)
{
	return strcmp(((const struct size_owner *)a)->symbol,
		      ((const struct size_owner *)b)->symbol);
}

void size_owners_add(struct uk_ctx *ctx, struct size_owners *o, const char *symbol,
		     const char *module)
{
	struct size_owner *w = CTX_PUSH(ctx, o->v, o->n);

	w->symbol = symbol;
	w->module = module;
}

void size_owners_sort(struct size_owners *o)
{
	if (o->n)
		qsort(o->v, o->n, sizeof(*o->v), cmp_owner);
}

enum size_class size_class_of(const char *s)
{
	if (!strncmp(s, ".text", 5) || !strncmp(s, ".init", 5) || !strncmp(s, ".fini", 5))
		return SIZE_TEXT;
	if (!strncmp(s, ".bss", 4) || !strncmp(s, ".tbss", 5))
		return SIZE_BSS;
	if (!strncmp(s, ".data", 5) || !strncmp(s, ".tdata", 6) || !strncmp(s, ".got", 4))
		return SIZE_DATA;
	return SIZE_RODATA;
}

/* The module of an object path: obj/<module>/... or base/<module>/... */
static const char *module_of_path(struct uk_ctx *ctx, const char *path)
{
	const char *p = strstr(path, "obj/"), *end;

	if (!p)
		p = strstr(path, "base/");
	if (!p)
		return NULL;
	p = strchr(p, '/') + 1;
	if (!strncmp(p, "glue.o", 6))
		return "glue";
	end = strchr(p, '/');
	return end ? ctx_strndup(ctx, p, (size_t)(end - p)) : NULL;
}

static int load_owners(struct uk_ctx *ctx, const char *objdir, struct size_owners *o)
{
	static const char *const skip[] = {NULL};
	char **files, *out, *line, *save;
	size_t n, i, nargs = 0;
	const char **argv;

	o->v = NULL;
	o->n = 0;
	if (fs_walk(ctx, objdir, NULL, skip, &files, &n) != 0)
		return -1;
	argv = ctx_alloc(ctx, (n + 5) * sizeof(char *));
	argv[nargs++] = "llvm-nm";
	argv[nargs++] = "--defined-only";
	argv[nargs++] = "-A";
	for (i = 0; i < n; i++) {
		size_t len = strlen(files[i]);

		if (len > 2 && !strcmp(files[i] + len - 2, ".o"))
			argv[nargs++] = fs_join(ctx, objdir, files[i]);
	}
	argv[nargs] = NULL;
	if (proc_run_capture(ctx, argv, NULL, &out, NULL) != 0)
		return -1;
	for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *colon = strstr(line, ": "), *name = strrchr(line, ' ');
		const char *module;

		if (!colon || !name)
			continue;
		*colon = 0;
		if ((module = module_of_path(ctx, line)))
			size_owners_add(ctx, o, name + 1, module);
	}
	size_owners_sort(o);
	return 0;
}

static const char *owner_of(struct uk_ctx *ctx, const struct size_owners *o, const char *sym)
{
	struct size_owner key, *hit;
	char *dot;

	/* LTO renames promoted statics foo -> foo.llvm.123; the base name owns it. */
	key.symbol = sym;
	if ((dot = strchr(sym + 1, '.')))
		key.symbol = ctx_strndup(ctx, sym, (size_t)(dot - sym));
	hit = o->n ? bsearch(&key, o->v, o->n, sizeof(*o->v), cmp_owner) : NULL;
	return hit ? hit->module : NULL;
}

static struct size_row *row(struct uk_ctx *ctx, struct size_report *r, const char *name)
{
	size_t i;
	struct size_row *w;

	for (i = 0; i < r->n; i++)
		if (!strcmp(r->rows[i].name, name))
			return &r->rows[i];
	w = CTX_PUSH(ctx, r->rows, r->n);
	w->name = name;
	return w;
}

/* The symbol a section is named after: ".text.foo" -> "foo". */
static const char *section_symbol(const char *section)
{
	static const char *const prefixes[] = {".text.", ".rodata.", ".data.rel.ro.",
					       ".data.", ".bss.",    NULL};
	const char *const *p;

	for (p = prefixes; *p; p++)
		if (!strncmp(section, *p, strlen(*p)))
			return section + strlen(*p);
	return NULL;
}

static int cmp_row(const void *a, const void *b)
{
	const struct size_row *x = a, *y = b;

	if ((x->name[0] == '(') != (y->name[0] == '('))
		return x->name[0] == '(' ? 1 : -1;
	return strcmp(x->name, y->name);
}

struct pending {
	bool open;
	uint64_t size;
	enum size_class cls;
	const char *file, *section;
};

struct sources {
	const struct size_owners *owners;
	const struct build_archive *archives;
	size_t narchives;
};

/* "/path/libfdt.a(fdt_ro.o)" belongs to the module that links libfdt.a. */
static const char *archive_owner(const struct sources *src, const char *file)
{
	size_t i, n;

	for (i = 0; i < src->narchives; i++) {
		n = strlen(src->archives[i].path);
		if (!strncmp(file, src->archives[i].path, n) && file[n] == '(')
			return src->archives[i].mod->name;
	}
	return NULL;
}

static void settle(struct uk_ctx *ctx, struct size_report *r, const struct sources *src,
		   struct pending *p, const char *first_symbol)
{
	const struct size_owners *o = src->owners;
	const char *who = NULL, *sym;

	if (!p->open)
		return;
	p->open = false;
	if (!p->size)
		return;
	/* The assets' bytes (generate_assets.c) are data, not the module's code. */
	if (!strcmp(p->section, SIZE_ASSETS_SECTION))
		who = SIZE_ASSETS_ROW;
	if (!who)
		who = module_of_path(ctx, p->file);
	if (!who)
		who = archive_owner(src, p->file);
	if (!who && (sym = section_symbol(p->section)))
		who = owner_of(ctx, o, sym);
	if (!who && first_symbol)
		who = owner_of(ctx, o, first_symbol);
	row(ctx, r, who ? who : "(unattributed)")->bytes[p->cls] += p->size;
	r->total[p->cls] += p->size;
}

int size_analyze(struct uk_ctx *ctx, const char *map, const char *objdir,
		 const struct build_archive *archives, size_t narchives, struct size_report *out)
{
	char *text = fs_read(ctx, map, NULL);
	struct size_owners owners = {0};

	memset(out, 0, sizeof(*out));
	if (!text) {
		diag_error(ctx, srcpos_none, "cannot read the link map %s", map);
		return -1;
	}
	if (load_owners(ctx, objdir, &owners) != 0) {
		diag_error(ctx, srcpos_none, "llvm-nm failed on the objects in %s", objdir);
		return -1;
	}
	size_parse_map(ctx, text, &owners, archives, narchives, out);
	return 0;
}

void size_parse_map(struct uk_ctx *ctx, char *text, const struct size_owners *owners,
		    const struct build_archive *archives, size_t narchives, struct size_report *out)
{
	char *line, *save;
	struct sources src = {owners, archives, narchives};
	struct pending p = {0};
	enum size_class cls = SIZE_RODATA;
	bool alloc_section = false;

	memset(out, 0, sizeof(*out));
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		unsigned long long vma, lma, size, align;
		const char *rest;
		size_t indent = 0;

		/* lld: "%16llx %16llx %8llx %5llu " then the name, indented by 0
		 * (output section), 8 (input section) or 16 (symbol). */
		if (strlen(line) < 50 ||
		    sscanf(line, "%llx %llx %llx %llu", &vma, &lma, &size, &align) != 4)
			continue;
		rest = line + 49;
		while (rest[indent] == ' ')
			indent++;
		rest += indent;
		if (indent == 0) {
			settle(ctx, out, &src, &p, NULL);
			/* Non-allocated sections (symtab, comments) start at 0: not in the image.
			 */
			alloc_section = vma != 0;
			cls = size_class_of(rest);
			/* Symbol assignments (". = ALIGN(4096)") stand here too. */
			if (strchr(rest, ' '))
				continue;
			if (alloc_section && size) {
				struct size_row *s = CTX_PUSH(ctx, out->sections, out->nsections);

				s->name = ctx_strdup(ctx, rest);
				s->bytes[cls] = size;
			}
		} else if (indent == 8) {
			const char *paren = strstr(rest, ":(");

			settle(ctx, out, &src, &p, NULL);
			if (!alloc_section || !paren)
				continue;
			p.open = true;
			p.size = size;
			p.cls = cls;
			p.file = ctx_strndup(ctx, rest, (size_t)(paren - rest));
			p.section = ctx_strndup(ctx, paren + 2, strlen(paren + 2) - 1);
		} else {
			settle(ctx, out, &src, &p, rest);
		}
	}
	settle(ctx, out, &src, &p, NULL);
	if (out->n)
		qsort(out->rows, out->n, sizeof(*out->rows), cmp_row);
}
