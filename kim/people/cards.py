"""Start-page cards of the people module: what is due soon (benefits, case work) and the
children and youths (school and youth office) – real data or an empty state that says
where it comes from."""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from django.utils import timezone

from kim.core.http import TenantRequest
from kim.core.permissions.check import visible
from kim.people.decision_labels import due_value
from kim.people.domain.deadlines import kind_labels, worklist
from kim.people.domain.persons import search

SOON_DAYS = 60
CHILD_BANDS = ((0, 2), (3, 5), (6, 9), (10, 15), (16, 17))


def deadlines_soon(request: TenantRequest) -> dict[str, Any]:
    """Deadlines of the next SOON_DAYS days: the first five and the count per kind."""
    today = timezone.localdate()
    until = today + datetime.timedelta(days=SOON_DAYS)
    due = list(worklist(request.municipality, date_from=today, date_to=until))
    labels = kind_labels()
    counts = Counter(d.kind for d in due)
    return {"soon_days": SOON_DAYS, "soon_total": len(due), "soon_until": until,
            "soon_first": [(d, labels.get(d.kind, d.kind), due_value(d.kind, d.value))
                           for d in due[:5]],
            "soon_kinds": sorted(((labels.get(k, k), n) for k, n in counts.items()),
                                 key=lambda item: (-item[1], str(item[0])))}


def children_overview(request: TenantRequest) -> dict[str, Any]:
    """Children and youths living here, by age band (with a bar per band)."""
    today = timezone.localdate()
    qs = visible(request.user, "people.children:read", request.municipality,
                 search(request.municipality))
    ages = [_age(birth, today) for birth in qs.values_list("birth_date", flat=True)]
    bands = [(low, high, sum(1 for a in ages if low <= a <= high)) for low, high in CHILD_BANDS]
    top = max((n for _l, _h, n in bands), default=0)
    return {"children_total": len(ages),
            "children_bands": [(low, high, n, round(100 * n / top) if top else 0)
                               for low, high, n in bands]}


def _age(birth: datetime.date, today: datetime.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
