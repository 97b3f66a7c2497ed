/* Content types of assets, from the file name's extension. */
#include "bake.h"

#include <string.h>
#include <strings.h>

struct bake_type {
	const char *ext, *type;
	bool compressible;
};

/* Text types say their charset: browsers otherwise guess it. */
#define UTF8 "; charset=utf-8"

static const struct bake_type types[] = {
    {"html", "text/html" UTF8, true},
    {"htm", "text/html" UTF8, true},
    {"css", "text/css" UTF8, true},
    {"js", "text/javascript" UTF8, true},
    {"mjs", "text/javascript" UTF8, true},
    {"json", "application/json", true},
    {"map", "application/json", true},
    {"webmanifest", "application/manifest+json", true},
    {"txt", "text/plain" UTF8, true},
    {"md", "text/markdown" UTF8, true},
    {"csv", "text/csv" UTF8, true},
    {"xml", "application/xml", true},
    {"rss", "application/rss+xml", true},
    {"atom", "application/atom+xml", true},
    {"svg", "image/svg+xml", true},
    {"png", "image/png", false},
    {"jpg", "image/jpeg", false},
    {"jpeg", "image/jpeg", false},
    {"gif", "image/gif", false},
    {"webp", "image/webp", false},
    {"avif", "image/avif", false},
    {"ico", "image/vnd.microsoft.icon", true},
    {"bmp", "image/bmp", true},
    {"wasm", "application/wasm", true},
    {"pdf", "application/pdf", true},
    {"woff", "font/woff", false},
    {"woff2", "font/woff2", false},
    {"ttf", "font/ttf", true},
    {"otf", "font/otf", true},
    {"mp4", "video/mp4", false},
    {"webm", "video/webm", false},
    {"ogg", "audio/ogg", false},
    {"mp3", "audio/mpeg", false},
    {"wav", "audio/wav", true},
    {"zip", "application/zip", false},
    {"gz", "application/gzip", false},
    {"tgz", "application/gzip", false},
    {"xz", "application/x-xz", false},
    {"zst", "application/zstd", false},
    {"tar", "application/x-tar", true},
};

#define OCTET_STREAM "application/octet-stream"

static const struct bake_type *type_of(const char *key)
{
	const char *base = strrchr(key, '/'), *dot;
	size_t i;

	base = base ? base + 1 : key;
	/* ".htaccess" is a name, not an extension. */
	if (!(dot = strrchr(base, '.')) || dot == base)
		return NULL;
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcasecmp(dot + 1, types[i].ext))
			return &types[i];
	return NULL;
}

const char *bake_content_type(const char *key)
{
	const struct bake_type *t = type_of(key);

	return t ? t->type : OCTET_STREAM;
}

bool bake_compressible(const char *content_type)
{
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(content_type, types[i].type))
			return types[i].compressible;
	return true; /* unknown bytes may well shrink: gzip decides */
}
