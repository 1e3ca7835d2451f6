"""The school office sees the master data of children and youths – and nothing else."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope

from kim.people.domain.children import adult_cutoff, is_minor
from tests.core.test_permissions import ALL_PERSONAS, expected_status
from tests.people.factories import PersonFactory, StatusFactory


def years_ago(years, days=0):
    today = timezone.localdate()
    return adult_cutoff(today).replace(year=today.year - years) + datetime.timedelta(days=days)


@pytest.fixture
def family(in_soest):
    child = PersonFactory(municipality=in_soest, family_name="Haddad", given_names="Lina",
                          birth_date=years_ago(9))
    StatusFactory(person=child, code="gestattung", valid_from=datetime.date(2024, 1, 1))
    turns_18_tomorrow = PersonFactory(municipality=in_soest, family_name="Haddad",
                                      given_names="Omar", birth_date=years_ago(18, days=1))
    adult_today = PersonFactory(municipality=in_soest, family_name="Haddad",
                                given_names="Samir", birth_date=years_ago(18))
    moved = PersonFactory(municipality=in_soest, family_name="Haddad", given_names="Rami",
                          birth_date=years_ago(5), moved_away_date=datetime.date(2024, 2, 1))
    return {"child": child, "youth": turns_18_tomorrow, "adult": adult_today, "moved": moved}


def test_minor_means_under_18_today_and_still_here(family):
    today = timezone.localdate()
    assert is_minor(family["child"], today) and is_minor(family["youth"], today)
    assert not is_minor(family["adult"], today)  # 18th birthday is today
    assert not is_minor(family["moved"], today)


def test_leap_day_birthday_counts_from_first_of_march():
    assert adult_cutoff(datetime.date(2028, 2, 29)) == datetime.date(2010, 2, 28)


def test_list_shows_minors_only(personas, family):
    page = personas["school_office"].client().get("/soest/persons/children/").content.decode()
    assert "Lina" in page and "Omar" in page
    assert "Samir" not in page and "Rami" not in page


def test_child_page_shows_master_data_but_no_status_or_household(personas, family):
    client = personas["school_office"].client()
    page = client.get(f"/soest/persons/children/{family['child'].pk}/").content.decode()
    assert "Lina" in page and "Stammdaten" in page
    assert "Aufenthalt" not in page and "Gestattung" not in page and "Haushalt" not in page


def test_adult_is_not_found_for_the_school_office(personas, family):
    client = personas["school_office"].client()
    assert client.get(f"/soest/persons/children/{family['adult'].pk}/").status_code == 404
    assert client.get(f"/soest/persons/{family['child'].pk}/").status_code == 403
    assert client.get("/soest/persons/").status_code == 403


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_matrix(personas, family, persona):
    client = personas[persona].client()
    for url in ("/soest/persons/children/", f"/soest/persons/children/{family['child'].pk}/"):
        assert client.get(url).status_code == expected_status(persona, {"school_office"}), url


def test_list_query_count_is_constant(personas, soest):
    client = personas["school_office"].client()

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/soest/persons/children/").status_code == 200
        return len(ctx.captured_queries)

    with scope(municipality=soest):
        for _ in range(2):
            PersonFactory(municipality=soest, birth_date=years_ago(7))
    small = count()
    with scope(municipality=soest):
        for _ in range(30):
            PersonFactory(municipality=soest, birth_date=years_ago(12))
    assert count() == small


def test_list_sorts_by_age_names_languages_and_exports(personas, family):
    from kim.people.models import PersonLanguage

    with scope(municipality=family["child"].municipality):
        PersonLanguage.objects.create(municipality=family["child"].municipality,
                                      person=family["child"], language="ar", level="native")
    client = personas["school_office"].client()
    page = client.get("/soest/persons/children/?sort=-age").content.decode()
    assert page.index("Omar") < page.index("Lina")  # the oldest first
    assert "Arabisch (Erstsprache)" in page  # the language's name, not "ar"
    response = client.get("/soest/persons/children/?sort=age&format=csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines == ["Name,Geburtsdatum,Alter,Sprachen",
                     f'"Haddad, Lina",{family["child"].birth_date:%d.%m.%Y},9,'
                     "Arabisch (Erstsprache)",
                     f'"Haddad, Omar",{family["youth"].birth_date:%d.%m.%Y},17,–']
