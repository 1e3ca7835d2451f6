"""First fit: the list-based matching that issue 14 rejects, kept as the baseline that
tests and the benchmark compare the optimum with.

Each request, in the order given, takes the first volunteer (in the order given) who
meets the hard constraints and still has a free assignment. It never reconsiders, so an
early request may take the only volunteer a later request could have had.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .rules import exclusions
from .types import Key, Request, Volunteer


def first_fit(
    volunteers: Sequence[Volunteer], requests: Sequence[Request], on: date
) -> dict[Key, Key]:
    """request key → volunteer key for the requests first fit can serve."""
    taken: dict[Key, int] = {}
    pairs: dict[Key, Key] = {}
    for request in requests:
        for volunteer in volunteers:
            if taken.get(volunteer.key, 0) >= volunteer.free:
                continue
            if not [r for r in exclusions(volunteer, request, on) if r.code != "excluded_capacity"]:
                pairs[request.key] = volunteer.key
                taken[volunteer.key] = taken.get(volunteer.key, 0) + 1
                break
    return pairs
