"""The Art. 15 DSGVO access export of one person: everything kim holds about them, as a
ZIP with a readable PDF and machine-readable JSON per language.

Core knows no module's data: every module contributes its tables through
``PersonalData.export`` (``PersonalDataExport.collect``), run in the language of each
version. Core adds the general information Art. 15(1) asks for (controller, purposes,
recipients, retention periods, rights). Issuing the export is written to the audit log.
"""

from __future__ import annotations

import datetime
import decimal
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_language_info

from kim.core.audit.writer import write
from kim.core.domain.retention import cutoffs
from kim.core.models import Municipality
from kim.core.modules import ExportTable
from kim.core.modules.registry import modules

FORMAT = "kim-access-export/1"


@dataclass(frozen=True)
class Part:
    key: str
    title: Any
    tables: list[ExportTable]


@dataclass(frozen=True)
class Subject:
    """Whose export it is. A person of case work gets every module's part and the general
    texts about case work; another data subject a module keeps (a volunteer) names the
    module's own ``collect`` (one part), its own texts (who sees the data, where they come
    from) and the retention rules that concern it."""

    kind: str  # "person", "volunteer" … – the JSON's subject kind and the file name
    pk: int
    number: Any  # "person no. 5" / "volunteer no. 3"
    title: Any = ""  # the part's title (other subjects)
    collect: Callable[[], list[ExportTable]] | None = None  # other subjects
    who_sees: Any = ""
    sources: Any = ""
    retention: tuple[str, ...] = ()  # rule keys; () = all (persons)
    retention_when: Any = ""  # "after you stopped volunteering"

    @property
    def is_person(self) -> bool:
        return self.collect is None


def person_subject(person: Any) -> Subject:
    from django.utils.translation import gettext_lazy

    return Subject("person", person.pk, gettext_lazy("person no. %(id)s") % {"id": person.pk})


def available_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def languages_for(spoken: list[str]) -> list[str]:
    """German, and the person's languages kim has a translation for – English when none
    of them has one (kim's second language: the export must be readable to the person)."""
    available = available_languages()
    own = [code for code in dict.fromkeys(spoken) if code in available and code != "de"]
    return ["de", *(own or ["en"])]


def collect(person: Any, municipality: Municipality) -> list[Part]:
    """Every module's part, in the active language."""
    return [Part(p.key, p.title, p.collect(person, municipality))
            for p in modules.personal_data_exports()]


def _parts(subject: Subject, person: Any, municipality: Municipality) -> list[Part]:
    if subject.collect is None:
        return collect(person, municipality)
    return [Part(subject.kind, subject.title, subject.collect())]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds") \
            if timezone.is_aware(value) else value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _shown(value: Any) -> str:
    """A value as the PDF shows it (localised dates, yes/no)."""
    from django.utils.formats import date_format, number_format

    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(translation.gettext("yes") if value else translation.gettext("no"))
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value) if timezone.is_aware(value) else value,
                           "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, list | tuple):
        return ", ".join(_shown(v) for v in value)
    if isinstance(value, decimal.Decimal | float):
        return number_format(value, use_l10n=True)
    return str(value)


def as_json(person: Any, municipality: Municipality, parts: list[Part], language: str,
            generated: datetime.datetime, subject: Subject | None = None) -> dict[str, Any]:
    subject = subject or person_subject(person)
    return {
        "format": FORMAT, "language": language, "generated_at": _plain(generated),
        "municipality": {"slug": municipality.slug, "name": municipality.name},
        **({"person_id": person.pk} if subject.kind == "person" else {}),
        "subject": {"kind": subject.kind, "id": subject.pk},
        "parts": [{"key": p.key, "title": str(p.title), "tables": [{
            "key": t.key, "title": str(t.title),
            "columns": [{"key": k, "label": str(label)} for k, label in t.columns],
            "rows": [{k: _plain(row.get(k)) for k, _label in t.columns} for row in t.rows],
        } for t in p.tables]} for p in parts],
    }


def retention_rows(municipality: Municipality,
                   keys: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    today = timezone.localdate()
    return [{"label": rule.label, "years": years, "action": rule.action,
             "per_person": rule.per_person} for rule, years, _c in cutoffs(municipality, today)
            if not keys or rule.key in keys]


def as_pdf(person: Any, municipality: Municipality, parts: list[Part], language: str,
           generated: datetime.datetime, subject: Subject | None = None) -> bytes:
    from weasyprint import HTML  # heavy import, only when a PDF is wanted

    html = document_html(person, municipality, parts, language, generated, subject)
    return HTML(string=html, url_fetcher=_refuse).write_pdf()


def document_html(person: Any, municipality: Municipality, parts: list[Part], language: str,
                  generated: datetime.datetime, subject: Subject | None = None) -> str:
    """The printable document the PDF is made from (right-to-left where the language is)."""
    info = get_language_info(language)
    shown = [{"title": p.title, "tables": [{
        "title": t.title, "note": t.note, "vertical": t.vertical,
        "labels": [label for _k, label in t.columns],
        "pairs": [[(label, _shown(row.get(k))) for k, label in t.columns] for row in t.rows],
        "rows": [[_shown(row.get(k)) for k, _label in t.columns] for row in t.rows],
    } for t in p.tables]} for p in parts]
    subject = subject or person_subject(person)
    return render_to_string("core/access_export.html", {
        "municipality": municipality, "subject": subject, "parts": shown,
        "generated": generated, "language": language, "bidi": info["bidi"],
        "retention": retention_rows(municipality, subject.retention)})


def _refuse(url: str, *args: Any, **kwargs: Any) -> Any:
    """The document has no external resources; nothing is ever fetched."""
    raise ValueError(f"kim loads no resources into an access export ({url[:60]})")


def build(person: Any, municipality: Municipality, languages: list[str],
          subject: Subject | None = None) -> bytes:
    """The ZIP of the export (PDF and JSON per language). Call :func:`record` once it is
    handed out. ``person`` is the data subject (a volunteer with ``subject`` given)."""
    subject = subject or person_subject(person)
    generated = timezone.now()
    stem = _stem(municipality, subject, timezone.localtime(generated).date())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for language in languages:
            with translation.override(language):
                parts = _parts(subject, person, municipality)
                document = as_json(person, municipality, parts, language, generated, subject)
                archive.writestr(f"{stem}_{language}.json",
                                 json.dumps(document, ensure_ascii=False, indent=2))
                archive.writestr(f"{stem}_{language}.pdf", as_pdf(
                    person, municipality, parts, language, generated, subject))
    return buffer.getvalue()


def _stem(municipality: Municipality, subject: Subject, day: datetime.date) -> str:
    kind = "" if subject.kind == "person" else f"{subject.kind}_"
    return f"auskunft_{municipality.slug}_{kind}{subject.pk}_{day:%Y-%m-%d}"


def record(person: Any, municipality: Municipality, languages: list[str],
           subject: Subject | None = None) -> None:
    """The audit entry of an issued export (who, when, for whom, which parts)."""
    subject = subject or person_subject(person)
    parts = ([p.key for p in modules.personal_data_exports()] if subject.collect is None
             else [subject.kind])
    write("export", model=person._meta.label_lower, object_id=person.pk,
          municipality_id=municipality.pk,
          changes={"kind": "access export (Art. 15 GDPR)", "languages": languages,
                   "parts": parts})


def filename(municipality: Municipality, person: Any, subject: Subject | None = None) -> str:
    subject = subject or person_subject(person)
    return _stem(municipality, subject, timezone.localdate()) + ".zip"
