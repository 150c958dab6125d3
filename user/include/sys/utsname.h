/* SPDX-License-Identifier: MIT */
/*
 * uname(): what uname(2) (number 122, sys_newuname) fills in: Linux's struct new_utsname,
 * six NUL-terminated fields of 65 bytes each.
 */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#ifdef __cplusplus
extern "C" {
#endif

#define _UTSNAME_LENGTH 65

struct utsname {
	char sysname[_UTSNAME_LENGTH];	  /* "Linux" on Linux; our kernel's name */
	char nodename[_UTSNAME_LENGTH];	  /* host name */
	char release[_UTSNAME_LENGTH];	  /* kernel release, e.g. "0.1" */
	char version[_UTSNAME_LENGTH];	  /* build: date and number */
	char machine[_UTSNAME_LENGTH];	  /* "armv7l" */
	char domainname[_UTSNAME_LENGTH]; /* NIS domain name */
};

int uname(struct utsname *buf);

#ifdef __cplusplus
}
#endif

#endif /* _SYS_UTSNAME_H */
