/*
 * Supplementary groups: getgroups/setgroups and the group_info list a
 * cred points at (sorted, so a permission check searches it in log time).
 * Only root (Linux's CAP_SETGID) may set them.
 */
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

struct group_info *groups_alloc(int gidsetsize)
{
	struct group_info *gi = kmalloc(sizeof(*gi) + gidsetsize *
					sizeof(gid_t), GFP_KERNEL);

	if (!gi)
		return NULL;
	gi->usage = 1;
	gi->ngroups = gidsetsize;
	return gi;
}

void groups_free(struct group_info *gi)
{
	BUG_ON(gi == &init_groups);
	kfree(gi);
}

static void sift_down(gid_t *g, int root, int n)
{
	while (2 * root + 1 < n) {
		int child = 2 * root + 1;
		gid_t tmp;

		if (child + 1 < n && g[child + 1] > g[child])
			child++;
		if (g[root] >= g[child])
			return;
		tmp = g[root];
		g[root] = g[child];
		g[child] = tmp;
		root = child;
	}
}

/* Heapsort, as Linux's lib/sort.c: n log n however large the list. */
void groups_sort(struct group_info *gi)
{
	gid_t *g = gi->gid, tmp;
	int n = gi->ngroups, i;

	for (i = n / 2 - 1; i >= 0; i--)
		sift_down(g, i, n);
	for (i = n - 1; i > 0; i--) {
		tmp = g[0];
		g[0] = g[i];
		g[i] = tmp;
		sift_down(g, 0, i);
	}
}

bool groups_search(const struct group_info *gi, gid_t gid)
{
	int left = 0, right = gi->ngroups;

	while (left < right) {
		int mid = (left + right) / 2;

		if (gid > gi->gid[mid])
			left = mid + 1;
		else if (gid < gi->gid[mid])
			right = mid;
		else
			return true;
	}
	return false;
}

/* Is gid the file-system group of current or one of its groups? */
bool in_group_p(gid_t gid)
{
	const struct cred *cred = current_cred();

	return gid == cred->fsgid || groups_search(cred->group_info, gid);
}

/* The same with the effective group (Linux's in_egroup_p). */
bool in_egroup_p(gid_t gid)
{
	const struct cred *cred = current_cred();

	return gid == cred->egid || groups_search(cred->group_info, gid);
}

/* Give current the sorted list gi (one reference is the caller's). */
int set_current_groups(struct group_info *gi)
{
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	put_group_info(new->group_info);
	new->group_info = get_group_info(gi);
	return commit_creds(new);
}

SYSCALL_DEFINE2(getgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	const struct group_info *gi = current_cred()->group_info;
	int n = gi->ngroups;

	if (gidsetsize < 0)
		return -EINVAL;
	if (gidsetsize) {
		if (gidsetsize < n)
			return -EINVAL;
		if (copy_to_user(grouplist, gi->gid, n * sizeof(gid_t)))
			return -EFAULT;
	}
	return n;
}

SYSCALL_DEFINE2(setgroups, int, gidsetsize, const gid_t __user *, grouplist)
{
	struct group_info *gi;
	long ret;

	if (!capable_setid())
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	gi = groups_alloc(gidsetsize);
	if (!gi)
		return -ENOMEM;
	if (copy_from_user(gi->gid, grouplist, gidsetsize * sizeof(gid_t))) {
		put_group_info(gi);
		return -EFAULT;
	}
	groups_sort(gi);
	ret = set_current_groups(gi);
	put_group_info(gi);
	return ret;
}
