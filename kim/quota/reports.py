"""Reports of the quota app (product.md §7): ``quota`` and ``arrivals_by_origin``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality
from kim.core.reports.registry import Column, Report, ReportData, ReportParams
from kim.core.reports.relations import RowRelation
from kim.quota.domain.arrivals import arrivals
from kim.quota.domain.countries import country_name
from kim.quota.domain.statistics import statistics_for
from kim.quota.models import LandStatisticsRow


def quota(municipality: Municipality, params: ReportParams) -> ReportData:
    """The own municipality's row of the latest Land statistics month on or before
    ``as_of`` ([Soest] Tab. 1); no row when there is none or the AGS is not set."""
    as_of = params.as_of
    stats = statistics_for(as_of=as_of)
    row = (LandStatisticsRow.objects.filter(statistics=stats, ags=municipality.ags).first()
           if stats is not None and municipality.ags else None)
    if row is None or stats is None:
        return ReportData([], {})
    return ReportData([{
        "month": stats.month.strftime("%Y-%m"), "ags": row.ags, "name": row.name,
        "key_percent": row.key_percent.normalize(), "stock": row.stock,
        "facility_credited": row.credited - row.stock, "credited": row.credited,
        "obligation": row.obligation, "gap": row.gap, "quota_percent": row.quota_percent,
        "rank": row.rank, "municipalities": stats.row_count}], {})


def arrivals_by_origin(municipality: Municipality, params: ReportParams) -> ReportData:
    as_of = params.as_of
    rows = [{"year": str(a.year), "country_code": a.country,
             "country": country_name(a.country), "persons": a.persons,
             "children": a.children} for a in arrivals(municipality, as_of)]
    return ReportData(rows, {"persons": sum(r["persons"] for r in rows),
                             "children": sum(r["children"] for r in rows)})


QUOTA = Report(
    name="quota",
    title=_("FlüAG obligation and fulfilment"),
    description=_("The municipality's row of the Land's distribution statistics for the "
                  "latest month on or before the date: credited persons (stock plus credited "
                  "state-facility places), obligation, gap and quota; rank 1 receives the "
                  "next assignments."),
    columns=(Column("month", _("Month"), "text", iso="month"),
             Column("ags", _("AGS"), "text"),
             Column("name", _("Municipality"), "text"),
             Column("key_percent", _("Key (%)"), "number"),
             Column("stock", _("Stock"), "number"),
             Column("facility_credited", _("Credited state-facility places"), "number"),
             Column("credited", _("Credited"), "number"),
             Column("obligation", _("Obligation"), "number"),
             Column("gap", _("Gap"), "number"),
             # "number", not "percent": these public figures are never hidden, and the HTML
             # renderer shows numbers with the two decimals the Land publishes.
             Column("quota_percent", _("Quota (%)"), "number"),
             Column("rank", _("Rank"), "number"),
             Column("municipalities", _("Municipalities in the Land"), "number")),
    compute=quota,
    permission="quota.statistics:read",
    # The Land's published distribution figures: a monitoring indicator ([IMIS] 3.).
    aggregate_permission="reports.monitoring_aggregates:read",
)

ARRIVALS_BY_ORIGIN = Report(
    name="arrivals_by_origin",
    title=_("Assignments by country of origin"),
    description=_("Persons assigned to the municipality per year and country of origin (first "
                  "citizenship), and how many of them were under 18 on the day of the "
                  "assignment."),
    columns=(Column("year", _("Year"), "text"),
             Column("country_code", _("Code"), "text", code=True),
             Column("country", _("Country of origin"), "text"),
             Column("persons", _("Persons")), Column("children", _("Of them children"))),
    relations=(RowRelation("persons", ("children",), sense=">="),),  # for disclosure control
    compute=arrivals_by_origin,
    permission="quota.arrivals:read",
    # Counts of the municipality's persons by citizenship and age: person master data.
    aggregate_permission="reports.person_aggregates:read",
)
