"""The audit log shows the people's data only to those who may read it (finding "admin
reads special categories through the audit log"), and keeps no names or special-category
values at all (so that retention leaves no copy behind)."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django_scopes import scope, scopes_disabled

from kim.core.audit.privacy import special_permissions
from kim.core.audit.registry import REDACTED
from kim.core.domain.roles import save_custom_role
from kim.core.models import AuditEntry, Membership
from kim.people.models import Person, Vulnerability
from tests.conftest import make_member
from tests.people.factories import PersonFactory

SECRET_KIND_DE = "psychische oder gesundheitliche Probleme"
SECRET_KIND_EN = "psychological or health problems"


@pytest.fixture
def recorded(personas, soest):
    """A caseworker records a person (web form) and her health problem (web form)."""
    client = personas["caseworker"].client()
    response = client.post("/soest/persons/new/", {
        "family_name": "Quandtmeyer", "given_names": "Yasmina", "birth": "14.07.1987",
        "sex": "f", "citizenship_codes": "ER", "confirm_new": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    with scope(municipality=soest):
        person = Person.objects.get(family_name="Quandtmeyer")
    response = client.post(f"/soest/persons/{person.pk}/vulnerabilities/new/",
                           {"kind": "health", "note": "Traumatherapie bei Dr. Sommer"})
    assert response.status_code == 302
    client.get(f"/soest/persons/{person.pk}/")  # a logged read of restricted data
    return person


def page_of(client, query=""):
    response = client.get(f"/soest/admin/audit/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_admin_sees_that_it_happened_not_what_or_whose(personas, recorded):
    page = page_of(personas["admin"].client(), "?model=people.vulnerability")
    assert SECRET_KIND_DE not in page and SECRET_KIND_EN not in page
    assert "Traumatherapie" not in page
    assert f"/persons/{recorded.pk}/" not in page
    assert "caseworker-soest" in page  # who
    assert "Schutzbedarf" in page  # which kind of object (verbose name)
    assert "Details eingeschränkt" in page
    everything = page_of(personas["admin"].client())
    for secret in ("Quandtmeyer", "Yasmina", "1987-07-14", "14.07.1987", "ER", SECRET_KIND_DE,
                   "Traumath"):
        assert secret not in everything, secret


def test_the_log_stores_no_names_and_no_special_category_values(recorded):
    with scopes_disabled():
        rows = list(AuditEntry.objects.filter(model__startswith="people.").order_by("id"))
    text = repr([(e.object_repr, e.changes) for e in rows])
    for secret in ("Quandtmeyer", "Yasmina", "Traumatherapie", SECRET_KIND_EN,
                   SECRET_KIND_DE, "'health'"):
        assert secret not in text, secret
    created = next(e for e in rows if e.model == "people.person" and e.action == "create")
    assert created.object_repr == ""
    assert created.changes["family_name"] == [None, REDACTED]
    assert created.changes["birth_date"] == [None, "1987-07-14"]  # a fact the rules use
    vulnerability = next(e for e in rows if e.model == "people.vulnerability")
    assert vulnerability.changes["kind"] == [None, REDACTED]
    assert vulnerability.changes["person"] == [None, recorded.pk]  # whose record: kept


def test_a_reader_of_the_data_sees_the_details(personas, soest, recorded):
    """A caseworker who also holds the audit permission sees the person entries' details."""
    member = make_member(soest, "fallpruefung", "caseworker")
    with scope(municipality=soest):
        member.roles.add(save_custom_role(soest, name="Protokoll", description="",
                                          permissions=["core.audit:read"]))
    client = Client()
    client.force_login(member.user)
    page = page_of(client, "?model=people.person")
    assert "14.07.1987" in page and "Details eingeschränkt" not in page
    restricted = page_of(client, "?model=people.vulnerability")
    assert "Details eingeschränkt" not in restricted
    assert SECRET_KIND_DE not in restricted  # never stored


