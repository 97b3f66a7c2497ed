/* Helpers for the CLI unit tests: a scratch directory with files in it, and
 * a context whose diagnostics are captured in memory. */
#ifndef UK_TEST_FIXTURE_H
#define UK_TEST_FIXTURE_H

#include "ctx.h"

struct fixture {
	struct uk_ctx ctx;
	char dir[256]; /* a fresh directory under $TMPDIR */
	char *errbuf;  /* what diagnostics printed so far */
	size_t errlen;
};

void fixture_setup(struct fixture *f);
void fixture_teardown(struct fixture *f);
/* CMocka's setup and teardown around one test: an empty fixture in *state. */
int fixture_cmocka_setup(void **state);
int fixture_cmocka_teardown(void **state);
/* Writes dir/rel (creating parent directories) with text. */
void fixture_write(struct fixture *f, const char *rel, const char *text);
/* Full path of dir/rel, owned by the fixture's context. */
const char *fixture_path(struct fixture *f, const char *rel);
/* The diagnostics printed so far, NUL-terminated. */
const char *fixture_errors(struct fixture *f);

/* A small home: libs/ with the modules given as "name:module.yaml text"
 * pairs and a hosted/x86_64 target requiring 'platform'. */
void fixture_module(struct fixture *f, const char *name, const char *yaml);
void fixture_target(struct fixture *f);

struct build;
/* Writes app/uk.yaml with manifest and prepares a build of it against the
 * fixture's home; asserts that it succeeds. */
void fixture_build(struct fixture *f, const char *manifest, struct build *b);
#endif
