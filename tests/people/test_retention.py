"""Retention and deletion (issue 10 item 8): ``kim retention run`` deletes or anonymises
what is due in every module, keeps the reports for past dates exactly as they were, and
writes a deletion log without content. Hand-built data, today's periods (the defaults)."""

from __future__ import annotations

import datetime
import io
import json
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from kim.casework.domain.documents import store
from kim.casework.models import Appointment, CaseNote, Document, IntegrationGoal
from kim.core.domain.settings import record
from kim.core.models import AuditEntry, RetentionLogEntry
from kim.core.reports.registry import reports
from kim.core.reports.service import Audience, produce
from kim.housing.models import Incident, Placement, Stay, WaitingListEntry
from kim.people.models import (
    Household,
    LegalStatus,
    Person,
    PersonName,
    PersonNameToken,
    Vulnerability,
)
from tests.casework.factories import (
    PDF,
    AppointmentFactory,
    GoalFactory,
    HouseholdFactory,
    MemberFactory,
    NoteFactory,
)
from tests.clock import today
from tests.housing.factories import (
    FacilityFactory,
    IncidentFactory,
    PersonFactory,
    PlaceFactory,
    StatusFactory,
    StayFactory,
    UnitFactory,
)

D = datetime.date
PAST_REPORTS = [("benefit_recipients", D(2012, 12, 31)), ("occupancy", D(2012, 12, 31)),
                ("housing_placement", D(2013, 6, 30)), ("refugees_over_time", D(2013, 6, 30))]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def person(town, family, born, moved_away=None, **extra):
    p = PersonFactory(municipality=town, family_name=family, given_names="Test",
                      birth_date=born, assignment_date=D(2010, 3, 1),
                      entry_date=D(2010, 2, 1), asylum_application_date=D(2010, 2, 10),
                      moved_away_date=moved_away, external_id=f"EXT-{family}",
                      phone="0170 1234567", **extra)
    StatusFactory(person=p, code="gestattung", valid_from=D(2010, 2, 10),
                  document_number=f"DOC-{family}")
    return p


@pytest.fixture
def world(soest, personas):
    """A family whose case closed in 2014 (everything due), a person who moved away in
    2024 (only what is due after one or three years), a current resident, and two old
    cases kept open by a planned appointment and by an open stay."""
    with scope(municipality=soest):
        phase1 = FacilityFactory(municipality=soest, code="WALD", name="Waldstraße")
        places = [PlaceFactory(unit=UnitFactory(facility=phase1), label=str(i))
                  for i in range(6)]
        old = person(soest, "Altfall", D(1980, 5, 5), moved_away=D(2014, 5, 31))
        child = person(soest, "Altfallkind", D(2006, 7, 7), moved_away=D(2014, 5, 31))
        StatusFactory(person=old, code="duldung", valid_from=D(2011, 6, 1),
                      note="abgelehnt, Klage läuft")
        PersonName.objects.create(municipality=soest, person=old, family_name="Altfal",
                                  given_names="Test")
        family = HouseholdFactory(municipality=soest, name="Familie Altfall",
                                  reference="AKTE-77")
        MemberFactory(household=family, person=old, valid_from=D(2010, 3, 1))
        MemberFactory(household=family, person=child, role="child", valid_from=D(2010, 3, 1))
        for p, place in ((old, places[0]), (child, places[1])):
            StayFactory(place=place, person=p, start=D(2010, 3, 1), end=D(2014, 5, 31),
                        note="Zimmerwechsel wegen Streit")
        entry = WaitingListEntry.objects.create(municipality=soest, household=family,
                                                applied_on=D(2012, 1, 1), status="placed",
                                                closed_on=D(2013, 1, 1), note="Wunsch: Süd")
        Placement.objects.create(municipality=soest, household=family, kind="private",
                                 placed_on=D(2013, 1, 1), regime="asylblg", entry=entry,
                                 note="Vermieter Herr K.")
        Vulnerability.objects.create(municipality=soest, person=old, kind="health",
                                     note="Trauma")
        NoteFactory(person=old, text="Vermerk von 2012")
        store(old, "health", SimpleUploadedFile("befund.pdf", PDF), personas["caseworker"].user)
        AppointmentFactory(municipality=soest, person=old, status="held",
                           starts_at=timezone.make_aware(datetime.datetime(2012, 3, 1, 10)))
        AppointmentFactory(municipality=soest, household=family, status="held",
                           starts_at=timezone.make_aware(datetime.datetime(2012, 4, 1, 10)))
        GoalFactory(person=old, text="Deutschkurs B1")

        recent = person(soest, "Kuerzlich", D(1990, 1, 1), moved_away=D(2024, 1, 31))
        StayFactory(place=places[2], person=recent, start=D(2010, 3, 1), end=D(2024, 1, 31))
        Vulnerability.objects.create(municipality=soest, person=recent, kind="pregnant")
        NoteFactory(person=recent, text="Vermerk 2023")
        store(recent, "zeugnis", SimpleUploadedFile("zeugnis.pdf", PDF),
              personas["caseworker"].user)

        current = person(soest, "Aktuell", D(1995, 2, 2))
        StayFactory(place=places[3], person=current, start=D(2010, 3, 1), note="bleibt")
        NoteFactory(person=current, text="laufender Fall")

        planned = person(soest, "Termin", D(1985, 3, 3), moved_away=D(2012, 1, 31))
        AppointmentFactory(municipality=soest, person=planned)  # in two days
        NoteFactory(person=planned, text="Termin steht an")

        staying = person(soest, "Wohnt", D(1975, 4, 4), moved_away=D(2012, 1, 31))
        StayFactory(place=places[4], person=staying, start=D(2010, 3, 1), note="noch da")

        IncidentFactory(facility=phase1, occurred_at=timezone.make_aware(
            datetime.datetime(2018, 6, 1, 22)), description="Streit zwischen A und B")
        IncidentFactory(facility=phase1)  # yesterday
    return {"old": old, "child": child, "recent": recent, "current": current,
            "planned": planned, "staying": staying, "family": family}


