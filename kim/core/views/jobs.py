"""A user's background jobs: the list and one job's progress, then its result."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch

from kim.core.domain import jobs
from kim.core.http import TenantRequest
from kim.core.models import Job
from kim.core.reports import jobs as report_jobs
from kim.core.views.base import paginate, tenant_url, tenant_view

REFRESH_SECONDS = 2  # the page reloads itself while the job waits or runs


@tenant_view("core.jobs:read", list_view=True)
def job_list(request: TenantRequest) -> HttpResponse:
    page = paginate(request, jobs.jobs_of(request.user, request.municipality))
    return render(request, "core/jobs/list.html",
                  {"page": page, "keep_days": jobs.keep_days(request.municipality)})


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


@tenant_view("core.jobs:read",
             obj=lambda: Job.objects.filter(kind=report_jobs.KIND, status=Job.Status.DONE)
             .defer("data"))
def job_file(request: TenantRequest, job: Job) -> FileResponse:
    """The file a finished report export wrote (kim/core/reports/jobs.py), for the user
    who started it only (the permission's object rule)."""
    path = report_jobs.file_path(job)
    if "filename" not in job.result or not path.is_file():
        raise Http404("The file is gone")
    return FileResponse(path.open("rb"), as_attachment=True,
                        filename=job.result["filename"],
                        content_type=job.result.get("content_type"))
