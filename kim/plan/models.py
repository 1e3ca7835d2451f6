"""The action plan (Handlungskonzept, product.md §2.8): versions of a plan, its fields of
action (core ``FieldOfAction``) with goals by horizon, its measures, and dated status
entries per measure – so the state on any past date can be shown.

A new version is a copy; every copied row keeps a link to the row it came from
(``Plan.predecessor``, ``Measure.predecessor``), so a measure's history can be read
across versions. Status entries are never copied: they belong to the measure of the
version in force when they were written.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.localize import short_date
from kim.core.models import FieldOfAction, TenantModel


class Horizon(models.TextChoices):
    """[Soest] 5.x.3: continuous = ongoing tasks, short = annual goals, medium = 3–5 years,
    long = within 10 years."""

    CONTINUOUS = "continuous", _("continuous")
    SHORT = "short", _("short-term (about 1 year)")
    MEDIUM = "medium", _("medium-term (3–5 years)")
    LONG = "long", _("long-term (up to 10 years)")


class State(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    STOPPED = "stopped", _("stopped")


@audited()
class Plan(TenantModel):
    """One version of the action plan, e.g. the 2019 concept or its 2022 review."""

    title = models.CharField(_("title"), max_length=200)
    adopted_on = models.DateField(_("adopted on"))
    predecessor = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="successors",
                                    verbose_name=_("previous version"))
    next_report_on = models.DateField(
        _("next status report on"), null=True, blank=True,
        help_text=_("The process owners are reminded four weeks before."))
    review_on = models.DateField(_("next review on"), null=True, blank=True,
                                 help_text=_("[Soest]: every three years"))
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-adopted_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["municipality", "title"],
                                               name="plan_unique_title")]

    def __str__(self) -> str:
        return self.title


@audited()
class PlanField(TenantModel):
    """A field of action as a chapter of one plan version ([Soest]: Baustein 1–6)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="fields",
                             verbose_name=_("action plan"))
    field = models.ForeignKey(FieldOfAction, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("field of action"))
    number = models.PositiveSmallIntegerField(_("number"))
    situation = models.TextField(_("starting point"), blank=True)

    class Meta:
        verbose_name = _("field of the plan")
        verbose_name_plural = _("fields of the plan")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "plan", "field"],
                                    name="planfield_unique_field"),
            models.UniqueConstraint(fields=["municipality", "plan", "number"],
                                    name="planfield_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.field.name}"


@audited()
class Goal(TenantModel):
    plan_field = models.ForeignKey(PlanField, on_delete=models.CASCADE, related_name="goals",
                                   verbose_name=_("field of the plan"))
    horizon = models.CharField(_("horizon"), max_length=12, choices=Horizon.choices)
    text = models.TextField(_("goal"))

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text[:60]


@audited()
class Measure(TenantModel):
    """A measure of the plan ([Soest] tables 1.1–6.3)."""

    plan_field = models.ForeignKey(PlanField, on_delete=models.CASCADE,
                                   related_name="measures", verbose_name=_("field of action"))
    number = models.CharField(_("number"), max_length=12,
                              help_text=_("As in the council's document, e.g. 1.1"))
    sort_key = models.CharField(max_length=40, editable=False, default="")
    text = models.TextField(_("measure"))
    owner = models.CharField(_("process owner"), max_length=200)
    participants = models.CharField(_("participants"), max_length=300, blank=True)
    horizon = models.CharField(_("horizon"), max_length=12, choices=Horizon.choices)
    effort = models.CharField(_("cost and effort"), max_length=300, blank=True)
    predecessor = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="successors",
                                    verbose_name=_("the same measure in the previous version"))
    figure = models.CharField(_("figure shown next to it"), max_length=40, blank=True,
                              help_text=_("A figure kim computes, shown with the measure "
                                          "to those who may see it."))

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["sort_key", "pk"]
        constraints = [models.UniqueConstraint(fields=["municipality", "plan_field", "number"],
                                               name="measure_unique_number")]

    def __str__(self) -> str:
        return f"{self.number} {self.text[:60]}"

    def save(self, *args: object, **kwargs: object) -> None:
        # "1.10" sorts after "1.9": zero-padded parts
        self.sort_key = ".".join(p.zfill(4) for p in self.number.split("."))
        super().save(*args, **kwargs)  # type: ignore[arg-type]


@audited()
class StatusEntry(TenantModel):
    """The state of a measure from a date on ([Kamp-Lintfort] 3.: goal / when / status /
    need for action). Entries are dated, never overwritten by later ones: the status on a
    past date is the latest entry up to that date."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE,
                                related_name="status_entries", verbose_name=_("measure"))
    reported_on = models.DateField(_("as of"))
    state = models.CharField(_("state"), max_length=12, choices=State.choices)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0,
                                                validators=[MaxValueValidator(100)])
    goal = models.TextField(_("goal"), blank=True)
    timing = models.CharField(_("when"), max_length=200, blank=True)
    status = models.TextField(_("status"), blank=True)
    need = models.TextField(_("need for action"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                               null=True, blank=True, related_name="+",
                               verbose_name=_("written by"))
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("status entry")
        verbose_name_plural = _("status entries")
        ordering = ["-reported_on", "-pk"]
        constraints = [models.CheckConstraint(condition=models.Q(progress__lte=100),
                                              name="statusentry_progress_max_100")]

    def __str__(self) -> str:
        return f"{self.measure.number} {short_date(self.reported_on)}: {self.get_state_display()}"
