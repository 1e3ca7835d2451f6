"""Every case-work model is tenant-scoped and audited; sensitive texts are redacted."""

import pytest
from django.apps import apps
from django_scopes import scope, scopes_disabled
from django_scopes.exceptions import ScopeError

from kim.core.audit.registry import REDACTED, config_for
from kim.core.models import AuditEntry
from kim.core.modules.registry import modules

# model key in the ``case`` fixture -> (field to change, new value, redacted fields)
CHANGES = {
    "assignment": ("until", "2030-01-01", set()),
    "appointment": ("outcome", "Ergebnis geheim", {"outcome", "agreements", "participants"}),
    "note": ("text", "Geänderter Vermerk", {"text"}),
    "document": ("kind", "zeugnis", {"original_name"}),
    "goal": ("status", "done", {"text"}),
    "step": ("text", "Neuer Schritt", {"text"}),
}


def test_all_models_are_scoped_and_audited():
    models = list(apps.get_app_config("casework").get_models())
    assert len(models) == 6
    for model in models:
        assert config_for(model) is not None, model
        with pytest.raises(ScopeError):
            list(model.objects.all())


@pytest.mark.parametrize("key", list(CHANGES))
def test_create_and_update_are_audited_with_redaction(case, key):
    obj = case[key]
    field, value, redacted = CHANGES[key]
    assert config_for(type(obj)).redact == frozenset(redacted)
    with scope(municipality=obj.municipality):
        setattr(obj, field, value)
        obj.save()
    label = obj._meta.label_lower
    with scopes_disabled():
        entries = {e.action: e for e in AuditEntry.objects.filter(model=label,
                                                                  object_id=str(obj.pk))}
    assert set(entries) == {"create", "update"}
    assert entries["create"].municipality_id == obj.municipality_id
    _old, new = entries["update"].changes[field]
    # Special-category records (notes, documents) keep no values at all in the log.
    special = label in modules.restricted_models()
    assert new == (REDACTED if field in redacted or special else value)
    for name in redacted & set(entries["create"].changes):
        assert entries["create"].changes[name] == [None, REDACTED]
    assert "Vertraulicher Vermerk" not in str(entries["create"].changes)
