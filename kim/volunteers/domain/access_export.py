"""A volunteer's own Art. 15 access export: the record the volunteer coordination keeps
(contact, languages, skills, districts, times, formalities) and the volunteer's
assignments with hours and feedback. Built by core's access export (same ZIP of PDF and
JSON) with a subject of its own: volunteers are not persons of case work."""

from __future__ import annotations

from typing import Any

from django.db.models import Field
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kim.core.domain.access_export import Subject
from kim.core.modules import ExportTable
from kim.volunteers.choices import Skill, VolunteerRole, slot_labels
from kim.volunteers.matching import language_name
from kim.volunteers.models import MatchHours, Volunteer

FIELDS = ("first_name", "family_name", "email", "phone", "capacity", "certificate_seen_on",
          "consent_on", "consent_scope", "joined_on", "left_on", "note")


def _label(name: str) -> Any:
    field = Volunteer._meta.get_field(name)
    return field.verbose_name if isinstance(field, Field) else name


def _language(code: str, level: str, language: str) -> str:
    name = language_name(code, language)
    if not level:
        return name
    return f"{name} ({gettext('native speaker') if level == 'native' else level})"


def _record(volunteer: Volunteer, language: str) -> ExportTable:
    skills, roles = dict(Skill.choices), dict(VolunteerRole.choices)
    row: dict[str, Any] = {name: getattr(volunteer, name) for name in FIELDS}
    row["languages"] = [_language(code, level, language)
                        for code, level in volunteer.languages.items()]
    row["skills"] = [str(skills.get(s, s)) for s in volunteer.skills]
    row["roles"] = [str(roles.get(r, r)) for r in volunteer.roles]
    row["working_groups"] = [g.name for g in volunteer.working_groups.all()]
    row["districts"] = (gettext("every district") if volunteer.any_district
                        else [a.name for a in volunteer.districts.all()])
    row["slots"] = slot_labels(volunteer.slots)
    extra = [("languages", _("languages")), ("skills", _("skills")), ("roles", _("roles")),
             ("working_groups", _("working groups")), ("districts", _("districts")),
             ("slots", _("available times"))]
    columns = [(name, _label(name)) for name in FIELDS[:4]] + extra + \
        [(name, _label(name)) for name in FIELDS[4:]]
    return ExportTable("volunteer", _("Your record"), columns, [row], vertical=True)


def _assignments(volunteer: Volunteer) -> list[ExportTable]:
    matches = list(volunteer.matches.select_related("request").order_by("proposed_on", "pk"))
    rows = [{"need": m.request.get_skill_display(), "state": m.get_state_display(),
             "proposed_on": m.proposed_on, "agreed_on": m.agreed_on,
             "started_on": m.started_on, "ended_on": m.ended_on,
             "end_reason": m.get_end_reason_display() if m.end_reason else "",
             "feedback": m.get_feedback_rating_display() if m.feedback_rating else "",
             "feedback_text": m.feedback} for m in matches]
    hours = [{"need": h.match.request.get_skill_display(), "month": h.month,
              "hours": h.hours}
             for h in MatchHours.objects.filter(match__volunteer=volunteer)
             .select_related("match__request").order_by("month", "pk")]
    return [
        ExportTable("assignments", _("Assignments"), [
            ("need", _("need")), ("state", _("state")), ("proposed_on", _("proposed on")),
            ("agreed_on", _("agreed on")), ("started_on", _("started on")),
            ("ended_on", _("ended on")), ("end_reason", _("reason for the end")),
            ("feedback", _("feedback")), ("feedback_text", _("feedback in words"))], rows,
            note=_("The households you supported are not named here: what they shared is "
                   "their data.")),
        ExportTable("hours", _("Hours per month"), [
            ("need", _("need")), ("month", _("month")), ("hours", _("hours"))], hours)]


def subject(volunteer: Volunteer) -> Subject:
    def collect() -> list[ExportTable]:  # called in the language of each version
        language = (translation.get_language() or "de")[:2]
        return [_record(volunteer, language), *_assignments(volunteer)]

    return Subject(
        "volunteer", volunteer.pk, _("volunteer no. %(id)s") % {"id": volunteer.pk},
        title=_("Volunteering"), collect=collect,
        who_sees=_("Who sees your data: the municipality's volunteer coordination, which "
                   "places assignments; the integration coordination sees your name and "
                   "load. The case worker who asked for an assignment sees your name and "
                   "phone number once it is agreed. Reports contain totals only."),
        sources=_("Where the data come from: from you (your registration and your "
                  "consent), and from the volunteer coordination (assignments, hours)."),
        retention=("volunteers.left",),
        retention_when=_("after you stopped volunteering"))
