/*
 * int $0x80: the i386 system-call table, with Linux's i386 numbers (eax
 * holds the number, bx, cx, dx, si, di, bp the arguments, eax the result),
 * and do_syscall(), which entry_32.S calls with the saved registers. A
 * number with no entry returns -ENOSYS (kernel/sys_ni.c).
 *
 * i386 is older than the asm-generic numbering RISC-V uses, so it has
 * both the old calls (fork, waitpid, open, stat64, mmap2 ...; see
 * sys_i386_32.c) and the portable ones. Calls with a 64-bit time carry the
 * _time64 / 64 suffix on i386 (clock_gettime64 is RISC-V's clock_gettime).
 */
#include <asm/ptrace.h>
#include <asm/syscalls.h>
#include <linux/syscalls.h>

#define NR_syscalls 451

/* Every sys_* takes the six registers (SYSCALL_DEFINEn): no casts. */
#define SC(nr, fn) [nr] = fn
/* A number listed twice (an easy slip when tables are merged) is an
 * error, not a silent override. */
#pragma GCC diagnostic error "-Woverride-init"

const syscall_fn_t sys_call_table[NR_syscalls] = {
	SC(0, sys_restart_syscall),
	SC(1, sys_exit),
	SC(2, sys_fork),
	SC(3, sys_read),
	SC(4, sys_write),
	SC(5, sys_open),
	SC(6, sys_close),
	SC(7, sys_waitpid),
	SC(8, sys_creat),
	SC(9, sys_link),
	SC(10, sys_unlink),
	SC(11, sys_execve),
	SC(12, sys_chdir),
	SC(13, sys_time),
	SC(14, sys_mknod),
	SC(15, sys_chmod),
	SC(16, sys_lchown16),	/* 16-bit ids: kernel/uid16.c */
	SC(19, sys_lseek),
	SC(20, sys_getpid),
	SC(23, sys_setuid16),
	SC(24, sys_getuid16),	/* 16-bit; getuid32 is 199 */
	SC(27, sys_alarm),
	SC(29, sys_pause),
	SC(30, sys_utime32),	/* 32-bit times */
	SC(33, sys_access),
	SC(36, sys_sync),
	SC(37, sys_kill),
	SC(38, sys_rename),
	SC(39, sys_mkdir),
	SC(40, sys_rmdir),
	SC(41, sys_dup),
	SC(42, sys_pipe),
	SC(45, sys_brk),
	SC(46, sys_setgid16),
	SC(47, sys_getgid16),
	SC(48, sys_signal),
	SC(49, sys_geteuid16),
	SC(50, sys_getegid16),
	SC(54, sys_ioctl),
	SC(55, sys_fcntl),
	SC(57, sys_setpgid),
	SC(60, sys_umask),
	SC(63, sys_dup2),
	SC(64, sys_getppid),
	SC(65, sys_getpgrp),
	SC(66, sys_setsid),
	SC(67, sys_sigaction),	/* the old forms: a 32-bit mask */
	SC(68, sys_sgetmask),
	SC(69, sys_ssetmask),
	SC(70, sys_setreuid16),
	SC(71, sys_setregid16),
	SC(72, sys_sigsuspend),
	SC(73, sys_sigpending),
	SC(75, sys_setrlimit),
	SC(78, sys_gettimeofday),
	SC(80, sys_getgroups16),
	SC(81, sys_setgroups16),
	SC(82, sys_old_select),	/* select */
	SC(83, sys_symlink),
	SC(85, sys_readlink),
	SC(88, sys_reboot),
	SC(90, sys_old_mmap),	/* mmap: arguments in memory */
	SC(91, sys_munmap),
	SC(92, sys_truncate),
	SC(93, sys_ftruncate),
	SC(94, sys_fchmod),
	SC(95, sys_fchown16),
	SC(99, sys_statfs),
	SC(100, sys_fstatfs),
	SC(104, sys_setitimer),
	SC(105, sys_getitimer),
	SC(106, sys_newstat),	/* i386 struct stat: stat, lstat, fstat */
	SC(107, sys_newlstat),
	SC(108, sys_fstat),
	SC(114, sys_wait4),
	SC(116, sys_sysinfo),
	SC(118, sys_fsync),
	SC(119, sys_sigreturn),
	SC(120, sys_clone),
	SC(122, sys_newuname),
	SC(125, sys_mprotect),
	SC(126, sys_sigprocmask),
	SC(132, sys_getpgid),
	SC(133, sys_fchdir),
	SC(138, sys_setfsuid16),
	SC(139, sys_setfsgid16),
	SC(140, sys_llseek),	/* _llseek */
	SC(142, sys_select),	/* _newselect */
	SC(144, sys_msync),
	SC(145, sys_readv),
	SC(146, sys_writev),
	SC(147, sys_getsid),
	SC(148, sys_fdatasync),
	SC(154, sys_sched_setparam),
	SC(155, sys_sched_getparam),
	SC(156, sys_sched_setscheduler),
	SC(157, sys_sched_getscheduler),
	SC(158, sys_sched_yield),
	SC(159, sys_sched_get_priority_max),
	SC(160, sys_sched_get_priority_min),
	SC(161, sys_sched_rr_get_interval_time32),
	SC(162, sys_nanosleep_time32),
	SC(163, sys_mremap),
	SC(164, sys_setresuid16),
	SC(165, sys_getresuid16),
	SC(168, sys_poll),
	SC(170, sys_setresgid16),
	SC(171, sys_getresgid16),
	SC(172, sys_prctl),
	SC(173, sys_rt_sigreturn),
	SC(174, sys_rt_sigaction),
	SC(175, sys_rt_sigprocmask),
	SC(176, sys_rt_sigpending),
	SC(177, sys_rt_sigtimedwait_time32),
	SC(178, sys_rt_sigqueueinfo),
	SC(179, sys_rt_sigsuspend),
	SC(180, sys_ia32_pread64),	/* 64-bit offsets in two registers */
	SC(181, sys_ia32_pwrite64),
	SC(182, sys_chown16),	/* 16-bit ids; chown32 is 212 */
	SC(183, sys_getcwd),
	SC(186, sys_sigaltstack),
	SC(187, sys_sendfile),
	SC(190, sys_vfork),
	SC(191, sys_getrlimit),	/* ugetrlimit */
	SC(192, sys_mmap_pgoff),	/* mmap2: the offset in pages */
	SC(193, sys_ia32_truncate64),
	SC(194, sys_ia32_ftruncate64),
	SC(195, sys_stat64),
	SC(196, sys_lstat64),
	SC(197, sys_fstat64),
	SC(198, sys_lchown),	/* lchown32: *32 calls take 32-bit ids */
	SC(199, sys_getuid),
	SC(200, sys_getgid),
	SC(201, sys_geteuid),
	SC(202, sys_getegid),
	SC(203, sys_setreuid),
	SC(204, sys_setregid),
	SC(205, sys_getgroups),
	SC(206, sys_setgroups),
	SC(207, sys_fchown),
	SC(208, sys_setresuid),
	SC(209, sys_getresuid),
	SC(210, sys_setresgid),
	SC(211, sys_getresgid),
	SC(212, sys_chown),
	SC(213, sys_setuid),
	SC(214, sys_setgid),
	SC(215, sys_setfsuid),
	SC(216, sys_setfsgid),
	SC(219, sys_madvise),
	SC(220, sys_getdents64),
	SC(221, sys_fcntl),	/* fcntl64 */
	SC(224, sys_gettid),
	SC(238, sys_tkill),
	SC(239, sys_sendfile64),
	SC(240, sys_futex_time32),	/* futex: 32-bit timespec */
	SC(241, sys_sched_setaffinity),
	SC(242, sys_sched_getaffinity),
	SC(243, sys_set_thread_area),
	SC(244, sys_get_thread_area),
	SC(252, sys_exit_group),
	SC(258, sys_set_tid_address),
	SC(265, sys_clock_gettime32),
	SC(267, sys_clock_nanosleep_time32),
	SC(268, sys_statfs64),
	SC(269, sys_fstatfs64),
	SC(270, sys_tgkill),
	SC(271, sys_utimes_time32),	/* 32-bit times */
	SC(295, sys_openat),
	SC(296, sys_mkdirat),
	SC(297, sys_mknodat),
	SC(298, sys_fchownat),
	SC(299, sys_futimesat_time32),
	SC(300, sys_fstatat64),
	SC(301, sys_unlinkat),
	SC(302, sys_renameat),
	SC(303, sys_linkat),
	SC(304, sys_symlinkat),
	SC(305, sys_readlinkat),
	SC(306, sys_fchmodat),
	SC(307, sys_faccessat),
	SC(308, sys_pselect6_time32),	/* pselect6 */
	SC(309, sys_ppoll_time32),	/* ppoll */
	SC(311, sys_set_robust_list),
	SC(312, sys_get_robust_list),
	SC(318, sys_getcpu),
	SC(320, sys_utimensat_time32),
	SC(324, sys_ia32_fallocate),	/* 64-bit offsets in two registers */
	SC(330, sys_dup3),
	SC(331, sys_pipe2),
	SC(335, sys_rt_tgsigqueueinfo),
	SC(340, sys_prlimit64),
	SC(353, sys_renameat2),
	SC(355, sys_getrandom),
	SC(375, sys_membarrier),
	SC(383, sys_statx),
	SC(386, sys_rseq),	/* quietly -ENOSYS: kernel/sys_ni.c */
	SC(403, sys_clock_gettime),	/* clock_gettime64 */
	SC(406, sys_clock_getres),	/* clock_getres_time64 */
	SC(407, sys_clock_nanosleep),	/* clock_nanosleep_time64 */
	SC(412, sys_utimensat),	/* utimensat_time64 */
	SC(413, sys_pselect6),	/* pselect6_time64 */
	SC(414, sys_ppoll),	/* ppoll_time64 */
	SC(421, sys_rt_sigtimedwait),	/* rt_sigtimedwait_time64 */
	SC(422, sys_futex),	/* futex_time64 */
	SC(423, sys_sched_rr_get_interval),	/* sched_rr_get_interval_time64 */
	SC(439, sys_faccessat2),
};

/* orig_ax keeps the number: ax is overwritten by the result. */
void do_syscall(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_ax;
	syscall_fn_t fn = nr < NR_syscalls ? sys_call_table[nr] : NULL;

	if (fn)
		regs->ax = fn(regs->bx, regs->cx, regs->dx, regs->si, regs->di,
			      regs->bp);
	else
		regs->ax = sys_ni_syscall(nr);
}
