"""The kiosk's screens as one static HTML page, for the browser the taps benchmark compares.

Made from the demo catalogue through the kiosk's own catalogue service, so the page shows
what the kiosk shows: home (search field, categories, life events), each category's list
(the same services in the same order), each listed service's card (the kiosk's card
sections), and two steps of one application form. Sizes and colours are the kiosk's theme
(DejaVu Sans, 30 px body, 88 px buttons). Every screen is in the page, hidden; a tap shows
another with the kiosk's 150 ms fade (the form's steps change in place, as the kiosk's do).
On load (unless the address ends in #start) the page measures where each control it will be
tapped on lies, shows each screen once to do so, and puts the answer in the window's title,
where the benchmark reads it over X.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.catalogue_service import CatalogueService, Filters, FormField, in_language
from ui.service_card import card

LANGUAGE = "pl"
MUNICIPALITY = "Gmina Miasto Łańcut"
FORM_SERVICE = "gl-informacja-publiczna"
FORM_ID = "wniosek-informacja-publiczna"
FORM_STEPS = (1, 2)  # the steps the kiosk's Next goes between once step 1 is filled
TITLE_PREFIX = "taps "
LIST_LIMIT = 100  # as the kiosk's category list

STYLE = """
*{box-sizing:border-box}
body{margin:0;font:30px/1.3 'DejaVu Sans',sans-serif;color:#14181F;background:#FFF;
 width:1080px;height:1920px;overflow:hidden;display:flex;flex-direction:column}
