"""Courses of the catalogue ("Kurs.net") and the entries of a person's education card
(BIK-S): referrals, assessments, attendance, certificates and obligations to attend.

Who is *entitled* to a course is the rules engine's answer and is never stored here; what
is stored is what actually happened. A referral is also the grant of a provider's access
to the person (kim/education/access.py): ending it ends the access.
"""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.models import TenantModel


class CourseKind(models.TextChoices):
    INTEGRATION = "integration", _("integration course")
    ALPHA = "alpha", _("integration course with literacy (Alpha)")
    YOUTH = "youth", _("youth integration course")
    PARENTS = "parents", _("parents' integration course")
    WOMEN = "women", _("women's integration course")
    JOB_LANGUAGE = "job_language", _("job-related language course")
    LOW_THRESHOLD = "low_threshold", _("low-threshold course")
    VOCATIONAL = "vocational", _("vocational measure")


INTEGRATION_KINDS = ("integration", "alpha", "youth", "parents", "women")


class Level(models.TextChoices):
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"


class SkillLevel(models.TextChoices):
    BELOW_A1 = "below_a1", _("below A1")
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"


class Admission(models.TextChoices):
    ENTITLED = "entitled", _("entitled persons only")
    ADMISSIBLE = "admissible", _("entitled and admissible persons")
    ANYONE = "anyone", _("anyone")


class CourseStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    OPEN = "open", _("open for enrolment")
    FULL = "full", _("full")
    RUNNING = "running", _("running")
    FINISHED = "finished", _("finished")


