"""Creating tenants and their default roles."""

from __future__ import annotations

from django.db import transaction
from django_scopes import scope

from kim.core.models import Municipality, Role
from kim.core.permissions.registry import DEFAULT_ROLES


@transaction.atomic
def create_municipality(slug: str, name: str, ags: str = "") -> Municipality:
    municipality = Municipality(slug=slug, name=name, ags=ags)
    municipality.full_clean()
    municipality.save()
    ensure_default_roles(municipality)
    from kim.core.domain.masterdata import ensure_default_fields

    ensure_default_fields(municipality)
    return municipality


def ensure_default_roles(municipality: Municipality) -> dict[str, Role]:
    """Create any missing default role of the municipality; return them by code."""
    with scope(municipality=municipality):
        existing = {r.builtin: r for r in Role.objects.exclude(builtin="")}
        for code in DEFAULT_ROLES:
            if code not in existing:
                existing[code] = Role.objects.create(
                    municipality=municipality, name=code, builtin=code
                )
    return existing
