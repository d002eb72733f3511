"""Read aloud through espeak-ng (Debian's package); headphones are the norm on a kiosk.

One utterance at a time: a new one stops the previous. Without espeak-ng the kiosk says so
once in the log and stays silent instead of failing.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess

log = logging.getLogger(__name__)

VOICES = {"pl": "pl", "en": "en-gb", "uk": "uk", "de": "de"}
MAX_CHARS = 4000


class Speaker:
    def __init__(
        self, command: str = "espeak-ng", words_per_minute: int = 150, volume: int = 100
    ) -> None:
        self._command = shutil.which(command)
        self._rate = words_per_minute
        self._volume = volume
        self._current: subprocess.Popen[bytes] | None = None
        self._closed = False
        if self._command is None:
            log.warning("read aloud is off: %s is not installed", command)

    @property
    def available(self) -> bool:
        return self._command is not None

    def say(self, text: str, language: str, pace: float = 1.0, loudness: float = 1.0) -> None:
        """Start speaking `text`, stopping whatever was being said; `pace` and `loudness`
        scale the configured rate and volume (the resident's choice in the panel)."""
        self._start(text[:MAX_CHARS], self._args(language, pace, loudness))

    def say_parts(
        self, parts: Sequence[tuple[str, str]], pace: float = 1.0, loudness: float = 1.0
    ) -> None:
        """Speak (text, language) parts in turn, each with the voice of its own language."""
        languages = {language for _, language in parts}
        if len(languages) <= 1:
            language = next(iter(languages), "pl")
            self.say(". ".join(text for text, _ in parts), language, pace, loudness)
        else:
            self._start(ssml(parts), [*self._args(parts[0][1], pace, loudness), "-m"])

    def _start(self, text: str, args: list[str]) -> None:
        self.stop()
        if self._command is None or self._closed or not text.strip():
            return
        # Imported here, at the first words: not one of the kiosk's first frame (~5 ms).
        import subprocess  # noqa: PLC0415

        self._current = subprocess.Popen(
            args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        stdin = self._current.stdin
        assert stdin is not None
        try:
            with stdin:  # closed (and its fd) also when the write fails
                stdin.write(text.encode("utf-8"))
        except BrokenPipeError:  # it ended before it read the text (a voice it lacks)
            log.warning("read aloud: %s ended at once (exit %s)", args[0], self._current.wait())
            self._current = None

    def stop(self) -> None:
        """Stop speaking at once; the process is waited for (none is left running)."""
        if self._current is not None and self._current.poll() is None:
            self._current.kill()  # at once: a new resident must not hear the last one
            self._current.wait(timeout=2)
        self._current = None

    def close(self) -> None:
        """Stop, and say nothing more (the kiosk is closing: a timer that fires late, such
        as the attract hint's, must not start a voice that nobody stops)."""
        self._closed = True
        self.stop()

    def to_wav(self, text: str, language: str, path: Path, markup: bool = False) -> None:
        """Speak into a WAV file (for tests and for checking voices by ear); `markup`: SSML."""
        if self._command is None:
            raise FileNotFoundError("espeak-ng is not installed")
        import subprocess  # noqa: PLC0415

        subprocess.run(
            [*self._args(language), *(["-m"] if markup else []), "-w", str(path)],
            input=text[:MAX_CHARS].encode("utf-8"),
            check=True,
            timeout=30,
        )

    def _args(self, language: str, pace: float = 1.0, loudness: float = 1.0) -> list[str]:
        assert self._command is not None
        rate = min(450, max(80, round(self._rate * pace)))
        volume = min(200, max(0, round(self._volume * loudness)))
        voice = VOICES.get(language, "pl")
        return [self._command, "-v", voice, "-s", str(rate), "-a", str(volume), "--stdin"]


def xml_text(text: str) -> str:
    """Text safe inside an SSML element (xml.sax.saxutils would pull in urllib.request,
    ~60 ms of the kiosk's start)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ssml(parts: Sequence[tuple[str, str]]) -> str:
    """SSML for espeak-ng (`-m`): one sentence per part, in its language; MAX_CHARS of text."""
    sentences, left = [], MAX_CHARS
    for text, language in parts:
        if left <= 0:
            break
        lang = VOICES.get(language, "pl")  # one of ours: nothing to escape
        sentences.append(f'<s xml:lang="{lang}">{xml_text(text[:left])}</s>')
        left -= len(text)
    return "<speak>" + "".join(sentences) + "</speak>"
