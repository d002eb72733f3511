#!/usr/bin/env bash
# Remove the packages of LIST from an image's root, where only the packages of KEEPERS may
# be left depending on them (build-image.sh runs it with weston-unused.txt; docs/image.md).
#
#   build/image/trim-packages.sh ROOT LIST KEEPERS BINARY...
#
# KEEPERS: the packages allowed a missing dependency afterwards (comma-separated). BINARY:
# programs and modules in ROOT that must still find every library they link (ldd).
# Fails, saying which, when a name of LIST is not installed (the list is out of date), when
# removing them breaks any other package, or when a BINARY lost a library.
set -euo pipefail
root=$1 list=$2 keepers=$3
shift 3
in_root() { chroot "$root" "$@"; }

mapfile -t packages < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$list" | awk '{print $1}')
# One look at what is installed, not one chroot per name.
installed=$(in_root dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' | awk '$1 == "ii" {print $2}' | sort -u)
mapfile -t missing < <(comm -23 <(printf '%s\n' "${packages[@]}" | sort -u) <(echo "$installed"))
if ((${#missing[@]})); then
    echo "trim-packages.sh: $list names packages that are not installed: ${missing[*]}" \
        "(Debian renamed or dropped them: update the list)" >&2
    exit 1
fi
before=$(in_root dpkg-query -W -f='${Installed-Size}\n' "${packages[@]}" | awk '{s += $1} END {print s}')
in_root dpkg --purge --force-depends "${packages[@]}" > /dev/null 2>&1

# Which installed packages now miss a dependency: apt-get check names each one (and exits 100).
report=$(in_root apt-get check -o Debug::NoLocking=1 2>&1 || true)
broken=$(sed -n 's/^ \([a-z0-9][a-z0-9.+-]*\) : .*/\1/p' <<< "$report" | sort -u)
allowed=$(tr ',' '\n' <<< "$keepers" | sort -u)
unexpected=$(comm -23 <(echo "$broken" | sed '/^$/d') <(echo "$allowed"))
if [ -n "$unexpected" ]; then
    echo "trim-packages.sh: removing $list's packages broke: $unexpected" \
        "(they need one of them: take it off the list)" >&2
    exit 1
fi
for binary in "$@"; do
    if lost=$(in_root ldd "$binary" | grep 'not found'); then
        echo "trim-packages.sh: $binary lost libraries: $lost" >&2
        exit 1
    fi
done
echo "removed ${#packages[@]} packages (${before} KiB) only $keepers needed, for parts the" \
    "kiosk does not load"
