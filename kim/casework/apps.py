from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "kim.casework"
    label = "casework"
    verbose_name = _("Case work")

    # Permissions first: navigation and cards validate the names they use.
    registrations = ("permissions", "navigation", "cards", "responsibility")

    def ready(self) -> None:
        for module in self.registrations:
            import_module(f"{self.name}.{module}")
