"""Kita claim and NRW school duty (legal-rules.md §3.6, §3.7)."""

from __future__ import annotations

from .codes import ASYLUM_PROCEDURE
from .context import AGE_1, AGE_3, Ctx
from .outcome import Outcome
from .tables import At

DUTY_PHASES = frozenset({"full_time", "vocational"})
GROWN_UP_CHILDCARE: Outcome = ("none", "§ 24 SGB VIII (adult)", (), None)
GROWN_UP_SCHOOLING: Outcome = ("none", "§ 38 SchulG NRW (school duty ended)", (), None)


def childcare(ctx: Ctx, at: At) -> Outcome:
    """§3.6: conditional under 1, u3 from the 1st, ue3 from the 3rd birthday to school."""
    if at.d >= ctx.grown_up:
        return GROWN_UP_CHILDCARE
    if not at.reached(ctx.reach(AGE_1)):
        return "conditional", "§ 24 Abs. 1 SGB VIII", (), None
    if not at.reached(ctx.reach(AGE_3)):
        row = ctx.params.kita_u3.at(at)
        if row is None or not row.value:
            return "none", "§ 24 SGB VIII a.F. (no claim under 3 before 01.08.2013)", (), None
        return "u3", row.basis, (row.ref,), None
    school = ctx.school()
    if not at.reached(school.start):
        return "ue3", "§ 24 Abs. 3 SGB VIII", (school.row.ref,), None
    return "none", "§ 24 Abs. 3 SGB VIII (school duty started)", (school.row.ref,), None


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
        return "none", "§ 38 SchulG NRW (school duty ended)", refs, None
    if ctx.codes[ctx.status(at)] in ASYLUM_PROCEDURE and not ctx.assigned(at):
        return "not_assigned", "§ 34 Abs. 6 SchulG NRW", refs, None
    if not at.reached(school.vocational):
        return "full_time", "§§ 34, 37 SchulG NRW", refs, None
    return "vocational", "§ 38 SchulG NRW", refs, None
