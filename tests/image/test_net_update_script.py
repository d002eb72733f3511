"""The image's network updater (build/image/rootfs/usr/lib/infomat-image/net-update) decides,
outside the VM: the real script and real curl against a real HTTP server on loopback, on a
temporary folder, with stand-ins for what only the image has (`rauc`, `systemctl`, the kiosk
CLI). The whole path, with the real RAUC and a reboot, is tests/image/test_network_update.py.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.peers.catalogue_server import CatalogueServer

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "build" / "image" / "rootfs" / "usr" / "lib" / "infomat-image" / "net-update"
RUNNING = "0.1.0"
ISSUED = 1_765_000_000

# The stand-ins log each call to calls.log. The fake RAUC takes a bundle whose text is
# "signed VERSION" as signed by the image's keyring, as the real one checks its CMS signature.
FAKE_RAUC = """#!/bin/bash
echo "rauc $*" >> "$FAKES/calls.log"
if [ "$1" = info ]; then
    read -r word version < "${@: -1}"
    [ "$word" = signed ] || { echo "signature verification failed" >&2; exit 1; }
    echo "RAUC_MF_VERSION='$version'"
elif [ "$1" = install ]; then
    exit "$(cat "$FAKES/install-exit" 2> /dev/null || echo 0)"
fi
"""
# `show` answers the kiosk unit's status lines one by one (the last one stays).
FAKE_SYSTEMCTL = """#!/bin/bash
echo "systemctl $*" >> "$FAKES/calls.log"
case $1 in
    is-active) exit "$(cat "$FAKES/kiosk-inactive" 2> /dev/null || echo 0)" ;;
    show)
        head -n 1 "$FAKES/status"
        if [ "$(wc -l < "$FAKES/status")" -gt 1 ]; then sed -i 1d "$FAKES/status"; fi ;;
