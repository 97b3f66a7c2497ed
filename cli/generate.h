/* generate: turns a configured struct build into the files ninja needs:
 * glue.c, link.ld, build.ninja, and <image>.xl for Xen targets. It writes
 * files and does nothing else: sources are listed by build_sources, archives
 * fetched by fetch_run before. */
#ifndef UK_GENERATE_H
#define UK_GENERATE_H

#include "build.h"

/* glue.c: data only (devices, memory, default argv, the module table) for
 * the fixed runner platform/glue/glue_run.c. */
int generate_glue(struct build *b);
/* link.ld from linker/<template>. */
int generate_linker_script(struct build *b);
/* build.ninja (generate_ninja.c): each module's flags in a variable, one
 * compile edge per source, the link and the baseline. */
int generate_ninja(struct build *b);
/* <image>.xl: what `xl create` needs to boot a Xen image. */
int generate_xl(struct build *b);
/* Every file the target needs, each written only when its content changes. */
int generate_run(struct build *b);

#endif
