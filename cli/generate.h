/* generate: turns a fetched, configured struct build into the files ninja
 * needs: glue.c, link.ld, build.ninja, and <image>.xl for Xen targets. It
 * writes files and does nothing else: what it needs from outside (sources,
 * archives, clang's resource dir) fetch_run found and put in struct build.
 * Each returns UK_EXIT_OK, or with errors printed UK_EXIT_INPUT (a value
 * the file's language cannot hold), UK_EXIT_TOOL (uk's data lacks the
 * linker template) or UK_EXIT_IO. */
#ifndef UK_GENERATE_H
#define UK_GENERATE_H

#include "build.h"

/* glue.c: data only (devices, memory, default argv, the module table) for
 * the fixed runner platform/glue/glue_run.c. */
enum uk_exit generate_glue(struct build *b);
/* link.ld from linker/<template>. */
enum uk_exit generate_linker_script(struct build *b);
/* build.ninja (generate_ninja.c): each module's flags in a variable, one
 * compile edge per source, the link and the baseline. */
enum uk_exit generate_ninja(struct build *b);
/* uk_assets_table.c and uk_assets_data.S (generate_assets.c) when the
 * assets module is in the build, from what bake put in struct build. */
enum uk_exit generate_assets(struct build *b);
/* " | _assets/<hash> ...": the files uk_assets_data.S reads, for its edge. */
const char *generate_assets_inputs(struct build *b);
/* <image>.xl: what `xl create` needs to boot a Xen image. */
enum uk_exit generate_xl(struct build *b);
/* Every file the target needs, each written only when its content changes. */
enum uk_exit generate_run(struct build *b);

#endif
