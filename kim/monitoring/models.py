"""Indicators, their observations per period and area, and the imports that brought them
(product.md §2.9, [IMIS] 3.)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.localize import short_date
from kim.core.models import TenantModel


class Topic(models.TextChoices):
    """The fields of the [IMIS] 3. indicator catalogue."""

    POPULATION = "population", _("population")
    DISTRIBUTION = "distribution", _("spatial distribution")
    KITA = "kita", _("early childhood education (Kita)")
    SCHOOL = "school", _("schools")
    VOCATIONAL = "vocational", _("vocational training")
    EMPLOYMENT = "employment", _("employment")
    SOCIAL = "social", _("social situation")
    LEISURE = "leisure", _("leisure")
    CRIME = "crime", _("crime")
    POLITICS = "politics", _("political participation")
    RELIGION = "religion", _("religion")
    ADMINISTRATION = "administration", _("administration")
    COURSES = "courses", _("integration courses")


class Unit(models.TextChoices):
    PERSONS = "persons", _("persons")
    COUNT = "count", _("number")
    PERCENT = "percent", _("percent")
    PER_THOUSAND = "per_thousand", _("per 1,000")
    INDEX = "index", _("index (0–1)")


class Level(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    DISTRICT = "district", _("district")
    SUB_DISTRICT = "sub_district", _("sub-district")
    INSTITUTION = "institution", _("institution")


class Periodicity(models.TextChoices):
    ANNUAL = "annual", _("annual")
    QUARTERLY = "quarterly", _("quarterly")
    MONTHLY = "monthly", _("monthly")


@audited()
class Indicator(TenantModel):
    """One indicator of the catalogue. A share or rate names its numerator and
    denominator (other indicators); ``computed`` names a count kim computes itself."""

    code = models.CharField(
        _("code"), max_length=60,
        validators=[RegexValidator(r"^[a-z0-9_.-]+$",
                                   _("Use lower-case letters, digits, dot, hyphen or "
                                     "underscore."))],
        help_text=_("Short code, also used in the observation import."))
    name = models.CharField(_("name"), max_length=200)
    topic = models.CharField(_("field"), max_length=16, choices=Topic.choices)
    definition = models.TextField(_("definition"), blank=True)
    unit = models.CharField(_("unit of measure"), max_length=16, choices=Unit.choices,
                            default=Unit.PERSONS)
    source = models.CharField(_("source"), max_length=200, blank=True)
    numerator = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+", verbose_name=_("numerator"))
    denominator = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("denominator"))
    computed = models.CharField(_("computed from kim's data"), max_length=40, blank=True)
    level = models.CharField(_("finest area level"), max_length=16, choices=Level.choices,
                             default=Level.MUNICIPALITY)
    periodicity = models.CharField(_("periodicity"), max_length=12,
                                   choices=Periodicity.choices, default=Periodicity.ANNUAL)
    basis = models.CharField(_("basis"), max_length=80, blank=True,
                             help_text=_("Where the indicator comes from, e.g. [IMIS] 3.1"))

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["topic", "code"]
        constraints = [models.UniqueConstraint(fields=["municipality", "code"],
                                               name="indicator_unique_code")]

    def __str__(self) -> str:
        return self.name

    @property
    def counts_persons(self) -> bool:
        """Counts of persons: small ones are hidden from aggregate audiences."""
        return self.unit == Unit.PERSONS


@audited()
class ObservationImport(TenantModel):
    """One import of observations: who, when, which file, and what it checked."""

    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+",
                                   verbose_name=_("imported by"))
    filename = models.CharField(_("file"), max_length=200)
    source = models.CharField(_("source"), max_length=200, blank=True)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    replaced = models.PositiveIntegerField(_("values replaced"), default=0)
    # Consistency findings of the imported table (kim.stats.tables), kept as found
    findings = models.JSONField(_("findings"), default=list, blank=True)

    class Meta:
        verbose_name = _("observation import")
        verbose_name_plural = _("observation imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.filename


@audited()
class Observation(TenantModel):
    """The value of an indicator for a period (its last day) and an area or an institution
    (a school, a Kita: an Organisation of the municipality; neither: the whole
    municipality). ``previous`` keeps the value an import replaced."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE,
                                  related_name="observations",
                                  verbose_name=_("indicator"))
    period = models.DateField(_("period end"))
    area = models.ForeignKey("core.Area", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="+", verbose_name=_("area"))
    institution = models.ForeignKey("core.Organisation", on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("institution"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4)
    previous = models.DecimalField(_("previous value"), max_digits=14, decimal_places=4,
                                   null=True, blank=True)
    source_import = models.ForeignKey(ObservationImport, on_delete=models.SET_NULL,
                                      null=True, blank=True, related_name="observations",
                                      verbose_name=_("import"))
    computed = models.BooleanField(_("computed by kim"), default=False)

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["indicator", "period", "area"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "indicator", "period", "area"],
                                    name="observation_unique_area"),
            models.UniqueConstraint(fields=["municipality", "indicator", "period",
                                            "institution"],
                                    name="observation_unique_institution"),
            models.UniqueConstraint(fields=["municipality", "indicator", "period"],
                                    condition=models.Q(area__isnull=True,
                                                       institution__isnull=True),
                                    name="observation_unique_town"),
            models.CheckConstraint(condition=models.Q(area__isnull=True)
                                   | models.Q(institution__isnull=True),
                                   name="observation_area_or_institution"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.name} {short_date(self.period)}"
