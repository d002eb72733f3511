# The kiosk disk's layout, sourced by build-image.sh (and by tests/build/test_data_partition.py,
# which lays out a small disk with it). Fixed GUIDs so GRUB and fstab can name the slots and
# the disk compares between builds; sizes in MiB. A slot holds the whole OS (kernel included),
# sized with room for growth: an update writes a new slot image of the same size. The data
# partition also holds a bundle while it is downloaded (~400 MB; net-update keeps 128 MiB free
# beside it). It is the last partition, so at boot it grows to the end of a larger disk
# (systemd-repart with rootfs/usr/lib/repart.d, then systemd-growfs: rootfs/etc/fstab).
esp_mib=64
slot_mib=1536
data_mib=1024
disk_guid=6f1f2a7e-3c1b-4c55-9d39-1a0f7e2b5a01
esp_uuid=6f1f2a7e-3c1b-4c55-9d39-1a0f7e2b5a02
root_a_uuid=6f1f2a7e-3c1b-4c55-9d39-1a0f7e2b5a0a
root_b_uuid=6f1f2a7e-3c1b-4c55-9d39-1a0f7e2b5a0b
data_uuid=6f1f2a7e-3c1b-4c55-9d39-1a0f7e2b5a0d
root_type=4f68bce3-e8cd-4db1-96e7-fbcaf984b709 # "Linux root (x86-64)" in the GPT spec

# The GPT as sfdisk reads it: ESP, root slots A and B, the data partition last.
partition_table() {
    cat <<TABLE
label: gpt
label-id: $disk_guid
start=1MiB, size=${esp_mib}MiB, type=U, uuid=$esp_uuid, name=esp
size=${slot_mib}MiB, type=$root_type, uuid=$root_a_uuid, name=rootfs-a
size=${slot_mib}MiB, type=$root_type, uuid=$root_b_uuid, name=rootfs-b
size=${data_mib}MiB, type=L, uuid=$data_uuid, name=infomat-data
TABLE
}
