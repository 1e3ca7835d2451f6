"""Case notes: restricted to case work; every display is logged as a read."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models import TenantModel
from kim.people.models import Person


@audited(redact=["text"])
class CaseNote(TenantModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="case_notes",
                               verbose_name=_("person"))
    text = models.TextField(_("note"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("written by"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("case note")
        verbose_name_plural = _("case notes")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk} ({self.person_id})"
