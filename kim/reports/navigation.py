"""Navigation entry of the reports app."""

from django.utils.translation import gettext_lazy as _

from kim.core.navigation import NavItem, register

register(NavItem("reports", _("Reports"), "reports:list", "reports.aggregates:read", 500,
                 "reports:"))
