/* uk size: where the bytes of an image go, and what LTO and --gc-sections
 * saved against a baseline built without them. */
#include <string.h>
#include <sys/stat.h>

#include "bake.h"
#include "build.h"
#include "commands.h"
#include "configure.h"
#include "fetch.h"
#include "fsutil.h"
#include "generate.h"
#include "report.h"
#include "size.h"
#include "strbuf.h"

static const char *const class_names[SIZE_NCLASSES] = {"text", "rodata", "data", "bss"};

static uint64_t image_bytes(const uint64_t v[SIZE_NCLASSES])
{
	return v[SIZE_TEXT] + v[SIZE_RODATA] + v[SIZE_DATA];
}

/* A module's image bytes in the baseline, 0 when it has no row there. */
static uint64_t baseline_of(const struct size_report *base, const char *name)
{
	size_t j;

	for (j = 0; j < base->n; j++)
		if (!strcmp(base->rows[j].name, name))
			return image_bytes(base->rows[j].bytes);
	return 0;
}

static uint64_t saving(uint64_t now, uint64_t was)
{
	return was > now ? was - now : 0;
}

static double saving_percent(uint64_t now, uint64_t was)
{
	return was ? 100.0 * (double)saving(now, was) / (double)was : 0.0;
}

static char *report_text(struct uk_ctx *ctx, struct build *b, const struct size_report *r,
			 const struct size_report *base)
{
	struct stat st;
	struct strbuf sb;
	size_t i;
	int c;
	uint64_t now = image_bytes(r->total), was = image_bytes(base->total);

	strbuf_init(&sb, ctx);
	strbuf_addf(&sb, "%s for %s: %s, %lld bytes on disk (stripped)\n\n", b->m->name,
		    b->target->name, fs_relative(b->image, b->m->dir),
		    stat(b->image, &st) == 0 ? (long long)st.st_size : -1LL);
	strbuf_addf(&sb, "%-16s", "module");
	for (c = 0; c < SIZE_NCLASSES; c++)
		strbuf_addf(&sb, " %9s", class_names[c]);
	strbuf_addf(&sb, " %9s %9s\n", "total", "baseline");
	for (i = 0; i < r->n; i++) {
		uint64_t base_total = baseline_of(base, r->rows[i].name);

		strbuf_addf(&sb, "%-16s", r->rows[i].name);
		for (c = 0; c < SIZE_NCLASSES; c++)
			strbuf_addf(&sb, " %9llu", (unsigned long long)r->rows[i].bytes[c]);
		strbuf_addf(&sb, " %9llu %9llu\n",
			    (unsigned long long)image_bytes(r->rows[i].bytes),
			    (unsigned long long)base_total);
	}
	strbuf_addf(&sb, "%-16s", "total");
	for (c = 0; c < SIZE_NCLASSES; c++)
		strbuf_addf(&sb, " %9llu", (unsigned long long)r->total[c]);
	strbuf_addf(&sb, " %9llu %9llu\n\nsections:", (unsigned long long)now,
		    (unsigned long long)was);
	for (i = 0; i < r->nsections; i++) {
		uint64_t v = 0;

		for (c = 0; c < SIZE_NCLASSES; c++)
			v += r->sections[i].bytes[c];
		strbuf_addf(&sb, " %s %llu", r->sections[i].name, (unsigned long long)v);
	}
	strbuf_adds(&sb, "\n");
	if (bake_wanted(b))
		strbuf_addf(&sb,
			    "\nassets: %zu files, %llu bytes, %llu bytes of gzip variants (the "
			    "(assets) row, apart from code)\n",
			    b->nassets, (unsigned long long)b->assets_bytes,
			    (unsigned long long)b->assets_gzip_bytes);
	strbuf_addf(&sb,
		    "\ntext+rodata+data: %llu bytes with LTO and --gc-sections, %llu without "
		    "(baseline); saved %llu bytes (%.1f%%)\n"
		    "(bss takes no space in the file; 'total' and 'baseline' leave it out)\n",
		    (unsigned long long)now, (unsigned long long)was,
		    (unsigned long long)saving(now, was), saving_percent(now, was));
	return sb.s;
}

/* One row as JSON: bytes per class, "total" (what the file holds) and
 * "baseline" (the same without LTO and --gc-sections). */
static void row_json(struct json *j, const char *name, const uint64_t v[SIZE_NCLASSES],
		     uint64_t baseline)
{
	int c;

	json_object_begin(j);
	if (name)
		json_field_string(j, "name", name);
	for (c = 0; c < SIZE_NCLASSES; c++)
		json_field_uint(j, class_names[c], v[c]);
	json_field_uint(j, "total", image_bytes(v));
	json_field_uint(j, "baseline", baseline);
	json_object_end(j);
}

