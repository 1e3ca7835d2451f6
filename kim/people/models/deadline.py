"""Deadlines (Fristen): dates at which something changes for a person.

Derived data: recomputed from the person's audited facts by
kim.people.domain.deadlines.refresh_person() whenever those change, and nightly by
``kim refresh_deadlines`` (so that the three-year window moves on). Stored so that the
worklist is one indexed query however many persons a municipality has.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.localize import short_date
from kim.core.models import TenantModel
from kim.people.models.person import Person


class Deadline(TenantModel):
    """One date of the worklist; ``source`` is the key of the module's DeadlineSource."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="deadlines",
                               verbose_name=_("person"))
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=40)
    value = models.CharField(_("new value"), max_length=60, blank=True)
    source = models.CharField(_("source"), max_length=40)

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["municipality", "date"], name="deadline_date"),
                   models.Index(fields=["municipality", "kind", "date"], name="deadline_kind"),
                   # refresh by person inside a scope: without it SQLite scans deadline_date
                   models.Index(fields=["municipality", "person"], name="deadline_person")]

    def __str__(self) -> str:
        return f"{short_date(self.date)} {self.kind}"