header{padding:30px 30px 0}
h1{font-size:40px;margin:0 0 15px}header h1{float:left;width:700px}header .row{clear:both}
.a11y{float:right}
h2{font-size:32px;margin:18px 0 9px}
button{font:inherit;min-height:88px;padding:8px 24px;border:2px solid #8A95A5;border-radius:12px;
 background:#EEF2F7;color:#14181F;margin:0 12px 12px 0}
button:active{background:#D5DDE8}
button.primary{background:#0B4F9C;color:#FFF;width:100%}
.row{display:flex;flex-wrap:wrap}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:12px}.grid button{margin:0;width:100%}
main{position:relative;flex:1;margin:15px 30px 30px}
section{position:absolute;inset:0;overflow:hidden}
section[hidden]{display:none}
section.enter{animation:fade .15s linear}
@keyframes fade{from{opacity:0}to{opacity:1}}
input,textarea{font:inherit;width:100%;min-height:88px;padding:12px;border:2px solid #8A95A5;
 border-radius:12px}
.service{background:#EEF2F7;border:1px solid #8A95A5;border-radius:12px;padding:15px 18px;
 margin-bottom:12px;min-height:88px}
.service b{display:block}.muted{color:#46505E;font-size:24px}
.progress{color:#0B4F9C;font-weight:bold;font-size:33px}
.nav{position:absolute;bottom:0;left:0;right:0;display:flex;gap:15px}
.nav button{margin:0;flex:4}.nav button.primary{flex:6}
#back-row[hidden]{display:none}
"""

SCRIPT = """
const stack = ['home'];
function show(id, from, fade = true) {
  document.getElementById(from).hidden = true;
  const s = document.getElementById(id); s.hidden = false;
  s.classList.remove('enter');
  if (fade) { void s.offsetWidth; s.classList.add('enter'); }
  document.getElementById('back-row').hidden = stack.length < 2;
}
function push(id) { const from = stack[stack.length - 1]; stack.push(id); show(id, from); }
function back() { if (stack.length > 1) { const from = stack.pop(); show(stack[stack.length - 1], from); } }
// The form's steps change in place, as the kiosk's do (no fade).
function step(id) { const from = stack.pop(); stack.push(id); show(id, from, false); }
function home() { const from = stack[stack.length - 1]; stack.length = 1; show('home', from); }
function rect(el) {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}
function where() {
  const found = {};
  const sections = [...document.querySelectorAll('section')];
  for (const s of sections) {
    sections.forEach(o => o.hidden = o !== s);
    document.getElementById('back-row').hidden = s.id === 'home';
    for (const el of s.querySelectorAll('[data-tap]')) found[s.id + '/' + el.dataset.tap] = rect(el);
  }
  for (const el of document.querySelectorAll('header [data-tap]')) found[el.dataset.tap] = rect(el);
  sections.forEach(o => o.hidden = o.id !== 'home');
  document.getElementById('back-row').hidden = true;
  document.title = 'TITLE_PREFIX' + JSON.stringify(found);
}
if (location.hash !== '#start') where();
""".replace("TITLE_PREFIX", TITLE_PREFIX)


@dataclass(frozen=True)
class Listed:
    service_id: str
    name: str
    authority: str


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def button(label: str, tap: str, action: str, extra: str = "") -> str:
    return f'<button data-tap="{esc(tap)}" onclick="{esc(action)}"{extra}>{esc(label)}</button>'


def home_section(catalogue: CatalogueService) -> str:
    categories = "".join(
        button(in_language(t["name"], LANGUAGE), t["id"], f"push('list-{t['id']}')")
        for t in catalogue.terms("categories")
    )
    events = "".join(
        f"<button>{esc(in_language(t['name'], LANGUAGE))}</button>"
        for t in catalogue.terms("life_events")
    )
    return (
        '<section id="home"><input placeholder="Czego szukasz? np. dowód osobisty, odpady, podatek">'
        f'<h2>Kategorie</h2><div class="grid">{categories}</div>'
        f'<h2>Sytuacje życiowe</h2><div class="row">{events}</div></section>'
    )


def listed(catalogue: CatalogueService, category: str) -> list[Listed]:
    found = catalogue.browse(Filters(None, category, None), LANGUAGE, limit=LIST_LIMIT)
    return [Listed(s.id, s.name, s.authority) for s in found]


def list_section(category_id: str, title: str, services: list[Listed]) -> str:
    rows = "".join(
        f'<div class="service"{tap_mark(s.service_id, first=i == 0)} '
        f"onclick=\"push('card-{esc(s.service_id)}')\"><b>{esc(s.name)}</b>"
        f'<span class="muted">{esc(s.authority)}</span></div>'
        for i, s in enumerate(services)
    )
    return f'<section id="list-{esc(category_id)}" hidden><h1>{esc(title)}</h1>{rows}</section>'


def tap_mark(service_id: str, first: bool) -> str:
    """Rows the benchmark taps (the first of a list, the form's service) say where they are;
    only those, as the window title carries the positions and Chromium cuts long titles."""
    if first:
        return ' data-tap="first"'
    return ' data-tap="form-service"' if service_id == FORM_SERVICE else ""


def card_section(record: dict[str, Any]) -> str:
    def part(heading: str, body: str = "", lines: list[str] | None = None) -> str:
        items = "".join(f"<li>{esc(line)}</li>" for line in lines or [])
        return f"<h2>{esc(heading)}</h2><p>{esc(body)}</p><ul>{items}</ul>"

    file_button = (
        button("✎ Wypełnij wniosek tutaj", "file", "push('form-1')", ' class="primary"')
        if record["kioskForm"]
        else ""
    )
    places = "".join(part("Gdzie i kiedy", p["address"], p["hours"]) for p in record["places"])
    return (
        f'<section id="card-{esc(record["id"])}" hidden style="overflow:auto">'
        f'<h1>{esc(record["name"])}</h1><p class="muted">{esc(record["authority"])}</p>'
        + file_button
        + part("Co to jest", record["description"])
        + part("Kto może złożyć", record["whoCanApply"])
        + part("Co zabrać", lines=record["documents"])
        + part("Opłaty", lines=record["costs"])
        + part("Ile to trwa", record["time"])
        + places
        + part("Podstawa prawna", lines=record["legalBasis"])
        + part("Jak się odwołać", record["appeal"])
        + part("Co otrzymasz", record["output"])
        + f'<p class="muted">Informacje sprawdzone {esc(record["updated"])}</p></section>'
    )


def form_sections(catalogue: CatalogueService) -> str:
    form = catalogue.form(FORM_ID)
    assert form is not None, f"the demo catalogue has no form {FORM_ID}"
    title = in_language(form.title, LANGUAGE)
    sections = []
    for number, index in enumerate(FORM_STEPS, start=1):
        step = form.steps[index]
        fields = "".join(question(f) for f in step.fields if f.show_if is None)
        following = f"step('form-{number + 1}')" if number < len(FORM_STEPS) else ""
        previous = f"step('form-{number - 1}')" if number > 1 else "back()"
        sections.append(
            f'<section id="form-{number}" hidden><h1>{esc(title)}</h1>'
            f'<p class="progress">Krok {index + 1} z {len(form.steps)}: '
            f"{esc(in_language(step.title, LANGUAGE))}</p>{fields}"
            '<div class="nav">'
            + button("‹ Wstecz", "previous", previous)
            + button("Dalej ›", "next", following, ' class="primary"')
            + "</div></section>"
        )
    return "".join(sections)


def question(field: FormField) -> str:
    label = esc(in_language(field.label, LANGUAGE))
    hint = esc(in_language(field.help, LANGUAGE)) if field.help else ""
    if field.type == "choice":
        answer = "".join(
            f"<button>{esc(in_language(c.label, LANGUAGE))}</button>" for c in field.choices
        )
        answer = f'<div class="row">{answer}</div>'
    else:
        answer = "<input>"
    return f'<h2>{label}</h2><p class="muted">{hint}</p>{answer}'


def page_html(catalogue: CatalogueService) -> str:
    sections = [home_section(catalogue)]
    cards: dict[str, str] = {}
    for term in catalogue.terms("categories"):
        services = listed(catalogue, term["id"])
        sections.append(list_section(term["id"], in_language(term["name"], LANGUAGE), services))
        for service in services:
            if service.service_id not in cards:
                cards[service.service_id] = card_section(service_card(catalogue, service))
    sections += cards.values()
    sections.append(form_sections(catalogue))
    header = (
        f'<header><button class="a11y">♿ Dostępność</button><h1>{esc(MUNICIPALITY)}</h1>'
        '<div class="row"><button>Polski</button><button>English</button>'
        "<button>Українська</button><button>Deutsch</button></div>"
        '<div class="row" id="back-row" hidden>'
        + button("‹ Wstecz", "back", "back()")
        + button("⌂ Start", "home", "home()")
        + "</div></header>"
    )
    return (
        '<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Infomat</title>'
        f"<style>{STYLE}</style></head><body>{header}<main>{''.join(sections)}</main>"
        f"<script>{SCRIPT}</script></body></html>"
    )


def service_card(catalogue: CatalogueService, service: Listed) -> dict[str, Any]:
    record = catalogue.service(service.service_id)
    assert record is not None
    return card(record, catalogue.authority_name(record["authority"]), LANGUAGE)


def write_page(catalogue: CatalogueService, folder: Path) -> Path:
    page = folder / "kiosk-screens.html"
    page.write_text(page_html(catalogue), encoding="utf-8")
    return page


def positions(title: str) -> dict[str, tuple[int, int]]:
    """What the page put in its title: where each control it can be tapped on lies."""
    if not title.startswith(TITLE_PREFIX):
        raise ValueError(f"not the page's positions: {title[:60]!r}")
    # The browser may add its own name after the page's title.
    found: dict[str, list[int]] = json.JSONDecoder().raw_decode(title[len(TITLE_PREFIX) :])[0]
    return {name: (x, y) for name, (x, y) in found.items()}
