"""A school's figures for a school year as the school office publishes them ([Soest]
Tab. 5: classes, pupils, foreign pupils, pupils in joint teaching): municipal data about
an institution, not about persons, shown next to the refugee pupils kim records."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models import TenantModel


@audited()
class SchoolStatistic(TenantModel):
    school = models.ForeignKey("core.Organisation", on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("school"))
    school_year = models.DateField(_("school year from"),
                                   help_text=_("The first day of the school year (1 August)."))
    classes = models.PositiveSmallIntegerField(_("classes"))
    pupils = models.PositiveIntegerField(_("pupils"))
    foreign_pupils = models.PositiveIntegerField(_("foreign pupils"))
    joint_teaching = models.PositiveIntegerField(
        _("pupils in joint teaching (GU)"), null=True, blank=True)

    class Meta:
        verbose_name = _("school statistic")
        verbose_name_plural = _("school statistics")
        ordering = ["-school_year", "school__name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "school", "school_year"],
                                    name="education_school_statistic_once"),
            models.CheckConstraint(condition=Q(school_year__month=8, school_year__day=1),
                                   name="education_school_statistic_first_of_august"),
        ]

    def __str__(self) -> str:
        return f"{self.school} {self.school_year:%Y}"
