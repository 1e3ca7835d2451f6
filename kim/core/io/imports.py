"""The import framework: a declared column spec, rows validated as a stream, then one
all-or-nothing write.

An importer is mostly a declaration::

    SPEC = ImportSpec(columns=(
        Column("ags", required=True, empty="parse", parse=cells.text(20)),
        Column("population", aliases=("Einwohner",), required=True, parse=cells.whole(1)),
    ), unique="ags")
    result = run_import(SPEC, upload, upload.name, write=store_rows, dry_run=False)

Every row is validated first (each error names row, column as headed in the file and a
translatable reason); only if no row has an error is ``write(rows)`` called, inside one
database transaction. ``row_check(line, values, result)`` runs for every row, also one
with errors (rules between columns: "a status needs its date"); ``check(result)`` runs
after all rows (rules between rows: "one head per household") and records more errors.
``progress(done, total)`` is called every ``PROGRESS_EVERY`` rows (total None when
unknown) for background jobs.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any, Literal

from kim.core.io import cells
from kim.core.io.errors import CellError, CellProblem, InputError, gettext_noop
from kim.core.io.reading import FORMATS, Limits, Sheet, open_sheet

PROGRESS_EVERY = 1000
Progress = Callable[[int, "int | None"], None]


@dataclass(frozen=True)
class Column:
    """One column: ``key`` (also its English header), other accepted headers, whether it
    must be present, what an empty cell means, and the parser of a filled one.

    ``empty``: "error" – a value is required; "omit" – the row has no such key;
    "parse" – the parser gets the empty text too (it decides). ``choices`` documents
    the allowed values (shown on the import page).
    """

    key: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    parse: cells.Parser = field(default_factory=cells.text)
    empty: Literal["error", "omit", "parse"] = "omit"
    choices: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.key, *self.aliases)


@dataclass(frozen=True)
class ImportSpec:
    columns: tuple[Column, ...]
    limits: Limits = Limits()
    formats: tuple[str, ...] = FORMATS
    unique: str | None = None  # a key that may appear only once in the file
    unknown_columns: bool = False  # True: columns not declared are ignored, else an error

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


_ABSENT = object()


class Values(Mapping[str, Any]):
    """A row's parsed values by column key, stored compactly as a tuple in column order
    (a dict per row costs ~650 bytes, which 100 000 rows feel)."""

    __slots__ = ("_index", "_cells")

    def __init__(self, index: Mapping[str, int], values: Mapping[str, Any]) -> None:
        self._index = index
        self._cells = tuple(values.get(key, _ABSENT) for key in index)

    def __getitem__(self, key: str) -> Any:
        value = self._cells[self._index[key]]
        if value is _ABSENT:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        position = self._index.get(key) if isinstance(key, str) else None
        return position is not None and self._cells[position] is not _ABSENT

    def __iter__(self) -> Iterator[str]:
        return (key for key, i in self._index.items() if self._cells[i] is not _ABSENT)

    def __len__(self) -> int:
        return sum(1 for value in self._cells if value is not _ABSENT)


@dataclass(slots=True)
class Row:
    """A valid row: ``values`` by column key; ``line`` as the spreadsheet shows it."""

    line: int
    values: Mapping[str, Any]


_IMMUTABLE = (str, int, float, bool, Decimal, datetime.date)


class _Memo:
    """Parsed values of repeated cell texts (dates, codes, countries), shared instead of
    parsed and stored again; given up for a column whose texts rarely repeat (names)."""

    TRIAL = 2000  # after this many cells: mostly distinct texts? Then no cache
    LIMIT = 50_000

    def __init__(self) -> None:
        self.cache: dict[str, Any] | None = {}
        self.lookups = 0

    def parse(self, column: Column, raw: str) -> Any:
        cache = self.cache
        if cache is None:
            return column.parse(raw)
        value = cache.get(raw, _ABSENT)
        if value is _ABSENT:
            value = column.parse(raw)
            if isinstance(value, _IMMUTABLE) or (
                    isinstance(value, tuple) and all(isinstance(v, _IMMUTABLE) for v in value)):
                cache[raw] = value
        self.lookups += 1
        if (self.lookups == self.TRIAL and len(cache) > self.TRIAL * 3 // 4) \
                or len(cache) > self.LIMIT:
            self.cache = None
        return value


@dataclass
class Validated:
    rows: list[Row] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # key -> header as in the file
    lines: int = 0  # non-empty data rows read

    def error(self, line: int, key: str, message: str, **params: Any) -> None:
        """Record an error for column ``key`` (named as the file heads it)."""
        self.errors.append(CellError(line, self.headers.get(key, key), message, params))

    @property
    def ok(self) -> bool:
        return not self.errors


def map_headers(spec: ImportSpec, headers: Sequence[str]
                ) -> tuple[dict[int, Column], dict[str, str], list[CellError]]:
    """Column index → Column, key → header as given, and the problems of the header row."""
    by_name = {name.strip().lower(): column for column in spec.columns
               for name in column.names}
    mapping: dict[int, Column] = {}
    given: dict[str, str] = {}
    problems: list[CellError] = []
    for index, header in enumerate(headers):
        if not header:
            continue
        column = by_name.get(header.strip().lower())
        if column is None:
            if not spec.unknown_columns:
                problems.append(CellError(1, header, gettext_noop("unknown column")))
        elif column.key in given:  # which one would be meant? Never guess.
            problems.append(CellError(1, header, gettext_noop("column appears twice")))
        else:
            mapping[index] = column
            given[column.key] = header
    problems += [CellError(1, c.key, gettext_noop("column is missing"))
                 for c in spec.columns if c.required and c.key not in given]
    return mapping, given, problems


RowCheck = Callable[[int, dict[str, Any], "Validated"], None]


def _parse_row(cells_: list[str], line: int, mapping: dict[int, Column],
               result: Validated, memos: dict[str, _Memo]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for index, column in mapping.items():
        raw = cells_[index] if index < len(cells_) else ""
        if not raw and column.empty != "parse":
            if column.empty == "error":
                result.error(line, column.key, gettext_noop("required value is missing"))
            continue
        try:
            values[column.key] = memos[column.key].parse(column, raw)
        except CellProblem as problem:
            result.error(line, column.key, problem.message, **problem.params)
        except ValueError as exc:  # a parser outside the framework: its text as it is
            result.error(line, column.key, str(exc))
    return values


def validate(spec: ImportSpec, source: IO[bytes] | bytes, filename: str, *,
             row_check: RowCheck | None = None,
             check: Callable[[Validated], None] | None = None,
             progress: Progress | None = None) -> Validated:
    """Read and validate every row as it streams; never raises for bad input."""
    result = Validated()
    try:
        sheet = open_sheet(source, filename, spec.limits, spec.formats)
        mapping, result.headers, problems = map_headers(spec, sheet.headers)
        if problems:
            result.errors += problems
            _close(sheet)
            return result
        _read_rows(spec, sheet, mapping, result, progress, row_check)
    except InputError as exc:
        result.errors += exc.errors
        return result
    if check is not None:
        check(result)
    result.errors.sort(key=lambda e: (e.row, e.column))
    return result


def _close(sheet: Sheet) -> None:
    close = getattr(sheet.rows, "close", None)
    if close is not None:
        close()


def _read_rows(spec: ImportSpec, sheet: Sheet, mapping: dict[int, Column],
               result: Validated, progress: Progress | None,
               row_check: RowCheck | None) -> None:
    seen: dict[Any, int] = {}
    memos = {column.key: _Memo() for column in mapping.values()}
    index = {column.key: i for i, column in enumerate(spec.columns)}
    for line, row_cells in sheet.rows:
        if not any(row_cells):
            continue
        result.lines += 1
        errors_before = len(result.errors)
        values = _parse_row(row_cells, line, mapping, result, memos)
        if row_check is not None:
            row_check(line, values, result)
        if len(result.errors) == errors_before:
            key = values.get(spec.unique) if spec.unique else None
            if key is not None and key in seen:
                result.error(line, spec.unique or "", gettext_noop(
                    "%(value)s appears twice (first in row %(first)s)"),
                    value=key, first=seen[key])
            else:
                if key is not None:
                    seen[key] = line
                result.rows.append(Row(line, Values(index, values)))
        if progress is not None and result.lines % PROGRESS_EVERY == 0:
            progress(result.lines, sheet.total)
    if progress is not None:
        progress(result.lines, sheet.total)


def atomic() -> Any:
    """Django's ``transaction.atomic()`` (imported here so the rest stays Django-free)."""
    return importlib.import_module("django.db.transaction").atomic()


