/* Signal numbers (Linux's, the same on RISC-V and i386) and the clone()
 * flags, exactly as user space passes them. */
#ifndef _UAPI_LINUX_SIGNAL_H
#define _UAPI_LINUX_SIGNAL_H

#define _NSIG 64
#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPWR 30
#define SIGSYS 31
#define SIGRTMIN 32
#define SIGRTMAX _NSIG

/* sigaction.sa_flags */
#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO 0x00000004
#define SA_RESTORER 0x04000000	/* i386: sa_restorer is set */
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000

/* sigprocmask's how */
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* sigaltstack: ss_flags, and the sizes */
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define SS_AUTODISARM (1U << 31)
#define MINSIGSTKSZ 2048
#define SIGSTKSZ 8192

/* siginfo.si_code: who sent it */
#define SI_USER 0		/* kill */
#define SI_KERNEL 0x80
#define SI_QUEUE (-1)		/* sigqueue, rt_sigqueueinfo */
#define SI_TIMER (-2)
#define SI_MESGQ (-3)
#define SI_ASYNCIO (-4)
#define SI_SIGIO (-5)
#define SI_TKILL (-6)		/* tkill, tgkill */
/* ... for SIGCHLD */
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6
/* ... for SIGSEGV */
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
/* ... for SIGBUS, SIGILL, SIGFPE, SIGTRAP */
#define BUS_ADRALN 1
#define ILL_ILLOPC 1
#define FPE_INTDIV 1
#define TRAP_BRKPT 1

/* Linux's stack_t (sigaltstack, and uc_stack in a signal frame). */
typedef struct sigaltstack {
	void __user *ss_sp;
	int ss_flags;
	unsigned long ss_size;
} stack_t;

/* siginfo_t, 128 bytes on every architecture: signo, errno, code, then a
 * union whose members depend on the signal (Linux's uapi layout). */
#define SI_MAX_SIZE 128
/* signo, errno, code, and on 64-bit the padding that aligns the union */
#define __ARCH_SI_PREAMBLE_SIZE (sizeof(long) == 8 ? 4 * sizeof(int) : \
				 3 * sizeof(int))
union sigval {
	int sival_int;
	void __user *sival_ptr;
};

typedef struct siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int _pad[(SI_MAX_SIZE - __ARCH_SI_PREAMBLE_SIZE) / sizeof(int)];
		struct {	/* kill, tkill, sigqueue */
			int _pid;
			unsigned int _uid;
			union sigval _sigval;
		} _rt;
		struct {	/* POSIX timers */
			int _tid;
			int _overrun;
			union sigval _sigval;
		} _timer;
		struct {	/* SIGCHLD */
			int _pid;
			unsigned int _uid;
			int _status;
			long _utime;
			long _stime;
		} _sigchld;
		struct {	/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
			void __user *_addr;
		} _sigfault;
		struct {	/* SIGPOLL */
			long _band;
			int _fd;
		} _sigpoll;
	} _sifields;
} siginfo_t;

#define si_pid _sifields._rt._pid
#define si_uid _sifields._rt._uid
#define si_value _sifields._rt._sigval
#define si_int _sifields._rt._sigval.sival_int
#define si_ptr _sifields._rt._sigval.sival_ptr
#define si_status _sifields._sigchld._status
#define si_utime _sifields._sigchld._utime
#define si_stime _sifields._sigchld._stime
#define si_addr _sifields._sigfault._addr
#define si_band _sifields._sigpoll._band
#define si_fd _sifields._sigpoll._fd

#define SIG_DFL 0UL
#define SIG_IGN 1UL

#define CSIGNAL 0x000000ff	/* exit signal mask in clone flags */
#define CLONE_VM 0x00000100
#define CLONE_FS 0x00000200
#define CLONE_FILES 0x00000400
#define CLONE_SIGHAND 0x00000800
#define CLONE_PIDFD 0x00001000
#define CLONE_PTRACE 0x00002000
#define CLONE_VFORK 0x00004000
#define CLONE_PARENT 0x00008000
#define CLONE_THREAD 0x00010000
#define CLONE_NEWNS 0x00020000
#define CLONE_SYSVSEM 0x00040000
#define CLONE_SETTLS 0x00080000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_DETACHED 0x00400000
#define CLONE_UNTRACED 0x00800000
#define CLONE_CHILD_SETTID 0x01000000
#define CLONE_NEWCGROUP 0x02000000
#define CLONE_NEWUTS 0x04000000
#define CLONE_NEWIPC 0x08000000
#define CLONE_NEWUSER 0x10000000
#define CLONE_NEWPID 0x20000000
#define CLONE_NEWNET 0x40000000
#define CLONE_IO 0x80000000

#endif
