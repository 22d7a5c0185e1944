/* true: exit with status 0, doing nothing — a static glibc program, so the
 * benchmark (bench.c) and the shell's `/bin/true` loops measure the exec
 * of a real C-library program (BusyBox's applet of the name is
 * /usr/bin/true). */
int main(void)
{
	return 0;
}
