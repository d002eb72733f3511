"""Numbers and tokens from requests are ASCII or refused: never a 500 or a traceback.

Python's `str.isdigit()` says yes to "²" and "١٢٣"; `int("²")` then raises. Attack 6 of
issue 13 sent the token `².x` and got a 500 with a traceback in the log.
"""

from __future__ import annotations

import logging

import pytest

from tests.captive_portal.portal_server import PortalServer


@pytest.mark.parametrize("token", ["².x", "١٢٣.x", "1².x", "𝟙𝟚.x", "12.", ".x", "-1.x", "+1.x"])
def test_a_token_with_other_digits_is_a_400(
    portal: PortalServer, token: str, caplog: pytest.LogCaptureFixture
) -> None:
    form = portal.form()
    with caplog.at_level(logging.DEBUG):
        answer = portal.post("/accept", data={**form, "token": token})
    assert answer.status_code == 400
    assert "Formularz jest niekompletny" in answer.text
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert portal.gateway.actions == []


def test_a_non_ascii_address_in_the_admin_path_is_a_400(portal: PortalServer) -> None:
    assert portal.admin("POST", "/admin/clients/²/deauthorise").status_code == 400
    assert portal.admin("POST", "/admin/clients/１２７.0.0.1/deauthorise").status_code == 400
