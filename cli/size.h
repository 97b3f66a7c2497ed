/* The size report: bytes per module and per section of an image, from the
 * lld link map and the symbols each module's objects define. */
#ifndef UK_SIZE_H
#define UK_SIZE_H

#include <stdint.h>

#include "build.h"

enum size_class { SIZE_TEXT, SIZE_RODATA, SIZE_DATA, SIZE_BSS, SIZE_NCLASSES };

/* The section of the assets' bytes, and their row in a report. */
#define SIZE_ASSETS_SECTION ".rodata.uk_assets"
#define SIZE_ASSETS_ROW	    "(assets)"

struct size_row {
	const char *name; /* module, "app", "glue", "(assets)" or "(unattributed)" */
	uint64_t bytes[SIZE_NCLASSES];
};

struct size_report {
	struct size_row *rows; /* sorted by name, "(unattributed)" last */
	size_t n;
	uint64_t total[SIZE_NCLASSES];
	struct size_row *sections; /* output sections with their class and size */
	size_t nsections;
};

/* Reads map (an lld -Map file); symbol owners come from the objects under
 * objdir (obj/<module>/...): llvm-nm says which module defines which name;
 * sections from a module's prebuilt archives are that module's. */
int size_analyze(struct uk_ctx *ctx, const char *map, const char *objdir,
		 const struct build_archive *archives, size_t narchives, struct size_report *out);

/* Which module defines which symbol: the owners of a map's sections. */
struct size_owner {
	const char *symbol, *module;
};
struct size_owners {
	struct size_owner *v; /* sorted by symbol once size_owners_sort ran */
	size_t n;
};
void size_owners_add(struct uk_ctx *ctx, struct size_owners *o, const char *symbol,
		     const char *module);
void size_owners_sort(struct size_owners *o);

/* The parsing half of size_analyze: an lld link map's text (changed in
 * place) into out. The section .rodata.uk_assets belongs to "(assets)",
 * another to the module of its object (obj/<module>/...,
 * base/<module>/...), else to the module whose archive
 * it came from, else to the owner of the symbol it is named after
 * (.text.foo, with LTO's ".llvm.123" suffix dropped), else to the owner
 * of its first symbol, else to "(unattributed)". Only allocated sections
 * (address not 0) count. */
void size_parse_map(struct uk_ctx *ctx, char *map, const struct size_owners *owners,
		    const struct build_archive *archives, size_t narchives,
		    struct size_report *out);

/* The class of an output section name (.text*, .rodata*, .data*, .bss*). */
enum size_class size_class_of(const char *section);

#endif
