"""Households (Bedarfsgemeinschaft/Familie) and who belonged to them when."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.fields import CleanTextField
from kim.core.models import TenantModel
from kim.people.models.person import Person


@audited(redact=["name", "reference"])  # family names and file numbers: see Person
class Household(TenantModel):
    reference = models.CharField(_("reference"), max_length=64, blank=True,
                                 help_text=_("The household key of an import, if any."))
    name = CleanTextField(_("name"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    dissolved_on = models.DateField(_("dissolved on"), null=True, blank=True)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "reference"],
                                    condition=~models.Q(reference=""),
                                    name="household_unique_reference"),
        ]

    def __str__(self) -> str:
        return self.name or f"#{self.pk}"


@audited()
class HouseholdMember(TenantModel):
    """One person in one household for a period. Splits and merges end memberships and
    start new ones, so the history stays readable."""

    class Role(models.TextChoices):
        HEAD = "head", _("head of household")
        PARTNER = "partner", _("spouse/partner")
        CHILD = "child", _("child")
        OTHER = "other", _("other relative")

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members",
                                  verbose_name=_("household"))
    person = models.ForeignKey(Person, on_delete=models.CASCADE,
                               related_name="household_memberships", verbose_name=_("person"))
    role = models.CharField(_("role in the household"), max_length=10, choices=Role.choices)
    valid_from = models.DateField(_("from"))
    valid_to = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("household member")
        verbose_name_plural = _("household members")
        ordering = ["valid_from", "pk"]
        constraints = [
            # A person belongs to at most one household at a time (open-ended membership).
            models.UniqueConstraint(fields=["municipality", "person"],
                                    condition=models.Q(valid_to=None),
                                    name="one_current_household"),
            models.CheckConstraint(
                condition=models.Q(valid_to=None) | models.Q(valid_to__gte=models.F("valid_from")),
                name="household_member_period"),
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.household} ({self.role})"
