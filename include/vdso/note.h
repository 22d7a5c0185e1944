/* The vDSO's ELF note, as Linux's (include/linux/elfnote.h): owner
 * "Linux", type 0, the kernel's version (here 0: Clonix has none to
 * offer). Each architecture's note.S includes it. */
	.section .note.Linux, "a", @note
	.balign 4
	.long 2f - 1f		/* name size */
	.long 4f - 3f		/* descriptor size */
	.long 0			/* type */
1:	.asciz "Linux"
2:	.balign 4
3:	.long 0
4:	.balign 4
