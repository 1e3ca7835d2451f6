"""Every accommodation model is tenant-scoped and audited."""

import pytest
from django.apps import apps
from django_scopes import scope, scopes_disabled
from django_scopes.exceptions import ScopeError

from kim.core.audit.registry import REDACTED, config_for
from kim.core.models import AuditEntry


def test_all_models_are_scoped_and_audited():
    models = list(apps.get_app_config("housing").get_models())
    assert {m.__name__ for m in models} == {"Facility", "StateFacilityCount", "Unit", "Place",
                                            "Stay", "Incident", "WaitingListEntry",
                                            "PriorityPolicySetting", "Placement"}
    for model in models:
        assert config_for(model) is not None, model
        with pytest.raises(ScopeError):
            list(model.objects.all())


def test_stay_changes_and_incident_texts_in_the_log(housing):
    stay, incident = housing["stay"], housing["incident"]
    with scope(municipality=stay.municipality):
        stay.note = "Umzug geplant"
        stay.save()
        incident.description = "Geheimer Bericht"
        incident.save()
    with scopes_disabled():
        update = AuditEntry.objects.get(model="housing.stay", action="update")
        secret = AuditEntry.objects.get(model="housing.incident", action="update")
    # free texts about a person keep no values in the log (kim/core/audit/privacy.py)
    assert update.changes == {"note": [REDACTED, REDACTED]}
    assert secret.changes == {"description": [REDACTED, REDACTED]}
