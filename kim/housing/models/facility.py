"""Facilities, their units and places (product.md §2.4, [Soest] 5.5.1.2)."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.localize import short_date
from kim.core.models import TenantModel


class Kind(models.TextChoices):
    PHASE1 = "phase1", _("Phase I – central reception")
    PHASE2 = "phase2", _("Phase II – residential units")
    RENTED_FLAT = "rented_flat", _("flat rented by the municipality")
    STATE = "state", _("state facility (aggregate only)")


# Municipal accommodation in the sense of [Soest] Tab. 3 and of the Fehlbeleger count:
# the shared accommodation of Phases I and II. A flat the municipality rents for one
# household is already an own flat (Phase III, Tab. 7 "SW").
SHARED_KINDS = (Kind.PHASE1, Kind.PHASE2)


class TargetUse(models.TextChoices):
    FAMILIES = "families", _("families")
    SINGLE_MEN = "single_men", _("single men")
    SINGLE_WOMEN = "single_women", _("single women")
    VULNERABLE = "vulnerable", _("vulnerable persons")
    MIXED = "mixed", _("mixed")


@audited()
class Facility(TenantModel):
    code = models.CharField(
        _("code"), max_length=40,
        validators=[RegexValidator(r"^[A-Za-z0-9_.-]+$",
                                   _("Use letters, digits, dot, hyphen or underscore."))],
        help_text=_("Short code, also used as the accommodation code of the person import."))
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    address = models.CharField(_("address"), max_length=300, blank=True)
    area = models.ForeignKey("core.Area", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="facilities", verbose_name=_("area"))
    target_use = models.CharField(_("target use"), max_length=12, choices=TargetUse.choices,
                                  default=TargetUse.MIXED)
    accessible = models.BooleanField(_("accessible (barrier-free)"), default=False)
    active = models.BooleanField(_("in use"), default=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        ordering = ["kind", "name", "pk"]
        constraints = [models.UniqueConstraint(fields=["municipality", "code"],
                                               name="facility_unique_code")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_state(self) -> bool:
        return self.kind == Kind.STATE

    @property
    def is_shared(self) -> bool:
        return self.kind in SHARED_KINDS


@audited()
class StateFacilityCount(TenantModel):
    """Persons in a state facility on a date – an aggregate input, never person data. A
    count holds until the next one (record 0 when the facility closes)."""

    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="counts",
                                 verbose_name=_("facility"))
    date = models.DateField(_("date"))
    persons = models.PositiveIntegerField(_("persons"))

    class Meta:
        verbose_name = _("state facility count")
        verbose_name_plural = _("state facility counts")
        ordering = ["-date", "pk"]
        constraints = [models.UniqueConstraint(fields=["municipality", "facility", "date"],
                                               name="state_count_one_per_day")]

    def __str__(self) -> str:
        return f"{short_date(self.date)}: {self.persons}"


@audited()
class Unit(TenantModel):
    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="units",
                                 verbose_name=_("facility"))
    name = models.CharField(_("name"), max_length=100)
    target_use = models.CharField(_("target use"), max_length=12, choices=TargetUse.choices,
                                  blank=True, help_text=_("Empty: as the facility."))
    accessible = models.BooleanField(_("accessible (barrier-free)"), default=False)
    floor = models.CharField(_("floor"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["municipality", "facility", "name"],
                                               name="unit_unique_name")]

    def __str__(self) -> str:
        return f"{self.facility} – {self.name}"

    @property
    def effective_target_use(self) -> str:
        return self.target_use or self.facility.target_use


@audited()
class Place(TenantModel):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="places",
                             verbose_name=_("unit"))
    label = models.CharField(_("label"), max_length=40)
    blocked = models.BooleanField(_("blocked / out of service"), default=False)
    blocked_reason = models.CharField(_("reason for blocking"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("accommodation place")
        verbose_name_plural = _("accommodation places")
        ordering = ["label", "pk"]
        constraints = [models.UniqueConstraint(fields=["municipality", "unit", "label"],
                                               name="place_unique_label")]

    def __str__(self) -> str:
        return f"{self.unit.facility.name} – {self.unit.name} – {self.label}"
