"""What a screen reader finds on the kiosk's glass: Qt's accessibility tree, in reading order.

The speech mode reads the same tree an outside screen reader (Orca over AT-SPI) reads, so a
control is named once, in the QML that makes it, and both hear the same. Only the top layer
counts: an open panel, the countdown or the attract screen hide everything beneath them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtQuick import QQuickItem, QQuickWindow
from shiboken6 import Shiboken

ACTIONABLE = {QAccessible.Role.Button, QAccessible.Role.EditableText, QAccessible.Role.CheckBox}
# Containers name a screen or a panel (its title); they are not items of their own.
CONTAINERS = {
    QAccessible.Role.Pane,
    QAccessible.Role.Dialog,
    QAccessible.Role.LayeredPane,
    QAccessible.Role.List,
    QAccessible.Role.Window,
    QAccessible.Role.Client,
}
OVERLAYS = ("idleOverlay", "attractOverlay")
SKIPPED = ("keyboard",)  # the on-screen keyboard is explored by touch, not stepped through


@dataclass(frozen=True)
class Node:
    """One thing a resident can hear: a control, a heading or a text. It keeps the item,
    not Qt's accessibility interface: an interface dies with its item (a list refilled), and
    a kept pointer to it would crash; the interface is asked for again when needed."""

    item: QQuickItem
    name: str
    role: QAccessible.Role
    description: str
    checkable: bool
    checked: bool

    @property
    def alive(self) -> bool:
        return Shiboken.isValid(self.item)

    def interface(self) -> QAccessibleInterface | None:
        return QAccessible.queryAccessibleInterface(self.item) if self.alive else None

    def fresh(self) -> Node | None:
        """The same item as it is now (its state may have changed)."""
        interface = self.interface()
        return node_of(interface) if interface is not None and interface.isValid() else None

    @property
    def actionable(self) -> bool:
        return self.role in ACTIONABLE

    def scene_rect(self) -> QRectF:
        """Where the node is in the window (for the highlight and touch exploration)."""
        if not self.alive:
            return QRectF()
        item = self.item
        return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def node_of(interface: QAccessibleInterface) -> Node | None:
    item = interface.object()
    if not isinstance(item, QQuickItem):
        return None
    state = interface.state()
    return Node(
        item=item,
        name=interface.text(QAccessible.Text.Name).strip(),
        role=interface.role(),
        description=interface.text(QAccessible.Text.Description).strip(),
        checkable=bool(state.checkable),
        checked=bool(state.checked),
    )


def top_layer(window: QQuickWindow) -> QAccessibleInterface | None:
    """The part of the window a resident can act on now: an open popup or overlay, or all."""
    for name in OVERLAYS:
        overlay = window.findChild(QQuickItem, name)
        if overlay is not None and overlay.isVisible():
            return QAccessible.queryAccessibleInterface(overlay)
    for popup in _open_popups(window):
        content = popup.property("contentItem")
        if isinstance(content, QQuickItem) and content.parentItem() is not None:
            return QAccessible.queryAccessibleInterface(content.parentItem())
    return QAccessible.queryAccessibleInterface(window)


def _open_popups(window: QQuickWindow) -> list[QObject]:
    return [
        found
        for found in window.findChildren(QObject)
        if found.inherits("QQuickPopup") and found.property("visible") is True
    ]


def readable_nodes(layer: QAccessibleInterface | None) -> list[Node]:
    """Every named, visible node of the layer in reading order; a control's parts are not
    nodes of their own (a button is read once, with its name)."""
    found: list[Node] = []
    if layer is not None:
        _collect(layer, found)
    return found


def _collect(interface: QAccessibleInterface, found: list[Node]) -> None:
    for index in range(interface.childCount()):
        child = interface.child(index)
        if child is None or not child.isValid() or child.state().invisible:
            continue
        node = node_of(child)
        if node is None or node.item.objectName() in SKIPPED:
            continue
        if node.name and node.role not in CONTAINERS:
            found.append(node)
        if not node.actionable:
            _collect(child, found)


def node_at(nodes: list[Node], x: float, y: float) -> Node | None:
    """The smallest node under a finger at (x, y) in window coordinates."""
    under = [n for n in nodes if n.scene_rect().contains(x, y)]
    return min(under, key=lambda n: n.scene_rect().width() * n.scene_rect().height(), default=None)
