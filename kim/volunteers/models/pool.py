"""Volunteers, requests and matches (issue 14 items 1, 2, 4).

The volunteer coordinator works with these rows and never with person data: a request
names a need, a language, a district and times; the household it is for is known only to
the caseworker who made it (``household``, shown to the request's author only)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models import Area, Organisation, TenantModel
from kim.volunteers.choices import Skill


@audited()
class WorkingGroup(TenantModel):
    """A working group of the volunteers' round table ([Soest] 3.5: Bildung, Mobilität …)."""

    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"],
                                               name="volunteers_group_unique_name")]

    def __str__(self) -> str:
        return self.name


@audited(redact=["first_name", "family_name", "email", "phone", "note"])
class Volunteer(TenantModel):
    """A volunteer: contact, what they can do, where and when, and the formalities
    (certificate of good conduct, consent). ``languages`` maps ISO codes to a CEFR level
    or "native" ("" = level not recorded)."""

    first_name = models.CharField(_("first name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    languages = models.JSONField(_("languages"), default=dict, blank=True)
    skills = models.JSONField(_("skills"), default=list, blank=True)
    any_district = models.BooleanField(_("works in every district"), default=False)
    districts = models.ManyToManyField(Area, blank=True, related_name="+",
                                       verbose_name=_("districts"))
    slots = models.JSONField(_("available times"), default=list, blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("parallel assignments at most"), default=1,
        validators=[MinValueValidator(0), MaxValueValidator(50)])
    roles = models.JSONField(_("roles"), default=list, blank=True)
    working_groups: models.ManyToManyField[WorkingGroup, Any] = models.ManyToManyField(
        WorkingGroup, blank=True, related_name="volunteers", verbose_name=_("working groups"))
    certificate_seen_on = models.DateField(
        _("certificate of good conduct seen on"), null=True, blank=True,
        help_text=_("Extended certificate of good conduct (erweitertes Führungszeugnis), "
                    "required for work with children."))
    consent_on = models.DateField(_("written consent to data processing on"))
    consent_scope = models.CharField(
        _("scope of the consent"), max_length=300,
        help_text=_("E.g. contact data and availability for placing assignments."))
    joined_on = models.DateField(_("active since"), default=timezone.localdate)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    anonymised = models.BooleanField(_("anonymised"), default=False, editable=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        ordering = ["family_name", "first_name", "pk"]
        indexes = [models.Index(fields=["municipality", "left_on"],
                                name="volunteers_left")]

    def __str__(self) -> str:
        if self.anonymised:
            return str(_("Former volunteer #%(id)s") % {"id": self.pk})
        return f"{self.first_name} {self.family_name}"

    def certificate_until(self, years: int) -> datetime.date | None:
        """The last day the certificate counts as valid: seen on + ``years`` − 1 day."""
        if self.certificate_seen_on is None:
            return None
        seen = self.certificate_seen_on
        try:
            end = seen.replace(year=seen.year + years)
        except ValueError:  # 29 February
            end = seen.replace(year=seen.year + years, day=28)
        return end - datetime.timedelta(days=1)


@audited(redact=["description", "shared_with_volunteer"])
class Request(TenantModel):
    """A request for a volunteer, from a caseworker (for a household) or an institution.
    ``description`` is short and anonymous; ``shared_with_volunteer`` is what the household
    agreed to let the volunteer know (shown on the assignment once it is agreed)."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        MATCHED = "matched", _("volunteer found")
        CLOSED = "closed", _("served")
        WITHDRAWN = "withdrawn", _("withdrawn")

    skill = models.CharField(_("need"), max_length=30, choices=Skill.choices, blank=True)
    language = models.CharField(_("language"), max_length=12, blank=True)
    district = models.ForeignKey(Area, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+", verbose_name=_("district"))
    slots = models.JSONField(_("times"), default=list)
    involves_children = models.BooleanField(_("work with children"), default=False)
    description = models.CharField(_("short anonymous description"), max_length=300)
    shared_with_volunteer = models.TextField(
        _("shared with the volunteer"), blank=True,
        help_text=_("Only what the household agreed to share, e.g. a first name and a "
                    "phone number."))
    institution = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="+",
                                    verbose_name=_("institution"))
    household = models.ForeignKey("people.Household", on_delete=models.SET_NULL, null=True,
                                  blank=True, related_name="+", verbose_name=_("household"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("requested by"))
    created_on = models.DateField(_("received on"), default=timezone.localdate)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.OPEN)

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        ordering = ["created_on", "pk"]
        indexes = [models.Index(fields=["municipality", "status"],
                                name="volunteers_request_status")]

    def __str__(self) -> str:
        return str(_("Request #%(id)s") % {"id": self.pk})


@audited(redact=["end_note", "feedback"])
class Match(TenantModel):
    """A volunteer assigned to a request: proposed → agreed → active → ended."""

    class State(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        AGREED = "agreed", _("agreed")
        ACTIVE = "active", _("active")
        ENDED = "ended", _("ended")

    class EndReason(models.TextChoices):
        COMPLETED = "completed", _("need met")
        DECLINED = "declined", _("declined before the start")
        VOLUNTEER = "volunteer", _("volunteer stopped")
        HOUSEHOLD = "household", _("household stopped or moved away")
        NOT_WORKING = "not_working", _("did not work out")
        OTHER = "other", _("other")

    class Feedback(models.TextChoices):
        GOOD = "good", _("went well")
        MIXED = "mixed", _("partly")
        POOR = "poor", _("did not go well")

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="matches",
                                verbose_name=_("request"))
    volunteer = models.ForeignKey(Volunteer, on_delete=models.PROTECT,
                                  related_name="matches", verbose_name=_("volunteer"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices,
                             default=State.PROPOSED)
    score = models.IntegerField(_("score"), null=True, blank=True)
    proposed_on = models.DateField(_("proposed on"))
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.CharField(_("reason for the end"), max_length=12,
                                  choices=EndReason.choices, blank=True)
    end_note = models.CharField(_("note on the end"), max_length=300, blank=True)
    feedback_rating = models.CharField(_("feedback"), max_length=6, choices=Feedback.choices,
                                       blank=True)
    feedback = models.TextField(_("feedback in words"), blank=True)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["-proposed_on", "-pk"]
        indexes = [models.Index(fields=["municipality", "state"],
                                name="volunteers_match_state")]

    def __str__(self) -> str:
        return str(_("Assignment #%(id)s") % {"id": self.pk})

    @property
    def is_open(self) -> bool:
        return self.state != self.State.ENDED


@audited()
class MatchHours(TenantModel):
    """Hours a volunteer reported for one assignment in one month (first of the month)."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="hours",
                              verbose_name=_("assignment"))
    month = models.DateField(_("month"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1,
                                validators=[MinValueValidator(0), MaxValueValidator(744)])

    class Meta:
        verbose_name = _("hours in a month")
        verbose_name_plural = _("hours per month")
        ordering = ["month"]
        constraints = [models.UniqueConstraint(fields=["municipality", "match", "month"],
                                               name="volunteers_hours_unique_month")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}: {self.hours}"
