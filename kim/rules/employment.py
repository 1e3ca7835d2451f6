"""Employment access (legal-rules.md §3.4)."""

from __future__ import annotations

from .codes import ASYLUM_PROCEDURE, EMPLOYMENT_DULDUNG, RESIDENCE_PERMITS
from .context import Ctx
from .dates import add_months
from .outcome import Outcome
from .reasons import reason
from .tables import At


def employment(ctx: Ctx, at: At) -> Outcome:
    """§3.4: free / permit_required / banned."""
    i = ctx.status(at)
    code = ctx.codes[i]
    if code in RESIDENCE_PERMITS:
        row = ctx.params.employment_free.at(at)
        if row is None:
            raise LookupError("employment.free: no row")
        return "free", row.value, (row.ref,), None
    if code == "eu_citizen":
        return "free", "§ 2 Abs. 2 FreizügG/EU", (), None
    if code == "german":
        return "free", "Art. 12 Abs. 1 GG", (), None
    if code in ASYLUM_PROCEDURE:
        return _procedure(ctx, at, i)
    if code in EMPLOYMENT_DULDUNG:
        return _tolerated(ctx, at)
    if code == "duldung_unclear_identity":
        return "banned", "§ 60b Abs. 5 S. 2 AufenthG", (), None
    return "banned", f"§ 4a Abs. 4 AufenthG ({reason('no_title')})", (), None


def _procedure(ctx: Ctx, at: At, i: int) -> Outcome:
    ban = ctx.safe_ban(at)
    if ban is not None:
        return "banned", "§ 61 Abs. 2 S. 4 AsylG", (ban[0].ref, ban[1].ref), None
    start = ctx.procedure_start(i)
    if ctx.person.lives_in_reception_centre:
        centre = ctx.params.employment_reception.at(at)
        if centre is None:
            raise LookupError("employment.reception: no row")
        if centre.value is None or not at.reached(add_months(start, centre.value)):
            return "banned", "§ 61 Abs. 1 S. 1 AsylG", (centre.ref,), None
        return "permit_required", centre.basis, (centre.ref,), None
    wait = ctx.params.employment_wait.at(at)
    if wait is None:
        raise LookupError("employment.wait: no row")
    if not at.reached(add_months(start, wait.value)):
        first = reason("first_months", months=wait.value)
        return "banned", f"§ 61 Abs. 2 S. 1 AsylG ({first})", (wait.ref,), None
    return "permit_required", "§ 61 Abs. 2 S. 1 AsylG", (wait.ref,), None


def _tolerated(ctx: Ctx, at: At) -> Outcome:
    ban = ctx.safe_ban(at)
    if ban is not None:
        return "banned", "§ 60a Abs. 6 S. 1 Nr. 3 AufenthG", (ban[0].ref, ban[1].ref), None
    wait = ctx.params.employment_wait.at(at)
    if wait is None:
        raise LookupError("employment.wait: no row")
    if not at.reached(add_months(ctx.first_tolerated(), wait.value)):
        first = reason("first_months", months=wait.value)
        return "banned", f"§ 32 Abs. 1 BeschV ({first})", (wait.ref,), None
    return "permit_required", "§ 4a Abs. 4 AufenthG; § 32 BeschV", (wait.ref,), None
