"""A person known to the municipality, with name variants and languages."""

from __future__ import annotations

import datetime
from collections.abc import Collection

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.core.audit.registry import audited
from kim.core.fields import CleanTextField
from kim.core.localize import short_date, short_month
from kim.core.models import TenantModel
from kim.people.models.fields import (
    Activity,
    Childcare,
    DatePrecision,
    Sex,
    partial_date_text,
    validate_citizenships,
)
from kim.people.models.plausibility import EARLIEST_BIRTH, PERSON_DATES, person_date_errors


def _after_birth(field: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__isnull": True})
        | models.Q(**{f"{field}__gte": models.F("birth_date")}),
        name=f"person_{field}_after_birth")


# Names, contact data and identifiers never enter the audit log (only that they changed):
# an append-only log must not keep what retention anonymises (kim/people/domain/retention.py).
@audited(redact=["family_name", "given_names", "phone", "email", "external_id"],
         exclude=["name_key"])
class Person(TenantModel):
    """Master data and the anchor dates the rules engine needs (legal-rules.md §2.1).

    Dates that follow from the status history (first Duldung, recognition, first § 24
    permit) are not stored twice: they are the start of the matching LegalStatus record.
    """

    external_id = models.CharField(_("external ID"), max_length=64, blank=True)
    family_name = CleanTextField(_("family name"), max_length=150)
    given_names = CleanTextField(_("given names"), max_length=150)
    # Partial birth dates are common: stored as the registry convention (missing day → 1st,
    # missing month → January) plus how much of it is known.
    birth_date = models.DateField(_("date of birth"))
    birth_date_precision = models.CharField(_("precision of the date of birth"), max_length=5,
                                            choices=DatePrecision.choices,
                                            default=DatePrecision.DAY)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    citizenships = models.JSONField(_("citizenships"), default=list,
                                    validators=[validate_citizenships])
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # Address in the municipality; the area (district) lets monitoring count by area.
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    area = models.ForeignKey("core.Area", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="persons", verbose_name=_("area"))

    entry_date = models.DateField(_("entry into Germany"), null=True, blank=True)
    asylum_application_date = models.DateField(_("asylum application"), null=True, blank=True)
    assignment_date = models.DateField(_("assignment to the municipality"), null=True,
                                       blank=True)
    analog_benefits_since = models.DateField(_("analogue benefits since"), null=True,
                                             blank=True)
    moved_away_date = models.DateField(_("moved away on"), null=True, blank=True)
    # Set by the retention run (kim/people/domain/retention.py): names, contact data and
    # identifiers are gone; what the statistics need (dates, statuses) stays.
    anonymised_on = models.DateField(_("anonymised on"), null=True, blank=True,
                                     editable=False)
    lives_in_reception_centre = models.BooleanField(_("lives in a reception centre"),
                                                    default=False)
    unaccompanied_minor = models.BooleanField(_("unaccompanied minor"), default=False)
    residence_obligation_exception = models.BooleanField(
        _("exception from the residence obligation (§ 12a Abs. 1 S. 2 AufenthG)"),
        default=False)

    activity = models.CharField(_("activity"), max_length=20, choices=Activity.choices,
                                blank=True)
    childcare = models.CharField(_("childcare"), max_length=10, choices=Childcare.choices,
                                 blank=True)
    # Accommodation as reported by an import, until the housing module records the stay.
    accommodation_code = models.CharField(_("accommodation (code)"), max_length=40, blank=True)
    accommodation_since = models.DateField(_("accommodation since"), null=True, blank=True)

    # Phonetic key of the name (kim.people.domain.names), kept in step by the domain layer;
    # searched through its tokens in PersonNameToken (indexed), never with LIKE.
    name_key = models.CharField(max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["family_name", "given_names", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "external_id"],
                                    condition=~models.Q(external_id=""),
                                    name="person_unique_external_id"),
            # What plausibility.person_date_errors checks without "today" (clean() names
            # the field; these hold for every other way into the table).
            models.CheckConstraint(condition=models.Q(birth_date__gte=EARLIEST_BIRTH),
                                   name="person_birth_from_1900"),
            *(_after_birth(field) for field in PERSON_DATES),
        ]
        indexes = [
            models.Index(fields=["municipality", "family_name", "given_names"],
                         name="person_name"),
            models.Index(fields=["municipality", "birth_date"], name="person_birth"),
            # The API's lists: by id (cursor) and by change (a data warehouse syncing);
            # one index range of the town instead of the primary key filtered by town or
            # a sort of all its persons (issue 17 item 6).
            models.Index(fields=["municipality", "id"], name="person_town_id"),
            models.Index(fields=["municipality", "updated_at", "id"], name="person_town_changed"),
        ]

    def __str__(self) -> str:
        return f"{self.family_name}, {self.given_names}"

    def clean(self) -> None:
        super().clean()
        if self.birth_date is None:  # a field error already
            return
        first_status = None
        if self.pk:
            first_status = (self.statuses.order_by("valid_from")
                            .values_list("valid_from", flat=True).first())
        errors = person_date_errors(self.birth_date,
                                    {f: getattr(self, f) for f in PERSON_DATES},
                                    timezone.localdate(), first_status=first_status)
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude: Collection[str] | None = None) -> None:
        # The date CHECKs back up clean(), which already named the field: not twice.
        super().validate_constraints(exclude={*(exclude or ()), "birth_date"})

    @property
    def birth_date_display(self) -> str:
        if self.birth_date_precision == DatePrecision.YEAR:
            return f"{self.birth_date.year}"
        if self.birth_date_precision == DatePrecision.MONTH:
            return short_month(self.birth_date)
        return short_date(self.birth_date)

    @property
    def birth_date_fact(self) -> str:
        """The birth date as the rules engine's facts want it (YYYY, YYYY-MM, YYYY-MM-DD)."""
        return partial_date_text(self.birth_date, self.birth_date_precision)

    def age_on(self, day: datetime.date) -> int:
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@audited(redact=["family_name", "given_names"], exclude=["name_key"])
class PersonName(TenantModel):
    """Further spellings of a person's name: transliterations, aliases, earlier names."""

    class Kind(models.TextChoices):
        TRANSLITERATION = "translit", _("transliteration variant")
        ORIGINAL = "original", _("original script")
        ALIAS = "alias", _("alias")
        FORMER = "former", _("former name")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names",
                               verbose_name=_("person"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices,
                            default=Kind.TRANSLITERATION)
    family_name = CleanTextField(_("family name"), max_length=150)
    given_names = CleanTextField(_("given names"), max_length=150, blank=True)
    name_key = models.CharField(max_length=200, blank=True, editable=False)

    class Meta:
        verbose_name = _("name variant")
        verbose_name_plural = _("name variants")

    def __str__(self) -> str:
        return f"{self.family_name}, {self.given_names}"


@audited()
class PersonLanguage(TenantModel):
    class Level(models.TextChoices):
        NATIVE = "native", _("first language")
        A1 = "A1", "A1"
        A2 = "A2", "A2"
        B1 = "B1", "B1"
        B2 = "B2", "B2"
        C1 = "C1", "C1"
        C2 = "C2", "C2"
        UNKNOWN = "unknown", _("level unknown")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="languages",
                               verbose_name=_("person"))
    language = models.CharField(_("language (ISO 639)"), max_length=3)
    level = models.CharField(_("level"), max_length=7, choices=Level.choices,
                             default=Level.UNKNOWN)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        constraints = [models.UniqueConstraint(fields=["municipality", "person", "language"],
                                               name="person_language_unique")]

    def __str__(self) -> str:
        return f"{self.language} ({self.level})"
