/* poll(2)'s structure and event bits, as Linux and every libc use them. */
#ifndef _UAPI_LINUX_POLL_H
#define _UAPI_LINUX_POLL_H

#define POLLIN 0x0001		/* there is data to read */
#define POLLPRI 0x0002		/* urgent data */
#define POLLOUT 0x0004		/* writing will not block */
#define POLLERR 0x0008		/* error (a pipe with no reader left) */
#define POLLHUP 0x0010		/* hang up (a pipe with no writer left) */
#define POLLNVAL 0x0020		/* not an open file descriptor */
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRNORM 0x0100
#define POLLWRBAND 0x0200

struct pollfd {
	int fd;
	short events;
	short revents;
};

#endif
