"""The personal welcome folder of a household (PDF, in the household's language).

Cover with the members' names in Latin and original script, the contact points, the
household's appointments (past with their agreements, planned) from case work, the
documents case work recorded as held (their kind only – never contents or file names)
and the information pages. Household and person data come through people's and case
work's public modules; each print is an ``export`` audit entry.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation

from kim.casework.models import Appointment, Document
from kim.core.audit.writer import write
from kim.core.pdf import html_to_pdf
from kim.people.models import Household, HouseholdMember, Person, PersonName
from kim.welcome.domain import pages as page_domain
from kim.welcome.domain.labels import labels_for
from kim.welcome.languages import LANGUAGES, get, local_digits
from kim.welcome.models import PageKind


@dataclass
class Member:
    latin: str
    original: str
    role: str


@dataclass
class Folder:
    household: Household
    language: str
    members: list[Member]
    contacts: list[page_domain.Shown]
    topics: list[page_domain.Shown]
    past: list[dict[str, str]]
    planned: list[dict[str, str]]
    documents: list[dict[str, Any]]
    generated: datetime.datetime
    extras: dict[str, Any] = field(default_factory=dict)


def current_members(household: Household, day: datetime.date) -> list[HouseholdMember]:
    return list(HouseholdMember.objects.filter(household=household, valid_from__lte=day)
                .filter(Q(valid_to=None) | Q(valid_to__gte=day))
                .select_related("person").order_by("role", "person__birth_date", "pk"))


def default_language(household: Household) -> str:
    """The first content language one of the members speaks (head first), else German."""
    from kim.people.models import PersonLanguage

    members = current_members(household, timezone.localdate())
    spoken = PersonLanguage.objects.filter(person__in=[m.person for m in members])
    order = {m.person_id: i for i, m in enumerate(members)}
    for entry in sorted(spoken, key=lambda e: (order.get(e.person_id, 99), e.pk)):
        code = _content_code(entry.language)
        if code:
            return code
    return "de"


# ISO 639-2/3 codes people may have recorded → the content language
_ALIASES = {"ara": "ar", "fas": "fa", "per": "fa", "prs": "fa", "pus": "ps", "tir": "ti",
            "ukr": "uk", "rus": "ru", "tur": "tr", "kur": "kmr", "som": "so", "eng": "en",
            "deu": "de", "ger": "de"}


def _content_code(code: str) -> str:
    code = code.strip().lower()
    code = _ALIASES.get(code, code)
    return code if code in LANGUAGES else ""


def _when(value: datetime.datetime, language: str) -> str:
    local = timezone.localtime(value)
    text = f"{local:%d.%m.%Y %H:%M}" if language in ("de", "ru", "uk", "tr") else (
        formats.date_format(local, "SHORT_DATETIME_FORMAT"))
    return local_digits(text, language)


def collect(household: Household, language: str) -> Folder:
    today = timezone.localdate()
    members = current_members(household, today)
    persons = [m.person for m in members]
    originals: dict[int, str] = {}
    for name in PersonName.objects.filter(person__in=persons, kind=PersonName.Kind.ORIGINAL):
        originals.setdefault(name.person_id, f"{name.given_names} {name.family_name}".strip())
    roles = dict(HouseholdMember.Role.choices)
    listed = [Member(f"{p.given_names} {p.family_name}", originals.get(p.pk, ""),
                     str(roles.get(m.role, m.role))) for m, p in zip(members, persons,
                                                                     strict=True)]
    appointments = (Appointment.objects.filter(Q(household=household) | Q(person__in=persons))
                    .exclude(status=Appointment.Status.CANCELLED).order_by("starts_at", "pk"))
    kinds = dict(Appointment.Kind.choices)
    now = timezone.now()
    past: list[dict[str, str]] = []
    planned: list[dict[str, str]] = []
    for a in appointments:
        row = {"when": _when(a.starts_at, language), "kind": str(kinds.get(a.kind, a.kind)),
               "place": a.place, "agreements": a.agreements}
        (past if a.starts_at < now else planned).append(row)
    documents = _documents(persons)
    pages = list(page_domain.published(household.municipality).select_related("parent"))
    texts = page_domain.translations_of(pages, language)
    shown = [page_domain.shown(p, language, texts) for p in pages]
    return Folder(household, language, listed,
                  [s for s in shown if s.page.kind == PageKind.CONTACT],
                  [s for s in shown if s.page.kind == PageKind.TOPIC],
                  past, planned, documents, now)


def _documents(persons: list[Person]) -> list[dict[str, Any]]:
    """Per member the kinds of document case work recorded (a checklist)."""
    held: dict[int, set[str]] = {}
    for person_id, kind in Document.objects.filter(person__in=persons).values_list(
            "person_id", "kind"):
        held.setdefault(person_id, set()).add(kind)
    kinds = [k for k, _label in Document.Kind.choices if k != Document.Kind.OTHER]
    return [{"name": f"{p.given_names} {p.family_name}",
             "kinds": [(k, k in held.get(p.pk, set())) for k in kinds]} for p in persons]


def render_html(folder: Folder) -> str:
    language = get(folder.language)
    # The folder's own words come from labels; Django's catalogue only knows de and en.
    with translation.override(folder.language if folder.language in ("de", "en") else "en"):
        return str(render_to_string("welcome/folder.html", {
            "folder": folder, "language": language, "labels": labels_for(folder.language),
            "generated": local_digits(f"{timezone.localtime(folder.generated):%d.%m.%Y}",
                                      folder.language),
            "municipality": folder.household.municipality,
        }))


def pdf(household: Household, language: str) -> bytes:
    """The folder as PDF; the caller records the print with :func:`record`."""
    return html_to_pdf(render_html(collect(household, language)))


def record(household: Household, language: str) -> None:
    write("export", model=household._meta.label_lower, object_id=household.pk,
          municipality_id=household.municipality_id,
          changes={"kind": "welcome folder", "language": language})


def filename(household: Household, language: str) -> str:
    return f"willkommensordner_{household.pk}_{language}_{timezone.localdate():%Y-%m-%d}.pdf"
