"""Legal time lines: the rules engine's decisions for each person as dated segments.

Derived data, like ``Deadline``: recomputed by kim.people.domain.timelines whenever a
person's facts, statuses or household change, and by ``kim refresh_timelines`` when the
parameter version changed or the horizon needs to move on. Stored so that reports for any
date (benefit recipients, [Soest] Tab. 7) are one indexed query, not 100 000 engine calls.

Layout chosen for query speed: one row per person and period with **all** decisions of
that period (not one row per field), so a report reads one row per person and never joins
a person's fields together. The rows also carry what reports filter and group by: whether
the person lives in the municipality (assigned, not moved away) and the household on those
days (``home``). Rows are cut at every 1 January, so the rows covering a day ``d`` are
among those of ``d``'s ``year`` – one index range of about one row per person – and the
report index lists them by household, so grouping households needs no sort.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.models import Municipality, TenantModel
from kim.people.models.person import Person


class Timeline(TenantModel):
    """Which parameter version a person's segments were computed with, and until when
    they reach (exclusive); a report for a later day falls back to the live engine."""

    # one per person: a unique constraint with the municipality (see UsageReport)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="timelines",
                               verbose_name=_("person"))
    version = models.CharField(_("parameter version"), max_length=80)
    until = models.DateField(_("computed until"))

    class Meta:
        verbose_name = _("legal time line")
        verbose_name_plural = _("legal time lines")
        indexes = [models.Index(fields=["municipality", "version", "until"],
                                name="timeline_version")]
        constraints = [models.UniqueConstraint(fields=["municipality", "person"],
                                               name="timeline_one_per_person")]

    def __str__(self) -> str:
        return f"{self.person_id} {self.version}"


class DecisionSegment(TenantModel):
    """The decisions on every day from ``valid_from`` to the day before ``valid_to``.
    Empty values: the engine decides nothing (before the first status or the birth)."""

    # No index of its own: both indexes below start with it (one index less to write).
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+",
                                     db_index=False, verbose_name=_("municipality"))
    person = models.ForeignKey(Person, on_delete=models.CASCADE, db_index=False,
                               related_name="decision_segments", verbose_name=_("person"))
    valid_from = models.DateField(_("from"))
    valid_to = models.DateField(_("until (exclusive)"))
    year = models.SmallIntegerField(_("year"))  # of every day of the row
    resident = models.BooleanField(_("lives in the municipality"))
    # The household on these days (its id), or minus the person's id while in none: the
    # unit Tab. 7 counts, never NULL so that the report index orders by it.
    home = models.BigIntegerField(_("household"))
    status = models.CharField(_("status"), max_length=30, blank=True)
    regime = models.CharField(_("benefit regime"), max_length=20, blank=True)
    office = models.CharField(_("responsible office"), max_length=20, blank=True)
    course = models.CharField(_("integration course"), max_length=20, blank=True)
    employment = models.CharField(_("employment"), max_length=20, blank=True)
    residence = models.BooleanField(_("residence obligation"), null=True)
    childcare = models.CharField(_("childcare"), max_length=20, blank=True)
    schooling = models.CharField(_("schooling"), max_length=20, blank=True)
    housing = models.CharField(_("housing category"), max_length=20, blank=True)
    own_flat = models.BooleanField(_("entitled to an own flat"), null=True)
    # The run of rows with this row's ``course`` value: its first day and its end
    # (exclusive; NULL while it lasts to the end of the time line). The course worklist
    # reads "since when, until when" from the one row of the day instead of grouped
    # MIN/MAX scans over all of a municipality's rows (19 s at 100 000 persons).
    course_since = models.DateField(_("integration course access since"), null=True)
    course_until = models.DateField(_("integration course access until (exclusive)"),
                                    null=True)

    class Meta:
        verbose_name = _("decision segment")
        verbose_name_plural = _("decision segments")
        indexes = [
            # The reports' index: the rows covering a day, with every column they read
            # (an index-only scan; SQLite has no INCLUDE, so they are key columns).
            models.Index(fields=["municipality", "year", "home", "valid_from", "valid_to",
                                 "resident", "regime", "housing", "status", "person"],
                         name="segment_day"),
            # A person's rows inside a scope (refresh, merge, regime on a day); covering, or
            # SQLite's planner prefers segment_day once the scope adds the municipality.
            models.Index(fields=["municipality", "person", "valid_from", "valid_to", "regime",
                                 "home"], name="segment_person"),
            # The course worklist: the rows of a day with course access, covering.
            models.Index(fields=["municipality", "year", "course", "valid_from", "valid_to",
                                 "resident", "person", "course_since", "course_until"],
                         name="segment_course"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.valid_from}–{self.valid_to}"
