from django.utils.translation import gettext_lazy as _

from kim.core.navigation import NavItem, register

register(NavItem("quota", _("Quota"), "quota:quota", "quota.statistics:read", 30, "quota:"))
