from django.utils.translation import gettext_lazy as _

from kim.core.navigation import NavItem, register

register(NavItem("persons", _("Persons"), "people:person_list", "people.persons:read", 10,
                 "people:person_"))
register(NavItem("deadlines", _("Deadlines"), "people:deadline_list", "people.status:read", 20,
                 "people:deadline_"))
register(NavItem("children", _("Children and youths"), "people:children_list",
                 "people.children:read", 12, "people:child"))
