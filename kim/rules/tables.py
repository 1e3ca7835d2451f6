"""Dated parameter rows, tables of them, and the evaluation point that records change dates.

A decision is computed at an :class:`At` point. Every comparison of the point's date with a
threshold, and every table lookup, goes through :class:`At`/:class:`Table`, which remember
the earliest later date at which the comparison or lookup would give another answer
(``At.until``). The outcome is therefore constant on ``[at.d, at.until)``, and the engine
finds the next possible change without guessing candidate dates (legal-rules.md §1,
``upcoming``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Generic, TypeVar

from .dates import ONE_DAY

V = TypeVar("V")

FOREVER = date.max


class At:
    """An evaluation date plus the horizon up to which everything looked at stays the same."""

    __slots__ = ("d", "until")

    def __init__(self, d: date) -> None:
        self.d = d
        self.until = FOREVER

    def reached(self, threshold: date | None) -> bool:
        """``d >= threshold`` (``None`` = never). Conditions only flip from False to True,
        so a threshold ahead of ``d`` is the date of a possible change."""
        if threshold is None:
            return False
        if self.d >= threshold:
            return True
        if threshold < self.until:
            self.until = threshold
        return False


@dataclass(frozen=True, slots=True)
class Row(Generic[V]):
    """One dated parameter: ``value`` applies from ``valid_from`` to ``valid_to`` inclusive
    (``None`` = open). ``unconfirmed`` marks the doc's (U) rows."""

    id: str
    valid_from: date | None
    valid_to: date | None
    value: V
    basis: str
    unconfirmed: bool = False
    # Parameter version reference shown with decisions, e.g. ``asylblg.waiting@2024-02-27``.
    ref: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ref", f"{self.id} (U)" if self.unconfirmed else self.id)


class Table(Generic[V]):
    """Non-overlapping rows, looked up by date with bisect; gaps answer ``None``."""

    __slots__ = ("name", "rows", "_bounds", "_next", "_slots", "_segments")

    def __init__(self, name: str, rows: Iterable[Row[V]]) -> None:
        self.name = name
        self.rows: tuple[Row[V], ...] = tuple(sorted(rows, key=lambda r: r.valid_from or date.min))
        bounds: list[date] = []
        slots: list[Row[V] | None] = [None]  # slots[0] applies before bounds[0]
        cursor: date | None = date.min  # end (exclusive) of the time line covered so far
        for row in self.rows:
            start = row.valid_from or date.min
            if cursor is None or start < cursor:
                raise ValueError(f"{name}: row {row.id} overlaps the previous row")
            if row.valid_to is not None and row.valid_to < start:
                raise ValueError(f"{name}: row {row.id} ends before it starts")
            if start > cursor > date.min:  # a gap between two rows
                bounds.append(cursor)
                slots.append(None)
            if start == date.min:
                slots[0] = row
            else:
                bounds.append(start)
                slots.append(row)
            cursor = None if row.valid_to is None else row.valid_to + ONE_DAY
        if cursor is not None and cursor > date.min:
            bounds.append(cursor)
            slots.append(None)
        # slots[i] applies from bounds[i-1] (inclusive) to bounds[i] (exclusive)
        self._bounds = tuple(bounds)
        self._next = (*bounds, FOREVER)  # _next[i]: end of slots[i] (FOREVER: never)
        self._slots = tuple(slots)
        starts = (date.min, *bounds)
        self._segments = tuple(
            (starts[i], bounds[i] if i < len(bounds) else None, row) for i, row in enumerate(slots)
        )

    def at(self, at: At) -> Row[V] | None:
        """The row in force at ``at.d``; records the next boundary on ``at``."""
        i = bisect_right(self._bounds, at.d)
        nxt = self._next[i]
        if nxt < at.until:
            at.until = nxt
        return self._slots[i]

    def on(self, d: date) -> Row[V] | None:
        """The row in force on ``d`` (no change tracking)."""
        return self._slots[bisect_right(self._bounds, d)]

    def overlaid(self, rows: Iterable[Row[V]]) -> Table[V]:
        """This table with ``rows`` in force within their own periods and this table's rows
        (shortened or split, same ids) outside them – e.g. a municipality's own
        good-prospect list for some years over the statutory one (legal-rules.md §3.8)."""
        local = sorted(rows, key=lambda r: r.valid_from or date.min)
        kept: list[Row[V]] = []
        for row in self.rows:
            pieces = [(row.valid_from or date.min, row.valid_to or date.max)]
            for own in local:
                first, last = own.valid_from or date.min, own.valid_to or date.max
                pieces = [
                    piece
                    for start, end in pieces
                    for piece in (
                        (start, min(end, first - ONE_DAY)) if first > date.min else None,
                        (max(start, last + ONE_DAY), end) if last < date.max else None,
                    )
                    if piece is not None and piece[0] <= piece[1]
                ]
            kept.extend(
                replace(
                    row,
                    valid_from=None if start == date.min else start,
                    valid_to=None if end == date.max else end,
                )
                for start, end in pieces
            )
        return Table(self.name, [*kept, *local])

    def segments(self) -> tuple[tuple[date, date | None, Row[V] | None], ...]:
        """``(start, end_exclusive, row)`` for the whole time line, gaps included."""
        return self._segments

    def __iter__(self) -> Iterator[Row[V]]:
        return iter(self.rows)
