"""The one registry of modules. ``modules`` holds every app's ``KimModule``; core and the
apps read declarations from here (navigation, cards, sources, settings, demo loaders)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from kim.core.modules.contract import (
    Card,
    DeadlineSource,
    DemoLoader,
    Figure,
    GapSource,
    JobKind,
    KimModule,
    NavItem,
    PersonalDataExport,
    PersonColumn,
    PolicySetting,
    ResponsibilitySource,
    RetentionRule,
    TimelineSource,
)
from kim.core.permissions.registry import registry as permissions

T = TypeVar("T")


class ModuleError(ValueError):
    """A module declaration is inconsistent (unknown permission, duplicate key …)."""


class ModuleRegistry:
    def __init__(self) -> None:
        self._modules: dict[str, KimModule] = {}

    # -- registration -------------------------------------------------------------------
    def register(self, module: KimModule) -> KimModule:
        """Register ``module``: its permissions and reports first, then everything that
        names them is checked, so a typo fails at start-up, not on first use."""
        if module.label in self._modules:
            raise ModuleError(f"Module {module.label!r} is registered twice")
        for perm in module.permissions:
            permissions.add(perm)
        from kim.core.reports.registry import reports

        for report in module.reports:
            reports.register(report)
        self._modules[module.label] = module
        self._check(module)
        return module

    def _check(self, module: KimModule) -> None:
        named = [i.permission for i in module.navigation]
        named += [c.permission for c in module.cards]
        named += [s.permission for s in module.timeline_sources]
        named += [s.permission for s in module.gap_sources]
        named += [s.permission for s in module.settings]
        named += [s.permission for s in module.person_columns]
        named += [j.permission for j in module.jobs]
        named += [p for f in module.figures for p in (f.detail, f.aggregate)]
        if module.responsibility is not None:
            named.append(module.responsibility.permission)
        named += list(module.audit.restricted.values())
        named += list(module.audit.personal.values())
        for name in named:
            if name is not None and name not in permissions:
                raise ModuleError(f"Module {module.label!r} names unknown permission {name!r}")
        self._unique("navigation entry", [i.key for m in self for i in m.navigation])
        self._unique("card", [c.key for m in self for c in m.cards])
        self._unique("setting", [s.key for m in self for s in m.settings])
        self._unique("deadline source", [s.key for m in self for s in m.deadline_sources])
        self._unique("deadline kind", [k for m in self for s in m.deadline_sources
                                       for k in s.kinds])
        self._unique("person column", [c.key for m in self for c in m.person_columns])
        self._unique("demo loader", [d.key for m in self for d in m.demo_loaders])
        self._unique("job kind", [j.key for m in self for j in m.jobs])
        self._unique("figure", [f.key for m in self for f in m.figures])
        self._unique("retention rule", [r.key for m in self
                                        for r in m.personal_data.retention])
        self._unique("export part", [e.key for m in self for e in m.personal_data.export])
        self._unique("audit rule", [label.lower() for m in self for label in
                                    (*m.audit.restricted, *m.audit.personal)])
        own_settings = {s.key: s for s in module.settings}
        for rule in module.personal_data.retention:
            declared = own_settings.get(rule.setting)
            if declared is None or declared.kind != "int":
                raise ModuleError(f"Retention rule {rule.key!r} needs an int setting "
                                  f"{rule.setting!r} of its own module")
        if len([r for m in self for r in m.personal_data.retention if r.final]) > 1:
            raise ModuleError("Only one retention rule may be final (anonymise the person)")
        if len([m for m in self if m.responsibility is not None]) > 1:
            raise ModuleError("Only one module may declare caseload responsibility")
        if any(i.visible is not None and i.permission is not None for i in module.navigation):
            raise ModuleError(f"Module {module.label!r}: a navigation entry has a permission "
                              "or a visibility rule, not both")
        if any(link.permission is not None for link in module.public_links):
            raise ModuleError(f"Module {module.label!r}: public links need no permission")
        if bool(module.public_urls) != bool(module.public_prefix) and module.public_urls:
            raise ModuleError(f"Module {module.label!r}: public URLs need a public_prefix")
        for label, reason in module.audit.exempt.items():
            if not reason.strip():
                raise ModuleError(f"Audit exemption of {label!r} needs a reason")
        for setting in module.settings:
            if not setting.key.startswith(f"{module.label}."):
                raise ModuleError(f"Setting {setting.key!r} must start with "
                                  f"'{module.label}.'")

    @staticmethod
    def _unique(what: str, keys: list[str]) -> None:
        seen: set[str] = set()
        for key in keys:
            if key in seen:
                raise ModuleError(f"Two modules declare the {what} {key!r}")
            seen.add(key)

    def unregister(self, label: str) -> None:
        """For tests that register a module of their own."""
        from kim.core.reports.registry import reports

        module = self._modules.pop(label)
        for perm in module.permissions:
            permissions.remove(perm.name)
        for report in module.reports:
            reports.unregister(report.name)

    # -- reading ------------------------------------------------------------------------
    def __iter__(self) -> Iterator[KimModule]:
        return iter(self._modules.values())

    def __contains__(self, label: object) -> bool:
        return label in self._modules

    def get(self, label: str) -> KimModule:
        return self._modules[label]

    def navigation(self) -> list[NavItem]:
        return sorted((i for m in self for i in m.navigation), key=lambda i: (i.order, i.key))

    def public_links(self) -> list[NavItem]:
        return sorted((i for m in self for i in m.public_links), key=lambda i: (i.order, i.key))

    def cards(self) -> list[Card]:
        return sorted((c for m in self for c in m.cards), key=lambda c: (c.order, c.key))

    def deadline_sources(self) -> list[DeadlineSource]:
        return [s for m in self for s in m.deadline_sources]

    def timeline_sources(self) -> list[TimelineSource]:
        return [s for m in self for s in m.timeline_sources]

    def gap_sources(self) -> list[GapSource]:
        return [s for m in self for s in m.gap_sources]

    def person_columns(self) -> list[PersonColumn]:
        return sorted((c for m in self for c in m.person_columns),
                      key=lambda c: (c.order, c.key))

    def responsibility(self) -> ResponsibilitySource | None:
        return next((m.responsibility for m in self if m.responsibility is not None), None)

    def demo_loaders(self) -> list[DemoLoader]:
        return sorted((d for m in self for d in m.demo_loaders), key=lambda d: (d.order, d.key))

    def figures(self) -> dict[str, Figure]:
        return {f.key: f for m in self for f in m.figures}

    def job_kinds(self) -> dict[str, JobKind]:
        return {j.key: j for m in self for j in m.jobs}

    def settings(self) -> dict[str, PolicySetting]:
        return {s.key: s for m in self for s in m.settings}

    def audit_exemptions(self) -> dict[str, str]:
        return {label.lower(): reason for m in self for label, reason in m.audit.exempt.items()}

    def restricted_models(self) -> dict[str, str]:
        """Model label → permission needed to read its audit details (special categories)."""
        return {label.lower(): perm for m in self
                for label, perm in m.audit.restricted.items()}

    def personal_models(self) -> dict[str, str]:
        """Model label → permission needed to read its audit details (other personal data
        of the people kim serves)."""
        return {label.lower(): perm for m in self
                for label, perm in m.audit.personal.items()}

    def retention_rules(self) -> list[RetentionRule]:
        return sorted((r for m in self for r in m.personal_data.retention),
                      key=lambda r: (r.order, r.key))

    def personal_data_exports(self) -> list[PersonalDataExport]:
        return sorted((e for m in self for e in m.personal_data.export),
                      key=lambda e: (e.order, e.key))

    def open_case_sources(self) -> list[Callable[[Any], Any]]:
        return [m.personal_data.open_cases for m in self
                if m.personal_data.open_cases is not None]

    def public_modules(self) -> dict[str, tuple[str, ...]]:
        return {m.label: tuple(m.public_modules) for m in self}


modules = ModuleRegistry()
