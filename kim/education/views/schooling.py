"""The school worklist: children under school duty without a school, lateral entrants
without the KI's first assessment, young adults in neither school nor a measure
(computed from the rules engine's ``schooling`` decision, never typed in)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.core.http import TenantRequest
from kim.core.permissions.check import visible
from kim.core.views.base import tenant_view
from kim.education.domain.schooling import (
    FIRST_ASSESSMENT,
    NO_INTERNATIONAL_CLASS,
    NO_SCHOOL,
    YOUNG_ADULT,
    school_gaps,
)
from kim.people.models import Person

LABELS = {
    NO_SCHOOL: _("under school duty, no school recorded"),
    NO_INTERNATIONAL_CLASS: _("under school duty at 16 or 17, no school recorded: the "
                              "international class of a vocational college"),
    FIRST_ASSESSMENT: _("lateral entrant from grade 5 without the KI's first assessment"),
    YOUNG_ADULT: _("young adult in neither school, a measure, a course nor work"),
}


@tenant_view("education.situations:write", list_view=True)
def school_gap_list(request: TenantRequest) -> HttpResponse:
    today = timezone.localdate()
    reach = visible(request.user, "education.situations:write", request.municipality,
                    Person.objects.filter(municipality=request.municipality))
    found = school_gaps(request.municipality, today, reach)
    which = request.GET.get("which", "")
    if which in LABELS:
        found = [g for g in found if g.problem == which]
    else:
        which = ""
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    persons = Person.objects.in_bulk([g.person_id for g in page.object_list])
    return render(request, "education/school_gaps.html", {
        "page": page, "which": which, "choices": list(LABELS.items()),
        "rows": [(g, persons.get(g.person_id), LABELS[g.problem]) for g in page.object_list],
        "query": f"which={which}" if which else ""})
