"""The three-phase rules of [Soest] 5.5.1.1 as plain functions over loaded data.

- Phase I stays at most N months (policy, default 6); a longer stay needs a recorded reason.
- Some groups should skip Phase I (list below; what kim can derive is in ``skip_groups``).
- An unaccompanied minor is never placed in shared accommodation (youth welfare, SGB VIII):
  a hard block, checked by ``kim.housing.domain.stays`` for every stay it writes.
- Phase III (own flat) is due after M months in municipal accommodation at the latest
  (policy, default 24). The numbers are dated settings: kim.housing.domain.policy.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kim.core.localize import short_date
from kim.housing.domain.policy import DEFAULT_THREE_PHASE, ThreePhase
from kim.people.models import Person
from kim.rules import schooling_by_age
from kim.rules.children import DUTY_PHASES
from kim.rules.dates import add_months

# Vulnerabilities (kim.people) that send a person past Phase I. "minor" alone does not:
# families with young children are Waldstraße's purpose.
PROTECTION_KINDS = frozenset({"disability", "elderly", "pregnant", "single_parent", "survivor",
                              "health"})

GROUP_LABELS = {
    "school_children": gettext_lazy("family with children of school age"),
    "single_woman": gettext_lazy("single woman"),
    "protection_need": gettext_lazy("special protection need recorded by case work"),
    "training": gettext_lazy("in vocational training or at a vocational college"),
    "former_uma": gettext_lazy("formerly an unaccompanied minor"),
    "elderly": gettext_lazy("elderly (from the age the municipality's policy sets)"),
}


@dataclass(frozen=True)
class Flag:
    kind: str  # phase1_over_6_months | skip_phase1 | uma_shared | phase3_due
    person: Person
    stay: object  # the open Stay
    since: datetime.date | None
    message: str
    resolved: bool = False  # Phase I: a reason has been recorded
    groups: tuple[str, ...] = field(default=())


def is_uma_on(person: Person, day: datetime.date,
              kinds: Iterable[str] | None = None) -> bool:
    """Under 18 on ``day`` and unaccompanied: the person's flag or the vulnerability "uma"
    recorded by case work (either suffices). ``kinds``: the person's vulnerability kinds
    when loaded already; otherwise they are read (one query)."""
    if person.age_on(day) >= 18:
        return False
    if person.unaccompanied_minor:
        return True
    if kinds is None:
        kinds = person.vulnerabilities.values_list("kind", flat=True)
    return "uma" in set(kinds)


def uma_block_message(person: Person, day: datetime.date) -> str | None:
    if not is_uma_on(person, day):
        return None
    return _("%(name)s is an unaccompanied minor (under 18 on %(date)s) and can never be "
             "placed in shared accommodation. The youth welfare office is responsible "
             "(SGB VIII).") % {"name": person, "date": short_date(day)}


def of_school_age(birth: datetime.date, day: datetime.date) -> bool:
    """Under full-time or vocational school duty by age on ``day``: the rules engine's
    dated NRW rule (legal-rules.md §3.7)."""
    if birth > day:  # not born yet (and no date arithmetic on a stored year 9999)
        return False
    return schooling_by_age(birth, day) in DUTY_PHASES


def skip_groups(person: Person, household: Iterable[Person], protection: Iterable[str],
                day: datetime.date, policy: ThreePhase = DEFAULT_THREE_PHASE) -> tuple[str, ...]:
    """The skip-Phase-I groups ([Soest] 5.5.1.1) this person belongs to on ``day``.

    ``household``: the current members of the person's household including the person;
    ``protection``: the person's vulnerability kinds. Conflict cases cannot be derived;
    they are recorded as the reason of a move.
    """
    members = list(household) or [person]
    age = person.age_on(day)
    groups = []
    if any(of_school_age(m.birth_date, day) for m in members) and len(members) > 1:
        groups.append("school_children")
    if person.sex == "f" and age >= 18 and len(members) == 1:
        groups.append("single_woman")
    kinds = set(protection)
    if kinds & PROTECTION_KINDS:
        groups.append("protection_need")
    if person.activity in ("training", "vocational_college"):
        groups.append("training")
    if age >= 18 and (person.unaccompanied_minor or "uma" in kinds):
        groups.append("former_uma")
    if age >= policy.elderly_age:
        groups.append("elderly")
    return tuple(groups)


def chain_start(periods: list[tuple[datetime.date, datetime.date | None, str]],
                kinds: Iterable[str]) -> datetime.date | None:
    """Start of the unbroken run of stays in facilities of ``kinds`` that reaches the open
    stay. ``periods``: (start, end, facility kind) of one person, any order."""
    wanted = set(kinds)
    ordered = sorted(periods, key=lambda p: p[0])
    if not ordered or ordered[-1][1] is not None or ordered[-1][2] not in wanted:
        return None
    start = ordered[-1][0]
    for begin, end, kind in reversed(ordered[:-1]):
        if end != start or kind not in wanted:
            break
        start = begin
    return start


def flags_for(stay: object, person: Person, *, facility_kind: str,
              periods: list[tuple[datetime.date, datetime.date | None, str]],
              household: list[Person], protection: set[str],
              today: datetime.date, policy: ThreePhase = DEFAULT_THREE_PHASE) -> list[Flag]:
    """All three-phase flags of one open stay."""
    flags = []
    if is_uma_on(person, today, protection):
        flags.append(Flag("uma_shared", person, stay, None, _(
            "Unaccompanied minor in municipal accommodation: the youth welfare office must "
            "take over (SGB VIII).")))
    if facility_kind == "phase1":
        since = chain_start(periods, ["phase1"])
        due = add_months(since, policy.phase1_months) if since else None
        reason = getattr(stay, "phase1_exception_reason", "")
        if due and today >= due:
            text = (_("In Phase I since %(date)s (more than %(months)s months). Reason "
                      "recorded: %(reason)s") % {"date": short_date(since), "reason": reason,
                                                 "months": policy.phase1_months}
                    if reason else
                    _("In Phase I since %(date)s (more than %(months)s months); a reason "
                      "must be recorded.") % {"date": short_date(since),
                                              "months": policy.phase1_months})
            flags.append(Flag("phase1_over_6_months", person, stay, since, text,
                              resolved=bool(reason)))
        groups = skip_groups(person, household, protection, today, policy)
        if groups:
            names = ", ".join(str(GROUP_LABELS[g]) for g in groups)
            flags.append(Flag("skip_phase1", person, stay, since, _(
                "Should not live in Phase I: %(groups)s.") % {"groups": names},
                groups=groups))
    if facility_kind in ("phase1", "phase2"):
        since = chain_start(periods, ["phase1", "phase2"])
        if since and today >= add_months(since, policy.phase3_months):
            flags.append(Flag("phase3_due", person, stay, since, _(
                "In municipal accommodation since %(date)s: the offer of an own flat "
                "(Phase III) was due after %(months)s months, on %(due)s.") % {
                "months": policy.phase3_months,
                "date": short_date(since),
                "due": short_date(add_months(since, policy.phase3_months))}))
    return flags
