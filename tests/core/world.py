"""Core's part of the conformance world: a custom role (default roles come with the
municipality, members with the personas)."""

from kim.core.domain.roles import save_custom_role


def build(municipality, users, n):
    from kim.core.models import Role

    existing = Role.objects.filter(builtin="").count()
    for i in range(existing, existing + n):
        save_custom_role(municipality, name=f"Sonderrolle {i}", description="",
                         permissions=["people.persons:read"])
