"""Individual integration plan: goals per field of action, each with steps."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models import TenantModel
from kim.people.models import Person


class FieldOfAction(models.TextChoices):
    LANGUAGE = "language", _("language")
    KITA_SCHOOL = "kita_school", _("Kita and school")
    VOCATIONAL_COLLEGE = "vocational_college", _("vocational college")
    WORK_QUALIFICATION = "work_qualification", _("work and qualification")
    HOUSING = "housing", _("housing")
    LEISURE = "leisure_participation", _("leisure and participation")
    HEALTH = "health", _("health")


class PlanStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


ACTIVE_STATUSES = (PlanStatus.OPEN, PlanStatus.IN_PROGRESS)


# Goal texts can reveal health or family matters: the audit log keeps only that they changed.
@audited(redact=["text"])
class PlanGoal(TenantModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="plan_goals",
                               verbose_name=_("person"))
    field = models.CharField(_("field of action"), max_length=30, choices=FieldOfAction.choices)
    text = models.CharField(_("goal"), max_length=300)
    status = models.CharField(_("status"), max_length=12, choices=PlanStatus.choices,
                              default=PlanStatus.OPEN)
    due_on = models.DateField(_("due by"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("plan goal")
        verbose_name_plural = _("plan goals")
        ordering = ["field", "pk"]

    def __str__(self) -> str:
        return f"{self.get_field_display()} #{self.pk}"


@audited(redact=["text"])
class PlanStep(TenantModel):
    goal = models.ForeignKey(PlanGoal, on_delete=models.CASCADE, related_name="steps",
                             verbose_name=_("goal"))
    text = models.CharField(_("step"), max_length=300)
    due_on = models.DateField(_("due by"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=PlanStatus.choices,
                              default=PlanStatus.OPEN)
    responsible = models.CharField(_("responsible"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("plan step")
        verbose_name_plural = _("plan steps")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"#{self.pk} ({self.goal_id})"
