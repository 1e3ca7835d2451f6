from django.utils.translation import gettext_lazy as _

from kim.core.navigation import NavItem, register

register(NavItem("housing", _("Accommodation"), "housing:facility_list",
                 "housing.facilities:read", 30, "housing:"))
