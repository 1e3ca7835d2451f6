"""The start page's "due soon" card says what changes, in German (issue 13 item 7)."""

import datetime

from django.utils import timezone
from django_scopes import scope

from kim.people.models import Deadline
from tests.housing.factories import PersonFactory


def test_the_next_deadlines_name_the_new_value(personas, soest):
    today = timezone.localdate()
    with scope(municipality=soest):
        person = PersonFactory(municipality=soest, family_name="Karimi", given_names="Sara")
        Deadline.objects.create(municipality=soest, person=person, kind="benefits.regime",
                                value="asylblg_analog", source="test",
                                date=today + datetime.timedelta(days=5))
        Deadline.objects.create(municipality=soest, person=person, kind="permit_expiry",
                                source="test", date=today + datetime.timedelta(days=6))
    page = personas["benefits"].client().get("/soest/", HTTP_ACCEPT_LANGUAGE="de")
    text = page.content.decode()
    assert "</a>: Leistungen → Analogleistungen nach § 2 AsylbLG</li>" in text
    assert "</a>: Aufenthaltsdokument läuft ab</li>" in text  # nothing to add: no arrow
