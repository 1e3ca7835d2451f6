"""Hard constraints (which volunteer may take which request) and the soft score of a pair,
with the reasons for both.

The solver applies the same constraints to all volunteers at once (``index.py``, tested
equal to these functions); the reasons shown for a match, the check before confirmation
and the ranked candidates of one request use these. Hard constraints (issue 14 item 3):
- the request's language, if any, is one of the volunteer's languages;
- its skill, if any, is one of the volunteer's skills;
- its district, if any, is one of the volunteer's districts, or they take any ("*");
- volunteer and request share at least one weekly slot;
- a request that involves children needs a certificate of good conduct valid on the day;
- the volunteer has a free assignment (capacity − current load, minus this plan's ones).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from .types import LEVEL_STEPS, Key, Reason, Request, ScoreItem, Volunteer, Weights, key_order

Assessed = tuple[int, tuple[ScoreItem, ...], tuple[Reason, ...]]


def exclusions(volunteer: Volunteer, request: Request, on: date) -> list[Reason]:
    """Every hard constraint that forbids this pair; empty when the volunteer may take the
    request. Capacity is judged before this plan (``free`` > 0)."""
    found: list[Reason] = []
    if request.language is not None and request.language not in volunteer.languages:
        found.append(Reason("excluded_language", {"language": request.language}))
    if request.skill is not None and request.skill not in volunteer.skills:
        found.append(Reason("excluded_skill", {"skill": request.skill}))
    if request.district is not None and not (
        volunteer.any_district or request.district in volunteer.districts
    ):
        found.append(Reason("excluded_district", {"district": request.district}))
    if not volunteer.slots & request.slots:
        found.append(Reason("excluded_slot", {"slots": sorted(request.slots)}))
    if request.involves_children and not volunteer.certificate_valid(on):
        found.append(Reason("excluded_certificate"))
    if volunteer.free == 0:
        found.append(
            Reason("excluded_capacity", {"capacity": volunteer.capacity, "load": volunteer.load})
        )
    return found


def is_allowed(volunteer: Volunteer, request: Request, on: date) -> bool:
    return not exclusions(volunteer, request, on)


def level_steps(volunteer: Volunteer, language: str, weights: Weights) -> int:
    """CEFR steps above A1 of the volunteer in ``language``; an unrecorded level counts as
    ``weights.unknown_level_steps`` (B1 by default: neither favoured nor penalised much)."""
    level = volunteer.levels.get(language)
    return weights.unknown_level_steps if level is None else LEVEL_STEPS[level]


def assess(volunteer: Volunteer, request: Request, weights: Weights) -> Assessed:
    """Points of an allowed pair (without the load cost, which depends on the plan), its
    breakdown and the reasons "why this volunteer"."""
    reasons: list[Reason] = []
    items: list[ScoreItem] = []
    if request.language is not None:
        level = volunteer.levels.get(request.language)
        if level is None:
            reasons.append(Reason("speaks", {"language": request.language}))
        else:
            reasons.append(Reason("speaks_level", {"language": request.language, "level": level}))
        steps = level_steps(volunteer, request.language, weights)
        items.append(ScoreItem("language_level", weights.level_step * steps))
    if request.skill is not None:
        reasons.append(Reason("has_skill", {"skill": request.skill}))
    if request.district is not None:
        if request.district in volunteer.districts:
            reasons.append(Reason("district_named", {"district": request.district}))
            items.append(ScoreItem("district_named", weights.district_named))
        else:
            reasons.append(Reason("district_any", {"district": request.district}))
    reasons.append(Reason("shared_slots", {"slots": sorted(volunteer.slots & request.slots)}))
    if request.involves_children:
        if volunteer.certificate_until is None or volunteer.certificate_until == date.max:
            reasons.append(Reason("certificate_valid"))
        else:
            until = volunteer.certificate_until.isoformat()
            reasons.append(Reason("certificate_valid_until", {"until": until}))
    if request.household is not None and request.household in volunteer.earlier_households:
        reasons.append(Reason("continuity"))
        items.append(ScoreItem("continuity", weights.continuity))
    items = [item for item in items if item.points]
    return sum(item.points for item in items), tuple(items), tuple(reasons)


def load_item(volunteer: Volunteer, assignment: int, weights: Weights) -> tuple[ScoreItem, Reason]:
    """Load cost and reason of the volunteer's ``assignment``-th parallel assignment
    (counting the ones they already have)."""
    reason = Reason("load", {"assignments": assignment, "capacity": volunteer.capacity})
    return ScoreItem("load", -weights.load_cost(assignment)), reason


def check_matches(
    pairs: Mapping[Key, Key],
    volunteers: Sequence[Volunteer],
    requests: Sequence[Request],
    on: date,
) -> list[tuple[Key, Reason]]:
    """Re-check a reviewed proposal (request key → volunteer key) against the *current*
    volunteers right before it is written (loads may have changed meanwhile); returns
    (request or volunteer key, violated constraint), empty when it may be written."""
    vmap = {v.key: v for v in volunteers}
    rmap = {r.key: r for r in requests}
    problems: list[tuple[Key, Reason]] = []
    taken: dict[Key, int] = {}
    for rkey, vkey in sorted(pairs.items(), key=lambda pair: key_order(pair[0])):
        if rkey not in rmap or vkey not in vmap:
            problems.append((rkey, Reason("unknown_key", {"request": rkey, "volunteer": vkey})))
            continue
        broken = exclusions(vmap[vkey], rmap[rkey], on)
        problems += [(rkey, r) for r in broken if r.code != "excluded_capacity"]
        taken[vkey] = taken.get(vkey, 0) + 1
    for vkey, count in sorted(taken.items(), key=lambda pair: key_order(pair[0])):
        volunteer = vmap[vkey]
        if count > volunteer.free:
            params = {
                "volunteer": vkey,
                "assignments": volunteer.load + count,
                "capacity": volunteer.capacity,
            }
            problems.append((vkey, Reason("over_capacity", params)))
    return problems
