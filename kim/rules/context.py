"""Per-person derived facts shared by the decision areas (computed once per evaluation).

Everything here is independent of the evaluation date except the methods taking an
:class:`~kim.rules.tables.At`, which record the dates at which their answer changes.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import NamedTuple

from .codes import ASYLBLG_ALWAYS, ASYLUM_PROCEDURE, DULDUNG
from .dates import ONE_DAY, add_months, first_of_next_month, reach_age
from .facts import Person
from .params import Params, Retirement, SchoolRule
from .tables import At, Row, Table, V

# Months of life for the age limits the rules use.
AGE_1, AGE_3, AGE_6, AGE_16, AGE_18 = 12, 36, 72, 192, 216


class School(NamedTuple):
    """§3.7 school-duty dates for one child (first days of each phase)."""

    start: date  # full-time duty begins (1 August)
    vocational: date  # Sek II / vocational duty begins
    end: date  # first day without school duty
    row: Row[SchoolRule]


class Scope(NamedTuple):
    """A status within § 1 Abs. 1 AsylbLG: in scope until ``stop`` (exclusive, None = while
    the status lasts); ``direct`` = leaving by that stop skips the month-end rule."""

    stop: date | None
    direct: bool
    ref: str | None  # parameter row that limits the scope


# The scope of statuses always within § 1 Abs. 1 AsylbLG (one shared immutable value).
_ALWAYS = Scope(None, False, None)


class Ctx:
    """Facts of one person plus lazily derived dates (legal-rules.md §3)."""

    __slots__ = (
        "person",
        "params",
        "starts",
        "codes",
        "count",
        "grown_up",
        "_elderly_from",
        "_ages",
        "_school",
        "_retirement",
        "_scopes",
        "_periods",
        "_computed_analog",
        "_entry",
        "_stay",
    )

    def __init__(self, person: Person, params: Params) -> None:
        self.person = person
        self.params = params
        self.starts = person.status_starts
        self.codes = person.status_codes
        self.count = len(self.starts)
        year = person.birth_date.year
        # Cheap bounds that spare exact age arithmetic for most evaluations: from
        # `grown_up` on, no Kita claim, no school duty, over 18; before `_elderly_from`
        # no retirement age (65 at the earliest).
        self.grown_up = date(year + 19, 8, 1)
        self._elderly_from = date(year + 65, 1, 1)
        self._ages: dict[int, date] = {}
        self._school: School | None = None
        self._retirement: tuple[date, Row[Retirement]] | None = None
        self._scopes: tuple[Scope | None, ...] | None = None
        self._periods: tuple[tuple[date, date | None], ...] | None = None
        self._computed_analog: tuple[date | None] | None = None
        self._entry: date | None = None
        self._stay: dict[int, date] = {}

    # --- status history -------------------------------------------------------------
    def status(self, at: At) -> int:
        """Index of the status in force at ``at.d`` (the last with ``from <= d``)."""
        if self.count == 1:
            return 0
        i = bisect_right(self.starts, at.d)
        if i < self.count:
            following = self.starts[i]
            if following < at.until:
                at.until = following
        return i - 1

    def procedure_start(self, i: int) -> date:
        """Start of the asylum procedure that status ``i`` belongs to (§3.4)."""
        while i > 0 and self.codes[i - 1] in ASYLUM_PROCEDURE:
            i -= 1
        return self.starts[i]

    def first_tolerated(self) -> date:
        """Start of the first Gestattung/Duldung: tolerated or permitted stay (§3.4)."""
        for start, code in zip(self.starts, self.codes, strict=True):
            if code in ASYLUM_PROCEDURE or code in DULDUNG:
                return start
        return self.starts[0]

    def entry(self) -> date:
        """Start of the stay (§2.1); without ``entry_date`` the earliest known date."""
        entry = self._entry
        if entry is None:
            p = self.person
            entry = p.entry_date
            if entry is None:
                applied = p.asylum_application_date
                entry = self.starts[0]
                if applied is not None and applied < entry:
                    entry = applied
            self._entry = entry
        return entry

    def stay(self, months: int) -> date:
        """First day on which the stay since entry lasted ``months`` months (day-exact)."""
        found = self._stay.get(months)
        if found is None:
            found = self._stay[months] = add_months(self.entry(), months)
        return found

    def application(self) -> date | None:
        """Date of the asylum application; without it, the procedure's first status."""
        if self.person.asylum_application_date is not None:
            return self.person.asylum_application_date
        for start, code in zip(self.starts, self.codes, strict=True):
            if code in ASYLUM_PROCEDURE:
                return start
        return None

    # --- ages -----------------------------------------------------------------------
    def reach(self, months: int) -> date:
        """Day the person reaches an age of ``months`` months (§ 187 Abs. 2 BGB)."""
        found = self._ages.get(months)
        if found is None:
            found = self._ages[months] = reach_age(self.person.birth_date, months)
        return found

    def retirement(self) -> tuple[date, Row[Retirement]]:
        """Day the regular retirement age of § 7a SGB II is reached (§3.1.5)."""
        if self._retirement is None:
            birth = self.person.birth_date
            row = self.retirement_row()
            self._retirement = (self.reach(row.value.months_for(birth.year)), row)
        return self._retirement

    def retired(self, at: At) -> bool:
        """The regular retirement age (§3.1.5) is reached at ``at.d``."""
        return at.reached(self._elderly_from) and at.reached(self.retirement()[0])

    def retirement_row(self) -> Row[Retirement]:
        if self._retirement is not None:
            return self._retirement[1]
        row = self.params.retirement.on(self.person.birth_date)
        if row is None:
            raise LookupError(f"no retirement row for birth date {self.person.birth_date}")
        return row

    def school(self) -> School:
        """NRW school-duty dates (§3.7, §§ 35, 37, 38 SchulG NRW)."""
        if self._school is None:
            six = self.reach(AGE_6)
            row = _only(self.params.school, date(six.year, 8, 1))
            rule = row.value
            year = six.year
            if six > date(year, rule.cutoff_month, rule.cutoff_day):
                year += 1
            # The 18th year is completed at the end of the day before the birthday; the duty
            # lasts to the end (31 July) of the school year containing that day.
            completed = self.reach(AGE_18) - ONE_DAY
            end_year = completed.year + 1 if completed.month >= 8 else completed.year
            self._school = School(
                start=date(year, 8, 1),
                vocational=date(year + rule.full_time_years, 8, 1),
                end=max(date(end_year, 8, 1), date(year + rule.full_time_years, 8, 1)),
                row=row,
            )
        return self._school

    def assigned(self, at: At) -> bool:
        """Assigned to the municipality and out of the reception centre (§3.7)."""
        p = self.person
        return not p.lives_in_reception_centre and at.reached(p.assignment_date)

    # --- citizenship lists ----------------------------------------------------------
    def good_prospect(self, at: At, table: Table[frozenset[str]]) -> Row[frozenset[str]] | None:
        """The good-prospect row in force if a citizenship is on it (§3.8), else None."""
        row = table.at(at)
        if row is not None:
            for code in self.person.citizenships:
                if code in row.value:
                    return row
        return None

    def safe_origin(self, at: At) -> Row[date] | None:
        """The safe-country row of a citizenship that is safe at ``at.d`` (§3.9)."""
        found: Row[date] | None = None
        for code in self.person.citizenships:
            table = self.params.safe_origin.get(code)
            if table is not None:
                row = table.at(at)
                if row is not None and found is None:
                    found = row
        return found

    def safe_ban(self, at: At) -> tuple[Row[bool], Row[date]] | None:
        """Rows of the safe-country employment ban if it applies (§3.4), else None."""
        ban = self.params.employment_safe_ban.at(at)
        if ban is None or not ban.value:
            return None
        safe = self.safe_origin(at)
        applied = self.application()
        if safe is None or applied is None or applied <= safe.value:
            return None
        return ban, safe

    # --- AsylbLG ----------------------------------------------------------------------
    def scopes(self) -> tuple[Scope | None, ...]:
        """Per status: its § 1 Abs. 1 AsylbLG scope (§3.1.1), None if outside."""
        if self._scopes is not None:
            return self._scopes
        self._scopes = tuple(
            [
                _ALWAYS if code in ASYLBLG_ALWAYS else self._scope(i, self.starts[i], code)
                for i, code in enumerate(self.codes)
            ]
        )
        return self._scopes

    def _scope(self, i: int, start: date, code: str) -> Scope | None:
        """The scope of a status not always within the AsylbLG (see :data:`_ALWAYS`)."""
        if code == "temporary_protection":
            for seg_start, seg_end, row in self.params.asylblg_temporary_protection.segments():
                if seg_end is not None and seg_end <= start:
                    continue
                if row is None or not row.value:
                    stop = max(seg_start, start)
                    ref = None if row is None else row.ref
                    return None if stop == start else Scope(stop, True, ref)
            return Scope(None, True, None)
        if code == "humanitarian_25_5":
            row25 = _only(self.params.asylblg_25_5_months, start)
            first_duldung = next(
                (s for s, c in zip(self.starts[:i], self.codes[:i], strict=True) if c in DULDUNG),
                start,
            )
            stop = add_months(first_duldung, row25.value)
            return None if stop <= start else Scope(stop, False, row25.ref)
        return None

    def periods(self) -> tuple[tuple[date, date | None], ...]:
        """Periods of AsylbLG benefits ``[start, end)`` incl. the month-end run-out of
        § 1 Abs. 3 AsylbLG (§3.1.3); ``end`` None = still open."""
        if self._periods is None:
            if ASYLBLG_ALWAYS.issuperset(self.codes):  # the common case: one open period
                self._scopes = (_ALWAYS,) * self.count
                self._periods = ((self.starts[0], None),)
                return self._periods
            periods: list[tuple[date, date | None]] = []
            scopes = self.scopes()
            n = len(self.starts)
            for i, scope in enumerate(scopes):
                if scope is None:
                    continue
                start = self.starts[i]
                following = self.starts[i + 1] if i + 1 < n else None
                stop = _earliest(following, scope.stop)
                if stop is not None and stop <= start:
                    continue
                if stop is None:
                    end: date | None = None
                elif scope.direct and stop == scope.stop:
                    end = stop
                else:
                    end = first_of_next_month(stop)
                if periods and start <= (periods[-1][1] or date.max):
                    last_start, last_end = periods[-1]
                    longer = None if end is None or last_end is None else max(end, last_end)
                    periods[-1] = (last_start, longer)
                else:
                    periods.append((start, end))
            self._periods = tuple(periods)
        return self._periods

    def benefit_period(self, at: At) -> tuple[date, date | None] | None:
        """The AsylbLG benefit period containing ``at.d``, if any."""
        periods = self._periods if self._periods is not None else self.periods()
        d = at.d
        for start, end in periods:
            # `at.reached` inlined: this is the engine's hottest loop
            if d < start:
                if start < at.until:
                    at.until = start
                return None
            if end is None:
                return start, end
            if d < end:
                if end < at.until:
                    at.until = end
                return start, end
        return None

    def first_analog(self) -> date | None:
        """First day of analogue benefits for the grandfathering of §3.1.2: the given
        ``analog_benefits_since``, else :meth:`computed_first_analog`."""
        given = self.person.analog_benefits_since
        return given if given is not None else self.computed_first_analog()

    def computed_first_analog(self) -> date | None:
        """The first AsylbLG day on which the waiting period in force that day was over."""
        if self._computed_analog is None:
            self._computed_analog = (self._first_analog_day(),)
        return self._computed_analog[0]

    def _first_analog_day(self) -> date | None:
        periods = self.periods()
        if not periods:
            return None
        for seg_start, seg_end, row in self.params.asylblg_waiting.segments():
            if row is None or (seg_end is not None and seg_end <= periods[0][0]):
                continue
            low = max(seg_start, self.stay(row.value.months))
            for start, end in periods:
                lo = max(low, start)
                hi = _earliest(seg_end, end)
                if hi is None or lo < hi:
                    return lo
        return None


def _earliest(a: date | None, b: date | None) -> date | None:
    """The earlier of two dates where None means 'open ended'."""
    if a is None:
        return b
    if b is None:
        return a
    return a if a < b else b


def _only(table: Table[V], d: date) -> Row[V]:
    row = table.on(d)
    if row is None:
        raise LookupError(f"{table.name}: no row for {d}")
    return row
