"""A user's background jobs: the list and one job's progress, then its result."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch

from kim.core.domain import jobs
from kim.core.http import TenantRequest
from kim.core.models import Job
from kim.core.views.base import paginate, tenant_url, tenant_view

REFRESH_SECONDS = 2  # the page reloads itself while the job waits or runs


@tenant_view("core.jobs:read", list_view=True)
def job_list(request: TenantRequest) -> HttpResponse:
    page = paginate(request, jobs.jobs_of(request.user, request.municipality))
    return render(request, "core/jobs/list.html", {"page": page})


@tenant_view("core.jobs:read", obj=lambda: Job.objects.defer("data"))
def job_detail(request: TenantRequest, job: Job) -> HttpResponse:
    kind = jobs.known_kind(job.kind)
    back = ""
    if kind is not None and kind.back_url_name:
        try:
            back = tenant_url(request, kind.back_url_name)
        except NoReverseMatch:
            back = ""
    return render(request, "core/jobs/detail.html", {
        "job": job, "kind": kind, "back": back,
        "refresh": None if job.finished else REFRESH_SECONDS})
