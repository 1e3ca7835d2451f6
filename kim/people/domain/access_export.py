"""The people module's part of the Art. 15 access export (kim/core/domain/access_export.py):
master data, name variants, languages, the status history, the rules engine's decisions
today with their legal basis, households, vulnerabilities, and who read the person's
special-category data (from the audit log)."""

from __future__ import annotations

from typing import Any

from django.db.models import Field
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.core.models import AuditEntry, Municipality
from kim.core.modules import ExportTable
from kim.people import decision_labels
from kim.people.domain.facts import decisions_for
from kim.people.domain.params import params_for
from kim.people.models import HouseholdMember, Person


def _label(name: str) -> Any:
    field = Person._meta.get_field(name)
    return field.verbose_name if isinstance(field, Field) else name


def _master(person: Person) -> ExportTable:
    fields = ["family_name", "given_names", "birth_date", "sex", "citizenships",
              "external_id", "phone", "email", "entry_date", "asylum_application_date",
              "assignment_date", "analog_benefits_since", "moved_away_date",
              "lives_in_reception_centre", "unaccompanied_minor",
              "residence_obligation_exception", "activity", "childcare",
              "accommodation_code", "accommodation_since", "created_at", "updated_at",
              "anonymised_on"]
    row: dict[str, Any] = {}
    for name in fields:
        value = getattr(person, name)
        display = getattr(person, f"get_{name}_display", None)
        row[name] = display() if display and value else value
    row["birth_date"] = person.birth_date_fact  # as precise as it is known
    columns = [(name, _label(name)) for name in fields]
    return ExportTable("master_data", _("Master data"), columns, [row], vertical=True)


def _statuses(person: Person) -> ExportTable:
    rows = [{"status": s.get_code_display(), "code": s.code, "valid_from": s.valid_from,
             "permit_paragraph": s.permit_paragraph, "document_number": s.document_number,
             "expires_on": s.expires_on, "note": s.note}
            for s in person.statuses.order_by("valid_from", "pk")]
    return ExportTable("statuses", _("Legal status history"), [
        ("status", _("Status")), ("code", _("Code")), ("valid_from", _("Valid from")),
        ("permit_paragraph", _("legal basis of the permit")),
        ("document_number", _("document number")), ("expires_on", _("Document expires on")),
        ("note", _("note"))], rows)


def _decisions(person: Person) -> list[ExportTable]:
    today = timezone.localdate()
    decisions = decisions_for(person, list(person.statuses.all()), today,
                              params=params_for(person.municipality))
    note = _("Worked out by kim's rules from the recorded dates and statuses on the day of "
             "this export; each with its legal basis.")
    rows = [{"topic": d["label"], "result": d["value"], "code": d["code"],
             "basis": d["basis"],
             "dates": ", ".join(str(v) for v in d["dates"].values())}
            for d in (decision_labels.rows(decisions) if decisions else [])]
    upcoming = [{"date": u["date"], "topic": u["label"], "result": u["value"]}
                for u in (decision_labels.upcoming(decisions) if decisions else [])]
    return [
        ExportTable("decisions", _("What applies today"), [
            ("topic", _("Topic")), ("result", _("Result")), ("code", _("Code")),
            ("basis", _("Legal basis")), ("dates", _("Dates"))], rows, note=note),
        ExportTable("upcoming", _("Upcoming changes"), [
            ("date", _("Date")), ("topic", _("Topic")), ("result", _("Result"))], upcoming),
    ]


def _households(person: Person) -> ExportTable:
    rows = [{"household": m.household.name or f"#{m.household_id}",
             "role": m.get_role_display(), "valid_from": m.valid_from,
             "valid_to": m.valid_to}
            for m in HouseholdMember.objects.filter(person=person)
            .select_related("household").order_by("valid_from", "pk")]
    return ExportTable("households", _("Household"), [
        ("household", _("household")), ("role", _("role in the household")),
        ("valid_from", _("from")), ("valid_to", _("until"))], rows)


def _reads(person: Person, municipality: Municipality) -> ExportTable:
    """Who saw the person's restricted data (vulnerabilities, notes, documents) and who
    exported their data – from the audit log."""
    entries = (AuditEntry.objects.filter(municipality=municipality,
                                         model=person._meta.label_lower,
                                         object_id=str(person.pk),
                                         action__in=["read", "export"])
               .order_by("timestamp", "id"))
    rows = [{"time": e.timestamp, "user": e.actor_name or e.source,
             "action": e.get_action_display(),
             "what": ", ".join(map(str, e.changes.get("fields", []))) or
             str(e.changes.get("kind", "")), "reason": e.changes.get("reason", "")}
            for e in entries]
    return ExportTable("restricted_reads", _("Who looked at your protected data"), [
        ("time", _("Time")), ("user", _("User")), ("action", _("Action")),
        ("what", _("Data")), ("reason", _("Occasion"))], rows,
        note=_("Every look at vulnerabilities, case notes and documents is recorded, and "
               "every export of your data."))


def collect(person: Person, municipality: Municipality) -> list[ExportTable]:
    return [
        _master(person),
        ExportTable("name_variants", _("Other spellings"), [
            ("kind", _("kind")), ("family_name", _("family name")),
            ("given_names", _("given names"))],
            [{"kind": n.get_kind_display(), "family_name": n.family_name,
              "given_names": n.given_names} for n in person.names.order_by("pk")]),
        ExportTable("languages", _("Languages"), [
            ("language", _("language (ISO 639)")), ("level", _("level"))],
            [{"language": lang.language, "level": lang.get_level_display()}
             for lang in person.languages.order_by("pk")]),
        _statuses(person),
        *_decisions(person),
        _households(person),
        ExportTable("vulnerabilities", _("Special protection needs"), [
            ("kind", _("kind")), ("since", _("known since")), ("note", _("note"))],
            [{"kind": v.get_kind_display(), "since": v.since, "note": v.note}
             for v in person.vulnerabilities.order_by("pk")]),
        _reads(person, municipality),
    ]


def export_languages(person: Person) -> list[str]:
    from kim.core.domain.access_export import languages_for

    return languages_for([lang.language.lower() for lang in person.languages.order_by("pk")])
