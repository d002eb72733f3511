"""A USB keypad and keyboard at the kiosk of the image (issues 11 and 14; docs/image.md).

A blind resident turns speech mode on with the keypad's help key (F1) and steps through the
screen with Down; a resident with a USB keyboard (or a QR scanner that types like one) types
into the search field. On the image the kiosk runs on Wayland under weston, which reaches the
app by another path than X11 (Xvfb) in tests/window: these keys go in as the VM's virtio
keyboard's key events (QMP), and the test looks at the screen:

- after F1 and Down, speech mode's focus ring (theme colour `focus`) is drawn around the
  first item, and after another Down around another one;
- letters typed on the keyboard show in the search field and its results change.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from tests.image.journey import Journey, Look
from tests.image.vm import ImageVM
from tests.image.watch import boot_allowance, wait_for_home

pytestmark = [pytest.mark.image, pytest.mark.slow]

FOCUS_RING = (0x00, 0x5F, 0xCC)  # ui/theme.py, the normal theme's `focus`
RING_PIXELS = 1500  # a 6-pixel ring around even a small button has more than this
TICKER_AFTER_TOUCH_S = 5  # Main.qml, frameTicker's motionAfterTouch


def press(vm: ImageVM, key: str) -> None:
    vm.execute("send-key", keys=[{"type": "qcode", "data": key}], **{"hold-time": 60})


def ring_pixels(path: Path) -> tuple[int, tuple[int, int, int, int] | None]:
    """How many pixels have the focus ring's colour, and the box around them."""
    with Image.open(path) as image:
        rgb = image.convert("RGB")
    red, green, blue = ImageChops.difference(rgb, Image.new("RGB", rgb.size, FOCUS_RING)).split()
    mask = ImageChops.lighter(ImageChops.lighter(red, green), blue).point(
        lambda value: 255 if value == 0 else 0
    )
    return mask.histogram()[255], mask.getbbox()


def pressed(journey: Journey, key: str, step: str) -> Path:
    """Presses `key`, waits as a person does until the screen is still, and keeps the
    screen as `step`."""
    press(journey.vm, key)
    journey.settle(journey.picture(), timeout_s=10.0)
    return journey.vm.screendump(f"{journey.name}-{step}")


def test_the_keypad_turns_speech_on_and_steps_through_home(vm: ImageVM) -> None:
    wait_for_home(vm, time.monotonic() + boot_allowance(vm), name="boot")
    journey = Journey(vm, "keypad")
    journey.wake()
    before, _ = ring_pixels(vm.screendump("keypad-before"))
    pressed(journey, "f1", "help")  # the help key: speech mode on
    first = pressed(journey, "down", "first-item")
    count, first_box = ring_pixels(first)
    assert count - before > RING_PIXELS, (
        f"no speech focus ring after F1 and Down on {first} ({count} pixels of its colour, "
        f"{before} before): the keypad's keys did not reach the kiosk"
    )
    second = pressed(journey, "down", "second-item")
    _, second_box = ring_pixels(second)
    assert second_box != first_box, f"Down did not move the ring ({first} and {second})"


def typed_into_search(vm: ImageVM, name: str, rest_s: float = 0) -> Look:
    """Home, `rest_s` seconds at rest, a tap on the search field and, once the frame
    ticker's 5 s after that tap are over (Main.qml), "dowod" typed: what the screen shows.
    The letters must show because the compositor draws what the keys changed, not because
    a touch kept frames coming. Under Debian 12's cage they did not (docs/platform-notes.md)."""
    wait_for_home(vm, time.monotonic() + boot_allowance(vm), name="boot")
    time.sleep(rest_s)
    journey = Journey(vm, name)
    journey.wake()
    # A touch on the town's name (it changes nothing) restarts the idle time: after a long
    # rest the attract loop (due 120 s after the kiosk's last touch) could otherwise come up
    # between the look and the tap on the field, take that tap, and leave the field without
    # focus (seen twice under load in session 15).
    journey.touch.tap(*journey.wait_for("Gmina Miasto").centre)
    time.sleep(1)
    before, _ = ring_pixels(vm.screendump(f"{name}-home"))
    journey.tap("szukasz? np. dowód")
    time.sleep(TICKER_AFTER_TOUCH_S + 3)
    focused, _ = ring_pixels(vm.screendump(f"{name}-focused"))
    assert focused - before > RING_PIXELS, (
        f"the search field shows no focus ring after the tap ({focused} pixels of its "
        f"colour, {before} before): the tap did not reach the field, so typing would test nothing"
    )
    journey.touch.type("dowod")
    return shown_without_a_touch(journey, "dowod")


# Under TCG the typed letters' frame (field, results, keyboard: most of the screen) took the
# app ~2 s to draw and weston ~6 s more to show, in the kiosk's busy first minute (session
# 15, WAYLAND_DEBUG: committed with its damage, its frame callback answered 6.3 s later, no
# touch in between). Earlier runs looked once the screen had been still for half a second
# and took that wait for "drawn only at the next touch". The kiosk's own speed is measured
# on real windows (tests/perf/bench_taps.py); here: shown, with no touch, and how soon.
SHOWN_WITHIN_S = 60


def shown_without_a_touch(journey: Journey, text: str) -> Look:
    """Looks (screendumps, no input) until `text` shows or SHOWN_WITHIN_S pass."""
    start = time.monotonic()
    while True:
        look = journey.look()
        waited = time.monotonic() - start
        if look.find(text) is not None:
            print(f"{journey.name}: {text!r} shown {waited:.1f} s after the last key")
            return look
        if waited > SHOWN_WITHIN_S:
            return look
        time.sleep(1.0)


def test_a_usb_keyboard_types_into_the_search_field(vm: ImageVM) -> None:
    look = typed_into_search(vm, "typing")
    assert look.find("dowod") is not None, (
        f"letters typed on the USB keyboard did not show in the search field within "
        f"{SHOWN_WITHIN_S} s ({look.path}); the frame watch logged: {stalls_logged(vm)}"
    )


REST_S = 75  # past the frame ticker's first minute (Main.qml, startingUp)


def stalls_logged(vm: ImageVM) -> str:
    """The kiosk's frame watch's lines (ui/frame_watch.py): whether the app saw its own
    screen stop drawing, which tells an app that drew nothing from a compositor that showed
    nothing."""
    found = vm.guest.run(
        "sh", "-c", "journalctl -b --no-pager -t kiosk-compositor | grep 'no frame drawn' || true"
    )
    return found.out.strip() or "(none: the app drew its frames)"


def test_letters_typed_at_rest_show_without_a_touch(vm: ImageVM) -> None:
    """As the test above, but typed after the kiosk's first minute, when the frame ticker
    no longer runs on its own: a resident at a kiosk that has stood idle."""
    look = typed_into_search(vm, "typing-at-rest", rest_s=REST_S)
    assert look.find("dowod") is not None, (
        f"letters typed at rest did not show within {SHOWN_WITHIN_S} s without a touch "
        f"({look.path}); the frame watch logged: {stalls_logged(vm)}"
    )
