"""The Wi-Fi slip: the hotspot's name, a QR code that joins a phone to it, and a voucher.

The join QR is the `WIFI:` text phones' cameras understand (Android, iOS 11+): the network,
its security and password, with `\\ ; , : "` escaped by a backslash. The voucher (when the
kiosk has a voucher key) is typed on the hotspot's page for `hours` online on one device;
it may be first used until `valid_until`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from devices.receipt import Align, Cut, Feed, Line, QrCode, Receipt, Separator, Size, Title
from kiosk.config import Language, WifiConfig
from kiosk.receipts import local_time
from kiosk.wifi_voucher import VoucherKey, grouped, make

_ESCAPED = {ord(c): "\\" + c for c in '\\;,:"'}


@dataclass(frozen=True)
class WifiSlip:
    ssid: str
    join: str  # the WIFI: text of the QR code
    voucher: str  # grouped ("1G3Z-M6SJ-A9R8-TN2W"); "" when the kiosk has no voucher key
    hours: int
    valid_until: dt.datetime


@dataclass(frozen=True)
class SlipWords:
    title: str
    network: str
    scan: str
    voucher: str
    how: str  # {hours}
    valid_until: str
    open_network: str
    date_format: str


WORDS: dict[Language, SlipWords] = {
    "pl": SlipWords(
        title="Bezpłatny internet Wi-Fi",
        network="Sieć",
        scan="Zeskanuj kod aparatem telefonu, aby połączyć się z siecią.",
        voucher="Kod kuponu",
        how="Wpisz kod na stronie, która otworzy się po połączeniu: dostęp na {hours} godz. "
        "dla jednego urządzenia.",
        valid_until="Kupon ważny do",
        open_network="Bez kuponu: zaakceptuj regulamin na stronie sieci.",
        date_format="%d.%m.%Y, godz. %H:%M",
    ),
    "en": SlipWords(
        title="Free Wi-Fi internet",
        network="Network",
        scan="Scan the code with your phone's camera to join the network.",
        voucher="Voucher code",
        how="Type the code on the page that opens once you are connected: access for {hours} h "
        "for one device.",
        valid_until="Use the voucher by",
        open_network="Without a voucher: accept the terms on the network's page.",
        date_format="%d.%m.%Y, %H:%M",
    ),
    "uk": SlipWords(
        title="Безкоштовний інтернет Wi-Fi",
        network="Мережа",
        scan="Відскануйте код камерою телефону, щоб під'єднатися до мережі.",
        voucher="Код купона",
        how="Введіть код на сторінці, що відкриється після під'єднання: доступ на {hours} год "
        "для одного пристрою.",
        valid_until="Купон дійсний до",
        open_network="Без купона: прийміть правила на сторінці мережі.",
        date_format="%d.%m.%Y, %H:%M",
    ),
    "de": SlipWords(
        title="Kostenloses WLAN-Internet",
        network="Netz",
        scan="Scannen Sie den Code mit der Kamera Ihres Telefons, um sich zu verbinden.",
        voucher="Gutscheincode",
        how="Geben Sie den Code auf der Seite ein, die sich nach dem Verbinden öffnet: Zugang "
        "für {hours} Std. für ein Gerät.",
        valid_until="Gutschein gültig bis",
        open_network="Ohne Gutschein: Bedingungen auf der Seite des Netzes akzeptieren.",
        date_format="%d.%m.%Y, %H:%M",
    ),
}


def join_text(ssid: str, password: str) -> str:
    """The `WIFI:` text of the join QR code (an open network without a password)."""
    network = ssid.translate(_ESCAPED)
    if not password:
        return f"WIFI:T:nopass;S:{network};;"
    return f"WIFI:T:WPA;S:{network};P:{password.translate(_ESCAPED)};;"


def new_slip(wifi: WifiConfig, key: VoucherKey | None, now: dt.datetime) -> WifiSlip:
    """A slip for one resident; a fresh voucher on it when the kiosk has a voucher key."""
    valid_until = now + dt.timedelta(days=wifi.voucher_days)
    voucher = grouped(make(key, valid_until.timestamp())) if key is not None else ""
    return WifiSlip(
        wifi.ssid, join_text(wifi.ssid, wifi.password), voucher, wifi.voucher_hours, valid_until
    )


def slip_receipt(slip: WifiSlip, language: Language) -> Receipt:
    words = WORDS[language]
    if slip.voucher:
        until = local_time(slip.valid_until).strftime(words.date_format)
        voucher_part: tuple[Line | Separator, ...] = (
            Line(words.voucher, align=Align.CENTER),
            # Two groups a line: large type fits 58 mm paper too (16 columns there).
            Line(slip.voucher[:9], bold=True, size=Size.LARGE, align=Align.CENTER),
            Line(slip.voucher[10:], bold=True, size=Size.LARGE, align=Align.CENTER),
            Line(words.how.format(hours=slip.hours)),
            Line(f"{words.valid_until}: {until}"),
        )
    else:
        voucher_part = (Line(words.open_network),)
    return Receipt(
        (
            Title(words.title),
            Line(f"{words.network}: {slip.ssid}", bold=True, align=Align.CENTER),
            QrCode(slip.join),
            Line(words.scan, size=Size.SMALL, align=Align.CENTER),
            Separator(),
            *voucher_part,
            Feed(),
            Cut(),
        )
    )
