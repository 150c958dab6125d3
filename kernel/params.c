// SPDX-License-Identifier: MIT
/* Looking up options on the kernel command line (see include/kernel/params.h). */
#include <kernel/params.h>
#include <lib/string.h>
#include <boot/bootinfo.h>

static char cmdline[BOOTINFO_CMDLINE_MAX];

void params_init(const char *line)
{
	strlcpy(cmdline, line, sizeof(cmdline));
}

const char *saved_command_line(void)
{
	return cmdline;
}

/* Finds the word `name` or `name=...` before any `--`; returns a pointer to the word. */
static const char *find_word(const char *name)
{
	size_t n = strlen(name);
	const char *p = cmdline;

	while (*p) {
		const char *end;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		end = strchr(p, ' ');
		if (!end)
			end = p + strlen(p);
		if (end - p == 2 && p[0] == '-' && p[1] == '-')
			return NULL;
		if ((size_t)(end - p) >= n && !strncmp(p, name, n) && (p[n] == '=' || p + n == end))
			return p;
		p = end;
	}
	return NULL;
}

bool cmdline_has(const char *name)
{
	return find_word(name) != NULL;
}

bool cmdline_get(const char *name, char *buf, size_t len)
{
	const char *p = find_word(name);
	size_t n = 0;

	if (!p || p[strlen(name)] != '=')
		return false;
	p += strlen(name) + 1;
	while (p[n] && p[n] != ' ')
		n++;
	if (len) {
		if (n > len - 1)
			n = len - 1;
		memcpy(buf, p, n);
		buf[n] = '\0';
	}
	return true;
}

bool cmdline_list_has(const char *name, const char *item)
{
	const char *p = find_word(name);
	size_t n = strlen(item);

	if (!p || p[strlen(name)] != '=')
		return false;
	p += strlen(name) + 1;
	/* Walk the comma-separated value in place: it may be longer than any buffer. */
	if (!strncmp(p, "all", 3) && (p[3] == ' ' || p[3] == '\0'))
		return true;
	while (*p && *p != ' ') {
		const char *end = p;

		while (*end && *end != ',' && *end != ' ')
			end++;
		if ((size_t)(end - p) == n && !strncmp(p, item, n))
			return true;
		p = *end == ',' ? end + 1 : end;
	}
	return false;
}
