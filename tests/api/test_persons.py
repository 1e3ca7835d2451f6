"""Persons, statuses and households through the API: scoping, validation, ETag,
idempotency."""

import datetime

import pytest
from django_scopes import scope

from kim.core.models import AuditEntry
from kim.people.models import LegalStatus, Person
from tests.people.factories import PersonFactory, StatusFactory

pytestmark = pytest.mark.django_db

NEW = {"family_name": "Beispiel", "given_names": "Amal", "birth": "1990-04-03",
       "citizenships": ["SY"], "sex": "f"}


def _person(town, **kw):
    with scope(municipality=town):
        return PersonFactory(municipality=town, **kw)


def test_list_shows_own_persons_only(api_of, soest, herne):
    own = _person(soest, family_name="Eigen")
    _person(herne, family_name="Fremd")
    r = api_of("caseworker").get("/api/v1/soest/persons/")
    assert r.status_code == 200
    assert [p["id"] for p in r.json()["results"]] == [own.pk]
    assert r.json()["results"][0]["family_name"] == "Eigen"


def test_token_of_one_municipality_is_404_in_another(api_of, soest, herne):
    foreign = _person(herne)
    api = api_of("caseworker")
    assert api.get("/api/v1/herne/persons/").status_code == 404
    assert api.get(f"/api/v1/soest/persons/{foreign.pk}/").status_code == 404


def test_permissions_are_the_web_ones(api_of, soest):
    person = _person(soest)
    assert api_of("school_office").get("/api/v1/soest/persons/").status_code == 403
    assert api_of("housing").get(f"/api/v1/soest/persons/{person.pk}/").status_code == 200
    r = api_of("housing").patch(f"/api/v1/soest/persons/{person.pk}/", {"phone": "1"},
                                **{"If-Match": "*"})
    assert r.status_code == 403
    assert r["Content-Type"] == "application/problem+json"


def test_anonymous_and_bad_tokens_get_401(client, soest):
    assert client.get("/api/v1/soest/persons/").status_code == 401
    r = client.get("/api/v1/soest/persons/", HTTP_AUTHORIZATION="Bearer kim_nonsense")
    assert r.status_code == 401
    assert r.json()["title"] == "Authentication required"


def test_read_only_token_cannot_write(api_of, soest):
    r = api_of("caseworker", access="read").post("/api/v1/soest/persons/", NEW)
    assert r.status_code == 403
    with scope(municipality=soest):
        assert not Person.objects.exists()


def test_token_limited_to_other_modules_is_refused(api_of, soest):
    assert api_of("caseworker", modules=["api"]).get("/api/v1/soest/changes/").status_code == 200
    assert api_of("caseworker", modules=["api"]).get(
        "/api/v1/soest/persons/").status_code == 403


def test_create_validates_like_the_web_and_names_fields(api_of, soest):
    api = api_of("caseworker")
    r = api.post("/api/v1/soest/persons/", {**NEW, "birth": "31.02.1990", "nickname": "x",
                                            "citizenships": ["ZZZ"]})
    assert r.status_code == 400
    assert r.json()["errors"] == [{"field": "nickname", "message": "Unknown field."}]
    r = api.post("/api/v1/soest/persons/", {**NEW, "birth": "31.02.1990"})
    assert r.status_code == 400
    assert [e["field"] for e in r.json()["errors"]] == ["birth"]
    assert api.post("/api/v1/soest/persons/", ["not", "an", "object"]).status_code == 400
    with scope(municipality=soest):
        assert not Person.objects.exists()


def test_create_is_audited_and_idempotent(api_of, soest):
    api = api_of("caseworker")
    first = api.post("/api/v1/soest/persons/", NEW, **{"Idempotency-Key": "k1"})
    assert first.status_code == 201
    again = api.post("/api/v1/soest/persons/", NEW, **{"Idempotency-Key": "k1"})
    assert again.status_code == 201
    assert again.json() == first.json()
    with scope(municipality=soest):
        person = Person.objects.get()
        assert person.citizenships == ["SY"]
        assert person.birth_date == datetime.date(1990, 4, 3)
        entry = AuditEntry.objects.get(model="people.person", action="create")
    assert entry.object_id == str(person.pk)
    assert entry.actor_name == "caseworker-soest"


def test_update_needs_the_current_etag(api_of, soest):
    person = _person(soest, phone="")
    api = api_of("caseworker")
    url = f"/api/v1/soest/persons/{person.pk}/"
    tag = api.get(url)["ETag"]
    assert api.patch(url, {"phone": "0171"}).status_code == 428
    assert api.patch(url, {"phone": "0171"}, **{"If-Match": '"stale"'}).status_code == 412
    r = api.patch(url, {"phone": "0171"}, **{"If-Match": tag})
    assert r.status_code == 200, r.json()
    assert r.json()["phone"] == "0171"
    assert api.patch(url, {"phone": "0172"}, **{"If-Match": tag}).status_code == 412
    person.refresh_from_db()
    assert person.phone == "0171"


