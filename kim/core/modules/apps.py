"""The AppConfig every kim app derives from: it registers the app's ``module.py``."""

from __future__ import annotations

from importlib import import_module

from django.apps import AppConfig


class KimAppConfig(AppConfig):
    """Registers ``<app>.module.module`` (a :class:`KimModule`) when Django is ready.

    This is the only way an app adds permissions, navigation, cards, reports, sources,
    settings, demo loaders, URLs and audit rules to kim.
    """

    def ready(self) -> None:
        from kim.core.modules.registry import ModuleError, modules

        declared = import_module(f"{self.name}.module").module
        if declared.label != self.label:
            raise ModuleError(f"{self.name}.module declares label {declared.label!r}, "
                              f"the app's label is {self.label!r}")
        modules.register(declared)
