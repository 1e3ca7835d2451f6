from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "kim.people"
    label = "people"
    verbose_name = _("People")

    registrations = ("permissions", "navigation", "reports")

    def ready(self) -> None:
        for module in self.registrations:
            import_module(f"{self.name}.{module}")
