from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    """Volunteers, requests and matching (issue 14). For now only the matching core
    (``matching/``, pure Python) and its command; models follow on the new kernel."""

    name = "kim.volunteers"
    label = "volunteers"
    verbose_name = _("Volunteers")