def test_status_history_read_and_write(api_of, soest):
    person = _person(soest)
    with scope(municipality=soest):
        StatusFactory(person=person, code="gestattung", valid_from=datetime.date(2024, 1, 5))
    api = api_of("caseworker")
    url = f"/api/v1/soest/persons/{person.pk}/statuses/"
    assert [s["code"] for s in api.get(url).json()["results"]] == ["gestattung"]
    r = api.post(url, {"code": "gestattung", "valid_from": "2024-01-05"})
    assert r.status_code == 400
    assert r.json()["errors"][0]["field"] == "valid_from"
    r = api.post(url, {"code": "refugee", "valid_from": "2024-06-01"})
    assert r.status_code == 201, r.json()
    with scope(municipality=soest):
        assert LegalStatus.objects.filter(person=person).count() == 2
    assert api_of("housing").post(url, {"code": "refugee",
                                        "valid_from": "2024-07-01"}).status_code == 403


def test_changes_feed_lists_changes_the_user_may_read(api_of, soest, herne):
    api = api_of("caseworker")
    start = api.get("/api/v1/soest/changes/").json()["next"]
    created = api.post("/api/v1/soest/persons/", NEW).json()
    _person(herne)
    feed = api.get(f"/api/v1/soest/changes/?since={start}").json()
    assert [(c["action"], c["model"], c["id"]) for c in feed["results"]] == [
        ("create", "people.person", str(created["id"]))]
    assert api.get(f"/api/v1/soest/changes/?since={feed['next']}").json()["results"] == []
    # the coordinator holds no person permission: the person's entry is not theirs to see
    coordinator = api_of("coordinator").get(f"/api/v1/soest/changes/?since={start}")
    assert coordinator.json()["results"] == []
    assert api.get("/api/v1/soest/changes/?since=-1").status_code == 400


def test_messages_are_german_by_default(client, personas, soest):
    from tests.api.conftest import token_for

    raw = token_for(personas["caseworker"].user, soest, "write")
    r = client.post("/api/v1/soest/persons/", {**NEW, "nickname": "x"},
                    content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert r.json()["errors"] == [{"field": "nickname", "message": "Unbekanntes Feld."}]


def test_decisions_of_a_person_on_a_day(api_of, soest):
    person = _person(soest)
    with scope(municipality=soest):
        StatusFactory(person=person, code="refugee", valid_from=datetime.date(2024, 1, 5))
    api = api_of("caseworker")
    url = f"/api/v1/soest/persons/{person.pk}/decisions/"
    before = api.get(url + "?on=2023-12-31").json()
    assert before == {"on": "2023-12-31", "decisions": None}
    after = api.get(url + "?on=2024-06-01").json()
    assert after["on"] == "2024-06-01"
    assert after["decisions"]["benefits"]["regime"] == "sgb2"
    assert api.get(url + "?on=31.12.2023").status_code == 400
    assert api_of("school_office").get(url).status_code == 403


def test_facilities_and_stays(api_of, soest, herne):
    from tests.housing.factories import StayFactory

    with scope(municipality=soest):
        stay = StayFactory(place__unit__facility__municipality=soest)
    with scope(municipality=herne):
        StayFactory(place__unit__facility__municipality=herne)
    api = api_of("housing")
    stays = api.get("/api/v1/soest/stays/?open=1").json()["results"]
    assert [(s["id"], s["person"]) for s in stays] == [(stay.pk, stay.person_id)]
    facility = stay.place.unit.facility
    detail = api.get(f"/api/v1/soest/facilities/{facility.pk}/").json()
    assert detail["code"] == facility.code
    assert [p["id"] for u in detail["units"] for p in u["places"]] == [stay.place_id]
    assert api_of("school_office").get("/api/v1/soest/stays/").status_code == 403


@pytest.mark.parametrize("url", ["/api/v1/soest/changes/?since=²",
                                 "/api/v1/soest/persons/?birth_year=١٩٩٠",
                                 "/api/v1/soest/persons/?family_name=a%00b",
                                 "/api/v1/soest/stays/?person=³",
                                 "/api/v1/soest/persons/?updated_since=0743-05-25T01:26:53"])
def test_odd_query_values_are_400_not_500(api_of, soest, url):
    """Found by the fuzzer on PostgreSQL: digits int() refuses, NUL in a string."""
    r = api_of("caseworker").get(url)
    assert r.status_code == 400
    assert r["Content-Type"] == "application/problem+json"
