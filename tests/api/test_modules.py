"""The endpoints of housing (waiting list, placements), education (courses, referrals, the
card), volunteers (requests) and monitoring (indicators, observations): the pages'
object rules, the pages' validation, lost updates, idempotent and audited creates."""

import datetime
from decimal import Decimal

import pytest
from django_scopes import scope

from kim.core.models import AuditEntry, Membership
from kim.education.models import Referral
from kim.housing.models import WaitingListEntry
from kim.monitoring.models import Indicator, Observation
from kim.people.models import Household
from kim.volunteers.models import Request
from tests.api.conftest import Api, token_for
from tests.education.factories import CourseFactory, ProviderFactory, ReferralFactory
from tests.people.factories import PersonFactory
from tests.volunteers.factories import RequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(soest, personas):
    """Two providers with a course each; Amal referred to the provider persona's course,
    Bilal to the other, Chadi to none."""
    with scope(municipality=soest):
        own, other = (ProviderFactory(municipality=soest, name=n) for n in ("Own", "Other"))
        course = CourseFactory(municipality=soest, provider=own)
        other_course = CourseFactory(municipality=soest, provider=other)
        amal, bilal, chadi = (PersonFactory(municipality=soest, family_name=n)
                              for n in ("Amal", "Bilal", "Chadi"))
        referral = ReferralFactory(course=course, person=amal)
        other_referral = ReferralFactory(course=other_course, person=bilal)
        Membership.objects.filter(user=personas["provider"].user).update(organisation=own)
    return {"course": course, "other_course": other_course, "amal": amal, "bilal": bilal,
            "chadi": chadi, "referral": referral, "other_referral": other_referral}


def test_provider_sees_only_its_referrals_and_referred_persons(api_of, school):
    provider = api_of("provider")
    listed = provider.get("/api/v1/soest/referrals/").json()["results"]
    assert [r["id"] for r in listed] == [school["referral"].pk]
    assert listed[0]["state"] == "referred"
    card = provider.get(f"/api/v1/soest/persons/{school['amal'].pk}/education/")
    assert card.status_code == 200
    assert [r["course"] for r in card.json()["referrals"]] == [school["course"].pk]
    for person in ("bilal", "chadi"):
        url = f"/api/v1/soest/persons/{school[person].pk}/education/"
        assert provider.get(url).status_code == 404, person
    assert provider.get(f"/api/v1/soest/referrals/{school['other_referral'].pk}/"
                        ).status_code == 404
    caseworker = api_of("caseworker")
    assert len(caseworker.get("/api/v1/soest/referrals/").json()["results"]) == 2
    assert api_of("housing").get("/api/v1/soest/referrals/").status_code == 403


def test_referral_create_uses_the_page_form_and_is_idempotent_and_audited(api_of, soest,
                                                                          school):
    api = api_of("caseworker")
    url = f"/api/v1/soest/persons/{school['chadi'].pk}/referrals/"
    body = {"course": school["course"].pk, "referred_on": "2026-02-02"}
    first = api.post(url, body, **{"Idempotency-Key": "r1"})
    assert first.status_code == 201, first.json()
    assert api.post(url, body, **{"Idempotency-Key": "r1"}).json() == first.json()
    again = api.post(url, body)
    assert again.status_code == 400
    assert again.json()["errors"] == [{"field": "course", "message":
                                       "The person is already referred to this course."}]
    assert api.post(url, {"course": 999999, "referred_on": "2026-02-02"}
                    ).json()["errors"][0]["field"] == "course"
    assert api.post(url, {"curse": 1}).json()["errors"] == [
        {"field": "curse", "message": "Unknown field."}]
    with scope(municipality=soest):
        created = Referral.objects.get(person=school["chadi"])
        entry = AuditEntry.objects.get(model="education.referral", action="create",
                                       object_id=str(created.pk))
    assert first.json()["id"] == created.pk
    assert entry.actor_name == "caseworker-soest"
    # a provider refers only persons it reaches (Bilal is referred to another's course)
    assert api_of("provider").post(f"/api/v1/soest/persons/{school['bilal'].pk}/referrals/",
                                   body).status_code == 404


