from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuotaConfig(AppConfig):
    name = "kim.quota"
    label = "quota"
    verbose_name = _("Allocation and quota")

    # Permissions first: navigation, cards and reports validate the names they use.
    registrations = ("permissions", "navigation", "reports")

    def ready(self) -> None:
        for module in self.registrations:
            import_module(f"{self.name}.{module}")
