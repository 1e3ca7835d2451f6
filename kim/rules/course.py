"""Integration course access (legal-rules.md §3.3, §§ 44, 44a AufenthG)."""

from __future__ import annotations

from datetime import date

from .children import DUTY_PHASES, schooling
from .codes import ASYLUM_PROCEDURE, COURSE_ADMISSIBLE, COURSE_ADMISSIBLE_DATED, COURSE_ENTITLED
from .context import AGE_16, Ctx
from .dates import ONE_DAY, add_years
from .outcome import Outcome
from .reasons import reason
from .tables import At, Row, V

ENTITLED_BASIS = "§ 44 Abs. 1 Nr. 1 c AufenthG"
_TOO_YOUNG = f"§ 44 Abs. 3 S. 1 Nr. 1 AufenthG ({reason('under_16')})"
_IN_SCHOOL = f"§ 44 Abs. 3 S. 1 Nr. 1 AufenthG ({reason('school_duty')})"
_EXPIRED = f"§ 44 Abs. 4 S. 1 AufenthG ({reason('course_expired')})"
_NOT_ADMISSIBLE = f"§ 44 Abs. 4 AufenthG ({reason('not_admissible')})"
_GERMAN = f"§ 43 AufenthG ({reason('german_citizen')})"


def course(ctx: Ctx, at: At) -> Outcome:
    """§3.3: entitled / admissible / not_eligible / not_applicable (extra = entitled_until)."""
    i = ctx.status(at)
    code = ctx.codes[i]
    if code == "german":
        return "not_applicable", _GERMAN, (), None
    if at.d < ctx.grown_up:
        if not at.reached(ctx.reach(AGE_16)):
            return "not_eligible", _TOO_YOUNG, (), None
        school_value, _basis, school_refs, _extra = schooling(ctx, at)
        if school_value in DUTY_PHASES:
            return "not_eligible", _IN_SCHOOL, school_refs, None
    if code in COURSE_ENTITLED:
        return _entitlement(ctx, at, ctx.starts[i])
    if code in ASYLUM_PROCEDURE:
        return _asylum_seeker(ctx, at)
    if code in COURSE_ADMISSIBLE_DATED:
        dated = _row(ctx.params.course_tolerated.at(at))
        return ("admissible" if dated.value else "not_eligible"), dated.basis, (dated.ref,), None
    if code == "eu_citizen":
        return "admissible", "§ 11 Abs. 1 FreizügG/EU; § 44 Abs. 4 S. 1 AufenthG", (), None
    if code in COURSE_ADMISSIBLE:
        return "admissible", "§ 44 Abs. 4 AufenthG", (), None
    return "not_eligible", _NOT_ADMISSIBLE, (), None


def _entitlement(ctx: Ctx, at: At, start: date) -> Outcome:
    # The permit date decides the entitlement's validity (1 year since 06.08.2016, 2 before).
    row = _row(ctx.params.course_entitlement_years.on(start))
    expires = add_years(start, row.value)
    if at.reached(expires):
        return "admissible", _EXPIRED, (row.ref,), None
    return "entitled", ENTITLED_BASIS, (row.ref,), expires - ONE_DAY


def _asylum_seeker(ctx: Ctx, at: At) -> Outcome:
    rule = _row(ctx.params.course_procedure.at(at))
    if rule.value == "all":
        return "admissible", rule.basis, (rule.ref,), None
    if rule.value == "good_prospect":
        listed = ctx.good_prospect(at, ctx.params.good_prospect)
        if listed is not None:
            return "admissible", f"{rule.basis}; {listed.basis}", (rule.ref, listed.ref), None
        return "not_eligible", f"{rule.basis} ({reason('no_good_prospect')})", (rule.ref,), None
    return "not_eligible", rule.basis, (rule.ref,), None


def _row(row: Row[V] | None) -> Row[V]:
    if row is None:
        raise LookupError("integration course parameter row missing")
    return row


def note(ctx: Ctx, access: str, d: date) -> dict[str, object] | None:
    """§3.3: dated administrative practice shown as a note; never changes ``access``."""
    if access != "admissible":
        return None
    row = ctx.params.course_notes.on(d)
    if row is None:
        return None
    return {"code": row.value, "basis": row.basis, "params": [row.ref]}
