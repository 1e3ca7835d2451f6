"""The module registry refuses inconsistent declarations at start-up."""

import pytest
from django.utils.translation import gettext_lazy as _

from kim.core.modules import Card, KimModule, NavItem, Perm, PolicySetting
from kim.core.modules.registry import ModuleError, ModuleRegistry, modules


def test_an_object_rule_needs_both_predicate_and_filter():
    with pytest.raises(ValueError, match="queryset filter"):
        Perm("x.things:read", "x", predicate=lambda u, o, m: True)


def test_unknown_permission_in_a_declaration_fails_registration():
    registry = ModuleRegistry()
    with pytest.raises(ModuleError, match="unknown permission"):
        registry.register(KimModule(label="probe", navigation=[
            NavItem("probe", _("Probe"), "core:start", "probe.things:read")]))


def test_duplicate_keys_across_modules_fail():
    registry = ModuleRegistry()
    registry.register(KimModule(label="one", cards=[Card("c", "t.html", None, dict)]))
    with pytest.raises(ModuleError, match="card 'c'"):
        registry.register(KimModule(label="two", cards=[Card("c", "t.html", None, dict)]))


def test_settings_belong_to_their_module():
    registry = ModuleRegistry()
    with pytest.raises(ModuleError, match="must start with 'probe.'"):
        registry.register(KimModule(label="probe", settings=[PolicySetting(
            "other.months", "x", "int", 1, "core.users:read")]))


def test_the_installed_modules_are_all_registered():
    assert {m.label for m in modules} >= {"core", "people", "casework", "housing", "quota",
                                          "volunteers", "monitoring"}
    kinds = {k for s in modules.deadline_sources() for k in s.kinds}
    assert {"housing_phase1_end", "housing_phase3_due", "permit_expiry"} <= kinds
