"""Numbers and tokens from requests are ASCII or refused: never a 500 or a traceback.

Python's `str.isdigit()` says yes to "²" and "١٢٣"; `int("²")` then raises. Attack 6 of
issue 13 sent the token `².x` and got a 500 with a traceback in the log.
"""

from __future__ import annotations

import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from captive_portal.errors import PortalError
from captive_portal.form_token import FormSigner
from tests.captive_portal.portal_server import FakeClock, PortalServer

pytestmark = pytest.mark.attack(6)


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


DIGITS_OF_ANY_SCRIPT = st.text(st.characters(categories=["Nd", "No", "Nl"]), min_size=1, max_size=8)


@given(issued=DIGITS_OF_ANY_SCRIPT, signature=st.text(max_size=12))
def test_a_token_of_any_digits_is_refused_with_a_status(issued: str, signature: str) -> None:
    signer = FormSigner(b"k" * 32, 900, FakeClock())
    with pytest.raises(PortalError) as refused:
        signer.verify("e30", f"{issued}.{signature}", "10.0.0.7")
    assert refused.value.status in (400, 403)


def test_a_signature_with_polish_letters_is_a_403(
    portal: PortalServer, caplog: pytest.LogCaptureFixture
) -> None:
    form = portal.form()
    issued = form["token"].split(".")[0]
    with caplog.at_level(logging.DEBUG):
        answer = portal.post("/accept", data={**form, "token": f"{issued}.zażółć"})
    assert answer.status_code == 403  # hmac.compare_digest raised TypeError on it: a 500
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
