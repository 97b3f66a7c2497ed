/* --json reports of uk build, check, deps and size: one JSON document on
 * stdout in the schema of docs/ci.md. While the verb runs, what would go to
 * stdout (ninja's progress, kconfig's) goes to stderr instead. */
#ifndef UK_REPORT_H
#define UK_REPORT_H

#include <stdbool.h>

#include "build.h"
#include "commands.h"
#include "json.h"

/* Raised when a field changes meaning or goes away; new fields keep it. */
#define REPORT_SCHEMA 1

struct report {
	struct uk_ctx *ctx;
	struct json j;
	FILE *mem; /* the document, printed at report_end */
	char *text;
	size_t len;
	int saved_stdout; /* the real stdout while it goes to stderr */
};

/* Opens the document: "schema", "command". */
void report_begin(struct report *r, struct uk_ctx *ctx, const char *command);
/* "app", "target" and "modules" (in init order) as far as build_prepare
 * got; a module's content hash (as in uk.lock) only when hashes, that is
 * after fetch_run fetched the archives (b->fetched), else null. */
void report_build(struct report *r, struct build *b, bool hashes);
/* "image": its path (from the working directory), sha256 and bytes; null
 * when path is NULL. */
void report_image(struct report *r, const char *path);
/* "file", "line", "column" of a place; null where unknown. */
void report_position(struct report *r, struct srcpos pos);
/* Closes the document with "ok", "exit_status" and "diagnostics", prints it
 * on the real stdout and returns status. */
int report_end(struct report *r, int status);

/* A verb whose arguments were wrong: when --json is among them, the report
 * of that. Returns UK_EXIT_USAGE. */
int report_usage(struct uk_ctx *ctx, const struct cmd_args *a, const char *command);

#endif
