"""The accommodation module's part of the Art. 15 access export: stays and moves, and the
household's waiting-list entries and placements into flats."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality
from kim.core.modules import ExportTable
from kim.housing.models import Placement, Stay, WaitingListEntry
from kim.people.models import HouseholdMember, Person


def collect(person: Person, municipality: Municipality) -> list[ExportTable]:
    stays = (Stay.objects.filter(person=person)
             .select_related("place__unit__facility").order_by("start", "pk"))
    households = HouseholdMember.objects.filter(person=person).values("household_id")
    return [
        ExportTable("stays", _("Accommodation: stays and moves"), [
            ("facility", _("Facility")), ("place", _("accommodation place")),
            ("start", _("moved in on")), ("end", _("moved out on")),
            ("move_in_reason", _("reason for moving in")),
            ("move_out_reason", _("reason for moving out")), ("note", _("note")),
            ("phase1_exception_reason", _("reason for a Phase I stay beyond six months"))],
            [{"facility": s.place.unit.facility.name, "place": str(s.place),
              "start": s.start, "end": s.end, "move_in_reason": s.get_move_in_reason_display(),
              "move_out_reason": s.get_move_out_reason_display() if s.move_out_reason else "",
              "note": s.note, "phase1_exception_reason": s.phase1_exception_reason}
             for s in stays]),
        ExportTable("waiting_list", _("Waiting list for a flat"), [
            ("applied_on", _("on the list since")), ("status", _("status")),
            ("closed_on", _("closed on")), ("note", _("note"))],
            [{"applied_on": e.applied_on, "status": e.get_status_display(),
              "closed_on": e.closed_on, "note": e.note}
             for e in WaitingListEntry.objects.filter(household__in=households)
             .order_by("applied_on", "pk")]),
        ExportTable("placements", _("Placements into flats"), [
            ("placed_on", _("placed on")), ("kind", _("placed into")),
            ("regime", _("benefit regime at placement")), ("note", _("note"))],
            [{"placed_on": p.placed_on, "kind": p.get_kind_display(),
              "regime": p.get_regime_display(), "note": p.note}
             for p in Placement.objects.filter(household__in=households)
             .order_by("placed_on", "pk")]),
    ]
