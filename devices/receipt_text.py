"""Receipt layout -> plain text for logs and the technician, without personal data.

One line per element, unwrapped. Lines marked `private` are replaced by a marker so a
technician sees that something was printed there but never what.
"""

from __future__ import annotations

from devices.receipt import Cut, Element, Feed, Line, QrCode, Receipt, Separator, Title, printable

PRIVATE_MARKER = "[personal data not logged]"


def render_text(receipt: Receipt) -> str:
    """The receipt as text lines; private lines left out."""
    return "\n".join(_text(element) for element in receipt.elements)


def _text(element: Element) -> str:
    match element:
        case Line(private=True):
            text = PRIVATE_MARKER
        case Title():
            text = f"# {printable(element.text)}"
        case Line():
            text = printable(element.text)
        case QrCode():
            text = f"[QR {element.payload}]"
        case Separator():
            text = "----"
        case Feed():
            text = "\n" * (element.lines - 1)
        case Cut():
            text = "[cut]"
    return text
