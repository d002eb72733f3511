"""Updates over the network in the VM: the kiosk's group config names a new image version and
its bundle; the image's updater (infomat-net-update.service) downloads it from a real HTTP
server on the host's loopback, installs it with RAUC, waits for an empty screen, reboots
into the other slot, and the kiosk comes back on home there (docs/image.md, "Updates over
the network").

The VM reaches the host only through QEMU's guestfwd to that one server (restrict=on: nothing
else leaves). The fleet config is signed with a test key the kiosk's config trusts; the
bundle is made from the built slot, as tests/image/test_update.py makes its own.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.image.conftest import built_image
from tests.image.disk import StoppedDisk
from tests.image.test_update import VERSION_FILE, boot_to_home, make_bundle, run, signing_keys
from tests.image.vm import HOST_ADDRESS, ImageVM
from tests.image.watch import SerialWatch, boot_allowance
from tests.kiosk.fleet_helpers import GROUP, PUBLIC_KEY, document, signature

pytestmark = [pytest.mark.image, pytest.mark.slow]

CONFIG = "/etc/infomat/kiosk.toml"
KIOSK = "/opt/infomat/kiosk"
UPDATER = "infomat-net-update.service"


class Publisher:
    """A folder served over HTTP on loopback, as a fleet's web server would serve it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.paths: list[str] = []
        publisher = self

        class Handler(SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                publisher.paths.append(self.path)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=folder))
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def publish_config(self, version: str, bundle_name: str) -> None:
        url = f"http://{HOST_ADDRESS}/{bundle_name}"
        body = document({}, image_version=version, image_url=url)
        (self.folder / "fleet").mkdir(exist_ok=True)
        (self.folder / "fleet" / f"{GROUP}.json").write_bytes(body)
        (self.folder / "fleet" / f"{GROUP}.json.sig").write_bytes(signature(body))

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture(scope="module")
def publisher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Publisher]:
    image = built_image()
    rootfs = image.parent / "rootfs-a.ext4"
    if not rootfs.is_file():
        pytest.skip(f"no {rootfs}: ./dev image leaves the slot's file system beside the image")
    signing_keys()  # skips without them
    served = Publisher(tmp_path_factory.mktemp("published"))
    yield served
    served.stop()


def kiosk_config(shown: str) -> str:
    """The image's config with this group's fleet config, and the attract loop (nobody at
    the screen) after 10 s instead of 120, so the reboot does not wait two minutes."""
    config = shown.replace("[screen]\n", "[screen]\nattract_s = 10\n", 1)
    fleet = f'url = "http://{HOST_ADDRESS}/fleet/{GROUP}.json"\ngroup = "{GROUP}"\n'
    return config + f"\n[fleet]\n{fleet}public_keys = [{json.dumps(PUBLIC_KEY)}]\n"


def in_guest(vm: ImageVM, script: str, timeout: float = 120) -> str:
    done = vm.guest.run("/bin/sh", "-c", script, timeout=timeout)
    assert done.exit_code == 0, f"{script}: {done.err}"
    return done.out


def join_the_group(vm: ImageVM) -> None:
    """The technician's part: the group's config in kiosk.toml, one pull, the kiosk restarted."""
    config = kiosk_config(in_guest(vm, f"cat {CONFIG}"))
    encoded = base64.b64encode(config.encode()).decode()
    in_guest(vm, f"echo {encoded} | base64 -d > {CONFIG}")
    pulled = in_guest(vm, f"runuser -u kiosk -- {KIOSK} --config {CONFIG} fleet pull")
    assert pulled.startswith("updated: group"), pulled
    in_guest(vm, "systemctl restart infomat-kiosk.service")


def test_the_kiosk_installs_its_groups_version_over_the_network(publisher: Publisher) -> None:
    image = built_image()
    rootfs = image.parent / "rootfs-a.ext4"
    base = run("debugfs", "-R", f"cat {VERSION_FILE}", rootfs).strip()
    version = f"{base}+net"
    began = time.monotonic()
    make_bundle(rootfs, version, publisher.folder / "kiosk-net.raucb", *signing_keys())
    print(f"bundle made in {time.monotonic() - began:.0f} s")
    publisher.publish_config(version, "kiosk-net.raucb")

    vm = ImageVM(image, publisher.folder.parent / "vm", host_port=publisher.port)
    vm.start()
    try:
        started = time.monotonic()
        serial = SerialWatch(vm)
        boot_to_home(vm, serial, started, "A")
        budget = boot_allowance(vm)
        vm.guest.wait_ready(time.monotonic() + budget)
        enabled = in_guest(vm, "systemctl is-enabled infomat-net-update.timer").strip()
        assert enabled == "enabled"
        join_the_group(vm)
        # The timer would start it 5 to 10 minutes after boot; the test does not wait for it.
        in_guest(vm, f"systemctl start --no-block {UPDATER}")
        serial.expect(f"infomat: downloading {version}", time.monotonic() + 300, started)
        step = time.monotonic()
        serial.expect("infomat: downloaded", time.monotonic() + 600, started)
        print(f"download: {time.monotonic() - step:.0f} s")
        step = time.monotonic()
        serial.expect(f"infomat: installed {version} into slot B", time.monotonic() + budget,
                      started)  # fmt: skip
        print(f"install: {time.monotonic() - step:.0f} s")
        step = time.monotonic()
        serial.expect("infomat: nobody at the screen; rebooting into slot B",
                      time.monotonic() + 600, started)  # fmt: skip
        print(f"wait for an empty screen: {time.monotonic() - step:.0f} s")
        step, rebooted = time.monotonic(), serial.position
        boot_to_home(vm, serial, started, "B")
        serial.expect_since(rebooted, f"infomat: now running {version} from slot B",
                            time.monotonic() + 120, started)  # fmt: skip
        print(f"reboot to the new slot's home: {time.monotonic() - step:.0f} s")
        assert publisher.paths.count("/kiosk-net.raucb") == 1, publisher.paths

        # The group's config names the version running now: the updater changes nothing.
        vm.guest.wait_ready(time.monotonic() + budget)
        in_guest(vm, f"systemctl start {UPDATER}", timeout=300)
        serial.expect(f"this kiosk runs {version}, the version of its group",
                      time.monotonic() + 60, started)  # fmt: skip
        assert publisher.paths.count("/kiosk-net.raucb") == 1, publisher.paths

        # A version that failed to come up here before is not even downloaded. The list is
        # written by hand, standing in for a rollback (tests/image/test_update.py makes one).
        failed = f"{base}+failed"
        publisher.publish_config(failed, "kiosk-failed.raucb")
        in_guest(vm, f"echo {failed} >> /var/lib/infomat/image-failed-versions")
        in_guest(vm, f"runuser -u kiosk -- {KIOSK} --config {CONFIG} fleet pull")
        in_guest(vm, f"systemctl start {UPDATER}", timeout=300)
        serial.expect(f"{failed} did not start on this kiosk before", time.monotonic() + 60,
                      started)  # fmt: skip
        assert "/kiosk-failed.raucb" not in publisher.paths
    finally:
        vm.stop()

    disk = StoppedDisk(vm.folder / "disk.qcow2")
    env = disk.grubenv()
    assert env["ORDER"].split()[0] == "B", env
    assert (env["B_OK"], env["B_TRY"]) == ("1", "0"), env
    assert (disk.slot_file("B", VERSION_FILE) or "").strip() == version
    state = json.loads(disk.data_file("/image-update.json") or "{}")
    assert (state["state"], state["slot"], state["version"]) == ("updated", "B", version)
    assert disk.data_file("/image-download/kiosk-net.raucb") is None, "nothing left behind"
