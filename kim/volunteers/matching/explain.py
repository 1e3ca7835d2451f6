"""Why a request got no volunteer: which hard constraint excluded which volunteers.

The coordinator needs to know what to do next – recruit someone who speaks Tigrinya, ask
a volunteer to add a slot, or wait until someone has capacity – so the reasons say:
1. each requirement that *no* volunteer meets on its own ("no volunteer speaks ti");
2. otherwise, when volunteers meet the requirements but not together: for each
   requirement, how many volunteers meet all the *others* ("meet every other requirement
   but are not available at mon-am: 2"); if nobody meets all but one, how many meet each;
3. otherwise suitable volunteers exist: all of them at capacity, or the ones with free
   capacity are needed for other requests (the plan matches as many as possible – a
   suitable volunteer with an assignment left would have been given this request).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .index import Index, Mask
from .types import Reason, Request


def _params(name: str, request: Request) -> dict[str, Any]:
    if name == "language":
        return {"language": request.language}
    if name == "skill":
        return {"skill": request.skill}
    if name == "district":
        return {"district": request.district}
    if name == "slot":
        return {"slots": sorted(request.slots)}
    return {}


def _nobody(name: str, request: Request) -> Reason:
    if name == "slot" and not request.slots:
        return Reason("no_request_slots")
    return Reason(f"no_{name}", _params(name, request))


def _all(masks: list[Mask], size: int) -> Mask:
    mask = np.ones(size, dtype=np.bool_)
    for meets in masks:
        mask &= meets
    return mask


def unmatched_reasons(request: Request, index: Index) -> tuple[Reason, ...]:
    """Reasons for a request the optimal plan left unmatched (see the module docstring)."""
    if index.size == 0:
        return (Reason("no_volunteers"),)
    constraints = index.constraints(request)
    nobody = [_nobody(name, request) for name, meets in constraints if not meets.any()]
    if nobody:
        return tuple(nobody)
    masks = [meets for _, meets in constraints]
    suitable = _all(masks, index.size)
    count = int(suitable.sum())
    if count:
        with_free = int((suitable & (index.free > 0)).sum())
        if with_free == 0:
            return (Reason("all_at_capacity", {"count": count}),)
        return (Reason("capacity_used", {"count": count, "free": with_free}),)
    near: list[Reason] = []
    for position, (name, _) in enumerate(constraints):
        others = _all(masks[:position] + masks[position + 1 :], index.size)
        if others.any():
            params = {**_params(name, request), "count": int(others.sum())}
            near.append(Reason(f"only_missing_{name}", params))
    if near:
        return tuple(near)
    each = [
        Reason(f"with_{name}", {**_params(name, request), "count": int(meets.sum())})
        for name, meets in constraints
    ]
    return (*each, Reason("no_combination"))
