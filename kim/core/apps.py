from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kim.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # Order matters: permissions first, navigation validates against them.
        from kim.core import (
            cards,  # noqa: F401  (registers start-page cards)
            navigation,  # noqa: F401, I001  (registers core navigation)
        )
        from kim.core.audit import auth_events, exemptions, writer  # noqa: F401
        from kim.core.permissions import core  # noqa: F401  (registers core permissions)

        writer.connect()
        auth_events.connect()
