"""Ready for a PostgreSQL distributed by municipality (Citus, issue 17 item 7): every
tenant-owned table carries ``municipality_id``, and every unique constraint of such a
table includes it – a distributed table can only enforce uniqueness that contains the
distribution column."""

from django.apps import apps
from django.db import models

from kim.core.models import TenantModel

# (model label, constraint fields) that do not include municipality: none any more – each
# app's migration widened its constraints (issue 17 item 7).
KNOWN: set[tuple[str, tuple[str, ...]]] = set()


def _uniques(model):
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields:
            yield tuple(constraint.fields)
    for together in model._meta.unique_together:
        yield tuple(together)
    for field in model._meta.concrete_fields:
        if field.unique and not field.primary_key:
            yield (field.name,)


def test_tenant_tables_carry_the_municipality():
    tenant = [m for m in apps.get_models() if issubclass(m, TenantModel)]
    assert len(tenant) >= 40
    for model in tenant:
        assert model._meta.get_field("municipality").column == "municipality_id", model


def test_unique_constraints_include_the_municipality():
    found = set()
    for model in apps.get_models():
        if not issubclass(model, TenantModel):
            continue
        for fields in _uniques(model):
            names = {model._meta.get_field(f).name for f in fields}
            if "municipality" not in names:
                found.add((model._meta.label, fields))
    assert found == KNOWN
