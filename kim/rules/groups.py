"""Target group ([Herne] 2.2), housing category ([Soest] Tab. 7) and the entitlement to an
own flat (Fehlbeleger, [Soest] 5.5, [Kamp-Lintfort]), legal-rules.md §3.10."""

from __future__ import annotations

from datetime import date

from .codes import ASYLUM_PROCEDURE, OUTSIDE_BENEFIT_LAW, RESIDENCE_PERMITS
from .context import Ctx
from .outcome import Outcome
from .params import DEFAULT_PARAMS, Params
from .reasons import reason
from .tables import At

_HERNE = "[Herne] 2.2"
_SOEST = "[Soest] Tab. 7"


def target_group(ctx: Ctx, at: At, i: int) -> Outcome:
    """Target group at ``at.d``; ``i`` is the status in force (``ctx.status(at)``)."""
    code = ctx.codes[i]
    if code in RESIDENCE_PERMITS:
        return "secure", f"{_HERNE} ({reason('residence_permit')})", (), None
    if code == "eu_citizen":
        return "eu_citizen", _HERNE, (), None
    if code == "german":
        return "other", _HERNE, (), None
    if code in ASYLUM_PROCEDURE:
        listed = ctx.good_prospect(at, ctx.params.local_good_prospect)
        if listed is not None:
            return "likely_secure", f"{_HERNE}; {listed.basis}", (listed.ref,), None
        return "unlikely", f"{_HERNE} ({reason('no_good_prospect')})", (), None
    return "unlikely", f"{_HERNE} ({reason('tolerated_or_leaving')})", (), None


def housing_category(ctx: Ctx, at: At, i: int) -> Outcome:
    """Housing category at ``at.d``; ``i`` is the status in force (``ctx.status(at)``)."""
    code = ctx.codes[i]
    if code in OUTSIDE_BENEFIT_LAW:
        return "not_applicable", _SOEST, (), None
    if code in RESIDENCE_PERMITS:
        return "placeable", f"{_SOEST} ({reason('residence_permit')})", (), None
    if code in ASYLUM_PROCEDURE:
        safe = ctx.safe_origin(at)
        if safe is not None:
            return "not_placeable", f"{_SOEST}; {safe.basis}", (safe.ref,), None
        if code == "gestattung":
            listed = ctx.good_prospect(at, ctx.params.local_good_prospect)
            if listed is not None:
                return "placeable", f"{_SOEST}; {listed.basis}", (listed.ref,), None
        return "not_yet_placeable", _SOEST, (), None
    return "not_placeable", f"{_SOEST} ({reason('tolerated_or_leaving')})", (), None


def own_flat(ctx: Ctx, at: At, i: int) -> Outcome:
    """Entitled to leave municipal shared accommodation for an own flat at ``at.d`` (a
    resident who is not is no Fehlbeleger); ``i`` is the status in force."""
    return _own_flat(ctx.codes[i], at, ctx.params)


def _own_flat(code: str, at: At, params: Params) -> Outcome:
    row = params.housing_own_flat.at(at)
    if row is None:
        return False, f"{_SOEST} ({reason('no_rule')})", (), None
    return code in row.value, row.basis, (row.ref,), None


def entitles_own_flat(code: str, on: date, params: Params = DEFAULT_PARAMS) -> bool:
    """The ``own_flat`` decision for a person whose status in force on ``on`` is ``code``
    (it depends on nothing else): lists of residents need no full evaluation."""
    return bool(_own_flat(code, At(on), params)[0])
