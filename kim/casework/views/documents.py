"""Document upload and download. Downloads are always attachments and always logged."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.utils.translation import gettext as _

from kim.casework.domain import documents as domain
from kim.casework.domain.documents import MAX_SIZE
from kim.casework.forms.documents import DocumentForm
from kim.casework.models import Document
from kim.casework.views import case_redirect, case_url
from kim.core.audit.writer import record_read
from kim.core.hardening import upload_limit
from kim.core.http import TenantRequest
from kim.core.views.base import form_page, tenant_view
from kim.people.models import Person


@upload_limit(MAX_SIZE)
@tenant_view("people.restricted:write", obj=Person)
def document_upload(request: TenantRequest, person: Person) -> HttpResponse:
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            domain.store(person, form.cleaned_data["kind"], form.cleaned_data["file"],
                         request.user)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("The document was uploaded."))
            return case_redirect(request, person.pk, "documents")
    return form_page(request, form, multipart=True,
                     cancel_url=case_url(request, person.pk, "documents"),
                     title=_("Upload a document for %(name)s") % {"name": person})


@tenant_view("people.restricted:read", obj=Document)
def document_download(request: TenantRequest, document: Document) -> HttpResponse:
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("Document file missing") from None
    record_read(document, ["file"], reason="download")
    # Never inline: a crafted file must not run in kim's origin, whatever its content.
    response = FileResponse(handle, as_attachment=True, filename=document.original_name,
                            content_type=document.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response
