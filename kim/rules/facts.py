"""Facts input: validation and parsing into immutable values (legal-rules.md §2.1).

Every problem raises :class:`FactsError` naming the field path, e.g.
``person.statuses[1].from: not a date 'YYYY-MM-DD': '2024-13-01'``. Unknown keys are
ignored (forward compatible); missing optional fields mean ``null``/``false``. Paths are
only built on error: parsing is on the engine's hot path.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

from .codes import STATUS_SET
from .countries import CITIZENSHIP_CODES
from .dates import DateFormatError, date_or_none, parse_date, parse_partial_date


class FactsError(ValueError):
    """Invalid facts. ``path`` is the dotted field path ('' for the facts object itself)."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path or 'facts'}: {problem}")

    def located(self, prefix: str) -> str:
        """The message with the facts object's own location, e.g. ``facts[3]``."""
        return f"{prefix}.{self.path}: {self.problem}" if self.path else f"{prefix}: {self.problem}"


class Person(NamedTuple):
    birth_date: date
    birth_precision: str  # "year", "month" or "day"
    citizenships: tuple[str, ...]
    entry_date: date | None
    asylum_application_date: date | None
    assignment_date: date | None
    lives_in_reception_centre: bool
    unaccompanied_minor: bool
    analog_benefits_since: date | None
    residence_obligation_exception: bool
    status_starts: tuple[date, ...]
    status_codes: tuple[str, ...]


class Facts(NamedTuple):
    as_of: date
    person: Person


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    return {dict: "object", list: "list", str: "string", bool: "boolean"}.get(
        type(value), type(value).__name__
    )


def _not_object(value: object, path: str) -> FactsError:
    if value is None and path:
        return FactsError(path, "required")
    return FactsError(path, f"expected an object, got {_type_name(value)}")


def _bad_date(value: object, path: str) -> FactsError:
    if value is None:
        return FactsError(path, "required")
    try:
        parse_date(value)
    except DateFormatError as exc:
        return FactsError(path, str(exc))
    return FactsError(path, f"not a date 'YYYY-MM-DD': {value!r}")  # pragma: no cover


def _optional_date(person: Mapping[str, object], key: str) -> date | None:
    value = person.get(key)
    if value is None:
        return None
    parsed = date_or_none(value)
    if parsed is None:
        raise _bad_date(value, f"person.{key}")
    return parsed


def _flag(person: Mapping[str, object], key: str) -> bool:
    value = person.get(key)
    if value is None or value is False:
        return False
    if value is True:
        return True
    raise FactsError(f"person.{key}", f"expected true or false: {value!r}")


def _citizenships(value: object) -> tuple[str, ...]:
    if type(value) is not list or not value:
        if value is None:
            raise FactsError("person.citizenships", "required")
        raise FactsError(
            "person.citizenships",
            "expected a non-empty list of ISO 3166-1 alpha-2 codes ('XX' for stateless/unknown)",
        )
    for i, code in enumerate(value):
        if type(code) is not str or code not in CITIZENSHIP_CODES:
            raise FactsError(
                f"person.citizenships[{i}]", f"not an ISO 3166-1 alpha-2 code or 'XX': {code!r}"
            )
    return tuple(value)


def _statuses(value: object) -> tuple[tuple[date, ...], tuple[str, ...]]:
    if type(value) is not list or not value:
        if value is None:
            raise FactsError("person.statuses", "required")
        raise FactsError("person.statuses", "expected a non-empty list of statuses")
    starts: list[date] = []
    codes: list[str] = []
    previous = date.min
    for i, item in enumerate(value):
        if type(item) is not dict and not isinstance(item, Mapping):
            raise _not_object(item, f"person.statuses[{i}]")
        code = item.get("code")
        if type(code) is not str or code not in STATUS_SET:
            if code is None:
                raise FactsError(f"person.statuses[{i}].code", "required")
            raise FactsError(f"person.statuses[{i}].code", f"unknown status code: {code!r}")
        raw_start = item.get("from")
        start = date_or_none(raw_start)
        if start is None:
            raise _bad_date(raw_start, f"person.statuses[{i}].from")
        if start < previous:
            raise FactsError(
                f"person.statuses[{i}].from",
                f"before the previous status's start {previous.isoformat()}: {raw_start!r}",
            )
        starts.append(start)
        codes.append(code)
        previous = start
    return tuple(starts), tuple(codes)


def parse_facts(raw: object) -> Facts:
    """Validate one facts object (§2.1) and return it parsed."""
    if type(raw) is not dict and not isinstance(raw, Mapping):
        raise _not_object(raw, "")
    raw_as_of = raw.get("as_of")
    as_of = date_or_none(raw_as_of)
    if as_of is None:
        raise _bad_date(raw_as_of, "as_of")
    person = parse_person(raw.get("person"))
    if person.birth_date > as_of:
        raw_birth = raw["person"].get("birth_date")
        raise FactsError("person.birth_date", f"after as_of {as_of.isoformat()}: {raw_birth!r}")
    first = person.status_starts[0]
    if as_of < first:
        raise FactsError("as_of", f"before the first status ({first.isoformat()}): {raw_as_of!r}")
    return Facts(as_of, person)


def parse_person(person: object) -> Person:
    """Validate the ``person`` part of a facts object (§2.1) on its own – for a time line
    over many dates (:func:`kim.rules.timeline.timeline`), which has no single ``as_of``."""
    if type(person) is not dict and not isinstance(person, Mapping):
        raise _not_object(person, "person")

    raw_birth = person.get("birth_date")
    birth = date_or_none(raw_birth)  # usually a full date; else YYYY or YYYY-MM
    precision = "day"
    if birth is None:
        if raw_birth is None:
            raise FactsError("person.birth_date", "required")
        try:
            birth, precision = parse_partial_date(raw_birth)
        except DateFormatError as exc:
            raise FactsError("person.birth_date", str(exc)) from None

    citizenships = _citizenships(person.get("citizenships"))
    entry = _optional_date(person, "entry_date")
    application = _optional_date(person, "asylum_application_date")
    assignment = _optional_date(person, "assignment_date")
    analog_since = _optional_date(person, "analog_benefits_since")
    in_centre = _flag(person, "lives_in_reception_centre")
    minor = _flag(person, "unaccompanied_minor")
    exception = _flag(person, "residence_obligation_exception")
    starts, codes = _statuses(person.get("statuses"))
    return Person(
        birth,
        precision,
        citizenships,
        entry,
        application,
        assignment,
        in_centre,
        minor,
        analog_since,
        exception,
        starts,
        codes,
    )
