"""The fund's money as of a date: budget, committed (granted), paid and available per
year and per field of action. Sums in the database; Decimal throughout."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum

from kim.core.models import Municipality
from kim.fund.models import Application, Decision, FundYear, Payment

ZERO = Decimal("0.00")


@dataclass
class Figures:
    committed: Decimal = ZERO
    paid: Decimal = ZERO
    projects: int = 0


@dataclass
class Ledger:
    year: int
    budget: Decimal
    total: Figures
    by_field: list[tuple[str, str, Figures]] = field(default_factory=list)

    @property
    def available(self) -> Decimal:
        return self.budget - self.total.committed


def granted(municipality: Municipality, year: int, day: datetime.date | None = None):
    """The approved applications of the year's rounds (decided up to ``day``)."""
    qs = Application.objects.filter(municipality=municipality, round__fund_year__year=year,
                                    decision=Decision.APPROVED)
    return qs.filter(decided_on__lte=day) if day is not None else qs


def committed(municipality: Municipality, year: int) -> Decimal:
    return granted(municipality, year).aggregate(s=Sum("amount_granted"))["s"] or ZERO


def ledger(municipality: Municipality, year: int, day: datetime.date) -> Ledger | None:
    fund_year = FundYear.objects.filter(municipality=municipality, year=year).first()
    if fund_year is None:
        return None
    apps = granted(municipality, year, day)
    paid_by_field = dict(
        Payment.objects.filter(application__in=apps, paid_on__lte=day)
        .values_list("application__field_id").annotate(s=Sum("amount")))
    rows = []
    total = Figures()
    for fid, code, name, amount, count in (
            apps.values_list("field_id", "field__code", "field__name")
            .annotate(s=Sum("amount_granted"), n=Count("pk"))
            .order_by("field__order", "field__name")):
        figures = Figures(amount or ZERO, paid_by_field.get(fid) or ZERO, count)
        rows.append((code, name, figures))
        total.committed += figures.committed
        total.paid += figures.paid
        total.projects += count
    return Ledger(year, fund_year.budget, total, rows)
