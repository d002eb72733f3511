"""[printer] and [receipt]: read from TOML, refused with file, key and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from devices.escpos_render import RenderMode
from devices.paper import PAPER_58, PAPER_80
from devices.printers import NetworkPrinter, PrinterStatus, UsbPrinter, VirtualPrinter
from kiosk.composition import Services, printer_settings
from kiosk.config import ConfigError, KioskConfig, describe, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_usb_printer_with_hex_ids(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[printer]
kind = "usb"
paper_mm = 58
text = "raster"
usb_vendor_id = 0x0416
usb_product_id = 0x5011
timeout_s = 3
[receipt]
status_url = "https://e.lancut.pl/s/"
""",
    )
    config = load_config(path)
    assert (config.printer.usb_vendor_id, config.printer.usb_product_id) == (0x0416, 0x5011)
    assert config.receipt.status_url == "https://e.lancut.pl/s/"
    settings = printer_settings(config)
    assert (settings.paper, settings.mode, settings.timeout_s) == (PAPER_58, RenderMode.RASTER, 3)
    assert isinstance(Services(config).printer, UsbPrinter)


def test_a_network_printer(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, '[printer]\nkind = "network"\nhost = "10.0.0.5"\n'))
    printer = Services(config).printer
    assert isinstance(printer, NetworkPrinter)
    assert printer.name == "network printer 10.0.0.5:9100"


def test_the_demo_prints_pngs_into_the_data_dir(tmp_path: Path) -> None:
    services = Services(KioskConfig(data_dir=str(tmp_path)))
    printer = services.printer
    assert isinstance(printer, VirtualPrinter)
    assert printer.folder == tmp_path / "receipts"
    assert printer.paper is PAPER_80
    assert printer.status() is PrinterStatus.READY
    assert services.printer is printer  # built once


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[printer]\nkind = "serial"', "'printer.kind' must be one of 'virtual', 'usb', 'network'"),
        ("[printer]\npaper_mm = 57", "'printer.paper_mm' must be one of 58, 80 (got 57)"),
        ('[printer]\nkind = "usb"', "'printer.usb_vendor_id' must be the printer's USB id"),
        ("[printer]\nusb_product_id = 0x10000", "'printer.usb_product_id' must be at most 65535"),
        ('[printer]\nkind = "network"', "'printer.host' is needed when printer.kind is 'network'"),
        ('[printer]\nkind = "file"\ndevice = ""', "'printer.device' is needed"),
        ("[printer]\nport = 70000", "'printer.port' must be at most 65535 (got 70000)"),
        ("[printer]\nstatus_timeout_s = 0", "'printer.status_timeout_s' must be at least 0.05"),
        ("[printer]\nhostname = 'x'", "unknown key 'printer.hostname'"),
        (
            '[receipt]\nstatus_url = "https://status.gmina-przykladowa.pl/sprawy/"',
            "'receipt.status_url' is 43 bytes; with a 10-character code it must fit 42 bytes",
        ),
        ('[receipt]\nstatus_url = "gmina.pl/s/"', "'receipt.status_url' must start with https://"),
    ],
)
def test_bad_printer_and_receipt_options_are_refused(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_the_default_status_url_fits_the_qr_budget() -> None:
    base = KioskConfig().receipt.status_url
    assert len(base.encode()) + 10 <= 42


def test_every_printer_and_receipt_option_is_described() -> None:
    keys = {option.key for option in describe()}
    assert {
        "printer.kind",
        "printer.paper_mm",
        "printer.usb_vendor_id",
        "receipt.status_url",
    } <= keys
