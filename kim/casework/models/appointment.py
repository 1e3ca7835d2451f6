"""Appointments of a person or a household ([Herne] 3.2 "Terminübersicht")."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.localize import short_datetime
from kim.core.models import TenantModel
from kim.people.models import Household, Person


@audited(redact=["outcome", "agreements", "participants"])
class Appointment(TenantModel):
    class Kind(models.TextChoices):
        COUNSELLING = "counselling", _("counselling")
        AUTHORITY = "authority", _("visit to an authority")
        DOCTOR = "doctor", _("doctor")
        SCHOOL = "school", _("school")
        KITA = "kita", _("Kita")
        HOME_VISIT = "home_visit", _("home visit")
        LANGUAGE_COURSE = "language_course", _("language course")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, null=True, blank=True,
                               related_name="appointments", verbose_name=_("person"))
    household = models.ForeignKey(Household, on_delete=models.CASCADE, null=True, blank=True,
                                  related_name="appointments", verbose_name=_("household"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    participants = models.CharField(_("participants"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PLANNED)
    outcome = models.TextField(_("outcome"), blank=True)
    agreements = models.TextField(_("agreements"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("recorded by"))
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["municipality", "status", "starts_at"],
                                name="appointment_status_start")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | models.Q(household__isnull=False),
                name="appointment_has_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {short_datetime(self.starts_at)}"

    def clean(self) -> None:
        if self.person_id is None and self.household_id is None:
            raise ValidationError(_("An appointment concerns a person or a household."))
