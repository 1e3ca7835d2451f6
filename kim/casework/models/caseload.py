"""Who is responsible for a household (Fallverantwortung)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models import TenantModel
from kim.people.models import Household


@audited()
class CaseAssignment(TenantModel):
    """A caseworker responsible for a household from ``since``; open while ``until`` is
    empty. Ending an assignment keeps the row, so responsibility stays traceable."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE,
                                  related_name="case_assignments", verbose_name=_("household"))
    caseworker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="case_assignments",
                                   verbose_name=_("responsible caseworker"))
    since = models.DateField(_("responsible since"), default=timezone.localdate)
    until = models.DateField(_("responsible until"), null=True, blank=True)

    class Meta:
        verbose_name = _("case assignment")
        verbose_name_plural = _("case assignments")
        ordering = ["since", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "household", "caseworker"],
                                    condition=models.Q(until=None),
                                    name="case_assignment_one_open"),
            models.CheckConstraint(
                condition=models.Q(until=None) | models.Q(until__gte=models.F("since")),
                name="case_assignment_period"),
        ]

    def __str__(self) -> str:
        return f"{self.caseworker} → {self.household}"
