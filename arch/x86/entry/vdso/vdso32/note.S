/* The vDSO's ELF note (include/vdso/note.h, shared by both ports). */
#include <vdso/note.h>
