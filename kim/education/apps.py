from django.utils.translation import gettext_lazy as _

from kim.core.modules.apps import KimAppConfig


class EducationConfig(KimAppConfig):
    name = "kim.education"
    label = "education"
    verbose_name = _("Language, education and work")