def test_the_data_protection_officer_sees_every_detail(personas, soest, recorded):
    officer = make_member(soest, "datenschutz")
    with scope(municipality=soest):
        role = save_custom_role(soest, name="Datenschutz", description="",
                                permissions=["core.audit:read", "core.audit:read_details"])
        officer.roles.add(role)
    client = Client()
    client.force_login(officer.user)
    page = page_of(client, "?model=people.person")
    assert "14.07.1987" in page and "Details eingeschränkt" not in page
    assert "core.audit:read_details" in special_permissions()


def test_export_follows_the_same_rule_and_is_logged(personas, soest, recorded):
    response = personas["admin"].client().get("/soest/admin/audit/?format=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Position", "Zeit", "Benutzer/in", "Quelle", "Aktion"]
    body = "\n".join(",".join(r) for r in rows[1:])
    assert "1987-07-14" not in body and "14.07.1987" not in body and "Quandtmeyer" not in body
    person_rows = [r for r in rows[1:] if r[5] == "Person"]
    assert person_rows and all(r[6] == "" and r[7] == "Details eingeschränkt"
                               for r in person_rows)
    with scopes_disabled():
        export = AuditEntry.objects.filter(action="export", model="core.auditentry").get()
    assert export.actor_name == "admin-soest"
    assert export.changes == {"format": "csv", "filters": {}, "details": False}
    xlsx = personas["admin"].client().get("/soest/admin/audit/?format=xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert personas["admin"].client().get("/soest/admin/audit/?format=exe").status_code == 404


def test_start_page_card_shows_no_names(personas, recorded):
    page = personas["admin"].client().get("/soest/").content.decode()
    assert "Neueste Protokolleinträge" in page or "Latest audit entries" in page
    assert "Quandtmeyer" not in page and SECRET_KIND_DE not in page


def test_role_and_user_entries_stay_fully_visible_to_the_admin(personas, soest):
    with scope(municipality=soest):
        save_custom_role(soest, name="Statistikrolle", description="", permissions=[])
    page = page_of(personas["admin"].client(), "?model=core.role")
    assert "Statistikrolle" in page


def test_every_personal_model_is_declared(soest):
    """Every model with a person or household link declares who may see its audit
    details (AuditRules.restricted or .personal) – or is exempt from audit."""
    from django.apps import apps

    from kim.core.audit.registry import exemption_for
    from kim.core.modules.registry import modules
    from kim.people.models import Household

    declared = {**modules.restricted_models(), **modules.personal_models()}
    missing = []
    for model in apps.get_models():
        links = {f.related_model for f in model._meta.concrete_fields if f.is_relation}
        if (links & {Person, Household} or model in (Person, Household)) \
                and not exemption_for(model) and model._meta.label_lower not in declared:
            missing.append(model._meta.label_lower)
    assert missing == []


def test_membership_changes_are_visible_to_the_admin(personas, soest):
    with scope(municipality=soest):
        membership = Membership.objects.get(user=personas["benefits"].user)
        membership.is_active = False
        membership.save()
    page = page_of(personas["admin"].client(), "?model=core.membership")
    assert "Details eingeschränkt" not in page
    assert ('<li>aktiv: <span translate="no">ja</span> → '
            '<span translate="no">nein</span></li>') in page  # the field label, not its key


def test_vulnerability_factory_entry_is_minimised(soest):
    with scope(municipality=soest):
        person = PersonFactory(municipality=soest)
        Vulnerability.objects.create(municipality=soest, person=person, kind="survivor",
                                     note="Bericht")
    with scopes_disabled():
        entry = AuditEntry.objects.get(model="people.vulnerability")
    assert entry.object_repr == ""
    assert entry.changes == {"id": [None, REDACTED], "municipality": [None, soest.pk],
                             "person": [None, person.pk], "kind": [None, REDACTED],
                             "note": [None, REDACTED]}
