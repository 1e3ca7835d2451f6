"""Core's part of the conformance world: a custom role, areas and organisations (default
roles and fields of action come with the municipality, members with the personas), and an
identity change of an account shared with a partner town that waits for this town, and a
role request awaiting a second admin's approval, and a finished background job of the
caseworker (an import check with an error and a probable duplicate) and a finished report
export with its file."""

from django.contrib.auth.hashers import make_password
from django_scopes import scopes_disabled

from kim.core.domain.grants import request_roles
from kim.core.domain.municipalities import create_municipality
from kim.core.domain.roles import save_custom_role
from kim.core.models import (
    Area,
    IdentityApproval,
    IdentityChange,
    Job,
    Membership,
    Municipality,
    Organisation,
    Role,
    User,
)
from kim.core.reports import jobs as report_jobs


def _partner(municipality):
    slug = f"{municipality.slug}-partner"
    with scopes_disabled():
        existing = Municipality.objects.filter(slug=slug).first()
        return existing or create_municipality(slug, f"Partner of {municipality}", "")


def build(municipality, users, n):
    start = Role.objects.filter(builtin="").count()
    partner = _partner(municipality)
    for i in range(start, start + n):
        save_custom_role(municipality, name=f"Sonderrolle {i}", description="",
                         permissions=["people.persons:read"])
        district = Area.objects.create(municipality=municipality, name=f"Bezirk {i}")
        area = Area.objects.create(municipality=municipality, name=f"Quartier {i}",
                                   level=Area.Level.SUB_DISTRICT, parent=district)
        Organisation.objects.create(municipality=municipality, name=f"Sprachschule {i}",
                                    kinds=["provider"], area=area)
        shared = User.objects.create(username=f"geteilt-{i}@{municipality.slug}",
                                     password=make_password(None))
        Membership.objects.create(municipality=municipality, user=shared)
        Membership.objects.create(municipality=partner, user=shared)
        change = IdentityChange.objects.create(user=shared, kind=IdentityChange.Kind.PROFILE,
                                               profile={"first_name": "Neu", "last_name": "",
                                                        "email": ""},
                                               requested_in=partner)
        IdentityApproval.objects.create(change=change, municipality=municipality)
        notes = save_custom_role(municipality, name=f"Vermerke {i}", description="",
                                 permissions=["people.restricted:read"])
        member = Membership.objects.filter(user=users["caseworker"]).first()
        if member is not None and "admin" in users:
            request_roles(member, [*member.roles.all(), notes], users["admin"])
        Job.objects.create(
            municipality=municipality, created_by=users.get("caseworker"),
            kind="people.import_persons", title=f"personen-{i}.csv prüfen",
            status=Job.Status.DONE, done=3, total=3,
            result={"filename": f"personen-{i}.csv", "dry_run": True, "rows": 3,
                    "created": 0, "updated": 0, "written": False,
                    "errors": [{"row": 3, "column": "sex", "problem": "verwenden Sie f, m"}],
                    "duplicates": [{"row": 4, "person_id": None, "file_row": 2,
                                    "label": "", "reasons": "family_name_exact", "more": 0}]})
        export = Job.objects.create(
            municipality=municipality, created_by=users.get("caseworker"),
            kind=report_jobs.KIND, title=f"Benutzer nach Rolle {i} als PDF",
            status=Job.Status.DONE, params={"report": "users_by_role", "format": "pdf",
                                            "as_of": "2026-01-31"},
            result={"filename": "users_by_role.pdf", "size": 9, "format": "PDF",
                    "content_type": "application/pdf", "report": "Benutzer nach Rolle"})
        report_jobs.store(export, b"%PDF-1.4\n")
