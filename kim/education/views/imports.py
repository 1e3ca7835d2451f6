"""The upload page of the course and enrolment import (the rules of the person import:
checked first, then all or nothing, as a background job whose page shows the result)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kim.core.domain import jobs
from kim.core.hardening import upload_limit
from kim.core.http import TenantRequest
from kim.core.permissions.check import has_perm
from kim.core.views.base import tenant_redirect, tenant_view
from kim.education.forms_import import MAX_UPLOAD_MB, EducationImportForm
from kim.education.importers import (
    ALL_PROVIDERS,
    COURSE_SPEC,
    ENROLMENT_SPEC,
    provider_name,
)
from kim.education.jobs import KINDS, import_restriction


@upload_limit(MAX_UPLOAD_MB * 1024 * 1024)
@tenant_view("education.course_import:write")
def education_import(request: TenantRequest) -> HttpResponse:
    """Courses for the coordinator and for a provider's staff (its own courses, checked
    row by row when the job runs); referrals and enrolments for the coordinator only."""
    enrolments = has_perm(request.user, "education.import:write", request.municipality)
    form = EducationImportForm(request.POST or None, request.FILES or None,
                               enrolments=enrolments)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        dry_run = form.cleaned_data["dry_run"]
        title = (_("Check %(file)s") if dry_run else _("Import %(file)s")) % {
            "file": upload.name}
        job = jobs.start(request.municipality, request.user,
                         KINDS[form.cleaned_data["what"]], title,
                         params={"filename": upload.name, "dry_run": dry_run,
                                 "what": form.cleaned_data["what"]},
                         data=upload.read())
        return tenant_redirect(request, "core:job_detail", pk=job.pk)
    specs = [(_("Courses"), COURSE_SPEC.columns)]
    if enrolments:
        specs.append((_("Referrals and enrolments"), ENROLMENT_SPEC.columns))
    own = import_restriction(request.user, request.municipality)
    return render(request, "education/import.html", {
        "form": form, "specs": specs, "enrolments": enrolments,
        "restricted": own is not ALL_PROVIDERS,
        "own_provider_name": provider_name(request.municipality, own)})
