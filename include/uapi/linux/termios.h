/* Terminal ioctls, struct termios and its flags, in Linux's asm-generic
 * layout and numbers (the same on RISC-V and i386): what tcgetattr(3),
 * tcsetattr(3), tcsetpgrp(3) and friends hand the kernel. */
#ifndef _UAPI_LINUX_TERMIOS_H
#define _UAPI_LINUX_TERMIOS_H

/* ioctls (asm-generic/ioctls.h) */
#define TCGETS 0x5401
#define TCSETS 0x5402	/* now */
#define TCSETSW 0x5403	/* after output drains */
#define TCSETSF 0x5404	/* after output drains, input flushed */
#define TCSBRK 0x5409	/* tcdrain(3) is TCSBRK with arg 1 */
#define TCXONC 0x540A
#define TCFLSH 0x540B
#define TIOCSCTTY 0x540E
#define TIOCGPGRP 0x540F
#define TIOCSPGRP 0x5410
#define TIOCOUTQ 0x5411
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414
#define FIONREAD 0x541B
#define TIOCINQ FIONREAD
#define TIOCNOTTY 0x5422
#define TIOCGSID 0x5429

/* TCFLSH's argument */
#define TCIFLUSH 0
#define TCOFLUSH 1
#define TCIOFLUSH 2

/* c_cc indices */
#define VINTR 0
#define VQUIT 1
#define VERASE 2
#define VKILL 3
#define VEOF 4
#define VTIME 5
#define VMIN 6
#define VSWTC 7
#define VSTART 8
#define VSTOP 9
#define VSUSP 10
#define VEOL 11
#define VREPRINT 12
#define VDISCARD 13
#define VWERASE 14
#define VLNEXT 15
#define VEOL2 16

/* c_iflag */
#define IGNBRK 0000001
#define BRKINT 0000002
#define ISTRIP 0000040
#define INLCR 0000100
#define IGNCR 0000200
#define ICRNL 0000400
#define IXON 0002000
#define IXOFF 0010000

/* c_oflag */
#define OPOST 0000001
#define ONLCR 0000004
#define OCRNL 0000010
#define ONOCR 0000020
#define ONLRET 0000040

/* c_cflag */
#define B38400 0000017
#define CS8 0000060
#define CREAD 0000200

/* c_lflag */
#define ISIG 0000001
#define ICANON 0000002
#define ECHO 0000010
#define ECHOE 0000020
#define ECHOK 0000040
#define ECHONL 0000100
#define NOFLSH 0000200
#define TOSTOP 0000400
#define ECHOCTL 0001000
#define ECHOPRT 0002000
#define ECHOKE 0004000
#define IEXTEN 0100000

#define NCCS 19

struct termios {
	unsigned int c_iflag;	/* input modes */
	unsigned int c_oflag;	/* output modes */
	unsigned int c_cflag;	/* control modes */
	unsigned int c_lflag;	/* local modes */
	unsigned char c_line;	/* line discipline (0: N_TTY) */
	unsigned char c_cc[NCCS];	/* special characters */
};

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

#endif
