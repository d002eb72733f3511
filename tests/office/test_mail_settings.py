"""The e-mail settings: refused with the file, key and reason; the password never in the
TOML (a private file, or the environment); and who the e-mail goes to, in which language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from office.resident_mail import resident_address, resident_language
from office.settings_checks import SettingsError
from office.settings_file import load_settings
from office.settings_mail import PASSWORD_ENV, smtp_password

MAIL = (
    "smtp_host = 'poczta.lancut.pl'\nsmtp_from = 'wnioski@lancut.pl'\n"
    "public_url = 'https://wnioski.lancut.pl'\n"
)


def config(folder: Path, text: str) -> Path:
    path = folder / "office.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("smtp_host = 'poczta.lancut.pl'\n", "'smtp_from' must be an e-mail address"),
        (MAIL.replace("https://wnioski.lancut.pl", "wnioski.lancut.pl"),
         "'public_url' must be the service's address"),
        (MAIL.replace("https://wnioski.lancut.pl", "https://w.pl/?a=1"), "'public_url' must be"),
        (MAIL + "smtp_port = 0\n", "'smtp_port' must be at least 1"),
        (MAIL + "smtp_timeout_s = nan\n", "'smtp_timeout_s' must be a finite number"),
        (MAIL + "mail_check_s = 0\n", "'mail_check_s' must be at least 1"),
        (MAIL + "smtp_starttls = 'tak'\n", "'smtp_starttls' must be true or false"),
        (MAIL + "smtp_user = 'urząd'\n", "'smtp_user' must be ASCII"),
        (MAIL + "smtp_user = 'wnioski'\nsmtp_starttls = false\n",
         "'smtp_starttls' must be true when 'smtp_user' is set"),
        (MAIL + "smtp_user = 'wnioski'\n", f"set 'smtp_password_file' or {PASSWORD_ENV}"),
        (MAIL + "smtp_user = 'wnioski'\nsmtp_password_file = '/brak/haslo'\n",
         "'smtp_password_file' /brak/haslo: cannot read it"),
    ],
)  # fmt: skip
def test_wrong_mail_settings_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, reason: str
) -> None:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    path = config(tmp_path, text)
    with pytest.raises(SettingsError) as refused:
        load_settings(path)
    assert str(refused.value).startswith(f"{path}: ")
    assert reason in str(refused.value)


def test_the_password_comes_from_a_private_file_or_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    secret = tmp_path / "smtp-password"
    secret.write_text("hasło-poczty-2026\n", encoding="utf-8")
    secret.chmod(0o644)
    text = MAIL + f"smtp_user = 'wnioski'\nsmtp_password_file = '{secret}'\n"
    with pytest.raises(SettingsError, match="readable by others; chmod 600"):
        load_settings(config(tmp_path, text))
    secret.chmod(0o600)
    assert smtp_password(load_settings(config(tmp_path, text))) == "hasło-poczty-2026"
    monkeypatch.setenv(PASSWORD_ENV, "z-otoczenia")
    from_env = load_settings(config(tmp_path, MAIL + "smtp_user = 'wnioski'\n"))
    assert smtp_password(from_env) == "z-otoczenia"
    assert "z-otoczenia" not in repr(from_env)


def document(language: str = "pl", **answers: str) -> str:
    return json.dumps({"language": language, "answers": answers})


def test_the_address_is_an_e_mail_fields_answer_that_is_one_address() -> None:
    assert resident_address(document(email="anna@example.pl")) == "anna@example.pl"
    assert resident_address(document(adres_email=" anna@example.pl ")) == "anna@example.pl"
    assert (
        resident_address(document(**{"e-mail": "a.b@poczta.lancut.pl"})) == "a.b@poczta.lancut.pl"
    )
    assert resident_address(document(tresc="pisać na anna@example.pl")) is None  # not its field
    assert resident_address(document(email="anna@example.pl, jan@example.pl")) is None
    assert resident_address(document(email="anna@example.pl\r\nBcc: x@y.pl")) is None
    assert resident_address(document(emaile_nie="anna@example.pl")) is None
    assert resident_address("not json") is None


def test_the_language_is_the_applications_else_polish() -> None:
    assert [resident_language(document(lang)) for lang in ("uk", "de", "en", "pl", "fr", "")] == [
        "uk", "de", "en", "pl", "pl", "pl",
    ]  # fmt: skip
