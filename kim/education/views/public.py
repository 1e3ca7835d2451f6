"""The public course catalogue of a municipality: no login, no person data, printable
("über das städtische Internet abrufbar", [Soest] 5.1)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from kim.core.http import TenantRequest
from kim.core.views.base import public_view
from kim.education.forms import CatalogueFilter
from kim.education.models import Course, CourseStatus


@public_view
def catalogue(request: TenantRequest) -> HttpResponse:
    form = CatalogueFilter(request.GET or None, municipality=request.municipality)
    courses = (Course.objects.filter(municipality=request.municipality)
               .exclude(status=CourseStatus.FINISHED).select_related("provider", "area")
               .order_by("start", "title"))
    if form.is_valid():
        data = form.cleaned_data
        if data["kind"]:
            courses = courses.filter(kind=data["kind"])
        if data["level"]:
            courses = courses.filter(level=data["level"])
        if data["area"]:
            courses = courses.filter(area_id=data["area"])
        if data["childcare"]:
            courses = courses.filter(childcare=True)
    return render(request, "education/catalogue.html", {"form": form,
                                                        "courses": courses[:500]})
