from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "kim.reports"
    label = "reports"
    verbose_name = _("Reports")

    # Permissions first: navigation and the built-in reports validate the names they use.
    registrations = ("permissions", "navigation", "builtin")

    def ready(self) -> None:
        for module in self.registrations:
            import_module(f"{self.name}.{module}")
