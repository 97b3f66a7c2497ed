/* The size report: bytes per module and per section of an image, from the
 * lld link map and the symbols each module's objects define. */
#ifndef UK_SIZE_H
#define UK_SIZE_H

#include <stdint.h>

#include "build.h"

enum size_class { SIZE_TEXT, SIZE_RODATA, SIZE_DATA, SIZE_BSS, SIZE_NCLASSES };

struct size_row {
	const char *name; /* module, "app", "glue" or "(unattributed)" */
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

/* The class of an output section name (.text*, .rodata*, .data*, .bss*). */
enum size_class size_class_of(const char *section);

#endif
