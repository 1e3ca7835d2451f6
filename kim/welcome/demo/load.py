"""Loads the welcome folder's demo: the pages of :mod:`.pages`, the illustrative
translations of :mod:`.translations`, and original-script names for one Arabic-speaking
and one Ukrainian household, so that their folders show both scripts."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django_scopes import scope

from kim.people.models import HouseholdMember, PersonName
from kim.welcome.demo.pages import PAGES
from kim.welcome.demo.translations import OUTDATED, TRANSLATIONS
from kim.welcome.models import Page, Translation

ORIGINAL = {
    # Arabic (fictitious demo names from kim.people.demo.names)
    "Ahmad": "أحمد", "Mohammed": "محمد", "Omar": "عمر", "Khaled": "خالد", "Yusuf": "يوسف",
    "Hassan": "حسن", "Ali": "علي", "Karim": "كريم", "Samir": "سمير", "Bilal": "بلال",
    "Tarek": "طارق", "Nabil": "نبيل", "Rami": "رامي", "Fadi": "فادي", "Jamal": "جمال",
    "Walid": "وليد", "Fatima": "فاطمة", "Aisha": "عائشة", "Mariam": "مريم", "Noor": "نور",
    "Layla": "ليلى", "Rania": "رانيا", "Huda": "هدى", "Salma": "سلمى", "Amira": "أميرة",
    "Zainab": "زينب", "Dalia": "داليا", "Yasmin": "ياسمين", "Hiba": "هبة", "Lina": "لينا",
    "Rasha": "رشا", "Mona": "منى", "Al-Hassan": "الحسن", "Haddad": "حداد", "Khalil": "خليل",
    "Mansour": "منصور", "Darwish": "درويش", "Saleh": "صالح", "Nasser": "ناصر",
    "Ibrahim": "إبراهيم", "Al-Khatib": "الخطيب", "Hamdan": "حمدان", "Yassin": "ياسين",
    "Othman": "عثمان", "Suleiman": "سليمان", "Aziz": "عزيز", "Qasim": "قاسم",
    "Barakat": "بركات", "Jaber": "جابر", "Shami": "شامي", "Abboud": "عبود",
    "Halabi": "حلبي",
    # Ukrainian
    "Oleksandr": "Олександр", "Dmytro": "Дмитро", "Andrii": "Андрій", "Serhii": "Сергій",
    "Ivan": "Іван", "Mykola": "Микола", "Artem": "Артем", "Maksym": "Максим",
    "Taras": "Тарас", "Bohdan": "Богдан", "Olena": "Олена", "Iryna": "Ірина",
    "Tetiana": "Тетяна", "Nataliia": "Наталія", "Oksana": "Оксана", "Yuliia": "Юлія",
    "Kateryna": "Катерина", "Svitlana": "Світлана", "Anastasiia": "Анастасія",
    "Mariia": "Марія", "Kovalenko": "Коваленко", "Shevchenko": "Шевченко",
    "Bondarenko": "Бондаренко", "Tkachenko": "Ткаченко", "Melnyk": "Мельник",
    "Boyko": "Бойко", "Kravchenko": "Кравченко", "Oliinyk": "Олійник",
    "Marchenko": "Марченко", "Lysenko": "Лисенко",
}


def _pages(municipality: Any) -> dict[str, Page]:
    by_slug: dict[str, Page] = {}
    for order, (slug, parent, kind, title, body, contact) in enumerate(PAGES):
        by_slug[slug] = Page.objects.create(
            municipality=municipality, slug=slug, parent=by_slug.get(parent), kind=kind,
            order=order * 10, title=title, body=body, **contact)
    return by_slug


def _translations(municipality: Any, by_slug: dict[str, Page]) -> None:
    rows = [Translation(municipality=municipality, page=by_slug[slug], language=code,
                        title=title, body=body, source_version=1, illustrative=True)
            for slug, languages in TRANSLATIONS.items()
            for code, (title, body) in languages.items()]
    for row in rows:
        row.save()
    for slug in OUTDATED:  # the German text was changed after the translation
        Page.objects.filter(pk=by_slug[slug].pk).update(version=2)


def _original_names(municipality: Any) -> None:
    """Original-script names for the first household whose members' names all have one,
    per script (Arabic, Cyrillic)."""
    members = (HouseholdMember.objects.filter(valid_to=None).select_related("person")
               .filter(Q(person__family_name__in=ORIGINAL)).order_by("household_id", "pk"))
    by_household: dict[int, list[Any]] = {}
    for member in members:
        by_household.setdefault(member.household_id, []).append(member.person)
    done: set[bool] = set()
    for persons in by_household.values():
        if len(persons) < 2 or not all(p.given_names in ORIGINAL for p in persons):
            continue
        cyrillic = ORIGINAL[persons[0].family_name][0] in "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ"
        if cyrillic in done:
            continue
        done.add(cyrillic)
        for p in persons:
            PersonName.objects.create(municipality=municipality, person=p,
                                      kind=PersonName.Kind.ORIGINAL,
                                      family_name=ORIGINAL[p.family_name],
                                      given_names=ORIGINAL[p.given_names])
        if len(done) == 2:
            return


def load(municipality: Any) -> None:
    with scope(municipality=municipality):
        if Page.objects.filter(municipality=municipality).exists():
            return
        by_slug = _pages(municipality)
        _translations(municipality, by_slug)
        _original_names(municipality)
