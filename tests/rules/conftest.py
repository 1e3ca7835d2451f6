"""Helpers for the rules-engine tests: build facts tersely, read decisions flat."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from kim.rules import evaluate

Status = tuple[str, str]


def build_facts(
    as_of: str,
    statuses: Sequence[Status],
    *,
    birth: str = "1990-03-01",
    cit: Sequence[str] = ("SY",),
    entry: str | None = None,
    applied: str | None = None,
    assigned: str | None = None,
    centre: bool = False,
    uma: bool = False,
    analog: str | None = None,
    exception: bool = False,
) -> dict[str, Any]:
    """Facts (legal-rules.md §2.1); entry defaults to the first status start, the
    application date to the first asylum_seeker/gestattung start."""
    procedure = [start for code, start in statuses if code in ("asylum_seeker", "gestattung")]
    return {
        "as_of": as_of,
        "person": {
            "birth_date": birth,
            "citizenships": list(cit),
            "entry_date": entry or statuses[0][1],
            "asylum_application_date": applied or (procedure[0] if procedure else None),
            "assignment_date": assigned,
            "lives_in_reception_centre": centre,
            "unaccompanied_minor": uma,
            "analog_benefits_since": analog,
            "residence_obligation_exception": exception,
            "statuses": [{"code": code, "from": start} for code, start in statuses],
        },
    }


def flatten(obj: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Dotted paths as in shared/scenarios/check_rules.py."""
    out: dict[str, Any] = {}
    for key, value in obj.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            out.update(flatten(value, path))
        else:
            out[path] = value
    return out


@pytest.fixture
def decide() -> Callable[..., dict[str, Any]]:
    """``decide(as_of, statuses, **facts)`` -> flat decisions (incl. ``upcoming``)."""

    def run(as_of: str, statuses: Sequence[Status], **kwargs: Any) -> dict[str, Any]:
        return flatten(evaluate(build_facts(as_of, statuses, **kwargs)))

    return run


@pytest.fixture
def facts() -> Callable[..., dict[str, Any]]:
    """``facts(as_of, statuses, **kwargs)`` -> a facts object."""
    return build_facts
