"""The action plan: versions as copies with links, status on a past date, what changed,
strict write paths, the pages by role, the council's PDF."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope

from kim.plan.domain.plans import new_version, record_status
from kim.plan.domain.status import changes, history, plan_as_of
from kim.plan.models import Goal, Measure, Plan, StatusEntry
from tests.plan.factories import (
    GoalFactory,
    MeasureFactory,
    PlanFactory,
    PlanFieldFactory,
    StatusEntryFactory,
)

D = datetime.date
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def plan(soest):
    """A plan with two measures: 1.1 in progress from 2020, done from 2021; 1.2 without
    any entry."""
    with scope(municipality=soest):
        plan = PlanFactory(municipality=soest, title="Konzept 2019")
        field = PlanFieldFactory(plan=plan, number=1)
        GoalFactory(plan_field=field, horizon="short", text="Kinderbetreuung prüfen")
        first = MeasureFactory(plan_field=field, number="1.1")
        MeasureFactory(plan_field=field, number="1.2")
        StatusEntryFactory(measure=first, reported_on=D(2020, 3, 31), progress=30)
        StatusEntryFactory(measure=first, reported_on=D(2021, 3, 31), state="done",
                           progress=100)
        return plan


def states(view):
    return {m.number: (e.state, e.progress) if e else None
            for fv in view.fields for m, e in fv.rows}


def test_status_on_past_dates(soest, plan):
    with scope(municipality=soest):
        assert states(plan_as_of(plan, D(2020, 3, 30))) == {"1.1": None, "1.2": None}
        assert states(plan_as_of(plan, D(2020, 3, 31))) == {"1.1": ("in_progress", 30),
                                                            "1.2": None}
        view = plan_as_of(plan, D(2026, 1, 1))
        assert states(view) == {"1.1": ("done", 100), "1.2": None}
        assert dict(view.states) == {"done": 1, "not_started": 1}


def test_new_version_copies_and_keeps_the_history(soest, plan):
    with scope(municipality=soest):
        review = new_version(plan, "Fortschreibung 2022", D(2022, 3, 1))
        assert review.predecessor == plan
        copied = {m.number: m for m in Measure.objects.filter(plan_field__plan=review)}
        old = {m.number: m for m in Measure.objects.filter(plan_field__plan=plan)}
        assert set(copied) == {"1.1", "1.2"}
        assert copied["1.1"].predecessor == old["1.1"]
        assert copied["1.1"].owner == old["1.1"].owner
        assert Goal.objects.filter(plan_field__plan=review).get().text == (
            "Kinderbetreuung prüfen")
        assert not StatusEntry.objects.filter(measure__plan_field__plan=review).exists()
        # the copy shows the predecessor's status until it has its own
        assert states(plan_as_of(review, D(2022, 6, 1)))["1.1"] == ("done", 100)
        record_status(copied["1.1"], {"reported_on": D(2023, 3, 31), "state": "stopped",
                                      "progress": 100, "goal": "", "timing": "",
                                      "status": "beendet", "need": ""}, None)
        assert [(e.reported_on, e.state) for e in history(copied["1.1"])] == [
            (D(2023, 3, 31), "stopped"), (D(2021, 3, 31), "done"),
            (D(2020, 3, 31), "in_progress")]
        assert states(plan_as_of(review, D(2024, 1, 1)))["1.1"] == ("stopped", 100)


def test_new_version_refuses_an_earlier_date_and_a_taken_title(soest, plan):
    with scope(municipality=soest):
        with pytest.raises(ValidationError) as earlier:
            new_version(plan, "Alt", D(2018, 1, 1))
        assert list(earlier.value.message_dict) == ["adopted_on"]
        with pytest.raises(ValidationError) as taken:
            new_version(plan, "Konzept 2019", D(2022, 1, 1))
        assert list(taken.value.message_dict) == ["title"]
        assert Plan.objects.count() == 1


@pytest.mark.parametrize(("state", "progress", "day", "field"), [
    ("done", 90, D(2022, 1, 1), "progress"),
    ("not_started", 10, D(2022, 1, 1), "progress"),
    ("in_progress", 10, D(2019, 1, 1), "reported_on"),
])
def test_record_status_names_the_field(soest, plan, state, progress, day, field):
    with scope(municipality=soest):
        measure = Measure.objects.get(number="1.2")
        with pytest.raises(ValidationError) as error:
            record_status(measure, {"reported_on": day, "state": state, "progress": progress,
                                    "goal": "", "timing": "", "status": "", "need": ""}, None)
        assert list(error.value.message_dict) == [field]
        assert not measure.status_entries.exists()


def test_changes_since_the_last_report(soest, plan):
    with scope(municipality=soest):
        found = changes(plan, D(2020, 12, 31), D(2021, 12, 31))
        assert [(c.measure.number, c.before.state, c.after.state, c.progress_delta,
                 c.state_changed) for c in found] == [("1.1", "in_progress", "done", 70,
                                                       True)]
        assert changes(plan, D(2021, 12, 31), D(2026, 1, 1)) == []
        first = changes(plan, D(2019, 12, 31), D(2020, 12, 31))
        assert [(c.before, c.after.progress) for c in first] == [(None, 30)]


def test_coordinator_keeps_the_plan_through_the_pages(personas, soest, plan):
    client = personas["coordinator"].client()
    with scope(municipality=soest):
        field = plan.fields.get()
    response = client.post(f"/soest/plan/fields/{field.pk}/measures/new/", {
        "number": "1.3", "text": "Bildungskette auswerten", "owner": "Integrationsbeauftragte",
        "participants": "", "horizon": "short", "effort": "Druckkosten"}, **EN)
    assert response.status_code == 302
    with scope(municipality=soest):
        measure = Measure.objects.get(number="1.3")
    response = client.post(f"/soest/plan/measures/{measure.pk}/status/new/", {
        "reported_on": "2022-03-31", "state": "in_progress", "progress": "50",
        "goal": "Auswertung", "timing": "2022", "status": "Befragung läuft",
        "need": "Mittel für Druck"}, **EN)
    assert response.status_code == 302
    with scope(municipality=soest):
        entry = measure.status_entries.get()
        assert (entry.progress, entry.need, entry.author) == (
            50, "Mittel für Druck", personas["coordinator"].user)
    page = client.get(f"/soest/plan/measures/{measure.pk}/", **EN).content.decode()
    assert "Befragung läuft" in page and "Record the status" in page
    # a taken number and an impossible progress are field errors, never a 500
    again = client.post(f"/soest/plan/fields/{field.pk}/measures/new/", {
        "number": "1.1", "text": "x", "owner": "y", "horizon": "short"}, **EN)
    assert again.status_code == 200
    assert "This plan has a measure with this number already." in again.content.decode()
    bad = client.post(f"/soest/plan/measures/{measure.pk}/status/new/", {
        "reported_on": "2022-04-01", "state": "done", "progress": "80"}, **EN)
    assert bad.status_code == 200
    assert "A measure that is done is at 100 %." in bad.content.decode()
    with scope(municipality=soest):
        assert measure.status_entries.count() == 1


def test_readers_see_the_plan_and_cannot_write(personas, soest, plan):
    for role in ("steering", "caseworker", "school_office"):
        client = personas[role].client()
        page = client.get(f"/soest/plan/{plan.pk}/?on=2020-06-30", **EN)
        assert page.status_code == 200, role
        text = page.content.decode()
        assert "Konzept 2019" in text and "Start a new version" not in text
        assert client.get(f"/soest/plan/{plan.pk}/version/").status_code == 403
    for role in ("benefits", "housing", "provider"):
        assert personas[role].client().get(f"/soest/plan/{plan.pk}/").status_code == 403


def test_new_version_through_the_page(personas, soest, plan):
    client = personas["coordinator"].client()
    response = client.post(f"/soest/plan/{plan.pk}/version/",
                           {"title": "Fortschreibung 2022", "adopted_on": "2022-03-01"})
    with scope(municipality=soest):
        review = Plan.objects.get(title="Fortschreibung 2022")
    assert response.status_code == 302 and response["Location"] == f"/soest/plan/{review.pk}/"
    refused = client.post(f"/soest/plan/{plan.pk}/version/",
                          {"title": "Konzept 2019", "adopted_on": "2022-03-01"}, **EN)
    assert refused.status_code == 200
    assert "A plan with this title exists already." in refused.content.decode()


def test_council_pdf_and_changes_page(personas, soest, plan):
    client = personas["steering"].client()
    pdf = client.get(f"/soest/plan/{plan.pk}/status-report.pdf?on=2021-12-31")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    page = client.get(f"/soest/plan/{plan.pk}/changes/?since=2020-12-31&on=2021-12-31",
                      **EN).content.decode()
    assert "1.1" in page and "+70" in page


def test_a_measure_shows_its_figure_to_those_who_may_see_it(personas, soest, plan):
    from tests.housing.factories import FacilityFactory, PlaceFactory, UnitFactory

    with scope(municipality=soest):
        room = UnitFactory(facility=FacilityFactory(municipality=soest))
        for _ in range(4):
            PlaceFactory(unit=room)
        Measure.objects.filter(number="1.1").update(figure="housing_free")
        measure = Measure.objects.get(number="1.1")
    label = "Free places in municipal accommodation"
    for role, shown in (("caseworker", True), ("coordinator", True), ("steering", True),
                        ("school_office", False), ("volunteer_coordinator", False)):
        page = personas[role].client().get(f"/soest/plan/{plan.pk}/", **EN).content.decode()
        assert (f"{label}: <strong>4</strong>" in page) is shown, role
        detail = personas[role].client().get(f"/soest/plan/measures/{measure.pk}/",
                                             **EN).content.decode()
        assert (label in detail) is shown, role


def test_measures_link_to_figures_every_module_declares(personas, soest, plan):
    """Courses, volunteers and monitoring indicators join accommodation (issue 15 item 2):
    the form offers what the modules declare, the page shows the figure by permission."""
    from decimal import Decimal

    from kim.monitoring.models import Indicator, Observation
    from tests.education.factories import ReferralFactory

    with scope(municipality=soest):
        for _ in range(2):
            ReferralFactory(course__municipality=soest, start=datetime.date(2026, 1, 12))
        indicator = Indicator.objects.get(code="pop.foreign")
        Observation.objects.create(municipality=soest, indicator=indicator,
                                   period=datetime.date(2025, 12, 31), value=Decimal("4711"))
        Measure.objects.filter(number="1.1").update(figure="education_enrolled")
        Measure.objects.filter(number="1.2").update(figure="monitoring.pop.foreign")
        first = Measure.objects.get(number="1.1").pk
    form = personas["coordinator"].client().get(f"/soest/plan/measures/{first}/edit/",
                                                **EN).content.decode()
    for key in ("education_enrolled", "volunteers_active", "monitoring.pop.foreign",
                "housing_free"):
        assert f'value="{key}"' in form, key
    steering = personas["steering"].client().get(f"/soest/plan/{plan.pk}/",
                                                 **EN).content.decode()
    assert "Persons enrolled in a course: <strong>&lt;3</strong>" in steering  # aggregate
    assert "Ausländerinnen und Ausländer: <strong>4,711</strong>" in steering
    caseworker = personas["caseworker"].client().get(f"/soest/plan/{plan.pk}/",
                                                     **EN).content.decode()
    assert "Persons enrolled in a course: <strong>2</strong>" in caseworker  # exact
