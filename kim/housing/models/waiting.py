"""Private-housing waiting list, the municipality's priority policy and recorded placements
into flats (issue 4 item 8, [Soest] Tab. 7)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.localize import short_date
from kim.core.models import TenantModel
from kim.people.models import Household


class EntryStatus(models.TextChoices):
    ACTIVE = "active", _("waiting")
    PLACED = "placed", _("placed")
    WITHDRAWN = "withdrawn", _("withdrawn")


@audited(redact=["note"])
class WaitingListEntry(TenantModel):
    """A household looking for a flat. Its position is computed, never stored: see
    kim.housing.domain.waitlist and the municipality's PriorityPolicySetting."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE,
                                  related_name="waiting_entries", verbose_name=_("household"))
    applied_on = models.DateField(_("on the list since"))
    status = models.CharField(_("status"), max_length=10, choices=EntryStatus.choices,
                              default=EntryStatus.ACTIVE)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("recorded by"))

    class Meta:
        verbose_name = _("waiting list entry")
        verbose_name_plural = _("waiting list entries")
        ordering = ["applied_on", "pk"]
        constraints = [models.UniqueConstraint(
            fields=["municipality", "household"], condition=models.Q(status="active"),
            name="waiting_one_active_per_household")]

    def __str__(self) -> str:
        return f"{self.household} ({short_date(self.applied_on)})"


@audited()
class PriorityPolicySetting(TenantModel):
    """The municipality's priority order as JSON (kim.housing.waiting.PriorityPolicy)."""

    policy = models.JSONField(_("priority policy"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("changed by"))

    class Meta:
        verbose_name = _("priority policy of the waiting list")
        verbose_name_plural = _("priority policies of the waiting list")
        constraints = [models.UniqueConstraint(fields=["municipality"],
                                               name="priority_policy_one_per_municipality")]

    def __str__(self) -> str:
        return str(self.policy.get("name", ""))


class PlacementKind(models.TextChoices):
    RENTED_FLAT = "rented_flat", _("flat rented by the municipality")
    PRIVATE = "private", _("private flat")


class Regime(models.TextChoices):
    """The benefit regime of Tab. 7's rows, recorded at the placement: later status changes
    (recognition after the move) must not move a placement into another row."""

    ASYLBLG = "asylblg", _("AsylbLG")
    SGB = "sgb", _("SGB II / SGB XII")


@audited(redact=["note"])
class Placement(TenantModel):
    """A household placed into a flat ([Soest] Tab. 7 "bereits vermittelt"). Everybody who
    belongs to the household on a later day counts as placed, also family members who
    joined later (Tab. 7: "und Familiennachzug")."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE,
                                  related_name="placements", verbose_name=_("household"))
    kind = models.CharField(_("placed into"), max_length=12, choices=PlacementKind.choices)
    placed_on = models.DateField(_("placed on"))
    regime = models.CharField(_("benefit regime at placement"), max_length=8,
                              choices=Regime.choices)
    entry = models.ForeignKey(WaitingListEntry, on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="placements",
                              verbose_name=_("waiting list entry"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("recorded by"))

    class Meta:
        verbose_name = _("placement into a flat")
        verbose_name_plural = _("placements into flats")
        ordering = ["placed_on", "pk"]
        indexes = [models.Index(fields=["municipality", "placed_on"], name="placement_day")]

    def __str__(self) -> str:
        return f"{self.household}: {self.kind} {short_date(self.placed_on)}"
