"""A small ESC/POS decoder for the tests: walks a job byte by byte, like a printer would.

It knows only the commands the kiosk is meant to send and refuses anything else (an
unknown command or a stray control byte is a DecodeError), so a test that decodes a job
also proves nothing unexpected reaches the printer. Text is decoded through the code
page active at that moment; text before any ESC t is recorded as such.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image, ImageOps

CODE_PAGES = {0: "cp437", 17: "cp866", 18: "cp852"}
ECC_LEVELS = {48: "L", 49: "M", 50: "Q", 51: "H"}
ESC, GS, DLE, LF = 0x1B, 0x1D, 0x10, 0x0A


class DecodeError(ValueError):
    pass


@dataclass(frozen=True)
class PrintedLine:
    text: str
    bold: bool
    width: int  # character width multiplier (GS !)
    height: int
    font: int  # 0: font A, 1: font B
    align: int  # 0 left, 1 centre, 2 right


@dataclass
class QrSymbol:
    model: int = 0
    module: int = 0
    ecc: str = ""
    payload: bytes = b""
    printed: bool = False


@dataclass
class Decoded:
    events: list[str] = field(default_factory=list)  # command names in order
    lines: list[PrintedLine] = field(default_factory=list)
    qr_codes: list[QrSymbol] = field(default_factory=list)
    rasters: list[Image.Image] = field(default_factory=list)
    status_requests: list[int] = field(default_factory=list)
    text_before_code_page: bool = False

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def raster(self) -> Image.Image | None:
        """All raster images stacked, black on white as on the paper."""
        if not self.rasters:
            return None
        width = max(image.width for image in self.rasters)
        height = sum(image.height for image in self.rasters)
        stacked = Image.new("L", (width, height), 255)
        top = 0
        for image in self.rasters:
            stacked.paste(image, (0, top))
            top += image.height
        return stacked


@dataclass
class _State:
    code_page: int | None = None
    bold: bool = False
    width: int = 1
    height: int = 1
    font: int = 0
    align: int = 0
    pending: list[str] = field(default_factory=list)
    pending_style: tuple[bool, int, int, int, int] | None = None


class EscposDecoder:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0
        self.out = Decoded()
        self.state = _State()

    def decode(self) -> Decoded:
        while self.pos < len(self.data):
            byte = self.take(1)[0]
            if byte == ESC:
                self.esc(self.take(1)[0])
            elif byte == GS:
                self.gs(self.take(1)[0])
            elif byte == DLE:
                self.dle()
            elif byte == LF:
                self.end_line()
            elif byte < 0x20 or byte == 0x7F:
                raise DecodeError(f"raw control byte {byte:#04x} at offset {self.pos - 1}")
            else:
                self.text_byte(byte)
        if self.state.pending:
            self.end_line()
        return self.out

    def take(self, count: int) -> bytes:
        if self.pos + count > len(self.data):
            raise DecodeError(f"job ends inside a command at offset {self.pos}")
        chunk = self.data[self.pos : self.pos + count]
        self.pos += count
        return chunk

    def event(self, name: str) -> None:
        self.out.events.append(name)

    def esc(self, command: int) -> None:
        state = self.state
        if command == ord("@"):
            self.state = _State()
            self.event("init")
        elif command == ord("t"):
            state.code_page = self.take(1)[0]
            if state.code_page not in CODE_PAGES:
                raise DecodeError(f"unknown code page {state.code_page}")
            self.event(f"code_page:{state.code_page}")
        elif command == ord("E"):
            state.bold = bool(self.take(1)[0] & 1)
            self.event("bold")
        elif command == ord("M"):
            state.font = self.take(1)[0] & 1
            self.event("font")
        elif command == ord("a"):
            state.align = self.take(1)[0] % 48
            self.event("align")
        elif command == ord("d"):
            self.end_line_if_pending()
            self.take(1)
            self.event("feed")
        else:
            raise DecodeError(f"unknown command ESC {command:#04x} at offset {self.pos - 2}")

    def gs(self, command: int) -> None:
        if command == ord("!"):
            size = self.take(1)[0]
            self.state.width, self.state.height = (size >> 4) + 1, (size & 0x0F) + 1
            self.event("size")
        elif command == ord("(") and self.take(1) == b"k":
            self.qr_function()
        elif command == ord("V"):
            self.end_line_if_pending()
            mode = self.take(1)[0]
            if mode in (65, 66):
                self.take(1)
            elif mode not in (0, 1, 48, 49):
                raise DecodeError(f"unknown cut mode {mode}")
            self.event("cut")
        elif command == ord("v") and self.take(1) == b"0":
            self.raster()
        else:
            raise DecodeError(f"unknown command GS {command:#04x} at offset {self.pos - 2}")

    def dle(self) -> None:
        if self.take(1) != b"\x04":
            raise DecodeError(f"unknown DLE command at offset {self.pos - 2}")
        self.out.status_requests.append(self.take(1)[0])
        self.event("status_request")

    def qr_function(self) -> None:
        size = int.from_bytes(self.take(2), "little")
        body = self.take(size)
        if body[0] != 49:
            raise DecodeError(f"GS ( k for symbol type {body[0]}, not QR (49)")
        function, params = body[1], body[2:]
        if function == 65:  # select model
            self.out.qr_codes.append(QrSymbol(model=params[0] - 48))
        elif not self.out.qr_codes:
            raise DecodeError("QR settings before the QR model was chosen")
        symbol = self.out.qr_codes[-1]
        if function == 67:
            symbol.module = params[0]
        elif function == 69:
            symbol.ecc = ECC_LEVELS[params[0]]
        elif function == 80:
            symbol.payload = params[1:]  # after m = 48
        elif function == 81:
            symbol.printed = True
        elif function != 65:
            raise DecodeError(f"unknown QR function {function}")
        self.event(f"qr:{function}")

    def raster(self) -> None:
        self.end_line_if_pending()
        self.take(1)  # density
        width_bytes = int.from_bytes(self.take(2), "little")
        height = int.from_bytes(self.take(2), "little")
        bits = self.take(width_bytes * height)
        dots = Image.frombytes("1", (width_bytes * 8, height), bits)  # 1 bits: burnt dots
        self.out.rasters.append(ImageOps.invert(dots.convert("L")))  # black on white
        self.event("raster")

    def text_byte(self, byte: int) -> None:
        state = self.state
        if state.code_page is None:
            self.out.text_before_code_page = True
        if state.pending_style is None:
            state.pending_style = (state.bold, state.width, state.height, state.font, state.align)
        codec = CODE_PAGES[state.code_page or 0]
        state.pending.append(bytes([byte]).decode(codec))

    def end_line_if_pending(self) -> None:
        if self.state.pending:
            self.end_line()

    def end_line(self) -> None:
        state = self.state
        style = state.pending_style or (
            state.bold,
            state.width,
            state.height,
            state.font,
            state.align,
        )
        bold, width, height, font, align = style
        text = "".join(state.pending)
        self.out.lines.append(PrintedLine(text, bold, width, height, font, align))
        state.pending, state.pending_style = [], None
        self.event("line")


def decode(data: bytes) -> Decoded:
    """Every command and printed line of an ESC/POS job; DecodeError on anything unknown."""
    return EscposDecoder(data).decode()
