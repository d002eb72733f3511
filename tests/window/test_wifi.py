"""'Internet Wi-Fi' in the real window: a resident prints a slip, and the voucher the screen
shows is one the hotspot portal takes (checked with the portal's own code)."""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

from captive_portal import vouchers
from tests.window.harness import WindowKiosk, assert_in_view, assert_not_blank
from tests.window.test_journeys import label

SECRET = "w8Hc3Nq7Zr1Vx5Kb9Tm2Lp6Fd4Gs0Jy3"
_KEY_FILE = Path(tempfile.mkdtemp(prefix="infomat-wifi-")) / "voucher.key"
_KEY_FILE.write_text(f"12:{SECRET}\n", encoding="utf-8")
KIOSK_SETTINGS = {
    "extra_toml": f'[wifi]\nssid = "Łańcut-Free"\nvoucher_key_file = "{_KEY_FILE}"\n'
    "voucher_hours = 8\n"
}
WIFI = label("Internet Wi-Fi: wydrukuj kupon")
PRINT = label("Wydrukuj kupon Wi-Fi")
TAKE_IT = "Weź wydruk z drukarki."
VOUCHER = re.compile(r"^Kod kuponu: ([0-9A-Z -]+)$")


def test_a_resident_prints_a_wifi_slip_and_its_voucher_is_the_portals(
    kiosk: WindowKiosk,
) -> None:
    receipts = kiosk.folder / "data" / "receipts"
    kiosk.tap(WIFI)
    kiosk.find(re.compile("Bezpłatny internet w sieci „Łańcut-Free”"), None)
    kiosk.tap(PRINT)
    headline = kiosk.find(TAKE_IT, "alert message", timeout_s=10)
    voucher = kiosk.find(VOUCHER, None)
    image = kiosk.shot("printed")
    match = VOUCHER.match(voucher.name)
    assert match is not None
    code = match[1].replace(" ", "")
    checked = vouchers.check(code, {12: SECRET.encode()}, time.time())
    assert checked.expires_at > time.time() + 6 * 86400  # usable for the configured 7 days
    assert_in_view(headline, kiosk.visible_area())
    assert_in_view(voucher, kiosk.visible_area())
    assert_not_blank(image, headline.extents, "the headline")
    assert_not_blank(image, voucher.extents, "the voucher")
    assert len(list(receipts.glob("*.png"))) == 1, "the virtual printer printed no slip"
    kiosk.tap(PRINT)  # one slip per resident: a second press prints nothing more
    time.sleep(1.0)
    assert len(list(receipts.glob("*.png"))) == 1
    assert kiosk.find(VOUCHER, None).name == voucher.name
