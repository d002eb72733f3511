"""The real kiosk in a real X window, driven and read as a person (and a screen reader) does.

A `Desk` is the kiosk's surroundings for one orientation: Xvfb, a private D-Bus session and
the AT-SPI bus. A `WindowKiosk` is `kiosk run --demo --windowed` on it (Qt's xcb platform,
accessibility always on, a throwaway data folder), found in the accessibility tree by its
process id. Tests tap controls by accessible name (a real XTest click at the centre of their
extents), type on the keyboard and look at screenshots, saved step by step for a person.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from tests.window import shots
from tests.window.atspi import AppTree, Atspi, AtspiError, NameMatch, Node, Ref, poll
from tests.window.geometry import Rect
from tests.window.processes import (
    AccessibilityBus,
    SessionBus,
    Xvfb,
    log_tail,
    stop_group,
)
from tests.window.words import translated
from tests.window.xinput import XInput

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "build" / "work" / "window-shots"
SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
BUTTON = "push button"
# After a tap: the stack's 150 ms fade and a frame or two. After a swipe too, before the
# screen is waited still: on a loaded machine the kiosk may still be drawing the drag's
# last steps while two screenshots match (0.1 s lost a tap in CI).
SETTLE_S = 0.35


def every_window() -> bool:
    """INFOMAT_ALL_WINDOW_SIZES=1: every long walk at every size and in both orientations
    (after a change of the layout). Without it, a walk is shared between the sizes or the
    orientations, each part where it is hardest, to keep `./dev test` within ~15 minutes."""
    return os.environ.get("INFOMAT_ALL_WINDOW_SIZES") == "1"


KEYBOARD_BACKGROUND = (38, 50, 56)  # Qt Virtual Keyboard's default style
KEYBOARD_COLOURS = {KEYBOARD_BACKGROUND, (43, 43, 43)}  # and the kiosk's Polish letters row


def desk_env(display: str, bus_address: str, runtime: Path) -> dict[str, str]:
    """This process's environment for a program on a test desk: its display, its session
    bus and runtime folder, none of the caller's Qt, D-Bus or XDG settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DBUS_", "XDG_"))}
    env.update(DISPLAY=display, DBUS_SESSION_BUS_ADDRESS=bus_address, XDG_RUNTIME_DIR=str(runtime))
    return env


@dataclass(frozen=True)
class KioskSettings:
    """What a journey needs from the kiosk's config file."""

    orientation: str
    idle_s: int = 900
    countdown_s: int = 20
    attract_s: int = 3600
    printer: str = 'kind = "virtual"'  # the [printer] table's lines, e.g. a network printer
    extra_toml: str = ""  # more tables, e.g. [wifi]

    def toml(self, data_dir: Path) -> str:
        return (
            f'data_dir = "{data_dir}"\n'
            "[screen]\n"
            f'orientation = "{self.orientation}"\n'
            f"idle_s = {self.idle_s}\ncountdown_s = {self.countdown_s}\n"
            f"attract_s = {self.attract_s}\n"
            "[metrics]\nenabled = false\n"
            f"[printer]\n{self.printer}\n"
            f"{self.extra_toml}"
        )


