"""Person import on kim's import framework (:mod:`kim.core.io`): every row is read and
validated as it streams, then all rows are written in one transaction or nothing.

Errors name the spreadsheet row (header = row 1), the column as headed in the file and
a translatable reason. Dates are checked like every other input path
(kim.people.models.plausibility) before anything is written, so the dry run reports what
the import would refuse. Probable duplicates are reported, never merged silently; a row
shows at most :data:`SHOWN_MATCHES` of them and counts the rest. Re-importing an
``external_id`` updates.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import IO, Any

from django.db import transaction
from django.utils import timezone

from kim.core.audit.writer import record_bulk
from kim.core.io.errors import CellError, gettext_noop
from kim.core.io.imports import Column, ImportSpec, Progress, Row, Validated, validate
from kim.core.io.reading import MB, Limits
from kim.core.models import Municipality
from kim.people.domain.duplicates import DuplicateIndex, Match
from kim.people.domain.names import PersonLike
from kim.people.domain.persons import chunks
from kim.people.importers.columns import COLUMNS
from kim.people.importers.writing import write_rows
from kim.people.models.fields import partial_date_text
from kim.people.models.plausibility import PERSON_DATES, person_date_errors, status_date_errors

WRITE_CHUNK = 5000  # rows written together (a household may span two parts)
SHOWN_MATCHES = 3  # probable duplicates listed per row; the rest are counted
LIMITS = Limits(max_rows=200_000, max_bytes=50 * MB, max_unpacked=400 * MB)
SPEC = ImportSpec(tuple(Column(c.key, c.german, required=c.required, parse=c.parse,
                               empty="error" if c.required else "omit") for c in COLUMNS),
                  limits=LIMITS)


@dataclass
class ImportResult:
    rows: int = 0
    errors: list[CellError] = field(default_factory=list)
    duplicates: list[tuple[int, Match]] = field(default_factory=list)
    more_duplicates: dict[int, int] = field(default_factory=dict)  # row -> not listed
    created: int = 0
    updated: int = 0
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def duplicates_lines(self) -> list[tuple[int, Match | None, int]]:
        """``(row, match, 0)`` per listed pair and ``(row, None, n)`` after a row's list
        when n more were found – in row order, for the page and the command."""
        lines: list[tuple[int, Match | None, int]] = []
        for index, (row, match) in enumerate(self.duplicates):
            lines.append((row, match, 0))
            last = index + 1 == len(self.duplicates) or self.duplicates[index + 1][0] != row
            if last and self.more_duplicates.get(row):
                lines.append((row, None, self.more_duplicates[row]))
        return lines


def _row_check(line: int, values: Mapping[str, Any], result: Validated) -> None:
    """Rules between the columns of a row (the framework checked each cell)."""
    if "legal_status" in values and "legal_status_since" not in values:
        result.error(line, "legal_status_since",
                     gettext_noop("required when legal_status is given"))
    if "household_role" in values and "household_ref" not in values:
        result.error(line, "household_ref",
                     gettext_noop("required when household_role is given"))


def _cross_checks(result: Validated) -> None:
    """Rules between rows."""
    ids = Counter(r.values["external_id"] for r in result.rows)
    heads = Counter(r.values["household_ref"] for r in result.rows
                    if r.values.get("household_role") == "head" and r.values.get("household_ref"))
    for row in result.rows:
        if ids[row.values["external_id"]] > 1:
            result.error(row.line, "external_id",
                         gettext_noop("appears more than once in the file"))
        ref = row.values.get("household_ref")
        if row.values.get("household_role") == "head" and heads[ref] > 1:
            result.error(row.line, "household_role",
                         gettext_noop("household %(ref)r has more than one head"), ref=ref)


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


def _date_checks(municipality: Municipality, validated: Validated,
                 today: datetime.date) -> None:
    """Plausible dates (kim.people.models.plausibility, the check every input path runs):
    a row's values merged into the stored person it updates. An error about a stored
    value the row does not give is reported at the birth date that conflicts with it."""
    stored = _stored_dates(municipality, [r.values["external_id"] for r in validated.rows])
    for row in validated.rows:
        values = row.values
        old = stored.get(values["external_id"], {})
        birth = values["birth_date"][0]
        problems = person_date_errors(birth, {f: values.get(f, old.get(f)) for f in PERSON_DATES},
                                      today, first_status=old.get("first_status"))
        for name, messages in problems.items():
            column = name if name in values else "birth_date"
            for message in messages:
                validated.error(row.line, column, str(message))
        if "legal_status_since" in values:
            known_birth = None if "birth_date" in problems else birth
            for messages in status_date_errors(values["legal_status_since"], None, known_birth,
                                               today).values():
                for message in messages:
                    validated.error(row.line, "legal_status_since", str(message))


def _duplicates(municipality: Municipality, rows: list[Row], known_ids: dict[str, int],
                result: ImportResult) -> None:
    probes = [PersonLike(r.values["family_name"], r.values["given_names"],
                         partial_date_text(*r.values["birth_date"]), r.values["sex"])
              for r in rows]
    # Only the stored persons that can match a row are loaded (token index), not all.
    index = DuplicateIndex.for_probes(municipality, probes)
    for row, probe in zip(rows, probes, strict=True):
        matches = index.matches(probe, exclude_id=known_ids.get(row.values["external_id"]))
        shown = matches[:SHOWN_MATCHES]
        result.duplicates += [(row.line, match) for match in shown]
        # an entry standing for n identical rows of the file is listed once
        more = sum(m.count for m in matches[SHOWN_MATCHES:]) + sum(m.count - 1 for m in shown)
        if more:
            result.more_duplicates[row.line] = more
        index.add_probe(-row.line, probe)  # rows of the file are compared with each other too


def import_persons(municipality: Municipality, stream: IO[bytes] | bytes, filename: str, *,
                   dry_run: bool = False, today: datetime.date | None = None,
                   progress: Progress | None = None) -> ImportResult:
    """Validate the whole file; unless ``dry_run`` or any error, write it in one transaction.

    Must run inside the municipality's scope.
    """
    from kim.people.models import Person

    validated = validate(SPEC, stream, filename, row_check=_row_check, check=_cross_checks,
                         progress=progress)
    today = today or timezone.localdate()
    _date_checks(municipality, validated, today)
    result = ImportResult(rows=validated.lines, errors=validated.errors)
    if result.errors:
        return result
    rows = validated.rows
    del validated  # the rows are all that is needed from here on
    external_ids = [r.values["external_id"] for r in rows]
    known_ids = {key: pk for part in chunks(external_ids) for key, pk in Person.objects.filter(
        municipality=municipality, external_id__in=part).exclude(external_id="").order_by()
        .values_list("external_id", "pk")}  # exclude, no order: the unique index is used
    _duplicates(municipality, rows, known_ids, result)
    result.updated = sum(1 for key in external_ids if key in known_ids)
    result.created = len(rows) - result.updated
    if dry_run:
        return result
    with transaction.atomic():
        # in parts: only one part's model instances are in memory at a time
        for start in range(0, len(rows), WRITE_CHUNK):
            write_rows(municipality, [r.values for r in rows[start:start + WRITE_CHUNK]],
                       today)
        record_bulk(Person, len(rows), f"import {filename}: {result.created} created, "
                    f"{result.updated} updated", municipality_id=municipality.pk)
    result.written = True
    return result

