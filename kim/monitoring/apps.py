from typing import Any

from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from kim.core.modules.apps import KimAppConfig


def _catalogue(sender: Any, instance: Any, created: bool, raw: bool = False,
               **kwargs: Any) -> None:
    """Every new municipality starts with the [IMIS] 3. indicator catalogue."""
    if created and not raw:
        from kim.monitoring.catalogue import load_catalogue

        load_catalogue(instance)


class MonitoringConfig(KimAppConfig):
    """Integration monitoring (product.md §2.9, issue 12)."""

    name = "kim.monitoring"
    label = "monitoring"
    verbose_name = _("Integration monitoring")

    def ready(self) -> None:
        super().ready()
        from kim.core.models import Municipality

        post_save.connect(_catalogue, sender=Municipality, dispatch_uid="monitoring.catalogue")
