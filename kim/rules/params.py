"""Dated rule parameters (legal-rules.md §3): one row per law or practice change.

A new law is a new row here (plus a test), never a new ``if``. Rows marked
``unconfirmed=True`` are the doc's (U) rows. ``Row.id`` is the parameter version every
decision cites; :data:`PARAMS_VERSION` names the whole set. A municipality may replace a
table (e.g. its own good-prospect list) with ``dataclasses.replace(DEFAULT_PARAMS, ...)``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date

from .codes import OUTSIDE_BENEFIT_LAW, RESIDENCE_PERMITS
from .lists import GOOD_PROSPECT, SAFE_ORIGIN
from .reasons import reason
from .tables import Row, Table

PARAMS_VERSION = "2025-11-01"

D = date


@dataclass(frozen=True, slots=True)
class Waiting:
    """§ 2 AsylbLG waiting period; ``keeps`` cites the grandfathering clause of the change."""

    months: int
    keeps: str = ""


@dataclass(frozen=True, slots=True)
class Retirement:
    """§ 7a SGB II: ``base_months + step_months * (birth year - base_year)``."""

    base_months: int
    step_months: int
    base_year: int

    def months_for(self, birth_year: int) -> int:
        return self.base_months + self.step_months * (birth_year - self.base_year)


@dataclass(frozen=True, slots=True)
class SchoolRule:
    """NRW school duty: entry cutoff day and years of full-time duty (§§ 35, 37 SchulG)."""

    cutoff_month: int
    cutoff_day: int
    full_time_years: int


# §3.1.2 § 2 AsylbLG waiting period, by evaluation date.
ASYLBLG_WAITING: Table[Waiting] = Table(
    "asylblg.waiting",
    [
        Row(
            "asylblg.waiting@pre-2015",
            None,
            D(2015, 2, 28),
            Waiting(15),
            f"§ 2 Abs. 1 AsylbLG (G. v. 10.12.2014; {reason('earlier_law', day='01.03.2015')})",
        ),
        Row(
            "asylblg.waiting@2015-03-01",
            D(2015, 3, 1),
            D(2019, 8, 20),
            Waiting(15),
            "§ 2 Abs. 1 AsylbLG (G. v. 10.12.2014)",
        ),
        Row(
            "asylblg.waiting@2019-08-21",
            D(2019, 8, 21),
            D(2024, 2, 26),
            Waiting(18, "§ 15 AsylbLG"),
            "§ 2 Abs. 1 AsylbLG (G. v. 15.08.2019)",
        ),
        Row(
            "asylblg.waiting@2024-02-27",
            D(2024, 2, 27),
            None,
            Waiting(36, "§ 20 AsylbLG"),
            "§ 2 Abs. 1 AsylbLG (RückführungsverbesserungsG)",
        ),
    ],
)

# §3.1.1 § 24 holders in AsylbLG until 31.05.2022, then directly in SGB II/XII.
ASYLBLG_TEMPORARY_PROTECTION: Table[bool] = Table(
    "asylblg.temporary_protection",
    [
        Row(
            "asylblg.temporary_protection@until-2022-05-31",
            None,
            D(2022, 5, 31),
            True,
            "§ 1 Abs. 1 Nr. 3 a AsylbLG",
        ),
        Row(
            "asylblg.temporary_protection@2022-06-01",
            D(2022, 6, 1),
            None,
            False,
            "§ 1 Abs. 3a AsylbLG; § 74 SGB II",
        ),
    ],
)

# §3.1.1 § 25 Abs. 5 holders are in AsylbLG while the first Duldung is < N months ago.
ASYLBLG_25_5_MONTHS: Table[int] = Table(
    "asylblg.humanitarian_25_5",
    [
        Row("asylblg.humanitarian_25_5", None, None, 18, "§ 1 Abs. 1 Nr. 3 c AsylbLG"),
    ],
)

# §3.1.5 regular retirement age, by birth date.
RETIREMENT: Table[Retirement] = Table(
    "retirement",
    [
        Row(
            "retirement@born-pre-1947",
            None,
            D(1946, 12, 31),
            Retirement(780, 0, 1946),
            "§ 7a SGB II",
        ),
        Row(
            "retirement@born-1947",
            D(1947, 1, 1),
            D(1958, 12, 31),
            Retirement(780, 1, 1946),
            "§ 7a SGB II",
        ),
        Row(
            "retirement@born-1959",
            D(1959, 1, 1),
            D(1963, 12, 31),
            Retirement(792, 2, 1958),
            "§ 7a SGB II",
        ),
        Row("retirement@born-1964", D(1964, 1, 1), None, Retirement(804, 0, 1964), "§ 7a SGB II"),
    ],
)

# §3.3 entitlement duration in years, by status (permit) start.
COURSE_ENTITLEMENT_YEARS: Table[int] = Table(
    "course.entitlement",
    [
        Row(
            "course.entitlement@pre-2016-08-06", None, D(2016, 8, 5), 2, "§ 44 Abs. 2 AufenthG a.F."
        ),
        Row(
            "course.entitlement@2016-08-06",
            D(2016, 8, 6),
            None,
            1,
            "§ 44 Abs. 2 AufenthG (IntegrationsG)",
        ),
    ],
)

# §3.3 asylum seekers: "none", "good_prospect" or "all" admissible, by evaluation date.
COURSE_PROCEDURE: Table[str] = Table(
    "course.procedure",
    [
        Row(
            "course.procedure@pre-2015-10-24",
            None,
            D(2015, 10, 23),
            "none",
            "§ 44 Abs. 4 AufenthG a.F.",
        ),
        Row(
            "course.procedure@2015-10-24",
            D(2015, 10, 24),
            D(2022, 12, 30),
            "good_prospect",
            "§ 44 Abs. 4 S. 2 Nr. 1 AufenthG a.F.",
        ),
        Row(
            "course.procedure@2022-12-31",
            D(2022, 12, 31),
            None,
            "all",
            "§ 44 Abs. 4 S. 2 Nr. 1 AufenthG n.F.",
        ),
    ],
)

# §3.3 Ermessensduldung and § 25 Abs. 5: admissible from 06.08.2016 (U).
COURSE_TOLERATED: Table[bool] = Table(
    "course.tolerated",
    [
        Row(
            "course.tolerated@pre-2016-08-06",
            None,
            D(2016, 8, 5),
            False,
            "§ 44 Abs. 4 AufenthG a.F.",
        ),
        Row(
            "course.tolerated@2016-08-06",
            D(2016, 8, 6),
            None,
            True,
            "§ 44 Abs. 4 S. 2 Nr. 2, 3 AufenthG",
            unconfirmed=True,
        ),
    ],
)

# §3.3 administrative practice: shown as a note, never changes `access`.
COURSE_NOTES: Table[str] = Table(
    "course.note",
    [
        Row(
            "course.note.admission_stop@2026-01-01",
            D(2026, 1, 1),
            None,
            "bamf_admission_stop",
            reason("bamf_admission_stop"),
            unconfirmed=True,
        ),
    ],
)

# §3.4 the safe-country employment bans apply from 24.10.2015, by evaluation date.
EMPLOYMENT_SAFE_BAN: Table[bool] = Table(
    "employment.safe_ban",
    [
        Row(
            "employment.safe_ban@pre-2015-10-24",
            None,
            D(2015, 10, 23),
            False,
            "§ 61 Abs. 2 AsylG a.F.",
        ),
        Row(
            "employment.safe_ban@2015-10-24",
            D(2015, 10, 24),
            None,
            True,
            "§ 61 Abs. 2 S. 4 AsylG; § 60a Abs. 6 S. 1 Nr. 3 AufenthG",
        ),
    ],
)

# §3.4 reception centre: months of procedure until a permit is possible (None = never).
EMPLOYMENT_RECEPTION: Table[int | None] = Table(
    "employment.reception",
    [
        Row(
            "employment.reception@pre-2019-08-21",
            None,
            D(2019, 8, 20),
            None,
            "§ 61 Abs. 1 S. 1 AsylG",
        ),
        Row(
            "employment.reception@2019-08-21",
            D(2019, 8, 21),
            D(2024, 2, 26),
            9,
            "§ 61 Abs. 1 S. 2 AsylG (G. v. 15.08.2019)",
        ),
        Row(
            "employment.reception@2024-02-27",
            D(2024, 2, 27),
            None,
            6,
            "§ 61 Abs. 1 S. 2 AsylG (RückführungsverbesserungsG)",
        ),
    ],
)

# §3.4 months of procedure or tolerated stay before a permit is possible.
EMPLOYMENT_WAIT: Table[int] = Table(
    "employment.wait",
    [
        Row(
            "employment.wait@pre-2014-11-06",
            None,
            D(2014, 11, 5),
            3,
            f"§ 61 Abs. 2 AsylG; § 32 Abs. 1 BeschV ({reason('earlier_law', day='06.11.2014')})",
        ),
        Row(
            "employment.wait@2014-11-06",
            D(2014, 11, 6),
            None,
            3,
            "§ 61 Abs. 2 AsylG; § 32 Abs. 1 BeschV",
        ),
    ],
)

# §3.4 citation for free access with a residence permit.
EMPLOYMENT_FREE: Table[str] = Table(
    "employment.free",
    [
        Row(
            "employment.free@pre-2020-03-01",
            None,
            D(2020, 2, 29),
            "§ 4 Abs. 2 AufenthG a.F.",
            "§ 4 Abs. 2 AufenthG a.F.",
        ),
        Row(
            "employment.free@2020-03-01",
            D(2020, 3, 1),
            None,
            "§ 4a Abs. 1 AufenthG",
            "§ 4a Abs. 1 AufenthG (FachkräfteeinwanderungsG)",
        ),
    ],
)

# §3.5 § 12a: years of obligation by status start (None = not covered, § 12a Abs. 7).
RESIDENCE_OBLIGATION: Table[int | None] = Table(
    "residence_obligation",
    [
        Row("residence_obligation@pre-2016", None, D(2015, 12, 31), None, "§ 12a Abs. 7 AufenthG"),
        Row("residence_obligation@2016-01-01", D(2016, 1, 1), None, 3, "§ 12a Abs. 1 AufenthG"),
    ],
)

# §3.5 § 24 holders under § 12a from 01.06.2022 (U), by evaluation date.
RESIDENCE_TEMPORARY_PROTECTION: Table[bool] = Table(
    "residence_obligation.temporary_protection",
    [
        Row(
            "residence_obligation.temporary_protection@2022-06-01",
            D(2022, 6, 1),
            None,
            True,
            "§ 12a Abs. 1 AufenthG (§ 24 AufenthG)",
            unconfirmed=True,
        ),
    ],
)

# §3.6 legal claim to a Kita place from the 1st birthday, by evaluation date.
KITA_U3: Table[bool] = Table(
    "kita.u3",
    [
        Row("kita.u3@2013-08-01", D(2013, 8, 1), None, True, "§ 24 Abs. 2 SGB VIII (KiföG)"),
    ],
)

# §3.7 NRW school duty, by the child's school-entry date.
SCHOOL: Table[SchoolRule] = Table(
    "school",
    [
        Row("school.nrw", None, None, SchoolRule(9, 30, 10), "§ 35 Abs. 1, § 37 SchulG NRW"),
    ],
)


# §3.10 Fehlbeleger: statuses whose holders are entitled to leave municipal shared
# accommodation for an own flat – a residence permit or a status outside refugee law; a
# Gestattung (even "placeable" for the private housing search) or a Duldung is not.
HOUSING_OWN_FLAT: Table[frozenset[str]] = Table(
    "housing.own_flat",
    [
        Row(
            "housing.own_flat",
            None,
            None,
            RESIDENCE_PERMITS | OUTSIDE_BENEFIT_LAW,
            f"[Soest] 5.5 ({reason('own_flat_recognition')}); "
            f"[Kamp-Lintfort] ({reason('fehlbeleger')})",
        ),
    ],
)


@dataclass(frozen=True, slots=True)
class Params:
    """All dated parameter tables the rules consult (legal-rules.md §3)."""

    asylblg_waiting: Table[Waiting] = ASYLBLG_WAITING
    asylblg_temporary_protection: Table[bool] = ASYLBLG_TEMPORARY_PROTECTION
    asylblg_25_5_months: Table[int] = ASYLBLG_25_5_MONTHS
    retirement: Table[Retirement] = RETIREMENT
    course_entitlement_years: Table[int] = COURSE_ENTITLEMENT_YEARS
    course_procedure: Table[str] = COURSE_PROCEDURE
    course_tolerated: Table[bool] = COURSE_TOLERATED
    course_notes: Table[str] = COURSE_NOTES
    # §3.8: statutory list (§ 44 Abs. 4 until 30.12.2022) and the list used for target
    # group and housing, which a municipality may replace with its own.
    good_prospect: Table[frozenset[str]] = GOOD_PROSPECT
    local_good_prospect: Table[frozenset[str]] = GOOD_PROSPECT
    # §3.9 per country; value = last application date exempt from the bans.
    safe_origin: Mapping[str, Table[date]] = field(default_factory=lambda: SAFE_ORIGIN)
    employment_safe_ban: Table[bool] = EMPLOYMENT_SAFE_BAN
    employment_reception: Table[int | None] = EMPLOYMENT_RECEPTION
    employment_wait: Table[int] = EMPLOYMENT_WAIT
    employment_free: Table[str] = EMPLOYMENT_FREE
    residence_obligation: Table[int | None] = RESIDENCE_OBLIGATION
    residence_temporary_protection: Table[bool] = RESIDENCE_TEMPORARY_PROTECTION
    kita_u3: Table[bool] = KITA_U3
    school: Table[SchoolRule] = SCHOOL
    housing_own_flat: Table[frozenset[str]] = HOUSING_OWN_FLAT


DEFAULT_PARAMS = Params()


def _canonical(value: object) -> str:
    """A text that is equal for equal parameter values in every process (frozensets are
    sorted: their iteration order depends on the string hash seed)."""
    if isinstance(value, Table):
        return f"T{value.name}[{','.join(_canonical(row) for row in value.rows)}]"
    if isinstance(value, Row):
        parts = (value.id, value.valid_from, value.valid_to, value.unconfirmed, value.basis)
        return f"R({','.join(map(str, parts))},{_canonical(value.value)})"
    if isinstance(value, frozenset | set):
        return "{" + ",".join(sorted(_canonical(item) for item in value)) + "}"
    if isinstance(value, Mapping):
        items = sorted((str(key), _canonical(item)) for key, item in value.items())
        return "{" + ",".join(f"{key}:{item}" for key, item in items) + "}"
    if is_dataclass(value) and not isinstance(value, type):
        inner = ",".join(f"{f.name}={_canonical(getattr(value, f.name))}" for f in fields(value))
        return f"{type(value).__name__}({inner})"
    return repr(value)


def params_fingerprint(params: Params) -> str:
    """A short hash of every row of every table in ``params``: decisions stored elsewhere
    (kim's legal time lines) are stale when it differs from the one they were made with,
    also when a row was changed without bumping :data:`PARAMS_VERSION`."""
    return hashlib.sha256(_canonical(params).encode()).hexdigest()[:16]