def test_referral_update_needs_the_current_etag(api_of, soest, school):
    api = api_of("provider")
    url = f"/api/v1/soest/referrals/{school['referral'].pk}/"
    tag = api.get(url)["ETag"]
    assert api.patch(url, {"start": "2026-03-02"}).status_code == 428
    early = api.patch(url, {"start": "2000-01-03"}, **{"If-Match": tag})
    assert early.status_code == 400
    assert early.json()["errors"][0]["field"] == "start"
    r = api.patch(url, {"start": "2026-03-02"}, **{"If-Match": tag})
    assert r.status_code == 200, r.json()
    assert r.json()["state"] == "enrolled"
    assert api.patch(url, {"seat": 3}, **{"If-Match": tag}).status_code == 412
    with scope(municipality=soest):
        assert Referral.objects.get(pk=school["referral"].pk).start == datetime.date(2026, 3, 2)


def test_courses_filter_order_and_the_providers_own(api_of, soest, school):
    api = api_of("caseworker")
    own = school["course"]
    r = api.get(f"/api/v1/soest/courses/?provider={own.provider_id}")
    assert [c["id"] for c in r.json()["results"]] == [own.pk]
    assert r.json()["results"][0]["referred"] == 1
    bad = api.get("/api/v1/soest/courses/?status=maybe&starts_from=soon&ordering=x")
    assert bad.status_code == 400
    assert {e["field"] for e in bad.json()["errors"]} == {"status", "starts_from", "ordering"}
    provider = api_of("provider")
    other = f"/api/v1/soest/courses/{school['other_course'].pk}/"
    tag = provider.get(other)["ETag"]
    assert provider.patch(other, {"seats": 9}, **{"If-Match": tag}).status_code == 403
    mine = f"/api/v1/soest/courses/{own.pk}/"
    r = provider.patch(mine, {"seats": 9}, **{"If-Match": provider.get(mine)["ETag"]})
    assert r.status_code == 200, r.json()
    assert r.json()["seats"] == 9
    created = provider.post("/api/v1/soest/courses/", {
        "provider": school["other_course"].provider_id, "title": "Alpha", "kind": "alpha",
        "start": "2026-09-01", "seats": 12})
    assert created.status_code == 400
    assert created.json()["errors"][0]["field"] == "provider"


def test_waiting_list_create_and_read(api_of, soest):
    with scope(municipality=soest):
        household = Household.objects.create(municipality=soest, name="Haddad")
    api = api_of("housing")
    body = {"household": household.pk, "applied_on": "2026-01-05"}
    r = api.post("/api/v1/soest/waiting-list/", body)
    assert r.status_code == 201, r.json()
    assert r.json()["status"] == "active"
    twice = api.post("/api/v1/soest/waiting-list/", body)
    assert twice.status_code == 400
    assert twice.json()["errors"][0]["field"] == "household"
    listed = api_of("caseworker").get("/api/v1/soest/waiting-list/?status=active").json()
    assert [e["household"] for e in listed["results"]] == [household.pk]
    assert api_of("caseworker").post("/api/v1/soest/waiting-list/", body).status_code == 403
    with scope(municipality=soest):
        assert WaitingListEntry.objects.count() == 1
    assert api_of("housing").get("/api/v1/soest/placements/?placed_from=2026-01-01"
                                 ).json()["results"] == []


