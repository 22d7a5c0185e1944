/*
 * Calls into the SBI firmware (OpenSBI) with ecall: a7 = extension, a6 =
 * function, a0.. = arguments; the firmware returns an error in a0 and a
 * value in a1. Used for the timer (TIME), power-off (SRST) and to learn the
 * firmware's SBI version and implementation (BASE).
 */
#include <asm/sbi.h>
#include <linux/printk.h>

static unsigned long sbi_spec_version;

struct sbiret sbi_ecall(int ext, int fid, unsigned long arg0,
			unsigned long arg1, unsigned long arg2)
{
	register unsigned long a0 __asm__("a0") = arg0;
	register unsigned long a1 __asm__("a1") = arg1;
	register unsigned long a2 __asm__("a2") = arg2;
	register unsigned long a6 __asm__("a6") = fid;
	register unsigned long a7 __asm__("a7") = ext;
	struct sbiret ret;

	__asm__ __volatile__("ecall"
			     : "+r"(a0), "+r"(a1)
			     : "r"(a2), "r"(a6), "r"(a7)
			     : "memory");
	ret.error = a0;
	ret.value = a1;
	return ret;
}

static long sbi_base_call(int fid, unsigned long arg)
{
	struct sbiret r = sbi_ecall(SBI_EXT_BASE, fid, arg, 0, 0);

	return r.error ? -1 : r.value;
}

static int sbi_probe_extension(int ext)
{
	return sbi_base_call(SBI_EXT_BASE_PROBE_EXT, ext) > 0;
}

static const char *sbi_impl_name(long id)
{
	static const char *const names[] = {
		"Berkeley Boot Loader", "OpenSBI", "Xvisor", "KVM",
		"RustSBI", "Diosix", "Coffer", "Xen",
	};

	if (id >= 0 && id < (long)ARRAY_SIZE(names))
		return names[id];
	return "unknown";
}

void sbi_init(void)
{
	long v = sbi_base_call(SBI_EXT_BASE_GET_SPEC_VERSION, 0);

	sbi_spec_version = v < 0 ? 0 : v;
	if (!sbi_probe_extension(SBI_EXT_TIME))
		panic("SBI: firmware lacks the TIME extension (SBI >= 0.2 needed)");
}

void sbi_print_version(void)
{
	long impl = sbi_base_call(SBI_EXT_BASE_GET_IMP_ID, 0);
	long iver = sbi_base_call(SBI_EXT_BASE_GET_IMP_VERSION, 0);

	printk("SBI specification v%lu.%lu detected\n",
	       (sbi_spec_version >> 24) & 0x7f, sbi_spec_version & 0xffffff);
	printk("SBI implementation ID=0x%lx (%s) Version=0x%lx (%ld.%ld)\n",
	       impl, sbi_impl_name(impl), iver, iver >> 16, iver & 0xffff);
	printk("SBI TIME extension detected, SRST extension %s\n",
	       sbi_probe_extension(SBI_EXT_SRST) ? "detected" : "missing");
}

void sbi_set_timer(u64 stime_value)
{
	sbi_ecall(SBI_EXT_TIME, 0, stime_value, 0, 0);
}

void sbi_console_putchar(int ch)
{
	sbi_ecall(SBI_EXT_0_1_CONSOLE_PUTCHAR, 0, ch, 0, 0);
}

void __noreturn sbi_system_shutdown(bool failure)
{
	sbi_ecall(SBI_EXT_SRST, 0, SBI_SRST_RESET_TYPE_SHUTDOWN,
		  failure ? SBI_SRST_RESET_REASON_SYS_FAILURE :
			    SBI_SRST_RESET_REASON_NONE, 0);
	for (;;)
		__asm__ __volatile__("wfi");
}
