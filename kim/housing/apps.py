from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HousingConfig(AppConfig):
    name = "kim.housing"
    label = "housing"
    verbose_name = _("Accommodation")

    # Permissions first: navigation, cards and reports validate the names they use.
    registrations = ("permissions", "navigation", "cards", "reports")

    def ready(self) -> None:
        for module in self.registrations:
            import_module(f"{self.name}.{module}")
