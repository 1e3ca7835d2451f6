"""The audit log for humans (issue 13 item 9): object type as a choice, a person filter
that reveals nothing to readers without the data, field labels, local time in minutes,
readable changes in the export."""

import csv
import io

from django.test import Client
from django_scopes import scope

from kim.core.domain.roles import save_custom_role
from kim.core.models import AuditEntry
from tests.conftest import make_member
from tests.core.test_audit_privacy import recorded  # noqa: F401 – the fixture
from tests.people.factories import PersonFactory


def officer(soest):
    """The data protection officer: reads every detail."""
    member = make_member(soest, "datenschutz")
    with scope(municipality=soest):
        member.roles.add(save_custom_role(
            soest, name="Datenschutz", description="",
            permissions=["core.audit:read", "core.audit:read_details"]))
    client = Client()
    client.force_login(member.user)
    return client


def test_object_type_is_a_choice_of_the_kinds_in_the_log(personas, recorded):  # noqa: F811
    page = personas["admin"].client().get("/soest/admin/audit/").content.decode()
    assert '<select name="model"' in page
    assert '<option value="people.vulnerability">Schutzbedarf</option>' in page
    assert '<option value="people.person">Person</option>' in page


def test_person_filter_for_the_officer_and_nothing_for_the_admin(personas, soest,
                                                                 recorded):  # noqa: F811
    with scope(municipality=soest):
        other = PersonFactory(municipality=soest)
    query = f"/soest/admin/audit/?person={recorded.pk}"
    page = officer(soest).get(query).content.decode()
    assert f"Person Nr. {recorded.pk}" in page
    assert "Schutzbedarf Nr." in page  # the vulnerability linked to her
    assert f"Person Nr. {other.pk}" not in page
    assert ('<li>Geburtsdatum: <span translate="no">–</span> → '  # a field label, not
            '<span translate="no">14.07.1987</span></li>') in page  # birth_date; data as is
    admin = personas["admin"].client().get(query).content.decode()
    assert "Keine passenden Einträge." in admin  # the admin may not learn whose records exist


def test_export_has_local_minutes_and_readable_changes(soest, recorded):  # noqa: F811
    response = officer(soest).get(f"/soest/admin/audit/?person={recorded.pk}&format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    created = next(r for r in rows[1:] if r[4] == "angelegt" and r[5] == "Person")
    assert len(created[1]) == 16 and created[1][10] == " "  # "2026-12-02 21:40"
    assert created[3] == "web"
    assert created[7] == f"Person Nr. {recorded.pk}"
    assert "Geburtsdatum: – → 14.07.1987" in created[8]


def test_user_filter_is_a_choice_of_the_municipalitys_users(personas, soest):
    make_member(soest, "zora", "caseworker", first_name="Zora", last_name="Adler")
    with scope(municipality=soest):
        for name, area in (("zora", "1"), ("caseworker-soest", "2")):
            AuditEntry.objects.create(municipality=soest, actor_name=name, action="update",
                                      model="core.area", object_id=area)
    client = personas["admin"].client()
    page = client.get("/soest/admin/audit/").content.decode()
    assert '<select name="actor"' in page
    assert '<option value="zora">Zora Adler (zora)</option>' in page
    assert "caseworker-herne" not in page  # another town's user is no choice
    rows = client.get("/soest/admin/audit/?actor=zora").content.decode().split("<tbody>")[1]
    assert "Gebiet Nr. 1" in rows and "Gebiet Nr. 2" not in rows
    wrong = client.get("/soest/admin/audit/?actor=caseworker-herne")
    assert wrong.status_code == 200
    assert "caseworker-herne ist keine gültige Auswahl" in wrong.content.decode()
