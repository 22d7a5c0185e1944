#!/bin/sh
# BusyBox for Clonix's initramfs, from Debian's own source package.
#
#   busybox.sh fetch                        download the source (once)
#   busybox.sh build CROSS_COMPILE OUTDIR   fetch (once) and build OUTDIR/busybox
#   busybox.sh install OUTDIR ROOT          put busybox and its applets in ROOT
#
# The source comes only from Debian 12 (bookworm): `apt-get source busybox`
# with a deb-src entry of our own, used for that download only. apt runs
# with a private sources list, package lists and cache, so the machine's
# apt set-up is neither used nor changed. The download (.dsc, orig tarball,
# Debian tarball) is kept in $CLONIX_CACHE (default ~/.cache/clonix), so
# `make clean` does not fetch it again; delete that folder to fetch anew.
# CLONIX_DEBIAN_MIRROR picks another Debian mirror.
#
# The build starts from Debian's busybox-static configuration
# (debian/config/pkg/static, a static glibc build with ash as sh), with the
# few changes Clonix needs in scripts/busybox.config, and uses the same
# Debian cross compilers as MenuOS.
set -eu
# BusyBox's own make must not see ours (ARCH=x86, -s, a jobserver).
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES

MIRROR=${CLONIX_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SUITE=bookworm
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
HERE=$(cd "$(dirname "$0")" && pwd)
# Without a home (HOME unset), the cache is build/cache in the work tree.
CACHE=${XDG_CACHE_HOME:-${HOME:+$HOME/.cache}}
CACHE=${CLONIX_CACHE:-${CACHE:-$HERE/../build/cache}/clonix}/busybox

die()
{
	echo "busybox.sh: $*" >&2
	exit 1
}

# Download Debian's busybox source package into $CACHE, unless it is there.
fetch()
{
	mkdir -p "$CACHE"
	ls "$CACHE"/busybox_*.dsc >/dev/null 2>&1 && return 0
	echo "  FETCH   busybox source from Debian $SUITE ($MIRROR)"
	tmp=$(mktemp -d "$CACHE/fetch.XXXXXX")
	mkdir -p "$tmp/lists/partial" "$tmp/cache/archives/partial" "$tmp/dl"
	echo "deb-src [signed-by=$KEYRING] $MIRROR $SUITE main" \
		> "$tmp/sources.list"
	set -- -q -o Dir::Etc::SourceList="$tmp/sources.list" \
		-o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$tmp/lists" -o Dir::Cache="$tmp/cache" \
		-o APT::Sandbox::User="$(id -un)"
	apt-get "$@" update >"$tmp/apt.log" 2>&1 ||
		{ cat "$tmp/apt.log" >&2; die "apt-get update failed"; }
	(cd "$tmp/dl" && apt-get "$@" --download-only source busybox) \
		>>"$tmp/apt.log" 2>&1 ||
		{ cat "$tmp/apt.log" >&2; die "apt-get source failed"; }
	ls "$tmp"/dl/busybox_*.dsc >/dev/null 2>&1 ||
		die "apt-get source left no .dsc in $tmp/dl"
	mv "$tmp"/dl/* "$CACHE"/
	rm -rf "$tmp"
}

# Unpack the cached source into $out/src (dpkg-source checks its sums and
# applies Debian's patches) and build it with CROSS_COMPILE=$cross.
build()
{
	cross=$1 out=$2
	dsc=$(ls "$CACHE"/busybox_*.dsc | head -n 1)
	version=$(sed -n 's/^Version: //p' "$dsc")
	rm -rf "$out/src"
	mkdir -p "$out"
	echo "  UNPACK  $(basename "$dsc")"
	dpkg-source -q -x "$dsc" "$out/src" >"$out/unpack.log" 2>&1 ||
		{ cat "$out/unpack.log" >&2; die "dpkg-source -x failed"; }
	rm -f "$out"/busybox_*.tar.*	# dpkg-source's copies of the tarballs

	# As debian/rules: the first assignment of a symbol wins, so Clonix's
	# changes go before Debian's configuration; oldconfig sorts it out.
	cfg=$out/src/.config
	grep '^[#C]' "$HERE/busybox.config" > "$cfg"
	cat "$out/src/debian/config/os/linux" \
		"$out/src/debian/config/pkg/static" >> "$cfg"
	echo "  CONFIG  Debian's static config + scripts/busybox.config"
	yes "" | make -C "$out/src" KCONFIG_NOTIMESTAMP=1 oldconfig \
		>"$out/config.log" 2>&1 ||
		{ cat "$out/config.log" >&2; die "make oldconfig failed"; }
	# Every change of ours must have survived oldconfig.
	grep -E '^(CONFIG_|# CONFIG_.* is not set$)' "$HERE/busybox.config" |
		while read -r line; do
			grep -qxF "$line" "$cfg" ||
				die "'$line' did not survive oldconfig"
		done

	echo "  MAKE    busybox $version (${cross}gcc, static)"
	# The build date comes from Debian's changelog, so two builds of the
	# same source are the same file.
	SOURCE_DATE_EPOCH=$(dpkg-parsechangelog -l "$out/src/debian/changelog" \
		-S Timestamp) \
	make -C "$out/src" -j"${BUSYBOX_JOBS:-2}" KCONFIG_NOTIMESTAMP=1 \
		CROSS_COMPILE="$cross" BB_EXTRA_VERSION="Debian $version" \
		busybox busybox.links >"$out/build.log" 2>&1 ||
		{ tail -n 40 "$out/build.log" >&2; die "make failed (see $out/build.log)"; }
	cp "$out/src/busybox.links" "$out/busybox.links"
	cp "$out/src/busybox_unstripped" "$out/busybox_unstripped"
	cp "$out/src/busybox" "$out/busybox.tmp"
	mv "$out/busybox.tmp" "$out/busybox"
}

# Install $out/busybox as ROOT/bin/busybox and one symbolic link per applet:
# in ROOT/bin, or in ROOT/usr/bin where ROOT/bin already has a program of
# that name (MenuOS's own ls, cat, echo, sleep, sh... win in /bin).
install_links()
{
	out=$1 root=$2
	mkdir -p "$root/bin" "$root/usr/bin"
	cp "$out/busybox" "$root/bin/busybox"
	sed 's|.*/||' "$out/busybox.links" | LC_ALL=C sort -u |
		while read -r name; do
			[ "$name" = busybox ] && continue
			if [ -e "$root/bin/$name" ] || [ -L "$root/bin/$name" ]; then
				ln -sfn /bin/busybox "$root/usr/bin/$name"
			else
				ln -sfn busybox "$root/bin/$name"
			fi
		done
}

# One download at a time, even for two builds at once.
locked_fetch()
{
	mkdir -p "$CACHE"
	exec 9>"$CACHE/lock"
	flock 9
	fetch
	flock -u 9
}

case "${1:-}" in
fetch)
	locked_fetch
	;;
build)
	[ $# -eq 3 ] || die "usage: $0 build CROSS_COMPILE OUTDIR"
	locked_fetch
	build "$2" "$3"
	;;
install)
	[ $# -eq 3 ] || die "usage: $0 install OUTDIR ROOT"
	install_links "$2" "$3"
	;;
*)
	die "usage: $0 fetch | build CROSS_COMPILE OUTDIR | install OUTDIR ROOT"
	;;
esac
