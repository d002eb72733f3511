#!/usr/bin/env bash
# Build the Infomat kiosk disk image (x86-64, UEFI, GPT) from Debian 12 packages, without a VM.
#
#   build/image/build-image.sh DEB OUT
#
# INFOMAT_IMAGE_VERSION names the image's version (default: the package's).
# INFOMAT_IMAGE_ZSTD_LEVEL (1-19, default 12) trades the compressed image's size for build time.
# DEB is the infomat-kiosk package (`./dev deb`); OUT a folder outside git (build/work/image).
# Writes OUT/infomat-kiosk.img (a sparse raw disk), OUT/infomat-kiosk.img.zst (the same,
# compressed: what a technician downloads), OUT/packages.txt (every package and its version)
# and OUT/rootfs-a.ext4 (the slot's file system, what a RAUC bundle will carry).
# Needs root (mmdebstrap's root mode keeps file owners; the chroot runs maintainer scripts).
# See docs/image.md for the layout and why mmdebstrap and GRUB.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
deb=$(realpath "$1")
out=$(realpath -m "$2")
# Downloaded packages are kept between builds (mmdebstrap still checks them against the
# signed indices): a rebuild fetches only what changed.
cache=$(realpath -m "${INFOMAT_IMAGE_APT_CACHE:-$out/../image-apt-cache}")
# Debian's own mirrors (bookworm, -updates, -security) unless INFOMAT_IMAGE_MIRROR names one.
mirrors=()
if [ -n "${INFOMAT_IMAGE_MIRROR:-}" ]; then mirrors=("$INFOMAT_IMAGE_MIRROR"); fi
# The image's version: the package's unless given (a RAUC bundle carries its own, see
# make-bundle.sh).
export INFOMAT_IMAGE_VERSION=${INFOMAT_IMAGE_VERSION:-$(dpkg-deb --field "$deb" Version)}
if ! [[ $INFOMAT_IMAGE_VERSION =~ ^[A-Za-z0-9.+~_-]{1,64}$ ]]; then
    echo "build-image.sh: INFOMAT_IMAGE_VERSION='$INFOMAT_IMAGE_VERSION' is not a version" \
        "(letters, digits and . + ~ _ -, at most 64)" >&2
    exit 2
fi
# The compressed image for technicians (OUT/infomat-kiosk.img.zst): zstd level 1-19; 12 by
# default (263 MiB, about a minute on two busy cores; 3 is 291 MiB in 10 s).
zstd_level=${INFOMAT_IMAGE_ZSTD_LEVEL:-12}
if ! [[ $zstd_level =~ ^[0-9]+$ ]] || ((zstd_level < 1 || zstd_level > 19)); then
    echo "build-image.sh: INFOMAT_IMAGE_ZSTD_LEVEL=$zstd_level is not a zstd level from 1 to 19" >&2
    exit 2
fi
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$here" log -1 --format=%ct 2>/dev/null || date +%s)}

# The partition table: sizes, fixed GUIDs and the sfdisk input (`partition_table`).
. "$here/disk-layout.sh"

# What the kiosk runs on, besides what infomat-kiosk depends on (weston, logind's PAM module,
# fonts, espeak-ng, the Qt runtime libraries): the kernel, systemd, Mesa for the GPU, networking and
# time, GRUB's tools, RAUC and its D-Bus service (`rauc status mark-good` asks it), curl (the
# network update downloads the group's bundle with it: Debian's RAUC 1.8 cannot stream), and
# prometheus for the metrics agent (infomat-metrics-agent.service, docs/image.md): without
# promtool (46 MiB) and the 212 MiB of historic time-zone JSON its web UI's libjs-moment-timezone
# brings (the UI uses the package's smaller with-data builds; the agent needs neither). No SSH.
# qemu-guest-agent runs only where its virtio port exists, i.e. in a test VM (tests/image):
# real kiosk hardware has no such port, and the agent never starts there.
packages=(
    systemd-sysv udev dbus linux-image-amd64 initramfs-tools
    grub-efi-amd64-bin grub-common rauc rauc-service e2fsprogs dosfstools qemu-guest-agent
    systemd-resolved systemd-timesyncd ca-certificates tzdata curl
    libgl1-mesa-dri fonts-dejavu-core espeak-ng prometheus
)

