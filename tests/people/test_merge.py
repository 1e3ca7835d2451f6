"""Duplicate warning on create, and merging two records of one person."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from kim.core.models import AuditEntry
from kim.people.domain.merge import MergeError, merge_persons
from kim.people.models import HouseholdMember, LegalStatus, Person, PersonName, Vulnerability
from tests.people.factories import PersonFactory, StatusFactory


def test_create_warns_about_probable_duplicate(personas, in_soest):
    PersonFactory(municipality=in_soest, family_name="Al-Hassan", given_names="Mohammed",
                  birth_date=datetime.date(1985, 5, 2))
    client = personas["caseworker"].client()
    data = {"family_name": "El Hasan", "given_names": "Muhammad", "birth": "02.05.1985",
            "sex": "f", "citizenship_codes": "SY"}
    response = client.post("/soest/persons/new/", data)
    assert response.status_code == 200 and len(response.context["duplicates"]) == 1
    assert Person.objects.count() == 1
    response = client.post("/soest/persons/new/", {**data, "confirm_new": "1"})
    assert response.status_code == 302 and Person.objects.count() == 2


def test_merge_keeps_both_histories_and_is_audited(personas, in_soest):
    keep = PersonFactory(municipality=in_soest, family_name="Haddad", given_names="Mariam")
    remove = PersonFactory(municipality=in_soest, family_name="Hadad", given_names="Maryam",
                           external_id="OLD-1", citizenships=["SY", "TR"])
    StatusFactory(person=keep, code="gestattung", valid_from=datetime.date(2022, 10, 5))
    StatusFactory(person=remove, code="gestattung", valid_from=datetime.date(2022, 10, 5))
    StatusFactory(person=remove, code="refugee", valid_from=datetime.date(2024, 4, 10))
    Vulnerability.objects.create(municipality=in_soest, person=remove, kind="pregnant")
    client = personas["caseworker"].client()
    page = client.get(f"/soest/persons/{keep.pk}/duplicates/").content.decode()
    assert f"/soest/persons/{keep.pk}/merge/{remove.pk}/" in page
    assert client.post(f"/soest/persons/{keep.pk}/merge/{remove.pk}/").status_code == 302
    keep.refresh_from_db()
    assert not Person.objects.filter(pk=remove.pk).exists()
    assert list(LegalStatus.objects.filter(person=keep).values_list("code", flat=True)) == [
        "gestattung", "refugee"]
    assert Vulnerability.objects.filter(person=keep, kind="pregnant").exists()
    assert keep.external_id == "OLD-1" and keep.citizenships == ["SY", "TR"]
    alias = PersonName.objects.get(person=keep)
    assert (alias.family_name, alias.given_names, alias.kind) == ("Hadad", "Maryam", "alias")
    with scopes_disabled():
        entry = AuditEntry.objects.filter(model="people.person", object_id=str(keep.pk),
                                          action="update").latest("id")
        # the removed record's id, never its name (kim/core/audit/privacy.py)
        assert entry.changes["merged_from"] == remove.pk
        assert "Hadad" not in str(entry.changes) and entry.object_repr == ""
        assert AuditEntry.objects.filter(model="people.person", object_id=str(remove.pk),
                                         action="delete").exists()
    from kim.people.domain.persons import search

    assert list(search(in_soest, "Hadad Maryam")) == [keep]


def test_merge_ends_second_current_household(in_soest):
    from kim.people.models import Household

    keep, remove = PersonFactory(municipality=in_soest), PersonFactory(municipality=in_soest)
    for person in (keep, remove):
        household = Household.objects.create(municipality=in_soest)
        HouseholdMember.objects.create(municipality=in_soest, household=household,
                                       person=person, role="head",
                                       valid_from=datetime.date(2023, 1, 1))
    merge_persons(keep, remove, timezone.localdate())
    assert HouseholdMember.objects.filter(person=keep).count() == 2
    assert HouseholdMember.objects.filter(person=keep, valid_to=None).count() == 1


def test_merge_refuses_foreign_or_same(in_soest, herne):
    person = PersonFactory(municipality=in_soest)
    with pytest.raises(MergeError):
        merge_persons(person, person, timezone.localdate())
    with scope(municipality=herne):
        foreign = PersonFactory(municipality=herne)
    with pytest.raises(MergeError):
        merge_persons(person, foreign, timezone.localdate())


def test_merge_needs_write_permission_and_foreign_is_404(personas, in_soest, herne):
    a, b = PersonFactory(municipality=in_soest), PersonFactory(municipality=in_soest)
    assert personas["housing"].client().post(
        f"/soest/persons/{a.pk}/merge/{b.pk}/").status_code == 403
    with scope(municipality=herne):
        foreign = PersonFactory(municipality=herne)
    assert personas["caseworker"].client().post(
        f"/soest/persons/{a.pk}/merge/{foreign.pk}/").status_code == 404
    assert Person.objects.filter(pk=b.pk).exists()
