"""The public scenarios (shared/scenarios/rules/public.json), compared like check_rules.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kim.rules import evaluate

SCENARIOS = (
    Path(__file__).resolve().parents[2].parent / "shared" / "scenarios" / "rules" / "public.json"
)


def _flatten(obj: Any, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    if isinstance(obj, dict):
        for key, value in obj.items():
            path = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict):
                out.update(_flatten(value, path))
            else:
                out[path] = value
    return out


def _scenarios() -> list[dict[str, Any]]:
    with SCENARIOS.open(encoding="utf-8") as handle:
        scenarios: list[dict[str, Any]] = json.load(handle)
    return scenarios


def test_all_thirteen_scenarios_are_there():
    assert len(_scenarios()) == 13


@pytest.mark.parametrize("scenario", _scenarios(), ids=lambda s: s["id"])
def test_public_scenario(scenario):
    result = evaluate(scenario["facts"])
    flat = _flatten(result)
    problems = [
        f"{key}: expected {want!r}, got {flat.get(key, '<missing>')!r}"
        for key, want in scenario.get("expect", {}).items()
        if flat.get(key, "<missing>") != want
    ]
    problems += [
        f"upcoming lacks {entry}"
        for entry in scenario.get("expect_upcoming", [])
        if entry not in result["upcoming"]
    ]
    assert problems == []
