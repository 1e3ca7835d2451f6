"""Document upload and download. Downloads are always attachments and always logged."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from kim.casework.domain import documents as domain
from kim.casework.forms.documents import DocumentForm
from kim.casework.models import Document
from kim.casework.views import case_redirect, form_page
from kim.core.audit.writer import record_read
from kim.core.views.base import permission_required
from kim.people.models import Person


@permission_required("people.restricted:write")
def document_upload(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            domain.store(person, form.cleaned_data["kind"], form.cleaned_data["file"],
                         request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("The document was uploaded."))
            return case_redirect(municipality, person.pk, "documents")
    cancel = reverse("casework:case", kwargs={"municipality": municipality, "pk": person.pk})
    return form_page(request, form, multipart=True, cancel_url=cancel + "#documents",
                     title=_("Upload a document for %(name)s") % {"name": person})


@permission_required("people.restricted:read")
def document_download(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
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
