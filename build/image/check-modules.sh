#!/usr/bin/env bash
# Check the kernel modules left in an image's root after kernel-modules.txt dropped some
# (build-image.sh runs it; docs/image.md, "Kernel modules").
#
#   build/image/check-modules.sh ROOT LIST
#
# Fails when a line of LIST names a path the kernel was not built with (a typo, or a newer
# kernel moved the driver: the line would silently drop nothing) and when a module left in
# needs a module that was dropped (modprobe would fail on the kiosk). Prints the modules' size.
set -euo pipefail
root=$1 list=$2
versions=("$root"/lib/modules/*/modules.order)
if [ ${#versions[@]} != 1 ] || [ ! -f "${versions[0]}" ]; then
    echo "check-modules.sh: expected one kernel in $root/lib/modules" >&2
    exit 2
fi
modules=$(dirname "${versions[0]}")
version=$(basename "$modules")
failed=0

# Every path of the list is a folder or module the kernel package has (modules.order lists
# all of its modules, dropped or not).
while read -r verb path _; do
    case $verb in drop | keep) ;; *) continue ;; esac
    if ! grep -q -e "^kernel/$path\$" -e "^kernel/$path/" "$modules/modules.order"; then
        echo "check-modules.sh: $list: '$verb $path' names no module of kernel $version" >&2
        failed=1
    fi
done < "$list"

# Every module left in finds the modules it depends on (modinfo's depends, from the kernel's
# build), installed or built into the kernel.
present=$(mktemp)
trap 'rm -f "$present"' EXIT
(find "$modules/kernel" -name '*.ko' -printf '%f\n' && sed 's|.*/||' "$modules/modules.builtin") |
    sed 's/\.ko$//; s/-/_/g' | sort -u > "$present"
missing=$(find "$modules/kernel" -name '*.ko' -printf "/lib/modules/$version/kernel/%P\n" |
    xargs chroot "$root" modinfo |
    awk -v version="$version" '
        FNR == NR { present[$1] = 1; next }
        $1 == "filename:" { module = substr($2, length("/lib/modules/" version "/") + 1) }
        $1 == "depends:" && NF > 1 {
            n = split($2, needs, ",")
            for (i = 1; i <= n; i++) { name = needs[i]; gsub("-", "_", name)
                if (!(name in present)) print "  " module " needs " needs[i] } }' "$present" -)
if [ -n "$missing" ]; then
    echo "check-modules.sh: modules left in need modules $list drops (keep those, or drop these):" >&2
    echo "$missing" >&2
    failed=1
fi
if [ $failed = 1 ]; then exit 1; fi
echo "kernel modules: $(find "$modules/kernel" -name '*.ko' | wc -l) installed," \
    "$(du -sh "$modules" | cut -f1); every path of $(basename "$list") found, every dependency present"