def test_volunteer_requests_keep_households_and_volunteers_apart(api_of, soest, personas):
    with scope(municipality=soest):
        household = Household.objects.create(municipality=soest, name="Haddad")
        RequestFactory(municipality=soest, created_by=personas["caseworker"].user,
                       household=household)
        foreign_own = RequestFactory(municipality=soest, created_by=personas["admin"].user)
    caseworker = api_of("caseworker")
    r = caseworker.post("/api/v1/soest/my-volunteer-requests/", {
        "skill": "homework", "slots": ["mon-pm"], "description": "Hausaufgaben",
        "created_on": "2026-02-02", "household": household.pk})
    assert r.status_code == 201, r.json()
    assert r.json()["household"] == household.pk
    own = caseworker.get("/api/v1/soest/my-volunteer-requests/").json()["results"]
    assert len(own) == 2 and {o["household"] for o in own} == {household.pk}
    assert caseworker.get(f"/api/v1/soest/my-volunteer-requests/{foreign_own.pk}/"
                          ).status_code == 404
    missing = caseworker.post("/api/v1/soest/my-volunteer-requests/", {
        "slots": ["mon-pm"], "description": "x", "created_on": "2026-02-02",
        "household": 999999})
    assert missing.status_code == 400
    assert {e["field"] for e in missing.json()["errors"]} >= {"household"}
    coordination = api_of("volunteer_coordinator").get("/api/v1/soest/volunteer-requests/")
    assert len(coordination.json()["results"]) == 3
    assert all("household" not in r and "created_by" not in r
               for r in coordination.json()["results"])
    assert caseworker.get("/api/v1/soest/volunteer-requests/").status_code == 403
    with scope(municipality=soest):
        assert Request.objects.filter(created_by=personas["caseworker"].user).count() == 2


def test_indicators_are_disclosure_controlled_and_observations_exact_only(api_of, soest):
    with scope(municipality=soest):
        indicator = Indicator.objects.create(municipality=soest, code="refugees",
                                             name="Geflüchtete", topic="population")
        Observation.objects.create(municipality=soest, indicator=indicator,
                                   period=datetime.date(2025, 12, 31), value=Decimal(2))
    url = f"/api/v1/soest/indicators/{indicator.pk}/"
    exact = api_of("coordinator").get(url).json()["table"]
    assert exact["protected"] is False
    assert exact["rows"] == [{"period": "2025-12-31", "values": {"town": "2"}}]
    steering = api_of("steering")
    table = steering.get(url).json()["table"]
    assert table["protected"] is True
    assert table["rows"][0]["values"]["town"] != "2"
    assert steering.get("/api/v1/soest/observations/").status_code == 403
    obs = api_of("coordinator").get(f"/api/v1/soest/observations/?indicator={indicator.pk}")
    assert [o["value"] for o in obs.json()["results"]] == ["2.0000"]


def test_a_token_limited_to_housing_cannot_read_courses(personas, soest, school):
    api = Api(token_for(personas["caseworker"].user, soest, "read", modules=["housing"]))
    assert api.get("/api/v1/soest/courses/").status_code == 403
    assert api.get("/api/v1/soest/waiting-list/").status_code == 200


def test_observations_recorded_through_the_import(api_of, soest):
    with scope(municipality=soest):
        indicator = Indicator.objects.create(municipality=soest, code="refugees",
                                             name="Geflüchtete", topic="population")
    api = api_of("coordinator")
    url = "/api/v1/soest/observations/bulk?source=Melderegister"
    bad = api.post(url, {"rows": [{"indicator": "refugees", "period": "2025", "value": "7"},
                                  {"indicator": "nope", "period": "2025", "value": "1"}]})
    assert bad.status_code == 400
    assert [(e["index"], e["column"]) for e in bad.json()["errors"]] == [(1, "indicator")]
    with scope(municipality=soest):
        assert not Observation.objects.exists()  # all or nothing
    r = api.post(url, {"rows": [{"indicator": "refugees", "period": "2025", "value": "7"}]})
    assert r.status_code == 200, r.json()
    assert r.json()["written"] is True and r.json()["rows"] == 1
    with scope(municipality=soest):
        obs = Observation.objects.get(indicator=indicator)
    assert (obs.period, obs.value) == (datetime.date(2025, 12, 31), Decimal(7))
    assert api_of("steering").post(url, {"rows": []}).status_code == 403


def test_the_token_page_names_every_module_with_endpoints():
    from kim.api.forms import MODULE_LABELS
    from kim.api.tokens import api_modules

    assert set(api_modules()) == set(MODULE_LABELS)
    assert {"education", "volunteers", "monitoring", "housing", "people"} <= set(api_modules())
