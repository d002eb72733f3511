"""The portal's HTML pages, rendered from Jinja2 templates with autoescape on.

The splash page is the busiest page, so each language's page is rendered once at start
with two random markers; a request only joins the parts with its escaped language links
and hidden form fields. Success and error pages render normally.
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import escape

from captive_portal.messages import CATALOGUES, LANGUAGE_NAMES, text
from captive_portal.settings import LANGUAGES, WIFI4EU_HOST, Language, PortalSettings

TEMPLATES = Path(__file__).with_name("templates")
WIFI4EU_SCRIPT = f"https://{WIFI4EU_HOST}/wifi4eu.min.js"


def pick_language(asked: str | None, default: Language) -> Language:
    for language in LANGUAGES:
        if asked == language:
            return language
    return default


class Pages:
    def __init__(
        self, settings: PortalSettings, *, has_logo: bool, accept_path: str = "/accept"
    ) -> None:
        """`accept_path`: where the splash's form posts (a registered gateway's own)."""
        self._settings = settings
        self._has_logo = has_logo
        self._accept_path = accept_path
        self._env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        # Letters and digits only, so autoescape leaves them as they are.
        self._links_marker = f"links{secrets.token_hex(8)}"
        self._fields_marker = f"fields{secrets.token_hex(8)}"
        self._splash = {language: self._splash_parts(language) for language in LANGUAGES}

    def splash(
        self, language: Language, query: Sequence[tuple[str, str]], hidden: Mapping[str, str]
    ) -> bytes:
        """The splash page with links keeping the gateway's query and the signed form."""
        head, middle, tail = self._splash[language]
        kept = tuple([(k, v) for k, v in query if k != "lang"]) if query else ()
        fields = "".join(  # the names are ours; the values are escaped
            [f'<input type="hidden" name="{name}" value="{escape(value)}">'
             for name, value in hidden.items()]
        )  # fmt: skip
        return b"".join((head, _language_links(language, kept), middle, fields.encode(), tail))

    def success(self, language: Language) -> str:
        return self._render("success.html", language)

    def error(self, language: Language, message: str) -> str:
        return self._render("error.html", language, message=text(language, message))

    def _render(self, template: str, language: Language, **extra: Any) -> str:
        context = self._context(language, **extra)
        page = self._env.get_template(template).render(**context)
        return page.replace(self._links_marker, _language_links(language, ()).decode())

    def _splash_parts(self, language: Language) -> tuple[bytes, bytes, bytes]:
        context = self._context(language, form_fields=self._fields_marker)
        page = self._env.get_template("splash.html").render(**context)
        head, rest = page.split(self._links_marker)
        middle, tail = rest.split(self._fields_marker)
        return head.encode(), middle.encode(), tail.encode()

    def _context(self, language: Language, **extra: Any) -> dict[str, Any]:
        settings = self._settings
        terms = settings.terms.get(language) or text(language, "default_terms")
        minutes = settings.session_seconds // 60
        return {
            "lang": language,
            "t": CATALOGUES[language],
            "municipality": settings.municipality_name.get(language),
            "logo": self._has_logo,
            "wifi4eu": WIFI4EU_SCRIPT if settings.wifi4eu.enabled else "",
            "eservices_url": settings.eservices_url,
            "terms": [p.strip() for p in terms.split("\n\n") if p.strip()],
            "terms_version": settings.terms_version,
            "session_note": text(language, "session_note").format(minutes=minutes),
            "voucher_hint": (
                text(language, "voucher_hint").format(hours=settings.vouchers.hours)
                if settings.vouchers.keys
                else ""
            ),
            "lang_links": self._links_marker,
            "accept_path": self._accept_path,
            **extra,
        }


@functools.lru_cache(maxsize=512)
def _language_links(current: Language, kept: tuple[tuple[str, str], ...]) -> bytes:
    """The language switch of a page, keeping the gateway's query. Cached: most phones come
    with the same query (none behind nftables), and building it was half the splash's cost.
    Bytes, as the splash is joined from bytes; the other pages decode it."""
    links = []
    for language in LANGUAGES:
        href = "?" + urlencode([*kept, ("lang", language)])
        here = ' aria-current="true"' if language == current else ""
        links.append(
            f'<a href="{escape(href)}" hreflang="{language}" lang="{language}"{here}>'
            f"{escape(LANGUAGE_NAMES[language])}</a>"
        )
    return "".join(links).encode()
