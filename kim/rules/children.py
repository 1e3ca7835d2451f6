"""Kita claim and NRW school duty (legal-rules.md §3.6, §3.7)."""

from __future__ import annotations

from datetime import date

from .codes import ASYLUM_PROCEDURE
from .context import AGE_1, AGE_3, Ctx
from .facts import Person
from .outcome import Outcome
from .params import DEFAULT_PARAMS, Params
from .reasons import reason
from .tables import At

DUTY_PHASES = frozenset({"full_time", "vocational"})
GROWN_UP_CHILDCARE: Outcome = ("none", f"§ 24 SGB VIII ({reason('adult')})", (), None)
_NO_U3_CLAIM = f"§ 24 SGB VIII a.F. ({reason('no_claim_under_3', day='01.08.2013')})"
_SCHOOL_STARTED = f"§ 24 Abs. 3 SGB VIII ({reason('school_duty_started')})"
_DUTY_ENDED = f"§ 38 SchulG NRW ({reason('school_duty_ended')})"
GROWN_UP_SCHOOLING: Outcome = ("none", _DUTY_ENDED, (), None)


def childcare(ctx: Ctx, at: At) -> Outcome:
    """§3.6: conditional under 1, u3 from the 1st, ue3 from the 3rd birthday to school."""
    if at.d >= ctx.grown_up:
        return GROWN_UP_CHILDCARE
    if not at.reached(ctx.reach(AGE_1)):
        return "conditional", "§ 24 Abs. 1 SGB VIII", (), None
    if not at.reached(ctx.reach(AGE_3)):
        row = ctx.params.kita_u3.at(at)
        if row is None or not row.value:
            return "none", _NO_U3_CLAIM, (), None
        return "u3", row.basis, (row.ref,), None
    school = ctx.school()
    if not at.reached(school.start):
        return "ue3", "§ 24 Abs. 3 SGB VIII", (school.row.ref,), None
    return "none", _SCHOOL_STARTED, (school.row.ref,), None


def schooling(ctx: Ctx, at: At) -> Outcome:
    """§3.7: not_yet / full_time / vocational / none; not_assigned for asylum-seeking
    children of school age before assignment to the municipality (§ 34 Abs. 6 SchulG)."""
    if at.d >= ctx.grown_up:
        return GROWN_UP_SCHOOLING
    school = ctx.school()
    refs = (school.row.ref,)
    if not at.reached(school.start):
        return "not_yet", "§ 35 Abs. 1 SchulG NRW", refs, None
    if at.reached(school.end):
        return "none", _DUTY_ENDED, refs, None
    if ctx.codes[ctx.status(at)] in ASYLUM_PROCEDURE and not ctx.assigned(at):
        return "not_assigned", "§ 34 Abs. 6 SchulG NRW", refs, None
    if not at.reached(school.vocational):
        return "full_time", "§§ 34, 37 SchulG NRW", refs, None
    return "vocational", "§ 38 SchulG NRW", refs, None


def schooling_by_age(birth_date: date, on: date, params: Params = DEFAULT_PARAMS) -> str:
    """The §3.7 school-duty phase that age alone gives on ``on``: the ``schooling`` decision
    for a child not in an asylum procedure (``not_yet``, ``full_time``, ``vocational``,
    ``none``). For questions about a child without its status history, e.g. whether a
    family has children of school age."""
    if on < birth_date:
        return "not_yet"
    # A status outside the asylum procedure: only age decides (no "not_assigned").
    person = Person(
        birth_date=birth_date,
        birth_precision="day",
        citizenships=("XX",),
        entry_date=None,
        asylum_application_date=None,
        assignment_date=None,
        lives_in_reception_centre=False,
        unaccompanied_minor=False,
        analog_benefits_since=None,
        residence_obligation_exception=False,
        status_starts=(birth_date,),
        status_codes=("german",),
    )
    return str(schooling(Ctx(person, params), At(on))[0])
