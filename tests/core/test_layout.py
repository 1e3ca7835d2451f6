"""Shared layout (issue 13 items 10 and 13): breadcrumbs, print stylesheet, the scroll
regions for wide tables on phones."""

from pathlib import Path

CSS = (Path(__file__).resolve().parents[2] / "kim/core/static/core/kim.css").read_text()
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_breadcrumbs_lead_back_through_the_section(personas, soest):
    client = personas["caseworker"].client()
    start = client.get("/soest/", **EN).content.decode()
    section = client.get("/soest/persons/deadlines/", **EN).content.decode()
    assert 'class="breadcrumbs"' not in start and 'class="breadcrumbs"' not in section
    form = client.get("/soest/persons/new/", **EN).content.decode()
    assert ('<li><a href="/soest/">Start page</a></li>\n    '
            '<li><a href="/soest/persons/">Persons</a></li>') in form


def test_print_hides_navigation_and_controls_and_repeats_table_headers():
    start = CSS.index("@media print {")
    rules = CSS[start:CSS.index("\n}\n", start)]
    for selector in (".site-header", ".main-nav", ".breadcrumbs", ".pagination", "button",
                     "form.filters", ".export-links"):
        assert selector in rules.split("{", 2)[1], selector
    assert "thead { display: table-header-group; }" in rules
    assert "tr, .card { break-inside: avoid; }" in rules


def test_every_page_loads_the_table_script_and_labels_its_hint(personas, soest):
    page = personas["caseworker"].client().get("/soest/", **EN).content.decode()
    assert '<script src="/static/core/tables.js" defer></script>' in page
    assert 'data-table-hint="Wide table: scroll sideways to see every column."' in page
