"""Reports of the accommodation app (product.md §7): ``occupancy``, ``refugees_over_time``,
``fehlbeleger_trend``, ``housing_placement``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality
from kim.core.reports.registry import Column, Report, ReportData, ReportParams, Series
from kim.core.reports.relations import RowRelation
from kim.housing.domain import fehlbeleger, private_housing
from kim.housing.domain.occupancy import (
    Figures,
    facilities,
    figures_by_facility,
    occupied_trend,
)
from kim.housing.domain.series import series
from kim.housing.models import Place

COUNTS = ("capacity", "occupied", "free", "blocked", "fehlbeleger")


def occupancy(municipality: Municipality, params: ReportParams) -> ReportData:
    """Per facility in use (or occupied on the day): capacity, occupied, free, blocked,
    occupancy rate and Fehlbeleger ([Soest] 5.5.1.2, [Kamp-Lintfort])."""
    as_of = params.as_of
    figures = figures_by_facility(municipality, as_of)
    wrong = fehlbeleger.count_by_facility(municipality, as_of)
    rows = []
    total = Figures()
    for facility in facilities(municipality):
        fig = figures.get(facility.pk, Figures())
        if not facility.active and not fig.occupied:
            continue
        rows.append({"facility": facility.name, "code": facility.code,
                     "kind": str(facility.get_kind_display()),
                     "capacity": fig.capacity, "occupied": fig.occupied, "free": fig.free,
                     "blocked": fig.blocked, "rate": fig.rate,
                     "fehlbeleger": wrong.get(facility.pk, 0)})
        total.capacity += fig.capacity
        total.occupied += fig.occupied
        total.blocked += fig.blocked
    totals = {key: sum(r[key] for r in rows) for key in COUNTS}
    totals["rate"] = total.rate
    return ReportData(rows, totals)


def refugees_over_time(municipality: Municipality, params: ReportParams) -> ReportData:
    """Persons by half-year: in municipal shared accommodation (from the stays) and in state
    facilities (the counts recorded for them) – [Soest] Tab. 3, [Stuttgart]."""
    as_of = params.as_of
    rows = [{"period": f"{p['day']:%m/%Y}", "date": p["day"].isoformat(),
             "total": p["municipal"] + p["state"], "municipal": p["municipal"],
             "state": p["state"]} for p in series(municipality, as_of)]
    return ReportData(rows, {})


def fehlbeleger_trend(municipality: Municipality, params: ReportParams) -> ReportData:
    """Residents of Phase I/II accommodation and the Fehlbeleger among them at the last 12
    month ends (the last one the date) – the trend of the Fehlbeleger page."""
    rows = [{"period": f"{p.day:%m/%Y}", "date": p.day.isoformat(),
             "residents": p.residents, "fehlbeleger": p.fehlbeleger, "rate": p.rate}
            for p in fehlbeleger.trend(municipality, params.as_of)]
    return ReportData(rows, {})


def occupancy_trend(municipality: Municipality, params: ReportParams) -> ReportData:
    """Occupied places at the last 12 month ends and their share of the usable places.
    kim keeps no history of places: the share is taken of today's usable places."""
    places = Place.objects.filter(municipality=municipality)
    usable = places.count() - places.filter(blocked=True).count()
    rows = [{"period": f"{day:%m/%Y}", "date": day.isoformat(), "occupied": occupied,
             "rate": round(100 * occupied / usable, 1) if usable else None}
            for day, occupied in occupied_trend(municipality, params.as_of)]
    return ReportData(rows, {})


REGIME_LABELS = {"asylblg": _("AsylbLG"), "sgb": _("SGB II / SGB XII")}
MEMBER_LABELS = {"singles": _("single persons"), "families": _("family members")}


def housing_placement(municipality: Municipality, params: ReportParams) -> ReportData:
    """[Soest] Tab. 7: persons (and households) placed into municipal-rented / private flats,
    placeable now, not yet placeable, not placeable – by benefit regime, singles and
    families (rules: kim/housing/domain/private_housing.py)."""
    as_of = params.as_of
    persons, households = private_housing.counts(municipality, as_of)
    rows = []
    for regime, regime_label in REGIME_LABELS.items():
        for size, size_label in MEMBER_LABELS.items():
            row = {"regime": str(regime_label), "regime_code": regime,
                   "members": str(size_label), "members_code": size}
            for category in private_housing.CATEGORIES:
                row[category] = persons[(regime, size, category)]
            row["placed"] = row["placed_rented"] + row["placed_private"]
            row["total"] = sum(row[c] for c in private_housing.CATEGORIES)
            for category in private_housing.CATEGORIES:
                row[f"{category}_households"] = households[(regime, size, category)]
            rows.append(row)
    keys = [c.key for c in PLACEMENT_COLUMNS if c.kind == "count"]
    return ReportData(rows, {key: sum(r[key] for r in rows) for key in keys})


