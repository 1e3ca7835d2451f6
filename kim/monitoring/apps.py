from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    """Integration monitoring (product.md §2.9, issue 12). So far its command line:
    ``kim monitoring segregation|check-table``; the computing is in kim/stats."""

    name = "kim.monitoring"
    label = "monitoring"
    verbose_name = _("Integration monitoring")
