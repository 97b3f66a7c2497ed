/* Configuration for alloc's host tests: stands in for the config.h that
 * `uk build` generates. Poisoning is on so its path is exercised too. */
#ifndef UK_CONFIG_H
#define UK_CONFIG_H

#define CONFIG_ALLOC_POISON 1

#endif
