"""The education module's REST endpoints (``KimModule.api``): the course catalogue,
referrals/enrolments and the entries of a person's education card.

The same permissions and object rules as the pages (kim/education/access.py): a provider
edits only its own courses and reaches only the persons and open referrals of its
courses. Writes go through the pages' forms: ``CourseForm``, ``ReferralForm``,
``ReferralUpdateForm``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from kim.api import problems
from kim.api.declare import Endpoint
from kim.api.views.base import (
    IDEMPOTENCY_KEY,
    IF_MATCH,
    READ_ERRORS,
    WRITE_ERRORS,
    ApiView,
    body,
    form_data,
    idempotent,
    paged,
    patch_data,
    require_match,
    run_form,
    scalar,
    state_etag,
)
from kim.api.views.lists import Filter, Listing, by_id_and
from kim.core.permissions.check import granted, visible
from kim.education.access import MANAGE, organisation_id
from kim.education.forms import CourseForm, ReferralForm, ReferralUpdateForm
from kim.education.models import (
    Assessment,
    Certificate,
    Course,
    CourseKind,
    CourseStatus,
    Obligation,
    Referral,
)
from kim.education.views.courses import with_counts
from kim.people.models import Person

READ = "education.records:read"


# -- courses ----------------------------------------------------------------------------
class CourseSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    provider = serializers.IntegerField(source="provider_id", read_only=True)
    provider_name = serializers.CharField(source="provider.name", read_only=True)
    area = serializers.IntegerField(source="area_id", read_only=True, allow_null=True)
    referred = serializers.IntegerField(read_only=True, help_text="Open referrals")
    enrolled = serializers.IntegerField(read_only=True, help_text="Enrolled participants")

    class Meta:
        model = Course
        fields = ["id", "provider", "provider_name", "title", "kind", "level", "start", "end",
                  "schedule", "place", "area", "seats", "childcare", "cost", "admission",
                  "status", "referred", "enrolled"]
        read_only_fields = fields


class CourseInputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """The page's course form (documentation; a provider may name only itself)."""

    provider = serializers.IntegerField(help_text="The provider (organisation)")
    title = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=CourseKind.choices)
    level = serializers.CharField(max_length=2, required=False, allow_blank=True)
    start = serializers.DateField()
    end = serializers.DateField(required=False, allow_null=True)
    schedule = serializers.CharField(max_length=200, required=False, allow_blank=True)
    place = serializers.CharField(max_length=200, required=False, allow_blank=True)
    area = serializers.IntegerField(required=False, allow_null=True)
    seats = serializers.IntegerField(min_value=1)
    childcare = serializers.BooleanField(required=False)
    cost = serializers.DecimalField(max_digits=8, decimal_places=2, required=False)
    admission = serializers.ChoiceField(choices=Course._meta.get_field("admission").choices,
                                        required=False)
    status = serializers.ChoiceField(choices=CourseStatus.choices, required=False)


