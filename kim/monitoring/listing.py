"""The indicator list on the one list component (kim/core/lists.py): sortable, filtered
by field, exported with the filter kept (issue 13 item 3)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kim.core.lists import Column, Listing

INDICATORS = Listing("indikatoren", [
    Column("name", _("Indicator"), value=lambda i: i.name, sort="name"),
    Column("topic", _("Topic"), value=lambda i: i.get_topic_display(), sort=("topic", "name")),
    Column("unit", _("Unit of measure"), value=lambda i: i.get_unit_display(), sort="unit"),
    Column("source", _("Source"), value=lambda i: i.source, sort="source"),
    Column("latest", _("Latest period"), value=lambda i: i.latest, sort="latest"),
    Column("points", _("Figures"), value=lambda i: i.points, sort="points", numeric=True),
], default="topic")
