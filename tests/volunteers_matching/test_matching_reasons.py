"""Why a request stays unmatched, and the texts of every reason code (English, German)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from kim.volunteers.matching import REASON_TEXTS, VALUE_TEXTS, Reason, language_name, match, render

from .test_matching_solver import req, vol

ON = date(2026, 6, 1)
PO = Path(__file__).resolve().parents[2] / "kim" / "locale" / "de" / "LC_MESSAGES" / "django.po"


def reasons(volunteers, request):
    result = match(volunteers, [request], on=ON)
    assert result.matches == ()
    return result.unmatched[0].reasons


def test_no_volunteer_speaks_tigrinya():
    found = reasons([vol("a", ["ar"]), vol("b", ["fa"])], req("r", language="ti"))
    assert found == (Reason("no_language", {"language": "ti"}),)
    assert render(found[0]) == "No volunteer speaks Tigrinya."


def test_every_requirement_nobody_meets_is_named():
    found = reasons(
        [vol("a", ["ar"])],
        req(
            "r",
            language="ti",
            skill="Fahrrad",
            district="Ampen",
            slots={"sat"},
            involves_children=True,
        ),
    )
    assert [r.code for r in found] == ["no_language", "no_skill", "no_slot", "no_certificate"]
    assert render(found[2]) == "No volunteer is available at the requested time: sat."
    # "*" takes every district, so the district is not among them
    assert reasons([], req("r")) == (Reason("no_volunteers"),)
    assert reasons([vol("a")], req("r", slots=set())) == (Reason("no_request_slots"),)


def test_all_volunteers_with_the_skill_are_at_capacity():
    volunteers = [
        vol("a", skills={"Fahrrad"}, capacity=1, load=1),
        vol("b", skills={"Fahrrad"}, capacity=0),
        vol("c"),
    ]
    found = reasons(volunteers, req("r", skill="Fahrrad"))
    assert found == (Reason("all_at_capacity", {"count": 2}),)
    assert render(found[0]) == (
        "Every volunteer who meets the requirements is at capacity (volunteers: 2)."
    )


def test_suitable_volunteers_are_needed_for_other_requests():
    volunteers = [vol("a", ["ar"], capacity=1), vol("b", ["ar"], capacity=0)]
    result = match(volunteers, [req("r1", language="ar"), req("r2", language="ar")], on=ON)
    (unmatched,) = result.unmatched
    assert unmatched.reasons == (Reason("capacity_used", {"count": 2, "free": 1}),)


def test_volunteers_who_miss_only_one_requirement():
    volunteers = [vol("a", ["ar"], slots={"sat"}), vol("b", ["fa"]), vol("c", ["fa"])]
    found = reasons(volunteers, req("r", language="ar", slots={"mon-am"}))
    assert found == (
        Reason("only_missing_language", {"language": "ar", "count": 2}),
        Reason("only_missing_slot", {"slots": ["mon-am"], "count": 1}),
    )
    assert render(found[0]) == (
        "Volunteers who meet every other requirement but do not speak Arabic: 2."
    )


def test_no_combination_lists_each_requirement():
    volunteers = [
        vol("a", ["ar"], slots={"sat"}),
        vol("b", ["fa"], skills={"Fahrrad"}, slots={"sat"}),
        vol("c", ["fa"]),
    ]
    found = reasons(volunteers, req("r", language="ar", skill="Fahrrad", slots={"mon-am"}))
    assert found == (
        Reason("with_language", {"language": "ar", "count": 1}),
        Reason("with_skill", {"skill": "Fahrrad", "count": 1}),
        Reason("with_slot", {"slots": ["mon-am"], "count": 1}),
        Reason("no_combination"),
    )


def test_language_names():
    assert [language_name(c) for c in ["ar", "prs", "ti", "ku", "kmr", "xx"]] == [
        "Arabic",
        "Dari",
        "Tigrinya",
        "Kurdish",
        "Kurdish",
        "xx",
    ]
    assert language_name("ar", "de") == "Arabisch"
    assert render(Reason("speaks_level", {"language": "uk", "level": "native"})) == (
        "Speaks Ukrainian (native speaker)."
    )


def test_render_takes_the_translation():
    german = {"No volunteer speaks %(language)s.": "Niemand spricht %(language)s."}
    text = render(
        Reason("no_language", {"language": "ti"}),
        german.get,
        describe=lambda name, value: language_name(str(value), "de"),
    )
    assert text == "Niemand spricht Tigrinya."


def test_every_text_renders_with_its_parameters():
    sample = {
        "language": "ar",
        "level": "B2",
        "skill": "Fahrrad",
        "district": "Ampen",
        "slots": ["mon-am", "sat"],
        "until": "2027-01-31",
        "assignments": 2,
        "capacity": 3,
        "load": 3,
        "count": 4,
        "free": 1,
        "request": "r1",
        "volunteer": "v1",
    }
    for code, text in REASON_TEXTS.items():
        names = set(re.findall(r"%\((\w+)\)s", text))
        rendered = render(Reason(code, {n: sample[n] for n in names}))
        assert "%(" not in rendered and rendered.endswith("."), code


def test_german_catalogue_has_every_text():
    po = PO.read_text(encoding="utf-8")
    # msgids may be wrapped over several lines in the .po: compare the joined form
    msgids = {
        "".join(re.findall(r'"(.*)"', block))
        for block in re.findall(r'^msgid ((?:".*"\n)+)', po, flags=re.M)
    }
    texts = [*REASON_TEXTS.values(), *(t for v in VALUE_TEXTS.values() for t in v.values())]
    assert [t for t in texts if t not in msgids] == []
