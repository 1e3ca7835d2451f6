"""Stays: who occupies which place from when to when.

A place is never double-booked and a person never lives in two places at once: the
database refuses overlapping periods (PostgreSQL: exclusion constraints on
``daterange(start, end, '[)')``; SQLite: triggers; both created in migration 0002). The
periods are half-open: a stay that ends on the 1st and the next one that starts on the
1st do not overlap, which is how a move is recorded.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.localize import short_date
from kim.core.models import TenantModel
from kim.housing.models.facility import Place
from kim.people.models import Person

# Names of the database objects of migration 0002; errors are recognised by them.
PLACE_OVERLAP = "housing_stay_place_overlap"
PERSON_OVERLAP = "housing_stay_person_overlap"


class MoveInReason(models.TextChoices):
    ARRIVAL = "arrival", _("new arrival (assignment)")
    PHASE_CHANGE = "phase_change", _("next phase of the three-phase model")
    FAMILY = "family", _("family together")
    CONFLICT = "conflict", _("conflict")
    HEALTH = "health", _("health or special protection need")
    CAPACITY = "capacity", _("capacity or building work")
    OTHER = "other", _("other reason")


class MoveOutReason(models.TextChoices):
    TRANSFER = "transfer", _("move to another municipal place")
    OWN_FLAT = "own_flat", _("own flat (Phase III)")
    MOVED_AWAY = "moved_away", _("moved away from the municipality")
    DEPARTURE = "departure", _("left Germany")
    YOUTH_WELFARE = "youth_welfare", _("youth welfare facility")
    OTHER = "other", _("other reason")


@audited(redact=["note", "phase1_exception_reason"])  # free texts about a person
class Stay(TenantModel):
    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="stays",
                              verbose_name=_("accommodation place"))
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="stays",
                               verbose_name=_("person"))
    start = models.DateField(_("moved in on"))
    end = models.DateField(_("moved out on"), null=True, blank=True,
                           help_text=_("First day no longer living there; empty while living "
                                       "there."))
    move_in_reason = models.CharField(_("reason for moving in"), max_length=15,
                                      choices=MoveInReason.choices,
                                      default=MoveInReason.ARRIVAL)
    move_out_reason = models.CharField(_("reason for moving out"), max_length=15,
                                       choices=MoveOutReason.choices, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    phase1_exception_reason = models.CharField(
        _("reason for a Phase I stay beyond six months"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("recorded by"))

    class Meta:
        verbose_name = _("stay")
        verbose_name_plural = _("stays")
        ordering = ["start", "pk"]
        indexes = [
            models.Index(fields=["municipality", "end", "start"], name="stay_period"),
            models.Index(fields=["place", "start"], name="stay_place_start"),
            models.Index(fields=["person", "start"], name="stay_person_start"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "person"], condition=models.Q(end=None),
                                    name="stay_one_open_per_person"),
            models.UniqueConstraint(fields=["municipality", "place"], condition=models.Q(end=None),
                                    name="stay_one_open_per_place"),
            models.CheckConstraint(
                condition=models.Q(end=None) | models.Q(end__gt=models.F("start")),
                name="stay_end_after_start"),
        ]

    def __str__(self) -> str:
        until = short_date(self.end) if self.end else "…"
        return f"{self.person_id} @ {self.place_id}: {short_date(self.start)}–{until}"

    @property
    def is_open(self) -> bool:
        return self.end is None