@dataclass
class ImportResult:
    validated: Validated
    written: bool = False
    outcome: Any = None  # what ``write`` returned

    @property
    def ok(self) -> bool:
        return self.validated.ok

    @property
    def errors(self) -> list[CellError]:
        return self.validated.errors


def run_import(spec: ImportSpec, source: IO[bytes] | bytes, filename: str, *,
               write: Callable[[list[Row]], Any], dry_run: bool = False,
               row_check: RowCheck | None = None,
               check: Callable[[Validated], None] | None = None,
               progress: Progress | None = None) -> ImportResult:
    """Validate everything, then – unless ``dry_run`` or any error – ``write`` all rows in
    one transaction. An :class:`InputError` raised by ``write`` rolls back and is returned
    as the result's errors."""
    validated = validate(spec, source, filename, row_check=row_check, check=check,
                         progress=progress)
    result = ImportResult(validated)
    if not validated.ok or dry_run:
        return result
    try:
        with atomic():
            result.outcome = write(validated.rows)
    except InputError as exc:
        validated.errors += exc.errors
        return result
    result.written = True
    return result


def raise_errors(errors: Iterable[CellError]) -> None:
    """Raise :class:`InputError` if there are any errors."""
    errors = list(errors)
    if errors:
        raise InputError(errors)
