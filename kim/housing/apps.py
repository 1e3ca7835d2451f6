from django.utils.translation import gettext_lazy as _

from kim.core.modules.apps import KimAppConfig


class HousingConfig(KimAppConfig):
    name = "kim.housing"
    label = "housing"
    verbose_name = _("Accommodation")
