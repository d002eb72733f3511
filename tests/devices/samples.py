"""Receipts the device tests print: Polish letters everywhere, a QR code and a cut."""

from __future__ import annotations

from devices.receipt import Align, Cut, Feed, Line, QrCode, Receipt, Separator, Size, Title

POLISH = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
STATUS_URL = "https://infomat.example.pl/s/K7Q4-MX9R3"


def polish_receipt() -> Receipt:
    return Receipt(
        (
            Title("Potwierdzenie złożenia wniosku"),
            Line(f"Litery: {POLISH}"),
            Line(
                "Urząd Miasta Łańcuta rozpatrzy wniosek o wycinkę drzew i skontaktuje się "
                "z Tobą, gdy będzie to potrzebne. Źdźbło, żółw, gęśla jaźń."
            ),
            Separator(),
            Line("K7Q4-MX9R3", bold=True, size=Size.HUGE, align=Align.CENTER),
            Line("drobny druk: ąę", size=Size.SMALL),
            Line("Jan Kowalski, ul. Długa 5", private=True),
            QrCode(STATUS_URL),
            Feed(2),
            Cut(),
        )
    )


def ukrainian_receipt() -> Receipt:
    return Receipt(
        (
            Title("Підтвердження подання заяви"),
            Line("Установа розгляне заяву і зв’яжеться з вами."),
            QrCode(STATUS_URL),
            Line("Збережіть це підтвердження.", bold=True),
            Cut(),
        )
    )
