"""A small AT-SPI client over D-Bus (jeepney): what a screen reader such as Orca sees.

The session bus names the accessibility bus (org.a11y.Bus.GetAddress); on that bus the
registry's root lists one accessible per application, and each accessible answers
org.a11y.atspi.Accessible (name, role, state, children) and, when it is on screen,
org.a11y.atspi.Component (extents). Reference: the at-spi2-core D-Bus interface XML
(xml/Accessible.xml, Component.xml, Text.xml).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from jeepney import (
    DBusAddress,
    DBusErrorResponse,
    HeaderFields,
    MessageType,
    Properties,
    new_method_call,
)
from jeepney.io.blocking import DBusConnection, open_dbus_connection

from tests.window.geometry import Rect

ACCESSIBLE = "org.a11y.atspi.Accessible"
COMPONENT = "org.a11y.atspi.Component"
TEXT = "org.a11y.atspi.Text"
REGISTRY = "org.a11y.atspi.Registry"
ROOT_PATH = "/org/a11y/atspi/accessible/root"
SCREEN_COORDS = 0  # ATSPI_COORD_TYPE_SCREEN

# AtspiStateType, in its order: bit n of GetState's two 32-bit words is state n.
STATE_NAMES = (
    "invalid",
    "active",
    "armed",
    "busy",
    "checked",
    "collapsed",
    "defunct",
    "editable",
    "enabled",
    "expandable",
    "expanded",
    "focusable",
    "focused",
    "has-tooltip",
    "horizontal",
    "iconified",
    "modal",
    "multi-line",
    "multiselectable",
    "opaque",
    "pressed",
    "resizable",
    "selectable",
    "selected",
    "sensitive",
    "showing",
    "single-line",
    "stale",
    "transient",
    "vertical",
    "visible",
    "manages-descendants",
    "indeterminate",
    "required",
    "truncated",
    "animated",
    "invalid-entry",
    "supports-autocompletion",
    "selectable-text",
    "is-default",
    "visited",
    "checkable",
    "has-popup",
    "read-only",
)

T = TypeVar("T")
NameMatch = str | re.Pattern[str]


class AtspiError(AssertionError):
    """What a test was waiting for did not appear, or the tree could not be read."""


@dataclass(frozen=True)
class Ref:
    """One accessible object: the application's bus name and the object's path."""

    bus: str
    path: str


@dataclass(frozen=True)
class Node:
    """An accessible as the tree showed it at one moment."""

    ref: Ref
    name: str
    role: str
    states: frozenset[str]
    extents: Rect
    parent: Node | None = field(default=None, repr=False, compare=False)

    @property
    def showing(self) -> bool:
        return "showing" in self.states and not self.extents.empty

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def matches(self, name: NameMatch | None, role: str | None) -> bool:
        if role is not None and self.role != role:
            return False
        if name is None:
            return True
        if isinstance(name, str):
            return self.name == name
        return name.search(self.name) is not None


def _address(ref: Ref, interface: str) -> Any:
    return DBusAddress(ref.path, bus_name=ref.bus, interface=interface)


# What the tree walk asks of each accessible that is showing, in the order Atspi.nodes()
# reads the answers (its state is asked first, of every accessible of a level: each question
# is a D-Bus message the kiosk answers in ~0.3 ms, and a hidden one needs no more).
QUESTIONS: tuple[Callable[[Ref], Any], ...] = (
    lambda ref: Properties(_address(ref, ACCESSIBLE)).get("Name"),
    lambda ref: new_method_call(_address(ref, ACCESSIBLE), "GetRoleName"),
    lambda ref: new_method_call(_address(ref, COMPONENT), "GetExtents", "u", (SCREEN_COORDS,)),
    lambda ref: new_method_call(_address(ref, ACCESSIBLE), "GetChildren"),
)


def state_question(ref: Ref) -> Any:
    return new_method_call(_address(ref, ACCESSIBLE), "GetState")


def states_from(words: list[int]) -> frozenset[str]:
    bits = words[0] | (words[1] << 32)
    return frozenset(n for i, n in enumerate(STATE_NAMES) if bits >> i & 1)


def poll(probe: Callable[[], T | None], timeout_s: float, step_s: float = 0.1) -> T | None:
    """`probe()` until it gives something other than None, or None after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while True:
        found = probe()
        if found is not None or time.monotonic() > deadline:
            return found
        time.sleep(step_s)


