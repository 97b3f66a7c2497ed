/* stamp: what a costly step found, remembered under a key (stamp.h). The
 * file is "uk stamp 1\n<key>\n<value>". */
#include "stamp.h"

#include <string.h>

#include "fsutil.h"

#define STAMP_HEAD "uk stamp 1\n"
/* A stamp is small: a toolchain's identity, or the digests of at most
 * 65,536 assets and the modules. A larger file is not one of ours: a miss. */
#define STAMP_MAX (1u << 25)

const char *stamp_dir(struct build *b)
{
	return fs_join(b->ctx, b->dir, "stamps");
}

const char *stamp_get(struct build *b, const char *name, const char *key)
{
	char *text;
	size_t len, klen = strlen(key), hlen = strlen(STAMP_HEAD);

	if (fs_read_bounded(b->ctx, fs_join(b->ctx, stamp_dir(b), name), STAMP_MAX, &text, &len))
		return NULL;
	if (strlen(text) != len || len < hlen + klen + 1 || memcmp(text, STAMP_HEAD, hlen) ||
	    memcmp(text + hlen, key, klen) || text[hlen + klen] != '\n')
		return NULL;
	return text + hlen + klen + 1;
}

enum uk_exit stamp_put(struct build *b, const char *name, const char *key, const char *value)
{
	struct uk_ctx *ctx = b->ctx;
	const char *text;

	if (strchr(key, '\n'))
		return UK_EXIT_OK; /* cannot be stored; the step runs every time */
	text = ctx_printf(ctx, "%s%s\n%s", STAMP_HEAD, key, value);
	if (fs_mkdir_p(ctx, stamp_dir(b)) != 0)
		return UK_EXIT_IO;
	return build_write(b, fs_join(ctx, stamp_dir(b), name), text, strlen(text));
}
