"""Where a person stands outside the courses: a child's childcare and schooling, an adult's
employment situation, and the work measures (FIM/AGH, coaching, recognition counselling)
with their placements ([Soest] 5.2–5.4, Tab. 4–6; [Stuttgart] 5.).

Situations are dated records (a new record from a date on, never an overwrite), so a
report for 30.06.2018 reads the situation in force on that day. Who has a *claim* to a
Kita place or is under school duty is the rules engine's answer (``childcare``,
``schooling``), not stored here.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models import TenantModel


class ChildcareKind(models.TextChoices):
    KITA = "kita", _("Kita")
    DAY_CARE = "day_care", _("child minder")
    HOME = "home", _("at home")
    WAITING = "waiting", _("waiting for a place")


@audited()
class ChildcareRecord(TenantModel):
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="childcare_records", verbose_name=_("child"))
    valid_from = models.DateField(_("from"))
    kind = models.CharField(_("childcare"), max_length=10, choices=ChildcareKind.choices)
    institution = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="+",
                                    verbose_name=_("Kita or child minder"))
    waiting_since = models.DateField(_("waiting since"), null=True, blank=True)
    place_offered_on = models.DateField(_("place offered on"), null=True, blank=True)

    class Meta:
        verbose_name = _("childcare situation")
        verbose_name_plural = _("childcare situations")
        ordering = ["-valid_from", "-pk"]
        constraints = [models.UniqueConstraint(fields=["municipality", "person", "valid_from"],
                                               name="education_childcare_one_per_day")]
        indexes = [models.Index(fields=["municipality", "valid_from"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.valid_from})"


class ClassType(models.TextChoices):
    REGULAR = "regular", _("regular class")
    LATERAL = "lateral", _("class with support for lateral entrants")
    INTERNATIONAL = "international", _("international class of the vocational college")
    MEASURE = "measure", _("other school or measure (young adults)")


@audited()
class SchoolRecord(TenantModel):
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="school_records", verbose_name=_("pupil"))
    valid_from = models.DateField(_("from"))
    school = models.ForeignKey("core.Organisation", on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("school"))
    class_type = models.CharField(_("class type"), max_length=14, choices=ClassType.choices)
    grade = models.PositiveSmallIntegerField(_("grade"), null=True, blank=True,
                                             validators=[MinValueValidator(1),
                                                         MaxValueValidator(13)])
    first_assessment_on = models.DateField(
        _("first assessment by the KI on"), null=True, blank=True,
        help_text=_("For lateral entrants from grade 5 on."))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("school attendance")
        verbose_name_plural = _("school attendance")
        ordering = ["-valid_from", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "person", "valid_from"],
                                    name="education_school_one_per_day"),
            models.CheckConstraint(condition=Q(left_on__isnull=True)
                                   | Q(left_on__gte=F("valid_from")),
                                   name="education_school_left_after_start")]

    def __str__(self) -> str:
        return f"{self.school} ({self.valid_from})"


class Activity(models.TextChoices):
    """[Soest] Tab. 6 columns."""

    VOCATIONAL_COLLEGE = "vocational_college", _("vocational college")
    LANGUAGE_COURSE = "language_course", _("language course")
    EMPLOYED = "employed", _("employed")
    NONE = "none", _("no measure / waiting list")


class Hindrance(models.TextChoices):
    CHILDCARE = "childcare", _("looks after children")
    HEALTH = "health", _("health")
    OTHER = "other", _("other reason")


@audited()
class EmploymentRecord(TenantModel):
    """The employment situation of a person of working age (18–62), from a date on."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="employment_records", verbose_name=_("person"))
    valid_from = models.DateField(_("from"))
    activity = models.CharField(_("activity"), max_length=20, choices=Activity.choices)
    hindrance = models.CharField(_("cannot take part because of"), max_length=10,
                                 choices=Hindrance.choices, blank=True)

    class Meta:
        verbose_name = _("employment situation")
        verbose_name_plural = _("employment situations")
        ordering = ["-valid_from", "-pk"]
        constraints = [models.UniqueConstraint(fields=["municipality", "person", "valid_from"],
                                               name="education_employment_one_per_day")]
        indexes = [models.Index(fields=["municipality", "valid_from"])]

    def __str__(self) -> str:
        return f"{self.get_activity_display()} ({self.valid_from})"


class MeasureKind(models.TextChoices):
    FIM = "fim", _("refugee integration measure (FIM)")
    AGH = "agh", _("work opportunity (AGH)")
    COACHING = "coaching", _("coaching into training and work")
    RECOGNITION = "recognition", _("recognition counselling")


@audited()
class Measure(TenantModel):
    """A work opportunity or counselling offer with a number of places."""

    organisation = models.ForeignKey("core.Organisation", on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("organisation"))
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("type"), max_length=12, choices=MeasureKind.choices)
    internal = models.BooleanField(_("internal (at the municipality)"), default=False)
    places = models.PositiveSmallIntegerField(_("places"), validators=[MinValueValidator(1)])
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(condition=Q(places__gte=1), name="education_measure_places"),
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                                   name="education_measure_end_after_start")]

    def __str__(self) -> str:
        return self.title


MAX_CONTRACT_DAYS = 183  # "contracts ≤ 6 months" ([Stuttgart] 5.)


@audited()
class MeasurePlacement(TenantModel):
    """A person in a measure from ``start`` to ``end`` (inclusive). Never more overlapping
    placements than the measure has places: a database trigger (migration 0002) refuses
    them, like the double-booking guard of stays."""

    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="placements",
                                verbose_name=_("measure"))
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="measure_placements", verbose_name=_("person"))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))

    class Meta:
        verbose_name = _("placement in a measure")
        verbose_name_plural = _("placements in measures")
        ordering = ["-start", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(end__gte=F("start")),
                                              name="education_placement_end_after_start")]

    def __str__(self) -> str:
        return f"{self.measure} ({self.start})"
