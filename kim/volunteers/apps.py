from django.utils.translation import gettext_lazy as _

from kim.core.modules.apps import KimAppConfig


class VolunteersConfig(KimAppConfig):
    """Volunteers, requests and matching (issue 14)."""

    name = "kim.volunteers"
    label = "volunteers"
    verbose_name = _("Volunteers")
