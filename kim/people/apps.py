from django.utils.translation import gettext_lazy as _

from kim.core.modules.apps import KimAppConfig


class PeopleConfig(KimAppConfig):
    name = "kim.people"
    label = "people"
    verbose_name = _("People")
