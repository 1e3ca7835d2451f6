"""The integration fund (Verfügungsfonds, product.md §2.10, [Herne] 5.): an annual budget,
application rounds with deadlines, applications of organisations (core ``Organisation``)
in a field of action (core ``FieldOfAction``), the steering group's decision with the
amount granted and conditions, payments in instalments, and the final report with the
proof of use. Modelled on the life cycle of grant systems (rounds → submission → review →
determination → payments → reporting).

Money is ``Decimal`` with two places (euros and cents), never float.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.localize import short_date
from kim.core.models import FieldOfAction, Organisation, TenantModel

CENT = Decimal("0.01")


def money(verbose: Any, **kwargs: Any) -> Any:
    """A euro amount of at least one cent (Decimal, never float)."""
    return models.DecimalField(verbose, max_digits=12, decimal_places=2,
                               validators=[MinValueValidator(CENT)], **kwargs)


@audited()
class FundYear(TenantModel):
    """The fund's budget of one year ([Herne]: 200 000 €)."""

    year = models.PositiveSmallIntegerField(_("year"))
    budget = money(_("budget (€)"))

    class Meta:
        verbose_name = _("fund year")
        verbose_name_plural = _("fund years")
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["municipality", "year"],
                                               name="fundyear_unique_year")]

    def __str__(self) -> str:
        return str(self.year)


@audited()
class Round(TenantModel):
    """An application round: applications are accepted up to the deadline and decided
    together ([Herne]: four to six a year)."""

    fund_year = models.ForeignKey(FundYear, on_delete=models.PROTECT, related_name="rounds",
                                  verbose_name=_("year"))
    name = models.CharField(_("name"), max_length=120)
    deadline = models.DateField(_("deadline for applications"))
    decision_on = models.DateField(_("decision planned on"), null=True, blank=True)

    class Meta:
        verbose_name = _("application round")
        verbose_name_plural = _("application rounds")
        ordering = ["deadline", "pk"]
        constraints = [models.UniqueConstraint(fields=["municipality", "fund_year", "name"],
                                               name="round_unique_name")]

    def __str__(self) -> str:
        return f"{self.name} ({self.fund_year.year})"


class Decision(models.TextChoices):
    SUBMITTED = "submitted", _("submitted")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")
    WITHDRAWN = "withdrawn", _("withdrawn")


# The guideline checks of the steering group's review ([Herne] 5.: "Förderrichtlinien").
GUIDELINES = (
    ("integration", _("The project serves the integration of newcomers in the municipality")),
    ("not_otherwise_funded", _("It cannot be financed otherwise (no double funding)")),
    ("new_approach", _("It tries a new approach or closes a gap at short notice")),
    ("sustainable", _("It contributes to lasting integration")),
    ("cost_plan", _("A cost plan is attached")),
)


@audited()
class Application(TenantModel):
    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="applications",
                              verbose_name=_("application round"))
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("applicant"))
    field = models.ForeignKey(FieldOfAction, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("field of action"))
    title = models.CharField(_("project"), max_length=200)
    description = models.TextField(_("description"))
    amount_requested = money(_("amount requested (€)"))
    period_start = models.DateField(_("project start"))
    period_end = models.DateField(_("project end"))
    submitted_on = models.DateField(_("submitted on"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+",
                                     verbose_name=_("submitted by"))
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices,
                                default=Decision.SUBMITTED)
    checks = models.JSONField(_("guideline checks"), default=dict, blank=True)
    amount_granted = money(_("amount granted (€)"), null=True, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("decided by"))

    class Meta:
        verbose_name = _("fund application")
        verbose_name_plural = _("fund applications")
        ordering = ["-submitted_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(period_end__gte=models.F("period_start")),
                                   name="application_period_order"),
            models.CheckConstraint(
                condition=models.Q(amount_granted__isnull=True)
                | models.Q(amount_granted__lte=models.F("amount_requested")),
                name="application_granted_le_requested"),
        ]

    def __str__(self) -> str:
        return self.title


@audited()
class Payment(TenantModel):
    """An instalment paid out on a granted application."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT,
                                    related_name="payments", verbose_name=_("application"))
    paid_on = models.DateField(_("paid on"))
    amount = money(_("amount (€)"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["paid_on", "pk"]

    def __str__(self) -> str:
        return f"{short_date(self.paid_on)}: {number_format(self.amount, 2)} €"


@audited()
class UsageReport(TenantModel):
    """The final report and proof of use (Verwendungsnachweis) of a funded project."""

    # one per application: a unique constraint with the municipality (a one-to-one field
    # would be unique without it, which a PostgreSQL distributed by municipality refuses)
    application = models.ForeignKey(Application, on_delete=models.PROTECT,
                                    related_name="usage_reports",
                                    verbose_name=_("application"))
    submitted_on = models.DateField(_("submitted on"))
    spent = models.DecimalField(_("money spent (€)"), max_digits=12, decimal_places=2,
                                validators=[MinValueValidator(Decimal("0"))])
    text = models.TextField(_("report"))
    accepted_on = models.DateField(_("proof of use accepted on"), null=True, blank=True)

    class Meta:
        verbose_name = _("final report")
        verbose_name_plural = _("final reports")
        constraints = [models.UniqueConstraint(fields=["municipality", "application"],
                                               name="usage_report_one_per_application")]

    def __str__(self) -> str:
        return f"{self.application}: {short_date(self.submitted_on)}"
