"""What the welcome folder adds to kim (product.md §2.2 "Willkommensordner", issue 16):
information pages per municipality in the newcomers' languages, public without a login,
and a household's personal folder as PDF for case work.

The coordinator edits the German pages and translations; a municipality gives its
translators a custom role with ``welcome.pages:read`` and ``welcome.translations:write``
only. Printing a folder shows a household's names and appointments: case work only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from kim.core.modules import AuditRules, DemoLoader, KimModule, NavItem, Perm


def _demo(municipalities: Mapping[str, Any]) -> None:
    from kim.welcome.demo import load

    load(municipalities["soest-demo"])


module = KimModule(
    label="welcome",
    permissions=[
        Perm("welcome.pages:read", _("See the information pages with their translation "
                                     "status"), ("coordinator", "caseworker")),
        Perm("welcome.pages:write", _("Write and publish the German information pages"),
             ("coordinator",)),
        Perm("welcome.translations:write", _("Enter translations of the information pages"),
             ("coordinator",)),
        Perm("welcome.folders:print",
             _("Print a household's personal welcome folder (names, appointments, "
               "documents held)"), ("caseworker",)),
    ],
    navigation=[NavItem("welcome", _("Welcome folder"), "welcome:page_list",
                        "welcome.pages:read", 60, "welcome:")],
    demo_loaders=[DemoLoader("welcome", 80, _demo)],
    audit=AuditRules(),
    urls="kim.welcome.urls",
    url_prefix="welcome/",
    public_urls="kim.welcome.public_urls",
    public_prefix="info/",
    public_links=[NavItem("welcome", _("Information for newcomers"), "welcome_public:index",
                          None, 10)],
)
