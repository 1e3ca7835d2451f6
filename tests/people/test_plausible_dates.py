"""Plausible dates on every input path (issue 10 item 3): one model-level check used by the
forms, the import and the domain; edits validated and checked by the rules engine in one
transaction; database CHECKs behind it; wrong status records can be corrected."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django_scopes import scope, scopes_disabled

from kim.core.models import AuditEntry
from kim.people.domain.merge import MergeError, merge_persons
from kim.people.importers.persons import import_persons
from kim.people.models import Deadline, LegalStatus, Person
from kim.people.models.plausibility import (
    EXPIRY_MAX_YEARS,
    FUTURE_MARGIN_DAYS,
    person_date_errors,
    status_date_errors,
)
from tests.clock import today
from tests.people.factories import PersonFactory, StatusFactory, store_unchecked

D = datetime.date
DAY = datetime.timedelta(days=1)
MARGIN = datetime.timedelta(days=FUTURE_MARGIN_DAYS)
FORM = {"family_name": "Haddad", "given_names": "Mariam", "birth": "01.03.1990", "sex": "f",
        "citizenship_codes": "SY", "entry_date": "2022-10-01",
        "asylum_application_date": "2022-10-05", "assignment_date": "2023-01-15"}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def person(in_soest):
    person = PersonFactory(municipality=in_soest, family_name="Haddad", given_names="Mariam")
    StatusFactory(person=person, code="gestattung", valid_from=D(2022, 10, 5))
    return person


# The check itself


def test_birth_between_1900_and_today():
    assert person_date_errors(D(1900, 1, 1), {}, today()) == {}
    assert person_date_errors(today(), {}, today()) == {}
    assert person_date_errors(D(1899, 12, 31), {}, today()) == {
        "birth_date": ["The date of birth (12/31/1899) lies before 01/01/1900."]}
    assert list(person_date_errors(today() + DAY, {}, today())) == ["birth_date"]


@pytest.mark.parametrize("field", ["entry_date", "asylum_application_date", "assignment_date",
                                   "analog_benefits_since", "moved_away_date",
                                   "accommodation_since"])
def test_person_dates_lie_between_birth_and_the_margin(field):
    birth = D(1990, 3, 1)
    assert person_date_errors(birth, {field: birth}, today()) == {}
    assert person_date_errors(birth, {field: today() + MARGIN}, today()) == {}
    before = person_date_errors(birth, {field: birth - DAY}, today())
    assert list(before) == [field] and "lies before the date of birth (03/01/1990)" in \
        before[field][0]
    beyond = person_date_errors(birth, {field: today() + MARGIN + DAY}, today())
    assert list(beyond) == [field]
    assert beyond[field][0].endswith(f"lies more than {FUTURE_MARGIN_DAYS} days in the future.")


def test_messages_name_the_field_in_german_and_english():
    with translation.override("de"):
        german = person_date_errors(D(1990, 3, 1), {"entry_date": D(1, 1, 1)}, today())
    assert german == {"entry_date": ["Einreise nach Deutschland: 01.01.0001 liegt vor dem "
                                     "Geburtsdatum (01.03.1990)."]}
    english = person_date_errors(D(1990, 3, 1), {"entry_date": D(1, 1, 1)}, today())
    assert english == {"entry_date": ["Entry into Germany: 01/01/0001 lies before the date "
                                      "of birth (03/01/1990)."]}


def test_birth_after_a_recorded_status_is_refused():
    errors = person_date_errors(D(2000, 1, 1), {}, today(), first_status=D(1999, 5, 1))
    assert errors == {"birth_date": ["The date of birth (01/01/2000) lies after the start of "
                                     "a recorded status (05/01/1999)."]}


def test_status_dates():
    birth = D(1990, 3, 1)
    assert status_date_errors(birth, today() + datetime.timedelta(days=3650), birth, today()) == {}
    assert list(status_date_errors(birth - DAY, None, birth, today())) == ["valid_from"]
    assert list(status_date_errors(today() + MARGIN + DAY, None, birth, today())) == ["valid_from"]
    assert status_date_errors(D(2024, 4, 10), D(2024, 4, 9), birth, today()) == {
        "expires_on": ["Document expires on: 04/09/2024 lies before the start of the status "
                       "(04/10/2024)."]}
    far = today().replace(year=today().year + EXPIRY_MAX_YEARS + 1, day=1)
    assert status_date_errors(D(2024, 4, 10), far, birth, today()) == {
        "expires_on": [f"Document expires on: {far:%m/%d/%Y} lies more than "
                       f"{EXPIRY_MAX_YEARS} years in the future."]}


def test_model_clean_runs_the_check(person):
    person.entry_date = D(1, 1, 1)
    with pytest.raises(ValidationError) as err:
        person.full_clean()
    assert set(err.value.message_dict) == {"entry_date"}
    status = LegalStatus(person=person, municipality=person.municipality, code="duldung",
                         valid_from=D(9999, 12, 31))
    with pytest.raises(ValidationError) as err:
        status.full_clean()
    assert set(err.value.message_dict) == {"valid_from"}


def test_database_refuses_what_needs_no_today(person):
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.filter(pk=person.pk).update(entry_date=D(1980, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.filter(pk=person.pk).update(birth_date=D(1899, 12, 31))
    status = person.statuses.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        LegalStatus.objects.filter(pk=status.pk).update(expires_on=D(2022, 10, 4))


# The person form: validated, checked by the engine, saved – or nothing


@pytest.mark.parametrize(("change", "field"), [({"entry_date": "0001-01-01"}, "entry_date"),
                                               ({"birth": "31.12.9999"}, "birth"),
                                               ({"assignment_date": "9999-12-31"},
                                                "assignment_date")])
def test_edit_with_an_implausible_date_stores_nothing(personas, person, change, field):
    client = personas["caseworker"].client()
    response = client.post(f"/soest/persons/{person.pk}/edit/", {**FORM, **change})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    with scope(municipality=person.municipality):
        stored = Person.objects.get(pk=person.pk)
    assert (stored.birth_date, stored.entry_date, stored.assignment_date) == (
        D(1990, 3, 1), D(2022, 10, 1), D(2023, 1, 15))
    for role in ("caseworker", "benefits", "housing"):
        page = personas[role].client().get(f"/soest/persons/{person.pk}/")
        assert page.status_code == 200, role


def test_edit_with_plausible_dates_saves_and_recomputes_deadlines(personas, person):
    person.unaccompanied_minor = True  # a deadline that depends on the birth date
    person.save()
    born = today().replace(year=today().year - 17, day=1)
    response = personas["caseworker"].client().post(
        f"/soest/persons/{person.pk}/edit/",
        {**FORM, "birth": born.strftime("%d.%m.%Y"), "unaccompanied_minor": "on"})
    assert response.status_code == 302
    with scope(municipality=person.municipality):
        assert Person.objects.get(pk=person.pk).birth_date == born
        assert list(Deadline.objects.filter(person=person, kind="uma_turns_18")
                    .values_list("date", flat=True)) == [born.replace(year=born.year + 18)]


def test_a_new_person_born_tomorrow_is_refused(personas, soest):
    response = personas["caseworker"].client().post(
        "/soest/persons/new/", {**FORM, "birth": (today() + DAY).strftime("%d.%m.%Y"),
                                "entry_date": "", "asylum_application_date": "",
                                "assignment_date": "", "confirm_new": "1"})
    assert response.status_code == 200
    assert response.context["form"].errors["birth"] == [  # the page is German
        f"Das Geburtsdatum ({today() + DAY:%d.%m.%Y}) liegt in der Zukunft."]
    with scope(municipality=soest):
        assert not Person.objects.exists()


# Status records: refused when implausible, correctable and deletable when wrong


def test_a_first_status_dated_9999_is_refused(personas, in_soest):
    person = PersonFactory(municipality=in_soest)
    response = personas["caseworker"].client().post(
        f"/soest/persons/{person.pk}/status/new/", {"code": "duldung", "valid_from": "9999-12-31"})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["valid_from"]
    assert not person.statuses.exists()


def test_status_expiring_in_9999_is_refused(personas, person):
    response = personas["benefits"].client().post(
        f"/soest/persons/{person.pk}/status/new/",
        {"code": "refugee", "valid_from": "2024-04-10", "expires_on": "9999-12-31"})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["expires_on"]


@pytest.mark.parametrize("role", ["caseworker", "benefits"])
def test_a_wrong_status_record_is_corrected_then_another_added(personas, person, role):
    wrong = StatusFactory(person=person, code="duldung", valid_from=D(2023, 5, 1))
    store_unchecked(wrong, valid_from=D(9999, 12, 31))  # stored before this check existed
    client = personas[role].client()
    page = client.get(f"/soest/persons/{person.pk}/").content.decode()
    assert f"/soest/persons/{person.pk}/status/{wrong.pk}/edit/" in page
    response = client.post(f"/soest/persons/{person.pk}/status/{wrong.pk}/edit/",
                           {"code": "duldung", "valid_from": "2023-05-01"})
    assert response.status_code == 302
    response = client.post(f"/soest/persons/{person.pk}/status/new/",
                           {"code": "refugee", "valid_from": "2024-04-10"})
    assert response.status_code == 302
    assert list(person.statuses.values_list("code", "valid_from")) == [
        ("gestattung", D(2022, 10, 5)), ("duldung", D(2023, 5, 1)), ("refugee", D(2024, 4, 10))]
    with scopes_disabled():
        change = AuditEntry.objects.get(action="update", model="people.legalstatus",
                                        object_id=str(wrong.pk))
    assert change.changes["valid_from"] == ["9999-12-31", "2023-05-01"]


def test_a_wrong_status_record_is_deleted_after_confirmation(personas, person):
    wrong = StatusFactory(person=person, code="duldung", valid_from=D(2023, 5, 1))
    store_unchecked(wrong, valid_from=D(9999, 12, 31))
    client = personas["caseworker"].client()
    url = f"/soest/persons/{person.pk}/status/{wrong.pk}/delete/"
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Den Eintrag „Duldung (§ 60a AufenthG)“ gültig ab 31.12.9999 löschen?" in \
        " ".join(confirm.content.decode().split())
    assert person.statuses.count() == 2  # a GET changes nothing
    assert client.post(url).status_code == 302
    assert list(person.statuses.values_list("code", flat=True)) == ["gestattung"]
    with scopes_disabled():
        assert AuditEntry.objects.filter(action="delete", model="people.legalstatus",
                                         object_id=str(wrong.pk)).count() == 1


def test_status_correction_pages_follow_the_role_matrix(personas, person):
    status = person.statuses.get()
    for persona, expected in (("housing", 403), ("steering", 403), ("foreign", 404)):
        client = personas[persona].client()
        for action in ("edit", "delete"):
            url = f"/soest/persons/{person.pk}/status/{status.pk}/{action}/"
            assert client.get(url).status_code == expected, (persona, action)
            assert client.post(url).status_code == expected, (persona, action)
    assert person.statuses.count() == 1


def test_status_of_another_person_is_404(personas, person, in_soest):
    other = StatusFactory(person=PersonFactory(municipality=in_soest))
    client = personas["caseworker"].client()
    assert client.get(f"/soest/persons/{person.pk}/status/{other.pk}/delete/").status_code == 404


# The import: the dry run refuses what the import would refuse, with row and column


HEADER = "external_id,family_name,given_names,birth_date,sex,citizenship,entry_date," \
         "legal_status,legal_status_since\n"


def run(municipality, text, **kwargs):
    return import_persons(municipality, io.BytesIO(text.encode()), "p.csv", **kwargs)


@pytest.mark.parametrize("dry_run", [True, False])
def test_import_refuses_a_birth_in_9999_with_row_and_column(in_soest, dry_run):
    text = HEADER + ("A1,Haddad,Mariam,1990-03-01,f,SY,2022-10-01,gestattung,2022-10-05\n"
                     "A2,Haddad,Karim,9999-12-31,m,SY,,,\n")
    result = run(in_soest, text, dry_run=dry_run)
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (3, "birth_date", "The date of birth (12/31/9999) lies in the future.")]
    assert not result.written and not Person.objects.exists()


def test_import_refuses_dates_before_birth_and_far_ahead(in_soest):
    text = HEADER + ("A1,Haddad,Mariam,1990-03-01,f,SY,1989-10-01,gestattung,1980-01-01\n"
                     f"A2,Haddad,Karim,2015,m,SY,,duldung,{today() + MARGIN + DAY}\n")
    result = run(in_soest, text, dry_run=True)
    assert [(e.row, e.column) for e in result.errors] == [
        (2, "entry_date"), (2, "legal_status_since"), (3, "legal_status_since")]


def test_import_checks_a_row_against_the_stored_person(in_soest):
    stored = PersonFactory(municipality=in_soest, external_id="A1", birth_date=D(1990, 3, 1),
                           entry_date=D(2022, 10, 1), asylum_application_date=None,
                           assignment_date=D(2023, 3, 1))
    StatusFactory(person=stored, valid_from=D(2022, 10, 5))
    born_later = HEADER + "A1,Haddad,Mariam,2023-02-01,f,SY,,,\n"
    result = run(in_soest, born_later)
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (2, "birth_date", "Entry into Germany: 10/01/2022 lies before the date of birth "
                          "(02/01/2023)."),
        (2, "birth_date", "The date of birth (02/01/2023) lies after the start of a recorded "
                          "status (10/05/2022).")]
    ok = HEADER + "A1,Haddad,Mariam,2023-02-01,f,SY,2023-02-01,gestattung,2023-02-01\n"
    assert [(e.row, e.column) for e in run(in_soest, ok).errors] == [(2, "birth_date")]
    stored.refresh_from_db()
    assert stored.birth_date == D(1990, 3, 1)


# Merging: the kept birth date decides


def test_merge_refuses_statuses_before_the_kept_birth(in_soest):
    keep = PersonFactory(municipality=in_soest, birth_date=D(2023, 6, 1))
    remove = PersonFactory(municipality=in_soest, birth_date=D(1990, 3, 1))
    StatusFactory(person=remove, valid_from=D(2022, 10, 5))
    removed = remove.pk
    with pytest.raises(MergeError, match="lies after the start of a recorded status"):
        merge_persons(keep, remove, today())
    assert Person.objects.filter(pk=removed).exists()
    assert LegalStatus.objects.filter(person_id=removed).count() == 1
