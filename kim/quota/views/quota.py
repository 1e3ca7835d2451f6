"""The quota page (Land table, own history, forecast), the statistics import, settings."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import numberformat, timezone
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kim.core.forms.dates import in_bounds
from kim.core.hardening import upload_limit
from kim.core.http import TenantRequest
from kim.core.lists import Column, Listing
from kim.core.localize import short_month
from kim.core.permissions.check import has_perm
from kim.core.views.base import tenant_redirect, tenant_url, tenant_view
from kim.housing.domain.occupancy import free_places
from kim.housing.models import SHARED_KINDS
from kim.quota.domain import statistics as domain
from kim.quota.domain.chart import quota_chart
from kim.quota.domain.params import CREDITING, ParameterMissing
from kim.quota.domain.statistics import TableRow
from kim.quota.domain.tables import CellError, InputError
from kim.quota.forms import MAX_UPLOAD_BYTES, QuotaSettingsForm, StatisticsImportForm


def _number(value: Decimal, places: int | None, separator: str,
            thousands: str = "") -> str:
    """A decimal in the active language's notation (with thousands grouping);
    ``places=None``: as few as needed. Formatting 400 rows × 8 figures with the template
    filters costs more than the whole calculation, so the table is formatted here once."""
    if places is None:
        value = value.quantize(Decimal(1)) if value == value.to_integral_value() \
            else value.normalize()
    else:
        value = value.quantize(Decimal(1).scaleb(-places))
    return numberformat.format(format(value, "f"), separator, grouping=3,
                               thousand_sep=thousands, force_grouping=bool(thousands))


def _rank(row: TableRow) -> int:
    return row.rank


LAND_TABLE = Listing("land_table", [
    Column("rank", _lazy("Rank"), value=_rank, sort=_rank, numeric=True),
    Column("ags", _lazy("AGS"), value=lambda r: r.ags, sort=lambda r: r.ags),
    Column("name", _lazy("Municipality"), value=lambda r: r.name,
           sort=lambda r: r.name.casefold()),
    Column("key", _lazy("Key (%)"), value=lambda r: r.key_percent, numeric=True),
    Column("stock", _lazy("Stock"), value=lambda r: r.stock, sort=lambda r: r.stock,
           numeric=True),
    Column("regular", _lazy("Regular places"), value=lambda r: r.facility_regular_places,
           numeric=True),
    Column("reserve", _lazy("Reserve places"), value=lambda r: r.facility_reserve_places,
           numeric=True),
    Column("credited", _lazy("Credited"), value=lambda r: r.credited,
           sort=lambda r: r.credited, numeric=True),
    Column("obligation", _lazy("Obligation"), value=lambda r: r.obligation,
           sort=lambda r: r.obligation, numeric=True),
    Column("gap", _lazy("Gap"), value=lambda r: r.gap, sort=lambda r: r.gap, numeric=True),
    Column("quota", _lazy("Quota (%)"), value=lambda r: r.quota_percent,
           sort=lambda r: r.quota_percent, numeric=True),
], default="rank", per_page=25)


def _table(rows: list[TableRow], own: TableRow | None) -> list[dict[str, Any]]:
    sep = str(get_format("DECIMAL_SEPARATOR"))
    thousands = str(get_format("THOUSAND_SEPARATOR"))
    return [{"own": r is own, "rank": str(r.rank), "ags": r.ags, "name": r.name,
             "key": _number(r.key_percent, 9, sep),
             "stock": _number(Decimal(r.stock), 0, sep, thousands),
             "regular": _number(Decimal(r.facility_regular_places), 0, sep, thousands),
             "reserve": _number(Decimal(r.facility_reserve_places), 0, sep, thousands),
             "credited": _number(r.credited, None, sep, thousands),
             "obligation": _number(r.obligation, 2, sep, thousands),
             "gap": _number(r.gap, 2, sep, thousands),
             "quota": _number(r.quota_percent, 2, sep, thousands)}
            for r in rows]


def _month_param(request: HttpRequest) -> datetime | None:
    """The month asked for in the query string; a bad one shows the latest, with a note."""
    raw = request.GET.get("month", "")
    try:
        month = datetime.strptime(raw, "%Y-%m") if raw else None
    except ValueError:
        month = None
    if raw and (month is None or not in_bounds(month.date())):
        messages.warning(request, _("The month “%(value)s” in the address is not valid; the "
                                    "latest statistics are shown.") % {"value": raw[:20]})
        return None
    return month


def _crediting(stats: Any) -> dict[str, Any] | None:
    """The crediting rates a month's table used, for people: percentages and the
    paragraph (the version code stays in the data)."""
    ref = stats.crediting_ref.removesuffix(" (U)") if stats else ""
    row = next((r for r in CREDITING.rows if r.id == ref), None)
    if row is None:
        return None
    return {"regular": row.value.regular * 100, "reserve": row.value.reserve * 100,
            "basis": row.basis.split(" (")[0]}


@tenant_view("quota.statistics:read", list_view=True)
def quota(request: TenantRequest) -> HttpResponse:
    tenant = request.municipality
    asked = _month_param(request)
    stats = domain.statistics_for(month=asked.date()) if asked else domain.statistics_for()
    rows = domain.table_rows(stats) if stats else []
    own = next((r for r in rows if tenant.ags and r.ags == tenant.ags), None)
    history = domain.own_history(tenant)
    forecast = domain.expected_assignments(tenant, stats, rows) if stats else []
    free = None  # today's free places in Phases I/II: what the forecast can use up first
    if has_perm(request.user, "housing.facilities:read", tenant):
        free = (free_places(tenant, timezone.localdate())
                .filter(unit__facility__kind__in=SHARED_KINDS).count())
    land = LAND_TABLE.run(request, rows, focus=lambda r: r is own)
    if land.response:
        return land.response
    return render(request, "quota/quota.html", {
        "stats": stats, "land": land, "crediting": _crediting(stats),
        "table": _table(list(land.rows), own), "own": own,
        "months": domain.months(),
        "history": history,
        "chart": quota_chart([(r.statistics.month, r.quota_percent) for r in history]),
        "forecast": [{"month": f, "missing": max(0, f.places - free) if free is not None
                      else None} for f in forecast],
        "free_places": free,
        "settings": domain.settings_for(tenant),
        "key_sum": sum((r.key_percent for r in rows), start=0),
        "can_write": has_perm(request.user, "quota.statistics:write", tenant),
        "can_see_arrivals": has_perm(request.user, "quota.arrivals:read", tenant),
    })


@upload_limit(MAX_UPLOAD_BYTES)
@tenant_view("quota.statistics:write")
def import_statistics(request: TenantRequest) -> HttpResponse:
    form = StatisticsImportForm(request.POST or None, request.FILES or None)
    errors: list[CellError] = []
    if request.method == "POST" and form.is_valid():
        month = form.cleaned_data["month"]
        upload = form.cleaned_data["file"]
        try:
            result = domain.import_statistics(
                request.municipality, upload.read(), month,
                filename=upload.name, user=request.user)
        except InputError as exc:
            errors = exc.errors
        except ParameterMissing:
            form.add_error("month", _("No crediting rates are configured for this month."))
        except IntegrityError:  # a parallel upload of the same month won
            form.add_error("month", _("This month was just imported by someone else; "
                                      "please try again."))
        else:
            text = (_("The statistics of %(month)s were replaced.") if result.replaced
                    else _("The statistics of %(month)s were imported."))
            messages.success(request, text % {"month": short_month(month)})
            if result.own_row is None:
                messages.warning(request, _("The file has no row with this municipality's "
                                            "AGS; its quota cannot be shown."))
            url = tenant_url(request, "quota:quota")
            return HttpResponseRedirect(f"{url}?month={month.strftime('%Y-%m')}")
    return render(request, "quota/import.html", {
        "form": form, "errors": [(e.row, e.column, e.text(_)) for e in errors]})


@tenant_view("quota.statistics:write")
def edit_settings(request: TenantRequest) -> HttpResponse:
    instance = domain.settings_for(request.municipality)
    form = QuotaSettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The forecast assumptions were saved."))
        return tenant_redirect(request, "quota:quota")
    return render(request, "quota/settings.html", {"form": form})
