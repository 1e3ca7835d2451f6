"""A volunteer's own Art. 15 access export: their record, assignments and hours as a ZIP
of PDF and JSON (German and English) from the volunteer page – for the volunteer
coordination only, audited, and without the households they supported."""

from __future__ import annotations

import datetime
import io
import json
import subprocess
import zipfile

from django.utils import timezone
from django_scopes import scope, scopes_disabled

from kim.core.models import AuditEntry
from tests.volunteers.factories import MatchFactory, MatchHoursFactory, RequestFactory

D = datetime.date


def _export(personas, volunteer):
    url = f"/soest/volunteers/{volunteer.pk}/access-export/"
    return personas["volunteer_coordinator"].client().post(url)


def test_the_coordination_hands_a_volunteer_their_record(pool, personas, soest):
    with scope(municipality=soest):
        request = RequestFactory(municipality=soest, household=pool.household,
                                 description="Hausaufgaben für zwei Kinder",
                                 shared_with_volunteer="Familie Haidari, Tel. 0151 999")
        match = MatchFactory(municipality=soest, request=request, volunteer=pool.amal,
                             state="active", agreed_on=D(2025, 1, 12),
                             started_on=D(2025, 1, 15))
        MatchHoursFactory(municipality=soest, match=match, month=D(2025, 2, 1), hours=6)
    page = personas["volunteer_coordinator"].client().get(
        f"/soest/volunteers/{pool.amal.pk}/")
    assert f"/soest/volunteers/{pool.amal.pk}/access-export/" in page.content.decode()

    response = _export(personas, pool.amal)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    day = timezone.localdate()
    stem = f"auskunft_soest_volunteer_{pool.amal.pk}_{day:%Y-%m-%d}"
    assert f'filename="{stem}.zip"' in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == sorted(
        f"{stem}_{lang}.{ext}" for lang in ("de", "en") for ext in ("json", "pdf"))

    document = json.loads(archive.read(f"{stem}_de.json"))
    assert document["subject"] == {"kind": "volunteer", "id": pool.amal.pk}
    assert "person_id" not in document
    tables = {t["key"]: t for t in document["parts"][0]["tables"]}
    record = tables["volunteer"]["rows"][0]
    assert (record["family_name"], record["first_name"]) == (pool.amal.family_name,
                                                             pool.amal.first_name)
    assert record["languages"] == ["Arabisch (C1)", "Deutsch (B2)"]
    assert tables["assignments"]["rows"][0]["started_on"] == "2025-01-15"
    assert tables["hours"]["rows"] == [{"need": "Hausaufgabenhilfe", "month": "2025-02-01",
                                        "hours": "6.0"}]
    text = json.dumps(document, ensure_ascii=False)
    assert "Haidari" not in text and "zwei Kinder" not in text  # the household's data
    english = json.loads(archive.read(f"{stem}_en.json"))
    record = english["parts"][0]["tables"][0]["rows"][0]
    assert record["languages"] == ["Arabic (C1)", "German (B2)"]

    pdf = archive.read(f"{stem}_de.pdf")
    shown = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                           check=True).stdout.decode()
    assert "Ehrenamtliche Person Nr." in shown and pool.amal.family_name in shown
    assert "Engagements" in shown and "6,0" in shown  # retention; hours in German

    assert "Statusverlauf" not in shown  # not the case-work texts of a person's export

    with scopes_disabled():
        entry = AuditEntry.objects.filter(action="export").latest("pk")
    assert (entry.model, entry.object_id) == ("volunteers.volunteer", str(pool.amal.pk))
    assert entry.changes["parts"] == ["volunteer"]


def test_only_the_volunteer_coordination_may_export(pool, personas):
    url = f"/soest/volunteers/{pool.amal.pk}/access-export/"
    for role in ("coordinator", "caseworker", "steering"):
        assert personas[role].client().post(url).status_code == 403, role
    assert personas["foreign"].client().post(url).status_code in (403, 404)
