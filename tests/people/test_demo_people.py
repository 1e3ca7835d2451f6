"""The demo dataset reproduces [Soest] 4.2 through the rules engine."""

import datetime

import pytest
from django.core.management import call_command
from django_scopes import scope

from kim.core.models import Municipality
from kim.people.domain.benefits import benefit_recipient_counts
from kim.people.models import Household, Person


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        from io import StringIO

        call_command("load_demo", stdout=StringIO())
        yield Municipality.objects.get(slug="soest-demo")
        call_command("flush", interactive=False, verbosity=0)


@pytest.mark.django_db
def test_benefit_recipients_on_30_september_2018(demo):
    with scope(municipality=demo):
        counts = benefit_recipient_counts(demo, datetime.date(2018, 9, 30))
    by_group = {g: sum(v for (grp, _), v in counts.items() if grp == g)
                for g in ("gestattung", "duldung", "other")}
    assert by_group == {"gestattung": 122, "duldung": 37, "other": 0}
    assert sum(counts.values()) == 159


@pytest.mark.django_db
def test_tab7_families_and_singles(demo):
    with scope(municipality=demo):
        def split(prefix):
            sizes = [h.members.count() for h in Household.objects.filter(
                reference__startswith=prefix + "-0") | Household.objects.filter(
                reference__regex=rf"^{prefix}-\d")]
            return sum(1 for s in sizes if s == 1), sum(s for s in sizes if s > 1), \
                sum(1 for s in sizes if s > 1)

        assert split("T7-NOTPL-SAFE") == (22, 31, 8)
        assert split("T7-NOTPL-DULD") == (19, 18, 5)
        assert split("T7-PW-SGB2") == (70, 195, 53)
        assert Person.objects.filter(birth_date__gt=datetime.date(2012, 9, 30),
                                     assignment_date__lte=datetime.date(2018, 9, 30)).exists()


@pytest.mark.django_db
def test_benefit_recipients_report_json(demo):
    import json
    from io import StringIO

    out = StringIO()
    call_command("report", "benefit_recipients", municipality="soest-demo",
                 as_of="2018-09-30", format="json", stdout=out)
    data = json.loads(out.getvalue())
    by_code = {row["status_code"]: row["total"] for row in data["rows"]}
    assert by_code == {"gestattung": 122, "duldung": 37, "other": 0}
    assert data["totals"]["total"] == 159
    assert (data["report"], data["as_of"], data["suppressed"]) == (
        "benefit_recipients", "2018-09-30", False)


@pytest.mark.django_db
def test_steering_sees_the_report_disclosure_controlled(demo):
    from django.test import Client

    from kim.core.models import User

    client = Client()
    client.force_login(User.objects.get(username="steuerung"))
    response = client.get("/soest-demo/reports/benefit_recipients/",
                          {"as_of": "2018-09-30", "format": "json"})
    assert response.status_code == 200
    assert response.json()["totals"]["total"] == 159
    assert client.get("/soest-demo/persons/").status_code == 403


@pytest.mark.django_db
def test_prefilter_drops_nobody_the_engine_counts(demo):
    """The SQL prefilter of the report must not lose a recipient: compare with all residents."""
    from kim.people.domain.benefits import candidates, residents
    from kim.people.domain.facts import decisions_for
    from kim.rules import DEFAULT_PARAMS

    for day in (datetime.date(2018, 9, 30), datetime.date(2019, 3, 31), datetime.date(2022, 5, 15),
                datetime.date(2022, 6, 10), datetime.date(2024, 6, 30)):
        with scope(municipality=demo):
            kept = set(candidates(demo, day).values_list("pk", flat=True))
            for person in residents(demo, day).prefetch_related("statuses"):
                decisions = decisions_for(person, list(person.statuses.all()), day,
                                          params=DEFAULT_PARAMS)
                if decisions and decisions["benefits"]["regime"].startswith("asylblg"):
                    assert person.pk in kept, (day, person.pk)


@pytest.mark.django_db
def test_demo_caseworker_has_a_caseload_with_coming_appointments(demo):
    from django.test import Client
    from django.utils import timezone

    from kim.casework.domain.caseload import card_counts
    from kim.core.models import User

    with scope(municipality=demo):
        counts = card_counts(User.objects.get(username="fallarbeit"), timezone.now())
    assert counts["households"] == 30
    assert counts["appointments"] > 0
    client = Client()
    client.force_login(User.objects.get(username="fallarbeit"))
    page = client.get("/soest-demo/casework/").content.decode()
    assert page.count("/soest-demo/casework/persons/") >= 30


@pytest.mark.django_db
def test_demo_persons_are_found_by_name(demo):
    from kim.people.domain.persons import search

    with scope(municipality=demo):
        person = Person.objects.order_by("pk").first()
        found = search(demo, f"{person.given_names} {person.family_name}")
        assert person in found
