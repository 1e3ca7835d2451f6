"""The 'propose' action: the optimiser's proposal is shown with its reasons, nothing is
written before the coordinator confirms, and a stale confirmation writes nothing."""

import datetime

from django_scopes import scope

from kim.volunteers.models import Match, Request
from tests.volunteers.conftest import request_for
from tests.volunteers.factories import MatchFactory

URL = "/soest/volunteers/propose/"


def test_proposal_is_optimal_and_writes_nothing(pool, personas):
    # First fit in request order would give the Arabic-free request to Amal (first
    # volunteer) and leave the Arabic request unserved; the optimum serves both.
    plain = request_for(pool, language="", slots=["mon-pm"], description="Lernhilfe")
    arabic = request_for(pool, language="ar", slots=["mon-pm"], description="Arabisch")
    client = personas["volunteer_coordinator"].client()
    response = client.get(URL)
    assert response.status_code == 200
    suggestions = {s.request.pk: s.volunteer.pk for s in response.context["proposal"].suggestions}
    assert suggestions == {arabic.pk: pool.amal.pk, plain.pk: pool.bernd.pk}
    amal = next(s for s in response.context["proposal"].suggestions if s.request == arabic)
    assert amal.reasons == ["Spricht Arabisch (C1).", "Hat die Fähigkeit: Hausaufgabenhilfe.",
                            "Zur gewünschten Zeit verfügbar: Montag nachmittags.",
                            "Parallele Einsätze mit diesem: 1 von höchstens 1."]
    assert "Spricht Arabisch (C1)." in response.content.decode()
    assert response.context["proposal"].unmatched == []
    with scope(municipality=pool.municipality):
        assert Match.objects.count() == 0
        assert set(Request.objects.values_list("status", flat=True)) == {"open"}


def test_unmatched_request_carries_its_reason_in_german(pool, personas):
    tigrinya = request_for(pool, language="ti", description="Tigrinya")
    response = personas["volunteer_coordinator"].client().get(URL)
    (unmatched,) = response.context["proposal"].unmatched
    assert unmatched.request.pk == tigrinya.pk
    assert unmatched.reasons == ["Niemand unter den Ehrenamtlichen spricht Tigrinya."]


def test_confirm_writes_the_checked_pairs_only(pool, personas):
    first = request_for(pool, language="ar")
    second = request_for(pool, language="", skill="homework")
    client = personas["volunteer_coordinator"].client()
    response = client.post(URL, {"pair": [f"{first.pk}:{pool.amal.pk}"]})
    assert response.status_code == 302
    with scope(municipality=pool.municipality):
        match = Match.objects.get()
        assert (match.request_id, match.volunteer_id, match.state) == (
            first.pk, pool.amal.pk, "proposed")
        assert Request.objects.get(pk=first.pk).status == "matched"
        assert Request.objects.get(pk=second.pk).status == "open"


def test_stale_confirmation_writes_nothing_and_names_the_request(pool, personas):
    first = request_for(pool, language="ar")
    second = request_for(pool, language="ar", slots=["mon-pm"])
    with scope(municipality=pool.municipality):  # Amal (capacity 1) got work meanwhile
        MatchFactory(request=request_for(pool), volunteer=pool.amal)
    response = personas["volunteer_coordinator"].client().post(
        URL, {"pair": [f"{first.pk}:{pool.amal.pk}", f"{second.pk}:{pool.bernd.pk}"]})
    assert response.status_code == 200
    assert response.context["errors"] == [
        f"Anfrage Nr. {second.pk}: Spricht kein Arabisch.",  # Bernd
        "Die ehrenamtliche Person Amal Beispiel hätte 2 parallele Einsätze, höchstens 1."]
    with scope(municipality=pool.municipality):
        assert Match.objects.count() == 1  # only the one made meanwhile
        assert Request.objects.get(pk=first.pk).status == "open"


def test_confirm_refuses_garbage_and_empty_selection(pool, personas):
    client = personas["volunteer_coordinator"].client()
    assert client.post(URL, {"pair": ["x:1"]}).context["errors"] == [
        "Die Auswahl konnte nicht gelesen werden; bitte laden Sie den Vorschlag neu."]
    assert client.post(URL, {}).context["errors"] == [
        "Bitte wählen Sie mindestens einen Vorschlag."]


def test_children_need_a_valid_certificate(pool, personas):
    kids = request_for(pool, language="fa", skill="authorities", slots=["tue-am"],
                       district=pool.sued, involves_children=True)
    response = personas["volunteer_coordinator"].client().get(URL)
    suggestions = response.context["proposal"].suggestions
    assert [(s.request.pk, s.volunteer.pk) for s in suggestions] == [(kids.pk, pool.clara.pk)]
    with scope(municipality=pool.municipality):  # seen 2024-03-01 + 5 years: until 2029-02-28
        assert pool.clara.certificate_until(5) == datetime.date(2029, 2, 28)
        pool.clara.certificate_seen_on = datetime.date(2015, 1, 1)
        pool.clara.save()
    response = personas["volunteer_coordinator"].client().get(URL)
    assert response.context["proposal"].suggestions == []


def test_coordination_never_sees_the_household(pool, personas):
    own = request_for(pool, created_by=personas["caseworker"].user, household=pool.household,
                      description="Begleitung")
    for url in ("/soest/volunteers/requests/", f"/soest/volunteers/requests/{own.pk}/", URL):
        page = personas["volunteer_coordinator"].client().get(url).content.decode()
        assert "Haddad" not in page, url
    page = personas["caseworker"].client().get(
        f"/soest/volunteers/my-requests/{own.pk}/").content.decode()
    assert "Haushalt Haddad" in page


def test_request_page_ranks_candidates(pool, personas):
    req = request_for(pool, language="ar", skill="homework", district=pool.mitte)
    response = personas["coordinator"].client().get(f"/soest/volunteers/requests/{req.pk}/")
    ranked = response.context["candidates"]
    assert [c.volunteer.pk for c in ranked] == [pool.amal.pk]  # Bernd speaks no Arabic
    assert ranked[0].reasons[0] == "Spricht Arabisch (C1)."
    assert "Wer sie übernehmen könnte" in response.content.decode()
