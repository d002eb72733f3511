#!/usr/bin/env bash
# mmdebstrap's customize hook: settles the installed system in the chroot ($1) before it is
# packed into a slot. The files of build/image/rootfs are already in place.
set -euo pipefail
root=$1
in_root() { chroot "$root" "$@"; }

echo "Europe/Warsaw" > "$root/etc/timezone"
ln -sf /usr/share/zoneinfo/Europe/Warsaw "$root/etc/localtime"
# Each boot makes its own machine id in memory (the root is read-only).
: > "$root/etc/machine-id"
echo "LANG=C.UTF-8" > "$root/etc/default/locale"
ln -sf /run/systemd/resolve/stub-resolv.conf "$root/etc/resolv.conf"

# The kiosk on tty1 (its package enabled it), the rest of the image's own units.
in_root systemctl enable systemd-networkd.service systemd-resolved.service \
    systemd-timesyncd.service infomat-first-boot.service infomat-mark-good.service \
    infomat-slot-deadline.timer infomat-net-update.timer infomat-apply-config.service
in_root systemctl enable infomat-kiosk.service infomat-metrics-agent.service
# Debian's prometheus package is here for the agent only (infomat-metrics-agent.service,
# idle until apply-config writes its config); its own full server would write under the
# read-only /var/lib/prometheus.
in_root systemctl mask prometheus.service
# Nobody logs in on the kiosk's screen; root has no password (locked) and there is no SSH.
in_root passwd --lock root > /dev/null
in_root systemctl mask getty@tty1.service serial-getty@ttyS0.service

# A development RAUC keyring until the fleet's own CA is provisioned (docs/image.md).
if [ -n "${INFOMAT_RAUC_KEYRING:-}" ]; then
    install -m 0644 "$INFOMAT_RAUC_KEYRING" "$root/etc/rauc/keyring.pem"
fi
# The bundled catalogue imported now, as the kiosk's first start would do (seconds under
# emulation): the generation goes to the data partition with the rest of /var/lib/infomat.
in_root runuser -u kiosk -- /opt/infomat/kiosk --config /etc/infomat/kiosk.toml \
    catalogue import --bundled

# The screens' QML compiled now into the slot, where the kiosk's unit points Qt's disk cache
# (rootfs/.../infomat-kiosk.service.d/image.conf): a first start, and the first start after
# an update, loads it instead of compiling (docs/image.md, "QML compiled at build time").
if ! in_root /opt/infomat/kiosk compile-qml --help > /dev/null 2>&1; then
    echo "customize.sh: the infomat-kiosk package has no 'kiosk compile-qml' (older than the" \
        "image scripts): rebuild it with ./dev deb" >&2
    exit 1
fi
in_root env QT_QPA_PLATFORM=offscreen /opt/infomat/kiosk --config /etc/infomat/kiosk.toml \
    compile-qml /usr/lib/infomat-image/qml-cache

# The config's udev rules and timer drop-ins go to /run at every boot
# (infomat-apply-config.service): what the postinst's apply-config wrote into /etc here
# would take precedence over them, so it goes. The package's default config is kept in the
# slot: a kiosk whose config is still that one takes its first config from a USB stick.
rm -f "$root/etc/udev/rules.d/70-infomat-printer.rules"
rm -rf "$root"/etc/systemd/system/infomat-screen-*.timer.d
rm -f "$root"/etc/systemd/system/timers.target.wants/infomat-screen-*.timer
mkdir -p "$root/usr/lib/infomat-image"
install -m 0644 "$root/etc/infomat/kiosk.toml" "$root/usr/lib/infomat-image/default-kiosk.toml"

# The image's version, in the slot: the update scripts compare a bundle's version with it.
mkdir -p "$root/usr/lib/infomat-image"
echo "$INFOMAT_IMAGE_VERSION" > "$root/usr/lib/infomat-image/version"
# The mount points of the data partition and the config bind mount.
mkdir -p "$root/var/lib/infomat" "$root/etc/infomat" "$root/boot/efi"