def name_has_owner(bus: str, name: str) -> bool:
    """Whether some program holds the well-known `name` on the D-Bus at address `bus`."""
    daemon = DBusAddress(
        "/org/freedesktop/DBus", bus_name="org.freedesktop.DBus", interface="org.freedesktop.DBus"
    )
    with open_dbus_connection(bus=bus) as connection:
        reply = connection.send_and_get_reply(new_method_call(daemon, "NameHasOwner", "s", (name,)))
    return bool(reply.body[0])


class Atspi:
    """A connection to the accessibility bus of one D-Bus session."""

    def __init__(self, session_bus: str) -> None:
        with open_dbus_connection(bus=session_bus) as session:
            launcher = DBusAddress(
                "/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Bus"
            )
            address = str(
                session.send_and_get_reply(new_method_call(launcher, "GetAddress")).body[0]
            )
        self._bus: DBusConnection = open_dbus_connection(bus=address)

    def close(self) -> None:
        self._bus.close()

    def call(self, ref: Ref, interface: str, method: str, sig: str = "", *args: object) -> Any:
        address = DBusAddress(ref.path, bus_name=ref.bus, interface=interface)
        message = new_method_call(address, method, sig or None, args)
        reply = self._bus.send_and_get_reply(message, timeout=10)
        if reply.header.message_type.name == "error":
            raise DBusErrorResponse(reply)
        body: tuple[Any, ...] = reply.body
        return body[0] if len(body) == 1 else body

    def prop(self, ref: Ref, interface: str, name: str) -> Any:
        address = DBusAddress(ref.path, bus_name=ref.bus, interface=interface)
        reply = self._bus.send_and_get_reply(Properties(address).get(name), timeout=10)
        if reply.header.message_type.name == "error":
            raise DBusErrorResponse(reply)
        return reply.body[0][1]

    def application(self, pid: int) -> Ref | None:
        """The application accessible of process `pid`, once it has registered."""
        for ref in self.children(Ref(REGISTRY, ROOT_PATH)):
            if self.pid_of(ref.bus) == pid:
                return ref
        return None

    def pid_of(self, bus_name: str) -> int:
        dbus = Ref("org.freedesktop.DBus", "/org/freedesktop/DBus")
        return int(
            self.call(dbus, "org.freedesktop.DBus", "GetConnectionUnixProcessID", "s", bus_name)
        )

    def children(self, ref: Ref) -> list[Ref]:
        return [Ref(bus, path) for bus, path in self.call(ref, ACCESSIBLE, "GetChildren")]

    def batch(self, messages: list[Any]) -> list[Any]:
        """Send every message at once, then collect the replies in order (an error reply is
        None): one round trip for a whole level of the tree instead of one per question."""
        serials = []
        for message in messages:
            serial = next(self._bus.outgoing_serial)
            self._bus.send(message, serial=serial)
            serials.append(serial)
        replies: dict[int, Any] = {}
        deadline = time.monotonic() + 10
        while len(replies) < len(serials):
            reply = self._bus.receive(timeout=max(0.01, deadline - time.monotonic()))
            replies[reply.header.fields.get(HeaderFields.reply_serial, -1)] = reply
        return [
            None if replies[s].header.message_type == MessageType.error else replies[s].body
            for s in serials
        ]

    def states(self, refs: list[tuple[Ref, Node | None]]) -> list[frozenset[str] | None]:
        """The states of each accessible in `refs`; None for one gone while we looked."""
        answers = self.batch([state_question(ref) for ref, _ in refs])
        return [None if answer is None else states_from(answer[0]) for answer in answers]

    def nodes(
        self, refs: list[tuple[Ref, Node | None, frozenset[str]]]
    ) -> list[tuple[Node, list[Ref]]]:
        """Each accessible in `refs` (with its parent and states) and its children; gone ones
        left out."""
        questions = [question(ref) for ref, _, _ in refs for question in QUESTIONS]
        answers = self.batch(questions)
        found = []
        for index, (ref, parent, states) in enumerate(refs):
            answer = answers[index * len(QUESTIONS) : (index + 1) * len(QUESTIONS)]
            if None in answer:
                continue  # gone while we looked: the screen is changing
            (name,), (role,), (extents,), (children,) = answer
            node = Node(
                ref=ref,
                name=str(name[1]),
                role=str(role),
                states=states,
                extents=Rect(*extents),
                parent=parent,
            )
            found.append((node, [Ref(bus, path) for bus, path in children]))
        return found

    def tree(self, app: Ref) -> list[Node]:
        """Every accessible of `app` that is on screen, parents before their children.

        A hidden accessible's subtree is skipped: what is not showing cannot be tapped or read.
        """
        found: list[Node] = []
        level: list[tuple[Ref, Node | None]] = [(ref, None) for ref in self.children(app)]
        while level:
            states = self.states(level)
            asked = [
                (ref, parent, state)
                for (ref, parent), state in zip(level, states, strict=True)
                if state is not None and "showing" in state
            ]
            shown = [(node, kids) for node, kids in self.nodes(asked) if node.showing]
            found += [node for node, _ in shown]
            level = [(kid, node) for node, kids in shown for kid in kids]
        return found

    def text(self, ref: Ref) -> str:
        """The whole text of an editable or text accessible (its content, not its name)."""
        count = int(self.prop(ref, TEXT, "CharacterCount"))
        return str(self.call(ref, TEXT, "GetText", "ii", 0, count))


