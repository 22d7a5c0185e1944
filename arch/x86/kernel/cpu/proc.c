/*
 * /proc/cpuinfo for i386, in Linux's format: what CPUID says about the
 * processor (vendor, family, model, name, stepping, feature flags by
 * Linux's names) and the TSC rate measured at boot. One CPU today.
 */
#include <asm/processor.h>
#include <asm/timex.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/string.h>

static void cpuid(u32 leaf, u32 *a, u32 *b, u32 *c, u32 *d)
{
	*a = leaf;
	*c = 0;
	__asm__ __volatile__("cpuid" : "+a"(*a), "=b"(*b), "+c"(*c), "=d"(*d));
}

/* Linux's names for CPUID.1:EDX and CPUID.1:ECX bits ("" = not shown). */
static const char *const edx_flags[32] = {
	"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce", "cx8", "apic",
	"", "sep", "mtrr", "pge", "mca", "cmov", "pat", "pse36", "pn",
	"clflush", "", "dts", "acpi", "mmx", "fxsr", "sse", "sse2", "ss",
	"ht", "tm", "ia64", "pbe",
};
static const char *const ecx_flags[32] = {
	"pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx", "smx",
	"est", "tm2", "ssse3", "cid", "sdbg", "fma", "cx16", "xtpr", "pdcm",
	"", "pcid", "dca", "sse4_1", "sse4_2", "x2apic", "movbe", "popcnt",
	"tsc_deadline_timer", "aes", "xsave", "", "avx", "f16c", "rdrand",
	"hypervisor",
};

static void show_flags(struct seq_file *m, const char *const *names, u32 v)
{
	int i;

	for (i = 0; i < 32; i++)
		if ((v & (1U << i)) && names[i][0])
			seq_printf(m, " %s", names[i]);
}

int show_cpuinfo(struct seq_file *m)
{
	u32 a, b, c, d, level, sig, edx, ecx, family, model;
	char vendor[13], name[49];
	int i;

	cpuid(0, &level, &b, &c, &d);
	memcpy(vendor, &b, 4);
	memcpy(vendor + 4, &d, 4);
	memcpy(vendor + 8, &c, 4);
	vendor[12] = '\0';
	cpuid(1, &sig, &b, &ecx, &edx);
	family = (sig >> 8) & 0xf;
	model = (sig >> 4) & 0xf;
	if (family == 0xf)
		family += (sig >> 20) & 0xff;
	if (family >= 6)
		model += ((sig >> 16) & 0xf) << 4;
	strscpy(name, "unknown", sizeof(name));
	cpuid(0x80000000, &a, &b, &c, &d);
	if (a >= 0x80000004) {
		for (i = 0; i < 3; i++)
			cpuid(0x80000002 + i, (u32 *)(name + 16 * i),
			      (u32 *)(name + 16 * i + 4),
			      (u32 *)(name + 16 * i + 8),
			      (u32 *)(name + 16 * i + 12));
		name[48] = '\0';
	}

	seq_printf(m, "processor\t: 0\nvendor_id\t: %s\n", vendor);
	seq_printf(m, "cpu family\t: %u\nmodel\t\t: %u\n", family, model);
	seq_printf(m, "model name\t: %s\nstepping\t: %u\n", name, sig & 0xf);
	seq_printf(m, "cpu MHz\t\t: %lu.%03lu\n", tsc_khz / 1000,
		   tsc_khz % 1000);
	seq_puts(m, "physical id\t: 0\nsiblings\t: 1\ncore id\t\t: 0\n"
		    "cpu cores\t: 1\n");
	seq_printf(m, "fpu\t\t: %s\nfpu_exception\t: %s\n",
		   edx & 1 ? "yes" : "no", edx & 1 ? "yes" : "no");
	seq_printf(m, "cpuid level\t: %u\nwp\t\t: yes\nflags\t\t:", level);
	show_flags(m, edx_flags, edx);
	show_flags(m, ecx_flags, ecx);
	seq_puts(m, "\n\n");
	return 0;
}
