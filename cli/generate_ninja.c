/* build.ninja: variables first (the flags every source gets, then each
 * module's, the link's), then the rules, one compile edge per source (and
 * one for the size baseline), the link and the strip. */
#include "generate.h"

#include <string.h>

#include "bake.h"
#include "escape.h"
#include "fsutil.h"
#include "strbuf.h"

/* s cannot be written into build.ninja: an error, once for each value. */
static void unwritable(struct uk_ctx *ctx, const char *s)
{
	const struct diag_log *log = diag_log(ctx);
	char *msg = ctx_printf(ctx,
			       "%s cannot be written into build.ninja: ninja has no escape for a "
			       "newline, a carriage return or a '|' in a path",
			       escape_c_string(ctx, s));
	size_t i;

	for (i = 0; i < log->n; i++)
		if (!strcmp(log->records[i].message, msg))
			return;
	diag_error(ctx, srcpos_none, "%s", msg);
}

/* s escaped by esc, one of escape.h's ninja functions. */
static void add_escaped(struct strbuf *sb, const char *s,
			const char *(*esc)(struct uk_ctx *, const char *))
{
	const char *e = esc(sb->ctx, s);

	if (e)
		strbuf_adds(sb, e);
	else
		unwritable(sb->ctx, s);
}

/* Text of a ninja variable's value, as it is (not a command's word). */
static void add_value(struct strbuf *sb, const char *s)
{
	add_escaped(sb, s, escape_ninja);
}

/* A path of a build line, where space, ':' and '|' end a path as well. */
static void add_path(struct strbuf *sb, const char *s)
{
	add_escaped(sb, s, escape_ninja_path);
}

/* " word" in a variable that a command expands: ninja runs commands with
 * /bin/sh, so the word is quoted for the shell, then escaped for ninja. */
static void add_word(struct strbuf *sb, const char *s)
{
	strbuf_addc(sb, ' ');
	if (escape_ninja(sb->ctx, s))
		add_value(sb, escape_shell(sb->ctx, s));
	else
		unwritable(sb->ctx, s);
}

/* The name of the flags variable of module i, or of the app (i == res->n):
 * flags_<name>, with what a ninja name may not hold turned into '_'. */
