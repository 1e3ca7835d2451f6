"""Person import: validate every row first; write all rows in one transaction or nothing.

Errors name the spreadsheet row (header = row 1), the column and the reason. Dates are
checked like every other input path (kim.people.models.plausibility) before anything is
written, so the dry run reports what the import would refuse. Probable
duplicates are reported, never merged silently. Re-importing an ``external_id`` updates.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from django.db import transaction
from django.utils import timezone

from kim.core.audit.writer import record_bulk
from kim.core.models import Municipality
from kim.people.domain.duplicates import DuplicateIndex, Match
from kim.people.domain.names import PersonLike
from kim.people.domain.persons import chunks
from kim.people.importers.columns import CellError, map_headers
from kim.people.importers.reading import FileFormatError, read_table
from kim.people.importers.writing import write_rows
from kim.people.models.fields import partial_date_text
from kim.people.models.plausibility import PERSON_DATES, person_date_errors, status_date_errors


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    duplicates: list[tuple[int, Match]] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def _parse_row(cells: list[str], line: int, mapping: dict[int, Any],
               errors: list[RowError]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for index, column in mapping.items():
        raw = cells[index].strip() if index < len(cells) and cells[index] else ""
        if not raw:
            if column.required:
                errors.append(RowError(line, column.key, "required value is missing"))
            continue
        try:
            values[column.key] = column.parse(raw)
        except CellError as exc:
            errors.append(RowError(line, column.key, str(exc)))
    if "legal_status" in values and "legal_status_since" not in values:
        errors.append(RowError(line, "legal_status_since", "required when legal_status is given"))
    if "household_role" in values and "household_ref" not in values:
        errors.append(RowError(line, "household_ref", "required when household_role is given"))
    return values


def _cross_checks(parsed: list[tuple[int, dict[str, Any]]], errors: list[RowError]) -> None:
    ids = Counter(v.get("external_id") for _, v in parsed if v.get("external_id"))
    for line, values in parsed:
        if ids.get(values.get("external_id"), 0) > 1:
            errors.append(RowError(line, "external_id", "appears more than once in the file"))
    heads = Counter(v["household_ref"] for _, v in parsed
                    if v.get("household_role") == "head" and v.get("household_ref"))
    for line, values in parsed:
        ref = values.get("household_ref")
        if values.get("household_role") == "head" and heads[ref] > 1:
            errors.append(RowError(line, "household_role",
                                   f"household {ref!r} has more than one head"))


def _stored_dates(municipality: Municipality,
                  external_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The dates of the persons the file updates, with the start of each one's earliest
    status – what a row's new values must fit (two queries per CHUNK ids)."""
    from kim.people.models import LegalStatus, Person

    stored: dict[str, dict[str, Any]] = {}
    for part in chunks(external_ids):
        rows = (Person.objects.filter(municipality=municipality, external_id__in=part)
                .exclude(external_id="").order_by().values("pk", "external_id", *PERSON_DATES))
        by_pk = {row["pk"]: row for row in rows}
        for row in by_pk.values():
            stored[row["external_id"]] = row
        for person_id, start in (LegalStatus.objects.filter(person_id__in=list(by_pk))
                                 .order_by("person_id", "-valid_from")
                                 .values_list("person_id", "valid_from")):
            by_pk[person_id]["first_status"] = start  # the earliest comes last
    return stored


def _date_checks(municipality: Municipality, parsed: list[tuple[int, dict[str, Any]]],
                 errors: list[RowError], today: datetime.date) -> None:
    """Plausible dates (kim.people.models.plausibility, the check every input path runs):
    a row's values merged into the stored person it updates. An error about a stored
    value the row does not give is reported at the birth date that conflicts with it."""
    stored = _stored_dates(municipality, [v["external_id"] for _, v in parsed])
    for line, values in parsed:
        old = stored.get(values["external_id"], {})
        birth = values["birth_date"][0]
        problems = person_date_errors(birth, {f: values.get(f, old.get(f)) for f in PERSON_DATES},
                                      today, first_status=old.get("first_status"))
        for name, messages in problems.items():
            column = name if name in values else "birth_date"
            errors += [RowError(line, column, message) for message in messages]
        if "legal_status_since" in values:
            known_birth = None if "birth_date" in problems else birth
            for messages in status_date_errors(values["legal_status_since"], None, known_birth,
                                               today).values():
                errors += [RowError(line, "legal_status_since", m) for m in messages]


def _duplicates(municipality: Municipality, parsed: list[tuple[int, dict[str, Any]]],
                known_ids: dict[str, int]) -> list[tuple[int, Match]]:
    probes = [PersonLike(v["family_name"], v["given_names"], partial_date_text(*v["birth_date"]),
                         v["sex"]) for _, v in parsed]
    # Only the stored persons that can match a row are loaded (token index), not all.
    index = DuplicateIndex.for_probes(municipality, probes)
    found = []
    for (line, values), probe in zip(parsed, probes, strict=True):
        exclude = known_ids.get(values["external_id"])
        found += [(line, match) for match in index.matches(probe, exclude_id=exclude)]
        index.add_probe(-line, probe)  # rows of the file are compared with each other too
    return found


def import_persons(municipality: Municipality, stream: BinaryIO, filename: str, *,
                   dry_run: bool = False, today: datetime.date | None = None) -> ImportResult:
    """Validate the whole file; unless ``dry_run`` or any error, write it in one transaction.

    Must run inside the municipality's scope.
    """
    from kim.people.models import Person

    result = ImportResult()
    try:
        table = read_table(stream, filename)
    except FileFormatError as exc:
        result.errors.append(RowError(0, "", str(exc)))
        return result
    mapping, problems = map_headers(table.headers)
    result.errors += [RowError(1, "", p) for p in problems]
    if problems:
        return result
    parsed = []
    for offset, cells in enumerate(table.rows):
        if not any(c.strip() for c in cells if c):
            continue
        line = offset + 2
        errors_before = len(result.errors)
        values = _parse_row(cells, line, mapping, result.errors)
        if len(result.errors) == errors_before:
            parsed.append((line, values))
    result.rows = len(parsed) + len({e.row for e in result.errors if e.row > 1})
    _cross_checks(parsed, result.errors)
    today = today or timezone.localdate()
    _date_checks(municipality, parsed, result.errors, today)
    if result.errors:
        result.errors.sort(key=lambda e: (e.row, e.column))
        return result
    external_ids = [v["external_id"] for _, v in parsed]
    known_ids = {key: pk for part in chunks(external_ids) for key, pk in Person.objects.filter(
        municipality=municipality, external_id__in=part).exclude(external_id="").order_by()
        .values_list("external_id", "pk")}  # exclude, no order: the unique index is used
    result.duplicates = _duplicates(municipality, parsed, known_ids)
    result.updated = sum(1 for _, v in parsed if v["external_id"] in known_ids)
    result.created = len(parsed) - result.updated
    if dry_run:
        return result
    with transaction.atomic():
        write_rows(municipality, [v for _, v in parsed], today)
        record_bulk(Person, len(parsed), f"import {filename}: {result.created} created, "
                    f"{result.updated} updated", municipality_id=municipality.pk)
    result.written = True
    return result
