from django.utils.translation import gettext_lazy as _

from kim.core.modules.apps import KimAppConfig


class MonitoringConfig(KimAppConfig):
    """Integration monitoring (product.md §2.9, issue 12)."""

    name = "kim.monitoring"
    label = "monitoring"
    verbose_name = _("Integration monitoring")
