"""Status codes, their legal groupings and the decision fields with their values.

Source: legal-rules.md §2.1 (status codes) and §2.2 (enumerations). The groupings are the
sets the rules of §3 refer to; the Django layer attaches German labels to the codes listed
in :data:`FIELD_CATALOGUE`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

STATUS_CODES: tuple[str, ...] = (
    "asylum_seeker",
    "gestattung",
    "duldung",
    "duldung_discretionary",
    "duldung_unclear_identity",
    "duldung_training",
    "duldung_employment",
    "departure_required",
    "asylum_granted",
    "refugee",
    "subsidiary",
    "deportation_ban",
    "temporary_protection",
    "humanitarian_25_4",
    "humanitarian_25_5",
    "war_23_1",
    "admission_23",
    "opportunity_104c",
    "settled",
    "eu_citizen",
    "german",
)
STATUS_SET = frozenset(STATUS_CODES)

ASYLUM_PROCEDURE = frozenset({"asylum_seeker", "gestattung"})
DULDUNG = frozenset(
    {
        "duldung",
        "duldung_discretionary",
        "duldung_unclear_identity",
        "duldung_training",
        "duldung_employment",
    }
)
TOLERATED = DULDUNG | {"departure_required"}
# "Any residence permit" (§ 3.4, § 3.10): titles under the AufenthG, incl. settled.
RESIDENCE_PERMITS = frozenset(
    {
        "asylum_granted",
        "refugee",
        "subsidiary",
        "deportation_ban",
        "temporary_protection",
        "humanitarian_25_4",
        "humanitarian_25_5",
        "war_23_1",
        "admission_23",
        "opportunity_104c",
        "settled",
    }
)
# §3.1 rule 4: outside refugee benefit law, the engine does not decide benefits.
OUTSIDE_BENEFIT_LAW = frozenset({"settled", "eu_citizen", "german"})
# §3.1 rule 1: always within § 1 Abs. 1 AsylbLG (time-limited ones are handled separately).
ASYLBLG_ALWAYS = ASYLUM_PROCEDURE | TOLERATED | {"war_23_1", "humanitarian_25_4"}
# §3.3: integration-course entitlement § 44 Abs. 1 AufenthG.
COURSE_ENTITLED = frozenset({"asylum_granted", "refugee", "subsidiary", "admission_23"})
# §3.3: admissible regardless of date (§ 44 Abs. 4 S. 1/S. 2 AufenthG).
COURSE_ADMISSIBLE = frozenset(
    {
        "temporary_protection",
        "deportation_ban",
        "war_23_1",
        "humanitarian_25_4",
        "opportunity_104c",
        "settled",
        "eu_citizen",
    }
)
# §3.3: admissible from a dated parameter row (06.08.2016, unconfirmed).
COURSE_ADMISSIBLE_DATED = frozenset({"duldung_discretionary", "humanitarian_25_5"})
# §3.4: tolerated persons who may get a permit after the waiting time.
EMPLOYMENT_DULDUNG = frozenset(
    {"duldung", "duldung_discretionary", "duldung_training", "duldung_employment"}
)
# §3.5: § 12a AufenthG residence obligation.
RESIDENCE_OBLIGATION = frozenset(
    {"asylum_granted", "refugee", "subsidiary", "deportation_ban", "admission_23"}
)

BENEFIT_REGIMES = ("asylblg_basic", "asylblg_analog", "sgb2", "sgb12", "not_applicable")
OFFICES = ("sozialamt", "jobcenter", "sozialamt_sgb12", "jugendamt", "none")
COURSE_ACCESS = ("entitled", "admissible", "not_eligible", "not_applicable")
EMPLOYMENT_ACCESS = ("free", "permit_required", "banned")
CHILDCARE = ("none", "conditional", "u3", "ue3")
SCHOOLING = ("none", "not_yet", "not_assigned", "full_time", "vocational")
TARGET_GROUPS = ("secure", "likely_secure", "unlikely", "eu_citizen", "other")
HOUSING = ("placeable", "not_yet_placeable", "not_placeable", "not_applicable")
COURSE_NOTES = ("bamf_admission_stop",)

# Fields that `upcoming` may announce, in the order used for entries on the same date.
UPCOMING_FIELDS: tuple[str, ...] = (
    "benefits.regime",
    "responsible_office",
    "employment.access",
    "integration_course.access",
    "residence_obligation.applies",
    "childcare",
    "schooling",
)

FIELD_CATALOGUE: Mapping[str, tuple[str | bool, ...]] = MappingProxyType(
    {
        "status": STATUS_CODES,
        "benefits.regime": BENEFIT_REGIMES,
        "responsible_office": OFFICES,
        "integration_course.access": COURSE_ACCESS,
        "integration_course.note": COURSE_NOTES,
        "employment.access": EMPLOYMENT_ACCESS,
        "residence_obligation.applies": (True, False),
        "childcare": CHILDCARE,
        "schooling": SCHOOLING,
        "target_group": TARGET_GROUPS,
        "housing_category": HOUSING,
    }
)


def field_catalogue() -> dict[str, list[str | bool]]:
    """Decision fields (dotted paths of the decisions object) and their possible values."""
    return {field: list(values) for field, values in FIELD_CATALOGUE.items()}
