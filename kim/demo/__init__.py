"""The demo dataset "Soest 2018" (product.md §8): fictitious, generated, deterministic.

``load_all()`` runs the parts in order; each part is idempotent (it does nothing when its
data already exist), so ``kim demo`` can be run again on the same database.
"""

from __future__ import annotations


def load_all() -> list:  # type: ignore[type-arg]
    from kim.core.audit.context import audit_context
    from kim.core.models import Municipality
    from kim.demo import accounts, casework, housing, people, quota

    logins = accounts.load()
    with audit_context(source="command:load_demo"):
        soest = Municipality.objects.get(slug=accounts.SOEST[0])
        people.load(soest)
        casework.load(soest, "fallarbeit")
        quota.load(soest)
        housing.load(soest)
    return logins