@audited()
class Course(TenantModel):
    """A course or measure of a provider (an ``Organisation`` of kind provider)."""

    provider = models.ForeignKey("core.Organisation", on_delete=models.PROTECT,
                                 related_name="courses", verbose_name=_("provider"))
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=CourseKind.choices)
    level = models.CharField(_("level"), max_length=2, choices=Level.choices, blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)
    schedule = models.CharField(_("schedule"), max_length=200, blank=True,
                                help_text=_("e.g. Mon–Fri 8:30–12:45"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    area = models.ForeignKey("core.Area", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="+", verbose_name=_("district"))
    seats = models.PositiveSmallIntegerField(_("seats"), validators=[MinValueValidator(1)])
    childcare = models.BooleanField(_("childcare offered"), default=False)
    cost = models.DecimalField(_("cost per participant (EUR)"), max_digits=8,
                               decimal_places=2, default=0,
                               validators=[MinValueValidator(0)])
    admission = models.CharField(_("who may join"), max_length=12, choices=Admission.choices,
                                 default=Admission.ADMISSIBLE)
    status = models.CharField(_("status"), max_length=10, choices=CourseStatus.choices,
                              default=CourseStatus.PLANNED)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["start", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                                   name="education_course_end_after_start"),
            models.CheckConstraint(condition=Q(seats__gte=1), name="education_course_seats"),
            models.CheckConstraint(condition=Q(cost__gte=0), name="education_course_cost"),
        ]
        indexes = [models.Index(fields=["municipality", "provider", "start"])]

    def __str__(self) -> str:
        return self.title


@audited(redact=["interruption_reason"])
class Referral(TenantModel):
    """A person referred to a course; with ``start`` the person is enrolled. While
    ``ended_on`` is empty the course's provider may see and record the person's card."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="education_referrals",
                               verbose_name=_("person"))
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="referrals",
                               verbose_name=_("course"))
    referred_on = models.DateField(_("referred on"))
    start = models.DateField(_("enrolled from"), null=True, blank=True)
    end = models.DateField(_("enrolled until"), null=True, blank=True)
    seat = models.PositiveSmallIntegerField(_("seat number"), null=True, blank=True)
    interrupted_on = models.DateField(_("interrupted on"), null=True, blank=True)
    interruption_reason = models.CharField(_("reason for the interruption"), max_length=200,
                                           blank=True)
    completed_on = models.DateField(_("completed on (signed off by the provider)"),
                                    null=True, blank=True)
    ended_on = models.DateField(_("referral ended on"), null=True, blank=True,
                                help_text=_("Ends the provider's access to the person."))

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-referred_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "person", "course"],
                                    condition=Q(ended_on__isnull=True),
                                    name="education_referral_one_open"),
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(start__isnull=False)
                                   & Q(end__gte=F("start")),
                                   name="education_referral_end_after_start"),
            models.CheckConstraint(condition=Q(start__isnull=True)
                                   | Q(start__gte=F("referred_on")),
                                   name="education_referral_start_after_referral"),
            models.UniqueConstraint(fields=["municipality", "course", "seat"],
                                    condition=Q(ended_on__isnull=True, seat__isnull=False),
                                    name="education_referral_one_seat"),
        ]
        indexes = [models.Index(fields=["municipality", "course", "ended_on"]),
                   models.Index(fields=["municipality", "person"])]

    def __str__(self) -> str:
        return f"{self.course} ({self.referred_on})"

    @property
    def state(self) -> str:
        if self.completed_on:
            return "completed"
        if self.ended_on:
            return "ended"
        if self.interrupted_on:
            return "interrupted"
        return "enrolled" if self.start else "referred"


@audited()
class Attendance(TenantModel):
    """Hours attended and absent in one month of an enrolment, recorded by the provider."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE,
                                 related_name="attendance", verbose_name=_("referral"))
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    hours = models.DecimalField(_("hours attended"), max_digits=5, decimal_places=1,
                                validators=[MinValueValidator(0)])
    absent_hours = models.DecimalField(_("hours absent"), max_digits=5, decimal_places=1,
                                       default=0, validators=[MinValueValidator(0)])

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["month"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "referral", "month"],
                                    name="education_attendance_once_per_month"),
            models.CheckConstraint(condition=Q(month__day=1),
                                   name="education_attendance_first_of_month"),
            models.CheckConstraint(condition=Q(hours__gte=0, absent_hours__gte=0),
                                   name="education_attendance_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"


@audited(redact=["recommendation"])
class Assessment(TenantModel):
    """A language assessment by a provider: the level per skill and a recommendation."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="education_assessments",
                               verbose_name=_("person"))
    provider = models.ForeignKey("core.Organisation", on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("provider"))
    assessed_on = models.DateField(_("assessed on"))
    assessor = models.CharField(_("assessor"), max_length=150)
    listening = models.CharField(_("listening"), max_length=8, choices=SkillLevel.choices)
    reading = models.CharField(_("reading"), max_length=8, choices=SkillLevel.choices)
    writing = models.CharField(_("writing"), max_length=8, choices=SkillLevel.choices)
    speaking = models.CharField(_("speaking"), max_length=8, choices=SkillLevel.choices)
    recommended_kind = models.CharField(_("recommended course type"), max_length=20,
                                        choices=CourseKind.choices, blank=True)
    recommendation = models.TextField(_("recommendation"), blank=True)

    class Meta:
        verbose_name = _("language assessment")
        verbose_name_plural = _("language assessments")
        ordering = ["-assessed_on", "-pk"]

    def __str__(self) -> str:
        return str(self.assessed_on)


class CertificateKind(models.TextChoices):
    DTZ = "dtz", _("German test for immigrants (DTZ)")
    LID = "lid", _("test \"Leben in Deutschland\"")
    LANGUAGE = "language", _("other language certificate")
    VOCATIONAL = "vocational", _("vocational qualification")


@audited()
class Certificate(TenantModel):
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="education_certificates",
                               verbose_name=_("person"))
    kind = models.CharField(_("certificate"), max_length=12, choices=CertificateKind.choices)
    level = models.CharField(_("level"), max_length=8, choices=SkillLevel.choices, blank=True)
    issued_on = models.DateField(_("issued on"))
    issuer = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, null=True,
                               blank=True, related_name="+", verbose_name=_("issued by"))

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return self.get_kind_display()


class Office(models.TextChoices):
    JOBCENTER = "jobcenter", _("Jobcenter")
    FOREIGNERS = "foreigners", _("foreigners' authority")
    SOCIAL = "social", _("social welfare office")


class ObligationBasis(models.TextChoices):
    AUFENTHG_44A = "aufenthg_44a", "§ 44a AufenthG"
    ASYLBLG_5B = "asylblg_5b", "§ 5b AsylbLG"
    SGB2 = "sgb2", "§ 15 SGB II"


@audited()
class Obligation(TenantModel):
    """A recorded obligation to attend an integration course – a document of an office,
    entered as data (the engine does not derive it)."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="education_obligations",
                               verbose_name=_("person"))
    office = models.CharField(_("issuing office"), max_length=12, choices=Office.choices)
    issued_on = models.DateField(_("issued on"))
    basis = models.CharField(_("legal basis"), max_length=14, choices=ObligationBasis.choices)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    class Meta:
        verbose_name = _("obligation to attend")
        verbose_name_plural = _("obligations to attend")
        ordering = ["-issued_on", "-pk"]
        constraints = [models.CheckConstraint(
            condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("issued_on")),
            name="education_obligation_end_after_issue")]

    def __str__(self) -> str:
        return f"{self.get_basis_display()} ({self.issued_on})"