esac
"""
FAKE_KIOSK = """#!/bin/bash
echo "kiosk $*" >> "$FAKES/calls.log"
if [ -f "$FAKES/target" ]; then cat "$FAKES/target"; else echo "kiosk: no image_url" >&2; exit 3; fi
"""


@dataclass
class Kiosk:
    root: Path
    server: CatalogueServer

    @property
    def fakes(self) -> Path:
        return self.root / "fakes"

    @property
    def data(self) -> Path:
        return self.root / "data"

    def names(self, version: str, path: str = "/k.raucb", issued: int = ISSUED) -> None:
        """The fleet config in use names this version and bundle (as `kiosk fleet image`)."""
        url = self.server.base_url + path
        text = f"version={version}\nurl={url}\nissued={issued}\n"
        (self.fakes / "target").write_text(text, encoding="utf-8")

    def screen(self, *statuses: str) -> None:
        (self.fakes / "status").write_text("".join(s + "\n" for s in statuses), encoding="utf-8")

    def run(self) -> str:
        env = {
            "PATH": f"{self.fakes}:{os.environ['PATH']}",
            "FAKES": str(self.fakes),
            "INFOMAT_TEST_DATA_DIR": str(self.data),
            "INFOMAT_TEST_ESP_DIR": str(self.root / "esp"),
            "INFOMAT_TEST_IMAGE_LIB": str(self.root / "lib"),
            "INFOMAT_TEST_CMDLINE": str(self.root / "cmdline"),
            "INFOMAT_TEST_KIOSK": str(self.fakes / "kiosk"),
            "INFOMAT_TEST_POLL_S": "0.05",
        }
        done = subprocess.run(
            [str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60, check=False
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def calls(self) -> list[str]:
        log = self.fakes / "calls.log"
        return log.read_text(encoding="utf-8").splitlines() if log.exists() else []

    def state(self) -> dict[str, str]:
        path = self.data / "image-update.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


@pytest.fixture
def kiosk(tmp_path: Path, catalogue_server: CatalogueServer) -> Kiosk:
    kiosk = Kiosk(tmp_path, catalogue_server)
    for folder in ("fakes", "data", "esp", "lib"):
        (tmp_path / folder).mkdir()
    for name, text in (("rauc", FAKE_RAUC), ("systemctl", FAKE_SYSTEMCTL), ("kiosk", FAKE_KIOSK)):
        (kiosk.fakes / name).write_text(text, encoding="utf-8")
        (kiosk.fakes / name).chmod(0o755)
    (tmp_path / "lib" / "version").write_text(RUNNING + "\n", encoding="utf-8")
    (tmp_path / "cmdline").write_text("BOOT_IMAGE=/vmlinuz ro rauc.slot=A quiet\n")
    kiosk.screen("vacant: the home screen, nobody at it")
    return kiosk


def test_the_groups_version_is_installed_and_rebooted_into_once_nobody_is_there(
    kiosk: Kiosk,
) -> None:
    kiosk.server.publish("/k.raucb", b"signed 0.2.0\n")
    kiosk.names("0.2.0")
    kiosk.screen("in use: somebody may be at the screen", "in use: ...", "vacant: the home")
    out = kiosk.run()
    bundle = kiosk.data / "image-download" / "0.2.0.raucb"
    assert kiosk.calls() == [
        "kiosk --config /etc/infomat/kiosk.toml fleet image",
        f"rauc info --output-format=shell {bundle}",
        f"rauc install {bundle}",
        *["systemctl is-active --quiet infomat-kiosk.service",
          "systemctl show --property=StatusText --value infomat-kiosk.service"] * 3,
        "systemctl reboot",
    ]  # fmt: skip
    assert "infomat: nobody at the screen; rebooting into slot B" in out
    state = kiosk.state()
    assert (state["state"], state["slot"], state["version"]) == ("installed", "B", "0.2.0")
    assert (kiosk.root / "esp" / "infomat" / "fleet-issued").read_text() == f"{ISSUED}\n"
    assert not (kiosk.data / "image-download").exists(), "the bundle is removed once installed"


def test_the_running_version_changes_nothing(kiosk: Kiosk) -> None:
    kiosk.names(RUNNING)
    assert "this kiosk runs 0.1.0, the version of its group" in kiosk.run()
    assert (kiosk.calls(), kiosk.state(), kiosk.server.requests) == (
        ["kiosk --config /etc/infomat/kiosk.toml fleet image"], {}, [],
    )  # fmt: skip


def test_no_fleet_config_with_a_bundle_changes_nothing(kiosk: Kiosk) -> None:
    assert "infomat: no network update: kiosk: no image_url" in kiosk.run()
    assert (len(kiosk.calls()), kiosk.state()) == (1, {})


def test_a_version_that_failed_here_before_is_not_installed_again(kiosk: Kiosk) -> None:
    (kiosk.data / "image-failed-versions").write_text("0.2.0\n")
    kiosk.names("0.2.0")
    assert "0.2.0 did not start on this kiosk before" in kiosk.run()
    assert (kiosk.server.requests, kiosk.state()) == ([], {})


def test_a_config_older_than_the_last_updates_is_refused(kiosk: Kiosk) -> None:
    """A replayed old config (still signed, not expired) cannot bring an old version back."""
    (kiosk.root / "esp" / "infomat").mkdir()
    (kiosk.root / "esp" / "infomat" / "fleet-issued").write_text(f"{ISSUED}\n")
    kiosk.names("0.0.9", issued=ISSUED - 86_400)
    kiosk.run()
    assert kiosk.server.requests == []
    assert kiosk.state()["state"] == "refused"
    assert kiosk.state()["reason"] == "the fleet config is older than the one of the last update"


def test_a_bundle_of_another_signer_is_refused_and_not_fetched_again(kiosk: Kiosk) -> None:
    kiosk.server.publish("/k.raucb", b"forged 0.2.0\n")
    kiosk.names("0.2.0")
    kiosk.run()
    state = kiosk.state()
    assert (state["state"], state["version"]) == ("refused", "0.2.0")
    assert state["reason"] == "the bundle's signature or format is not accepted"
    assert not any(call.startswith("rauc install") for call in kiosk.calls())
    kiosk.run()
    assert len(kiosk.server.requests) == 1
    assert list((kiosk.data / "image-download").iterdir()) == [
        kiosk.data / "image-download" / "refused"
    ]


def test_a_bundle_of_another_version_than_the_config_names_is_refused(kiosk: Kiosk) -> None:
    kiosk.server.publish("/k.raucb", b"signed 0.0.1\n")
    kiosk.names("0.2.0")
    kiosk.run()
    assert kiosk.state()["reason"] == "the bundle is not of the version the fleet config names"
    assert not any(call.startswith("rauc install") for call in kiosk.calls())


def test_a_failed_download_is_recorded_and_tried_again_later(kiosk: Kiosk) -> None:
    kiosk.server.publish("/k.raucb", b"", status=503)
    kiosk.names("0.2.0")
    assert "the download of 0.2.0 failed; trying again later" in kiosk.run()
    assert (kiosk.state()["state"], kiosk.state()["version"]) == ("download-failed", "0.2.0")
    kiosk.server.publish("/k.raucb", b"signed 0.2.0\n")
    kiosk.run()
    assert kiosk.state()["state"] == "installed"


def test_a_failed_installation_is_refused_and_nothing_rebooted(kiosk: Kiosk) -> None:
    kiosk.server.publish("/k.raucb", b"signed 0.2.0\n")
    kiosk.names("0.2.0")
    (kiosk.fakes / "install-exit").write_text("1")
    kiosk.run()
    assert kiosk.state()["reason"] == "the installation failed; the kiosk stays on its slot"
    assert "systemctl reboot" not in kiosk.calls()


def test_an_installed_update_waiting_for_an_empty_screen_is_not_fetched_again(
    kiosk: Kiosk,
) -> None:
    """The unit was stopped while it waited: the next run only waits and reboots."""
    kiosk.server.publish("/k.raucb", b"signed 0.2.0\n")
    kiosk.names("0.2.0")
    (kiosk.fakes / "kiosk-inactive").write_text("3")  # no kiosk running: nobody to disturb
    kiosk.run()
    kiosk.run()
    assert len(kiosk.server.requests) == 1
    assert [call for call in kiosk.calls() if call.startswith("rauc install")] == [
        f"rauc install {kiosk.data / 'image-download' / '0.2.0.raucb'}"
    ]
    assert kiosk.calls().count("systemctl reboot") == 2


def test_a_partial_download_of_another_version_is_dropped(kiosk: Kiosk) -> None:
    (kiosk.data / "image-download").mkdir()
    (kiosk.data / "image-download" / "0.1.5.raucb.part").write_bytes(b"x" * 1000)
    kiosk.server.publish("/k.raucb", b"signed 0.2.0\n")
    kiosk.names("0.2.0")
    kiosk.run()
    assert kiosk.state()["state"] == "installed"
    assert not (kiosk.data / "image-download").exists()
