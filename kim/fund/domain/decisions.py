"""The life cycle of an application: submission, the steering group's decision, payments
and the final report. Each step validates, names the field, and writes all or nothing.

Overspending: a commitment beyond the year's available budget is refused. Two decisions
at the same time cannot both pass the check: the decision locks the year's row
(``SELECT … FOR UPDATE`` on PostgreSQL; SQLite runs one writer at a time) before it sums
what is committed.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from kim.core.models import FieldOfAction, Organisation
from kim.fund.domain.ledger import ZERO, committed
from kim.fund.models import GUIDELINES, Application, Decision, FundYear, Payment, Round, UsageReport


def euros(value: Decimal) -> str:
    return f"{number_format(value, 2, force_grouping=True)} €"


@transaction.atomic
def submit(round: Round, organisation: Organisation, data: dict[str, Any], *,
           on: datetime.date, user: Any = None) -> Application:
    if on > round.deadline:
        raise ValidationError({"round": _("The deadline of this round has passed.")})
    if data["period_end"] < data["period_start"]:
        raise ValidationError({"period_end": _("The project cannot end before it starts.")})
    field = data["field"]
    if not isinstance(field, FieldOfAction) or field.municipality_id != round.municipality_id:
        raise ValidationError({"field": _("Choose a field of action.")})
    return Application.objects.create(
        municipality=round.municipality, round=round, organisation=organisation,
        field=field, title=data["title"], description=data["description"],
        amount_requested=data["amount_requested"], period_start=data["period_start"],
        period_end=data["period_end"], submitted_on=on, submitted_by=user)


@transaction.atomic
def decide(application: Application, *, approve: bool, amount: Decimal | None,
           conditions: str, checks: dict[str, bool], on: datetime.date,
           user: Any = None) -> Application:
    """The steering group's decision. Approval commits ``amount`` (≤ requested) against
    the year's budget; it is refused when the budget has less available."""
    # Lock the year first: concurrent decisions of the same year queue here.
    fund_year = FundYear.objects.select_for_update().get(pk=application.round.fund_year_id)
    current = Application.objects.select_for_update().get(pk=application.pk)
    if current.decision != Decision.SUBMITTED:
        raise ValidationError(_("This application has been decided already."))
    unknown = set(checks) - {key for key, _label in GUIDELINES}
    if unknown:
        raise ValidationError({"checks": _("Unknown guideline check: %(key)s") % {
            "key": sorted(unknown)[0]}})
    if on < current.submitted_on:
        raise ValidationError({"decided_on": _("The decision cannot be before the "
                                               "application was submitted.")})
    if approve:
        if amount is None or amount <= ZERO:
            raise ValidationError({"amount_granted": _("Enter the amount granted.")})
        if amount > current.amount_requested:
            raise ValidationError({"amount_granted": _(
                "At most the amount requested (%(amount)s) can be granted.") % {
                "amount": euros(current.amount_requested)}})
        available = fund_year.budget - committed(current.municipality, fund_year.year)
        if amount > available:
            raise ValidationError({"amount_granted": _(
                "The budget of %(year)s has only %(available)s available; %(amount)s cannot "
                "be committed.") % {"year": fund_year.year, "available": euros(available),
                                    "amount": euros(amount)}})
        current.amount_granted = amount
        current.decision = Decision.APPROVED
    else:
        current.amount_granted = None
        current.decision = Decision.REJECTED
    current.conditions = conditions
    current.checks = {key: bool(value) for key, value in checks.items()}
    current.decided_on = on
    current.decided_by = user
    current.save()
    return current


def paid(application: Application) -> Decimal:
    return application.payments.aggregate(s=Sum("amount"))["s"] or ZERO


@transaction.atomic
def pay(application: Application, *, amount: Decimal, on: datetime.date, note: str = "",
        user: Any = None) -> Payment:
    """An instalment; all instalments together stay within the amount granted."""
    current = Application.objects.select_for_update().get(pk=application.pk)
    if current.decision != Decision.APPROVED or current.amount_granted is None:
        raise ValidationError(_("Only an approved application can be paid."))
    if current.decided_on and on < current.decided_on:
        raise ValidationError({"paid_on": _("A payment cannot be before the decision.")})
    open_amount = current.amount_granted - paid(current)
    if amount > open_amount:
        raise ValidationError({"amount": _(
            "Only %(open)s of the amount granted are still to be paid.") % {
            "open": euros(open_amount)}})
    return Payment.objects.create(municipality=current.municipality, application=current,
                                  paid_on=on, amount=amount, note=note, recorded_by=user)


@transaction.atomic
def report_usage(application: Application, *, spent: Decimal, text: str,
                 on: datetime.date) -> UsageReport:
    if application.decision != Decision.APPROVED:
        raise ValidationError(_("Only a funded project reports on the use of the money."))
    if UsageReport.objects.filter(application=application).exists():
        raise ValidationError(_("The final report of this project has been submitted "
                                "already."))
    if on < application.submitted_on:
        raise ValidationError({"submitted_on": _("The report cannot be before the "
                                                 "application.")})
    return UsageReport.objects.create(municipality=application.municipality,
                                      application=application, submitted_on=on,
                                      spent=spent, text=text)
