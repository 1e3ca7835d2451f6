"""Benefit regime and responsible office (legal-rules.md §3.1, §3.2)."""

from __future__ import annotations

from datetime import date

from .codes import ASYLBLG_ALWAYS, OUTSIDE_BENEFIT_LAW
from .context import AGE_18, Ctx
from .outcome import Outcome
from .params import DEFAULT_PARAMS, Params
from .reasons import reason
from .tables import FOREVER, At

_SCOPE_BASIS = {
    "asylum_seeker": "§ 1 Abs. 1 Nr. 1a AsylbLG",
    "gestattung": "§ 1 Abs. 1 Nr. 1 AsylbLG",
    "duldung": "§ 1 Abs. 1 Nr. 4 AsylbLG",
    "duldung_discretionary": "§ 1 Abs. 1 Nr. 4 AsylbLG",
    "duldung_unclear_identity": "§ 1 Abs. 1 Nr. 4 AsylbLG",
    "duldung_training": "§ 1 Abs. 1 Nr. 4 AsylbLG",
    "duldung_employment": "§ 1 Abs. 1 Nr. 4 AsylbLG",
    "departure_required": "§ 1 Abs. 1 Nr. 5 AsylbLG",
    "war_23_1": "§ 1 Abs. 1 Nr. 3 a AsylbLG",
    "temporary_protection": "§ 1 Abs. 1 Nr. 3 a AsylbLG",
    "humanitarian_25_4": "§ 1 Abs. 1 Nr. 3 b AsylbLG",
    "humanitarian_25_5": "§ 1 Abs. 1 Nr. 3 c AsylbLG",
}
_RUN_OUT = "§ 1 Abs. 3 AsylbLG"  # benefits run to the end of the month the scope ended in
_NOT_DECIDED = f"§ 1 Abs. 1 AsylbLG, § 7 SGB II ({reason('not_decided')})"

OFFICE_BY_REGIME = {
    "asylblg_basic": ("sozialamt", "§ 10 AsylbLG"),
    "asylblg_analog": ("sozialamt", "§ 10 AsylbLG"),
    "sgb2": ("jobcenter", "§ 6d SGB II"),
    "sgb12": ("sozialamt_sgb12", "§ 3 SGB XII"),
    "not_applicable": ("none", _NOT_DECIDED),
}


def asylblg_statuses(on: date, params: Params = DEFAULT_PARAMS) -> frozenset[str]:
    """Statuses whose holders may be within § 1 Abs. 1 AsylbLG on ``on`` (§3.1.1): those
    always in scope, § 25 Abs. 5 holders while a limit applies, § 24 holders while the
    dated table keeps them in. A prefilter for callers that count recipients: it never
    drops one (the run-out to the month end still needs the status history)."""
    codes = set(ASYLBLG_ALWAYS)
    if params.asylblg_25_5_months.on(on) is not None:
        codes.add("humanitarian_25_5")
    temporary = params.asylblg_temporary_protection.on(on)
    if temporary is not None and temporary.value:
        codes.add("temporary_protection")
    return frozenset(codes)


def regime(ctx: Ctx, at: At) -> Outcome:
    """§3.1: AsylbLG (basic/analogue), SGB II, SGB XII or not applicable."""
    i = ctx.status(at)
    code = ctx.codes[i]
    if code in OUTSIDE_BENEFIT_LAW:
        return "not_applicable", _NOT_DECIDED, (), None
    if ctx.benefit_period(at) is not None:
        return _asylblg(ctx, at, i, code)
    refs = (ctx.retirement_row().ref,)
    if ctx.retired(at):
        return "sgb12", "§ 41 SGB XII; § 7a SGB II", refs, None
    if code == "temporary_protection":
        return "sgb2", "§ 7 SGB II; § 1 Abs. 3a AsylbLG", refs, None
    return "sgb2", "§ 7 SGB II", refs, None