class AppTree:
    """One application's accessibles, looked up as a screen-reader user finds controls.

    A tree read less than KEPT_S ago, with no input since (`forget`), is read again from
    memory: a check is often several looks in a row (a heading, no Home button, the search
    field), and each whole walk is ~60-90 ms of D-Bus questions. A screen that changes by
    itself (a countdown) is read anew once KEPT_S has passed, as polling waits do."""

    KEPT_S = 0.25

    def __init__(self, atspi: Atspi, app: Ref) -> None:
        self.atspi = atspi
        self.app = app
        self._kept: tuple[float, list[Node]] | None = None

    def forget(self) -> None:
        self._kept = None

    def nodes(self) -> list[Node]:
        began = time.monotonic()
        if self._kept is not None and began - self._kept[0] < self.KEPT_S:
            return self._kept[1]
        nodes = self.atspi.tree(self.app)
        self._kept = (began, nodes)
        return nodes

    def find_all(self, name: NameMatch | None = None, role: str | None = None) -> list[Node]:
        return [n for n in self.nodes() if n.matches(name, role)]

    def find(self, name: NameMatch, role: str | None = None, timeout_s: float = 5.0) -> Node:
        """The first showing accessible called `name` (and of `role`), waiting for it."""
        found = poll(lambda: next(iter(self.find_all(name, role)), None), timeout_s)
        if found is None:
            raise AtspiError(f"no {role or 'accessible'} {name!r} on screen; {self.describe()}")
        return found

    def has(self, name: NameMatch, role: str | None = None) -> bool:
        return bool(self.find_all(name, role))

    def wait_gone(self, name: NameMatch, role: str | None = None, timeout_s: float = 5.0) -> None:
        gone = poll(lambda: True if not self.has(name, role) else None, timeout_s)
        if gone is None:
            raise AtspiError(f"{role or 'accessible'} {name!r} still on screen; {self.describe()}")

    def describe(self) -> str:
        """What is showing, one `role 'name'` per accessible, for failure messages."""
        shown = [f"{n.role} {n.name!r}" for n in self.nodes() if n.name]
        return "showing: " + ", ".join(shown)
