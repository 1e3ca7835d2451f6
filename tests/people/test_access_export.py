"""The Art. 15 access export (issue 10 item 9): everything kim holds about one person as a
ZIP of PDF and JSON, German and the person's language, from the person page and from
``kim person export``; issuing it is audited."""

from __future__ import annotations

import datetime
import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation
from django_scopes import scope, scopes_disabled

from kim.casework.domain.documents import store
from kim.core.audit.privacy import special_permissions
from kim.core.domain import access_export
from kim.core.models import AuditEntry
from kim.housing.models import Placement
from kim.people.models import PersonLanguage, PersonName, Vulnerability
from tests.casework.factories import (
    PDF,
    AppointmentFactory,
    GoalFactory,
    HouseholdFactory,
    MemberFactory,
    NoteFactory,
    StepFactory,
)
from tests.housing.factories import (
    FacilityFactory,
    PersonFactory,
    PlaceFactory,
    StatusFactory,
    StayFactory,
    UnitFactory,
)

D = datetime.date


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def subject(soest, personas):
    """A person with something in every module."""
    with scope(municipality=soest):
        person = PersonFactory(municipality=soest, family_name="Rahimi", given_names="Soraya",
                               birth_date=D(1991, 4, 12), citizenships=["AF"],
                               phone="0151 000111", external_id="SO-4711")
        StatusFactory(person=person, code="gestattung", valid_from=D(2023, 1, 10),
                      document_number="BÜMA-123")
        StatusFactory(person=person, code="refugee", valid_from=D(2024, 5, 2),
                      permit_paragraph="§ 25 Abs. 2 AufenthG")
        PersonName.objects.create(municipality=soest, person=person, family_name="Rahimy",
                                  given_names="Soraya")
        PersonLanguage.objects.create(municipality=soest, person=person, language="fa",
                                      level="native")
        family = HouseholdFactory(municipality=soest, name="Familie Rahimi")
        MemberFactory(household=family, person=person, valid_from=D(2023, 1, 15))
        Vulnerability.objects.create(municipality=soest, person=person, kind="single_parent",
                                     note="zwei Kinder")
        place = PlaceFactory(unit=UnitFactory(facility=FacilityFactory(municipality=soest)))
        StayFactory(place=place, person=person, start=D(2023, 1, 15), end=D(2024, 8, 1),
                    move_out_reason="own_flat", note="ruhig")
        Placement.objects.create(municipality=soest, household=family, kind="private",
                                 placed_on=D(2024, 8, 1), regime="sgb")
        AppointmentFactory(municipality=soest, person=person, status="held",
                           outcome="Kurs gefunden",
                           starts_at=timezone.make_aware(datetime.datetime(2024, 2, 1, 9)))
        NoteFactory(person=person, text="Sprachkurs ab März vereinbart")
        store(person, "zeugnis", SimpleUploadedFile("zeugnis_2019.pdf", PDF),
              personas["caseworker"].user)
        goal = GoalFactory(person=person, text="B1-Prüfung bestehen")
        StepFactory(goal=goal, text="Anmeldung VHS")
    personas["caseworker"].client().get(f"/soest/persons/{person.pk}/")  # a logged read
    return person


