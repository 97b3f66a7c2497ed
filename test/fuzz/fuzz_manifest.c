/* libFuzzer target of the manifest loader: each input is read as an app's
 * uk.yaml (manifest_load) and as the module.yaml of one of its modules
 * (catalog_load), through the same ydoc code as targets and uk.lock. A
 * scratch home holds only the real targets/, so a run reads no libs/. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "fsutil.h"
#include "manifest.h"

static char home[256], manifest[300], module_yaml[300];
static FILE *devnull;

static void fuzz_cleanup(void)
{
	fs_rm_rf(home);
}

static void fuzz_setup(void)
{
	struct uk_ctx ctx;

	snprintf(home, sizeof(home), "%s/uk-fuzz-manifest-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(home))
		abort();
	ctx_init(&ctx, stderr);
	if (fs_mkdir_p(&ctx, fs_join(&ctx, home, "app/modules/m")) != 0 ||
	    symlink(UK_SOURCE_DIR "/targets", fs_join(&ctx, home, "targets")) != 0)
		abort();
	ctx_free(&ctx);
	atexit(fuzz_cleanup);
	snprintf(manifest, sizeof(manifest), "%s/app/uk.yaml", home);
	snprintf(module_yaml, sizeof(module_yaml), "%s/app/modules/m/module.yaml", home);
	devnull = fopen("/dev/null", "w");
	if (!devnull)
		abort();
}

static void put(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct uk_ctx ctx;

	if (!home[0])
		fuzz_setup();
	put(manifest, data, size);
	put(module_yaml, data, size);
	ctx_init(&ctx, devnull);
	ctx.home = home;
	(void)manifest_load(&ctx, manifest);
	(void)catalog_load(&ctx, home, fs_join(&ctx, home, "app"));
	ctx_free(&ctx);
	return 0;
}
