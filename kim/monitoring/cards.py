"""Start-page card: the latest town figure of a few key indicators, for every role that
sees the monitoring – as that role may see it (aggregate audiences: disclosure-controlled,
kim/monitoring/domain/series.py)."""

from __future__ import annotations

from typing import Any

from django.utils.formats import number_format

from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm
from kim.monitoring.domain.series import TOWN, series
from kim.monitoring.models import Indicator

KEY_INDICATORS = ("pop.total", "pop.migration_share", "pop.foreign",
                  "dist.segregation_districts")


def key_figures(request: TenantRequest) -> dict[str, Any]:
    exact = has_perm(request.user, "monitoring.indicators:read", request.municipality)
    found = {i.code: i for i in Indicator.objects.filter(municipality=request.municipality,
                                                         code__in=KEY_INDICATORS)}
    rows = []
    for code in KEY_INDICATORS:
        indicator = found.get(code)
        if indicator is None:
            continue
        table = series(indicator, aggregate=not exact)
        latest = next((row for row in reversed(table.rows) if row.get(TOWN) is not None),
                      None)
        if latest is not None:
            value = latest[TOWN]
            text = value if isinstance(value, str) else number_format(value,
                                                                      force_grouping=True)
            rows.append((indicator, latest["period"], text))
    return {"monitoring_rows": rows}
