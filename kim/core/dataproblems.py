"""Data problems: records a page or a report had to leave out because their stored values
cannot be evaluated (e.g. a date written before kim checked dates, issue 10).

A reading computation that meets such a record calls :func:`report_problem` and goes on
without it; whoever shows the result has opened :func:`collecting` and lists what was
left out – every page through :class:`DataProblemsMiddleware` and the base template,
every report output through the report service (JSON key ``data_problems``), commands on
stderr. Where no collector is open nothing may be left out silently: ``report_problem``
raises the original error, so write paths fail loudly as before.

Apps describe their records themselves (label, field, message, page, permission); core
only collects and shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse


@dataclass(frozen=True)
class DataProblem:
    """One record left out. ``label`` and the link (``url_name`` with the kwargs
    ``municipality`` and ``pk``) are shown only to users holding ``permission``; everyone
    else sees how many records are missing."""

    model: str  # app_label.model, e.g. "people.person"
    object_id: int
    field: str  # the model field that holds the value, or "" when unknown
    message: str  # names the field, in the active language
    label: str = ""
    url_name: str = ""
    permission: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"model": self.model, "id": self.object_id, "field": self.field,
                "problem": self.message}


_active: ContextVar[list[DataProblem] | None] = ContextVar("kim_data_problems", default=None)


@contextmanager
def collecting() -> Iterator[list[DataProblem]]:
    """Collect the problems reported inside the block (each once); an enclosing collector
    receives them too."""
    outer = _active.get()
    problems: list[DataProblem] = []
    token = _active.set(problems)
    try:
        yield problems
    finally:
        _active.reset(token)
        if outer is not None:
            outer.extend(p for p in problems if p not in outer)


def report_problem(problem: DataProblem, error: Exception) -> None:
    """Leave the record out and say so – or raise ``error`` if nobody collects."""
    problems = _active.get()
    if problems is None:
        raise error
    if problem not in problems:
        problems.append(problem)


class DataProblemsMiddleware:
    """Every request collects; the base template lists what its page left out."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with collecting() as problems:
            request.data_problems = problems  # type: ignore[attr-defined]
            return self.get_response(request)


def context(request: HttpRequest) -> dict[str, Any]:
    """Context processor: ``data_problems`` of the request (filled while the view runs)."""
    return {"data_problems": getattr(request, "data_problems", [])}
