"""Read aloud: parts of a screen in different languages, each with its own voice."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest

from kiosk import speech
from kiosk.speech import Speaker, ssml


class Recorded:
    """Stands in for subprocess.Popen: keeps the arguments and what was written to stdin."""

    calls: ClassVar[list[tuple[list[str], bytes]]] = []

    def __init__(self, args: list[str], **_: Any) -> None:
        self.args = args
        self.stdin = self

    def write(self, data: bytes) -> None:
        Recorded.calls.append((self.args, data))

    def close(self) -> None:
        pass

    def __enter__(self) -> Recorded:
        return self

    def __exit__(self, *_: object) -> None:
        pass

    def poll(self) -> int:
        return 0


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], bytes]]:
    monkeypatch.setattr(shutil, "which", lambda _: "/usr/bin/espeak-ng")
    monkeypatch.setattr(subprocess, "Popen", Recorded)
    Recorded.calls = []
    return Recorded.calls


def test_one_language_is_plain_text_in_its_voice(recorded: list[tuple[list[str], bytes]]) -> None:
    Speaker().say_parts([("Fees", "en"), ("free of charge", "en")])
    args, text = recorded[-1]
    assert args[args.index("-v") + 1] == "en-gb"
    assert "-m" not in args
    assert text == b"Fees. free of charge"


def test_mixed_languages_become_ssml_sentences(recorded: list[tuple[list[str], bytes]]) -> None:
    Speaker().say_parts([("What it is", "en"), ("Zgłoszenie <zgonu> & akt", "pl")])
    args, text = recorded[-1]
    assert "-m" in args
    assert text.decode() == (
        '<speak><s xml:lang="en-gb">What it is</s>'
        '<s xml:lang="pl">Zgłoszenie &lt;zgonu&gt; &amp; akt</s></speak>'
    )


def test_ssml_keeps_to_the_length_limit() -> None:
    long = "a" * (speech.MAX_CHARS - 10)
    markup = ssml([(long, "pl"), ("b" * 50, "de"), ("never said", "uk")])
    assert markup.count("<s ") == 2
    assert "b" * 10 in markup
    assert "b" * 11 not in markup
    assert "never said" not in markup


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_espeak_reads_the_ssml(tmp_path: Path) -> None:
    out = tmp_path / "mixed.wav"
    Speaker().to_wav(ssml([("Fees", "en"), ("Opłata skarbowa", "pl")]), "en", out, markup=True)
    with wave.open(str(out)) as wav:
        assert wav.getnframes() > 0


def test_a_closed_speaker_stops_its_voice_and_starts_no_other(tmp_path: Path) -> None:
    """The kiosk closing: the voice still speaking is ended and waited for, and a late
    timer's hint starts nothing (a voice nobody would stop, left running)."""
    said = tmp_path / "speaking.pid"
    voice = tmp_path / "espeak-ng"  # a voice that speaks for half a minute
    voice.write_text(f"#!/bin/sh\necho $$ > {said}\ncat > /dev/null\nexec sleep 30\n")
    voice.chmod(0o755)
    speaker = Speaker(str(voice))
    speaker.say("Dzień dobry. Wybierz usługę.", "pl")
    pid = poll_for(lambda: int(said.read_text()) if said.exists() else None)
    assert Path(f"/proc/{pid}").exists(), "the voice is speaking"
    speaker.close()
    assert not Path(f"/proc/{pid}").exists(), "the voice was ended and waited for"
    said.unlink()
    speaker.say("Dotknij ekranu, aby zacząć.", "pl")
    time.sleep(0.5)
    assert not said.exists(), "a closed speaker started a voice"


def poll_for(probe: Callable[[], int | None], timeout_s: float = 10.0) -> int:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with contextlib.suppress(ValueError):  # the file is being written
            found = probe()
            if found is not None:
                return found
        time.sleep(0.02)
    raise AssertionError("the voice never started")
