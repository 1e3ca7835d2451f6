"""The course worklist: persons entitled or obliged to attend an integration course who
are not enrolled, longest waiting first (computed from the rules engine, never typed)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kim.core.http import TenantRequest
from kim.core.views.base import tenant_view
from kim.education.domain import waiting
from kim.education.domain.gaps import GapPage, gaps
from kim.people.models import Person
from kim.rules.dates import add_years


@tenant_view("education.gaps:read", list_view=True)
def gap_list(request: TenantRequest) -> HttpResponse:
    today = timezone.localdate()
    mothers = waiting.mothers_waiting(request.municipality, today)
    which = request.GET.get("which", "")
    found: GapPage | list[Any]
    if which == "childcare":  # few persons: the whole list for them
        found = gaps(request.municipality, today, sorted(mothers))
    else:
        which = which if which in ("obliged", "entitled") else ""
        found = GapPage(request.municipality, today, which)  # counted and sliced in SQL
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    persons = Person.objects.in_bulk([g.person_id for g in page.object_list])
    rows = [(g, persons.get(g.person_id), (today - g.since).days if g.since else None,
             g.person_id in mothers) for g in page.object_list]
    year_ago = add_years(today, -1) + datetime.timedelta(days=1)
    waited, every = waiting.waiting_table(request.municipality, year_ago, today)
    ideas = waiting.suggestions(request.municipality, today,
                                [g for g in found[:waiting.CANDIDATES] if g.access])
    return render(request, "education/gap_list.html", {
        "page": page, "rows": rows, "which": which, "today": today,
        "query": f"which={which}" if which else "", "suggestions": ideas,
        "waited": [r for r in waited if r.started], "every": every, "year_ago": year_ago})


@tenant_view("education.situations:write", list_view=True)
def childcare_gap_list(request: TenantRequest) -> HttpResponse:
    """Children with a claim to a Kita place and no place, those waiting longest first."""
    from kim.core.permissions.check import visible
    from kim.education.domain.gaps import childcare_gaps

    today = timezone.localdate()
    reach = visible(request.user, "education.situations:write", request.municipality,
                    Person.objects.filter(municipality=request.municipality))
    found = childcare_gaps(request.municipality, today, reach)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    persons = Person.objects.in_bulk([g.person_id for g in page.object_list])
    return render(request, "education/childcare_gaps.html", {
        "page": page, "rows": [(g, persons.get(g.person_id)) for g in page.object_list],
        "query": ""})
