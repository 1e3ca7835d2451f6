from django.utils.translation import gettext_lazy as _

from kim.core.modules.apps import KimAppConfig


class WelcomeConfig(KimAppConfig):
    name = "kim.welcome"
    label = "welcome"
    verbose_name = _("Welcome folder")