class CoursePatchSerializer(CourseInputSerializer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


COURSE_FIELDS = list(CourseForm._meta.fields or ())
COURSE_INPUT = dict.fromkeys(COURSE_FIELDS, scalar)
COURSES = Listing(
    filters=[Filter("kind", "kind", "choice", CourseKind.values),
             Filter("status", "status", "choice", CourseStatus.values),
             Filter("provider", "provider_id", "int"),
             Filter("starts_from", "start__gte", "date"),
             Filter("starts_to", "start__lte", "date")],
    orderings=by_id_and("start"))


def _provider_only(request: Request) -> int | None:
    """The organisation a provider's staff is limited to; None for the coordinator (as the
    course pages)."""
    if MANAGE in granted(request.user, request.municipality):
        return None
    return organisation_id(request.user, request.municipality) or 0


def _counted(page: list[Course]) -> list[Course]:
    """Counts for the page only, as the course list does."""
    counts = {c.pk: c for c in with_counts(Course.objects.filter(pk__in=[c.pk for c in page]))}
    return [counts[c.pk] for c in page]


def _course_response(course: Course, status: int = 200) -> Response:
    course = _counted([course])[0]
    return Response(CourseSerializer(course).data, status=status,
                    headers={"ETag": state_etag(course)})


def _save_course(request: Request, course: Course, data: dict[str, Any]) -> Course:
    form = CourseForm(data, municipality=request.municipality,
                      provider_id=_provider_only(request), instance=course)
    return run_form(form, lambda d: form.save())  # type: ignore[no-any-return]


class CourseList(ApiView):
    @extend_schema(operation_id="courses_list", parameters=COURSES.parameters(),
                   responses={200: paged(CourseSerializer), **READ_ERRORS})
    def get(self, request: Request) -> Response:
        return COURSES.respond(self, request, Course.objects.select_related("provider"),
                               lambda page: CourseSerializer(_counted(page), many=True).data)

    @extend_schema(operation_id="courses_create", request=CourseInputSerializer,
                   parameters=[IDEMPOTENCY_KEY],
                   responses={201: CourseSerializer, **WRITE_ERRORS})
    def post(self, request: Request) -> Response:
        data, errors = form_data(body(request), COURSE_INPUT)
        if errors:
            raise problems.Invalid(errors)
        return idempotent(request, lambda: _course_response(_save_course(
            request, Course(municipality=request.municipality), data), 201))


class CourseDetail(ApiView):
    @extend_schema(operation_id="courses_read", responses={200: CourseSerializer,
                                                           **READ_ERRORS})
    def get(self, request: Request, obj: Course) -> Response:
        return _course_response(obj)

    @extend_schema(operation_id="courses_update", request=CoursePatchSerializer,
                   parameters=[IF_MATCH], responses={200: CourseSerializer, **WRITE_ERRORS})
    def patch(self, request: Request, obj: Course) -> Response:
        changes, errors = form_data(body(request), COURSE_INPUT)
        if errors:
            raise problems.Invalid(errors)
        require_match(request, state_etag(obj))
        return _course_response(_save_course(request, obj, patch_data(obj, COURSE_FIELDS,
                                                                      changes)))


# -- referrals (enrolments) ---------------------------------------------------------------
class ReferralSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    person = serializers.IntegerField(source="person_id", read_only=True)
    course = serializers.IntegerField(source="course_id", read_only=True)
    state = serializers.ChoiceField(
        choices=["referred", "enrolled", "interrupted", "completed", "ended"], read_only=True)

    class Meta:
        model = Referral
        fields = ["id", "person", "course", "referred_on", "start", "end", "seat",
                  "interrupted_on", "interruption_reason", "completed_on", "ended_on", "state"]
        read_only_fields = fields


class ReferralInputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """The page "Refer to a course" (documentation)."""

    course = serializers.IntegerField()
    referred_on = serializers.DateField()


class ReferralPatchSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """The provider's entries on a referral (documentation)."""

    start = serializers.DateField(required=False, allow_null=True)
    end = serializers.DateField(required=False, allow_null=True)
    seat = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    interrupted_on = serializers.DateField(required=False, allow_null=True)
    interruption_reason = serializers.CharField(max_length=200, required=False,
                                                allow_blank=True)
    completed_on = serializers.DateField(required=False, allow_null=True)
    ended_on = serializers.DateField(required=False, allow_null=True)


REFERRALS = Listing(
    filters=[Filter("person", "person_id", "int"), Filter("course", "course_id", "int"),
             Filter("open", "ended_on__isnull", "bool",
                    description="Only referrals that have not ended"),
             Filter("referred_from", "referred_on__gte", "date")],
    orderings=by_id_and("referred_on"))
REFERRAL_FIELDS = list(ReferralUpdateForm._meta.fields or ())
REFERRAL_INPUT = dict.fromkeys(REFERRAL_FIELDS, scalar)


def _referral_response(referral: Referral, status: int = 200) -> Response:
    return Response(ReferralSerializer(referral).data, status=status,
                    headers={"ETag": state_etag(referral)})


class ReferralList(ApiView):
    @extend_schema(operation_id="referrals_list", parameters=REFERRALS.parameters(),
                   responses={200: paged(ReferralSerializer), **READ_ERRORS})
    def get(self, request: Request) -> Response:
        """The referrals the reader reaches (a provider: the open ones to its courses)."""
        qs = visible(request.user, READ, request.municipality, Referral.objects.all())
        return REFERRALS.respond(self, request, qs,
                                 lambda page: ReferralSerializer(page, many=True).data)


class ReferralDetail(ApiView):
    @extend_schema(operation_id="referrals_read",
                   responses={200: ReferralSerializer, **READ_ERRORS})
    def get(self, request: Request, obj: Referral) -> Response:
        return _referral_response(obj)

    @extend_schema(operation_id="referrals_update", request=ReferralPatchSerializer,
                   parameters=[IF_MATCH], responses={200: ReferralSerializer, **WRITE_ERRORS})
    def patch(self, request: Request, obj: Referral) -> Response:
        changes, errors = form_data(body(request), REFERRAL_INPUT)
        if errors:
            raise problems.Invalid(errors)
        require_match(request, state_etag(obj))
        form = ReferralUpdateForm(patch_data(obj, REFERRAL_FIELDS, changes), instance=obj)
        return _referral_response(run_form(form, lambda d: form.save()))


class PersonReferrals(ApiView):
    @extend_schema(operation_id="persons_referrals_create", request=ReferralInputSerializer,
                   parameters=[IDEMPOTENCY_KEY],
                   responses={201: ReferralSerializer, **WRITE_ERRORS})
    def post(self, request: Request, obj: Person) -> Response:
        data, errors = form_data(body(request), dict.fromkeys(("course", "referred_on"),
                                                               scalar))
        if errors:
            raise problems.Invalid(errors)

        def create() -> Response:
            form = ReferralForm(data, municipality=request.municipality,
                                instance=Referral(municipality=request.municipality,
                                                  person=obj))
            return _referral_response(run_form(form, lambda d: form.save()), 201)

        return idempotent(request, create)


# -- the education card ---------------------------------------------------------------------
class AssessmentSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    provider = serializers.IntegerField(source="provider_id", read_only=True)

    class Meta:
        model = Assessment
        fields = ["id", "provider", "assessed_on", "assessor", "listening", "reading",
                  "writing", "speaking", "recommended_kind", "recommendation"]
        read_only_fields = fields


class CertificateSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    issuer = serializers.IntegerField(source="issuer_id", read_only=True, allow_null=True)

    class Meta:
        model = Certificate
        fields = ["id", "kind", "level", "issued_on", "issuer"]
        read_only_fields = fields


class ObligationSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = Obligation
        fields = ["id", "office", "issued_on", "basis", "ended_on"]
        read_only_fields = fields


class CardSerializer(serializers.Serializer):  # type: ignore[type-arg]
    person = serializers.IntegerField()
    referrals = ReferralSerializer(many=True)
    assessments = AssessmentSerializer(many=True)
    certificates = CertificateSerializer(many=True)
    obligations = ObligationSerializer(many=True)


class PersonCard(ApiView):
    @extend_schema(operation_id="persons_education_card",
                   responses={200: CardSerializer, **READ_ERRORS})
    def get(self, request: Request, obj: Person) -> Response:
        """The card's course entries as the card page shows them (a provider: only the
        referrals to its courses); childcare, school and work are not part of it."""
        referrals: QuerySet[Referral] = visible(request.user, READ, request.municipality,
                                                Referral.objects.filter(person=obj))
        return Response(CardSerializer({
            "person": obj.pk, "referrals": referrals,
            "assessments": Assessment.objects.filter(person=obj),
            "certificates": Certificate.objects.filter(person=obj),
            "obligations": Obligation.objects.filter(person=obj)}).data)


WRITE = "education.records:write"
ENDPOINTS = [
    Endpoint("courses/", "courses",
             {"GET": "education.courses:read", "POST": "education.courses:write"},
             CourseList, list_view=True),
    Endpoint("courses/<int:pk>/", "course",
             {"GET": "education.courses:read", "PATCH": "education.courses:write"},
             CourseDetail, obj=Course),
    Endpoint("referrals/", "referrals", {"GET": READ}, ReferralList, list_view=True),
    Endpoint("referrals/<int:pk>/", "referral", {"GET": READ, "PATCH": WRITE},
             ReferralDetail, obj=lambda: Referral.objects.select_related("course", "person")),
    Endpoint("persons/<int:pk>/referrals/", "person_referrals", {"POST": WRITE},
             PersonReferrals, obj=Person),
    Endpoint("persons/<int:pk>/education/", "person_education", {"GET": READ}, PersonCard,
             obj=Person),
]
