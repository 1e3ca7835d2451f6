"""Residence obligation § 12a AufenthG (legal-rules.md §3.5)."""

from __future__ import annotations

from .codes import RESIDENCE_OBLIGATION
from .context import Ctx
from .dates import ONE_DAY, add_years
from .outcome import Outcome
from .reasons import reason
from .tables import At

_NOT_COVERED = f"§ 12a Abs. 1 AufenthG ({reason('status_not_covered')})"
_BEFORE_2016 = f"§ 12a Abs. 7 AufenthG ({reason('status_before', day='01.01.2016')})"
_EXCEPTION = f"§ 12a Abs. 1 S. 2 AufenthG ({reason('exception')})"


def residence(ctx: Ctx, at: At) -> Outcome:
    """§3.5: applies for 3 years from the status start (extra = last day)."""
    i = ctx.status(at)
    code = ctx.codes[i]
    start = ctx.starts[i]
    refs: tuple[str, ...] = ()
    if code == "temporary_protection":
        covered = ctx.params.residence_temporary_protection.at(at)
        if covered is None or not covered.value:
            return False, _NOT_COVERED, (), None
        refs = (covered.ref,)
    elif code not in RESIDENCE_OBLIGATION:
        return False, _NOT_COVERED, (), None
    row = ctx.params.residence_obligation.on(start)
    if row is None or row.value is None:
        return False, _BEFORE_2016, (), None
    refs = (row.ref, *refs)
    if ctx.person.residence_obligation_exception:
        return False, _EXCEPTION, refs, None
    ends = add_years(start, row.value)
    if at.reached(ends):
        elapsed = reason("years_elapsed", years=row.value)
        return False, f"§ 12a Abs. 1 AufenthG ({elapsed})", refs, None
    return True, row.basis, refs, ends - ONE_DAY
