"""Legal status history (Aufenthaltsstatus)."""

from __future__ import annotations

from collections.abc import Collection

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.localize import short_date
from kim.core.models import TenantModel
from kim.people.models.person import Person
from kim.people.models.plausibility import status_date_errors
from kim.people.status_labels import STATUS_CHOICES


@audited(redact=["document_number", "note"])
class LegalStatus(TenantModel):
    """One status record; it lasts until the next record of the person starts."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="statuses",
                               verbose_name=_("person"))
    code = models.CharField(_("status"), max_length=30, choices=STATUS_CHOICES)
    valid_from = models.DateField(_("valid from"))
    permit_paragraph = models.CharField(_("legal basis of the permit"), max_length=60,
                                        blank=True)
    document_number = models.CharField(_("document number"), max_length=40, blank=True)
    expires_on = models.DateField(_("document expires on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("legal status")
        verbose_name_plural = _("legal statuses")
        ordering = ["valid_from", "pk"]
        indexes = [models.Index(fields=["municipality", "person", "valid_from"],
                                name="status_person_from"),
                   # search by document number (kim.people.domain.persons.search)
                   models.Index(fields=["municipality", "document_number"],
                                name="status_document")]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "person", "valid_from"],
                                    name="status_one_per_day"),
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(expires_on__gte=models.F("valid_from")),
                name="status_expires_after_start"),
        ]

    def __str__(self) -> str:
        return gettext("%(status)s from %(date)s") % {"status": self.get_code_display(),
                                                      "date": short_date(self.valid_from)}

    def clean(self) -> None:
        super().clean()
        birth = self.person.birth_date if self.person_id else None
        errors = status_date_errors(self.valid_from, self.expires_on, birth,
                                    timezone.localdate())
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude: Collection[str] | None = None) -> None:
        # The CHECK on expires_on backs up clean(), which already named the field.
        super().validate_constraints(exclude={*(exclude or ()), "expires_on"})
