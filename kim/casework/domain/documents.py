"""Document upload checks, storage and the checklist."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kim.casework.models import Document
from kim.casework.models.document import CONTENT_TYPES
from kim.core.models import User
from kim.people.models import Person

MAX_SIZE = 10 * 1024 * 1024  # 10 MB: a scanned multi-page notice fits, a video does not.

# The first bytes each allowed type must start with; a renamed file fails here.
MAGIC = {"application/pdf": (b"%PDF",), "image/jpeg": (b"\xff\xd8\xff",),
         "image/png": (b"\x89PNG\r\n\x1a\n",)}

CHECKLIST = (Document.Kind.ASYLBESCHEID, Document.Kind.AUFENTHALTSTITEL, Document.Kind.ZEUGNIS,
             Document.Kind.HEALTH)


def extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_upload(upload: UploadedFile) -> str:
    """Raise ValidationError unless the file is an allowed type within the size limit;
    return the content type kim will send for it."""
    if upload.size is not None and upload.size > MAX_SIZE:
        raise ValidationError(_("The file is larger than %(limit)d MB."),
                              params={"limit": MAX_SIZE // (1024 * 1024)}, code="too_large")
    content_type = CONTENT_TYPES.get(extension(upload.name or ""))
    if content_type is None:
        raise ValidationError(_("Only PDF, JPG and PNG files can be uploaded."),
                              code="extension")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(MAGIC[content_type]):
        raise ValidationError(
            _("The file's content is not a %(type)s file. Please upload the original document."),
            params={"type": extension(upload.name or "").upper()}, code="content")
    return content_type


@transaction.atomic
def store(person: Person, kind: str, upload: UploadedFile, user: User) -> Document:
    content_type = check_upload(upload)
    document = Document(municipality=person.municipality, person=person, kind=kind,
                        original_name=(upload.name or "")[-200:], size=upload.size or 0,
                        content_type=content_type, uploaded_by=user)
    # The storage name comes from document_path(): a random name, never the user's.
    document.file.save(upload.name or "upload", upload, save=False)
    try:
        document.save()
    except Exception:
        document.file.storage.delete(document.file.name)
        raise
    return document


def checklist(kinds: set[str]) -> list[dict[str, object]]:
    return [{"kind": kind, "label": kind.label, "present": kind.value in kinds}
            for kind in CHECKLIST]
