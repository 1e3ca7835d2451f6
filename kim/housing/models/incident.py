"""Incident log per facility (security service reports, conflicts; [Kamp-Lintfort],
[Soest] KMS). Restricted to housing and case work; the text never enters the audit diff."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.localize import short_datetime
from kim.core.models import TenantModel
from kim.housing.models.facility import Facility


@audited(redact=["description", "measures", "persons_involved"])
class Incident(TenantModel):
    class Kind(models.TextChoices):
        SECURITY = "security", _("security service report")
        CONFLICT = "conflict", _("conflict between residents")
        VIOLENCE = "violence", _("violence or threat")
        DAMAGE = "damage", _("damage or building defect")
        HEALTH = "health", _("health or emergency")
        OTHER = "other", _("other")

    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="incidents",
                                 verbose_name=_("facility"))
    occurred_at = models.DateTimeField(_("date and time"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    reported_by = models.CharField(_("reported by"), max_length=200, blank=True,
                                   help_text=_("E.g. security service, house management."))
    persons_involved = models.CharField(_("persons involved"), max_length=300, blank=True)
    description = models.TextField(_("what happened"))
    measures = models.TextField(_("measures taken"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("recorded by"))
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["facility", "occurred_at"], name="incident_facility")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {short_datetime(self.occurred_at)}"