def figures(town):
    """Every past report in its detail version: rows and totals, as JSON would show."""
    with scope(municipality=town):
        return {name: (r.rows, r.totals) for name, day in PAST_REPORTS
                for r in [produce(reports.get(name), town, day, audience=Audience.DETAIL)]}


def retention(*args):
    out = io.StringIO()
    call_command("retention", "run", *args, stdout=out)
    return out.getvalue().splitlines()


def test_reports_for_past_dates_give_the_same_figures_after_the_run(soest, world):
    before = figures(soest)
    # the four who lived there (two moved away in January 2012), all asylum seekers
    assert before["benefit_recipients"][1]["total"] == 4
    assert before["occupancy"][1]["occupied"] == 5
    assert before["housing_placement"][1]["placed_private"] == 2
    retention("--municipality", "soest")
    assert figures(soest) == before


def test_what_is_due_is_gone_and_nothing_else(soest, world):
    retention()
    with scope(municipality=soest):
        old = Person.objects.get(pk=world["old"].pk)
        assert (old.family_name, old.given_names, old.external_id, old.phone) == (
            "***", "***", "", "")
        assert old.anonymised_on == today()
        assert (old.birth_date, old.citizenships, old.moved_away_date) == (
            D(1980, 5, 5), ["SY"], D(2014, 5, 31))
        assert not PersonName.objects.filter(person=old).exists()
        assert not PersonNameToken.objects.filter(person=old).exists()
        assert list(LegalStatus.objects.filter(person=old).values_list(
            "code", "document_number", "note")) == [("gestattung", "", ""), ("duldung", "", "")]
        family = Household.objects.get(pk=world["family"].pk)
        assert (family.name, family.reference) == ("", "")
        for model in (Vulnerability, CaseNote, Document, IntegrationGoal):
            assert not model.objects.filter(person=old).exists(), model
        assert not Appointment.objects.filter(person=old).exists()
        assert not Appointment.objects.filter(household=family).exists()
        assert set(Stay.objects.filter(person=old).values_list("note", flat=True)) == {""}
        assert Stay.objects.filter(person=old).count() == 1  # the stay itself stays
        assert WaitingListEntry.objects.get(household=family).note == ""
        assert Placement.objects.get(household=family).note == ""
        assert Incident.objects.count() == 1  # the 2018 report is gone

        recent = Person.objects.get(pk=world["recent"].pk)
        assert recent.family_name == "Kuerzlich" and recent.anonymised_on is None
        assert not Vulnerability.objects.filter(person=recent).exists()  # after one year
        assert Document.objects.filter(person=recent).count() == 1  # three years: not yet
        assert CaseNote.objects.filter(person=recent).count() == 1

        for key in ("current", "planned", "staying"):  # open cases: untouched
            p = Person.objects.get(pk=world[key].pk)
            assert p.anonymised_on is None and p.external_id == f"EXT-{p.family_name}"
            assert CaseNote.objects.filter(person=p).count() == (0 if key == "staying" else 1)
        assert Stay.objects.get(person=world["staying"]).note == "noch da"


def test_document_files_are_deleted_with_their_records(soest, world, settings):
    with scope(municipality=soest):
        path = Document.objects.get(person=world["old"]).file.path
    assert os.path.exists(path)
    retention()
    assert not os.path.exists(path)


