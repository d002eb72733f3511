"""`kiosk outbox list|show|retry`, the [intake]/[outbox] config and the composition root."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.composition import Services
from kiosk.config import ConfigError, KioskConfig, describe, load_config
from offline_cache.intake.http_intake import HttpIntake
from offline_cache.intake.smtp_intake import SmtpIntake
from offline_cache.intake.spool_intake import SpoolIntake
from offline_cache.outbox import Outbox
from offline_cache.submission_code import check_character, display
from tests.kiosk.cli_run import run_kiosk
from tests.outbox_factories import new_submission


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(f'data_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    return path


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    return Outbox(tmp_path / "data" / "outbox.sqlite")


def run(config: Path, *argv: str) -> tuple[int, str, str]:
    return run_kiosk("--config", str(config), "outbox", *argv)


def test_list_shows_each_submission_and_the_totals(config: Path, outbox: Outbox) -> None:
    waiting = outbox.enqueue(new_submission()).code
    done = outbox.enqueue(new_submission(service_id="gl-skarga")).code
    refused = outbox.enqueue(new_submission()).code
    outbox.mark_try_later(waiting, "the intake answered HTTP 503", outbox._clock())
    outbox.mark_delivered(done, "UM-2026/00042")
    outbox.mark_rejected(refused, "the intake answered HTTP 400: brak pola adres")
    code, out, err = run(config, "list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith(f"{display(waiting)}  queued ")
    assert "1 attempt(s), next " in lines[0]
    assert lines[0].endswith("the intake answered HTTP 503")
    assert lines[1].startswith(f"{display(done)}  delivered")
    assert lines[1].endswith("gl-skarga  case UM-2026/00042")
    assert lines[2].endswith("needs a technician: the intake answered HTTP 400: brak pola adres")
    assert lines[3] == "3 shown; in the outbox: 1 queued, 1 delivered, 1 rejected"
    code, out, _ = run(config, "list", "--state", "rejected")
    assert out.splitlines()[0].startswith(display(refused))
    assert out.splitlines()[1].startswith("1 shown;")


def test_list_without_an_outbox_creates_nothing(tmp_path: Path, config: Path) -> None:
    assert run(config, "list") == (
        0,
        "no submissions (nothing filed on this kiosk yet)\n",
        "",
    )
    assert not (tmp_path / "data" / "outbox.sqlite").exists()


def test_show_prints_the_answers_until_they_are_purged(config: Path, outbox: Outbox) -> None:
    code = outbox.enqueue(new_submission()).code
    status, out, _ = run(config, "show", display(code).lower())
    assert status == 0
    assert f"code:             {display(code)}" in out
    assert "service:          Wniosek o udostępnienie informacji publicznej" in out
    assert "  Imię i nazwisko [imie_nazwisko]: Łucja Żółkiewska-Wójcik" in out
    outbox.mark_delivered(code, "UM-1")
    outbox.purge_personal_data(outbox._clock() + dt.timedelta(days=31))
    status, out, _ = run(config, "show", code)
    assert status == 0
    assert "case number:      UM-1" in out
    assert "answers:          purged " in out
    assert "Łucja" not in out


def test_show_refuses_a_mistyped_code_and_reports_an_unknown_one(
    config: Path, outbox: Outbox
) -> None:
    code = outbox.enqueue(new_submission()).code
    typo = code[1] + code[0] + code[2:]
    if typo == code:
        typo = code[:-1] + ("2" if code[-1] != "2" else "3")
    status, _, err = run(config, "show", typo)
    assert status == 2
    assert err.startswith(f"kiosk: {typo!r} is not a submission code")
    assert err.count("\n") == 1
    other = "23456789A" + check_character("23456789A")
    assert run(config, "show", other) == (
        1,
        "",
        f"kiosk: no submission {display(other)} in the outbox\n",
    )


def test_retry_queues_a_rejected_submission_again(config: Path, outbox: Outbox) -> None:
    code = outbox.enqueue(new_submission()).code
    outbox.mark_rejected(code, "HTTP 400")
    status, out, _ = run(config, "retry", display(code))
    assert (status, out) == (
        0,
        f"{display(code)} queued again; the kiosk sends it within a minute\n",
    )
    assert outbox.counts()["queued"] == 1
    _, out, _ = run(config, "list")
    assert out.splitlines()[0].endswith("queued again after: HTTP 400")


def test_retry_of_a_delivered_submission_is_refused(config: Path, outbox: Outbox) -> None:
    code = outbox.enqueue(new_submission()).code
    outbox.mark_delivered(code, "UM-5")
    assert run(config, "retry", code) == (
        1,
        "",
        f"kiosk: {display(code)} was delivered already (case UM-5)\n",
    )


def test_retry_all_rejected(config: Path, outbox: Outbox) -> None:
    for _ in range(2):
        outbox.mark_rejected(outbox.enqueue(new_submission()).code, "HTTP 422")
    outbox.enqueue(new_submission())
    assert run(config, "retry", "--all-rejected") == (
        0,
        "2 rejected submission(s) queued again\n",
        "",
    )
    assert outbox.counts() == {"queued": 3, "delivered": 0, "rejected": 0}


def test_retry_needs_a_code_or_all_rejected(config: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "--config", str(config), "outbox", "retry"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "one of the arguments code --all-rejected is required" in done.stderr


# -- config and composition ---------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(f'data_dir = "{tmp_path / "data"}"\n' + text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[intake]\nkind = "http"\n', "'intake.url' must be an https:// address for kind = http"),
        ('[intake]\nkind = "ftp"\n', "'intake.kind' must be one of 'spool', 'http', 'smtp'"),
        ('[intake]\nkind = "smtp"\n', "'intake.smtp_host' is needed for kind = smtp"),
        (
            '[intake]\nkind = "smtp"\nsmtp_host = "poczta"\nmail_from = "infomat"\n',
            "'intake.mail_from' must be an e-mail address (got 'infomat')",
        ),
        (
            '[intake]\nkind = "smtp"\nsmtp_host = "p"\nmail_from = "a@b.pl"\nmail_to = "c@d.pl"\n'
            'smtp_username = "kiosk"\nsmtp_password = "hasło"\n',
            "'intake.smtp_password' must be ASCII",
        ),
        ("[outbox]\nfirst_retry_s = 0\n", "'outbox.first_retry_s' must be at least 1"),
        (
            "[outbox]\nfirst_retry_s = 600\nmax_retry_s = 60\n",
            "'outbox.max_retry_s' must be at least 'outbox.first_retry_s'",
        ),
        ("[outbox]\nretention = 30\n", "unknown key 'outbox.retention'"),
    ],
)
def test_bad_intake_and_outbox_options_name_file_key_and_reason(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_the_demo_delivers_to_a_spool_folder_in_the_data_dir(tmp_path: Path) -> None:
    services = Services(KioskConfig(data_dir=str(tmp_path)))
    intake = services.intake
    assert isinstance(intake, SpoolIntake)
    assert intake.folder == tmp_path / "spool"
    assert services.outbox.path == tmp_path / "outbox.sqlite"
    sender = services.outbox_sender
    assert sender.outbox is services.outbox and sender.intake is intake
    services.outbox.enqueue(new_submission())
    assert [e.state for e in sender.deliver_due_now()] == ["delivered"]


def test_http_and_smtp_intakes_come_from_the_config(tmp_path: Path) -> None:
    http = load_config(write(tmp_path, '[intake]\nkind = "http"\nurl = "https://urzad.pl/w"\n'))
    assert isinstance(Services(http).intake, HttpIntake)
    smtp = load_config(
        write(
            tmp_path,
            '[intake]\nkind = "smtp"\nsmtp_host = "poczta.lancut.pl"\n'
            'mail_from = "infomat@lancut.pl"\nmail_to = "kancelaria@lancut.pl"\n'
            "[outbox]\nfirst_retry_s = 10\nmax_retry_s = 600\nretention_days = 14\n",
        )
    )
    assert isinstance(Services(smtp).intake, SmtpIntake)
    assert smtp.outbox.retention_days == 14


def test_every_intake_and_outbox_option_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "outbox.md").read_text(encoding="utf-8")
    keys = [o.key for o in describe() if o.key.startswith(("intake.", "outbox."))]
    assert len(keys) == 15
    assert [k for k in keys if f"{k.split('.')[1]} = " not in doc] == []
