"""Texts shared by the renderers."""

from django.utils.translation import gettext as _

from kim.core.reports.disclosure import PRIMARY_MARKER, SECONDARY_MARKER


def suppression_note() -> str:
    return _(
        "To protect individuals, counts of 1 or 2 are shown as “%(small)s”; figures marked "
        "“%(hidden)s” are hidden so that the totals do not reveal them."
    ) % {"small": PRIMARY_MARKER, "hidden": SECONDARY_MARKER}
