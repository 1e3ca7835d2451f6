"""The municipality's forecast assumptions. Its own AGS is ``Municipality.ags``."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models import TenantModel

MAX_MONTHLY_INFLOW = 20_000
MAX_FORECAST_MONTHS = 24


@audited()
class QuotaSettings(TenantModel):
    monthly_inflow = models.PositiveIntegerField(
        _("assignments per month in the whole Land (assumption)"), default=1500,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_MONTHLY_INFLOW)],
        help_text=_("How many persons the Land is expected to assign to all its "
                    "municipalities each month."))
    household_size = models.DecimalField(
        _("average household size"), max_digits=4, decimal_places=2,
        default=Decimal("2.50"),
        validators=[MinValueValidator(Decimal("1")), MaxValueValidator(Decimal("15"))],
        help_text=_("Persons per household, to turn expected persons into housing units."))
    forecast_months = models.PositiveSmallIntegerField(
        _("months to forecast"), default=6,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_FORECAST_MONTHS)])
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("quota settings")
        verbose_name_plural = _("quota settings")
        constraints = [models.UniqueConstraint(fields=["municipality"],
                                               name="quota_settings_one_per_municipality")]

    def __str__(self) -> str:
        return str(_("Quota settings"))