PLACEMENT_COLUMNS = (
    Column("regime", _("Benefit regime"), "text"),
    Column("regime_code", _("Benefit regime (code)"), "text", code=True),
    Column("members", _("Counted"), "text"),
    Column("members_code", _("Counted (code)"), "text", code=True),
    Column("placed_rented", _("Placed: flat rented by the municipality")),
    Column("placed_private", _("Placed: private flat")),
    Column("placed", _("Placed"), sum_of=("placed_rented", "placed_private")),
    Column("placeable", _("Placeable now")),
    Column("not_yet_placeable", _("Not yet placeable (Gestattung)")),
    Column("not_placeable", _("Not placeable (safe country of origin or Duldung)")),
    Column("total", _("Total"), sum_of=private_housing.CATEGORIES),
    Column("placed_rented_households", _("Households placed: rented by the municipality")),
    Column("placed_private_households", _("Households placed: private flat")),
    Column("placeable_households", _("Households placeable now")),
    Column("not_yet_placeable_households", _("Households not yet placeable")),
    Column("not_placeable_households", _("Households not placeable")),
)
# What a reader knows besides the sums: a single person is a household of one; a family
# has two or more members (private_housing.counts never splits a household).
PLACEMENT_RELATIONS = (
    *(RowRelation(c, (f"{c}_households",), where=(("members_code", "singles"),))
      for c in private_housing.CATEGORIES),
    *(RowRelation(c, (f"{c}_households",), sense=">=", factor=2,
                  where=(("members_code", "families"),))
      for c in private_housing.CATEGORIES),
)

HOUSING_PLACEMENT = Report(
    name="housing_placement",
    title=_("Private housing placement"),
    description=_("Persons of the municipality on the date ([Soest] Tab. 7): placed into a "
                  "flat rented by the municipality or a private flat (recorded placements; "
                  "the benefit regime is the one at the placement), or – from the rules "
                  "engine's housing category of the household – placeable now, not yet "
                  "placeable, not placeable. Households are never split; families have two "
                  "or more members."),
    columns=PLACEMENT_COLUMNS,
    row_label=("regime", "members"),  # repeated when the PDF splits the wide table
    relations=PLACEMENT_RELATIONS,
    compute=housing_placement,
    permission="housing.waiting:read",
    # Its cells are accommodation figures by legal-status categories and benefit regime:
    # an aggregate reader needs both areas (product.md §3: steering only).
    aggregate_permission=("reports.housing_aggregates:read", "reports.status_aggregates:read"),
)

OCCUPANCY = Report(
    name="occupancy",
    title=_("Occupancy of the facilities"),
    description=_("Places per facility on the date: capacity = occupied + free + blocked; "
                  "rate = occupied share of the places not blocked. Fehlbeleger: residents "
                  "of Phase I/II accommodation whose status entitles them to an own flat."),
    columns=(Column("facility", _("Facility"), "text"),
             Column("code", _("Code"), "text", code=True),
             Column("kind", _("Kind"), "text"),
             Column("capacity", _("Places"), sum_of=("occupied", "free", "blocked")),
             Column("occupied", _("Occupied")), Column("free", _("Free")),
             Column("blocked", _("Blocked")), Column("rate", _("Occupancy rate"), "percent"),
             Column("fehlbeleger", _("Fehlbeleger"))),
    # Fehlbeleger occupy places of the facility (stays never overlap on a place).
    relations=(RowRelation("occupied", ("fehlbeleger",), sense=">="),),
    compute=occupancy,
    permission="housing.stays:read",
    aggregate_permission="reports.housing_aggregates:read",
)

REFUGEES_OVER_TIME = Report(
    name="refugees_over_time",
    title=_("Refugees in accommodation over time"),
    description=_("Persons at each half-year end (and on the date): in municipal shared "
                  "accommodation (Phases I and II) and in state facilities (recorded counts)."),
    columns=(Column("period", _("Period"), "text"), Column("date", _("Date"), "text", code=True),
             Column("total", _("Total"), sum_of=("municipal", "state")),
             Column("municipal", _("Municipal accommodation")),
             Column("state", _("State facility"))),
    series=Series("period", ("total", "municipal", "state")),
    compute=refugees_over_time,
    permission="housing.stays:read",
    aggregate_permission="reports.housing_aggregates:read",
)

FEHLBELEGER_TREND = Report(
    name="fehlbeleger_trend",
    title=_("Fehlbeleger over time"),
    description=_("Residents of Phase I/II accommodation and, among them, the Fehlbeleger "
                  "(whose status entitles them to an own flat) at the last twelve month "
                  "ends; the last one is the date."),
    columns=(Column("period", _("Month"), "text"),
             Column("date", _("Date"), "text", code=True),
             Column("residents", _("Residents")),
             Column("fehlbeleger", _("Fehlbeleger")),
             Column("rate", _("Share of Fehlbeleger"), "percent")),
    relations=(RowRelation("residents", ("fehlbeleger",), sense=">="),),
    series=Series("period", ("residents", "fehlbeleger")),
    compute=fehlbeleger_trend,
    permission="housing.stays:read",
    # like occupancy's Fehlbeleger column: an accommodation figure (product.md §2.4)
    aggregate_permission="reports.housing_aggregates:read",
)

OCCUPANCY_TREND = Report(
    name="occupancy_trend",
    title=_("Occupancy over time"),
    description=_("Occupied places in the municipality's accommodation at the last twelve "
                  "month ends (the last one is the date), and their share of the usable "
                  "places – counted as recorded today, since kim keeps no history of "
                  "places."),
    columns=(Column("period", _("Month"), "text"),
             Column("date", _("Date"), "text", code=True),
             Column("occupied", _("Occupied places")),
             Column("rate", _("Occupancy rate"), "percent")),
    series=Series("period", ("occupied",)),
    compute=occupancy_trend,
    permission="housing.stays:read",
    aggregate_permission="reports.housing_aggregates:read",
)
