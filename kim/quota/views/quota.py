"""The quota page (Land table, own history, forecast), the statistics import, settings."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.translation import gettext as _

from kim.core.forms.dates import in_bounds
from kim.core.hardening import upload_limit
from kim.core.http import TenantRequest
from kim.core.localize import short_month
from kim.core.permissions.check import has_perm
from kim.core.views.base import tenant_redirect, tenant_url, tenant_view
from kim.housing.domain.occupancy import free_places
from kim.housing.models import SHARED_KINDS
from kim.quota.domain import statistics as domain
from kim.quota.domain.chart import quota_chart
from kim.quota.domain.params import ParameterMissing
from kim.quota.domain.statistics import TableRow
from kim.quota.domain.tables import CellError, InputError
from kim.quota.forms import MAX_UPLOAD_BYTES, QuotaSettingsForm, StatisticsImportForm


def _number(value: Decimal, places: int | None, separator: str) -> str:
    """A decimal in the active language's notation; ``places=None``: as few as needed.
    Formatting 400 rows × 8 figures with the template filters costs more than the whole
    calculation, so the table is formatted here once."""
    if places is None:
        value = value.quantize(Decimal(1)) if value == value.to_integral_value() \
            else value.normalize()
    else:
        value = value.quantize(Decimal(1).scaleb(-places))
    return format(value, "f").replace(".", separator)


def _table(rows: list[TableRow], own: TableRow | None) -> list[dict[str, Any]]:
    sep = str(get_format("DECIMAL_SEPARATOR"))
    return [{"own": r is own, "rank": str(r.rank), "ags": r.ags, "name": r.name,
             "key": _number(r.key_percent, 9, sep), "stock": str(r.stock),
             "regular": str(r.facility_regular_places),
             "reserve": str(r.facility_reserve_places),
             "credited": _number(r.credited, None, sep),
             "obligation": _number(r.obligation, 2, sep), "gap": _number(r.gap, 2, sep),
             "quota": _number(r.quota_percent, 2, sep)}
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
    return render(request, "quota/quota.html", {
        "stats": stats, "table": _table(rows, own), "own": own, "months": domain.months(),
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
