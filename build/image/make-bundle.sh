#!/usr/bin/env bash
# Make a signed RAUC bundle of a kiosk image's root file system: what a kiosk installs into
# its other slot (docs/image.md, "Updates").
#
#   build/image/make-bundle.sh ROOTFS VERSION OUT.raucb
#
# ROOTFS is a slot's ext4 file system (build-image.sh leaves OUT/rootfs-a.ext4); VERSION is
# written into the bundle's manifest and into the file system's /usr/lib/infomat-image/version
# (a copy: ROOTFS is not changed), so the kiosk knows which version it runs after the update.
# INFOMAT_RAUC_CERT and INFOMAT_RAUC_KEY name the signing certificate and key (the kiosks'
# keyring must hold the certificate or its CA). INFOMAT_BUNDLE_ZSTD_LEVEL (1-22, default 15)
# trades the bundle's size for the time to make it (the VM tests use 3). Needs rauc,
# mksquashfs (squashfs-tools) and debugfs (e2fsprogs); no root.
set -euo pipefail
if [ $# != 3 ]; then
    echo "usage: make-bundle.sh ROOTFS VERSION OUT.raucb" >&2
    exit 2
fi
rootfs=$1 version=$2 out=$3
if ! [[ $version =~ ^[A-Za-z0-9.+~_-]{1,64}$ ]]; then
    echo "make-bundle.sh: '$version' is not a version (letters, digits and . + ~ _ -, at most 64)" >&2
    exit 2
fi
for file in "$rootfs" "${INFOMAT_RAUC_CERT:?set INFOMAT_RAUC_CERT}" "${INFOMAT_RAUC_KEY:?set INFOMAT_RAUC_KEY}"; do
    if [ ! -f "$file" ]; then
        echo "make-bundle.sh: $file does not exist (./dev image makes the image and a development key)" >&2
        exit 2
    fi
done
level=${INFOMAT_BUNDLE_ZSTD_LEVEL:-15}
if ! [[ $level =~ ^[0-9]+$ ]] || ((level < 1 || level > 22)); then
    echo "make-bundle.sh: INFOMAT_BUNDLE_ZSTD_LEVEL=$level is not a zstd level from 1 to 22" >&2
    exit 2
fi
start=$(date +%s)
content=$(mktemp -d)
trap 'rm -rf "$content"' EXIT
cp --sparse=always "$rootfs" "$content/rootfs.ext4"
echo "$version" > "$content/version"
debugfs -w -f - "$content/rootfs.ext4" > /dev/null <<END
rm /usr/lib/infomat-image/version
write $content/version /usr/lib/infomat-image/version
sif /usr/lib/infomat-image/version mode 0100644
sif /usr/lib/infomat-image/version uid 0
sif /usr/lib/infomat-image/version gid 0
END
rm "$content/version"
# The slot holds exactly what the file system says it holds: check it before signing.
e2fsck -fn "$content/rootfs.ext4" > /dev/null
cat > "$content/manifest.raucm" <<END
[update]
compatible=infomat-kiosk-x86_64
version=$version

[bundle]
format=verity

[image.rootfs]
filename=rootfs.ext4
END
rm -f "$out"
# zstd: about as small as xz and decompressed several times faster on the kiosk.
rauc bundle --cert "$INFOMAT_RAUC_CERT" --key "$INFOMAT_RAUC_KEY" \
    --mksquashfs-args="-comp zstd -Xcompression-level $level -quiet" "$content" "$out"
echo "bundle $out: version $version, $(du -h --apparent-size "$out" | cut -f1), made in $(($(date +%s) - start)) s"
