from django.utils.translation import gettext_lazy as _

from kim.core.navigation import NavItem, register

register(NavItem("casework", _("Case work"), "casework:caseload", "casework.caseload:read", 15,
                 "casework:"))
