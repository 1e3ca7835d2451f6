"""Every legal basis the rules engine can produce reads German on German pages (issue 13
item 7): the engine writes its explanations from codes (kim.rules.reasons), kim renders
them through gettext (kim.people.decision_labels.basis_label)."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from pathlib import Path

import pytest
from django.utils import translation

from kim.people.decision_labels import REASON_LABELS, basis_label
from kim.rules import DEFAULT_PARAMS, STATUS_CODES, evaluate
from kim.rules.reasons import REASONS, parts, reason
from kim.rules.tables import Table

SCENARIOS = Path(__file__).resolve().parents[2].parent / "shared/scenarios/rules/public.json"
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
# Every English word of the engine's explanations, less the ones German shares.
SHARED = {"status", "bamf", "eu", "duldung", "abs", "aufenthg", "german", "fehlbeleger"}
ENGLISH = {w for text in REASONS.values() for w in re.findall(r"[a-z]{2,}", text.lower())} - SHARED
# and the small words of any English phrase ("German" alone is English: "deutsche")
ENGLISH |= {"german", "the", "of", "with", "and", "for", "to", "by", "is", "not", "no", "at",
            "under", "before", "after", "rule", "law", "practice", "own", "flat", "residents"}
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")

AS_OF = ("2013-06-01", "2015-01-01", "2016-03-01", "2019-10-01", "2024-01-15", "2026-06-01",
         "2029-12-01")
BIRTHS = ("1950-01-01", "1990-03-01", "2008-05-01", "2010-09-15", "2013-03-01", "2016-02-01",
          "2021-07-01")
CITIZENSHIPS = (["SY"], ["AL"], ["GE"], ["FR"], ["NG"])


def _facts(as_of: str, code: str, birth: str, cit: list[str], exception: bool) -> dict:
    start = "2012-11-01" if as_of < "2016" else "2016-02-01"
    history = [{"code": "gestattung", "from": "2012-06-01"}] if code != "gestattung" else []
    return {"as_of": as_of, "person": {
        "birth_date": birth, "citizenships": cit, "entry_date": "2012-05-01",
        "asylum_application_date": "2012-06-01", "assignment_date": None,
        "lives_in_reception_centre": cit == ["NG"], "unaccompanied_minor": False,
        "analog_benefits_since": None, "residence_obligation_exception": exception,
        "statuses": [*history, {"code": code, "from": start if code != "gestattung"
                                else "2012-06-01"}]}}


def _bases(decisions: dict) -> set[str]:
    found = set()
    for value in [*decisions.values(), *decisions.get("explanations", {}).values()]:
        if isinstance(value, dict):
            found.add(value.get("basis") or "")
            if isinstance(value.get("note"), dict):
                found.add(value["note"]["basis"])
    return found - {""}


@pytest.fixture(scope="module")
def every_basis() -> set[str]:
    """Bases over a grid of facts, the public scenarios, every parameter row and a local
    good-prospect list (as kim.people.domain.params writes it)."""
    found: set[str] = set()
    for as_of, code, birth, cit in itertools.product(AS_OF, STATUS_CODES, BIRTHS,
                                                      CITIZENSHIPS):
        if birth < as_of:
            found |= _bases(evaluate(_facts(as_of, code, birth, cit, exception=False)))
    found |= _bases(evaluate(_facts("2017-06-01", "refugee", "1990-03-01", ["SY"], True)))
    for code in ("gestattung", "duldung"):  # the first months of a procedure / a Duldung
        recent = {"as_of": "2024-02-01", "person": {
            "birth_date": "1990-03-01", "citizenships": ["SY"],
            "statuses": [{"code": code, "from": "2024-01-10"}]}}
        found |= _bases(evaluate(recent))
    # a municipality's own tables may leave a day without a row
    gap = dataclasses.replace(DEFAULT_PARAMS, housing_own_flat=Table("housing.own_flat", []))
    found |= _bases(evaluate(_facts("2024-01-15", "refugee", "1990-03-01", ["SY"], False),
                             params=gap))
    if SCENARIOS.exists():
        for scenario in json.loads(SCENARIOS.read_text(encoding="utf-8")):
            found |= _bases(evaluate(scenario["facts"]))
    for field in dataclasses.fields(DEFAULT_PARAMS):
        value = getattr(DEFAULT_PARAMS, field.name)
        tables = value.values() if not isinstance(value, Table) else [value]
        found |= {row.basis for table in tables for row in table}
    found.add(f"[Herne] 2.2; {reason('local_list', name='Soest')}")
    return found


def _english(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if w.lower() in ENGLISH]


def test_every_basis_renders_german_without_english_or_codes(every_basis):
    with translation.override("de"):
        bad = {basis: basis_label(basis) for basis in every_basis
               if _english(basis_label(basis)) or SNAKE.search(basis_label(basis))}
    assert bad == {}
    assert len(every_basis) > 60  # the grid reaches the engine's many outcomes


def test_the_grid_reaches_every_explanation(every_basis):
    seen = {part[0] for basis in every_basis for part in parts(basis) if isinstance(part, tuple)}
    assert seen == set(REASONS)


def test_rendering_keeps_citations_and_parameters():
    basis = f"§ 12a Abs. 1 AufenthG ({reason('years_elapsed', years=3)})"
    assert basis == "§ 12a Abs. 1 AufenthG (3 years elapsed)"
    with translation.override("de"):
        assert basis_label(basis) == "§ 12a Abs. 1 AufenthG (3 Jahre abgelaufen)"
        assert basis_label("§ 2 Abs. 1 AsylbLG (G. v. 10.12.2014; earlier law out of scope, "
                           "rule of 01.03.2015 applied)") == (
            "§ 2 Abs. 1 AsylbLG (G. v. 10.12.2014; früheres Recht nicht abgebildet, Regelung "
            "vom 01.03.2015 angewandt)")
        assert basis_label("[Herne] 2.2; local list of Bad Sassendorf") == (
            "[Herne] 2.2; eigene Liste von Bad Sassendorf")
    with translation.override("en"):
        assert basis_label(basis) == basis


def test_every_reason_has_a_label_with_the_same_parameters():
    assert set(REASON_LABELS) == set(REASONS)
    for code, template in REASONS.items():
        names = set(re.findall(r"\{(\w+)\}", template))
        assert set(re.findall(r"%\((\w+)\)s", str(REASON_LABELS[code]))) == names, code
        with translation.override("de"):
            german = str(REASON_LABELS[code])
        with translation.override("en"):
            english = str(REASON_LABELS[code])
        assert german != english, code
