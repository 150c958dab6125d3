// SPDX-License-Identifier: MIT
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ext2_image.h"

const char *e2fs_tool(const char *name)
{
	static char path[64];

	snprintf(path, sizeof(path), "/usr/sbin/%s", name);
	if (access(path, X_OK) == 0)
		return path;
	snprintf(path, sizeof(path), "/sbin/%s", name);
	return path;
}

int run_cmd(const char *fmt, ...)
{
	char cmd[2048];
	va_list ap;
	int status;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	status = system(cmd);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

u8 *load_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	u8 *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n > 0 ? n : 1);
	if (n > 0 && fread(buf, 1, n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*size = n > 0 ? n : 0;
	return buf;
}

int save_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	int err = 0;

	if (!f)
		return -1;
	if (len && fwrite(data, 1, len, f) != len)
		err = -1;
	if (fclose(f))
		err = -1;
	return err;
}
