from django.utils.translation import gettext_lazy as _

from kim.core.modules.apps import KimAppConfig


class FundConfig(KimAppConfig):
    name = "kim.fund"
    label = "fund"
    verbose_name = _("Integration fund")
