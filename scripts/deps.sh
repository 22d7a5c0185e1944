#!/bin/sh
# Install the Debian packages Clonix needs, but only those missing.
# Arguments are tool:package pairs; a tool is a command name or a path.
# Does nothing (quickly) when everything is present.
missing=""
for pair in "$@"; do
	tool=${pair%%:*}
	pkg=${pair#*:}
	case "$tool" in
	/*) [ -e "$tool" ] && continue ;;
	*) command -v "$tool" >/dev/null 2>&1 && continue ;;
	esac
	case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
if [ "$(id -u)" != 0 ]; then
	echo "deps: need root to install:$missing (run: sudo make deps)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q && apt-get install -y -q $missing
