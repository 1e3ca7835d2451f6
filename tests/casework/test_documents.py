"""Document upload checks, storage location, and the download's headers and audit."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope, scopes_disabled

from kim.casework.domain.documents import MAX_SIZE
from kim.casework.models import Document
from kim.core.models import AuditEntry
from tests.casework.factories import JPEG, PDF, PNG


def upload_url(case):
    return f"/soest/casework/persons/{case['person'].pk}/documents/new/"


def stored_files(media):
    return sorted(p for p in media.rglob("*") if p.is_file())


@pytest.mark.parametrize("name, content", [
    ("Aufenthaltstitel.pdf", PDF), ("Foto.JPG", JPEG), ("scan.jpeg", JPEG), ("Zeugnis.png", PNG),
])
def test_allowed_upload_is_stored_under_a_random_name(personas, case, media, name, content):
    before = set(stored_files(media))
    response = personas["caseworker"].client().post(upload_url(case), {
        "kind": "aufenthaltstitel", "file": SimpleUploadedFile(name, content)})
    assert response.status_code == 302
    (new,) = set(stored_files(media)) - before
    municipality_id = case["person"].municipality_id
    assert new.parent == media / str(municipality_id) / "documents"
    assert re.fullmatch(r"[0-9a-f]{32}\.(pdf|jpg|jpeg|png)", new.name)
    assert new.read_bytes() == content
    with scope(municipality=case["person"].municipality):
        document = Document.objects.get(original_name=name)
    assert document.size == len(content)
    assert document.file.name == f"{municipality_id}/documents/{new.name}"


# Error codes, not texts: the German catalogue entries are merged separately.
@pytest.mark.parametrize("name, content, code", [
    ("setup.exe", b"MZ\x90\x00" + b"\x00" * 60, "extension"),
    ("brief.pdf", b"Dies ist nur ein Text, kein PDF.\n", "content"),
    ("bild.png", JPEG, "content"),
    ("gross.pdf", PDF + b"0" * MAX_SIZE, "too_large"),
    ("ohne-endung", PDF, "extension"),
])
def test_rejected_upload_names_the_field_and_stores_nothing(personas, case, media, name,
                                                           content, code):
    before = stored_files(media)
    response = personas["caseworker"].client().post(upload_url(case), {
        "kind": "zeugnis", "file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["file"]
    assert [e.code for e in errors.as_data()["file"]] == [code]
    assert stored_files(media) == before
    with scope(municipality=case["person"].municipality):
        assert Document.objects.count() == 1  # the fixture's document only


def test_upload_without_kind_names_the_field(personas, case, media):
    response = personas["caseworker"].client().post(upload_url(case), {
        "kind": "", "file": SimpleUploadedFile("a.pdf", PDF)})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["kind"]


def test_download_is_an_attachment_with_safe_headers_and_is_logged(personas, case):
    document = case["document"]
    response = personas["caseworker"].client().get(
        f"/soest/casework/documents/{document.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF  # consuming it closes the file
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Bescheid Haddad.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    with scopes_disabled():
        read = AuditEntry.objects.get(action="read", model="casework.document")
    assert read.object_id == str(document.pk)
    assert read.actor_name == "caseworker-soest"
    assert read.changes == {"fields": ["file"], "reason": "download"}


def test_foreign_document_is_404(personas, case):
    # Herne's caseworker asks for Soest's document through Herne's URL.
    response = personas["foreign"].client().get(
        f"/herne/casework/documents/{case['document'].pk}/")
    assert response.status_code == 404


def test_missing_file_is_404_not_500(personas, case, media):
    for path in stored_files(media):
        path.unlink()
    response = personas["caseworker"].client().get(
        f"/soest/casework/documents/{case['document'].pk}/")
    assert response.status_code == 404
