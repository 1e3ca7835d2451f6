from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kim.core"
    label = "core"
    verbose_name = _("Core")

    # Registration modules, in order: navigation and cards validate the permissions
    # they name, so the permissions come first.
    registrations = ("permissions.core", "navigation", "cards", "audit.exemptions")

    def ready(self) -> None:
        for module in self.registrations:
            import_module(f"{self.name}.{module}")
        from kim.core.audit import auth_events, writer

        writer.connect()
        auth_events.connect()
