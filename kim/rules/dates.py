"""Date helpers: strict parsing of contract dates and calendar arithmetic (legal-rules.md §2.1).

All periods of the rules are computed here so that month-end and leap-day handling is
decided in one place:

* ``add_months`` clamps to the last day of a shorter month (31.08. + 6 months = 28./29.02.).
* ``month_start``/``month_end``/``months_between`` work on calendar months (report
  reference dates, monthly statistics, forecasts); no other module of kim does month or
  year arithmetic of its own.
* ``reach_age`` implements German age counting (§ 187 Abs. 2, § 188 Abs. 2/3 BGB): a person
  reaches an age at the start of the birthday; someone born on 29.02. reaches it on 01.03.
  in a common year (likewise 31.01. + 1 month: 01.03.).
"""

from __future__ import annotations

from datetime import date, timedelta

ONE_DAY = timedelta(days=1)
MIN_YEAR = 1900
MAX_YEAR = 2199

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class DateFormatError(ValueError):
    """A value is not a date of the expected shape; the message names the expected shape."""


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2 and _is_leap(year):
        return 29
    return _MONTH_DAYS[month - 1]


def _check_range(value: date, raw: object) -> date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise DateFormatError(f"date outside {MIN_YEAR}-{MAX_YEAR}: {raw!r}")
    return value


def date_or_none(raw: object) -> date | None:
    """A strict ``YYYY-MM-DD`` date within the supported years, else None (fast path)."""
    if type(raw) is str and len(raw) == 10 and raw[4] == "-" and raw[7] == "-":
        try:
            value = date.fromisoformat(raw)
        except ValueError:
            return None
        if MIN_YEAR <= value.year <= MAX_YEAR:
            return value
    return None


def parse_date(raw: object) -> date:
    """Parse a strict ``YYYY-MM-DD`` string (fromisoformat alone also accepts other ISO
    8601 forms such as ``20240101``)."""
    value = date_or_none(raw)
    if value is not None:
        return value
    if type(raw) is str and len(raw) == 10 and raw[4] == "-" and raw[7] == "-":
        try:
            _check_range(date.fromisoformat(raw), raw)
        except DateFormatError:
            raise
        except ValueError:
            pass
    raise DateFormatError(f"not a date 'YYYY-MM-DD': {raw!r}")


def parse_partial_date(raw: object) -> tuple[date, str]:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; missing parts become the 1st (registry
    convention, legal-rules.md §2.1). Returns the date and its precision (year/month/day)."""
    if isinstance(raw, str) and raw.isascii():
        if len(raw) == 10:
            try:
                return parse_date(raw), "day"
            except DateFormatError:
                pass
        elif len(raw) == 7 and raw[4] == "-" and raw[:4].isdigit() and raw[5:].isdigit():
            month = int(raw[5:])
            if 1 <= month <= 12:
                return _check_range(date(int(raw[:4]), month, 1), raw), "month"
        elif len(raw) == 4 and raw.isdigit() and int(raw) >= 1:
            return _check_range(date(int(raw), 1, 1), raw), "year"
    raise DateFormatError(f"not a date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD': {raw!r}")


def iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def add_months(value: date, months: int) -> date:
    """``value`` plus ``months`` calendar months, clamped to the end of a shorter month."""
    index = value.year * 12 + value.month - 1 + months
    year = index // 12
    month = index % 12 + 1
    day = value.day
    if day > 28:
        day = min(day, days_in_month(year, month))
    return date(year, month, day)


def add_years(value: date, years: int) -> date:
    """``add_months(value, 12 * years)``: only 29.02. needs clamping (to 28.02.)."""
    year = value.year + years
    if value.day == 29 and value.month == 2 and not _is_leap(year):
        return date(year, 2, 28)
    return date(year, value.month, value.day)


def first_of_next_month(value: date) -> date:
    """The day after the end of ``value``'s month (start of the next month)."""
    if value.month == 12:
        return date(value.year + 1, 1, 1)
    return date(value.year, value.month + 1, 1)


def month_start(value: date) -> date:
    """The first day of ``value``'s month."""
    return date(value.year, value.month, 1)


def month_end(value: date) -> date:
    """The last day of ``value``'s month (28./29.02., 30. or 31.)."""
    return date(value.year, value.month, days_in_month(value.year, value.month))


def months_between(start: date, end: date) -> int:
    """Whole calendar months from ``start``'s month to ``end``'s month (days ignored):
    ``add_months(month_start(start), n) == month_start(end)``."""
    return (end.year - start.year) * 12 + end.month - start.month


def reach_age(birth: date, months: int) -> date:
    """First day on which a person born on ``birth`` has completed ``months`` months of life.

    The period starts with the birthday (§ 187 Abs. 2 S. 2 BGB) and ends with the day before
    the corresponding day (§ 188 Abs. 2), so the age is reached on the corresponding day;
    if that day does not exist (born 29.02., 31.01., ...), the period ends with the month's
    last day (§ 188 Abs. 3) and the age is reached on the 1st of the next month.
    """
    index = birth.year * 12 + birth.month - 1 + months
    year, month0 = divmod(index, 12)
    if birth.day <= 28 or birth.day <= days_in_month(year, month0 + 1):
        return date(year, month0 + 1, birth.day)
    return first_of_next_month(date(year, month0 + 1, 1))
