"""The fund's application list on the one list component (kim/core/lists.py): the staff
list with the applicant, the applicant's own list without; both sortable and exported
with the filter kept (issue 13 item 3)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kim.core.lists import Column, Listing


def _columns(with_applicant: bool) -> list[Column]:
    applicant = [Column("applicant", _("Applicant"), value=lambda a: a.organisation.name,
                        sort="organisation__name")] if with_applicant else []
    return [
        Column("project", _("Project"), value=lambda a: a.title, sort="title"),
        *applicant,
        Column("round", _("Round"), value=lambda a: a.round.name, sort="round__name"),
        Column("submitted", _("Submitted on"), value=lambda a: a.submitted_on,
               sort="submitted_on"),
        Column("field", _("Field of action"), value=lambda a: a.field.name if a.field else "",
               sort="field__name"),
        Column("requested", _("Amount requested"), value=lambda a: a.amount_requested,
               sort="amount_requested", numeric=True),
        Column("decision", _("Decision"), value=lambda a: a.get_decision_display(),
               sort="decision"),
        Column("granted", _("Granted"), value=lambda a: a.amount_granted,
               sort="amount_granted", numeric=True),
    ]


STAFF = Listing("foerderantraege", _columns(True), default="-submitted")
OWN = Listing("eigene_foerderantraege", _columns(False), default="-submitted")