class Desk:
    """Xvfb of the kiosk's screen size, a D-Bus session and its accessibility bus.

    `size` is a screen other than the design size of the orientation (a cheaper panel, such
    as 1366x768 in landscape): the kiosk's window fits it, and `name` says which it is.
    """

    def __init__(self, orientation: str, size: tuple[int, int] | None = None) -> None:
        self.orientation = orientation
        width, height = SIZES[orientation] if size is None else size
        self.name = orientation if size is None else f"{orientation}-{width}x{height}"
        self.folder = Path(tempfile.mkdtemp(prefix=f"infomat-window-{self.name}-"))
        self.screen = Rect(0, 0, width, height)
        self.xvfb = Xvfb(self.screen.width, self.screen.height)
        try:
            self.bus = SessionBus()
            try:
                self.runtime = self.folder / "runtime"
                self.runtime.mkdir(mode=0o700)
                self.a11y = AccessibilityBus(self.bus, self.env())
            except BaseException:
                self.bus.stop()
                raise
        except BaseException:
            self.xvfb.stop()
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    def env(self) -> dict[str, str]:
        """The environment of a program on this desk (the kiosk adds its own)."""
        return desk_env(self.xvfb.display, self.bus.address, self.runtime)

    def stop(self) -> None:
        self.a11y.stop()
        self.bus.stop()
        self.xvfb.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class WindowKiosk:
    """The kiosk app running on a `Desk`, with the hands and eyes of a tester."""

    def __init__(self, desk: Desk, settings: KioskSettings, shots_name: str) -> None:
        self.desk = desk
        self.settings = settings
        self.input = XInput(desk.xvfb.display)
        self.atspi = Atspi(desk.bus.address)
        self.folder = desk.folder / f"kiosk-{time.monotonic_ns()}"
        self.log = self.folder / "kiosk.log"
        self.shots = SHOTS / shots_name
        self.step = 0
        self.touch_exploration = False  # read aloud on: taps become double taps
        self.process = self._start()
        try:
            self.tree = self._wait_for_window()
        except BaseException:
            self.stop()  # a kiosk whose window never came is not left running
            raise

    def _start(self) -> subprocess.Popen[bytes]:
        config = self.folder / "kiosk.toml"
        (self.folder / "xdg").mkdir(parents=True)
        config.write_text(self.settings.toml(self.folder / "data"))
        env = self.desk.env()
        env.update(
            QT_QPA_PLATFORM="xcb",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            XDG_DATA_HOME=str(self.folder / "xdg"),
            PYTHONPATH=str(REPO),  # this checkout's code, whichever the venv's editable install is
        )
        command = [sys.executable, "-m", "ui.launcher", "--config", str(config)]
        with self.log.open("wb") as log:
            return subprocess.Popen(
                [*command, "run", "--demo", "--windowed"],
                cwd=REPO,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def _wait_for_window(self) -> AppTree:
        app = poll(lambda: self.atspi.application(self.process.pid), 30, 0.2)
        if app is None:
            raise AtspiError(f"the kiosk did not register with AT-SPI; log:\n{self.log_tail()}")
        tree = AppTree(self.atspi, app)
        self.input.before_input.append(tree.forget)
        try:
            tree.find(re.compile("Dostępność"), BUTTON, timeout_s=30)
            tree.find("Kategorie", "heading", timeout_s=10)
        except AtspiError as error:
            raise AtspiError(f"{error}\nlog:\n{self.log_tail()}") from error
        if not self.input.window_mapped("Infomat"):
            raise AtspiError("the kiosk's window is not mapped")
        self.window_rect = tree.find("Infomat", "frame").extents
        time.sleep(SETTLE_S)
        return tree

    def stop(self) -> None:
        self.atspi.close()
        self.input.close()
        stop_group(self.process, grace_s=10)

    def alive(self) -> bool:
        return self.process.poll() is None

    def log_tail(self) -> str:
        return log_tail(self.log)

    # What the window is and shows.
    def window(self) -> Rect:
        """Where the kiosk's window is on the screen (it neither moves nor resizes)."""
        return self.window_rect

    def find(self, name: NameMatch, role: str | None = None, timeout_s: float = 5.0) -> Node:
        return self.tree.find(name, role, timeout_s)

    def has(self, name: NameMatch, role: str | None = None) -> bool:
        return self.tree.has(name, role)

    def wait_gone(self, name: NameMatch, role: str | None = None, timeout_s: float = 5.0) -> None:
        self.tree.wait_gone(name, role, timeout_s)

    def text_of(self, node: Node) -> str:
        return self.atspi.text(node.ref)

    def screenshot(self) -> Image.Image:
        return shots.grab(self.desk.xvfb.display, self.window())

    def shot(self, step: str) -> Image.Image:
        """A screenshot of the window, also saved as the next step's PNG for a person to see."""
        image = self.screenshot()
        self.step += 1
        shots.save(image, self.shots / f"{self.step:02d}-{step}.png")
        return image

    def keyboard(self, image: Image.Image | None = None) -> Rect | None:
        """Where the on-screen keyboard covers the window, as seen on the screen, or None.

        The keyboard is not in the accessibility tree (Qt Virtual Keyboard exposes nothing),
        so it is found by its colours: a band of its background along the window's bottom
        (full width, or centred in landscape), up to the top of its Polish letters row.
        """
        image = self.screenshot() if image is None else image
        bottom = image.height - 1
        keys = [x for x in range(image.width) if image.getpixel((x, bottom)) == KEYBOARD_BACKGROUND]
        if len(keys) < 100:
            return None
        left, right = keys[0], keys[-1] + 1
        top = bottom
        while top > 0 and image.getpixel((left, top - 1)) in KEYBOARD_COLOURS:
            top -= 1
        window = self.window()
        return Rect(window.x + left, window.y + top, right - left, image.height - top)

    def keyboard_keys(self) -> list[list[Rect]]:
        """The keys of the on-screen keyboard's layout (not the Polish letters above it), row
        by row from the top, left to right, where they are on the screen.

        Qt's keys are not in the accessibility tree: they are found by their colours, as runs
        of anything but the keyboard's background along the middle line of each row.
        """
        image = self.screenshot()
        keyboard = self.keyboard(image)
        assert keyboard is not None, "the on-screen keyboard is not shown"
        window = self.window()
        left, right = keyboard.x - window.x, keyboard.right - window.x
        top = image.height - 1
        while top > 0 and image.getpixel((left + 2, top - 1)) == KEYBOARD_BACKGROUND:
            top -= 1  # up the keyboard's left margin, to its top or the Polish letters
        lines = [(y, key_runs(image, y, left, right)) for y in range(top, image.height)]
        rows: list[list[tuple[int, list[tuple[int, int]]]]] = []
        for y, runs in lines:
            if not runs:
                continue
            if rows and rows[-1][-1][0] == y - 1:
                rows[-1].append((y, runs))
            else:
                rows.append([(y, runs)])
        keys = []
        for row in rows:
            y, runs = row[len(row) // 2]
            height = row[-1][0] - row[0][0] + 1
            keys.append([Rect(window.x + a, window.y + row[0][0], b - a, height) for a, b in runs])
        return keys

    def visible_area(self) -> Rect:
        """The part of the window a person can see and touch: above the keyboard when shown."""
        window = self.window()
        keyboard = self.keyboard()
        if keyboard is None:
            return window
        return Rect(window.x, window.y, window.width, keyboard.y - window.y)

    # Hands.
    def tap(self, target: NameMatch | Node, role: str | None = BUTTON) -> Node:
        """A real click at the centre of the control, which must be fully in view first.

        A page still gliding after a swipe would take the tap to stop it (as a finger's tap
        stops a flick): wait for a still screen first, as a person would."""
        self.wait_still()
        node = target if isinstance(target, Node) else self.find(target, role)
        assert_in_view(node, self.visible_area())
        self.input.click(*node.extents.centre, times=2 if self.touch_exploration else 1)
        time.sleep(SETTLE_S)
        return node

    def reveal(self, target: NameMatch, role: str | None = BUTTON, tries: int = 12) -> Node:
        """Swipe the page until the control is in view with nothing over it; the node.

        The kiosk's flickable pages are not in the accessibility tree, so "in view" is: inside
        the window above the keyboard, inside its scrolling parent, and clear (by a margin) of
        the controls that stay put around it, such as the form's Previous and Next.
        """
        self.wait_still()  # the screen may still be coming in
        for _ in range(tries):
            nodes = self.tree.nodes()
            node = next((n for n in nodes if n.matches(target, role)), None)
            if node is None:  # further down the page, not made yet: look there
                area = self.scroll_area(nodes)
                self._swipe(area, area.height // 2)
                continue
            free = free_view(node, self.visible_area(), nodes)
            shift = needed_shift(node.extents, free)
            if shift == 0:
                return node
            self._swipe(free, shift)
        raise AssertionError(f"{role} {target!r} could not be scrolled into view")

    def page_area(self) -> Rect:
        """The screen's own page (the stack under the header), where it is not covered."""
        stack = self.find("", "layered pane").extents
        return stack.intersection(self.visible_area())

    def scroll_area(self, nodes: list[Node]) -> Rect:
        """The page less the controls that stay put along its bottom edge (a form's Previous
        and Next): where a finger swipes the page's content (a swipe that starts on the
        buttons, or between them and the content, moves nothing)."""
        page = self.page_area()
        bars = [
            n.extents.y - MARGIN
            for n in nodes
            if n.role in CONTROL_ROLES
            and page.contains(n.extents)
            and abs(n.extents.bottom - page.bottom) <= 2
        ]
        bottom = min([page.bottom, *bars])
        return Rect(page.x, page.y, page.width, max(page.height // 3, bottom - page.y))

    def _swipe(self, free: Rect, shift: int) -> None:
        """One slow swipe inside `free` that moves the content up by `shift` (down if < 0)."""
        x, middle = free.centre
        shift = max(-free.height // 2, min(free.height // 2, shift + 30 * (1 if shift > 0 else -1)))
        self.drag((x, middle + shift // 2), (x, middle - shift // 2))

    def drag(self, start: tuple[int, int], end: tuple[int, int]) -> None:
        """A slow swipe from `start` to `end`, then wait until the page stops."""
        self.input.drag(start, end)
        time.sleep(SETTLE_S)
        self.wait_still()  # a page still gliding is not where it will stop

    def wait_still(self, timeout_s: float = 3.0) -> None:
        """Until two screenshots 0.1 s apart are the same (a busy machine draws late)."""
        deadline = time.monotonic() + timeout_s
        before = self.screenshot()
        while time.monotonic() < deadline:
            time.sleep(0.1)
            now = self.screenshot()
            if shots.difference(before, now) == 0:
                return
            before = now

    def tap_at(self, x: int, y: int) -> None:
        window = self.window()
        self.input.click(window.x + x, window.y + y)

    def type(self, text: str) -> None:
        self.input.type_text(text)
        time.sleep(SETTLE_S)

    def key(self, *combos: str) -> None:
        self.input.key(*combos)
        time.sleep(SETTLE_S)


def key_runs(image: Image.Image, y: int, left: int, right: int) -> list[tuple[int, int]]:
    """The runs of the line `y` between `left` and `right` that are not the keyboard's
    background and are wide enough to be keys, as (left, right) pairs."""
    runs, start = [], None
    for x in range(left, right + 1):
        key = x < right and image.getpixel((x, y)) != KEYBOARD_BACKGROUND
        if key and start is None:
            start = x
        elif not key and start is not None:
            if x - start >= MIN_KEY_PX:
                runs.append((start, x))
            start = None
    return runs


MIN_KEY_PX = 16  # narrower runs are a key's anti-aliased corner, not a key


def assert_in_view(node: Node, area: Rect) -> None:
    """The control lies fully inside `area` (the window above the keyboard) and its clip."""
    assert area.contains(node.extents), (
        f"{node.role} {node.name!r} at {node.extents} is not fully inside the visible area {area}"
    )
    assert_not_cut_off(node)


CONTROL_ROLES = frozenset({"push button", "text", "check box", "radio button", "list item"})
MARGIN = 18  # reveal() keeps this clear of a bar that stays put: the form leaves 0.6 x 30 px
# The cue at the foot of a page that goes on below (ScrollCue.qml), in the kiosk's languages.
MORE_BELOW = frozenset(
    {"more below", *(translated("more below", language) for language in ("pl", "uk", "de"))}
)


def related(first: Node, second: Node) -> bool:
    """The same accessible, or one inside the other."""
    return (
        first.ref == second.ref
        or first.ref in {a.ref for a in second.ancestors()}
        or second.ref in {a.ref for a in first.ancestors()}
    )


def layer(node: Node) -> Ref | None:
    """The popup (dialog) the node is drawn in, or None for the window's own screens."""
    return next((a.ref for a in node.ancestors() if a.role == "dialog"), None)


def controls_over(node: Node, area: Rect, nodes: list[Node]) -> list[Node]:
    """The other controls of the node's layer that share pixels with `area` (around `node`)."""
    return [
        n
        for n in nodes
        if n.role in CONTROL_ROLES
        and not related(n, node)
        and n.extents.overlaps(area)
        and layer(n) == layer(node)
    ]


def assert_nothing_over(node: Node, nodes: list[Node]) -> None:
    """Nothing under (or over) a control: no other control shares a pixel with it.

    Only where nothing is clipped: Qt reports a control scrolled out under a flickable's edge
    as showing, at its whole size, when the flickable itself is not in the tree.
    """
    others = controls_over(node, node.extents, nodes)
    assert not others, f"{node.role} {node.name!r} at {node.extents} is overlapped by " + ", ".join(
        f"{n.role} {n.name!r} at {n.extents}" for n in others
    )


def free_view(node: Node, visible: Rect, nodes: list[Node]) -> Rect:
    """Where `node` can be seen whole: the visible area within its scrolling parent, less the
    bars of controls that stay put at its top or bottom edge (the form's Previous and Next,
    the home screen's search field) while the content scrolls between them, and less the
    "more below" cue at the foot of its view (found by name: a form's questions scroll in
    a view of their own that is not in the accessibility tree, between its title and its
    buttons, so the cue is not at the edge of the node's scrolling parent there)."""
    clip = clipping_parent(node)
    view = visible if clip is None else visible.intersection(clip.extents)
    column = Rect(node.extents.x, view.y, node.extents.width, view.height)
    top, bottom = view.y, view.bottom
    for other in controls_over(node, column, nodes):
        cue_below = other.name in MORE_BELOW and other.extents.bottom > node.extents.y
        if cue_below or abs(other.extents.bottom - view.bottom) <= 2:
            bottom = min(bottom, other.extents.y - MARGIN)
        elif abs(other.extents.y - view.y) <= 2:
            top = max(top, other.extents.bottom + MARGIN)
    return Rect(view.x, top, view.width, max(0, bottom - top))


def needed_shift(target: Rect, free: Rect) -> int:
    """How far the content must move up (down if < 0) for `target` to sit inside `free`."""
    if free.contains(target):
        return 0
    if target.bottom > free.bottom and target.height <= free.height:
        return target.bottom - free.bottom
    return target.y - free.y  # above, or taller than the view: its top first


def clipping_parent(node: Node) -> Node | None:
    """The nearest ancestor that scrolls its content (a list or a flickable page)."""
    return next((a for a in node.ancestors() if a.role in SCROLLING_ROLES), None)


SCROLLING_ROLES = frozenset({"list", "scroll pane", "panel", "layered pane"})


def assert_not_cut_off(node: Node) -> None:
    """The node is wholly inside its scrolling parent's visible extents (nothing clipped)."""
    parent = clipping_parent(node)
    if parent is not None:
        assert parent.extents.contains(node.extents), (
            f"{node.role} {node.name!r} at {node.extents} is cut off by its {parent.role} "
            f"{parent.name!r} at {parent.extents}"
        )


def assert_no_overlap(first: Node, second: Node) -> None:
    """Nothing under a button: the two controls share no pixel."""
    assert not first.extents.overlaps(second.extents), (
        f"{first.role} {first.name!r} at {first.extents} overlaps "
        f"{second.role} {second.name!r} at {second.extents}"
    )


def assert_not_blank(image: Image.Image, area: Rect, what: str, min_colours: int = 8) -> None:
    """`area` of the screenshot shows something: several colours and some ink."""
    reason = shots.blank_reason(image.crop(area.box()), min_colours, min_ink=0.02)
    assert reason is None, f"{what} looks blank: {reason}"
