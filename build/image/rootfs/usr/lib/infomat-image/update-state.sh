# Shared by the image's update scripts (sourced, not run): where the update's outcome is kept
# and how it is written. The kiosk reads the file for its heartbeat and metrics
# (kiosk/image_status.py); docs/image.md describes the states.
# The INFOMAT_TEST_* variables are for tests/image/test_net_update_script.py only, which runs
# the scripts on a temporary folder; systemd starts the units with none of them set.
data_dir=${INFOMAT_TEST_DATA_DIR:-/var/lib/infomat}
state_file=$data_dir/image-update.json
# Versions that installed but never showed the kiosk: one per line, never installed again.
failed_file=$data_dir/image-failed-versions
esp_dir=${INFOMAT_TEST_ESP_DIR:-/boot/efi}
grubenv=$esp_dir/EFI/BOOT/grubenv
image_lib=${INFOMAT_TEST_IMAGE_LIB:-/usr/lib/infomat-image}

# The slot this boot runs from (GRUB puts rauc.slot=A|B on the kernel command line).
booted_slot() {
    sed -n 's/.*rauc\.slot=\([AB]\).*/\1/p' "${INFOMAT_TEST_CMDLINE:-/proc/cmdline}"
}

# This slot's image version, written into the root file system when it was built.
booted_version() {
    cat "$image_lib/version"
}

# A value from GRUB's environment, e.g. `grubenv_value ORDER`.
grubenv_value() {
    grub-editenv "$grubenv" list | sed -n "s/^$1=//p"
}

# A version string from a bundle goes into JSON and a file: only the characters a Debian or
# semantic version uses.
valid_version() {
    [[ $1 =~ ^[A-Za-z0-9.+~_-]{1,64}$ ]]
}

# write_state STATE SLOT VERSION REASON: the outcome, replaced in one rename (never half a
# file after a power cut). REASON is one of this image's fixed sentences, never free text.
write_state() {
    local tmp=$state_file.tmp
    printf '{"state":"%s","slot":"%s","version":"%s","reason":"%s","at":"%s"}\n' \
        "$1" "$2" "$3" "$4" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$tmp"
    chmod 0644 "$tmp"
    sync "$tmp"
    mv "$tmp" "$state_file"
    sync "$(dirname "$state_file")"
}

# A field of the state file as it is now ("" when there is none).
state_field() {
    [ -f "$state_file" ] || return 0
    sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$state_file"
}
