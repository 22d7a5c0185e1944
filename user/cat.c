/* cat FILE...: print files (e.g. cat /proc/meminfo). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	char buf[4096];
	int i, ret = 0;

	for (i = 1; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY);
		ssize_t n;

		if (fd < 0) {
			perror(argv[i]);
			ret = 1;
			continue;
		}
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			write(1, buf, n);
		if (n < 0) {
			perror(argv[i]);
			ret = 1;
		}
		close(fd);
	}
	return ret;
}
