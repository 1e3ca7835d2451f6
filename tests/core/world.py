"""Core's part of the conformance world: a custom role, areas and organisations (default
roles and fields of action come with the municipality, members with the personas), and a
role request awaiting a second admin's approval."""

from kim.core.domain.grants import request_roles
from kim.core.domain.roles import save_custom_role
from kim.core.models import Area, Membership, Organisation, Role


def build(municipality, users, n):
    start = Role.objects.filter(builtin="").count()
    for i in range(start, start + n):
        save_custom_role(municipality, name=f"Sonderrolle {i}", description="",
                         permissions=["people.persons:read"])
        district = Area.objects.create(municipality=municipality, name=f"Bezirk {i}")
        area = Area.objects.create(municipality=municipality, name=f"Quartier {i}",
                                   level=Area.Level.SUB_DISTRICT, parent=district)
        Organisation.objects.create(municipality=municipality, name=f"Sprachschule {i}",
                                    kinds=["provider"], area=area)
        notes = save_custom_role(municipality, name=f"Vermerke {i}", description="",
                                 permissions=["people.restricted:read"])
        member = Membership.objects.filter(user=users["caseworker"]).first()
        if member is not None and "admin" in users:
            request_roles(member, [*member.roles.all(), notes], users["admin"])