/* "assets": what the image holds of the assets folder, null without the
 * assets module. */
static void assets_json(struct json *j, const struct build *b)
{
	json_key(j, "assets");
	if (!bake_wanted(b)) {
		json_null(j);
		return;
	}
	json_object_begin(j);
	json_field_uint(j, "files", b->nassets);
	json_field_uint(j, "bytes", b->assets_bytes);
	json_field_uint(j, "gzip_bytes", b->assets_gzip_bytes);
	json_object_end(j);
}

static void report_sizes(struct report *rep, const struct build *b, const struct size_report *r,
			 const struct size_report *base)
{
	struct json *j = &rep->j;
	uint64_t now = image_bytes(r->total), was = image_bytes(base->total);
	size_t i;
	int c;

	json_key(j, "sizes");
	json_object_begin(j);
	json_key(j, "modules");
	json_array_begin(j);
	for (i = 0; i < r->n; i++)
		row_json(j, r->rows[i].name, r->rows[i].bytes, baseline_of(base, r->rows[i].name));
	json_array_end(j);
	json_key(j, "total");
	row_json(j, NULL, r->total, was);
	json_key(j, "sections");
	json_array_begin(j);
	for (i = 0; i < r->nsections; i++) {
		uint64_t v = 0;

		json_object_begin(j);
		json_field_string(j, "name", r->sections[i].name);
		json_field_string(j, "class", class_names[size_class_of(r->sections[i].name)]);
		for (c = 0; c < SIZE_NCLASSES; c++)
			v += r->sections[i].bytes[c];
		json_field_uint(j, "bytes", v);
		json_object_end(j);
	}
	json_array_end(j);
	json_key(j, "lto_saving");
	json_object_begin(j);
	json_field_uint(j, "bytes", saving(now, was));
	json_key(j, "percent");
	json_fixed1(j, saving_percent(now, was));
	json_object_end(j);
	assets_json(j, b);
	json_object_end(j);
}

/* Builds the image and its baseline and measures both. */
static int measure(struct uk_ctx *ctx, struct cmd_args *a, struct cmd_opts *o, struct build *b,
		   struct size_report *now, struct size_report *base)
{
	const char *name;
	enum uk_exit rc;

	if ((rc = build_prepare(ctx, cmd_manifest_path(ctx, a), o->target, b)) != UK_EXIT_OK ||
	    (rc = fetch_run(b)) != UK_EXIT_OK || (rc = configure_run(b)) != UK_EXIT_OK ||
	    (rc = generate_run(b)) != UK_EXIT_OK)
		return rc;
	if (build_ninja(b, NULL) != 0 || build_ninja(b, "baseline") != 0)
		return UK_EXIT_BUILD;
	name = fs_basename(b->image);
	if (size_analyze(ctx, fs_join(ctx, b->dir, ctx_printf(ctx, "%s.elf.map", name)),
			 fs_join(ctx, b->dir, "obj"), b->archives, b->narchives, now) != 0 ||
	    size_analyze(ctx, fs_join(ctx, b->dir, ctx_printf(ctx, "base/%s.elf.map", name)),
			 fs_join(ctx, b->dir, "base"), b->archives, b->narchives, base) != 0)
		return UK_EXIT_TOOL;
	return UK_EXIT_OK;
}

int cmd_size(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {"target", "json", NULL};
	struct cmd_opts o;
	struct build b;
	struct size_report now, base;
	struct report r;
	char *text;
	int rc;

	if (cmd_parse(ctx, a, "size", allowed, &o) != 0)
		return report_usage(ctx, a, "size");
	if (o.json)
		report_begin(&r, ctx, "size");
	rc = measure(ctx, a, &o, &b, &now, &base);
	if (rc == UK_EXIT_OK) {
		text = report_text(ctx, &b, &now, &base);
		if (fs_write_if_changed(ctx, fs_join(ctx, b.dir, "size.txt"), text, strlen(text)))
			rc = UK_EXIT_IO;
	}
	if (o.json) {
		report_build(&r, &b, b.fetched);
		report_image(&r, rc == UK_EXIT_OK ? b.image : NULL);
		if (rc == UK_EXIT_OK)
			report_sizes(&r, &b, &now, &base);
		else
			json_field_string(&r.j, "sizes", NULL);
		return report_end(&r, rc);
	}
	if (rc != UK_EXIT_OK)
		return rc;
	fputs(text, stdout);
	return UK_EXIT_OK;
}
