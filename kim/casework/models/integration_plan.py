"""The individual integration plan of a person ([Herne] 2.2, [Soest] 1.2): goals per field
of action, each with steps. Not to be confused with the municipality's action plan
(Handlungskonzept) – hence "integration" in every name here."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models import FieldOfAction, TenantModel
from kim.people.models import Person

# The code of the field of action whose goals count as "someone takes care of language".
LANGUAGE = "language"


class PlanStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


ACTIVE_STATUSES = (PlanStatus.OPEN, PlanStatus.IN_PROGRESS)


# Goal texts can reveal health or family matters: the audit log keeps only that they changed.
@audited(redact=["text"])
class IntegrationGoal(TenantModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE,
                               related_name="integration_goals", verbose_name=_("person"))
    field = models.ForeignKey(FieldOfAction, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("field of action"))
    text = models.CharField(_("goal"), max_length=300)
    status = models.CharField(_("status"), max_length=12, choices=PlanStatus.choices,
                              default=PlanStatus.OPEN)
    due_on = models.DateField(_("due by"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("integration goal")
        verbose_name_plural = _("integration goals")
        ordering = ["field__order", "pk"]

    def __str__(self) -> str:
        return f"{self.field} #{self.pk}"


@audited(redact=["text"])
class IntegrationStep(TenantModel):
    goal = models.ForeignKey(IntegrationGoal, on_delete=models.CASCADE, related_name="steps",
                             verbose_name=_("goal"))
    text = models.CharField(_("step"), max_length=300)
    due_on = models.DateField(_("due by"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=PlanStatus.choices,
                              default=PlanStatus.OPEN)
    responsible = models.CharField(_("responsible"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("integration step")
        verbose_name_plural = _("integration steps")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"#{self.pk} ({self.goal_id})"
