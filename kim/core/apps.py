from django.utils.translation import gettext_lazy as _

from kim.core.modules.apps import KimAppConfig


class CoreConfig(KimAppConfig):
    name = "kim.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from kim.core.i18n import ensure_catalogues

        ensure_catalogues()
        super().ready()
        from kim.core.audit import auth_events, writer

        writer.connect()
        auth_events.connect()