def _asylblg(ctx: Ctx, at: At, i: int, code: str) -> Outcome:
    scope = ctx.scopes()[i]
    refs: tuple[str, ...] = ()
    if scope is not None and (scope.stop is None or not at.reached(scope.stop)):
        scope_basis = _SCOPE_BASIS[code]
        if scope.ref is not None:
            refs = (scope.ref,)
    else:
        scope_basis = _RUN_OUT
    row = ctx.params.asylblg_waiting.at(at)
    if row is None:
        raise LookupError("asylblg.waiting: no row")
    refs = (row.ref, *refs)
    if at.reached(ctx.stay(row.value.months)):  # day-exact, §3.1.2
        return "asylblg_analog", f"{row.basis}; {scope_basis}", refs, None
    # Grandfathering (§ 15, § 20 AsylbLG): analogue benefits received before this waiting
    # period took effect are kept.
    if (
        row.value.keeps
        and row.valid_from
        and (first := ctx.first_analog()) is not None
        and first < row.valid_from
    ):
        return "asylblg_analog", f"{row.basis}; {row.value.keeps}; {scope_basis}", refs, None
    return "asylblg_basic", f"§ 3 AsylbLG; {scope_basis}", refs, None


def since(ctx: Ctx, at: At, current: int, value: str) -> date | None:
    """§2.2 ``benefits.since``: first day of the current regime at ``at.d``; ``current`` is
    the status in force (``ctx.status(at)``)."""
    if value == "not_applicable":
        return None
    d = at.d
    if value in ("asylblg_basic", "asylblg_analog"):
        period = ctx.benefit_period(at)
        if period is None:
            raise LookupError("AsylbLG regime outside an AsylbLG period")
        if value == "asylblg_basic":
            return period[0]
        given = ctx.person.analog_benefits_since
        if given is not None and given <= d:
            return given
        # Analogue benefits never fall back to basic within a period (grandfathering), and
        # someone who had them in an earlier period has them again from its first day.
        first = ctx.computed_first_analog()
        return period[0] if first is None else max(first, period[0])
    # SGB II/XII: from the end of the last AsylbLG period or the last status outside
    # benefit law, else from the first status; SGB XII from the retirement age.
    start = ctx.starts[0]
    for _start, end in ctx.periods():
        if end is not None and start < end <= d:
            start = end
    for j in range(current):
        if ctx.codes[j] in OUTSIDE_BENEFIT_LAW and ctx.starts[j + 1] > start:
            start = ctx.starts[j + 1]
    if value == "sgb12":
        start = max(start, ctx.retirement()[0])
    return start


def office(ctx: Ctx, at: At, regime_value: str) -> Outcome:
    """§3.2: office by regime; the Jugendamt for unaccompanied minors under 18."""
    if ctx.person.unaccompanied_minor and not at.reached(ctx.reach(AGE_18)):
        return "jugendamt", "§§ 42, 42a SGB VIII", (), None
    name, basis = OFFICE_BY_REGIME[regime_value]
    return name, basis, (), None


def office_changes(
    ctx: Ctx,
    at: At,
    regime_value: str,
    regime_changes: list[tuple[date, str | bool]],
    horizon: date,
) -> tuple[Outcome, list[tuple[date, str | bool]]]:
    """The office at ``at.d`` and its changes, derived from the regime's changes and the
    18th birthday (§3.2), so the regime need not be traced twice."""
    at.until = FOREVER  # only this rule's change dates count here
    current = office(ctx, at, regime_value)
    events = dict(regime_changes)
    if at.until <= horizon:
        events.setdefault(at.until, "")
    changes: list[tuple[date, str | bool]] = []
    value = current[0]
    for d in sorted(events):
        new_regime = events[d]
        if new_regime:
            regime_value = str(new_regime)
        new_value = office(ctx, At(d), regime_value)[0]
        if new_value != value:
            changes.append((d, new_value))
            value = new_value
    return current, changes
