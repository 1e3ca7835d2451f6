"""The Land's monthly distribution statistics as imported, one table per month.

Each month is kept (the quota history); the computed columns are stored at import with
the crediting rates in force at the end of that month, so history pages need no
recomputation and stay as they were published.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models import TenantModel


@audited()
class LandStatistics(TenantModel):
    month = models.DateField(_("month"), help_text=_("First day of the month."))
    as_of = models.DateField(_("crediting rates of"))
    crediting_ref = models.CharField(_("crediting rates version"), max_length=80)
    source_name = models.CharField(_("file"), max_length=200, blank=True)
    row_count = models.PositiveIntegerField(_("municipalities"))
    total_credited = models.DecimalField(_("credited in the Land"), max_digits=14,
                                         decimal_places=2)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("imported by"))
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        verbose_name = _("Land distribution statistics")
        verbose_name_plural = _("Land distribution statistics")
        ordering = ["-month"]
        constraints = [models.UniqueConstraint(fields=["municipality", "month"],
                                               name="quota_statistics_one_per_month")]

    def __str__(self) -> str:
        return self.month.strftime("%Y-%m")


@audited()
class LandStatisticsRow(TenantModel):
    statistics = models.ForeignKey(LandStatistics, on_delete=models.CASCADE,
                                   related_name="rows", verbose_name=_("statistics"))
    ags = models.CharField(_("AGS"), max_length=20)
    name = models.CharField(_("municipality"), max_length=200)
    key_percent = models.DecimalField(_("key (%)"), max_digits=15, decimal_places=12)
    stock = models.PositiveIntegerField(_("stock"))
    facility_regular_places = models.PositiveIntegerField(_("regular places in state facilities"))
    facility_reserve_places = models.PositiveIntegerField(_("reserve places in state facilities"))
    credited = models.DecimalField(_("credited"), max_digits=14, decimal_places=2)
    obligation = models.DecimalField(_("obligation"), max_digits=14, decimal_places=2)
    gap = models.DecimalField(_("gap"), max_digits=14, decimal_places=2)
    quota_percent = models.DecimalField(_("quota (%)"), max_digits=10, decimal_places=2)
    rank = models.PositiveIntegerField(_("rank"))

    class Meta:
        verbose_name = _("Land statistics row")
        verbose_name_plural = _("Land statistics rows")
        ordering = ["rank"]
        constraints = [models.UniqueConstraint(fields=["municipality", "statistics", "ags"],
                                               name="quota_row_unique_ags")]
        indexes = [models.Index(fields=["municipality", "ags"], name="quota_row_ags")]

    def __str__(self) -> str:
        return f"{self.ags} {self.name}"
