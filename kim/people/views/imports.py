from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kim.core.domain import jobs
from kim.core.hardening import upload_limit
from kim.core.http import TenantRequest
from kim.core.views.base import tenant_redirect, tenant_view
from kim.people.forms.imports import MAX_UPLOAD_MB, ImportForm
from kim.people.importers.columns import COLUMNS
from kim.people.importers.jobs import KIND


@upload_limit(MAX_UPLOAD_MB * 1024 * 1024)
@tenant_view("people.import:write")
def person_import(request: TenantRequest) -> HttpResponse:
    """Upload a file; it is checked and imported as a background job whose page shows the
    progress and then the result (errors by row and column, probable duplicates)."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        dry_run = form.cleaned_data["dry_run"]
        title = (_("Check %(file)s") if dry_run else _("Import %(file)s")) % {
            "file": upload.name}
        job = jobs.start(request.municipality, request.user, KIND, title,
                         params={"filename": upload.name, "dry_run": dry_run},
                         data=upload.read())
        return tenant_redirect(request, "core:job_detail", pk=job.pk)
    return render(request, "people/import.html", {"form": form, "columns": COLUMNS})
