/* Prints what the assets module holds: "list" (one line per file), "get
 * KEY" and "gz KEY" (the bytes, raw), "dir PATH" (1 or 0); for
 * test/e2e/assets.sh. */
#include <stdio.h>
#include <string.h>

#include <assets/assets.h>

static int list(void)
{
	size_t i;

	for (i = 0; i < assets_count(); i++) {
		const struct assets_file *f = assets_at(i);

		printf("%s|%zu|%s|%s|%zu\n", f->path, f->len, f->content_type, f->etag,
		       f->gzip ? f->gzip_len : (size_t)0);
	}
	return 0;
}

int main(int argc, char **argv)
{
	const struct assets_file *f;

	if (argc == 2 && !strcmp(argv[1], "list"))
		return list();
	if (argc != 3)
		return 2;
	if (!strcmp(argv[1], "dir")) {
		printf("%d\n", assets_is_dir(argv[2], strlen(argv[2])));
		return 0;
	}
	if (!(f = assets_find(argv[2], strlen(argv[2]))))
		return 1;
	if (!strcmp(argv[1], "get"))
		fwrite(f->data, 1, f->len, stdout);
	else if (!strcmp(argv[1], "gz") && f->gzip)
		fwrite(f->gzip, 1, f->gzip_len, stdout);
	else
		return 3;
	fflush(stdout);
	return 0;
}
