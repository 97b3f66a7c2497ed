/* configure: the Kconfig tree of exactly the chosen modules, .config from
 * uk.config and the manifest's options:, and include/uk/config.h. */
#ifndef UK_CONFIGURE_H
#define UK_CONFIGURE_H

#include "build.h"

/* <build>/Kconfig: one menu per chosen module that has a Kconfig. */
int configure_write_tree(struct build *b);
/* Every option of the manifest is defined by a chosen module; each one that
 * is not gets an error with a hint. 0 or -1. */
int configure_check_options(struct build *b);
/* The tree, .config through kconfig-conf --olddefconfig, a check that every
 * requested value survived, then config.h. 0, or -1 with errors printed. */
int configure_run(struct build *b);
/* The app's saved menuconfig choices, a defconfig fragment. */
const char *configure_saved_path(struct build *b);

#endif