# Kernel modules a kiosk never uses are not installed: build/image/kernel-modules.txt, as
# dpkg path filters on the kernel package (checked after the build by check-modules.sh).
module_filters=()
line_no=0
while read -r verb path extra; do
    line_no=$((line_no + 1))
    case $verb in
    '' | '#'*) continue ;;
    drop) filter="path-exclude" ;;
    keep) filter="path-include" ;;
    *) verb=bad ;;
    esac
    if [ "$verb" = bad ] || [ -n "$extra" ] || ! [[ $path =~ ^[A-Za-z0-9_./-]+$ ]] || [[ $path == *..* ]]; then
        echo "build-image.sh: build/image/kernel-modules.txt line $line_no: write 'drop PATH' or" \
            "'keep PATH', PATH a folder or .ko file under the kernel's modules (kernel/...)" >&2
        exit 2
    fi
    glob=$path
    if [[ $path != *.ko ]]; then glob="$path/*"; fi
    module_filters+=("--dpkgopt=$filter=/lib/modules/*/kernel/$glob")
done < "$here/kernel-modules.txt"

log() { printf '\n== %s\n' "$*"; }
start=$(date +%s)
rm -rf "$out"
mkdir -p "$out"
root=$out/root
esp=$out/esp
data=$out/data

log "Debian 12 root file system with mmdebstrap"
# Besides the kernel modules: espeak-ng's pronunciation dictionaries of the kiosk's four
# languages only (kiosk/speech.py's VOICES; the other 108 are 10 MB). /usr is merged the way
# debootstrap does it, with the usr-is-merged package: the usrmerge package, which apt would
# otherwise pick, converts a system once and pulls in the whole of Perl (47 MB) for it.
include=$(IFS=,; echo "${packages[*]}")
mmdebstrap --mode=root --variant=minbase --format=directory \
    --aptopt='APT::Install-Recommends "false"' \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/bin/promtool' \
    --dpkgopt='path-exclude=/usr/share/javascript/moment-timezone/data/*' \
    --dpkgopt='path-exclude=/usr/lib/x86_64-linux-gnu/espeak-ng-data/*_dict' \
    --dpkgopt='path-include=/usr/lib/x86_64-linux-gnu/espeak-ng-data/pl_dict' \
    --dpkgopt='path-include=/usr/lib/x86_64-linux-gnu/espeak-ng-data/en_dict' \
    --dpkgopt='path-include=/usr/lib/x86_64-linux-gnu/espeak-ng-data/uk_dict' \
    --dpkgopt='path-include=/usr/lib/x86_64-linux-gnu/espeak-ng-data/de_dict' \
    "${module_filters[@]}" \
    --include="$include" \
    --include="$deb" \
    --hook-dir=/usr/share/mmdebstrap/hooks/file-mirror-automount \
    --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
    --skip=essential/unlink \
    --setup-hook="mkdir -p '$cache' \"\$1/var/cache/apt/archives\"" \
    --setup-hook="sync-in '$cache' /var/cache/apt/archives/" \
    --customize-hook="sync-in '$here/rootfs' /" \
    --customize-hook="'$here/customize.sh' \"\$1\"" \
    --customize-hook="sync-out /var/cache/apt/archives '$cache'" \
    bookworm "$root" "${mirrors[@]}"

# mmdebstrap bind-mounted the .deb at its own path in the chroot and leaves the empty mount
# point behind (a path of the build machine): remove it and its empty folders.
mount_point=${deb#/}
if [ -f "$root/$mount_point" ] && [ ! -s "$root/$mount_point" ]; then
    rm "$root/$mount_point"
    dir=$(dirname "$mount_point")
    while [ "$dir" != . ] && rmdir "$root/$dir" 2> /dev/null; do dir=$(dirname "$dir"); done
fi
"$here/check-modules.sh" "$root" "$here/kernel-modules.txt"

log "weston's unused backends and plugins out (FreeRDP, FFmpeg, GStreamer, PipeWire)"
weston_libs=/usr/lib/x86_64-linux-gnu
"$here/trim-packages.sh" "$root" "$here/weston-unused.txt" weston,libweston-10-0 \
    /usr/bin/weston "$weston_libs/weston/libexec_weston.so.0" \
    "$weston_libs/weston/kiosk-shell.so" "$weston_libs/libweston-10/drm-backend.so"

# mmdebstrap's clean-up empties the machine id; each boot makes its own in memory (the root is
# read-only), and D-Bus reads it through this link.
ln -sf /etc/machine-id "$root/var/lib/dbus/machine-id"

log "Data partition: /var/lib/infomat and the technician's config (/etc/infomat)"
mkdir -p "$data"
cp -a "$root/var/lib/infomat/." "$data/"
rm -rf "${root:?}/var/lib/infomat/"* "$data/heartbeat.pem" "$data/heartbeat.pub"
mkdir -p "$data/etc"
cp -a "$root/etc/infomat/." "$data/etc/"
# The default config this kiosk is written with, root's: usb-provision still takes a stick's
# config after an update whose image has another default (docs/image.md).
install -m 0644 "$root/etc/infomat/kiosk.toml" "$data/etc/kiosk.toml.image-default"
kiosk_gid=$(chroot "$root" getent group kiosk | cut -d: -f3)
chown "root:$kiosk_gid" "$data/etc"
chmod 0750 "$data/etc"
rm -rf "${root:?}/etc/infomat/"*

log "ESP: GRUB (its own EFI binary), grub.cfg, grubenv"
mkdir -p "$esp/EFI/BOOT"
# The modules GRUB needs to read grubenv on the ESP and a kernel from an ext4 slot.
chroot "$root" grub-mkimage --format=x86_64-efi --prefix=/EFI/BOOT --output=/tmp/BOOTX64.EFI \
    part_gpt fat ext2 normal linux echo test true regexp loadenv configfile search all_video \
    efi_gop gfxterm sleep reboot halt
mv "$root/tmp/BOOTX64.EFI" "$esp/EFI/BOOT/BOOTX64.EFI"
sed -e "s/@ROOT_A_PARTUUID@/$root_a_uuid/" -e "s/@ROOT_B_PARTUUID@/$root_b_uuid/" \
    "$here/grub.cfg" > "$esp/EFI/BOOT/grub.cfg"
# Slot B is empty until the first update installs into it: never worth booting yet.
chroot "$root" grub-editenv /tmp/grubenv create
chroot "$root" grub-editenv /tmp/grubenv set ORDER="A B" A_OK=1 A_TRY=0 B_OK=0 B_TRY=0
mv "$root/tmp/grubenv" "$esp/EFI/BOOT/grubenv"
# The slot keeps grub-common (RAUC switches slots with its grub-editenv) but not the EFI
# modules (18 MB) grub-mkimage took BOOTX64.EFI from: an update never rewrites the ESP.
echo "BOOTX64.EFI from grub-efi-amd64-bin $(chroot "$root" dpkg-query -W -f='${Version}' grub-efi-amd64-bin)"
chroot "$root" dpkg --purge grub-efi-amd64-bin > /dev/null

log "Package list"
chroot "$root" dpkg-query -W -f='${Package} ${Version}\n' | sort > "$out/packages.txt"
cat "$out/packages.txt"
echo "$(wc -l < "$out/packages.txt") packages"

log "File systems"
export E2FSPROGS_FAKE_TIME=$SOURCE_DATE_EPOCH
mkfs.ext4 -q -L rootfs -U "$root_a_uuid" -E root_owner=0:0 -d "$root" \
    "$out/rootfs-a.ext4" "${slot_mib}M"
kiosk_uid=$(chroot "$root" id -u kiosk)
mkfs.ext4 -q -L infomat-data -U "$data_uuid" -E "root_owner=$kiosk_uid:$kiosk_gid" -d "$data" \
    "$out/data.ext4" "${data_mib}M"
debugfs -w -R "set_inode_field / mode 040750" "$out/data.ext4" 2> /dev/null
mkfs.vfat -n ESP -i 1f2a7e3c -C "$out/esp.vfat" $((esp_mib * 1024)) > /dev/null
mcopy -s -i "$out/esp.vfat" "$esp/EFI" ::/

log "Disk image (GPT: esp, rootfs-a, rootfs-b, infomat-data)"
img=$out/infomat-kiosk.img
total_mib=$((1 + esp_mib + 2 * slot_mib + data_mib + 1))
truncate -s "${total_mib}M" "$img"
partition_table | sfdisk --quiet "$img"
offset=1
for part in esp.vfat:$esp_mib rootfs-a.ext4:$slot_mib empty:$slot_mib data.ext4:$data_mib; do
    file=${part%%:*}
    if [ "$file" != empty ]; then
        dd if="$out/$file" of="$img" bs=1M seek="$offset" conv=notrunc,sparse status=none
    fi
    offset=$((offset + ${part##*:}))
done
rm -f "$out/esp.vfat" "$out/data.ext4"
rm -rf "$esp" "$data"
sfdisk --list "$img"

log "Compressed image (zstd -$zstd_level): what a technician downloads and writes to a disk"
# zstd streams: `zstd -dc infomat-kiosk.img.zst | dd of=/dev/sdX` needs no room for the raw
# image, decompresses faster than the disk writes, and checks its own checksum (docs/image.md).
zstd -q -f -T0 "-$zstd_level" "$img" -o "$img.zst"

log "Sizes"
echo "root file system: $(du -sh --apparent-size "$root" | cut -f1) ($(du -sh "$root/lib/modules" | cut -f1) of kernel modules)"
echo "image: $(du -h --apparent-size "$img" | cut -f1) as a disk, $(du -h "$img" | cut -f1) allocated (sparse)"
echo "compressed image: $(du -h --apparent-size "$img.zst" | cut -f1) ($img.zst)"
rm -rf "$root"
echo "built $img in $(($(date +%s) - start)) s"
