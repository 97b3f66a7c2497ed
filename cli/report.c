/* The parts of --json reports that verbs share: the envelope, the app and
 * its modules, the image, the diagnostics. */
#include "report.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "fsutil.h"
#include "lock.h"

void report_begin(struct report *r, struct uk_ctx *ctx, const char *command)
{
	r->ctx = ctx;
	r->text = NULL;
	r->len = 0;
	r->mem = open_memstream(&r->text, &r->len);
	if (!r->mem) {
		fputs("uk: out of memory\n", stderr);
		abort();
	}
	fflush(stdout);
	r->saved_stdout = dup(STDOUT_FILENO);
	dup2(STDERR_FILENO, STDOUT_FILENO);
	json_init(&r->j, r->mem);
	json_object_begin(&r->j);
	json_field_int(&r->j, "schema", REPORT_SCHEMA);
	json_field_string(&r->j, "command", command);
}

static void module_json(struct report *r, struct build *b, size_t i, bool hashes)
{
	const struct resolved *m = &b->res->mods[i];
	struct json *j = &r->j;
	size_t k;

	json_object_begin(j);
	json_field_string(j, "name", m->mod->name);
	json_field_string(j, "version", m->mod->version_text);
	json_field_string(j, "capability", m->capability);
	json_field_string(j, "reason", m->reason);
	json_key(j, "init");
	if (m->mod->init_fn) {
		json_object_begin(j);
		json_field_string(j, "function", m->mod->init_fn);
		json_field_string(j, "level", init_level_name(m->mod->init_level));
		json_object_end(j);
	} else {
		json_null(j);
	}
	json_key(j, "requires");
	json_array_begin(j);
	for (k = 0; k < m->ndeps; k++)
		json_string(j, b->res->mods[m->deps[k]].mod->name);
	json_array_end(j);
	json_field_string(j, "hash", hashes ? lock_module_hash(b, m->mod) : NULL);
	json_object_end(j);
}

void report_build(struct report *r, struct build *b, bool hashes)
{
	struct json *j = &r->j;
	size_t i;

	json_key(j, "app");
	if (b->m) {
		json_object_begin(j);
		json_field_string(j, "name", b->m->name);
		json_field_string(j, "version", b->m->version);
		json_object_end(j);
	} else {
		json_null(j);
	}
	json_field_string(j, "target", b->target ? b->target->name : NULL);
	json_key(j, "modules");
	json_array_begin(j);
	for (i = 0; b->res && i < b->res->n; i++)
		module_json(r, b, i, hashes);
	json_array_end(j);
}

void report_image(struct report *r, const char *path)
{
	struct json *j = &r->j;
	const char *cwd, *hash;
	struct stat st;

	json_key(j, "image");
	if (!path || stat(path, &st) != 0) {
		json_null(j);
		return;
	}
	cwd = fs_realpath(r->ctx, ".");
	hash = lock_hash_file(r->ctx, path);
	json_object_begin(j);
	json_field_string(j, "path", cwd ? fs_relative(path, cwd) : path);
	/* uk.lock writes "sha256:<hex>"; here the bare hex, as sha256sum. */
	json_field_string(j, "sha256", strncmp(hash, "sha256:", 7) ? NULL : hash + 7);
	json_field_uint(j, "bytes", (uint64_t)st.st_size);
	json_object_end(j);
}

void report_position(struct report *r, struct srcpos pos)
{
	struct json *j = &r->j;

	json_field_string(j, "file", pos.file);
	json_key(j, "line");
	if (pos.line)
		json_int(j, pos.line);
	else
		json_null(j);
	json_key(j, "column");
	if (pos.col)
		json_int(j, pos.col);
	else
		json_null(j);
}

static void diagnostics_json(struct report *r)
{
	const struct diag_log *log = diag_log(r->ctx);
	struct json *j = &r->j;
	size_t i, k;

	json_key(j, "diagnostics");
	json_array_begin(j);
	for (i = 0; i < log->n; i++) {
		const struct diag_record *d = &log->records[i];

		json_object_begin(j);
		json_field_string(j, "severity", d->severity);
		report_position(r, d->pos);
		json_field_string(j, "message", d->message);
		json_key(j, "notes");
		json_array_begin(j);
		for (k = 0; k < d->nnotes; k++) {
			json_object_begin(j);
			json_field_string(j, "label", d->notes[k].label);
			json_field_string(j, "message", d->notes[k].message);
			json_object_end(j);
		}
		json_array_end(j);
		json_object_end(j);
	}
	json_array_end(j);
}

int report_end(struct report *r, int status)
{
	json_field_bool(&r->j, "ok", status == UK_EXIT_OK);
	json_field_int(&r->j, "exit_status", status);
	diagnostics_json(r);
	json_object_end(&r->j);
	fclose(r->mem);
	fflush(stdout);
	dup2(r->saved_stdout, STDOUT_FILENO);
	close(r->saved_stdout);
	fwrite(r->text, 1, r->len, stdout);
	fflush(stdout);
	free(r->text);
	return status;
}

int report_usage(struct uk_ctx *ctx, const struct cmd_args *a, const char *command)
{
	struct report r;
	int i;

	for (i = 0; i < a->argc; i++)
		if (!strcmp(a->argv[i], "--json")) {
			report_begin(&r, ctx, command);
			return report_end(&r, UK_EXIT_USAGE);
		}
	return UK_EXIT_USAGE;
}
