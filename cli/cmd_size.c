/* uk size: where the bytes of an image go, and what LTO and --gc-sections
 * saved against a baseline built without them. */
#include <string.h>
#include <sys/stat.h>

#include "build.h"
#include "commands.h"
#include "fsutil.h"
#include "size.h"

static const char *const class_names[SIZE_NCLASSES] = {"text", "rodata", "data", "bss"};

static uint64_t image_bytes(const uint64_t v[SIZE_NCLASSES])
{
	return v[SIZE_TEXT] + v[SIZE_RODATA] + v[SIZE_DATA];
}

static char *report_text(struct uk_ctx *ctx, struct build *b, const struct size_report *r,
			 const struct size_report *base)
{
	struct stat st;
	char *s;
	size_t i;
	int c;
	uint64_t now = image_bytes(r->total), was = image_bytes(base->total);

	s = ctx_printf(ctx, "%s for %s: %s, %lld bytes on disk (stripped)\n\n", b->m->name,
		       b->target->name, fs_relative(b->image, b->m->dir),
		       stat(b->image, &st) == 0 ? (long long)st.st_size : -1LL);
	s = ctx_printf(ctx, "%s%-16s", s, "module");
	for (c = 0; c < SIZE_NCLASSES; c++)
		s = ctx_printf(ctx, "%s %9s", s, class_names[c]);
	s = ctx_printf(ctx, "%s %9s %9s\n", s, "total", "baseline");
	for (i = 0; i < r->n; i++) {
		uint64_t base_total = 0;
		size_t j;

		for (j = 0; j < base->n; j++)
			if (!strcmp(base->rows[j].name, r->rows[i].name))
				base_total = image_bytes(base->rows[j].bytes);
		s = ctx_printf(ctx, "%s%-16s", s, r->rows[i].name);
		for (c = 0; c < SIZE_NCLASSES; c++)
			s = ctx_printf(ctx, "%s %9llu", s, (unsigned long long)r->rows[i].bytes[c]);
		s = ctx_printf(ctx, "%s %9llu %9llu\n", s,
			       (unsigned long long)image_bytes(r->rows[i].bytes),
			       (unsigned long long)base_total);
	}
	s = ctx_printf(ctx, "%s%-16s", s, "total");
	for (c = 0; c < SIZE_NCLASSES; c++)
		s = ctx_printf(ctx, "%s %9llu", s, (unsigned long long)r->total[c]);
	s = ctx_printf(ctx, "%s %9llu %9llu\n\nsections:", s, (unsigned long long)now,
		       (unsigned long long)was);
	for (i = 0; i < r->nsections; i++) {
		uint64_t v = 0;

		for (c = 0; c < SIZE_NCLASSES; c++)
			v += r->sections[i].bytes[c];
		s = ctx_printf(ctx, "%s %s %llu", s, r->sections[i].name, (unsigned long long)v);
	}
	s = ctx_printf(
	    ctx,
	    "%s\n\ntext+rodata+data: %llu bytes with LTO and --gc-sections, %llu without "
	    "(baseline); saved %llu bytes (%.1f%%)\n"
	    "(bss takes no space in the file; 'total' and 'baseline' leave it out)\n",
	    s, (unsigned long long)now, (unsigned long long)was,
	    (unsigned long long)(was > now ? was - now : 0),
	    was ? 100.0 * (double)(was > now ? was - now : 0) / (double)was : 0.0);
	return s;
}

int cmd_size(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {"target", NULL};
	struct cmd_opts o;
	struct build b;
	struct size_report now, base;
	const char *name;
	char *text;

	if (cmd_parse(ctx, a, "size", allowed, &o) != 0)
		return 2;
	if (build_prepare(ctx, cmd_manifest_path(ctx, a), o.target, &b) != 0)
		return 1;
	if (build_generate(&b) != 0)
		return 1;
	if (build_ninja(&b, NULL) != 0 || build_ninja(&b, "baseline") != 0)
		return 1;
	name = fs_basename(b.image);
	if (size_analyze(ctx, fs_join(ctx, b.dir, ctx_printf(ctx, "%s.elf.map", name)),
			 fs_join(ctx, b.dir, "obj"), b.archives, b.narchives, &now) != 0 ||
	    size_analyze(ctx, fs_join(ctx, b.dir, ctx_printf(ctx, "base/%s.elf.map", name)),
			 fs_join(ctx, b.dir, "base"), b.archives, b.narchives, &base) != 0)
		return 1;
	text = report_text(ctx, &b, &now, &base);
	fputs(text, stdout);
	return fs_write_if_changed(ctx, fs_join(ctx, b.dir, "size.txt"), text, strlen(text)) ? 1
											     : 0;
}
