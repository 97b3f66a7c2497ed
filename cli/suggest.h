/* "Did you mean": the closest known word to a misspelt one. */
#ifndef UK_SUGGEST_H
#define UK_SUGGEST_H

#include <stddef.h>

/* Edit distance (Levenshtein, with adjacent transpositions) of a and b. */
size_t suggest_distance(const char *a, const char *b);

/* The candidate closest to word, or NULL when none is close enough to be a
 * plausible typo (distance at most a third of the word's length, min 1). */
const char *suggest_closest(const char *word, const char *const *candidates, size_t n);

#endif
