"""The demo: the seven working groups of the Runder Tisch, open requests, active
assignments; the volunteer coordination works with them and sees no person data."""

from django_scopes import scope

from kim.volunteers import demo
from kim.volunteers.models import Match, Offer, Request, Volunteer, WorkingGroup


def test_demo_volunteers(soest, personas):
    demo.load(soest)
    demo.load(soest)  # idempotent
    with scope(municipality=soest):
        assert sorted(WorkingGroup.objects.values_list("name", flat=True)) == sorted([
            "Bildung", "Dolmetschen", "Erstversorgung", "Kleiderkammer", "Kultur & Freizeit",
            "Mobilität", "Sport"])
        for group in WorkingGroup.objects.all():
            assert group.volunteers.count() >= 9, group
        assert Volunteer.objects.count() == 63
        assert Request.objects.filter(status="open").count() == 10
        assert Match.objects.filter(state="active").count() == 18
        assert Offer.objects.filter(public=True).count() == 8
    client = personas["volunteer_coordinator"].client()
    response = client.get("/soest/volunteers/propose/")
    proposal = response.context["proposal"]
    assert len(proposal.suggestions) + len(proposal.unmatched) == 10
    assert len(proposal.suggestions) >= 5
    assert client.get("/soest/").status_code == 200  # start page with the card
    assert client.get("/soest/persons/").status_code == 403
