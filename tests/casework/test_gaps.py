"""Gap flags, table-driven: each row names the input and exactly the flags expected."""

import datetime as dt

import pytest
from django.utils import translation

from kim.casework.domain.gaps import gap_flags
from kim.casework.models import IntegrationGoal
from kim.core.models import FieldOfAction
from kim.people.models import LegalStatus, Person

TODAY = dt.date(2024, 6, 1)
ADULT, TODDLER, PRESCHOOL, PUPIL, BABY = (dt.date(1990, 3, 1), dt.date(2023, 1, 1),
                                           dt.date(2020, 1, 1), dt.date(2016, 1, 1),
                                           dt.date(2024, 3, 1))
RECOGNISED = ("refugee", dt.date(2024, 4, 10))
GESTATTUNG = ("gestattung", dt.date(2022, 10, 5))
DULDUNG = ("duldung", dt.date(2022, 10, 5))
TITLE = {"aufenthaltstitel"}

CASES = [
    # (id, birth, status, childcare, goal fields, document kinds, caseworker?, expected codes)
    ("entitled, no goal", ADULT, RECOGNISED, "", [], TITLE, True, ["integration_course"]),
    ("entitled, language goal", ADULT, RECOGNISED, "", ["language"], TITLE, True, []),
    ("entitled, only a work goal", ADULT, RECOGNISED, "", ["work_qualification"], TITLE, True,
     ["integration_course"]),
    ("admissible, no goal", ADULT, GESTATTUNG, "", [], set(), True, ["integration_course"]),
    ("not eligible (Duldung)", ADULT, DULDUNG, "", [], set(), True, []),
    ("no status at all", ADULT, None, "", [], set(), True, []),
    ("u3 claim, at home", TODDLER, RECOGNISED, "home", [], TITLE, True, ["kita"]),
    ("u3 claim, nothing recorded", TODDLER, RECOGNISED, "", [], TITLE, True, ["kita"]),
    ("u3 claim, in Kita", TODDLER, RECOGNISED, "kita", [], TITLE, True, []),
    ("ue3 claim, child minder", PRESCHOOL, RECOGNISED, "day_care", [], TITLE, True, []),
    ("ue3 claim, waiting", PRESCHOOL, RECOGNISED, "waiting", [], TITLE, True, ["kita"]),
    ("baby: conditional claim only", BABY, RECOGNISED, "", [], TITLE, True, []),
    ("school duty", PUPIL, RECOGNISED, "", [], TITLE, True, ["school"]),
    ("recognised, no title document", PUPIL, RECOGNISED, "", [], {"asylbescheid"}, True,
     ["school", "documents"]),
    ("Gestattung needs no title", ADULT, GESTATTUNG, "", ["language"], set(), True, []),
    ("no caseworker", ADULT, RECOGNISED, "", ["language"], TITLE, False, ["caseworker"]),
    ("everything missing", ADULT, RECOGNISED, "", [], set(), False,
     ["integration_course", "documents", "caseworker"]),
]


@pytest.mark.parametrize(
    "birth, status, childcare, fields, kinds, has_caseworker, expected",
    [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_gap_flags(birth, status, childcare, fields, kinds, has_caseworker, expected):
    person = Person(birth_date=birth, citizenships=["SY"], childcare=childcare,
                    entry_date=dt.date(2022, 10, 1), asylum_application_date=dt.date(2022, 10, 5),
                    assignment_date=dt.date(2023, 1, 15))
    statuses = [LegalStatus(code=status[0], valid_from=status[1])] if status else []
    goals = [IntegrationGoal(field=FieldOfAction(code=f), text="x") for f in fields]
    flags = gap_flags(person, statuses=statuses, goals=goals, document_kinds=kinds,
                      has_caseworker=has_caseworker, today=TODAY)
    assert [f.code for f in flags] == expected


def test_dropped_language_goal_does_not_count():
    person = Person(birth_date=ADULT, citizenships=["SY"])
    goals = [IntegrationGoal(field=FieldOfAction(code="language"), text="x", status="dropped")]
    flags = gap_flags(person, statuses=[LegalStatus(code="refugee", valid_from=RECOGNISED[1])],
                      goals=goals, document_kinds=TITLE, has_caseworker=True, today=TODAY)
    assert [f.code for f in flags] == ["integration_course"]


def test_flags_carry_message_and_legal_basis():
    person = Person(birth_date=TODDLER, citizenships=["SY"])
    (flag,) = gap_flags(person, statuses=[LegalStatus(code="refugee", valid_from=RECOGNISED[1])],
                        goals=[], document_kinds=TITLE, has_caseworker=True, today=TODAY)
    assert flag.code == "kita"
    with translation.override("en"):
        message = str(flag.message)
    assert message == ("Has a legal claim to a Kita place, but no Kita or child minder "
                       "is recorded.")
    assert flag.basis == "§ 24 Abs. 2 SGB VIII (KiföG)"
    adult = Person(birth_date=ADULT, citizenships=["SY"])
    (course,) = gap_flags(adult, statuses=[LegalStatus(code="refugee",
                                                       valid_from=RECOGNISED[1])],
                          goals=[], document_kinds=TITLE, has_caseworker=True, today=TODAY)
    assert course.basis.startswith("§ 44")
