"""The demo's information pages: about 25 pages with Soest's contact points, German in
plain language, illustrative translations in English, Arabic, Persian, Ukrainian and
Tigrinya, one translation outdated; loading twice changes nothing."""

from collections import Counter

from django_scopes import scope

from kim.welcome.demo import load
from kim.welcome.domain.readability import check
from kim.welcome.models import Page, Translation


def test_demo_pages(soest):
    load(soest)
    load(soest)  # idempotent
    with scope(municipality=soest):
        pages = list(Page.objects.all())
        translations = list(Translation.objects.select_related("page"))
    assert len(pages) == 30
    titles = {p.title for p in pages}
    for contact in ("Integrations-Team der Stadt Soest", "Die Integrations-Beauftragte",
                    "Jobcenter Kreis Soest", "Ausländer-Behörde des Kreises Soest",
                    "Kommunales Integrations-Zentrum (KI)", "Volkshochschule (VHS) Soest",
                    "Kleiderkammer"):
        assert contact in titles
    assert [p.slug for p in pages if not check(p.body).plain] == []
    per_language = Counter(t.language for t in translations)
    assert per_language == {"en": 6, "ar": 5, "fa": 5, "uk": 5, "ti": 5}
    assert all(t.illustrative for t in translations)
    assert [t.page.slug for t in translations if t.outdated] == ["wohnen"]
    contacts = [p for p in pages if p.kind == "contact"]
    assert len(contacts) == 13
    assert all(p.address.endswith("59494 Soest") and p.phone and p.map_url.startswith(
        "https://") for p in contacts)
