/*
 * The RISC-V system-call table: Linux's asm-generic numbers (a7 holds the
 * number, a0..a5 the arguments, a0 the result). RISC-V has no fork or
 * vfork call: glibc's fork() is clone(SIGCHLD | CLONE_CHILD_*), number 220.
 * A number with no entry returns -ENOSYS (kernel/sys_ni.c).
 */
#include <linux/syscalls.h>

#define NR_syscalls 451

/* Every sys_* takes the six registers (SYSCALL_DEFINEn): no casts. */
#define SC(nr, fn) [nr] = fn

const syscall_fn_t sys_call_table[NR_syscalls] = {
	SC(17, sys_getcwd),
	SC(23, sys_dup),
	SC(24, sys_dup3),
	SC(25, sys_fcntl),
	SC(29, sys_ioctl),
	SC(34, sys_mkdirat),
	SC(35, sys_unlinkat),
	SC(45, sys_truncate),
	SC(46, sys_ftruncate),
	SC(48, sys_faccessat),
	SC(49, sys_chdir),
	SC(50, sys_fchdir),
	SC(56, sys_openat),
	SC(57, sys_close),
	SC(61, sys_getdents64),
	SC(62, sys_lseek),
	SC(63, sys_read),
	SC(64, sys_write),
	SC(65, sys_readv),
	SC(66, sys_writev),
	SC(67, sys_pread64),
	SC(68, sys_pwrite64),
	SC(71, sys_sendfile64),	/* sendfile */
	SC(78, sys_readlinkat),
	SC(79, sys_newfstatat),
	SC(80, sys_fstat),
	SC(81, sys_sync),
	SC(93, sys_exit),
	SC(94, sys_exit_group),
	SC(96, sys_set_tid_address),
	SC(99, sys_set_robust_list),
	SC(101, sys_nanosleep),
	SC(113, sys_clock_gettime),
	SC(114, sys_clock_getres),
	SC(115, sys_clock_nanosleep),
	SC(124, sys_sched_yield),
	SC(129, sys_kill),
	SC(130, sys_tkill),
	SC(131, sys_tgkill),
	SC(134, sys_rt_sigaction),
	SC(135, sys_rt_sigprocmask),
	SC(136, sys_rt_sigpending),
	SC(142, sys_reboot),
	SC(160, sys_newuname),
	SC(163, sys_getrlimit),
	SC(164, sys_setrlimit),
	SC(166, sys_umask),
	SC(167, sys_prctl),
	SC(169, sys_gettimeofday),
	SC(172, sys_getpid),
	SC(173, sys_getppid),
	SC(174, sys_getuid),	/* getuid, geteuid, getgid, getegid: */
	SC(175, sys_getuid),	/* everyone is root (0) */
	SC(176, sys_getuid),
	SC(177, sys_getuid),
	SC(178, sys_gettid),
	SC(179, sys_sysinfo),
	SC(214, sys_brk),
	SC(215, sys_munmap),
	SC(220, sys_clone),
	SC(221, sys_execve),
	SC(222, sys_mmap),
	SC(226, sys_mprotect),
	SC(260, sys_wait4),
	SC(261, sys_prlimit64),
	SC(278, sys_getrandom),
	SC(291, sys_statx),
	SC(439, sys_faccessat2),
};

const unsigned long nr_syscalls = NR_syscalls;
