"""The household's welcome folder: the PDF in the chosen language really carries the
names in both scripts, the appointments, the documents held and the pages; fonts for
Arabic and Ge'ez are embedded; each print is audited; the command does the same."""

import datetime
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from kim.casework.domain.documents import store
from kim.core.models import AuditEntry
from kim.people.models import PersonLanguage, PersonName
from tests.casework.factories import PDF
from tests.welcome.factories import (
    AppointmentFactory,
    MemberFactory,
    PageFactory,
    PersonFactory,
    TranslationFactory,
)


def poppler(tool, content, tmp_path):
    """What a poppler tool (pdftotext, pdffonts; Debian poppler-utils, installed by
    scripts/system-deps.sh from scripts/test.sh) reads from the PDF."""
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (Debian poppler-utils) is not installed")
    path = tmp_path / "folder.pdf"
    path.write_bytes(content)
    args = [tool, "-enc", "UTF-8", str(path), "-"] if tool == "pdftotext" else [tool,
                                                                               str(path)]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_text(content, tmp_path):
    return poppler("pdftotext", content, tmp_path)


@pytest.fixture
def household(soest):
    with scope(municipality=soest):
        head = PersonFactory(municipality=soest, family_name="Haddad", given_names="Omar")
        member = MemberFactory(person=head)
        child = PersonFactory(municipality=soest, family_name="Haddad", given_names="Lina")
        MemberFactory(person=child, household=member.household, role="child")
        PersonName.objects.create(municipality=soest, person=head, kind="original",
                                  family_name="حداد", given_names="عمر")
        PersonLanguage.objects.create(municipality=soest, person=head, language="ara")
        now = timezone.now()
        AppointmentFactory(municipality=soest, person=head, status="held",
                           starts_at=now - datetime.timedelta(days=10),
                           agreements="Anmeldung Sprachkurs bis Monatsende")
        AppointmentFactory(municipality=soest, household=member.household, kind="school",
                           starts_at=now + datetime.timedelta(days=3), place="Pauli-Schule")
        store(head, "asylbescheid", SimpleUploadedFile("Bescheid Haddad geheim.pdf", PDF),
              None)
        topic = PageFactory(municipality=soest, slug="notfall", title="Im Notfall",
                            body="Rufen Sie 112.")
        TranslationFactory(page=topic, title="في حالة الطوارئ", body="اتصل بالرقم 112.")
        TranslationFactory(page=topic, language="ti", title="ህጹጽ ኩነታት",
                           body="ናብ 112 ደውሉ።")
        PageFactory(municipality=soest, slug="jobcenter", kind="contact",
                    title="Jobcenter Kreis Soest", body="Hilfe bei der Arbeit.",
                    address="Hoher Weg 1, 59494 Soest", phone="02921 300-000")
    return member.household


def folder_url(household):
    return reverse("welcome:folder", kwargs={"municipality": "soest", "pk": household.pk})


def test_caseworker_prints_the_arabic_folder(personas, soest, household, tmp_path):
    client = personas["caseworker"].client()
    form = client.get(folder_url(household))
    assert form.status_code == 200
    assert '<option value="ar" selected>' in form.content.decode()  # the head speaks it
    response = client.post(folder_url(household), {"language": "ar"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    content = response.content
    assert content.startswith(b"%PDF-")
    fonts = poppler("pdffonts", content, tmp_path).replace("-", "")
    assert "NotoNaskhArabic" in fonts or "NotoSansArabic" in fonts
    text = pdf_text(content, tmp_path)
    for expected in ("ملف الترحيب", "Omar Haddad", "Lina Haddad", "حداد", "عمر",
                     "في حالة الطوارئ", "Jobcenter Kreis Soest", "Hoher Weg 1",
                     "Anmeldung Sprachkurs bis Monatsende", "Pauli-Schule", "قرار اللجوء"):
        assert expected in text, expected
    assert "geheim" not in text  # a document's kind, never its file name
    with scope(municipality=soest):
        entry = AuditEntry.objects.filter(action="export").get()
    assert (entry.model, entry.object_id, entry.changes) == (
        "people.household", str(household.pk), {"kind": "welcome folder", "language": "ar"})
    # printing again after a change is one more click
    assert client.post(folder_url(household), {"language": "ar"}).status_code == 200
    with scope(municipality=soest):
        assert AuditEntry.objects.filter(action="export").count() == 2


def test_tigrinya_folder_embeds_an_ethiopic_font(personas, household, tmp_path):
    response = personas["caseworker"].client().post(folder_url(household), {"language": "ti"})
    assert "NotoSansEthiopic" in poppler("pdffonts", response.content, tmp_path).replace(
        "-", "")
    text = pdf_text(response.content, tmp_path)
    assert "ህጹጽ ኩነታት" in text and "ናይ ርክብ ቦታታት" in text


def test_only_case_work_prints_folders(personas, household):
    for role in ("coordinator", "housing", "benefits", "steering"):
        assert personas[role].client().get(folder_url(household)).status_code == 403, role
    response = personas["caseworker"].client().post(folder_url(household), {"language": "xx"})
    assert response.status_code == 200 and "language" in response.context["form"].errors


def test_command_writes_the_ukrainian_folder(soest, household, tmp_path):
    target = tmp_path / "out.pdf"
    with scope(municipality=soest):
        household.reference = "LATER-UA-001"
        household.save()
    call_command("welcome_folder", municipality="soest", household="LATER-UA-001",
                 language="uk", output=str(target))
    text = pdf_text(target.read_bytes(), tmp_path)
    assert "Папка для новоприбулих" in text and "Omar Haddad" in text
    with scope(municipality=soest):
        assert AuditEntry.objects.filter(action="export").count() == 1


@pytest.mark.parametrize(("option", "value", "message"), [
    ("household", "NOPE-1", "--household 'NOPE-1': no such household in soest"),
    ("language", "xx", "--language 'xx': not a content language"),
    ("municipality", "atlantis", "--municipality 'atlantis': no such municipality"),
])
def test_command_errors_name_the_option_and_write_nothing(soest, household, tmp_path,
                                                          option, value, message):
    target = tmp_path / "out.pdf"
    options = {"municipality": "soest", "household": str(household.pk), "language": "ar",
               "output": str(target), option: value}
    with pytest.raises(CommandError) as err:
        call_command("welcome_folder", **options)
    assert str(err.value).startswith(message)
    assert not target.exists()


def test_case_work_finds_the_household_by_its_reference(personas, soest, household):
    with scope(municipality=soest):
        household.reference = "LATER-SY-007"
        household.save()
    client = personas["caseworker"].client()
    url = reverse("welcome:find_household", kwargs={"municipality": "soest"})
    assert client.get(url).status_code == 200
    response = client.get(url, {"household": "LATER-SY-007"})
    assert response.status_code == 302 and response["Location"] == folder_url(household)
    response = client.get(url, {"household": "NOPE"})
    assert response.status_code == 200 and list(response.context["form"].errors) == [
        "household"]
    assert personas["coordinator"].client().get(url).status_code == 403


def test_the_household_page_offers_the_folder_to_case_work_only(personas, household):
    folder = f"/soest/welcome/households/{household.pk}/folder/"
    page = personas["caseworker"].client().get(f"/soest/persons/households/{household.pk}/")
    assert page.status_code == 200 and folder in page.content.decode()
    other = personas["benefits"].client().get(f"/soest/persons/households/{household.pk}/")
    assert other.status_code == 200 and folder not in other.content.decode()
