// SPDX-License-Identifier: MIT
/* sync: write every dirty page and buffer back to its disk (sync(2)). */
#include <unistd.h>

int main(void)
{
	sync();
	return 0;
}
