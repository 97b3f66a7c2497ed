/* uk's exit statuses. uk run exits with the image's own status; every
 * failure of uk itself is one of these, in 64-70 (the range of BSD's
 * sysexits.h), so that a CI can tell them from an image's usual ones. */
#ifndef UK_EXIT_H
#define UK_EXIT_H

enum uk_exit {
	UK_EXIT_OK = 0,
	UK_EXIT_USAGE = 64,  /* a wrong verb, option or argument */
	UK_EXIT_INPUT = 65,  /* no app, or uk.yaml, a module, a target or the resolution is wrong */
	UK_EXIT_BUILD = 66,  /* the compiler or the linker failed (ninja's status is printed) */
	UK_EXIT_LOCKED = 67, /* --locked: the build differs from uk.lock */
	UK_EXIT_TOOL = 68,   /* a tool uk runs (kconfig, llvm-nm, the rig, QEMU, xl) is missing
				or failed, or uk's own data is missing */
	UK_EXIT_IO = 69,     /* a file could not be read or written */
	UK_EXIT_INTERNAL = 70, /* a bug in uk: a verb failed without saying why */
};

/* Statuses uk run reports for the image, beside main's return value. */
enum uk_image_status {
	UK_IMAGE_TIMEOUT = 124, /* the rig's guest did not end in time */
	UK_IMAGE_CRASH = 255,	/* a panic, or the domain crashed */
};

#endif
