"""The demo reproduces [Soest] Tab. 4 exactly and Tab. 6's column totals (issue 11 item
8), and its provider login sees only the persons referred to its courses."""

import io
import json

import pytest
from django.core.management import call_command
from django.test import Client
from django_scopes import scope

from kim.core.models import Membership, Municipality
from kim.core.permissions.check import visible
from kim.education.models import Referral
from kim.people.models import Person


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())
        yield Municipality.objects.get(slug="soest-demo")
        call_command("flush", interactive=False, verbosity=0)


def report(name, as_of):
    out = io.StringIO()
    call_command("report", name, "--municipality", "soest-demo", "--as-of", as_of,
                 "--format", "json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_childcare_is_table_4(demo):
    data = report("childcare", "2018-06-30")
    cells = {row["care"]: (row["u3"], row["ue3"]) for row in data["rows"]}
    assert cells == {"kita": (10, 25), "day_care": (0, 0), "home": (19, 9), "waiting": (0, 0)}
    assert data["totals"] == {"u3": 29, "ue3": 34, "total": 63}


@pytest.mark.django_db
def test_employability_keeps_the_column_totals_of_table_6(demo):
    data = report("employability", "2018-09-30")
    assert data["totals"] == {"vocational_college": 12, "language_course": 50,
                              "employed": 33, "none": 27, "total": 122}
    assert [r["total"] for r in data["rows"]] == [46, 37, 21, 14, 4]


@pytest.mark.django_db
def test_demo_provider_sees_only_its_referred_persons(demo):
    with scope(municipality=demo):
        member = Membership.objects.select_related("organisation", "user").get(
            user__username="traeger")
        seen = set(visible(member.user, "education.records:read", demo,
                           Person.objects.all()).values_list("pk", flat=True))
        referred = set(Referral.objects.filter(
            course__provider=member.organisation, ended_on__isnull=True)
            .values_list("person_id", flat=True))
        other = Referral.objects.exclude(course__provider=member.organisation).exclude(
            person_id__in=referred).first()
    assert member.organisation.name == "Kolping-Bildungswerk Soest"
    assert seen == referred and len(seen) > 5
    client = Client()
    client.force_login(member.user)
    assert client.get(f"/soest-demo/education/persons/{other.person_id}/").status_code == 404
    assert client.get(f"/soest-demo/education/persons/{min(seen)}/").status_code == 200


@pytest.mark.django_db
def test_demo_loader_is_idempotent(demo):
    from kim.education.demo import data
    from kim.education.models import Course

    with scope(municipality=demo):
        before = Course.objects.count()
    data.load(demo)
    with scope(municipality=demo):
        assert Course.objects.count() == before


@pytest.mark.django_db
def test_courses_running_today_have_participants(demo):
    """Demo realism: today's courses are about two thirds full (not empty while hundreds
    wait), the enrolled count shown next to the action plan's measure agrees."""
    from django.utils import timezone

    from kim.education.figures import enrolled
    from kim.education.models import Course

    today = timezone.localdate()
    with scope(municipality=demo):
        running = list(Course.objects.filter(start__lte=today, end__gte=today,
                                             kind__in=("integration", "alpha", "women")))
        assert running
        for course in running:
            assert Referral.objects.filter(course=course, start__isnull=False).count() >= \
                course.seats * 2 // 3 > 0, course
        assert enrolled(demo, today) >= sum(c.seats * 2 // 3 for c in running)


@pytest.mark.django_db
def test_schooling_gives_table_5_per_school(demo):
    """Tab. 5's columns the seed gives (classes, pupils, foreign pupils, GU) per school in
    2018/19, and the refugee pupils recorded never outnumber a school's foreign pupils."""
    from kim.education.demo.data import TAB5

    data = report("schooling", "2018-09-30")
    rows = {r["school"]: r for r in data["rows"]}
    assert {name: (rows[name]["classes"], rows[name]["pupils"], rows[name]["foreign_pupils"],
                   rows[name]["joint_teaching"]) for name, *_rest in TAB5} == {
        name: (classes, pupils, foreign, joint)
        for name, _district, classes, pupils, foreign, joint, _stage in TAB5}
    assert (data["totals"]["classes"], data["totals"]["pupils"],
            data["totals"]["foreign_pupils"], data["totals"]["joint_teaching"]) == (
        201, 6126, 365, 165)
    for name, *_rest in TAB5:
        assert rows[name]["total"] <= rows[name]["foreign_pupils"], name
    assert rows["Pauli-Hauptschule"]["regular"] == 0
    colleges = [r for name, r in rows.items() if "Berufskolleg" in name]
    assert len(colleges) == 2 and all(r["classes"] is None for r in colleges)
    assert sum(r["international"] for r in colleges) == data["totals"]["international"] > 0
