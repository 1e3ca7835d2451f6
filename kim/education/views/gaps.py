"""The course worklist: persons entitled or obliged to attend an integration course who
are not enrolled, longest waiting first (computed from the rules engine, never typed)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kim.core.http import TenantRequest
from kim.core.views.base import tenant_view
from kim.education.domain.gaps import GapPage
from kim.people.models import Person


@tenant_view("education.gaps:read", list_view=True)
def gap_list(request: TenantRequest) -> HttpResponse:
    today = timezone.localdate()
    which = request.GET.get("which", "")
    which = which if which in ("obliged", "entitled") else ""
    found = GapPage(request.municipality, today, which)  # counted and sliced in SQL
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    persons = Person.objects.in_bulk([g.person_id for g in page.object_list])
    rows = [(g, persons.get(g.person_id), (today - g.since).days if g.since else None)
            for g in page.object_list]
    return render(request, "education/gap_list.html", {
        "page": page, "rows": rows, "which": which, "today": today,
        "query": f"which={which}" if which else ""})


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
