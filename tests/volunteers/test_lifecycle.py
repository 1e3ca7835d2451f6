"""Assignments: proposed → agreed → active → ended, hours, feedback; what an end means for
its request; every form names the field it refuses."""

import datetime

from django.utils import timezone
from django_scopes import scope

from kim.volunteers.models import Match, MatchHours, Request
from tests.volunteers.conftest import request_for
from tests.volunteers.factories import MatchFactory


def _match(pool, **kwargs):
    req = request_for(pool, status=Request.Status.MATCHED)
    with scope(municipality=pool.municipality):
        return MatchFactory(request=req, volunteer=pool.bernd, **kwargs)


def _reload(pool, obj):
    with scope(municipality=pool.municipality):
        return type(obj).objects.get(pk=obj.pk)


def test_full_life_cycle(pool, personas):
    match = _match(pool)
    client = personas["volunteer_coordinator"].client()
    base = f"/soest/volunteers/assignments/{match.pk}"
    assert client.post(f"{base}/next/", {"on": "2025-01-12"}).status_code == 302
    assert client.post(f"{base}/next/", {"on": "2025-01-15"}).status_code == 302
    match = _reload(pool, match)
    assert (match.state, match.agreed_on, match.started_on) == (
        "active", datetime.date(2025, 1, 12), datetime.date(2025, 1, 15))
    assert client.get(f"{base}/next/").status_code == 404  # active: no further step
    assert client.post(f"{base}/hours/", {"month": "2025-02", "hours": "7.5"}).status_code == 302
    assert client.post(f"{base}/hours/", {"month": "2025-02", "hours": "8"}).status_code == 302
    with scope(municipality=pool.municipality):
        assert list(MatchHours.objects.values_list("month", "hours")) == [
            (datetime.date(2025, 2, 1), 8)]
    assert client.post(f"{base}/feedback/", {"feedback_rating": "good",
                                             "feedback": "Klappt"}).status_code == 302
    assert client.post(f"{base}/end/", {"on": "2025-06-30", "reason": "completed",
                                        "note": ""}).status_code == 302
    match = _reload(pool, match)
    assert (match.state, match.end_reason, match.feedback_rating) == ("ended", "completed",
                                                                      "good")
    assert _reload(pool, match.request).status == "closed"
    page = client.get(f"{base}/").content.decode()
    assert "Bedarf gedeckt" in page and "Februar 2025" in page


def test_end_for_another_reason_opens_the_request_again(pool, personas):
    match = _match(pool)
    response = personas["volunteer_coordinator"].client().post(
        f"/soest/volunteers/assignments/{match.pk}/end/",
        {"on": "2025-01-20", "reason": "declined", "note": "keine Zeit"})
    assert response.status_code == 302
    assert _reload(pool, match.request).status == "open"


def test_dates_before_the_start_are_refused_on_the_field(pool, personas):
    match = _match(pool, state=Match.State.ACTIVE, started_on=datetime.date(2025, 3, 1))
    client = personas["volunteer_coordinator"].client()
    base = f"/soest/volunteers/assignments/{match.pk}"
    response = client.post(f"{base}/end/", {"on": "2025-02-01", "reason": "completed"})
    assert response.context["form"].errors == {
        "on": ["Das Ende liegt vor dem Beginn des Einsatzes."]}
    response = client.post(f"{base}/hours/", {"month": "2025-01", "hours": "3"})
    assert response.context["form"].errors == {
        "month": ["Der Monat liegt vor dem Beginn des Einsatzes."]}
    response = client.post(f"{base}/hours/", {"month": "2025-13", "hours": "-1"})
    assert set(response.context["form"].errors) == {"month", "hours"}
    assert _reload(pool, match).state == "active"


def test_hours_only_for_running_assignments(pool, personas):
    match = _match(pool)
    response = personas["volunteer_coordinator"].client().get(
        f"/soest/volunteers/assignments/{match.pk}/hours/")
    assert response.status_code == 404


def test_withdraw_an_open_request(pool, personas):
    req = request_for(pool)
    client = personas["volunteer_coordinator"].client()
    page = client.get(f"/soest/volunteers/requests/{req.pk}/withdraw/")
    assert page.status_code == 200
    assert client.post(f"/soest/volunteers/requests/{req.pk}/withdraw/").status_code == 302
    assert _reload(pool, req).status == "withdrawn"
    assert client.get(f"/soest/volunteers/requests/{req.pk}/withdraw/").status_code == 404


def test_requests_waiting_too_long(pool, personas):
    today = timezone.localdate()
    old = request_for(pool, created_on=today - datetime.timedelta(days=20))
    new = request_for(pool, created_on=today - datetime.timedelta(days=3))
    client = personas["volunteer_coordinator"].client()
    listed = client.get("/soest/volunteers/requests/?waiting=1").context["page"].object_list
    assert [r.pk for r in listed] == [old.pk]
    listed = client.get("/soest/volunteers/requests/").context["page"].object_list
    assert [r.pk for r in listed] == [old.pk, new.pk]
    start = client.get("/soest/").content.decode()
    assert "2 offene Anfragen" in start and "davon 1 lange wartend" in start


def test_edit_an_open_request(pool, personas):
    req = request_for(pool, language="ar")
    client = personas["volunteer_coordinator"].client()
    response = client.post(f"/soest/volunteers/requests/{req.pk}/edit/", {
        "skill": "sport", "language": "", "slots": ["sat-am"], "description": "Fußball",
        "created_on": "2025-01-06"})
    assert response.status_code == 302
    req = _reload(pool, req)
    assert (req.skill, req.language, req.slots, req.description) == (
        "sport", "", ["sat-am"], "Fußball")


def test_caseworker_withdraws_an_own_request(pool, personas):
    own = request_for(pool, created_by=personas["caseworker"].user)
    client = personas["caseworker"].client()
    assert client.post(f"/soest/volunteers/my-requests/{own.pk}/withdraw/").status_code == 302
    assert _reload(pool, own).status == "withdrawn"
    other = request_for(pool)  # the coordination's request: not the caseworker's
    assert client.post(f"/soest/volunteers/my-requests/{other.pk}/withdraw/").status_code == 404
    assert _reload(pool, other).status == "open"
