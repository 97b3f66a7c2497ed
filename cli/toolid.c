/* toolid: a program's identity from its place on PATH and its file's
 * metadata (toolid.h). */
#include "toolid.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"

/* Where execvp finds name: the first directory of PATH holding an
 * executable regular file of that name (an empty entry is the current
 * directory, as for execvp). */
static const char *find_on_path(struct uk_ctx *ctx, const char *name)
{
	const char *path = getenv("PATH") ? getenv("PATH") : "/bin:/usr/bin";
	const char *p = path;

	if (strchr(name, '/'))
		return name;
	for (;;) {
		size_t len = strcspn(p, ":");
		const char *dir = len ? ctx_strndup(ctx, p, len) : ".";
		const char *file = fs_join(ctx, dir, name);
		struct stat st;

		if (stat(file, &st) == 0 && S_ISREG(st.st_mode) && access(file, X_OK) == 0)
			return file;
		if (!p[len])
			return NULL;
		p += len + 1;
	}
}

const char *toolid_of(struct uk_ctx *ctx, const char *name)
{
	const char *found = find_on_path(ctx, name), *real, *id;
	struct stat st;

	if (!found || !(real = fs_realpath(ctx, found)) || stat(real, &st) != 0)
		return NULL;
	id = ctx_printf(ctx,
			"%s -> %s dev %llu ino %llu size %lld mtime %lld.%09ld ctime %lld.%09ld",
			found, real, (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
			(long long)st.st_size, (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
			(long long)st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
	return strchr(id, '\n') ? NULL : id;
}
