"""Texts shared by the renderers."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from kim.core.reports.disclosure import PRIMARY_MARKER, SECONDARY_MARKER, SECRET_MARKER


def suppression_note(cells: Iterable[tuple[object, str]] = ()) -> str:
    """The legend of the markers; ``cells`` (hidden cells with their markers) add the
    sentence on "." only when the table has one."""
    note = _(
        "To protect individuals, counts of 1 or 2 are shown as “%(small)s”; figures marked "
        "“%(hidden)s” are hidden so that the totals do not reveal them."
    ) % {"small": PRIMARY_MARKER, "hidden": SECONDARY_MARKER}
    if any(marker == SECRET_MARKER for _cell, marker in cells):
        note += " " + _("Figures marked “%(secret)s” are kept secret.") % {
            "secret": SECRET_MARKER}
    return note
