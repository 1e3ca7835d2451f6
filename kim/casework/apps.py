from django.utils.translation import gettext_lazy as _

from kim.core.modules.apps import KimAppConfig


class CaseworkConfig(KimAppConfig):
    name = "kim.casework"
    label = "casework"
    verbose_name = _("Case work")
