/* A JSON writer for --json reports: one document to a stream, indented,
 * with every string escaped to ASCII (control characters, quotes, and
 * non-ASCII as \u escapes; bytes that are not UTF-8 become U+FFFD). */
#ifndef UK_JSON_H
#define UK_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct json {
	FILE *f;
	int depth;
	bool first;	/* nothing written yet in the open object or array */
	bool after_key; /* a key was written: its value comes next */
};

void json_init(struct json *j, FILE *f);

/* Containers; a value inside an object needs json_key first. */
void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);
void json_key(struct json *j, const char *key);

/* Values; json_string(j, NULL) writes null. */
void json_string(struct json *j, const char *s);
void json_uint(struct json *j, uint64_t v);
void json_int(struct json *j, long long v);
void json_fixed1(struct json *j, double v); /* one decimal: 12.5 */
void json_bool(struct json *j, bool v);
void json_null(struct json *j);

/* A key and its value in one call. */
void json_field_string(struct json *j, const char *key, const char *s);
void json_field_uint(struct json *j, const char *key, uint64_t v);
void json_field_int(struct json *j, const char *key, long long v);
void json_field_bool(struct json *j, const char *key, bool v);

/* The escaped form of s, quotes included, as json_string writes it. */
void json_write_escaped(FILE *f, const char *s);

#endif
