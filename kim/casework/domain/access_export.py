"""Case work's part of the Art. 15 access export: appointments, notes, the list of
documents (not their contents), the individual integration plan, gap flags and the
responsible caseworkers."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.casework.domain.timeline import appointments_of
from kim.casework.models import CaseAssignment, IntegrationStep
from kim.core.models import Municipality
from kim.core.modules import ExportTable, GapContext
from kim.core.modules.registry import modules
from kim.people.domain.facts import decisions_for
from kim.people.domain.params import params_for
from kim.people.models import HouseholdMember, Person


def collect(person: Person, municipality: Municipality) -> list[ExportTable]:
    appointments = sorted(appointments_of(person), key=lambda a: (a.starts_at, a.pk))
    goals = list(person.integration_goals.select_related("field").order_by("pk"))
    steps = list(IntegrationStep.objects.filter(goal__in=goals).order_by("goal_id", "pk"))
    households = HouseholdMember.objects.filter(person=person).values("household_id")
    today = timezone.localdate()
    context = GapContext(today, decisions_for(person, list(person.statuses.all()), today,
                                              params=params_for(person.municipality)))
    flags = [f for source in modules.gap_sources() for f in source.flags(person, context)]
    return [
        ExportTable("appointments", _("Appointments"), [
            ("starts_at", _("date and time")), ("kind", _("kind")), ("place", _("place")),
            ("participants", _("participants")), ("status", _("status")),
            ("outcome", _("outcome")), ("agreements", _("agreements"))],
            [{"starts_at": a.starts_at, "kind": a.get_kind_display(), "place": a.place,
              "participants": a.participants, "status": a.get_status_display(),
              "outcome": a.outcome, "agreements": a.agreements} for a in appointments]),
        ExportTable("notes", _("Case notes"), [
            ("written", _("written")), ("by", _("written by")), ("text", _("note"))],
            [{"written": n.created_at, "by": str(n.created_by or ""), "text": n.text}
             for n in person.case_notes.select_related("created_by").order_by("created_at")]),
        ExportTable("documents", _("Documents"), [
            ("kind", _("kind")), ("file_name", _("file name")), ("size", _("size in bytes")),
            ("uploaded", _("uploaded")), ("by", _("uploaded by"))],
            [{"kind": d.get_kind_display(), "file_name": d.original_name, "size": d.size,
              "uploaded": d.uploaded_at, "by": str(d.uploaded_by or "")}
             for d in person.documents.select_related("uploaded_by").order_by("uploaded_at")],
            note=_("The list of your documents; the files themselves are not part of this "
                   "export – ask case work for a copy.")),
        ExportTable("integration_goals", _("Individual integration plan: goals"), [
            ("number", _("No.")), ("field", _("field of action")), ("goal", _("goal")),
            ("status", _("status")), ("due_on", _("due by"))],
            [{"number": g.pk, "field": str(g.field), "goal": g.text,
              "status": g.get_status_display(), "due_on": g.due_on} for g in goals]),
        ExportTable("integration_steps", _("Individual integration plan: steps"), [
            ("goal", _("goal")), ("step", _("step")), ("due_on", _("due by")),
            ("status", _("status")), ("responsible", _("responsible"))],
            [{"goal": s.goal_id, "step": s.text, "due_on": s.due_on,
              "status": s.get_status_display(), "responsible": s.responsible}
             for s in steps]),
        ExportTable("gap_flags", _("Notes on what may be missing"), [
            ("message", _("Note")), ("basis", _("Legal basis"))],
            [{"message": f.message, "basis": f.basis} for f in flags]),
        ExportTable("caseworkers", _("Responsible caseworkers"), [
            ("caseworker", _("responsible caseworker")), ("since", _("responsible since")),
            ("until", _("responsible until"))],
            [{"caseworker": a.caseworker.get_full_name() or a.caseworker.username,
              "since": a.since, "until": a.until}
             for a in CaseAssignment.objects.filter(household__in=households)
             .select_related("caseworker").order_by("since", "pk")]),
    ]