def test_dry_run_counts_and_changes_nothing(soest, world):
    lines = retention("--dry-run")
    cutoff10 = today().replace(year=today().year - 10).isoformat()
    assert f"soest people.identity anonymise 10 {cutoff10} 2" in lines  # mother and child
    assert f"soest casework.notes delete 10 {cutoff10} 1" in lines
    assert f"soest people.vulnerabilities delete 1 " \
           f"{today().replace(year=today().year - 1).isoformat()} 2" in lines
    assert f"soest housing.incidents delete 3 " \
           f"{today().replace(year=today().year - 3).isoformat()} 1" in lines
    with scope(municipality=soest):
        assert Person.objects.get(pk=world["old"].pk).family_name == "Altfall"
        assert Vulnerability.objects.count() == 2 and Incident.objects.count() == 2
        assert not RetentionLogEntry.objects.exists()


def test_the_deletion_log_has_counts_not_content(soest, world):
    retention()
    with scope(municipality=soest):
        log = {e.rule: e for e in RetentionLogEntry.objects.all()}
    assert set(log) == {"people.vulnerabilities", "casework.documents", "casework.notes",
                        "casework.appointments", "casework.integration_plan", "housing.notes",
                        "housing.incidents", "people.identity", "volunteers.left",
                        "volunteers.requests", "education.records"}
    assert (log["people.identity"].count, log["people.identity"].action) == (2, "anonymise")
    assert log["casework.appointments"].count == 2
    assert log["housing.notes"].count == 4  # two stays, the waiting-list entry, the placement
    assert log["casework.notes"].source == "command:retention run"
    with scopes_disabled():
        text = repr(list(AuditEntry.objects.filter(source__startswith="command:retention")
                         .values_list("object_repr", "changes")))
    for secret in ("Altfall", "Trauma", "Vermerk von 2012", "Streit", "AKTE-77", "DOC-Altfall",
                   "befund.pdf", "Vermieter"):
        assert secret not in text, secret


def test_a_second_run_finds_nothing_new(soest, world):
    retention()
    lines = retention()
    assert all(line.endswith(" 0") for line in lines), lines


def test_no_category_outlives_the_persons_anonymisation(soest, world, personas):
    """Notes set to 30 years, identity to 10: the notes go with the identity."""
    with scope(municipality=soest):
        record(soest, "casework.retention.notes_years", D(2000, 1, 1), "30", "",
               personas["admin"].user)
    lines = retention()
    cutoff10 = today().replace(year=today().year - 10).isoformat()
    assert f"soest casework.notes delete 30 {cutoff10} 1" in lines
    with scope(municipality=soest):
        assert not CaseNote.objects.filter(person=world["old"]).exists()


def test_periods_are_municipal_settings(soest, world, personas):
    """Soest keeps vulnerabilities five years: the 2024 case keeps its entry."""
    with scope(municipality=soest):
        record(soest, "people.retention.vulnerabilities_years", D(2000, 1, 1), "5", "",
               personas["admin"].user)
    retention("--municipality", "soest")
    with scope(municipality=soest):
        assert Vulnerability.objects.filter(person=world["recent"]).exists()
        assert not Vulnerability.objects.filter(person=world["old"]).exists()  # identity cap


def test_unknown_municipality_is_a_one_line_error(soest):
    with pytest.raises(CommandError, match="^Unknown municipality 'nirgendwo'$"):
        retention("--municipality", "nirgendwo")


def test_retention_page_shows_periods_and_log(soest, world, personas):
    retention()
    page = personas["admin"].client().get("/soest/admin/retention/").content.decode()
    assert "Löschprotokoll" in page and "people.identity" not in page
    assert "Fallnotizen" in page
    assert personas["caseworker"].client().get("/soest/admin/retention/").status_code == 403


def test_json_of_an_old_report_is_identical_for_steering(soest, world, personas):
    """The aggregate version too (a reference date): same cells before and after."""
    client = personas["steering"].client()
    url = "/soest/reports/benefit_recipients/?as_of=2012-12-31&format=json"
    before = json.loads(client.get(url).content)
    retention()
    after = json.loads(client.get(url).content)
    assert after["rows"] == before["rows"] and after["totals"] == before["totals"]


def test_anonymised_persons_leave_the_lists_and_say_so_on_their_page(soest, world, personas):
    retention()
    client = personas["caseworker"].client()
    listing = client.get("/soest/persons/").content.decode()
    assert "***" not in listing and "Aktuell" in listing
    page = client.get(f"/soest/persons/{world['old'].pk}/").content.decode()
    assert "Anonymisiert am" in page