static const char *flags_var(struct build *b, size_t i)
{
	char *s =
	    ctx_printf(b->ctx, "flags_%s", i == b->res->n ? "app" : b->res->mods[i].mod->name);
	char *p;

	for (p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			*p = '_';
	return s;
}

/* Marks module i and everything it requires, transitively. */
static void mark_deps(const struct resolution *res, size_t i, bool *mark)
{
	size_t j;

	if (mark[i])
		return;
	mark[i] = true;
	for (j = 0; j < res->mods[i].ndeps; j++)
		mark_deps(res, res->mods[i].deps[j], mark);
}

static void add_flag(struct strbuf *sb, const char *flag, const char *arg)
{
	add_word(sb, ctx_printf(sb->ctx, "%s%s", flag, arg));
}

/* -I flags for module i (its own and its dependencies' include dirs), or
 * for the app and glue (every module's, then the app's) when i == res->n. */
static void include_flags(struct strbuf *sb, struct build *b, size_t i)
{
	struct uk_ctx *ctx = b->ctx;
	const struct resolution *res = b->res;
	bool *mark = ctx_alloc(ctx, res->n + 1), host = false;
	size_t j, k;

	add_flag(sb, "-I", fs_join(ctx, b->dir, "include"));
	add_flag(sb, "-I", fs_join(ctx, ctx->home, "platform/include"));
	if (i < res->n)
		mark_deps(res, i, mark);
	for (j = 0; j < res->n; j++) {
		const struct module *mod = res->mods[j].mod;

		if (i < res->n && !mark[j])
			continue;
		host = host || mod->nhost_headers;
		for (k = 0; k < mod->ninclude; k++)
			add_flag(sb, "-I", fs_join(ctx, mod->dir, mod->include[k]));
	}
	for (k = 0; i == res->n && k < b->m->ninclude; k++)
		add_flag(sb, "-I", fs_join(ctx, b->m->dir, b->m->include[k].text));
	if (host) {
		add_word(sb, "-isystem");
		add_word(sb, fs_join(ctx, b->dir, "host-include"));
	}
}

static void flag_list(struct strbuf *sb, const char *const *flags, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		add_word(sb, flags[i]);
}

/* cflags: what every source gets: target, freestanding, LTO and sections,
 * and the prefix maps that keep build paths out of the image. */
static void emit_common_flags(struct strbuf *sb, struct build *b)
{
	struct uk_ctx *ctx = b->ctx;
	const char *const words[] = {
	    ctx_printf(ctx, "--target=%s", b->target->triple),
	    "-std=c11",
	    "-ffreestanding",
	    "-nostdinc",
	    "-isystem",
	    ctx_printf(ctx, "%s/include", b->resource_dir),
	    "-O2",
	    "-flto",
	    "-ffunction-sections",
	    "-fdata-sections",
	    "-fno-common",
	    "-fno-ident",
	    "-Wall",
	    "-Wextra",
	    ctx_printf(ctx, "-ffile-prefix-map=%s=uk", ctx->home),
	    ctx_printf(ctx, "-ffile-prefix-map=%s=app", b->m->dir),
	};

	strbuf_adds(sb, "# Every source: target, freestanding, LTO and sections; the prefix\n"
			"# maps keep build paths out of the image.\ncflags =");
	flag_list(sb, words, sizeof(words) / sizeof(words[0]));
	flag_list(sb, b->target->cflags, b->target->ncflags);
	strbuf_addc(sb, '\n');
}

/* flags_<module>: cflags, the include dirs a module may see, its cflags;
 * flags_app likewise with every include dir; flags_glue without the app's
 * cflags. Defined once, used by every edge of the module. */
static void emit_module_flags(struct strbuf *sb, struct build *b)
{
	const struct resolution *res = b->res;
	size_t i;

	strbuf_adds(sb, "# Each module's: the include dirs of what it requires, its cflags.\n");
	for (i = 0; i <= res->n; i++) {
		strbuf_addf(sb, "%s = $cflags", flags_var(b, i));
		include_flags(sb, b, i);
		if (i == res->n)
			flag_list(sb, b->m->cflags, b->m->ncflags);
		else
			flag_list(sb, res->mods[i].mod->cflags, res->mods[i].mod->ncflags);
		strbuf_addc(sb, '\n');
	}
	strbuf_adds(sb, "flags_glue = $cflags");
	include_flags(sb, b, res->n);
	strbuf_addc(sb, '\n');
}

/* ldflags and archives, which the link rule uses. */
static void emit_link_vars(struct strbuf *sb, struct build *b)
{
	size_t i;

	strbuf_adds(sb, "ldflags = -static -nostdlib --build-id=sha1 -z noexecstack");
	flag_list(sb, b->target->ldflags, b->target->nldflags);
	strbuf_adds(sb, "\narchives =");
	for (i = 0; i < b->narchives; i++)
		add_word(sb, b->archives[i].path);
	strbuf_adds(sb, "\n\n");
}

static void emit_rules(struct strbuf *sb, struct build *b)
{
	/* An arm64 Image is the raw bytes of the image, loaded as they are. */
	const char *post = !strcmp(b->target->image, "arm64-image")
			       ? "llvm-objcopy -O binary $in $out"
			       : "llvm-objcopy --strip-all $in $out";

	strbuf_adds(sb, "rule cc\n  command = clang -MD -MF $out.d $flags -c $in -o $out\n"
			"  depfile = $out.d\n  deps = gcc\n  description = CC $src\n\n");
	strbuf_adds(sb, "rule link\n  command = ld.lld $ldflags $linkflags -T link.ld "
			"-Map=$out.map -o $out @$out.rsp $archives\n"
			"  rspfile = $out.rsp\n  rspfile_content = $in\n"
			"  description = LINK $out\n\n");
	strbuf_addf(sb, "rule strip\n  command = %s\n  description = STRIP $out\n\n", post);
}

/* Two edges for one source: the image's object and the baseline's
 * (-fno-lto); their paths are added to objs and base. implicit, when not
 * NULL, is " | <paths>" that the compile reads besides the source. */
static void emit_compile(struct strbuf *sb, const char *obj, const char *src, const char *var,
			 const char *shown, const char *implicit, struct strbuf *objs,
			 struct strbuf *base)
{
	static const char *const dirs[] = {"obj", "base"};
	int k;

	for (k = 0; k < 2; k++) {
		struct strbuf *list = k ? base : objs;

		strbuf_addf(sb, "build ");
		add_path(sb, dirs[k]);
		strbuf_addc(sb, '/');
		add_path(sb, obj);
		strbuf_adds(sb, ": cc ");
		add_path(sb, src);
		strbuf_adds(sb, implicit ? implicit : "");
		strbuf_addf(sb, "\n  flags = $%s%s\n  src = ", var, k ? " -fno-lto" : "");
		add_value(sb, shown);
		strbuf_addc(sb, '\n');
		strbuf_addf(list, " %s/", dirs[k]);
		add_path(list, obj);
	}
}

/* The assets module's table and, when there are files, their bytes: the
 * data file reads _assets/<hash>[.gz] with .incbin, which clang's depfile
 * does not name, so they are the edge's implicit inputs. Under obj/assets/
 * so that uk size counts the table as the module's. */
static void emit_assets(struct strbuf *sb, struct build *b, struct strbuf *objs,
			struct strbuf *base)
{
	emit_compile(sb, "assets/uk_assets_table.c.o", "uk_assets_table.c", "flags_glue",
		     "uk_assets_table.c", NULL, objs, base);
	if (b->nassets)
		emit_compile(sb, "assets/uk_assets_data.S.o", "uk_assets_data.S", "flags_glue",
			     "uk_assets_data.S", generate_assets_inputs(b), objs, base);
}

/* The compile edges of every module's sources, the app's and the glue's. */
static void emit_objects(struct strbuf *sb, struct build *b, struct strbuf *objs,
			 struct strbuf *base)
{
	struct uk_ctx *ctx = b->ctx;
	const struct resolution *res = b->res;
	size_t i, j;

	for (i = 0; i <= res->n; i++) {
		bool app = i == res->n;
		const char *name = app ? "app" : res->mods[i].mod->name;
		const char *root = app ? b->m->dir : res->mods[i].mod->dir;
		const struct build_source_list *srcs = &b->sources[i];

		for (j = 0; j < srcs->n; j++) {
			const char *src = srcs->paths[j], *rel = fs_relative(src, root);

			emit_compile(sb, ctx_printf(ctx, "%s/%s.o", name, rel), src,
				     flags_var(b, i), app ? rel : fs_relative(src, ctx->home), NULL,
				     objs, base);
		}
	}
	/* The glue: its data, and the fixed runner from uk's data (obj/glue/, so
	 * that uk size counts it as the glue's). */
	emit_compile(sb, "glue.o", "glue.c", "flags_glue", "glue.c", NULL, objs, base);
	emit_compile(sb, "glue/glue_run.o", fs_join(ctx, ctx->home, "platform/glue/glue_run.c"),
		     "flags_glue", "platform/glue/glue_run.c", NULL, objs, base);
	if (bake_wanted(b))
		emit_assets(sb, b, objs, base);
}

/* The image: link with --gc-sections, strip; and the baseline of uk size. */
static void emit_link(struct strbuf *sb, struct build *b, const char *objs, const char *base)
{
	const char *name = fs_basename(b->image);
	struct strbuf libs;
	size_t i;

	strbuf_init(&libs, b->ctx);
	for (i = 0; i < b->narchives; i++) {
		strbuf_addc(&libs, ' ');
		add_path(&libs, b->archives[i].path);
	}
	strbuf_addf(sb, "\nbuild %s.elf | %s.elf.map: link%s | link.ld%s\n", name, name, objs,
		    libs.s);
	strbuf_addf(sb, "  linkflags = --gc-sections --icf=all\nbuild %s: strip %s.elf\n", name,
		    name);
	strbuf_adds(sb, "\n# The baseline for uk size: no LTO, no --gc-sections.\n");
	strbuf_addf(sb, "build base/%s.elf | base/%s.elf.map: link%s | link.ld%s\n", name, name,
		    base, libs.s);
	strbuf_addf(sb, "  linkflags = --no-gc-sections\nbuild baseline: phony base/%s.elf\n\n",
		    name);
	strbuf_addf(sb, "default %s\n", name);
}

enum uk_exit generate_ninja(struct build *b)
{
	struct uk_ctx *ctx = b->ctx;
	struct strbuf sb, objs, base;
	int errors = ctx->errors;

	strbuf_init(&sb, ctx);
	strbuf_init(&objs, ctx);
	strbuf_init(&base, ctx);
	strbuf_addf(&sb,
		    "# Generated by uk build from %s/uk.yaml for %s; do not edit.\n"
		    "ninja_required_version = 1.10\n\n",
		    b->m->name, b->target->name);
	emit_common_flags(&sb, b);
	emit_module_flags(&sb, b);
	emit_link_vars(&sb, b);
	emit_rules(&sb, b);
	emit_objects(&sb, b, &objs, &base);
	emit_link(&sb, b, objs.s, base.s);
	if (ctx->errors != errors)
		return UK_EXIT_INPUT; /* a value ninja cannot hold (unwritable) */
	return build_write(b, fs_join(ctx, b->dir, "build.ninja"), sb.s, sb.len);
}
