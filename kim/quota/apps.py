from django.utils.translation import gettext_lazy as _

from kim.core.modules.apps import KimAppConfig


class QuotaConfig(KimAppConfig):
    name = "kim.quota"
    label = "quota"
    verbose_name = _("Allocation and quota")
