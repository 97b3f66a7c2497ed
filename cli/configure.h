/* configure: the Kconfig tree of exactly the chosen modules, .config from
 * uk.config and the manifest's options:, and include/uk/config.h. */
#ifndef UK_CONFIGURE_H
#define UK_CONFIGURE_H

#include "build.h"

/* <build>/Kconfig: one menu per chosen module that has a Kconfig.
 * UK_EXIT_OK, UK_EXIT_INPUT (a module's text cannot be Kconfig) or
 * UK_EXIT_IO. */
enum uk_exit configure_write_tree(struct build *b);
/* Every option of the manifest is defined by a chosen module; each one that
 * is not gets an error with a hint. 0 or -1. */
int configure_check_options(struct build *b);
/* The build directory, the tree, .config through kconfig-conf
 * --olddefconfig, a check that every requested value survived, then
 * config.h. UK_EXIT_OK, or with errors printed UK_EXIT_INPUT (an option is
 * wrong), UK_EXIT_TOOL (kconfig-conf is missing or failed) or UK_EXIT_IO. */
enum uk_exit configure_run(struct build *b);
/* The app's saved menuconfig choices, a defconfig fragment. */
const char *configure_saved_path(struct build *b);

#endif
