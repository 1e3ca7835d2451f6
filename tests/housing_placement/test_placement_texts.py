"""Every reason code the core can emit has an English text that renders with its params."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kim.housing import placement, waiting
from kim.housing.placement import REASON_TEXTS, VALUE_TEXTS, Reason, render
from kim.housing.waiting import CRITERIA, CRITERION_LABELS, WAITING_TEXTS

EMITTED = re.compile(r'Reason\(\s*"(\w+)"')


def _codes(package) -> set[str]:
    return {
        code
        for path in Path(package.__file__).parent.glob("*.py")
        for code in EMITTED.findall(path.read_text())
    }


def test_every_emitted_code_has_a_text():
    assert _codes(placement) <= set(REASON_TEXTS)
    assert _codes(waiting) <= set(WAITING_TEXTS)
    assert set(CRITERION_LABELS) == set(CRITERIA)


@pytest.mark.parametrize(
    ("reason", "text"),
    [
        (Reason("near", {"what": "kita"}), "Close to: day care centre (Kita)."),
        (Reason("near", {"what": "mosque"}), "Close to: mosque."),
        (
            Reason("language_neighbours", {"languages": ["ar", "fa"]}),
            "Neighbours who speak ar, fa.",
        ),
        (
            Reason("outside_phase1", {"phase": "flat"}),
            "Placed in a rented flat although Phase I is the usual first stop.",
        ),
        (
            Reason("excluded_target_use", {"use": "single_men", "composition": "family"}),
            "The target use single men does not take families.",
        ),
    ],
)
def test_render(reason, text):
    assert render(reason) == text


def test_render_translates_template_and_values():
    german = {"Close to: %(what)s.": "In der Nähe: %(what)s.", "school": "Schule"}
    assert render(Reason("near", {"what": "school"}), german.get) == "In der Nähe: Schule."
    tie = Reason("tie_key", {"position": 3})
    assert "position 3" in render(tie, texts=WAITING_TEXTS)


def test_value_texts_cover_the_enumerations():
    assert set(VALUE_TEXTS["use"]) == set(placement.types.TARGET_USES)
    assert set(VALUE_TEXTS["composition"]) == set(placement.types.COMPOSITIONS)


def test_list_values_are_named_too_and_unknown_values_go_to_describe():
    names = {"ar": "Arabic"}.get
    reason = Reason("language_neighbours", {"languages": ["ar", "fa"]})
    assert render(reason, describe=lambda _n, v: names(v, v)) == (
        "Neighbours who speak Arabic, fa.")
    listed = Reason("near", {"what": ["school", "kita"]})
    assert render(listed) == "Close to: school, day care centre (Kita)."
