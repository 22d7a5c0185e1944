/* ls [DIR]: list a directory, with each entry's type, mode and size. */
#include <dirent.h>
#include <stdio.h>
#include <sys/stat.h>

int main(int argc, char *argv[])
{
	const char *dir = argc > 1 ? argv[1] : ".";
	struct dirent *d;
	DIR *dp = opendir(dir);

	if (!dp) {
		perror(dir);
		return 1;
	}
	while ((d = readdir(dp))) {
		char path[512];
		struct stat st;

		snprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
		if (lstat(path, &st) != 0) {
			perror(path);
			continue;
		}
		printf("%c%04o %8lld %s\n",
		       S_ISDIR(st.st_mode) ? 'd' : S_ISLNK(st.st_mode) ? 'l' :
		       S_ISCHR(st.st_mode) ? 'c' : '-',
		       st.st_mode & 07777, (long long)st.st_size, d->d_name);
	}
	closedir(dp);
	return 0;
}
