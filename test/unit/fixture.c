/* Scratch directories and captured diagnostics for the unit tests. */
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"

void fixture_setup(struct fixture *f)
{
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";

	memset(f, 0, sizeof(*f));
	snprintf(f->dir, sizeof(f->dir), "%s/uk-unit-XXXXXX", tmp);
	if (!mkdtemp(f->dir))
		abort();
	ctx_init(&f->ctx, open_memstream(&f->errbuf, &f->errlen));
	f->ctx.home = f->dir;
}

void fixture_teardown(struct fixture *f)
{
	fclose(f->ctx.err);
	free(f->errbuf);
	ctx_free(&f->ctx);
	fs_rm_rf(f->dir);
}

void fixture_write(struct fixture *f, const char *rel, const char *text)
{
	const char *path = fixture_path(f, rel);
	FILE *out;

	if (fs_mkdir_p(&f->ctx, fs_dirname(&f->ctx, path)) != 0)
		abort();
	out = fopen(path, "w");
	if (!out)
		abort();
	fputs(text, out);
	fclose(out);
}

const char *fixture_path(struct fixture *f, const char *rel)
{
	return fs_join(&f->ctx, f->dir, rel);
}

const char *fixture_errors(struct fixture *f)
{
	fflush(f->ctx.err);
	return f->errbuf ? f->errbuf : "";
}

void fixture_module(struct fixture *f, const char *name, const char *yaml)
{
	fixture_write(f, ctx_printf(&f->ctx, "libs/%s/module.yaml", name), yaml);
}

void fixture_target(struct fixture *f)
{
	fixture_write(f, "targets/hosted-x86_64.yaml",
		      "name: hosted/x86_64\nplatform: hosted\narch: x86_64\n"
		      "triple: x86_64-unknown-linux-gnu\nrequires: [platform]\n"
		      "linker: hosted-x86_64.ld.in\nimage: elf\n");
	fixture_write(f, "targets/xen-x86_64.yaml",
		      "name: xen/x86_64\nplatform: xen\narch: x86_64\n"
		      "triple: x86_64-unknown-none-elf\nrequires: [platform]\n"
		      "linker: xen-x86_64.ld.in\nimage: pvh-elf\n");
}

#include <setjmp.h>
#include <stdarg.h>
#include <cmocka.h>

#include "build.h"

void fixture_build(struct fixture *f, const char *manifest, struct build *b)
{
	fixture_write(f, "app/uk.yaml", manifest);
	if (build_prepare(&f->ctx, fixture_path(f, "app/uk.yaml"), NULL, b) != 0)
		fail_msg("build_prepare failed: %s", fixture_errors(f));
	assert_int_equal(fs_mkdir_p(&f->ctx, b->dir), 0);
}

int fixture_cmocka_setup(void **state)
{
	static struct fixture f;

	fixture_setup(&f);
	*state = &f;
	return 0;
}

int fixture_cmocka_teardown(void **state)
{
	fixture_teardown(*state);
	return 0;
}
