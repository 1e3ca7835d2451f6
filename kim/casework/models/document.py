"""Uploaded documents of a person. Files live under MEDIA_ROOT (outside the static tree)
and are served only by the permission-checked download view, always as an attachment."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models import TenantModel
from kim.people.models import Person

# Extension → the one content type kim sends for it (never the browser's claim).
CONTENT_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "jpeg": "image/jpeg",
                 "png": "image/png"}


def document_storage() -> FileSystemStorage:
    # No location given: FileSystemStorage follows settings.MEDIA_ROOT (also when tests
    # change it). No base_url: documents have no public URL.
    return FileSystemStorage(base_url="/no-public-url/")


def document_path(instance: Document, filename: str) -> str:
    """<municipality id>/documents/<random>.<ext>; the user's file name never becomes a path."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if ext not in CONTENT_TYPES:
        raise ValueError(f"Extension {ext!r} is not allowed")
    return f"{instance.municipality_id}/documents/{uuid.uuid4().hex}.{ext}"


@audited(redact=["original_name"])
class Document(TenantModel):
    class Kind(models.TextChoices):
        ASYLBESCHEID = "asylbescheid", _("asylum decision (Asylbescheid)")
        AUFENTHALTSTITEL = "aufenthaltstitel", _("residence permit (Aufenthaltstitel)")
        ZEUGNIS = "zeugnis", _("certificate (Zeugnis)")
        HEALTH = "health", _("health papers")
        OTHER = "other", _("other")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="documents",
                               verbose_name=_("person"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=document_path, storage=document_storage,
                            max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))
    content_type = models.CharField(_("file type"), max_length=50)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        name = self.file.name
        result = super().delete(*args, **kwargs)
        if name:
            self.file.storage.delete(name)
        return result