def unzip(body: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def tables(document):
    return {f"{p['key']}.{t['key']}": t for p in document["parts"] for t in p["tables"]}


def test_caseworker_gets_a_zip_with_everything(soest, personas, subject):
    client = personas["caseworker"].client()
    page = client.get(f"/soest/persons/{subject.pk}/access-export/")
    assert page.status_code == 200 and "Deutsch, English" in page.content.decode()
    response = client.post(f"/soest/persons/{subject.pk}/access-export/")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="auskunft_soest_{subject.pk}_{today}.zip"')
    files = unzip(response.content)
    stem = f"auskunft_soest_{subject.pk}_{today}"
    assert sorted(files) == sorted(f"{stem}_{lang}.{ext}" for lang in ("de", "en")
                                   for ext in ("json", "pdf"))
    assert files[f"{stem}_de.pdf"].startswith(b"%PDF-")
    document = json.loads(files[f"{stem}_de.json"])
    assert document["format"] == "kim-access-export/1" and document["person_id"] == subject.pk
    assert [p["key"] for p in document["parts"]] == ["people", "housing", "casework",
                                                     "education", "volunteers"]
    t = tables(document)
    master = t["people.master_data"]["rows"][0]
    assert (master["family_name"], master["birth_date"], master["citizenships"],
            master["phone"], master["external_id"]) == (
        "Rahimi", "1991-04-12", ["AF"], "0151 000111", "SO-4711")
    assert t["people.name_variants"]["rows"] == [
        {"kind": "Transliterationsvariante", "family_name": "Rahimy", "given_names": "Soraya"}]
    assert [r["code"] for r in t["people.statuses"]["rows"]] == ["gestattung", "refugee"]
    assert t["people.statuses"]["rows"][0]["document_number"] == "BÜMA-123"
    regime = next(r for r in t["people.decisions"]["rows"] if r["code"] == "sgb2")
    assert regime["basis"]  # every decision with its legal basis
    assert t["people.households"]["rows"][0]["household"] == "Familie Rahimi"
    assert t["people.vulnerabilities"]["rows"][0]["note"] == "zwei Kinder"
    reads = t["people.restricted_reads"]["rows"]
    assert reads[0]["user"] == "caseworker-soest" and reads[0]["what"] == "vulnerabilities"
    assert t["housing.stays"]["rows"][0]["start"] == "2023-01-15"
    assert t["housing.placements"]["rows"][0]["placed_on"] == "2024-08-01"
    assert t["casework.notes"]["rows"][0]["text"] == "Sprachkurs ab März vereinbart"
    assert t["casework.appointments"]["rows"][0]["outcome"] == "Kurs gefunden"
    docs = t["casework.documents"]["rows"]
    assert [d["file_name"] for d in docs] == ["zeugnis_2019.pdf"]
    assert b"%PDF-1.4\n1 0 obj" not in b"".join(files.values())  # not the file itself
    assert t["casework.integration_goals"]["rows"][0]["goal"] == "B1-Prüfung bestehen"
    assert t["casework.integration_steps"]["rows"][0]["step"] == "Anmeldung VHS"
    assert {"message", "basis"} == {c["key"] for c in t["casework.gap_flags"]["columns"]}
    english = json.loads(files[f"{stem}_en.json"])
    assert english["parts"][0]["tables"][0]["title"] == "Master data"
    assert document["parts"][0]["tables"][0]["title"] == "Stammdaten"


def test_issuing_is_audited_and_visible_in_the_next_export(soest, personas, subject):
    client = personas["caseworker"].client()
    client.post(f"/soest/persons/{subject.pk}/access-export/")
    with scopes_disabled():
        entry = AuditEntry.objects.filter(action="export", model="people.person").get()
    assert entry.object_id == str(subject.pk) and entry.actor_name == "caseworker-soest"
    assert entry.changes == {"kind": "access export (Art. 15 GDPR)", "languages": ["de", "en"],
                             "parts": ["people", "housing", "casework", "education",
                                       "volunteers"]}
    with scope(municipality=soest), translation.override("de"):
        again = access_export.as_json(subject, soest, access_export.collect(subject, soest),
                                      "de", timezone.now())
    assert [r["action"] for r in tables(again)["people.restricted_reads"]["rows"]] == [
        "gelesen", "exportiert"]


def test_only_the_export_permission_opens_it(soest, personas, subject):
    url = f"/soest/persons/{subject.pk}/access-export/"
    for role in ("benefits", "housing", "admin", "steering"):
        assert personas[role].client().get(url).status_code == 403, role
        assert personas[role].client().post(url).status_code == 403, role
    assert personas["foreign"].client().get(url).status_code == 404
    assert "people.access_export:write" in special_permissions()  # four-eyes to grant
    detail = f"/soest/persons/{subject.pk}/"
    assert url in personas["caseworker"].client().get(detail).content.decode()
    assert url not in personas["benefits"].client().get(detail).content.decode()


def test_languages_german_and_the_persons_where_kim_has_a_translation(settings):
    assert access_export.languages_for([]) == ["de", "en"]
    assert access_export.languages_for(["ar", "fa"]) == ["de", "en"]  # no catalogue yet
    assert access_export.languages_for(["en", "de"]) == ["de", "en"]
    settings.LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("ar", "العربية")]
    assert access_export.languages_for(["ar", "en"]) == ["de", "ar", "en"]


def test_a_right_to_left_language_is_set_right_to_left(soest, subject, settings):
    settings.LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("ar", "العربية")]
    with scope(municipality=soest), translation.override("ar"):
        html = access_export.document_html(subject, soest, access_export.collect(
            subject, soest), "ar", timezone.now())
    assert '<html lang="ar" dir="rtl">' in html
    with scope(municipality=soest), translation.override("en"):
        html = access_export.document_html(subject, soest, access_export.collect(
            subject, soest), "en", timezone.now())
    assert '<html lang="en">' in html and "Art. 77" in html
    assert "Names, contact data and numbers of persons (anonymised)" in html  # retention


def run(*args):
    call_command("person", "export", *args)


def test_command_writes_the_zip_and_is_audited(soest, subject, tmp_path):
    target = tmp_path / "auskunft.zip"
    run("--municipality", "soest", "--person", str(subject.pk), "--output", str(target))
    assert len(unzip(target.read_bytes())) == 4
    with scopes_disabled():
        entry = AuditEntry.objects.filter(action="export", model="people.person").get()
    assert entry.source == "command:person export"


@pytest.mark.parametrize(("args", "message"), [
    (["--municipality", "nowhere", "--person", "1"], "Unknown municipality 'nowhere'"),
    (["--municipality", "soest", "--person", "abc"],
     "--person 'abc': expected the person's number"),
    (["--municipality", "soest", "--person", "999999"],
     "--person 999999: no such person in soest"),
])
def test_command_errors_are_one_line(soest, tmp_path, args, message):
    with pytest.raises(CommandError) as err:
        run(*args, "--output", str(tmp_path / "x.zip"))
    assert str(err.value) == message
    assert not (tmp_path / "x.zip").exists()


def test_command_refuses_a_missing_directory_and_audits_nothing(soest, subject, tmp_path):
    with pytest.raises(CommandError, match="^Cannot write .*: no such directory$"):
        run("--municipality", "soest", "--person", str(subject.pk), "--output",
            str(tmp_path / "missing" / "x.zip"))
    with scopes_disabled():
        assert not AuditEntry.objects.filter(action="export").exists()


def test_a_person_of_another_municipality_is_not_found(soest, herne, tmp_path):
    with scope(municipality=herne):
        other = PersonFactory(municipality=herne)
    with pytest.raises(CommandError, match="no such person in soest"):
        run("--municipality", "soest", "--person", str(other.pk), "--output",
            str(tmp_path / "x.zip"))
