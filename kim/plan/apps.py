from django.utils.translation import gettext_lazy as _

from kim.core.modules.apps import KimAppConfig


class PlanConfig(KimAppConfig):
    name = "kim.plan"
    label = "plan"
    verbose_name = _("Action plan")
