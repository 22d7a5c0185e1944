/* A pipe's state, shared by its two ends (and every open of a FIFO): a
 * ring of bytes with free-running head and tail counters, the number of
 * open read and write ends, and the queues their callers sleep on
 * (fs/pipe.c). Callers copy through kernel buffers, so the lock is a
 * spinlock, never held while sleeping. In its own header, as in Linux, so gdb helpers and other
 * files see the one definition. */
#ifndef _LINUX_PIPE_FS_I_H
#define _LINUX_PIPE_FS_I_H

#include <linux/spinlock.h>
#include <linux/wait.h>

#define PIPE_SIZE (64 * 1024)	/* Linux's default pipe capacity */
#define PIPE_BUF 4096		/* writes this small are atomic */

struct pipe_inode_info {
	spinlock_t lock;		/* the ring and the counts below */
	char *buf;			/* ring_size bytes */
	unsigned int ring_size;		/* PIPE_SIZE */
	unsigned int head, tail;	/* bytes written / read, mod 2^32 */
	unsigned int readers, writers;	/* open read and write ends */
	unsigned int r_counter, w_counter; /* opens of each kind, ever */
	struct wait_queue_head rd_wait;	/* readers waiting for data */
	struct wait_queue_head wr_wait;	/* writers waiting for room */
};

#endif
