"""The status page's HTML, joined from parts made once instead of a template per request.

A Jinja render of the page cost ~110 µs, most of what a resident's first look at a case
cost (the register's answer ~20 µs). So the page's frame (head, style, language switcher,
footer), which depends only on the language and the office, is rendered once per
language and office from `status/base.html` (the template the visit page shares) and
split where the code and the content go; per request only the case's own parts are
escaped and joined (~15 µs), and a page is returned as its parts (the frame's shared
bytes and the case's own), which the answer cache keeps without copying the frame.
Every value from the register or the config is escaped as
Jinja's autoescape escapes it (markupsafe); the texts are the catalogues' (status_texts.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from office.due_dates import expected_by
from office.settings import Office, OfficeSettings
from office.status_cache import KeptAnswer
from office.status_records import CaseStatusRecord
from office.status_texts import (
    CATALOGUES,
    LANGUAGE_NAMES,
    LANGUAGES,
    Language,
    calendar_day,
    day,
    day_and_time,
)

TEMPLATES = Path(__file__).with_name("templates")
_CODE, _CONTENT = "\ue000", "\ue001"  # private-use marks: no text of ours holds them
_FRAME = '{% extends "status/base.html" %}{% block content %}' + _CONTENT + "{% endblock %}"


@dataclass(frozen=True)
class _Frame:
    """The page around its content, for one language and office: up to the code, between
    the code and the content, after it; and the office's contact section."""

    head: bytes
    middle: bytes
    tail: bytes
    contact: str = ""
    processing_days: int = Office().processing_days


@dataclass(frozen=True)
class _Link:
    code: str
    name: str


class _Texts:
    """One language's texts for the frame's template (`t.code`, `t["x"]`), escaped by it."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.__dict__.update(texts)

    def __getitem__(self, key: str) -> str:
        return str(self.__dict__[key])


class StatusHtml:
    def __init__(self, settings: OfficeSettings) -> None:
        env = Environment(
            loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
            trim_blocks=True, lstrip_blocks=True,
        )  # fmt: skip
        template = env.from_string(_FRAME)
        links = [_Link(code, LANGUAGE_NAMES[code]) for code in LANGUAGES]
        self._texts = {lang: {k: escape(v) for k, v in CATALOGUES[lang].items()}
                       for lang in LANGUAGES}  # fmt: skip
        self._frames: dict[tuple[Language, str], _Frame] = {}
        for language in LANGUAGES:
            texts = _Texts(CATALOGUES[language])
            for office in [Office(name=""), *settings.offices]:
                page = template.render(
                    lang=language, t=texts, languages=links, code=_CODE, office_name=office.name
                )
                head, rest = page.split(_CODE)
                middle, tail = rest.split(_CONTENT)
                contact = _contact(self._texts[language], office) if office.name else ""
                frame = _Frame(
                    head.encode(), middle.encode(), tail.encode(), contact, office.processing_days
                )
                self._frames[(language, office.tenant_id if office.name else "")] = frame

    def problem(self, outcome: str, shown_code: str, language: Language) -> KeptAnswer:
        """The page of a code that found no case: what went wrong, in `language`."""
        content = f'<p class="problem" role="alert">{self._texts[language][outcome]}</p>\n'
        return _page(self._frames[(language, "")], shown_code, content)

    def found(self, record: CaseStatusRecord, shown_code: str, language: Language) -> KeptAnswer:
        frame = self._frames.get((language, record.tenant_id)) or self._frames[(language, "")]
        t = self._texts[language]
        state = t["state_" + record.state]
        parts = [f'<p class="state {record.state}" role="status">{state}</p>\n']
        if record.message:
            parts.append(
                '<section class="message" aria-labelledby="message-heading">\n'
                f'<h2 id="message-heading">{t["message"]}</h2>\n'
                f"<p>{escape(record.message)}</p>\n</section>\n"
            )
        parts.append(_facts(t, record, frame.processing_days, language))
        parts.append(
            '<section class="history" aria-labelledby="history-heading">\n'
            f'<h2 id="history-heading">{t["history"]}</h2>\n<ol>\n'
        )
        for step in record.history:
            parts.append(
                f'<li><time datetime="{step.changed_at.isoformat()}">'
                f"{day_and_time(language, step.changed_at)}</time>{t['step_' + step.state]}</li>\n"
            )
        parts.append("</ol>\n</section>\n")
        parts.append(frame.contact)
        return _page(frame, shown_code, "".join(parts))


def _page(frame: _Frame, shown_code: str, content: str) -> KeptAnswer:
    own = b"".join((escape(shown_code).encode(), frame.middle, content.encode()))
    return KeptAnswer((frame.head, own, frame.tail), len(own))


def escape(text: str) -> str:
    """As Jinja's autoescape (markupsafe) writes text into HTML, without its Markup object."""
    if not _SPECIAL.intersection(text):
        return text
    return text.translate(_ENTITIES)


_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})
_SPECIAL = frozenset("&<>\"'")


def _facts(t: dict[str, str], record: CaseStatusRecord, days: int, language: Language) -> str:
    due = expected_by(record.state, record.received_at, days)
    expected = (
        f'<dt>{t["expected_by"]}</dt><dd class="expected">{calendar_day(language, due)}</dd>\n'
        if due
        else ""
    )
    return (
        '<section class="facts">\n<dl>\n'
        f"<dt>{t['service']}</dt><dd>{escape(record.service_name or record.service_id)}</dd>\n"
        f"<dt>{t['case_number']}</dt><dd>{escape(record.case_number)}</dd>\n"
        f"<dt>{t['filed']}</dt><dd>{day(language, record.filed_at)}</dd>\n"
        f"<dt>{t['last_change']}</dt><dd>{day_and_time(language, record.updated_at)}</dd>\n"
        f"{expected}</dl>\n</section>\n"
    )


def _contact(t: dict[str, str], office: Office) -> str:
    phone = ""
    if office.phone:
        link = "".join(c for c in office.phone if c.isdigit() or c == "+")
        phone = (
            f'<br><a class="tel" href="tel:{escape(link)}">{t["phone"]}: {escape(office.phone)}</a>'
        )
    return (
        '<section class="contact" aria-labelledby="contact-heading">\n'
        f'<h2 id="contact-heading">{t["contact"]}</h2>\n'
        f"<p>{escape(office.name)}{phone}</p>\n</section>\n"
    )
