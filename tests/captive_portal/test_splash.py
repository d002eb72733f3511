"""The splash page on a real portal: languages, links, escaping, headers, WCAG basics."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from captive_portal.messages import CATALOGUES
from captive_portal.settings import PerLanguage
from tests.captive_portal.portal_server import PortalServer

SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", ["Akceptuję i łączę", "Regulamin korzystania z sieci", "Gmina Przykładowa"]),
        ("en", ["Accept and connect", "Terms of use", "Example Municipality"]),
        ("uk", ["Приймаю та підключаюся", "Правила користування мережею"]),
        ("de", ["Akzeptieren und verbinden", "Nutzungsbedingungen"]),
    ],
)
def test_the_splash_speaks_four_languages(
    portal: PortalServer, language: str, expected: list[str]
) -> None:
    page = portal.get(f"/?lang={language}")
    assert page.status_code == 200
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert f'<html lang="{language}">' in page.text
    for text in expected:
        assert text in page.text
    assert page.text.count("<button") == 1


def test_polish_is_the_default_with_all_polish_letters(tmp_path: Path) -> None:
    name = PerLanguage(pl="Gmina Łęczna-Źródło: zażółć gęślą jaźń ĄĆĘŁŃÓŚŹŻ")
    server = PortalServer(tmp_path, municipality_name=name)
    try:
        page = server.get("/")
        assert '<html lang="pl">' in page.text
        assert "zażółć gęślą jaźń ĄĆĘŁŃÓŚŹŻ" in page.text
        assert "Akceptuję i łączę" in page.text
        unknown = server.get("/?lang=xx").text  # an unknown language falls back to Polish
        assert '<html lang="pl">' in unknown and "Akceptuję i łączę" in unknown
    finally:
        server.stop()


def test_language_links_keep_the_gateway_query(portal: PortalServer) -> None:
    page = portal.get("/?tag=hid42&lang=de")
    links = re.findall(r'<a href="([^"]*)" hreflang="(\w\w)" lang="\w\w"', page.text)
    assert [code for _, code in links] == ["pl", "en", "uk", "de"]
    for href, code in links:
        assert html.unescape(href) == f"?tag=hid42&lang={code}"
    assert 'hreflang="de" lang="de" aria-current="true"' in page.text


def test_every_ui_text_comes_from_the_catalogue(portal: PortalServer) -> None:
    for language, catalogue in CATALOGUES.items():
        assert set(catalogue) == set(CATALOGUES["pl"]), language
        page = portal.get(f"/?lang={language}").text
        for key in ("accept", "intro", "terms_heading", "subtitle"):
            assert catalogue[key] in page


def test_the_form_works_without_javascript_or_cookies(portal: PortalServer) -> None:
    page = portal.get("/")
    assert "<script" not in page.text
    assert "Set-Cookie" not in page.headers
    assert '<form method="post" action="/accept">' in page.text
    assert set(portal.form()) == {"client", "token", "lang"}


def test_a_hostile_municipality_name_and_query_are_escaped(tmp_path: Path) -> None:
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    server = PortalServer(
        tmp_path,
        municipality_name=PerLanguage(pl=evil),
        eservices_url="https://e.gmina.pl/?a=1&b=<2>",
    )
    try:
        page = server.get("/", params={"tag": "ok", "q": '"><script>alert(2)</script>'})
        assert page.status_code == 200
        assert "<script" not in page.text and "<img" not in page.text
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page.text
        assert "%22%3E%3Cscript%3E" in page.text  # the query only ever appears URL-encoded
        assert 'href="https://e.gmina.pl/?a=1&amp;b=&lt;2&gt;"' in page.text
        error = server.get("/?mac=<b>bad</b>&lang=en")
        assert error.status_code == 400
        assert "<b>bad" not in error.text
    finally:
        server.stop()


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/"), ("GET", "/generate_204"), ("GET", "/anything"), ("GET", "/api/captive"),
     ("POST", "/accept"), ("GET", "/admin/stats"), ("GET", "/portal.css"), ("GET", "/wifi4eu.js"),
     ("GET", "/?mac=nonsense")],
)  # fmt: skip
def test_every_response_has_strict_security_headers(
    portal: PortalServer, method: str, path: str
) -> None:
    response = portal.http.request(method, portal.url + path, allow_redirects=False, timeout=5)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "script-src" not in policy


def test_the_style_sheet_meets_contrast_and_target_sizes(portal: PortalServer) -> None:
    css = portal.get("/portal.css").text
    assert contrast("#1a1a1a", "#ffffff") >= 4.5
    assert contrast("#ffffff", "#0b4a8f") >= 4.5
    assert contrast("#3d3d3d", "#ffffff") >= 4.5
    for colour in ("#1a1a1a", "#0b4a8f", "#3d3d3d"):
        assert colour in css
    assert "min-height: 64px" in css and "min-height: 48px" in css


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_success_and_error_pages_are_localised(portal: PortalServer) -> None:
    assert "Połączono z internetem" in portal.get("/success").text
    assert "Підключено до інтернету" in portal.get("/success?lang=uk").text
    missing = portal.get("/nothing-here?lang=de")
    assert missing.status_code == 302  # unauthorised: the catch-all, not a 404
