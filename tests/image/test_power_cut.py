"""A real power cut while a resident files an application (issue 14; docs/image.md).

In the VM a resident files an application through the screen (tests/image/journey.py: taps
and the on-screen keyboard, found by the words on the screen). At a random moment after
"Wyślij wniosek" -- before the receipt shows, or right after its code does -- the machine
loses its power (QEMU killed: no shutdown, nothing flushed; started again on the same disk),
and boots again. Then:

- every code the screen showed is in the outbox, and delivered to the spool folder (the
  image's default intake) as a whole JSON document;
- the outbox reads cleanly and SQLite finds it whole (`PRAGMA integrity_check`);
- the kiosk is back on its home screen.

This is what kill -9 cannot show: the page cache is lost with the power. Each round is a
journey and a boot (~3 min under TCG); INFOMAT_POWER_CUTS sets the number of rounds (3 by
default, 20 for the figure in docs/image.md), INFOMAT_POWER_CUT_SEED the random moments.
"""

from __future__ import annotations

import json
import os
import random
import time
from dataclasses import dataclass, field

import pytest

from tests.image.conftest import built_image
from tests.image.journey import Journey, code_on_screen, fill_in_an_information_request
from tests.image.vm import ImageVM
from tests.image.watch import SerialWatch, boot_allowance, failure, wait_for_home

pytestmark = [pytest.mark.image, pytest.mark.slow]

KIOSK = ("/sbin/runuser", "-u", "kiosk", "--", "/opt/infomat/kiosk", "--config",
         "/etc/infomat/kiosk.toml")  # fmt: skip
DATA = "/var/lib/infomat"
# The cut comes this many seconds after "Wyślij wniosek" at the latest; the receipt took
# 5-10 s to be read on the screen under TCG, so some cuts land before it, some right after.
LATEST_CUT_S = 20.0
DELIVERY_S = 120.0
INTEGRITY = (
    "import sqlite3, sys; c = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True); "
    "print(c.execute('PRAGMA integrity_check').fetchone()[0])"
)


@dataclass
class Cuts:
    shown: list[str] = field(default_factory=list)  # codes seen on screen before a cut
    before_receipt: int = 0
    after_code: int = 0
    found_after_boot: set[str] = field(default_factory=set)


def outbox_codes(vm: ImageVM) -> dict[str, str]:
    """Code -> state, from `kiosk outbox list` inside the VM (it fails on a damaged store)."""
    listed = vm.guest.run(*KIOSK, "outbox", "list")
    assert listed.exit_code == 0, f"kiosk outbox list failed after the cut:\n{listed.err}"
    codes = {}
    for line in listed.out.splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 11 and parts[0][5] == "-":
            codes[parts[0].replace("-", "")] = parts[1]
    return codes


def assert_store_whole(vm: ImageVM) -> None:
    checked = vm.guest.run("/usr/bin/python3", "-c", INTEGRITY, f"{DATA}/outbox.sqlite")
    assert checked.out.strip() == "ok", f"integrity_check: {checked.out} {checked.err}"


def spooled(vm: ImageVM, code: str) -> dict[str, object] | None:
    shown = vm.guest.run("/bin/cat", f"{DATA}/spool/{code}.json")
    if shown.exit_code != 0:
        return None
    document: dict[str, object] = json.loads(shown.out)  # a half-written file fails here
    return document


def boot_back(vm: ImageVM, serial: SerialWatch, name: str) -> None:
    started = time.monotonic()
    deadline = started + boot_allowance(vm)
    serial.expect("infomat: booting slot", deadline, started)
    wait_for_home(vm, deadline, name=name)
    vm.guest.wait_ready(deadline)


def cut_during_filing(vm: ImageVM, journey: Journey, moment_s: float, cuts: Cuts) -> None:
    """Taps "Wyślij wniosek", watches the screen, and cuts the power at `moment_s` after the
    tap or as soon as the code shows, whichever comes first."""
    box = journey.wait_for("Wyślij wniosek")
    journey.touch.tap(*box.centre)
    tapped = time.monotonic()
    while time.monotonic() - tapped < moment_s:
        code = code_on_screen(journey.look())
        if code is not None:
            vm.power_cycle()
            cuts.shown.append(code)
            cuts.after_code += 1
            print(f"  cut right after the code {code} showed ({time.monotonic() - tapped:.1f} s)")
            return
    vm.power_cycle()
    cuts.before_receipt += 1
    print(f"  cut {moment_s:.1f} s after the tap, before the receipt was read on screen")


def wait_delivered(vm: ImageVM, codes: list[str]) -> dict[str, str]:
    deadline = time.monotonic() + DELIVERY_S
    while True:
        states = outbox_codes(vm)
        if all(states.get(code) == "delivered" for code in codes):
            return states
        if time.monotonic() > deadline:
            return states
        time.sleep(5)


def test_nothing_shown_is_lost_when_the_power_is_cut(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    rounds = int(os.environ.get("INFOMAT_POWER_CUTS", "3"))
    seed = int(os.environ.get("INFOMAT_POWER_CUT_SEED", str(int(time.time()))))
    print(f"{rounds} power cuts, seed {seed}")
    moments = random.Random(seed)
    vm = ImageVM(built_image(), tmp_path_factory.mktemp("power-cut") / "vm")
    vm.start()
    try:
        serial = SerialWatch(vm)
        boot_back(vm, serial, "boot")
        cuts = Cuts()
        for number in range(1, rounds + 1):
            journey = Journey(vm, f"round-{number:02d}")
            fill_in_an_information_request(journey)
            serial.skip_to_end()
            cut_during_filing(vm, journey, moments.uniform(0.0, LATEST_CUT_S), cuts)
            boot_back(vm, serial, f"round-{number:02d}-boot")
            assert_store_whole(vm)
            states = wait_delivered(vm, cuts.shown)
            lost = [code for code in cuts.shown if code not in states]
            assert not lost, failure(vm, time.monotonic(), f"round {number}: lost {lost}")
            for code in cuts.shown:
                assert states[code] == "delivered", f"round {number}: {code} is {states[code]}"
                assert spooled(vm, code) is not None, f"round {number}: no spool file for {code}"
            cuts.found_after_boot = set(states)
            print(f"round {number}: {len(states)} in the outbox, all delivered: "
                  f"{sorted(set(states.values()))}")  # fmt: skip
    finally:
        vm.stop()
    filed_unseen = len(cuts.found_after_boot) - len(cuts.shown)
    print(f"power cuts: {rounds}; cut before the receipt: {cuts.before_receipt}, right after "
          f"the code: {cuts.after_code}; codes shown {len(cuts.shown)}, lost 0; filed but cut "
          f"before the code was read: {filed_unseen}")  # fmt: skip
