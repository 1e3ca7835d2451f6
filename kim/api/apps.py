from django.utils.translation import gettext_lazy as _

from kim.core.modules.apps import KimAppConfig


class ApiConfig(KimAppConfig):
    name = "kim.api"
    label = "api"
    verbose_name = _("REST API")
