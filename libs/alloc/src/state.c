/* The heap's single state: free lists, regions and counters. */
#include "heap.h"

struct alloc_heap __alloc_heap;
